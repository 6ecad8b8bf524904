"""The Review step: are we ready to sign, what is missing, and everything the group wrote."""

from __future__ import annotations

from contextlib import suppress
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QShortcut,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core import settings
from desktop.core.assembly.progress import review_findings
from desktop.core.display import display_value, row_title
from desktop.core.district_file import DistrictFile
from desktop.core.district_file.file import safe_file_name
from desktop.core.district_file.write_errors import WriteError
from desktop.core.document_cache import current_document, current_findings
from desktop.core.errors import UserError
from desktop.core.outputs import check_output
from desktop.core.readiness import LEVEL_NAMES, Finding, Level, acceptance_of
from desktop.gui.messages import open_message
from i18n import _, current_language, ngettext
from i18n.formats import long_date
from i18n.qt import Retranslating
from wizard_steps import STEPS
from wizard_steps import step as declared_step
from wizard_steps.fields import Kind, is_visible
from wizard_steps.widgets.looks import bold
from wizard_steps.widgets.page import FieldForm
from wizard_steps.years import AFTER_SIGNING

# A district of a thousand members can have hundreds of findings (a hint per member without
# its authorising act) and lists of a thousand names; laid out as widgets all at once they took
# two seconds. The Review shows the first findings (the most serious come first) with a button
# for the others, and each list's first names with the count of the rest (Edit shows them).
FINDINGS_SHOWN = 20
NAMES_SHOWN = 10
# What the group wrote is a part per step, a caption and an answer each (about 160 labels):
# made and laid out all at once they held the first visit of the Review over 100 ms. The first
# parts are made with the findings; the others one per turn of the event loop once the Review
# is drawn, so the window answers keys and clicks meanwhile (see ReviewPage._fill_next).
SUMMARIES_AT_ONCE = 2
SIGNED_ON = AFTER_SIGNING.field("signed_on").key

LEVEL_COLOURS = {Level.BLOCKING: "#b00020", Level.WARNING: "#a15c00", Level.HINT: "#3465a4"}


def finding_subject(finding: Finding) -> str:
    """The member or row an acceptance of this finding covers, in the interface language."""
    if finding.row is None:
        return _("the whole district")
    table = next((f for f in declared_step(finding.step).fields if f.kind is Kind.TABLE and (
        f.key == finding.field or any(sub.key == finding.field for sub in f.row_fields))), None)
    name = str(finding.params.get("name") or finding.params.get("title") or "")
    if finding.params.get("name_is_label"):
        name = _(name)
    item = _(table.item_label or table.label) if table is not None else ""
    return _("{item} “{name}”").format(item=item, name=name or _("(no name yet)"))


