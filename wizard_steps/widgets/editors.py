"""One editor widget per declared field: label, input, and the message about its value.

An editor never decides what is saved: it emits ``committed(key, value)`` and the page writes
the value to the district file. Typed text is committed shortly after the typing pauses and at
once when the field is left, so nothing lives only in a widget.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from i18n import _, current_language
from i18n.formats import MoneyError, format_amount, money_example, parse_money
from wizard_steps.fields import Field, Kind, empty_value, problems_of
from wizard_steps.widgets.member_picker import MemberPicker
from wizard_steps.widgets.save_timer import SaveTimer

MEMBER_KINDS = (Kind.MEMBER, Kind.MEMBERS, Kind.MEMBER_ROLES)
MemberList = Callable[[], dict[int, str]]
DocumentSource = Callable[[], dict[str, Any]]
UNREADABLE = object()  # a money field whose text cannot be read: flagged, never saved
NO_MEMBER = -1  # the member combo's "none chosen": its data stays an int like the others


def _no_members() -> dict[int, str]:
    return {}
DATE_FORMATS = {"it": "dd/MM/yyyy", "en": "d MMM yyyy"}
NO_DATE = QDate(1900, 1, 1)


class FieldEditor(QWidget):
    committed = Signal(str, object)

    def __init__(self, declared: Field, key_prefix: str = "", parent: QWidget | None = None,
                 members: MemberList = _no_members):
        super().__init__(parent)
        self.declared = declared
        self.key = f"{key_prefix}{declared.key}"
        self._members = members
        self._member_value: Any = empty_value(declared)
        self._money_value: int | None = None
        self._loading = False
        self._pending = SaveTimer(self)  # after a pause, or at the latest after a second
        self._pending.due.connect(self.commit)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setObjectName("fieldMessage")
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        self.input = self._make_input()
        self.label.setBuddy(self.input)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(2)
        layout.addWidget(self.label)
        layout.addWidget(self.input)
        layout.addWidget(self.message)
        self.retranslate()

    # --- building -------------------------------------------------------------------------

    def _make_input(self) -> QWidget:
        kind = self.declared.kind
        if kind is Kind.LONG_TEXT:
            plain = QPlainTextEdit(self)
            plain.setTabChangesFocus(True)
            plain.setFixedHeight(84)  # four lines; longer texts scroll inside the box
            plain.textChanged.connect(self._typed)
            plain.installEventFilter(self)
            return plain
        if kind is Kind.MEMBER:
            combo = QComboBox(self)
            combo.currentIndexChanged.connect(self._chosen)
            return combo
        if kind in (Kind.MEMBERS, Kind.MEMBER_ROLES):
            self._picker = MemberPicker(kind is Kind.MEMBER_ROLES, self)
            self._picker.toggled.connect(self._chosen)
            self._picker.typed.connect(self._typed)
            return self._picker
        if kind in (Kind.CHOICE, Kind.YES_NO):
            combo = QComboBox(self)
            keys: list[Any] = [""]
            keys += [c.key for c in self.declared.choices] if kind is Kind.CHOICE else [True, False]
            for key in keys:
                combo.addItem("", key)
            combo.currentIndexChanged.connect(self._chosen)
            return combo
        if kind is Kind.MULTI_CHOICE:
            box = QWidget(self)
            grid = QGridLayout(box)  # two columns: long labels never push the page sideways
            grid.setContentsMargins(0, 0, 0, 0)
            self._checks = {}
            for index, choice in enumerate(self.declared.choices):
                check = QCheckBox(box)
                check.toggled.connect(self._chosen)
                grid.addWidget(check, index // 2, index % 2)
                self._checks[choice.key] = check
            return box
        if kind is Kind.DATE:
            date = QDateEdit(self)
            date.setCalendarPopup(True)
            date.setMinimumDate(NO_DATE)
            date.setSpecialValueText(" ")
            date.setDate(NO_DATE)
            date.dateChanged.connect(self._chosen)
            date.calendarWidget().installEventFilter(self)
            return date
        if kind is Kind.INTEGER:
            spin = QSpinBox(self)
            low = self.declared.minimum if self.declared.minimum is not None else 0
            spin.setRange(low - 1, self.declared.maximum or 1_000_000)
            spin.setSpecialValueText("—")  # the value below the minimum means "not given"
            spin.setValue(low - 1)
            spin.valueChanged.connect(self._chosen)
            return spin
        edit = QLineEdit(self)
        edit.textEdited.connect(self._typed)
        edit.editingFinished.connect(self.commit)
        return edit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FocusOut and watched is self.input:
            self.commit()
        if event.type() == QEvent.Type.Show and isinstance(self.input, QDateEdit):
            # An empty date opens the calendar on today, not on the sentinel's year 1900.
            if self.input.date() == NO_DATE:
                today = QDate.currentDate()
                self.input.calendarWidget().setCurrentPage(today.year(), today.month())
        return False

    # --- language ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        text = _(self.declared.label)
        self.label.setText(text + (" *" if self.declared.required else ""))
        self.input.setAccessibleName(text)
        self.input.setToolTip(_(self.declared.help) if self.declared.help else "")
        if isinstance(self.input, QLineEdit) and self.declared.placeholder:
            self.input.setPlaceholderText(_(self.declared.placeholder)
                                          if self.declared.kind is Kind.TEXT
                                          else self.declared.placeholder)
        if self.declared.kind is Kind.MEMBER:
            self._retranslate_member_combo()
        elif self.declared.kind in MEMBER_KINDS:
            self._picker.retranslate()
        elif isinstance(self.input, QComboBox):
            self.input.setItemText(0, _("— choose —"))
            for index in range(1, self.input.count()):
                key = self.input.itemData(index)
                if self.declared.kind is Kind.YES_NO:
                    self.input.setItemText(index, _("Yes") if key else _("No"))
                else:
                    self.input.setItemText(index, _(self.declared.choice_label(key)))
        if self.declared.kind is Kind.MULTI_CHOICE:
            for choice in self.declared.choices:
                self._checks[choice.key].setText(_(choice.label))
        if isinstance(self.input, QDateEdit):
            self.input.setDisplayFormat(DATE_FORMATS.get(current_language(), "dd/MM/yyyy"))
        if self.declared.kind is Kind.MONEY and isinstance(self.input, QLineEdit):
            self.input.setPlaceholderText(money_example(current_language()))
            if self.value() is not UNREADABLE or not self.input.text():
                # Show the saved amount in the new language's format.
                self._loading, loading = True, self._loading
                self.input.setText(format_amount(self._money_value, current_language()))
                self._loading = loading
        self.show_problems()

    # --- values -----------------------------------------------------------------------------

    def value(self) -> Any:
        widget = self.input
        kind = self.declared.kind
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if kind is Kind.MONEY and isinstance(widget, QLineEdit):
            try:
                return parse_money(widget.text(), current_language())
            except MoneyError:
                return UNREADABLE
        if isinstance(widget, QLineEdit):
            return widget.text()
        if kind is Kind.MEMBER:
            data = widget.currentData() if isinstance(widget, QComboBox) else NO_MEMBER
            return data if isinstance(data, int) and data != NO_MEMBER else None
        if kind in (Kind.MEMBERS, Kind.MEMBER_ROLES):
            return self._picker.value()
        if isinstance(widget, QComboBox):
            data = widget.currentData()
            return None if kind is Kind.YES_NO and data == "" else data
        if kind is Kind.MULTI_CHOICE:
            return [key for key, check in self._checks.items() if check.isChecked()]
        if isinstance(widget, QDateEdit):
            return "" if widget.date() == NO_DATE else widget.date().toString(Qt.DateFormat.ISODate)
        if isinstance(widget, QSpinBox):
            return None if widget.value() == widget.minimum() else widget.value()
        raise TypeError(kind)

    def set_value(self, value: Any) -> None:
        """Show a saved value without committing it again."""
        self._pending.stop()
        self._loading = True
        try:
            widget = self.input
            kind = self.declared.kind
            if value is None:
                value = empty_value(self.declared)
            if kind in MEMBER_KINDS:
                self._member_value = value
                self.refresh_members()
            elif kind is Kind.MONEY and isinstance(widget, QLineEdit):
                self._money_value = value
                widget.setText(format_amount(value, current_language()))
            elif isinstance(widget, QPlainTextEdit):
                if widget.toPlainText() != value:
                    widget.setPlainText(str(value))
            elif isinstance(widget, QLineEdit):
                if widget.text() != value:
                    widget.setText(str(value))
                    widget.setCursorPosition(0)  # a long value shows its beginning
            elif isinstance(widget, QComboBox):
                wanted = "" if value is None else value
                index = next((i for i in range(widget.count()) if widget.itemData(i) == wanted
                              and type(widget.itemData(i)) is type(wanted)), 0)
                widget.setCurrentIndex(index)
            elif kind is Kind.MULTI_CHOICE:
                for key, check in self._checks.items():
                    check.setChecked(key in (value or []))
            elif isinstance(widget, QDateEdit):
                date = QDate.fromString(value, Qt.DateFormat.ISODate) if value else NO_DATE
                widget.setDate(date if date.isValid() else NO_DATE)
            elif isinstance(widget, QSpinBox):
                widget.setValue(widget.minimum() if value in (None, "") else int(value))
        finally:
            self._loading = False
        self.show_problems()

    # --- member references ------------------------------------------------------------------

    def refresh_members(self) -> None:
        """Rebuild the member choices from the district's current list, keeping the value."""
        loading, self._loading = self._loading, True
        try:
            members = self._members()
            if self.declared.kind is Kind.MEMBER:
                self._refresh_member_combo(members)
            else:
                self._refresh_member_grid(members)
        finally:
            self._loading = loading
        self.show_problems()

    def _retranslate_member_combo(self) -> None:
        """Only "choose" and "(no name yet)" change with the language, not a thousand names."""
        combo = self.input
        assert isinstance(combo, QComboBox)
        if not combo.count() or "" in self._members().values():
            self.refresh_members()
        else:
            combo.setItemText(0, _("— choose a member —"))

    def _refresh_member_combo(self, members: dict[int, str]) -> None:
        combo = self.input
        assert isinstance(combo, QComboBox)
        combo.clear()
        combo.addItem(_("— choose a member —"), NO_MEMBER)
        for row_id, name in members.items():
            combo.addItem(name or _("(no name yet)"), row_id)
        index = combo.findData(self._member_value) if self._member_value is not None else 0
        combo.setCurrentIndex(max(index, 0))

    def _refresh_member_grid(self, members: dict[int, str]) -> None:
        self._picker.fill(members, self._member_value or [])

    def _money_problems(self) -> list[str]:
        assert isinstance(self.input, QLineEdit)
        try:
            parse_money(self.input.text(), current_language())
        except MoneyError as problem:
            return [str(problem)]
        return []

    def _typed(self) -> None:
        if self._loading:
            return
        self.show_problems()
        self._pending.start()

    def _chosen(self, *_args: Any) -> None:
        if not self._loading:
            self.commit()

    def commit(self) -> None:
        self._pending.stop()
        if not self._loading:
            if self.declared.kind in MEMBER_KINDS:
                self._member_value = self.value()
            self.show_problems()
            value = self.value()
            if value is UNREADABLE:
                return  # flagged under the field; the last good amount stays in the file
            if self.declared.kind is Kind.MONEY:
                self._money_value = value
            self.committed.emit(self.key, value)

    def flush(self) -> None:
        """Save typing that is still waiting for its pause."""
        if self._pending.isActive():
            self.commit()

    def show_problems(self) -> None:
        if self.declared.kind is Kind.MONEY:
            found = self._money_problems()
        else:
            found = problems_of(self.declared, self.value()) if self.declared.validators else []
        text = ""
        if found:  # the example amount is formatted only for a message that is shown
            example = money_example(current_language())
            text = "\n".join(_(m).replace("{example}", example) for m in found)
        self.message.setText(text)
        self.message.setVisible(bool(found))
        self.input.setAccessibleDescription(self.message.text())


