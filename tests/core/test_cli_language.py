"""The command line speaks the interface language, argparse's own words included."""

from __future__ import annotations

import pytest

from desktop.cli import main
from desktop.core import settings


def choose(lang: str) -> None:
    stored = settings.load()
    stored.language = lang
    settings.save(stored)


def test_argument_errors_are_one_italian_line(capsys):
    choose("it")
    with pytest.raises(SystemExit) as stop:
        main(["export", "d.des", "--lang", "fr", "-o", "out.pdf"])
    assert stop.value.code == 2
    lines = capsys.readouterr().err.splitlines()
    assert lines == ["error: argomento --lang: scelta non valida: 'fr' "
                     "(valori ammessi: 'it', 'en') (des-wizard --help)"]


def test_help_is_italian_then_english(capsys):
    choose("it")
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    italian = capsys.readouterr().out
    assert italian.startswith("uso: des-wizard export")
    assert "opzioni:" in italian
    assert "mostra questo aiuto ed esce" in italian
    assert "usage" not in italian
    assert "show this help" not in italian
    with pytest.raises(SystemExit):
        main(["--help"])
    italian = capsys.readouterr().out
    assert "mostra la versione del programma ed esce" in italian
    assert "show program's version" not in italian
    choose("en")
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    english = capsys.readouterr().out
    assert english.startswith("usage: des-wizard export")
    assert "options:" in english


def test_a_missing_argument_names_what_is_missing_in_english(capsys):
    choose("en")
    with pytest.raises(SystemExit):
        main(["report"])
    assert capsys.readouterr().err.startswith(
        "error: the following arguments are required: FILE.des")
