"""Unexpected errors in the window: logged, then explained in the user's language.

The dialog says what happened, whether the answers are safe (every edit is committed as it is
typed, so an open district that still reads well is safe) and offers the technical report
(traceback and versions) on the clipboard for whoever looks after the program.
"""

from __future__ import annotations

import sqlite3
import sys
import threading
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.district_file import DistrictFile
from desktop.core.log_file import (
    exception_of,
    log_path,
    log_unexpected,
    traceback_without_values,
    versions,
)
from i18n import _


def technical_report(error: BaseException) -> str:
    """What a developer needs: versions and where the program failed. Like the log, it leaves
    out the exception's message, which may quote what the user typed."""
    return f"{versions()}\nLog: {log_path()}\n\n{traceback_without_values(error)}"


def data_safety_text(district: DistrictFile | None) -> str:
    if district is None:
        return _("No district was open, so no answer is at risk.")
    try:
        sound = district.db.conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    except sqlite3.Error:
        sound = False
    if sound:
        return _("Your answers are safe: each one was saved in {file} as soon as you typed it. "
                 "You can go on working, or close DES Wizard and open the district again."
                 ).format(file=district.path.name)
    return _("Your answers may not be safe: the district file {file} could not be checked. "
             "Close DES Wizard, keep a copy of the file, then open it again.").format(
        file=district.path.name)


class ErrorDialog(QDialog):
    def __init__(self, error: BaseException, district: DistrictFile | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(_("DES Wizard: something went wrong"))
        self.report = technical_report(error)
        icon = QLabel(self)
        style = self.style()  # QStyle not imported: its enums cost start-up 10 ms
        icon.setPixmap(style.standardIcon(style.StandardPixmap.SP_MessageBoxCritical)
                       .pixmap(48, 48))
        self.what = QLabel(_(
            "DES Wizard met a problem it did not expect ({kind}). It is a fault of the "
            "program, not of what you did.").format(kind=type(error).__name__), self)
        self.safety = QLabel(data_safety_text(district), self)
        self.advice = QLabel(_(
            "To help fix it, copy the technical report and send it to whoever gave you DES "
            "Wizard. It holds no answer of the district, only where the program failed."), self)
        for label in (self.what, self.safety, self.advice):
            label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(_("&Copy the technical report"), self)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_report)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (icon, self.what, self.safety, self.advice, self.buttons):
            layout.addWidget(widget)
        self.resize(520, self.sizeHint().height())

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report)
        self.copy_button.setText(_("Copied"))


class UnexpectedErrors:
    """``sys.excepthook`` for the window: every unexpected error is logged; one dialog at a
    time tells the user (an error repeated while painting must not pile dialogs up)."""

    def __init__(self, parent: Callable[[], QWidget | None],
                 district: Callable[[], DistrictFile | None]) -> None:
        self.parent = parent
        self.district = district
        self.dialog: ErrorDialog | None = None

    def __call__(self, kind: type[BaseException], error: BaseException,
                 trace: TracebackType | None) -> None:
        self.report(exception_of(kind, error, trace), "the window")

    def report(self, error: BaseException, where: str) -> ErrorDialog | None:
        log_unexpected(error, where)
        if QApplication.instance() is None or \
                threading.current_thread() is not threading.main_thread():
            return None
        if self.dialog is not None and self.dialog.isVisible():
            return None
        self.dialog = ErrorDialog(error, self.district(), self.parent())
        self.dialog.destroyed.connect(self._forget)
        self.dialog.open()
        return self.dialog

    def _forget(self) -> None:
        self.dialog = None


def install(parent: Callable[[], QWidget | None],
            district: Callable[[], DistrictFile | None]) -> UnexpectedErrors:
    hook = UnexpectedErrors(parent, district)
    sys.excepthook = hook
    return hook
