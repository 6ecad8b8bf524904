"""One writer per district: a lock file ``NAME.des.lock`` beside the district.

The lock is made with ``O_CREAT | O_EXCL``, which is atomic on local disks, on Windows and on
network folders (SMB, NFSv3+), and holds who has the district open: user, computer, process
and since when, so that a second window or program can say so. A lock left by a program that
was killed is stale when it names this computer and a process that no longer runs; a lock from
another computer is never taken over silently.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import socket
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from desktop.core.errors import DistrictFileError
from i18n import N_

LOCK_SUFFIX = ".lock"
BEING_WRITTEN_SECONDS = 10  # an empty lock younger than this is still being written


@dataclass(frozen=True)
class LockOwner:
    user: str
    host: str
    pid: int
    since: str  # ISO date and time, local
    token: str = ""  # tells two locks of the same process and second apart

    @classmethod
    def me(cls) -> LockOwner:
        return cls(user=_user(), host=socket.gethostname(), pid=os.getpid(),
                   since=dt.datetime.now().isoformat(timespec="seconds"),
                   token=os.urandom(16).hex())

    def is_me(self) -> bool:
        return self.host == socket.gethostname() and self.pid == os.getpid()

    def is_gone(self) -> bool:
        """Its program has ended: only knowable for a process of this computer."""
        return self.host == socket.gethostname() and not _process_runs(self.pid)


class LockedError(DistrictFileError):
    """Someone else has the district open for writing."""

    def __init__(self, path: Path, owner: LockOwner) -> None:
        super().__init__(
            N_("{path} is already open for editing by {user} on {host} since {since}."),
            path=path.name, user=owner.user, host=owner.host,
            since=owner.since.replace("T", " "))
        self.owner = owner


def lock_path(district: Path) -> Path:
    return district.with_name(district.name + LOCK_SUFFIX)


def read_owner(district: Path) -> LockOwner | None:
    """Who holds the district's lock, or None when it is free."""
    lock = lock_path(district)
    try:
        text = lock.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError:
        return LockOwner("?", "?", 0, "")
    try:
        data = json.loads(text)
        return LockOwner(str(data["user"]), str(data["host"]), int(data["pid"]),
                         str(data["since"]), str(data.get("token", "")))
    except (ValueError, KeyError, TypeError):
        age = time.time() - lock.stat().st_mtime if lock.exists() else 0
        if age < BEING_WRITTEN_SECONDS:
            return LockOwner("?", "?", 0, "")  # its owner is writing it right now
        return LockOwner("?", socket.gethostname(), 0, "")  # garbage left by a crash: stale


class DistrictLock:
    """The lock of one district, held until :meth:`release`."""

    def __init__(self, district: Path, owner: LockOwner) -> None:
        self.district = district
        self.owner = owner

    @classmethod
    def acquire(cls, district: Path) -> DistrictLock:
        """Take the lock, or raise :class:`LockedError` naming who holds it."""
        owner = LockOwner.me()
        for _attempt in range(2):
            if _create(lock_path(district), owner):
                return cls(district, owner)
            holder = read_owner(district)
            if holder is None:
                continue  # released meanwhile
            if not holder.is_gone():
                raise LockedError(district, holder)
            with contextlib.suppress(FileNotFoundError):
                lock_path(district).unlink()  # left by a program that was killed
        raise LockedError(district, read_owner(district) or owner)

    def release(self) -> None:
        if read_owner(self.district) == self.owner:
            with contextlib.suppress(OSError):
                lock_path(self.district).unlink()


@contextlib.contextmanager
def held(district: Path) -> Iterator[DistrictLock]:
    lock = DistrictLock.acquire(district)
    try:
        yield lock
    finally:
        lock.release()


def _create(lock: Path, owner: LockOwner) -> bool:
    try:
        handle = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return False
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(asdict(owner), out)
        out.flush()
        os.fsync(out.fileno())
    return True


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment or the password database
        return "?"


def _process_runs(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":
        return _windows_process_runs(pid)
    try:
        os.kill(pid, 0)  # signal 0 only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, under another user
    return True


def _windows_process_runs(pid: int) -> bool:
    # os.kill(pid, 0) would interrupt the process on Windows: ask the kernel instead.
    import ctypes  # Windows only, and only for a lock found on opening

    query_limited_information, still_active = 0x1000, 259
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return False
    code = ctypes.c_ulong()
    try:
        ok = kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        return bool(ok) and code.value == still_active
    finally:
        kernel32.CloseHandle(handle)
