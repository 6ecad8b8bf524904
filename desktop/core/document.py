"""The district as one JSON document, and the JSON Schema (draft 2020-12) that describes it.

Both are walked from the step declarations, so a new field travels without further code:
``{"format": ..., "format_version": 1, "<step>": {"<field>": value, ...}, ...}``.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from desktop import __version__
from desktop.core.district_file import MEMBER_TABLE, DistrictFile
from desktop.core.errors import DocumentError
from desktop.core.readiness import acceptances
from desktop.core.signing.status import RECORD_SCHEMA as SIGNATURES_SCHEMA
from desktop.core.signing.status import document_record
from desktop.core.signing.store import current_state
from i18n import N_
from wizard_steps import STEPS
from wizard_steps.fields import Field, Kind, empty_value
from wizard_steps.kinds import FieldKind, kind_of, object_schema
from wizard_steps.years import AFTER_SIGNING, YEAR

FORMAT = "des-wizard/district"
FORMAT_VERSION = 1
SCHEMA_ID = "https://des-wizard.example.org/schema/district-1.json"


YEARS = "years"  # the document's key for the years after signing, by year ("2027")
RULE_ID_PATTERN = "^[A-Z][0-9]{1,2}$"
# A JSON escape of a UTF-16 surrogate, \uD800 to \uDFFF: a pair is fine, a lone one is no text.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _acknowledgements_schema() -> dict[str, Any]:
    """Accepted warnings, one finding each; documents written before that give rule -> reason."""
    per_finding = {
        "type": "array", "title": "Accepted warnings, one finding each",
        "items": {
            "type": "object", "required": ["rule", "reason"], "additionalProperties": False,
            "properties": {
                "rule": {"type": "string", "pattern": RULE_ID_PATTERN},
                "row": {"type": ["integer", "null"],
                        "description": "the member id, or the position in its list (from 0), "
                                       "of the row the finding is about; null or absent: the "
                                       "whole rule"},
                "reason": {"type": "string"}}}}
    per_rule = {
        "type": "object", "title": "Accepted warnings of earlier documents: rule id -> reason",
        "propertyNames": {"pattern": RULE_ID_PATTERN},
        "additionalProperties": {"type": "string"}}
    return {"title": "Warnings the group accepts, with its reason",
            "anyOf": [per_finding, per_rule]}


def schema() -> dict[str, Any]:
    properties: dict[str, Any] = {
        "format": {"const": FORMAT},
        "format_version": {"const": FORMAT_VERSION},
        "generator": {"type": "string"},
        "acknowledgements": _acknowledgements_schema(),
    }
    for step in STEPS:
        properties[step.key] = object_schema(step.fields) | {"title": step.title}
    properties[AFTER_SIGNING.key] = object_schema(AFTER_SIGNING.fields) | {
        "title": AFTER_SIGNING.title}
    properties[YEARS] = {
        "type": "object", "title": "The district's years after signing, by year",
        "propertyNames": {"pattern": "^[0-9]{4}$"},
        "additionalProperties": object_schema(YEAR.fields) | {"title": YEAR.title}}
    properties["signatures"] = SIGNATURES_SCHEMA
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Solidarity Economy District (DES Wizard)",
        "type": "object",
        "properties": properties,
        "required": ["format", "format_version"],
        "additionalProperties": False,
    }


def references(declared: Field, value: Any) -> list[int]:
    """The member ids a value refers to."""
    return kind_of(declared).references(value)


def without_missing_members(declared: Field, value: Any, members: set[int]) -> Any:
    """The value with references to removed members left out."""
    return kind_of(declared).without_missing_members(value, members)


def to_document(district: DistrictFile) -> dict[str, Any]:
    answers = district.answers()
    members = set(district.member_names())
    document: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "generator": f"DES Wizard {__version__}",
    }
    for step in STEPS:
        section: dict[str, Any] = {}
        for declared in step.fields:
            if declared.kind is Kind.TABLE:
                section[declared.key] = _table_rows(district, declared, members)
            else:
                section[declared.key] = without_missing_members(
                    declared, answers[declared.key], members)
        document[step.key] = section
    document["acknowledgements"] = district.acknowledgements()
    _add_years(district, document, answers, members)
    document["signatures"] = document_record(current_state(district, document))
    return document


def _refers_to_members(declared: Field) -> bool:
    """Whether a value of this field can name a member (and so lose a removed one)."""
    if declared.kind is Kind.PERSON:
        return any(_refers_to_members(part) for part in declared.row_fields)
    return type(kind_of(declared)).without_missing_members is not \
        FieldKind.without_missing_members


def _table_rows(district: DistrictFile, declared: Field, members: set[int]
                ) -> list[dict[str, Any]]:
    """A list's rows as the document has them. The file gives every row complete, in the
    declared order, a person with all its parts, and made for this call: only the columns
    that can name a member are filtered, in place (a thousand members have 25,000 cells; a
    tenth of a second went on copying them), and a row keeps its id only in the members'
    list."""
    referring = [f for f in declared.row_fields if _refers_to_members(f)]
    with_id = declared.table == MEMBER_TABLE
    rows = district.rows(declared.key)
    for row in rows:
        if not with_id:
            del row["id"]
        for field in referring:
            row[field.key] = without_missing_members(field, row[field.key], members)
    return rows


def _section_of(fields: tuple[Field, ...], values: dict[str, Any], members: set[int]
                ) -> dict[str, Any]:
    section: dict[str, Any] = {}
    for declared in fields:
        value = values[declared.key]
        if declared.kind is Kind.TABLE:
            section[declared.key] = [
                {f.key: without_missing_members(f, row.get(f.key, empty_value(f)), members)
                 for f in declared.row_fields} for row in value or []]
        else:
            section[declared.key] = without_missing_members(declared, value, members)
    return section


def _add_years(district: DistrictFile, document: dict[str, Any], answers: dict[str, Any],
               members: set[int]) -> None:
    """The agreement's life after signing; absent for a district that has none, so that the
    document of a district not yet signed is what it was before the years existed."""
    after = _section_of(AFTER_SIGNING.fields, answers, members)
    years = {str(year): _section_of(YEAR.fields, district.year_record(year), members)
             for year in district.year_numbers()}
    if years or any(value for value in after.values()):
        document[AFTER_SIGNING.key] = after
        document[YEARS] = years


def validate(document: Any) -> None:
    # jsonschema (and attrs, referencing, rpds) costs about 120 ms and 8 MiB: loaded when a
    # document is validated, never when the window opens.
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema())
    # One walk for a valid document; the errors are gathered (a second walk) only to report.
    valid = validator.is_valid(document)
    error = None if valid else jsonschema.exceptions.best_match(validator.iter_errors(document))
    if error is not None:
        where = "/".join(str(part) for part in error.absolute_path) or "/"
        raise DocumentError(
            N_("The JSON document does not describe a district (at {where}): {reason}"),
            where=where, reason=error.message,
        )
    _check_member_references(document)


def _sections(document: dict[str, Any]) -> list[tuple[tuple[Field, ...], dict[str, Any]]]:
    """Every section of the document with its declared fields: the steps, then the years."""
    found = [(step.fields, document.get(step.key, {})) for step in STEPS]
    found.append((AFTER_SIGNING.fields, document.get(AFTER_SIGNING.key, {})))
    found += [(YEAR.fields, record) for record in document.get(YEARS, {}).values()]
    return found


def _names_members(declared: Field) -> bool:
    """Whether a value of this field can name a member (an id for ``references``)."""
    if declared.kind is Kind.PERSON:
        return any(_names_members(part) for part in declared.row_fields)
    return type(kind_of(declared)).references is not FieldKind.references


def _check_member_references(document: dict[str, Any]) -> None:
    ids: list[int] = []
    for step in STEPS:
        for declared in step.fields:
            if declared.kind is Kind.TABLE and declared.table == MEMBER_TABLE:
                ids += [row["id"] for row in document.get(step.key, {}).get(declared.key, [])
                        if "id" in row]
    if len(ids) != len(set(ids)):
        raise DocumentError(N_("Two members of the JSON document have the same id."))
    known = set(ids)
    for fields, section in _sections(document):
        for declared in fields:
            value = section.get(declared.key)
            # Only the fields that can name a member are walked: a thousand members have
            # 25,000 values, a few hundred of which are references.
            if declared.kind is Kind.TABLE:
                naming = [f for f in declared.row_fields if _names_members(f)]
                values = [(f, row.get(f.key)) for row in value or [] for f in naming]
            else:
                values = [(declared, value)] if _names_members(declared) else []
            for field, item in values:
                for ref in references(field, item):
                    if ref not in known:
                        raise DocumentError(
                            N_("The JSON document refers to member {id} in “{field}”, but no "
                               "member has that id."), id=ref, field=field.label)


def load_json(path: str | os.PathLike[str]) -> Any:
    source = Path(path)
    try:
        text = source.read_text(encoding="utf-8-sig")  # a BOM, as Windows tools write, is fine
    except FileNotFoundError as exc:
        raise DocumentError(N_("The file {path} does not exist."), path=source) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise DocumentError(N_("The file {path} cannot be read."), path=source) from exc
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DocumentError(
            N_("The file {path} is not valid JSON (line {line}, column {column})."),
            path=source, line=exc.lineno, column=exc.colno,
        ) from exc
    except RecursionError as exc:
        raise DocumentError(N_("The file {path} is nested too deeply to be a district "
                               "document."), path=source) from exc
    # "\ud800" is valid JSON but no text: it could not be stored. Read from UTF-8, the text
    # can hold such a character only as an escape, so a text without one is not walked again.
    if _SURROGATE_ESCAPE.search(text) is None:
        return document
    try:
        json.dumps(document, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:
        raise DocumentError(N_("The file {path} contains an escaped character that is not "
                               "text (a lone surrogate, U+{code:04X})."), path=source,
                            code=ord(exc.object[exc.start])) from exc
    return document


def from_document(document: Any, path: str | os.PathLike[str]) -> DistrictFile:
    """A new district file holding the document; nothing is left on disk if anything fails."""
    validate(document)
    target = Path(path)
    if target.exists():
        raise DocumentError(N_("The file {path} already exists."), path=target)
    # Filled under a temporary name and renamed at the end, so a failure leaves nothing.
    folder = target.parent if target.parent.is_dir() else Path(".")
    temporary = Path(tempfile.mkdtemp(dir=folder)) / target.name
    try:
        district = DistrictFile.create(temporary)
        with district.batch():  # a new file under a temporary name: one sync for all of it
            fill(district, document)
        district.close()
        if target.exists():
            raise DocumentError(N_("The file {path} already exists."), path=target)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
        temporary.parent.rmdir()
    return DistrictFile.open(target)


def fill(district: DistrictFile, document: dict[str, Any]) -> None:
    for accepted in acceptances(document):
        district.acknowledge(accepted["rule"], accepted["reason"], accepted["row"])
    for step in STEPS:
        section = document.get(step.key, {})
        for declared in step.fields:
            if declared.key not in section:
                continue
            if declared.kind is Kind.TABLE:
                district.add_rows(declared.key, section[declared.key])
            else:
                district.set_answer(declared.key, section[declared.key])
    for declared in AFTER_SIGNING.fields:
        if declared.key in document.get(AFTER_SIGNING.key, {}):
            district.set_answer(declared.key, document[AFTER_SIGNING.key][declared.key])
    for year, record in document.get(YEARS, {}).items():
        for key, value in record.items():
            district.set_year_value(int(year), key, value)


def write_json(document: Any, path: str | os.PathLike[str]) -> None:
    target = Path(path)
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    handle, temporary = tempfile.mkstemp(suffix=".json-new", dir=target.parent or ".")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(temporary, target)
