"""Translations: ``_()`` for text shown now, ``N_()`` to mark text translated later.

Messages are written in English in the code (msgids) and translated through the gettext
catalogs next to this file. The interface language can change at any moment
(:func:`set_language`); documents are written with an explicit :func:`translator`, so the
language of an exported agreement never depends on the language of the window.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

CATALOG_DIR = Path(__file__).resolve().parent
DOMAIN = "messages"
LANGUAGES: tuple[str, ...] = ("it", "en")
DEFAULT_LANGUAGE = "it"
# Each language is named in itself: a user who does not read the current language must still
# find their own in the switch.
LANGUAGE_NAMES = {"it": "Italiano", "en": "English"}


@cache
def translator(lang: str) -> gettext.NullTranslations:
    """The catalog of one language; unknown languages are an error, not a silent fallback."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language: {lang!r}")
    # The catalog's path is known: gettext.translation() would first expand the language
    # through the locale module's alias table (a few milliseconds at every start).
    with (CATALOG_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as catalog:
        return gettext.GNUTranslations(catalog)


_current_lang = DEFAULT_LANGUAGE


def set_language(lang: str) -> None:
    global _current_lang
    translator(lang)  # validate before switching
    _current_lang = lang


def current_language() -> str:
    return _current_lang


def _(message: str) -> str:
    return translator(_current_lang).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translator(_current_lang).ngettext(singular, plural, n)


def N_(message: str) -> str:  # noqa: N802 (gettext's conventional name)
    """Mark a message for extraction; it is translated where it is shown."""
    return message


def language_from_environment(environ: dict[str, str]) -> str:
    """The language of the user's system, as far as the two we speak go."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = environ.get(var, "")
        if value:
            return "it" if value.lower().startswith("it") else "en"
    return DEFAULT_LANGUAGE
