"""Any declared value as a short text for people: list titles, the review page, the agreement."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from i18n.formats import BABEL_LOCALES, format_money, parse_iso_date
from wizard_steps.fields import Field, Kind, is_empty

Gettext = Callable[[str], str]


def display_value(declared: Field, value: Any, members: dict[int, str], gettext: Gettext,
                  lang: str) -> str:
    """``value`` in words, in ``lang``; member ids become the members' names."""
    kind = declared.kind
    if is_empty(declared, value):
        return ""
    if kind is Kind.CHOICE:
        return gettext(declared.choice_label(value))
    if kind is Kind.MULTI_CHOICE:
        return ", ".join(gettext(declared.choice_label(v)) for v in value)
    if kind is Kind.YES_NO:
        return gettext("Yes") if value else gettext("No")
    if kind is Kind.DATE:
        from babel.dates import format_date  # deferred: 30 ms at start-up, needed later

        parsed = parse_iso_date(value)
        return format_date(parsed, format="medium", locale=BABEL_LOCALES[lang]) if parsed \
            else str(value)
    if kind is Kind.MEMBER:
        return members.get(value, "")
    if kind is Kind.MEMBERS:
        return ", ".join(members[v] for v in value if v in members)
    if kind is Kind.MEMBER_ROLES:
        return "; ".join(
            members[item["member"]] + (f" ({item['role']})" if item.get("role") else "")
            for item in value if item.get("member") in members)
    if kind is Kind.PERSON:
        parts = [" ".join(p for p in (value.get("name", ""), value.get("surname", "")) if p)]
        parts += [display_value(sub, value.get(sub.key), members, gettext, lang)
                  for sub in declared.row_fields if sub.key not in ("name", "surname")]
        return ", ".join(p for p in parts if p)
    if kind is Kind.TABLE:
        return str(len(value))
    if kind is Kind.MONEY:
        return format_money(value, lang)
    if kind is Kind.FORECAST:
        return gettext("see the table")
    return str(value)


def row_title(declared: Field, row: dict[str, Any], members: dict[int, str], gettext: Gettext,
              lang: str) -> str:
    """What names a row: its title field (or fields, joined by "+"), else the first field
    that says something."""
    if "+" in declared.title_key:
        parts = [display_value(declared.row_field(key), row.get(key), members, gettext, lang)
                 for key in declared.title_key.split("+")]
        return " — ".join(p for p in parts if p)
    keys = [declared.title_key] if declared.title_key else []
    keys += [f.key for f in declared.row_fields if f.key not in keys]
    for key in keys:
        field = declared.row_field(key)
        if field.kind in (Kind.LONG_TEXT, Kind.PERSON, Kind.MEMBER_ROLES):
            continue
        text = display_value(field, row.get(key), members, gettext, lang).strip()
        if text:
            if field.kind is Kind.CHOICE and row.get(key) == "other":
                continue  # "Other role" says less than the name typed next to it
            return text
    return ""
