"""The file's formats, one numbered migration each, and the connection every open uses.

``MIGRATIONS[n]`` brings a file from format n-1 to n; the newest key is the format this
version writes (``SCHEMA_VERSION``). Each runs in its own transaction, in the order of
the keys. A member field or a part
of a contact person declared later needs only ``MIGRATIONS[n] = added_columns(table, key)``: the
column's type comes from the field's kind.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.district_file.connection import Connection
from wizard_steps import table_fields
from wizard_steps.kinds import GENERIC_ROWS, kind_of

if TYPE_CHECKING:
    from sqlite_utils import Database

# A migration changes the schema through sqlite-utils, loaded only when a file is migrated.
Migration = Callable[["Database"], None]
CONTACT_TABLE = "contacts"  # the contact persons of the members, a row per member and role


def declared_columns(table: str) -> dict[str, type]:
    """The columns the declarations give ``table`` (a table of its own, or ``contacts``),
    beside its keys, with their types."""
    own = [t for _, t in table_fields() if t.table != GENERIC_ROWS]
    if table == CONTACT_TABLE:
        fields = [sub for t in own for f in t.row_fields if kind_of(f).kept_apart
                  for sub in f.row_fields]
    else:
        fields = [f for t in own if t.table == table for f in t.row_fields
                  if not kind_of(f).kept_apart]
    return {f.key: kind_of(f).column_type for f in fields}


def added_columns(table: str, *keys: str) -> Migration:
    """The migration that adds the columns of newly declared fields; an undeclared key fails
    here, when ``MIGRATIONS`` is built, not when a user opens a file."""
    declared = declared_columns(table)
    unknown = [key for key in keys if key not in declared]
    if not keys or unknown:
        raise KeyError(f"{table} declares no field {unknown or keys}")

    def add(db: Database) -> None:
        for key in keys:
            db.table(table).add_column(key, declared[key])

    add.__doc__ = f"Columns {', '.join(keys)} of {table}, as declared."
    return add


def _create_v1(db: Database) -> None:
    db.table("answers").create({"key": str, "value": str}, pk="key")
    db.table("members").create(
        {
            "id": int,
            "position": int,
            "name": str,
            "legal_form": str,
            "nature": str,
            "registered_sea": int,
            "tax_code": str,
            "registered_office": str,
            "legal_representative": str,
            "legal_representative_role": str,
            "signing_authority": str,
            "stages": str,
        },
        pk="id",
    )
    db.table("contacts").create(
        {
            "member_id": int,
            "role": str,
            "name": str,
            "surname": str,
            "email": str,
            "phone": str,
        },
        pk=("member_id", "role"),
        foreign_keys=[("member_id", "members", "id")],
    )


def _rows_and_commitments_v2(db: Database) -> None:
    """Version 2: the lists of the later steps, and what each member commits to."""
    db.table("rows").create(
        {"id": int, "list_key": str, "position": int, "data": str}, pk="id")
    db.execute("CREATE INDEX rows_by_list ON rows(list_key, position)")
    for column, kind in (("commitment", str), ("staff_people", int),
                         ("staff_hours_month", int)):
        db.table("members").add_column(column, kind)


def _acknowledgements_v3(db: Database) -> None:
    """Version 3: warnings of the readiness review that the group accepts, with a reason."""
    db.table("acknowledgements").create(
        {"rule": str, "reason": str, "acknowledged_at": str}, pk="rule")


def _attachments_v4(db: Database) -> None:
    """Version 4: the scanned, signed agreement (PDF or images) kept inside the district."""
    db.table("attachments").create(
        {"id": int, "name": str, "media_type": str, "added_at": str, "data": bytes}, pk="id")


def _acknowledgements_per_finding_v5(db: Database) -> None:
    """Version 5: a warning is accepted for one finding: its rule and, where the rule is about
    one row, that row (``row`` is the member id or the position in its list, ``NULL`` for the
    whole district). Acceptances of format 4 named only a rule; they keep ``row`` NULL, which
    still accepts every row of that rule, so nothing the group accepted is lost."""
    db.execute("ALTER TABLE acknowledgements RENAME TO acknowledgements_v4")
    db.execute("CREATE TABLE acknowledgements (id INTEGER PRIMARY KEY, rule TEXT NOT NULL, "
               "row INTEGER, reason TEXT, acknowledged_at TEXT)")
    # NULL rows count as one value here, so a rule is accepted for the whole district once.
    db.execute("CREATE UNIQUE INDEX acknowledgement_per_finding "
               "ON acknowledgements(rule, COALESCE(row, -1))")
    db.execute("INSERT INTO acknowledgements(rule, row, reason, acknowledged_at) "
               "SELECT rule, NULL, reason, acknowledged_at FROM acknowledgements_v4")
    db.execute("DROP TABLE acknowledgements_v4")


def _party_identifiers_v6(db: Database) -> None:
    """Version 6: the VAT number apart from the tax code, the number in the register of
    cooperatives, and the number and date of the act that authorises the signature."""
    for column in ("vat_number", "cooperative_register", "signing_act_number",
                   "signing_act_date"):
        db.table("members").add_column(column, str)


def _signing_v7(db: Database) -> None:
    """Version 7: the final agreement exported for digital signature (its hash, size and
    signature fields), and the signed files with the result of their last verification."""
    db.table("signing_exports").create(
        {"id": int, "language": str, "sha256": str, "size": int, "revisions": int,
         "fields": str, "exported_at": str}, pk="id")
    db.table("signed_files").create(
        {"id": int, "name": str, "media_type": str, "added_at": str, "data": bytes,
         "report": str}, pk="id")


YEARS_TABLE = ("CREATE TABLE years (year INTEGER NOT NULL, key TEXT NOT NULL, value TEXT, "
               "PRIMARY KEY (year, key))")


def _years_after_signing(db: Database) -> None:
    """The district's years after signing: one row per year and declared field of
    ``wizard_steps.years.YEAR``, its value as JSON (a year's tables are small lists)."""
    db.execute(YEARS_TABLE)


# version -> the migration that brings a file from version-1 to version.
MIGRATIONS: dict[int, Migration] = {1: _create_v1, 2: _rows_and_commitments_v2,
                                    3: _acknowledgements_v3, 4: _attachments_v4,
                                    5: _acknowledgements_per_finding_v5,
                                    6: _party_identifiers_v6, 7: _signing_v7}
MIGRATIONS[8] = _years_after_signing

SCHEMA_VERSION = max(MIGRATIONS)


def connect(path: Path) -> Connection:
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    return Connection(conn)


def connect_read_only(path: Path) -> Connection:
    """A connection that cannot write to the file (SQLite's ``mode=ro``)."""
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True,
                           isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA foreign_keys=ON")
    return Connection(conn)


def in_memory_copy(db: Connection) -> Connection:
    """The whole district in memory (SQLite's backup API), e.g. to bring an older format up to
    date without writing to a file that must stay as it is."""
    memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    db.conn.backup(memory)
    db.conn.close()
    memory.execute("PRAGMA foreign_keys=ON")
    return Connection(memory)


def migrate(db: Connection, version: int, migrations: dict[int, Migration]) -> None:
    """Run every migration after ``version``, each in its own transaction."""
    for target in sorted(v for v in migrations if v > version):
        db.conn.execute("BEGIN IMMEDIATE")
        try:
            migrations[target](db.utils())
            db.conn.execute(f"PRAGMA user_version={int(target)}")
        except BaseException:
            db.conn.execute("ROLLBACK")
            raise
        db.conn.execute("COMMIT")
