"""Amounts typed in the window: read in the language's convention, flagged when unreadable."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

import i18n
from wizard_steps.financial_plan import SOURCE_FIELDS
from wizard_steps.widgets.editors import FieldEditor


def test_an_unreadable_amount_is_flagged_and_not_saved(qtbot):
    i18n.set_language("it")
    amount = next(f for f in SOURCE_FIELDS if f.key == "amount_per_year")
    editor = FieldEditor(amount)
    qtbot.addWidget(editor)
    saved = []
    editor.committed.connect(lambda _key, value: saved.append(value))
    editor.set_value(250_000)
    assert editor.input.text() == "2.500,00"
    line: QLineEdit = editor.input
    line.selectAll()
    qtbot.keyClicks(line, "duemila")
    editor.commit()
    assert saved == []  # nothing saved, least of all a zero
    assert not editor.message.isHidden()
    assert "1.234,56" in editor.message.text()
    line.selectAll()
    qtbot.keyClicks(line, "1.234,56")
    editor.commit()
    assert saved == [123_456]
    i18n.set_language("en")
    editor.retranslate()
    assert editor.input.text() == "1,234.56"
