"""Automatic backups: a rolling set of earlier versions of each district, in the user's data
folder, taken with SQLite's backup API (a consistent copy even while the file is open).

Kept: the last ``KEEP_OPENINGS`` copies (one is taken at each opening), and the newest copy of
each of the last ``KEEP_DAYS`` days. The copy made before a format migration joins the same
set. Copies are written under a temporary name and renamed into place; a temporary left by a
killed program is removed the next time the folder is tidied.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

KEEP_OPENINGS = 10
KEEP_DAYS = 30
STAMP = "%Y%m%d-%H%M%S-%f"
TEMPORARY_SUFFIX = ".des-new"
OPENING = "opening"
LEFTOVER_AGE_SECONDS = 3600  # younger temporaries may belong to a copy being written now


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: dt.datetime
    kind: str  # "opening", "before-restore", "format-N" (before a migration)


def backups_root() -> Path:
    override = os.environ.get("DES_WIZARD_DATA_DIR")
    root = Path(override) if override else Path(user_data_dir("des-wizard", appauthor=False))
    return root / "backups"


def folder_for(district: Path) -> Path:
    """One folder per district file, named so that a person can tell which one it is."""
    where = hashlib.sha256(str(district.resolve()).encode("utf-8")).hexdigest()[:12]
    return backups_root() / f"{district.stem}-{where}"


def take(connection: sqlite3.Connection, district: Path, kind: str = OPENING,
         now: dt.datetime | None = None) -> Backup:
    """Copy the district behind ``connection`` into its backup folder, then tidy the folder."""
    taken_at = now or dt.datetime.now()
    folder = folder_for(district)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{taken_at.strftime(STAMP)}.{kind}.des"
    temporary = target.with_name(target.name + TEMPORARY_SUFFIX)
    try:
        copy = sqlite3.connect(temporary)
        with copy:
            connection.backup(copy)
        copy.close()
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    tidy(folder, taken_at)
    return Backup(target, taken_at, kind)


def take_of_file(district: Path, kind: str) -> Backup:
    """A backup of a district that is not open (before its format is brought up to date)."""
    source = sqlite3.connect(district.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return take(source, district, kind)
    finally:
        source.close()


def backups_of(district: Path) -> list[Backup]:
    """The district's backups, newest first."""
    return _parse(folder_for(district).glob("*.des"))


def _parse(paths: Iterable[Path]) -> list[Backup]:
    found = []
    for path in paths:
        stamp, _, rest = path.name.partition(".")
        try:
            taken_at = dt.datetime.strptime(stamp, STAMP)
        except ValueError:
            continue  # not one of ours
        found.append(Backup(path, taken_at, rest.removesuffix(".des")))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def to_keep(backups: list[Backup], now: dt.datetime) -> set[Path]:
    """The newest backups (of openings, before a restore or a migration), and the newest of
    each of the last days."""
    newest_first = sorted(backups, key=lambda b: b.taken_at, reverse=True)
    keep = {b.path for b in newest_first[:KEEP_OPENINGS]}
    days: set[dt.date] = set()
    for backup in newest_first:
        day = backup.taken_at.date()
        if day not in days and (now.date() - day).days < KEEP_DAYS:
            days.add(day)
            keep.add(backup.path)
    return keep


def tidy(folder: Path, now: dt.datetime) -> None:
    """Remove backups beyond the rolling set, and temporaries of killed copies."""
    for leftover in folder.glob(f"*{TEMPORARY_SUFFIX}*"):  # with a journal a kill left
        leftover.unlink(missing_ok=True)
    backups = _parse(folder.glob("*.des"))
    keep = to_keep(backups, now)
    for backup in backups:
        if backup.path not in keep:
            backup.path.unlink(missing_ok=True)


def remove_leftover_copies(folders: Iterable[Path], now: float | None = None) -> list[Path]:
    """Temporaries of copies that a killed program left beside districts (they hold the
    district's personal data), older than an hour; returns what was removed."""
    removed = []
    limit = (now if now is not None else time.time()) - LEFTOVER_AGE_SECONDS
    for folder in folders:
        for leftover in (*folder.glob(".*.des-new*"), *folder.glob("tmp*.des-new*")):
            try:
                if leftover.stat().st_mtime > limit:
                    continue
                leftover.unlink()
            except OSError:
                continue
            removed.append(leftover)
    return removed


def restore(backup: Path, connection: sqlite3.Connection) -> None:
    """Put a backup's content into the open district behind ``connection``, in one step
    (SQLite's backup API writes it as a single transaction)."""
    source = sqlite3.connect(backup.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        source.backup(connection)
    finally:
        source.close()


def replace_damaged(district: Path, backup: Backup) -> Path:
    """Put the backup in place of a damaged district; the damaged file is kept beside it under
    another name. Returns where the damaged file now is."""
    kept = district.with_name(f"{district.name}.damaged-{dt.datetime.now().strftime(STAMP)}")
    os.replace(district, kept)
    target = sqlite3.connect(district)
    try:
        restore(backup.path, target)
    finally:
        target.close()
    return kept
