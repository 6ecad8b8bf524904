"""Many members read, judged and written through the bulk paths give exactly what the plain
paths give: the rows as every cell's own ``decode`` reads them, the file ``add_row`` writes one
row at a time, and the findings of the rules on the document itself."""

from __future__ import annotations

import copy
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from benchmarks.districts import document_with
from desktop.cli import main
from desktop.core.assembly.progress import review_findings
from desktop.core.district_file import MEMBER_TABLE, DistrictFile
from desktop.core.document import from_document, load_json, to_document, write_json
from desktop.core.errors import DocumentError
from desktop.core.readiness import findings
from wizard_steps import keys, table_fields
from wizard_steps.fields import Field, Kind
from wizard_steps.kinds import kind_of, stored_as_read

MEMBER = keys("members.organizations", "name tax_code vat_number registered_sea stages "
              "staff_people contact_person substitute signing_authority")
PERSON = keys("members.organizations.contact_person", "name surname email phone")


def _members_field() -> Field:
    return next(f for _, f in table_fields() if f.table == MEMBER_TABLE)


def _flawed(members: int, persons_left_out: bool = True) -> dict[str, Any]:
    """The synthetic district with a flaw every few members, so that the rules on members
    find something: wrong codes, odd emails and phones, a person missing or half given."""
    document = document_with(members)
    for number, member in enumerate(document["members"]["organizations"]):
        flaw = number % 7
        if flaw == 1:
            member[MEMBER.tax_code] = member[MEMBER.tax_code][:-1] + "0"
        elif flaw == 2:
            member[MEMBER.contact_person][PERSON.email] = "not an address"
        elif flaw == 3:
            member[MEMBER.substitute][PERSON.phone] = "12"
        elif flaw == 4 and persons_left_out:
            del member[MEMBER.substitute]  # read back as a person with empty parts
        elif flaw == 5:
            member[MEMBER.contact_person][PERSON.surname] = ""
            member[MEMBER.vat_number] = "IT 0123-4567-890"
        elif flaw == 6:
            member[MEMBER.signing_authority] = ""
    return document


def _reference_rows(path: Path) -> list[dict[str, Any]]:
    """The members as the file holds them, every cell through its own kind's ``decode``:
    what the reading path gave before it took text cells as they come."""
    declared = _members_field()
    connection = sqlite3.connect(path)
    connection.row_factory = sqlite3.Row
    people = [f for f in declared.row_fields if f.kind is Kind.PERSON]
    stored = {(row["member_id"], row["role"]): row
              for row in connection.execute("SELECT * FROM contacts")}
    rows = []
    for raw in connection.execute("SELECT * FROM members ORDER BY position, id"):
        row: dict[str, Any] = {"id": raw["id"]}
        for field in declared.row_fields:
            if field in people:
                person = stored.get((raw["id"], field.key))
                row[field.key] = kind_of(field).empty() if person is None else {
                    sub.key: kind_of(sub).decode(person[sub.key]) for sub in field.row_fields}
            else:
                row[field.key] = kind_of(field).decode(raw[field.key])
        rows.append(row)
    connection.close()
    return rows


def test_most_member_columns_are_read_as_stored():
    declared = _members_field()
    plain = {f.key for f in declared.row_fields if stored_as_read(f)}
    assert {MEMBER.name, MEMBER.tax_code, MEMBER.vat_number} <= plain
    # numbers, yes/no, lists and persons go through their kind
    assert not plain & {MEMBER.registered_sea, MEMBER.stages, MEMBER.staff_people,
                        MEMBER.contact_person}


def test_the_members_read_as_every_cell_decodes(tmp_path):
    path = tmp_path / "many.des"
    from_document(_flawed(60), path).close()
    connection = sqlite3.connect(path)
    with connection:  # cells never typed (a column added later, a row from an older version)
        connection.execute("UPDATE members SET name = NULL, stages = NULL, staff_people = NULL "
                           "WHERE id % 5 = 0")
        connection.execute("UPDATE contacts SET email = NULL WHERE member_id % 3 = 0")
        connection.execute("DELETE FROM contacts WHERE member_id % 11 = 0")
    connection.close()
    district = DistrictFile.open(path, read_only=True)
    try:
        rows = district.rows("organizations")
        assert rows == _reference_rows(path)
        assert [list(row) for row in rows] == [
            ["id"] + [f.key for f in _members_field().row_fields]] * 60
        assert rows[4][MEMBER.name] == ""
        assert rows[4][MEMBER.stages] == []
        assert rows[4][MEMBER.staff_people] is None
        assert rows[10][MEMBER.contact_person] == {
            PERSON.name: "", PERSON.surname: "", PERSON.email: "", PERSON.phone: ""}
        assert district.rows("organizations", only=12) == [rows[11]]
        rows[0][MEMBER.name] = "changed by the caller"  # each call makes its own rows
        assert district.rows("organizations")[0][MEMBER.name] != "changed by the caller"
    finally:
        district.close()


