"""What the assembly documents say, read from the JSON document: the meeting, the agenda,
who attended, whether the assembly was quorate, and who was appointed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wizard_steps import keys
from wizard_steps.assembly import STANDARD_AGENDA

MEETING = keys("assembly", "agenda attendance")
ATTENDEE = keys("assembly.attendance", "member attendee delegate present")
PARTY = keys("members.organizations", "legal_representative")

Gettext = Callable[[str], str]


def assembly(document: dict[str, Any]) -> dict[str, Any]:
    return dict(document.get("assembly") or {})


def members(document: dict[str, Any]) -> list[dict[str, Any]]:
    return list(document.get("members", {}).get("organizations", []))


def agenda(document: dict[str, Any], _: Gettext) -> list[str]:
    """The typed agenda, one item a line, or the standard one in the document's language."""
    typed_text = assembly(document).get(MEETING.agenda) or ""
    typed = [line.strip(" -•\t") for line in typed_text.splitlines()]
    return [item for item in typed if item] or [_(item) for item in STANDARD_AGENDA]


@dataclass(frozen=True)
class Attendance:
    member: dict[str, Any]
    present: bool
    attendee: str  # the person who attended (representative or delegate), "" if absent


def attendance(document: dict[str, Any]) -> list[Attendance]:
    """Every member, present or absent as recorded (a member not recorded is absent)."""
    rows = {row.get(ATTENDEE.member): row
            for row in assembly(document).get(MEETING.attendance) or []}
    result = []
    for member in members(document):
        row = rows.get(member.get("id")) or {}
        present = bool(row.get(ATTENDEE.present))
        who = (row.get(ATTENDEE.delegate) if row.get(ATTENDEE.attendee) == "delegate"
               else member.get(PARTY.legal_representative, "")) or ""
        result.append(Attendance(member, present, who if present else ""))
    return result


def assembly_decision_method(document: dict[str, Any]) -> str:
    """The decision method of the members' assembly, as declared among the bodies."""
    for body in document.get("governance", {}).get("bodies") or []:
        if body.get("kind") == "assembly":
            return str(body.get("decision_method") or "")
    return ""


def quorate(document: dict[str, Any]) -> bool:
    """More than half of the members present: the assembly can decide."""
    rows = attendance(document)
    return bool(rows) and 2 * sum(1 for row in rows if row.present) > len(rows)


def person(value: dict[str, Any] | None) -> str:
    value = value or {}
    return " ".join(part for part in (value.get("name", ""), value.get("surname", "")) if part)


def key_figures(document: dict[str, Any]) -> tuple[str, str]:
    """The coordinator and the external contact person the assembly appoints."""
    figures = document.get("key_figures", {})
    coordinator = person(figures.get("coordinator"))
    external = coordinator if figures.get("same_person") else person(
        figures.get("external_contact"))
    return coordinator, external
