"""The district's years in the real window: shown once signed, a year chosen, its lists edited
through the wizard's list-and-form editors into the district file, the annual report written."""

from __future__ import annotations

import copy
import re

from pypdf import PdfReader
from PySide6.QtCore import Qt

import i18n
from desktop.core.district_file import DistrictFile
from desktop.core.document import from_document, to_document
from desktop.core.example import example_document
from desktop.core.years.signed import as_signed
from wizard_steps import STEPS


def _years_item(window):
    return window.wizard.steps.item(window.wizard.years_row)


def test_a_signed_district_offers_its_years_and_edits_them(window, qtbot, wait_for_tasks,
                                                          tmp_path):
    assert not _years_item(window).isHidden()
    view = window.wizard.show_years()
    assert window.wizard.pages.currentWidget() is view
    assert [view.year_box.itemText(i) for i in range(view.year_box.count())] == [
        "2027", "2028", "2029", "2030", "2031"]
    assemblies = view.tables[0]
    assert assemblies.declared.key == "assemblies"
    assert assemblies.list.count() == 2
    assert "nulla da segnalare" in view.findings.text()

    assemblies.add_row()
    place = assemblies.form.editors["place"]
    qtbot.keyClicks(place.input, "Moena")
    date = assemblies.form.editors["date"].kind_input.edit
    date.setFocus()
    qtbot.keyClicks(date, "14/12/2027")
    qtbot.keyClick(date, Qt.Key.Key_Tab)
    view.flush()
    stored = window.district.year_record(2027)["assemblies"]
    assert [a["place"] for a in stored][-1] == "Moena"
    assert stored[-1]["date"] == "2027-12-14"
    # Everyone absent from the new assembly: a year later nothing is wrong yet, but the
    # document now carries the third assembly.
    assert len(to_document(window.district)["years"]["2027"]["assemblies"]) == 3

    values = view.tables[1]
    completer = values.form.editors["indicator"].input.completer()
    assert completer is not None
    assert completer.model().rowCount() == len(
        to_document(window.district)["reporting"]["indicators"])

    view.select_year(2028)
    assert view.year == 2028
    assert assemblies.list.count() == 0
    assert "M1" in view.findings.text()  # 2028 has no indicator values yet
    view.select_year(2027)
    assert assemblies.list.count() == 3

    out = tmp_path / "annuale.pdf"
    task = window.export_annual_report(2027, True, out)
    assert task is not None
    wait_for_tasks(window)
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(out).pages))
    assert "Relazione annuale 2027" in text
    assert "Moena" in text
    assert "Giulia Zanon" not in text  # the copy for publication


def test_the_years_appear_once_the_signing_date_is_given(qtbot, qapp, tmp_path):
    from desktop.gui.app import create_window

    document = copy.deepcopy(as_signed(example_document()))
    document.pop("after_signing")
    document.pop("years")
    path = tmp_path / "unsigned.des"
    from_document(document, path).close()
    i18n.set_language("it")
    window = create_window(str(path), qapp)
    qtbot.addWidget(window)
    window.show()
    assert _years_item(window).isHidden()
    assert window.wizard.page_count() == len(STEPS) + 1  # Next still ends at the Review
    window.wizard.steps.setCurrentRow(len(STEPS))
    review = window.wizard.review
    # Nothing signed yet: the signed agreement is folded away, and opened with its button.
    assert not review.signed_box.isVisible()
    qtbot.mouseClick(review.signed_toggle, Qt.MouseButton.LeftButton)
    assert review.signed_box.isVisible()
    signed = review.signed_form.editors["signed_on"].kind_input.edit
    signed.setFocus()
    qtbot.keyClicks(signed, "20/03/2027")
    qtbot.keyClick(signed, Qt.Key.Key_Tab)
    review.flush()
    qtbot.waitUntil(lambda: not _years_item(window).isHidden(), timeout=3000)
    view = window.wizard.show_years()
    assert view.year_box.itemText(0) == "2027"
    window.close_district()
    district = DistrictFile.open(path, read_only=True)
    assert to_document(district)["after_signing"]["signed_on"] == "2027-03-20"
    district.close()
