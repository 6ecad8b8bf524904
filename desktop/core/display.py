"""Any declared value as a short text for people: list titles, the review page, the agreement.

Each kind writes its own values (``wizard_steps/kinds.py``); here a row finds its title.
"""

from __future__ import annotations

from typing import Any

from wizard_steps.fields import Field, Kind
from wizard_steps.kinds import Gettext, display_value, kind_of

__all__ = ["Gettext", "display_value", "row_title"]


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
        if not kind_of(field).names_a_row:
            continue
        text = display_value(field, row.get(key), members, gettext, lang).strip()
        if text:
            if field.kind is Kind.CHOICE and row.get(key) == "other":
                continue  # "Other role" says less than the name typed next to it
            return text
    return ""
