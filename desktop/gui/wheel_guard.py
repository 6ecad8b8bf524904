"""The mouse wheel scrolls the page; it changes an answer only in the box the user is in.

Qt lets a wheel turned over a number box, a drop-down or a date change its value even when the
user only meant to scroll past it, and the change is saved at once. One filter on the
application sends such a wheel to the page behind the widget instead, unless the widget has
the keyboard focus (then the wheel changing its value is what the user expects).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSlider, QAbstractSpinBox, QApplication, QComboBox, QWidget

GUARDED = (QAbstractSpinBox, QComboBox, QAbstractSlider)


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if not isinstance(watched, GUARDED):
            return False
        assert isinstance(watched, QWidget)
        if event.type() == QEvent.Type.Polish:
            # Qt gives a widget with WheelFocus the focus before it sees a real wheel event,
            # which would make every wheel look intended: such widgets take focus by click or
            # Tab only.
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            return False
        if event.type() != QEvent.Type.Wheel or watched.hasFocus():
            return False
        parent = watched.parentWidget()
        if parent is not None:
            # The page behind scrolls as if the widget were not there.
            QApplication.sendEvent(parent, event)
        return True


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """Once per application: a second call returns the guard already installed."""
    existing = app.findChild(WheelGuard)
    if existing is not None:
        return existing
    guard = WheelGuard(app)
    app.installEventFilter(guard)
    return guard
