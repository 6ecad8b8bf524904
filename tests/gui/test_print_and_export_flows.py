"""Print prints; the Review ends on the agreement: export it or print it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog

from desktop.gui.export_dialog import ExportDialog


def test_ctrl_p_opens_the_print_dialog_not_the_export_one(qtbot, window):
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.dialog, QPrintDialog)
    window.dialog.reject()


def test_the_review_offers_export_and_print(qtbot, window):
    wizard = window.wizard
    wizard.steps.setCurrentRow(wizard.page_count() - 1)
    qtbot.mouseClick(wizard.export_button, Qt.MouseButton.LeftButton)
    assert isinstance(window.dialog, ExportDialog)
    window.dialog.reject()
    qtbot.mouseClick(wizard.print_button, Qt.MouseButton.LeftButton)
    assert isinstance(window.dialog, QPrintDialog)
    window.dialog.reject()
