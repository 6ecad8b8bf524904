"""The file's formats, one numbered migration each, and the connection every open uses.

``MIGRATIONS[n]`` brings a file from format n-1 to n; the newest key is the format this
version writes (``SCHEMA_VERSION``). Each runs in its own transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

Migration = Callable[[Database], None]


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


def _signing_v7(db: Database) -> None:
    """Version 7: the final agreement exported for digital signature (its hash, size and
    signature fields), and the signed files with the result of their last verification."""
    db.table("signing_exports").create(
        {"id": int, "language": str, "sha256": str, "size": int, "revisions": int,
         "fields": str, "exported_at": str}, pk="id")
    db.table("signed_files").create(
        {"id": int, "name": str, "media_type": str, "added_at": str, "data": bytes,
         "report": str}, pk="id")


# version -> the migration that brings a file from version-1 to version.
MIGRATIONS: dict[int, Migration] = {1: _create_v1, 2: _rows_and_commitments_v2,
                                    3: _acknowledgements_v3, 4: _attachments_v4,
                                    7: _signing_v7}

SCHEMA_VERSION = max(MIGRATIONS)


def connect(path: Path) -> Database:
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    return Database(conn)


def migrate(db: Database, version: int, migrations: dict[int, Migration]) -> None:
    """Run every migration after ``version``, each in its own transaction."""
    for target in sorted(v for v in migrations if v > version):
        db.conn.execute("BEGIN IMMEDIATE")
        try:
            migrations[target](db)
            db.conn.execute(f"PRAGMA user_version={int(target)}")
        except BaseException:
            db.conn.execute("ROLLBACK")
            raise
        db.conn.execute("COMMIT")
