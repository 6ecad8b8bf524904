"""The district as a JSON document, built once per revision of the file.

The step list, the Review and the financial plan's chart each want the whole document after an
edit; with a thousand members building it takes a quarter of a second, so they share one
until the next write. The document returned is shared: read it, never change it.
"""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from desktop.core.district_file import DistrictFile
from desktop.core.document import to_document

_built: WeakKeyDictionary[DistrictFile, tuple[int, dict[str, Any]]] = WeakKeyDictionary()


def current_document(district: DistrictFile) -> dict[str, Any]:
    kept = _built.get(district)
    if kept is None or kept[0] != district.revision:
        kept = (district.revision, to_document(district))
        _built[district] = kept
    return kept[1]
