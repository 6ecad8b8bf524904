"""The wizard: steps on the left, the page in the middle, help on the right, Back and Next."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.district_file import DistrictFile
from desktop.core.document import to_document
from desktop.core.document_cache import current_document, current_findings
from desktop.core.readiness import Finding, Level, findings, is_acknowledged
from desktop.core.step_state import StepState, step_state
from desktop.core.years.signed import signed_on
from desktop.gui.first_paint import after_first_paint
from desktop.gui.lazy_pages import LazyPages
from desktop.gui.page_findings import PageFindings, shown_for_height
from i18n import N_, _
from i18n.qt import Retranslating
from wizard_steps import STEPS
from wizard_steps.fields import Kind, Step
from wizard_steps.widgets.editors import FieldEditor
from wizard_steps.widgets.page import StepPage
from wizard_steps.years import YEAR

if TYPE_CHECKING:
    from desktop.gui.review_page import ReviewPage
    from desktop.gui.years_view import YearsView

STATE_TEXT = {
    StepState.INCOMPLETE: N_("to do"),
    StepState.DONE: N_("done"),
    StepState.PROBLEMS: N_("has problems"),
    StepState.WARNINGS: N_("has warnings"),
}


REVIEW_HELP = N_(
    "Read everything the group has written, step by step. Click “Edit” to change a step. "
    "When the group agrees, export the voluntary agreement from the File menu or the toolbar.")


HELP_MIN_WIDTH = 860


# Widgets whose children are their own business: Qt moves those children with them.
COMPOUND = (QAbstractSpinBox, QComboBox, QAbstractItemView, QCalendarWidget, QPlainTextEdit,
            QTextEdit)


def tab_stops(page: QWidget) -> list[QWidget]:
    """The widgets of a page that Tab stops on, in the order they were made (the order they
    are shown in), without the inner parts of compound widgets."""
    stops: list[QWidget] = []
    for widget in page.findChildren(QWidget):
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus != Qt.FocusPolicy.TabFocus or \
                widget.focusProxy() is not None:
            continue
        parent = widget.parentWidget()
        while parent is not None and parent is not page and not isinstance(parent, COMPOUND):
            parent = parent.parentWidget()
        if parent is page:
            stops.append(widget)
    return stops


# Rules of the review about a single answer: their message is shown under that field as well.
ONE_FIELD_RULES = frozenset({"A2", "A8"})  # duration of at least three years; a past date


def to_do_icon() -> QIcon:
    """A hollow grey circle: a step still to fill in has an icon of its own, so that no row of
    the step list is bare (a bare row reads as "nothing here" and sits shorter than the rest)."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#6b6b6b"), 3))  # 5.3:1 on white: seen as well as the others
    painter.drawEllipse(5, 5, 22, 22)
    painter.end()
    return QIcon(pixmap)


