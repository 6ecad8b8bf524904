"""The facts of a year, computed from the JSON document: who was a member on a day, who came to
each assembly, the periods an indicator was due, the indicator values against their targets,
the actual accounts against the forecast and the public share across the years."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from desktop.core.finance import forecast
from i18n.formats import parse_iso_date
from wizard_steps import keys
from wizard_steps.years import PERIODS_OF, YEAR, year_keys

RECORD = year_keys("year", "summary assemblies indicator_values accounts member_changes "
                           "contact_changes widening_actions activities next_calendar")
ASSEMBLY = year_keys("year.assemblies", "date place present represented decisions")
VALUE = year_keys("year.indicator_values", "indicator period value target collected_by source")
ACCOUNT = year_keys("year.accounts", "side line amount public_private note")
CHANGE = year_keys("year.member_changes", "member change date act")
MEMBERS = keys("members", "organizations")
MEMBER = keys("members.organizations", "name")
INDICATOR = keys("reporting.indicators", "indicator frequency target")
MEETINGS = keys("governance", "meetings exclusion_absences")

PRESENT, REPRESENTED, ABSENT = "present", "represented", "absent"


def record(document: dict[str, Any], year: int) -> dict[str, Any]:
    """A year's record; a year nobody wrote reads as empty."""
    stored = document.get("years", {}).get(str(year), {})
    return {f.key: stored.get(f.key, [] if f.row_fields else "") for f in YEAR.fields}


def day_of(value: Any) -> dt.date | None:
    text = str(value or "")
    return parse_iso_date(text) if len(text) == 10 else None


def year_end(year: int, today: dt.date | None = None) -> dt.date:
    """The day a year is judged at: its last day, or today while it is still running."""
    today = today or dt.date.today()
    last = dt.date(year, 12, 31)
    return today if today.year == year else last


# --- members -------------------------------------------------------------------------------

