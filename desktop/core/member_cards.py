"""Member cards: a fillable PDF form (AcroForm) per member, in the member's language, that the
member fills in with any free PDF reader and sends back (read back by ``card_reading``).

The form's fields are the member fields declared in the Members step; each carries the
member's current value. A hidden field holds the card id (district id, member id, language),
so that a returned card finds its member. The page text is DejaVu Serif, embedded; the form
fields use Helvetica, the only fonts AcroForm fields may name, and their values are written
by pypdf with NeedAppearances set, so readers draw every letter with their own font.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pypdf import PdfReader, PdfWriter
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer
from reportlab.platypus.flowables import KeepTogether

from desktop.core.agreement.pdf import FONT, _register_fonts
from desktop.core.district_file import DistrictFile
from i18n import N_, translator
from wizard_steps import step
from wizard_steps.fields import Field, Kind

MEMBERS = step("members").field("organizations")
CARD_ID_FIELD = "des_card_id"
CARD_ID_PREFIX = "des-member-card"
FIELD_PREFIX = "member."
NO_CHOICE = "-"  # the "-" entry of a choice list: nothing chosen
WIDTH = A4[0] - 40 * mm
Gettext = Callable[[str], str]

# Why each item is asked, keyed on the member field; a field not listed shows its own help.
WHY: dict[str, str] = {
    "name": N_("The agreement names each member exactly as registered."),
    "legal_form": N_("The agreement states each party's legal form; the resolution asks for "
                     "members of different legal forms."),
    "nature": N_("Public, private for-profit or non-profit: the district needs a mix, and fees "
                 "paid by public members count as public money in the financial plan."),
    "registered_sea": N_("At least one member must be registered with the solidarity economy "
                         "regulations of the Province."),
    "tax_code": N_("It identifies the organization in the agreement and with the Province."),
    "vat_number": N_("It identifies the organization in the agreement and with the Province."),
    "registered_office": N_("The agreement states each party's registered office."),
    "legal_representative": N_("The person who signs the agreement for the organization."),
    "legal_representative_role": N_("Printed beside the signature."),
    "signing_authority": N_("The act that allows the representative to sign (a board "
                            "resolution, the articles of association)."),
    "stages": N_("The stages of the supply chain where the organization works."),
    "commitment": N_("Written into the agreement as the member's contribution."),
    "staff_people": N_("The toolkit warns that a district without human resources stalls."),
    "staff_hours_month": N_("The toolkit warns that a district without human resources stalls."),
    "contact_person": N_("The person who represents the organization in the district and "
                         "receives its notices."),
    "substitute": N_("Stands in when the contact person is unavailable."),
}

PRIVACY = N_(
    "Privacy notice for the contact persons (art. 13 of Regulation (EU) 2016/679). The "
    "promoters of {district} process the names, email addresses and phone numbers written on "
    "this card only to organise the district: notices of meetings and communications among the "
    "members, on the basis of the agreement the organization signs. The data are kept in the "
    "district's file while the organization is a member, are shared only with the other "
    "members and are not passed on to anyone else. Each person may ask the promoters to see, "
    "correct or delete their data, and may complain to the Italian data protection authority "
    "(Garante per la protezione dei dati personali). The organization passes this notice on to "
    "the persons it names.")


def card_id(district_id: str, member_id: int | None, lang: str) -> str:
    return f"{CARD_ID_PREFIX}:{district_id}:{member_id if member_id else 'new'}:{lang}"


def parse_card_id(text: str) -> tuple[str, int | None, str] | None:
    """(district id, member id or None for a blank card, language), or None."""
    match = re.search(rf"{CARD_ID_PREFIX}:(\w+):(\d+|new):([a-z]{{2}})\b", text)
    if match is None:
        return None
    member = match.group(2)
    return match.group(1), (int(member) if member != "new" else None), match.group(3)


def card_fields() -> list[tuple[str, Field]]:
    """(key, field) for every value a card asks; person parts as "person.part"."""
    found: list[tuple[str, Field]] = []
    for declared in MEMBERS.row_fields:
        if declared.kind is Kind.PERSON:
            found += [(f"{declared.key}.{sub.key}", sub) for sub in declared.row_fields]
        else:
            found.append((declared.key, declared))
    return found


def form_values(member: dict[str, Any]) -> dict[str, str]:
    """The PDF field values of a member's current data (text, choice key, /Yes or /Off)."""
    values: dict[str, str] = {}
    for key, declared in card_fields():
        head, _, sub = key.partition(".")
        value = member.get(head)
        if sub:
            value = (value or {}).get(sub)
        name = FIELD_PREFIX + key
        if declared.kind is Kind.YES_NO:
            values[name] = "/Yes" if value else "/Off"
        elif declared.kind is Kind.MULTI_CHOICE:
            for choice in declared.choices:
                values[f"{name}.{choice.key}"] = "/Yes" if choice.key in (value or []) \
                    else "/Off"
        elif value not in (None, ""):
            values[name] = str(value)
    return values


