"""The four papers of the founding assembly as PDFs, in the agreement's layout and font."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from desktop.core.agreement.articles import esc
from desktop.core.agreement.pdf import _styles, write_pdf
from desktop.core.assembly.facts import (
    agenda,
    assembly,
    assembly_decision_method,
    attendance,
    key_figures,
    members,
    quorate,
)
from desktop.core.errors import UserError
from i18n import N_, translator
from i18n.formats import long_date
from wizard_steps.assembly import STANDARD_AGENDA
from wizard_steps.governance import DECISION_METHODS

Gettext = Callable[[str], str]
LINE = "_" * 40


def _meeting(document: dict[str, Any], lang: str, _: Gettext) -> str:
    meeting = assembly(document)
    when = long_date(meeting.get("date", ""), lang) or "__________"
    if meeting.get("time"):
        when = _("{date} at {time}").format(date=when, time=meeting["time"])
    return _("{when}, at {place}").format(when=when,
                                          place=meeting.get("place") or "__________")


def _method(document: dict[str, Any], _: Gettext, unknown: str) -> str:
    """The assembly's decision method as the middle of a sentence reads it: "consensus"."""
    label = {c.key: _(c.label) for c in DECISION_METHODS}.get(
        assembly_decision_method(document), unknown)
    return label[:1].lower() + label[1:]


def _district(document: dict[str, Any]) -> str:
    return str(document.get("district", {}).get("name", ""))


def _header(document: dict[str, Any], title: str, styles: dict[str, Any]) -> list[Any]:
    return [Paragraph(esc(title), styles["title"]),
            Paragraph(f"“{esc(_district(document))}”", styles["name"])]


def _agenda(document: dict[str, Any], _: Gettext, styles: dict[str, Any]) -> list[Any]:
    return [Paragraph(esc(item), styles["item"], bulletText=f"{number}.")
            for number, item in enumerate(agenda(document, _), start=1)]


def invitation(document: dict[str, Any], lang: str, _: Gettext) -> list[Any]:
    styles = _styles()
    chair = assembly(document).get("chair", "")
    return [
        *_header(document, _("Invitation to the founding assembly"), styles),
        Paragraph(esc(_("To the legal representatives of the member organizations")),
                  styles["body"]),
        Paragraph(esc(_("The founding assembly of the Solidarity Economy District is convened "
                        "for {meeting}, with the following agenda:").format(
                            meeting=_meeting(document, lang, _))), styles["body"]),
        *_agenda(document, _, styles),
        Paragraph(esc(_("Each member attends through its legal representative or a delegate "
                        "with a written proxy. The draft agreement and its annexes are "
                        "enclosed.")), styles["body"]),
        Paragraph(esc(_("The assembly is validly constituted when more than half of the "
                        "members are present, in person or by proxy.")), styles["body"]),
        Spacer(1, 6 * mm),
        Paragraph(esc(_("Place and date")) + " " + LINE, styles["body"]),
        Spacer(1, 6 * mm),
        Paragraph(esc(_("The promoting committee")) + (f" – {esc(chair)}" if chair else ""),
                  styles["body"]),
    ]


def attendance_sheet(document: dict[str, Any], lang: str, _: Gettext) -> list[Any]:
    styles = _styles()
    story = [*_header(document, _("Attendance sheet of the founding assembly"), styles),
             Paragraph(esc(_meeting(document, lang, _)), styles["centre"])]
    for row in attendance(document):
        member = row.member
        story.append(KeepTogether([
            Paragraph(f"<b>{esc(member.get('name', ''))}</b>", styles["body"]),
            Paragraph(esc(_("Legal representative: {name}").format(
                name=member.get("legal_representative", "") or LINE)), styles["body"]),
            Paragraph(esc(_("Attending as delegate: {name}").format(name=LINE)),
                      styles["body"]),
            Spacer(1, 5 * mm),
            Paragraph(esc(_("Signature")) + " " + LINE, styles["body"]),
            Spacer(1, 4 * mm)]))
    return story


