"""The establishment steps: references to members, undo, migration, calendar, clauses."""

import re

import pytest
from pypdf import PdfReader

from desktop.cli import main
from desktop.core.agreement import export_agreement
from desktop.core.calendar_export import calendar_text
from desktop.core.defaults import start_district
from desktop.core.district_file import MIGRATIONS, SCHEMA_VERSION, DistrictFile, backups
from desktop.core.document import from_document, to_document
from desktop.core.example import OLTRE, example_document
from tests.core.test_store import same_pages


def pdf_text(path) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(path).pages))


def test_a_file_of_the_first_format_is_kept_and_migrated(tmp_path):
    from desktop.core.district_file import APPLICATION_ID
    from desktop.core.district_file.migrations import connect, migrate

    old = tmp_path / "old.des"
    db = connect(old)
    db.execute(f"PRAGMA application_id={APPLICATION_ID}")
    migrate(db, 0, {1: MIGRATIONS[1]})  # a district as the first release wrote it
    db.execute("INSERT INTO members(id, position, name) VALUES (1, 1, 'Coop Vecchia')")
    db.conn.close()
    before = old.read_bytes()
    district = DistrictFile.open(old)
    assert district.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert district.rows("organizations")[0]["name"] == "Coop Vecchia"
    assert district.rows("organizations")[0]["staff_people"] is None
    district.add_row("objectives", {"title": "Nuovo obiettivo"})
    district.close()
    [kept] = [b for b in backups.backups_of(old) if b.kind == "format-1"]
    assert same_pages(kept.path.read_bytes(), before)


def test_a_new_district_starts_with_the_members_assembly(tmp_path):
    district = start_district(tmp_path / "d.des")
    assert [row["kind"] for row in district.rows("bodies")] == ["assembly"]


def test_renaming_a_member_renames_it_everywhere(tmp_path):
    district = from_document(example_document(), tmp_path / "d.des")
    district.set_row_value("organizations", OLTRE, "name", "Cooperativa Oltre Nuova")
    document = to_document(district)
    text = pdf_text(export_agreement(document, "en", tmp_path / "a.pdf"))
    assert "Cooperativa Oltre Nuova (gestisce i percorsi propedeutici)" in text  # objective
    assert "Network facilitation: Cooperativa Oltre Nuova" in text  # key roles
    assert "Cooperativa Oltre Nuova: percorsi propedeutici al lavoro" in text  # chain


def test_references_to_a_removed_member_disappear_and_come_back(tmp_path):
    district = from_document(example_document(), tmp_path / "d.des")
    oltre = district.row("organizations", OLTRE)
    district.remove_row("organizations", OLTRE)
    document = to_document(district)
    roles = document["objectives"]["objectives"][0]["members_roles"]
    assert OLTRE not in [item["member"] for item in roles]
    # Undo puts the member back with its id, so the references return.
    district.add_row("organizations", {k: v for k, v in oltre.items() if k != "id"},
                     row_id=OLTRE, index=3)
    again = to_document(district)
    assert again == to_document(from_document(example_document(), tmp_path / "e.des"))


def test_generic_rows_keep_order_move_and_come_back(tmp_path):
    district = DistrictFile.create(tmp_path / "d.des")
    ids = [district.add_row("meetings", {"date": f"2027-0{n}-01", "place": f"P{n}"})
           for n in (1, 2, 3)]
    district.move_row("meetings", ids[0], 2)
    assert [r["place"] for r in district.rows("meetings")] == ["P2", "P3", "P1"]
    removed = district.row("meetings", ids[1])
    district.remove_row("meetings", ids[1])
    district.add_row("meetings", {k: v for k, v in removed.items() if k != "id"},
                     row_id=ids[1], index=0)
    assert [r["id"] for r in district.rows("meetings")] == [ids[1], ids[2], ids[0]]


def test_a_json_document_must_not_name_unknown_members(tmp_path, capsys):
    document = example_document()
    document["governance"]["roles"][0]["member"] = 99
    (tmp_path / "in.json").write_text(__import__("json").dumps(document), encoding="utf-8")
    assert main(["from-json", str(tmp_path / "in.json"), str(tmp_path / "out.des")]) == 2
    assert capsys.readouterr().err.startswith("error: ")
    assert not (tmp_path / "out.des").exists()


