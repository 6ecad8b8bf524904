"""Readiness rules on how the parties are identified in the agreement (A4, A5).

They live beside ``readiness`` and register themselves in its ``RULES`` when it is imported.
"""

from __future__ import annotations

from desktop.core.readiness import Doc, Finding, Level, _filled, _members, rule
from i18n import N_
from wizard_steps.identifiers import tax_code_is_valid, vat_number_is_valid


@rule("A4")
def codes_check(doc: Doc) -> list[Finding]:
    found = []
    for member in _members(doc):
        for key, is_valid in (("tax_code", tax_code_is_valid),
                              ("vat_number", vat_number_is_valid)):
            value = member.get(key)
            if _filled(value) and not is_valid(value):
                found.append(Finding("A4", Level.BLOCKING, "members", N_(
                    "“{name}”: the tax code or VAT number “{code}” does not check. The "
                    "agreement identifies each party by its codes, so a wrong one cannot go "
                    "into the signed text. Copy it again from the organization's documents "
                    "in the step “Members”."),
                    {"name": member.get("name", ""), "code": str(value).strip()}, key,
                    member.get("id")))
    return found


@rule("A5")
def public_authorising_acts(doc: Doc) -> list[Finding]:
    return [Finding("A5", Level.WARNING, "members", N_(
        "“{name}” is a public body: its representative signs only after an act that "
        "authorises it (for example a resolution of its executive board). Enter the kind of "
        "act, its number and its date for this member; they are printed among the parties "
        "and in the recitals."), {"name": member.get("name", "")}, "signing_authority",
        member.get("id"))
        for member in _members(doc)
        if (member.get("nature") == "public" or member.get("legal_form") == "public_body")
        and not all(_filled(member.get(key)) for key in (
            "signing_authority", "signing_act_number", "signing_act_date"))]


@rule("A6")
def digital_signature_with_public_parties(doc: Doc) -> list[Finding]:
    public = [m for m in _members(doc)
              if m.get("nature") == "public" or m.get("legal_form") == "public_body"]
    digital = doc.get("district", {}).get("signature_method") == "qualified_electronic"
    return [] if digital or not public else [Finding("A6", Level.HINT, "district", N_(
        "A public body is among the parties: sign the agreement with a qualified electronic "
        "(digital) signature. Art. 15 c. 2-bis of Law 241/1990 asks public administrations to "
        "sign their agreements digitally, otherwise the agreement may be void for them. "
        "Choose it under “How the parties sign” in the step “District”."),
        field="signature_method")]
