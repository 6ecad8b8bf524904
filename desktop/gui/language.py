"""The live language switch: our catalogs, Qt's own strings, and the locale, all at once."""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QTranslator,
    Signal,
)
from PySide6.QtWidgets import QApplication

import i18n
from desktop.core import settings
from i18n.formats import BABEL_LOCALES

_qt_translator: QTranslator | None = None


def qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


class LanguageController(QObject):
    """Owns the interface language; every page listens to ``languageChanged``."""

    languageChanged = Signal(str)  # noqa: N815 (Qt's naming)

    def __init__(self, app: QApplication, remember: bool = True) -> None:
        super().__init__(app)
        self.app = app
        self.remember = remember
        self.language = i18n.current_language()

    def apply(self, lang: str) -> None:
        """Switch to ``lang``: translate our texts, Qt's buttons and dialogs, dates, numbers."""
        i18n.set_language(lang)
        self.language = lang
        global _qt_translator
        # One translator for Qt's own strings per application, whoever installed it last.
        if _qt_translator is not None:
            self.app.removeTranslator(_qt_translator)
            _qt_translator = None
        if lang != "en":
            translator = QTranslator(self.app)
            if translator.load(f"qtbase_{lang}", qt_translations_dir()):
                self.app.installTranslator(translator)
                _qt_translator = translator
        # Qt posts its LanguageChange events; deliver them now so that Qt's own buttons and
        # ours change together.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        QLocale.setDefault(QLocale(BABEL_LOCALES[lang]))
        if self.remember:
            stored = settings.load()
            stored.language = lang
            settings.save(stored)
        self.languageChanged.emit(lang)
