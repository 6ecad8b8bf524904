"""The district file: one SQLite file per district, every edit committed as it is made.

Layout (schema version 5):
  answers(key, value)        one row per scalar field of every step; value is JSON
  members(id, position, …)   one row per member organization, a column per declared field
  contacts(member_id, role, name, surname, email, phone)
                             the contact person and the substitute of each member
  rows(id, list_key, position, data)
                             the rows of every other list (objectives, bodies, meetings…),
                             one JSON object per row: new row fields need no migration
  acknowledgements(id, rule, row, reason, acknowledged_at)
                             readiness warnings the group accepts, one finding each (the
                             rule and the member id or list position; NULL: whole district)
  attachments(id, name, media_type, added_at, data)
                             the scanned signed agreement, stored in the file itself
The schema version is SQLite's ``user_version``; ``application_id`` marks the file as ours.
The file stays a single file (rollback journal, never WAL) so that it can be copied or mailed.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from desktop.core.district_file import backups
from desktop.core.district_file.connection import Connection
from desktop.core.district_file.migrations import (
    MIGRATIONS,
    Migration,
    connect,
    connect_read_only,
    in_memory_copy,
    migrate,
)
from desktop.core.district_file.recovery import (
    APPLICATION_ID,
    ready_to_open,
    start_change_counter,
)
from desktop.core.district_file.schema import create_tables
from desktop.core.district_file.write_errors import OPENED_READ_ONLY, WriteError, reason_of
from desktop.core.errors import DistrictFileError
from i18n import N_
from wizard_steps import scalar_fields, table_fields
from wizard_steps.fields import Field, empty_value
from wizard_steps.kinds import kind_of, stored_as_read
from wizard_steps.years import AFTER_SIGNING, YEAR

GENERIC_ROWS = "rows"  # the table that holds every list but the members
DISTRICT_ID_KEY = "_district_id"
MEMBER_TABLE = "members"
# Answers a field asked the other way round before: new key -> (old key, how the old value
# reads now). Read when the new key has never been written, so no migration is needed and a
# file written by an older version keeps its meaning; the first write stores the new key.
ASKED_BEFORE: dict[str, tuple[str, Callable[[Any], Any]]] = {
    # "Does the district start without any initial investment?" became
    # "Are initial investments planned?".
    "initial_investments": ("no_initial_investment",
                            lambda old: (not old) if isinstance(old, bool) else None),
}
# Errors of the program, not of the disk: they are raised as they are.
PROGRAMMING_ERRORS = (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError)
ATTACHMENT_TYPES = {".pdf": "application/pdf", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
                    ".png": "image/png", ".tif": "image/tiff", ".tiff": "image/tiff"}

class DistrictFile:
    """An open district file. Every setter commits at once, in its own transaction."""

    def __init__(self, path: Path, db: Connection) -> None:
        self.path = path
        self.db = db
        self.listeners: list[Callable[[], None]] = []
        self.failure_listeners: list[Callable[[WriteError], None]] = []
        # Values the file refused (disk full, read-only…), by what they set: written again
        # before the next edit, and into a copy saved meanwhile.
        self.unsaved: dict[tuple[Any, ...], tuple[str, tuple[Any, ...]]] = {}
        self._retrying = False
        self.read_only = False  # opened so that nothing can be written (see open())
        # Counts the writes: a window compares it to know whether what it shows is stale.
        self.revision = 0
        self._member_names: dict[int, str] | None = None  # every list row asks: kept until a write
        self._in_batch = False
        self._scalars = {f.key: f for _, f in scalar_fields()} | {
            f.key: f for f in AFTER_SIGNING.fields}
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
            start_change_counter(Path(temporary))
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return cls.open(target)

    @classmethod
    def open(
        cls, path: str | os.PathLike[str], migrations: dict[int, Migration] | None = None,
        read_only: bool = False,
    ) -> DistrictFile:
        """Open a district; ``read_only`` never writes to the file (an older format is brought
        up to date in memory only)."""
        migrations = MIGRATIONS if migrations is None else migrations
        target = Path(path)
        latest = max(migrations)
        source = ready_to_open(target, latest)  # refused untouched, or recovered
        read_only = read_only or source != target
        try:
            db = connect_read_only(source) if read_only else connect(source)
            if source != target:  # a recovered copy: kept in memory, its folder removed
                db = in_memory_copy(db)
                shutil.rmtree(source.parent, ignore_errors=True)
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
        if version > latest:
            db.conn.close()
            raise DistrictFileError(
                N_("The file {path} was saved by a newer version of DES Wizard (file format "
                   "{found}, this version reads up to {latest}). Install the newer version to "
                   "open it; the file has not been changed."),
                path=target, found=version, latest=latest,
            )
        if version < latest and read_only:
            db = in_memory_copy(db)
            migrate(db, version, migrations)
        elif version < latest:
            backups.take(db.conn, target, f"format-{version}")  # joins the rolling backups
            migrate(db, version, migrations)
        district = cls(target, db)
        district.read_only = read_only
        return district

    def close(self) -> None:
        self.db.conn.close()

    def save_copy_as(self, path: str | os.PathLike[str]) -> Path:
        """Write a consistent copy of the district to another file; this one stays open."""
        target = Path(path)
        temporary = Path(target.parent, f".{target.name}.des-new")
        try:
            for leftover in (temporary, temporary.with_name(temporary.name + "-journal")):
                leftover.unlink(missing_ok=True)  # left by a copy that was killed
            copy = sqlite3.connect(temporary)
            with copy:
                self.db.conn.backup(copy)
            copy.close()
            if self.unsaved:  # what this file refused goes into the copy: all that is on screen
                replica = DistrictFile(temporary, connect(temporary))
                try:
                    for method, args in self.unsaved.values():
                        with suppress(KeyError):
                            getattr(replica, method)(*args)
                finally:
                    replica.close()
            os.replace(temporary, target)
        except (sqlite3.Error, OSError, WriteError) as exc:
            temporary.unlink(missing_ok=True)
            reason = exc.reason if isinstance(exc, WriteError) else reason_of(exc, target)
            raise WriteError(reason, N_("The copy could not be written: {reason}")) from exc
        except BaseException:
            temporary.unlink(missing_ok=True)
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
        if self._in_batch:  # already inside the batch's transaction
            self.revision += 1
            self._member_names = None
            yield
            return
        if self.unsaved and not self._retrying:
            self.save_unsaved()  # what failed before goes in first, in its order
        if self.read_only:
            raise self._report(WriteError(OPENED_READ_ONLY))
        self.revision += 1
        self._member_names = None
        conn = self.db.conn
        try:
            _roll_back(conn)  # a failed ROLLBACK may have left a transaction open
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield
                conn.execute("COMMIT")
            except BaseException:
                _roll_back(conn)
                raise
        except (sqlite3.Error, OSError) as exc:
            if isinstance(exc, PROGRAMMING_ERRORS):
                raise
            # The cause is reported, never a follow-up error of the ROLLBACK.
            raise self._report(WriteError(reason_of(exc, self.path))) from exc
        for listener in list(self.listeners):
            listener()

    def _report(self, failure: WriteError) -> WriteError:
        for failure_listener in list(self.failure_listeners):
            failure_listener(failure)
        return failure

    def _keep(self, slot: tuple[Any, ...], method: str, *args: Any) -> None:
        """Write a value; if the file refuses it, keep it and write it before the next edit."""
        self.unsaved.pop(slot, None)  # a newer value replaces one that could not be written
        if self._stored(slot) == args[-1]:
            return  # a field left unchanged: nothing to write (nor to refuse, if read-only)
        try:
            getattr(self, method)(*args)
        except WriteError:
            self.unsaved[slot] = (method, args)
            raise

    def _stored(self, slot: tuple[Any, ...]) -> Any:
        """What the file holds now for ``slot`` (values still unsaved elsewhere aside)."""
        if slot[0] == "answer":
            return self._stored_answer(slot[1], self._scalars[slot[1]])
        if slot[0] == "year":
            stored = self.db.execute("SELECT value FROM years WHERE year = ? AND key = ?",
                                     [slot[1], slot[2]]).fetchone()
            return json.loads(stored[0]) if stored else empty_value(YEAR.field(slot[2]))
        _kind, table_key, row_id, key = slot
        head, _, sub = key.partition(".")
        value = self.row(table_key, row_id)[head]
        return value.get(sub) if sub and isinstance(value, dict) else value

    def save_unsaved(self) -> None:
        """Write again, oldest first, the values that could not be written."""
        self._retrying = True
        try:
            for slot in list(self.unsaved):
                method, args = self.unsaved.pop(slot)
                try:
                    getattr(self, method)(*args)
                except WriteError:
                    self.unsaved = {slot: (method, args), **self.unsaved}
                    raise
                except KeyError:
                    continue  # its row has been removed since: nothing is left to write
        finally:
            self._retrying = False

    def answers(self) -> dict[str, Any]:
        """Every scalar answer; one the file refused reads as typed, as the window shows it."""
        stored = {row[0]: row[1] for row in self.db.execute("SELECT key, value FROM answers")}
        values = {
            key: json.loads(stored[key]) if key in stored else empty_value(declared)
            for key, declared in self._scalars.items()
        }
        for key, (old, read_old) in ASKED_BEFORE.items():
            if key not in stored and old in stored and key in values:
                values[key] = read_old(json.loads(stored[old]))
        for slot, (_method, args) in self.unsaved.items():
            if slot[0] == "answer":
                values[slot[1]] = args[1]
        return values

    def answer(self, key: str) -> Any:
        """One answer, read alone (the window's title asks for the name after every edit)."""
        declared = self._scalars[key]
        if ("answer", key) in self.unsaved:  # refused by the file: it reads as typed
            return self.unsaved["answer", key][1][1]
        return self._stored_answer(key, declared)

    def _stored_answer(self, key: str, declared: Field) -> Any:
        """What the file holds for one answer, as :meth:`answers` reads it."""
        query = "SELECT value FROM answers WHERE key = ?"
        stored = self.db.execute(query, [key]).fetchone()
        if stored is not None:
            return json.loads(stored[0])
        if key in ASKED_BEFORE:
            old, read_old = ASKED_BEFORE[key]
            asked = self.db.execute(query, [old]).fetchone()
            if asked is not None:
                return read_old(json.loads(asked[0]))
        return empty_value(declared)

    def set_answer(self, key: str, value: Any) -> None:
        if key not in self._scalars:
            raise KeyError(key)
        self._keep(("answer", key), "_write_answer", key, value)

    def _write_answer(self, key: str, value: Any) -> None:
        with self._transaction():
            self.db.execute(
                "INSERT INTO answers(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, json.dumps(value, ensure_ascii=False)],
            )

    def district_id(self) -> str:
        """A random id that tells this district apart from others (member cards carry it).
        Kept in the answers table under a key no step declares, so it needs no migration."""
        stored = self.db.execute("SELECT value FROM answers WHERE key = ?",
                                 [DISTRICT_ID_KEY]).fetchone()
        if stored:
            return str(json.loads(stored[0]))
        made = os.urandom(8).hex()  # 16 random hex digits (uuid would load platform)
        with self._transaction():
            self.db.execute("INSERT INTO answers(key, value) VALUES (?, ?)",
                            [DISTRICT_ID_KEY, json.dumps(made)])
        return made

    # --- accepted warnings ------------------------------------------------------------------

    def acknowledgements(self) -> list[dict[str, Any]]:
        """``{"rule", "row", "reason"}`` for each accepted finding, by rule and row."""
        return [{"rule": rule, "row": row, "reason": reason or ""}
                for rule, row, reason in self.db.execute(
                    "SELECT rule, row, reason FROM acknowledgements "
                    "ORDER BY rule, COALESCE(row, -1)").fetchall()]

    def acknowledge(self, rule: str, reason: str, row: int | None = None) -> None:
        """Accept the finding of ``rule`` about ``row`` (a member id or a list position)."""

        with self._transaction():
            self.db.execute("DELETE FROM acknowledgements WHERE rule = ? AND row IS ?",
                            [rule, row])
            self.db.execute(
                "INSERT INTO acknowledgements(rule, row, reason, acknowledged_at) "
                "VALUES (?, ?, ?, ?)",
                [rule, row, reason, dt.datetime.now().isoformat(timespec="seconds")])

    def withdraw_acknowledgement(self, rule: str, row: int | None = None) -> None:
        with self._transaction():
            self.db.execute("DELETE FROM acknowledgements WHERE rule = ? AND row IS ?",
                            [rule, row])

    # --- the signed agreement ---------------------------------------------------------------

    def attach(self, path: str | os.PathLike[str]) -> int:
        """Keep a copy of a scanned file (PDF or image) inside the district."""
        source = Path(path)
        media_type = ATTACHMENT_TYPES.get(source.suffix.lower())
        if media_type is None:
            raise DistrictFileError(
                N_("{path} is not a PDF or an image (JPEG, PNG, TIFF)."), path=source)
        data = source.read_bytes()

        with self._transaction():
            cursor = self.db.execute(
                "INSERT INTO attachments(name, media_type, added_at, data) VALUES (?, ?, ?, ?)",
                [safe_file_name(source.name), media_type,
                 dt.datetime.now().isoformat(timespec="seconds"), sqlite3.Binary(data)])
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

    def remove_attachment(self, attachment_id: int) -> dict[str, Any]:
        """Remove a scan; returns it whole, so that :meth:`restore_attachment` can undo."""
        row = self.db.execute("SELECT id, name, media_type, added_at, data FROM attachments "
                              "WHERE id = ?", [attachment_id]).fetchone()
        if row is None:
            raise KeyError(attachment_id)
        with self._transaction():
            self.db.execute("DELETE FROM attachments WHERE id = ?", [attachment_id])
        return dict(zip(("id", "name", "media_type", "added_at", "data"), row, strict=True))

    def restore_attachment(self, removed: dict[str, Any]) -> None:
        """Put a removed scan back, with its id and date."""
        with self._transaction():
            self.db.execute(
                "INSERT INTO attachments(id, name, media_type, added_at, data) "
                "VALUES (?, ?, ?, ?, ?)",
                [removed["id"], removed["name"], removed["media_type"], removed["added_at"],
                 sqlite3.Binary(removed["data"])])

    # --- the district's years after signing --------------------------------------------------

    def year_numbers(self) -> list[int]:
        """The years that have a record, in order."""
        return [row[0] for row in self.db.execute(
            "SELECT DISTINCT year FROM years ORDER BY year").fetchall()]

    def year_record(self, year: int) -> dict[str, Any]:
        """Every declared field of one year's record; what was never written reads empty."""
        stored = {key: value for key, value in self.db.execute(
            "SELECT key, value FROM years WHERE year = ?", [year]).fetchall()}
        record = {f.key: json.loads(stored[f.key]) if f.key in stored else empty_value(f)
                  for f in YEAR.fields}
        for slot, (_method, args) in self.unsaved.items():
            if slot[0] == "year" and slot[1] == year:
                record[slot[2]] = args[2]
        return record

    def set_year_value(self, year: int, key: str, value: Any) -> None:
        """One field of a year's record (a table is written as its whole list of rows)."""
        YEAR.field(key)  # an undeclared key is a programming error
        self._keep(("year", year, key), "_write_year_value", year, key, value)

    def _write_year_value(self, year: int, key: str, value: Any) -> None:
        with self._transaction():
            self.db.execute(
                "INSERT INTO years(year, key, value) VALUES (?, ?, ?) "
                "ON CONFLICT(year, key) DO UPDATE SET value = excluded.value",
                [year, key, json.dumps(value, ensure_ascii=False)])

    # --- tables of rows ---------------------------------------------------------------------

    def _table(self, key: str) -> Field:
        return self._tables[key]

    def rows(self, table_key: str, only: int | None = None) -> list[dict[str, Any]]:
        """The rows of a list in order; with ``only``, just the row of that id (or none).

        Each row is ``{"id": …}`` and every declared field in the declared order, made anew
        for the caller, who may change it (the document filters its rows in place)."""
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
        """The members with their contact persons, each row's keys in the declared order.

        A thousand members have 25,000 cells: a text cell is taken as SQLite gives it (NULL
        read as "" by the query itself), each row is made in one ``zip``, and ``decode`` runs
        only on the other columns (numbers, yes/no, lists)."""
        columns, people = _columns_and_people(declared)
        keys = ["id"] + [f.key for f in declared.row_fields]
        # Identifiers from the declarations only; a person is a placeholder, filled below.
        selected = ", ".join(["id"] + [
            "NULL" if f in people else f"IFNULL({f.key}, '')" if stored_as_read(f) else f.key
            for f in declared.row_fields])
        decoders = [(f.key, kind_of(f).decode) for f in columns if not stored_as_read(f)]
        no_one = {person.key: empty_value(person) for person in people}  # once, not per row
        contacts = self._contacts(people, only)
        where = " WHERE id = ?" if only is not None else ""
        result: list[dict[str, Any]] = []
        for raw in self.db.execute(
            f"SELECT {selected} FROM {declared.table}{where} ORDER BY position, id",  # noqa: S608
            [only] if only is not None else [],
        ).fetchall():
            row = dict(zip(keys, raw, strict=True))
            for key, decode in decoders:
                row[key] = decode(row[key])
            for person in people:
                found = contacts.get((raw[0], person.key))
                row[person.key] = dict(no_one[person.key]) if found is None else found
            result.append(row)
        return result

    def _contacts(self, people: list[Field], only: int | None
                  ) -> dict[tuple[int, str], dict[str, Any]]:
        """Every stored person (of the member ``only``, if given) by member id and role."""
        if not people:
            return {}
        parts = list(contact_columns(people))
        index = {part: position for position, part in enumerate(parts)}
        picks = {person.key: [(sub.key, index[sub.key],
                               None if stored_as_read(sub) else kind_of(sub).decode)
                              for sub in person.row_fields] for person in people}
        selected = ", ".join(f"IFNULL({part}, '')" if stored_as_read(field) else part
                             for part, field in contact_columns(people).items())
        found: dict[tuple[int, str], dict[str, Any]] = {}
        for member_id, role, *values in self.db.execute(
            # Identifiers from the declarations only.
            f"SELECT member_id, role, {selected} FROM contacts"  # noqa: S608
            + (" WHERE member_id = ?" if only is not None else ""),
            [only] if only is not None else [],
        ).fetchall():
            if role in picks:
                found[member_id, role] = {
                    key: values[position] if decode is None else decode(values[position])
                    for key, position, decode in picks[role]}
        return found

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
            position = self._next_position(declared)
            if declared.table == GENERIC_ROWS:
                data = {f.key: values.get(f.key, empty_value(f)) for f in declared.row_fields}
                cursor = self.db.execute(
                    "INSERT INTO rows (id, list_key, position, data) VALUES (?, ?, ?, ?)",
                    [row_id, declared.key, position, json.dumps(data, ensure_ascii=False)],
                )
                new_id = int(cursor.lastrowid or 0)
            else:
                columns, people = _columns_and_people(declared)
                names = ", ".join(["id", "position"] + [f.key for f in columns])
                marks = ", ".join("?" * (len(columns) + 2))
                cursor = self.db.execute(
                    f"INSERT INTO {declared.table} ({names}) VALUES ({marks})",  # noqa: S608
                    [row_id, position]
                    + [kind_of(f).encode(values.get(f.key, empty_value(f))) for f in columns],
                )
                new_id = int(cursor.lastrowid or 0)
                for person in people:
                    if person.key in values:
                        self._write_person(new_id, person, values[person.key])
            if index is not None:
                self._reorder(declared, new_id, index)
        return new_id

    def add_rows(self, table_key: str, rows: list[dict[str, Any]]) -> None:
        """Append rows at the end of a list, as ``add_row`` would one by one (a row's ``"id"``
        kept when it has one), with one statement per table: a document's thousand members
        are one INSERT of many rows and one of their contact persons."""
        declared = self._table(table_key)
        with self._transaction():
            start = self._next_position(declared)
            if declared.table == GENERIC_ROWS:
                defaults = [(f.key, empty_value(f)) for f in declared.row_fields]
                self.db.conn.executemany(
                    "INSERT INTO rows (id, list_key, position, data) VALUES (?, ?, ?, ?)",
                    [(row.get("id"), declared.key, start + n,
                      json.dumps({key: row.get(key, empty) for key, empty in defaults},
                                 ensure_ascii=False))
                     for n, row in enumerate(rows)])
                return
            columns, people = _columns_and_people(declared)
            writers = [(f.key, kind_of(f).encode, empty_value(f)) for f in columns]
            names = ", ".join(["id", "position"] + [f.key for f in columns])
            self.db.conn.executemany(
                f"INSERT INTO {declared.table} ({names}) "  # noqa: S608 (declared names)
                f"VALUES ({', '.join('?' * (len(columns) + 2))})",
                [[row.get("id"), start + n] + [encode(row.get(key, empty))
                                               for key, encode, empty in writers]
                 for n, row in enumerate(rows)])
            if people:
                new_ids = [row_id for (row_id,) in self.db.execute(
                    # The new rows are the ones from ``start`` on, in their order.
                    f"SELECT id FROM {declared.table} WHERE position >= ? "  # noqa: S608
                    "ORDER BY position", [start]).fetchall()]
                self._add_people(people, list(zip(new_ids, rows, strict=True)))

    def _add_people(self, people: list[Field], rows: list[tuple[int, dict[str, Any]]]) -> None:
        """The persons given in the rows, by each row's id, in the order ``add_row`` writes
        them (a member's persons after it), which the contacts' rowids keep."""
        writers = [(person.key, _person_statement(person),
                    [(sub.key, kind_of(sub).encode) for sub in person.row_fields])
                   for person in people]
        statements: dict[str, list[list[Any]]] = {}
        for row_id, row in rows:
            for key, statement, parts in writers:
                if key in row:
                    statements.setdefault(statement, []).append(
                        [row_id, key] + [encode(row[key].get(part)) for part, encode in parts])
        for statement, values in statements.items():
            self.db.conn.executemany(statement, values)

    def _next_position(self, declared: Field) -> int:
        return int(self.db.execute(
            # Table names come from the declarations only; values are bound.
            f"SELECT COALESCE(MAX(position), 0) + 1 FROM {declared.table}"  # noqa: S608
            + (" WHERE list_key = ?" if declared.table == GENERIC_ROWS else ""),
            [declared.key] if declared.table == GENERIC_ROWS else [],
        ).fetchone()[0])

    def _write_person(self, row_id: int, declared: Field, person: dict[str, Any]) -> None:
        self.db.execute(
            _person_statement(declared),
            [row_id, declared.key]
            + [kind_of(sub).encode(person.get(sub.key)) for sub in declared.row_fields],
        )

    def set_row_value(self, table_key: str, row_id: int, key: str, value: Any) -> None:
        """Set one value of a row; ``key`` is ``field`` or ``person_field.sub_field``."""
        self._keep(("row", table_key, row_id, key), "_write_row_value", table_key, row_id, key,
                   value)

    def _write_row_value(self, table_key: str, row_id: int, key: str, value: Any) -> None:
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
            elif kind_of(field).kept_apart:
                person = dict(self.row(table_key, row_id)[head])
                if sub:
                    field.row_field(sub)  # an unknown part is a programming error
                    person[sub] = value
                else:
                    person = dict(value)
                self._write_person(row_id, field, person)
            else:
                cursor = self.db.execute(
                    f"UPDATE {declared.table} SET {head} = ? WHERE id = ?",  # noqa: S608
                    [kind_of(field).encode(value), row_id],
                )
                if cursor.rowcount != 1:
                    raise KeyError(row_id)

    def set_member_values(self, row_id: int, values: dict[str, Any]) -> None:
        """Several values of one member ("field" or "person.part" keys) in one transaction."""
        declared = self._table("organizations")
        people: dict[str, dict[str, Any]] = {}
        with self._transaction():
            for key, value in values.items():
                head, _, sub = key.partition(".")
                field = declared.row_field(head)
                if field.row_fields:  # a person: its parts are written together below
                    person = people.setdefault(head, dict(self.row(declared.key, row_id)[head]))
                    person.update({sub: value} if sub else value)
                    continue
                # Table and column are declared identifiers, never user text.
                self.db.execute(f"UPDATE {declared.table} SET {head} = ? WHERE id = ?",  # noqa: S608
                                [kind_of(field).encode(value), row_id])
            for role, person in people.items():
                self._write_person(row_id, declared.row_field(role), person)

    def remove_row(self, table_key: str, row_id: int) -> None:
        declared = self._table(table_key)
        with self._transaction():
            if declared.table != GENERIC_ROWS:
                self.db.execute("DELETE FROM contacts WHERE member_id = ?", [row_id])
            self.db.execute(f"DELETE FROM {declared.table} WHERE id = ?",  # noqa: S608
                            [row_id])

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
                f"SELECT id FROM {declared.table} ORDER BY position, id")]  # noqa: S608
        order.remove(row_id)
        order.insert(max(0, min(new_index, len(order))), row_id)
        for position, current in enumerate(order, start=1):
            self.db.execute(
                f"UPDATE {declared.table} SET position = ? WHERE id = ?",  # noqa: S608
                [position, current])


