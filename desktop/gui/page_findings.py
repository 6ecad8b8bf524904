""""To fix on this page": the review's findings for the step on screen, each with a button
that puts the cursor where the answer goes, so that nobody has to reach the Review to learn
what a page still lacks."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.core.readiness import Finding, Level
from i18n import _

SHOWN_AT_MOST = 5  # more than that is a list for the Review, not a banner over a form
FEWEST_SHOWN = 2
ROOM_PER_FINDING = 90  # pixels: a finding of three or four lines and its button
ROOM_FOR_THE_FORM = 300  # pixels the page's own fields keep, whatever the box holds


def shown_for_height(height: int) -> int:
    """How many findings the box shows in a wizard this tall: five on a laptop, two on a
    netbook (1024×600), so that the page's fields keep room and no row is squeezed."""
    return max(FEWEST_SHOWN, min(SHOWN_AT_MOST, (height - ROOM_FOR_THE_FORM) // ROOM_PER_FINDING))


class PageFindings(QFrame):
    goToRequested = Signal(object)  # noqa: N815 (Qt's naming); the Finding

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageFindings")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#pageFindings { background: #fff4e5; border: 1px solid #e0a040; }")
        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight: 600;")
        self.rows = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.title)
        layout.addLayout(self.rows)
        self.buttons: list[QPushButton] = []
        self.shown_at_most = SHOWN_AT_MOST
        self.hide()

    def show_findings(self, found: list[Finding]) -> None:
        """The findings of one step, blocking ones first; hidden when there are none."""
        while self.rows.count():
            item = self.rows.takeAt(0)
            inner = item.layout() if item is not None else None
            while inner is not None and inner.count():
                part = inner.takeAt(0)
                widget = part.widget() if part is not None else None
                if widget is not None:
                    widget.hide()  # out of the tab chain now, deleted when control returns
                    widget.deleteLater()
        self.buttons = []
        ordered = sorted(found, key=lambda f: f.level is not Level.BLOCKING)
        for finding in ordered[:self.shown_at_most]:
            self.rows.addLayout(self._row(finding))
        if len(ordered) > self.shown_at_most:
            more = QLabel(_("…and {count} more in the Review.").format(
                count=len(ordered) - self.shown_at_most), self)
            line = QHBoxLayout()
            line.addWidget(more)
            self.rows.addLayout(line)
        self.title.setText(_("To fix on this page"))
        self.setVisible(bool(ordered))

    def _row(self, finding: Finding) -> QHBoxLayout:
        prefix = _("Blocks the agreement:") if finding.level is Level.BLOCKING else _(
            "To check:")
        text = QLabel(f"{prefix} {finding.text(_)}", self)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        button = QPushButton(_("Go to the field"), self)
        button.setAccessibleDescription(finding.text(_))
        button.clicked.connect(lambda _checked=False, f=finding: self.goToRequested.emit(f))
        self.buttons.append(button)
        line = QHBoxLayout()
        line.addWidget(text, 1)
        line.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        return line
