"""The mouse wheel scrolls the page; it changes an answer only in the box the user is in.

Qt lets a wheel turned over a number box or a drop-down change its value even when the user
only meant to scroll past it, and the change is saved at once. The window's drop-downs and
number boxes are made from the classes below: a wheel over one that does not have the
keyboard focus is left to the page behind (Qt passes an ignored wheel to the parent), and
only the box the user is in turns with the wheel.

Each class overrides only ``wheelEvent``, so Python sees wheel events and nothing else. (This
was once an event filter on the whole application, which made Python see every event of
every widget: about a third of building any page.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractSlider, QAbstractSpinBox, QComboBox, QSpinBox, QWidget

GUARDED = (QAbstractSpinBox, QComboBox, QAbstractSlider)  # what takes values from the wheel


def _focus_by_click_or_tab(widget: QWidget) -> None:
    # Qt gives a widget with WheelFocus the focus before it sees a real wheel event, which
    # would make every wheel look intended: these take the focus by click or Tab only.
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


# For the type checker the mixin is a widget; at run time the Qt class after it in the bases
# is (the same pattern as i18n.qt.Retranslating).
if TYPE_CHECKING:
    _WidgetBase = QWidget
else:
    _WidgetBase = object


class _WheelOnlyWhenFocused(_WidgetBase):
    """Mixed in before a Qt box: the wheel turns the box only while it has the focus."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _focus_by_click_or_tab(self)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt's name)
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # the page behind scrolls as if the box were not there


class GuardedComboBox(_WheelOnlyWhenFocused, QComboBox):
    pass


class GuardedSpinBox(_WheelOnlyWhenFocused, QSpinBox):
    pass
