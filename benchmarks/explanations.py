"""Why a budget does not hold and what it would take, keyed by the start of its line."""

EXPLANATIONS: dict[str, str] = {}
