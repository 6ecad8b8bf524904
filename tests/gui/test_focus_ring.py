"""The keyboard focus can be seen: a 2 px ring with enough contrast, wherever the focus is."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from desktop.gui.focus_ring import RING_COLOUR, FocusRing, contrast_ratio


def ring_of(window) -> FocusRing:
    ring = window.findChild(FocusRing, "focusRing")
    assert ring is not None
    return ring


def surrounds(ring: FocusRing, widget, window) -> bool:
    where = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
    return ring.isVisible() and ring.geometry().contains(where) and \
        ring.geometry().adjusted(2, 2, -2, -2) == where


def test_the_ring_follows_the_focus_from_the_step_list_to_a_field(qtbot, window):
    window.activateWindow()
    steps = window.wizard.steps
    steps.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is steps)
    assert surrounds(ring_of(window), steps, window)
    qtbot.keyClick(steps, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert focused is not steps
    qtbot.waitUntil(lambda: surrounds(ring_of(window), focused, window))


def test_the_ring_is_drawn_in_a_colour_that_stands_out(qtbot, window):
    background = window.palette().window().color()
    base = window.palette().base().color()
    assert contrast_ratio(RING_COLOUR, background) >= 3
    assert contrast_ratio(RING_COLOUR, base) >= 3
    window.activateWindow()
    field = window.wizard.pages.currentWidget().findChildren(QLineEdit)[0]
    field.setFocus()
    qtbot.waitUntil(lambda: ring_of(window).isVisible())
    picture = window.grab().toImage()
    ring = ring_of(window).geometry()
    assert picture.pixelColor(ring.left() + 1, ring.center().y()) == RING_COLOUR


def test_contrast_ratio_is_the_wcag_one():
    from PySide6.QtGui import QColor

    assert round(contrast_ratio(QColor("black"), QColor("white")), 1) == 21.0
    assert contrast_ratio(QColor("#777777"), QColor("white")) < 4.5
