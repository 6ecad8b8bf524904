"""A new file made from the schema snapshot has the tables the migrations build."""

from __future__ import annotations

import sys

from desktop.core.district_file import SCHEMA_VERSION, DistrictFile
from desktop.core.district_file.migrations import MIGRATIONS, connect, migrate


def _schema(db) -> list[tuple[str, str]]:
    return db.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL "
                      "ORDER BY name").fetchall()


def test_the_snapshot_builds_what_the_migrations_build(tmp_path):
    migrated = connect(tmp_path / "migrated.des")
    migrate(migrated, 0, MIGRATIONS)
    created = DistrictFile.create(tmp_path / "created.des")
    assert _schema(created.db) == _schema(migrated)
    assert created.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    migrated.conn.close()
    created.close()


def test_a_new_file_is_made_without_sqlite_utils(tmp_path, monkeypatch):
    for name in [n for n in sys.modules if n == "sqlite_utils" or n.startswith("sqlite_utils.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "sqlite_utils", None)  # importing it would fail
    district = DistrictFile.create(tmp_path / "new.des")
    district.add_row("organizations", {"name": "Cooperativa Oltre"})
    assert district.member_names() == {1: "Cooperativa Oltre"}
    district.close()
