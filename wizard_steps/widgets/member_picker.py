"""A list of the district's members to tick, with a role beside each when the field asks one.

One checkable item per member in a model shown by a table view: a district of a thousand
members costs a thousand items, not a thousand check boxes and line edits, and refreshing the
names after an edit elsewhere rewrites the model instead of rebuilding widgets.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from i18n import _, current_language
from wizard_steps.widgets.grid_keys import GridKeys, LeavingDelegate

MEMBER_ID = Qt.ItemDataRole.UserRole
# Made once: combining Qt's flags in Python makes new enum values (three per row made, a
# third of the time of filling a thousand members when done per row).
MEMBER_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
ROLE_CLOSED = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
ROLE_OPEN = ROLE_CLOSED | Qt.ItemFlag.ItemIsEnabled
CHECKED, UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked
VISIBLE_ROWS = 8  # more members scroll inside the list, the page keeps its length
ModelIndex = QModelIndex | QPersistentModelIndex


class _RoleDelegate(LeavingDelegate):
    """Role cells edited in a line edit whose every key reaches the model, so the pause timer
    saves what is being typed, as in any other field."""

    typed = Signal()

    def createEditor(self, parent: QWidget, _option: QStyleOptionViewItem,  # noqa: N802
                     index: ModelIndex) -> QWidget:
        editor = QLineEdit(parent)
        editor.setPlaceholderText(_("role"))
        member = index.model().index(index.row(), 0).data(Qt.ItemDataRole.DisplayRole)
        editor.setAccessibleName(_("Role of {member}").format(member=member))
        where = QPersistentModelIndex(index)
        model = index.model()
        editor.textEdited.connect(lambda text: self._store(model, where, text))
        return editor

    def _store(self, model: QAbstractItemModel, where: QPersistentModelIndex, text: str) -> None:
        if where.isValid():
            model.setData(model.index(where.row(), where.column()), text,
                          Qt.ItemDataRole.EditRole)
            self.typed.emit()

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:  # noqa: N802
        text = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if isinstance(editor, QLineEdit) and editor.text() != text:
            editor.setText(text)  # unchanged text keeps the cursor where the user types


class MemberPicker(QWidget):
    """Emits ``toggled`` when a member is ticked or unticked and ``typed`` at each key of a
    role; ``value()`` reads the ticked members (and their roles) in the members' order."""

    toggled = Signal()
    typed = Signal()

    def __init__(self, with_roles: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.with_roles = with_roles
        self.model = QStandardItemModel(0, 2 if with_roles else 1, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setShowGrid(False)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.view.setWordWrap(False)
        # Arrows move among the members; Tab leaves the list, from a role being typed too.
        self.keys = GridKeys(self.view, tab_leaves=True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        if with_roles:
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
            self.delegate = _RoleDelegate(self.view, tab_leaves=True)
            self.delegate.typed.connect(self.typed)
            self.view.setItemDelegateForColumn(1, self.delegate)
        else:
            header.hide()
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addWidget(self.hint)
        self._filling = False
        self._filled: tuple[str, dict[int, str]] | None = None  # the language and names shown
        self._no_name = ""
        self._ticks: dict[int, str] | None = None  # see _shown
        self.model.itemChanged.connect(self._changed)
        self.retranslate()

    # --- contents ---------------------------------------------------------------------------

    def fill(self, members: dict[int, str], value: list[Any]) -> None:
        """Show ``members`` with the ticks and roles of ``value`` (ids, or member/role pairs)."""
        roles = ({item.get("member"): item.get("role", "") for item in value}
                 if self.with_roles else {row_id: "" for row_id in value})
        # A page being built loads and refreshes each editor in turn: a thousand rows are
        # made again only when the names, the language or the ticks differ from those shown.
        if self._filled == (current_language(), members) and self._shown() == roles:
            return
        self._filled = (current_language(), dict(members))
        self._no_name = _("(no name yet)")
        self._filling = True
        try:
            self.model.setRowCount(0)
            for row_id, name in members.items():
                self.model.appendRow(self._row(row_id, name, row_id in roles,
                                               roles.get(row_id, "")))
        finally:
            self._filling = False
        self._ticks = {row_id: role for row_id, role in roles.items() if row_id in members}
        self._fit()

    def _shown(self) -> dict[int, str]:
        """The ticked members as shown, with their roles ("" without roles): kept from the
        last fill until a tick or a role changes (reading a thousand rows takes a while)."""
        if self._ticks is None:
            self._ticks = {item["member"]: item["role"] for item in self.value()} \
                if self.with_roles else dict.fromkeys(self.value(), "")
        return self._ticks

    def _row(self, row_id: int, name: str, ticked: bool, role: str) -> list[QStandardItem]:
        member = QStandardItem(name or self._no_name)
        member.setData(row_id, MEMBER_ID)
        member.setFlags(MEMBER_FLAGS)
        member.setCheckState(CHECKED if ticked else UNCHECKED)
        if not self.with_roles:
            return [member]
        cell = QStandardItem(role)
        self._enable_role(cell, ticked)
        return [member, cell]

    @staticmethod
    def _enable_role(cell: QStandardItem, ticked: bool) -> None:
        cell.setFlags(ROLE_OPEN if ticked else ROLE_CLOSED)

    def _fit(self) -> None:
        rows = self.model.rowCount()
        self.view.setVisible(bool(rows))
        self.hint.setVisible(not rows)
        row_height = self.view.verticalHeader().defaultSectionSize()
        header = self.view.horizontalHeader().height() if self.with_roles else 0
        shown = max(1, min(rows, VISIBLE_ROWS))
        self.view.setFixedHeight(shown * row_height + header + 2 * self.view.frameWidth() + 2)

    def _changed(self, item: QStandardItem) -> None:
        if self._filling:
            return
        self._ticks = None  # a tick or a role changed: read the rows when next asked
        if item.column() != 0:
            return
        ticked = item.checkState() == CHECKED
        if self.with_roles:
            cell = self.model.item(item.row(), 1)
            self._filling = True
            try:
                self._enable_role(cell, ticked)
            finally:
                self._filling = False
        self.toggled.emit()

    # --- reading ----------------------------------------------------------------------------

    def member_row(self, row_id: int) -> int:
        """The model row of a member, or -1."""
        for row in range(self.model.rowCount()):
            if self.model.item(row, 0).data(MEMBER_ID) == row_id:
                return row
        return -1

    def member_ids(self) -> list[int]:
        return [self.model.item(row, 0).data(MEMBER_ID) for row in range(self.model.rowCount())]

    def is_ticked(self, row_id: int) -> bool:
        row = self.member_row(row_id)
        return row >= 0 and self.model.item(row, 0).checkState() == CHECKED

    def set_ticked(self, row_id: int, ticked: bool) -> None:
        item = self.model.item(self.member_row(row_id), 0)
        item.setCheckState(CHECKED if ticked else UNCHECKED)

    def role_of(self, row_id: int) -> str:
        return str(self.model.item(self.member_row(row_id), 1).text())

    def value(self) -> list[Any]:
        ticked = [row for row in range(self.model.rowCount())
                  if self.model.item(row, 0).checkState() == CHECKED]
        if not self.with_roles:
            return [self.model.item(row, 0).data(MEMBER_ID) for row in ticked]
        return [{"member": self.model.item(row, 0).data(MEMBER_ID),
                 "role": self.model.item(row, 1).text()} for row in ticked]

    def retranslate(self) -> None:
        self.hint.setText(_("Add the members first, in the step “Members”."))
        self.model.setHorizontalHeaderLabels([_("Member"), _("Role")][:self.model.columnCount()])
        self.view.setAccessibleName(_("Members"))
