"""Amounts and dates are written without Babel (its locale data would load at the first money
field, babel.dates at the first date), in exactly the text Babel writes for it_IT and en_GB."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from babel.dates import format_date, get_month_names
from babel.numbers import format_currency, format_decimal
from babel.numbers import format_percent as babel_percent
from hypothesis import given
from hypothesis import strategies as st

from i18n.formats import (
    BABEL_LOCALES,
    MAX_CENTS,
    format_amount,
    format_money,
    format_percent,
    long_date,
    medium_date,
    parse_typed_date,
    short_date,
)

EDGES = [0, 1, 5, 99, 100, 999, 1000, 99_999, 100_000, 123_456, 100_000_000, MAX_CENTS]


@pytest.mark.parametrize("lang", ["it", "en"])
@pytest.mark.parametrize("cents", EDGES + [-c for c in EDGES if c])
def test_amounts_read_as_babel_writes_them(lang: str, cents: int):
    locale = BABEL_LOCALES[lang]
    assert format_amount(cents, lang) == format_decimal(Decimal(cents) / 100, format="#,##0.00",
                                                        locale=locale)
    assert format_money(cents, lang) == format_currency(Decimal(cents) / 100, "EUR",
                                                        locale=locale)


@given(cents=st.integers(min_value=-MAX_CENTS, max_value=MAX_CENTS),
       lang=st.sampled_from(["it", "en"]))
def test_any_amount_reads_as_babel_writes_it(cents: int, lang: str):
    locale = BABEL_LOCALES[lang]
    assert format_money(cents, lang) == format_currency(Decimal(cents) / 100, "EUR",
                                                        locale=locale)


def test_the_two_languages_write_amounts_their_own_way():
    assert format_amount(123_456, "it") == "1.234,56"
    assert format_amount(123_456, "en") == "1,234.56"
    assert format_money(-5, "it") == "-0,05\u00a0€"
    assert format_money(-5, "en") == "-€0.05"
    assert format_money(None, "it") == format_amount(None, "en") == ""


@pytest.mark.parametrize("lang", ["it", "en"])
@pytest.mark.parametrize("month", range(1, 13))
def test_dates_read_as_babel_writes_them(lang: str, month: int):
    locale = BABEL_LOCALES[lang]
    for day in (dt.date(2027, month, 1), dt.date(1900, month, 28), dt.date(2200, month, 9)):
        assert long_date(day.isoformat(), lang) == format_date(day, "long", locale=locale)
        assert medium_date(day, lang) == format_date(day, "medium", locale=locale)
    if lang == "en":
        day = dt.date(2027, month, 15)
        assert short_date(day.isoformat(), "en") == format_date(day, "d MMM y", locale=locale)


@pytest.mark.parametrize("lang", ["it", "en"])
def test_every_month_name_babel_knows_is_read(lang: str):
    for width in ("wide", "abbreviated"):
        for number, name in get_month_names(width, locale=BABEL_LOCALES[lang]).items():
            assert parse_typed_date(f"3 {name} 2027", lang) == dt.date(2027, number, 3)


def test_dates_in_both_languages():
    assert long_date("2027-03-15", "it") == "15 marzo 2027"
    assert long_date("2027-09-05", "en") == "5 September 2027"
    assert short_date("2027-09-05", "en") == "5 Sept 2027"
    assert short_date("2027-09-05", "it") == "05/09/2027"
    assert long_date("not a date", "it") == "not a date"


@given(share=st.decimals(min_value=-20, max_value=2000, places=6, allow_nan=False),
       lang=st.sampled_from(["it", "en"]))
def test_any_share_reads_as_babel_writes_it(share: Decimal, lang: str):
    assert format_percent(share, lang) == babel_percent(share, format="#,##0.0%",
                                                        locale=BABEL_LOCALES[lang])


@pytest.mark.parametrize("share", ["0", "0.125", "-0.0001", "0.0005", "0.0015", "12.3456"])
def test_shares_at_the_edges_of_rounding(share: str):
    for lang in ("it", "en"):
        assert format_percent(Decimal(share), lang) == babel_percent(
            Decimal(share), format="#,##0.0%", locale=BABEL_LOCALES[lang])
    assert format_percent(None, "it") == "—"
