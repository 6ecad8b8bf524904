import json
import shutil
import sqlite3

import pytest

from desktop.core.district_file import MIGRATIONS, SCHEMA_VERSION, DistrictFile, backups
from desktop.core.district_file.write_errors import WriteError
from desktop.core.errors import DistrictFileError
from tests.samples import sample_value
from wizard_steps import scalar_fields, table_fields
from wizard_steps.fields import Kind

SCALARS = [(s.key, f) for s, f in scalar_fields()]
ROW_FIELDS = [(t.key, f) for _, t in table_fields() for f in t.row_fields]


@pytest.fixture
def district(tmp_path):
    opened = DistrictFile.create(tmp_path / "d.des")
    yield opened
    opened.close()


@pytest.mark.parametrize("declared", [f for _s, f in SCALARS],
                         ids=[f"{s}.{f.key}" for s, f in SCALARS])
def test_every_scalar_field_survives_closing_the_file(tmp_path, district, declared):
    value = sample_value(declared, 2)
    district.set_answer(declared.key, value)
    district.close()
    reopened = DistrictFile.open(tmp_path / "d.des")
    assert reopened.answer(declared.key) == value
    reopened.close()


@pytest.mark.parametrize(("table", "declared"), ROW_FIELDS,
                         ids=[f"{t}.{f.key}" for t, f in ROW_FIELDS])
def test_every_row_field_survives_closing_the_file(tmp_path, district, table, declared):
    row_id = district.add_row(table)
    district.set_row_value(table, row_id, declared.key, sample_value(declared, 1))
    if declared.kind is Kind.PERSON:
        sub = declared.row_fields[2]
        district.set_row_value(table, row_id, f"{declared.key}.{sub.key}", "changed@example.org")
    district.close()
    reopened = DistrictFile.open(tmp_path / "d.des")
    stored = reopened.row(table, row_id)[declared.key]
    expected = sample_value(declared, 1)
    if declared.kind is Kind.PERSON:
        expected = dict(expected, email="changed@example.org")
    assert stored == expected
    reopened.close()


def test_a_wrong_email_is_kept_as_typed(district):
    row_id = district.add_row("organizations")
    district.set_row_value("organizations", row_id, "contact_person.email", "mario@@ rossi")
    assert district.row("organizations", row_id)["contact_person"]["email"] == "mario@@ rossi"


def test_every_edit_is_committed_at_once(tmp_path, district):
    district.set_answer("name", "DES Valsugana")
    # A second connection sees the value without any save or close on the first one.
    other = sqlite3.connect(tmp_path / "d.des")
    assert other.execute("SELECT value FROM answers WHERE key='name'").fetchone() == (
        '"DES Valsugana"',)
    other.close()


def test_the_file_is_a_single_file_with_full_sync(tmp_path, district):
    assert district.db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert district.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    district.set_answer("name", "x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.des"]


def test_rows_keep_order_and_can_be_moved_and_removed(district):
    ids = [district.add_row("organizations", {"name": n}) for n in ("A", "B", "C")]
    district.move_row("organizations", ids[2], 0)
    assert [r["name"] for r in district.rows("organizations")] == ["C", "A", "B"]
    district.remove_row("organizations", ids[0])
    assert [r["name"] for r in district.rows("organizations")] == ["C", "B"]


def test_removing_a_member_removes_its_contacts(district):
    row_id = district.add_row("organizations", {"name": "A", "contact_person": {"name": "M"}})
    district.remove_row("organizations", row_id)
    assert district.db.execute("SELECT COUNT(*) FROM contacts").fetchone()[0] == 0


def test_listeners_hear_every_commit(district):
    heard = []
    district.listeners.append(lambda: heard.append(1))
    district.set_answer("name", "x")
    district.add_row("organizations")
    assert len(heard) == 2


def test_declared_row_fields_match_the_members_table(district):
    columns = set(district.db["members"].columns_dict) - {"id", "position"}
    members = next(t for _, t in table_fields() if t.table == "members")
    declared = {f.key for f in members.row_fields if f.kind is not Kind.PERSON}
    assert columns == declared


@pytest.mark.usefixtures("district")  # the file exists already
def test_create_refuses_an_existing_file(tmp_path):
    with pytest.raises(DistrictFileError):
        DistrictFile.create(tmp_path / "d.des")


def test_save_a_copy_writes_a_district_that_opens(tmp_path, district):
    district.set_answer("name", "DES Alto Garda")
    copy = district.save_copy_as(tmp_path / "copy.des")
    reopened = DistrictFile.open(copy)
    assert reopened.answer("name") == "DES Alto Garda"
    reopened.close()


