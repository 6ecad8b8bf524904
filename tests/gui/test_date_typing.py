"""A date is typed in one go, opened as a calendar from the keyboard, and left with Tab."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from desktop.core.district_file import DistrictFile


def signing_date(window):
    window.activateWindow()
    window.wizard.steps.setCurrentRow(0)
    editor = window.wizard.page_list[0].form.editors["signing_date"]
    editor.kind_input.edit.setFocus()
    return editor


@pytest.mark.parametrize("typed", ["15/03/2028", "15.3.28", "2028-03-15", "15 marzo 2028",
                                   "15032028"])
def test_a_date_typed_in_one_go_is_saved(qtbot, window, example_path, typed):
    editor = signing_date(window)
    editor.kind_input.edit.selectAll()
    qtbot.keyClicks(editor.kind_input.edit, typed)
    qtbot.keyClick(editor.kind_input.edit, Qt.Key.Key_Tab)
    assert DistrictFile.open(example_path).answer("signing_date") == "2028-03-15"
    assert editor.kind_input.edit.text() == "15/03/2028"
    assert not editor.message.isVisible()


def test_text_that_is_not_a_date_is_flagged_and_not_saved(qtbot, window, example_path):
    editor = signing_date(window)
    editor.kind_input.edit.selectAll()
    qtbot.keyClicks(editor.kind_input.edit, "31/02/2028")
    qtbot.keyClick(editor.kind_input.edit, Qt.Key.Key_Tab)
    assert DistrictFile.open(example_path).answer("signing_date") == "2027-03-15"
    assert "15/03/2027" in editor.message.text()
    assert editor.message.text() in editor.kind_input.edit.accessibleDescription()


def test_an_empty_date_is_left_with_tab(qtbot, window, example_path):
    window.activateWindow()
    editor = signing_date(window)
    edit = editor.kind_input.edit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not edit
    assert DistrictFile.open(example_path).answer("signing_date") == ""


def test_the_calendar_opens_from_the_keyboard_and_a_day_is_chosen(qtbot, window, example_path):
    window.activateWindow()
    date = signing_date(window).kind_input
    date.edit.setFocus()
    qtbot.keyClick(date.edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = date.calendar
    assert calendar is not None
    assert calendar.isVisible()
    assert calendar.selectedDate() == QDate(2027, 3, 15)
    calendar.setSelectedDate(QDate(2027, 4, 20))
    calendar.activated.emit(calendar.selectedDate())  # Enter in the calendar
    assert DistrictFile.open(example_path).answer("signing_date") == "2027-04-20"
    qtbot.keyClick(date.edit, Qt.Key.Key_F4)
    assert date.calendar is not None
    assert date.calendar.isVisible()
    date.calendar.close()
