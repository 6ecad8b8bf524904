"""The district's years after signing: the example taken through a year in a real district
file, the annual report in both languages and its copy for publication read back, each
monitoring rule fired and passed, the command line, and a district not yet signed untouched."""

from __future__ import annotations

import copy
import datetime as dt
import re
import sqlite3

import pytest
from pypdf import PdfReader

from desktop.cli import main
from desktop.core.agreement import export_agreement
from desktop.core.district_file import SCHEMA_VERSION, DistrictFile
from desktop.core.document import from_document, schema, to_document, validate
from desktop.core.example import example_document
from desktop.core.readiness import Level
from desktop.core.years.annual_report import export_annual_report
from desktop.core.years.monitoring import MONITORING, monitoring_findings
from desktop.core.years.signed import as_signed, district_years, signed_on
from desktop.core.years.timeline import members_on, participation, target_met
from tests.core.test_archival import check_archival
from tests.core.test_readiness import ALL_LEVELS

YEAR = 2027
NEW_MEMBER = "Associazione Orti Condivisi di Moena (esempio)"
WITHDRAWING = 9  # Pastificio Felicetti


def text_of(path) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(path).pages))


def unsigned_example(lang: str = "it") -> dict:
    """The example as it stood before signing: no years, only the founding members."""
    document = as_signed(example_document(lang))
    document = copy.deepcopy(document)
    document.pop("after_signing")
    document.pop("years")
    return document


def _new_member(document: dict) -> dict:
    member = copy.deepcopy(document["members"]["organizations"][2])
    member.update(name=NEW_MEMBER, tax_code="91000110220", vat_number="",
                  legal_representative="Elena Pederiva (esempio)")
    member["contact_person"].update(name="Irene", surname="Chiocchetti (esempio)",
                                    email="irene.chiocchetti@example.org",
                                    phone="+39 000 000 0099")
    member["substitute"].update(name="Paolo", surname="Sommavilla (esempio)",
                                email="paolo.sommavilla@example.org", phone="+39 000 000 0098")
    member.pop("id")
    return member


@pytest.fixture
def lived(tmp_path):
    """The unsigned example in a district file, then its first year typed in through the
    district file as the window writes it."""
    district = from_document(unsigned_example(), tmp_path / "fassa.des")
    assert to_document(district).get("years") is None
    district.set_answer("signed_on", "2027-03-15")
    new_id = district.add_row("organizations", _new_member(unsigned_example()))
    indicators = to_document(district)["reporting"]["indicators"]
    values = []
    for indicator in indicators:
        periods = {"quarterly": ["q1", "q2", "q3", "q4"], "half_yearly": ["h1", "h2"],
                   "yearly": ["year"]}[indicator["frequency"]]
        values += [{"indicator": indicator["indicator"], "period": period,
                    "value": str(40 + index), "target": "40",
                    "collected_by": "Ornella Rasom (esempio)", "source": "Registro (esempio)"}
                   for index, period in enumerate(periods)]
    everyone = [m["id"] for m in to_document(district)["members"]["organizations"]
                if m["id"] != new_id]
    record = {
        "summary": "Un anno di prova (esempio).",
        "assemblies": [
            {"date": "2027-04-20", "place": "Cavalese", "present": everyone[:-2],
             "represented": [everyone[-2]], "decisions": "Programma approvato (esempio)."},
            {"date": "2027-10-12", "place": "Canazei", "present": everyone[:-3] + [new_id],
             "represented": [], "decisions": "Ammessa una nuova associazione (esempio)."},
        ],
        "indicator_values": values,
        "accounts": [
            {"side": "income", "line": "source:0", "amount": 2_345_600,
             "public_private": "private", "note": ""},
            {"side": "income", "line": "source:1", "amount": 1_400_000,
             "public_private": "public", "note": ""},
            {"side": "income", "line": "sales", "amount": 987_600, "public_private": "private",
             "note": ""},
            {"side": "expense", "line": "staff", "amount": 2_222_200, "public_private": "",
             "note": ""},
        ],
        "member_changes": [
            {"member": new_id, "change": "admission", "date": "2027-09-30",
             "act": "Atto di adesione n. 7 (esempio)"},
            {"member": WITHDRAWING, "change": "withdrawal", "date": "2027-11-30",
             "act": "Lettera di recesso (esempio)"},
        ],
        "contact_changes": [
            {"member": 4, "date": "2027-10-12", "person": "Giulia Zanon (esempio)",
             "resolution": "Delibera n. 3 (esempio)"}],
        "widening_actions": [{"date": "2027-06-01", "action": "Porte aperte alle associazioni "
                              "di Moena (esempio)", "result": "Una adesione (esempio)"}],
        "activities": [{"kind": "exchange", "date": "2027-10-23", "description":
                        "Scambio con il DES della Vallagarina (esempio)", "where": "Rovereto"}],
        "next_calendar": [{"date": "2028-05-09", "time": "18:00", "place": "Moena",
                           "agenda": "Verifica (esempio)"}],
    }
    for key, value in record.items():
        district.set_year_value(YEAR, key, value)
    document = to_document(district)
    district.close()
    validate(document)
    return document, new_id


