"""The window's size: fitted to the screen on a first start, then as the user left it."""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from desktop.core import settings

PREFERRED = (1200, 760)


def fit_to_screen(window: QWidget) -> None:
    """The preferred size, or the screen's free area where that is smaller (a netbook)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    free = screen.availableGeometry()
    width, height = min(PREFERRED[0], free.width()), min(PREFERRED[1], free.height())
    window.resize(width, height)
    window.move(free.x() + (free.width() - width) // 2, free.y() + (free.height() - height) // 2)


def restore(window: QWidget) -> None:
    stored = settings.load().window_geometry
    if not stored or not window.restoreGeometry(QByteArray.fromBase64(stored.encode("ascii"))):
        fit_to_screen(window)


def remember(window: QWidget) -> None:
    stored = settings.load()
    stored.window_geometry = bytes(window.saveGeometry().toBase64().data()).decode("ascii")
    settings.save(stored)
