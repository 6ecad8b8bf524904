"""Two windows on one district: the second is told who has it and may only read it."""

from __future__ import annotations

import hashlib
import socket

import pytest
from PySide6.QtWidgets import QMessageBox

import i18n
from desktop.core.district_file import DistrictFile
from desktop.core.district_file.lock import lock_path
from desktop.gui.app import create_window
from tests.faults import read_only_folder


@pytest.fixture
def make_window(qtbot, qapp):
    def make(path=None):
        i18n.set_language("it")
        window = create_window(str(path) if path else None, qapp)
        qtbot.addWidget(window)
        window.show()
        return window

    return make


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def type_into(qtbot, window, key: str, text: str) -> None:
    editor = window.wizard.page_list[0].form.editors[key]
    editor.input.clear()
    qtbot.keyClicks(editor.input, text)
    editor.commit()


def test_a_second_window_is_told_and_opens_read_only(qtbot, make_window, example_path,
                                                     tmp_path):
    first = make_window(example_path)
    assert lock_path(example_path).exists()
    second = make_window()
    assert not second.open_district(example_path)
    question = second.dialog
    assert isinstance(question, QMessageBox)
    assert socket.gethostname() in question.text()
    read_only = next(b for b in question.buttons() if "sola lettura" in b.text().replace("&", ""))
    read_only.click()
    assert second.district is not None
    assert second.district.read_only
    assert second.banner.isVisible()
    assert socket.gethostname() in second.banner.text.text()
    assert second.save_label.text() == "Sola lettura"
    # the second window's edit is refused and kept; the first window's is saved
    type_into(qtbot, second, "signing_place", "Predazzo")
    assert second.save_label.text() == "Non salvato: il distretto è aperto in sola lettura"
    type_into(qtbot, first, "signing_place", "Cavalese")
    assert first.save_label.text().startswith("Salvato")
    # the second window keeps its edit in a copy, and goes on with it
    copy = tmp_path / "copia.des"
    assert second.save_copy_as(copy)
    assert second.district.path == copy
    assert not second.district.read_only
    assert not second.banner.isVisible()
    second.close()
    first.close()
    assert not lock_path(example_path).exists()
    assert DistrictFile.open(example_path).answer("signing_place") == "Cavalese"
    assert DistrictFile.open(copy).answer("signing_place") == "Predazzo"


def test_a_read_only_folder_opens_read_only_and_untouched(make_window, example_path):
    folder = example_path.parent
    before = digest(example_path)
    with read_only_folder(folder):
        window = make_window(example_path)
        assert window.district is not None
        assert window.district.read_only
        assert window.banner.isVisible()
        assert "scrivere" in window.banner.text.text()
        window.close()
    assert digest(example_path) == before
    assert not lock_path(example_path).exists()


def test_a_window_can_open_its_own_district_again(make_window, example_path):
    window = make_window(example_path)
    assert window.open_district(example_path)
    assert not window.district.read_only
    assert lock_path(example_path).exists()
    window.close()
    assert not lock_path(example_path).exists()