def test_the_example_lives_a_year_and_the_report_says_it(lived, tmp_path):
    document, new_id = lived
    assert signed_on(document).isoformat() == "2027-03-15"
    assert district_years(document) == [2027, 2028, 2029, 2030, 2031]
    members = {m["id"]: m["name"] for m in document["members"]["organizations"]}
    assert new_id in members_on(document, __import__("datetime").date(2027, 12, 31))
    assert WITHDRAWING not in members_on(document, __import__("datetime").date(2027, 12, 31))
    assert WITHDRAWING in members_on(document, __import__("datetime").date(2027, 11, 29))
    words = {"it": ("Relazione annuale 2027", "Ammissione", "Recesso", "20/04/2027",
                    "12/10/2027", "23.456,00", "14.000,00", "9.876,00", "22.222,00"),
             "en": ("Annual report 2027", "Admission", "Withdrawal", "20 Apr 2027",
                    "12 Oct 2027", "23,456.00", "14,000.00", "9,876.00", "22,222.00")}
    for lang, expected in words.items():
        path = export_annual_report(document, YEAR, lang, tmp_path / f"{lang}.pdf")
        text = text_of(path)
        for word in expected + ("Cavalese", "Canazei", "Programma approvato", NEW_MEMBER,
                                members[WITHDRAWING], "Porte aperte alle associazioni",
                                "Scambio con il DES della Vallagarina", "Giulia Zanon",
                                "Ornella Rasom", "Moena"):
            assert word in text, (lang, word)
        for indicator in document["reporting"]["indicators"]:
            assert indicator["indicator"][:30] in text, (lang, indicator["indicator"])
        assert text.count("43") >= 2  # the fourth quarter's values
        check_archival(path, expected[0], lang)


@pytest.mark.parametrize("lang", ["it", "en"])
def test_the_copy_for_publication_has_no_personal_data(lived, tmp_path, lang):
    document, _new_id = lived
    text = text_of(export_annual_report(document, YEAR, lang, tmp_path / "p.pdf",
                                        public=True))
    assert NEW_MEMBER in text
    assert "Delibera n. 3" in text
    personal = ["Giulia Zanon", "Ornella Rasom"]
    for member in document["members"]["organizations"]:
        for role in ("contact_person", "substitute"):
            person = member[role]
            personal += [person["surname"].replace(" (esempio)", ""), person["email"],
                         person["phone"]]
        personal.append(member["legal_representative"].replace(" (esempio)", ""))
    found = [item for item in personal if item and item in text]
    assert found == []
    full = text_of(export_annual_report(document, YEAR, lang, tmp_path / "f.pdf"))
    assert "Giulia Zanon" in full  # the same report, not an emptier one, for the assembly