class PersonEditor(QGroupBox):
    """A contact person: name, surname, email and phone, saved one by one."""

    committed = Signal(str, object)

    def __init__(self, declared: Field, parent: QWidget | None = None,
                 members: MemberList = _no_members):
        super().__init__(parent)
        self.declared = declared
        self.key = declared.key
        self.parts = [FieldEditor(sub, key_prefix=f"{declared.key}.", parent=self,
                                  members=members)
                      for sub in declared.row_fields]
        grid = QGridLayout(self)
        for index, part in enumerate(self.parts):
            grid.addWidget(part, index // 2, index % 2)
            part.committed.connect(self.committed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(_(self.declared.label) + (" *" if self.declared.required else ""))
        self.setAccessibleName(_(self.declared.label))
        self.setToolTip(_(self.declared.help) if self.declared.help else "")
        for part in self.parts:
            part.retranslate()

    def set_value(self, value: Any) -> None:
        value = value or {}
        for part in self.parts:
            part.set_value(value.get(part.declared.key, ""))

    def flush(self) -> None:
        for part in self.parts:
            part.flush()

    def refresh_members(self) -> None:
        for part in self.parts:
            if part.declared.kind in MEMBER_KINDS:
                part.refresh_members()

    def inputs(self) -> list[QWidget]:
        return [part.input for part in self.parts]


def make_editor(declared: Field, parent: QWidget | None = None,
                members: MemberList = _no_members,
                document: DocumentSource | None = None) -> Any:
    if declared.kind is Kind.FORECAST:
        from wizard_steps.widgets.forecast_editor import ForecastEditor

        assert document is not None, "a forecast needs the whole district"
        return ForecastEditor(declared, document, parent)
    if declared.kind is Kind.PERSON:
        return PersonEditor(declared, parent, members=members)
    return FieldEditor(declared, parent=parent, members=members)


def problems_text(declared: Field, value: Any) -> list[str]:
    return [_(m) for m in problems_of(declared, value)]
