"""Spreadsheet files as people save them: CSV and text (UTF-8, UTF-16 with BOM, Windows-1252),
Excel .xlsx and .xls, OpenDocument .ods. Each becomes a grid of cell texts, with the cells
that held numbers and the ranges that were merged, so that the import can say what a number
cell may have lost and which rows a merged cell left empty.

Texts are kept as the sheet shows them where the format records it: .ods stores the shown
text beside the value, and an .xlsx number format of zeros ("00000000000") is applied.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from desktop.core.errors import UserError
from i18n import N_

CSV_SUFFIXES = (".csv", ".txt", ".tsv")
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
SUFFIXES = CSV_SUFFIXES + EXCEL_SUFFIXES + (".xls", ".ods")

ODS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
ODS_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
ODS_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
# LibreOffice writes the unused rest of a sheet as one row repeated a million times.
MAX_ROWS = 20_000
MAX_COLUMNS = 200
BARE_NUMBER = re.compile(r"^\d+$")
ZEROS_FORMAT = re.compile(r"^0+$")


@dataclass
class Merge:
    row: int
    column: int
    rows: int
    columns: int


@dataclass
class Table:
    cells: list[list[str]]
    number_cells: set[tuple[int, int]] = field(default_factory=set)  # (row, column)
    merges: list[Merge] = field(default_factory=list)


def read_table(source: Path) -> Table:
    """The first sheet of a file, or a UserError that says why it cannot be read."""
    if not source.is_file():
        raise UserError(N_("The file {path} does not exist."), path=source)
    suffix = source.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return _read_text(source)
    if suffix in EXCEL_SUFFIXES:
        return _read_xlsx(source)
    if suffix == ".ods":
        return _read_ods(source)
    if suffix == ".xls":
        return _read_xls(source)
    raise UserError(N_("{path} is not a spreadsheet the program reads (CSV, text, .xlsx, .xls "
                       "or .ods)."), path=source)


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


# --- CSV and text ---------------------------------------------------------------------------

def decode_text(raw: bytes, source: Path) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text"
        return raw.decode("utf-16")
    if b"\x00" not in raw:  # a NUL byte is no character of a text a spreadsheet writes
        for encoding in ("utf-8-sig", "cp1252"):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                continue
    raise UserError(N_("The file {path} is not written in an encoding the program reads "
                       "(UTF-8, UTF-16 or Windows-1252). Save it again from the spreadsheet as "
                       "“CSV UTF-8”."), path=source)


def _read_text(source: Path) -> Table:
    text = decode_text(source.read_bytes(), source)
    try:
        delimiter = csv.Sniffer().sniff(text[:4096], delimiters=";,\t").delimiter
    except csv.Error:
        counts = {sign: text.count(sign) for sign in ";,\t"}
        delimiter = max(counts, key=lambda sign: counts[sign])
    cells = [[cell.strip() for cell in row]
             for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    # A text file has no cell types: a bare run of digits is what a number cell becomes.
    numbers = {(r, c) for r, row in enumerate(cells) for c, cell in enumerate(row)
               if BARE_NUMBER.match(cell)}
    return Table(cells, numbers)


# --- Excel ----------------------------------------------------------------------------------

def _shown(value: Any, number_format: str) -> str:
    if is_number(value) and float(value).is_integer() and ZEROS_FORMAT.match(number_format):
        return str(int(value)).zfill(len(number_format))
    return cell_text(value)


def _read_xlsx(source: Path) -> Table:
    # Deferred: openpyxl is slow to import and only needed here.
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(source, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
        raise UserError(N_("The file {path} cannot be read as an Excel workbook."),
                        path=source) from exc
    try:
        sheet = workbook.worksheets[0]
        table = Table([])
        for r, row in enumerate(sheet.iter_rows()):
            table.cells.append([_shown(cell.value, cell.number_format) for cell in row])
            table.number_cells |= {(r, c) for c, cell in enumerate(row) if is_number(cell.value)}
        table.merges = [Merge(m.min_row - 1, m.min_col - 1, m.max_row - m.min_row + 1,
                              m.max_col - m.min_col + 1) for m in sheet.merged_cells.ranges]
        return table
    finally:
        workbook.close()


def _read_xls(source: Path) -> Table:
    # Deferred: only the old Excel format needs calamine.
    import python_calamine

    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(source))
        sheet = workbook.get_sheet_by_index(0)
        values = sheet.to_python(skip_empty_area=False)
    except Exception as exc:  # noqa: BLE001 - calamine raises several kinds for a damaged file
        raise UserError(N_("The file {path} cannot be read as an Excel workbook."),
                        path=source) from exc
    table = Table([[cell_text(value) for value in row] for row in values])
    table.number_cells = {(r, c) for r, row in enumerate(values) for c, value in enumerate(row)
                          if is_number(value)}
    table.merges = [Merge(top, left, bottom - top + 1, right - left + 1)
                    for (top, left), (bottom, right) in sheet.merged_cell_ranges or ()]
    return table


# --- OpenDocument ---------------------------------------------------------------------------

def _ods_text(element: ElementTree.Element) -> str:
    """The text of a cell as shown: its paragraphs, with <text:s/> runs of spaces kept."""
    def walk(node: ElementTree.Element) -> str:
        parts = [node.text or ""]
        for child in node:
            if child.tag == f"{ODS_TEXT}s":
                parts.append(" " * int(child.get(f"{ODS_TEXT}c", "1")))
            elif child.tag == f"{ODS_TEXT}tab":
                parts.append("\t")
            else:
                parts.append(walk(child))
            parts.append(child.tail or "")
        return "".join(parts)
    return "\n".join(walk(p) for p in element.iter(f"{ODS_TEXT}p")).strip()


def _ods_row(row: ElementTree.Element, r: int, table: Table) -> list[str]:
    cells: list[str] = []
    for cell in row:
        if cell.tag not in (f"{ODS_TABLE}table-cell", f"{ODS_TABLE}covered-table-cell"):
            continue
        repeat = min(int(cell.get(f"{ODS_TABLE}number-columns-repeated", "1")),
                     MAX_COLUMNS - len(cells))
        text = _ods_text(cell)
        spanned = int(cell.get(f"{ODS_TABLE}number-rows-spanned", "1"))
        across = int(cell.get(f"{ODS_TABLE}number-columns-spanned", "1"))
        if spanned > 1 or across > 1:
            table.merges.append(Merge(r, len(cells), spanned, across))
        if cell.get(f"{ODS_OFFICE}value-type") in ("float", "percentage", "currency"):
            table.number_cells |= {(r, len(cells) + i) for i in range(repeat)}
        cells += [text] * repeat
    while cells and not cells[-1]:
        cells.pop()
    return cells


def _read_ods(source: Path) -> Table:
    try:
        with zipfile.ZipFile(source) as package:
            root = ElementTree.fromstring(package.read("content.xml"))
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError) as exc:
        raise UserError(N_("The file {path} cannot be read as an OpenDocument spreadsheet."),
                        path=source) from exc
    sheet = next(root.iter(f"{ODS_TABLE}table"), None)
    table = Table([])
    if sheet is None:
        return table
    for row in sheet.iter(f"{ODS_TABLE}table-row"):
        cells = _ods_row(row, len(table.cells), table)
        repeat = int(row.get(f"{ODS_TABLE}number-rows-repeated", "1"))
        table.cells += [list(cells) for _ in range(min(repeat, MAX_ROWS - len(table.cells)))]
        if len(table.cells) >= MAX_ROWS:
            break
    return table
