"""An accepted warning covers the finding it accepts (its rule and its row), nothing more."""

import json
import sqlite3

from desktop.cli import main
from desktop.core.district_file import DistrictFile, backups
from desktop.core.district_file.migrations import MIGRATIONS, SCHEMA_VERSION, connect, migrate
from desktop.core.document import fill, from_document, to_document, validate
from desktop.core.example import example_document
from desktop.core.readiness import Level, findings, is_acknowledged
from desktop.core.readiness_report import export_report
from tests.core.test_readiness import pdf_text

REASON = "Le ore le decide il consiglio di amministrazione a gennaio."


def two_members_without_hours() -> dict:
    document = example_document()
    for member in document["members"]["organizations"][2:4]:
        member["staff_hours_month"] = None
    return document


def s5(document: dict) -> list:
    return [f for f in findings(document) if f.rule == "S5"]


def test_accepting_one_member_leaves_the_other_member_open(tmp_path, capsys):
    district = from_document(two_members_without_hours(), tmp_path / "d.des")
    first, second = s5(to_document(district))
    assert first.row != second.row
    district.acknowledge("S5", REASON, first.row)
    document = to_document(district)
    district.close()
    assert document["acknowledgements"] == [{"rule": "S5", "row": first.row, "reason": REASON}]
    validate(document)
    assert is_acknowledged(first, document)
    assert not is_acknowledged(second, document)
    assert main(["check", str(tmp_path / "d.des"), "--json"]) == 0
    listed = {item["row"]: item["acknowledged"] for item in json.loads(capsys.readouterr().out)
              if item["id"] == "S5"}
    assert listed == {first.row: True, second.row: False}
    report = " ".join(pdf_text(export_report(document, "it", tmp_path / "r.pdf")).split())
    accepted_part = report.split("Avvisi accettati dal gruppo")[1]
    assert REASON in accepted_part
    assert first.params["name"] in accepted_part
    assert second.params["name"] not in accepted_part


def test_acceptances_per_finding_survive_the_json_document(tmp_path):
    district = from_document(two_members_without_hours(), tmp_path / "d.des")
    first, second = s5(to_document(district))
    district.acknowledge("S5", REASON, second.row)
    document = json.loads(json.dumps(to_document(district)))
    district.close()
    again = from_document(document, tmp_path / "again.des")
    assert again.acknowledgements() == [{"rule": "S5", "row": second.row, "reason": REASON}]
    copied = to_document(again)
    again.close()
    assert [is_acknowledged(f, copied) for f in s5(copied)] == [False, True]


def test_withdrawing_an_acceptance_opens_the_finding_again(tmp_path):
    district = from_document(two_members_without_hours(), tmp_path / "d.des")
    first, second = s5(to_document(district))
    district.acknowledge("S5", REASON, first.row)
    district.acknowledge("S5", "Anche qui.", second.row)
    district.withdraw_acknowledgement("S5", first.row)
    document = to_document(district)
    district.close()
    assert not is_acknowledged(first, document)
    assert is_acknowledged(second, document)


def test_accepting_again_replaces_the_reason_of_that_finding_only(tmp_path):
    district = from_document(two_members_without_hours(), tmp_path / "d.des")
    first, second = s5(to_document(district))
    district.acknowledge("S5", "prima", first.row)
    district.acknowledge("S5", "seconda", second.row)
    district.acknowledge("S5", "di nuovo", first.row)
    assert district.acknowledgements() == sorted([
        {"rule": "S5", "row": first.row, "reason": "di nuovo"},
        {"rule": "S5", "row": second.row, "reason": "seconda"}], key=lambda a: a["row"])
    district.close()


def test_a_document_of_the_older_shape_accepts_the_whole_rule(tmp_path):
    document = two_members_without_hours()
    document["acknowledgements"] = {"S5": REASON}
    district = from_document(document, tmp_path / "d.des")
    assert district.acknowledgements() == [{"rule": "S5", "row": None, "reason": REASON}]
    again = to_document(district)
    district.close()
    assert all(is_acknowledged(f, again) for f in s5(again))


def test_a_format_4_file_keeps_its_acceptance_of_a_whole_rule(tmp_path):
    path = tmp_path / "old.des"
    format_4 = {version: step for version, step in MIGRATIONS.items() if version <= 4}
    db = connect(path)
    db.conn.execute("PRAGMA application_id=0x44455331")
    migrate(db, 0, format_4)
    db.conn.close()
    old = DistrictFile.open(path, migrations=format_4)
    old.db.execute("INSERT INTO acknowledgements(rule, reason, acknowledged_at) "
                   "VALUES ('S5', ?, '2026-01-10T10:00:00')", [REASON])
    old.close()

    migrated = DistrictFile.open(path)
    assert migrated.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert migrated.acknowledgements() == [{"rule": "S5", "row": None, "reason": REASON}]
    # The members come after the migration (a format 4 file has none of today's columns).
    document = two_members_without_hours()
    document.pop("acknowledgements", None)
    fill(migrated, document)
    document = to_document(migrated)
    assert len(s5(document)) == 2
    assert all(is_acknowledged(f, document) for f in s5(document))
    # After the migration an acceptance names its row again.
    first = s5(document)[0]
    migrated.withdraw_acknowledgement("S5")
    migrated.acknowledge("S5", REASON, first.row)
    document = to_document(migrated)
    migrated.close()
    assert [is_acknowledged(f, document) for f in s5(document)] == [True, False]
    [before] = [b for b in backups.backups_of(path) if b.kind == "format-4"]
    backup = sqlite3.connect(before.path)
    assert backup.execute("SELECT rule, reason FROM acknowledgements").fetchall() == [
        ("S5", REASON)]
    backup.close()


def test_a_missing_contact_and_a_wrong_contact_detail_are_different_rules():
    document = example_document()
    members = document["members"]["organizations"]
    members[0]["contact_person"]["phone"] = ""
    members[1]["contact_person"]["email"] = "non-una-email"
    members[2]["substitute"]["email"] = "nemmeno"
    found = {(f.rule, f.row): f for f in findings(document) if f.step == "members"}
    missing = found[("G3", members[0]["id"])]
    wrong = found[("V1", members[1]["id"])]
    wrong_substitute = found[("V2", members[2]["id"])]
    assert missing.level is Level.BLOCKING
    assert wrong.level is Level.WARNING
    assert wrong_substitute.level is Level.WARNING
    assert ("G3", members[1]["id"]) not in found
    texts = {f.rule: f.text(lambda text: text) for f in (missing, wrong, wrong_substitute)}
    assert len(set(texts.values())) == 3
    assert "substitute" in texts["V2"]
    assert "substitute" not in texts["V1"]