def safe_file_name(name: str) -> str:
    """A name that is only a file name on every system: no folders, no control characters,
    none of the characters Windows refuses, not empty, at most 120 characters."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = "".join("_" if ch in '<>:"|?*' or ord(ch) < 0x20 or ord(ch) == 0x7F else ch
                      for ch in base).strip(" .")
    stem, dot, suffix = cleaned.rpartition(".")
    if dot and len(cleaned) > 120:
        cleaned = stem[:120 - len(suffix) - 1] + "." + suffix
    return cleaned[:120] or "scan"


def _roll_back(conn: sqlite3.Connection) -> None:
    """End an open transaction; a ROLLBACK that fails too must not hide the first error."""
    if conn.in_transaction:
        with suppress(sqlite3.Error):
            conn.execute("ROLLBACK")


def _complete(declared: Field, data: dict[str, Any]) -> dict[str, Any]:
    """A stored row with every declared field present (fields added later come back empty)."""
    return {f.key: data.get(f.key, empty_value(f)) for f in declared.row_fields}


def _columns_and_people(declared: Field) -> tuple[list[Field], list[Field]]:
    """A member table's fields kept in its own columns, and the persons kept in ``contacts``."""
    apart = [f for f in declared.row_fields if kind_of(f).kept_apart]
    return [f for f in declared.row_fields if f not in apart], apart


def _person_statement(declared: Field) -> str:
    """Insert (or replace) one person of a member in ``contacts``: the member's id, the role
    and every part of the person, bound in this order."""
    parts = [sub.key for sub in declared.row_fields]
    # Identifiers from the declarations only; values are bound.
    return (f"INSERT INTO contacts(member_id, role, {', '.join(parts)}) "  # noqa: S608
            f"VALUES ({', '.join('?' * (len(parts) + 2))}) ON CONFLICT(member_id, role) DO "
            f"UPDATE SET {', '.join(f'{part} = excluded.{part}' for part in parts)}")


def contact_columns(people: list[Field]) -> dict[str, Field]:
    """The columns of ``contacts`` (beside member_id and role): every part of every person."""
    return {sub.key: sub for person in people for sub in person.row_fields}
