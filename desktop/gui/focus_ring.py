"""A focus ring that can be seen: 2 px, in a colour with at least 3:1 contrast, on every
widget that takes the keyboard focus (the step list and the Review's links included).

Styles draw focus differently, some barely at all (a dotted line, a faint tint). One overlay
per window, moved to wherever the focus goes, gives every widget the same clear ring without
restyling each one.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QApplication, QWidget

RING_COLOUR = QColor("#1a5fb4")  # 6.4:1 against white, 5.0:1 against Qt's light grey
RING_WIDTH = 2
FOCUS_RINGS = "focusRings"


class FocusRing(QWidget):
    """Drawn over the window, around the focused widget; clicks go through it."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target: QWidget | None = None
        self.hide()

    def follow(self, target: QWidget | None) -> None:
        self.target = target
        self.refresh()

    def refresh(self) -> None:
        target = self.target
        window = self.parentWidget()
        if target is None or window is None or not target.isVisible():
            self.hide()
            return
        visible = shown_part(target, window)
        if visible.isEmpty():
            self.hide()
            return
        ring = visible.adjusted(-RING_WIDTH, -RING_WIDTH, RING_WIDTH, RING_WIDTH)
        if ring != self.geometry():
            self.setGeometry(ring)
        self.show()
        self.raise_()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        del event  # the whole ring is drawn every time: it is a few pixels wide
        painter = QPainter(self)
        painter.setPen(QPen(RING_COLOUR, RING_WIDTH))
        half = RING_WIDTH // 2
        painter.drawRect(self.rect().adjusted(half, half, -half, -half))


def shown_part(target: QWidget, window: QWidget) -> QRect:
    """The part of ``target`` that is on screen, in the window's coordinates: its rectangle
    cut by every ancestor's (a field half scrolled out of its page gets half a ring)."""
    shown = QRect(target.mapTo(window, target.rect().topLeft()), target.size())
    ancestor = target.parentWidget()
    while ancestor is not None and ancestor is not window:
        shown &= QRect(ancestor.mapTo(window, ancestor.rect().topLeft()), ancestor.size())
        ancestor = ancestor.parentWidget()
    return shown


class FocusRings(QObject):
    """Follows the application's focus and keeps each window's ring on it."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName(FOCUS_RINGS)
        app.focusChanged.connect(self._focus_changed)
        # Scrolling or a layout change moves the focused widget without telling it: look
        # again a few times a second while a ring is shown.
        self._timer = QTimer(self)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self._refresh)
        self._current: FocusRing | None = None

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        del old  # only where the focus goes matters
        if self._current is not None:
            try:
                self._current.follow(None)
            except RuntimeError:  # its window was closed and deleted
                pass
            self._current = None
        if new is None or new.window() is new or isinstance(new, FocusRing):
            self._timer.stop()
            return
        window = new.window()
        ring = window.findChild(FocusRing, "focusRing", Qt.FindChildOption.FindDirectChildrenOnly)
        if ring is None:
            ring = FocusRing(window)
        ring.follow(new)
        self._current = ring
        self._timer.start()

    def _refresh(self) -> None:
        try:
            if self._current is not None:
                self._current.refresh()
        except RuntimeError:
            self._current = None
            self._timer.stop()


def install_focus_rings(app: QApplication) -> FocusRings:
    # By name: a search by type alone wraps every child of the application in Python first.
    existing = app.findChild(FocusRings, FOCUS_RINGS)
    return existing if existing is not None else FocusRings(app)


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG 2 contrast ratio between two colours."""

    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
                + 0.0722 * channel(colour.blueF()))

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)



