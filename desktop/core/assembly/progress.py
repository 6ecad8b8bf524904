"""From "ready to sign" to signed: the founding assembly's state and the authorising acts, as
findings of the readiness review (hints while the way is open, warnings for what is missing
once the assembly has been held). Kept apart from the rules of phase1-requirements.md, which
judge the agreement's text, not the steps after it."""

from __future__ import annotations

from typing import Any

from desktop.core.assembly.facts import assembly, members
from desktop.core.readiness import Finding, Level, findings
from i18n import N_
from wizard_steps import STEPS, keys

MEETING = keys("assembly", "date minutes_approved")
ACT = keys("members.organizations",
           "name signing_authority signing_act_number signing_act_date")


def _act_registered(member: dict[str, Any]) -> bool:
    """The act is the kind of act, its number and its date, as the step "Members" asks."""
    return all(str(member.get(key) or "").strip() for key in (
        ACT.signing_authority, ACT.signing_act_number, ACT.signing_act_date))


def assembly_findings(document: dict[str, Any]) -> list[Finding]:
    meeting = assembly(document)
    found: list[Finding] = []
    if not meeting.get(MEETING.date):
        found.append(Finding("P1", Level.HINT, "assembly", N_(
            "The founding assembly has no date yet. Set the place, date and time in the step "
            "“Founding assembly” and send the invitation to every member."), field=MEETING.date))
    elif not meeting.get(MEETING.minutes_approved):
        found.append(Finding("P1", Level.WARNING, "assembly", N_(
            "The minutes of the founding assembly are not marked as approved. After the "
            "meeting, record who attended and tick that the assembly approved the agreement."),
            field=MEETING.minutes_approved))
    for member in members(document):
        if not _act_registered(member):
            found.append(Finding("P2", Level.WARNING if meeting.get(MEETING.minutes_approved)
                                 else Level.HINT, "members", N_(
                "“{name}” has not registered the act that authorises its legal representative "
                "to sign. Print its resolution template, then enter the kind of act, its number "
                "and its date for this member in the step “Members”."),
                {"name": member.get(ACT.name, "")}, ACT.signing_authority, member.get("id")))
    return found


def review_findings(document: dict[str, Any]) -> list[Finding]:
    """What the Review and ``des-wizard check`` show: the readiness findings and the way to
    signing (P1, P2: hints and warnings, never blocking), most serious first, in the order
    of the steps."""
    order = {step.key: index for index, step in enumerate(STEPS)}
    found = findings(document) + assembly_findings(document)
    return sorted(found, key=lambda f: (f.level, order.get(f.step, len(order))))
