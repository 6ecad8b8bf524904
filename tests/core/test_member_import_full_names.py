"""A whole-name column split into name and surname, and the rows that will still lack what the
Review blocks on, on a sheet saved by LibreOffice (tests/data/members-full-names.fods saved
as .ods, .xlsx, .xls and a semicolon CSV)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.district_file import DistrictFile
from desktop.core.document import to_document
from desktop.core.member_import import (
    MISSING_FOR_REVIEW,
    REVIEW_WILL_BLOCK,
    guess_mapping,
    import_rows,
    prepare,
    read_sheet,
    split_full_name,
)
from desktop.core.readiness import blocking
from i18n import translator

DATA = Path(__file__).parent.parent / "data"
SAVED = ["members-full-names-libreoffice.ods", "members-full-names-libreoffice.xlsx",
         "members-full-names-libreoffice.xls",
         "members-full-names-libreoffice.csv"]


def prepared(name: str):
    sheet = read_sheet(DATA / name)
    return sheet, prepare(sheet, guess_mapping(sheet.headers), [])


@pytest.mark.parametrize(("whole", "surname_first", "parts"), [
    ("Mario Rossi", False, ("Mario", "Rossi")),
    ("Maria Grazia De Luca", False, ("Maria Grazia", "De Luca")),
    ("Anna Dal Bosco", False, ("Anna", "Dal Bosco")),
    ("Rossi Mario", True, ("Mario", "Rossi")),
    ("Dal Bosco Anna", True, ("Anna", "Dal Bosco")),
    ("De Luca Maria Grazia", True, ("Maria Grazia", "De Luca")),
    ("Jakob", False, ("Jakob", "")),
    ("  Luca   Verdi ", False, ("Luca", "Verdi")),
])
def test_a_whole_name_is_split_at_the_surname(whole, surname_first, parts):
    assert split_full_name(whole, surname_first) == parts


@pytest.mark.parametrize("headers", [
    ["Denominazione", "Nome e cognome"], ["Name", "Full name"], ["Ente", "Referente"],
    ["Denominazione", "Referente (nome e cognome)"], ["Organization", "Contact person"]])
def test_a_header_that_says_whole_name_maps_to_the_whole_name(headers):
    assert guess_mapping(headers) == ["name", "contact_person.full_name"]


def test_the_order_of_the_header_decides_the_order_of_the_split():
    assert guess_mapping(["Denominazione", "Cognome e nome", "Cognome e nome sostituto"]) == [
        "name", "contact_person.full_name_reversed", "substitute.full_name_reversed"]


def test_separate_name_columns_still_map_to_their_parts():
    assert guess_mapping(["Denominazione", "Nome referente", "Cognome referente"]) == [
        "name", "contact_person.name", "contact_person.surname"]


@pytest.mark.parametrize("name", SAVED)
def test_whole_names_arrive_as_name_and_surname(name):
    sheet, rows = prepared(name)
    assert sheet.headers[7] == "Referente (nome e cognome)"
    by_line = {row.line: row for row in rows}
    first = by_line[2].values
    assert (first["contact_person.name"], first["contact_person.surname"]) == (
        "Maria Grazia", "De Luca")
    assert (first["substitute.name"], first["substitute.surname"]) == ("Anna", "Dal Bosco")
    assert not any(key.endswith(("full_name", "full_name_reversed")) for key in first)
    # Three words or more: the cut is a guess, and the preview says so.
    said = [p.text(str) for p in by_line[2].problems]
    assert any("Maria Grazia De Luca" in text and "De Luca" in text for text in said)
    assert (by_line[3].values["contact_person.name"],
            by_line[3].values["contact_person.surname"]) == ("Luca", "Verdi")
    assert not by_line[3].problems  # two words: nothing to check
    assert by_line[4].values["contact_person.name"] == "Anna"
    assert "contact_person.surname" not in by_line[4].values


@pytest.mark.parametrize("name", SAVED)
def test_the_preview_says_what_each_row_will_lack_in_the_review(name):
    _sheet, rows = prepared(name)
    by_line = {row.line: row for row in rows}
    assert all(row.importable for row in rows)  # they come in all the same
    assert by_line[2].missing == []
    beta = by_line[3].missing
    assert beta[0].msgid == MISSING_FOR_REVIEW
    # The role of the legal representative is named by the Review's finding, not twice.
    assert beta[0].params["fields"] == ["Legal form"]
    assert [p.params["problem"].rule for p in beta[1:]] == ["A1"]
    gamma = by_line[4].missing
    assert {p.params["problem"].rule for p in gamma} == {"G3", "A4"}
    assert all(p.msgid == REVIEW_WILL_BLOCK for p in gamma)
    italian = " ".join(p.text(translator("it").gettext) for p in beta)
    assert "Forma giuridica" in italian
    assert "verifica finale" in italian.lower()


@pytest.mark.parametrize("name", SAVED)
def test_what_the_preview_announces_is_what_the_review_then_blocks_on(tmp_path, name):
    _sheet, rows = prepared(name)
    district = DistrictFile.create(tmp_path / "d.des")
    assert import_rows(district, rows) == 3
    ids = {m["name"]: m["id"] for m in district.rows("organizations")}
    found = {(f.rule, f.row) for f in blocking(to_document(district)) if f.row is not None}
    announced = {(p.params["problem"].rule, ids[row.values["name"]])
                 for row in rows for p in row.missing if p.msgid == REVIEW_WILL_BLOCK}
    assert announced == found
    district.close()
