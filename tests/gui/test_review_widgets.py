"""The Review's findings and links are widgets a keyboard and a screen reader can use: each
finding's buttons are reached with Tab and the arrows, are announced with the finding they act
on, show the focus ring, and no rule code reaches the text."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QPushButton

import i18n
from desktop.core.document import from_document
from desktop.core.example import example_document
from desktop.gui.app import create_window
from tests.gui.test_focus_ring import ring_of, surrounds

RULE_CODE = re.compile(r"\(?\b[A-Z]{1,2}\d{1,2}\b\)?")


@pytest.fixture
def review_window(qtbot, qapp, tmp_path):
    """The example with two members missing their hours (a warning each) and no
    district name (blocking), on the Review."""
    document = example_document()
    for member in document["members"]["organizations"][2:4]:
        member["staff_hours_month"] = None
    document["district"]["name"] = ""
    from_document(document, tmp_path / "d.des").close()
    i18n.set_language("it")
    window = create_window(str(tmp_path / "d.des"), qapp)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    wizard = window.wizard
    wizard.steps.setCurrentRow(wizard.page_count() - 1)
    return window


def described(widget) -> tuple[str, str]:
    accessible = QAccessible.queryAccessibleInterface(widget)
    assert accessible is not None
    return (accessible.text(QAccessible.Text.Name),
            accessible.text(QAccessible.Text.Description))


def test_tab_reaches_every_finding_and_every_edit_in_order(qtbot, review_window):
    review = review_window.wizard.review
    stops = review.focus_stops()
    assert len(review.rows) >= 3
    assert all(isinstance(b, QPushButton) for b in stops)
    stops[0].setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is stops[0])
    reached = [stops[0]]
    for _stop in stops[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached == stops


def test_arrows_move_between_findings_and_their_buttons(qtbot, review_window):
    review = review_window.wizard.review
    first, second = review.rows[0], review.rows[1]
    first.go_button.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first.go_button)
    qtbot.keyClick(first.go_button, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is second.go_button
    qtbot.keyClick(second.go_button, Qt.Key.Key_Up)
    assert QApplication.focusWidget() is first.go_button
    warning = next(row for row in review.rows if row.accept_button is not None)
    warning.go_button.setFocus()
    qtbot.keyClick(warning.go_button, Qt.Key.Key_Right)
    assert QApplication.focusWidget() is warning.accept_button
    qtbot.keyClick(warning.accept_button, Qt.Key.Key_Left)
    assert QApplication.focusWidget() is warning.go_button


def test_each_button_is_announced_with_its_finding(review_window):
    review = review_window.wizard.review
    for row in review.rows:
        text = row.finding.text(i18n._)
        for button in row.buttons():
            name, description = described(button)
            assert name == button.text()
            assert text in description
        assert described(row.go_button)[0] == "Vai al campo"
        assert text in described(row)[0]
    subject = review.summaries[0]
    assert described(subject.edit_button) == ("Modifica", "1. " + i18n._("District"))


def test_the_focus_ring_shows_on_a_finding_and_keys_press_its_buttons(qtbot, review_window):
    review = review_window.wizard.review
    blocking = next(row for row in review.rows if row.finding.field == "name")
    blocking.go_button.setFocus()
    qtbot.waitUntil(lambda: surrounds(ring_of(review_window), blocking.go_button,
                                      review_window))
    qtbot.keyClick(blocking.go_button, Qt.Key.Key_Space)
    wizard = review_window.wizard
    assert wizard.current_index() == 0
    place = wizard.page_list[0].form.editors["name"].input
    qtbot.waitUntil(lambda: QApplication.focusWidget() is place)


def test_no_rule_code_in_the_review_or_the_page_findings(review_window):
    review = review_window.wizard.review
    codes = {row.finding.rule for row in review.rows}
    assert codes
    shown = review.text()
    assert not [code for code in codes if f"({code})" in shown or f" {code} " in shown]
    wizard = review_window.wizard
    for index in range(wizard.page_count() - 1):
        wizard.steps.setCurrentRow(index)
        box = wizard.page_findings
        texts = [label.text() for label in box.findChildren(type(box.title))]
        texts += [b.accessibleDescription() for b in box.buttons]
        assert not [t for t in texts for code in codes if f"({code})" in t], index


def test_a_focused_finding_is_scrolled_into_view(qtbot, review_window):
    review = review_window.wizard.review
    review_window.resize(1024, 600)
    last = review.focus_stops()[-1]  # the last step's "Edit", once every part is made
    last.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is last)
    area = review.area.viewport()
    shown = area.rect()
    corner = last.mapTo(area, last.rect().topLeft())
    assert shown.contains(corner)
    assert shown.contains(last.mapTo(area, last.rect().bottomRight()))


@pytest.fixture
def crowded_window(qtbot, qapp, tmp_path):
    """The example grown to 40 members, none with its authorising act (a hint each), on the
    Review."""
    document = example_document()
    members = document["members"]["organizations"]
    first = members[0]
    for number in range(len(members), 40):
        members.append(dict(first, id=number + 1, name=f"Cooperativa {number + 1}",
                            tax_code="", vat_number=""))
    for member in members:
        member["signing_act_number"] = ""
    from_document(document, tmp_path / "d.des").close()
    i18n.set_language("en")
    window = create_window(str(tmp_path / "d.des"), qapp)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    wizard = window.wizard
    wizard.steps.setCurrentRow(wizard.page_count() - 1)
    return window


def test_many_findings_show_the_first_with_a_button_for_the_others(qtbot, crowded_window):
    from desktop.gui.review_page import FINDINGS_SHOWN

    review = crowded_window.wizard.review
    found = len(review.current)
    assert found > FINDINGS_SHOWN
    assert len(review.rows) == FINDINGS_SHOWN
    more = review.more_button
    assert more is not None
    assert more.text() == f"Show the other {found - FINDINGS_SHOWN} findings"
    stops = review.focus_stops()
    assert stops.index(more) == len([b for row in review.rows for b in row.buttons()])
    more.click()
    assert len(review.rows) == found
    assert review.more_button is None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is review.rows[FINDINGS_SHOWN].go_button)
    review.refresh()  # kept until the window closes
    assert len(review.rows) == found


def test_a_long_list_shows_its_first_names_and_the_count_of_the_rest(crowded_window):
    from desktop.gui.review_page import NAMES_SHOWN

    review = crowded_window.wizard.review
    shown = review.text()
    assert "Cooperativa 40" not in shown
    assert f"and {40 - NAMES_SHOWN} more (Edit shows them all)" in shown
    i18n.set_language("it")
    crowded_window.language_combo.setCurrentIndex(crowded_window.language_combo.findData("it"))
    assert f"e altri {40 - NAMES_SHOWN}: «Modifica» li mostra tutti" in review.text()
