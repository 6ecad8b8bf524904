"""The input of each field kind inside a ``FieldEditor``: its widget, its value, its language.

The editor keeps what every field shares (label, message, saving as typed); an input class
builds the widget of one kind, reads and shows its value, and follows a language switch. The
classes are registered by kind in ``wizard_steps/widgets/editors.py``.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractListModel,
    QDate,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QSpinBox,
    QToolButton,
    QWidget,
)

from i18n import _, current_language
from i18n.formats import (
    DATE_EXAMPLES,
    DateError,
    MoneyError,
    format_amount,
    money_example,
    parse_iso_date,
    parse_money,
    parse_typed_date,
    short_date,
)
from wizard_steps.fields import Field, empty_value, problems_of
from wizard_steps.widgets.wheel_guard import GuardedComboBox, GuardedSpinBox

UNREADABLE = object()  # an amount or date that cannot be read: flagged, never saved
NO_MEMBER = -1  # the member combo's "none chosen": its data stays an int like the others
DISPLAY, EDIT, USER = (Qt.ItemDataRole.DisplayRole.value, Qt.ItemDataRole.EditRole.value,
                       Qt.ItemDataRole.UserRole.value)


class Owner(Protocol):
    """What an input needs of the editor that holds it."""

    declared: Field

    def typed(self) -> None: ...
    def chosen(self, *args: Any) -> None: ...
    def commit(self) -> None: ...
    def members(self) -> dict[int, str]: ...


class KindInput:
    """A one-line text: the input every other kind starts from."""

    names_members = False  # rebuilt when the member list changes

    def __init__(self, owner: Owner, parent: QWidget) -> None:
        self.owner = owner
        self.declared = owner.declared
        self.widget = self.build(parent)

    def build(self, parent: QWidget) -> QWidget:
        edit = QLineEdit(parent)
        edit.textEdited.connect(self.owner.typed)
        edit.editingFinished.connect(self.owner.commit)
        return edit

    def retranslate(self) -> None:
        if isinstance(self.widget, QLineEdit) and self.declared.placeholder:
            self.widget.setPlaceholderText(self.declared.placeholder)

    def value(self) -> Any:
        assert isinstance(self.widget, QLineEdit)
        return self.widget.text()

    def set_value(self, value: Any) -> None:
        assert isinstance(self.widget, QLineEdit)
        if self.widget.text() != value:
            self.widget.setText(str(value))
            self.widget.setCursorPosition(0)  # a long value shows its beginning

    def problems(self) -> list[str]:
        return problems_of(self.declared, self.value()) if self.declared.validators else []

    def remember(self, value: Any) -> None:
        """The value just committed (inputs that redraw it keep it)."""

    def refresh_members(self) -> None:
        """Rebuild the member choices (inputs that name members)."""

    def popup_shown(self) -> None:
        """A popup of the input (a calendar) is about to show."""


class TextInput(KindInput):
    def retranslate(self) -> None:
        if isinstance(self.widget, QLineEdit) and self.declared.placeholder:
            self.widget.setPlaceholderText(_(self.declared.placeholder))


class MoneyInput(KindInput):
    """Euro cents, typed and shown in the conventions of the current language."""

    def __init__(self, owner: Owner, parent: QWidget) -> None:
        super().__init__(owner, parent)
        self.saved: int | None = None

    def retranslate(self) -> None:
        assert isinstance(self.widget, QLineEdit)
        self.widget.setPlaceholderText(money_example(current_language()))
        if self.value() is not UNREADABLE or not self.widget.text():
            # Show the saved amount in the new language's format.
            self.widget.setText(format_amount(self.saved, current_language()))

    def value(self) -> Any:
        assert isinstance(self.widget, QLineEdit)
        try:
            return parse_money(self.widget.text(), current_language(), negative_allowed=False)
        except MoneyError:
            return UNREADABLE

    def set_value(self, value: Any) -> None:
        assert isinstance(self.widget, QLineEdit)
        self.saved = value
        self.widget.setText(format_amount(value, current_language()))

    def problems(self) -> list[str]:
        assert isinstance(self.widget, QLineEdit)
        try:
            parse_money(self.widget.text(), current_language(), negative_allowed=False)
        except MoneyError as problem:
            return [str(problem)]
        return []

    def remember(self, value: Any) -> None:
        self.saved = value


class LongTextInput(KindInput):
    def build(self, parent: QWidget) -> QWidget:
        plain = QPlainTextEdit(parent)
        plain.setTabChangesFocus(True)
        plain.setFixedHeight(84)  # four lines; longer texts scroll inside the box
        plain.textChanged.connect(self.owner.typed)
        assert isinstance(self.owner, QObject)
        plain.installEventFilter(self.owner)  # the editor commits when the box loses focus
        return plain

    def value(self) -> Any:
        assert isinstance(self.widget, QPlainTextEdit)
        return self.widget.toPlainText()

    def set_value(self, value: Any) -> None:
        assert isinstance(self.widget, QPlainTextEdit)
        if self.widget.toPlainText() != value:
            self.widget.setPlainText(str(value))


class ChoiceInput(KindInput):
    def keys(self) -> list[Any]:
        return [c.key for c in self.declared.choices]

    def item_text(self, key: Any) -> str:
        return _(self.declared.choice_label(key))

    def build(self, parent: QWidget) -> QWidget:
        combo = GuardedComboBox(parent)
        for key in ["", *self.keys()]:
            combo.addItem("", key)
        combo.currentIndexChanged.connect(self.owner.chosen)
        return combo

    def retranslate(self) -> None:
        assert isinstance(self.widget, QComboBox)
        self.widget.setItemText(0, _("— choose —"))
        for index in range(1, self.widget.count()):
            self.widget.setItemText(index, self.item_text(self.widget.itemData(index)))

    def value(self) -> Any:
        assert isinstance(self.widget, QComboBox)
        return self.widget.currentData()

    def set_value(self, value: Any) -> None:
        assert isinstance(self.widget, QComboBox)
        wanted = "" if value is None else value
        index = next((i for i in range(self.widget.count()) if self.widget.itemData(i) == wanted
                      and type(self.widget.itemData(i)) is type(wanted)), 0)
        self.widget.setCurrentIndex(index)


class YesNoInput(ChoiceInput):
    def keys(self) -> list[Any]:
        return [True, False]

    def item_text(self, key: Any) -> str:
        return _("Yes") if key else _("No")

    def value(self) -> Any:
        data = super().value()
        return None if data == "" else data


class MultiChoiceInput(KindInput):
    def build(self, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        grid = QGridLayout(box)  # two columns: long labels never push the page sideways
        grid.setContentsMargins(0, 0, 0, 0)
        self.checks: dict[str, QCheckBox] = {}
        for index, choice in enumerate(self.declared.choices):
            check = QCheckBox(box)
            check.toggled.connect(self.owner.chosen)
            grid.addWidget(check, index // 2, index % 2)
            self.checks[choice.key] = check
        return box

    def retranslate(self) -> None:
        for choice in self.declared.choices:
            self.checks[choice.key].setText(_(choice.label))

    def value(self) -> Any:
        return [key for key, check in self.checks.items() if check.isChecked()]

    def set_value(self, value: Any) -> None:
        for key, check in self.checks.items():
            check.setChecked(key in (value or []))


class DateInput(KindInput):
    """A date typed in one go in the language's order ("15/03/2027", "15.3.27",
    "2027-03-15"), with a calendar on Alt+Down or F4 (or its button). Tab leaves it like any
    text box, even empty; text that is not a date is flagged under the field and not saved."""

    def __init__(self, owner: Owner, parent: QWidget) -> None:
        super().__init__(owner, parent)
        self.saved = ""

    def build(self, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        self.edit = QLineEdit(box)
        self.edit.textEdited.connect(self.owner.typed)
        self.edit.editingFinished.connect(self.owner.commit)
        self.edit.editingFinished.connect(self._tidy)
        self.edit.installEventFilter(_CalendarKeys(self, self.edit))
        self.button = QToolButton(box)
        self.button.setText("…")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys open it: one tab stop
        self.button.clicked.connect(self.open_calendar)
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        box.setFocusProxy(self.edit)
        self.calendar: QCalendarWidget | None = None
        return box

    def open_calendar(self) -> QCalendarWidget:
        calendar = QCalendarWidget(self.widget)
        calendar.setWindowFlags(Qt.WindowType.Popup)
        calendar.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        calendar.setLocale(QLocale())
        shown = parse_iso_date(self.value()) if self.value() is not UNREADABLE else None
        chosen = QDate(shown.year, shown.month, shown.day) if shown else QDate.currentDate()
        calendar.setSelectedDate(chosen)
        calendar.activated.connect(self._picked)
        calendar.clicked.connect(self._picked)
        calendar.move(self.widget.mapToGlobal(self.widget.rect().bottomLeft()))
        calendar.show()
        calendar.setFocus()
        self.calendar = calendar
        return calendar

    def _tidy(self) -> None:
        """Once the box is left, a date typed any way reads as the language writes it (not
        while typing: "1/3/20" may still become "1/3/2027")."""
        if self.value() is not UNREADABLE:
            self.edit.setText(short_date(self.saved, current_language()))

    def _picked(self, date: QDate) -> None:
        self.edit.setText(short_date(date.toString(Qt.DateFormat.ISODate), current_language()))
        if self.calendar is not None:
            self.calendar.close()
            self.calendar = None
        self.edit.setFocus()
        self.owner.typed()
        self.owner.commit()

    def retranslate(self) -> None:
        self.button.setToolTip(_("Calendar (Alt+Down)"))
        self.button.setAccessibleName(_("Calendar"))
        self.edit.setPlaceholderText(_("dd/mm/yyyy"))
        if self.value() is not UNREADABLE:
            self.edit.setText(short_date(self.saved, current_language()))

    def value(self) -> Any:
        try:
            parsed = parse_typed_date(self.edit.text(), current_language())
        except DateError:
            return UNREADABLE
        return parsed.isoformat() if parsed else ""

    def set_value(self, value: Any) -> None:
        self.saved = value or ""
        self.edit.setText(short_date(self.saved, current_language()))

    def remember(self, value: Any) -> None:
        self.saved = value or ""

    def problems(self) -> list[str]:
        try:
            parse_typed_date(self.edit.text(), current_language())
        except DateError as problem:
            return [_(str(problem)).format(example=DATE_EXAMPLES[current_language()])]
        return super().problems() if self.value() else []


class _CalendarKeys(QObject):
    """Alt+Down and F4 open the calendar, as on a drop-down."""

    def __init__(self, date: DateInput, parent: QObject) -> None:
        super().__init__(parent)
        self.date = date

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        del watched
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        alt_down = (event.key() == Qt.Key.Key_Down
                    and event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if alt_down or event.key() == Qt.Key.Key_F4:
            self.date.open_calendar()
            return True
        return False


class IntegerInput(KindInput):
    def build(self, parent: QWidget) -> QWidget:
        spin = GuardedSpinBox(parent)
        low = self.declared.minimum if self.declared.minimum is not None else 0
        spin.setRange(low - 1, self.declared.maximum or 1_000_000)
        spin.setSpecialValueText("—")  # the value below the minimum means "not given"
        spin.setValue(low - 1)
        spin.valueChanged.connect(self.owner.chosen)
        return spin

    def retranslate(self) -> None:
        pass

    def value(self) -> Any:
        assert isinstance(self.widget, QSpinBox)
        return None if self.widget.value() == self.widget.minimum() else self.widget.value()

    def set_value(self, value: Any) -> None:
        assert isinstance(self.widget, QSpinBox)
        self.widget.setValue(self.widget.minimum() if value in (None, "") else int(value))


class MemberChoices(QAbstractListModel):
    """The member combo's items: "— choose a member —", then every member by name, read from
    a Python list when shown. A thousand members cost a list, not a thousand items made one by
    one in the combo's own model (a twentieth of building a page with such a combo)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids: list[int] = []
        self._names: list[str] = []
        self._rows: dict[int, int] = {}

    def set_members(self, members: dict[int, str]) -> None:
        self.beginResetModel()
        self._ids = [NO_MEMBER, *members]
        self._names = ["", *members.values()]
        self._rows = {row_id: row for row, row_id in enumerate(self._ids)}
        self.endResetModel()

    def relabel(self) -> None:
        """The words of the language ("— choose a member —", "(no name yet)") again."""
        if self._ids:
            self.dataChanged.emit(self.index(0), self.index(len(self._ids) - 1))

    def row_of(self, row_id: Any) -> int:
        return self._rows.get(row_id, -1) if isinstance(row_id, int) else -1

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex(),  # noqa: B008, N802
                 ) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> Any:
        row = index.row()
        if not 0 <= row < len(self._ids):
            return None
        if role in (DISPLAY, EDIT):
            if row == 0:
                return _("— choose a member —")
            return self._names[row] or _("(no name yet)")
        return self._ids[row] if role == USER else None


