"""Lays the agreement out with reportlab platypus and writes it atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    LongTable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)

from desktop.core.agreement.archival import CREATOR, make_archival
from desktop.core.agreement.articles import ANNEXES, Article, Context, all_articles, esc, recitals
from desktop.core.agreement.chart import chart_drawing
from desktop.core.agreement.context import Chart, Subheading, Table
from desktop.core.agreement.legal import signature_method
from desktop.core.agreement.parties import defined_term, party_description
from desktop.core.readiness import blocking, ready_to_sign
from desktop.core.years.signed import as_signed
from i18n import translator
from resources import resource_path
from wizard_steps import keys

# The fields read here, checked against the declarations when this module is imported.
DISTRICT = keys("district", "name signing_place signing_date")
MEMBER = keys("members.organizations", "legal_representative legal_representative_role name")

FONT = "DejaVuSerif"


def _register_fonts() -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    fonts = resource_path("fonts")
    pdfmetrics.registerFont(TTFont(FONT, str(fonts / "DejaVuSerif.ttf")))
    pdfmetrics.registerFont(TTFont(f"{FONT}-Bold", str(fonts / "DejaVuSerif-Bold.ttf")))
    pdfmetrics.registerFont(TTFont(f"{FONT}-Italic", str(fonts / "DejaVuSerif-Italic.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=f"{FONT}-Bold",
                                  italic=f"{FONT}-Italic", boldItalic=f"{FONT}-Bold")


def _styles() -> dict[str, ParagraphStyle]:
    _register_fonts()  # paragraphs are parsed when made: the font must be known by then
    # Bullets and numbers too come from the embedded font (reportlab's default is Helvetica).
    body = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=14, spaceAfter=5,
                          bulletFontName=FONT)
    return {
        "body": body,
        "title": ParagraphStyle("title", parent=body, fontSize=15, leading=20,
                                alignment=TA_CENTER, spaceAfter=4, fontName=f"{FONT}-Bold"),
        "name": ParagraphStyle("name", parent=body, fontSize=14, leading=19,
                               alignment=TA_CENTER, spaceAfter=8),
        "centre": ParagraphStyle("centre", parent=body, alignment=TA_CENTER),
        "note": ParagraphStyle("note", parent=body, fontSize=8.5, leading=11,
                               fontName=f"{FONT}-Italic", textColor=colors.HexColor("#444444"),
                               alignment=TA_CENTER, spaceAfter=10),
        "heading": ParagraphStyle("heading", parent=body, fontName=f"{FONT}-Bold",
                                  fontSize=11, leading=15, spaceBefore=8, spaceAfter=4),
        "item": ParagraphStyle("item", parent=body, leftIndent=14, bulletIndent=2),
        "subitem": ParagraphStyle("subitem", parent=body, leftIndent=28, bulletIndent=18,
                                  spaceAfter=2),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8.5, leading=11, spaceAfter=0),
        "number": ParagraphStyle("number", parent=body, fontSize=8.5, leading=11, spaceAfter=0,
                                 alignment=TA_RIGHT),
        "subheading": ParagraphStyle("subheading", parent=body, fontName=f"{FONT}-Bold",
                                     spaceBefore=6, spaceAfter=3),
    }


class _FooterCanvas(Canvas):
    """Knows the page count before drawing the footer: "page N of M" needs both."""

    def __init__(self, *args: Any, footer: tuple[str, str], draft: str = "",
                 **kwargs: Any) -> None:
        # Every page starts in the embedded font: otherwise reportlab names Helvetica on each
        # page, an unembedded font that an archival PDF may not carry.
        kwargs["initialFontName"] = FONT
        super().__init__(*args, **kwargs)
        self._footer_name, self._page_pattern = footer
        self._draft = draft
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self.setFont(FONT, 8)
            self.setFillColor(colors.HexColor("#555555"))
            self.drawString(20 * mm, 12 * mm, self._footer_name[:90])
            self.drawRightString(A4[0] - 20 * mm, 12 * mm,
                                 self._page_pattern.format(page=number, pages=total))
            if self._draft:
                self._draw_draft_mark()
            super().showPage()
        super().save()

    def _draw_draft_mark(self) -> None:
        """A large, light mark across the page and a plain one at its head: on paper, a draft
        can never pass for the final agreement."""
        self.saveState()
        self.setFillColor(colors.Color(0.75, 0.1, 0.1, alpha=0.13))
        self.setFont(f"{FONT}-Bold", 96)
        self.translate(A4[0] / 2, A4[1] / 2)
        self.rotate(45)
        self.drawCentredString(0, -30, self._draft)
        self.restoreState()
        self.setFont(f"{FONT}-Bold", 9)
        self.setFillColor(colors.HexColor("#b00020"))
        self.drawRightString(A4[0] - 20 * mm, A4[1] - 10 * mm, self._draft)


def build_story(document: dict[str, Any], lang: str, draft: bool = True) -> list[Any]:
    _ = translator(lang).gettext
    ctx = Context(document, lang, _, translator(lang).ngettext)
    styles = _styles()
    district = ctx.district
    story: list[Any] = [
        Paragraph(esc(_("Voluntary agreement for the establishment of the Solidarity Economy "
                        "District")), styles["title"]),
        Paragraph(f"“{esc(district.get(DISTRICT.name, ''))}”", styles["name"]),
    ]
    place = district.get(DISTRICT.signing_place, "")
    date = ctx.date(district.get(DISTRICT.signing_date, ""))
    if place or date:
        story.append(Paragraph(esc(", ".join(p for p in (place, date) if p)), styles["centre"]))
    if draft:  # the final agreement carries no note that is not part of it
        story.append(Paragraph(esc(_(
            "This text is a template drawn up with DES Wizard from the answers of the "
            "promoters. The parties review it before signing; it is not legal advice.")),
            styles["note"]))

    story.append(Paragraph(esc(_("Between the parties")), styles["heading"]))
    story.extend(_parties(ctx, styles))
    story.append(Paragraph(esc(_("Whereas")), styles["heading"]))
    for recital in recitals(ctx):
        story.append(Paragraph(recital.text, styles["item"], bulletText="–"))
        story.extend(Paragraph(item, styles["subitem"], bulletText="·") for item in recital.items)
    story.append(Paragraph(esc(_("the parties agree as follows.")), styles["body"]))

    for number, article in enumerate(all_articles(ctx), start=1):
        heading = _("Article {number}. {title}").format(number=number, title=article.title)
        story.extend(_article_flowables(article, heading, styles))

    story.extend(_signatures(ctx, styles))

    for letter, builder in zip("ABCDEFGH", ANNEXES, strict=False):
        annex = builder(ctx)
        if annex is None:
            continue
        story.append(PageBreak())
        heading = _("Annex {letter}. {title}").format(letter=letter, title=annex.title)
        story.extend(_article_flowables(annex, heading, styles))
    return story


def _parties(ctx: Context, styles: dict[str, ParagraphStyle]) -> list[Any]:
    """One paragraph per party, never split across pages, then the defined term."""
    members = ctx.members
    items: list[Any] = []
    for number, member in enumerate(members, start=1):
        ending = ";" if number < len(members) else ""
        items.append(KeepTogether([Paragraph(party_description(ctx, member) + ending,
                                             styles["item"], bulletText=f"{number}.")]))
    items.append(Paragraph(esc(defined_term(ctx)), styles["body"]))
    return items


def _article_flowables(article: Article, heading: str, styles: dict[str, ParagraphStyle]
                       ) -> list[Any]:
    # The heading stays with the first paragraph, never alone at the foot of a page.
    items: list[Any] = [Paragraph(heading, styles["heading"])]
    paragraphs = [Paragraph(text, styles["body"]) for text in article.paragraphs]
    if paragraphs:
        items = [KeepTogether(items + paragraphs[:1]), *paragraphs[1:]]
    if article.table:
        table = _table(article.table, styles)
        items.extend(table if isinstance(table, list) else [table])
    for block in article.blocks:
        if isinstance(block, str):
            items.append(Paragraph(block, styles["body"]))
        elif isinstance(block, Subheading):
            items.append(Paragraph(block.text, styles["subheading"]))
        elif isinstance(block, Table):
            grid = _grid(block, styles)
            items.extend(grid if isinstance(grid, list) else [grid])
            items.append(Spacer(1, 3 * mm))
        elif isinstance(block, Chart):
            items.append(KeepTogether([chart_drawing(block, A4[0] - 40 * mm)]))
    return items


def _grid(block: Table, styles: dict[str, ParagraphStyle]) -> Any:
    width = A4[0] - 40 * mm
    cells = []
    for index, row in enumerate(block.rows):
        cells.append([Paragraph(esc(c) if index == 0 else c,
                                styles["number" if column in block.numeric and index else
                                       "cell"]) for column, c in enumerate(row)])
    widths = [width * w for w in block.widths]
    if not _rows_fit(cells, widths):
        return _as_paragraphs(block.rows, styles)
    table = LongTable(cells, colWidths=widths, repeatRows=1)
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#888888")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONT", (0, 0), (-1, -1), FONT),  # the cells' starting font, else Helvetica
    ]
    commands += [("BACKGROUND", (0, row), (-1, row), colors.HexColor("#eef2f7"))
                 for row in block.bold_rows]
    table.setStyle(TableStyle(commands))
    return table


# A table row can never break across pages: a row taller than this is laid out as paragraphs.
MAX_ROW_HEIGHT = A4[1] - 18 * mm - 22 * mm - 60


def _rows_fit(cells: list[list[Paragraph]], widths: list[float]) -> bool:
    return all(max(cell.wrap(w - 12, 10_000)[1] for cell, w in zip(row, widths, strict=True))
               < MAX_ROW_HEIGHT for row in cells)


def _as_paragraphs(rows: list[list[str]], styles: dict[str, ParagraphStyle]) -> list[Any]:
    """A table too tall for a page, told row by row: "Header: value" paragraphs that split."""
    header = rows[0]
    items: list[Any] = []
    for row in rows[1:]:
        for name, value in zip(header, row, strict=True):
            if value:
                items.append(Paragraph(f"<b>{esc(name)}:</b> {value}", styles["body"]))
        items.append(Spacer(1, 2 * mm))
    return items


def _table(rows: list[list[str]], styles: dict[str, ParagraphStyle]) -> Any:
    width = A4[0] - 40 * mm
    widths = [width * 0.36, width * 0.32, width * 0.32]
    cells = [[Paragraph(esc(c) if index == 0 else c, styles["cell"]) for c in row]
             for index, row in enumerate(rows)]
    if not _rows_fit(cells, widths):
        return _as_paragraphs(rows, styles)
    table = LongTable(cells, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#888888")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONT", (0, 0), (-1, -1), FONT),  # the cells' starting font, else Helvetica
    ]))
    return table


def _signature_block(ctx: Context, member: dict[str, Any],
                     styles: dict[str, ParagraphStyle]) -> KeepTogether:
    _ = ctx._
    representative = member.get(MEMBER.legal_representative, "") or "______________"
    role = member.get(MEMBER.legal_representative_role, "")
    who = esc(representative) + (f", {esc(role)}" if role else "")
    return KeepTogether([
        Paragraph(f"<b>{esc(member.get(MEMBER.name, ''))}</b>", styles["body"]),
        Paragraph(esc(_("For the organization: {who}")).format(who=who), styles["body"]),
        Spacer(1, 7 * mm),
        Paragraph(esc(_("Place and date")) + " " + "_" * 30, styles["body"]),
        Spacer(1, 7 * mm),
        Paragraph(esc(_("Signature")) + " " + "_" * 44, styles["body"]),
        Spacer(1, 6 * mm),
    ])


def _signatures(ctx: Context, styles: dict[str, ParagraphStyle]) -> list[Any]:
    """"Letto, approvato e sottoscritto", then one block per party: a place and a date line
    for each signatory by hand (the date is never printed in advance), or a note that the
    party signs digitally."""
    _ = ctx._
    digital = signature_method(ctx) == "qualified_electronic"
    items: list[Any] = [CondPageBreak(60 * mm),
                        Paragraph(esc(_("Read, approved and signed")), styles["heading"])]
    if digital:
        items.append(Paragraph(esc(_(
            "Signed with a qualified electronic signature under article 24 of Legislative "
            "Decree 82/2005; the date of each signature is the time recorded in it.")),
            styles["body"]))
    items.append(Spacer(1, 4 * mm))
    for member in ctx.members:
        items.append(_digital_signature_block(ctx, member, styles) if digital
                     else _signature_block(ctx, member, styles))
    return items


def _digital_signature_block(ctx: Context, member: dict[str, Any],
                             styles: dict[str, ParagraphStyle]) -> KeepTogether:
    _ = ctx._
    representative = member.get("legal_representative", "") or "______________"
    role = member.get("legal_representative_role", "")
    who = esc(representative) + (f", {esc(role)}" if role else "")
    signed = esc(_("signed digitally"))
    return KeepTogether([
        Paragraph(f"<b>{esc(member.get('name', ''))}</b>", styles["body"]),
        Paragraph(esc(_("For the organization: {who}")).format(who=who), styles["body"]),
        Paragraph(f"<i>{signed}</i>", styles["body"]),
        Spacer(1, 4 * mm),
    ])


def draft_page(document: dict[str, Any], lang: str) -> list[Any]:
    """The last page of a draft: what blocks the final agreement."""
    _ = translator(lang).gettext
    styles = _styles()
    found = blocking(document)
    if not found:
        return []
    story: list[Any] = [PageBreak(), Paragraph(esc(_("Why this agreement is a draft")),
                                               styles["heading"]),
                        Paragraph(esc(_("These requirements of the toolkit and of Resolution "
                                        "1949/2020 are not met yet. When they are, export the "
                                        "agreement again: the draft mark disappears.")),
                                  styles["body"]),
                        Paragraph(esc(_("A draft is not an archival PDF (PDF/A): the final "
                                        "agreement is.")), styles["body"])]
    for finding in found:
        story.append(Paragraph(f"<b>{finding.rule}</b> — {esc(finding.text(_))}",
                               styles["item"], bulletText="•"))
    return story


def write_pdf(story: list[Any], target: Path, title: str, lang: str, footer_name: str,
              draft: bool = False, subject: str = "") -> Path:
    """Lay out a story on A4 with the footer (and the draft mark); the target appears only
    when the whole PDF is written. Anything but a draft is written as PDF/A-2b."""
    _register_fonts()
    _ = translator(lang).gettext
    handle, temporary = tempfile.mkstemp(suffix=".pdf-new", dir=target.parent)
    os.close(handle)
    try:
        pdf = SimpleDocTemplate(
            temporary, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
            topMargin=18 * mm, bottomMargin=22 * mm, title=title, author=footer_name,
            subject=subject, creator=CREATOR, lang=lang, initialFontName=FONT)
        pattern = _("page {page} of {pages}")
        mark = _("DRAFT") if draft else ""
        pdf.build(story, canvasmaker=lambda *a, **k: _FooterCanvas(
            *a, footer=(footer_name, pattern), draft=mark, **k))
        if not draft:
            make_archival(Path(temporary), title, footer_name, subject, lang)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def export_agreement(document: dict[str, Any], lang: str, out: str | os.PathLike[str]) -> Path:
    """Write the agreement; while a blocking rule fails it is a draft, marked on every page.
    A signed district's agreement is the one signed: members admitted later are not parties."""
    document = as_signed(document)
    _register_fonts()
    _ = translator(lang).gettext
    name = document.get("district", {}).get(DISTRICT.name, "")
    draft = not ready_to_sign(document)
    story = build_story(document, lang, draft) + (draft_page(document, lang) if draft else [])
    title = _("Voluntary agreement for the establishment of the Solidarity Economy "
              "District") + f" “{name}”"
    subject = _("Voluntary agreement among the members of a Solidarity Economy District, under "
                "Provincial Law 13/2010 and Resolution 1949/2020 of the Autonomous Province of "
                "Trento")
    return write_pdf(story, Path(out), title, lang, name, draft, subject)