# --- the agreement ----------------------------------------------------------------------------

ARTICLES = {
    "it": ["Costituzione e denominazione", "Principi condivisi", "Referenti",
           "Trattamento dei dati personali", "Disposizioni finali"],
    "en": ["Establishment and name", "Nature of the agreement", "Shared principles",
           "Overview, mission and objectives", "Supply chain",
           "Governance and members' assembly", "Key roles", "Contact persons",
           "Roles and commitments of the Parties", "Duties of the Parties",
           "Economic resources", "Monitoring, annual report and social report",
           "Roots in the community and promotion", "Admission, withdrawal and exclusion",
           "Duration, renewal and amendments", "Personal data", "Disputes",
           "Registration and stamp duty", "Language", "Use of the district's brand",
           "Signature and effect", "Final provisions"],
}


def example_values() -> list[str]:
    document = example_document()
    values = [o["title"] for o in document["objectives"]["objectives"]]
    values += [b["name"] for b in document["governance"]["bodies"]]
    values += [m["place"] for m in document["governance"]["meetings"]]
    values += [a["activity"] for a in document["supply_chain"]["chain"]]
    values += [r["name"] for r in document["local_roots"]["relationships"]]
    values += [a["title"] for a in document["local_roots"]["animation"]]
    values += ["Anna Vinante (esempio)", "Paolo Rizzi (esempio)", "Fondazione Caritro"]
    values += [document["supply_chain"][k].rstrip(".") for k in
               ("economic_model", "sales_channels", "sustainability")]
    return values


@pytest.mark.parametrize("lang", ["it", "en"])
def test_the_example_agreement_carries_every_step(tmp_path, lang):
    text = pdf_text(export_agreement(example_document(), lang, tmp_path / "a.pdf"))
    for value in example_values():
        assert value in text, value
    if lang == "en":
        for number, title in enumerate(ARTICLES["en"], start=1):
            assert f"Article {number}. {title}" in text
        assert "Annex A. Members and contact persons" in text
        assert "Annex B. Supply-chain business plan" in text
        assert "Annex C. Financial plan" in text
        assert "Annex D. Monitoring and evaluation indicators" in text
    else:
        for title in ARTICLES["it"]:
            assert title in text
        for letter in "ABCD":
            assert f"Allegato {letter}." in text


def test_an_article_written_in_one_language_is_flagged(tmp_path, capsys):
    document = example_document()
    document["clauses"]["clauses"] = [{"title_it": "Sede operativa", "text_it": "Testo italiano.",
                                       "title_en": "", "text_en": ""}]
    district = from_document(document, tmp_path / "d.des")
    district.close()
    code = main(["export", str(tmp_path / "d.des"), "--lang", "en", "-o", str(tmp_path / "a.pdf")])
    assert code == 0
    assert "warning:" in capsys.readouterr().err
    text = pdf_text(tmp_path / "a.pdf")
    assert "Sede operativa Testo italiano." in text
    assert "This article is written only in Italian." in text
    # It stands just before the final provisions.
    assert text.index("Sede operativa") < text.index("Final provisions")


# --- the assembly calendar ------------------------------------------------------------------

def unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_the_calendar_is_valid_icalendar():
    document = example_document()
    document["governance"]["meetings"][0]["place"] = "Cavalese, sala; piano 1"
    text = calendar_text(document, "it")
    raw_lines = text.split("\r\n")
    assert raw_lines[-1] == ""
    assert all(len(line.encode()) <= 75 for line in raw_lines)
    lines = unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR"
    assert lines[-2] == "END:VCALENDAR"
    events = [line for line in lines if line == "BEGIN:VEVENT"]
    assert len(events) == 4  # the founding assembly and the three meetings of the plan
    assert "DTSTART;TZID=Europe/Rome:20270219T180000" in lines
    assert "DTSTART;TZID=Europe/Rome:20270420T180000" in lines
    assert "LOCATION:Cavalese\\, sala\\; piano 1" in lines
    summaries = [line for line in lines if line.startswith("SUMMARY:")]
    assert all("Fiemme e Fassa" in s for s in summaries)
    assert len({line for line in lines if line.startswith("UID:")}) == 4


