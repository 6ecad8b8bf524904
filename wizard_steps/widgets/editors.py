"""One editor widget per declared field: label, input, and the message about its value.

An editor never decides what is saved: it emits ``committed(key, value)`` and the page writes
the value to the district file. Typed text is committed shortly after the typing pauses and at
once when the field is left, so nothing lives only in a widget.

The widgets of each kind are registered here: ``INPUTS`` gives the input a ``FieldEditor``
shows (``wizard_steps/widgets/inputs.py``), ``EDITORS`` the kinds with an editor of their own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from i18n import _, current_language
from i18n.formats import money_example
from i18n.qt import Retranslating
from wizard_steps.fields import Field, Kind, empty_value, problems_of
from wizard_steps.widgets.inputs import (
    UNREADABLE,
    ChoiceInput,
    DateInput,
    IntegerInput,
    KindInput,
    LongTextInput,
    MemberInput,
    MemberRolesInput,
    MembersInput,
    MoneyInput,
    MultiChoiceInput,
    TextInput,
    YesNoInput,
)
from wizard_steps.widgets.looks import as_message

TYPING_PAUSE_MS = 350  # the commit lands within 400 ms of the last key
MAXIMUM_WAIT_MS = 1000  # under the 1.5 s promised, leaving room for a late timer and the commit
MemberList = Callable[[], dict[int, str]]
DocumentSource = Callable[[], dict[str, Any]]

# The input each kind shows inside a FieldEditor.
INPUTS: dict[Kind, type[KindInput]] = {
    Kind.TEXT: TextInput,
    Kind.LONG_TEXT: LongTextInput,
    Kind.EMAIL: KindInput,
    Kind.PHONE: KindInput,
    Kind.TIME: KindInput,
    Kind.CHOICE: ChoiceInput,
    Kind.MULTI_CHOICE: MultiChoiceInput,
    Kind.YES_NO: YesNoInput,
    Kind.DATE: DateInput,
    Kind.INTEGER: IntegerInput,
    Kind.MONEY: MoneyInput,
    Kind.MEMBER: MemberInput,
    Kind.MEMBERS: MembersInput,
    Kind.MEMBER_ROLES: MemberRolesInput,
}
MEMBER_KINDS = tuple(k for k, input_class in INPUTS.items() if input_class.names_members)


class SaveTimer(QObject):
    """When typed text is saved: after a pause in the typing, and never later than a maximum
    wait (a pause timer alone restarts at every key, so continuous typing would never be saved).
    ``start()`` at every key; ``due`` fires once the typing pauses or has waited long enough.
    ``stop()`` when the text is saved by other means (leaving the field)."""

    due = Signal()

    def __init__(self, parent: QObject | None = None, pause_ms: int = TYPING_PAUSE_MS,
                 maximum_ms: int = MAXIMUM_WAIT_MS) -> None:
        super().__init__(parent)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(pause_ms)
        self._pause.timeout.connect(self._fire)
        self._longest = QTimer(self)
        self._longest.setSingleShot(True)
        self._longest.setInterval(maximum_ms)
        self._longest.timeout.connect(self._fire)

    def start(self) -> None:
        self._pause.start()
        if not self._longest.isActive():
            self._longest.start()

    def stop(self) -> None:
        self._pause.stop()
        self._longest.stop()

    def isActive(self) -> bool:  # noqa: N802 (QTimer's name, which this stands in for)
        return self._pause.isActive() or self._longest.isActive()

    def _fire(self) -> None:
        self.stop()
        self.due.emit()


# Characters of a field's caption that always fit on one line: the form's column is at least
# about 300 pixels wide, even beside a list on a netbook's screen.
ONE_LINE_CAPTION = 32


def _no_members() -> dict[int, str]:
    return {}


class FieldEditor(Retranslating, QWidget):
    committed = Signal(str, object)

    def __init__(self, declared: Field, key_prefix: str = "", parent: QWidget | None = None,
                 members: MemberList = _no_members):
        super().__init__(parent)
        self.declared = declared
        self.key = f"{key_prefix}{declared.key}"
        self._members = members
        self._loading = False
        self._pending = SaveTimer(self)  # after a pause, or at the latest after a second
        self._pending.due.connect(self.commit)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setObjectName("fieldMessage")
        as_message(self.message)
        self.message.hide()
        self.rule_text = ""  # a readiness rule about this one value (set by the window)
        self.kind_input = INPUTS[declared.kind](self, self)
        self.input = self.kind_input.widget
        self.label.setBuddy(self.input)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(2)
        layout.addWidget(self.label)
        layout.addWidget(self.input)
        layout.addWidget(self.message)
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FocusOut and watched is self.input:
            self.commit()
        if event.type() == QEvent.Type.Show and watched is not self.input:
            self.kind_input.popup_shown()
        return False

    @contextmanager
    def _quietly(self) -> Iterator[None]:
        """Show values without committing them again."""
        loading, self._loading = self._loading, True
        try:
            yield
        finally:
            self._loading = loading

    # --- what the inputs ask of their editor -------------------------------------------------

    def members(self) -> dict[int, str]:
        return self._members()

    def typed(self) -> None:
        if self._loading:
            return
        self.show_problems()
        self._pending.start()

    def chosen(self, *_args: Any) -> None:
        if not self._loading:
            self.commit()

    # --- language ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        text = _(self.declared.label)
        shown = text + (" *" if self.declared.required else "")
        # A caption that fits the narrowest column on one line is not word-wrapped: a wrapped
        # label is laid out as text again at every layout pass (a sixth of building a page).
        self.label.setWordWrap(len(shown) > ONE_LINE_CAPTION)
        self.label.setText(shown)
        for target in {self.input, self.input.focusProxy() or self.input}:
            target.setAccessibleName(text)
            target.setToolTip(_(self.declared.help) if self.declared.help else "")
        with self._quietly():
            self.kind_input.retranslate()
        self.show_problems()

    # --- values -----------------------------------------------------------------------------

    def value(self) -> Any:
        return self.kind_input.value()

    def set_value(self, value: Any) -> None:
        """Show a saved value without committing it again."""
        self._pending.stop()
        with self._quietly():
            self.kind_input.set_value(empty_value(self.declared) if value is None else value)
        self.show_problems()

    def refresh_members(self) -> None:
        """Rebuild the member choices from the district's current list, keeping the value."""
        with self._quietly():
            self.kind_input.refresh_members()
        self.show_problems()

    def commit(self) -> None:
        self._pending.stop()
        if not self._loading:
            value = self.value()
            self.show_problems()
            if value is UNREADABLE:
                return  # flagged under the field; the last good amount stays in the file
            self.kind_input.remember(value)
            self.committed.emit(self.key, value)

    def flush(self) -> None:
        """Save typing that is still waiting for its pause."""
        if self._pending.isActive():
            self.commit()

    def show_problems(self) -> None:
        """What is wrong with the value as typed; else what a rule of the review says about
        it (the agreement's duration, a signing date already past), in the same words."""
        found = self.kind_input.problems()
        text = self.rule_text
        if found:  # the example amount is formatted only for a message that is shown
            example = money_example(current_language())
            text = "\n".join(_(m).replace("{example}", example) for m in found)
        self.message.setText(text)
        self.message.setVisible(bool(text))
        mark_state(self.input, self.declared.required, text)

    def show_rule(self, text: str) -> None:
        if text != self.rule_text:
            self.rule_text = text
            self.show_problems()


