"""The example district is a JSON document shipped in resources/, valid against the published
schema, and written in the language asked for."""

import fnmatch
import json
import tomllib
from pathlib import Path

import jsonschema

from desktop.cli import main
from desktop.core.document import schema, to_document, validate
from desktop.core.example import EXAMPLE_FILE, OLTRE, example_document, write_example
from desktop.core.readiness import findings

ROOT = Path(__file__).resolve().parents[2]


def test_the_example_file_is_valid_against_the_published_schema():
    document = json.loads(EXAMPLE_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema()).validate(document)
    validate(document)  # and every member it refers to exists
    names = {m["id"]: m["name"] for m in document["members"]["organizations"]}
    assert names[OLTRE] == "Cooperativa Oltre"


def test_the_english_example_is_marked_in_english():
    italian = json.dumps(example_document("it"), ensure_ascii=False)
    english = json.dumps(example_document("en"), ensure_ascii=False)
    assert italian.count("(esempio)") == english.count("(example)") > 40
    assert "(esempio)" not in english
    assert "(example)" not in italian
    jsonschema.Draft202012Validator(schema()).validate(example_document("en"))
    indicators = example_document("en")["reporting"]["indicators"]
    assert indicators[1]["indicator"] == "Average score of the satisfaction questionnaires"
    assert indicators[0]["responsible"] == "Tavolo tecnico"  # typed by the group: kept
    assert findings(example_document("en")) == []


def test_demo_writes_the_example_in_the_language_asked_for(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "it_IT.UTF-8")
    assert main(["demo", str(tmp_path / "it.des")]) == 0  # the interface language: Italian
    assert main(["demo", str(tmp_path / "en.des"), "--lang", "en"]) == 0
    capsys.readouterr()
    for lang in ("en", "it"):
        district = write_example(tmp_path / f"again-{lang}.des", lang)
        expected = to_document(district)
        district.close()
        assert main(["to-json", str(tmp_path / f"{lang}.des")]) == 0
        written = json.loads(capsys.readouterr().out)
        assert written == expected
        text = json.dumps(written, ensure_ascii=False)
        assert ("(example)" in text) is (lang == "en")
        assert ("(esempio)" in text) is (lang == "it")


def test_the_example_is_shipped_by_the_wheel_and_the_frozen_build():
    relative = EXAMPLE_FILE.relative_to(ROOT / "resources").as_posix()
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "package-data"]["resources"]
    assert any(fnmatch.fnmatch(relative, pattern) for pattern in package_data)
    # The frozen build takes every file under resources/ (the self-test then opens the
    # example from it); the wheel takes what package-data names: every such file, too.
    spec = (ROOT / "build.spec").read_text()
    assert '(root / "resources").rglob("*")' in spec
    shipped = [path.relative_to(ROOT / "resources").as_posix()
               for path in (ROOT / "resources").rglob("*")
               if path.is_file() and path.suffix not in (".py", ".pyc")
               and "__pycache__" not in path.parts]
    missing = [name for name in shipped
               if not any(fnmatch.fnmatch(name, pattern) for pattern in package_data)]
    assert missing == []


def test_the_example_walks_from_its_founding_assembly_to_its_signing():
    """The example is signed, so it has held its founding assembly and every member has
    registered its act: the Review has nothing left to suggest on the way to signing, and the
    dates follow one another (assembly, then the acts, then the signing, then the first
    year's assemblies)."""
    from desktop.core.assembly.facts import attendance, quorate
    from desktop.core.assembly.progress import review_findings

    for lang in ("it", "en"):
        document = example_document(lang)
        assert not {f.rule for f in review_findings(document)} & {"P1", "P2"}
    document = example_document()
    meeting = document["assembly"]
    signed = document["after_signing"]["signed_on"]
    assert document["district"]["signing_date"] == signed
    assert meeting["minutes_approved"] is True
    assert meeting["date"] < signed
    assert meeting["time"] == "18:00"
    rows = attendance(document)
    assert all(row.present and row.attendee for row in rows)
    assert quorate(document)
    delegates = [row for row in meeting["attendance"] if row["attendee"] == "delegate"]
    assert len(delegates) == 1
    assert delegates[0]["delegate"].endswith("(esempio)")
    members = document["members"]["organizations"]
    for member in members:
        assert meeting["date"] < member["signing_act_date"] < signed, member["name"]
        assert member["signing_act_number"].endswith("(esempio)")
    public = {m["signing_authority"] for m in members if m["nature"] == "public"}
    assert not any("consiglio di amministrazione" in act for act in public)
    first_year = min(a["date"] for a in document["years"]["2027"]["assemblies"])
    assert signed < first_year
