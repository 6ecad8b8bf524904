"""Readiness rules on the parties' identification and signature and on the agreement's own
term (A4-A8).

They live beside ``readiness`` and register themselves in its ``RULES`` when it is imported.
"""

from __future__ import annotations

from datetime import date

from desktop.core.readiness import Doc, Finding, Level, _filled, _members, finding, rule
from desktop.core.years.signed import signed_on
from i18n import N_
from wizard_steps import keys
from wizard_steps.identifiers import tax_code_is_valid, vat_number_is_valid

PARTY = keys("members.organizations", "name legal_form nature tax_code vat_number "
             "signing_authority signing_act_number signing_act_date")
TERMS = keys("district", "signature_method duration_years signing_date")
TERM_YEARS = keys("key_figures", "term_years")
OBJECTIVE = keys("objectives.objectives", "title deadline")


@rule("A4")
def codes_check(doc: Doc) -> list[Finding]:
    found = []
    for member in _members(doc):
        for key, is_valid in ((PARTY.tax_code, tax_code_is_valid),
                              (PARTY.vat_number, vat_number_is_valid)):
            value = member.get(key)
            if _filled(value) and not is_valid(value):
                found.append(finding(Level.BLOCKING, "members", N_(
                    "“{name}”: the tax code or VAT number “{code}” does not check. The "
                    "agreement identifies each party by its codes, so a wrong one cannot go "
                    "into the signed text. Copy it again from the organization's documents "
                    "in the step “Members”."),
                    {"name": member.get(PARTY.name, ""), "code": str(value).strip()}, key,
                    member.get("id")))
    return found


@rule("A5")
def public_authorising_acts(doc: Doc) -> list[Finding]:
    return [finding(Level.WARNING, "members", N_(
        "“{name}” is a public body: its representative signs only after an act that "
        "authorises it (for example a resolution of its executive board). Enter the kind of "
        "act, its number and its date for this member; they are printed among the parties "
        "and in the recitals."), {"name": member.get(PARTY.name, "")}, PARTY.signing_authority,
        member.get("id"))
        for member in _members(doc)
        if (member.get(PARTY.nature) == "public" or member.get(PARTY.legal_form) == "public_body")
        and not all(_filled(member.get(key)) for key in (
            PARTY.signing_authority, PARTY.signing_act_number, PARTY.signing_act_date))]


@rule("A6")
def digital_signature_with_public_parties(doc: Doc) -> list[Finding]:
    public = [m for m in _members(doc)
              if m.get(PARTY.nature) == "public" or m.get(PARTY.legal_form) == "public_body"]
    digital = doc.get("district", {}).get(TERMS.signature_method) == "qualified_electronic"
    return [] if digital or not public else [finding(Level.HINT, "district", N_(
        "A public body is among the parties: sign the agreement with a qualified electronic "
        "(digital) signature. Art. 15 c. 2-bis of Law 241/1990 asks public administrations to "
        "sign their agreements digitally, otherwise the agreement may be void for them. "
        "Choose it under “How the parties sign” in the step “District”."),
        field=TERMS.signature_method)]


def agreement_end(doc: Doc) -> date | None:
    """The day the agreement ends, counted from the planned signing date."""
    district = doc.get("district", {})
    years = district.get(TERMS.duration_years)
    try:
        start = date.fromisoformat(str(district.get(TERMS.signing_date) or ""))
    except ValueError:
        return None
    if not years:
        return None
    return start.replace(year=start.year + years, day=min(start.day, 28))


@rule("A7")
def within_the_agreement(doc: Doc) -> list[Finding]:
    end = agreement_end(doc)
    if end is None:
        return []
    found = []
    years = doc["district"][TERMS.duration_years]
    term = doc.get("key_figures", {}).get(TERM_YEARS.term_years)
    if term and term > years:
        found.append(finding(Level.WARNING, "key_figures", N_(
            "The key roles are appointed for {term} years, longer than the agreement "
            "({years} years): an appointment cannot outlast the agreement that makes it. "
            "Shorten the term or lengthen the agreement."),
            {"term": term, "years": years}, TERM_YEARS.term_years))
    for position, objective in enumerate(doc.get("objectives", {}).get("objectives", [])):
        deadline = str(objective.get(OBJECTIVE.deadline) or "")
        if deadline and deadline > end.isoformat():
            found.append(finding(Level.WARNING, "objectives", N_(
                "The deadline of the objective “{title}” falls after the end of the "
                "agreement. Bring it within the agreement's duration, or plan its renewal."),
                {"title": objective.get(OBJECTIVE.title, "")}, OBJECTIVE.deadline, position))
    return found


@rule("A8")
def signing_date_ahead(doc: Doc) -> list[Finding]:
    """A planned signing date already past would be printed on the agreement as it is; once
    the district is marked signed, the date is history and nothing is said."""
    try:
        planned = date.fromisoformat(str(doc.get("district", {}).get(TERMS.signing_date) or ""))
    except ValueError:
        return []
    if planned >= date.today() or signed_on(doc) is not None:
        return []
    return [finding(Level.WARNING, "district", N_(
        "The planned signing date has already passed, and the agreement would be printed with "
        "it. Set the day the parties will sign in the step “District”."),
        field=TERMS.signing_date)]
