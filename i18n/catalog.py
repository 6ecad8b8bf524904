"""Catalog maintenance with Babel: ``python -m i18n.catalog update|compile|check``.

update   extract the messages of the code into messages.pot and merge them into every .po
         (the English catalog takes the msgid as its translation where it has none)
compile  write the .mo files the program loads
check    fail on an untranslated or fuzzy entry, a placeholder that differs between msgid and
         msgstr, a template that no longer matches the code, or a .mo older than its .po
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

from i18n import CATALOG_DIR, DOMAIN, LANGUAGES

ROOT = CATALOG_DIR.parent
SOURCE_DIRS = ("desktop", "wizard_steps", "i18n")  # i18n: the number formats' messages
TEMPLATE = CATALOG_DIR / f"{DOMAIN}.pot"
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}|%\([a-z_0-9]+\)[sd]|%[sd]")


def po_path(lang: str) -> Path:
    return CATALOG_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(lang: str) -> Path:
    return po_path(lang).with_suffix(".mo")


def extract() -> Catalog:
    template = Catalog(project="des-wizard", domain=DOMAIN)
    for folder in SOURCE_DIRS:
        for filename, lineno, message, comments, context in extract_from_dir(
            ROOT / folder, method_map=[("**.py", "python")], comment_tags=("Translators:",)
        ):
            location = (f"{folder}/{filename}", lineno)
            template.add(message, locations=[location], auto_comments=comments, context=context)
    return template


def _write_po(catalog: Catalog, path: Path) -> None:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, omit_header=False, sort_output=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())


def _read_po(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def update(prune: bool = False) -> None:
    template = extract()
    _write_po(template, TEMPLATE)
    for lang in LANGUAGES:
        path = po_path(lang)
        catalog = _read_po(path, lang) if path.exists() else Catalog(locale=lang, domain=DOMAIN)
        catalog.update(template, no_fuzzy_matching=True)
        if prune:
            catalog.obsolete.clear()  # otherwise kept as "#~" entries, for translators to reuse
        if lang == "en":
            for message in catalog:
                if isinstance(message.id, tuple) and not all(message.string):
                    message.string = message.id
                elif message.id and not message.string:
                    message.string = message.id
        _write_po(catalog, path)


def compile_all() -> None:
    for lang in LANGUAGES:
        catalog = _read_po(po_path(lang), lang)
        with mo_path(lang).open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)


def _ids(messages: Iterable) -> set:
    return {m.id for m in messages if m.id}


def _messages(messages: Iterable) -> dict:
    """id -> string, with plural forms as tuples (the .mo reader gives lists)."""

    def frozen(value):
        return tuple(value) if isinstance(value, list | tuple) else value

    return {frozen(m.id): frozen(m.string) for m in messages if m.id}


def problems() -> list[str]:
    """Everything that would show a user an untranslated or wrong message."""
    found: list[str] = []
    template_ids = _ids(extract())
    if not TEMPLATE.exists() or _ids(_read_po(TEMPLATE)) != template_ids:
        found.append("messages.pot does not match the code: run python -m i18n.catalog update")
    for lang in LANGUAGES:
        catalog = _read_po(po_path(lang), lang)
        missing = template_ids - _ids(catalog)
        for msgid in sorted(missing, key=str):
            found.append(f"{lang}: not in the catalog: {msgid!r}")
        for message in catalog:
            if not message.id:
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if message.fuzzy:
                found.append(f"{lang}: fuzzy: {ids[0]!r}")
            if not all(strings):
                found.append(f"{lang}: untranslated: {ids[0]!r}")
                continue
            for index, string in enumerate(strings):
                # The first form answers the singular msgid, the others the plural one; a
                # singular may leave out the number ("every month").
                wanted = sorted(PLACEHOLDER.findall(ids[min(index, len(ids) - 1)]))
                found_here = sorted(PLACEHOLDER.findall(string))
                allowed = index == 0 and len(ids) > 1 and set(found_here) <= set(
                    PLACEHOLDER.findall(ids[1]))
                if found_here != wanted and not allowed:
                    found.append(f"{lang}: placeholders differ: {ids[0]!r} -> {string!r}")
        if not mo_path(lang).exists():
            found.append(f"{lang}: no compiled catalog: run python -m i18n.catalog compile")
        else:
            with mo_path(lang).open("rb") as handle:
                compiled = read_mo(handle)
            if _messages(compiled) != _messages(m for m in catalog if not m.fuzzy):
                found.append(f"{lang}: the .mo is older than the .po: run compile")
    return found


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        update(prune="--prune" in argv)
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
