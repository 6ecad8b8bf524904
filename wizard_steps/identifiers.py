"""Italian identifiers of an organization, checked by their check characters (python-stdnum).

A wrong code is kept as typed and flagged beside the field; the readiness review blocks the
final agreement while it stays wrong, because the codes go into a legal document.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from stdnum.it import codicefiscale, iva

from i18n import N_

WRONG_TAX_CODE = N_("This tax code does not check: an organization's code has 11 digits and a "
                    "person's 16 letters and digits, the last one being a check character. It "
                    "is kept as typed; copy it again from the organization's documents.")
WRONG_VAT_NUMBER = N_("This VAT number does not check: it has 11 digits, the last one being a "
                      "check digit. It is kept as typed; copy it again from the organization's "
                      "documents.")


def tax_code_is_valid(value: Any) -> bool:
    return _tax_code_checks(str(value))


def vat_number_is_valid(value: Any) -> bool:
    text = str(value).strip()
    if text[:2].upper() == "IT":  # written with the country prefix of EU VAT numbers
        text = text[2:]
    return _vat_number_checks(text)


# Every judgement of the step states and the Review checks every member's codes again; with a
# thousand members python-stdnum took about 0.1 s each time. A code's answer never changes.
@lru_cache(maxsize=8192)
def _tax_code_checks(text: str) -> bool:
    return bool(codicefiscale.is_valid(text))


@lru_cache(maxsize=8192)
def _vat_number_checks(text: str) -> bool:
    return bool(iva.is_valid(text))


def valid_tax_code(value: Any) -> str | None:
    return None if tax_code_is_valid(value) else WRONG_TAX_CODE


def valid_vat_number(value: Any) -> str | None:
    return None if vat_number_is_valid(value) else WRONG_VAT_NUMBER
