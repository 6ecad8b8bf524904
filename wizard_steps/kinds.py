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
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from babel.dates import format_date

from i18n import N_, translator
from i18n.formats import BABEL_LOCALES, format_money, parse_iso_date

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

    def empty(self, declared: Field) -> Any:
        return ""

    def is_empty(self, declared: Field, value: Any) -> bool:
        if value is None:
            return True
        if isinstance(value, str):
            return not value.strip()
        if isinstance(value, list):
            return not value
        return False

    def problems(self, declared: Field, value: Any) -> list[str]:
        """The validators' messages (msgids); an empty value is not a problem here."""
        if self.is_empty(declared, value):
            return []
        return [message for check in declared.validators if (message := check(value))]

    def encode(self, declared: Field, value: Any) -> Any:
        """The value as its column of the district file holds it."""
        return "" if value is None else str(value)

    def decode(self, declared: Field, raw: Any) -> Any:
        return self.empty(declared) if raw is None else self.from_column(declared, raw)

    def from_column(self, declared: Field, raw: Any) -> Any:
        return str(raw)

    def schema(self, declared: Field) -> Schema:
        # Text, emails and phone numbers: a wrong email is kept and flagged, never refused.
        return {"type": "string"}

    def display(self, declared: Field, value: Any, members: dict[int, str], gettext: Gettext,
                lang: str) -> str:
        """A non-empty value in words, in ``lang``."""
        return str(value)

    def from_cell(self, declared: Field, text: str) -> tuple[Any, list[CellNote]]:
        """The value a spreadsheet cell holds, and what to tell the user about it."""
        notes = [(IMPORTED_AS_WRITTEN, {"field": declared.label, "problem": message})
                 for message in self.problems(declared, text)]
        return text, notes

    def cell_fields(self, declared: Field) -> list[tuple[str, Field]]:
        """(key, field) for each part a spreadsheet column can fill."""
        return [(declared.key, declared)] if self.importable else []

    def references(self, declared: Field, value: Any) -> list[int]:
        """The member ids the value names."""
        return []

    def without_missing_members(self, declared: Field, value: Any, members: set[int]) -> Any:
        return value

    def sample(self, declared: Field, variant: int) -> Any:
        """A valid, non-empty value, different for each ``variant``: for tests."""
        return SAMPLE_TEXTS[variant % len(SAMPLE_TEXTS)]


KINDS: dict[Kind, FieldKind] = {}


def kind(name: Kind) -> Callable[[type[FieldKind]], type[FieldKind]]:
    """Register the class of a kind."""
    def register(cls: type[FieldKind]) -> type[FieldKind]:
        KINDS[name] = cls()
        return cls
    return register


def kind_of(declared: Field) -> FieldKind:
    return KINDS[declared.kind]


def display_value(declared: Field, value: Any, members: dict[int, str], gettext: Gettext,
                  lang: str) -> str:
    """``value`` in words, in ``lang`` ("" when empty); member ids become the members' names."""
    behaviour = kind_of(declared)
    if behaviour.is_empty(declared, value):
        return ""
    return behaviour.display(declared, value, members, gettext, lang)


def object_schema(fields: tuple[Field, ...]) -> Schema:
    properties = {}
    for declared in fields:
        schema = kind_of(declared).schema(declared)
        schema["title"] = declared.label
        properties[declared.key] = schema
    return {"type": "object", "properties": properties, "additionalProperties": False}


