"""No output of the command line ever destroys a district or the file it reads."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3

import pytest

from desktop.cli import main
from desktop.core.outputs import (
    OutputExistsError,
    OutputRefusedError,
    check_output,
    is_district_file,
)

WRITING_COMMANDS = [
    ("export", "--lang", "it"),
    ("report", "--lang", "en"),
    ("calendar",),
    ("to-json",),
]


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def assert_refused(code: int, err: str) -> None:
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error: ")


@pytest.mark.parametrize("command", WRITING_COMMANDS, ids=lambda c: c[0])
def test_the_input_is_never_the_output(capsys, example_path, command):
    before = digest(example_path)
    code, _out, err = run(capsys, command[0], example_path, *command[1:], "-o", example_path,
                          "--force")
    assert_refused(code, err)
    assert digest(example_path) == before


@pytest.mark.parametrize("command", WRITING_COMMANDS, ids=lambda c: c[0])
def test_another_district_is_never_overwritten_even_renamed(capsys, tmp_path, example_path,
                                                             command):
    other = tmp_path / "looks-like-a.pdf"  # a district, whatever its name says
    shutil.copyfile(example_path, other)
    before = digest(other)
    code, _out, err = run(capsys, command[0], example_path, *command[1:], "-o", other, "--force")
    assert_refused(code, err)
    assert "district" in err or "distretto" in err
    assert digest(other) == before


@pytest.mark.parametrize("command", WRITING_COMMANDS, ids=lambda c: c[0])
def test_an_existing_file_needs_force(capsys, tmp_path, example_path, command):
    existing = tmp_path / "existing.out"
    existing.write_text("keep me", encoding="utf-8")
    code, _out, err = run(capsys, command[0], example_path, *command[1:], "-o", existing)
    assert_refused(code, err)
    assert "--force" in err
    assert existing.read_text(encoding="utf-8") == "keep me"
    code, _out, err = run(capsys, command[0], example_path, *command[1:], "-o", existing,
                          "--force")
    assert code == 0, err
    assert existing.read_text(encoding="utf-8", errors="replace") != "keep me"


def test_from_json_never_writes_over_its_input(capsys, tmp_path, example_path):
    document = tmp_path / "d.json"
    assert run(capsys, "to-json", example_path, "-o", document)[0] == 0
    before = digest(document)
    code, _out, err = run(capsys, "from-json", document, document)
    assert_refused(code, err)
    assert digest(document) == before


def test_a_district_is_known_by_its_content(tmp_path, example_path):
    assert is_district_file(example_path)
    renamed = tmp_path / "scan.pdf"
    shutil.copyfile(example_path, renamed)
    assert is_district_file(renamed)
    foreign = tmp_path / "other.sqlite"
    sqlite3.connect(foreign).execute("CREATE TABLE t(x)").connection.close()
    assert not is_district_file(foreign)
    assert check_output(foreign, replace=True) == foreign
    with pytest.raises(OutputExistsError):
        check_output(foreign)
    with pytest.raises(OutputRefusedError):
        check_output(renamed, replace=True)
    with pytest.raises(OutputRefusedError):
        check_output(tmp_path / "." / "scan.pdf", protected=[renamed], replace=True)
