"""Characters the embedded font cannot draw, found before they print as empty boxes.

DejaVu Serif covers the Latin, Greek and Cyrillic scripts (Ladin, Polish, Romanian letters
included) but not Arabic, Hebrew or emoji. No fallback font is embedded: one that covers those
scripts with a compatible licence would more than double the size of every PDF for text an
agreement rarely holds. The export names each field that holds such characters instead.
"""

from __future__ import annotations

from typing import Any

from reportlab.pdfbase import pdfmetrics

from desktop.core.agreement.pdf import FONT, _register_fonts
from i18n import translator
from wizard_steps import STEPS
from wizard_steps.fields import Field, Kind

# Characters the layout itself turns into spacing, never drawn with a glyph.
LAYOUT_CHARACTERS = {"\n", "\r", "\t"}


def _drawable() -> set[int]:
    _register_fonts()
    return set(pdfmetrics.getFont(FONT).face.charToGlyph)


def _lacking(text: str, drawable: set[int]) -> str:
    found = dict.fromkeys(ch for ch in text
                          if ch not in LAYOUT_CHARACTERS and ord(ch) not in drawable)
    return "".join(found)


def _walk(declared: Field, value: Any, where: list[str], gettext: Any, drawable: set[int],
          found: list[tuple[str, str]]) -> None:
    """Adds (where, characters) for every text value of a field, rows and persons included."""
    label = gettext(declared.label)
    if declared.kind is Kind.TABLE:
        for index, row in enumerate(value or [], start=1):
            title = str(row.get(declared.title_key, "") or "") if declared.title_key else ""
            row_name = title or f"{gettext(declared.item_label or declared.label)} {index}"
            for sub in declared.row_fields:
                _walk(sub, row.get(sub.key), [*where, row_name], gettext, drawable, found)
        return
    if declared.kind is Kind.PERSON:
        for sub in declared.row_fields:
            _walk(sub, (value or {}).get(sub.key), [*where, label], gettext, drawable, found)
        return
    if isinstance(value, str) and (lacking := _lacking(value, drawable)):
        found.append((" › ".join([*where, label]), lacking))


def missing_characters(document: dict[str, Any], lang: str) -> list[tuple[str, str]]:
    """(where, characters) for each answer holding characters the PDF's font cannot draw;
    "where" names the step, the row and the field in the language ``lang``."""
    gettext = translator(lang).gettext
    drawable = _drawable()
    found: list[tuple[str, str]] = []
    for declared_step in STEPS:
        answers = document.get(declared_step.key, {})
        for declared in declared_step.fields:
            _walk(declared, answers.get(declared.key), [gettext(declared_step.title)], gettext,
                  drawable, found)
    return found