def test_the_agreement_of_a_signed_district_keeps_its_parties(lived, tmp_path):
    document, _new_id = lived
    text = text_of(export_agreement(document, "it", tmp_path / "a.pdf"))
    assert NEW_MEMBER not in text
    assert "Pastificio Felicetti" in text  # it signed; withdrawing later does not unsign


def test_a_district_not_yet_signed_is_unchanged(tmp_path):
    document = unsigned_example("en")
    assert signed_on(document) is None
    assert as_signed(document) is document
    assert district_years(document) == []
    assert monitoring_findings(document, YEAR) == []
    district = from_document(document, tmp_path / "u.des")
    again = to_document(district)
    district.close()
    assert "years" not in again
    assert "after_signing" not in again
    made_by_the_file = ("generator", "acknowledgements", "signatures")  # not in the example
    assert {k: v for k, v in again.items() if k not in made_by_the_file} == {
        k: v for k, v in document.items() if k != "generator"}
    # the agreement: the same text as the signed example's (its parties as signed)
    unsigned = text_of(export_agreement(document, "en", tmp_path / "u.pdf"))
    signed = text_of(export_agreement(example_document("en"), "en", tmp_path / "s.pdf"))
    assert unsigned == signed


def test_the_example_meets_every_monitoring_rule():
    assert monitoring_findings(example_document(), YEAR) == []
    assert monitoring_findings(example_document("en"), YEAR) == []


def _year(document: dict) -> dict:
    return document["years"][str(YEAR)]


def _withdraw_all_but_two(document: dict) -> None:
    _year(document)["member_changes"] += [
        {"member": m, "change": "withdrawal", "date": "2027-06-30", "act": ""}
        for m in range(1, 10) if m != 8]


BREAKS = {
    "M1": lambda d: _year(d).update(indicator_values=[
        v for v in _year(d)["indicator_values"] if v["period"] != "q4"]),
    "M2": lambda d: [v.update(value="4000") for v in _year(d)["indicator_values"]
                     if v["period"] in ("q3", "q4") and v["target"] == "5000"],
    "M3": lambda d: (d["governance"].update(exclusion_absences=2),
                     [a["present"].remove(7) for a in _year(d)["assemblies"]]),
    "M4": lambda d: _year(d)["accounts"][1].update(amount=4_000_000),
    "M5": lambda d: d["district"].update(duration_years=1),
    "M6": _withdraw_all_but_two,
}
MENDS = {  # what the group does about it: the rule passes again
    "M1": lambda d: _year(d)["indicator_values"].extend(
        dict(v, period="q4") for v in example_document()["years"]["2027"]["indicator_values"]
        if v["period"] == "q4"),
    "M2": lambda d: [v.update(value="5200") for v in _year(d)["indicator_values"]
                     if v["period"] == "q4" and v["target"] == "5000"],
    "M3": lambda d: _year(d)["member_changes"].append(
        {"member": 7, "change": "exclusion", "date": "2027-12-01", "act": "Delibera"}),
    "M4": lambda d: _year(d)["accounts"][1].update(amount=1_000_000),
    "M5": lambda d: d["after_signing"].update(renewal_decision="Assemblea del 14/11/2027: "
                                                                "rinnovato per cinque anni"),
    "M6": lambda d: [
        (d["members"]["organizations"].append(dict(d["members"]["organizations"][2], id=new)),
         _year(d)["member_changes"].append(
             {"member": new, "change": "admission", "date": "2027-07-01", "act": ""}))
        for new in (12, 13)],
}


@pytest.mark.parametrize("rule", sorted(MONITORING))
def test_each_monitoring_rule_fires_and_passes(rule):
    document = example_document()
    assert MONITORING[rule](document, YEAR) == [], f"{rule} fires on the example"
    BREAKS[rule](document)
    fired = MONITORING[rule](document, YEAR)
    assert fired, f"{rule} does not fire"
    assert {f.level for f in fired} == {Level[ALL_LEVELS[rule].upper()]}
    assert {f.rule for f in fired} == {rule}
    for finding in fired:
        for lang in ("it", "en"):
            from i18n import translator

            text = finding.text(translator(lang).gettext)
            assert "{" not in text
            assert len(text) > 60
    assert rule in {f.rule for f in monitoring_findings(document, YEAR)}
    MENDS[rule](document)
    assert MONITORING[rule](document, YEAR) == [], f"{rule} still fires once mended"


