"""The digital signatures in the window: "Signatures…" in the File menu opens a dialog that
exports the final for signature, adds signed agreements and shows who has signed; the status
bar says "Signed on …" once every party has."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.document import to_document
from desktop.core.errors import UserError
from desktop.core.outputs import check_output
from desktop.core.signing.status import SigningState
from desktop.core.signing.store import current_state, record_export, signed_files
from desktop.core.signing.summary import OFFLINE_NOTE, file_state, party_row, state_line
from desktop.gui.messages import open_message
from i18n import N_, _
from i18n.formats import long_date
from i18n.qt import Retranslating

if TYPE_CHECKING:
    from desktop.gui.main_window import MainWindow

COLUMNS = (N_("Party"), N_("Legal representative"), N_("State"), N_("Signed by"),
           N_("Signed at"), N_("Certificate"), N_("Remarks"))
SIGNED_FILTER = N_("Signed agreements (*.pdf *.p7m)")
SIGNATURES_ACTION, SIGNED_LABEL = "signaturesAction", "signedLabel"  # found by object name
COLOURS = {"signed": "#dff0d8", "warning": "#fcf8e3", "problem": "#f2dede"}


class SignaturesDialog(Retranslating, QDialog):
    """Non-modal: the window stays usable, and tests reach the table."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.file_dialog: QFileDialog | None = None
        self.message: QWidget | None = None
        self.resize(1000, 520)
        self.state_label = QLabel(self)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.files_label = QLabel(self)
        self.files = QListWidget(self)
        self.files.setMaximumHeight(90)
        self.offline_label = QLabel(self)
        self.offline_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.close)
        self.export_button = QPushButton(self)
        self.add_button = QPushButton(self)
        for button in (self.export_button, self.add_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(self.request_export)
        self.add_button.clicked.connect(self.request_add)
        layout = QVBoxLayout(self)
        for widget in (self.state_label, self.table, self.files_label, self.files,
                       self.offline_label, self.buttons):
            layout.addWidget(widget)
        self.retranslate()

    # --- what the buttons do (callable without the file dialogs) ----------------------------

    def export_to(self, path: str | Path) -> bool:
        from desktop.core.signing.export import export_for_signing  # reportlab and pyHanko

        district = self.window_.district
        if district is None:
            return False
        try:
            # The file dialog has asked about replacing; a district is never overwritten.
            target = check_output(path, protected=[district.path], replace=True)
            record_export(district, export_for_signing(
                to_document(district), self.window_.language.language, target))
        except (UserError, OSError) as exc:
            self._error(exc)
            return False
        self.refresh()
        return True

    def add_files(self, paths: list[str]) -> bool:
        from desktop.core.signing.store import add_signed_files

        district = self.window_.district
        if district is None or not paths:
            return False
        try:
            add_signed_files(district, list(paths))
        except (UserError, OSError) as exc:
            self._error(exc)
            return False
        self.refresh()
        return True

    def _error(self, exc: Exception) -> None:
        text = exc.message() if isinstance(exc, UserError) else str(exc)
        self.message = open_message(self, text)

    def request_export(self) -> None:
        dialog = QFileDialog(self, _("Export the final agreement for digital signature"),
                             str(self.window_._default_folder()), _("PDF files (*.pdf)"))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.fileSelected.connect(self.export_to)
        self.file_dialog = dialog
        dialog.open()

    def request_add(self) -> None:
        dialog = QFileDialog(self, _("Add signed agreement"),
                             str(self.window_._default_folder()), _(SIGNED_FILTER))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.filesSelected.connect(self.add_files)
        self.file_dialog = dialog
        dialog.open()

    # --- showing the state ------------------------------------------------------------------

    def state(self) -> SigningState | None:
        district = self.window_.district
        return None if district is None else current_state(district, to_document(district))

    def refresh(self) -> None:
        state = self.state()
        district = self.window_.district
        lang = self.window_.language.language
        self.table.setRowCount(0)
        self.files.clear()
        for button in (self.export_button, self.add_button):  # both store into the district
            button.setEnabled(district is not None and not district.read_only)
        if state is None or district is None:
            return
        self.state_label.setText(state_line(state, lang, _))
        for party in state.parties:
            row = party_row(party, lang, _)
            index = self.table.rowCount()
            self.table.insertRow(index)
            colour = _colour(row.warning, row.signed, party.signature is not None)
            for column, text in enumerate((row.organisation, row.representative, row.state,
                                           row.signer, row.signed_at, row.qualified,
                                           row.remark)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if colour:
                    item.setBackground(QBrush(QColor(colour)))
                self.table.setItem(index, column, item)
        for stored in signed_files(district):
            self.files.addItem(f"{stored.check.name} — {file_state(stored.check, _)}")
        update_signed_label(self.window_)

    def retranslate(self) -> None:
        self.setWindowTitle(_("Digital signatures"))
        self.table.setHorizontalHeaderLabels([_(title) for title in COLUMNS])
        self.files_label.setText(_("Signed files kept in the district"))
        self.offline_label.setText(_(OFFLINE_NOTE))
        self.export_button.setText(_("Export for signature…"))
        self.add_button.setText(_("Add signed agreement…"))
        self.refresh()


def _colour(warning: bool, signed: bool, attempted: bool) -> str:
    if warning:
        return COLOURS["warning"]
    if signed:
        return COLOURS["signed"]
    return COLOURS["problem"] if attempted else ""


def signed_on_text(window: MainWindow) -> str:
    district = window.district
    if district is None:
        return ""
    state = current_state(district, to_document(district))
    if not state.all_signed:
        return ""
    return _("Signed on {date}").format(date=long_date(state.signed_on, window.language.language))


def update_signed_label(window: MainWindow) -> None:
    label = window.findChild(QLabel, SIGNED_LABEL)
    if label is not None:
        label.setText(signed_on_text(window))
        label.setAccessibleName(label.text())


def open_signatures(window: MainWindow) -> SignaturesDialog | None:
    if window.district is None:
        return None
    dialog = SignaturesDialog(window)
    window.dialog = dialog
    dialog.show()
    return dialog


def install_signatures(window: MainWindow) -> None:
    """The File menu's "Signatures…" and the status bar's "Signed on …"."""
    action = QAction(window)
    action.setObjectName(SIGNATURES_ACTION)
    action.triggered.connect(lambda: open_signatures(window))
    window.file_menu.insertAction(window.close_action, action)
    label = QLabel(window)
    label.setObjectName(SIGNED_LABEL)
    window.statusBar().addPermanentWidget(label)

    def retranslate(*_args: object) -> None:
        action.setText(_("&Signatures…"))
        action.setEnabled(window.district is not None)
        update_signed_label(window)

    window.language.languageChanged.connect(retranslate)
    window.stack.currentChanged.connect(retranslate)
    retranslate()
