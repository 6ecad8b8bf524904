"""The main window: welcome screen or wizard, menus, the language switch and the save state."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.core import settings
from desktop.core.defaults import start_district
from desktop.core.district_file import DistrictFile, backups
from desktop.core.district_file.lock import DistrictLock, LockedError
from desktop.core.document import to_document
from desktop.core.errors import UserError
from desktop.core.log_file import log
from desktop.core.outputs import OutputExistsError, check_output
from desktop.core.readiness import ready_to_sign
from desktop.gui import window_geometry
from desktop.gui.assembly_papers import install_assembly_papers
from desktop.gui.district_safety import DistrictSafety
from desktop.gui.error_dialog import UnexpectedErrors
from desktop.gui.help_menu import HelpMenu
from desktop.gui.language import LanguageController
from desktop.gui.member_cards_menu import CardActions
from desktop.gui.messages import open_message
from desktop.gui.read_only_banner import ReadOnlyBanner
from desktop.gui.save_status import SaveStatus
from desktop.gui.signatures_menu import install_signatures
from desktop.gui.welcome import WelcomePage
from desktop.gui.wizard_view import WizardView
from desktop.gui.workers import Task, TaskRunner
from i18n import LANGUAGE_NAMES, LANGUAGES, N_, _, ngettext
from i18n.qt import Retranslating
from wizard_steps import STEPS
from wizard_steps.widgets.wheel_guard import GuardedComboBox

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from desktop.core.member_import import Sheet

# Deferred to their first use, each where it is needed (the first step needs none of them):
# the agreement package loads reportlab and pikepdf (about 0.4 s), the spreadsheet reader
# and its preview phonenumbers, printing pypdfium2 and Qt's print support (with CUPS, about 3 MiB).

EXAMPLE_FILE_NAME = "Esempio - DES Fiemme e Fassa.des"
DISTRICT_FILTER = N_("District files (*.des)")
SPREADSHEET_FILTER = N_("Spreadsheets (*.ods *.xlsx *.xlsm *.xls *.csv *.txt *.tsv)")
CALENDAR_FILTER = N_("Calendars (*.ics)")
PDF_FILTER = N_("PDF documents (*.pdf)")


class MainWindow(Retranslating, DistrictSafety):
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
        self.lock: DistrictLock | None = None
        self.tasks = TaskRunner(self)
        self.tasks.busyChanged.connect(self._update_actions)
        self.errors = UnexpectedErrors(lambda: self, lambda: self.district)

        self.stack = QStackedWidget(self)
        self._welcome: WelcomePage | None = None  # built when first shown (see welcome)
        self.banner = ReadOnlyBanner(self)
        self.banner.saveCopyRequested.connect(self.request_save_copy)
        central = QWidget(self)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.banner)
        central_layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._make_actions()
        self.save_label = SaveStatus(self)
        self.save_label.failureToTell.connect(self.show_error)
        self.statusBar().addPermanentWidget(self.save_label)
        install_signatures(self)
        install_assembly_papers(self)
        window_geometry.restore(self)
        self._update_recent()
        self.retranslate()
        folders = {settings.documents_dir()} | {Path(p).parent for p in settings.load().recent}
        backups.remove_leftover_copies(f for f in folders if f.is_dir())

    @property
    def welcome(self) -> WelcomePage:
        """The first screen, built the first time it is asked for: a window opened on a
        district does not pay for it before its first step is drawn."""
        if self._welcome is None:
            welcome = self._welcome = WelcomePage(self)
            welcome.newRequested.connect(self.request_new)
            welcome.openRequested.connect(self.request_open)
            welcome.exampleRequested.connect(self.open_example)
            welcome.recentChosen.connect(self.open_district)
            welcome.set_recent([p for p in settings.load().recent if Path(p).exists()])
            self.stack.insertWidget(0, welcome)
        return self._welcome

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        if self.district is None and self.stack.currentWidget() is not self._welcome:
            self.stack.setCurrentWidget(self.welcome)
        super().showEvent(event)

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
        self.print_action = action(QKeySequence.StandardKey.Print, self.request_print_agreement)
        self.example_action = action(None, self.open_example)
        self.import_action = action(None, self.request_import)
        self.report_action = action(None, self.request_report)
        self.card_actions = CardActions(self)
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
        self.file_menu.addActions(self.card_actions.actions())
        self.file_menu.addAction(self.export_action)
        self.file_menu.addAction(self.report_action)
        self.file_menu.addAction(self.print_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.close_action)
        self.file_menu.addAction(self.quit_action)
        self.help_menu = HelpMenu(self)
        self.help_menu.helpPanelToggled.connect(
            lambda shown: self.wizard.set_help_wanted(shown) if self.wizard else None)
        self.menuBar().addMenu(self.help_menu)

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
        self.language_combo = GuardedComboBox(self)
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

    def focus_first_field(self) -> None:
        """Where a new district starts: the cursor in its name, once the welcome note is
        closed."""
        if self.wizard is not None:
            self.activateWindow()
            self.wizard.steps.setCurrentRow(0)
            self.wizard.page_list[0].focus(STEPS[0].fields[0].key)
            focused = QApplication.focusWidget()
            if isinstance(focused, QLineEdit):
                focused.selectAll()  # the proposed name is replaced by typing

    def show_getting_started(self) -> None:
        """A new district opens with a word on what is ahead."""
        box = QMessageBox(QMessageBox.Icon.Information, _("Getting started"), _(
            "The wizard follows the establishment phase of the provincial toolkit in twelve "
            "steps: the district, its members, objectives, governance, key roles, the supply "
            "chain, the financial plan, the reporting model, roots in the community, links with "
            "other districts, your own clauses and a final review.\n\nA group usually fills them "
            "over a few meetings; a first draft takes two or three hours. Everything you type is "
            "saved at once in the district file: you can stop and start again at any time. The "
            "panel on the right explains each step; the Review tells you what is still missing "
            "before signing."), QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self.focus_first_field)
        self.dialog = box
        box.open()

    def open_example(self) -> bool:
        # Deferred: the example (and the JSON validation it needs) is read only when asked for.
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
        if self.district is not None or self.wizard is not None:
            self.close_district()  # not at start-up: the welcome screen would be built for nothing
        if lock is None and not district.read_only:
            with suppress(LockedError, OSError):  # a district just made: nobody else has it
                lock = DistrictLock.acquire(district.path)
        self.lock = lock
        self.district = district
        self.save_label.follow(district)
        self.wizard = WizardView(district, self)
        self.wizard.set_help_wanted(self.help_menu.panel_action.isChecked())
        self.wizard.edited.connect(self._update_title)
        self.wizard.importRequested.connect(self.request_import)
        self.wizard.calendarRequested.connect(self.request_calendar)
        self.wizard.exportRequested.connect(self.request_export)
        self.wizard.printRequested.connect(self.request_print_agreement)
        self.wizard.annualReportRequested.connect(self.request_annual_report)
        self.wizard.yearCalendarRequested.connect(self.request_year_calendar)
        self.stack.addWidget(self.wizard)
        self.stack.setCurrentWidget(self.wizard)
        remembered = settings.load()  # fresh: the language switch saves to the same file
        remembered.remember(district.path)
        settings.save(remembered)
        self._update_recent()
        self.retranslate()

    def close_district(self) -> None:
        self.take_due_backup()
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

    # --- slow work, in a worker ------------------------------------------------------------

    def _document_now(self) -> dict[str, Any] | None:
        """The district as plain data, built here on the UI thread that owns the connection;
        workers only ever see this."""
        if self.district is None:
            return None
        if self.wizard is not None:
            self.wizard.flush()
        return to_document(self.district)

    def _run(self, message: str, work: Callable[[], Any], on_result: Callable[[Any], None],
             failure_msgid: str) -> Task | None:
        if self.tasks.busy:
            return None
        return self.tasks.start(message, work, on_result,
                                lambda error: self._task_failed(error, failure_msgid))

    def _task_failed(self, error: BaseException, failure_msgid: str) -> None:
        if isinstance(error, UserError):
            self.show_error(error.message())
        elif isinstance(error, OSError):
            log.warning("a task failed: %s", type(error).__name__)
            self.show_error(_(failure_msgid).format(reason=error.strerror or error))
        else:
            self.errors.report(error, "a background task")

    def _output(self, path: str | Path, replace: bool,
                again: Callable[[], object]) -> Path | None:
        """Where an output may go: never the open district nor any district file; an existing
        file only once the user says yes (``again`` repeats the export then)."""
        protected = [self.district.path] if self.district is not None else []
        try:
            return check_output(path, protected=protected, replace=replace)
        except OutputExistsError:
            self._ask_to_replace(Path(path), again)
        except UserError as exc:
            self.show_error(exc.message())
        return None

    def export_agreement(self, lang: str, path: str | Path,
                         replace: bool = False) -> Task | None:
        """Write the agreement; an existing file (other than the last export) is replaced only
        after the user says yes, and a district never."""
        # reportlab is loaded at the first export, not at start-up
        from desktop.core.agreement import export_agreement

        document = self._document_now()
        target = self._output(path, replace or Path(path) == self.last_export,
                              lambda: self.export_agreement(lang, path, True))
        if document is None or target is None:
            return None
        return self._run(_("Writing the agreement…"),
                         lambda: export_agreement(document, lang, target),
                         lambda written: self._agreement_written(document, lang, written),
                         N_("The agreement could not be written: {reason}"))

    def _agreement_written(self, document: dict[str, Any], lang: str, target: Path) -> None:
        log.info("agreement exported (%s)", lang)
        self.statusBar().showMessage(_("Agreement written to {path}").format(path=target), 10000)
        self.last_export = target
        # Deferred: see the note above the class (reportlab is loaded by the export anyway).
        from desktop.core.agreement.glyphs import missing_characters
        from desktop.core.agreement.organisation import missing_clause_languages

        text = _("The agreement has been saved as {path}.").format(path=target)
        if not ready_to_sign(document):
            text += "\n\n" + _("It is a draft: some requirements are not met yet. The Review "
                                "step lists them; the last page of the PDF too.")
        missing = missing_clause_languages(document, lang)
        if missing:
            text += "\n\n" + _("These additional articles have no text in the language of the "
                                "document, so they are printed in the other language: "
                                "{titles}.").format(titles="; ".join(f"“{t}”" for t in missing))
        lacking = missing_characters(document, lang)
        if lacking:
            text += "\n\n" + _("The font of the PDF cannot draw some characters, which print "
                                "as empty boxes: {fields}.").format(fields="; ".join(
                                    f"{where} (“{characters}”)" for where, characters in lacking))
        box = QMessageBox(QMessageBox.Icon.Information, _("DES Wizard"), text,
                          QMessageBox.StandardButton.Close, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        open_button = box.addButton(_("&Open the PDF"), QMessageBox.ButtonRole.ActionRole)
        open_button.clicked.connect(lambda: self.open_pdf(target))
        self.dialog = box
        box.open()

    def export_readiness_report(self, path: str | Path) -> Task | None:
        # reportlab is loaded at the first export, not at start-up
        from desktop.core.readiness_report import export_report

        return self._write_report(
            path, export_report, (N_("Writing the readiness report…"),
                                  N_("Readiness report written to {path}"),
                                  N_("The readiness report could not be written: {reason}")))

    def _write_report(self, path: str | Path,
                      write: Callable[[dict[str, Any], str, Path], Path],
                      words: tuple[str, str, str]) -> Task | None:
        """A report of the district as a PDF, in the interface's language, in the worker;
        ``words`` are the msgids of its busy message, its success and its failure."""
        busy, written, failed = words
        document = self._document_now()
        target = self._output(path, True, lambda: None)  # the file dialog has asked
        if document is None or target is None:
            return None
        lang = self.language.language

        def done(result: Path) -> None:
            log.info("report exported")
            self.last_export = result
            self.statusBar().showMessage(_(written).format(path=result), 10000)

        return self._run(_(busy), lambda: write(document, lang, target), done, failed)

    def _printable_agreement(self, lang: str) -> tuple[dict[str, Any], Path] | None:
        """The document now, and the temporary file (kept until closing) to render it in."""
        document = self._document_now()
        if document is None or self.district is None:
            return None
        if self._print_folder is None:
            self._print_folder = tempfile.TemporaryDirectory(prefix="des-wizard-")
        return document, Path(self._print_folder.name) / f"{self.district.path.stem}-{lang}.pdf"

    def print_to(self, lang: str, printer: QPrinter) -> Task | None:
        """Print the agreement on ``printer`` (the path the Print button takes after its
        dialog); the task's result is the number of pages printed. Qt allows painting on a
        QPrinter outside the UI thread."""
        # reportlab is loaded at the first export, pypdfium2 at the first print, not at start-up
        from desktop.core.agreement import export_agreement
        from desktop.gui.print_job import send_to_printer

        prepared = self._printable_agreement(lang)
        if prepared is None:
            return None
        document, target = prepared
        self._printer = printer  # kept alive while the worker paints on it
        return self._run(_("Printing the agreement…"),
                         lambda: send_to_printer(export_agreement(document, lang, target), printer),
                         self._printed, N_("The agreement could not be printed: {reason}"))

    def _printed(self, pages: int) -> None:
        log.info("agreement printed (%d pages)", pages)
        self.statusBar().showMessage(
            ngettext("{count} page sent to the printer", "{count} pages sent to the printer",
                     pages).format(count=pages), 10000)

    def request_print_agreement(self) -> None:
        """Print prints: the agreement in the interface language, through the print dialog
        (the export dialog offers the other language)."""
        if self.district is not None:
            self.request_print(self.language.language)

    def request_print(self, lang: str) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # deferred: see the class

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.print_to(lang, printer))
        self._printer = printer
        self.dialog = dialog
        QDialog.open(dialog)  # QPrintDialog's own open() wants a slot to call on accept

    def request_preview(self, lang: str) -> Task | None:
        """The PDF is written in a worker; the preview pages are then drawn by Qt's preview
        widget, which asks for them on the UI thread."""
        # reportlab is loaded at the first export, not at start-up
        from desktop.core.agreement import export_agreement

        prepared = self._printable_agreement(lang)
        if prepared is None:
            return None
        document, target = prepared
        return self._run(_("Preparing the print preview…"),
                         lambda: export_agreement(document, lang, target), self._show_preview,
                         N_("The agreement could not be written: {reason}"))

    def _show_preview(self, pdf: Path) -> None:
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog  # deferred: the class

        from desktop.gui.printing import print_pdf  # deferred: pypdfium2, at the first print

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.paintRequested.connect(lambda target: print_pdf(pdf, target))
        self._printer = printer
        self.dialog = dialog
        dialog.open()

    def open_pdf(self, path: str | Path) -> QUrl:
        """Show a PDF in the system's viewer."""
        url = QUrl.fromLocalFile(str(Path(path).resolve()))
        QDesktopServices.openUrl(url)
        return url

    def import_members(self, path: str | Path) -> Task | None:
        """Read the spreadsheet in a worker, then show the preview of the import; the members
        come in only when the user confirms."""
        if self.district is None or self.wizard is None:
            return None
        self.wizard.flush()
        district = self.district
        # Deferred: the spreadsheet readers and phonenumbers load at the first import.
        from desktop.core.member_import import read_sheet

        return self._run(_("Reading the spreadsheet…"), lambda: read_sheet(Path(path)),
                         lambda sheet: self._show_import(district, Path(path), sheet),
                         N_("The file could not be read: {reason}"))

    def _show_import(self, district: DistrictFile, path: Path, sheet: Sheet) -> None:
        if district is not self.district:  # closed while the file was read
            return
        from desktop.gui.import_dialog import ImportDialog  # deferred: see above the class

        dialog = ImportDialog(district, path, sheet, self)
        dialog.imported.connect(self._members_imported)
        self.dialog = dialog
        dialog.open()

    def _members_imported(self, count: int) -> None:
        log.info("%d members imported", count)
        if self.wizard is not None:
            self.wizard.table_editor("organizations").reload()
            self.wizard.refresh_states()
        self.statusBar().showMessage(
            ngettext("{count} member imported", "{count} members imported", count).format(
                count=count), 10000)

    def export_calendar(self, path: str | Path) -> Task | None:
        return self._export_meetings(path, None)

    def export_annual_report(self, year: int, public: bool, path: str | Path) -> Task | None:
        """The annual report of a year after signing, in the interface's language."""
        # reportlab is loaded at the first export, not at start-up
        from desktop.core.years.annual_report import export_annual_report

        return self._write_report(
            path, lambda document, lang, target: export_annual_report(
                document, year, lang, target, public),
            (N_("Writing the annual report…"), N_("Annual report written to {path}"),
             N_("The annual report could not be written: {reason}")))

    def export_year_calendar(self, year: int, path: str | Path) -> Task | None:
        """The assemblies planned for ``year`` as an .ics file."""
        return self._export_meetings(path, year)

    def _export_meetings(self, path: str | Path, year: int | None) -> Task | None:
        """The assembly calendar (``year`` None) or the assemblies planned for one year."""
        # The calendar's code is loaded at its first export, not with the window.
        from desktop.core.calendar_export import (
            for_year,
            meeting_count,
            with_meeting_ids,
            write_calendar,
        )

        document = self._document_now()
        if document is None or self.district is None:
            return None
        document = with_meeting_ids(document, [row["id"] for row in self.district.rows("meetings")])
        if year is not None:
            from desktop.core.years.timeline import planned_meetings

            document = for_year(document, planned_meetings(document, year))
        if not meeting_count(document):
            self.show_error(_("The assembly calendar has no meeting with a date yet.")
                            if year is None else
                            _("No assembly is planned for {year}.").format(year=year))
            return None
        target = self._output(path, True, lambda: None)  # the file dialog has asked
        if target is None:
            return None
        lang = self.language.language
        return self._run(_("Writing the calendar…"),
                         lambda: write_calendar(document, lang, target), self._calendar_written,
                         N_("The calendar could not be written: {reason}"))

    def _calendar_written(self, target: Path) -> None:
        log.info("calendar exported")
        self.statusBar().showMessage(_("Calendar written to {path}").format(path=target), 10000)

    # --- dialogs ----------------------------------------------------------------------------

    def _file_dialog(self, title: str, save: bool, slot, filter_msgid: str = DISTRICT_FILTER,
                     suffix: str = "des") -> QFileDialog:
        dialog = QFileDialog(self, title, str(self._default_folder()), _(filter_msgid))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
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
        """The open district's folder, else the documents folder the welcome screen names
        (made on first use)."""
        if self.district is not None:
            return self.district.path.parent
        folder = settings.documents_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return Path.home()
        return folder

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

    def request_annual_report(self, year: int, public: bool) -> None:
        if self.district is not None:
            self._file_dialog(
                _("Save the annual report for publication as") if public
                else _("Save the annual report as"), True,
                lambda path: self.export_annual_report(year, public, path), PDF_FILTER, "pdf")

    def request_year_calendar(self, year: int) -> None:
        if self.district is not None:
            self._file_dialog(_("Export the assembly calendar"), True,
                              lambda path: self.export_year_calendar(year, path),
                              CALENDAR_FILTER, "ics")

    def request_report(self) -> None:
        if self.district is not None:
            self._file_dialog(_("Save the readiness report as"), True,
                              self.export_readiness_report, PDF_FILTER, "pdf")

    def request_export(self) -> None:
        if self.district is None or self.tasks.busy:
            return
        from desktop.gui.export_dialog import ExportDialog  # a dialog: imported when opened

        dialog = ExportDialog(self.district.path, self.language.language, self)
        dialog.exportRequested.connect(self.export_agreement)
        dialog.printRequested.connect(self.request_print)
        dialog.previewRequested.connect(self.request_preview)
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
        if self._welcome is not None:
            self._welcome.set_recent(existing)

    def _update_actions(self) -> None:
        """While a task runs nothing else starts; without a district nothing is exported."""
        idle = not self.tasks.busy
        has_district = self.district is not None
        for item in (self.copy_action, self.export_action, self.close_action, self.import_action,
                     self.print_action, self.report_action):
            item.setEnabled(has_district and idle)
        for item in (self.new_action, self.open_action, self.example_action):
            item.setEnabled(idle)
        self.restore_action.setEnabled(
            idle and self.district is not None and not self.district.read_only)
        self.recent_menu.setEnabled(idle and bool(self.recent_menu.actions()))
        if self.wizard is not None:
            self.wizard.import_button.setEnabled(idle)
            self.wizard.calendar_button.setEnabled(idle)

    def retranslate(self) -> None:
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
        self.report_action.setText(_("Export the &readiness report…"))
        self.close_action.setText(_("&Close district"))
        self.quit_action.setText(_("&Quit"))
        self.back_action.setText(_("Previous step"))
        self.next_action.setText(_("Next step"))
        self._update_actions()
        self.card_actions.retranslate(self.district is not None and not self.tasks.busy)
        self.language_label.setText(_("Language:") + " ")
        self.language_combo.setAccessibleName(_("Language"))
        self.language_combo.blockSignals(True)
        self.language_combo.setCurrentIndex(self.language_combo.findData(self.language.language))
        self.language_combo.blockSignals(False)
        self.toolbar.setWindowTitle(_("Toolbar"))
        self.save_label.refresh()
        self._update_title()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if self._asked_about_unsaved_edits(self.close):
            event.ignore()
            return
        window_geometry.remember(self)
        self.tasks.wait()  # a worker may still be writing a file
        self.close_district()
        super().closeEvent(event)
