"""The district as one JSON document, and the JSON Schema (draft 2020-12) that describes it.

Both are walked from the step declarations, so a new field travels without further code:
``{"format": ..., "format_version": 1, "<step>": {"<field>": value, ...}, ...}``.
"""

from __future__ import annotations

import json
import os
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
from wizard_steps.fields import Field, Kind
from wizard_steps.kinds import kind_of, object_schema

FORMAT = "des-wizard/district"
FORMAT_VERSION = 1
SCHEMA_ID = "https://des-wizard.example.org/schema/district-1.json"


RULE_ID_PATTERN = "^[A-Z][0-9]{1,2}$"


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
                rows = []
                for row in district.rows(declared.key):
                    item = {"id": row["id"]} if declared.table == MEMBER_TABLE else {}
                    item.update({f.key: without_missing_members(f, row[f.key], members)
                                 for f in declared.row_fields})
                    rows.append(item)
                section[declared.key] = rows
            else:
                section[declared.key] = without_missing_members(
                    declared, answers[declared.key], members)
        document[step.key] = section
    document["acknowledgements"] = district.acknowledgements()
    document["signatures"] = document_record(current_state(district, document))
    return document


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
    for step in STEPS:
        section = document.get(step.key, {})
        for declared in step.fields:
            value = section.get(declared.key)
            values = [(f, row.get(f.key)) for row in value or [] for f in declared.row_fields
                      ] if declared.kind is Kind.TABLE else [(declared, value)]
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
    try:  # "\ud800" is valid JSON but no text: it could not be stored
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
                for row in section[declared.key]:
                    values = {k: v for k, v in row.items() if k != "id"}
                    district.add_row(declared.key, values, row_id=row.get("id"))
            else:
                district.set_answer(declared.key, section[declared.key])


def write_json(document: Any, path: str | os.PathLike[str]) -> None:
    target = Path(path)
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    handle, temporary = tempfile.mkstemp(suffix=".json-new", dir=target.parent or ".")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(temporary, target)