INVALID_STYLE = '*[invalid="true"] { border: 2px solid #b00020; border-radius: 3px; }'


def mark_state(widget: QWidget, required: bool, problem: str) -> None:
    """What a screen reader and the eye learn of a field beyond its value: that it is
    required, and what is wrong with it. Qt has no accessible "required" or "invalid entry"
    state, so both go into the accessible description ("required. <the problem>"); an
    invalid field also carries the dynamic property ``invalid``, drawn by its style sheet."""
    description = ". ".join(part for part in (_("required") if required else "", problem)
                            if part)
    invalid = bool(problem)
    for target in {widget, widget.focusProxy() or widget}:
        if target.accessibleDescription() != description:
            target.setAccessibleDescription(description)
        if bool(target.property("invalid")) != invalid:
            target.setProperty("invalid", invalid)
            # Set only on a field that has been wrong: a style sheet on every field would
            # change how all of them are drawn (and cost time on a page of a hundred).
            target.setStyleSheet(INVALID_STYLE if invalid or target.styleSheet() else "")
            target.style().unpolish(target)
            target.style().polish(target)


class PersonEditor(Retranslating, QGroupBox):
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


EditorFactory = Callable[[Field, QWidget | None, MemberList, DocumentSource | None], QWidget]


def _forecast_editor(declared: Field, parent: QWidget | None, _members: MemberList,
                     document: DocumentSource | None) -> QWidget:
    assert document is not None, "a forecast needs the whole district"
    # Imported at the first financial plan page: the first step shown needs no forecast.
    from wizard_steps.widgets.forecast_editor import ForecastEditor

    return ForecastEditor(declared, document, parent)


def _person_editor(declared: Field, parent: QWidget | None, members: MemberList,
                   _document: DocumentSource | None) -> QWidget:
    return PersonEditor(declared, parent, members=members)


# Kinds with an editor of their own; every other kind gets a FieldEditor with its INPUTS entry.
# Tables are not here: the page shows them as a list beside the selected row's form.
EDITORS: dict[Kind, EditorFactory] = {Kind.FORECAST: _forecast_editor,
                                      Kind.PERSON: _person_editor}


def make_editor(declared: Field, parent: QWidget | None = None,
                members: MemberList = _no_members,
                document: DocumentSource | None = None) -> Any:
    factory = EDITORS.get(declared.kind)
    if factory is not None:
        return factory(declared, parent, members, document)
    return FieldEditor(declared, parent=parent, members=members)


def problems_text(declared: Field, value: Any) -> list[str]:
    return [_(m) for m in problems_of(declared, value)]
