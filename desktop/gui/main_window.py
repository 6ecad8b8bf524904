"""The main window: welcome screen or wizard, menus, the language switch and the save state."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Callable
from contextlib import suppress
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
    QVBoxLayout,
    QWidget,
)

from desktop.core import settings
from desktop.core.agreement.organisation import missing_clause_languages
from desktop.core.defaults import start_district
from desktop.core.district_file import DistrictFile, backups
from desktop.core.district_file.lock import DistrictLock, LockedError
from desktop.core.district_file.summary import summarise
from desktop.core.district_file.write_errors import WriteError, reason_of
from desktop.core.errors import UserError
from desktop.core.outputs import OutputExistsError, check_output
from desktop.core.readiness import ready_to_sign
from desktop.gui.export_dialog import ExportDialog
from desktop.gui.import_dialog import ImportDialog
from desktop.gui.language import LanguageController
from desktop.gui.messages import open_message
from desktop.gui.read_only_banner import ReadOnlyBanner
from desktop.gui.restore_dialog import RestoreDialog
from desktop.gui.save_status import SaveStatus
from desktop.gui.welcome import WelcomePage
from desktop.gui.wizard_view import WizardView
from i18n import LANGUAGE_NAMES, LANGUAGES, N_, _, ngettext

EXAMPLE_FILE_NAME = "Esempio - DES Fiemme e Fassa.des"
DISTRICT_FILTER = N_("District files (*.des)")
SPREADSHEET_FILTER = N_("Spreadsheets (*.csv *.xlsx)")
CALENDAR_FILTER = N_("Calendars (*.ics)")
UNWRITABLE = N_("you cannot write to this file or to its folder.")


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
        self._closing_without_saving = False

        self.stack = QStackedWidget(self)
        self.welcome = WelcomePage(self)
        self.welcome.newRequested.connect(self.request_new)
        self.welcome.openRequested.connect(self.request_open)
        self.welcome.exampleRequested.connect(self.open_example)
        self.welcome.recentChosen.connect(self.open_district)
        self.welcome.languageChosen.connect(
            lambda lang: self.language_combo.setCurrentIndex(self.language_combo.findData(lang)))
        self.stack.addWidget(self.welcome)
        self.banner = ReadOnlyBanner(self)
        self.banner.saveCopyRequested.connect(self.request_save_copy)
        central = QWidget(self)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.banner)
        central_layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.lock: DistrictLock | None = None

        self._make_actions()
        self.save_label = SaveStatus(self)
        self.save_label.failureToTell.connect(self.show_error)
        self.statusBar().addPermanentWidget(self.save_label)
        language.languageChanged.connect(self.retranslate)
        self.resize(1200, 760)
        self._update_recent()
        self.retranslate()
        folders = {settings.documents_dir()} | {Path(p).parent for p in settings.load().recent}
        backups.remove_leftover_copies(f for f in folders if f.is_dir())

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
        self.restore_action = action(None, self.request_restore)
        self.export_action = action(QKeySequence("Ctrl+E"), self.request_export)
        self.print_action = action(QKeySequence.StandardKey.Print, self.request_export)
        self.example_action = action(None, self.open_example)
        self.import_action = action(None, self.request_import)
        self.close_action = action(QKeySequence.StandardKey.Close, self.request_close_district)
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
        self.file_menu.addAction(self.restore_action)
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

    def open_district(self, path: str | Path, read_only: bool = False) -> bool:
        """Open a district for editing, holding its lock; read-only when asked, when the file
        or its folder cannot be written, or (after asking) when someone else has it open."""
        if self._asked_about_unsaved_edits(lambda: self.open_district(path, read_only)):
            return False
        target = Path(path)
        if self.district is not None and _same_file(self.district.path, target):
            self.close_district()  # opened again from this window: its own lock is released
        why_read_only = self._why_read_only(target) if not read_only else None
        lock = None
        if not read_only and why_read_only is None:
            try:
                lock = DistrictLock.acquire(target)
            except LockedError as exc:
                self._offer_read_only(target, exc)
                return False
            except OSError:  # no lock can be made beside it: the folder is read-only
                why_read_only = UNWRITABLE
        try:
            district = DistrictFile.open(target, read_only=read_only or why_read_only is not None)
        except UserError as exc:
            if lock is not None:
                lock.release()
            self._refused(target, exc)
            return False
        self._show_district(district, lock)
        if not district.read_only:
            self._take_backup(backups.OPENING)
        if why_read_only is not None:
            self.banner.show_reason(lambda: _(why_read_only))
        return True

    def _refused(self, target: Path, refusal: UserError) -> None:
        """Say why a district cannot be opened; offer its latest backup when there is one."""
        earlier = backups.backups_of(target) if target.exists() else []
        self.show_error(refusal.message())
        if earlier and isinstance(self.dialog, QMessageBox):
            latest = earlier[0]
            self.dialog.setText(refusal.message() + "\n\n" + _(
                "DES Wizard has a backup of this district from {date}.").format(
                date=latest.taken_at.strftime("%d/%m/%Y %H:%M")))
            button = self.dialog.addButton(_("Open the &backup"),
                                           QMessageBox.ButtonRole.AcceptRole)
            button.clicked.connect(lambda: self.replace_with_backup(target, latest))

    def replace_with_backup(self, target: Path, backup: backups.Backup) -> bool:
        """Put the backup in place of a file that cannot be opened (kept under another name)."""
        try:
            kept = backups.replace_damaged(target, backup)
        except (OSError, sqlite3.Error) as exc:
            self.show_error(_("The backup could not be restored: {reason}").format(
                reason=_(reason_of(exc, target))))
            return False
        if not self.open_district(target):
            return False
        self.show_notice(_("The backup from {date} has been restored. The file that could not "
                           "be opened is kept as {path}.").format(
            date=backup.taken_at.strftime("%d/%m/%Y %H:%M"), path=kept.name))
        return True

    def _take_backup(self, kind: str) -> None:
        if self.district is None:
            return
        try:
            backups.take(self.district.db.conn, self.district.path, kind)
        except (OSError, sqlite3.Error) as exc:  # the district itself is fine: say so, go on
            self.statusBar().showMessage(_("No backup could be made: {reason}").format(
                reason=_(reason_of(exc, self.district.path))), 10000)

    def request_restore(self) -> None:
        if self.district is None or self.district.read_only:
            return
        if self.wizard is not None:
            self.wizard.flush()
        dialog = RestoreDialog(backups.backups_of(self.district.path),
                               summarise(self.district), self)
        dialog.restoreRequested.connect(self.restore_version)
        self.language.languageChanged.connect(dialog.retranslate)
        self.dialog = dialog
        dialog.open()

    def restore_version(self, path: str | Path) -> bool:
        """Bring back an earlier version; the district as it is now is kept as a backup."""
        if self.district is None or self.district.read_only:
            return False
        if self.wizard is not None:
            self.wizard.flush()
        target = self.district.path
        try:
            backups.take(self.district.db.conn, target, "before-restore")
            backups.restore(Path(path), self.district.db.conn)
        except (OSError, sqlite3.Error) as exc:
            self.show_error(_("The backup could not be restored: {reason}").format(
                reason=_(reason_of(exc, target))))
            return False
        self.district.unsaved.clear()  # the restored version replaces what was on screen
        self.close_district()
        if not self.open_district(target):
            return False
        self.statusBar().showMessage(_("Earlier version restored"), 10000)
        return True

    @staticmethod
    def _why_read_only(target: Path) -> str | None:
        if target.exists() and not (os.access(target, os.W_OK)
                                    and os.access(target.parent, os.W_OK)):
            return UNWRITABLE
        return None

    def _offer_read_only(self, target: Path, locked: LockedError) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, _("DES Wizard"), locked.message() + "\n\n" + _(
            "Two people editing the same district at once would overwrite each other's "
            "changes. You can open it read-only, to read, export or save a copy."),
            QMessageBox.StandardButton.Cancel, self)
        read = box.addButton(_("Open &read-only"), QMessageBox.ButtonRole.AcceptRole)
        read.clicked.connect(lambda: self._open_read_only(target, locked))
        self.dialog = box
        box.open()

    def _open_read_only(self, target: Path, locked: LockedError) -> None:
        if self.open_district(target, read_only=True):
            self.banner.show_reason(locked.message)

    def new_district(self, path: str | Path) -> bool:
        if self._asked_about_unsaved_edits(lambda: self.new_district(path)):
            return False
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

    def _show_district(self, district: DistrictFile, lock: DistrictLock | None = None) -> None:
        self.close_district()
        if lock is None and not district.read_only:
            with suppress(LockedError, OSError):  # a district just made: nobody else has it
                lock = DistrictLock.acquire(district.path)
        self.lock = lock
        self.district = district
        self.save_label.follow(district)
        self.wizard = WizardView(district, self)
        self.wizard.edited.connect(self._update_title)
        self.wizard.importRequested.connect(self.request_import)
        self.wizard.calendarRequested.connect(self.request_calendar)
        self.stack.addWidget(self.wizard)
        self.stack.setCurrentWidget(self.wizard)
        remembered = settings.load()  # fresh: the language switch saves to the same file
        remembered.remember(district.path)
        settings.save(remembered)
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
        if self.lock is not None:
            self.lock.release()
            self.lock = None
        self.banner.hide()
        self.save_label.follow(None)
        self.stack.setCurrentWidget(self.welcome)
        self._update_recent()
        self.retranslate()

    def request_close_district(self) -> None:
        if not self._asked_about_unsaved_edits(self.close_district):
            self.close_district()

    def _asked_about_unsaved_edits(self, go_on: Callable[[], object]) -> bool:
        """With edits the file refused on screen, ask before they are dropped; ``go_on`` runs
        if the user chooses to drop them. True when the question was asked."""
        if self.wizard is not None:
            self.wizard.flush()
        if self.district is not None and self.district.unsaved:
            with suppress(WriteError):  # one more try: the disk may have room again
                self.district.save_unsaved()
        if not self.save_label.has_unsaved_edits() or self._closing_without_saving:
            return False
        box = QMessageBox(QMessageBox.Icon.Warning, _("DES Wizard"), _(
            "Some changes on screen could not be saved in the district file ({reason}). If "
            "you close it now, they are lost.").format(reason=self._unsaved_reason()),
            QMessageBox.StandardButton.Cancel, self)
        copy = box.addButton(_("Save a &copy as…"), QMessageBox.ButtonRole.AcceptRole)
        drop = box.addButton(_("&Close without saving"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(copy)
        copy.clicked.connect(self.request_save_copy)
        drop.clicked.connect(lambda: self._drop_unsaved_edits(go_on))
        self.dialog = box
        box.open()
        return True

    def _unsaved_reason(self) -> str:
        failure = self.save_label.failure
        return _(failure.reason) if failure is not None else ""

    def _drop_unsaved_edits(self, go_on: Callable[[], object]) -> None:
        self._closing_without_saving = True
        try:
            go_on()
        finally:
            self._closing_without_saving = False

    def save_copy_as(self, path: str | Path) -> bool:
        """Write a copy; if this file refused some edits, the copy holds them and the window
        goes on with the copy, so that nothing on screen stays unsaved."""
        if self.district is None:
            return False
        if self.wizard is not None:
            self.wizard.flush()
        try:  # the file dialog has asked before replacing a file
            target = check_output(path, protected=[self.district.path], replace=True)
            written = self.district.save_copy_as(target)
        except UserError as exc:
            self.show_error(exc.message())
            return False
        if self.district.unsaved or self.district.read_only:
            self.district.unsaved.clear()  # they are in the copy, which the window now shows
            self.open_district(written)
            self.show_notice(_("Everything on screen has been saved in {path}. The window now "
                               "works on this copy.").format(path=written))
            return True
        self.statusBar().showMessage(_("Copy saved as {path}").format(path=written), 8000)
        return True

    def export_agreement(self, lang: str, path: str | Path, replace: bool = False) -> bool:
        """Write the agreement; an existing file (other than the last export) is replaced only
        after the user says yes, and a district never."""
        from desktop.core.agreement import export_agreement
        from desktop.core.document import to_document

        if self.district is None:
            return False
        if self.wizard is not None:
            self.wizard.flush()
        try:
            target = check_output(path, protected=[self.district.path],
                                  replace=replace or Path(path) == self.last_export)
        except OutputExistsError:
            self._ask_to_replace(Path(path), lambda: self.export_agreement(lang, path, True))
            return False
        except UserError as exc:
            self.show_error(exc.message())
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

    def _ask_to_replace(self, target: Path, replace: Callable[[], object]) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, _("DES Wizard"),
                          _("The file {path} already exists. Replace it?").format(path=target),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).clicked.connect(replace)
        self.dialog = box
        box.open()

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
        from desktop.core.calendar_export import meeting_count, with_meeting_ids, write_calendar
        from desktop.core.document import to_document

        if self.district is None:
            return False
        if self.wizard is not None:
            self.wizard.flush()
        document = with_meeting_ids(to_document(self.district),
                                    [row["id"] for row in self.district.rows("meetings")])
        if not meeting_count(document):
            self.show_error(_("The assembly calendar has no meeting with a date yet."))
            return False
        try:  # the file dialog has asked before replacing a file
            target = check_output(path, protected=[self.district.path], replace=True)
            target = write_calendar(document, self.language.language, target)
        except UserError as exc:
            self.show_error(exc.message())
            return False
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
        self.restore_action.setText(_("Restore an &earlier version…"))
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
        self.restore_action.setEnabled(self.district is not None and not self.district.read_only)
        self.language_label.setText(_("Language:") + " ")
        self.language_combo.setAccessibleName(_("Language"))
        self.language_combo.blockSignals(True)
        self.language_combo.setCurrentIndex(self.language_combo.findData(self.language.language))
        self.language_combo.blockSignals(False)
        self.toolbar.setWindowTitle(_("Toolbar"))
        self.welcome.retranslate()
        self.banner.retranslate()
        if self.wizard is not None:
            self.wizard.retranslate()

        self.save_label.refresh()
        self._update_title()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self._asked_about_unsaved_edits(self.close):
            event.ignore()
            return
        self.close_district()
        super().closeEvent(event)


def _same_file(first: Path, second: Path) -> bool:
    try:
        return first.samefile(second)
    except OSError:
        return False
