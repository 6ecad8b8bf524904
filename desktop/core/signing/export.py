"""The final agreement for qualified electronic signature: the agreement as exported, a last
page with one box per party, and in each box an empty signature field named after the party's
legal representative, so that signing programs offer each signatory their own field."""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.fields import SigFieldSpec, append_signature_field
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer

from desktop.core.agreement.articles import esc
from desktop.core.agreement.pdf import _styles, build_story, write_pdf
from desktop.core.errors import UserError
from desktop.core.signing.records import ExportRecord, parties, sha256
from i18n import N_, translator

BOX_WIDTH, BOX_HEIGHT = 80 * mm, 22 * mm


@dataclass
class _Placement:
    page: int  # 1-based, as reportlab counts
    box: tuple[float, float, float, float]


class _SignatureBox(Flowable):
    """A framed box that remembers where it was drawn, for the signature field laid on it."""

    def __init__(self, key: int, placements: dict[int, _Placement]) -> None:
        super().__init__()
        self.key = key
        self.placements = placements
        self.width, self.height = BOX_WIDTH, BOX_HEIGHT

    def draw(self) -> None:
        self.canv.setStrokeColor(colors.HexColor("#888888"))
        self.canv.rect(0, 0, self.width, self.height)
        x, y = self.canv.absolutePosition(0, 0)
        self.placements[self.key] = _Placement(
            self.canv.getPageNumber(), (x, y, x + self.width, y + self.height))


def field_name(number: int, member: dict[str, Any], lang: str) -> str:
    """The name a signing program shows for the field (no dots: they separate PDF names)."""
    _ = translator(lang).gettext
    who = member.get("legal_representative") or member.get("name") or ""
    return re.sub(r"[.\s]+", " ", _("Signature {number} – {who}").format(
        number=number, who=who)).strip()


def _signature_page(document: dict[str, Any], lang: str,
                    placements: dict[int, _Placement]) -> list[Any]:
    _ = translator(lang).gettext
    styles = _styles()
    story: list[Any] = [PageBreak(), Paragraph(esc(_("Qualified electronic signatures")),
                                               styles["heading"]),
                        Paragraph(esc(_(
                            "The Parties sign this agreement with a qualified electronic "
                            "signature (art. 24 of Legislative Decree 82/2005), each legal "
                            "representative in the field bearing their name. The agreement "
                            "takes effect on the date of the last signature.")),
                                  styles["body"])]
    for member in parties(document):
        role = member.get("legal_representative_role", "")
        who = esc(member.get("legal_representative", "")) + (f", {esc(role)}" if role else "")
        story.append(KeepTogether([
            Paragraph(f"<b>{esc(member.get('name', ''))}</b>", styles["body"]),
            Paragraph(esc(_("For the organization: {who}")).format(who=who), styles["body"]),
            _SignatureBox(int(member["id"]), placements), Spacer(1, 6 * mm)]))
    return story


def export_for_signing(document: dict[str, Any], lang: str,
                       out: str | os.PathLike[str]) -> ExportRecord:
    """Write the final agreement with its signature fields; a draft is refused."""
    from desktop.core.readiness import ready_to_sign  # the rules import the whole document

    if not ready_to_sign(document):
        raise UserError(N_("The agreement is still a draft: solve the blocking problems of "
                           "the review before exporting it for signature."))
    members = parties(document)
    if not members:
        raise UserError(N_("The agreement has no parties to sign it."))
    _ = translator(lang).gettext
    target = Path(out)
    name = document.get("district", {}).get("name", "")
    placements: dict[int, _Placement] = {}
    handle, laid_out = tempfile.mkstemp(suffix=".pdf-new", dir=target.parent)
    os.close(handle)
    try:
        story = build_story(document, lang) + _signature_page(document, lang, placements)
        title = _("Voluntary agreement for the establishment of the Solidarity Economy "
                  "District") + f" “{name}”"
        write_pdf(story, Path(laid_out), title, lang, name)
        data, fields = _with_signature_fields(Path(laid_out).read_bytes(), members,
                                              placements, lang)
    finally:
        Path(laid_out).unlink(missing_ok=True)
    _write_atomically(target, data)
    revisions = PdfFileReader(BytesIO(data), strict=False).xrefs.total_revisions
    return ExportRecord(language=lang, sha256=sha256(data), size=len(data),
                        revisions=revisions, fields=fields,
                        exported_at=dt.datetime.now().isoformat(timespec="seconds"))


def _with_signature_fields(data: bytes, members: list[dict[str, Any]],
                           placements: dict[int, _Placement], lang: str
                           ) -> tuple[bytes, dict[str, int]]:
    writer = IncrementalPdfFileWriter(BytesIO(data), strict=False)
    fields: dict[str, int] = {}
    for number, member in enumerate(members, start=1):
        placement = placements[int(member["id"])]
        name = field_name(number, member, lang)
        append_signature_field(writer, SigFieldSpec(
            sig_field_name=name, on_page=placement.page - 1,
            box=tuple(round(v, 2) for v in placement.box)))  # type: ignore[arg-type]
        fields[name] = int(member["id"])
    # Signing programs set "signatures exist, append only" with the first signature; set here,
    # the later revisions then change nothing but the fields they fill.
    acroform = writer.root["/AcroForm"]
    acroform["/SigFlags"] = generic.NumberObject(3)
    writer.update_container(acroform)
    output = BytesIO()
    writer.write(output)
    return output.getvalue(), fields


def _write_atomically(target: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(suffix=".pdf-new", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
