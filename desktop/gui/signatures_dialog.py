"""The digital signatures in the window: "Signatures…" in the File menu opens a dialog that
exports the final for signature, adds signed agreements and shows who has signed; the status
bar says "Signed on …" once every party has."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.core import settings
from desktop.core.district_file import DistrictFile
from desktop.core.document import to_document
from desktop.core.errors import UserError
from desktop.core.outputs import check_output
from desktop.core.signing.records import ExportRecord
from desktop.core.signing.status import SigningState
from desktop.core.signing.store import (
    CheckedFile,
    Roots,
    check_signed_files,
    current_state,
    keep_export,
    latest_export,
    recheck,
    save_signed_file,
    signed_files,
    store_checked,
    stored_data,
    write_reports,
)
from desktop.gui.messages import open_message
from desktop.gui.signatures_menu import update_signed_label
from desktop.gui.workers import Task
from i18n import N_, _
from i18n.qt import Retranslating

if TYPE_CHECKING:
    from desktop.gui.main_window import MainWindow

COLUMNS = (N_("Party"), N_("Legal representative"), N_("State"), N_("Signed by"),
           N_("Signed at"), N_("Certificate"), N_("Remarks"))
SIGNED_FILTER = N_("Signed agreements (*.pdf *.p7m)")
COLOURS = {"signed": "#dff0d8", "warning": "#fcf8e3", "problem": "#f2dede"}


class SignaturesDialog(Retranslating, QDialog):
    """Non-modal: the window stays usable, and tests reach the table."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
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
        self.save_file_button = QPushButton(self)
        self.save_file_button.setEnabled(False)
        self.save_file_button.clicked.connect(self.request_save_file)
        self.files.currentRowChanged.connect(
            lambda row: self.save_file_button.setEnabled(row >= 0))
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
        self.trust_button = QPushButton(self)
        menu = QMenu(self.trust_button)
        self.trust_file_action = menu.addAction("")
        self.trust_file_action.triggered.connect(lambda: self.request_trust(False))
        self.trust_folder_action = menu.addAction("")
        self.trust_folder_action.triggered.connect(lambda: self.request_trust(True))
        self.trust_button.setMenu(menu)
        self.buttons.addButton(self.trust_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.instructions = QPlainTextEdit(self)
        self.instructions.setReadOnly(True)
        self.written_instructions: Path | None = None
        # Two tabs: who has signed, and how to sign (the text written beside the export).
        self.tabs = QTabWidget(self)
        signed_tab = QWidget(self.tabs)
        signed_layout = QVBoxLayout(signed_tab)
        signed_parts: tuple[QWidget, ...] = (self.table, self.files_label, self.files,
                                             self.save_file_button, self.offline_label)
        for part in signed_parts:
            signed_layout.addWidget(part)
        self.tabs.addTab(signed_tab, "")
        self.tabs.addTab(self.instructions, "")
        layout = QVBoxLayout(self)
        for widget in (self.state_label, self.tabs, self.buttons):
            layout.addWidget(widget)
        window.tasks.busyChanged.connect(self.set_busy)
        self.retranslate()

    # --- what the buttons do (callable without the file dialogs) ----------------------------

    # Each runs in the window's worker: the district is read here, on the UI thread, and
    # only plain data (the document, the stored files' bytes) goes to the worker; what it
    # returns is stored here again. The window shows it is busy meanwhile.

    def export_to(self, path: str | Path) -> Task | None:
        district = self.window_.district
        document = self.window_._document_now()
        if district is None or document is None:
            return None
        try:
            # The file dialog has asked about replacing; a district is never overwritten.
            target = check_output(path, protected=[district.path], replace=True)
        except UserError as exc:
            self._error(exc)
            return None
        lang, rows, trust = self.window_.language.language, stored_data(district), _trust_path()

        def work() -> tuple[ExportRecord, Path, list[tuple[str, int]]]:
            from desktop.core.signing.export import export_for_signing  # reportlab, pyHanko
            from desktop.core.signing.instructions import write_instructions

            record = export_for_signing(document, lang, target)
            beside = write_instructions(document, record, lang, target)
            return record, beside, recheck(rows, record, _roots(trust))

        return self.window_._run(_("Exporting the agreement for signature…"), work,
                                 lambda result: self._exported(district, *result),
                                 N_("The agreement could not be written: {reason}"))

    def _exported(self, district: DistrictFile, record: ExportRecord, beside: Path,
                  reports: list[tuple[str, int]]) -> None:
        if district is not self.window_.district:
            return  # the district was closed meanwhile
        keep_export(district, record)
        write_reports(district, reports)
        self.written_instructions = beside
        self._refresh_if_open()

    def add_files(self, paths: list[str]) -> Task | None:
        district = self.window_.district
        if district is None or not paths:
            return None
        export, trust = latest_export(district), _trust_path()
        return self.window_._run(
            _("Verifying the signatures…"),
            lambda: check_signed_files(list(paths), export, _roots(trust)),
            lambda checked: self._checked(district, checked),
            N_("The file could not be read: {reason}"))

    def _checked(self, district: DistrictFile, checked: list[CheckedFile]) -> None:
        if district is not self.window_.district:
            return
        store_checked(district, checked)
        self._refresh_if_open()

    def import_trust_list(self, path: str | Path) -> Task | None:
        """Remember a trust list (a file or a folder of authorities' certificates) and verify
        the stored files again against it."""
        district = self.window_.district
        if district is None or not str(path):
            return None
        export, rows, trust = latest_export(district), stored_data(district), str(path)
        return self.window_._run(
            _("Verifying the signatures…"),
            lambda: recheck(rows, export, _roots(trust)),
            lambda reports: self._trusted(district, trust, reports),
            N_("The file could not be read: {reason}"))

    def _trusted(self, district: DistrictFile, trust: str,
                 reports: list[tuple[str, int]]) -> None:
        chosen = settings.load()
        chosen.trust_list = trust
        settings.save(chosen)
        if district is self.window_.district:
            write_reports(district, reports)
        self._refresh_if_open()

    def _refresh_if_open(self) -> None:
        """What a task brought back is stored even when the dialog was closed meanwhile; the
        dialog is refreshed only while it exists, the status bar always."""
        if isValid(self):
            self.refresh()
        else:
            update_signed_label(self.window_)

    def set_busy(self, busy: bool) -> None:
        self.refresh_buttons(busy)
        if busy:
            self.state_label.setText(_("Working… the window stays usable meanwhile."))
        else:
            self.refresh()

    def _error(self, exc: Exception) -> None:
        text = exc.message() if isinstance(exc, UserError) else str(exc)
        self.message = open_message(self, text)

    def request_export(self) -> None:
        dialog = QFileDialog(self, _("Export the final agreement for digital signature"),
                             str(self.window_._default_folder()), _("PDF files (*.pdf)"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.fileSelected.connect(self.export_to)
        self.file_dialog = dialog
        dialog.open()

    def request_trust(self, folder: bool) -> None:
        dialog = QFileDialog(self, _("Import a trust list"),
                             str(self.window_._default_folder()),
                             _("Certificates (*.pem *.crt *.cer *.der)"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setFileMode(QFileDialog.FileMode.Directory if folder
                           else QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.import_trust_list)
        self.file_dialog = dialog
        dialog.open()

    def save_file(self, file_id: int, path: str | Path) -> Path | None:
        """A signed file kept in the district, written out again (never over a district)."""
        district = self.window_.district
        if district is None:
            return None
        try:
            target = check_output(path, protected=[district.path], replace=True)
            return save_signed_file(district, file_id, target)
        except (UserError, OSError) as exc:
            self._error(exc)
            return None

    def request_save_file(self) -> None:
        item = self.files.currentItem()
        if item is None:
            return
        file_id, name = (item.data(Qt.ItemDataRole.UserRole),
                         item.data(Qt.ItemDataRole.UserRole + 1))
        folder = self.window_._default_folder()
        dialog = QFileDialog(self, _("Save a copy of the signed file"), str(folder / name))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.fileSelected.connect(lambda path: self.save_file(int(file_id), path))
        self.file_dialog = dialog
        dialog.open()

    def request_add(self) -> None:
        dialog = QFileDialog(self, _("Add signed agreement"),
                             str(self.window_._default_folder()), _(SIGNED_FILTER))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
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
        self.refresh_buttons(self.window_.tasks.busy)
        if state is None or district is None:
            return
        # The dialog's words: loaded when it is first shown, not with the window.
        from desktop.core.signing.instructions import instructions_text
        from desktop.core.signing.summary import file_state, offline_note, party_row, state_line

        self.state_label.setText(state_line(state, lang, _))
        record = latest_export(district)
        document = to_document(district)
        self.instructions.setPlainText(instructions_text(document, record, lang))
        checks = [stored.check for stored in signed_files(district)]
        self.offline_label.setText(_(offline_note(checks)) + " " + self._trust_text())
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
            entry = QListWidgetItem(f"{stored.check.name} — {file_state(stored.check, _)}")
            entry.setData(Qt.ItemDataRole.UserRole, stored.id)
            entry.setData(Qt.ItemDataRole.UserRole + 1, stored.check.name)
            self.files.addItem(entry)
        update_signed_label(self.window_)

    def refresh_buttons(self, busy: bool) -> None:
        district = self.window_.district
        writable = district is not None and not district.read_only and not busy
        for button in (self.export_button, self.add_button, self.trust_button):
            button.setEnabled(writable)  # each stores into the district

    def _trust_text(self) -> str:
        trust = _trust_path()
        if trust is None:
            return _("No trust list imported: trust in the issuers is not checked offline.")
        return _("Trust list: {path}").format(path=trust)

    def retranslate(self) -> None:
        self.setWindowTitle(_("Digital signatures"))
        self.table.setHorizontalHeaderLabels([_(title) for title in COLUMNS])
        self.files_label.setText(_("Signed files kept in the district"))
        self.export_button.setText(_("Export for signature…"))
        self.add_button.setText(_("Add signed agreement…"))
        self.trust_button.setText(_("Trust list…"))
        self.save_file_button.setText(_("Save a copy of the selected file…"))
        self.trust_file_action.setText(_("Import from a file…"))
        self.trust_folder_action.setText(_("Import from a folder…"))
        self.tabs.setTabText(0, _("Who has signed"))
        self.tabs.setTabText(1, _("How to sign"))
        self.instructions.setAccessibleName(_("How to sign"))
        self.refresh()


def _trust_path() -> str | None:
    """The trust list imported earlier, while it is still there (a list moved or deleted
    since is simply not used: the issuers are then reported as not checked)."""
    trust = settings.load().trust_list
    return trust if trust and Path(trust).exists() else None


def _roots(trust: str | None) -> Roots:
    from desktop.core.signing.trust import load_trust_list  # asn1crypto: only when used

    return load_trust_list(trust) if trust else None


def _colour(warning: bool, signed: bool, attempted: bool) -> str:
    if warning:
        return COLOURS["warning"]
    if signed:
        return COLOURS["signed"]
    return COLOURS["problem"] if attempted else ""
