"""What a number cell may have lost, and what of it can be proven back.

A spreadsheet that stores a P.IVA, a C.F. or a phone number as a number drops its leading
zeros and its "+": 00123450223 arrives as 123450223, +390462501111 as 390462501111. A value is
restored only when the result is provably right (a tax number whose check digit validates, a
valid Italian phone number, and only one way to get there); every restored value and every
doubtful one is flagged, so the user sees it before importing.
"""

from __future__ import annotations

from dataclasses import dataclass

import phonenumbers
from stdnum.it import codicefiscale, iva

from i18n import N_
from wizard_steps.fields import Field, Kind

# The member fields that hold an Italian tax number (the P.IVA field may not be declared yet).
TAX_NUMBER_KEYS = ("tax_code", "vat_number")
TAX_NUMBER_LENGTH = 11

RESTORED = N_("{field}: the spreadsheet stored {value} as a number; it is read as {restored} "
              "(the zeros or the + a number loses, put back because the result is valid). "
              "Check it.")
DOUBTFUL = N_("{field}: the spreadsheet stored {value} as a number, which may have lost "
              "leading zeros or a +. It is imported as written: check it.")


NOT_A_TAX_NUMBER = N_("This is neither a valid tax code (C.F.) nor a valid VAT number (P.IVA): "
                      "check its characters.")


def tax_number_problem(value: str) -> str | None:
    """A C.F. (16 characters, or 11 digits for an organization) or a P.IVA whose check
    character does not match: the message, else None."""
    text = "".join(value.split()).upper()
    if not text or codicefiscale.is_valid(text) or iva.is_valid(text):
        return None
    return NOT_A_TAX_NUMBER


@dataclass
class NumberCellReading:
    text: str
    message: str = ""  # RESTORED, DOUBTFUL or "" when the value is certainly whole


def read_number_cell(key: str, declared: Field, text: str) -> NumberCellReading:
    """The value of a number cell for the field `key` ("contact_person.phone" for parts)."""
    if not text.isdigit():
        return NumberCellReading(text)
    if key in TAX_NUMBER_KEYS:
        return _tax_number(text)
    if declared.kind is Kind.PHONE:
        return _phone(text)
    return NumberCellReading(text)


def _tax_number(digits: str) -> NumberCellReading:
    if len(digits) == TAX_NUMBER_LENGTH and iva.is_valid(digits):
        return NumberCellReading(digits)
    padded = digits.zfill(TAX_NUMBER_LENGTH)
    if len(digits) < TAX_NUMBER_LENGTH and iva.is_valid(padded):
        return NumberCellReading(padded, RESTORED)
    return NumberCellReading(digits, DOUBTFUL)


def _is_italian_phone(text: str) -> bool:
    """Valid in Italy, read exactly as written (a national number is not taken for one that
    starts with the country code 39)."""
    try:
        number = phonenumbers.parse(text, "IT")
    except phonenumbers.NumberParseException:
        return False
    if number.country_code != 39 or not phonenumbers.is_valid_number(number):
        return False
    if text.startswith("+"):
        return True
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return "".join(ch for ch in national if ch.isdigit()) == text


def _phone(digits: str) -> NumberCellReading:
    # Italian landlines start with 0 and a number written "+39…" lost its +.
    readings = [reading for reading in (digits, f"0{digits}", f"+{digits}")
                if _is_italian_phone(reading)
                and (not reading.startswith("+") or digits.startswith("39"))]
    if readings == [digits]:
        return NumberCellReading(digits)
    if len(readings) == 1:
        return NumberCellReading(readings[0], RESTORED)
    return NumberCellReading(digits, DOUBTFUL)
