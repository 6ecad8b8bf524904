"""What a new district starts with."""

from __future__ import annotations

import os

from desktop.store import DistrictFile


def start_district(path: str | os.PathLike[str]) -> DistrictFile:
    """A new district file with the members' assembly already among its bodies: the toolkit
    makes it mandatory, so nobody has to remember to add it."""
    district = DistrictFile.create(path)
    district.add_row("bodies", {"kind": "assembly"})
    return district
