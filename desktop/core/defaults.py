"""What a new district starts with."""

from __future__ import annotations

import os
import re
from pathlib import Path

from desktop.core.district_file import DistrictFile
from i18n import _
from wizard_steps.reporting import starting_indicators


def start_district(path: str | os.PathLike[str]) -> DistrictFile:
    """A new district file with what the toolkit always asks for already in place: the
    members' assembly among the bodies, and the indicators of its reporting template (in the
    language of the window; each can be changed or removed)."""
    district = DistrictFile.create(path)
    district.set_answer("name", name_from_file(path))
    district.add_row("bodies", {"kind": "assembly"})
    for indicator in starting_indicators(_):
        district.add_row("indicators", indicator)
    district.set_answer("forecast_years", 3)
    return district


def name_from_file(path: str | os.PathLike[str]) -> str:
    """The district's name as the file suggests it: "DES Val di Non.des" gives "DES Val di
    Non", "des_val-di-non.des" gives "Des val di non"; the group can change it at once."""
    words = " ".join(re.split(r"[\s_\-]+", Path(path).stem)).strip()
    return words[:1].upper() + words[1:] if words.islower() else words
