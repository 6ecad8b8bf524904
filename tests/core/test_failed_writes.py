"""A write the disk refuses is reported with its real cause, kept, and written later."""

from __future__ import annotations

import os
import sqlite3

import pytest

from desktop.core.district_file import DistrictFile
from desktop.core.district_file.write_errors import MOVED, READ_ONLY, WriteError
from tests.faults import disk_full, full_disk_reasons, read_only_folder, small_disk


@pytest.fixture
def on_small_disk(tmp_path):
    with small_disk(tmp_path) as folder:
        district = DistrictFile.create(folder / "district.des")
        yield district
        district.close()


def test_a_full_disk_is_reported_as_such_and_the_value_is_written_later(on_small_disk):
    district = on_small_disk
    district.set_answer("name", "DES Val di Non")
    heard: list[WriteError] = []
    district.failure_listeners.append(heard.append)
    with disk_full(district.path.parent):
        with pytest.raises(WriteError) as failure:
            district.set_answer("name", "DES Val di Sole")
        # the next edit tries again, and is itself kept
        with pytest.raises(WriteError):
            district.set_answer("seat", "Malè")
    assert failure.value.reason in full_disk_reasons(district.path.parent)
    assert "rollback" not in str(failure.value.__cause__).lower()
    assert len(heard) == 2
    assert {h.reason for h in heard} <= full_disk_reasons(district.path.parent)
    assert set(district.unsaved) == {("answer", "name"), ("answer", "seat")}
    in_file = district.db.execute("SELECT value FROM answers WHERE key = 'name'").fetchone()[0]
    assert in_file == '"DES Val di Non"'  # the file is still whole
    assert district.answer("name") == "DES Val di Sole"  # reads show what was typed
    district.add_row("objectives")  # the next write, space free again, carries both
    assert district.unsaved == {}
    reopened = DistrictFile.open(district.path)
    assert reopened.answer("name") == "DES Val di Sole"
    assert reopened.answer("seat") == "Malè"
    assert reopened.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    reopened.close()


def test_a_read_only_folder_is_reported_and_nothing_is_lost(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    district = DistrictFile.create(folder / "district.des")
    member = district.add_row("organizations", {"name": "Coop A"})
    with read_only_folder(folder):
        with pytest.raises(WriteError) as failure:
            district.set_row_value("organizations", member, "name", "Coop Alfa")
        assert failure.value.reason == READ_ONLY
        assert district.row("organizations", member)["name"] == "Coop A"
    district.save_unsaved()
    assert district.row("organizations", member)["name"] == "Coop Alfa"
    district.close()


def test_a_file_renamed_while_open_is_reported(tmp_path):
    district = DistrictFile.create(tmp_path / "district.des")
    os.rename(district.path, tmp_path / "renamed.des")
    with pytest.raises(WriteError) as failure:
        district.set_answer("name", "DES Primiero")
    assert failure.value.reason == MOVED
    assert "Not saved:" in failure.value.message(lambda text: text)
    district.close()


def test_a_copy_holds_the_values_the_file_refused(on_small_disk, tmp_path):
    district = on_small_disk
    with disk_full(district.path.parent):
        with pytest.raises(WriteError):
            district.set_answer("name", "DES Giudicarie")
    copy = DistrictFile.open(district.save_copy_as(tmp_path / "copy.des"))
    assert copy.answer("name") == "DES Giudicarie"
    copy.close()


def test_a_copy_onto_a_full_disk_leaves_nothing_behind(on_small_disk):
    district = on_small_disk
    folder = district.path.parent
    with disk_full(folder), pytest.raises(WriteError) as failure:
        district.save_copy_as(folder / "copy.des")
    assert failure.value.reason in full_disk_reasons(folder)
    assert sorted(p.name for p in folder.iterdir()) == ["district.des"]


def test_errors_of_the_program_are_not_disguised_as_disk_errors(tmp_path):
    district = DistrictFile.create(tmp_path / "district.des")
    row = district.add_row("objectives")
    with pytest.raises(sqlite3.IntegrityError):
        district.add_row("objectives", row_id=row)
    district.close()


def test_an_unchanged_value_is_not_written_again(tmp_path):
    district = DistrictFile.create(tmp_path / "district.des")
    district.set_answer("name", "DES Rendena")
    member = district.add_row("organizations", {"name": "Coop A"})
    changes = district.db.conn.total_changes
    district.set_answer("name", "DES Rendena")
    district.set_row_value("organizations", member, "name", "Coop A")
    assert district.db.conn.total_changes == changes
    district.close()
    read_only = DistrictFile.open(tmp_path / "district.des", read_only=True)
    read_only.set_answer("name", "DES Rendena")  # a field focused and left: no refusal
    assert read_only.unsaved == {}
    read_only.close()