# --- files that cannot be opened --------------------------------------------------------------

def test_missing_file(tmp_path):
    with pytest.raises(DistrictFileError, match="non esiste"):
        DistrictFile.open(tmp_path / "none.des")


def test_text_file(tmp_path):
    path = tmp_path / "notes.des"
    path.write_text("not a database at all, just some notes " * 10)
    with pytest.raises(DistrictFileError, match="non è un file di distretto"):
        DistrictFile.open(path)


def test_other_sqlite_database(tmp_path):
    path = tmp_path / "other.des"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t(x)")
    conn.commit()
    conn.close()
    with pytest.raises(DistrictFileError, match="non è un file di distretto"):
        DistrictFile.open(path)


def test_truncated_file(tmp_path, example_path):
    data = example_path.read_bytes()
    cut = tmp_path / "cut.des"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(DistrictFileError, match="danneggiato"):
        DistrictFile.open(cut)


def test_newer_version_is_refused_and_left_untouched(tmp_path, example_path):
    conn = sqlite3.connect(example_path)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    conn.close()
    before = example_path.read_bytes()
    with pytest.raises(DistrictFileError, match="versione più recente"):
        DistrictFile.open(example_path)
    assert example_path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [example_path.name]


def test_an_older_file_is_copied_then_migrated(tmp_path, example_path):
    def add_notes(db):
        db["members"].add_column("notes", str)

    migrations = dict(MIGRATIONS)
    migrations[SCHEMA_VERSION + 1] = add_notes
    original = example_path.read_bytes()
    migrated = DistrictFile.open(example_path, migrations=migrations)
    assert "notes" in migrated.db["members"].columns_dict
    assert migrated.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    migrated.close()
    # The copy before the migration is one of the district's backups, and is the old file
    # page for page (only SQLite's change counters in the header differ).
    [before] = [b for b in backups.backups_of(example_path)
                if b.kind == f"format-{SCHEMA_VERSION}"]
    backup = before.path
    assert same_pages(backup.read_bytes(), original)
    assert sorted(p.name for p in tmp_path.iterdir()) == [example_path.name]
    # The current program now refuses the migrated file as newer, and says so.
    with pytest.raises(DistrictFileError):
        DistrictFile.open(example_path)
    shutil.copy(backup, example_path)
    DistrictFile.open(example_path).close()


def same_pages(first: bytes, second: bytes) -> bool:
    """Equal but for the header's counters SQLite's backup API renews (change counter, schema
    cookie, version-valid-for number)."""
    def pages(data: bytes) -> bytes:
        return data[:24] + data[28:40] + data[44:92] + data[96:]

    return pages(first) == pages(second)


@pytest.mark.parametrize(("old", "now"), [(True, False), (False, True), (None, None)])
def test_an_answer_asked_the_other_way_round_keeps_its_meaning(tmp_path, district, old, now):
    """Files of earlier versions asked "without any initial investment?"; the step now asks
    "are initial investments planned?", and the old answer reads inverted until rewritten."""
    district.close()
    with sqlite3.connect(tmp_path / "d.des") as conn:
        conn.execute("INSERT INTO answers(key, value) VALUES ('no_initial_investment', ?)",
                     [json.dumps(old)])
    reopened = DistrictFile.open(tmp_path / "d.des")
    assert reopened.answer("initial_investments") is now
    reopened.set_answer("initial_investments", True)
    assert reopened.answer("initial_investments") is True
    reopened.close()
    again = DistrictFile.open(tmp_path / "d.des")
    assert again.answer("initial_investments") is True
    again.close()


def test_one_answer_reads_as_every_answer_does(district):
    """``answer`` reads one row alone (the window's title asks for the name after every edit)
    and gives what ``answers`` gives for that key: stored, never written, or refused."""
    keys = [f.key for _s, f in SCALARS]
    for number, (_step, declared) in enumerate(SCALARS):
        if number % 2:
            district.set_answer(declared.key, sample_value(declared, 3))
    every = district.answers()
    assert {key: district.answer(key) for key in keys} == {key: every[key] for key in keys}
    district.read_only = True  # the next write is refused and kept as typed
    with pytest.raises(WriteError):
        district.set_answer("name", "Typed, not saved")
    assert district.answer("name") == district.answers()["name"] == "Typed, not saved"
    with pytest.raises(KeyError):
        district.answer("no such field")
