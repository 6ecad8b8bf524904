"""Tried as a user would: a full disk, a read-only folder, a renamed file. The window says what
happened, keeps every word on screen, and saves it as soon as it can."""

from __future__ import annotations

import os

import pytest
from PySide6.QtWidgets import QMessageBox

import i18n
from desktop.core.district_file import DistrictFile
from desktop.gui.app import create_window
from tests.faults import disk_full, read_only_folder, small_disk


@pytest.fixture
def open_window(qtbot, qapp):
    def make(path):
        i18n.set_language("it")
        window = create_window(str(path), qapp)
        qtbot.addWidget(window)
        window.show()
        return window

    return make


def type_into(qtbot, window, key: str, text: str) -> None:
    editor = window.wizard.page_list[0].form.editors[key]
    editor.input.clear()
    qtbot.keyClicks(editor.input, text)
    editor.commit()  # as when the field is left


def stored(path, key):
    district = DistrictFile.open(path)
    try:
        return district.answer(key)
    finally:
        district.close()


def test_a_full_disk_is_shown_and_nothing_typed_is_lost(qtbot, open_window, tmp_path):
    with small_disk(tmp_path) as folder:
        path = folder / "distretto.des"
        DistrictFile.create(path).close()
        window = open_window(path)
        type_into(qtbot, window, "name", "DES Val di Non")
        assert window.save_label.text().startswith("Salvato")
        with disk_full(folder):
            type_into(qtbot, window, "name", "DES Val di Sole")
            label = window.save_label.text()
            assert label.startswith("Non salvato: ")
            assert window.save_label.accessibleName() == label
            assert "#b00020" in window.save_label.styleSheet()
            told = window.dialog
            assert isinstance(told, QMessageBox)
            assert told.isVisible()
            assert "Salva una copia" in told.text()
            type_into(qtbot, window, "seat", "Tione")  # a second failure is not told again
            assert window.dialog is told
            assert window.save_label.text().startswith("Non salvato: ")
            editor = window.wizard.page_list[0].form.editors["name"]
            assert editor.value() == "DES Val di Sole"  # still on screen
        type_into(qtbot, window, "signing_place", "Cles")  # space again: all goes in
        assert window.save_label.text().startswith("Salvato alle")
        window.close()
        assert stored(path, "name") == "DES Val di Sole"
        assert stored(path, "seat") == "Tione"
        assert stored(path, "signing_place") == "Cles"


def test_the_status_speaks_the_current_language(qtbot, open_window, tmp_path):
    folder = tmp_path / "condivisa"
    folder.mkdir()
    path = folder / "distretto.des"
    DistrictFile.create(path).close()
    window = open_window(path)
    with read_only_folder(folder):
        type_into(qtbot, window, "name", "DES Primiero")
        assert window.save_label.text() == ("Non salvato: il file o la sua cartella sono di "
                                            "sola lettura")
        window.language_combo.setCurrentIndex(window.language_combo.findData("en"))
        assert window.save_label.text() == "Not saved: the file or its folder is read-only"
    window.language_combo.setCurrentIndex(window.language_combo.findData("it"))
    window.close()
    assert stored(path, "name") == "DES Primiero"


def test_closing_with_unsaved_changes_asks_and_a_copy_keeps_them(qtbot, open_window,
                                                                 tmp_path):
    path = tmp_path / "distretto.des"
    DistrictFile.create(path).close()
    window = open_window(path)
    os.rename(path, tmp_path / "spostato.des")
    type_into(qtbot, window, "name", "DES Giudicarie")
    assert "spostato" in window.save_label.text() or "rinominato" in window.save_label.text()
    assert not window.close()  # refused: the question is open
    question = window.dialog
    assert isinstance(question, QMessageBox)
    assert "andrebbero perse" in question.text()
    copy = tmp_path / "copia.des"
    assert window.save_copy_as(copy)
    assert window.district.path == copy
    assert window.save_label.text().startswith("Salvato")
    assert window.close()
    assert stored(copy, "name") == "DES Giudicarie"


def test_closing_without_saving_is_a_choice(qtbot, open_window, tmp_path):
    path = tmp_path / "distretto.des"
    DistrictFile.create(path).close()
    window = open_window(path)
    os.rename(path, tmp_path / "spostato.des")
    type_into(qtbot, window, "name", "DES Giudicarie")
    window.close()
    question = window.dialog
    drop = next(b for b in question.buttons() if "senza salvare" in b.text())
    drop.click()
    assert not window.isVisible()


def test_an_amount_beyond_the_maximum_is_flagged_and_never_saved(window, example_path):
    page = next(p for p in window.wizard.page_list if p.step.key == "financial_plan")
    editor = next(f.editors["fee_amount"] for f in page.forms if "fee_amount" in f.editors)
    before = window.district.answer("fee_amount")
    for typed in ("1.000.000.000", "-20"):
        editor.input.setText(typed)
        editor.commit()
        assert editor.message.isVisible() or editor.message.text()
        assert window.district.answer("fee_amount") == before
    assert "999.999.999,99" in editor.message.text() or "negativo" in editor.message.text()
    window.close()
    assert stored(example_path, "fee_amount") == before


def test_dates_in_the_window_stay_within_1900_and_2200(window, example_path):
    editor = window.wizard.page_list[0].form.editors["signing_date"]
    # A value already in the file beyond 2200 is shown as it is, and flagged.
    editor.set_value("2999-01-01")
    assert editor.kind_input.edit.text() == "01/01/2999"
    assert "1900" in editor.message.text()
    assert editor.message.isVisibleTo(window)
    # Typed, it never reaches the file.
    editor.commit()
    assert DistrictFile.open(example_path, read_only=True).answer("signing_date") == "2027-03-15"
