"""ICU's data cut to what Qt asks of it, in Italian and English, for the Linux one-folder build.

Qt's wheels for Linux ship ICU with the data of every language (libicudata, 31 MiB: a sixth of
the whole folder). Qt calls ICU for four things only (the ICU symbols libQt6Core imports):
collation (``ucol_*``), time-zone names (``ucal_*``), converters for legacy encodings
(``ucnv_*``) and case mapping (``u_strToUpper``/``u_strToLower``, whose tables are compiled
into libicuuc). This module reads the data archive out of the shipped library and keeps the
collation and time-zone trees and the top-level data (locale bundles, calendar and zone rules,
converter aliases, normalisation), each only for Italian, English and the root locale, and the
single-byte converters; it links the rest back into a library of the same name and symbol
with the C compiler, which needs nothing else of ICU's tools.

Left out: every other language; the trees Qt never opens (language, region, currency and unit
names, number spelling, line breaking with its dictionaries, transliteration); character
names, spoofing and string-preparation profiles (no ``u_charName``, ``uspoof_*``,
``usprep_*`` or ``uidna_*`` is called); and the East Asian multi-byte converters.

    python3 -m desktop.build_tools.icu_data LIBICUDATA OUT   (what build.spec runs)
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

KEPT_LANGUAGES = frozenset({"root", "it", "en"})
KEPT_TREES = frozenset({"", "coll", "zone"})  # "": the top level
ALWAYS_KEPT = frozenset({"pool.res", "res_index.res"})  # shared strings; the list of locales
DROPPED_SUFFIXES = (".dict", ".spp", ".cfu")  # dictionaries, stringprep, spoof checking
DROPPED_FILES = frozenset({"unames.icu"})  # character names
MAX_CONVERTER_BYTES = 16 * 1024  # single-byte tables are a few KiB; East Asian ones 100+
LOCALE_NAME = re.compile(r"^[a-z]{2,3}(?:_[A-Za-z0-9]*)*\.res$")
ALIGNMENT = 16
PADDING = b"\xaa"  # what ICU's own packager pads with


@dataclass(frozen=True)
class Item:
    name: str  # e.g. "icudt73l/coll/it.res"
    data: bytes


@dataclass(frozen=True)
class Archive:
    """ICU's common data format: a header, then a table of contents sorted by name."""

    header: bytes
    items: list[Item]


def read_archive(blob: bytes) -> Archive:
    if len(blob) < 32 or blob[2:4] != b"\xda\x27" or blob[12:16] != b"CmnD":
        raise ValueError("not an ICU common data archive")
    header_size = struct.unpack_from("<H", blob, 0)[0]
    count = struct.unpack_from("<I", blob, header_size)[0]
    offsets = [struct.unpack_from("<II", blob, header_size + 4 + 8 * i) for i in range(count)]
    starts = [header_size + data for _, data in offsets] + [len(blob)]
    items = []
    for index, (name_offset, _) in enumerate(offsets):
        name_start = header_size + name_offset
        name = blob[name_start:blob.index(b"\0", name_start)].decode("ascii")
        items.append(Item(name, blob[starts[index]:starts[index + 1]]))
    return Archive(blob[:header_size], items)


def write_archive(archive: Archive) -> bytes:
    """The archive as ICU's packager writes it: each item's data aligned to 16 bytes."""
    count = len(archive.items)
    names = b"".join(item.name.encode("ascii") + b"\0" for item in archive.items)
    table_size = 4 + 8 * count
    data_start = _aligned(table_size + len(names))
    entries = []
    name_offset, data_offset = table_size, data_start
    for item in archive.items:
        entries.append(struct.pack("<II", name_offset, data_offset))
        name_offset += len(item.name) + 1
        data_offset += _aligned(len(item.data))
    toc = struct.pack("<I", count) + b"".join(entries) + names
    body = b"".join(item.data + PADDING * (_aligned(len(item.data)) - len(item.data))
                    for item in archive.items)
    return archive.header + toc + PADDING * (data_start - len(toc)) + body


def _aligned(size: int) -> int:
    return (size + ALIGNMENT - 1) // ALIGNMENT * ALIGNMENT


def _language(file_name: str) -> str:
    return file_name.split(".")[0].split("_")[0]


