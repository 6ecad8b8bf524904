"""Dates and numbers in the conventions of a language, through Babel; stored values stay ISO."""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal

from i18n import N_

# English documents are read in Europe: day before month, as in en_GB.
BABEL_LOCALES = {"it": "it_IT", "en": "en_GB"}


def parse_iso_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def long_date(value: str, lang: str) -> str:
    """``2027-03-15`` as "15 marzo 2027" or "15 March 2027"; an unreadable value as it is."""
    parsed = parse_iso_date(value)
    if parsed is None:
        return value
    # babel.dates (with its time zone module) costs 30 ms at start-up; dates are written later.
    from babel.dates import format_date

    return format_date(parsed, format="long", locale=BABEL_LOCALES[lang])


# --- money: stored as whole cents, typed and shown in the conventions of a language ----------

DECIMAL_SEPARATOR = {"it": ",", "en": "."}
GROUP_SEPARATOR = {"it": ".", "en": ","}


class MoneyError(ValueError):
    """Text that cannot be read as an amount of money; the message is a msgid."""


def parse_money(text: str, lang: str) -> int | None:
    """Cents from what a person typed: "1.234,56" in Italian, "1,234.56" in English, and the
    other convention too where it cannot be misread ("1234.5", "1.234,56" in English).
    Empty text is None; anything else that cannot be read raises MoneyError."""
    cleaned = (str(text).replace("€", "").replace("EUR", "").replace("\u00a0", "")
               .replace("\u202f", "").replace(" ", "").replace("'", ""))
    if not cleaned:
        return None
    negative = cleaned.startswith("-")
    cleaned = cleaned.lstrip("+-")
    if not cleaned or any(ch not in "0123456789.," for ch in cleaned):
        raise MoneyError(N_("Write an amount in euros, for example {example}."))
    marks = [ch for ch in cleaned if ch in ".,"]
    decimal_mark = None
    if len(set(marks)) == 2:
        decimal_mark = marks[-1]  # "1.234,56" or "1,234.56": the last mark is the decimal one
    elif len(marks) == 1:
        digits_after = len(cleaned) - cleaned.index(marks[0]) - 1
        if digits_after != 3:
            decimal_mark = marks[0]  # "1234,5" or "12.50": never a thousands separator
        elif marks[0] == DECIMAL_SEPARATOR[lang]:
            raise MoneyError(N_("An amount has at most two decimals, for example {example}."))
    whole, _, cents = cleaned.rpartition(decimal_mark) if decimal_mark else (cleaned, "", "")
    groups = whole.replace(",", ".").split(".")
    if decimal_mark and decimal_mark in whole:
        raise MoneyError(N_("Write an amount in euros, for example {example}."))
    if len(groups) > 1 and (not groups[0] or len(groups[0]) > 3
                            or any(len(g) != 3 for g in groups[1:])):
        raise MoneyError(N_("Write an amount in euros, for example {example}."))
    if len(cents) > 2:
        raise MoneyError(N_("An amount has at most two decimals, for example {example}."))
    if decimal_mark and not cents:
        raise MoneyError(N_("Write an amount in euros, for example {example}."))
    value = int("".join(groups) or "0") * 100 + int((cents + "00")[:2])
    return -value if negative else value


@functools.cache  # asked by every money field at each language switch; two values in all
def money_example(lang: str) -> str:
    return format_amount(123456, lang)


def format_amount(cents: int | None, lang: str) -> str:
    """The amount without the currency sign, as typed in a field: "1.234,56"."""
    if cents is None:
        return ""
    from babel.numbers import format_decimal

    return format_decimal(Decimal(cents) / 100, format="#,##0.00", locale=BABEL_LOCALES[lang])


def format_money(cents: int | None, lang: str) -> str:
    """The amount with its currency, as printed: "1.234,56 €" or "€1,234.56"."""
    if cents is None:
        return ""
    from babel.numbers import format_currency

    return format_currency(Decimal(cents) / 100, "EUR", locale=BABEL_LOCALES[lang])


def format_percent(share: Decimal | None, lang: str) -> str:
    if share is None:
        return "—"
    from babel.numbers import format_percent as babel_percent

    return babel_percent(share, format="#,##0.0%", locale=BABEL_LOCALES[lang])
