"""A wheel turned over an answer scrolls the page; it never changes the answer unasked."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QWidget,
)

from desktop.core.document import to_document
from wizard_steps.widgets.wheel_guard import GUARDED


def turn_wheel(widget: QWidget, notches: int) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(QPoint(int(centre.x()),
                                                                    int(centre.y())))),
                        QPoint(0, 0), QPoint(0, 120 * notches), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def value_of(widget: QWidget) -> object:
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    return widget.property("value")


def test_the_wheel_over_any_editor_of_any_step_changes_nothing(window):
    wizard = window.wizard
    before = to_document(window.district)
    turned = 0
    for index in range(wizard.page_count()):
        wizard.steps.setCurrentRow(index)
        window.setFocus()
        page = wizard.pages.currentWidget()
        for widget in page.findChildren(QWidget):
            if not isinstance(widget, GUARDED) or isinstance(widget, QScrollBar) or \
                    not widget.isVisibleTo(page):
                continue  # a scroll bar is how the page or a list scrolls, not an answer
            assert widget.focusPolicy() != Qt.FocusPolicy.WheelFocus, widget
            value = value_of(widget)
            turn_wheel(widget, 1)
            turn_wheel(widget, -3)
            assert value_of(widget) == value, (wizard.steps.item(index).text(), widget)
            turned += 1
    wizard.flush()
    assert turned > 20  # every kind of guarded editor was tried, on many steps
    assert to_document(window.district) == before


def test_the_wheel_still_changes_the_box_the_user_is_in(qtbot, window):
    wizard = window.wizard
    for index in range(wizard.page_count()):
        wizard.steps.setCurrentRow(index)
        spins = [w for w in wizard.pages.currentWidget().findChildren(QAbstractSpinBox)
                 if w.isVisible()]
        if spins:
            break
    spin = spins[0]
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    value = spin.text()
    turn_wheel(spin, 1)
    assert spin.text() != value


def test_the_wheel_over_the_toolbar_language_leaves_the_language(window):
    combo = window.language_combo
    window.setFocus()
    chosen = combo.currentIndex()
    for notches in (1, -1):  # one of them would move to the other language
        turn_wheel(combo, notches)
        assert combo.currentIndex() == chosen
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_a_wheel_over_a_box_not_in_use_is_left_to_the_page(window):
    """Ignored, so that Qt passes the wheel (a real one, from the mouse) on to the parents, up
    to the page's scroll area; the box the user is in takes it."""
    wizard = window.wizard
    wizard.steps.setCurrentRow(0)
    window.setFocus()
    page = wizard.pages.currentWidget()
    boxes = [w for w in page.findChildren(QWidget) if isinstance(w, GUARDED)
             and not isinstance(w, QScrollBar) and w.isVisibleTo(page)]
    assert boxes
    for box in boxes:
        centre = QPointF(box.rect().center())
        event = QWheelEvent(centre, QPointF(box.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                            QPoint(0, -120), Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(box, event)
        assert not event.isAccepted(), box
