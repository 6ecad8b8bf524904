"""No grid keeps the keyboard: the forecast keeps Tab for its cells and lets Ctrl+Tab out, the
member lists let Tab out, from a role being typed too."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from wizard_steps import STEPS
from wizard_steps.widgets.forecast_editor import ForecastEditor


def step_index(key: str) -> int:
    return next(i for i, step in enumerate(STEPS) if step.key == key)


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def test_the_forecast_keeps_tab_and_ctrl_tab_leaves(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    index = step_index("financial_plan")
    window.wizard.steps.setCurrentRow(index)
    grid = next(e for form in window.wizard.page_list[index].forms
                for e in form.editors.values() if isinstance(e, ForecastEditor))
    table = grid.table
    table.setFocus()
    qtbot.waitUntil(lambda: focused() is not None and (focused() is table
                                                       or table.isAncestorOf(focused())))
    start = table.currentIndex()
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is table or table.isAncestorOf(focused())
    assert table.currentIndex() != start  # Tab moved to another cell
    qtbot.keyClick(focused(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert focused() is not table
    assert not table.isAncestorOf(focused())
    assert "Ctrl+Tab" in table.accessibleDescription()


def test_tab_leaves_a_member_list_even_from_a_role_being_typed(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    index = step_index("objectives")
    window.wizard.steps.setCurrentRow(index)
    page = window.wizard.page_list[index]
    table = next(t for t in page.tables if any(f.key == "members_roles"
                                               for f in t.declared.row_fields))
    picker = table.form.editors["members_roles"].kind_input.picker
    view = picker.view
    role = picker.model.index(0, 1)
    view.setFocus()
    view.setCurrentIndex(role)
    view.edit(role)
    qtbot.waitUntil(lambda: focused() is not None and view.isAncestorOf(focused()))
    qtbot.keyClicks(focused(), "x")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is not view
    assert not view.isAncestorOf(focused())
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Backtab)
    assert not view.isAncestorOf(focused())
    assert focused() is not view
