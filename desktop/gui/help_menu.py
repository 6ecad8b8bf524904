"""The Help menu: the user guide, shipped with the program and shown offline, and the version."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMenu,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.core import settings
from i18n import _, current_language
from resources import resource_path


def guide_path(lang: str) -> Path:
    return resource_path("guide", f"user-guide.{lang}.md")


class GuideDialog(QDialog):
    """The guide in the interface language; it follows a language switch."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(820, 640)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("User guide") + " — " + _("DES Wizard"))
        self.browser.setAccessibleName(_("User guide"))
        self.browser.setSource(QUrl.fromLocalFile(str(guide_path(current_language()))))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class HelpMenu(QMenu):
    helpPanelToggled = Signal(bool)  # noqa: N815 (Qt's naming)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.window_ = parent
        self.panel_action = QAction(self)
        self.panel_action.setCheckable(True)
        self.panel_action.setChecked(settings.load().show_help)
        self.panel_action.setShortcut(QKeySequence("Ctrl+Shift+H"))
        self.panel_action.toggled.connect(self._panel_toggled)
        self.guide_action = QAction(self)
        self.guide_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.guide_action.triggered.connect(self.show_guide)
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.show_about)
        self.addAction(self.guide_action)
        self.addAction(self.panel_action)
        self.addSeparator()
        self.addAction(self.about_action)
        parent.addAction(self.guide_action)  # F1 works wherever the focus is
        self.guide: GuideDialog | None = None
        self.retranslate()

    def show_guide(self) -> GuideDialog:
        if self.guide is None:
            self.guide = GuideDialog(self.window_)
            self.guide.destroyed.connect(self._guide_closed)
        self.guide.show()
        self.guide.raise_()
        self.guide.activateWindow()
        return self.guide

    def _panel_toggled(self, shown: bool) -> None:
        stored = settings.load()
        stored.show_help = shown
        settings.save(stored)
        self.helpPanelToggled.emit(shown)

    def _guide_closed(self) -> None:
        self.guide = None

    def show_about(self) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Information, _("About DES Wizard"),
                          _("DES Wizard {version}").format(version=__version__) + "\n\n"
                          + _("Guides the promoters of a Solidarity Economy District through its "
                              "establishment and writes the voluntary agreement. Free software "
                              "(GPL-3.0-or-later); it works offline and keeps each district in "
                              "one file."),
                          QMessageBox.StandardButton.Ok, self.window_)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def retranslate(self) -> None:
        self.setTitle(_("&Help"))
        self.guide_action.setText(_("&User guide"))
        self.panel_action.setText(_("&Explanations beside each step"))
        self.about_action.setText(_("&About DES Wizard"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
