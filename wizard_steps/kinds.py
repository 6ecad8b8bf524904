"""One class per kind of field: everything the program knows about a value of that kind.

A kind says what an unanswered field holds, when a value counts as empty, how a value sits in a
column of the district file, its JSON Schema, how it reads in words, how a spreadsheet cell
becomes one, which members it names, and a sample value for tests. Everything that handles
values asks ``kind_of(field)`` instead of testing the kind; the Qt editor of each kind is
registered beside the widgets (``wizard_steps/widgets/editors.py``), so this module stays
free of Qt. A new kind is a member of ``Kind`` and one class registered with ``@kind``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from i18n import N_, translator
from i18n.formats import MAX_CENTS, format_money, medium_date, parse_iso_date

if TYPE_CHECKING:
    from wizard_steps.fields import Field


class Kind(StrEnum):
    TEXT = "text"
    LONG_TEXT = "long_text"
    CHOICE = "choice"
    MULTI_CHOICE = "multi_choice"
    YES_NO = "yes_no"
    DATE = "date"
    INTEGER = "integer"
    EMAIL = "email"
    PHONE = "phone"
    TIME = "time"  # "HH:MM", typed
    MONEY = "money"  # whole cents (an int), typed and shown in the language's format
    FORECAST = "forecast"  # the income and expense grid of the financial plan
    MEMBER = "member"  # one member organization, stored by its id
    MEMBERS = "members"  # several member organizations, a list of ids
    MEMBER_ROLES = "member_roles"  # members involved, each with its role: [{member, role}]
    PERSON = "person"  # a group of fields (name, surname, email, phone...) kept together
    TABLE = "table"  # a list of rows, each row declared by ``row_fields``


GENERIC_ROWS = "rows"  # the table that keeps a list's rows as JSON objects
Gettext = Callable[[str], str]
Schema = dict[str, Any]
CellNote = tuple[str, dict[str, Any]]  # a msgid about an imported cell, and its parameters

NOT_A_CHOICE = N_("“{value}” is not one of the choices for “{field}”: the field is left empty.")
NEITHER_YES_NOR_NO = N_("“{value}” is neither yes nor no: the field is left empty.")
IMPORTED_AS_WRITTEN = N_("{field}: {problem} It is imported as written.")
TRUE_WORDS = {"si", "sì", "yes", "y", "s", "x", "true", "vero", "1"}
FALSE_WORDS = {"no", "n", "false", "falso", "0"}
SAMPLE_TEXTS = ("Coop <Alfa> & \"Beta\"", "Comun General de Fascia", "Spółdzielnia Łódź")


def normalise(text: str) -> str:
    """Lower case, no accents, words separated by single spaces: for matching what people type."""
    text = unicodedata.normalize("NFKD", str(text).lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


class FieldKind:
    """A plain text: the behaviour every other kind starts from."""

    column_type: type = str  # the SQLite column of a table with a column per field
    kept_apart = False  # stored in a table of its own (contact persons), not in a column
    importable = True  # a spreadsheet column can fill it
    names_a_row = True  # can serve as the title of a row in lists and messages

    def __init__(self, declared: Field) -> None:
        self.declared = declared

    def empty(self) -> Any:
        return ""

    def is_empty(self, value: Any) -> bool:
        if value is None:
            return True
        if isinstance(value, str):
            return not value.strip()
        if isinstance(value, list):
            return not value
        return False

    def problems(self, value: Any) -> list[str]:
        """The validators' messages (msgids); an empty value is not a problem here."""
        if self.is_empty(value):
            return []
        return [message for check in self.declared.validators if (message := check(value))]

    def encode(self, value: Any) -> Any:
        """The value as its column of the district file holds it."""
        return "" if value is None else str(value)

    def decode(self, raw: Any) -> Any:
        return self.empty() if raw is None else self.from_column(raw)

    def from_column(self, raw: Any) -> Any:
        return str(raw)

    def schema(self) -> Schema:
        # Text, emails and phone numbers: a wrong email is kept and flagged, never refused.
        return {"type": "string"}

    def display(self, value: Any, _words: Wording) -> str:
        """A non-empty value in words, in the language of ``words``."""
        return str(value)

    def from_cell(self, text: str) -> tuple[Any, list[CellNote]]:
        """The value a spreadsheet cell holds, and what to tell the user about it."""
        notes = [(IMPORTED_AS_WRITTEN, {"field": self.declared.label, "problem": message})
                 for message in self.problems(text)]
        return text, notes

    def cell_fields(self) -> list[tuple[str, Field]]:
        """(key, field) for each part a spreadsheet column can fill."""
        return [(self.declared.key, self.declared)] if self.importable else []

    def references(self, _value: Any) -> list[int]:
        """The member ids the value names."""
        return []

    def without_missing_members(self, value: Any, _members: set[int]) -> Any:
        """The value without the ids of members that are no longer in the list."""
        return value

    def sample(self, variant: int) -> Any:
        """A valid, non-empty value, different for each ``variant``: for tests."""
        return SAMPLE_TEXTS[variant % len(SAMPLE_TEXTS)]


