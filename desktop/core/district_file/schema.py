"""A new district file's tables as plain SQL: what the migrations build, in one step.

Creating a file through the migrations imports sqlite-utils (half a second with its
dependencies); a new file gets this snapshot instead, then any migration newer than it. A
test checks that the snapshot and the migrations build the same tables.
"""

from __future__ import annotations

from desktop.core.district_file.connection import Connection
from desktop.core.district_file.migrations import MIGRATIONS, SCHEMA_VERSION, YEARS_TABLE, migrate

SNAPSHOT_VERSION = SCHEMA_VERSION
SNAPSHOT = (
    'CREATE TABLE "answers" (\n   "key" TEXT PRIMARY KEY,\n   "value" TEXT\n)',
    'CREATE TABLE "members" (\n   "id" INTEGER PRIMARY KEY,\n   "position" INTEGER,\n'
    '   "name" TEXT,\n   "legal_form" TEXT,\n   "nature" TEXT,\n'
    '   "registered_sea" INTEGER,\n   "tax_code" TEXT,\n   "registered_office" TEXT,\n'
    '   "legal_representative" TEXT,\n   "legal_representative_role" TEXT,\n'
    '   "signing_authority" TEXT,\n   "stages" TEXT\n'
    ', "commitment" TEXT, "staff_people" INTEGER, "staff_hours_month" INTEGER,'
    ' "vat_number" TEXT, "cooperative_register" TEXT, "signing_act_number" TEXT,'
    ' "signing_act_date" TEXT)',
    'CREATE TABLE "contacts" (\n   "member_id" INTEGER REFERENCES "members"("id"),\n'
    '   "role" TEXT,\n   "name" TEXT,\n   "surname" TEXT,\n   "email" TEXT,\n'
    '   "phone" TEXT,\n   PRIMARY KEY ("member_id", "role")\n)',
    'CREATE TABLE "rows" (\n   "id" INTEGER PRIMARY KEY,\n   "list_key" TEXT,\n'
    '   "position" INTEGER,\n   "data" TEXT\n)',
    'CREATE INDEX rows_by_list ON rows(list_key, position)',
    'CREATE TABLE "attachments" (\n   "id" INTEGER PRIMARY KEY,\n   "name" TEXT,\n'
    '   "media_type" TEXT,\n   "added_at" TEXT,\n   "data" BLOB\n)',
    'CREATE TABLE acknowledgements (id INTEGER PRIMARY KEY, rule TEXT NOT NULL, '
    'row INTEGER, reason TEXT, acknowledged_at TEXT)',
    'CREATE UNIQUE INDEX acknowledgement_per_finding '
    'ON acknowledgements(rule, COALESCE(row, -1))',
    'CREATE TABLE "signing_exports" (\n   "id" INTEGER PRIMARY KEY,\n   "language" TEXT,\n'
    '   "sha256" TEXT,\n   "size" INTEGER,\n   "revisions" INTEGER,\n   "fields" TEXT,\n'
    '   "exported_at" TEXT\n)',
    'CREATE TABLE "signed_files" (\n   "id" INTEGER PRIMARY KEY,\n   "name" TEXT,\n'
    '   "media_type" TEXT,\n   "added_at" TEXT,\n   "data" BLOB,\n   "report" TEXT\n)',
    YEARS_TABLE,
)


def create_tables(db: Connection) -> None:
    """The tables of the newest format in an empty file: the snapshot in one transaction,
    then the migrations written after it."""
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in SNAPSHOT:
            db.conn.execute(statement)
        db.conn.execute(f"PRAGMA user_version={SNAPSHOT_VERSION}")
    except BaseException:
        db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")
    migrate(db, SNAPSHOT_VERSION, MIGRATIONS)
