"""Work that can wait until the window is on screen runs right after its first paint.

A zero-timer started while the window is being built fires before Qt paints it (posted timer
events come first), so judging every step or writing the opening backup that way delays the
first sight of the window. Here the work is queued from the window's first paint event, so it
runs in the next turn of the event loop, with the first step already drawn. A window that is
never shown (a dialog's parent, a test) still gets its work done after FALLBACK_MS.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QWidget

FALLBACK_MS = 500


class FirstPaint(QObject):
    """Watches one window for its first paint; created by ``after_first_paint``."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("firstPaint")
        self.painted = False
        self._waiting: list[Callable[[], None]] = []
        window.installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self._release)

    def call(self, callback: Callable[[], None]) -> None:
        if self.painted:
            QTimer.singleShot(0, callback)
        else:
            self._waiting.append(callback)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint and watched is self.parent():
            self._release()
        return False

    def _release(self) -> None:
        if self.painted:
            return
        self.painted = True
        parent = self.parent()
        if parent is not None:
            parent.removeEventFilter(self)
        waiting, self._waiting = self._waiting, []
        for callback in waiting:
            QTimer.singleShot(0, callback)


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Run ``callback`` once ``widget``'s window has been painted for the first time (at once,
    in the next turn of the event loop, if it already has)."""
    window = widget.window()
    watcher = window.findChild(FirstPaint, "firstPaint", Qt.FindChildOption.FindDirectChildrenOnly)
    if watcher is None:
        watcher = FirstPaint(window)
    watcher.call(callback)