KINDS: dict[Kind, type[FieldKind]] = {}


def kind(name: Kind) -> Callable[[type[FieldKind]], type[FieldKind]]:
    """Register the class of a kind."""
    def register(cls: type[FieldKind]) -> type[FieldKind]:
        KINDS[name] = cls
        return cls
    return register


def kind_of(declared: Field) -> FieldKind:
    """The field's kind, bound to the field."""
    return KINDS[declared.kind](declared)


def stored_as_read(declared: Field) -> bool:
    """Whether the field's column holds its value exactly as it is read: a text column whose
    kind reads a cell as the text it holds and NULL as "" (``FieldKind.decode``). Readers of
    many rows take such cells as they come (NULL turned into "" by SQLite) instead of calling
    ``decode`` for each of them: a thousand members have 20,000 such cells."""
    behaviour = type(kind_of(declared))
    return (behaviour.column_type is str and behaviour.decode is FieldKind.decode
            and behaviour.from_column is FieldKind.from_column
            and behaviour.empty is FieldKind.empty)


@dataclass(frozen=True)
class Wording:
    """What writing values in words needs: the members' names, the language, its catalog."""

    members: dict[int, str]
    gettext: Gettext
    lang: str


def display_value(declared: Field, value: Any, members: dict[int, str], gettext: Gettext,
                  lang: str) -> str:
    """``value`` in words, in ``lang`` ("" when empty); member ids become the members' names."""
    return in_words(declared, value, Wording(members, gettext, lang))


def in_words(declared: Field, value: Any, words: Wording) -> str:
    behaviour = kind_of(declared)
    return "" if behaviour.is_empty(value) else behaviour.display(value, words)


def object_schema(fields: tuple[Field, ...]) -> Schema:
    properties = {}
    for declared in fields:
        schema = kind_of(declared).schema()
        schema["title"] = declared.label
        properties[declared.key] = schema
    return {"type": "object", "properties": properties, "additionalProperties": False}


def choice_key(declared: Field, text: str) -> str | None:
    """The choice a cell names: its label in either language, its key, one of its
    aliases, or the start of one of those ("ente del terzo" for "Ente del Terzo settore")."""
    wanted = normalise(text)
    spellings = {
        choice.key: {normalise(choice.key)} | {
            normalise(translator(lang).gettext(choice.label)) for lang in ("it", "en")} | {
            normalise(alias) for alias in choice.aliases}
        for choice in declared.choices
    }
    for key, names in spellings.items():
        if wanted in names:
            return key
    if len(wanted) >= 4:
        for key, names in spellings.items():
            if any(name.startswith(wanted + " ") for name in names):
                return key
    return None


# --- texts ------------------------------------------------------------------------------------

@kind(Kind.TEXT)
class TextKind(FieldKind):
    pass


@kind(Kind.LONG_TEXT)
class LongTextKind(FieldKind):
    importable = False
    names_a_row = False

    def sample(self, variant: int) -> Any:
        return super().sample(variant) + " \n riga due"


