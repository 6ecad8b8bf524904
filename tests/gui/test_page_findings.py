"""Each page says what it still lacks, where the answer goes, without a trip to the Review."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.core.document import to_document
from desktop.core.readiness import findings


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