class WizardView(Retranslating, QWidget):
    edited = Signal()
    importRequested = Signal()  # noqa: N815
    calendarRequested = Signal()  # noqa: N815
    exportRequested = Signal()  # noqa: N815
    printRequested = Signal()  # noqa: N815
    annualReportRequested = Signal(int, bool)  # noqa: N815  (year, copy for publication)
    yearCalendarRequested = Signal(int)  # noqa: N815  (the year of the assemblies)

    def __init__(self, district: DistrictFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.district = district
        self._stopped = False
        self.steps = QListWidget(self)
        self.steps.setObjectName("steps")
        self.steps.setMinimumWidth(150)
        self.steps.setMaximumWidth(250)
        self.steps.setWordWrap(True)
        self.pages = QStackedWidget(self)
        self.help_title = QLabel(self)
        self.help_title.setStyleSheet("font-weight: 600;")
        self.help_text = QLabel(self)
        self.help_text.setWordWrap(True)
        self.help_text.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.import_button = QPushButton(self)
        self.import_button.clicked.connect(self.importRequested)
        self.calendar_button = QPushButton(self)
        self.calendar_button.clicked.connect(self.calendarRequested)
        for button in (self.import_button, self.calendar_button):
            button.hide()  # until its page is built: not drawn at the view's corner meanwhile
        self._states: list[StepState] = []
        self._states_revision = -1  # the file's revision the step states were judged on
        self.page_list = LazyPages(self.pages, STEPS, self._build_page)
        for _step in STEPS:
            self.steps.addItem(QListWidgetItem())
        # The Review is built when first shown (see review); a placeholder holds its place.
        self._review: ReviewPage | None = None
        self.pages.addWidget(QWidget(self))
        self.steps.addItem(QListWidgetItem())
        # After the review, once the agreement is signed: the district's years (built when
        # first shown; a placeholder holds its place in the stack until then).
        self.years_row = len(STEPS) + 1
        self.years_view: YearsView | None = None
        self.pages.addWidget(QWidget(self))
        self.steps.addItem(QListWidgetItem())
        self.steps.item(self.years_row).setHidden(True)
        self.steps.currentRowChanged.connect(self._show_step)

        self.help_panel = help_panel = QWidget(self)
        self.help_wanted = True  # the user's choice; a narrow window hides the panel anyway
        help_panel.setMaximumWidth(240)
        help_layout = QVBoxLayout(help_panel)
        help_layout.addWidget(self.help_title)
        help_layout.addWidget(self.help_text, 1)
        self.page_findings = PageFindings(self)
        self.page_findings.goToRequested.connect(self.go_to)
        self._found: list[Finding] = []
        self._document: dict | None = None
        middle = QVBoxLayout()
        middle.addWidget(self.page_findings)
        middle.addWidget(self.pages, 1)
        # Made after the pages: the tab chain follows the order widgets are made in, so a
        # page's last field leads to Back and Next, not back up to the step list.
        self.back_button = QPushButton(self)
        self.back_button.clicked.connect(self.go_back)
        navigation = QHBoxLayout()
        navigation.addWidget(self.back_button)
        navigation.addStretch(1)
        # On the Review the way on is the paper: print it or export it.
        self.print_button = QPushButton(self)
        self.print_button.clicked.connect(self.printRequested)
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self.exportRequested)
        self.next_button = QPushButton(self)
        self.next_button.clicked.connect(self.go_next)
        navigation.addWidget(self.print_button)
        navigation.addWidget(self.export_button)
        navigation.addWidget(self.next_button)
        middle.addLayout(navigation)
        layout = QHBoxLayout(self)
        layout.addWidget(self.steps)
        layout.addLayout(middle, 1)
        layout.addWidget(help_panel)

        # Step states are recomputed after typing pauses, never on every key.
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(300)
        self._refresh.timeout.connect(self.refresh_states)
        self.steps.setCurrentRow(0)
        self.retranslate()

    def set_help_wanted(self, wanted: bool) -> None:
        self.help_wanted = wanted
        self._fit_help()

    def _fit_help(self) -> None:
        # Below this width the page needs the room more than the explanation does.
        self.help_panel.setVisible(self.help_wanted and self.width() >= HELP_MIN_WIDTH)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit_help()
        at_most = shown_for_height(self.height())
        if at_most != self.page_findings.shown_at_most:
            self.page_findings.shown_at_most = at_most
            if self.page_findings.isVisibleTo(self):
                self._update_page_findings()

    def _build_page(self, step: Step) -> StepPage:
        page = StepPage(self.district, step, self)
        page.edited.connect(self._edited)
        extras = {"organizations": self.import_button, "meetings": self.calendar_button}
        for table in page.tables:
            if table.declared.key in extras:
                table.extra_buttons.addWidget(extras[table.declared.key])
                extras[table.declared.key].show()
        return page

    def _chain_page(self) -> None:
        """The tab chain of the page on screen: the step list, the page's "Go to the field"
        buttons, the page's widgets, then Back and the way on (Next, or Print and Export on
        the Review). Buttons made for each finding, and pages built late, join the end of the
        window's chain when made; this puts them in their place. Only our own plain buttons
        are moved: moving a compound widget (a spin box, a date box) can split Qt's chain."""
        page = self.pages.currentWidget()
        if page is None:
            return
        buttons = self.page_findings.buttons if self.page_findings.isVisibleTo(self) else []
        before = [self.steps, *buttons]
        for first, second in zip(before, before[1:], strict=False):
            QWidget.setTabOrder(first, second)
        stops = tab_stops(page)
        if not stops:
            return
        after = [stops[-1], self.back_button, self.print_button, self.export_button,
                 self.next_button]
        for first, second in zip(after, after[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def table_editor(self, key: str):
        def declares(step: Step) -> bool:
            return any(f.key == key and f.kind is Kind.TABLE for f in step.fields)

        try:
            index = self.page_list.index_of(declares)
        except StopIteration:
            raise KeyError(key) from None
        return next(t for t in self.page_list[index].tables if t.declared.key == key)

    def page_count(self) -> int:
        return len(STEPS) + 1  # the steps, then the review

    def _edited(self) -> None:
        self._refresh.start()
        self.edited.emit()

    def current_index(self) -> int:
        return self.steps.currentRow()

    @property
    def review(self) -> ReviewPage:
        """The Review, built the first time it is asked for: not before the first step is
        drawn."""
        if self._review is None:
            from desktop.gui.review_page import ReviewPage  # like the page: at its first visit

            review = self._review = ReviewPage(self.district, self)
            review.editRequested.connect(self.steps.setCurrentRow)
            review.goToRequested.connect(self.go_to)
            review.acknowledgementsChanged.connect(self.refresh_states)
            review.signedChanged.connect(self._edited)
            placeholder = self.pages.widget(len(STEPS))
            self.pages.insertWidget(len(STEPS), review)
            if placeholder is not None:
                self.pages.removeWidget(placeholder)
                placeholder.deleteLater()
        return self._review

    def years(self) -> YearsView:
        """The district's years, built the first time they are asked for."""
        if self.years_view is None:
            # Loaded when first shown: the years' editors and monitoring rules are not needed
            # before the agreement is signed.
            from desktop.gui.years_view import YearsView

            placeholder = self.pages.widget(self.years_row)
            self.years_view = YearsView(self.district, self)
            self.years_view.edited.connect(self._edited)
            self.years_view.annualReportRequested.connect(self.annualReportRequested)
            self.years_view.calendarRequested.connect(self.yearCalendarRequested)
            self.pages.insertWidget(self.years_row, self.years_view)
            if placeholder is not None:
                self.pages.removeWidget(placeholder)
                placeholder.deleteLater()
        return self.years_view

    def show_years(self) -> YearsView:
        view = self.years()
        self.steps.setCurrentRow(self.years_row)
        return view

    def _show_step(self, row: int) -> None:
        if row < 0:
            return
        self.flush()
        if row < len(STEPS):
            self.page_list[row]  # noqa: B018 (built on its first visit)
        elif row == len(STEPS):
            self.review  # noqa: B018 (built on its first visit)
        elif row == self.years_row:
            self.years().refresh_years()
        self.pages.setCurrentIndex(row)
        self._update_page_findings()
        self.back_button.setEnabled(row > 0)
        on_review = row == self.page_count() - 1
        self.next_button.setVisible(not on_review and row != self.years_row)
        self.print_button.setVisible(on_review)
        self.export_button.setVisible(on_review)
        self._update_help()

    def go_to(self, finding: Finding) -> None:
        """Show the step, the row and the field a finding is about."""
        index = next(i for i, step in enumerate(STEPS) if step.key == finding.step)
        self.steps.setCurrentRow(index)
        self.page_list[index].focus(finding.field, finding.row)

    def go_back(self) -> None:
        self.steps.setCurrentRow(max(0, self.current_index() - 1))

    def go_next(self) -> None:
        self.steps.setCurrentRow(min(self.page_count() - 1, self.current_index() + 1))

    def state_of(self, index: int, document: dict | None = None,
                 found: list[Finding] | None = None) -> StepState:
        if document is None:
            document = to_document(self.district)
        if found is None:
            found = findings(document)
        step = STEPS[index]
        mine = [f for f in found if f.step == step.key]
        blocking = sum(1 for f in mine if f.level is Level.BLOCKING)
        warnings = sum(1 for f in mine if f.level is Level.WARNING
                       and not is_acknowledged(f, document))
        rows = {f.key: self.district.rows(f.key) for f in step.fields if f.kind.value == "table"}
        return step_state(step, self.district.answers(), rows, blocking, warnings)

    def refresh_states(self) -> None:
        # The style's enums through the style itself: importing QStyle makes PySide6 create
        # its hundreds of enum members (about 10 ms) before the first step is drawn.
        style = self.style()
        pixmap = style.StandardPixmap
        icons = {
            StepState.DONE: style.standardIcon(pixmap.SP_DialogApplyButton),
            StepState.PROBLEMS: style.standardIcon(pixmap.SP_MessageBoxCritical),
            StepState.WARNINGS: style.standardIcon(pixmap.SP_MessageBoxWarning),
            StepState.INCOMPLETE: to_do_icon(),
        }
        if self._states_revision != self.district.revision:  # a language switch only relabels
            document = current_document(self.district)
            found = current_findings(self.district)
            self._found, self._document = found, document
            self._states = [self.state_of(index, document, found) for index in range(len(STEPS))]
            self._states_revision = self.district.revision
        self._update_page_findings()
        for index, step in enumerate(STEPS):
            state = self._states[index]
            item = self.steps.item(index)
            item.setText(f"{index + 1}. {_(step.title)}")
            item.setIcon(icons[state])
            item.setData(Qt.ItemDataRole.UserRole, state.value)
            item.setToolTip(_(STATE_TEXT[state]))
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, _(STATE_TEXT[state]))
        review = self.steps.item(len(STEPS))
        review.setText(f"{len(STEPS) + 1}. {_('Review')}")
        review.setIcon(style.standardIcon(pixmap.SP_FileDialogContentsView))
        years = self.steps.item(self.years_row)
        years.setText(_(YEAR.title))
        years.setIcon(style.standardIcon(pixmap.SP_FileDialogDetailedView))
        signed = self._document is not None and signed_on(self._document) is not None
        years.setHidden(not signed)
        if not signed and self.current_index() == self.years_row:
            self.steps.setCurrentRow(len(STEPS))

    def _update_page_findings(self) -> None:
        index = self.current_index()
        if self._document is None or not 0 <= index < len(STEPS):
            self.page_findings.hide()
        else:
            key = STEPS[index].key
            mine = [f for f in self._found if f.step == key and (
                f.level is Level.BLOCKING or (f.level is Level.WARNING
                                              and not is_acknowledged(f, self._document)))]
            self.page_findings.show_findings(mine)
            self._show_rules_under_fields(mine)
        self._chain_page()

    def _show_rules_under_fields(self, mine: list[Finding]) -> None:
        """A rule about one value is said under its field too, in the Review's words."""
        page = self.pages.currentWidget()
        if not isinstance(page, StepPage):
            return
        for form in page.forms:
            for key, editor in form.editors.items():
                if isinstance(editor, FieldEditor):
                    editor.show_rule("\n".join(
                        f.text(_) for f in mine if f.rule in ONE_FIELD_RULES
                        and f.field == key and f.row is None))

    def _update_help(self) -> None:
        index = max(0, self.current_index())
        if index == self.years_row:
            self.help_title.setText(_(YEAR.title))
            self.help_text.setText(_(YEAR.help))
            return
        if index >= len(STEPS):
            self.help_title.setText(_("Review"))
            self.help_text.setText(_(REVIEW_HELP))
            return
        self.help_title.setText(_(STEPS[index].title))
        self.help_text.setText(_(STEPS[index].help))

    def retranslate(self) -> None:
        self.steps.setAccessibleName(_("Steps"))
        self.back_button.setText(_("< &Back"))
        self.next_button.setText(_("&Next >"))
        self.back_button.setToolTip(_("Previous step (Alt+Left)"))
        self.next_button.setToolTip(_("Next step (Alt+Right)"))
        self.print_button.setText(_("&Print the agreement…"))
        self.export_button.setText(_("&Export the agreement…"))
        self.import_button.setText(_("&Import from a spreadsheet…"))
        self.calendar_button.setText(_("Export the calendar (.ics)…"))
        if self._states:
            self.refresh_states()
        else:  # opening: the steps are judged once the first step is drawn
            self._label_steps()
            after_first_paint(self, self._judge_first)
        self._update_help()

    def _label_steps(self) -> None:
        """The steps' titles, before their states are known."""
        for index, step in enumerate(STEPS):
            self.steps.item(index).setText(f"{index + 1}. {_(step.title)}")
        self.steps.item(len(STEPS)).setText(f"{len(STEPS) + 1}. {_('Review')}")
        self.steps.item(self.years_row).setText(_(YEAR.title))

    def _judge_first(self) -> None:
        if not self._stopped and not self._states:
            self.refresh_states()

    def stop(self) -> None:
        """The district is closing: no refresh may reach it any more."""
        self._refresh.stop()
        self.setEnabled(False)
        self._stopped = True

    def event(self, event: QEvent) -> bool:
        # A closed district waits for its deletion: a language switch must not reach its pages.
        if self._stopped and event.type() == QEvent.Type.LanguageChange:
            return True
        return super().event(event)

    def flush(self) -> None:
        for page in self.page_list.built():
            page.flush()
        if self._review is not None:
            self._review.flush()
        if self.years_view is not None:
            self.years_view.flush()