@kind(Kind.EMAIL)
class EmailKind(FieldKind):
    def sample(self, variant: int) -> Any:
        return f"referente{variant}@example.org"


@kind(Kind.PHONE)
class PhoneKind(FieldKind):
    def sample(self, variant: int) -> Any:
        return f"+39 000 000 {variant:04d}"


@kind(Kind.TIME)
class TimeKind(FieldKind):
    def sample(self, variant: int) -> Any:
        return f"{8 + variant}:30"


@kind(Kind.DATE)
class DateKind(FieldKind):
    def schema(self) -> Schema:
        # Empty, or an ISO date: the pattern keeps the document language-neutral.
        # [0-9], not \d: every validator reads it alike (\d is any Unicode digit in some).
        # Years 1900 to 2200, the dates the window and the calendar accept.
        return {"type": "string",
                "pattern": r"^((19[0-9]{2}|2[01][0-9]{2}|2200)-[0-9]{2}-[0-9]{2})?$"}

    def display(self, value: Any, words: Wording) -> str:
        parsed = parse_iso_date(value)
        return medium_date(parsed, words.lang) if parsed else str(value)

    def sample(self, variant: int) -> Any:
        return f"2027-0{1 + variant % 9}-1{variant % 10}"


# --- choices ----------------------------------------------------------------------------------

@kind(Kind.CHOICE)
class ChoiceKind(FieldKind):
    def schema(self) -> Schema:
        return {"enum": ["", *(c.key for c in self.declared.choices)]}

    def display(self, value: Any, words: Wording) -> str:
        return words.gettext(self.declared.choice_label(value))

    def from_cell(self, text: str) -> tuple[Any, list[CellNote]]:
        found = choice_key(self.declared, text)
        if found is None:
            return "", [(NOT_A_CHOICE, {"value": text, "field": self.declared.label})]
        return found, []

    def sample(self, variant: int) -> Any:
        return self.declared.choices[variant % len(self.declared.choices)].key


@kind(Kind.MULTI_CHOICE)
class MultiChoiceKind(FieldKind):
    def empty(self) -> Any:
        return []

    def encode(self, value: Any) -> Any:
        return json.dumps(list(value or []), ensure_ascii=False)

    def from_column(self, raw: Any) -> Any:
        return list(json.loads(raw)) if raw else []

    def schema(self) -> Schema:
        return {"type": "array", "items": {"enum": [c.key for c in self.declared.choices]},
                "uniqueItems": True}

    def display(self, value: Any, words: Wording) -> str:
        return ", ".join(words.gettext(self.declared.choice_label(v)) for v in value)

    def from_cell(self, text: str) -> tuple[Any, list[CellNote]]:
        keys: list[str] = []
        notes: list[CellNote] = []
        for part in re.split(r"[,;/+]", text):
            if part.strip():
                found = choice_key(self.declared, part)
                if found is None:
                    notes.append((NOT_A_CHOICE, {"value": part.strip(),
                                                 "field": self.declared.label}))
                elif found not in keys:
                    keys.append(found)
        return keys, notes

    def sample(self, variant: int) -> Any:
        return [c.key for c in self.declared.choices[: 1 + variant % len(self.declared.choices)]]


@kind(Kind.YES_NO)
class YesNoKind(FieldKind):
    column_type = int

    def empty(self) -> Any:
        return None

    def encode(self, value: Any) -> Any:
        return None if value is None else int(bool(value))

    def from_column(self, raw: Any) -> Any:
        return bool(raw)

    def schema(self) -> Schema:
        return {"type": ["boolean", "null"]}

    def display(self, value: Any, words: Wording) -> str:
        return words.gettext("Yes") if value else words.gettext("No")

    def from_cell(self, text: str) -> tuple[Any, list[CellNote]]:
        word = normalise(text)
        if word in TRUE_WORDS:
            return True, []
        if word in FALSE_WORDS:
            return False, []
        return None, [(NEITHER_YES_NOR_NO, {"value": text})]

    def sample(self, variant: int) -> Any:
        return variant % 2 == 0


