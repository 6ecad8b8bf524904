"""Importing members from the spreadsheets cooperatives keep."""

import pytest
from openpyxl import Workbook

from desktop.core.district_file import DistrictFile
from desktop.core.errors import UserError
from desktop.core.member_import import guess_mapping, import_rows, prepare, read_sheet

HEADERS = ["Telefono", "Denominazione", "Forma giuridica", "Natura", "Iscritto AES",
           "Email referente", "Nome referente", "Cognome referente"]
ROWS = [
    ["0461 123456", "Cooperativa Alfa", "Cooperativa sociale", "Privato non profit", "sì",
     "alfa@example.org", "Maria", "Bianchi"],
    ["0461 222222", "Associazione Beta", "Associazione", "privato non profit", "no",
     "beta-at-example.org", "Luca", "Verdi"],
    ["", "", "", "", "", "", "", ""],
    ["0461 333333", "cooperativa  alfa", "Cooperativa", "privato profit", "no",
     "a2@example.org", "Ugo", "Neri"],
    ["0461 444444", "Comune di Esempio", "ente pubblico", "Public", "no",
     "comune@example.org", "Anna", "Rossi"],
]


def write_csv(path, delimiter=";"):
    lines = [delimiter.join(HEADERS)] + [delimiter.join(row) for row in ROWS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_xlsx(path):
    book = Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for row in ROWS:
        sheet.append([cell or None for cell in row])
    book.save(path)
    return path


@pytest.fixture(params=["csv", "csv-comma", "xlsx"])
def spreadsheet(request, tmp_path):
    if request.param == "xlsx":
        return write_xlsx(tmp_path / "soci.xlsx")
    return write_csv(tmp_path / "soci.csv", "," if request.param == "csv-comma" else ";")


def test_columns_in_any_order_are_recognised(spreadsheet):
    sheet = read_sheet(spreadsheet)
    assert guess_mapping(sheet.headers) == [
        "contact_person.phone", "name", "legal_form", "nature", "registered_sea",
        "contact_person.email", "contact_person.name", "contact_person.surname"]


def test_the_preview_says_which_rows_come_in_and_why_not(spreadsheet):
    sheet = read_sheet(spreadsheet)
    rows = prepare(sheet, guess_mapping(sheet.headers), existing_names=["Comune di esempio"])
    by_line = {row.line: row for row in rows}
    assert by_line[2].importable
    assert not by_line[2].problems
    assert by_line[2].values["legal_form"] == "social_cooperative"
    assert by_line[2].values["registered_sea"] is True
    # A bad email is imported as written, with a warning.
    assert by_line[3].importable
    assert by_line[3].values["contact_person.email"] == "beta-at-example.org"
    assert "email" in by_line[3].problems[0].text(str).lower()
    assert not by_line[4].importable
    assert by_line[4].problems[0].msgid == "Empty row."
    assert not by_line[5].importable  # the same name again, whatever its spacing and case
    assert by_line[5].values["legal_form"] == "cooperative"
    assert not by_line[6].importable  # already a member


def test_import_writes_only_the_good_rows(tmp_path, spreadsheet):
    district = DistrictFile.create(tmp_path / "d.des")
    sheet = read_sheet(spreadsheet)
    rows = prepare(sheet, guess_mapping(sheet.headers), [])
    assert import_rows(district, rows) == 3
    members = district.rows("organizations")
    assert [m["name"] for m in members] == ["Cooperativa Alfa", "Associazione Beta",
                                           "Comune di Esempio"]
    assert members[0]["contact_person"] == {"name": "Maria", "surname": "Bianchi",
                                            "email": "alfa@example.org",
                                            "phone": "0461 123456"}
    assert members[2]["nature"] == "public"


def test_unreadable_files(tmp_path):
    with pytest.raises(UserError):
        read_sheet(tmp_path / "missing.csv")
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(UserError):
        read_sheet(broken)
    other = tmp_path / "notes.odt"
    other.write_text("x")
    with pytest.raises(UserError):
        read_sheet(other)
    empty = tmp_path / "empty.csv"
    empty.write_text("\n\n")
    with pytest.raises(UserError):
        read_sheet(empty)


def test_a_latin1_csv_from_an_old_excel(tmp_path):
    path = tmp_path / "old.csv"
    path.write_bytes("Denominazione;Natura\nSocietà Agricola Ünterberg;pubblico\n".encode(
        "cp1252"))
    sheet = read_sheet(path)
    rows = prepare(sheet, guess_mapping(sheet.headers), [])
    assert rows[0].values == {"name": "Società Agricola Ünterberg", "nature": "public"}