class AcceptDialog(QDialog):
    """Accepting one finding: the dialog names it (which member or row) and the group writes
    why; the reason is kept and printed. Other rows with the same warning stay open."""

    def __init__(self, finding: Finding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.finding = finding
        self.setWindowTitle(_("Accept a warning"))
        self.text = QLabel(finding.text(_), self)
        self.text.setWordWrap(True)
        self.subject = QLabel(self)
        self.subject.setWordWrap(True)
        self.subject.setTextFormat(Qt.TextFormat.RichText)
        covered = escape(_("This acceptance covers only: {subject}").format(
            subject=finding_subject(finding)))
        self.subject.setText(f"<b>{covered}</b>")
        self.caption = QLabel(_("Why the group accepts it (printed in the readiness report):"),
                              self)
        self.reason = QPlainTextEdit(self)
        self.reason.setAccessibleName(_("Reason"))
        self.reason.setTabChangesFocus(True)  # Tab leaves the box; Ctrl+Enter accepts
        self.caption.setBuddy(self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self._accept)
        layout = QVBoxLayout(self)
        for widget in (self.text, self.subject, self.caption, self.reason, self.buttons):
            layout.addWidget(widget)
        self.resize(520, 320)

    def _accept(self) -> None:
        if self.reason.toPlainText().strip():
            self.accept()


class FindingRow(Retranslating, QFrame):
    """One finding of the Review: what it says, and buttons to go to the field and to accept
    it (or withdraw the acceptance). Each button is announced with the finding it acts on."""

    goToRequested = Signal(object)  # noqa: N815 (Qt's naming); the Finding
    acceptRequested = Signal(object)  # noqa: N815
    withdrawRequested = Signal(object)  # noqa: N815

    def __init__(self, finding: Finding, acceptance: dict[str, Any] | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingRow")
        self.finding = finding
        self.acceptance = acceptance
        # Plain-text labels, the level in bold and its colour by font and palette: a rich-text
        # label per finding took several times as long to lay out.
        self.level = QLabel(self)
        self.level.setTextFormat(Qt.TextFormat.PlainText)
        self.level.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        bold(self.level)
        palette = QPalette(self.level.palette())
        palette.setColor(QPalette.ColorRole.WindowText, QColor(LEVEL_COLOURS[finding.level]))
        self.level.setPalette(palette)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.accepted_text = QLabel(self)
        self.accepted_text.setWordWrap(True)
        self.accepted_text.setTextFormat(Qt.TextFormat.PlainText)
        italic = QFont(self.accepted_text.font())
        italic.setItalic(True)
        self.accepted_text.setFont(italic)
        self.accepted_text.setVisible(acceptance is not None)
        self.go_button = QPushButton(self)
        self.go_button.clicked.connect(lambda: self.goToRequested.emit(self.finding))
        self.accept_button: QPushButton | None = None
        self.withdraw_button: QPushButton | None = None
        if acceptance is not None:
            self.withdraw_button = QPushButton(self)
            self.withdraw_button.clicked.connect(
                lambda: self.withdrawRequested.emit(self.finding))
        elif finding.level is not Level.BLOCKING:
            self.accept_button = QPushButton(self)
            self.accept_button.clicked.connect(lambda: self.acceptRequested.emit(self.finding))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in self.buttons():
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 2, 0, 6)
        layout.setSpacing(2)
        said = QHBoxLayout()
        said.setContentsMargins(0, 0, 0, 0)
        said.addWidget(self.level, 0, Qt.AlignmentFlag.AlignTop)
        said.addWidget(self.text, 1)
        layout.addLayout(said)
        layout.addWidget(self.accepted_text)
        layout.addLayout(buttons)
        self.retranslate()

    def buttons(self) -> list[QPushButton]:
        return [b for b in (self.go_button, self.accept_button, self.withdraw_button)
                if b is not None]

    def spoken(self) -> str:
        """The finding as a screen reader says it: its level and its text."""
        return f"{_(LEVEL_NAMES[self.finding.level]).capitalize()}: {self.finding.text(_)}"

    def retranslate(self) -> None:
        self.level.setText(_(LEVEL_NAMES[self.finding.level]).capitalize())
        self.text.setText(self.finding.text(_))
        spoken = self.spoken()
        self.setAccessibleName(spoken)
        self.go_button.setText(_("Go to the field"))
        if self.accept_button is not None:
            self.accept_button.setText(_("Accept with a reason…"))
        if self.withdraw_button is not None and self.acceptance is not None:
            self.withdraw_button.setText(_("Withdraw acceptance"))
            if self.acceptance["row"] is None and self.finding.row is not None:
                accepted_by = _("Accepted by the group for every warning of this kind:")
            else:
                accepted_by = _("Accepted by the group:")
            self.accepted_text.setText(f"{accepted_by} {self.acceptance['reason']}")
            spoken += " " + self.accepted_text.text()
        for button in self.buttons():
            button.setAccessibleName(button.text())
            button.setAccessibleDescription(spoken)


class StepSummary(Retranslating, QWidget):
    """What the group wrote in one step, with the button that goes back to edit it.

    Each answer is a caption and a value in plain-text labels: one rich-text table per step
    took 20 to 70 ms to lay out (half a second for the Review), plain labels a tenth of it."""

    editRequested = Signal(int)  # noqa: N815 (Qt's naming); the step's index

    def __init__(self, index: int, lines: list[tuple[str, str, bool]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.title = QLabel(self)
        bold(self.title, 12)
        self.edit_button = QPushButton(self)
        self.edit_button.clicked.connect(lambda: self.editRequested.emit(self.index))
        self.body = QWidget(self)
        grid = QGridLayout(self.body)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(0, 34)
        grid.setColumnStretch(1, 66)
        for row, (caption, value, missing) in enumerate(lines):
            for column, text in enumerate((caption, value)):
                label = QLabel(text, self.body)
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setWordWrap(True)
                label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                grid.addWidget(label, row, column)
                if column == 0:
                    bold(label)
                elif missing:
                    _as_missing(label)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.title)
        top.addWidget(self.edit_button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.body)
        self.retranslate()

    def retranslate(self) -> None:
        title = f"{self.index + 1}. {_(STEPS[self.index].title)}"
        self.title.setText(title)
        self.edit_button.setText(_("Edit"))
        self.edit_button.setAccessibleName(_("Edit"))
        self.edit_button.setAccessibleDescription(title)
        self.body.setAccessibleName(title)


def _as_missing(label: QLabel) -> None:
    """"not given", "none yet": grey italics."""
    font = QFont(label.font())
    font.setItalic(True)
    label.setFont(font)
    palette = QPalette(label.palette())
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#666666"))
    label.setPalette(palette)


class ReviewPage(Retranslating, QWidget):
    editRequested = Signal(int)  # noqa: N815  (the index of the step to edit)
    goToRequested = Signal(object)  # noqa: N815  (a Finding)
    acknowledgementsChanged = Signal()  # noqa: N815
    contentChanged = Signal()  # noqa: N815 (the findings and summary were rebuilt)
    signedChanged = Signal()  # noqa: N815  (the date the agreement was signed on)

    def __init__(self, district: DistrictFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.district = district
        self.current: list[Finding] = []
        self._refreshed_for: tuple[int, str] | None = None  # the file's revision and language
        self.dialog: AcceptDialog | None = None
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.verdict = QLabel(self)
        self.verdict.setWordWrap(True)
        # Findings and the summary are widgets, not a text browser: each finding and each
        # "Edit" is reached with Tab (or the arrows) and announced with what it acts on.
        self.rows: list[FindingRow] = []
        self.summaries: list[StepSummary] = []
        self.more_button: QPushButton | None = None  # "Show the other … findings"
        self._unmade: list[int] = []  # the steps whose part of the summary is still to make
        self._summary_layout: QVBoxLayout | None = None
        self._summary_document: dict[str, Any] = {}
        self._filler = QTimer(self)  # makes the next part, one per turn of the event loop
        self._filler.setSingleShot(True)
        self._filler.setInterval(0)
        self._filler.timeout.connect(self._fill_next)
        self.all_findings = False  # asked for with that button: kept until the window closes
        self.content: QWidget | None = None
        self._acted_on: Finding | None = None  # the finding a dialog or a button acted on
        self.area = QScrollArea(self)
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.StyledPanel)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its buttons take the focus
        # The signed agreement folds away, so that on a netbook the findings keep the height:
        # open when the district already holds a scan or a signing date, closed before, and as
        # the user leaves it once they have opened or closed it themselves.
        self.signed_toggle = QToolButton(self)
        self.signed_toggle.setCheckable(True)
        self.signed_toggle.setAutoRaise(True)
        self.signed_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.signed_toggle.setStyleSheet("font-weight: 600;")
        self.signed_toggle.toggled.connect(self._show_signed)
        self.signed_toggle.clicked.connect(self._signed_chosen)
        self._signed_left_by_user = False
        self.signed_box = QWidget(self)
        self.signed_list = QListWidget(self)
        self.signed_list.setFixedHeight(56)  # three scans; more scroll
        self.attach_button = QPushButton(self)
        self.attach_button.clicked.connect(self.request_attach)
        self.save_attachment_button = QPushButton(self)
        self.save_attachment_button.clicked.connect(self.request_save_attachment)
        self.remove_attachment_button = QPushButton(self)
        self.remove_attachment_button.clicked.connect(self.ask_remove_attachment)
        self.undo_attachment_button = QPushButton(self)
        self.undo_attachment_button.clicked.connect(self.undo_remove_attachment)
        self.undo_attachment_button.setEnabled(False)
        self.removed_attachments: list[dict[str, Any]] = []  # for undo, until the window closes
        # Two by two: four buttons in a row would not fit a netbook's screen.
        buttons = QGridLayout()
        for index, button in enumerate((self.attach_button, self.save_attachment_button,
                                        self.remove_attachment_button,
                                        self.undo_attachment_button)):
            buttons.addWidget(button, index // 2, index % 2)
        buttons.setColumnStretch(2, 1)
        self.file_dialog: QFileDialog | None = None
        self.message: QMessageBox | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.verdict)
        layout.addWidget(self.area, 1)
        layout.addWidget(self.signed_toggle)
        signed_layout = QVBoxLayout(self.signed_box)
        signed_layout.setContentsMargins(0, 0, 0, 0)
        signed_layout.addWidget(self.signed_list)
        signed_layout.addLayout(buttons)
        # Once signed, the district's years open beside the steps (desktop/gui/years_view.py).
        self.signed_form = FieldForm((AFTER_SIGNING.field(SIGNED_ON),), self.signed_box)
        form_layout = self.signed_form.layout()
        if form_layout is not None:
            form_layout.setContentsMargins(0, 0, 0, 0)
        self.signed_form.committed.connect(self._signed_on)
        self.signed_form.load(district.answers())
        signed_layout.addWidget(self.signed_form)
        layout.addWidget(self.signed_box)
        self._show_signed(False)
        self.retranslate()

    def _show_signed(self, shown: bool) -> None:
        self.signed_box.setVisible(shown)
        self.signed_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else
                                        Qt.ArrowType.RightArrow)

    def _signed_chosen(self) -> None:
        self._signed_left_by_user = True

    def _open_signed_if_due(self) -> None:
        if self._signed_left_by_user:
            return
        due = bool(self.district.attachments()) or bool(
            self.district.answers().get(SIGNED_ON))
        self.signed_toggle.setChecked(due)

    def _signed_on(self, key: str, value: Any) -> None:
        with suppress(WriteError):  # the value stays on screen and is written with the next edit
            self.district.set_answer(key, value)
        self.signedChanged.emit()

    # --- the signed agreement ---------------------------------------------------------------

    def attach_file(self, path: str) -> bool:
        try:
            self.district.attach(path)
        except UserError as exc:
            self._tell(exc.message())
            return False
        except OSError as exc:
            self._tell(_("The file could not be read: {reason}").format(
                reason=exc.strerror or exc))
            return False
        self.refresh_attachments()
        return True

    def _tell(self, text: str) -> None:
        self.message = open_message(self, text)

    def request_attach(self) -> None:
        dialog = QFileDialog(self, _("Attach the signed agreement"), "",
                             _("Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.attach_file)
        self.file_dialog = dialog
        dialog.open()

    def _selected_attachment(self) -> int | None:
        item = self.signed_list.currentItem()
        return item.data(256) if item is not None else None

    def request_save_attachment(self) -> None:
        chosen = self._selected_attachment()
        if chosen is None:
            return
        name = next(a["name"] for a in self.district.attachments() if a["id"] == chosen)
        folder = settings.documents_dir()  # never the program's working folder
        proposed = (folder if folder.is_dir() else Path.home()) / safe_file_name(name)
        dialog = QFileDialog(self, _("Save a copy of the signed agreement"), str(proposed))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda path: self.save_attachment(chosen, path))
        self.file_dialog = dialog
        dialog.open()

    def save_attachment(self, attachment_id: int, path: str) -> bool:
        try:  # the file dialog has asked before replacing a file; a district is never one
            target = check_output(path, protected=[self.district.path], replace=True)
            self.district.save_attachment(attachment_id, target)
        except UserError as exc:
            self._tell(exc.message())
            return False
        except OSError as exc:
            self._tell(_("The copy could not be written: {reason}").format(
                reason=exc.strerror or exc))
            return False
        return True

    def ask_remove_attachment(self) -> None:
        chosen = self._selected_attachment()
        if chosen is None:
            return
        name = next(a["name"] for a in self.district.attachments() if a["id"] == chosen)
        box = QMessageBox(QMessageBox.Icon.Question, _("Remove"), _(
            "Remove the scan “{name}” from the district? “Undo remove” puts it back until the "
            "window is closed.").format(name=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).clicked.connect(
            lambda: self.remove_attachment(chosen))
        self.message = box
        box.open()

    def remove_attachment(self, attachment_id: int) -> None:
        with suppress(WriteError):  # the window says why it is still there
            self.removed_attachments.append(self.district.remove_attachment(attachment_id))
        self.undo_attachment_button.setEnabled(bool(self.removed_attachments))
        self.refresh_attachments()

    def undo_remove_attachment(self) -> None:
        if not self.removed_attachments:
            return
        with suppress(WriteError):
            self.district.restore_attachment(self.removed_attachments[-1])
            self.removed_attachments.pop()
        self.undo_attachment_button.setEnabled(bool(self.removed_attachments))
        self.refresh_attachments()

    def refresh_attachments(self) -> None:
        self.signed_list.clear()
        lang = current_language()
        for attachment in self.district.attachments():
            added = long_date(attachment["added_at"][:10], lang)
            item = QListWidgetItem(f"{attachment['name']} — {added} "
                                   f"({attachment['size'] // 1024 + 1} KB)")
            item.setData(256, attachment["id"])
            self.signed_list.addItem(item)
        has_any = self.signed_list.count() > 0
        if has_any and self.signed_list.currentRow() < 0:
            self.signed_list.setCurrentRow(0)
        self.save_attachment_button.setEnabled(has_any)
        self.remove_attachment_button.setEnabled(has_any)

    # --- links ------------------------------------------------------------------------------

    def withdraw(self, finding: Finding) -> None:
        """Withdraw the acceptance that covers this finding (its own, or its whole rule's)."""
        acceptance = acceptance_of(finding, current_document(self.district))
        if acceptance is not None:
            self.district.withdraw_acknowledgement(acceptance["rule"], acceptance["row"])
            self.acknowledgementsChanged.emit()
        self.refresh()

    def ask_acceptance(self, finding: Finding) -> None:
        self._acted_on = finding
        dialog = AcceptDialog(finding, self)
        dialog.accepted.connect(lambda: self._accepted(dialog))
        dialog.rejected.connect(self._forget_acted_on)
        self.dialog = dialog
        dialog.open()

    def _forget_acted_on(self) -> None:
        self._acted_on = None
        self.window().activateWindow()

    def _accepted(self, dialog: AcceptDialog) -> None:
        self.district.acknowledge(dialog.finding.rule, dialog.reason.toPlainText().strip(),
                                  dialog.finding.row)
        self.acknowledgementsChanged.emit()
        self.refresh()
        self.window().activateWindow()  # the keyboard is back in the Review, on the finding

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        # Rebuilt only when something was written or the language changed since the last time:
        # with a thousand members the summary takes most of a second to lay out.
        if self._refreshed_for != (self.district.revision, current_language()):
            self.refresh()
        elif self._unmade:
            self._filler.start()  # left before every part was made
        super().showEvent(event)

    # --- content ----------------------------------------------------------------------------

    def verdict_text(self, found: list[Finding]) -> str:
        blocking = sum(1 for f in found if f.level is Level.BLOCKING)
        if not blocking:
            return _("Ready to sign")
        return ngettext("{count} problem blocks the final agreement",
                        "{count} problems block the final agreement", blocking).format(
            count=blocking)

    def summary_lines(self, index: int, document: dict[str, Any] | None = None
                      ) -> list[tuple[str, str, bool]]:
        """What the group wrote in one step: caption, answer, and whether the answer is
        missing, for each field shown. The lists' rows come from the window's document (read
        once per edit), not from the file again."""
        if document is None:
            document = current_document(self.district)
        lang = current_language()
        answers = self.district.answers()
        members = self.district.member_names()
        lines: list[tuple[str, str, bool]] = []
        for declared in STEPS[index].fields:
            if declared.kind is Kind.TABLE:
                rows = document[STEPS[index].key][declared.key]
                titles = [row_title(declared, row, members, _, lang) or _("(no name yet)")
                          for row in rows[:NAMES_SHOWN]]
                if len(rows) > NAMES_SHOWN:
                    rest = len(rows) - NAMES_SHOWN
                    titles.append(ngettext("and {count} more (Edit shows them all)",
                                           "and {count} more (Edit shows them all)",
                                           rest).format(count=rest))
                text = "\n".join(f"• {title}" for title in titles)
                lines.append((_(declared.label), text or _("none yet"), not titles))
                continue
            if not is_visible(declared, answers):
                continue
            shown = display_value(declared, answers[declared.key], members, _, lang)
            lines.append((_(declared.label), shown or _("not given"), not shown))
        return lines

    @staticmethod
    def _heading(text: str, parent: QWidget, size: str = "14pt") -> QLabel:
        label = QLabel(text, parent)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setStyleSheet(f"font-size: {size}; font-weight: 600;")
        label.setWordWrap(True)
        return label

    def _build(self, document: dict, at_once: int) -> QWidget:
        """The findings and the first ``at_once`` parts of the summary; the other parts are
        left to :meth:`_fill_next`."""
        content = QWidget()
        layout = QVBoxLayout(content)
        self.rows, self.summaries, self.more_button = [], [], None
        shown = self.current if self.all_findings else self.current[:FINDINGS_SHOWN]
        if self.current:
            layout.addWidget(self._heading(_("What the review found"), content))
        for index, step in enumerate(STEPS):
            mine = [f for f in shown if f.step == step.key]
            if not mine:
                continue
            layout.addWidget(self._heading(f"{index + 1}. {_(step.title)}", content, "12pt"))
            for finding in mine:
                acceptance = None if finding.level is Level.BLOCKING else \
                    acceptance_of(finding, document)
                row = FindingRow(finding, acceptance, content)
                row.goToRequested.connect(self.goToRequested)
                row.acceptRequested.connect(self.ask_acceptance)
                row.withdrawRequested.connect(self.withdraw)
                for button in row.buttons():
                    button.installEventFilter(self)
                self.rows.append(row)
                layout.addWidget(row)
        if len(shown) < len(self.current):
            rest = len(self.current) - len(shown)
            self.more_button = QPushButton(ngettext(
                "Show the other {count} finding", "Show the other {count} findings", rest).format(
                count=rest), content)
            self.more_button.clicked.connect(self.show_all_findings)
            self.more_button.installEventFilter(self)
            layout.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self._heading(_("What the group wrote"), content))
        layout.addStretch(1)
        self._summary_layout, self._summary_document = layout, document
        self._unmade = list(range(len(STEPS)))
        for _index in range(min(at_once, len(STEPS))):
            self._make_summary()
        return content

    def _make_summary(self) -> None:
        """The next step's part of the summary, after the parts made so far and in the tab
        chain right after their last "Edit" (a widget made later joins the chain's end)."""
        layout = self._summary_layout
        assert layout is not None
        index = self._unmade.pop(0)
        parent = layout.parentWidget()
        summary = StepSummary(index, self.summary_lines(index, self._summary_document), parent)
        summary.editRequested.connect(self.editRequested)
        summary.edit_button.installEventFilter(self)
        if self.summaries:
            QWidget.setTabOrder(self.summaries[-1].edit_button, summary.edit_button)
        self.summaries.append(summary)
        layout.insertWidget(layout.count() - 1, summary)  # before the closing stretch
        if parent is not None and parent.isVisible():
            summary.show()  # now, not at the next turn: Tab can reach it at once

    def _fill_next(self) -> None:
        """One more part of the summary; the rest at the next turns, while the Review is on
        screen (hidden, it waits: showEvent goes on with it)."""
        if not self._unmade or not self.isVisible():
            return
        self._make_summary()
        if self._unmade:
            self._filler.start()

    def complete(self) -> None:
        """Every part of the summary, now: for whatever reads or walks the whole Review."""
        self._filler.stop()
        while self._unmade:
            self._make_summary()

    def is_complete(self) -> bool:
        return not self._unmade

    def show_all_findings(self) -> None:
        """Every finding, the focus on the first of those that were not shown."""
        first_new = len(self.rows)
        self.all_findings = True
        self.refresh()
        if first_new < len(self.rows):
            button = self.rows[first_new].buttons()[0]
            button.setFocus(Qt.FocusReason.OtherFocusReason)
            self.area.ensureWidgetVisible(button)

    def _groups(self) -> list[list[QPushButton]]:
        """The buttons by line: each finding's, "Show the other findings", each "Edit"."""
        self.complete()
        more = [[self.more_button]] if self.more_button is not None else []
        return [row.buttons() for row in self.rows] + more + \
            [[summary.edit_button] for summary in self.summaries]

    def focus_stops(self) -> list[QPushButton]:
        """The Review's buttons in reading order: findings first, then each step's "Edit"."""
        return [button for group in self._groups() for button in group]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        # A button that gets the focus, however it came (Tab, the arrows, back from a dialog),
        # is scrolled into view.
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QWidget):
            self.area.ensureWidgetVisible(watched)
            return False
        # Up and Down go from finding to finding (and on to the steps' "Edit"); Left and Right
        # between the buttons of one finding.
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent) or \
                event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        moves = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_Left: -1,
                 Qt.Key.Key_Right: 1}
        key = Qt.Key(event.key())
        if key not in moves or not isinstance(watched, QPushButton):
            return False
        target = self._neighbour(watched, moves[key], key in (Qt.Key.Key_Up, Qt.Key.Key_Down))
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            self.area.ensureWidgetVisible(target)
        return True

    def _neighbour(self, button: QPushButton, step: int, by_row: bool) -> QPushButton | None:
        groups = self._groups()
        here = next((i for i, group in enumerate(groups) if button in group), None)
        if here is None:
            return None
        if not by_row:
            group = groups[here]
            place = group.index(button) + step
            return group[place] if 0 <= place < len(group) else None
        place = here + step
        return groups[place][0] if 0 <= place < len(groups) else None

    def text(self) -> str:
        """Everything the Review shows, as plain text (what a reader of the screen gets)."""
        if self.content is None:
            return ""
        self.complete()
        parts: list[str] = []
        for label in self.content.findChildren(QLabel):
            if label.isHidden():
                continue
            if label.textFormat() is Qt.TextFormat.PlainText:
                parts.append(label.text())
                continue
            document = QTextDocument()
            document.setHtml(label.text())
            parts.append(document.toPlainText())
        parts += [button.text() for button in self.focus_stops()]
        return "\n".join(parts)

    def refresh(self) -> None:
        self._refreshed_for = (self.district.revision, current_language())
        document = current_document(self.district)
        self.current = review_findings(document, current_findings(self.district))
        ready = not any(f.level is Level.BLOCKING for f in self.current)
        self.verdict.setText(self.verdict_text(self.current))
        self._open_signed_if_due()
        self.verdict.setStyleSheet("font-size: 13pt; font-weight: 600; color: "
                                   + ("#2e7d32;" if ready else "#b00020;"))
        position = self.area.verticalScrollBar().value()
        # The focus stays on the finding it was on (or that a dialog was opened from): its
        # buttons are made again, and a deleted button would leave the focus nowhere.
        focused = self.window().focusWidget()
        keep = self._acted_on
        if keep is None and focused is not None:
            keep = next((row.finding for row in self.rows if row.isAncestorOf(focused)), None)
        had_focus = self.content is not None and focused is not None and \
            self.content.isAncestorOf(focused)
        old = self.area.takeWidget()
        if old is not None:  # later: a button of it may be in the middle of its click
            old.hide()
            old.deleteLater()
        self._filler.stop()
        # Scrolled down, the whole Review is made at once, so that the place is kept.
        self.content = self._build(document, len(STEPS) if position else SUMMARIES_AT_ONCE)
        self.area.setWidget(self.content)
        self.area.verticalScrollBar().setValue(position)
        if self._unmade:
            self._filler.start()
        self._acted_on = None
        again = next((row for row in self.rows if row.finding == keep), None)
        if again is not None and (had_focus or keep is not None):
            again.buttons()[-1].setFocus(Qt.FocusReason.OtherFocusReason)
        elif had_focus and self.focus_stops():
            self.focus_stops()[0].setFocus(Qt.FocusReason.OtherFocusReason)
        self.contentChanged.emit()

    def retranslate(self) -> None:
        self.heading.setText(_("Review"))
        self.area.setAccessibleName(_("Summary of the district"))
        self.signed_toggle.setText(_("Signed agreement (scans kept inside the district file)"))
        self.signed_list.setAccessibleName(_("Signed agreement"))
        self.attach_button.setText(_("&Attach the signed agreement…"))
        self.save_attachment_button.setText(_("&Save a copy…"))
        self.remove_attachment_button.setText(_("Remo&ve"))
        self.undo_attachment_button.setText(_("Undo remove"))
        self.refresh_attachments()
        if self.isVisible():
            self.refresh()

    def flush(self) -> None:
        """Only the date the agreement was signed on is typed here."""
        self.signed_form.flush()