# --- numbers ----------------------------------------------------------------------------------

class WholeNumberKind(FieldKind):
    """A whole number or nothing: counts, amounts in cents, a member's id."""

    column_type = int

    def empty(self) -> Any:
        return None

    def encode(self, value: Any) -> Any:
        return None if value in (None, "") else int(value)

    def from_column(self, raw: Any) -> Any:
        return int(raw)

    def schema(self) -> Schema:
        return {"type": ["integer", "null"]}


@kind(Kind.INTEGER)
class IntegerKind(WholeNumberKind):
    importable = False

    def schema(self) -> Schema:
        schema = super().schema()
        if self.declared.minimum is not None:
            schema["minimum"] = self.declared.minimum
        if self.declared.maximum is not None:
            schema["maximum"] = self.declared.maximum
        return schema

    def sample(self, variant: int) -> Any:
        return (self.declared.minimum or 0) + 3 + variant


@kind(Kind.MONEY)
class MoneyKind(IntegerKind):
    def schema(self) -> Schema:
        return {"type": ["integer", "null"], "description": "euro cents", "minimum": 0,
                "maximum": MAX_CENTS}

    def display(self, value: Any, words: Wording) -> str:
        return format_money(value, words.lang)

    def sample(self, variant: int) -> Any:
        return 123456 + variant  # 1.234,56 €


@kind(Kind.FORECAST)
class ForecastKind(FieldKind):
    """{"income"|"expenses": {category: {"2027": cents}}}: the typed cells of the forecast grid."""

    importable = False

    def empty(self) -> Any:
        return {"income": {}, "expenses": {}}

    def is_empty(self, value: Any) -> bool:
        if value is None:
            return True
        return not any(any(v for v in years.values())
                       for side in value.values() for years in side.values())

    def schema(self) -> Schema:
        # Deferred: the categories live in a step module, which imports this one.
        from wizard_steps.financial_plan import EXPENSE_CATEGORIES, INCOME_CATEGORIES

        def side(categories: tuple) -> Schema:
            return {"type": "object", "propertyNames": {"enum": [c.key for c in categories]},
                    "additionalProperties": {
                        "type": "object", "propertyNames": {"pattern": r"^[0-9]{4}$"},
                        "additionalProperties": {"type": "integer", "minimum": -MAX_CENTS,
                                                 "maximum": MAX_CENTS}}}

        return {"type": "object", "additionalProperties": False,
                "properties": {"income": side(INCOME_CATEGORIES),
                               "expenses": side(EXPENSE_CATEGORIES)}}

    def display(self, _value: Any, words: Wording) -> str:
        return words.gettext("see the table")

    def sample(self, variant: int) -> Any:
        return {"income": {"sales": {"2027": 100000 + variant}},
                "expenses": {"staff": {"2027": 50000, "2028": 60000 + variant}}}


# --- members named by their id ----------------------------------------------------------------

@kind(Kind.MEMBER)
class MemberKind(WholeNumberKind):
    def display(self, value: Any, words: Wording) -> str:
        return words.members.get(value, "")

    def references(self, value: Any) -> list[int]:
        return [value] if isinstance(value, int) else []

    def without_missing_members(self, value: Any, members: set[int]) -> Any:
        return value if value in members else None

    def sample(self, variant: int) -> Any:
        return 1 + variant % 3


@kind(Kind.MEMBERS)
class MembersKind(MultiChoiceKind):
    def schema(self) -> Schema:
        return {"type": "array", "items": {"type": "integer"}, "uniqueItems": True}

    def display(self, value: Any, words: Wording) -> str:
        return ", ".join(words.members[v] for v in value if v in words.members)

    def from_cell(self, _text: str) -> tuple[Any, list[CellNote]]:
        return [], []  # a spreadsheet names members by name, not by id

    def references(self, value: Any) -> list[int]:
        return [v for v in value or [] if isinstance(v, int)]

    def without_missing_members(self, value: Any, members: set[int]) -> Any:
        return [v for v in value or [] if v in members]

    def sample(self, variant: int) -> Any:
        return [1, 1 + (1 + variant) % 3] if variant % 3 != 2 else [3]


