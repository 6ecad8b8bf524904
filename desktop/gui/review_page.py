"""The Review step: are we ready to sign, what is missing, and everything the group wrote."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
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

from desktop.core.display import display_value, row_title
from desktop.core.district_file import DistrictFile
from desktop.core.document_cache import current_document
from desktop.core.errors import UserError
from desktop.core.readiness import LEVEL_NAMES, Finding, Level, findings, is_acknowledged
from desktop.gui.messages import open_message
from i18n import _, current_language, ngettext
from i18n.formats import long_date
from wizard_steps import STEPS
from wizard_steps.fields import Kind, is_visible

LEVEL_COLOURS = {Level.BLOCKING: "#b00020", Level.WARNING: "#a15c00", Level.HINT: "#3465a4"}


class AcceptDialog(QDialog):
    """Accepting a warning: the group writes why, and the reason is kept and printed."""

    def __init__(self, finding: Finding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.finding = finding
        self.setWindowTitle(_("Accept a warning"))
        self.text = QLabel(finding.text(_), self)
        self.text.setWordWrap(True)
        self.caption = QLabel(_("Why the group accepts it (printed in the readiness report):"),
                              self)
        self.reason = QPlainTextEdit(self)
        self.reason.setAccessibleName(_("Reason"))
        self.caption.setBuddy(self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.text, self.caption, self.reason, self.buttons):
            layout.addWidget(widget)
        self.resize(520, 300)

    def _accept(self) -> None:
        if self.reason.toPlainText().strip():
            self.accept()


class ReviewPage(QWidget):
    editRequested = Signal(int)  # noqa: N815  (the index of the step to edit)
    goToRequested = Signal(object)  # noqa: N815  (a Finding)
    acknowledgementsChanged = Signal()  # noqa: N815

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
        self.signed_list.setFixedHeight(70)
        self.attach_button = QPushButton(self)
        self.attach_button.clicked.connect(self.request_attach)
        self.save_attachment_button = QPushButton(self)
        self.save_attachment_button.clicked.connect(self.request_save_attachment)
        self.remove_attachment_button = QPushButton(self)
        self.remove_attachment_button.clicked.connect(self.remove_selected_attachment)
        buttons = QHBoxLayout()
        for button in (self.attach_button, self.save_attachment_button,
                       self.remove_attachment_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.file_dialog: QFileDialog | None = None
        self.message: QMessageBox | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.verdict)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.signed_caption)
        layout.addWidget(self.signed_list)
        layout.addLayout(buttons)
        self.retranslate()

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
        dialog = QFileDialog(self, _("Save a copy of the signed agreement"), name)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.fileSelected.connect(lambda path: self.save_attachment(chosen, path))
        self.file_dialog = dialog
        dialog.open()

    def save_attachment(self, attachment_id: int, path: str) -> bool:
        try:
            self.district.save_attachment(attachment_id, path)
        except OSError as exc:
            self._tell(_("The copy could not be written: {reason}").format(
                reason=exc.strerror or exc))
            return False
        return True

    def remove_selected_attachment(self) -> None:
        chosen = self._selected_attachment()
        if chosen is not None:
            self.district.remove_attachment(chosen)
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
            self.district.withdraw_acknowledgement(target)
            self.acknowledgementsChanged.emit()
            self.refresh()

    def ask_acceptance(self, finding: Finding) -> None:
        dialog = AcceptDialog(finding, self)
        dialog.accepted.connect(lambda: self._accepted(dialog))
        self.dialog = dialog
        dialog.open()

    def _accepted(self, dialog: AcceptDialog) -> None:
        self.district.acknowledge(dialog.finding.rule, dialog.reason.toPlainText().strip())
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
        go, accept, withdraw = _("Go to"), _("Accept with a reason…"), _("Withdraw")
        accepted_by = _("Accepted by the group:")
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
                    reason = document.get("acknowledgements", {}).get(finding.rule)
                    if is_acknowledged(finding, document):
                        line += (f"<br><i>{escape(accepted_by)} "
                                 f"{escape(reason or '')}</i> "
                                 f"<a href='withdraw:{finding.rule}'>{escape(withdraw)}</a>")
                    else:
                        line += f" · <a href='accept:{number}'>{escape(accept)}</a>"
                parts.append(f"<li style='margin-bottom:6px'>{line}</li>")
            parts.append("</ul>")
        return "".join(parts)

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
        self.current = findings(document)
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
        self.refresh_attachments()
        if self.isVisible():
            self.refresh()

    def flush(self) -> None:
        """Nothing is typed here."""
