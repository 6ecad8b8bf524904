"""Qt's side of the languages: its own translations (qtbase_xx.qm) and one way for a language
switch to reach every widget.

``i18n/__init__.py`` stays plain gettext so that the command line never loads Qt; this module is
imported by the window only.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QObject, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

_qt_translator: QTranslator | None = None
_gaps_translator: QTranslator | None = None

# Strings of Qt's own file dialog that qtbase_xx.qm leaves untranslated: without them the
# Italian dialog says "Look in:" and "Files of type:" and calls every folder "Folder".
# Keys: (context, source text, disambiguation or "").
QT_GAPS: dict[str, dict[tuple[str, str, str], str]] = {
    "it": {
        ("QFileDialog", "&Look in:", ""): "&Cerca in:",
        ("QFileDialog", "Look in:", ""): "Cerca in:",
        ("QFileDialog", "Files of &type:", ""): "File di &tipo:",
        ("QFileDialog", "Files of type:", ""): "File di tipo:",
        ("QAbstractFileIconProvider", "Folder", "All other platforms"): "Cartella",
        ("QAbstractFileIconProvider", "Folder", "Match OS X Finder"): "Cartella",
        ("QAbstractFileIconProvider", "File Folder", "Match Windows Explorer"): "Cartella",
        ("QAbstractFileIconProvider", "Drive", ""): "Unità",
        ("QAbstractFileIconProvider", "File", ""): "File",
        ("QAbstractFileIconProvider", "%1 File", ""): "File %1",
    },
}


class GapsTranslator(QTranslator):
    """Qt's strings that its own catalog of a language misses (``QT_GAPS``)."""

    def __init__(self, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.texts = QT_GAPS.get(lang, {})

    def translate(self, context: str, source: str,  # type: ignore[override]
                  disambiguation: str | None = None, n: int = -1) -> str | None:
        del n  # none of the gaps has a plural
        # None is Qt's null string: the next translator (Qt's catalog) is asked. An empty
        # string would replace every text of Qt's with nothing.
        return self.texts.get((context, source, disambiguation or ""))

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return not self.texts
# Counts the language switches, so that a widget retranslates once per switch even when Qt
# delivers LanguageChange to it twice (a dialog is both a top-level window and a child).
_switch_number = 0


def qt_translations_dir() -> str:
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def installed_qt_translator() -> QTranslator | None:
    """The translator of Qt's own strings now installed, or None (English)."""
    return _qt_translator


def installed_qt_translators() -> list[QTranslator]:
    """Every translator of Qt's strings now installed: its catalog, then the gaps it leaves."""
    return [t for t in (_qt_translator, _gaps_translator) if t is not None]


def install_qt_translations(app: QCoreApplication, lang: str) -> bool:
    """Replace Qt's translations with those of ``lang``, never more than one installed.

    Returns whether Qt's translators changed: Qt then posts LanguageChange to every window."""
    global _qt_translator, _gaps_translator
    changed = False
    for old in (_gaps_translator, _qt_translator):
        if old is not None:
            changed = app.removeTranslator(old) or changed
            old.deleteLater()  # a child of the application: deleted, not piled up
    _qt_translator = _gaps_translator = None
    if lang != "en":
        translator = QTranslator(app)
        if translator.load(f"qtbase_{lang}", qt_translations_dir()) and \
                app.installTranslator(translator):
            _qt_translator = translator
            changed = True
        else:
            translator.deleteLater()
    if QT_GAPS.get(lang):  # installed last, so asked first
        gaps = GapsTranslator(lang, app)
        app.installTranslator(gaps)
        _gaps_translator = gaps
        changed = True
    return changed


def announce_language_change(app: QApplication, qt_changed: bool) -> None:
    """Deliver LanguageChange to every window now. When Qt's translator changed, Qt has posted
    the events; otherwise (English to English, a missing .qm) each window gets one from here.
    A dialog gets it both as a window and as a child: ``Retranslating`` counts switches."""
    global _switch_number
    _switch_number += 1
    if qt_changed:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        return
    event = QEvent(QEvent.Type.LanguageChange)  # sent, not posted: it stays ours to free
    for window in app.topLevelWidgets():
        if window.parentWidget() is None:  # the others get it from their parent
            QCoreApplication.sendEvent(window, event)


def switch_number() -> int:
    return _switch_number


# The mixin is written against QWidget for the type checker; at run time it is a plain class
# placed before the Qt class in the bases, as in ``class Page(Retranslating, QWidget)``.
if TYPE_CHECKING:
    _WidgetBase = QWidget
else:
    _WidgetBase = object


class Retranslating(_WidgetBase):
    """A widget that sets its texts in ``retranslate()``; a language switch calls it once.

    Qt sends LanguageChange to every window and from each widget to its children, so parents
    never call their children's ``retranslate()``."""

    _retranslated_at: int = 0
    retranslate: Callable[[], None]  # every class that mixes this in defines it

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # A widget that forgot its texts fails when its class is made, not at a switch.
        if not callable(getattr(cls, "retranslate", None)):
            raise TypeError(f"{cls.__name__} mixes in Retranslating without retranslate()")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange and \
                self._retranslated_at != _switch_number:
            self._retranslated_at = _switch_number
            try:
                self.retranslate()
            except Exception:  # noqa: BLE001 (reported, not swallowed)
                # An exception leaving a Qt override that Python code set off (apply() sends
                # the events) crashes PySide 6.11; the hook reports it like any other.
                sys.excepthook(*sys.exc_info())
        super().changeEvent(event)