def _outcome(document: dict[str, Any], item: str, _: Gettext) -> str:
    """Approved for every item once the minutes are approved, except any other business,
    where nothing is put to the vote: its line stays for the secretary to fill in."""
    if not assembly(document).get("minutes_approved") or item == _(STANDARD_AGENDA[-1]):
        return _("Outcome: {line}").format(line=LINE)
    return _("Outcome: approved ({method}).").format(
        method=_method(document, _, _("as the agreement provides")))


def minutes(document: dict[str, Any], lang: str, _: Gettext) -> list[Any]:
    styles = _styles()
    meeting = assembly(document)
    rows = attendance(document)
    present = [row for row in rows if row.present]
    method = _method(document, _, "—")
    story = [
        *_header(document, _("Minutes of the founding assembly"), styles),
        Paragraph(esc(_("On {meeting}, the founding assembly met, chaired by {chair}; "
                        "{secretary} took the minutes.").format(
                            meeting=_meeting(document, lang, _),
                            chair=meeting.get("chair") or LINE,
                            secretary=meeting.get("secretary") or LINE)), styles["body"]),
        Paragraph(esc(_("Members present")), styles["heading"])]
    story += [Paragraph(esc(f"{row.member.get('name', '')} – {row.attendee}"), styles["item"],
                        bulletText="•") for row in present] or [
        Paragraph(esc(_("No member recorded as present.")), styles["body"])]
    story.append(Paragraph(esc(_(
        "The chair notes that {present} of the {total} members are present. {quorum} "
        "Decision method of the assembly: {method}."
    ).format(present=len(present), total=len(rows), method=method,
             quorum=_("The assembly is validly constituted and may decide.")
             if quorate(document) else _(
                 "The assembly is not validly constituted: more than half of the members "
                 "must be present."))), styles["body"]))
    coordinator, external = key_figures(document)
    story.append(Paragraph(esc(_("Agenda and decisions")), styles["heading"]))
    for number, item in enumerate(agenda(document, _), start=1):
        story.append(Paragraph(f"<b>{number}. {esc(item)}</b>", styles["body"]))
        story.append(Paragraph(esc(_outcome(document, item, _)), styles["body"]))
    story += [
        Paragraph(esc(_("Key roles appointed")), styles["heading"]),
        Paragraph(esc(_("Internal coordinator: {name}").format(name=coordinator or LINE)),
                  styles["body"]),
        Paragraph(esc(_("External contact person: {name}").format(name=external or LINE)),
                  styles["body"]),
        # The remarks, the closing formula and both signatures stay on one page.
        KeepTogether([
            Paragraph(esc(_("Remarks")), styles["heading"]),
            *[Paragraph(LINE * 2, styles["body"]) for _line in range(4)],
            Spacer(1, 4 * mm),
            Paragraph(esc(_("Read, approved and signed")), styles["body"]),
            Spacer(1, 4 * mm),
            Paragraph(esc(_("The chair")) + " " + LINE, styles["body"]),
            Spacer(1, 6 * mm),
            Paragraph(esc(_("The secretary")) + " " + LINE, styles["body"])]),
    ]
    return story


def _authorising_body(member: dict[str, Any], _: Gettext) -> str:
    if member.get("nature") == "public":
        return _("the competent body (Executive or Council)")
    return _("the Board of directors (or the governing body)")


def _public(member: dict[str, Any]) -> bool:
    return member.get("nature") == "public"


def _public_premises(document: dict[str, Any], member: dict[str, Any],
                     _: Gettext) -> list[str]:
    """What a public body's resolution also recites: the agreements between public
    administrations (only with another public member) and the opinions its rules require."""
    if not _public(member):
        return []
    premises = []
    if sum(_public(other) for other in members(document)) > 1:
        premises.append(_("having regard to article 15 of Law No. 241 of 7 August 1990 on "
                          "agreements between public administrations, whose paragraph 2-bis "
                          "requires them to be signed with a digital, advanced or qualified "
                          "electronic signature on pain of nullity, as far as it applies to "
                          "the relations with the other public members;"))
    premises.append(_("having obtained the opinions on technical and, where due, accounting "
                      "regularity that its rules require;"))
    return premises