def choice_key(declared: Field, text: str) -> str | None:
    """The choice a cell names: its label in either language, its key, or the label's start
    ("privato non profit" for "Privato non profit (Terzo settore)")."""
    wanted = normalise(text)
    spellings = {
        choice.key: {normalise(choice.key)} | {
            normalise(translator(lang).gettext(choice.label)) for lang in ("it", "en")}
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

    def sample(self, declared: Field, variant: int) -> Any:
        return super().sample(declared, variant) + " \n riga due"


@kind(Kind.EMAIL)
class EmailKind(FieldKind):
    def sample(self, declared: Field, variant: int) -> Any:
        return f"referente{variant}@example.org"


@kind(Kind.PHONE)
class PhoneKind(FieldKind):
    def sample(self, declared: Field, variant: int) -> Any:
        return f"+39 000 000 {variant:04d}"


@kind(Kind.TIME)
class TimeKind(FieldKind):
    def sample(self, declared: Field, variant: int) -> Any:
        return f"{8 + variant}:30"


@kind(Kind.DATE)
class DateKind(FieldKind):
    def schema(self, declared: Field) -> Schema:
        # Empty, or an ISO date: the pattern keeps the document language-neutral.
        return {"type": "string", "pattern": r"^(\d{4}-\d{2}-\d{2})?$"}

    def display(self, declared: Field, value: Any, members: dict[int, str], gettext: Gettext,
                lang: str) -> str:
        parsed = parse_iso_date(value)
        return format_date(parsed, format="medium", locale=BABEL_LOCALES[lang]) if parsed \
            else str(value)

    def sample(self, declared: Field, variant: int) -> Any:
        return f"2027-0{1 + variant % 9}-1{variant % 10}"


# --- choices ----------------------------------------------------------------------------------

@kind(Kind.CHOICE)
class ChoiceKind(FieldKind):
    def schema(self, declared: Field) -> Schema:
        return {"enum": ["", *(c.key for c in declared.choices)]}

    def display(self, declared: Field, value: Any, members: dict[int, str], gettext: Gettext,
                lang: str) -> str:
        return gettext(declared.choice_label(value))

    def from_cell(self, declared: Field, text: str) -> tuple[Any, list[CellNote]]:
        found = choice_key(declared, text)
        if found is None:
            return "", [(NOT_A_CHOICE, {"value": text, "field": declared.label})]
        return found, []

    def sample(self, declared: Field, variant: int) -> Any:
        return declared.choices[variant % len(declared.choices)].key


@kind(Kind.MULTI_CHOICE)
class MultiChoiceKind(FieldKind):
    def empty(self, declared: Field) -> Any:
        return []

    def encode(self, declared: Field, value: Any) -> Any:
        return json.dumps(list(value or []), ensure_ascii=False)

    def from_column(self, declared: Field, raw: Any) -> Any:
        return list(json.loads(raw)) if raw else []

    def schema(self, declared: Field) -> Schema:
        return {"type": "array", "items": {"enum": [c.key for c in declared.choices]},
                "uniqueItems": True}

    def display(self, declared: Field, value: Any, members: dict[int, str], gettext: Gettext,
                lang: str) -> str:
        return ", ".join(gettext(declared.choice_label(v)) for v in value)

    def from_cell(self, declared: Field, text: str) -> tuple[Any, list[CellNote]]:
        keys: list[str] = []
        notes: list[CellNote] = []
        for part in re.split(r"[,;/+]", text):
            if part.strip():
                found = choice_key(declared, part)
                if found is None:
                    notes.append((NOT_A_CHOICE, {"value": part.strip(), "field": declared.label}))
                elif found not in keys:
                    keys.append(found)
        return keys, notes

    def sample(self, declared: Field, variant: int) -> Any:
        return [c.key for c in declared.choices[: 1 + variant % len(declared.choices)]]


@kind(Kind.YES_NO)
class YesNoKind(FieldKind):
    column_type = int

    def empty(self, declared: Field) -> Any:
        return None

    def encode(self, declared: Field, value: Any) -> Any:
        return None if value is None else int(bool(value))

    def from_column(self, declared: Field, raw: Any) -> Any:
        return bool(raw)

    def schema(self, declared: Field) -> Schema:
        return {"type": ["boolean", "null"]}

    def display(self, declared: Field, value: Any, members: dict[int, str], gettext: Gettext,
                lang: str) -> str:
        return gettext("Yes") if value else gettext("No")

    def from_cell(self, declared: Field, text: str) -> tuple[Any, list[CellNote]]:
        word = normalise(text)
        if word in TRUE_WORDS:
            return True, []
        if word in FALSE_WORDS:
            return False, []
        return None, [(NEITHER_YES_NOR_NO, {"value": text})]

    def sample(self, declared: Field, variant: int) -> Any:
        return variant % 2 == 0


# --- numbers ----------------------------------------------------------------------------------

@kind(Kind.INTEGER)
class IntegerKind(FieldKind):
    column_type = int
    importable = False

    def empty(self, declared: Field) -> Any:
        return None

    def encode(self, declared: Field, value: Any) -> Any:
        return None if value in (None, "") else int(value)

    def from_column(self, declared: Field, raw: Any) -> Any:
        return int(raw)

    def schema(self, declared: Field) -> Schema:
        schema: Schema = {"type": ["integer", "null"]}
        if declared.minimum is not None:
            schema["minimum"] = declared.minimum
        if declared.maximum is not None:
            schema["maximum"] = declared.maximum
        return schema

    def sample(self, declared: Field, variant: int) -> Any:
        return (declared.minimum or 0) + 3 + variant


@kind(Kind.MONEY)
class MoneyKind(IntegerKind):
    def schema(self, declared: Field) -> Schema:
        return {"type": ["integer", "null"], "description": "euro cents"}

    def display(self, declared: Field, value: Any, members: dict[int, str], gettext: Gettext,
                lang: str) -> str:
        return format_money(value, lang)

    def sample(self, declared: Field, variant: int) -> Any:
        return 123456 + variant  # 1.234,56 €


@kind(Kind.FORECAST)
class ForecastKind(FieldKind):
    """{"income"|"expenses": {category: {"2027": cents}}}: the typed cells of the forecast grid."""

    importable = False

    def empty(self, declared: Field) -> Any:
        return {"income": {}, "expenses": {}}

    def is_empty(self, declared: Field, value: Any) -> bool:
        if value is None:
            return True
        return not any(any(v for v in years.values())
                       for side in value.values() for years in side.values())

    def schema(self, declared: Field) -> Schema:
        # Deferred: the categories live in a step module, which imports this one.
        from wizard_steps.financial_plan import EXPENSE_CATEGORIES, INCOME_CATEGORIES

        def side(categories: tuple) -> Schema:
            return {"type": "object", "propertyNames": {"enum": [c.key for c in categories]},
                    "additionalProperties": {
                        "type": "object", "propertyNames": {"pattern": r"^\d{4}$"},
                        "additionalProperties": {"type": "integer"}}}

        return {"type": "object", "additionalProperties": False,
                "properties": {"income": side(INCOME_CATEGORIES),
                               "expenses": side(EXPENSE_CATEGORIES)}}

    def display(self, declared: Field, value: Any, members: dict[int, str], gettext: Gettext,
                lang: str) -> str:
        return gettext("see the table")

    def sample(self, declared: Field, variant: int) -> Any:
        return {"income": {"sales": {"2027": 100000 + variant}},
                "expenses": {"staff": {"2027": 50000, "2028": 60000 + variant}}}


# --- members named by their id ----------------------------------------------------------------

@kind(Kind.MEMBER)
class MemberKind(FieldKind):
    column_type = int

    def empty(self, declared: Field) -> Any:
        return None

    def encode(self, declared: Field, value: Any) -> Any:
        return None if value in (None, "") else int(value)

    def from_column(self, declared: Field, raw: Any) -> Any:
        return int(raw)

    def schema(self, declared: Field) -> Schema:
        return {"type": ["integer", "null"]}

    def display(self, declared: Field, value: Any, members: dict[int, str], gettext: Gettext,
                lang: str) -> str:
        return members.get(value, "")

    def references(self, declared: Field, value: Any) -> list[int]:
        return [value] if isinstance(value, int) else []

    def without_missing_members(self, declared: Field, value: Any, members: set[int]) -> Any:
        return value if value in members else None

    def sample(self, declared: Field, variant: int) -> Any:
        return 1 + variant % 3


@kind(Kind.MEMBERS)
class MembersKind(MultiChoiceKind):
    def schema(self, declared: Field) -> Schema:
        return {"type": "array", "items": {"type": "integer"}, "uniqueItems": True}

    def display(self, declared: Field, value: Any, members: dict[int, str], gettext: Gettext,
                lang: str) -> str:
        return ", ".join(members[v] for v in value if v in members)

    def from_cell(self, declared: Field, text: str) -> tuple[Any, list[CellNote]]:
        return [], []  # a spreadsheet names members by name, not by id

    def references(self, declared: Field, value: Any) -> list[int]:
        return [v for v in value or [] if isinstance(v, int)]

    def without_missing_members(self, declared: Field, value: Any, members: set[int]) -> Any:
        return [v for v in value or [] if v in members]

    def sample(self, declared: Field, variant: int) -> Any:
        return [1, 1 + (1 + variant) % 3] if variant % 3 != 2 else [3]


@kind(Kind.MEMBER_ROLES)
class MemberRolesKind(MembersKind):
    importable = False
    names_a_row = False

    def schema(self, declared: Field) -> Schema:
        return {"type": "array", "items": {
            "type": "object", "required": ["member"], "additionalProperties": False,
            "properties": {"member": {"type": "integer"}, "role": {"type": "string"}}}}

    def display(self, declared: Field, value: Any, members: dict[int, str], gettext: Gettext,
                lang: str) -> str:
        return "; ".join(
            members[item["member"]] + (f" ({item['role']})" if item.get("role") else "")
            for item in value if item.get("member") in members)

    def references(self, declared: Field, value: Any) -> list[int]:
        return [item.get("member") for item in value or []
                if isinstance(item.get("member"), int)]

    def without_missing_members(self, declared: Field, value: Any, members: set[int]) -> Any:
        return [item for item in value or [] if item.get("member") in members]

    def sample(self, declared: Field, variant: int) -> Any:
        return [{"member": 1 + variant % 3, "role": "formazione"},
                {"member": 1 + (variant + 1) % 3, "role": "inserimento"}]


# --- groups of fields -------------------------------------------------------------------------

@kind(Kind.PERSON)
class PersonKind(FieldKind):
    """A person's parts (``row_fields``) kept together; in the members' file, a contacts row."""

    kept_apart = True
    names_a_row = False

    def empty(self, declared: Field) -> Any:
        return {sub.key: kind_of(sub).empty(sub) for sub in declared.row_fields}

    def is_empty(self, declared: Field, value: Any) -> bool:
        return all(kind_of(sub).is_empty(sub, (value or {}).get(sub.key))
                   for sub in declared.row_fields)

    def problems(self, declared: Field, value: Any) -> list[str]:
        return [message for sub in declared.row_fields
                for message in kind_of(sub).problems(sub, (value or {}).get(sub.key))]

    def schema(self, declared: Field) -> Schema:
        return object_schema(declared.row_fields)

    def display(self, declared: Field, value: Any, members: dict[int, str], gettext: Gettext,
                lang: str) -> str:
        parts = [" ".join(p for p in (value.get("name", ""), value.get("surname", "")) if p)]
        parts += [display_value(sub, value.get(sub.key), members, gettext, lang)
                  for sub in declared.row_fields if sub.key not in ("name", "surname")]
        return ", ".join(p for p in parts if p)

    def cell_fields(self, declared: Field) -> list[tuple[str, Field]]:
        return [(f"{declared.key}.{sub.key}", sub) for sub in declared.row_fields]

    def references(self, declared: Field, value: Any) -> list[int]:
        return [ref for sub in declared.row_fields
                for ref in kind_of(sub).references(sub, (value or {}).get(sub.key))]

    def without_missing_members(self, declared: Field, value: Any, members: set[int]) -> Any:
        return {sub.key: kind_of(sub).without_missing_members(sub, (value or {}).get(sub.key),
                                                              members)
                for sub in declared.row_fields}

    def sample(self, declared: Field, variant: int) -> Any:
        return {sub.key: kind_of(sub).sample(sub, variant) for sub in declared.row_fields}


@kind(Kind.TABLE)
class TableKind(FieldKind):
    importable = False
    names_a_row = False

    def empty(self, declared: Field) -> Any:
        return []

    def schema(self, declared: Field) -> Schema:
        item = object_schema(declared.row_fields)
        if declared.table != GENERIC_ROWS:
            # Rows of a table of their own (members) carry their id: other steps refer to it.
            item["properties"]["id"] = {"type": "integer", "minimum": 1}
        return {"type": "array", "items": item}

    def display(self, declared: Field, value: Any, members: dict[int, str], gettext: Gettext,
                lang: str) -> str:
        return str(len(value))

    def sample(self, declared: Field, variant: int) -> Any:
        return [{sub.key: kind_of(sub).sample(sub, variant) for sub in declared.row_fields}]


_UNDECLARED = set(Kind) - set(KINDS)
if _UNDECLARED:  # a kind without its class would fail much later, far from the cause
    raise RuntimeError(f"kinds without a class: {sorted(_UNDECLARED)}")
