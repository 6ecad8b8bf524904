import importlib
import json
import shutil
import sqlite3
import tomllib
from pathlib import Path

import pytest

from desktop import __version__
from desktop.cli import main
from desktop.core.district_file import SCHEMA_VERSION
from tests.program import ROOT, run_program, run_python


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_error_line(code, err):
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error: "), err


def test_demo_then_export_in_both_languages(tmp_path, capsys):
    district = tmp_path / "esempio.des"
    assert run(capsys, "demo", str(district))[0] == 0
    for lang in ("it", "en"):
        code, _, err = run(capsys, "export", str(district), "--lang", lang,
                           "-o", str(tmp_path / f"{lang}.pdf"))
        assert code == 0, err
        assert (tmp_path / f"{lang}.pdf").read_bytes().startswith(b"%PDF")


def test_to_json_and_back(tmp_path, capsys, example_path):
    code, out, _ = run(capsys, "to-json", str(example_path))
    assert code == 0
    document = json.loads(out)
    assert document["district"]["name"].endswith("Fiemme e Fassa")
    (tmp_path / "d.json").write_text(out, encoding="utf-8")
    assert run(capsys, "from-json", str(tmp_path / "d.json"), str(tmp_path / "copy.des"))[0] == 0
    copied = str(tmp_path / "copy.des")
    assert run(capsys, "to-json", copied, "-o", str(tmp_path / "e.json"))[0] == 0
    assert json.loads((tmp_path / "e.json").read_text(encoding="utf-8")) == document


def test_schema_prints_json_schema(capsys):
    code, out, _ = run(capsys, "schema")
    assert code == 0
    assert json.loads(out)["$schema"].endswith("2020-12/schema")


def bad_files(tmp_path, example_path):
    missing = tmp_path / "missing.des"
    text = tmp_path / "text.des"
    text.write_text("hello " * 50)
    truncated = tmp_path / "truncated.des"
    truncated.write_bytes(example_path.read_bytes()[:3000])
    foreign = tmp_path / "foreign.des"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE x(y)")
    conn.commit()
    conn.close()
    newer = tmp_path / "newer.des"
    shutil.copy(example_path, newer)
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 5}")
    conn.close()
    folder = tmp_path / "folder.des"
    folder.mkdir()
    return {"missing": missing, "text": text, "truncated": truncated, "foreign": foreign,
            "newer": newer, "folder": folder}


@pytest.mark.parametrize("kind", ["missing", "text", "truncated", "foreign", "newer", "folder"])
@pytest.mark.parametrize("command", ["export", "to-json"])
def test_bad_district_files(tmp_path, capsys, example_path, kind, command):
    path = bad_files(tmp_path, example_path)[kind]
    out_file = tmp_path / "out.pdf"
    args = [command, str(path)]
    args += ["--lang", "it", "-o", str(out_file)] if command == "export" else ["-o", str(out_file)]
    before = sorted(p.name for p in tmp_path.iterdir())
    code, _, err = run(capsys, *args)
    assert_one_error_line(code, err)
    assert not out_file.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == before


@pytest.mark.parametrize("content", ["{not json", '{"format": "des-wizard/district"}',
                                     '{"format": "des-wizard/district", "format_version": 1, '
                                     '"district": {"name": 5}}', "\udcff"])
def test_invalid_json_writes_nothing(tmp_path, capsys, content):
    source = tmp_path / "in.json"
    source.write_bytes(content.encode("utf-8", "surrogateescape"))
    code, _, err = run(capsys, "from-json", str(source), str(tmp_path / "out.des"))
    assert_one_error_line(code, err)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.json"]


def test_from_json_refuses_an_existing_output(tmp_path, capsys, example_path):
    assert run(capsys, "to-json", str(example_path), "-o", str(tmp_path / "d.json"))[0] == 0
    code, _, err = run(capsys, "from-json", str(tmp_path / "d.json"), str(example_path))
    assert_one_error_line(code, err)


def test_usage_errors_are_one_line(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["export", "x.des", "--lang", "fr", "-o", "x.pdf"])
    _, err = capsys.readouterr()
    assert_one_error_line(stopped.value.code, err)


def test_export_into_a_missing_folder(tmp_path, capsys, example_path):
    code, _, err = run(capsys, "export", str(example_path), "--lang", "en",
                       "-o", str(tmp_path / "nowhere" / "a.pdf"))
    assert_one_error_line(code, err)


def test_errors_speak_the_users_language(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    _, _, err = run(capsys, "to-json", str(tmp_path / "missing.des"))
    assert "does not exist" in err
    monkeypatch.setenv("LANG", "it_IT.UTF-8")
    _, _, err = run(capsys, "to-json", str(tmp_path / "missing.des"))
    assert "non esiste" in err


def test_the_program_of_this_tree_runs():
    result = run_program("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"des-wizard {__version__}"
    where = run_python("-c", "import desktop.cli; print(desktop.cli.__file__)")
    assert Path(where.stdout.strip()).resolve() == ROOT / "desktop" / "cli.py"


def test_the_console_script_is_the_command_line_of_this_tree():
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    module_name, _, function = scripts["des-wizard"].partition(":")
    module = importlib.import_module(module_name)
    assert Path(module.__file__).resolve().is_relative_to(ROOT)
    assert getattr(module, function) is main