def kept(item_name: str, bundles: set[tuple[str, str]]) -> bool:
    """Whether the trimmed data keeps this item. ``bundles`` holds (tree, language) of every
    one-subtag locale bundle, so that a name shaped like a locale ("res_index") is told apart
    from a real one ("it_CH": there is an "it.res" in its tree)."""
    parts = item_name.split("/")[1:]
    tree, file_name = ("/".join(parts[:-1]), parts[-1])
    if tree not in KEPT_TREES or file_name.endswith(DROPPED_SUFFIXES) \
            or file_name in DROPPED_FILES:
        return False
    if file_name in ALWAYS_KEPT or not LOCALE_NAME.match(file_name):
        return True
    language = _language(file_name)
    return (tree, language) not in bundles or language in KEPT_LANGUAGES


def trim(archive: Archive) -> Archive:
    bundles = set()
    for item in archive.items:
        parts = item.name.split("/")[1:]
        if LOCALE_NAME.match(parts[-1]) and "_" not in parts[-1]:
            bundles.add(("/".join(parts[:-1]), _language(parts[-1])))
    items = [item for item in archive.items
             if kept(item.name, bundles)
             and not (item.name.endswith(".cnv") and len(item.data) > MAX_CONVERTER_BYTES)]
    return Archive(archive.header, items)  # still in name order: ICU searches it by halves


@dataclass(frozen=True)
class Embedded:
    symbol: str  # icudt73_dat
    blob: bytes


def embedded_archive(library: Path) -> Embedded:
    """The archive inside libicudata: the data of its only exported symbol, found through the
    ELF symbol table with the binutils every C compiler brings (readelf)."""
    readelf = shutil.which("readelf")
    if readelf is None:
        raise OSError("readelf (binutils) is not installed")
    table = subprocess.run([readelf, "--wide", "--dyn-syms", "--sections", str(library)],
                           capture_output=True, text=True, check=True).stdout
    symbol = next((line.split() for line in table.splitlines()
                   if "_dat" in line and "OBJECT" in line and " UND " not in line), None)
    section = next((line for line in table.splitlines() if " .rodata " in line), None)
    if symbol is None or section is None:
        raise ValueError(f"{library.name} holds no ICU data symbol")
    address, size, name = int(symbol[1], 16), int(symbol[2], 0), symbol[7]
    fields = section.split("]", 1)[1].split()
    section_address, section_offset = int(fields[2], 16), int(fields[3], 16)
    start = section_offset + address - section_address
    return Embedded(name, library.read_bytes()[start:start + size])


# "%" rather than "@" in the type directives: GNU as reads "@" as a comment on 32-bit ARM.
ASSEMBLY = """\
    .section .rodata
    .globl {symbol}
    .type {symbol}, %object
    .balign 16
{symbol}:
    .incbin "{data}"
    .size {symbol}, . - {symbol}
    .section .note.GNU-stack,"",%progbits
"""


def link_library(symbol: str, blob: bytes, soname: str, out: Path) -> None:
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None:
        raise OSError("no C compiler (cc or gcc) to link the trimmed ICU data")
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        data = folder / "data.bin"
        data.write_bytes(blob)
        source = folder / "data.S"
        source.write_text(ASSEMBLY.format(symbol=symbol, data=data), encoding="ascii")
        partial = folder / soname
        subprocess.run([compiler, "-shared", "-nostdlib", f"-Wl,-soname,{soname}",
                        "-Wl,-z,noexecstack", "-o", str(partial), str(source)],
                       check=True, capture_output=True)
        shutil.move(partial, out)


def trim_library(library: Path, out: Path) -> tuple[int, int]:
    """Write the trimmed library at ``out``; returns (items kept, items in the original)."""
    embedded = embedded_archive(library)
    archive = read_archive(embedded.blob)
    trimmed = trim(archive)
    link_library(embedded.symbol, write_archive(trimmed), library.name, out)
    return len(trimmed.items), len(archive.items)


def main(arguments: list[str]) -> int:
    if len(arguments) != 2:
        print("error: usage: python3 -m desktop.build_tools.icu_data LIBICUDATA OUT",
              file=sys.stderr)
        return 2
    try:
        kept_count, total = trim_library(Path(arguments[0]), Path(arguments[1]))
    except (OSError, ValueError, subprocess.CalledProcessError) as error:
        print(f"error: {arguments[0]}: {error or type(error).__name__}", file=sys.stderr)
        return 2
    print(f"ICU data: {kept_count} of {total} items kept")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
