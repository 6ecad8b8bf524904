"""The financial plan's figures against hand-computed values, and money as people type it."""

from decimal import Decimal

import pytest

from desktop.core.agreement import export_agreement
from desktop.core.example import example_document
from desktop.core.finance import forecast, membership_fee_total
from i18n.formats import MoneyError, format_money, parse_money


def plan_document(**plan):
    return {"district": {"signing_date": "2027-03-15"}, "members": {"organizations": []},
            "financial_plan": plan}


def test_the_example_adds_up():
    # By hand (euros): 2027 income = Caritro 25,000 + Province 15,000 + CAL 5,000 +
    # Demarchi 3,000 + Cassa Rurale 5,000 + fees (2 public x 300 + 4 for-profit x 500 +
    # 4 non-profit x 200 = 3,400) + sales 10,000 = 66,400; expenses = investments 22,000 +
    # staff 24,000 + activities 12,000 + communication 3,000 + training 3,000 + running 2,400.
    plan = forecast(example_document())
    assert plan.years == [2027, 2028, 2029, 2030]
    # 2030: fees 3,400 + sales 45,000 = 48,400; staff 28,000 + activities 12,000 +
    # communication 3,000 + training 2,000 + running 2,500 = 47,500.
    assert [plan.total_income(y) for y in plan.years] == [6_640_000, 8_040_000, 6_340_000,
                                                          4_840_000]
    assert [plan.total_expenses(y) for y in plan.years] == [6_640_000, 7_350_000, 5_950_000,
                                                            4_750_000]
    assert [plan.balance(y) for y in plan.years] == [0, 690_000, 390_000, 90_000]
    assert [plan.cumulative_balance(y) for y in plan.years] == [0, 690_000, 1_080_000,
                                                                1_170_000]
    # Public: Province + CAL + fees of the two public members.
    assert plan.public_income(2027) == 1_500_000 + 500_000 + 60_000
    assert plan.public_share(2027) == Decimal(2_060_000) / Decimal(6_640_000)
    assert plan.public_share(2029) == Decimal(1_560_000) / Decimal(6_340_000)
    assert membership_fee_total(example_document()["financial_plan"],
                                example_document()["members"]["organizations"]) == 340_000


def test_years_without_income():
    plan = forecast(plan_document(forecast_years=3, forecasts={
        "income": {}, "expenses": {"staff": {"2027": 100_000}}}))
    assert [plan.total_income(y) for y in plan.years] == [0, 0, 0]
    assert plan.public_share(2027) is None  # no income: no share, not a division by zero
    assert plan.balance(2027) == -100_000
    assert plan.cumulative_balance(2029) == -100_000


def test_a_negative_balance_carries_over():
    plan = forecast(plan_document(forecast_years=3, funding_sources=[
        {"source": "Comune", "public_private": "public", "amount_per_year": 50_000,
         "first_year": 2027, "last_year": 2029}],
        forecasts={"income": {}, "expenses": {"running": {"2027": 80_000, "2028": 20_000}}}))
    assert [plan.balance(y) for y in plan.years] == [-30_000, 30_000, 50_000]
    assert [plan.cumulative_balance(y) for y in plan.years] == [-30_000, 0, 50_000]
    assert plan.public_share(2028) == 1


def test_one_cent_over_ten_years_is_not_lost():
    sources = [{"source": f"S{n}", "public_private": "private", "amount_per_year": 1,
                "first_year": 2027, "last_year": 2036} for n in range(3)]
    plan = forecast(plan_document(forecast_years=10, funding_sources=sources, forecasts={
        "income": {"sales": {str(y): 33_333 for y in range(2027, 2037)}},
        "expenses": {"staff": {str(y): 33_336 for y in range(2027, 2037)}}}))
    assert len(plan.years) == 10
    assert all(plan.balance(y) == 0 for y in plan.years)
    assert plan.cumulative_balance(2036) == 0
    assert format_money(sum(plan.total_income(y) for y in plan.years), "it") == "3.333,60\xa0€"


@pytest.mark.parametrize(("text", "lang"), [("1.234,56", "it"), ("1,234.56", "en"),
                                            ("1234,56", "it"), ("1234.56", "en"),
                                            ("€ 1.234,56", "it"), ("1.234,56", "en")])
def test_the_same_amount_typed_in_either_language(text, lang):
    assert parse_money(text, lang) == 123_456


@pytest.mark.parametrize(("text", "lang"), [("abc", "it"), ("12,345", "it"), ("1.23.4", "en"),
                                            ("1,234.5.6", "en"),
                                            ("12.345", "en")])
def test_amounts_that_cannot_be_read(text, lang):
    with pytest.raises(MoneyError):
        parse_money(text, lang)


def test_amounts_are_printed_in_the_documents_language():
    assert format_money(123_456, "it") == "1.234,56\xa0€"
    assert format_money(123_456, "en") == "€1,234.56"


@pytest.mark.parametrize(("lang", "amounts"), [
    ("it", ["66.400,00 €", "80.400,00 €", "10.800,00 €", "31,0%", "22.000,00 €"]),
    ("en", ["€66,400.00", "€80,400.00", "€10,800.00", "31.0%", "€22,000.00"]),
])
def test_annex_c_and_d_in_both_languages(tmp_path, lang, amounts):
    from pypdf import PdfReader

    reader = PdfReader(export_agreement(example_document(), lang, tmp_path / "a.pdf"))
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    text = text.replace("\xa0", " ")
    for amount in amounts:
        assert amount.replace("\xa0", " ") in text
    assert ("Allegato C" if lang == "it" else "Annex C") in text
    indicator = {"it": "Punteggio medio", "en": "Average score of the satisfaction"}[lang]
    assert indicator in text  # the pre-filled indicator, in the document's language
