"""Tab from a page's last field goes to Next (or, on the Review, to Export)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


def last_focusable(page: QWidget) -> QWidget:
    """Where Shift+Tab from Back lands: the page's last widget in the tab chain."""
    candidates = [w for w in page.findChildren(QWidget)
                  if w.isVisibleTo(page) and w.isEnabled()
                  and w.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus]
    assert candidates
    return candidates[-1]


def test_every_page_ends_on_next(qtbot, window):
    wizard = window.wizard
    window.activateWindow()
    wrong = []
    for index in range(wizard.page_count()):
        wizard.steps.setCurrentRow(index)
        onward = wizard.export_button if index == wizard.page_count() - 1 else \
            wizard.next_button
        # Backwards from Back must land inside the page, and forwards from there reach
        # Back then the way on.
        wizard.back_button.setEnabled(True)
        wizard.back_button.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is wizard.back_button)
        qtbot.keyClick(wizard.back_button, Qt.Key.Key_Backtab)
        inside = QApplication.focusWidget()
        if inside is None or not wizard.pages.currentWidget().isAncestorOf(inside):
            wrong.append(f"{index}: before Back is {type(inside).__name__}")
            continue
        qtbot.keyClick(inside, Qt.Key.Key_Tab)
        after = QApplication.focusWidget()
        if after is wizard.back_button:
            qtbot.keyClick(after, Qt.Key.Key_Tab)
            after = QApplication.focusWidget()
        if index == wizard.page_count() - 1 and after is wizard.print_button:
            qtbot.keyClick(after, Qt.Key.Key_Tab)
            after = QApplication.focusWidget()
        if after is not onward:
            wrong.append(f"{index}: after the last field comes {type(after).__name__} "
                         f"{getattr(after, 'text', lambda: '')()!r}")
    assert wrong == [], "\n".join(wrong)
