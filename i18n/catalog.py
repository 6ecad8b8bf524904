"""Catalog maintenance: ``python -m i18n.catalog update|compile|check``.

update   ``pybabel extract`` with i18n/babel.cfg into messages.pot, then ``pybabel update``
         into every .po; the English catalog then takes the msgid wherever it has no
         translation (Babel has no such option)
compile  ``pybabel compile``: the .mo files the program loads
check    what Babel lacks: fail on an untranslated or fuzzy entry, a placeholder that differs
         between msgid and msgstr, a template that no longer matches the code, or a .mo older
         than its .po

The first two are Babel's own commands, run in-process so that they need no PATH; the same
can be typed as ``pybabel extract -F i18n/babel.cfg -o i18n/messages.pot .`` and so on.
"""

from __future__ import annotations

import contextlib
import io
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po, write_po

from i18n import CATALOG_DIR, DOMAIN, LANGUAGES

ROOT = CATALOG_DIR.parent
TEMPLATE = CATALOG_DIR / f"{DOMAIN}.pot"
MAPPING = CATALOG_DIR / "babel.cfg"
WIDTH = "100"
ENGLISH_NAMES = {"it": "Italian", "en": "English"}
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}|%\([a-z_0-9]+\)[sdr]|%[sdr]")


def po_path(lang: str) -> Path:
    return CATALOG_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(lang: str) -> Path:
    return po_path(lang).with_suffix(".mo")


def pybabel(*arguments: str) -> None:
    # From the repository's root, so that the template names files as "desktop/cli.py".
    with contextlib.chdir(ROOT):
        CommandLineInterface().run(["pybabel", "--quiet", *arguments])


def extract() -> Catalog:
    """The messages of the code, as ``pybabel extract`` finds them through babel.cfg."""
    template = Catalog(project="des-wizard", domain=DOMAIN)
    for filename, lineno, message, comments, context in extract_from_dir(
        ROOT, method_map=_method_map(), comment_tags=("Translators:",)
    ):
        template.add(message, locations=[(filename, lineno)], auto_comments=comments,
                     context=context)
    return template


def _method_map() -> list[tuple[str, str]]:
    sections = re.findall(r"^\[(\w+):\s*(.+?)\]$", MAPPING.read_text(), flags=re.MULTILINE)
    return [(pattern, method) for method, pattern in sections]


def _read_po(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def update() -> None:
    pybabel("extract", "-F", str(MAPPING.relative_to(ROOT)), "-o",
            str(TEMPLATE.relative_to(ROOT)), "-w", WIDTH,
            "--add-comments", "Translators:", "--project", "des-wizard", "--sort-by-file",
            ".")
    pybabel("update", "-i", str(TEMPLATE), "-d", str(CATALOG_DIR), "-D", DOMAIN, "-w", WIDTH,
            "--no-fuzzy-matching", "--ignore-obsolete")
    for lang in LANGUAGES:
        _finish(lang)


def _finish(lang: str) -> None:
    """What Babel does not do: a catalog whose header is not "fuzzy" (``pybabel compile``
    skips those), and English catalogs that copy the msgid wherever they have no translation
    (English msgids are the English text)."""
    path = po_path(lang)
    catalog = _read_po(path, lang)
    catalog.fuzzy = False
    catalog.project = "des-wizard"
    catalog.header_comment = (f"# The {ENGLISH_NAMES[lang]} messages of DES Wizard.\n"
                              "# Translated from the English msgids in the code.")
    for message in catalog if lang == "en" else ():
        if message.id and not all(_as_tuple(message.string)):
            message.string = message.id
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=int(WIDTH), sort_by_file=True)
    path.write_bytes(buffer.getvalue())


def compile_all() -> None:
    pybabel("compile", "-d", str(CATALOG_DIR), "-D", DOMAIN)


def _ids(messages: Iterable[Message]) -> set[object]:
    return {m.id for m in messages if m.id}


def _frozen(value: object) -> object:
    return tuple(value) if isinstance(value, list | tuple) else value


def _context(value: object) -> object:
    return value.decode() if isinstance(value, bytes) else value  # the .mo reader gives bytes


def _messages(messages: Iterable[Message]) -> dict[object, object]:
    """(context, id) -> string, with plural forms as tuples (the .mo reader gives lists)."""
    return {(_context(m.context), _frozen(m.id)): _frozen(m.string) for m in messages if m.id}


def _as_tuple(value: str | tuple[str, ...] | list[str] | None) -> tuple[str, ...]:
    if isinstance(value, tuple | list):
        return tuple(value)
    return (value or "",)


def _message_problems(lang: str, message: Message) -> list[str]:
    ids = _as_tuple(message.id)
    strings = _as_tuple(message.string)
    found = [f"{lang}: fuzzy: {ids[0]!r}"] if message.fuzzy else []
    if not all(strings):
        return found + [f"{lang}: untranslated: {ids[0]!r}"]
    for index, string in enumerate(strings):
        # The first form answers the singular msgid, the others the plural one; a singular
        # may leave out the number ("every month").
        wanted = sorted(PLACEHOLDER.findall(ids[min(index, len(ids) - 1)]))
        found_here = sorted(PLACEHOLDER.findall(string))
        allowed = index == 0 and len(ids) > 1 and set(found_here) <= set(
            PLACEHOLDER.findall(ids[1]))
        if found_here != wanted and not allowed:
            found.append(f"{lang}: placeholders differ: {ids[0]!r} -> {string!r}")
    return found


def _compiled_problems(lang: str, catalog: Catalog) -> list[str]:
    if not mo_path(lang).exists():
        return [f"{lang}: no compiled catalog: run python -m i18n.catalog compile"]
    with mo_path(lang).open("rb") as handle:
        compiled = read_mo(handle)
    if _messages(compiled) != _messages(m for m in catalog if not m.fuzzy):
        return [f"{lang}: the .mo is older than the .po: run compile"]
    return []


def problems() -> list[str]:
    """Everything that would show a user an untranslated or wrong message."""
    found: list[str] = []
    template_ids = _ids(extract())
    if not TEMPLATE.exists() or _ids(_read_po(TEMPLATE)) != template_ids:
        found.append("messages.pot does not match the code: run python -m i18n.catalog update")
    for lang in LANGUAGES:
        catalog = _read_po(po_path(lang), lang)
        for msgid in sorted(template_ids - _ids(catalog), key=str):
            found.append(f"{lang}: not in the catalog: {msgid!r}")
        for message in catalog:
            if message.id:
                found += _message_problems(lang, message)
        found += _compiled_problems(lang, catalog)
    return found


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        update()
    elif command == "compile":
        compile_all()
    elif command == "check":
        found = problems()
        for line in found:
            print(line)
        print(f"{len(found)} translation problems")
        return 1 if found else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
