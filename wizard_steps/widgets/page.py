"""The generic page: turns a step declaration into widgets and saves every edit at once."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core.display import row_title
from desktop.core.district_file import MEMBER_TABLE, DistrictFile
from desktop.core.district_file.write_errors import WriteError
from desktop.core.document_cache import current_document
from desktop.core.references import member_references
from i18n import _, current_language
from i18n.qt import Retranslating
from wizard_steps import keys
from wizard_steps.fields import Field, Kind, Step, is_visible
from wizard_steps.widgets.editors import (
    MEMBER_KINDS,
    DocumentSource,
    FieldEditor,
    MemberList,
    PersonEditor,
    _no_members,
    make_editor,
)
from wizard_steps.widgets.looks import bold

RULE_COLOUR = QColor("#c8c8c8")
SIDE_WIDTH = 240  # a list and its buttons, beside the form of the row
BUTTON_GAP = 6
MEMBER = keys("members.organizations", "name")


class FieldForm(QWidget):
    """The editors of a group of fields, one under the other, in declaration order."""

    committed = Signal(str, object)

    def __init__(self, fields: tuple[Field, ...], parent: QWidget | None = None,
                 members: MemberList | None = None, document: DocumentSource | None = None):
        super().__init__(parent)
        self.editors: dict[str, Any] = {}
        layout = QVBoxLayout(self)
        for declared in fields:
            editor = make_editor(declared, self, members=members or _no_members,
                                 document=document)
            editor.committed.connect(self.committed)
            layout.addWidget(editor)
            self.editors[declared.key] = editor
        layout.addStretch(1)

    def load(self, values: dict[str, Any]) -> None:
        for key, editor in self.editors.items():
            editor.set_value(values.get(key))
        self.update_visibility(values)

    def update_visibility(self, values: dict[str, Any]) -> None:
        for editor in self.editors.values():
            editor.setVisible(is_visible(editor.declared, values))

    def flush(self) -> None:
        for editor in self.editors.values():
            editor.flush()

    def refresh_computed(self) -> None:
        """Figures that depend on other answers (the forecast) are computed again."""
        for editor in self.editors.values():
            if editor.declared.kind is Kind.FORECAST:
                editor.refresh()

    def refresh_members(self) -> None:
        for editor in self.editors.values():
            if editor.declared.kind is Kind.FORECAST:
                continue
            if isinstance(editor, PersonEditor):
                editor.refresh_members()
            elif editor.declared.kind in MEMBER_KINDS:
                editor.refresh_members()

    def values(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, editor in self.editors.items():
            if isinstance(editor, PersonEditor):
                result[key] = {p.declared.key: p.value() for p in editor.parts}
            else:
                result[key] = editor.value()
        return result


def _focus_editor(editor: Any) -> None:
    target = editor.parts[0].input if isinstance(editor, PersonEditor) else editor.input
    area = target.parent()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parent()
    if isinstance(area, QScrollArea):
        area.ensureWidgetVisible(target)
    target.setFocus()


def _scrolling(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(widget)
    return area


class TableEditor(Retranslating, QWidget):
    """A list of rows on the left, the selected row's form on the right."""

    edited = Signal()

    def __init__(self, district: DistrictFile, declared: Field, parent: QWidget | None = None,
                 fill_page: bool = True):
        super().__init__(parent)
        self.district = district
        self.declared = declared
        self.current_id: int | None = None
        self._titles_stale = False
        self._titled_in = ""  # the language of the row titles shown
        self._confirm: QMessageBox | None = None
        # Removed rows, newest last, with their place: Undo puts them back until the window
        # closes.
        self.removed: list[tuple[dict[str, Any], int]] = []

        self.caption = QLabel(self)
        bold(self.caption)
        self.caption.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        # One line per row, all alike: the list measures one row instead of each (with a
        # thousand members, measuring every title was a third of showing the Members page).
        self.list.setUniformItemSizes(True)
        if not fill_page:
            self.list.setFixedHeight(170)
        self.list.currentItemChanged.connect(self._select)
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button = QPushButton(self)
        self.remove_button.clicked.connect(self.ask_remove)
        self.up_button = QPushButton(self)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button = QPushButton(self)
        self.down_button.clicked.connect(lambda: self._move(+1))
        self.undo_button = QPushButton(self)
        self.undo_button.clicked.connect(self.undo_remove)
        self.undo_button.setEnabled(False)
        self.empty_hint = QLabel(self)
        self.empty_hint.setWordWrap(True)

        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.caption)
        side_layout.addWidget(self.list, 1)
        self.add_remove = QGridLayout()  # one row, or two when "Add …" is long (_arrange)
        side_layout.addLayout(self.add_remove)
        moves = QHBoxLayout()
        moves.addWidget(self.up_button)
        moves.addWidget(self.down_button)
        side_layout.addLayout(moves)
        side_layout.addWidget(self.undo_button)
        self.extra_buttons = QVBoxLayout()
        side_layout.addLayout(self.extra_buttons)

        self.form = FieldForm(declared.row_fields, self, members=district.member_names)
        self.form.committed.connect(self._save)
        # A list that fills its page scrolls its own form; a list among other fields is part
        # of the page, which scrolls as a whole.
        self.form_area: QWidget = _scrolling(self.form) if fill_page else self.form
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.empty_hint)
        right_layout.addWidget(self.form_area, 1)

        self.side = side
        side.setMaximumWidth(SIDE_WIDTH)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(side, 1)
        layout.addWidget(right, 3)
        self._rule_above = not fill_page  # a list among other fields: a line sets it apart
        if not fill_page:
            layout.setAlignment(side, Qt.AlignmentFlag.AlignTop)
            layout.setContentsMargins(0, 1, 0, 0)
        self.retranslate()
        self.reload()

    # --- rows -------------------------------------------------------------------------------

    def _title(self, row: dict[str, Any], members: dict[int, str] | None = None) -> str:
        title = row_title(self.declared, row,
                          self.district.member_names() if members is None else members, _,
                          current_language())
        return title or _("(no name yet)")

    def _titles(self) -> list[tuple[int, str]]:
        """Each row's id and title, in the list's order. The members are titled by the names
        the district keeps for every list that names them; a member is read whole only while
        it has no name (reading a thousand whole members was most of the Members page's first
        showing)."""
        members = self.district.member_names()  # once for the list, not once per row
        if self.declared.table == MEMBER_TABLE and self.declared.title_key == MEMBER.name:
            return [(row_id, name.strip()
                     or self._title(self.district.row(self.declared.key, row_id), members))
                    for row_id, name in members.items()]
        return [(row["id"], self._title(row, members))
                for row in self.district.rows(self.declared.key)]

    def reload(self, select: int | None = None) -> None:
        self.form.flush()
        self._titles_stale = False
        self._titled_in = current_language()
        wanted = select if select is not None else self.current_id
        self.list.blockSignals(True)
        self.list.clear()
        row_role = Qt.ItemDataRole.UserRole
        for row_id, title in self._titles():
            item = QListWidgetItem(title)
            item.setToolTip(title)
            item.setData(row_role, row_id)
            self.list.addItem(item)
            if row_id == wanted:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self._select(self.list.currentItem(), None)

    def _select(self, item: QListWidgetItem | None, _previous: Any) -> None:
        self.form.flush()
        row_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        self.current_id = row_id
        has_row = row_id is not None
        self.form_area.setVisible(has_row)
        self.empty_hint.setVisible(not has_row)
        self.remove_button.setEnabled(has_row)
        self.up_button.setEnabled(has_row and self.list.currentRow() > 0)
        self.down_button.setEnabled(has_row and self.list.currentRow() < self.list.count() - 1)
        if row_id is not None:
            self.form.load(self.district.row(self.declared.key, row_id))

    def add_row(self) -> int:
        self.form.flush()
        try:
            row_id = self.district.add_row(self.declared.key)
        except WriteError:
            return 0  # the window says why; the list shows what the file holds
        self.reload(select=row_id)
        first = next(iter(self.form.editors.values()))
        if isinstance(first, FieldEditor):
            first.input.setFocus()
        self.edited.emit()
        return row_id

    def ask_remove(self) -> None:
        if self.current_id is None:
            return
        row = self.district.row(self.declared.key, self.current_id)
        question = _("Remove “{name}”?").format(name=self._title(row))
        if self.declared.table == MEMBER_TABLE:
            question = _("Remove “{name}” from the district?").format(name=self._title(row))
            places = member_references(self.district, self.current_id)
            if places:
                question += "\n\n" + _("It is still named in:") + "\n" + "\n".join(
                    f"• {place}" for place in places) + "\n\n" + _(
                    "Those places will no longer show it; “Undo remove” puts it back everywhere.")
        box = QMessageBox(QMessageBox.Icon.Question, _("Remove"), question,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        row_id = self.current_id
        box.finished.connect(lambda result: self._removal_answered(row_id, result))
        self._confirm = box
        box.open()

    def _removal_answered(self, row_id: int, result: int) -> None:
        if result == QMessageBox.StandardButton.Yes:
            self.remove_row(row_id)

    def remove_row(self, row_id: int) -> None:
        self.form.flush()
        index = self.list.currentRow()
        rows = self.district.rows(self.declared.key)
        position = next(i for i, row in enumerate(rows) if row["id"] == row_id)
        try:
            self.district.remove_row(self.declared.key, row_id)
        except WriteError:
            return
        self.removed.append((rows[position], position))
        self.undo_button.setEnabled(True)
        self.current_id = None
        self.reload()
        if self.list.count():
            self.list.setCurrentRow(min(index, self.list.count() - 1))
        self.edited.emit()

    def undo_remove(self) -> None:
        """Put the last removed row back, with its id, so every reference to it returns."""
        if not self.removed:
            return
        self.form.flush()
        row, position = self.removed[-1]
        values = {k: v for k, v in row.items() if k != "id"}
        try:
            row_id = self.district.add_row(self.declared.key, values, row_id=row["id"],
                                           index=position)
        except WriteError:
            return
        self.removed.pop()
        self.undo_button.setEnabled(bool(self.removed))
        self.reload(select=row_id)
        self.edited.emit()

    def _move(self, delta: int) -> None:
        if self.current_id is None:
            return
        self.form.flush()
        try:
            self.district.move_row(self.declared.key, self.current_id,
                                   self.list.currentRow() + delta)
        except WriteError:
            return
        self.reload(select=self.current_id)
        self.edited.emit()

    def _save(self, key: str, value: Any) -> None:
        if self.current_id is None:
            return
        try:
            self.district.set_row_value(self.declared.key, self.current_id, key, value)
        except WriteError:
            return  # the value stays on screen and is written with the next edit
        row = self.district.row(self.declared.key, self.current_id)
        self.form.update_visibility(row)
        item = self.list.currentItem()
        if item is not None:
            item.setText(self._title(row))
        self.edited.emit()

    # --- language ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        item = _(self.declared.item_label) if self.declared.item_label else ""
        self.caption.setText(_(self.declared.label))
        self.list.setAccessibleName(_(self.declared.label))
        self.add_button.setText(_("&Add {item}").format(item=item.lower()).strip())
        self.remove_button.setText(_("&Remove"))
        self.up_button.setText(_("Move up"))
        self.down_button.setText(_("Move down"))
        self.undo_button.setText(_("&Undo remove"))
        self._arrange()
        self.empty_hint.setText(_("Nothing here yet: press “Add” to start the list."))
        # Row titles may hold words of the language; a list out of sight gets them when shown
        # (a thousand members are not re-read for every hidden list at each switch).
        self._titles_stale = self._titled_in != current_language()
        if self._titles_stale and self.isVisible():
            self._retitle()

    def _arrange(self) -> None:
        """Add and Remove side by side when both fit the list's width; otherwise Add on a row
        of its own (and the column as wide as it needs), so that no label is cut."""
        grid = self.add_remove
        for button in (self.add_button, self.remove_button):
            grid.removeWidget(button)
        add, remove = self.add_button.sizeHint().width(), self.remove_button.sizeHint().width()
        if add + BUTTON_GAP + remove <= SIDE_WIDTH:
            grid.addWidget(self.add_button, 0, 0)
            grid.addWidget(self.remove_button, 0, 1)
        else:
            grid.addWidget(self.add_button, 0, 0, 1, 2)
            grid.addWidget(self.remove_button, 1, 0)
        self.side.setMaximumWidth(max(SIDE_WIDTH, add))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        if self._rule_above:  # drawn, not styled: see wizard_steps/widgets/looks.py
            painter = QPainter(self)
            painter.setPen(RULE_COLOUR)
            painter.drawLine(0, 0, self.width(), 0)
            painter.end()

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        if self._titles_stale:
            self._retitle()
        super().showEvent(event)

    def _retitle(self) -> None:
        self._titles_stale = False
        self._titled_in = current_language()
        if not self.list.count():
            return
        titles = dict(self._titles())
        for index in range(self.list.count()):
            list_item = self.list.item(index)
            row_id = list_item.data(Qt.ItemDataRole.UserRole)
            if row_id in titles:
                list_item.setText(titles[row_id])

    def flush(self) -> None:
        self.form.flush()

    def refresh_members(self) -> None:
        self.form.refresh_members()
        self.reload()

    def select(self, row: int | None) -> None:
        """Select a row: by its id for members, by its place for every other list."""
        if row is None or not self.list.count():
            return
        if self.declared.table == MEMBER_TABLE:
            for index in range(self.list.count()):
                if self.list.item(index).data(Qt.ItemDataRole.UserRole) == row:
                    self.list.setCurrentRow(index)
        elif 0 <= row < self.list.count():
            self.list.setCurrentRow(row)


class StepPage(Retranslating, QWidget):
    """One step of the wizard, built from its declaration, in the declared order."""

    edited = Signal()

    def __init__(self, district: DistrictFile, step: Step, parent: QWidget | None = None):
        super().__init__(parent)
        self.district = district
        self.step = step
        self.heading = QLabel(self)
        self.heading.setObjectName("stepHeading")
        bold(self.heading, 16)
        # "*" is explained once, under the title, on every page that has a required field.
        self.required_note = QLabel(self)
        self.required_note.setStyleSheet("color: #444444;")
        self.required_note.setVisible(any(
            f.required or any(sub.required for sub in f.row_fields) for f in step.fields))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.required_note)
        self.forms: list[FieldForm] = []
        self.tables: list[TableEditor] = []
        self._known: tuple[int, dict[str, Any]] | None = None  # the answers, by revision
        only_a_table = len(step.fields) == 1 and step.fields[0].kind is Kind.TABLE
        answers = self._answers()
        if only_a_table:
            self._add_table(step.fields[0], layout, fill_page=True)
            layout.setStretch(2, 1)
        else:
            body = QWidget(self)
            sections = QVBoxLayout(body)
            group: list[Field] = []
            for declared in (*step.fields, None):
                if declared is not None and declared.kind is not Kind.TABLE:
                    group.append(declared)
                    continue
                if group:
                    self._add_form(tuple(group), sections)
                    group = []
                if declared is not None:
                    self._add_table(declared, sections, fill_page=False)
            sections.addStretch(1)
            layout.addWidget(_scrolling(body), 1)
        for table in self.tables:
            table.setVisible(is_visible(table.declared, answers))
        self._shown_revision = district.revision
        self.retranslate()

    @property
    def form(self) -> FieldForm | None:
        """The first group of scalar fields (the only one on most pages)."""
        return self.forms[0] if self.forms else None

    def _add_form(self, fields: tuple[Field, ...], layout: QVBoxLayout) -> None:
        form = FieldForm(fields, self, members=self.district.member_names,
                         document=lambda: current_document(self.district))
        form.committed.connect(self._save)
        form.load(self._answers())
        self.forms.append(form)
        layout.addWidget(form)

    def _add_table(self, declared: Field, layout: QVBoxLayout, fill_page: bool) -> None:
        table = TableEditor(self.district, declared, self, fill_page=fill_page)
        table.edited.connect(self.edited)
        table.edited.connect(self._refresh_computed)
        self.tables.append(table)
        layout.addWidget(table)

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        # Members may have been added or renamed on another page since this one was last shown;
        # when nothing was written since, there is nothing to refresh.
        if self._shown_revision != self.district.revision:
            self._shown_revision = self.district.revision
            self.refresh_members()
            self._refresh_computed()
        super().showEvent(event)

    def refresh_members(self) -> None:
        for form in self.forms:
            form.refresh_members()
        for table in self.tables:
            if table.declared.table != MEMBER_TABLE:
                table.refresh_members()

    def _save(self, key: str, value: Any) -> None:
        head, _, sub = key.partition(".")
        if sub:  # a part of a person: the whole person is one answer
            person = dict(self.district.answer(head))
            person[sub] = value
            key, value = head, person
        known = self._answers()
        before = self.district.revision
        try:
            self.district.set_answer(key, value)
        except WriteError:
            self._known = None  # the refused value now reads as typed
            return  # the value stays on screen and is written with the next edit
        if self.district.revision == before + 1:
            # Only this answer was written: which fields show follows from the value just
            # saved (as the file reads it back), without reading every answer again.
            answers = known | {key: json.loads(json.dumps(value, ensure_ascii=False))}
            self._known = (self.district.revision, answers)
        else:
            answers = self._answers()
        for form in self.forms:
            form.update_visibility(answers)
        for table in self.tables:
            table.setVisible(is_visible(table.declared, answers))
        self._refresh_computed()
        self.edited.emit()

    def _answers(self) -> dict[str, Any]:
        """The district's answers, read again only when something was written since."""
        if self._known is None or self._known[0] != self.district.revision:
            self._known = (self.district.revision, self.district.answers())
        return self._known[1]

    def focus(self, field_key: str, row: int | None = None) -> None:
        """Bring a field (of a row, for lists) into view and put the cursor in it."""
        for form in self.forms:
            if field_key in form.editors:
                _focus_editor(form.editors[field_key])
                return
        for table in self.tables:
            if table.declared.key == field_key:
                table.select(row)
                table.list.setFocus()
                return
            if any(f.key == field_key for f in table.declared.row_fields):
                table.select(row)
                _focus_editor(table.form.editors[field_key])
                return

    def _refresh_computed(self) -> None:
        for form in self.forms:
            form.refresh_computed()

    def retranslate(self) -> None:
        self.heading.setText(_(self.step.title))
        self.required_note.setText(_("Fields marked * are required."))

    def flush(self) -> None:
        for form in self.forms:
            form.flush()
        for table in self.tables:
            table.flush()
