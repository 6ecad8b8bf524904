"""How to sign the exported agreement, in plain words, for the signing programs Italian legal
representatives commonly use: written beside the exported file and shown in the window.

Only what holds for every version of those programs is said: sign the PDF as PAdES in your own
field, one after the other or each on a copy, and bring the signed file(s) back.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from desktop.core.signing.records import ExportRecord, parties
from i18n import N_, translator

TITLE = N_("How to sign this agreement digitally")
INTRODUCTION = N_(
    "Every legal representative signs with their own digital signature, a qualified electronic "
    "signature (art. 24 of Legislative Decree 82/2005, the CAD, and Regulation (EU) 910/2014, "
    "eIDAS), on a smart card, a USB key or as a remote signature. The file already holds one "
    "empty signature field for each of them, named after them:")
FIELD_LINE = N_("“{field}” for {organisation}")
WAYS = (
    N_("Two ways to sign; the Parties choose one for all of them."),
    N_("One after the other (one file for everyone): the first representative signs this file "
       "and passes the signed file on to the next, who signs that one, and so on. Every "
       "signature is added to the same PDF without changing the text."),
    N_("Each on their own copy (at the same time): every representative signs a copy of this "
       "same file, in their own field, and returns it. Together the signed copies are the "
       "signed agreement."),
    N_("Either way: do not print, re-save, convert or edit the file between signatures, or the "
       "program cannot recognise the agreement it exported."),
)
PROGRAMS = (
    N_("Dike (InfoCert): choose Sign, select the file, choose the PDF signature (PAdES, not "
       "CAdES/.p7m), pick your field if asked, and enter your PIN."),
    N_("ArubaSign (Aruba): open or drag in the file, choose the PDF signature (PAdES), pick your "
       "field if asked, and confirm with your PIN (or the code for a remote signature)."),
    N_("FirmaOK!: choose to sign a document, select the file, choose the PDF format (PAdES), "
       "pick your field if asked, and enter your PIN."),
    N_("Adobe Acrobat or Acrobat Reader: open the file, click the empty field with your name, "
       "choose your signature certificate, and save the signed file under a new name."),
    N_("A program that only makes .p7m envelopes (CAdES) is accepted too: sign this PDF as it "
       "is and return the .p7m file."),
)
RETURN = N_("Bring every signed file back to the program: “Add signed agreement…” in the "
            "Signatures window, or “des-wizard signatures” on the command line. It shows who "
            "has signed and when the agreement took effect.")
FILE_NAMES = {"it": "{stem} - istruzioni per la firma.txt",
              "en": "{stem} - signing instructions.txt"}


def instructions_text(document: dict[str, Any], record: ExportRecord | None,
                      lang: str) -> str:
    """The instructions, with the export's field names when there is one."""
    _ = translator(lang).gettext
    names = {int(m["id"]): m.get("name", "") for m in parties(document)}
    lines = [_(TITLE), "", _(INTRODUCTION)]
    if record is not None:
        lines += ["  • " + _(FIELD_LINE).format(field=field, organisation=names.get(member, ""))
                  for field, member in record.fields.items()]
    first, *ways, last = WAYS
    lines += ["", _(first), *("  • " + _(text) for text in ways), _(last), "",
              _("Signing programs:")]
    lines += ["  • " + _(text) for text in PROGRAMS]
    lines += ["", _(RETURN)]
    return "\n".join(lines) + "\n"


def instructions_path(pdf: str | os.PathLike[str], lang: str) -> Path:
    target = Path(pdf)
    return target.with_name(FILE_NAMES.get(lang, FILE_NAMES["en"]).format(stem=target.stem))


def write_instructions(document: dict[str, Any], record: ExportRecord, lang: str,
                       pdf: str | os.PathLike[str]) -> Path:
    """The instructions as a text file beside the exported PDF, whole or not at all."""
    target = instructions_path(pdf, lang)
    handle, temporary = tempfile.mkstemp(suffix=".txt-new", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\r\n") as out:
            out.write(instructions_text(document, record, lang))
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
