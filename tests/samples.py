"""Values of every declared kind, for tests that walk the declarations."""

from __future__ import annotations

from typing import Any

from wizard_steps.fields import Field, Kind


def sample_value(declared: Field, variant: int = 0) -> Any:
    """A valid, non-empty value of the field's kind (variant changes it)."""
    kind = declared.kind
    if kind in (Kind.TEXT, Kind.LONG_TEXT):
        texts = ["Coop <Alfa> & \"Beta\"", "Comun General de Fascia", "Spółdzielnia Łódź"]
        return texts[variant % len(texts)] + (" \n riga due" if kind is Kind.LONG_TEXT else "")
    if kind is Kind.EMAIL:
        return f"referente{variant}@example.org"
    if kind is Kind.PHONE:
        return f"+39 000 000 {variant:04d}"
    if kind is Kind.CHOICE:
        return declared.choices[variant % len(declared.choices)].key
    if kind is Kind.MULTI_CHOICE:
        return [c.key for c in declared.choices[: 1 + variant % len(declared.choices)]]
    if kind is Kind.YES_NO:
        return variant % 2 == 0
    if kind is Kind.DATE:
        return f"2027-0{1 + variant % 9}-1{variant % 10}"
    if kind is Kind.INTEGER:
        low = declared.minimum or 0
        return low + 3 + variant
    if kind is Kind.MONEY:
        return 123456 + variant  # 1.234,56 €
    if kind is Kind.FORECAST:
        return {"income": {"sales": {"2027": 100000 + variant}},
                "expenses": {"staff": {"2027": 50000, "2028": 60000 + variant}}}
    if kind is Kind.TIME:
        return f"{8 + variant}:30"
    if kind is Kind.MEMBER:
        return 1 + variant % 3
    if kind is Kind.MEMBERS:
        return [1, 1 + (1 + variant) % 3] if variant % 3 != 2 else [3]
    if kind is Kind.MEMBER_ROLES:
        return [{"member": 1 + variant % 3, "role": "formazione"}, {"member": 1 + (variant + 1) % 3,
                                                                   "role": "inserimento"}]
    if kind is Kind.PERSON:
        return {sub.key: sample_value(sub, variant) for sub in declared.row_fields}
    raise AssertionError(kind)
