"""Bold captions and red messages through fonts and palettes, not style sheets.

A widget with its own style sheet gets a style-sheet style of its own, and every widget under
a container with one is polished through it: with a message label per field, building a page
of a thousand-member district spent a third of its time there (docs/benchmarks.md).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QWidget

MESSAGE_COLOUR = QColor("#b00020")


def bold(widget: QWidget, point_size: float | None = None) -> None:
    font = QFont(widget.font())
    font.setWeight(QFont.Weight.DemiBold)
    if point_size is not None:
        font.setPointSizeF(point_size)
    widget.setFont(font)


def as_message(widget: QWidget) -> None:
    """The red of a field's problem, on the widget's own palette."""
    palette = QPalette(widget.palette())
    palette.setColor(QPalette.ColorRole.WindowText, MESSAGE_COLOUR)
    widget.setPalette(palette)
