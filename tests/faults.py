"""Real faults for tests: a full disk, a read-only folder.

As root (containers, CI images) a tiny tmpfs and a read-only bind mount give the kernel's own
ENOSPC and EROFS; elsewhere a file-size limit (EFBIG) and folder permissions do the same job.
"""

from __future__ import annotations

import contextlib
import os
import resource
import signal
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

from desktop.core.district_file.write_errors import DISK_ERROR, DISK_FULL


def _can_mount() -> bool:
    return os.name == "posix" and os.geteuid() == 0 and not os.environ.get("DES_TEST_NO_MOUNT")


def _run(*command: str) -> bool:
    return subprocess.run(command, capture_output=True, check=False).returncode == 0


@contextlib.contextmanager
def small_disk(base: Path, size_kib: int = 512) -> Iterator[Path]:
    """A folder on a disk of ``size_kib`` KiB (a tmpfs), or a plain folder if none can be
    mounted; fill it with :func:`disk_full`."""
    folder = base / f"disk-{uuid.uuid4().hex[:8]}"
    folder.mkdir()
    mounted = _can_mount() and _run("mount", "-t", "tmpfs", "-o", f"size={size_kib}k", "tmpfs",
                                    str(folder))
    try:
        yield folder
    finally:
        if mounted:
            _run("umount", "-l", str(folder))


@contextlib.contextmanager
def disk_full(folder: Path) -> Iterator[None]:
    """No more bytes can be written in ``folder``: the tmpfs is filled up, or (without one)
    this process may not write past a file's first byte (so no journal, hence no edit)."""
    filler = folder / "filler"
    if os.path.ismount(folder):
        handle = os.open(filler, os.O_WRONLY | os.O_CREAT)
        with contextlib.suppress(OSError):
            while os.write(handle, b"\0" * 4096):
                pass
        os.close(handle)
        try:
            yield
        finally:
            filler.unlink()
        return
    previous_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (1, hard))  # a new journal cannot be written
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous_handler)


def full_disk_reasons(folder: Path) -> set[str]:
    """What a full ``folder`` is reported as: a file-size limit makes SQLite see an I/O error."""
    return {DISK_FULL} if os.path.ismount(folder) else {DISK_FULL, DISK_ERROR}


@contextlib.contextmanager
def read_only_folder(folder: Path) -> Iterator[None]:
    """``folder`` becomes read-only: a read-only bind mount as root, permissions otherwise."""
    if _can_mount() and _run("mount", "--bind", str(folder), str(folder)):
        if not _run("mount", "-o", "remount,ro,bind", str(folder)):
            _run("umount", str(folder))
            raise RuntimeError("a read-only bind mount could not be made")
        try:
            yield
        finally:
            _run("umount", "-l", str(folder))
        return
    mode = folder.stat().st_mode
    folder.chmod(0o555)
    try:
        yield
    finally:
        folder.chmod(mode)
