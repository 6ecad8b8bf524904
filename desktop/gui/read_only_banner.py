"""The band above a district opened read-only: why, and the way to keep changes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from i18n import _


class ReadOnlyBanner(QFrame):
    saveCopyRequested = Signal()  # noqa: N815 (Qt's naming)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        self.setStyleSheet("#readOnlyBanner { background: #fff4ce; border-bottom: 1px solid "
                           "#c8a600; } QLabel { color: #3d3000; }")
        self.reason: Callable[[], str] = str  # why, in the current language
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.copy_button = QPushButton(self)
        self.copy_button.clicked.connect(self.saveCopyRequested)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.copy_button)
        self.hide()
        self.retranslate()

    def show_reason(self, reason: Callable[[], str]) -> None:
        self.reason = reason
        self.retranslate()
        self.show()

    def retranslate(self) -> None:
        self.text.setText(_("Read only: {reason} Changes cannot be saved in this file; save a "
                            "copy to edit it.").format(reason=self.reason()))
        self.text.setAccessibleName(self.text.text())
        self.copy_button.setText(_("Save a copy as…"))
