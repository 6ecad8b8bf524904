"""In the window, accepting a warning for one member leaves the same warning of another member
open, the dialog says which member it covers, and the acceptance can be withdrawn."""

import pytest
from PySide6.QtCore import Qt, QUrl

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


def s5_numbers(review) -> list[int]:
    return [i for i, f in enumerate(review.current) if f.rule == "S5"]


def test_one_member_is_accepted_and_the_other_stays_open(qtbot, window):
    wizard = window.wizard
    wizard.steps.setCurrentRow(wizard.page_count() - 1)
    review = wizard.review
    first, second = (review.current[n] for n in s5_numbers(review))
    names = window.district.member_names()
    review.browser.anchorClicked.emit(QUrl(f"accept:{s5_numbers(review)[0]}"))
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
    html = review.browser.toHtml()
    assert f"withdraw:{review.current.index(first)}" in html
    assert f"accept:{review.current.index(second)}" in html
    assert "Annulla l'accettazione" in review.browser.toPlainText()
    members = next(i for i, s in enumerate(wizard.page_list) if getattr(s, "step", None)
                   and s.step.key == "members")
    assert wizard.steps.item(members).data(Qt.ItemDataRole.UserRole) == "warnings"

    review.browser.anchorClicked.emit(QUrl(f"withdraw:{review.current.index(first)}"))
    assert window.district.acknowledgements() == []
    assert f"accept:{review.current.index(first)}" in review.browser.toHtml()