def _dump(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    lines = [line for line in connection.iterdump() if "'district_id'" not in line]
    connection.close()
    return lines


def test_rows_added_in_bulk_make_the_file_rows_added_one_by_one_make(tmp_path):
    document = _flawed(40)
    members = document["members"]["organizations"]
    for member in members[::9]:
        del member["id"]  # numbered by the file, after the ids already given
    members[3][MEMBER.stages] = []
    objectives = document["objectives"]["objectives"]
    files = {}
    for name in ("bulk", "single"):
        district = DistrictFile.create(tmp_path / f"{name}.des")
        for table, rows in (("organizations", members), ("objectives", objectives)):
            if name == "bulk":
                district.add_rows(table, rows[:5])
                district.add_rows(table, rows[5:])  # after rows already there
            else:
                for row in rows:
                    values = {k: v for k, v in row.items() if k != "id"}
                    district.add_row(table, values, row_id=row.get("id"))
        district.close()
        files[name] = _dump(tmp_path / f"{name}.des")
    assert files["bulk"] == files["single"]
    assert sum("INSERT INTO \"contacts\"" in line for line in files["bulk"]) > 60


def test_a_thousand_members_travel_through_json_unchanged(tmp_path):
    document = json.loads(json.dumps(_flawed(1000, persons_left_out=False)))
    from_document(document, tmp_path / "big.des").close()
    district = DistrictFile.open(tmp_path / "big.des", read_only=True)
    exported = to_document(district)
    district.close()
    for section in ("members", "objectives", "governance", "supply_chain"):
        assert exported[section] == document[section]


def test_the_rules_find_on_the_file_what_they_find_on_the_document(tmp_path):
    document = json.loads(json.dumps(_flawed(350)))
    from_document(document, tmp_path / "many.des").close()
    district = DistrictFile.open(tmp_path / "many.des", read_only=True)
    read = to_document(district)
    district.close()
    on_file, on_document = review_findings(read), review_findings(document)
    assert on_file == on_document
    found = {f.rule for f in findings(document)}
    assert {"A4", "V1", "V2", "G3", "G4"} <= found
    assert {f.rule for f in on_file} >= {"P2"}
    assert len([f for f in on_file if f.rule == "A4"]) > 40  # a changed digit: 1 in 7


def test_the_check_command_judges_a_generated_district(tmp_path, capsys):
    path = tmp_path / "many.des"
    from_document(json.loads(json.dumps(_flawed(120))), path).close()
    code = main(["check", str(path), "--json", "--lang", "en"])
    reported = json.loads(capsys.readouterr().out)
    document = load_json_from(path)
    assert code == 1
    assert [(f["id"], f["row"]) for f in reported] == [
        (f.rule, f.row) for f in review_findings(document)]


def load_json_from(path: Path) -> dict[str, Any]:
    district = DistrictFile.open(path, read_only=True)
    try:
        return json.loads(json.dumps(to_document(district)))
    finally:
        district.close()


@pytest.mark.parametrize("where", ["objective", "role", "coordinator", "body"])
def test_a_reference_to_no_member_is_refused(tmp_path, where):
    document = copy.deepcopy(document_with(30))
    if where == "objective":
        document["objectives"]["objectives"][1]["members_roles"].append(
            {"member": 31, "role": "x"})
    elif where == "role":
        document["governance"]["roles"][0]["member"] = 99
    elif where == "coordinator":
        document["key_figures"]["coordinator"]["member"] = 77
    else:
        document["governance"]["bodies"][0]["members"].append(40)
    with pytest.raises(DocumentError) as refused:
        from_document(document, tmp_path / "out.des")
    assert "refers to member" in refused.value.msgid
    assert list(tmp_path.iterdir()) == []


def test_the_first_missing_member_is_the_one_named(tmp_path):
    document = copy.deepcopy(document_with(30))
    roles = document["governance"]["roles"]
    roles[0]["member"], roles[1]["member"] = 91, 92
    with pytest.raises(DocumentError) as refused:
        from_document(document, tmp_path / "out.des")
    assert refused.value.params["id"] == 91


def test_two_members_with_one_id_are_refused(tmp_path):
    document = copy.deepcopy(document_with(30))
    document["members"]["organizations"][5]["id"] = 3
    with pytest.raises(DocumentError) as refused:
        from_document(document, tmp_path / "out.des")
    assert "same id" in refused.value.msgid


@pytest.mark.parametrize(("text", "refused"), [
    ('"DES \\ud800"', True), ('"DES \\uDBFF x"', True), ('"DES \\udc00"', True),
    ('"DES \\ud83d\\ude00"', False), ('"DES \\u00e8"', False), ('"DES \\\\ud800"', False),
])
def test_only_a_lone_surrogate_escape_is_refused(tmp_path, text, refused):
    document = document_with(3)
    write_json(document, tmp_path / "doc.json")
    raw = (tmp_path / "doc.json").read_text(encoding="utf-8")
    name = json.dumps(document["district"]["name"], ensure_ascii=False)
    (tmp_path / "doc.json").write_text(raw.replace(name, text, 1), encoding="utf-8")
    if refused:
        with pytest.raises(DocumentError):
            load_json(tmp_path / "doc.json")
    else:
        assert load_json(tmp_path / "doc.json")["district"]["name"].startswith("DES ")
