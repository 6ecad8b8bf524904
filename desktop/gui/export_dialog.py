"""The export dialog: the document's language (independent of the window's) and the file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from i18n import LANGUAGE_NAMES, LANGUAGES, _
from i18n.qt import Retranslating


def default_pdf_name(district_path: Path, lang: str) -> Path:
    word = {"it": "accordo", "en": "agreement"}[lang]
    return district_path.with_name(f"{district_path.stem} - {word}.pdf")


class ExportDialog(Retranslating, QDialog):
    exportRequested = Signal(str, str)  # noqa: N815  (language, path)
    printRequested = Signal(str)  # noqa: N815  (language)
    previewRequested = Signal(str)  # noqa: N815  (language)

    def __init__(self, district_path: Path, interface_lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.district_path = district_path
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.language_caption = QLabel(self)
        self.language_group = QButtonGroup(self)
        self.language_buttons: dict[str, QRadioButton] = {}
        languages = QHBoxLayout()
        for lang in LANGUAGES:
            button = QRadioButton(LANGUAGE_NAMES[lang], self)
            self.language_group.addButton(button)
            self.language_buttons[lang] = button
            languages.addWidget(button)
            button.toggled.connect(self._language_toggled)
        languages.addStretch(1)
        self.file_caption = QLabel(self)
        self.path_edit = QLineEdit(self)
        self.file_caption.setBuddy(self.path_edit)
        self.browse_button = QPushButton(self)
        self.browse_button.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.print_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(lambda: self._then(self.printRequested))
        self.preview_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.preview_button.clicked.connect(lambda: self._then(self.previewRequested))
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.language_caption)
        layout.addLayout(languages)
        layout.addWidget(self.file_caption)
        layout.addLayout(file_row)
        layout.addWidget(self.buttons)
        self._file_dialog: QFileDialog | None = None
        self.language_buttons[interface_lang].setChecked(True)
        self.retranslate()
        self.resize(560, self.sizeHint().height())

    def language(self) -> str:
        return next(lang for lang, b in self.language_buttons.items() if b.isChecked())

    def _language_toggled(self, checked: bool) -> None:
        if not checked:
            return
        # Follow the language in the proposed name until the user types a name of their own.
        current = Path(self.path_edit.text()) if self.path_edit.text() else None
        proposals = {default_pdf_name(self.district_path, lang) for lang in LANGUAGES}
        if current is None or current in proposals:
            self.path_edit.setText(str(default_pdf_name(self.district_path, self.language())))

    def _browse(self) -> None:
        dialog = QFileDialog(self, _("Save the agreement as"), self.path_edit.text(),
                             _("PDF documents (*.pdf)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.path_edit.setText)
        self._file_dialog = dialog
        dialog.open()

    def _then(self, signal) -> None:
        signal.emit(self.language())
        self.accept()

    def _accept(self) -> None:
        path = self.path_edit.text().strip()
        if not path:
            return
        self.exportRequested.emit(self.language(), path)
        self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Export the voluntary agreement"))
        self.intro.setText(_("The agreement is written as a PDF, ready to print and sign. Its "
                             "language does not depend on the language of the window."))
        self.language_caption.setText(_("Language of the document"))
        self.file_caption.setText(_("File"))
        self.path_edit.setAccessibleName(_("File"))
        self.browse_button.setText(_("Choose…"))
        self.print_button.setText(_("&Print…"))
        self.preview_button.setText(_("Print pre&view…"))
