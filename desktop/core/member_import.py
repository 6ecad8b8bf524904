"""Members from a spreadsheet (CSV or XLSX): read, map columns to fields, check, then import.

Nothing is written until ``import_rows`` is called, after the user has seen the preview.
Values that are wrong but readable (an email without "@") are imported as typed and flagged,
as everywhere else; rows that cannot make a member (no name, a duplicate) are left out, and
the preview says why.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.district_file import DistrictFile
from desktop.core.errors import UserError
from i18n import N_, translator
from wizard_steps import step
from wizard_steps.fields import Field
from wizard_steps.kinds import kind_of, normalise

MEMBERS = step("members").field("organizations")

# Extra header names seen in cooperatives' partner lists, beyond the labels of both languages.
ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("denominazione", "ragione sociale", "organizzazione", "nome organizzazione",
             "organization", "organisation", "member", "membro", "ente"),
    "legal_form": ("forma", "tipo"),
    "nature": ("natura giuridica", "tipologia"),
    "registered_sea": ("aes", "sea", "iscritto", "iscritta", "disciplinari", "registered"),
    "tax_code": ("codice fiscale", "cf", "tax code", "cf piva", "cf p iva"),
    "vat_number": ("partita iva", "p iva", "piva", "vat", "vat number"),
    "registered_office": ("sede", "indirizzo", "address", "office"),
    "legal_representative": ("rappresentante legale", "legale rappresentante", "presidente"),
    "legal_representative_role": ("carica", "ruolo", "role"),
    "stages": ("fasi", "filiera", "stages"),
    "contact_person.name": ("nome referente", "referente nome", "referente", "contact name"),
    "contact_person.surname": ("cognome referente", "referente cognome", "contact surname"),
    "contact_person.email": ("email referente", "email", "e mail", "mail", "posta elettronica",
                             "contact email"),
    "contact_person.phone": ("telefono referente", "telefono", "tel", "cellulare", "phone",
                             "contact phone"),
    "substitute.name": ("nome sostituto", "sostituto", "substitute name"),
    "substitute.surname": ("cognome sostituto", "substitute surname"),
    "substitute.email": ("email sostituto", "substitute email"),
    "substitute.phone": ("telefono sostituto", "substitute phone"),
}



def importable_fields() -> list[tuple[str, Field]]:
    """(key, field) for every member field a column can fill; person parts as "person.part"."""
    return [part for declared in MEMBERS.row_fields
            for part in kind_of(declared).cell_fields()]


_UNDECLARED = set(ALIASES) - {key for key, _declared in importable_fields()}
if _UNDECLARED:  # an alias of a renamed field would silently stop matching
    raise KeyError(f"header names for undeclared member fields: {sorted(_UNDECLARED)}")


def field_label(key: str, gettext) -> str:
    head, _, sub = key.partition(".")
    declared = MEMBERS.row_field(head)
    if sub:
        return f"{gettext(declared.label)}: {gettext(declared.row_field(sub).label)}"
    return gettext(declared.label)


@dataclass
class Sheet:
    headers: list[str]
    rows: list[list[str]]


@dataclass
class Problem:
    msgid: str
    params: dict[str, Any] = field(default_factory=dict)
    blocking: bool = False

    def text(self, gettext) -> str:
        # Field labels and validator messages are msgids too: translated with the sentence.
        params = {k: gettext(v) if k in ("field", "problem") else v
                  for k, v in self.params.items()}
        return gettext(self.msgid).format(**params)


@dataclass
class PreparedRow:
    line: int  # as the spreadsheet numbers it (the header is line 1)
    values: dict[str, Any]
    problems: list[Problem]

    @property
    def importable(self) -> bool:
        return not any(p.blocking for p in self.problems)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_sheet(path: str | Path) -> Sheet:
    source = Path(path)
    if not source.is_file():
        raise UserError(N_("The file {path} does not exist."), path=source)
    if source.suffix.lower() in (".xlsx", ".xlsm"):
        table = _read_xlsx(source)
    elif source.suffix.lower() in (".csv", ".txt"):
        table = _read_csv(source)
    else:
        raise UserError(N_("{path} is neither a CSV nor an Excel (.xlsx) file."), path=source)
    while table and not any(table[-1]):
        table.pop()  # trailing blank lines are not rows
    while table and not any(table[0]):
        table.pop(0)
    if not table:
        raise UserError(N_("The file {path} has no rows."), path=source)
    width = max(len(row) for row in table)
    padded = [row + [""] * (width - len(row)) for row in table]
    return Sheet(headers=padded[0], rows=padded[1:])


def _read_csv(source: Path) -> list[list[str]]:
    raw = source.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ";" if text.count(";") > text.count(",") else ","
    return [[cell.strip() for cell in row]
            for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


def _read_xlsx(source: Path) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(source, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise UserError(N_("The file {path} cannot be read as an Excel workbook."),
                        path=source) from exc
    try:
        sheet = workbook.worksheets[0]
        return [[_cell(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def guess_mapping(headers: list[str]) -> list[str]:
    """For each column, the member field it most likely holds ("" when none)."""
    names: dict[str, str] = {}
    for key, _declared in importable_fields():
        for lang in ("it", "en"):
            names.setdefault(normalise(field_label(key, translator(lang).gettext)), key)
            if "." not in key:
                names.setdefault(normalise(translator(lang).gettext(_declared.label)), key)
        names.setdefault(normalise(key), key)
        for alias in ALIASES.get(key, ()):
            names.setdefault(normalise(alias), key)
    mapping = [names.get(normalise(header), "") for header in headers]
    mapping = [key if key not in mapping[:i] else "" for i, key in enumerate(mapping)]
    # Second pass for headers such as "Iscritto AES" or "Telefono ufficio": a known name
    # among their words, the longest first.
    by_length = sorted(names, key=len, reverse=True)
    for index, header in enumerate(headers):
        if mapping[index]:
            continue
        words = f" {normalise(header)} "
        for name in by_length:
            if len(name) >= 3 and f" {name} " in words and names[name] not in mapping:
                mapping[index] = names[name]
                break
    return mapping


def _convert(declared: Field, text: str, problems: list[Problem]) -> Any:
    value, notes = kind_of(declared).from_cell(text)
    problems += [Problem(msgid, params) for msgid, params in notes]
    return value


def prepare(sheet: Sheet, mapping: list[str], existing_names: list[str]) -> list[PreparedRow]:
    fields = dict(importable_fields())
    seen = {normalise(name) for name in existing_names if name.strip()}
    prepared: list[PreparedRow] = []
    for index, cells in enumerate(sheet.rows, start=2):
        problems: list[Problem] = []
        values: dict[str, Any] = {}
        if not any(cells):
            prepared.append(PreparedRow(index, values, [Problem(N_("Empty row."),
                                                                blocking=True)]))
            continue
        for column, key in enumerate(mapping):
            if key and column < len(cells) and cells[column]:
                values[key] = _convert(fields[key], cells[column], problems)
        name = str(values.get("name", "")).strip()
        if not name:
            problems.insert(0, Problem(N_("The name of the organization is missing."),
                                       blocking=True))
        elif normalise(name) in seen:
            problems.insert(0, Problem(N_("“{name}” is already in the member list."),
                                       {"name": name}, blocking=True))
        else:
            seen.add(normalise(name))
        prepared.append(PreparedRow(index, values, problems))
    return prepared


def as_member(values: dict[str, Any]) -> dict[str, Any]:
    """Flat "person.part" keys folded into the member's row."""
    member: dict[str, Any] = {}
    for key, value in values.items():
        head, _, sub = key.partition(".")
        if sub:
            member.setdefault(head, {})[sub] = value
        else:
            member[key] = value
    return member


def import_rows(district: DistrictFile, rows: list[PreparedRow]) -> int:
    count = 0
    for row in rows:
        if row.importable:
            district.add_row(MEMBERS.key, as_member(row.values))
            count += 1
    return count
