"""The recipe "add a field" of docs/architecture.md, tried on a copy of the declarations.

A text field declared on the member table (and a part declared on the contact persons) plus
one ``added_columns`` migration travel through the district file, the JSON document, its
schema and the words of the review, with no other code. The real steps and the real
``MIGRATIONS`` are left alone: the copies are patched in for the test only.
"""

from __future__ import annotations

import dataclasses
import sys

import pytest

import wizard_steps
from desktop.core import document as document_module
from desktop.core.display import display_value
from desktop.core.district_file import MIGRATIONS, DistrictFile, backups
from desktop.core.district_file import file as file_module
from desktop.core.district_file.migrations import Migration, added_columns, declared_columns
from i18n import N_, translator
from wizard_steps.fields import Field, Kind, Step

# Keys no real declaration will take, so the test keeps working as real fields are added.
ADDED = Field("example_added_text", Kind.TEXT, N_("Number in the register of cooperatives"))
PART = Field("example_added_part", Kind.EMAIL, N_("Certified email (PEC)"))
VALUE = "A123456 «Sezione mutualità prevalente»"


def _with_new_fields(step: Step) -> Step:
    """The members step with ADDED on each member and PART on each contact person."""
    if step.key != "members":
        return step
    table = step.field("organizations")
    row_fields = tuple(
        dataclasses.replace(f, row_fields=f.row_fields + (PART,)) if f.kind is Kind.PERSON else f
        for f in table.row_fields) + (ADDED,)
    return dataclasses.replace(step, fields=(dataclasses.replace(table, row_fields=row_fields),))


@pytest.fixture
def declared_copy(monkeypatch: pytest.MonkeyPatch) -> dict[int, Migration]:
    """Every module that holds the steps sees the copy; the file knows one migration more."""
    original = wizard_steps.STEPS
    steps = tuple(_with_new_fields(step) for step in original)
    for module in list(sys.modules.values()):
        if getattr(module, "STEPS", None) is original:
            monkeypatch.setattr(module, "STEPS", steps)
    migrations = dict(MIGRATIONS)
    migrations[max(MIGRATIONS) + 1] = added_columns("members", ADDED.key)
    migrations[max(MIGRATIONS) + 2] = added_columns("contacts", PART.key)
    monkeypatch.setattr(file_module, "MIGRATIONS", migrations)
    return migrations


@pytest.mark.usefixtures("declared_copy")
def test_a_new_member_field_travels_through_file_document_schema_and_review(tmp_path) -> None:
    district = DistrictFile.create(tmp_path / "d.des")
    member = district.add_row("organizations", {"name": "Coop Alfa", ADDED.key: VALUE,
                                                "contact_person": {"name": "Anna", PART.key:
                                                                   "alfa@pec.it"}})
    district.close()

    reopened = DistrictFile.open(tmp_path / "d.des")
    row = reopened.row("organizations", member)
    assert row[ADDED.key] == VALUE
    assert row["contact_person"][PART.key] == "alfa@pec.it"
    assert row["substitute"][PART.key] == ""

    document = document_module.to_document(reopened)
    reopened.close()
    assert document["members"]["organizations"][0][ADDED.key] == VALUE
    document_module.validate(document)
    item_schema = document_module.schema()["properties"]["members"]["properties"][
        "organizations"]["items"]
    assert item_schema["properties"][ADDED.key] == {"type": "string", "title": ADDED.label}

    copy = document_module.from_document(document, tmp_path / "copy.des")
    assert copy.row("organizations", member)[ADDED.key] == VALUE
    copy.close()

    for lang in ("it", "en"):
        assert display_value(ADDED, VALUE, {}, translator(lang).gettext, lang) == VALUE


def test_the_declared_migration_brings_an_older_file_up_to_date(
        tmp_path, monkeypatch, declared_copy) -> None:
    # A file written before the fields were declared, then opened by the version that has them.
    monkeypatch.setattr(file_module, "MIGRATIONS", MIGRATIONS)
    DistrictFile.create(tmp_path / "older.des").close()
    monkeypatch.setattr(file_module, "MIGRATIONS", declared_copy)

    migrated = DistrictFile.open(tmp_path / "older.des")
    columns = set(migrated.db["members"].columns_dict) - {"id", "position"}
    contacts = set(migrated.db["contacts"].columns_dict) - {"member_id", "role"}
    assert columns == set(declared_columns("members"))
    assert ADDED.key in columns
    assert PART.key in contacts
    assert contacts == set(declared_columns("contacts"))
    migrated.close()
    assert [b for b in backups.backups_of(tmp_path / "older.des")
            if b.kind == f"format-{max(MIGRATIONS)}"]


def test_a_migration_for_an_undeclared_field_fails_at_once() -> None:
    with pytest.raises(KeyError):
        added_columns("members", ADDED.key)
