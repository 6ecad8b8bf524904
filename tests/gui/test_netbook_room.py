"""On a netbook (1024×600) every page keeps room for what the user works on: no button's text
is cut, the forecast shows all its years, a page's findings leave the fields room, the Review's
findings are not squeezed by the signed agreement, and the step list shows a state on every
step. One language switch, not two."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QTableWidget

import i18n
from desktop.core.step_state import StepState
from desktop.gui.app import create_window
from desktop.gui.page_findings import SHOWN_AT_MOST
from wizard_steps import STEPS

NETBOOK = (1024, 600)


def at_size(qtbot, window, width: int, height: int) -> None:
    window.resize(width, height)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == (width, height))
    QApplication.processEvents()


def step_index(key: str) -> int:
    return [s.key for s in STEPS].index(key)


@pytest.mark.parametrize("lang", ["it", "en"])
def test_no_button_text_is_cut_on_any_step_at_1024_by_600(qtbot, qapp, example_path, lang):
    i18n.set_language(lang)
    window = create_window(str(example_path), qapp)
    qtbot.addWidget(window)
    window.show()
    at_size(qtbot, window, *NETBOOK)
    wizard = window.wizard
    cut = []
    for index in range(wizard.page_count()):
        wizard.steps.setCurrentRow(index)
        QApplication.processEvents()
        cut += [f"{index + 1}: {button.text()} ({button.width()} < {button.sizeHint().width()})"
                for button in wizard.findChildren(QPushButton)
                if button.isVisible() and button.text()
                and button.width() < button.sizeHint().width()]
    assert cut == []
    assert wizard.import_button.text() in {b.text() for b in wizard.findChildren(QPushButton)}


@pytest.mark.parametrize("lang", ["it", "en"])
def test_the_forecast_shows_every_year_at_1024_by_600(qtbot, qapp, example_path, lang):
    i18n.set_language(lang)
    window = create_window(str(example_path), qapp)
    qtbot.addWidget(window)
    window.show()
    at_size(qtbot, window, *NETBOOK)
    window.wizard.steps.setCurrentRow(step_index("financial_plan"))
    QApplication.processEvents()
    grid = window.wizard.pages.currentWidget().findChildren(QTableWidget)[0]
    qtbot.waitUntil(lambda: grid.width() > 300)
    QApplication.processEvents()
    assert grid.columnCount() == 4
    last = grid.columnCount() - 1
    assert grid.columnViewportPosition(last) + grid.columnWidth(last) <= grid.viewport().width()
    assert grid.horizontalScrollBar().maximum() == 0
    # A wide window gives the names of the rows their room back.
    at_size(qtbot, window, 1600, 900)
    qtbot.waitUntil(lambda: grid.verticalHeader().width() > 200)


def test_a_new_district_shows_to_do_on_every_step_with_an_icon_of_its_own(qtbot, qapp,
                                                                         tmp_path):
    i18n.set_language("it")
    window = create_window(None, qapp)
    qtbot.addWidget(window)
    window.show()
    assert window.new_district(tmp_path / "nuovo.des")
    wizard = window.wizard
    wizard.refresh_states()
    items = [wizard.steps.item(index) for index in range(len(STEPS))]
    # "1. Distretto" already has findings that block the agreement (shown on its page), but a
    # step still being filled in is "to do", not red: with an icon, not a bare row.
    district = STEPS[0].key
    assert any(f.step == district for f in wizard._found)
    assert {item.data(Qt.ItemDataRole.UserRole) for item in items} == {StepState.INCOMPLETE.value}
    assert all(not item.icon().isNull() for item in items)
    assert items[0].toolTip() == i18n._("to do")
    heights = {wizard.steps.visualItemRect(item).height() for item in items}
    assert len(heights) == 1  # no row sits shorter than the others
    window.close_district()


def test_a_page_s_findings_leave_the_fields_room_at_1024_by_600(qtbot, qapp, tmp_path):
    i18n.set_language("it")
    window = create_window(None, qapp)
    qtbot.addWidget(window)
    window.show()
    assert window.new_district(tmp_path / "nuovo.des")
    wizard = window.wizard
    at_size(qtbot, window, *NETBOOK)
    wizard.steps.setCurrentRow(step_index("financial_plan"))
    QApplication.processEvents()
    box = wizard.page_findings
    assert box.isVisible()
    assert len(box.buttons) < SHOWN_AT_MOST  # the rest are counted, and listed in the Review
    assert box.height() <= box.sizeHint().height() + 2  # not squeezed: no row is cut
    assert wizard.pages.height() >= 250
    at_size(qtbot, window, 1600, 1000)
    qtbot.waitUntil(lambda: len(box.buttons) == SHOWN_AT_MOST)
    window.close_district()


def test_the_review_keeps_its_height_for_the_findings_at_1024_by_600(qtbot, qapp, tmp_path,
                                                                    example_path):
    i18n.set_language("it")
    window = create_window(None, qapp)
    qtbot.addWidget(window)
    window.show()
    assert window.new_district(tmp_path / "nuovo.des")
    at_size(qtbot, window, *NETBOOK)
    wizard = window.wizard
    wizard.steps.setCurrentRow(wizard.page_count() - 1)
    review = wizard.review
    QApplication.processEvents()
    # Nothing signed yet: the signed agreement is one line, and the findings have the page.
    assert review.signed_toggle.isVisible()
    assert not review.signed_box.isVisible()
    assert review.area.height() >= 300
    qtbot.mouseClick(review.signed_toggle, Qt.MouseButton.LeftButton)
    assert review.signed_box.isVisible()
    assert review.attach_button.isVisible()
    review.refresh()  # the user's choice stands when the findings change
    assert review.signed_box.isVisible()
    window.close_district()
    # A district that holds a signing date opens with its signed agreement in view.
    window.open_district(str(example_path))
    wizard = window.wizard
    wizard.steps.setCurrentRow(wizard.page_count() - 1)
    QApplication.processEvents()
    assert wizard.review.signed_box.isVisible()
