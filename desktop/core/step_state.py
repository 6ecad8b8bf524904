"""Whether a step is done, still to do, or has problems: judged from the saved answers."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from wizard_steps.fields import Field, Kind, Step, is_empty, is_visible, problems_of


class StepState(StrEnum):
    INCOMPLETE = "incomplete"  # required answers still missing
    DONE = "done"
    WARNINGS = "warnings"  # readiness warnings the group has not accepted
    PROBLEMS = "problems"  # a wrong value, or a blocking readiness rule


def missing_in(fields: tuple[Field, ...], values: dict[str, Any]) -> list[Field]:
    """Required fields (and required parts of a person) that are still empty."""
    missing: list[Field] = []
    for declared in fields:
        if not is_visible(declared, values):
            continue
        value = values.get(declared.key)
        if declared.kind is Kind.PERSON:
            if declared.required:
                missing.extend(sub for sub in declared.row_fields
                               if sub.required and is_empty(sub, (value or {}).get(sub.key)))
        elif declared.required and is_empty(declared, value):
            missing.append(declared)
    return missing


def problems_in(fields: tuple[Field, ...], values: dict[str, Any]) -> list[str]:
    found: list[str] = []
    for declared in fields:
        if is_visible(declared, values):
            found.extend(problems_of(declared, values.get(declared.key)))
    return found


def step_state(step: Step, answers: dict[str, Any], rows: dict[str, list[dict[str, Any]]],
               blocking: int = 0, warnings: int = 0) -> StepState:
    """Wrong values and blocking findings first, then warnings, then what is still empty."""
    complete = True
    scalars = tuple(f for f in step.fields if f.kind is not Kind.TABLE)
    if problems_in(scalars, answers):
        return StepState.PROBLEMS
    complete = not missing_in(scalars, answers)
    for table in (f for f in step.fields if f.kind is Kind.TABLE):
        table_rows = rows.get(table.key, [])
        if any(problems_in(table.row_fields, row) for row in table_rows):
            return StepState.PROBLEMS
        if (table.required and not table_rows) or any(
                missing_in(table.row_fields, row) for row in table_rows):
            complete = False
    if blocking:
        return StepState.PROBLEMS
    if warnings:
        return StepState.WARNINGS
    return StepState.DONE if complete else StepState.INCOMPLETE
