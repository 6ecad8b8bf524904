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

import jsonschema

from desktop import __version__
from desktop.core.district_file import MEMBER_TABLE, DistrictFile
from desktop.core.errors import DocumentError
from desktop.core.signing.status import RECORD_SCHEMA as SIGNATURES_SCHEMA
from desktop.core.signing.status import document_record
from desktop.core.signing.store import current_state
from i18n import N_
from wizard_steps import STEPS
from wizard_steps.fields import Field, Kind

FORMAT = "des-wizard/district"
FORMAT_VERSION = 1
SCHEMA_ID = "https://des-wizard.example.org/schema/district-1.json"


def _value_schema(declared: Field) -> dict[str, Any]:
    if declared.kind is Kind.CHOICE:
        return {"enum": ["", *(c.key for c in declared.choices)]}
    if declared.kind is Kind.MULTI_CHOICE:
        return {"type": "array", "items": {"enum": [c.key for c in declared.choices]},
                "uniqueItems": True}
    if declared.kind is Kind.YES_NO:
        return {"type": ["boolean", "null"]}
    if declared.kind is Kind.INTEGER:
        schema: dict[str, Any] = {"type": ["integer", "null"]}
        if declared.minimum is not None:
            schema["minimum"] = declared.minimum
        if declared.maximum is not None:
            schema["maximum"] = declared.maximum
        return schema
    if declared.kind is Kind.DATE:
        # Empty, or an ISO date: the pattern keeps the document language-neutral.
        return {"type": "string", "pattern": r"^(\d{4}-\d{2}-\d{2})?$"}
    if declared.kind is Kind.MEMBER:
        return {"type": ["integer", "null"]}
    if declared.kind is Kind.MONEY:
        return {"type": ["integer", "null"], "description": "euro cents"}
    if declared.kind is Kind.FORECAST:
        return _forecast_schema()
    if declared.kind is Kind.MEMBERS:
        return {"type": "array", "items": {"type": "integer"}, "uniqueItems": True}
    if declared.kind is Kind.MEMBER_ROLES:
        return {"type": "array", "items": {
            "type": "object", "required": ["member"], "additionalProperties": False,
            "properties": {"member": {"type": "integer"}, "role": {"type": "string"}}}}
    if declared.kind in (Kind.PERSON, Kind.TABLE):
        item = _object_schema(declared.row_fields)
        if declared.kind is Kind.PERSON:
            return item
        if declared.table == MEMBER_TABLE:
            # Members carry their id: every other step refers to them by it.
            item["properties"]["id"] = {"type": "integer", "minimum": 1}
        return {"type": "array", "items": item}
    # Text, emails and phone numbers: a wrong email is kept and flagged, never refused.
    return {"type": "string"}


def _forecast_schema() -> dict[str, Any]:
    """{"income"|"expenses": {category: {"2027": cents}}}: typed cells of the forecast grid."""
    from wizard_steps.financial_plan import EXPENSE_CATEGORIES, INCOME_CATEGORIES

    def side(categories: tuple) -> dict[str, Any]:
        return {"type": "object", "propertyNames": {"enum": [c.key for c in categories]},
                "additionalProperties": {
                    "type": "object", "propertyNames": {"pattern": r"^\d{4}$"},
                    "additionalProperties": {"type": "integer"}}}

    return {"type": "object", "additionalProperties": False,
            "properties": {"income": side(INCOME_CATEGORIES),
                           "expenses": side(EXPENSE_CATEGORIES)}}


def _object_schema(fields: tuple[Field, ...]) -> dict[str, Any]:
    properties = {}
    for declared in fields:
        schema = _value_schema(declared)
        schema["title"] = declared.label
        properties[declared.key] = schema
    return {"type": "object", "properties": properties, "additionalProperties": False}


def schema() -> dict[str, Any]:
    properties: dict[str, Any] = {
        "format": {"const": FORMAT},
        "format_version": {"const": FORMAT_VERSION},
        "generator": {"type": "string"},
        "acknowledgements": {
            "type": "object", "title": "Accepted warnings: rule id -> the group's reason",
            "propertyNames": {"pattern": "^[A-Z][0-9]{1,2}$"},
            "additionalProperties": {"type": "string"}},
    }
    for step in STEPS:
        properties[step.key] = _object_schema(step.fields) | {"title": step.title}
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
    if declared.kind is Kind.MEMBER:
        return [value] if isinstance(value, int) else []
    if declared.kind is Kind.MEMBERS:
        return [v for v in value or [] if isinstance(v, int)]
    if declared.kind is Kind.MEMBER_ROLES:
        return [item.get("member") for item in value or [] if isinstance(item.get("member"), int)]
    if declared.kind is Kind.PERSON:
        return [ref for sub in declared.row_fields for ref in references(sub, (value or {}).get(
            sub.key))]
    return []


def without_missing_members(declared: Field, value: Any, members: set[int]) -> Any:
    """The value with references to removed members left out."""
    if declared.kind is Kind.MEMBER:
        return value if value in members else None
    if declared.kind is Kind.MEMBERS:
        return [v for v in value or [] if v in members]
    if declared.kind is Kind.MEMBER_ROLES:
        return [item for item in value or [] if item.get("member") in members]
    if declared.kind is Kind.PERSON:
        return {sub.key: without_missing_members(sub, (value or {}).get(sub.key), members)
                for sub in declared.row_fields}
    return value


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
    validator = jsonschema.Draft202012Validator(schema())
    error = jsonschema.exceptions.best_match(validator.iter_errors(document))
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
        text = source.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DocumentError(N_("The file {path} does not exist."), path=source) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise DocumentError(N_("The file {path} cannot be read."), path=source) from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise DocumentError(
            N_("The file {path} is not valid JSON (line {line}, column {column})."),
            path=source, line=exc.lineno, column=exc.colno,
        ) from exc


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
    for rule, reason in (document.get("acknowledgements") or {}).items():
        district.acknowledge(rule, reason)
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
