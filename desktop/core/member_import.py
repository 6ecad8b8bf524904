"""Members from a spreadsheet (CSV, text, XLSX, XLS, ODS): read, map columns, check, import.

Nothing is written until ``import_rows`` is called, after the user has seen the preview.
Values that are wrong but readable (an email without "@") are imported as typed and flagged,
as everywhere else; rows that cannot make a member (no name, a duplicate) are left out, and
the preview says why. A row that comes in but lacks something the Review blocks on (a contact
person, a legal representative, a code that does not check) or a required answer says so too,
judged by the Review's own rules.

A column headed as a whole name ("Nome e cognome", "Full name", "Referente", "Cognome e nome")
fills a person's name and surname: split at the last word (at the first, when the surname
comes first), a surname's particle ("De", "Dal", "van", ...) going with the surname.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.district_file import DistrictFile
from desktop.core.errors import UserError
from desktop.core.number_cells import read_number_cell
from desktop.core.readiness import Finding, Level, findings
from desktop.core.spreadsheet_files import Table, read_table
from i18n import N_, translator
from wizard_steps import step
from wizard_steps.fields import Field, Kind, is_empty
from wizard_steps.kinds import kind_of, normalise

MEMBERS = step("members").field("organizations")

# Extra header names seen in cooperatives' partner lists, beyond the labels of both languages.
ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("denominazione", "ragione sociale", "organizzazione", "nome organizzazione",
             "organization", "organisation", "member", "membro", "ente"),
    "legal_form": ("forma", "tipo"),
    "nature": ("natura", "nature", "natura giuridica", "tipologia"),
    "registered_sea": ("aes", "sea", "iscritto", "iscritta", "disciplinari", "registered"),
    "tax_code": ("codice fiscale", "cf", "tax code", "cf piva", "cf p iva"),
    "vat_number": ("partita iva", "p iva", "piva", "vat", "vat number"),
    "registered_office": ("sede", "indirizzo", "address", "office"),
    "legal_representative": ("rappresentante legale", "legale rappresentante", "presidente"),
    "legal_representative_role": ("carica", "ruolo", "role"),
    "stages": ("fasi", "filiera", "stages"),
    "contact_person.name": ("nome referente", "referente nome", "contact name"),
    "contact_person.surname": ("cognome referente", "referente cognome", "contact surname"),
    "contact_person.email": ("email referente", "email", "e mail", "mail", "posta elettronica",
                             "contact email"),
    "contact_person.phone": ("telefono referente", "telefono", "tel", "cellulare", "phone",
                             "contact phone"),
    "substitute.name": ("nome sostituto", "substitute name"),
    "substitute.surname": ("cognome sostituto", "substitute surname"),
    "substitute.email": ("email sostituto", "substitute email"),
    "substitute.phone": ("telefono sostituto", "substitute phone"),
    # A whole name in one column: split into name and surname (see ``split_full_name``).
    "contact_person.full_name": (
        "nome e cognome", "nome cognome", "nome e cognome referente", "referente nome e cognome",
        "referente", "nominativo", "nominativo referente", "persona di riferimento",
        "full name", "contact person", "contact person full name", "contact"),
    "contact_person.full_name_reversed": (
        "cognome e nome", "cognome nome", "cognome e nome referente", "referente cognome e nome",
        "surname and name", "surname name"),
    "substitute.full_name": ("sostituto", "nome e cognome sostituto", "sostituto nome e cognome",
                             "nominativo sostituto", "substitute", "substitute full name"),
    "substitute.full_name_reversed": ("cognome e nome sostituto", "sostituto cognome e nome"),
}
# The pseudo-parts of a person a whole-name column fills, and whether the surname comes first.
FULL_NAME = Field("full_name", Kind.TEXT, N_("Name and surname"))
FULL_NAME_REVERSED = Field("full_name_reversed", Kind.TEXT, N_("Surname and name"))
SURNAME_FIRST = {FULL_NAME.key: False, FULL_NAME_REVERSED.key: True}
# Words that begin an Italian, Ladin, German or Dutch surname ("De Luca", "Dal Bosco").
SURNAME_PARTICLES = {"de", "del", "della", "dei", "degli", "di", "da", "dal", "dalla", "dalle",
                     "d", "lo", "la", "li", "van", "von", "der", "den", "ten", "zu", "mc", "st"}

HEADER_SEARCH_ROWS = 10
MERGED_ABOVE = N_("{field} is empty here because the cell of line {line} is merged over this "
                  "row: the value is not repeated. Fill it in after the import if it applies.")


def importable_fields() -> list[tuple[str, Field]]:
    """(key, field) for every member field a column can fill; person parts as "person.part",
    and a person's whole name as "person.full_name" (or "person.full_name_reversed")."""
    fields = []
    for declared in MEMBERS.row_fields:
        fields += kind_of(declared).cell_fields()
        if declared.kind is Kind.PERSON:
            fields += [(f"{declared.key}.{whole.key}", whole)
                       for whole in (FULL_NAME, FULL_NAME_REVERSED)]
    return fields


