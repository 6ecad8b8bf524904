"""Work deferred behind the window's first paint (desktop/gui/first_paint.py) runs after it,
never before: the window is seen first."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QMainWindow

from desktop.gui.first_paint import FALLBACK_MS, after_first_paint


class PaintLog(QObject):
    def __init__(self, log: list[str]) -> None:
        super().__init__()
        self.log = log

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.log.append("paint")
        return False


def test_the_work_waits_for_the_first_paint(qtbot):
    log: list[str] = []
    window = QMainWindow()
    qtbot.addWidget(window)
    label = QLabel("the first step", window)
    window.setCentralWidget(label)
    painted = PaintLog(log)
    window.installEventFilter(painted)
    after_first_paint(label, lambda: log.append("states"))
    after_first_paint(label, lambda: log.append("backup"))
    window.show()
    qtbot.waitUntil(lambda: "backup" in log)
    assert log[0] == "paint"
    assert log.index("states") < log.index("backup")  # in the order asked
    after_first_paint(window, lambda: log.append("later"))  # painted already: next turn
    assert "later" not in log
    qtbot.waitUntil(lambda: "later" in log)


def test_a_window_never_shown_still_gets_its_work_done(qtbot):
    log: list[str] = []
    window = QMainWindow()
    qtbot.addWidget(window)
    after_first_paint(window, lambda: log.append("backup"))
    qtbot.wait(FALLBACK_MS // 5)
    assert log == []
    qtbot.waitUntil(lambda: log == ["backup"], timeout=FALLBACK_MS * 4)
