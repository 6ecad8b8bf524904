"""The Review step: everything the group wrote, step by step, each with a link back to edit."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from desktop.store import DistrictFile
from i18n import _, current_language
from wizard_steps import STEPS
from wizard_steps.display import display_value, row_title
from wizard_steps.fields import Kind, is_visible


class ReviewPage(QWidget):
    editRequested = Signal(int)  # noqa: N815  (the index of the step to edit)

    def __init__(self, district: DistrictFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.district = district
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._follow)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.browser, 1)
        self.retranslate()

    def _follow(self, url: QUrl) -> None:
        if url.scheme() == "step":
            self.editRequested.emit(int(url.path()))

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.refresh()
        super().showEvent(event)

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
        position = self.browser.verticalScrollBar().value()
        self.browser.setHtml(self.summary_html())
        self.browser.verticalScrollBar().setValue(position)

    def retranslate(self) -> None:
        self.heading.setText(_("Review"))
        self.browser.setAccessibleName(_("Summary of the district"))
        if self.isVisible():
            self.refresh()

    def flush(self) -> None:
        """Nothing is typed here."""
