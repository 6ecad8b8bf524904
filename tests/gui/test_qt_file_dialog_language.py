"""Qt's own file dialog (the non-native one the program opens) speaks the interface language:
every label, button and column, not only the parts Qt's catalog happens to cover."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel, QPushButton, QTreeView

from tests.gui.test_window import switch_language


def dialog_texts(dialog: QFileDialog) -> list[str]:
    texts = [label.text().replace("&", "") for label in dialog.findChildren(QLabel)
             if label.isVisibleTo(dialog) and label.text()]
    texts += [button.text().replace("&", "") for button in dialog.findChildren(QPushButton)
              if button.isVisibleTo(dialog)]
    view = dialog.findChild(QTreeView)
    assert view is not None
    model = view.model()
    texts += [str(model.headerData(i, Qt.Orientation.Horizontal))
              for i in range(model.columnCount())]
    texts += [combo.itemText(i) for combo in dialog.findChildren(QComboBox)
              for i in range(combo.count()) if not combo.isEditable()]
    return texts


def open_dialog(window, qtbot) -> QFileDialog:
    window.request_open()
    dialog = window.dialog
    assert isinstance(dialog, QFileDialog)
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.waitExposed(dialog)
    # Qt sets the file name label and the buttons' texts once the dialog is on screen.
    qtbot.waitUntil(lambda: all(b.text() for b in dialog.findChildren(QPushButton)))
    return dialog


def test_the_file_dialog_is_italian(qtbot, window):
    dialog = open_dialog(window, qtbot)
    texts = dialog_texts(dialog)
    for italian in ("Cerca in:", "Nome del file:", "File di tipo:", "Apri", "Annulla", "Nome",
                    "Dimensione", "Data di modifica"):
        assert italian in texts, [t for t in texts if t]
    for english in ("Look in:", "File name:", "Files of type:", "Open", "Cancel", "Name",
                    "Size", "Date Modified"):
        assert english not in texts
    # The "Type" column of a folder.
    assert QCoreApplication.translate("QAbstractFileIconProvider", "Folder",
                                      "All other platforms") == "Cartella"
    dialog.reject()


def test_the_file_dialog_follows_a_switch_to_english(qtbot, window):
    switch_language(window, "en")
    dialog = open_dialog(window, qtbot)
    texts = dialog_texts(dialog)
    for english in ("Look in:", "File name:", "Files of type:", "Cancel", "Name"):
        assert english in texts, texts
    assert "Cerca in:" not in texts
    dialog.reject()
    switch_language(window, "it")
    dialog = open_dialog(window, qtbot)
    assert "File di tipo:" in dialog_texts(dialog)
    dialog.reject()
