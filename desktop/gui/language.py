"""The live language switch: our catalogs, Qt's own strings, and the locale, all at once."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtWidgets import QApplication

import i18n
from desktop.core import settings
from i18n.formats import BABEL_LOCALES
from i18n.qt import announce_language_change, install_qt_translations


class LanguageController(QObject):
    """Owns the interface language. Widgets follow it through LanguageChange events (the
    ``Retranslating`` mixin); ``languageChanged`` is for whatever is not a widget."""

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
        qt_changed = install_qt_translations(self.app, lang)
        QLocale.setDefault(QLocale(BABEL_LOCALES[lang]))
        # Last, so that every widget retranslates with the new catalog and locale in place.
        announce_language_change(self.app, qt_changed)
        if self.remember:
            stored = settings.load()
            stored.language = lang
            settings.save(stored)
        self.languageChanged.emit(lang)
