"""The mouse wheel scrolls the page; it changes an answer only in the box the user is in.

Qt lets a wheel turned over a number box, a drop-down or a date change its value even when the
user only meant to scroll past it, and the change is saved at once. Each such box is guarded
where it is made (``guard_wheel``): its wheel goes to the page behind it instead, unless the
box has the keyboard focus (then the wheel changing its value is what the user expects).

The filter sits on the guarded boxes only. It once sat on the whole application, where Python
was called for every event of every widget: a tenth of the start-up's work (measured with
callgrind), for the few wheels that matter.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget

GUARDED = (QAbstractSpinBox, QComboBox)  # what holds an answer (a scroll bar only scrolls)
Guarded = TypeVar("Guarded", bound=QWidget)
WHEEL_GUARD = "wheelGuard"


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind == QEvent.Type.Polish:
            assert isinstance(watched, QWidget)
            _no_wheel_focus(watched)  # a style may set it again while polishing
            return False
        if kind != QEvent.Type.Wheel:
            return False
        assert isinstance(watched, QWidget)
        if watched.hasFocus():
            return False
        parent = watched.parentWidget()
        if parent is not None:
            # The page behind scrolls as if the widget were not there.
            QApplication.sendEvent(parent, event)
        return True


def _no_wheel_focus(widget: QWidget) -> None:
    # Qt gives a widget with WheelFocus the focus before it sees a real wheel event, which
    # would make every wheel look intended: such widgets take focus by click or Tab only.
    if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def _the_guard() -> WheelGuard:
    """One guard for the whole application, made at the first box guarded."""
    app = QApplication.instance()
    assert app is not None, "widgets need an application"
    # By name: a search by type alone wraps every child of the application in Python first.
    existing = app.findChild(WheelGuard, WHEEL_GUARD, Qt.FindChildOption.FindDirectChildrenOnly)
    if existing is not None:
        return existing
    guard = WheelGuard(app)
    guard.setObjectName(WHEEL_GUARD)
    return guard


def guard_wheel(widget: Guarded) -> Guarded:
    """Keep the wheel from changing ``widget`` unless it has the focus; returns ``widget``."""
    _no_wheel_focus(widget)
    widget.installEventFilter(_the_guard())
    return widget
