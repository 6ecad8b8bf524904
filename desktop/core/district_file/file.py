"""The district file: one SQLite file per district, every edit committed as it is made.

Layout (schema version 4):
  answers(key, value)        one row per scalar field of every step; value is JSON
  members(id, position, …)   one row per member organization, a column per declared field
  contacts(member_id, role, name, surname, email, phone)
                             the contact person and the substitute of each member
  rows(id, list_key, position, data)
                             the rows of every other list (objectives, bodies, meetings…),
                             one JSON object per row: new row fields need no migration
  acknowledgements(rule, reason, acknowledged_at)
                             readiness warnings the group accepts, and why
  attachments(id, name, media_type, added_at, data)
                             the scanned signed agreement, stored in the file itself
The schema version is SQLite's ``user_version``; ``application_id`` marks the file as ours.
The file stays a single file (rollback journal, never WAL) so that it can be copied or mailed.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from desktop.core.district_file.connection import Connection
from desktop.core.district_file.header import check_header
from desktop.core.district_file.migrations import MIGRATIONS, Migration, connect, migrate
from desktop.core.district_file.schema import create_tables
from desktop.core.errors import DistrictFileError
from i18n import N_
from wizard_steps import scalar_fields, table_fields
from wizard_steps.fields import Field, Kind, empty_value

APPLICATION_ID = 0x44455331  # "DES1"
GENERIC_ROWS = "rows"  # the table that holds every list but the members
MEMBER_TABLE = "members"
ATTACHMENT_TYPES = {".pdf": "application/pdf", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
                    ".png": "image/png", ".tif": "image/tiff", ".tiff": "image/tiff"}

def _encode(declared: Field, value: Any) -> Any:
    if declared.kind is Kind.MULTI_CHOICE:
        return json.dumps(list(value or []), ensure_ascii=False)
    if declared.kind is Kind.YES_NO:
        return None if value is None else int(bool(value))
    if declared.kind is Kind.INTEGER:
        return None if value in (None, "") else int(value)
    return "" if value is None else str(value)


def _decode(declared: Field, raw: Any) -> Any:
    if raw is None:
        return empty_value(declared)
    if declared.kind is Kind.MULTI_CHOICE:
        return list(json.loads(raw)) if raw else []
    if declared.kind is Kind.YES_NO:
        return bool(raw)
    if declared.kind is Kind.INTEGER:
        return int(raw)
    return str(raw)


class DistrictFile:
    """An open district file. Every setter commits at once, in its own transaction."""

    def __init__(self, path: Path, db: Connection) -> None:
        self.path = path
        self.db = db
        self.listeners: list[Callable[[], None]] = []
        # Counts the writes: a window compares it to know whether what it shows is stale.
        self.revision = 0
        self._member_names: dict[int, str] | None = None  # every list row asks: kept until a write
        self._in_batch = False
        self._scalars = {f.key: f for _, f in scalar_fields()}
        self._tables = {f.key: f for _, f in table_fields()}

    # --- opening and creating ---------------------------------------------------------------

    @classmethod
    def create(cls, path: str | os.PathLike[str]) -> DistrictFile:
        """A new, empty district; refuses to replace an existing file."""
        target = Path(path)
        if target.exists():
            raise DistrictFileError(N_("The file {path} already exists."), path=target)
        if not target.parent.is_dir():
            raise DistrictFileError(N_("The folder {path} does not exist."), path=target.parent)
        # Built beside the target and renamed into place: no half-made district is ever left.
        handle, temporary = tempfile.mkstemp(suffix=".des-new", dir=target.parent)
        os.close(handle)
        try:
            db = connect(Path(temporary))
            db.conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
            create_tables(db)  # the migrations' result as plain SQL: no sqlite-utils to load
            db.conn.close()
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return cls.open(target)

    @classmethod
    def open(
        cls, path: str | os.PathLike[str], migrations: dict[int, Migration] | None = None
    ) -> DistrictFile:
        migrations = MIGRATIONS if migrations is None else migrations
        target = Path(path)
        check_header(target)
        try:
            db = connect(target)
            if db.conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("quick_check failed")
            app_id = db.conn.execute("PRAGMA application_id").fetchone()[0]
            version = db.conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise DistrictFileError(
                N_("The file {path} is damaged and cannot be opened. Open a backup copy "
                   "instead."),
                path=target,
            ) from exc
        if app_id != APPLICATION_ID:
            db.conn.close()
            raise DistrictFileError(N_("The file {path} is not a district file."), path=target)
        latest = max(migrations)
        if version > latest:
            db.conn.close()
            raise DistrictFileError(
                N_("The file {path} was saved by a newer version of DES Wizard (file format "
                   "{found}, this version reads up to {latest}). Install the newer version to "
                   "open it; the file has not been changed."),
                path=target, found=version, latest=latest,
            )
        if version < latest:
            backup = target.with_name(f"{target.name}.v{version}.bak")
            shutil.copy2(target, backup)
            migrate(db, version, migrations)
        return cls(target, db)

    def close(self) -> None:
        self.db.conn.close()

    def save_copy_as(self, path: str | os.PathLike[str]) -> Path:
        """Write a consistent copy of the district to another file; this one stays open."""
        target = Path(path)
        handle, temporary = tempfile.mkstemp(suffix=".des-new", dir=target.parent)
        os.close(handle)
        try:
            copy = sqlite3.connect(temporary)
            with copy:
                self.db.conn.backup(copy)
            copy.close()
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return target

    # --- writing ----------------------------------------------------------------------------

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Many writes as one transaction, all or none: filling a new file from a document
        costs one sync instead of one per row. Edits made in the window never use it."""
        with self._transaction():
            self._in_batch = True
            try:
                yield
            finally:
                self._in_batch = False

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self.revision += 1
        self._member_names = None
        if self._in_batch:  # already inside the batch's transaction
            yield
            return
        conn = self.db.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        for listener in list(self.listeners):
            listener()

    def answers(self) -> dict[str, Any]:
        stored = {row[0]: row[1] for row in self.db.execute("SELECT key, value FROM answers")}
        return {
            key: json.loads(stored[key]) if key in stored else empty_value(declared)
            for key, declared in self._scalars.items()
        }

    def answer(self, key: str) -> Any:
        return self.answers()[key]

    def set_answer(self, key: str, value: Any) -> None:
        if key not in self._scalars:
            raise KeyError(key)
        with self._transaction():
            self.db.execute(
                "INSERT INTO answers(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, json.dumps(value, ensure_ascii=False)],
            )

    # --- accepted warnings ------------------------------------------------------------------

    def acknowledgements(self) -> dict[str, str]:
        return {rule: reason or "" for rule, reason in self.db.execute(
            "SELECT rule, reason FROM acknowledgements ORDER BY rule").fetchall()}

    def acknowledge(self, rule: str, reason: str) -> None:
        import datetime as dt

        with self._transaction():
            self.db.execute(
                "INSERT INTO acknowledgements(rule, reason, acknowledged_at) VALUES (?, ?, ?) "
                "ON CONFLICT(rule) DO UPDATE SET reason = excluded.reason, "
                "acknowledged_at = excluded.acknowledged_at",
                [rule, reason, dt.datetime.now().isoformat(timespec="seconds")])

    def withdraw_acknowledgement(self, rule: str) -> None:
        with self._transaction():
            self.db.execute("DELETE FROM acknowledgements WHERE rule = ?", [rule])

    # --- the signed agreement ---------------------------------------------------------------

    def attach(self, path: str | os.PathLike[str]) -> int:
        """Keep a copy of a scanned file (PDF or image) inside the district."""
        source = Path(path)
        media_type = ATTACHMENT_TYPES.get(source.suffix.lower())
        if media_type is None:
            raise DistrictFileError(
                N_("{path} is not a PDF or an image (JPEG, PNG, TIFF)."), path=source)
        data = source.read_bytes()
        import datetime as dt

        with self._transaction():
            cursor = self.db.execute(
                "INSERT INTO attachments(name, media_type, added_at, data) VALUES (?, ?, ?, ?)",
                [source.name, media_type, dt.datetime.now().isoformat(timespec="seconds"),
                 sqlite3.Binary(data)])
        return int(cursor.lastrowid or 0)

    def attachments(self) -> list[dict[str, Any]]:
        return [{"id": row_id, "name": name, "media_type": media, "added_at": added,
                 "size": size}
                for row_id, name, media, added, size in self.db.execute(
                    "SELECT id, name, media_type, added_at, length(data) FROM attachments "
                    "ORDER BY id").fetchall()]

    def save_attachment(self, attachment_id: int, path: str | os.PathLike[str]) -> Path:
        """Write an attached file out again, whole or not at all."""
        row = self.db.execute("SELECT data FROM attachments WHERE id = ?",
                              [attachment_id]).fetchone()
        if row is None:
            raise KeyError(attachment_id)
        target = Path(path)
        handle, temporary = tempfile.mkstemp(suffix=".part", dir=target.parent)
        with os.fdopen(handle, "wb") as out:
            out.write(row[0])
        os.replace(temporary, target)
        return target

    def remove_attachment(self, attachment_id: int) -> None:
        with self._transaction():
            self.db.execute("DELETE FROM attachments WHERE id = ?", [attachment_id])

    # --- tables of rows ---------------------------------------------------------------------

    def _table(self, key: str) -> Field:
        return self._tables[key]

    def rows(self, table_key: str, only: int | None = None) -> list[dict[str, Any]]:
        """The rows of a list in order; with ``only``, just the row of that id (or none)."""
        declared = self._table(table_key)
        # "AND id = ?" when one row is asked: selecting a member must not read a thousand.
        one = " AND id = ?" if only is not None else ""
        if declared.table == GENERIC_ROWS:
            return [
                {"id": row_id} | _complete(declared, json.loads(data))
                for row_id, data in self.db.execute(
                    f"SELECT id, data FROM rows WHERE list_key = ?{one} ORDER BY position, id",  # noqa: S608 (fixed text)
                    [declared.key] + ([only] if only is not None else []),
                ).fetchall()
            ]
        return self._member_rows(declared, only)

    def _member_rows(self, declared: Field, only: int | None = None) -> list[dict[str, Any]]:
        columns = [f for f in declared.row_fields if f.kind is not Kind.PERSON]
        people = [f for f in declared.row_fields if f.kind is Kind.PERSON]
        names = ", ".join(["id"] + [f.key for f in columns])
        where = " WHERE id = ?" if only is not None else ""
        no_one = {person.key: empty_value(person) for person in people}  # once, not per row
        result: list[dict[str, Any]] = []
        for raw in self.db.execute(
            f"SELECT {names} FROM {declared.table}{where} ORDER BY position, id",
            [only] if only is not None else [],
        ).fetchall():
            row: dict[str, Any] = {"id": raw[0]}
            for index, column in enumerate(columns, start=1):
                row[column.key] = _decode(column, raw[index])
            for person in people:
                row[person.key] = dict(no_one[person.key])  # replaced below when there is one
            result.append(row)
        by_id = {row["id"]: row for row in result}
        if people:
            for member_id, role, *values in self.db.execute(
                "SELECT member_id, role, name, surname, email, phone FROM contacts"
                + (" WHERE member_id = ?" if only is not None else ""),
                [only] if only is not None else [],
            ).fetchall():
                if member_id in by_id and role in by_id[member_id]:
                    keys = ("name", "surname", "email", "phone")
                    by_id[member_id][role] = {k: v or "" for k, v in zip(keys, values, strict=True)}
        return result

    def row(self, table_key: str, row_id: int) -> dict[str, Any]:
        for candidate in self.rows(table_key, only=row_id):
            return candidate
        raise KeyError(row_id)

    def member_names(self) -> dict[int, str]:
        """Every member's id and name, in the members' order."""
        if self._member_names is None:
            self._member_names = {
                row_id: name or ""
                for row_id, name in self.db.execute(
                    "SELECT id, name FROM members ORDER BY position, id").fetchall()
            }
        return dict(self._member_names)  # a copy: callers may change theirs

    def add_row(self, table_key: str, values: dict[str, Any] | None = None,
                row_id: int | None = None, index: int | None = None) -> int:
        """Append a row (or put it back at ``index`` with its old ``row_id``, for undo)."""
        declared = self._table(table_key)
        values = values or {}
        with self._transaction():
            position = self.db.execute(
                f"SELECT COALESCE(MAX(position), 0) + 1 FROM {declared.table}"
                + (" WHERE list_key = ?" if declared.table == GENERIC_ROWS else ""),
                [declared.key] if declared.table == GENERIC_ROWS else [],
            ).fetchone()[0]
            if declared.table == GENERIC_ROWS:
                data = {f.key: values.get(f.key, empty_value(f)) for f in declared.row_fields}
                cursor = self.db.execute(
                    "INSERT INTO rows (id, list_key, position, data) VALUES (?, ?, ?, ?)",
                    [row_id, declared.key, position, json.dumps(data, ensure_ascii=False)],
                )
                new_id = int(cursor.lastrowid or 0)
            else:
                columns = [f for f in declared.row_fields if f.kind is not Kind.PERSON]
                names = ", ".join(["id", "position"] + [f.key for f in columns])
                marks = ", ".join("?" * (len(columns) + 2))
                cursor = self.db.execute(
                    f"INSERT INTO {declared.table} ({names}) VALUES ({marks})",
                    [row_id, position]
                    + [_encode(f, values.get(f.key, empty_value(f))) for f in columns],
                )
                new_id = int(cursor.lastrowid or 0)
                for person in (f for f in declared.row_fields if f.kind is Kind.PERSON):
                    if person.key in values:
                        self._write_person(new_id, person.key, values[person.key])
            if index is not None:
                self._reorder(declared, new_id, index)
        return new_id

    def _write_person(self, row_id: int, role: str, person: dict[str, Any]) -> None:
        self.db.execute(
            "INSERT INTO contacts(member_id, role, name, surname, email, phone) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(member_id, role) DO UPDATE SET "
            "name = excluded.name, surname = excluded.surname, email = excluded.email, "
            "phone = excluded.phone",
            [row_id, role] + [str(person.get(k) or "") for k in ("name", "surname", "email",
                                                                   "phone")],
        )

    def set_row_value(self, table_key: str, row_id: int, key: str, value: Any) -> None:
        """Set one value of a row; ``key`` is ``field`` or ``person_field.sub_field``."""
        declared = self._table(table_key)
        head, _, sub = key.partition(".")
        field = declared.row_field(head)
        with self._transaction():
            if declared.table == GENERIC_ROWS:
                data = self.row(table_key, row_id)
                data.pop("id")
                if sub:
                    field.row_field(sub)
                    data[head] = dict(data[head], **{sub: value})
                else:
                    data[head] = value
                self.db.execute("UPDATE rows SET data = ? WHERE id = ?",
                                [json.dumps(data, ensure_ascii=False), row_id])
            elif field.kind is Kind.PERSON:
                person = dict(self.row(table_key, row_id)[head])
                if sub:
                    field.row_field(sub)  # an unknown part is a programming error
                    person[sub] = value
                else:
                    person = dict(value)
                self._write_person(row_id, head, person)
            else:
                cursor = self.db.execute(
                    f"UPDATE {declared.table} SET {head} = ? WHERE id = ?",
                    [_encode(field, value), row_id],
                )
                if cursor.rowcount != 1:
                    raise KeyError(row_id)

    def remove_row(self, table_key: str, row_id: int) -> None:
        declared = self._table(table_key)
        with self._transaction():
            if declared.table != GENERIC_ROWS:
                self.db.execute("DELETE FROM contacts WHERE member_id = ?", [row_id])
            self.db.execute(f"DELETE FROM {declared.table} WHERE id = ?", [row_id])

    def move_row(self, table_key: str, row_id: int, new_index: int) -> None:
        declared = self._table(table_key)
        with self._transaction():
            self._reorder(declared, row_id, new_index)

    def _reorder(self, declared: Field, row_id: int, new_index: int) -> None:
        if declared.table == GENERIC_ROWS:
            order = [r[0] for r in self.db.execute(
                "SELECT id FROM rows WHERE list_key = ? ORDER BY position, id", [declared.key])]
        else:
            order = [r[0] for r in self.db.execute(
                f"SELECT id FROM {declared.table} ORDER BY position, id")]
        order.remove(row_id)
        order.insert(max(0, min(new_index, len(order))), row_id)
        for position, current in enumerate(order, start=1):
            self.db.execute(
                f"UPDATE {declared.table} SET position = ? WHERE id = ?", [position, current])


def _complete(declared: Field, data: dict[str, Any]) -> dict[str, Any]:
    """A stored row with every declared field present (fields added later come back empty)."""
    return {f.key: data.get(f.key, empty_value(f)) for f in declared.row_fields}
