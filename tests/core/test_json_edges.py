"""JSON at the edges: a BOM, a lone surrogate, deep nesting, a closed pipe, the date pattern."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from desktop.cli import main
from desktop.core.district_file import DistrictFile
from desktop.core.document import schema


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(code: int, err: str) -> str:
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error: ")
    assert "inatteso" not in lines[0]  # not "unexpected problem"
    return lines[0]


def test_a_utf8_bom_is_accepted(capsys, tmp_path, example_path):
    code, out, _err = run(capsys, "to-json", example_path)
    assert code == 0
    with_bom = tmp_path / "bom.json"
    with_bom.write_bytes(b"\xef\xbb\xbf" + out.encode("utf-8"))
    code, _out, err = run(capsys, "from-json", with_bom, tmp_path / "d.des")
    assert code == 0, err


def test_a_lone_surrogate_is_a_clear_error(capsys, tmp_path, example_path):
    code, out, _err = run(capsys, "to-json", example_path)
    document = json.loads(out)
    document["district"]["name"] = "DES \ud800"
    broken = tmp_path / "surrogate.json"
    broken.write_text(json.dumps(document), encoding="utf-8")  # escaped as \\ud800
    code, _out, err = run(capsys, "from-json", broken, tmp_path / "d.des")
    line = one_error_line(code, err)
    assert "U+D800" in line
    assert not (tmp_path / "d.des").exists()


def test_deep_nesting_is_a_clear_error(capsys, tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    code, _out, err = run(capsys, "from-json", deep, tmp_path / "d.des")
    one_error_line(code, err)


def test_a_closed_pipe_ends_quietly(example_path):
    district = DistrictFile.open(example_path)
    district.set_answer("overview", "lungo " * 100_000)  # more than a pipe holds
    district.close()
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone, as ``| head`` does after its lines
    try:
        writer = subprocess.run(
            [sys.executable, "-m", "desktop", "to-json", str(example_path)], stdout=write_end,
            stderr=subprocess.PIPE, text=True, cwd=Path(__file__).parents[2], check=False)
    finally:
        os.close(write_end)
    assert writer.stderr == ""
    assert writer.returncode == 141


def test_date_patterns_use_ascii_digits_only():
    text = json.dumps(schema())
    assert "\\\\d" not in text
    assert re.search(r"\[0-9\]\{2\}-\[0-9\]\{2\}", text)


def test_a_partly_filled_person_round_trips(capsys, tmp_path):
    district = DistrictFile.create(tmp_path / "d.des")
    district.set_answer("coordinator", {"name": "Anna"})  # surname, email, phone never typed
    district.close()
    first = tmp_path / "first.json"
    code, _out, err = run(capsys, "to-json", tmp_path / "d.des", "-o", first)
    assert code == 0, err
    document = json.loads(first.read_text(encoding="utf-8"))
    assert document["key_figures"]["coordinator"]["surname"] == ""
    code, _out, err = run(capsys, "from-json", first, tmp_path / "again.des")
    assert code == 0, err
    code, again, err = run(capsys, "to-json", tmp_path / "again.des")
    assert json.loads(again) == document