class MemberInput(KindInput):
    """One member, chosen in a combo rebuilt from the district's current list."""

    names_members = True

    def __init__(self, owner: Owner, parent: QWidget) -> None:
        self._filled: tuple[str, dict[int, str]] | None = None  # the language and names shown
        super().__init__(owner, parent)
        self.saved: Any = empty_value(self.declared)

    def build(self, parent: QWidget) -> QWidget:
        combo = GuardedComboBox(parent)
        self.choices = MemberChoices(combo)
        combo.setModel(self.choices)
        view = combo.view()
        if isinstance(view, QListView):
            view.setUniformItemSizes(True)  # the popup measures one row, not a thousand
        # Sized by a typical name, not by measuring every member's (a thousand, at first show).
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(24)
        combo.currentIndexChanged.connect(self.owner.chosen)
        return combo

    def retranslate(self) -> None:
        self.refresh_members()

    def value(self) -> Any:
        assert isinstance(self.widget, QComboBox)
        data = self.widget.currentData()
        return data if isinstance(data, int) and data != NO_MEMBER else None

    def set_value(self, value: Any) -> None:
        self.saved = value
        self.refresh_members()

    def remember(self, value: Any) -> None:
        self.saved = value

    def refresh_members(self) -> None:
        combo = self.widget
        assert isinstance(combo, QComboBox)
        members = self.owner.members()
        # Building a page loads, translates and refreshes each editor: the items are rebuilt
        # only when the names changed since they were made; a language switch relabels the
        # items that are words of the language.
        if self._filled is None or self._filled[1] != members:
            self.choices.set_members(members)
        elif self._filled[0] != current_language():
            self.choices.relabel()
        self._filled = (current_language(), members)
        combo.setCurrentIndex(max(self.choices.row_of(self.saved), 0))


class MembersInput(MemberInput):
    """Several members to tick: checkable items of a model in a table view
    (``member_picker.py``), refreshed by rewriting the model rather than rebuilding widgets, so
    a thousand members cost a thousand items, not a thousand check boxes."""

    with_roles = False

    def build(self, parent: QWidget) -> QWidget:
        # Imported at the first list of members to tick: the District step has none.
        from wizard_steps.widgets.member_picker import MemberPicker

        self.picker = MemberPicker(self.with_roles, parent)
        self.picker.toggled.connect(self.owner.chosen)
        self.picker.typed.connect(self.owner.typed)
        return self.picker

    def retranslate(self) -> None:
        self.picker.retranslate()

    def value(self) -> Any:
        return self.picker.value()

    def refresh_members(self) -> None:
        self.picker.fill(self.owner.members(), self.saved or [])


class MemberRolesInput(MembersInput):
    """Members to tick, each with its role, edited in place beside the name."""

    with_roles = True