_UNDECLARED = set(ALIASES) - {key for key, _declared in importable_fields()}
if _UNDECLARED:  # an alias of a renamed field would silently stop matching
    raise KeyError(f"header names for undeclared member fields: {sorted(_UNDECLARED)}")


def field_label(key: str, gettext) -> str:
    head, _, sub = key.partition(".")
    declared = MEMBERS.row_field(head)
    if sub in SURNAME_FIRST:
        whole = FULL_NAME if sub == FULL_NAME.key else FULL_NAME_REVERSED
        return f"{gettext(declared.label)}: {gettext(whole.label)}"
    if sub:
        return f"{gettext(declared.label)}: {gettext(declared.row_field(sub).label)}"
    return gettext(declared.label)


@dataclass
class Sheet:
    headers: list[str]
    rows: list[list[str]]
    first_line: int = 2  # the spreadsheet's number of the first row under the header
    number_cells: set[tuple[int, int]] = field(default_factory=set)  # (row, column) in rows
    merged_from: dict[tuple[int, int], int] = field(default_factory=dict)


@dataclass
class Problem:
    msgid: str
    params: dict[str, Any] = field(default_factory=dict)
    blocking: bool = False

    def text(self, gettext) -> str:
        # Field labels and validator messages are msgids too: translated with the sentence;
        # a list of labels is joined, a finding of the Review is its own message.
        params = {k: self._param(k, v, gettext) for k, v in self.params.items()}
        return gettext(self.msgid).format(**params)

    @staticmethod
    def _param(key: str, value: Any, gettext) -> Any:
        if isinstance(value, list):
            return ", ".join(gettext(label) for label in value)
        if isinstance(value, Finding):
            return value.text(gettext)
        return gettext(value) if key in ("field", "problem") else value


@dataclass
class PreparedRow:
    line: int  # as the spreadsheet numbers it (the header is line 1)
    values: dict[str, Any]
    problems: list[Problem]
    # What the member will lack once imported: the Review's blocking findings about it and
    # its required answers still empty. The row comes in all the same.
    missing: list[Problem] = field(default_factory=list)

    @property
    def importable(self) -> bool:
        return not any(p.blocking for p in self.problems)


def read_sheet(path: str | Path) -> Sheet:
    source = Path(path)
    table = read_table(source)
    filled = [index for index, row in enumerate(table.cells) if any(row)]
    if not filled:
        raise UserError(N_("The file {path} has no rows."), path=source)
    last = filled[-1] + 1  # trailing blank lines are not rows
    header = _header_row(table.cells, filled)
    width = max(len(row) for row in table.cells[header:last])
    padded = [row + [""] * (width - len(row)) for row in table.cells[header:last]]
    return Sheet(headers=padded[0], rows=padded[1:], first_line=header + 2,
                 number_cells={(r - header - 1, c) for r, c in table.number_cells
                               if header < r < last},
                 merged_from=_merged_from(table, header, last))


def _header_row(cells: list[list[str]], filled: list[int]) -> int:
    """The row whose cells name the most fields, among the first filled rows (a title or a
    note may stand above the header); the first filled row when none names two."""
    best, best_count = filled[0], 1
    for index in filled[:HEADER_SEARCH_ROWS]:
        count = sum(1 for key in guess_mapping(cells[index]) if key)
        if count > best_count:
            best, best_count = index, count
    return best


