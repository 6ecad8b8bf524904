"""One language at a time: no step shows a word of the other catalog after a switch."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QWidget,
)

import i18n


def other_catalog_only(lang: str) -> set[str]:
    """Texts of the other language that this one never shows (translations that differ)."""
    shown_here = i18n.translator(lang)
    other = i18n.translator("en" if lang == "it" else "it")
    foreign = set()
    catalog = other._catalog  # type: ignore[attr-defined]
    for msgid in catalog:
        if not isinstance(msgid, str) or not msgid:
            continue
        theirs, ours = other.gettext(msgid), shown_here.gettext(msgid)
        if theirs != ours and len(theirs) > 3:
            foreign.add(theirs.replace("&", ""))
    return foreign


def visible_texts(root: QWidget) -> list[tuple[str, QWidget]]:
    found: list[tuple[str, QWidget]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            found.append((widget.text().replace("&", ""), widget))
        elif isinstance(widget, QGroupBox):
            found.append((widget.title(), widget))
        elif isinstance(widget, QComboBox):
            found += [(widget.itemText(i), widget) for i in range(widget.count())]
        elif isinstance(widget, QListWidget) and widget.objectName() == "steps":
            # Other lists show what the group typed (or the pre-filled text it kept).
            found += [(widget.item(i).text(), widget) for i in range(widget.count())]
        elif isinstance(widget, QLineEdit):
            found.append((widget.placeholderText(), widget))
        found.append((widget.toolTip(), widget))
        found.append((widget.accessibleName(), widget))
    return [(text.strip(), widget) for text, widget in found if text.strip()]


@pytest.mark.parametrize("lang", ["en", "it"])
def test_every_step_speaks_only_the_chosen_language(window, lang):
    start = "it" if lang == "en" else "en"
    window.language_combo.setCurrentIndex(window.language_combo.findData(start))
    window.language_combo.setCurrentIndex(window.language_combo.findData(lang))
    foreign = other_catalog_only(lang)
    wizard = window.wizard
    wrong = []
    for index in range(wizard.page_count()):
        wizard.steps.setCurrentRow(index)
        for text, widget in visible_texts(window):
            if text in foreign:
                wrong.append(f"step {index + 1}: {type(widget).__name__} {text!r}")
    assert wrong == [], "\n".join(wrong)


def test_dates_follow_a_switch(window):
    wizard = window.wizard
    wizard.steps.setCurrentRow(0)
    date = wizard.page_list[0].form.editors["signing_date"].kind_input
    window.language_combo.setCurrentIndex(window.language_combo.findData("en"))
    assert date.edit.text() == "15 Mar 2027"
    assert date.open_calendar().locale().name() == "en_GB"
    window.language_combo.setCurrentIndex(window.language_combo.findData("it"))
    assert date.edit.text() == "15/03/2027"
    assert date.open_calendar().locale().name() == "it_IT"
