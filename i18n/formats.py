"""Dates and numbers in the conventions of a language, through Babel (amounts in Babel's text,
written here); stored values stay ISO."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_EVEN, Decimal
from functools import cache

from i18n import N_

# English documents are read in Europe: day before month, as in en_GB.
BABEL_LOCALES = {"it": "it_IT", "en": "en_GB"}


def parse_iso_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


# --- dates typed in one go -------------------------------------------------------------------

EARLIEST_YEAR, LATEST_YEAR = 1900, 2200  # beyond these a date is a typing slip
DATE_EXAMPLES = {"it": "15/03/2027", "en": "15/03/2027"}


class DateError(ValueError):
    """Text that cannot be read as a date; the message is a msgid with {example}."""


# The month names of CLDR for it_IT and en_GB, as Babel writes them (tests/core/
# test_written_formats.py compares every one): written here because importing babel.dates
# costs about 0.1 s (it looks up the local time zone), paid at the first date a page shows.
MONTHS = {
    "it": ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
           "settembre", "ottobre", "novembre", "dicembre"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}
SHORT_MONTHS = {
    "it": ("gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"),
}


@cache
def _month_numbers() -> dict[str, int]:
    """Month names and abbreviations of both languages ("marzo", "mar", "Sept"), lower case."""
    names: dict[str, int] = {}
    for table in (MONTHS, SHORT_MONTHS):
        for months in table.values():
            for number, name in enumerate(months, start=1):
                names[name.lower().rstrip(".")] = number
    return names


def parse_typed_date(text: str, lang: str) -> dt.date | None:
    """A date as people type it, day first as both languages write it: "15/03/2027",
    "15.3.27", "15-3-2027", "2027-03-15", "15 marzo 2027", "15 Mar 2027". Empty text is None;
    anything else that is not a date between 1900 and 2200 raises DateError."""
    del lang  # Italian and British English both put the day first
    cleaned = " ".join(str(text).replace(",", " ").split())
    if not cleaned:
        return None
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", cleaned)
    packed = re.fullmatch(r"(\d{2})(\d{2})(\d{4})", cleaned)  # "15032027", typed without marks
    if packed:
        cleaned = "/".join(packed.groups())
    parts = re.fullmatch(r"(\d{1,2})\s*[/.\- ]\s*(\d{1,2}|[^\d\s/.\-]+)\.?\s*[/.\- ]?\s*"
                         r"(\d{2}|\d{4})", cleaned)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    elif parts:
        day, year = int(parts.group(1)), int(parts.group(3))
        month_text = parts.group(2)
        month = int(month_text) if month_text.isdigit() else _month_numbers().get(
            month_text.lower().rstrip("."), 0)
        year += 2000 if year < 100 else 0
    else:
        raise DateError(N_("Write the date as day, month and year, for example {example}."))
    try:
        parsed = dt.date(year, month, day)
    except ValueError as exc:
        raise DateError(N_("There is no such date; write it as day, month and year, for "
                           "example {example}.")) from exc
    if not EARLIEST_YEAR <= parsed.year <= LATEST_YEAR:
        raise DateError(N_("A date between 1900 and 2200, for example {example}."))
    return parsed


def short_date(value: str, lang: str) -> str:
    """``2027-03-15`` as typed in a field: "15/03/2027" or "15 Mar 2027"."""
    parsed = parse_iso_date(value)
    if parsed is None:
        return value
    if lang == "it":
        return parsed.strftime("%d/%m/%Y")
    return medium_date(parsed, lang)


def medium_date(parsed: dt.date, lang: str) -> str:
    """A date with its month abbreviated: "15 mar 2027", "15 Mar 2027" (Babel's "medium")."""
    return f"{parsed.day} {SHORT_MONTHS[lang][parsed.month - 1]} {parsed.year}"


def long_date(value: str, lang: str) -> str:
    """``2027-03-15`` as "15 marzo 2027" or "15 March 2027"; an unreadable value as it is."""
    parsed = parse_iso_date(value)
    if parsed is None:
        return value
    return f"{parsed.day} {MONTHS[lang][parsed.month - 1]} {parsed.year}"


# --- money: stored as whole cents, typed and shown in the conventions of a language ----------

DECIMAL_SEPARATOR = {"it": ",", "en": "."}
GROUP_SEPARATOR = {"it": ".", "en": ","}


class MoneyError(ValueError):
    """Text that cannot be read as an amount of money; the message is a msgid."""


MAX_CENTS = 99_999_999_999  # 999,999,999.99 euro: beyond any district, within every format


def _decimal_mark(cleaned: str, lang: str) -> str | None:
    """Which mark separates the cents, if any: the last of two different marks ("1.234,56"),
    a single one not followed by three digits ("1234,5"); "1.234" follows the language, and
    "1,234" in Italian is refused as ambiguous."""
    marks = [ch for ch in cleaned if ch in ".,"]
    if len(set(marks)) == 2:
        return marks[-1]
    if len(marks) == 1:
        digits_after = len(cleaned) - cleaned.index(marks[0]) - 1
        if digits_after != 3:
            return marks[0]  # never a thousands separator
        if marks[0] == DECIMAL_SEPARATOR[lang]:
            raise MoneyError(N_("An amount has at most two decimals, for example {example}."))
    return None


def parse_money(text: str, lang: str, negative_allowed: bool = True) -> int | None:
    """Cents from what a person typed: "1.234,56" in Italian, "1,234.56" in English, and the
    other convention too where it cannot be misread ("1234.5", "1.234,56" in English).
    Empty text is None; anything else that cannot be read, that is beyond ``MAX_CENTS``, or
    negative where it may not be, raises MoneyError."""
    cleaned = (str(text).replace("€", "").replace("EUR", "").replace("\u00a0", "")
               .replace("\u202f", "").replace(" ", "").replace("'", ""))
    if not cleaned:
        return None
    negative = cleaned.startswith("-")
    cleaned = cleaned.lstrip("+-")
    if not cleaned or any(ch not in "0123456789.," for ch in cleaned):
        raise MoneyError(N_("Write an amount in euros, for example {example}."))
    decimal_mark = _decimal_mark(cleaned, lang)
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
    if value > MAX_CENTS:
        raise MoneyError(N_("An amount can be at most 999,999,999.99 €."))
    if negative and value and not negative_allowed:
        raise MoneyError(N_("This amount cannot be negative."))
    return -value if negative else value


@cache  # asked by every money field at each language switch; two values in all
def money_example(lang: str) -> str:
    return format_amount(123456, lang)


def format_amount(cents: int | None, lang: str) -> str:
    """The amount without the currency sign, as typed in a field: "1.234,56"."""
    if cents is None:
        return ""
    # Written here rather than by Babel: its locale data (about 75 ms to load) would be read
    # at the first money field shown. The same text as Babel's "#,##0.00" for it_IT and en_GB
    # (tests/core/test_written_formats.py compares them).
    whole, rest = divmod(abs(cents), 100)
    grouped = f"{whole:,}".replace(",", GROUP_SEPARATOR[lang])
    return f"{'-' if cents < 0 else ''}{grouped}{DECIMAL_SEPARATOR[lang]}{rest:02d}"


CURRENCY_PATTERN = {"it": "{sign}{amount}\u00a0€", "en": "{sign}€{amount}"}  # Babel's, as above


def format_money(cents: int | None, lang: str) -> str:
    """The amount with its currency, as printed: "1.234,56 €" or "€1,234.56"."""
    if cents is None:
        return ""
    return CURRENCY_PATTERN[lang].format(sign="-" if cents < 0 else "",
                                         amount=format_amount(abs(cents), lang))


def format_percent(share: Decimal | None, lang: str) -> str:
    """A share as "12,5%" or "12.5%", to a tenth rounded half to even, as Babel's "#,##0.0%"
    writes it (compared in the tests); written here for the reason given at format_amount."""
    if share is None:
        return "—"
    tenths = int((abs(Decimal(share)) * 1000).quantize(Decimal(1), rounding=ROUND_HALF_EVEN))
    whole, rest = divmod(tenths, 10)
    grouped = f"{whole:,}".replace(",", GROUP_SEPARATOR[lang])
    return f"{'-' if share < 0 else ''}{grouped}{DECIMAL_SEPARATOR[lang]}{rest}%"