def _merged_from(table: Table, header: int, last: int) -> dict[tuple[int, int], int]:
    """Data cells left empty under a cell merged down over them: (row, column) -> the line of
    the merged cell, rows counted as in ``Sheet.rows``."""
    found: dict[tuple[int, int], int] = {}
    for merge in table.merges:
        for r in range(max(merge.row + 1, header + 1), min(merge.row + merge.rows, last)):
            for c in range(merge.column, merge.column + merge.columns):
                found[(r - header - 1, c)] = merge.row + 1
    return found


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
    for row_index, cells in enumerate(sheet.rows):
        index = sheet.first_line + row_index
        problems: list[Problem] = []
        values: dict[str, Any] = {}
        if not any(cells):
            prepared.append(PreparedRow(index, values, [Problem(N_("Empty row."),
                                                                blocking=True)]))
            continue
        for column, key in enumerate(mapping):
            if key and column < len(cells) and cells[column]:
                text = _number_cell(sheet, (row_index, column), key, fields[key], problems)
                values[key] = _convert(fields[key], text, problems)
            elif key and (row_index, column) in sheet.merged_from:
                problems.append(Problem(MERGED_ABOVE, {
                    "field": fields[key].label, "line": sheet.merged_from[(row_index, column)]}))
        _split_full_names(values, problems)
        name = str(values.get("name", "")).strip()
        if not name:
            problems.insert(0, Problem(N_("The name of the organization is missing."),
                                       blocking=True))
        elif normalise(name) in seen:
            problems.insert(0, Problem(N_("“{name}” is already in the member list."),
                                       {"name": name}, blocking=True))
        else:
            seen.add(normalise(name))
        missing = review_gaps(values) if name else []
        prepared.append(PreparedRow(index, values, problems, missing))
    return prepared


def split_full_name(text: str, surname_first: bool = False) -> tuple[str, str]:
    """(name, surname) of a whole name: "Maria Grazia De Luca" -> ("Maria Grazia", "De Luca");
    with ``surname_first``, "De Luca Maria Grazia" -> the same. One word is a name alone."""
    words = text.split()
    if len(words) < 2:
        return text.strip(), ""
    if surname_first:
        cut = 1
        while cut < len(words) - 1 and normalise(words[cut - 1]) in SURNAME_PARTICLES:
            cut += 1
        return " ".join(words[cut:]), " ".join(words[:cut])
    cut = len(words) - 1
    while cut > 1 and normalise(words[cut - 1]) in SURNAME_PARTICLES:
        cut -= 1
    return " ".join(words[:cut]), " ".join(words[cut:])


SPLIT_TO_CHECK = N_("“{value}” was split into name “{name}” and surname “{surname}”: check it "
                    "after the import.")


def _split_full_names(values: dict[str, Any], problems: list[Problem]) -> None:
    """A whole-name column's value as the person's name and surname; a column of its own for
    the name or the surname wins over the split."""
    for key in [k for k in values if k.partition(".")[2] in SURNAME_FIRST]:
        person, _, sub = key.partition(".")
        whole = str(values.pop(key)).strip()
        name, surname = split_full_name(whole, SURNAME_FIRST[sub])
        values.setdefault(f"{person}.name", name)
        if surname:
            values.setdefault(f"{person}.surname", surname)
        if len(whole.split()) > 2:  # three words or more: the cut is a guess worth a look
            problems.append(Problem(SPLIT_TO_CHECK, {"value": whole, "name": name,
                                                     "surname": surname}))


MISSING_FOR_REVIEW = N_("Still missing for the Review: {fields}.")
REVIEW_WILL_BLOCK = N_("The Review will block on this member: {problem}")


def review_gaps(values: dict[str, Any]) -> list[Problem]:
    """What the member made of ``values`` will lack: its required answers still empty, and the
    blocking findings the Review's rules give about it (run on it alone)."""
    member = {**as_member(values), "id": 0}
    blocking = [finding for finding in findings({"members": {MEMBERS.key: [member]}})
                if finding.level is Level.BLOCKING and finding.row == 0]
    # Not named twice: a finding on "legal_representative" covers its role as well.
    said = tuple(finding.field for finding in blocking if finding.field)
    empty = [declared.label for declared in MEMBERS.row_fields
             if declared.required and declared.kind is not Kind.PERSON
             and not declared.key.startswith(said) and is_empty(declared, member.get(declared.key))]
    gaps = [Problem(MISSING_FOR_REVIEW, {"fields": empty})] if empty else []
    return gaps + [Problem(REVIEW_WILL_BLOCK, {"problem": finding}) for finding in blocking]


def _number_cell(sheet: Sheet, cell: tuple[int, int], key: str, declared: Field,
                 problems: list[Problem]) -> str:
    """The cell's text, with what a number cell lost put back where that is provable."""
    text = sheet.rows[cell[0]][cell[1]]
    if cell not in sheet.number_cells:
        return text
    reading = read_number_cell(key, declared, text)
    if reading.message:
        problems.append(Problem(reading.message, {"field": declared.label, "value": text,
                                                  "restored": reading.text}))
    return reading.text


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
