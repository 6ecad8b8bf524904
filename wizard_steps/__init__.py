"""The steps of the wizard, in the order the promoters take them."""

from wizard_steps import (
    assembly,
    clauses,
    district,
    financial_plan,
    governance,
    key_figures,
    links,
    local_roots,
    members,
    objectives,
    reporting,
    supply_chain,
)
from wizard_steps.fields import Field, Kind, Step

STEPS: tuple[Step, ...] = (
    district.STEP,
    members.STEP,
    objectives.STEP,
    governance.STEP,
    key_figures.STEP,
    supply_chain.STEP,
    financial_plan.STEP,
    reporting.STEP,
    local_roots.STEP,
    links.STEP,
    clauses.STEP,
    assembly.STEP,
)


def step(key: str) -> Step:
    for candidate in STEPS:
        if candidate.key == key:
            return candidate
    raise KeyError(key)


def scalar_fields() -> list[tuple[Step, Field]]:
    """Every field kept in the district's answer table (everything but tables of rows)."""
    return [(s, f) for s in STEPS for f in s.fields if f.kind is not Kind.TABLE]


def table_fields() -> list[tuple[Step, Field]]:
    return [(s, f) for s in STEPS for f in s.fields if f.kind is Kind.TABLE]


__all__ = ["STEPS", "Field", "Kind", "Step", "step", "scalar_fields", "table_fields"]
