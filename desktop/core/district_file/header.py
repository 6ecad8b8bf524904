"""What a file's first bytes say, read before SQLite sees it: missing, foreign or cut short."""

from __future__ import annotations

from pathlib import Path

from desktop.core.errors import DistrictFileError
from i18n import N_

SQLITE_HEADER = b"SQLite format 3\x00"


def check_header(path: Path, check_size: bool = True) -> None:
    """Tell a missing, foreign or truncated file apart before SQLite gives a vaguer error
    (``check_size``: once a hot journal has been replayed, see recovery.py)."""
    if not path.exists():
        raise DistrictFileError(N_("The file {path} does not exist."), path=path)
    if path.is_dir():
        raise DistrictFileError(N_("{path} is a folder, not a district file."), path=path)
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise DistrictFileError(
            N_("The file {path} cannot be read: {reason}"), path=path, reason=exc.strerror
        ) from exc
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise DistrictFileError(N_("The file {path} is not a district file."), path=path)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    header_size_is_valid = header[24:28] == header[92:96]
    if check_size and header_size_is_valid and path.stat().st_size < pages * page_size:
        raise DistrictFileError(
            N_("The file {path} is damaged or incomplete (it may have been cut short while "
               "copying). Open a backup copy instead."),
            path=path,
        )
