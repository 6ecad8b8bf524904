"""The example district shipped with the program: DES Fiemme e Fassa.

The district is a JSON document in ``resources/example/`` (validated against the published
schema by a test), read through ``from_document`` like any other document. Its texts are
Italian, as a Trentino group would write them. Names of the member organizations and the
district's aims are public facts. Everything else (addresses, tax codes, people, dates) is
invented, plainly marked "(esempio)", on example.org, and with phone numbers that cannot exist,
so that nothing can be taken for real data. In English the mark reads "(example)" and the
pre-filled indicators are in English, as a new district gets them in that language.
"""

from __future__ import annotations

import json
import os
from typing import Any

from desktop.core.agreement.finances import template_text
from desktop.core.district_file import DistrictFile
from desktop.core.document import from_document
from i18n import current_language
from resources import resource_path

EXAMPLE_FILE = resource_path("example", "fiemme-fassa.it.json")
EXAMPLE_MARK = "(esempio)"
MARKS = {"it": EXAMPLE_MARK, "en": "(example)"}

# Member ids of the example, for tests that rename, remove or change one member: Comun General
# de Fascia (a public body) and Cooperativa Oltre.
FASCIA, OLTRE = 1, 4


def _marked(value: Any, mark: str) -> Any:
    """The value with every "(esempio)" written as ``mark``, in every string it holds."""
    if isinstance(value, str):
        return value.replace(EXAMPLE_MARK, mark)
    if isinstance(value, list):
        return [_marked(item, mark) for item in value]
    if isinstance(value, dict):
        return {key: _marked(item, mark) for key, item in value.items()}
    return value


def example_document(lang: str = "it") -> dict[str, Any]:
    """The example district as a JSON document, its marks and indicators in ``lang``."""
    document = json.loads(EXAMPLE_FILE.read_text(encoding="utf-8"))
    if lang == "it":
        return document
    document = _marked(document, MARKS.get(lang, MARKS["en"]))
    for indicator in document.get("reporting", {}).get("indicators", []):
        indicator.update({key: template_text(value, lang) for key, value in indicator.items()
                          if isinstance(value, str)})
    for record in document.get("years", {}).values():  # the values name those indicators
        for value in record.get("indicator_values", []):
            value.update({key: template_text(value[key], lang)
                          for key in ("indicator", "collected_by", "source")})
    return document


def write_example(path: str | os.PathLike[str], lang: str | None = None) -> DistrictFile:
    """The example as a new district file, in ``lang`` (the interface language by default)."""
    return from_document(example_document(lang or current_language()), path)
