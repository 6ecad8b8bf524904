"""A district in a few figures, to tell two versions of it apart (the restore preview)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.core.district_file.file import DistrictFile
from wizard_steps import STEPS
from wizard_steps.fields import Kind, empty_value


@dataclass(frozen=True)
class Summary:
    name: str
    members: int
    steps_filled: int
    attachments: int


def summarise(district: DistrictFile) -> Summary:
    answers = district.answers()
    filled = 0
    for step in STEPS:
        for declared in step.fields:
            if declared.kind is Kind.TABLE:
                has_value = bool(district.rows(declared.key))
            else:
                has_value = answers.get(declared.key, empty_value(declared)) not in (
                    empty_value(declared), "", None)
            if has_value:
                filled += 1
                break
    return Summary(name=str(answers.get("name") or ""),
                   members=len(district.rows("organizations")), steps_filled=filled,
                   attachments=len(district.attachments()))


def summarise_file(path: Path) -> Summary:
    district = DistrictFile.open(path, read_only=True)
    try:
        return summarise(district)
    finally:
        district.close()
