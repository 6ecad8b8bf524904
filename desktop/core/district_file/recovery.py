"""Recovery first, judgement after: what happens to a district before it is opened.

A program killed in the middle of a write leaves a *hot journal* (``NAME.des-journal``) that
holds the pages as they were; SQLite puts them back the next time the file is read. Until then
the file may look cut short, so the journal is replayed before the file is judged (on a copy
when the file cannot be written). A journal that cannot belong to the file (another district's,
or another database's) is set aside, never replayed into it.

A file that is refused (not a district, or a newer format) is judged from its header's bytes
alone, without a connection that could change it (SQLite rewrites a WAL file's header, and
``PRAGMA journal_mode`` converts it).
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from desktop.core.district_file.header import check_header
from desktop.core.errors import DistrictFileError
from i18n import N_

JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")
JOURNAL_HEADER_SIZE = 28
APPLICATION_ID_AT = slice(68, 72)
USER_VERSION_AT = slice(60, 64)
CHANGE_COUNTER_AT = slice(24, 28)
VERSION_VALID_FOR_AT = 92  # the change counter for which the page count at 28 holds
WAL_MODE = 2  # header bytes 18 and 19 (write and read version): 2 is WAL
APPLICATION_ID = 0x44455331  # "DES1", as district_file.file writes it


@dataclass(frozen=True)
class Header:
    """The fields of a SQLite file's first 100 bytes that matter before opening it."""

    application_id: int
    user_version: int
    change_counter: int
    page_size: int
    wal: bool

    @classmethod
    def of(cls, raw: bytes) -> Header:
        page_size = int.from_bytes(raw[16:18], "big")
        return cls(
            application_id=int.from_bytes(raw[APPLICATION_ID_AT], "big"),
            user_version=int.from_bytes(raw[USER_VERSION_AT], "big"),
            change_counter=int.from_bytes(raw[CHANGE_COUNTER_AT], "big"),
            page_size=65536 if page_size == 1 else page_size,
            wal=raw[18] == WAL_MODE or raw[19] == WAL_MODE,
        )


def start_change_counter(path: Path) -> None:
    """Give a new, closed file a random change counter. ``journal_belongs`` tells a district's
    journal from another's by this counter; two files made the same way (one transaction each
    for the tables and the contents) would otherwise share it. Offset 92 is set alike, or
    SQLite would stop trusting the page count in the header."""
    counter = secrets.randbelow(2**30) + 1  # far from the 32-bit wrap-around
    with path.open("r+b") as handle:
        for offset in (CHANGE_COUNTER_AT.start, VERSION_VALID_FOR_AT):
            handle.seek(offset)
            handle.write(counter.to_bytes(4, "big"))


def read_header(path: Path) -> Header:
    with path.open("rb") as handle:
        return Header.of(handle.read(100))


def journal_path(path: Path) -> Path:
    return path.with_name(path.name + "-journal")


def hot_journal(path: Path) -> Path | None:
    """The journal beside ``path`` when SQLite would replay it (a valid header, not empty)."""
    journal = journal_path(path)
    try:
        with journal.open("rb") as handle:
            head = handle.read(JOURNAL_HEADER_SIZE)
    except OSError:
        return None
    return journal if head.startswith(JOURNAL_MAGIC) else None


def journal_belongs(path: Path, journal: Path) -> bool:
    """Whether ``journal`` was written for ``path``: same page size, and its copy of page 1
    (when it holds one) is this district's page 1 one write earlier."""
    current = read_header(path)
    with journal.open("rb") as handle:
        head = handle.read(JOURNAL_HEADER_SIZE)
        sector = int.from_bytes(head[20:24], "big") or 512
        page_size = int.from_bytes(head[24:28], "big")
        if page_size != current.page_size:
            return False
        handle.seek(sector)
        while record := handle.read(4 + page_size + 4):
            if len(record) < 8 + page_size:
                break
            if int.from_bytes(record[:4], "big") == 1:
                before = Header.of(record[4:104])
                return (before.application_id == current.application_id
                        and current.change_counter - before.change_counter in (0, 1))
    return True  # no copy of page 1: nothing contradicts SQLite's own rule


def set_aside(journal: Path) -> Path:
    """Move a journal that is not the file's out of SQLite's way, kept for inspection."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = journal.with_name(f"{journal.name}.foreign-{stamp}")
    os.replace(journal, kept)
    return kept


def replay(path: Path) -> None:
    """Let SQLite put back the pages a killed write left in the hot journal."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()


def replay_on_copy(path: Path) -> Path:
    """The file as SQLite recovers it, in a temporary folder: for a file that may not be
    written. The caller removes the copy's folder."""
    folder = Path(tempfile.mkdtemp(prefix="des-wizard-recovery-"))
    copy = folder / path.name
    shutil.copyfile(path, copy)
    shutil.copyfile(journal_path(path), journal_path(copy))
    replay(copy)
    return copy


def can_write(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def ready_to_open(path: Path, latest: int) -> Path:
    """Judge ``path`` from its bytes, then recover it; returns the file to connect to: ``path``
    itself, or a recovered copy in a temporary folder when ``path`` may not be written."""
    check_header(path, check_size=False)
    header = read_header(path)
    if header.application_id != APPLICATION_ID:
        raise DistrictFileError(N_("The file {path} is not a district file."), path=path)
    if header.user_version > latest:
        raise DistrictFileError(
            N_("The file {path} was saved by a newer version of DES Wizard (file format "
               "{found}, this version reads up to {latest}). Install the newer version to "
               "open it; the file has not been changed."),
            path=path, found=header.user_version, latest=latest,
        )
    source = path
    journal = hot_journal(path)
    if journal is not None and not journal_belongs(path, journal):
        if can_write(path):
            set_aside(journal)
        else:  # the foreign journal cannot be moved: read a copy without it
            source = Path(tempfile.mkdtemp(prefix="des-wizard-recovery-")) / path.name
            shutil.copyfile(path, source)
    elif journal is not None:
        if can_write(path):
            replay(path)
        else:
            source = replay_on_copy(path)
    check_header(source)
    return source
