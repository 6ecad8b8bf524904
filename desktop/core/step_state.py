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
    """Wrong values first; then a step still being filled in (answers missing, or nothing
    written yet) is "to do" whatever the review finds, so that a new district does not open
    on a column of red; then blocking findings, warnings, done."""
    scalars = tuple(f for f in step.fields if f.kind is not Kind.TABLE)
    tables = [f for f in step.fields if f.kind is Kind.TABLE]
    if problems_in(scalars, answers) or any(
            problems_in(table.row_fields, row) for table in tables
            for row in rows.get(table.key, [])):
        return StepState.PROBLEMS
    untouched = all(is_empty(f, answers.get(f.key)) for f in scalars) and not any(
        rows.get(table.key) for table in tables)
    complete = not untouched and not missing_in(scalars, answers) and not any(
        (table.required and not rows.get(table.key)) or any(
            missing_in(table.row_fields, row) for row in rows.get(table.key, []))
        for table in tables)
    if not complete:
        return StepState.INCOMPLETE
    if blocking:
        return StepState.PROBLEMS
    if warnings:
        return StepState.WARNINGS
    return StepState.DONE
