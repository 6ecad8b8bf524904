"""Readiness where Resolution 1949/2020 or the toolkit asks more than the first rules did."""

import re

import pytest
from pypdf import PdfReader

from desktop.core.example import example_document
from desktop.core.readiness import RULES, Level
from desktop.core.readiness_report import export_report
from i18n import translator
from wizard_steps.reporting import starting_indicators


def messages(rule, document, lang="en"):
    return [f.text(translator(lang).gettext) for f in RULES[rule](document)]


def members(document):
    return document["members"]["organizations"]


@pytest.mark.parametrize(("rule", "section", "key"), [
    ("B5", "supply_chain", "products"), ("F10", "reporting", "report_where"),
    ("A3", "governance", "representation")])
def test_the_resolution_makes_these_blocking(rule, section, key):
    document = example_document()
    assert RULES[rule](document) == []
    document[section][key] = ""
    assert [f.level for f in RULES[rule](document)] == [Level.BLOCKING]


def test_cooperatives_of_two_kinds_are_one_legal_type():
    document = example_document()
    for member in members(document):
        member["legal_form"] = "cooperative" if member["id"] % 2 else "social_cooperative"
    assert len(messages("S3", document)) == 1
    assert "same legal form" in messages("S3", document)[0]
    members(document)[0]["legal_form"] = "association"
    assert RULES["S3"](document) == []


def test_no_members_is_not_called_the_same_legal_form():
    document = example_document()
    document["members"]["organizations"] = []
    text = messages("S3", document)
    assert len(text) == 1
    assert "Fewer than two members have a legal form" in text[0]
    assert "same legal form" not in text[0]


def test_an_empty_duration_is_not_called_less_than_three_years():
    document = example_document()
    document["district"]["duration_years"] = None
    text = messages("A2", document)
    assert text == [translator("en").gettext(RULES["A2"](document)[0].message)]
    assert "not set" in text[0]
    assert "less than three years" not in text[0]
    document["district"]["duration_years"] = 3
    assert RULES["A2"](document) == []


def meetings(*dates):
    return [{"date": d, "time": "", "place": "", "topics": ""} for d in dates]


@pytest.mark.parametrize(("dates", "counts"), [
    (("2027-04-20", "2027-09-14", "2028-01-18"), True),  # the example
    (("2027-04", "2027-09", "2028-02"), True),  # months alone are accepted
    (("2027-03", "2027-08-30"), True),  # the month of signing counts
    (("2027-01-10", "2027-09-14"), False),  # the first is before the signing
    (("2027-04-20", "2027-12-01"), False),  # more than six months apart
    (("2027-11-01", "2028-03-01"), False),  # more than six months after the signing
])
def test_meetings_count_from_the_signing_at_most_six_months_apart(dates, counts):
    document = example_document()  # signed on 15 March 2027, assembly every 6 months
    document["governance"]["meetings"] = meetings(*dates)
    assert (RULES["G2"](document) == []) is counts


def test_a_plan_whose_funding_is_all_expected_is_warned():
    document = example_document()
    sources = document["financial_plan"]["funding_sources"]
    for source in sources:
        source["status"] = "expected"
    assert [f.level for f in RULES["F12"](document)] == [Level.WARNING]
    sources[-1]["status"] = "secured"
    assert RULES["F12"](document) == []
    document["financial_plan"]["funding_sources"] = []  # F2 speaks then, not F12
    assert RULES["F12"](document) == []


@pytest.mark.parametrize("lang", ["it", "en"])
def test_indicators_left_as_the_template_are_warned(lang):
    document = example_document()
    document["reporting"]["indicators"] = starting_indicators(translator(lang).gettext)
    assert any("still the template" in m for m in messages("F8", document))
    document["reporting"]["indicators"][0].update(responsible="Tavolo tecnico",
                                                  target="6 assunzioni")
    assert not any("still the template" in m for m in messages("F8", document))


def report_text(path) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(path).pages))


def test_a_passing_review_lists_what_was_checked_and_the_next_steps(tmp_path):
    text = report_text(export_report(example_document(), "en", tmp_path / "r.pdf"))
    assert f"{len(RULES)} rules of the toolkit and of Resolution 1949/2020" in text
    assert "Next steps" in text
    assert "Send the signed agreement to the Centre for the Solidarity Economy" in text
    italian = report_text(export_report(example_document(), "it", tmp_path / "i.pdf"))
    assert "Prossimi passi" in italian
    document = example_document()
    document["district"]["name"] = ""
    assert "Next steps" not in report_text(export_report(document, "en", tmp_path / "d.pdf"))


def test_the_forecast_should_cover_the_whole_agreement():
    document = example_document()  # four years of forecast for a four-year agreement
    assert RULES["F3"](document) == []
    document["district"]["duration_years"] = 6
    fired = messages("F3", document)
    assert len(fired) == 1
    assert "covers 4 years, the agreement lasts 6" in fired[0]
    document["district"]["duration_years"] = None  # A2 speaks, not a misleading F3
    assert RULES["F3"](document) == []


def test_terms_and_deadlines_beyond_the_agreement_are_warned():
    document = example_document()  # signed 15 March 2027 for four years
    assert RULES["A7"](document) == []
    document["key_figures"]["term_years"] = 5
    document["objectives"]["objectives"][1]["deadline"] = "2031-03-16"
    fired = RULES["A7"](document)
    assert [(f.step, f.field, f.level) for f in fired] == [
        ("key_figures", "term_years", Level.WARNING), ("objectives", "deadline", Level.WARNING)]
    assert fired[1].row == 1
    document["objectives"]["objectives"][1]["deadline"] = "2031-03-14"
    document["key_figures"]["term_years"] = 4
    assert RULES["A7"](document) == []
    document["district"]["signing_date"] = ""  # nothing to count from: no guess
    document["key_figures"]["term_years"] = 9
    assert RULES["A7"](document) == []
