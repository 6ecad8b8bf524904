"""The Review step: are we ready to sign, what is missing, and everything the group wrote."""

from __future__ import annotations

from contextlib import suppress
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
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
from wizard_steps.widgets.page import FieldForm
from wizard_steps.years import AFTER_SIGNING

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


class ReviewPage(Retranslating, QWidget):
    editRequested = Signal(int)  # noqa: N815  (the index of the step to edit)
    goToRequested = Signal(object)  # noqa: N815  (a Finding)
    acknowledgementsChanged = Signal()  # noqa: N815
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
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._follow)
        self.signed_caption = QLabel(self)
        self.signed_caption.setStyleSheet("font-weight: 600;")
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
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.signed_caption)
        layout.addWidget(self.signed_list)
        layout.addLayout(buttons)
        # Once signed, the district's years open beside the steps (desktop/gui/years_view.py).
        self.signed_form = FieldForm((AFTER_SIGNING.field("signed_on"),), self)
        form_layout = self.signed_form.layout()
        if form_layout is not None:
            form_layout.setContentsMargins(0, 0, 0, 0)
        self.signed_form.committed.connect(self._signed_on)
        self.signed_form.load(district.answers())
        layout.addWidget(self.signed_form)
        self.retranslate()

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

    def _follow(self, url: QUrl) -> None:
        kind, target = url.scheme(), url.path()
        if kind == "step":
            self.editRequested.emit(int(target))
        elif kind == "finding":
            self.goToRequested.emit(self.current[int(target)])
        elif kind == "accept":
            self.ask_acceptance(self.current[int(target)])
        elif kind == "withdraw":
            self.withdraw(self.current[int(target)])

    def withdraw(self, finding: Finding) -> None:
        """Withdraw the acceptance that covers this finding (its own, or its whole rule's)."""
        acceptance = acceptance_of(finding, current_document(self.district))
        if acceptance is not None:
            self.district.withdraw_acknowledgement(acceptance["rule"], acceptance["row"])
            self.acknowledgementsChanged.emit()
        self.refresh()

    def ask_acceptance(self, finding: Finding) -> None:
        dialog = AcceptDialog(finding, self)
        dialog.accepted.connect(lambda: self._accepted(dialog))
        self.dialog = dialog
        dialog.open()

    def _accepted(self, dialog: AcceptDialog) -> None:
        self.district.acknowledge(dialog.finding.rule, dialog.reason.toPlainText().strip(),
                                  dialog.finding.row)
        self.acknowledgementsChanged.emit()
        self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        # Rebuilt only when something was written or the language changed since the last time:
        # with a thousand members the summary takes most of a second to lay out.
        if self._refreshed_for != (self.district.revision, current_language()):
            self.refresh()
        super().showEvent(event)

    # --- content ----------------------------------------------------------------------------

    def verdict_text(self, found: list[Finding]) -> str:
        blocking = sum(1 for f in found if f.level is Level.BLOCKING)
        if not blocking:
            return _("Ready to sign")
        return ngettext("{count} problem blocks the final agreement",
                        "{count} problems block the final agreement", blocking).format(
            count=blocking)

    def findings_html(self, document: dict, found: list[Finding]) -> str:
        titles = {step.key: (index, _(step.title)) for index, step in enumerate(STEPS)}
        go = _("Go to")
        parts: list[str] = []
        for step in STEPS:
            mine = [(i, f) for i, f in enumerate(found) if f.step == step.key]
            if not mine:
                continue
            index, title = titles[step.key]
            parts.append(f"<h4>{index + 1}. {escape(title)}</h4><ul>")
            for number, finding in mine:
                colour = LEVEL_COLOURS[finding.level]
                line = (f"<b style='color:{colour}'>{escape(_(LEVEL_NAMES[finding.level]))}"
                        f" ({finding.rule})</b> {escape(finding.text(_))} "
                        f"<a href='finding:{number}'>{escape(go)}</a>")
                if finding.level is not Level.BLOCKING:
                    line += self.acceptance_html(document, finding, number)
                parts.append(f"<li style='margin-bottom:6px'>{line}</li>")
            parts.append("</ul>")
        return "".join(parts)

    @staticmethod
    def acceptance_html(document: dict, finding: Finding, number: int) -> str:
        """The group's reason and "Withdraw acceptance", or the link that accepts it."""
        acceptance = acceptance_of(finding, document)
        if acceptance is None:
            accept = _("Accept with a reason…")
            return f" · <a href='accept:{number}'>{escape(accept)}</a>"
        if acceptance["row"] is None and finding.row is not None:
            accepted_by = _("Accepted by the group for every warning of this kind:")
        else:
            accepted_by = _("Accepted by the group:")
        withdraw = _("Withdraw acceptance")
        return (f"<br><i>{escape(accepted_by)} {escape(acceptance['reason'])}</i> "
                f"<a href='withdraw:{number}'>{escape(withdraw)}</a>")

    def summary_html(self) -> str:
        lang = current_language()
        answers = self.district.answers()
        members = self.district.member_names()
        parts = []
        edit, none_yet, not_given = _("Edit"), _("none yet"), _("not given")
        for index, step in enumerate(STEPS):
            parts.append(f"<h3>{index + 1}. {escape(_(step.title))} &nbsp;"
                         f"<a href='step:{index}'>{escape(edit)}</a></h3>")
            lines = []
            for declared in step.fields:
                if declared.kind is Kind.TABLE:
                    rows = self.district.rows(declared.key)
                    titles = [row_title(declared, row, members, _, lang) or _("(no name yet)")
                              for row in rows]
                    items = "".join(f"<li>{escape(t)}</li>" for t in titles) or \
                        f"<li><i>{escape(none_yet)}</i></li>"
                    lines.append(f"<tr><td width='34%' valign='top'>"
                                 f"<b>{escape(_(declared.label))}</b></td>"
                                 f"<td><ul style='margin:0'>{items}</ul></td></tr>")
                    continue
                if not is_visible(declared, answers):
                    continue
                shown = display_value(declared, answers[declared.key], members, _, lang)
                text = escape(shown).replace("\n", "<br>") if shown else \
                    f"<i style='color:#888'>{escape(not_given)}</i>"
                lines.append(f"<tr><td width='34%' valign='top'>"
                             f"<b>{escape(_(declared.label))}</b></td><td>{text}</td></tr>")
            parts.append("<table width='100%' cellspacing='4'>" + "".join(lines) + "</table>")
        return "".join(parts)

    def refresh(self) -> None:
        self._refreshed_for = (self.district.revision, current_language())
        document = current_document(self.district)
        self.current = review_findings(document, current_findings(self.district))
        ready = not any(f.level is Level.BLOCKING for f in self.current)
        self.verdict.setText(self.verdict_text(self.current))
        self.verdict.setStyleSheet("font-size: 13pt; font-weight: 600; color: "
                                   + ("#2e7d32;" if ready else "#b00020;"))
        position = self.browser.verticalScrollBar().value()
        findings_part = self.findings_html(document, self.current)
        heading = escape(_("What the review found")) if findings_part else ""
        wrote = escape(_("What the group wrote"))
        self.browser.setHtml((f"<h2>{heading}</h2>" + findings_part if findings_part else "")
                             + f"<h2>{wrote}</h2>" + self.summary_html())
        self.browser.verticalScrollBar().setValue(position)

    def retranslate(self) -> None:
        self.heading.setText(_("Review"))
        self.browser.setAccessibleName(_("Summary of the district"))
        self.signed_caption.setText(_("Signed agreement (scans kept inside the district file)"))
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
