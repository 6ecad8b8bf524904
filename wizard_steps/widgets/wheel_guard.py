"""The mouse wheel scrolls the page; it changes an answer only in the box the user is in.

Qt lets a wheel turned over a number box, a drop-down or a date change its value even when the
user only meant to scroll past it, and the change is saved at once. Each such box of the
window is guarded when it is made (``guard_wheel``): a wheel over it goes to the page behind
instead, unless the box has the keyboard focus (then the wheel changing its value is what the
user expects).

The guard watches only those boxes. It was once a filter on the whole application, which made
Python see every event of every widget (thousands for each page built, about a twentieth of
building one).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSlider, QAbstractSpinBox, QApplication, QComboBox, QWidget

GUARDED = (QAbstractSpinBox, QComboBox, QAbstractSlider)


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget) or \
                watched.hasFocus():
            return False
        parent = watched.parentWidget()
        if parent is not None:
            # The page behind scrolls as if the widget were not there.
            QApplication.sendEvent(parent, event)
        return True


_guards: list[WheelGuard] = []  # one for the whole program, made with the first box


def guard_wheel(widget: QWidget) -> None:
    """Let the wheel change ``widget`` only while it has the keyboard focus."""
    if not isinstance(widget, GUARDED):
        return
    # Qt gives a widget with WheelFocus the focus before it sees a real wheel event, which
    # would make every wheel look intended: such widgets take focus by click or Tab only.
    if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    if not _guards:
        _guards.append(WheelGuard())
    widget.installEventFilter(_guards[0])
