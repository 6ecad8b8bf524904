"""A whole district by keyboard alone: from the welcome screen a new district is created (its
file name typed into the file dialog), the District step and three members with their contact
persons are filled, one member's warning is accepted with a reason, and the agreement is
exported. Only key events reach the window; a mouse event anywhere fails the test."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

import i18n
from desktop.core import settings
from desktop.core.district_file import DistrictFile
from desktop.gui.export_dialog import ExportDialog
from desktop.gui.review_page import AcceptDialog
from wizard_steps import step as declared_step

MOST_TABS = 80
MOUSE_EVENTS = {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
                QEvent.Type.MouseButtonDblClick, QEvent.Type.Wheel}

MEMBERS = [
    ("Cooperativa Sociale Il Pane", "Mario", "Rossi", "mario.rossi@example.org"),
    ("Associazione Orti Condivisi", "Giulia", "Bianchi", "giulia@example.org"),
    ("Comune di Cavalese", "Luca", "Verdi", "protocollo@example.org"),
]


class MouseWatch(QObject):
    """Counts every mouse event the application delivers."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in MOUSE_EVENTS:
            self.seen.append(f"{event.type().name} on {type(watched).__name__}")
        return False


class Keyboard:
    """Key presses sent where the focus is, as a keyboard would."""

    def __init__(self, qtbot, window: QWidget) -> None:
        self.qtbot = qtbot
        self.window = window

    def focus(self) -> QWidget:
        focused = QApplication.focusWidget()
        return focused if focused is not None else self.window

    def press(self, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(self.focus(), key, modifier)

    def write(self, text: str) -> None:
        self.qtbot.keyClicks(self.focus(), text)

    def tab_to(self, name: str) -> QWidget:
        """Tab until the focus is on the widget a screen reader calls ``name``."""
        return self.tab_until(lambda w: w.accessibleName() == name, name)

    def tab_until(self, wanted, what: str) -> QWidget:
        passed = []
        for _press in range(MOST_TABS):
            if wanted(self.focus()):
                return self.focus()
            passed.append(self.focus().accessibleName() or type(self.focus()).__name__)
            self.press(Qt.Key.Key_Tab)
        raise AssertionError(f"Tab never reached {what!r}, passing {passed}")

    def fill(self, name: str, text: str) -> None:
        self.tab_to(name)
        self.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        self.write(text)

    def choose(self, name: str, downs: int = 1) -> None:
        """A drop-down: the arrows choose, as they do on a closed combo box."""
        self.tab_to(name)
        for _down in range(downs):
            self.press(Qt.Key.Key_Down)

    def wait_for(self, kind: type) -> QWidget:
        def arrived() -> bool:
            active = QApplication.activeModalWidget() or QApplication.activeWindow()
            return active is not None and isinstance(active, kind) and active.isVisible()

        self.qtbot.waitUntil(arrived)
        dialog = QApplication.activeModalWidget() or QApplication.activeWindow()
        assert dialog is not None
        self.qtbot.waitUntil(lambda: dialog.isAncestorOf(self.focus()) or
                             self.focus() is dialog)
        return dialog


@pytest.fixture
def mouse_watch(qapp):
    watch = MouseWatch()
    qapp.installEventFilter(watch)
    yield watch
    qapp.removeEventFilter(watch)


def label(step_key: str, key: str, table: str = "") -> str:
    """What a screen reader calls a field: its label in the interface language."""
    fields = declared_step(step_key).fields
    if table:
        fields = next(f for f in fields if f.key == table).row_fields
    return i18n._(next(f for f in fields if f.key == key).label)


def fill_district(keys: Keyboard) -> None:
    keys.fill(label("district", "name"), "DES Val di Non")
    keys.choose(label("district", "district_type"))
    keys.fill(label("district", "territory"), "Val di Non")
    keys.fill(label("district", "signing_place"), "Cles")
    keys.fill(label("district", "signing_date"), "15/03/2027")
    keys.fill(label("district", "duration_years"), "4")


def add_member(keys: Keyboard, wizard, member: tuple[str, str, str, str]) -> None:
    def of(key: str) -> str:
        return label("members", key, table="organizations")

    name, first, surname, email = member
    table = wizard.page_list[1].tables[0]
    keys.tab_until(lambda w: w is table.add_button, table.add_button.text())
    keys.press(Qt.Key.Key_Space)
    keys.qtbot.waitUntil(lambda: keys.focus().accessibleName() == of("name"))
    keys.write(name)
    keys.choose(of("legal_form"))
    keys.choose(of("nature"), downs=2)
    keys.choose(of("registered_sea"))
    keys.fill(of("legal_representative"), first + " " + surname)
    keys.fill(of("legal_representative_role"), "Presidente")
    keys.fill(of("staff_people"), "2")
    _ = i18n._
    keys.fill(_("Name"), first)  # the contact person's, which comes first
    keys.fill(_("Surname"), surname)
    keys.fill(_("Email"), email)
    keys.fill(_("Phone"), "0461 123456")
    keys.press(Qt.Key.Key_Tab)  # leaving the field saves it


REASON = "Le ore le stabilisce l'assemblea dell'associazione a gennaio."


def accept_for_the_second_member(keys: Keyboard, wizard, member: dict) -> None:
    """On the Review, the arrows go to the member's warning; Right, Space, a reason, Ctrl+Enter."""
    for _step in range(wizard.page_count()):
        keys.press(Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    review = wizard.review
    assert wizard.pages.currentWidget() is review
    wanted = next(row for row in review.rows if row.finding.row == member["id"]
                  and row.accept_button is not None)
    keys.tab_until(lambda w: w in review.focus_stops(), "the Review's first finding")
    for _row in review.rows:
        if keys.focus() is wanted.go_button:
            break
        keys.press(Qt.Key.Key_Down)
    assert keys.focus() is wanted.go_button
    assert member["name"] in wanted.go_button.accessibleDescription()
    keys.press(Qt.Key.Key_Right)
    assert keys.focus() is wanted.accept_button
    keys.press(Qt.Key.Key_Space)
    dialog = keys.wait_for(AcceptDialog)
    assert isinstance(dialog, AcceptDialog)
    assert member["name"] in dialog.subject.text()
    keys.write(REASON)
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    keys.qtbot.waitUntil(lambda: not dialog.isVisible())
    accepted = next(row for row in review.rows if row.finding == wanted.finding)
    assert accepted.withdraw_button is not None
    assert REASON in accepted.accepted_text.text()
    # The focus comes back to the finding, now on "Withdraw acceptance".
    keys.qtbot.waitUntil(lambda: keys.focus() is accepted.withdraw_button)


def test_a_district_from_the_welcome_screen_to_the_agreement_by_keyboard(
        qtbot, qapp, mouse_watch, wait_for_tasks):
    from desktop.gui.app import create_window

    i18n.set_language("it")
    window = create_window(None, qapp)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    keys = Keyboard(qtbot, window)

    # The welcome screen: Ctrl+N, a file name typed into the file dialog, Enter.
    keys.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    files = keys.wait_for(QFileDialog)
    keys.write("DES Val di Non")
    keys.press(Qt.Key.Key_Return)
    path = settings.documents_dir() / "DES Val di Non.des"
    qtbot.waitUntil(lambda: window.district is not None)
    assert window.district.path == path
    assert not files.isVisible()
    keys.wait_for(QMessageBox)  # "Getting started": Enter closes it
    keys.press(Qt.Key.Key_Return)
    wizard = window.wizard
    qtbot.waitUntil(lambda: keys.focus() is wizard.page_list[0].form.editors["name"].input)

    fill_district(keys)
    keys.press(Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # Next
    assert wizard.current_index() == 1
    for member in MEMBERS:
        add_member(keys, wizard, member)
    window.wizard.flush()
    district = DistrictFile.open(path)
    rows = district.rows("organizations")
    assert [row["name"] for row in rows] == [m[0] for m in MEMBERS]
    assert [row["contact_person"]["email"] for row in rows] == [m[3] for m in MEMBERS]
    assert district.answer("signing_place") == "Cles"
    assert district.answer("signing_date") == "2027-03-15"
    accept_for_the_second_member(keys, wizard, rows[1])
    acknowledgements = DistrictFile.open(path).acknowledgements()
    assert len(acknowledgements) == 1
    assert acknowledgements[0]["row"] == rows[1]["id"]
    assert acknowledgements[0]["reason"] == REASON

    # Export: Ctrl+E, then Enter saves beside the district.
    keys.press(Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    export = keys.wait_for(ExportDialog)
    assert isinstance(export, ExportDialog)
    target = Path(export.path_edit.text())
    keys.press(Qt.Key.Key_Return)
    wait_for_tasks(window)
    assert target.is_file()
    assert target.parent == path.parent
    assert PdfReader(target).pages
    assert mouse_watch.seen == []
