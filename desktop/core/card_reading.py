"""Returned member cards: read the form fields (pypdf), find the member by the hidden card id,
check every value with the declared validators, and compare it with what the district holds.
Nothing is written until ``apply_review``; each member is written in one transaction and
``undo_review`` puts back what was there before."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from desktop.core.display import display_value
from desktop.core.district_file import DistrictFile
from desktop.core.errors import UserError
from desktop.core.member_cards import (
    CARD_ID_FIELD,
    FIELD_PREFIX,
    MEMBERS,
    NO_CHOICE,
    card_fields,
    parse_card_id,
)
from desktop.core.member_import import as_member, field_label
from desktop.core.number_cells import TAX_NUMBER_KEYS, tax_number_problem
from i18n import N_
from wizard_steps.fields import Field, Kind, problems_of

Gettext = Callable[[str], str]


@dataclass
class CardValue:
    key: str  # "field" or "person.part"
    declared: Field
    current: Any
    proposed: Any
    problems: list[str] = field(default_factory=list)  # msgids, shown after the field's label

    @property
    def changed(self) -> bool:
        return _comparable(self.declared, self.current) != _comparable(self.declared,
                                                                       self.proposed)


@dataclass
class CardReview:
    path: Path
    member_id: int | None  # None: a blank card, a new member
    member_name: str
    values: list[CardValue]

    @property
    def changes(self) -> list[CardValue]:
        return [value for value in self.values if value.changed]

    @property
    def has_problems(self) -> bool:
        return any(value.problems for value in self.values)


@dataclass
class Applied:
    """What ``apply_review`` wrote, enough to undo it."""
    member_id: int
    previous: dict[str, Any] | None  # None: the member was added by the card


def _comparable(declared: Field, value: Any) -> Any:
    if declared.kind is Kind.MULTI_CHOICE:
        return sorted(value or [])
    if declared.kind is Kind.YES_NO:
        return bool(value)
    return "" if value is None else str(value).strip()


def _form_fields(path: Path) -> tuple[dict[str, Any], str]:
    """The form's values by name, and the document's subject and first page's text (where
    the card id also is)."""
    with path.open("rb") as start:
        if b"%PDF-" not in start.read(1024):
            raise UserError(N_("{path} is not a PDF file."), path=path.name)
    pypdf_log = logging.getLogger("pypdf")
    level = pypdf_log.level
    pypdf_log.setLevel(logging.CRITICAL)  # a damaged file gets our message, not pypdf's
    try:
        reader = PdfReader(path)
        fields = reader.get_fields() or {}
        subject = str(reader.metadata.get("/Subject") or "") if reader.metadata else ""
        if reader.pages:
            subject += "\n" + (reader.pages[0].extract_text() or "")
    except (PdfReadError, OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise UserError(N_("{path} cannot be read: the PDF file is damaged."),
                        path=path.name) from exc
    finally:
        pypdf_log.setLevel(level)
    return {name: entry.get("/V") for name, entry in fields.items()}, subject


def _identify(path: Path, fields: dict[str, Any], subject: str,
              district: DistrictFile) -> int | None:
    identity = parse_card_id(str(fields.get(CARD_ID_FIELD) or "")) or next(
        (found for line in subject.splitlines() if (found := parse_card_id(line))), None)
    if identity is None:
        raise UserError(N_("{path} is not a member card of DES Wizard."), path=path.name)
    district_id, member_id, _lang = identity
    if district_id != district.district_id():
        raise UserError(N_("{path} is a member card of another district: it cannot be read "
                           "into this one."), path=path.name)
    if CARD_ID_FIELD not in fields or not any(name.startswith(FIELD_PREFIX) for name in fields):
        raise UserError(N_("{path} is a member card whose form was flattened (printed to PDF "
                           "or saved without its fields): its answers cannot be read. Ask the "
                           "member to fill in the card in a PDF reader and save it as it is."),
                        path=path.name)
    if member_id is not None and member_id not in district.member_names():
        raise UserError(N_("{path} is the card of a member that is no longer in the district."),
                        path=path.name)
    return member_id


def _read_value(declared: Field, name: str, fields: dict[str, Any],
                problems: list[str]) -> Any:
    if declared.kind is Kind.YES_NO:
        return str(fields.get(name) or "/Off") not in ("/Off", "Off", "")
    if declared.kind is Kind.MULTI_CHOICE:
        return [choice.key for choice in declared.choices
                if str(fields.get(f"{name}.{choice.key}") or "/Off") not in ("/Off", "Off", "")]
    raw = fields.get(name)
    text = "" if raw is None else str(raw).strip()
    if declared.kind is Kind.CHOICE:
        if text in ("", NO_CHOICE):
            return ""
        if text not in {choice.key for choice in declared.choices}:
            problems.append(N_("The card holds a value that is not one of the choices."))
            return ""
        return text
    if declared.kind is Kind.INTEGER:
        if not text:
            return None
        try:
            number = int(text.replace(".", "").replace(" ", ""))
        except ValueError:
            problems.append(N_("Write a whole number."))
            return None
        return number
    return text


def _current(member: dict[str, Any], key: str) -> Any:
    head, _, sub = key.partition(".")
    value = member.get(head)
    if sub:
        value = (value or {}).get(sub)
    return value


def review_card(district: DistrictFile, path: str | os.PathLike[str]) -> CardReview:
    """A returned card compared with the district; a UserError when it is no card of it."""
    source = Path(path)
    if not source.is_file():
        raise UserError(N_("The file {path} does not exist."), path=source)
    fields, subject = _form_fields(source)
    member_id = _identify(source, fields, subject, district)
    member = district.row(MEMBERS.key, member_id) if member_id else {}
    values: list[CardValue] = []
    for key, declared in card_fields():
        problems: list[str] = []
        proposed = _read_value(declared, FIELD_PREFIX + key, fields, problems)
        problems += problems_of(declared, proposed)
        value = CardValue(key, declared, _current(member, key), proposed, problems)
        # Check digits of a tax number the card changes, unless its field declares a check.
        if key in TAX_NUMBER_KEYS and not declared.validators and value.changed \
                and (wrong := tax_number_problem(str(proposed))):
            problems.append(wrong)
        values.append(value)
    name = next((str(v.proposed) for v in values if v.key == "name"), "")
    if member_id is None and not name:
        values[0].problems.append(N_("The name of the organization is missing."))
    return CardReview(source, member_id, str(member.get("name") or name), values)


def show(value: CardValue, proposed: bool, gettext: Gettext, lang: str) -> str:
    shown = value.proposed if proposed else value.current
    if value.declared.kind is Kind.INTEGER and shown is not None:
        return str(shown)
    return display_value(value.declared, shown, {}, gettext, lang)


def problem_text(value: CardValue, message: str, gettext: Gettext) -> str:
    return f"{field_label(value.key, gettext)}: {gettext(message)}"


def apply_review(district: DistrictFile, review: CardReview,
                 keys: set[str] | None = None) -> Applied | None:
    """Write the accepted changes (all changed values without problems when ``keys`` is None)
    of one card, in one transaction; None when there was nothing to write."""
    chosen = [value for value in review.changes
              if (value.key in keys if keys is not None else not value.problems)]
    if review.member_id is None:
        accepted = {value.key: value.proposed for value in review.values
                    if (value.key in keys if keys is not None else not value.problems)}
        if not accepted.get("name"):
            return None
        return Applied(district.add_row(MEMBERS.key, as_member(accepted)), None)
    if not chosen:
        return None
    previous = {value.key: value.current for value in chosen}
    district.set_member_values(review.member_id, {v.key: v.proposed for v in chosen})
    return Applied(review.member_id, previous)


def undo_review(district: DistrictFile, applied: Applied) -> None:
    if applied.previous is None:
        district.remove_row(MEMBERS.key, applied.member_id)
    else:
        district.set_member_values(applied.member_id, applied.previous)