@kind(Kind.MEMBER_ROLES)
class MemberRolesKind(MembersKind):
    importable = False
    names_a_row = False

    def schema(self) -> Schema:
        return {"type": "array", "items": {
            "type": "object", "required": ["member"], "additionalProperties": False,
            "properties": {"member": {"type": "integer"}, "role": {"type": "string"}}}}

    def display(self, value: Any, words: Wording) -> str:
        return "; ".join(
            words.members[item["member"]] + (f" ({item['role']})" if item.get("role") else "")
            for item in value if item.get("member") in words.members)

    def references(self, value: Any) -> list[int]:
        return [item.get("member") for item in value or []
                if isinstance(item.get("member"), int)]

    def without_missing_members(self, value: Any, members: set[int]) -> Any:
        return [item for item in value or [] if item.get("member") in members]

    def sample(self, variant: int) -> Any:
        return [{"member": 1 + variant % 3, "role": "formazione"},
                {"member": 1 + (variant + 1) % 3, "role": "inserimento"}]


# --- groups of fields -------------------------------------------------------------------------

@kind(Kind.PERSON)
class PersonKind(FieldKind):
    """A person's parts (``row_fields``) kept together; in the members' file, a contacts row."""

    kept_apart = True
    names_a_row = False

    def empty(self) -> Any:
        return {sub.key: kind_of(sub).empty() for sub in self.declared.row_fields}

    def is_empty(self, value: Any) -> bool:
        return all(kind_of(sub).is_empty((value or {}).get(sub.key))
                   for sub in self.declared.row_fields)

    def problems(self, value: Any) -> list[str]:
        return [message for sub in self.declared.row_fields
                for message in kind_of(sub).problems((value or {}).get(sub.key))]

    def schema(self) -> Schema:
        return object_schema(self.declared.row_fields)

    def display(self, value: Any, words: Wording) -> str:
        parts = [" ".join(p for p in (value.get("name", ""), value.get("surname", "")) if p)]
        parts += [in_words(sub, value.get(sub.key), words)
                  for sub in self.declared.row_fields if sub.key not in ("name", "surname")]
        return ", ".join(p for p in parts if p)

    def cell_fields(self) -> list[tuple[str, Field]]:
        return [(f"{self.declared.key}.{sub.key}", sub) for sub in self.declared.row_fields]

    def references(self, value: Any) -> list[int]:
        return [ref for sub in self.declared.row_fields
                for ref in kind_of(sub).references((value or {}).get(sub.key))]

    def without_missing_members(self, value: Any, members: set[int]) -> Any:
        # A part never typed is empty, not null: the schema wants a string there.
        return {sub.key: kind_of(sub).without_missing_members(
                    (value or {}).get(sub.key, kind_of(sub).empty()), members)
                for sub in self.declared.row_fields}

    def sample(self, variant: int) -> Any:
        return {sub.key: kind_of(sub).sample(variant) for sub in self.declared.row_fields}


@kind(Kind.TABLE)
class TableKind(FieldKind):
    importable = False
    names_a_row = False

    def empty(self) -> Any:
        return []

    def schema(self) -> Schema:
        item = object_schema(self.declared.row_fields)
        if self.declared.table != GENERIC_ROWS:
            # Rows of a table of their own (members) carry their id: other steps refer to it.
            item["properties"]["id"] = {"type": "integer", "minimum": 1}
        return {"type": "array", "items": item}

    def display(self, value: Any, _words: Wording) -> str:
        return str(len(value))

    def sample(self, variant: int) -> Any:
        return [{sub.key: kind_of(sub).sample(variant) for sub in self.declared.row_fields}]


_UNDECLARED = set(Kind) - set(KINDS)
if _UNDECLARED:  # a kind without its class would fail much later, far from the cause
    raise RuntimeError(f"kinds without a class: {sorted(_UNDECLARED)}")
