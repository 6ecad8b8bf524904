"""The check digits computed by wizard_steps.identifiers agree with python-stdnum's."""

from __future__ import annotations

import random
import string

from stdnum import util
from stdnum.it import codicefiscale, iva

from wizard_steps import identifiers
from wizard_steps.identifiers import tax_code_is_valid, vat_number_is_valid

PERSONS = ["RSSMRA80A01H501U", "RCCMNL83S18D969H", "CNTCHR83T41D969D", "MRTMTT25D09F205Z"]
NUMBERS = ["00743110157", "01234567897", "12345678903", "80012345678"]


def _samples() -> list[str]:
    rng = random.Random(12)
    samples = list(PERSONS + NUMBERS)
    for code in PERSONS + NUMBERS:
        for _ in range(40):  # one character changed, anywhere
            n = rng.randrange(len(code))
            samples.append(code[:n] + rng.choice(string.ascii_uppercase + string.digits)
                           + code[n + 1:])
        samples += [code.lower(), f" {code} ", code[:4] + "-" + code[4:],
                    code[:5] + "\u2013" + code[5:], code[:3] + ":" + code[3:],
                    code[:6] + "." + code[6:], "IT" + code, "it " + code, code[:-1], code + "0",
                    code[:3] + "\u00a0" + code[3:]]
    samples += ["", "IT", "00000000000", "0000000000000000", "ABCDEF99Z99Z999Z", "٠١٢٣٤٥٦٧٨٩٠",
                "RSSMRA80B30H501?", "RSSMRA00B29H501U", "RSSMRA04B29H501U"]
    for month in "ABCDEHLMPRST":  # every month, days past its end, and women's days (+40)
        for day in ("01", "29", "30", "31", "32", "41", "71", "72"):
            body = f"RSSMRA84{month}{day}H501"
            samples.append(body + codicefiscale.calc_check_digit(body))
    for _ in range(2000):  # valid numbers with random offices, and random digits
        body = "".join(rng.choice(string.digits) for _ in range(10))
        samples.append(body + _luhn_digit(body))
        samples.append("".join(rng.choice(string.digits) for _ in range(11)))
    return samples


def _luhn_digit(body: str) -> str:
    from stdnum import luhn

    return luhn.calc_check_digit(body)


def _vat_reference(text: str) -> bool:
    stripped = text.strip()
    return bool(iva.is_valid(stripped[2:] if stripped[:2].upper() == "IT" else stripped))


def test_the_tax_code_agrees_with_python_stdnum():
    assert [t for t in _samples() if tax_code_is_valid(t) is not codicefiscale.is_valid(t)] == []


def test_the_vat_number_agrees_with_python_stdnum():
    assert [t for t in _samples() if vat_number_is_valid(t) is not _vat_reference(t)] == []


def test_a_mistyped_code_fails_both_ways():
    assert tax_code_is_valid("RSSMRA80A01H501U")
    assert not tax_code_is_valid("RSSMRA80A01H502U")
    assert vat_number_is_valid("IT00743110157")
    assert not vat_number_is_valid("00743110158")


def test_every_separator_python_stdnum_removes_is_removed():
    removed = {char for char, ascii_char in util._char_map.items() if ascii_char in " -:"}
    assert removed <= {chr(c) for c in identifiers._SEPARATORS}
    kept = {char for char, ascii_char in util._char_map.items() if ascii_char not in " -:"}
    assert not kept & {chr(c) for c in identifiers._SEPARATORS}


def test_the_samples_hold_valid_and_invalid_codes():
    samples = _samples()
    assert sum(map(tax_code_is_valid, samples)) > 300
    assert sum(not tax_code_is_valid(s) for s in samples) > 300
