"""Fields tell a screen reader (and the eye) what they are: a required field says so in its
accessible description, an invalid one adds its problem there and marks itself invalid."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel

from tests.gui.test_window import switch_language
from wizard_steps import STEPS
from wizard_steps.widgets.editors import FieldEditor, PersonEditor


def description(widget) -> str:
    accessible = QAccessible.queryAccessibleInterface(widget)
    assert accessible is not None
    return accessible.text(QAccessible.Text.Description)


def district_editors(window) -> dict[str, FieldEditor]:
    window.wizard.steps.setCurrentRow(0)
    return window.wizard.page_list[0].form.editors


@pytest.mark.parametrize(("lang", "word"), [("it", "obbligatorio"), ("en", "required")])
def test_required_fields_say_so_and_others_do_not(window, lang, word):
    switch_language(window, lang)
    editors = district_editors(window)
    name, court = editors["name"], editors["court"]
    assert name.declared.required
    assert not court.declared.required
    assert description(name.input) == word
    assert word not in description(court.input)
    assert not name.input.property("invalid")


def test_an_invalid_email_is_described_and_marked_until_fixed(qtbot, window):
    window.activateWindow()
    index = next(i for i, step in enumerate(STEPS) if step.key == "key_figures")
    window.wizard.steps.setCurrentRow(index)
    page = window.wizard.page_list[index]
    person = next(e for form in page.forms for e in form.editors.values()
                  if isinstance(e, PersonEditor))
    email = next(part for part in person.parts if part.declared.key == "email")
    email.input.setFocus()
    email.input.selectAll()
    qtbot.keyClicks(email.input, "anna@")
    assert email.message.isVisible()
    said = description(email.input)
    assert said.startswith("obbligatorio. ")
    assert email.message.text() in said
    assert email.input.property("invalid") is True
    assert 'invalid="true"' in email.input.styleSheet()
    qtbot.keyClicks(email.input, "example.org")
    assert description(email.input) == "obbligatorio"
    assert email.input.property("invalid") is False


def test_a_date_box_marks_the_line_edit_a_reader_is_in(qtbot, window):
    window.activateWindow()
    date = district_editors(window)["signing_date"]
    edit = date.kind_input.edit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "31/02/2028")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert edit.property("invalid") is True
    assert date.message.text() in description(edit)


@pytest.mark.parametrize(("lang", "note"), [
    ("it", "I campi contrassegnati con * sono obbligatori."),
    ("en", "Fields marked * are required.")])
def test_the_star_is_explained_once_on_each_page_that_uses_it(window, lang, note):
    switch_language(window, lang)
    wizard = window.wizard
    with_star = 0
    for index, step in enumerate(STEPS):
        wizard.steps.setCurrentRow(index)
        page = wizard.page_list[index]
        starred = any(f.required or any(sub.required for sub in f.row_fields)
                      for f in step.fields)
        notes = [label for label in page.findChildren(QLabel)
                 if label.isVisible() and label.text() == note]
        assert len(notes) == (1 if starred else 0), step.key
        with_star += starred
    assert 0 < with_star < len(STEPS)  # pages without a required field say nothing of "*"
