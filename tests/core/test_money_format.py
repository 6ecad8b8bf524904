"""Amounts are written without Babel (its locale data would load at the first money field),
in exactly the text Babel writes for it_IT and en_GB."""

from __future__ import annotations

from decimal import Decimal

import pytest
from babel.numbers import format_currency, format_decimal
from hypothesis import given
from hypothesis import strategies as st

from i18n.formats import BABEL_LOCALES, MAX_CENTS, format_amount, format_money

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