def test_a_meeting_without_time_is_an_all_day_event():
    document = example_document()
    document["governance"]["meetings"] = [{"date": "2027-05-02", "time": "", "place": "X",
                                          "agenda": ""}]
    lines = unfold(calendar_text(document, "en"))
    assert "DTSTART;VALUE=DATE:20270502" in lines
    assert "DTEND;VALUE=DATE:20270503" in lines


def test_calendar_command(tmp_path, example_path):
    assert main(["calendar", str(example_path), "-o", str(tmp_path / "c.ics")]) == 0
    assert (tmp_path / "c.ics").read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    empty = tmp_path / "empty.des"
    DistrictFile.create(empty).close()
    assert main(["calendar", str(empty), "-o", str(tmp_path / "e.ics")]) == 2
    assert not (tmp_path / "e.ics").exists()


def agreement_text(path) -> str:
    """The PDF's text with each page's footer (the district's name, the page number) left out,
    so that a value broken across pages reads whole, words split at a line end joined again
    and whitespace collapsed."""
    pages = [page.extract_text().rstrip("\n").split("\n") for page in PdfReader(path).pages]
    assert all(re.fullmatch(r"(page|pagina) \d+ (of|di) \d+", lines[-1]) for lines in pages)
    raw = "\n".join("\n".join(lines[:-2]) for lines in pages)
    return " ".join(re.sub(r"(\w)-\n(\w)", r"\1\2", raw).split())


def whole_value(value: str) -> re.Pattern[str]:
    """The whole value as the agreement prints it: any whitespace between words; each line
    may start lower case (it continues a sentence) and lose its final stop, and the lines are
    joined by a stop, a semicolon or a bullet."""
    lines = [line.strip().rstrip(".;: ") for line in value.splitlines() if line.strip()]
    parts = []
    for line in lines:
        first, *others = line.split()
        parts.append(f"[{re.escape(first[0].upper())}{re.escape(first[0].lower())}]"
                     + re.escape(first[1:]) + "".join(r"\s+" + re.escape(w) for w in others))
    return re.compile(r"[.;:,]?\s*(?:•\s*)?".join(parts))


@pytest.mark.parametrize("lang", ["it", "en"])
def test_every_text_of_the_example_is_in_its_agreement(tmp_path, lang):
    """Walks the declarations: a text field added to any step must reach the agreement whole."""
    from desktop.core.agreement.finances import template_text
    from wizard_steps import STEPS
    from wizard_steps.fields import Kind

    document = example_document(lang)
    text = agreement_text(export_agreement(document, lang, tmp_path / "a.pdf"))
    other = {"it": "en", "en": "it"}[lang]
    checked = 0
    # The founding assembly's answers go into its own papers, not into the agreement.
    for step in (s for s in STEPS if s.key != "assembly"):
        section = document.get(step.key, {})
        for declared in step.fields:
            rows = section.get(declared.key) if declared.kind is Kind.TABLE else [section]
            fields = declared.row_fields if declared.kind is Kind.TABLE else (declared,)
            for row in rows or []:
                for field in fields:
                    if field.kind not in (Kind.TEXT, Kind.LONG_TEXT) or field.key.endswith(
                            f"_{other}"):
                        continue
                    # A pre-filled indicator is printed in the agreement's language.
                    value = template_text(str(row.get(field.key) or ""), lang)
                    if value.strip():
                        checked += 1
                        assert whole_value(value).search(text), (step.key, field.key, value)
    assert checked > 100


def test_a_value_printed_only_in_part_is_not_found():
    value = "Rete già attiva tra servizi sociali e cooperative\nUna banca locale tra i membri"
    printed = "Punti di forza • Rete già attiva tra servizi sociali e cooperative • Una banca"
    assert not whole_value(value).search(printed)
    assert whole_value(value).search(printed + " locale tra i membri Punti di debolezza")
    assert whole_value("Progetta percorsi.").search("Le Rais: progetta percorsi; risorse")
    assert not whole_value("Progetta percorsi").search("Le Rais: percorsi progetta")
