"""Help → User guide opens the guide shipped with the program, in the interface language."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from desktop import __version__
from desktop.gui.help_menu import GuideDialog, guide_path


def test_every_guide_and_its_pictures_are_shipped():
    for lang in ("it", "en"):
        text = guide_path(lang).read_text(encoding="utf-8")
        pictures = [line.split("](")[1].rstrip(")") for line in text.splitlines()
                    if line.startswith("![")]
        assert len(pictures) > 10
        for picture in pictures:
            assert (guide_path(lang).parent / picture).is_file(), picture


def test_f1_opens_the_guide_and_it_follows_the_language(qtbot, window):
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = window.help_menu.guide
    assert isinstance(guide, GuideDialog)
    assert guide.isVisible()
    document: QTextDocument = guide.browser.document()
    assert document.toPlainText().startswith("DES Wizard — Guida per i promotori")
    # The screenshots load from the shipped folder: a picture is a resource of the document.
    assert "00-welcome.png" in guide.browser.toMarkdown()
    window.language_combo.setCurrentIndex(window.language_combo.findData("en"))
    assert guide.browser.document().toPlainText().startswith("DES Wizard")
    assert "Guida per i promotori" not in guide.browser.document().toPlainText()
    assert guide.windowTitle().startswith("User guide")
    guide.close()
    qtbot.waitUntil(lambda: window.help_menu.guide is None)
    assert not any(isinstance(w, GuideDialog) for w in QApplication.topLevelWidgets())


def test_about_says_the_version(window):
    box = window.help_menu.show_about()
    assert __version__ in box.text()
    box.close()
