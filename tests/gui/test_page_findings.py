"""Each page says what it still lacks, where the answer goes, without a trip to the Review."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

import i18n
from desktop.core.document import to_document
from desktop.core.readiness import Level, findings
from desktop.gui.review_page import SIGNED_ON


def test_the_example_pages_have_nothing_to_fix(window):
    wizard = window.wizard
    for index in range(wizard.page_count() - 1):
        wizard.steps.setCurrentRow(index)
        assert not wizard.page_findings.isVisible(), index


def test_a_page_lists_its_own_findings_and_goes_to_the_field(qtbot, window):
    wizard = window.wizard
    window.district.set_answer("duration_years", 1)
    wizard.refresh_states()
    wizard.steps.setCurrentRow(0)
    box = wizard.page_findings
    assert box.isVisible()
    assert box.title.text() == "Da sistemare in questa pagina"
    mine = [f for f in findings(to_document(window.district)) if f.step == "district"]
    assert len(box.buttons) == len(mine) >= 1
    assert box.buttons[0].text() == "Vai al campo"
    window.activateWindow()
    qtbot.mouseClick(box.buttons[0], Qt.MouseButton.LeftButton)
    duration = wizard.page_list[0].form.editors["duration_years"].input
    qtbot.waitUntil(lambda: QApplication.focusWidget() is duration)
    # Fixed: the box goes away after the typing pause.
    window.district.set_answer("duration_years", 4)
    wizard.refresh_states()
    assert not box.isVisible()


def test_another_step_does_not_show_this_steps_findings(window):
    wizard = window.wizard
    window.district.set_answer("duration_years", 1)
    wizard.refresh_states()
    wizard.steps.setCurrentRow(1)
    assert not wizard.page_findings.isVisible()


def type_into(qtbot, window, key: str, text: str):
    window.activateWindow()
    wizard = window.wizard
    wizard.steps.setCurrentRow(0)
    editor = wizard.page_list[0].form.editors[key]
    target = editor.kind_input.edit if hasattr(editor.kind_input, "edit") else editor.input
    target.setFocus()
    target.selectAll()
    qtbot.keyClicks(target, text)
    qtbot.keyClick(target, Qt.Key.Key_Tab)
    return editor


def test_a_rule_about_one_answer_is_said_under_its_field(qtbot, window):
    wizard = window.wizard
    duration = type_into(qtbot, window, "duration_years", "1")
    qtbot.waitUntil(lambda: duration.message.isVisible(), timeout=3000)
    a2 = next(f for f in findings(to_document(window.district)) if f.rule == "A2")
    assert duration.message.text() == a2.text(i18n._)
    assert duration.message.text() in [b.accessibleDescription()
                                       for b in wizard.page_findings.buttons]
    assert duration.message.text() in duration.input.accessibleDescription()
    assert "A2" not in duration.message.text()
    type_into(qtbot, window, "duration_years", "4")
    qtbot.waitUntil(lambda: not duration.message.isVisible(), timeout=3000)
    # The rule about the whole district's essentials is not pinned under the name it fills.
    assert not wizard.page_list[0].form.editors["name"].message.isVisible()


def test_a_signing_date_already_past_is_flagged_under_it_and_in_the_review(qtbot, window):
    # The example is marked signed: its date is history, and nothing is said about it.
    signing = type_into(qtbot, window, "signing_date", "01/01/2020")
    qtbot.waitUntil(lambda: window.district.answer("signing_date") == "2020-01-01", timeout=3000)
    assert not any(f.rule == "A8" for f in findings(to_document(window.district)))
    assert not signing.message.isVisible()
    # Not signed yet: the past date is flagged under the field, on the page and in the Review.
    window.district.set_answer(SIGNED_ON, "")
    signing = type_into(qtbot, window, "signing_date", "02/01/2020")
    qtbot.waitUntil(signing.message.isVisible, timeout=3000)
    a8 = next(f for f in findings(to_document(window.district)) if f.rule == "A8")
    assert a8.level is Level.WARNING
    assert signing.message.text() == a8.text(i18n._)
    assert "già passata" in signing.message.text()
    wizard = window.wizard
    wizard.steps.setCurrentRow(wizard.page_count() - 1)
    assert a8 in [row.finding for row in wizard.review.rows]
    signing = type_into(qtbot, window, "signing_date", "15/03/2099")
    qtbot.waitUntil(lambda: not signing.message.isVisible(), timeout=3000)
