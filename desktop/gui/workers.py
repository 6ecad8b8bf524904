"""Slow work off the UI thread: exports, printing, reading a spreadsheet.

The window stays responsive while a task runs in a thread of its own pool; the task's result or
its exception comes back to the UI thread through a queued signal. Work handed to a task must
not touch the district file: the SQLite connection belongs to the UI thread, so the window
builds the JSON document first and the task only renders that plain data.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QApplication, QMainWindow

ResultSlot = Callable[[Any], None]
ErrorSlot = Callable[[BaseException], None]


class _Outcome(QObject):
    """Created on the UI thread, emitted from the worker: Qt queues the delivery."""

    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], outcome: _Outcome) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the Task keeps it until the outcome is delivered
        self.work = work
        self.outcome = outcome

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:  # noqa: BLE001 (handed to the UI thread, which reports it)
            self.outcome.failed.emit(exc)
        else:
            self.outcome.finished.emit(result)


class Task(QObject):
    """One piece of work; ``result`` or ``error`` is set on the UI thread when it is over."""

    done = Signal()

    def __init__(self, work: Callable[[], Any], on_result: ResultSlot,
                 on_error: ErrorSlot) -> None:
        super().__init__()  # owned by Python: kept by the runner while it runs
        self.result: Any = None
        self.error: BaseException | None = None
        self.is_done = False
        self._on_result = on_result
        self._on_error = on_error
        self._outcome = _Outcome(self)
        self._outcome.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self._outcome.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self.job = _Job(work, self._outcome)

    def _finished(self, result: Any) -> None:
        self.result = result
        self.is_done = True
        self.done.emit()
        self._on_result(result)

    def _failed(self, error: BaseException) -> None:
        self.error = error
        self.is_done = True
        self.done.emit()
        self._on_error(error)


class TaskRunner(QObject):
    """Runs one task at a time for a window, with a busy cursor and a status message;
    ``busyChanged`` lets the window disable what would start more work meanwhile."""

    busyChanged = Signal(bool)  # noqa: N815 (Qt's naming)

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.current: Task | None = None

    @property
    def busy(self) -> bool:
        return self.current is not None

    def start(self, message: str, work: Callable[[], Any], on_result: ResultSlot,
              on_error: ErrorSlot) -> Task:
        task = Task(work, on_result, on_error)
        task.done.connect(lambda: self._over(task))
        self.current = task
        self._set_busy(True, message)
        self.pool.start(task.job)
        return task

    def _over(self, task: Task) -> None:
        if self.current is task:
            self.current = None
            self._set_busy(False, "")

    def _set_busy(self, busy: bool, message: str) -> None:
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
            self.window.statusBar().showMessage(message)
        else:
            QApplication.restoreOverrideCursor()
            self.window.statusBar().clearMessage()
        self.busyChanged.emit(busy)

    def wait(self) -> None:
        """Let a running task end (the window is closing)."""
        self.pool.waitForDone()
