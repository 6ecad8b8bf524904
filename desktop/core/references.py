"""Where a member is named outside the member list: asked before a member is removed."""

from __future__ import annotations

from desktop.core.display import row_title
from desktop.core.district_file import MEMBER_TABLE, DistrictFile
from desktop.core.document import references
from i18n import _, current_language
from wizard_steps import STEPS
from wizard_steps.fields import Kind


def member_references(district: DistrictFile, member_id: int) -> list[str]:
    """Each place that names the member, as "Step › List › Row" in the current language."""
    places: list[str] = []
    answers = district.answers()
    members = district.member_names()
    for step in STEPS:
        for declared in step.fields:
            if declared.kind is Kind.TABLE:
                if declared.table == MEMBER_TABLE:
                    continue
                for row in district.rows(declared.key):
                    if any(member_id in references(f, row[f.key]) for f in declared.row_fields):
                        title = row_title(declared, row, members, _, current_language())
                        places.append(f"{_(step.title)} › {_(declared.label)} › {title}")
            elif member_id in references(declared, answers[declared.key]):
                places.append(f"{_(step.title)} › {_(declared.label)}")
    return places
