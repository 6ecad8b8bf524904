"""Signing kept in the district file (format 7): the last export for signature and the
signed files, each with the result of its last verification so that opening the district
needs no cryptography."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core.district_file import DistrictFile
from desktop.core.errors import UserError
from desktop.core.signing.records import ExportRecord, FileCheck
from desktop.core.signing.status import SigningState, signing_state
from i18n import N_

if TYPE_CHECKING:
    from asn1crypto import x509 as asn1_x509

Roots = list["asn1_x509.Certificate"] | None  # an imported trust list (trust.py), or None
SIGNED_TYPES = {".pdf": "application/pdf", ".p7m": "application/pkcs7-mime"}


@dataclass(frozen=True)
class StoredFile:
    id: int
    added_at: str
    size: int
    check: FileCheck


def record_export(district: DistrictFile, record: ExportRecord, roots: Roots = None) -> None:
    """Keep the export's hash; the stored files are verified again against it."""
    keep_export(district, record)
    write_reports(district, recheck(stored_data(district), record, roots))


def keep_export(district: DistrictFile, record: ExportRecord) -> None:
    """Keep the export's hash, size, revisions and fields (no verification here)."""
    values = asdict(record)
    values["fields"] = json.dumps(record.fields, ensure_ascii=False)
    with district._transaction():
        district.db.execute(
            "INSERT INTO signing_exports(language, sha256, size, revisions, fields, "
            "exported_at) VALUES (?, ?, ?, ?, ?, ?)",
            [values[name] for name in ("language", "sha256", "size", "revisions", "fields",
                                       "exported_at")])


def latest_export(district: DistrictFile) -> ExportRecord | None:
    row = district.db.execute(
        "SELECT language, sha256, size, revisions, fields, exported_at FROM signing_exports "
        "ORDER BY id DESC LIMIT 1").fetchone()
    if row is None:
        return None
    language, digest, size, revisions, fields, exported_at = row
    return ExportRecord(language, digest, int(size), int(revisions),
                        {k: int(v) for k, v in json.loads(fields).items()}, exported_at)


def _read_signed(path: str | os.PathLike[str]) -> tuple[Path, str, bytes]:
    source = Path(path)
    media_type = SIGNED_TYPES.get(source.suffix.lower())
    if media_type is None:
        raise UserError(N_("{name} is not a PDF or a .p7m file."), name=source.name)
    try:
        return source, media_type, source.read_bytes()
    except FileNotFoundError as exc:
        raise UserError(N_("The file {path} does not exist."), path=source) from exc


@dataclass(frozen=True)
class CheckedFile:
    """A signed file read from disk and verified, not yet stored."""

    source: Path
    media_type: str
    data: bytes
    check: FileCheck


def check_signed_files(paths: list[str | os.PathLike[str]], export: ExportRecord | None,
                       roots: Roots = None) -> list[CheckedFile]:
    """Read and verify signed files without touching the district (a worker may run it).
    A file that cannot be read as a signed PDF or envelope raises for the whole lot."""
    from desktop.core.signing.verify import check_file  # pyHanko: loaded only to verify

    read = [_read_signed(path) for path in paths]
    return [CheckedFile(source, media_type, data, check_file(data, source.name, export, roots))
            for source, media_type, data in read]


def add_signed_files(district: DistrictFile, paths: list[str | os.PathLike[str]],
                     roots: Roots = None) -> list[StoredFile]:
    """Verify signed files and keep them in the district. A file that cannot be read as a
    signed PDF or envelope refuses the whole lot, before anything is stored."""
    return store_checked(district, check_signed_files(paths, latest_export(district), roots))


def store_checked(district: DistrictFile, checked: list[CheckedFile]) -> list[StoredFile]:
    """Keep verified files in the district, all in one transaction."""
    added_at = dt.datetime.now().isoformat(timespec="seconds")
    stored = []
    with district._transaction():
        for source, media_type, data, check in (
                (c.source, c.media_type, c.data, c.check) for c in checked):
            cursor = district.db.execute(
                "INSERT INTO signed_files(name, media_type, added_at, data, report) "
                "VALUES (?, ?, ?, ?, ?)",
                [source.name, media_type, added_at, sqlite3.Binary(data),
                 json.dumps(check.to_json(), ensure_ascii=False)])
            stored.append(StoredFile(int(cursor.lastrowid or 0), added_at, len(data), check))
    return stored


def signed_files(district: DistrictFile) -> list[StoredFile]:
    return [StoredFile(row_id, added_at, size, FileCheck.from_json(json.loads(report)))
            for row_id, added_at, size, report in district.db.execute(
                "SELECT id, added_at, length(data), report FROM signed_files ORDER BY id")]


def verify_again(district: DistrictFile, roots: Roots = None) -> None:
    """Verify every stored file against the latest export (after a new export, or with a
    trust list)."""
    write_reports(district, recheck(stored_data(district), latest_export(district), roots))


def stored_data(district: DistrictFile) -> list[tuple[int, str, bytes]]:
    """Each stored signed file's id, name and bytes, read on the connection's thread."""
    return [(int(row_id), str(name), bytes(data)) for row_id, name, data in district.db.execute(
        "SELECT id, name, data FROM signed_files ORDER BY id").fetchall()]


def recheck(rows: list[tuple[int, str, bytes]], export: ExportRecord | None,
            roots: Roots = None) -> list[tuple[str, int]]:
    """The stored files verified again: (report as JSON, id) each; a worker may run it."""
    from desktop.core.signing.verify import check_file  # pyHanko: loaded only to verify

    reports = []
    for row_id, name, data in rows:
        try:
            check = check_file(data, name, export, roots)
        except UserError as exc:
            check = FileCheck(name, Path(name).suffix.lstrip(".").lower(), problem=exc.msgid)
        reports.append((json.dumps(check.to_json(), ensure_ascii=False), row_id))
    return reports


def write_reports(district: DistrictFile, reports: list[tuple[str, int]]) -> None:
    if reports:
        with district._transaction():
            for report, row_id in reports:
                district.db.execute("UPDATE signed_files SET report = ? WHERE id = ?",
                                    [report, row_id])


def save_signed_file(district: DistrictFile, file_id: int,
                     path: str | os.PathLike[str]) -> Path:
    """Write a stored signed file out again, whole or not at all."""
    row = district.db.execute("SELECT data FROM signed_files WHERE id = ?",
                              [file_id]).fetchone()
    if row is None:
        raise KeyError(file_id)
    target = Path(path)
    handle, temporary = tempfile.mkstemp(suffix=".part", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(row[0])
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def remove_signed_file(district: DistrictFile, file_id: int) -> None:
    with district._transaction():
        district.db.execute("DELETE FROM signed_files WHERE id = ?", [file_id])


def current_state(district: DistrictFile, document: dict[str, Any]) -> SigningState:
    """Each party's signature among the stored files, as last verified."""
    return signing_state(document, latest_export(district),
                         [stored.check for stored in signed_files(district)])


def signed_on(district: DistrictFile) -> dt.date | None:
    """When the agreement was signed: the date of the last signature once every party has a
    valid one (its effective date), else ``None``. Read from the verifications kept in the
    district, so no cryptography is loaded."""
    from desktop.core.document import to_document  # deferred: document imports this module

    state = current_state(district, to_document(district))
    return dt.date.fromisoformat(state.signed_on) if state.all_signed else None
