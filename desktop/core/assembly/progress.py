"""From "ready to sign" to signed: the founding assembly's state and the authorising acts, as
findings of the readiness review (hints while the way is open, warnings for what is missing
once the assembly has been held). Kept apart from the rules of phase1-requirements.md, which
judge the agreement's text, not the steps after it."""

from __future__ import annotations

from typing import Any

from desktop.core.assembly.facts import assembly, members
from desktop.core.readiness import Finding, Level
from i18n import N_


def _authorising_act(member: dict[str, Any]) -> str:
    # "signing_authority" today; a structured act (body, number, date) may replace it.
    act = member.get("signing_authority") or member.get("authorising_act") or ""
    if isinstance(act, dict):
        return " ".join(str(v) for v in act.values() if v)
    return str(act).strip()


def assembly_findings(document: dict[str, Any]) -> list[Finding]:
    meeting = assembly(document)
    found: list[Finding] = []
    if not meeting.get("date"):
        found.append(Finding("P1", Level.HINT, "assembly", N_(
            "The founding assembly has no date yet. Set the place, date and time in the step "
            "“Founding assembly” and send the invitation to every member."), field="date"))
    elif not meeting.get("minutes_approved"):
        found.append(Finding("P1", Level.WARNING, "assembly", N_(
            "The minutes of the founding assembly are not marked as approved. After the "
            "meeting, record who attended and tick that the assembly approved the agreement."),
            field="minutes_approved"))
    for member in members(document):
        if not _authorising_act(member):
            found.append(Finding("P2", Level.WARNING if meeting.get("minutes_approved")
                                 else Level.HINT, "members", N_(
                "“{name}” has not registered the act that authorises its legal representative "
                "to sign. Print its resolution template, and type the act's number and date "
                "in the member's “Act that authorises the signature”."),
                {"name": member.get("name", "")}, "signing_authority", member.get("id")))
    return found