def _changes(document: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for year in sorted(document.get("years", {})):
        found += record(document, int(year))[RECORD.member_changes]
    return found


def admissions(document: dict[str, Any]) -> dict[int, dt.date]:
    """Members admitted after signing, with the date of their act of adhesion."""
    return {c[CHANGE.member]: day for c in _changes(document)
            if c.get(CHANGE.change) == "admission" and (day := day_of(c.get(CHANGE.date)))}


def departures(document: dict[str, Any]) -> dict[int, tuple[dt.date, str]]:
    """Members who withdrew or were excluded, with the date and the kind of change."""
    return {c[CHANGE.member]: (day, c[CHANGE.change]) for c in _changes(document)
            if c.get(CHANGE.change) in ("withdrawal", "exclusion")
            and (day := day_of(c.get(CHANGE.date)))}


def members_on(document: dict[str, Any], day: dt.date) -> list[int]:
    """The member ids of that day, in the members' order: the founders and those admitted by
    then, without those who had left."""
    joined, gone = admissions(document), departures(document)
    return [m["id"] for m in document.get("members", {}).get(MEMBERS.organizations, [])
            if "id" in m and (m["id"] not in joined or joined[m["id"]] <= day)
            and (m["id"] not in gone or gone[m["id"]][0] > day)]


def member_names(document: dict[str, Any]) -> dict[int, str]:
    return {m["id"]: m.get(MEMBER.name, "") for m in
            document.get("members", {}).get(MEMBERS.organizations, []) if "id" in m}


# --- assemblies and participation ----------------------------------------------------------

def assemblies(document: dict[str, Any], up_to_year: int | None = None
               ) -> list[dict[str, Any]]:
    """The assemblies held, in date order, of every year up to ``up_to_year``."""
    found = []
    for year in document.get("years", {}):
        if up_to_year is None or int(year) <= up_to_year:
            found += [a for a in record(document, int(year))[RECORD.assemblies]
                      if day_of(a.get(ASSEMBLY.date))]
    return sorted(found, key=lambda a: a[ASSEMBLY.date])


def status_at(assembly: dict[str, Any], member: int) -> str:
    if member in (assembly.get(ASSEMBLY.present) or []):
        return PRESENT
    if member in (assembly.get(ASSEMBLY.represented) or []):
        return REPRESENTED
    return ABSENT


@dataclass(frozen=True)
class Participation:
    member: int
    present: int
    represented: int
    absent: int
    trailing_absences: int  # consecutive absences up to the year's last assembly


def participation(document: dict[str, Any], year: int) -> list[Participation]:
    """Per member of the year, how often it came; the trailing absences count from earlier
    years too, as the exclusion rule does."""
    held = assemblies(document, year)
    of_year = [a for a in held if a[ASSEMBLY.date].startswith(f"{year}-")]
    result = []
    end = dt.date(year, 12, 31)
    days = [dt.date(year, 1, 1), end] + [d for a in of_year if (d := day_of(a[ASSEMBLY.date]))]
    during = {m for day in days for m in members_on(document, day)}
    for member in [m for m in member_names(document) if m in during]:
        mine = [status_at(a, member) for a in held
                if member in members_on(document, day_of(a[ASSEMBLY.date]) or end)]
        year_states = [status_at(a, member) for a in of_year
                       if member in members_on(document, day_of(a[ASSEMBLY.date]) or end)]
        trailing = 0
        for state in reversed(mine):
            if state != ABSENT:
                break
            trailing += 1
        result.append(Participation(member, year_states.count(PRESENT),
                                    year_states.count(REPRESENTED), year_states.count(ABSENT),
                                    trailing))
    return result


def dispersing(document: dict[str, Any], year: int) -> list[int]:
    """Members who came before and missed the year's last two assemblies (toolkit 3.3:
    participation disperses, the work falls on a subgroup)."""
    return [p.member for p in participation(document, year)
            if p.trailing_absences >= 2 and p.present + p.represented > 0]


def planned_meetings(document: dict[str, Any], year: int) -> list[dict[str, Any]]:
    """The assemblies planned for a year: the founding calendar, then each year's calendar
    for the next."""
    planned = list(document.get("governance", {}).get(MEETINGS.meetings, []))
    for stored in document.get("years", {}):
        # A year's calendar has no row ids: its year and place in the list name each event.
        planned += [{"id": f"calendar-{stored}-{index}"} | meeting for index, meeting in
                    enumerate(record(document, int(stored))[RECORD.next_calendar])]
    return sorted((m for m in planned if str(m.get("date", "")).startswith(f"{year}-")),
                  key=lambda m: m["date"])


# --- indicators ----------------------------------------------------------------------------

_NUMBER = re.compile(r"[-+]?\d+(?:[.,\s]\d{3})*(?:[.,]\d+)?|[-+]?\d+")


def number(text: Any) -> Decimal | None:
    """The first number written in a value or a target ("45%", "1.200", "12,5", "≤ 20")."""
    found = _NUMBER.search(str(text or ""))
    if not found:
        return None
    raw = found.group().replace(" ", "")
    if "," in raw and "." in raw:
        raw = raw.replace(".", "").replace(",", ".")
    elif "," in raw:
        raw = raw.replace(",", ".") if len(raw.split(",")[-1]) != 3 else raw.replace(",", "")
    elif raw.count(".") == 1 and len(raw.split(".")[-1]) == 3 and "%" not in str(text):
        raw = raw.replace(".", "")
    try:
        return Decimal(raw)
    except InvalidOperation:
        return None


def target_met(value: Any, target: Any) -> bool | None:
    """Whether a value meets its target: at least the target, or at most it when the target
    starts with ≤, <, "max" or "al massimo"; ``None`` when either is not a number."""
    have, want = number(value), number(target)
    if have is None or want is None:
        return None
    text = str(target).strip().lower()
    at_most = text.startswith(("≤", "<", "max", "al mass", "at most"))
    return have <= want if at_most else have >= want


def period_end(year: int, month: int) -> dt.date:
    return dt.date(year, 12, 31) if month == 12 else (
        dt.date(year, month + 1, 1) - dt.timedelta(days=1))


def due_periods(frequency: str, year: int, as_of: dt.date) -> list[str]:
    """The periods of a frequency that have ended by ``as_of`` in that year."""
    return [period for period, month in PERIODS_OF.get(frequency, ())
            if period_end(year, month) <= as_of]


def values_of(document: dict[str, Any], indicator: str, up_to_year: int
              ) -> list[tuple[int, dict[str, Any]]]:
    """The values collected for an indicator, in the order of the periods, across years."""
    order = [p for periods in PERIODS_OF.values() for p, _month in periods]
    found = []
    for year in sorted(int(y) for y in document.get("years", {})):
        if year > up_to_year:
            continue
        rows = [v for v in record(document, year)[RECORD.indicator_values]
                if v.get(VALUE.indicator, "").strip() == indicator.strip()]
        found += [(year, v) for v in sorted(
            rows, key=lambda v: order.index(v[VALUE.period]) if v.get(VALUE.period) in order
            else len(order))]
    return found


def indicators(document: dict[str, Any]) -> list[dict[str, Any]]:
    return document.get("reporting", {}).get("indicators", [])


# --- accounts ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Accounts:
    income: int
    expenses: int
    public_income: int

    @property
    def public_share(self) -> Decimal | None:
        return None if not self.income else Decimal(self.public_income) / Decimal(self.income)


def _is_public(row: dict[str, Any], public_lines: set[str]) -> bool:
    chosen = row.get(ACCOUNT.public_private)
    return chosen == "public" if chosen else row.get(ACCOUNT.line) in public_lines


def actual(document: dict[str, Any], year: int) -> Accounts | None:
    """The actual accounts of a year; ``None`` when the year has none."""
    rows = record(document, year)[RECORD.accounts]
    if not rows:
        return None
    public_lines = {line.key for line in forecast(document).income if line.public}
    income = [r for r in rows if r.get(ACCOUNT.side) == "income"]
    return Accounts(sum(r.get(ACCOUNT.amount) or 0 for r in income),
                    sum(r.get(ACCOUNT.amount) or 0 for r in rows
                        if r.get(ACCOUNT.side) == "expense"),
                    sum(r.get(ACCOUNT.amount) or 0 for r in income
                        if _is_public(r, public_lines)))


def actual_by_line(document: dict[str, Any], year: int) -> dict[tuple[str, str], int]:
    """(side, line key) -> the actual amount of a year."""
    totals: dict[tuple[str, str], int] = {}
    for row in record(document, year)[RECORD.accounts]:
        slot = (row.get(ACCOUNT.side, ""), row.get(ACCOUNT.line, ""))
        totals[slot] = totals.get(slot, 0) + (row.get(ACCOUNT.amount) or 0)
    return totals
