"""Italian identifiers of an organization, checked by their check characters.

A wrong code is kept as typed and flagged beside the field; the readiness review blocks the
final agreement while it stays wrong, because the codes go into a legal document.

The check digits are computed here (a Luhn sum for an 11-digit number, the odd/even table for
a person's 16 characters) rather than with python-stdnum, whose import loads ``ssl`` and
whose generic cleaning cost about 50 µs a code: a thousand members' codes are checked at every
``check`` and start-up. python-stdnum stays the reference: tests/core/test_identifiers.py
compares both on valid, mistyped and oddly written codes.
"""

from __future__ import annotations

import datetime
import re
from functools import lru_cache
from typing import Any

from i18n import N_

WRONG_TAX_CODE = N_("This tax code does not check: an organization's code has 11 digits and a "
                    "person's 16 letters and digits, the last one being a check character. It "
                    "is kept as typed; copy it again from the organization's documents.")
WRONG_VAT_NUMBER = N_("This VAT number does not check: it has 11 digits, the last one being a "
                      "check digit. It is kept as typed; copy it again from the organization's "
                      "documents.")

# Separators a code may be written with (python-stdnum's: spaces, colons and every dash).
_SEPARATORS = dict.fromkeys(map(ord, (
    " -:\u00a0\u00af\u02d7\u058a\u05be\u1361\u1680\u16ec\u1804\u180a\u2000\u2001\u2002"
    "\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2010\u2011\u2012\u2013\u2014"
    "\u2015\u202f\u203e\u2043\u205f\u207b\u208b\u2212\u23af\u23ba\u23bb\u23bc\u23bd"
    "\u23e4\u3000\ufe13\ufe30\ufe55\ufe63\uff0d\uff1a\uffe3")))
_PERSON = re.compile(r"[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}"
                     r"[A-Z][0-9LMNPQRSTUV]{3}[A-Z]")
_DIGITS = "0123456789"
_LUHN_DOUBLED = str.maketrans(_DIGITS, "0246813579")  # a digit doubled, less 9 above 9
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ODD = dict(zip(_DIGITS + _LETTERS, [1, 0, 5, 7, 9, 13, 15, 17, 19, 21] + [
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23],
    strict=True))
_EVEN = {**{d: n for n, d in enumerate(_DIGITS)}, **{c: n for n, c in enumerate(_LETTERS)}}
_DATE_DIGITS = {**{d: n for n, d in enumerate(_DIGITS)},
                **{c: n for n, c in enumerate("LMNPQRSTUV")}}
_MONTHS = {c: n + 1 for n, c in enumerate("ABCDEHLMPRST")}


def tax_code_is_valid(value: Any) -> bool:
    return _tax_code_checks(str(value))


def vat_number_is_valid(value: Any) -> bool:
    text = str(value).strip()
    if text[:2].upper() == "IT":  # written with the country prefix of EU VAT numbers
        text = text[2:]
    return _vat_number_checks(text)


# Every judgement of the step states and the Review checks every member's codes again.
# A code's answer never changes.
@lru_cache(maxsize=8192)
def _tax_code_checks(text: str) -> bool:
    code = _without_separators(text).strip().upper()
    if len(code) == 11:
        return _organisation_number_checks(code)
    return len(code) == 16 and _person_code_checks(code)


@lru_cache(maxsize=8192)
def _vat_number_checks(text: str) -> bool:
    number = _without_separators(text).upper().strip()
    if number.startswith("IT"):
        number = number[2:]
    return _organisation_number_checks(number)


def _without_separators(text: str) -> str:
    # A code typed as letters and digits only (most of them) has nothing to remove.
    return text if text.isascii() and text.isalnum() else text.translate(_SEPARATORS)


def _organisation_number_checks(number: str) -> bool:
    """An 11-digit number (P.IVA, an organization's C.F.): a known office and a Luhn sum."""
    if len(number) != 11 or not (number.isascii() and number.isdigit()) \
            or number[:7] == "0000000":
        return False
    office = number[7:10]
    if not ("001" <= office <= "100" or office in ("120", "121", "888", "999")):
        return False
    # Luhn from the right: the check digit (index 10) and every second digit counted as they
    # are, the others (odd indexes) doubled, less 9 when above 9; the digits are summed as
    # their ASCII codes (48 for "0").
    counted = number[::2] + number[1::2].translate(_LUHN_DOUBLED)
    return (sum(counted.encode("ascii")) - 48 * len(counted)) % 10 == 0


def _person_code_checks(code: str) -> bool:
    """A person's 16 characters: the pattern, the check letter and a real birth date."""
    if not _PERSON.fullmatch(code):
        return False
    total = sum(_ODD[c] if n % 2 == 0 else _EVEN[c] for n, c in enumerate(code[:15]))
    if _LETTERS[total % 26] != code[15]:
        return False
    day = (_DATE_DIGITS[code[9]] * 10 + _DATE_DIGITS[code[10]]) % 40
    year = _DATE_DIGITS[code[6]] * 10 + _DATE_DIGITS[code[7]] + 1900
    year += 100 if year < 1920 else 0
    try:
        datetime.date(year, _MONTHS[code[8]], day)
    except ValueError:
        return False
    return True


def valid_tax_code(value: Any) -> str | None:
    return None if tax_code_is_valid(value) else WRONG_TAX_CODE


def valid_vat_number(value: Any) -> str | None:
    return None if vat_number_is_valid(value) else WRONG_VAT_NUMBER