def resolution(document: dict[str, Any], member: dict[str, Any], _: Gettext) -> list[Any]:
    """The template of the act by which a member authorises its representative to sign."""
    styles = _styles()
    role = member.get("legal_representative_role", "")
    who = member.get("legal_representative", "") or LINE
    name = member.get("name", "")
    premises = [
        _("Having examined the draft voluntary agreement for the establishment of the "
          "solidarity economy district named “{district}” and its annexes;").format(
              district=_district(document)),
        _("having regard to Provincial Law No. 13 of 17 June 2010 of the Autonomous Province "
          "of Trento on the solidarity economy, whose article 7 provides for solidarity economy "
          "districts, and to Provincial Council Resolution No. 1949 of 27 November 2020, which "
          "sets the essential requirements for establishing a district;"),
        *_public_premises(document, member, _),
        _("considering that taking part in the district serves the aims of {member};").format(
            member=name),
    ]
    return [
        Paragraph(esc(_("Authorising resolution (template)")), styles["title"]),
        Paragraph(f"<b>{esc(name)}</b>", styles["name"]),
        Paragraph(esc(_("Resolution of {body} no. {line} of {line}").format(
            body=_authorising_body(member, _), line="________")), styles["centre"]),
        Paragraph(esc(_("A template to be adapted to the statute and the rules of {member} "
                        "before it is adopted.").format(member=name)), styles["note"]),
        *[Paragraph(esc(premise), styles["body"]) for premise in premises],
        Paragraph(esc(_("resolves")), styles["heading"]),
        Paragraph(esc(_("to approve the voluntary agreement for the establishment of the "
                        "solidarity economy district named “{district}” and its annexes, "
                        "which form an integral part of this resolution;").format(
                            district=_district(document))), styles["item"], bulletText="1."),
        Paragraph(esc(_("to authorise {who}{role}, as legal representative, to sign it on "
                        "behalf of {member}, also with a qualified electronic signature, and "
                        "to carry out every act needed to implement it.").format(
                            who=who, role=f", {role}" if role else "",
                            member=name)), styles["item"], bulletText="2."),
        Spacer(1, 12 * mm),
        Paragraph(esc(_("Place and date")) + " " + LINE, styles["body"]),
        Spacer(1, 6 * mm),
        Paragraph(esc(_("The chair")) + " " + LINE, styles["body"]),
        Spacer(1, 6 * mm),
        Paragraph(esc(_("The secretary")) + " " + LINE, styles["body"]),
    ]


FILE_NAMES = {
    "it": ("convocazione", "foglio-presenze", "verbale", "delibera-autorizzazione"),
    "en": ("invitation", "attendance-sheet", "minutes", "authorising-resolution"),
}


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:40] or "member"


def export_assembly(document: dict[str, Any], lang: str,
                    folder: str | os.PathLike[str]) -> list[Path]:
    """Write the four documents (one resolution per member) into an existing folder."""
    target = Path(folder)
    if not target.is_dir():
        raise UserError(N_("The folder {path} does not exist."), path=target)
    if not members(document):
        raise UserError(N_("The district has no members yet: the assembly papers need them."))
    _ = translator(lang).gettext
    name = _district(document)
    invitation_name, sheet_name, minutes_name, resolution_name = FILE_NAMES[lang]
    papers: list[tuple[str, str, list[Any]]] = [
        (invitation_name, _("Invitation to the founding assembly"),
         invitation(document, lang, _)),
        (sheet_name, _("Attendance sheet of the founding assembly"),
         attendance_sheet(document, lang, _)),
        (minutes_name, _("Minutes of the founding assembly"), minutes(document, lang, _)),
    ]
    for number, member in enumerate(members(document), start=1):
        papers.append((f"{resolution_name}-{number:02d}-{_slug(member.get('name', ''))}",
                       _("Authorising resolution (template)"),
                       resolution(document, member, _)))
    return [write_pdf(story, target / f"{stem}.pdf", f"{title} – {name}", lang, name)
            for stem, title, story in papers]
