"""Whether the agreement is signed, and when: the one decision every part of the district's
years asks (the window shows the years only after it, the commands refuse a year outside it).

The answer is the date the group gives in "The agreement was signed on"
(``after_signing.signed_on``: a handwritten signing has no other record) or, while that is
empty, the day the last party signed digitally, as the district's verified signatures record it
(``signatures.signed_on``, empty until every party has a valid signature).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from i18n.formats import parse_iso_date
from wizard_steps import keys
from wizard_steps.years import AFTER_SIGNING, year_keys

SIGNED = year_keys("after_signing", "signed_on renewal_decision")
DISTRICT = keys("district", "duration_years")


def signed_on(document: dict[str, Any]) -> dt.date | None:
    """The date the agreement was signed, or ``None`` while it is not."""
    value = (document.get(AFTER_SIGNING.key, {}).get(SIGNED.signed_on)
             or document.get("signatures", {}).get("signed_on") or "")
    return parse_iso_date(value) if len(str(value)) == 10 else None


def agreement_end(document: dict[str, Any]) -> dt.date | None:
    """The day the agreement ends: its signing plus its duration in years."""
    start = signed_on(document)
    years = document.get("district", {}).get(DISTRICT.duration_years)
    if start is None or not isinstance(years, int) or years < 1:
        return None
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # signed on 29 February
        return start.replace(year=start.year + years, day=28)


def district_years(document: dict[str, Any]) -> list[int]:
    """The years the window offers: from the signing year to the year the agreement ends (or
    the signing year alone when the duration is not known). Years recorded outside them, as
    after a renewal, are offered too."""
    start = signed_on(document)
    if start is None:
        return []
    end = agreement_end(document)
    last = end.year if end is not None else start.year
    recorded = {int(year) for year in document.get("years", {})}
    return sorted(set(range(start.year, last + 1)) | recorded)


def as_signed(document: dict[str, Any]) -> dict[str, Any]:
    """The document as the agreement was signed: without the members admitted afterwards (an
    admission is an act of adhesion to the signed agreement, not a new party of its text).
    A district not yet signed is returned as it is."""
    if signed_on(document) is None:
        return document
    later = {change.get("member") for record in document.get("years", {}).values()
             for change in record.get("member_changes", [])
             if change.get("change") == "admission"}
    if not later:
        return document
    members = dict(document.get("members", {}))
    members["organizations"] = [m for m in members.get("organizations", [])
                                if m.get("id") not in later]
    return document | {"members": members}
