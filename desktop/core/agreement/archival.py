"""Makes a PDF written by reportlab an archival PDF/A-2b, with pikepdf for what reportlab lacks.

reportlab already embeds every font (the canvases, tables and charts start in DejaVu Serif),
writes the document information, the language and the file identifier, and draws no
transparency outside the draft mark. What PDF/A-2b adds is done here: the XMP metadata stream
(with the ``pdfaid`` part and conformance, title, author, subject, language and creator tool)
and the sRGB output intent that gives the device colours their meaning. Drafts keep their
translucent mark and are not made PDF/A.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pikepdf

CREATOR = "DES Wizard"
# The sRGB IEC61966-2.1 profile that pikepdf ships for PDF/A output intents.
SRGB_PROFILE = files("pikepdf") / "pdfa" / "data" / "sRGB.icc"


def _output_intent(pdf: pikepdf.Pdf) -> pikepdf.Dictionary:
    profile = pikepdf.Stream(pdf, SRGB_PROFILE.read_bytes())
    profile["/N"] = 3
    return pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.OutputIntent, S=pikepdf.Name.GTS_PDFA1,
        OutputConditionIdentifier="sRGB IEC61966-2.1", RegistryName="http://www.color.org",
        Info="sRGB IEC61966-2.1", DestOutputProfile=profile))


def make_archival(path: Path, title: str, author: str, subject: str, lang: str) -> None:
    """Rewrite ``path`` in place as PDF/A-2b with the given metadata."""
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pdf.Root.OutputIntents = pikepdf.Array([_output_intent(pdf)])
        pdf.Root.Lang = pikepdf.String(lang)
        pdf.docinfo["/Title"] = title
        pdf.docinfo["/Author"] = author
        pdf.docinfo["/Subject"] = subject
        pdf.docinfo["/Creator"] = CREATOR
        if "/Trapped" in pdf.docinfo:  # not part of the XMP that PDF/A asks to match
            del pdf.docinfo["/Trapped"]
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta.load_from_docinfo(pdf.docinfo)
            meta["pdfaid:part"] = "2"
            meta["pdfaid:conformance"] = "B"
            meta["dc:title"] = title
            meta["dc:creator"] = [author]
            meta["dc:description"] = subject
            meta["dc:language"] = [lang]
            meta["xmp:CreatorTool"] = CREATOR
        pdf.save(path)
