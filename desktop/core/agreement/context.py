"""What every article builder receives: the district document in the document's language."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape

from desktop.core.display import display_value
from i18n.formats import long_date
from wizard_steps import keys, step

# The fields every builder reads, checked against the declarations when this module is imported.
MEMBERS = keys("members", "organizations")
MEMBER = keys("members.organizations", "name")
NAMED = keys("members.organizations.contact_person", "name surname")
Gettext = Callable[[str], str]


def esc(value: Any) -> str:
    """A user's value, made safe for reportlab's paragraph markup; line breaks are kept."""
    return escape(str(value), {'"': "&quot;"}).replace("\n", "<br/>")


def inline(value: Any) -> str:
    """A user's text placed inside a sentence: its own closing punctuation is dropped."""
    return esc(str(value).strip().rstrip(".;: "))


def phrase(value: Any) -> str:
    """A user's sentence continued after a colon: "funzioni: condivide…". The first letter
    is lowered only when it opens an ordinary word, so "Cassa Rurale di Fiemme" or "DES"
    keep their capitals."""
    text = str(value).strip().rstrip(".;: ")
    words = text.split()
    ordinary = (len(words) > 1 and words[0][:1].isupper() and words[0][1:].islower()
                and not words[1][:1].isupper())
    return esc(text[:1].lower() + text[1:] if ordinary else text)


def label_in_sentence(label: str) -> str:
    """One of our choice labels inside a sentence: only its first letter lowered, so that
    "Ente del Terzo settore" reads "ente del Terzo settore" (a name keeps its capitals)."""
    return label[:1].lower() + label[1:]


@dataclass
class Context:
    document: dict[str, Any]
    lang: str
    _: Gettext
    ngettext: Callable[[str, str, int], str]

    @property
    def district(self) -> dict[str, Any]:
        return self.document.get("district", {})

    @property
    def members(self) -> list[dict[str, Any]]:
        return self.document.get("members", {}).get(MEMBERS.organizations, [])

    def choice(self, step_key: str, field_key: str, value: str, *, table: str = "") -> str:
        declared = step(step_key).field(table or field_key)
        if table:
            declared = declared.row_field(field_key)
        return self._(declared.choice_label(value)) if value else ""

    def date(self, value: str) -> str:
        return long_date(value, self.lang)

    def section(self, step_key: str) -> dict[str, Any]:
        return self.document.get(step_key, {})

    @property
    def member_names(self) -> dict[int, str]:
        return {m["id"]: m.get(MEMBER.name, "") for m in self.members if "id" in m}

    def shown(self, step_key: str, field_key: str, value: Any, *, table: str = "") -> str:
        """A value in words, in the document's language, escaped for the layout."""
        declared = step(step_key).field(table or field_key)
        if table:
            declared = declared.row_field(field_key)
        return esc(display_value(declared, value, self.member_names, self._, self.lang))

    def label(self, step_key: str, field_key: str, *, table: str = "") -> str:
        declared = step(step_key).field(table or field_key)
        if table:
            declared = declared.row_field(field_key)
        return esc(self._(declared.label))


@dataclass
class Table:
    """Rows of markup; the first row is the header (plain text). Widths are fractions."""
    rows: list[list[str]]
    widths: list[float]
    numeric: tuple[int, ...] = ()  # columns aligned right
    bold_rows: tuple[int, ...] = ()  # totals


@dataclass
class Chart:
    """Income, expenses and balance by year (the financial plan)."""
    years: list[int]
    series: list[tuple[str, list[int]]]  # label, cents per year
    lang: str = "it"


@dataclass(frozen=True)
class Recital:
    """One recital (markup), with the items it lists one per line (the acts of a thousand
    parties in one sentence would be a paragraph of fifteen pages)."""
    text: str
    items: tuple[str, ...] = ()


@dataclass
class Subheading:
    text: str  # markup


@dataclass
class Article:
    title: str
    paragraphs: list[str] = field(default_factory=list)  # reportlab markup, values escaped
    table: list[list[str]] | None = None  # rows of markup; the first row is the header
    # Laid out after the paragraphs, in order: markup paragraphs, tables, charts, subheadings.
    blocks: list[str | Table | Chart | Subheading] = field(default_factory=list)


def person_name(person: dict[str, Any]) -> str:
    return " ".join(part for part in (person.get(NAMED.name, ""), person.get(NAMED.surname, ""))
                    if part)


