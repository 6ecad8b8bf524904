"""The steps of the wizard, in the order the promoters take them."""

from types import SimpleNamespace

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


def keys(path: str, names: str) -> SimpleNamespace:
    """Declared field keys as attributes, for code that reads values by key (the readiness
    rules, the agreement): ``MEMBER = keys("members.organizations", "name nature")`` gives
    ``MEMBER.nature == "nature"``. ``path`` is a step, then a table or a person inside it;
    a name that is not declared there raises ``KeyError`` on import of the module naming it."""
    step_key, *inside = path.split(".")
    fields = step(step_key).fields
    for key in inside:
        found = [f for f in fields if f.key == key and f.row_fields]
        if not found:
            raise KeyError(f"{path}: {key} is not a table or a person")
        fields = found[0].row_fields
    declared = {f.key for f in fields}
    unknown = [name for name in names.split() if name not in declared]
    if unknown:
        raise KeyError(f"{path} declares no field {', '.join(unknown)}")
    return SimpleNamespace(**{name: name for name in names.split()})


def scalar_fields() -> list[tuple[Step, Field]]:
    """Every field kept in the district's answer table (everything but tables of rows)."""
    return [(s, f) for s in STEPS for f in s.fields if f.kind is not Kind.TABLE]


def table_fields() -> list[tuple[Step, Field]]:
    return [(s, f) for s in STEPS for f in s.fields if f.kind is Kind.TABLE]


__all__ = ["STEPS", "Field", "Kind", "Step", "keys", "step", "scalar_fields", "table_fields"]
