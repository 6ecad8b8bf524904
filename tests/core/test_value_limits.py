"""Values that cannot break the file: amounts, dates, from the window's parser and from-json."""

from __future__ import annotations

import json

import pytest

from desktop.cli import main
from i18n.formats import MAX_CENTS, MoneyError, parse_money


def test_amounts_have_a_maximum_and_fees_are_never_negative():
    assert parse_money("999.999.999,99", "it") == MAX_CENTS
    with pytest.raises(MoneyError, match="at most"):
        parse_money("1.000.000.000", "it")
    with pytest.raises(MoneyError, match="negative"):
        parse_money("-5", "en", negative_allowed=False)
    assert parse_money("-5", "en") == -500  # a forecast cell may still be negative


@pytest.mark.parametrize(("section", "key", "bad"), [
    ("financial_plan", "fee_amount", MAX_CENTS + 1),
    ("financial_plan", "fee_amount", -100),
    ("district", "signing_date", "2301-01-01"),
    ("district", "signing_date", "1899-12-31"),
])
def test_from_json_applies_the_same_limits(capsys, tmp_path, example_path, section, key, bad):
    assert main(["to-json", str(example_path)]) == 0
    document = json.loads(capsys.readouterr().out)
    document[section][key] = bad
    source = tmp_path / "d.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    assert main(["from-json", str(source), str(tmp_path / "d.des")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith("error: ")
    assert not (tmp_path / "d.des").exists()
