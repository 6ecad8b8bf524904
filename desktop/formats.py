"""Dates and numbers in the conventions of a language, through Babel; stored values stay ISO."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date

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
    return format_date(parsed, format="long", locale=BABEL_LOCALES[lang])
