"""Starting a district: the documents folder, a name from the file, the cursor in the name."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from desktop.core import settings
from desktop.core.defaults import name_from_file


def test_the_name_comes_from_the_file_name():
    assert name_from_file("/x/DES Val di Non.des") == "DES Val di Non"
    assert name_from_file("des_val-di-non.des") == "Des val di non"
    assert name_from_file("Distretto  Alto Garda.des") == "Distretto Alto Garda"


def test_a_new_district_is_named_and_the_cursor_waits_in_its_name(qtbot, window, tmp_path):
    window.activateWindow()
    assert window.new_district(tmp_path / "DES Val di Non.des")
    assert window.district.answer("name") == "DES Val di Non"
    note = window.dialog
    qtbot.keyClick(note, Qt.Key.Key_Return)
    editor = window.wizard.page_list[0].forms[0].editors["name"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.input)
    assert editor.input.text() == "DES Val di Non"


def test_new_districts_go_to_the_documents_folder_named_on_the_welcome_screen(qtbot, qapp):
    from desktop.gui.app import create_window

    window = create_window(None, qapp)
    qtbot.addWidget(window)
    folder = settings.documents_dir()
    assert not folder.exists()
    window.request_new()
    dialog = window.dialog
    assert isinstance(dialog, QFileDialog)
    assert Path(dialog.directory().absolutePath()) == folder
    assert folder.is_dir()
    dialog.reject()