def test_targets_read_as_people_write_them():
    assert target_met("45%", "40%") is True
    assert target_met("14 % (esempio)", "≤ 15%") is True
    assert target_met("16", "≤ 15") is False
    assert target_met("4,2 su 5", "4") is True
    assert target_met("1.200", "1.000") is True
    assert target_met("molti", "40") is None


def test_participation_counts_substitutes_and_absences_across_years():
    document = example_document()
    seen = {p.member: p for p in participation(document, YEAR)}
    assert seen[9].present == 1
    assert seen[9].represented == 1
    assert seen[8].absent == 2
    assert seen[8].trailing_absences == 2


def test_the_schema_carries_the_years_and_refuses_a_bad_one():
    properties = schema()["properties"]
    assert set(properties["years"]["additionalProperties"]["properties"]) >= {
        "assemblies", "indicator_values", "accounts", "member_changes", "next_calendar"}
    document = example_document()
    _year(document)["assemblies"][0]["present"].append(99)
    with pytest.raises(Exception, match="99"):
        validate(document)
    document = example_document()
    document["years"]["27"] = {}
    with pytest.raises(Exception, match="years"):
        validate(document)


def test_an_older_file_gains_the_years_table(tmp_path):
    path = tmp_path / "old.des"
    DistrictFile.create(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TABLE years")
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION - 1}")
    conn.close()
    district = DistrictFile.open(path)
    district.set_year_value(YEAR, "summary", "Primo anno")
    assert district.year_record(YEAR)["summary"] == "Primo anno"
    assert district.year_numbers() == [YEAR]
    district.close()


def test_the_command_line_reports_checks_and_exports_a_year(tmp_path, capsys):
    path = tmp_path / "ex.des"
    assert main(["demo", str(path), "--lang", "en"]) == 0
    out = tmp_path / "annual.pdf"
    assert main(["annual-report", str(path), "--year", "2027", "--lang", "it", "-o",
                 str(out), "--public"]) == 0
    assert "Relazione annuale 2027" in text_of(out)
    assert main(["check", str(path), "--year", "2027"]) == 0
    assert main(["calendar", str(path), "--year", "2028", "-o", str(tmp_path / "c.ics")]) == 0
    calendar = (tmp_path / "c.ics").read_text(encoding="utf-8")
    assert calendar.count("BEGIN:VEVENT") == 3
    assert "Moena" in calendar
    capsys.readouterr()
    assert main(["check", str(path), "--year", "2040"]) == 2
    assert capsys.readouterr().err.startswith("error:")
    unsigned = tmp_path / "u.des"
    from_document(unsigned_example(), unsigned).close()
    assert main(["annual-report", str(unsigned), "--year", "2027", "--lang", "en", "-o",
                 str(tmp_path / "none.pdf")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error:")
    assert "signed" in err
    assert not (tmp_path / "none.pdf").exists()


def test_a_broken_year_fails_check(tmp_path, capsys):
    document = example_document()
    _withdraw_all_but_two(document)
    path = tmp_path / "small.des"
    from_document(document, path).close()
    assert main(["check", str(path), "--year", "2027", "--lang", "en"]) == 1
    assert "M6" in capsys.readouterr().out


def test_a_district_signed_digitally_has_its_years_from_the_last_signature():
    """No date typed: the day every party had signed digitally opens the years."""
    document = example_document("it")
    document["after_signing"] = {}
    assert signed_on(document) is None
    document["signatures"] = {"signed_on": "2027-05-02", "parties": []}
    assert signed_on(document) == dt.date(2027, 5, 2)
    assert district_years(document)[0] == 2027
    document["signatures"]["signed_on"] = ""  # not every party has signed yet
    assert signed_on(document) is None
