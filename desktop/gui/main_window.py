"""The main window: welcome screen or wizard, menus, the language switch and the save state."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from desktop.core import settings
from desktop.core.agreement.organisation import missing_clause_languages
from desktop.core.defaults import start_district
from desktop.core.district_file import DistrictFile
from desktop.core.errors import UserError
from desktop.core.readiness import ready_to_sign
from desktop.gui.export_dialog import ExportDialog
from desktop.gui.import_dialog import ImportDialog
from desktop.gui.language import LanguageController
from desktop.gui.messages import open_message
from desktop.gui.signatures_dialog import install_signatures
from desktop.gui.welcome import WelcomePage
from desktop.gui.wizard_view import WizardView
from i18n import LANGUAGE_NAMES, LANGUAGES, N_, _, ngettext

EXAMPLE_FILE_NAME = "Esempio - DES Fiemme e Fassa.des"
DISTRICT_FILTER = N_("District files (*.des)")
SPREADSHEET_FILTER = N_("Spreadsheets (*.csv *.xlsx)")
CALENDAR_FILTER = N_("Calendars (*.ics)")


class MainWindow(QMainWindow):
    def __init__(self, language: LanguageController) -> None:
        super().__init__()
        self.language = language
        self.district: DistrictFile | None = None
        self.wizard: WizardView | None = None
        self.dialog: QWidget | None = None  # the open non-modal dialog, reachable from tests
        self.last_export: Path | None = None
        self._print_folder: tempfile.TemporaryDirectory | None = None
        self._printer: QPrinter | None = None
        self._saved_at: dt.datetime | None = None

        self.stack = QStackedWidget(self)
        self.welcome = WelcomePage(self)
        self.welcome.newRequested.connect(self.request_new)
        self.welcome.openRequested.connect(self.request_open)
        self.welcome.exampleRequested.connect(self.open_example)
        self.welcome.recentChosen.connect(self.open_district)
        self.welcome.languageChosen.connect(
            lambda lang: self.language_combo.setCurrentIndex(self.language_combo.findData(lang)))
        self.stack.addWidget(self.welcome)
        self.setCentralWidget(self.stack)

        self._make_actions()
        self.save_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.save_label)
        install_signatures(self)
        language.languageChanged.connect(self.retranslate)
        self.resize(1200, 760)
        self._update_recent()
        self.retranslate()

    # --- actions, menus, toolbar ------------------------------------------------------------

    def _make_actions(self) -> None:
        def action(shortcut: QKeySequence | QKeySequence.StandardKey | None, slot) -> QAction:
            made = QAction(self)
            if shortcut is not None:
                made.setShortcut(shortcut)
            made.triggered.connect(slot)
            return made

        self.new_action = action(QKeySequence.StandardKey.New, self.request_new)
        self.open_action = action(QKeySequence.StandardKey.Open, self.request_open)
        self.copy_action = action(QKeySequence.StandardKey.SaveAs, self.request_save_copy)
        self.export_action = action(QKeySequence("Ctrl+E"), self.request_export)
        self.print_action = action(QKeySequence.StandardKey.Print, self.request_export)
        self.example_action = action(None, self.open_example)
        self.import_action = action(None, self.request_import)
        self.close_action = action(QKeySequence.StandardKey.Close, self.close_district)
        self.quit_action = action(QKeySequence.StandardKey.Quit, self.close)
        self.back_action = action(QKeySequence("Alt+Left"), self._go_back)
        self.next_action = action(QKeySequence("Alt+Right"), self._go_next)
        self.addAction(self.back_action)
        self.addAction(self.next_action)

        self.file_menu = self.menuBar().addMenu("")
        self.recent_menu = QMenu(self)
        for item in (self.new_action, self.open_action):
            self.file_menu.addAction(item)
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addAction(self.example_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.copy_action)
        self.file_menu.addAction(self.import_action)
        self.file_menu.addAction(self.export_action)
        self.file_menu.addAction(self.print_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.close_action)
        self.file_menu.addAction(self.quit_action)

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for item in (self.new_action, self.open_action, self.export_action, self.print_action):
            self.toolbar.addAction(item)
        spacer = QWidget(self)
        spacer.setSizePolicy(spacer.sizePolicy().horizontalPolicy().Expanding,
                             spacer.sizePolicy().verticalPolicy().Preferred)
        self.toolbar.addWidget(spacer)
        self.language_label = QLabel(self)
        self.toolbar.addWidget(self.language_label)
        self.language_combo = QComboBox(self)
        for lang in LANGUAGES:
            self.language_combo.addItem(LANGUAGE_NAMES[lang], lang)
        self.language_label.setBuddy(self.language_combo)
        self.language_combo.currentIndexChanged.connect(self._language_chosen)
        self.toolbar.addWidget(self.language_combo)
        self.addToolBar(self.toolbar)

    def _language_chosen(self, index: int) -> None:
        lang = self.language_combo.itemData(index)
        if lang and lang != self.language.language:
            if self.wizard is not None:
                self.wizard.flush()
            self.language.apply(lang)

    def _go_back(self) -> None:
        if self.wizard is not None:
            self.wizard.go_back()

    def _go_next(self) -> None:
        if self.wizard is not None:
            self.wizard.go_next()

    # --- districts --------------------------------------------------------------------------

    def open_district(self, path: str | Path) -> bool:
        try:
            district = DistrictFile.open(path)
        except UserError as exc:
            self.show_error(exc.message())
            return False
        self._show_district(district)
        return True

    def new_district(self, path: str | Path) -> bool:
        target = Path(path)
        if target.suffix.lower() != ".des":
            target = target.with_name(target.name + ".des")
        try:
            district = start_district(target)
        except UserError as exc:
            self.show_error(exc.message())
            return False
        except OSError as exc:
            self.show_error(_("The district could not be created: {reason}").format(
                reason=exc.strerror or exc))
            return False
        self._show_district(district)
        self.show_getting_started()
        return True

    def show_getting_started(self) -> None:
        """A new district opens with a word on what is ahead."""
        box = QMessageBox(QMessageBox.Icon.Information, _("Getting started"), _(
            "The wizard follows the establishment phase of the provincial toolkit in twelve "
            "steps: the district, its members, objectives, governance, key figures, the supply "
            "chain, the financial plan, the reporting model, local roots, links with other "
            "districts, your own clauses and a final review.\n\nA group usually fills them "
            "over a few meetings; a first draft takes two or three hours. Everything you type "
            "is saved at once in the district file: you can stop and start again at any time. "
            "The panel on the right explains each step; the Review tells you what is still "
            "missing before signing."), QMessageBox.StandardButton.Ok, self)
        self.dialog = box
        box.open()

    def open_example(self) -> bool:
        from desktop.core.example import write_example

        folder = settings.documents_dir()
        target = folder / EXAMPLE_FILE_NAME
        if not target.exists():
            try:
                folder.mkdir(parents=True, exist_ok=True)
                write_example(target).close()
            except (OSError, UserError) as exc:
                self.show_error(str(exc))
                return False
        return self.open_district(target)

    def _show_district(self, district: DistrictFile) -> None:
        self.close_district()
        self.district = district
        district.listeners.append(self._saved)
        self.wizard = WizardView(district, self)
        self.wizard.edited.connect(self._update_title)
        self.wizard.importRequested.connect(self.request_import)
        self.wizard.calendarRequested.connect(self.request_calendar)
        self.stack.addWidget(self.wizard)
        self.stack.setCurrentWidget(self.wizard)
        remembered = settings.load()  # fresh: the language switch saves to the same file
        remembered.remember(district.path)
        settings.save(remembered)
        self._saved_at = None
        self._update_recent()
        self.retranslate()

    def close_district(self) -> None:
        if self.wizard is not None:
            self.wizard.flush()
            self.wizard.stop()
            self.stack.removeWidget(self.wizard)
            self.wizard.deleteLater()
            self.wizard = None
        if self.district is not None:
            self.district.close()
            self.district = None
        self.stack.setCurrentWidget(self.welcome)
        self._update_recent()
        self.retranslate()

    def save_copy_as(self, path: str | Path) -> bool:
        if self.district is None:
            return False
        if self.wizard is not None:
            self.wizard.flush()
        try:
            written = self.district.save_copy_as(path)
        except OSError as exc:
            self.show_error(_("The copy could not be written: {reason}").format(
                reason=exc.strerror or exc))
            return False
        self.statusBar().showMessage(_("Copy saved as {path}").format(path=written), 8000)
        return True

    def export_agreement(self, lang: str, path: str | Path) -> bool:
        from desktop.core.agreement import export_agreement
        from desktop.core.document import to_document

        if self.district is None:
            return False
        if self.wizard is not None:
            self.wizard.flush()
        target = Path(path)
        if not target.parent.is_dir():
            self.show_error(_("The folder {path} does not exist.").format(path=target.parent))
            return False
        document = to_document(self.district)
        try:
            export_agreement(document, lang, target)
        except OSError as exc:
            self.show_error(_("The agreement could not be written: {reason}").format(
                reason=exc.strerror or exc))
            return False
        self.statusBar().showMessage(_("Agreement written to {path}").format(path=target), 10000)
        self.last_export = target
        text = _("The agreement has been saved as {path}.").format(path=target)
        if not ready_to_sign(document):
            text += "\n\n" + _("It is a draft: some requirements are not met yet. The Review "
                                "step lists them; the last page of the PDF too.")
        missing = missing_clause_languages(document, lang)
        if missing:
            text += "\n\n" + _("These additional articles have no text in the language of the "
                                "document, so they are printed in the other language: "
                                "{titles}.").format(titles="; ".join(f"“{t}”" for t in missing))
        box = QMessageBox(QMessageBox.Icon.Information, _("DES Wizard"), text,
                          QMessageBox.StandardButton.Close, self)
        open_button = box.addButton(_("&Open the PDF"), QMessageBox.ButtonRole.ActionRole)
        open_button.clicked.connect(lambda: self.open_pdf(target))
        self.dialog = box
        box.open()
        return True

    def _agreement_for_printing(self, lang: str) -> Path | None:
        """The agreement as it would be exported, in a temporary file kept until closing."""
        from desktop.core.agreement import export_agreement
        from desktop.core.document import to_document

        if self.district is None:
            return None
        if self.wizard is not None:
            self.wizard.flush()
        if self._print_folder is None:
            self._print_folder = tempfile.TemporaryDirectory(prefix="des-wizard-")
        target = Path(self._print_folder.name) / f"{self.district.path.stem}-{lang}.pdf"
        return export_agreement(to_document(self.district), lang, target)

    def print_to(self, lang: str, printer: QPrinter) -> int:
        """Print the agreement on ``printer`` (the path the Print button takes after its
        dialog); returns the pages printed."""
        from desktop.gui.printing import print_pdf

        pdf = self._agreement_for_printing(lang)
        if pdf is None:
            return 0
        try:
            pages = print_pdf(pdf, printer)
        except OSError as exc:
            self.show_error(_("The agreement could not be printed: {reason}").format(
                reason=exc))
            return 0
        self.statusBar().showMessage(
            ngettext("{count} page sent to the printer", "{count} pages sent to the printer",
                     pages).format(count=pages), 10000)
        return pages

    def request_print(self, lang: str) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.accepted.connect(lambda: self.print_to(lang, printer))
        self._printer = printer
        self.dialog = dialog
        dialog.open()

    def request_preview(self, lang: str) -> None:
        from desktop.gui.printing import print_pdf

        pdf = self._agreement_for_printing(lang)
        if pdf is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.paintRequested.connect(lambda target: print_pdf(pdf, target))
        self._printer = printer
        self.dialog = dialog
        dialog.open()

    def open_pdf(self, path: str | Path) -> QUrl:
        """Show a PDF in the system's viewer."""
        url = QUrl.fromLocalFile(str(Path(path).resolve()))
        QDesktopServices.openUrl(url)
        return url

    def import_members(self, path: str | Path) -> bool:
        """Show the preview of an import; the members come in only when the user confirms."""
        if self.district is None or self.wizard is None:
            return False
        self.wizard.flush()
        try:
            dialog = ImportDialog(self.district, path, self)
        except UserError as exc:
            self.show_error(exc.message())
            return False
        dialog.imported.connect(self._members_imported)
        self.language.languageChanged.connect(dialog.retranslate)
        self.dialog = dialog
        dialog.open()
        return True

    def _members_imported(self, count: int) -> None:
        if self.wizard is not None:
            self.wizard.table_editor("organizations").reload()
            self.wizard.refresh_states()
        self.statusBar().showMessage(
            ngettext("{count} member imported", "{count} members imported", count).format(
                count=count), 10000)

    def export_calendar(self, path: str | Path) -> bool:
        from desktop.core.calendar_export import meeting_count, write_calendar
        from desktop.core.document import to_document

        if self.district is None:
            return False
        if self.wizard is not None:
            self.wizard.flush()
        document = to_document(self.district)
        if not meeting_count(document):
            self.show_error(_("The assembly calendar has no meeting with a date yet."))
            return False
        try:
            target = write_calendar(document, self.language.language, path)
        except OSError as exc:
            self.show_error(_("The calendar could not be written: {reason}").format(
                reason=exc.strerror or exc))
            return False
        self.statusBar().showMessage(_("Calendar written to {path}").format(path=target), 10000)
        return True

    # --- dialogs ----------------------------------------------------------------------------

    def _file_dialog(self, title: str, save: bool, slot, filter_msgid: str = DISTRICT_FILTER,
                     suffix: str = "des") -> QFileDialog:
        dialog = QFileDialog(self, title, str(self._default_folder()), _(filter_msgid))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # follows our language
        if save:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setDefaultSuffix(suffix)
        else:
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(slot)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _default_folder(self) -> Path:
        if self.district is not None:
            return self.district.path.parent
        folder = settings.documents_dir()
        return folder if folder.is_dir() else Path.home()

    def request_new(self) -> None:
        self._file_dialog(_("New district"), True, self.new_district)

    def request_open(self) -> None:
        self._file_dialog(_("Open a district"), False, self.open_district)

    def request_save_copy(self) -> None:
        if self.district is not None:
            self._file_dialog(_("Save a copy as"), True, self.save_copy_as)

    def request_import(self) -> None:
        if self.district is not None:
            self._file_dialog(_("Import members from a spreadsheet"), False, self.import_members,
                              SPREADSHEET_FILTER)

    def request_calendar(self) -> None:
        if self.district is not None:
            self._file_dialog(_("Export the assembly calendar"), True, self.export_calendar,
                              CALENDAR_FILTER, "ics")

    def request_export(self) -> None:
        if self.district is None:
            return
        dialog = ExportDialog(self.district.path, self.language.language, self)
        dialog.exportRequested.connect(self.export_agreement)
        dialog.printRequested.connect(self.request_print)
        dialog.previewRequested.connect(self.request_preview)
        self.language.languageChanged.connect(dialog.retranslate)
        self.dialog = dialog
        dialog.open()

    def show_notice(self, text: str) -> None:
        self.dialog = open_message(self, text, QMessageBox.Icon.Information)

    def show_error(self, text: str) -> None:
        self.dialog = open_message(self, text)

    # --- state ------------------------------------------------------------------------------

    def _saved(self) -> None:
        self._saved_at = dt.datetime.now()
        self._update_save_label()

    def _update_save_label(self) -> None:
        if self.district is None:
            self.save_label.setText("")
        elif self._saved_at is None:
            self.save_label.setText(_("Saved"))
        else:
            self.save_label.setText(_("Saved at {time}").format(
                time=self._saved_at.strftime("%H:%M:%S")))
        self.save_label.setAccessibleName(self.save_label.text())

    def _update_title(self) -> None:
        if self.district is None:
            self.setWindowTitle("DES Wizard")
            return
        name = str(self.district.answer("name")).strip() or self.district.path.stem
        self.setWindowTitle(f"{name} — DES Wizard")

    def _update_recent(self) -> None:
        self.recent_menu.clear()
        existing = [p for p in settings.load().recent if Path(p).exists()]
        for path in existing:
            item = self.recent_menu.addAction(Path(path).name)
            item.setToolTip(path)
            item.triggered.connect(lambda _checked=False, p=path: self.open_district(p))
        self.recent_menu.setEnabled(bool(existing))
        self.welcome.set_recent(existing)

    def retranslate(self, *_args: object) -> None:
        has_district = self.district is not None
        self.file_menu.setTitle(_("&File"))
        self.recent_menu.setTitle(_("Open &recent"))
        self.new_action.setText(_("&New district…"))
        self.open_action.setText(_("&Open…"))
        self.copy_action.setText(_("Save a &copy as…"))
        self.export_action.setText(_("&Export agreement…"))
        self.print_action.setText(_("&Print agreement…"))
        self.example_action.setText(_("Open the &example"))
        self.import_action.setText(_("&Import members from a spreadsheet…"))
        self.close_action.setText(_("&Close district"))
        self.quit_action.setText(_("&Quit"))
        self.back_action.setText(_("Previous step"))
        self.next_action.setText(_("Next step"))
        for item in (self.copy_action, self.export_action, self.close_action, self.import_action,
                     self.print_action):
            item.setEnabled(has_district)
        self.language_label.setText(_("Language:") + " ")
        self.language_combo.setAccessibleName(_("Language"))
        self.language_combo.blockSignals(True)
        self.language_combo.setCurrentIndex(self.language_combo.findData(self.language.language))
        self.language_combo.blockSignals(False)
        self.toolbar.setWindowTitle(_("Toolbar"))
        self.welcome.retranslate()
        if self.wizard is not None:
            self.wizard.retranslate()

        self._update_save_label()
        self._update_title()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self.close_district()
        super().closeEvent(event)
