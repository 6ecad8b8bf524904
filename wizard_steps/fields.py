"""The vocabulary of step declarations: what a field, a choice and a step are.

A step declares its fields once (see ``wizard_steps/district.py``); the page, the district file,
the JSON document and its schema, and the agreement all walk the same declarations. Labels, help
texts and validator messages are msgids marked with ``N_()`` and translated where they are shown.
What a value of each kind is and does lives in ``wizard_steps/kinds.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from i18n import N_
from wizard_steps.kinds import GENERIC_ROWS, Kind, kind_of

Validator = Callable[[Any], str | None]


@dataclass(frozen=True)
class Choice:
    key: str
    label: str
    # Other names a spreadsheet cell may give it (earlier labels, common shorthand); never shown.
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Field:
    key: str
    kind: Kind
    label: str
    help: str = ""
    required: bool = False
    choices: tuple[Choice, ...] = ()
    validators: tuple[Validator, ...] = ()
    # Shown (and required) only while another field of the same group has this value,
    # or hidden while it has that value.
    visible_when: tuple[str, Any] | None = None
    hidden_when: tuple[str, Any] | None = None
    minimum: int | None = None
    maximum: int | None = None
    row_fields: tuple[Field, ...] = ()
    # For tables: the row field that names a row in lists and messages.
    title_key: str = ""
    # For tables: the SQLite table that holds the rows ("rows" keeps them as JSON objects).
    table: str = GENERIC_ROWS
    item_label: str = ""  # for tables: what one row is called ("Member")
    placeholder: str = ""

    def choice_label(self, key: str) -> str:
        """The msgid of a choice's label, or the stored key itself if it is not a known choice."""
        for choice in self.choices:
            if choice.key == key:
                return choice.label
        return key

    def row_field(self, key: str) -> Field:
        for row_field in self.row_fields:
            if row_field.key == key:
                return row_field
        raise KeyError(key)


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    help: str
    fields: tuple[Field, ...] = field(default_factory=tuple)

    def field(self, key: str) -> Field:
        for candidate in self.fields:
            if candidate.key == key:
                return candidate
        raise KeyError(key)


def empty_value(declared: Field) -> Any:
    """The value of a field nobody has filled in yet."""
    return kind_of(declared).empty()


def is_empty(declared: Field, value: Any) -> bool:
    return kind_of(declared).is_empty(value)


def is_visible(declared: Field, values: dict[str, Any]) -> bool:
    if declared.hidden_when is not None:
        other, unwanted = declared.hidden_when
        if values.get(other) == unwanted:
            return False
    if declared.visible_when is None:
        return True
    other, wanted = declared.visible_when
    return values.get(other) == wanted


def problems_of(declared: Field, value: Any) -> list[str]:
    """The validator messages (msgids) for a value; an empty field is not a problem here."""
    return kind_of(declared).problems(value)


# --- validators ---------------------------------------------------------------------------

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
_PHONE_CHARS = re.compile(r"^\+?[\d\s().\-/]+$")


def valid_email(value: Any) -> str | None:
    if _EMAIL.match(str(value).strip()):
        return None
    return N_("This does not look like an email address (for example name@cooperativa.it).")


def valid_phone(value: Any) -> str | None:
    text = str(value).strip()
    digits = sum(map(str.isdigit, text))
    if not _PHONE_CHARS.match(text):
        return N_("A phone number may contain only digits, spaces, a + at the start and the "
                  "signs ( ) - . /.")
    if digits < 6 or digits > 15:
        return N_("A phone number has between 6 and 15 digits.")
    return None


def email_field(key: str = "email", label: str = N_("Email"), required: bool = True) -> Field:
    return Field(key, Kind.EMAIL, label, required=required, validators=(valid_email,),
                 placeholder="nome@esempio.it")


def phone_field(key: str = "phone", label: str = N_("Phone"), required: bool = True) -> Field:
    return Field(key, Kind.PHONE, label, required=required, validators=(valid_phone,),
                 placeholder="+39 0461 000000")


_TIME = re.compile(r"^([01]?\d|2[0-3])[:.][0-5]\d$")


def valid_time(value: Any) -> str | None:
    if _TIME.match(str(value).strip()):
        return None
    return N_("Write the time as hours and minutes, for example 18:30.")


def person_fields(required: bool, with_member: bool = False) -> tuple[Field, ...]:
    fields: tuple[Field, ...] = (
        Field("name", Kind.TEXT, N_("Name"), required=required),
        Field("surname", Kind.TEXT, N_("Surname"), required=required),
        email_field(required=required),
        phone_field(required=required),
    )
    if with_member:
        fields += (Field("member", Kind.MEMBER, N_("Member organization"), required=required),)
    return fields
