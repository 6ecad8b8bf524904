"""The first screen: start a district, open one, or look at the example."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.settings import documents_dir
from i18n import _
from i18n.qt import Retranslating


class WelcomePage(Retranslating, QWidget):
    newRequested = Signal()  # noqa: N815
    openRequested = Signal()  # noqa: N815
    exampleRequested = Signal()  # noqa: N815
    recentChosen = Signal(str)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 20pt; font-weight: 600;")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.new_button = QPushButton(self)
        self.open_button = QPushButton(self)
        self.example_button = QPushButton(self)
        for button, signal in ((self.new_button, self.newRequested),
                               (self.open_button, self.openRequested),
                               (self.example_button, self.exampleRequested)):
            button.setMinimumHeight(36)
            button.clicked.connect(signal)
        self.files_note = QLabel(self)
        self.files_note.setWordWrap(True)
        self.files_note.setStyleSheet("color: #444444;")
        self.recent_caption = QLabel(self)
        self.recent = QListWidget(self)
        self.recent.setMaximumHeight(260)
        self.recent.itemActivated.connect(
            lambda item: self.recentChosen.emit(item.data(Qt.ItemDataRole.UserRole)))

        # The language is chosen in one place only, the toolbar's switch, as on every page.
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(self.title)
        column.addWidget(self.intro)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.example_button)
        column.addLayout(buttons)
        column.addWidget(self.files_note)
        column.addSpacing(12)
        column.addWidget(self.recent_caption)
        column.addWidget(self.recent)
        column.addStretch(2)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 4)
        outer.addStretch(1)
        self.retranslate()

    def set_recent(self, paths: list[str]) -> None:
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(f"{Path(path).stem}  —  {path}")
            item.setData(Qt.ItemDataRole.UserRole, path)
            self.recent.addItem(item)
        self.recent_caption.setVisible(bool(paths))
        self.recent.setVisible(bool(paths))

    def retranslate(self) -> None:
        self.title.setText(_("Welcome to DES Wizard"))
        self.intro.setText(_(
            "DES Wizard guides the promoters of a Solidarity Economy District through the "
            "establishment phase, step by step, and writes the voluntary agreement to sign, in "
            "Italian or in English. Everything you type is saved immediately in the district "
            "file."))
        self.new_button.setText(_("&New district"))
        self.open_button.setText(_("&Open a district"))
        self.example_button.setText(_("Try the &example"))
        self.recent_caption.setText(_("Recent districts (double-click to open)"))
        self.files_note.setText(_(
            "Each district is one file ending in .des. New districts go to the folder {folder} "
            "unless you choose another. To keep a backup, copy that file to a USB key or a "
            "shared folder, or send it by email: it holds everything, and it opens on any "
            "computer with DES Wizard.").format(folder=documents_dir()))
        self.recent.setAccessibleName(_("Recent districts"))
