"""The example district as it stands at "Ready to sign": the agreement is complete, but the
founding assembly has not met yet and no member has registered its authorising act. The
shipped example has gone past that point (assembly held on 19 February 2027, acts registered,
signed on 15 March); tests that walk the way from "Ready to sign" start from this state."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.core.document import from_document
from desktop.core.example import example_document
from wizard_steps import keys

MEETING = keys("assembly", "date time attendance minutes_approved")
ACT = keys("members.organizations", "signing_authority signing_act_number signing_act_date")


def before_the_assembly(document: dict[str, Any]) -> dict[str, Any]:
    """``document`` with the assembly not yet held (its place, chair and secretary, planned
    beforehand, are kept) and every member's authorising act cleared."""
    meeting = document.setdefault("assembly", {})
    meeting.update({MEETING.date: "", MEETING.time: "", MEETING.attendance: [],
                    MEETING.minutes_approved: None})
    for member in document.get("members", {}).get("organizations", []):
        member.update({ACT.signing_authority: "", ACT.signing_act_number: "",
                       ACT.signing_act_date: ""})
    return document


def example_before_the_assembly(lang: str = "it") -> dict[str, Any]:
    return before_the_assembly(example_document(lang))


def write_example_before_the_assembly(path: Path, lang: str = "it") -> Path:
    """The example at "Ready to sign" as a district file at ``path``."""
    from_document(example_before_the_assembly(lang), path).close()
    return path
