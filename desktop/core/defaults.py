"""What a new district starts with."""

from __future__ import annotations

import os

from desktop.core.district_file import DistrictFile
from i18n import _
from wizard_steps.reporting import starting_indicators


def start_district(path: str | os.PathLike[str]) -> DistrictFile:
    """A new district file with what the toolkit always asks for already in place: the
    members' assembly among the bodies, and the indicators of its reporting template (in the
    language of the window; each can be changed or removed)."""
    district = DistrictFile.create(path)
    district.add_row("bodies", {"kind": "assembly"})
    for indicator in starting_indicators(_):
        district.add_row("indicators", indicator)
    district.set_answer("forecast_years", 3)
    return district
