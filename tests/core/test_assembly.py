"""The founding assembly's papers, written from the example in both languages and read back."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.cli import main
from desktop.core.district_file import DistrictFile
from desktop.core.example import example_document
from tests.before_the_assembly import (
    example_before_the_assembly,
    write_example_before_the_assembly,
)
from wizard_steps import STEPS

MEMBERS = example_document()["members"]["organizations"]


def _text(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split())
                    for page in PdfReader(path).pages)


def _hold_assembly(path: Path, present: int, agenda: str = "") -> None:
    district = DistrictFile.open(path)
    for key, value in (("place", "Cavalese, sala consiliare"), ("date", "2027-03-10"),
                       ("time", "18:00"), ("chair", "Anna Vinante"),
                       ("secretary", "Sara Lorenz"), ("agenda", agenda),
                       ("minutes_approved", True)):
        district.set_answer(key, value)
    for member in range(1, present + 1):
        district.add_row("attendance", {
            "member": member, "present": True,
            "attendee": "delegate" if member == 3 else "representative",
            "delegate": "Mario Rossi"})
    district.close()


def test_the_assembly_is_a_step_after_the_others():
    assert STEPS[-1].key == "assembly"


@pytest.mark.parametrize(("lang", "names", "words"), [
    ("it", ("convocazione", "foglio-presenze", "verbale"),
     ("Varie ed eventuali", "sono presenti 8 aderenti su 10", "validamente costituita",
      "Coordinatore interno: Anna Vinante", "Giunta, Comitato esecutivo o Consiglio")),
    ("en", ("invitation", "attendance-sheet", "minutes"),
     ("Any other business", "8 of the 10 members are present", "validly constituted",
      "Internal coordinator: Anna Vinante", "the competent body (Executive or Council)")),
])
def test_the_four_papers_in_both_languages(tmp_path, lang, names, words):
    example_path = write_example_before_the_assembly(tmp_path / "example.des")
    _hold_assembly(example_path, present=8)
    folder = tmp_path / "papers"
    folder.mkdir()
    assert main(["assembly", str(example_path), "--lang", lang, "-o", str(folder)]) == 0
    invitation, sheet, minutes = (_text(folder / f"{name}.pdf") for name in names)
    resolutions = sorted(folder.glob("*-01-*.pdf"))
    assert len(list(folder.glob("*.pdf"))) == 3 + len(MEMBERS)
    assert "10 March 2027" in invitation or "10 marzo 2027" in invitation
    assert words[0] in invitation
    assert all(member["name"] in sheet for member in MEMBERS)
    assert words[1] in minutes
    assert words[2] in minutes
    assert words[3] in minutes
    assert "Coop sociale Le Rais – Mario Rossi" in minutes
    first = _text(resolutions[0])
    assert "Laura Bernard" in first
    assert "Fiemme e Fassa" in first
    assert words[4] in first


def test_minutes_say_when_the_assembly_is_not_quorate(tmp_path):
    example_path = write_example_before_the_assembly(tmp_path / "example.des")
    _hold_assembly(example_path, present=4, agenda="Approvazione dell'accordo\n- Nomine")
    assert main(["assembly", str(example_path), "--lang", "it", "-o", str(tmp_path)]) == 0
    minutes = _text(tmp_path / "verbale.pdf")
    assert "non è validamente costituita per mancanza del numero legale" in minutes
    assert "2. Nomine" in minutes
    assert "Varie ed eventuali" not in minutes


def test_no_members_is_an_error_and_nothing_is_written(tmp_path, capsys):
    DistrictFile.create(tmp_path / "empty.des").close()
    folder = tmp_path / "out"
    folder.mkdir()
    assert main(["assembly", str(tmp_path / "empty.des"), "--lang", "en", "-o",
                 str(folder)]) == 2
    assert capsys.readouterr().err.startswith("error:")
    assert list(folder.iterdir()) == []


def test_the_assembly_state_leads_to_signing():
    from desktop.core.assembly.progress import assembly_findings
    from desktop.core.readiness import Level

    document = example_before_the_assembly()
    found = assembly_findings(document)
    assert [(f.rule, f.level) for f in found][:2] == [("P1", Level.HINT), ("P2", Level.HINT)]
    document["assembly"] = {"date": "2027-03-10", "minutes_approved": False}
    assert assembly_findings(document)[0].level is Level.WARNING
    document["assembly"]["minutes_approved"] = True
    first, *others = document["members"]["organizations"]
    first["signing_act_number"] = ""
    for member in others:
        member.update(signing_authority="delibera del consiglio di amministrazione",
                      signing_act_number="12", signing_act_date="2027-03-01")
    found = assembly_findings(document)
    assert [(f.rule, f.level, f.row) for f in found] == [("P2", Level.WARNING, 1)]
    assert "Comun General de Fascia" in found[0].text(str)


def test_the_calendar_includes_the_founding_assembly(tmp_path):
    from desktop.core.calendar_export import calendar_text, meeting_count
    from desktop.core.document import to_document

    example_path = write_example_before_the_assembly(tmp_path / "example.des")
    district = DistrictFile.open(example_path)
    before = meeting_count(to_document(district))
    district.set_answer("date", "2027-03-10")
    district.set_answer("time", "18:00")
    document = to_document(district)
    district.close()
    assert meeting_count(document) == before + 1
    text = calendar_text(document, "it")
    assert "SUMMARY:Assemblea costitutiva" in text
    assert "DTSTART;TZID=Europe/Rome:20270310T180000" in text


@pytest.mark.parametrize(("lang", "name", "words"), [
    ("it", "verbale", ("Il giorno 19 febbraio 2027 alle ore 18:00, presso Palazzo della "
                       "Magnifica Comunità di Fiemme, Cavalese (esempio), si è riunita",
                       "Il presidente constata che sono presenti 10 aderenti su 10. "
                       "L'assemblea è validamente costituita e atta a deliberare. Metodo "
                       "decisionale dell'assemblea: per consenso.",
                       "Pastificio Felicetti – Elisa Bosin (esempio)",
                       "Esito: approvato (metodo decisionale: per consenso).",
                       "Il presidente ____", "Il segretario ____")),
    ("en", "minutes", ("On 19 February 2027 at 18:00, at Palazzo della Magnifica Comunità di "
                       "Fiemme, Cavalese (example), the founding assembly met",
                       "The chair notes that 10 of the 10 members are present. The assembly is "
                       "validly constituted and may decide. Decision method of the assembly: "
                       "consensus.", "Pastificio Felicetti – Elisa Bosin (example)",
                       "Outcome: approved (consensus).", "The chair ____", "The secretary ____")),
])
def test_the_examples_minutes_record_its_assembly(tmp_path, lang, name, words):
    from desktop.core.example import write_example

    path = tmp_path / "example.des"
    write_example(path, lang).close()
    assert main(["assembly", str(path), "--lang", lang, "-o", str(tmp_path)]) == 0
    pages = [" ".join((page.extract_text() or "").split())
             for page in PdfReader(tmp_path / f"{name}.pdf").pages]
    text = " ".join(pages)
    assert all(word in text for word in words[:4]), text
    assert "(esempio)" not in text if lang == "en" else "(example)" not in text
    # The chair and the secretary sign on the same page.
    assert [page for page in pages if words[4] in page] == [
        page for page in pages if words[5] in page]
