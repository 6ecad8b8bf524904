"""The district as a JSON document, and its readiness findings, made once per revision.

The step list, the Review and the financial plan's chart each want the whole document after an
edit; with a thousand members building it takes a quarter of a second, so they share one
until the next write. The step list and the Review likewise share the findings judged on it
(a tenth of a second more with a thousand members). What is returned is shared: read it,
never change it.
"""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from desktop.core.district_file import DistrictFile
from desktop.core.document import to_document
from desktop.core.readiness import Finding, findings

_built: WeakKeyDictionary[DistrictFile, tuple[int, dict[str, Any]]] = WeakKeyDictionary()
_judged: WeakKeyDictionary[DistrictFile, tuple[int, list[Finding]]] = WeakKeyDictionary()


def current_document(district: DistrictFile) -> dict[str, Any]:
    kept = _built.get(district)
    if kept is None or kept[0] != district.revision:
        kept = (district.revision, to_document(district))
        _built[district] = kept
    return kept[1]


def current_findings(district: DistrictFile) -> list[Finding]:
    """The readiness findings of :func:`current_document` (they depend on it alone)."""
    kept = _judged.get(district)
    if kept is None or kept[0] != district.revision:
        kept = (district.revision, findings(current_document(district)))
        _judged[district] = kept
    return kept[1]
