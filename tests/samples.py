"""Values of every declared kind, for tests that walk the declarations."""

from __future__ import annotations

from typing import Any

from wizard_steps.fields import Field
from wizard_steps.kinds import kind_of


def sample_value(declared: Field, variant: int = 0) -> Any:
    """A valid, non-empty value of the field's kind (variant changes it)."""
    return kind_of(declared).sample(variant)
