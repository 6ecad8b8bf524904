"""When typed text is saved: after a pause in the typing, and never later than a maximum wait.

A pause timer alone restarts at every key, so someone typing without a pause would keep the
text in the window only (20 keys at 300 ms gaps were first saved after 6 s). The maximum wait
starts at the first unsaved key and is not restarted by the following ones: continuous typing
reaches the disk at least once a second.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

TYPING_PAUSE_MS = 350  # the commit lands within 400 ms of the last key
MAXIMUM_WAIT_MS = 1000  # under the 1.5 s promised, leaving room for a late timer and the commit


class SaveTimer(QObject):
    """``start()`` at every key; ``due`` fires once the typing pauses or has waited long enough.
    ``stop()`` when the text is saved by other means (leaving the field)."""

    due = Signal()

    def __init__(self, parent: QObject | None = None, pause_ms: int = TYPING_PAUSE_MS,
                 maximum_ms: int = MAXIMUM_WAIT_MS) -> None:
        super().__init__(parent)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(pause_ms)
        self._pause.timeout.connect(self._fire)
        self._longest = QTimer(self)
        self._longest.setSingleShot(True)
        self._longest.setInterval(maximum_ms)
        self._longest.timeout.connect(self._fire)

    def start(self) -> None:
        self._pause.start()
        if not self._longest.isActive():
            self._longest.start()

    def stop(self) -> None:
        self._pause.stop()
        self._longest.stop()

    def isActive(self) -> bool:  # noqa: N802 (QTimer's name, which this stands in for)
        return self._pause.isActive() or self._longest.isActive()

    def _fire(self) -> None:
        self.stop()
        self.due.emit()
