"""In the window, accepting a warning for one member leaves the same warning of another member
open, the dialog says which member it covers, and the acceptance can be withdrawn."""

import pytest
from PySide6.QtCore import Qt

import i18n
from desktop.core.document import from_document
from desktop.core.example import example_document

REASON = "Le ore le decide il consiglio di amministrazione a gennaio."


@pytest.fixture
def window(qtbot, qapp, tmp_path):
    from desktop.gui.app import create_window

    document = example_document()
    for member in document["members"]["organizations"][2:4]:
        member["staff_hours_month"] = None
    from_document(document, tmp_path / "d.des").close()
    i18n.set_language("it")
    made = create_window(str(tmp_path / "d.des"), qapp)
    qtbot.addWidget(made)
    made.show()
    return made


def s5_rows(review) -> list:
    return [row for row in review.rows if row.finding.rule == "S5"]


def row_of(review, finding):
    return next(row for row in review.rows if row.finding == finding)


def test_one_member_is_accepted_and_the_other_stays_open(qtbot, window):
    wizard = window.wizard
    wizard.steps.setCurrentRow(wizard.page_count() - 1)
    review = wizard.review
    first, second = (row.finding for row in s5_rows(review))
    names = window.district.member_names()
    s5_rows(review)[0].accept_button.click()
    dialog = review.dialog
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert f"Membro “{names[first.row]}”" in dialog.subject.text()
    assert names[second.row] not in dialog.subject.text()
    dialog.reason.setFocus()
    qtbot.keyClicks(dialog.reason, REASON)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Tab)  # Tab leaves the reason box
    assert dialog.reason.toPlainText() == REASON
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.district.acknowledgements() == [
        {"rule": "S5", "row": first.row, "reason": REASON}]
    assert row_of(review, first).withdraw_button is not None
    assert row_of(review, first).accept_button is None
    assert row_of(review, second).accept_button is not None
    assert "Annulla l'accettazione" in review.text()
    members = next(i for i, s in enumerate(wizard.page_list) if getattr(s, "step", None)
                   and s.step.key == "members")
    assert wizard.steps.item(members).data(Qt.ItemDataRole.UserRole) == "warnings"

    row_of(review, first).withdraw_button.click()
    assert window.district.acknowledgements() == []
    assert row_of(review, first).accept_button is not None


def open_dialog(qtbot, window):
    wizard = window.wizard
    wizard.steps.setCurrentRow(wizard.page_count() - 1)
    review = wizard.review
    s5_rows(review)[0].accept_button.click()
    dialog = review.dialog
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.reason.setFocus()
    return dialog


def test_escape_cancels_and_enter_on_ok_accepts(qtbot, window):
    dialog = open_dialog(qtbot, window)
    qtbot.keyClicks(dialog.reason, REASON)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Escape)  # Escape cancels, from the reason too
    assert not dialog.isVisible()
    assert window.district.acknowledgements() == []
    dialog = open_dialog(qtbot, window)
    qtbot.keyClicks(dialog.reason, REASON)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # Enter in the box is a new line
    assert dialog.isVisible()
    assert dialog.reason.toPlainText() == REASON + "\n"
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Tab)  # Tab leaves the box, for the buttons
    assert dialog.focusWidget() is not dialog.reason
    ok.setFocus()
    qtbot.keyClick(ok, Qt.Key.Key_Return)
    assert [a["rule"] for a in window.district.acknowledgements()] == ["S5"]
