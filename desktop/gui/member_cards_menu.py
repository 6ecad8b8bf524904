"""The File menu's two member-card entries; the dialogs behind them
(desktop/gui/member_cards_dialog.py) are imported when first opened, not at start-up."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog

from i18n import _, ngettext

if TYPE_CHECKING:
    from desktop.gui.main_window import MainWindow
    from desktop.gui.member_cards_dialog import AskCardsDialog, CardReviewDialog


class CardActions(QObject):
    """The two menu entries of the member cards, for the main window's File menu."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ask_action = QAction(window)
        self.ask_action.triggered.connect(self.ask)
        self.read_action = QAction(window)
        self.read_action.triggered.connect(self.choose_cards)
        self.dialog: QDialog | QFileDialog | None = None

    def actions(self) -> list[QAction]:
        return [self.ask_action, self.read_action]

    def ask(self) -> AskCardsDialog | None:
        if self.window.district is None:
            return None
        if self.window.wizard is not None:
            self.window.wizard.flush()
        from desktop.gui.member_cards_dialog import AskCardsDialog

        dialog = AskCardsDialog(self.window.district, self.window)
        dialog.written.connect(self._written)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _written(self, paths: list[Path]) -> None:
        self.window.statusBar().showMessage(
            ngettext("{count} member card written", "{count} member cards written",
                     len(paths)).format(count=len(paths)), 10000)

    def choose_cards(self) -> None:
        dialog = QFileDialog(self.window, _("Read returned cards"), "",
                             _("Member cards (*.pdf)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.filesSelected.connect(self.review)
        self.dialog = dialog
        dialog.open()

    def review(self, paths: list[str]) -> CardReviewDialog | None:
        if self.window.district is None:
            return None
        if self.window.wizard is not None:
            self.window.wizard.flush()
        from desktop.gui.member_cards_dialog import CardReviewDialog

        dialog = CardReviewDialog(self.window.district, list(paths), self.window)
        dialog.read()
        dialog.applied.connect(self._applied)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _applied(self) -> None:
        if self.window.wizard is not None:
            self.window.wizard.table_editor("organizations").reload()
            self.window.wizard.refresh_states()

    def retranslate(self, has_district: bool) -> None:
        self.ask_action.setText(_("&Ask members for their data…"))
        self.read_action.setText(_("&Read returned cards…"))
        for action in self.actions():
            action.setEnabled(has_district)
