"""Why a write to the district file failed, in plain words.

SQLite reports a full disk, a read-only file, a moved file or a failing disk with result codes;
the user needs the cause and what to do, not "database or disk is full".
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from desktop.core.errors import DistrictFileError
from i18n import N_, _

# SQLite's primary result codes (the low byte of an extended code).
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR = 5, 6, 8, 10
SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN = 11, 13, 14
SQLITE_READONLY_DBMOVED = 1032  # the file was renamed or moved while it was open

DISK_FULL = N_("the disk is full")
READ_ONLY = N_("the file or its folder is read-only")
MOVED = N_("the file was moved, renamed or deleted while it was open")
IN_USE = N_("another program is writing to the file")
DISK_ERROR = N_("the disk could not be written (input/output error)")
DAMAGED = N_("the file is damaged")
UNREACHABLE = N_("the file or its folder can no longer be reached")
OPENED_READ_ONLY = N_("the district is open read-only")

_BY_CODE = {SQLITE_FULL: DISK_FULL, SQLITE_READONLY: READ_ONLY, SQLITE_BUSY: IN_USE,
            SQLITE_LOCKED: IN_USE, SQLITE_IOERR: DISK_ERROR, SQLITE_CORRUPT: DAMAGED,
            SQLITE_CANTOPEN: UNREACHABLE}
_BY_ERRNO = {errno.ENOSPC: DISK_FULL, errno.EDQUOT: DISK_FULL, errno.EFBIG: DISK_FULL,
             errno.EROFS: READ_ONLY, errno.EACCES: READ_ONLY, errno.EPERM: READ_ONLY,
             errno.ENOENT: UNREACHABLE, errno.EIO: DISK_ERROR}


class WriteError(DistrictFileError):
    """An edit could not be written to the district file; ``reason`` is a msgid."""

    def __init__(self, reason: str, msgid: str = N_("Not saved: {reason}")) -> None:
        super().__init__(msgid, reason=reason)
        self.reason = reason

    def message(self, gettext=_) -> str:
        return gettext(self.msgid).format(reason=gettext(self.reason))


def reason_of(error: BaseException, path: Path | None = None) -> str:
    """The plain-words msgid for a failed write (SQLite result code or OS errno) to ``path``."""
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        if code == SQLITE_READONLY_DBMOVED:
            return MOVED
        if code is not None and code & 0xFF == SQLITE_CANTOPEN and path is not None:
            return _why_unreachable(path)  # the journal beside the file could not be made
        if code is not None and code & 0xFF in _BY_CODE:
            return _BY_CODE[code & 0xFF]
        text = str(error).lower()
        if "disk is full" in text:
            return DISK_FULL
        if "readonly" in text or "read-only" in text:
            return READ_ONLY
        return DISK_ERROR
    if isinstance(error, OSError) and error.errno in _BY_ERRNO:
        return _BY_ERRNO[error.errno]
    return DISK_ERROR


def _why_unreachable(path: Path) -> str:
    if not path.exists():
        return MOVED
    if not os.access(path.parent, os.W_OK) or not os.access(path, os.W_OK):
        return READ_ONLY
    return UNREACHABLE
