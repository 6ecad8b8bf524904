"""The Review is drawn with its findings and the first parts of what the group wrote; the other
parts are made one per turn of the event loop, in their place on screen and in the tab chain,
and only while the Review is shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.gui.review_page import SUMMARIES_AT_ONCE
from wizard_steps import STEPS


def open_review(window):
    wizard = window.wizard
    wizard.steps.setCurrentRow(wizard.page_count() - 1)
    return wizard.review


def test_the_parts_come_one_per_turn_and_in_order(qtbot, window):
    review = open_review(window)
    assert len(review.summaries) == SUMMARIES_AT_ONCE  # the switch returns with these
    QApplication.processEvents()
    assert SUMMARIES_AT_ONCE < len(review.summaries) < len(STEPS)
    qtbot.waitUntil(review.is_complete)
    assert [s.index for s in review.summaries] == list(range(len(STEPS)))
    assert all(s.isVisible() for s in review.summaries)
    tops = [s.mapTo(review.content, s.rect().topLeft()).y() for s in review.summaries]
    assert tops == sorted(tops)


def test_tab_goes_through_every_edit_made_later(qtbot, window):
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    review = open_review(window)
    qtbot.waitUntil(review.is_complete)
    edits = [s.edit_button for s in review.summaries]
    edits[0].setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edits[0])
    for edit in edits[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is edit


def test_the_parts_wait_while_the_review_is_hidden(qtbot, window):
    review = open_review(window)
    window.wizard.steps.setCurrentRow(0)
    made = len(review.summaries)
    for _turn in range(5):
        QApplication.processEvents()
    assert len(review.summaries) == made < len(STEPS)
    window.wizard.steps.setCurrentRow(window.wizard.page_count() - 1)
    qtbot.waitUntil(review.is_complete)


def test_what_reads_the_whole_review_gets_every_part(window):
    review = open_review(window)
    shown = review.text()
    assert review.is_complete()
    assert f"{len(STEPS)}. " in shown
    assert [b for b in review.focus_stops() if b.text() == "Modifica"] == \
        [s.edit_button for s in review.summaries]


def test_a_refresh_when_scrolled_down_keeps_the_place(qtbot, window):
    window.resize(1024, 600)
    review = open_review(window)
    qtbot.waitUntil(review.is_complete)
    bar = review.area.verticalScrollBar()
    bar.setValue(bar.maximum())
    place = bar.value()
    assert place > 0
    review.refresh()
    assert review.is_complete()
    assert bar.value() == place
