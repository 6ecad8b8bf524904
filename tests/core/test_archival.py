"""The final agreement and the readiness report are PDF/A-2b; drafts are not.

veraPDF is not available here: this checks, with pikepdf, every PDF/A requirement that can be
read from the file (XMP identification and metadata, output intent, embedded fonts, no
transparency, no encryption, a file identifier).
"""

from typing import Any

import pikepdf
import pytest

from desktop.core.agreement import export_agreement
from desktop.core.example import example_document
from desktop.core.readiness_report import export_report

DISTRICT = "Distretto dell'Economia Solidale di Fiemme e Fassa"


def fonts(pdf: pikepdf.Pdf) -> list[Any]:
    found: list[Any] = []
    for page in pdf.pages:
        for font in (page.Resources.get("/Font") or {}).values():
            found.append(font)
            found.extend(font.get("/DescendantFonts") or [])
    return found


def is_embedded(font: Any) -> bool:
    if font.get("/Subtype") == "/Type0":
        return True  # its descendant carries the descriptor
    descriptor = font.get("/FontDescriptor")
    return descriptor is not None and any(
        key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def transparency(pdf: pikepdf.Pdf) -> list[str]:
    found = []
    for number, page in enumerate(pdf.pages, start=1):
        group: Any = page.obj.get("/Group") or {}
        if group.get("/S") == "/Transparency":
            found.append(f"page {number}: transparency group")
        for name, state in (page.Resources.get("/ExtGState") or {}).items():
            for key in ("/ca", "/CA"):
                if key in state and float(state[key]) < 1:
                    found.append(f"page {number}: {name} {key}={state[key]}")
            if state.get("/SMask", "/None") != "/None":
                found.append(f"page {number}: {name} soft mask")
        for name, xobject in (page.Resources.get("/XObject") or {}).items():
            group = xobject.get("/Group") or {}
            if "/SMask" in xobject or group.get("/S") == "/Transparency":
                found.append(f"page {number}: {name} transparency")
    return found


def check_archival(path, title_start: str, lang: str) -> None:
    with pikepdf.open(path) as pdf:
        assert not pdf.is_encrypted
        assert len(pdf.trailer.ID) == 2
        meta = pdf.open_metadata()
        assert meta["pdfaid:part"] == "2"
        assert meta["pdfaid:conformance"] == "B"
        assert meta["dc:title"].startswith(title_start)
        assert meta["dc:creator"] == [DISTRICT]
        assert set(meta["dc:language"]) == {lang}
        assert meta["xmp:CreatorTool"] == "DES Wizard"
        assert meta["dc:description"]
        info = pdf.docinfo
        assert str(info.Title) == meta["dc:title"]
        assert str(info.Author) == DISTRICT
        assert str(info.Creator) == "DES Wizard"
        assert str(info.Subject) == meta["dc:description"]
        assert str(pdf.Root.Lang) == lang
        intents = pdf.Root.OutputIntents
        assert len(intents) == 1
        assert intents[0].S == "/GTS_PDFA1"
        profile = intents[0].DestOutputProfile
        assert profile.N == 3
        assert profile.read_bytes()[36:40] == b"acsp"  # an ICC profile
        assert fonts(pdf)
        assert all(is_embedded(font) for font in fonts(pdf))
        assert transparency(pdf) == []


@pytest.mark.parametrize(("lang", "title"), [("it", "Accordo volontario"),
                                             ("en", "Voluntary agreement")])
def test_the_final_agreement_is_pdfa(tmp_path, lang, title):
    check_archival(export_agreement(example_document(), lang, tmp_path / "a.pdf"), title, lang)


@pytest.mark.parametrize(("lang", "title"), [("it", "Rapporto"), ("en", "Readiness report")])
def test_the_readiness_report_is_pdfa(tmp_path, lang, title):
    document = example_document()
    document["district"]["name"] = DISTRICT
    check_archival(export_report(document, lang, tmp_path / "r.pdf"), title, lang)


def test_a_draft_keeps_its_translucent_mark_and_is_not_pdfa(tmp_path):
    document = example_document()
    document["governance"]["representation"] = ""  # a blocking rule fails
    with pikepdf.open(export_agreement(document, "it", tmp_path / "d.pdf")) as pdf:
        assert "pdfaid:part" not in pdf.open_metadata()
        assert "/OutputIntents" not in pdf.Root
        assert transparency(pdf)  # the mark
        assert fonts(pdf)
        assert all(is_embedded(font) for font in fonts(pdf))  # drafts too: no Helvetica
        assert str(pdf.docinfo.Author) == DISTRICT