class FormField(Flowable):
    """One AcroForm widget in the flow of the page (drawn where platypus places it)."""

    def __init__(self, name: str, declared: Field, gettext: Gettext, label: str = "") -> None:
        super().__init__()
        self.name = name
        self.declared = declared
        self.gettext = gettext
        self.label = label
        kind = declared.kind
        self.height = 48 if kind is Kind.LONG_TEXT else 14 if kind in (
            Kind.YES_NO, Kind.MULTI_CHOICE) else 18
        if kind is Kind.MULTI_CHOICE:
            self.height = 16 * len(declared.choices)
        self.width = WIDTH

    def wrap(self, _available_width: float, _available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        form = self.canv.acroForm
        tooltip = self.label or self.gettext(self.declared.label)
        common: dict[str, Any] = {"relative": True, "borderColor": colors.HexColor("#7a7a7a"),
                                  "fillColor": colors.HexColor("#eef3fb"), "borderWidth": 0.6}
        kind = self.declared.kind
        if kind is Kind.CHOICE:
            options = [("-", NO_CHOICE)] + [(self.gettext(c.label), c.key)
                                            for c in self.declared.choices]
            form.choice(name=self.name, tooltip=tooltip, value="-", options=options, x=0, y=0,
                        width=WIDTH * 0.6, height=self.height, fontName="Helvetica",
                        fontSize=10, **common)
        elif kind is Kind.YES_NO:
            self._checkbox(self.name, tooltip, self.gettext("Yes"), 0, common)
        elif kind is Kind.MULTI_CHOICE:
            for index, choice in enumerate(self.declared.choices):
                self._checkbox(f"{self.name}.{choice.key}", self.gettext(choice.label),
                               self.gettext(choice.label), self.height - 16 * (index + 1),
                               common)
        else:
            form.textfield(name=self.name, tooltip=tooltip, value="", x=0, y=0, width=WIDTH,
                           height=self.height, fontName="Helvetica", fontSize=10, maxlen=2000,
                           fieldFlags="multiline" if kind is Kind.LONG_TEXT else "", **common)

    def _checkbox(self, name: str, tooltip: str, caption: str, y: float,
                  common: dict[str, Any]) -> None:
        self.canv.acroForm.checkbox(name=name, tooltip=tooltip, checked=False, x=0, y=y,
                                    size=12, fieldFlags="", buttonStyle="check", **common)
        self.canv.setFont(FONT, 10)
        self.canv.setFillColor(colors.black)
        self.canv.drawString(18, y + 2, caption)


class HiddenCardId(Flowable):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def wrap(self, _available_width: float, _available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.acroForm.textfield(name=CARD_ID_FIELD, value=self.text, x=0, y=0, width=1,
                                     height=1, relative=True, annotationFlags="hidden",
                                     fieldFlags="readOnly", maxlen=200)


def _styles() -> dict[str, ParagraphStyle]:
    _register_fonts()
    body = ParagraphStyle("card-body", fontName=FONT, fontSize=10, leading=13, spaceAfter=4)
    return {
        "body": body,
        "title": ParagraphStyle("card-title", parent=body, fontName=f"{FONT}-Bold",
                                fontSize=16, leading=21, spaceAfter=2),
        "district": ParagraphStyle("card-district", parent=body, fontSize=12, leading=16,
                                   spaceAfter=8),
        "heading": ParagraphStyle("card-heading", parent=body, fontName=f"{FONT}-Bold",
                                  fontSize=12, leading=16, spaceBefore=8),
        "label": ParagraphStyle("card-label", parent=body, fontName=f"{FONT}-Bold",
                                spaceBefore=6, spaceAfter=0),
        "why": ParagraphStyle("card-why", parent=body, fontName=f"{FONT}-Italic", fontSize=8.5,
                              leading=11, textColor=colors.HexColor("#444444"), spaceAfter=3),
        "privacy": ParagraphStyle("card-privacy", parent=body, fontSize=8.5, leading=11,
                                  spaceBefore=10),
    }


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _field_block(declared: Field, name: str, gettext: Gettext, styles: dict[str, ParagraphStyle],
                 why: str) -> KeepTogether:
    label = gettext(declared.label) + (" *" if declared.required else "")
    parts: list[Flowable] = [Paragraph(_esc(label), styles["label"])]
    if why:
        parts.append(Paragraph(_esc(gettext(why)), styles["why"]))
    parts.append(FormField(name, declared, gettext, label))
    return KeepTogether(parts)


def _story(district_name: str, member_name: str, identity: str, gettext: Gettext) -> list[Any]:
    styles = _styles()
    story: list[Any] = [
        Paragraph(_esc(gettext("Member card")), styles["title"]),
        Paragraph(_esc(district_name), styles["district"]),
        Paragraph(_esc(gettext(
            "The promoters of {district} are preparing the agreement that establishes the "
            "district. Please check the data of your organization below, complete what is "
            "missing, save the file and send it back to them. Items marked * are required; "
            "under each item you find why it is asked.").format(district=district_name)),
            styles["body"]),
    ]
    if member_name:
        story.append(Paragraph(_esc(gettext("Card of: {name}").format(name=member_name)),
                               styles["body"]))
    story.append(HiddenCardId(identity))
    for declared in MEMBERS.row_fields:
        why = WHY.get(declared.key, declared.help)
        if declared.kind is not Kind.PERSON:
            story.append(_field_block(declared, FIELD_PREFIX + declared.key, gettext, styles,
                                      why))
            continue
        story.append(Paragraph(_esc(gettext(declared.label)), styles["heading"]))
        story.append(Paragraph(_esc(gettext(why)), styles["why"]))
        for sub in declared.row_fields:
            story.append(_field_block(sub, f"{FIELD_PREFIX}{declared.key}.{sub.key}", gettext,
                                      styles, ""))
    story.append(Spacer(1, 6))
    story.append(Paragraph(_esc(gettext(PRIVACY).format(district=district_name)),
                           styles["privacy"]))
    return story


def card_pdf(district: DistrictFile, member_id: int | None, lang: str) -> bytes:
    """The card of a member (or a blank card when ``member_id`` is None), as PDF bytes."""
    gettext = translator(lang).gettext
    member = district.row(MEMBERS.key, member_id) if member_id else {}
    district_name = str(district.answer("name") or "") or gettext("the district")
    identity = card_id(district.district_id(), member_id, lang)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                                 topMargin=18 * mm, bottomMargin=18 * mm,
                                 title=gettext("Member card"), subject=identity,
                                 author=district_name, keywords=identity)
    def footer(canvas: Any, _document: Any) -> None:
        # The id is printed too, so that a card flattened by "print to PDF" is still known.
        canvas.saveState()
        canvas.setFont(FONT, 6.5)
        canvas.setFillColor(colors.HexColor("#777777"))
        canvas.drawString(20 * mm, 10 * mm, identity)
        canvas.drawRightString(A4[0] - 20 * mm, 10 * mm, str(canvas.getPageNumber()))
        canvas.restoreState()

    document.build(_story(district_name, str(member.get("name") or ""), identity, gettext),
                   onFirstPage=footer, onLaterPages=footer)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(buffer.getvalue())))
    values = form_values(member)
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=True)
    writer.set_need_appearances_writer(True)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def card_file_name(member_name: str, member_id: int | None, lang: str) -> str:
    stem = re.sub(r"[^\w]+", "-", member_name, flags=re.UNICODE).strip("-")[:60]
    prefix = "scheda" if lang == "it" else "card"
    return f"{prefix}-{member_id}-{stem}.pdf" if member_id else f"{prefix}-new.pdf"


def write_cards(district: DistrictFile, lang: str, folder: str | os.PathLike[str],
                member_ids: list[int] | None = None, blank: bool = True) -> list[Path]:
    """A card per member (all by default) and a blank one, written into ``folder``; each file
    is written under a temporary name and renamed into place."""
    target = Path(folder)
    names = district.member_names()
    wanted: list[int | None] = list(names if member_ids is None else member_ids)
    if blank:
        wanted.append(None)
    written: list[Path] = []
    for member_id in wanted:
        path = target / card_file_name(names.get(member_id or 0, ""), member_id, lang)
        handle, temporary = tempfile.mkstemp(suffix=".pdf-new", dir=target)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(card_pdf(district, member_id, lang))
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        written.append(path)
    return written
