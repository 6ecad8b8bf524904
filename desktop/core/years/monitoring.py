"""Is the district keeping its promises? The monitoring rules of the years after signing
(toolkit Part 3, ids M1…M6 in docs/rules.md), in the readiness review's style.

Each rule is a small pure function over the district document and one year that returns its
findings (``desktop.core.readiness.Finding``, with its level, the part that fixes it and a
message that says what is missing, why, and what to do). They judge a year at its last day,
or today while it runs; a district not yet signed has no years and no findings.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import Any

from desktop.core.finance import forecast
from desktop.core.readiness import Finding, Level, finding
from desktop.core.years.signed import SIGNED, agreement_end, signed_on
from desktop.core.years.timeline import (
    INDICATOR,
    MEETINGS,
    RECORD,
    VALUE,
    actual,
    departures,
    due_periods,
    indicators,
    member_names,
    members_on,
    participation,
    record,
    target_met,
    values_of,
    year_end,
)
from i18n import N_
from wizard_steps.years import AFTER_SIGNING, YEAR

Doc = dict[str, Any]
MonitoringRule = Callable[[Doc, int], list[Finding]]
MONITORING: dict[str, MonitoringRule] = {}
MINIMUM_MEMBERS = 3  # Resolution 1949/2020: at least three partners
RENEWAL_NOTICE_MONTHS = 6


def monitoring_rule(rule_id: str) -> Callable[[MonitoringRule], MonitoringRule]:
    """Register a rule under its id; its findings carry the id (written here only)."""
    def register(function: MonitoringRule) -> MonitoringRule:
        @functools.wraps(function)
        def identified(doc: Doc, year: int) -> list[Finding]:
            return [replace(found, rule=rule_id) for found in function(doc, year)]

        MONITORING[rule_id] = identified
        return identified
    return register


def _months_later(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    return dt.date(day.year + month // 12, month % 12 + 1, min(day.day, 28))


@monitoring_rule("M1")
def indicators_collected(doc: Doc, year: int) -> list[Finding]:
    as_of = year_end(year)
    found = []
    for position, indicator in enumerate(indicators(doc)):
        name = indicator.get(INDICATOR.indicator, "")
        collected = {v[VALUE.period] for y, v in values_of(doc, name, year) if y == year}
        missing = [p for p in due_periods(indicator.get(INDICATOR.frequency, ""), year, as_of)
                   if p not in collected]
        if name.strip() and missing:
            found.append(finding(
                Level.WARNING, YEAR.key,
                N_("“{name}” has no value for {count} period(s) of {year} that have ended. "
                   "The toolkit (3.2) asks that indicators be collected at their frequency, "
                   "so that the assembly can compare them with the targets and the periods "
                   "before. Add the values in “Indicator values”."),
                {"name": name, "count": len(missing), "year": year},
                RECORD.indicator_values, position))
    return found


@monitoring_rule("M2")
def targets_missed(doc: Doc, year: int) -> list[Finding]:
    found = []
    for position, indicator in enumerate(indicators(doc)):
        name = indicator.get(INDICATOR.indicator, "")
        results = [target_met(v.get(VALUE.value), v.get(VALUE.target))
                   for _y, v in values_of(doc, name, year)]
        results = [r for r in results if r is not None]
        if len(results) >= 2 and results[-1] is False and results[-2] is False:
            found.append(finding(
                Level.WARNING, YEAR.key,
                N_("“{name}” has missed its target two periods running. The toolkit (3.1, "
                   "3.2) asks the assembly to verify the objectives and act on what does not "
                   "work: discuss it at the next assembly and record the decision."),
                {"name": name}, RECORD.indicator_values, position))
    return found


@monitoring_rule("M3")
def absent_beyond_limit(doc: Doc, year: int) -> list[Finding]:
    limit = doc.get("governance", {}).get(MEETINGS.exclusion_absences)
    if not isinstance(limit, int) or limit < 1:
        return []
    names = member_names(doc)
    return [finding(
        Level.WARNING, YEAR.key,
        N_("{name} has missed {count} assemblies in a row; the agreement provides for "
           "exclusion after {limit}. The toolkit (3.3) warns that participation disperses "
           "when members stop coming: the assembly hears the member and decides, and records "
           "an exclusion in “Members in and out”."),
        {"name": names.get(p.member, ""), "count": p.trailing_absences, "limit": limit},
        RECORD.assemblies, p.member)
        for p in participation(doc, year)
        if p.trailing_absences >= limit and p.member in members_on(doc, year_end(year))]


@monitoring_rule("M4")
def public_share_falls(doc: Doc, year: int) -> list[Finding]:
    this = actual(doc, year)
    if this is None or this.public_share is None:
        return []
    before = actual(doc, year - 1)
    compared: Decimal | None
    if before is not None and before.public_share is not None:
        compared = before.public_share
        message = N_("The public share of the income in {year} ({share} %) has not fallen "
                     "below the year before ({compared} %). The toolkit (3.3) asks the "
                     "district to move from public resources towards economic autonomy: plan "
                     "how private income will grow.")
    else:
        compared = forecast(doc).public_share(year)
        message = N_("The public share of the income in {year} ({share} %) is above the "
                     "forecast ({compared} %). The toolkit (3.3) asks the district to move "
                     "from public resources towards economic autonomy: plan how private "
                     "income will grow.")
    if compared is None or this.public_share == 0 or this.public_share < compared:
        return []
    return [finding(Level.WARNING, YEAR.key, message,
                    {"year": year, "share": round(this.public_share * 100),
                     "compared": round(compared * 100)}, RECORD.accounts)]


@monitoring_rule("M5")
def renewal_decided(doc: Doc, year: int) -> list[Finding]:
    end = agreement_end(doc)
    as_of = year_end(year)
    decided = str(doc.get(AFTER_SIGNING.key, {}).get(SIGNED.renewal_decision) or "").strip()
    if end is None or decided or not (
            dt.date(year, 1, 1) <= end <= _months_later(as_of, RENEWAL_NOTICE_MONTHS)):
        return []
    return [finding(
        Level.WARNING, AFTER_SIGNING.key,
        N_("The agreement ends on {end} and no decision on renewing it is recorded. "
           "Resolution 1949/2020 asks for a long-term horizon and the toolkit (3.1) for the "
           "consolidation of the district: the assembly decides whether to renew, and the "
           "decision goes in “Decision on renewing the agreement”."),
        {"end": end.isoformat()}, SIGNED.renewal_decision)]


@monitoring_rule("M6")
def enough_members(doc: Doc, year: int) -> list[Finding]:
    as_of = year_end(year)
    if not any(day <= as_of for day, _change in departures(doc).values()):
        return []  # without a departure, S1 of the readiness review says it
    count = len(members_on(doc, as_of))
    if count >= MINIMUM_MEMBERS:
        return []
    return [finding(
        Level.BLOCKING, YEAR.key,
        N_("After the withdrawals and exclusions the district has {count} member(s); "
           "Resolution 1949/2020 asks for at least three. Admit new members (toolkit 3.3: "
           "an inclusive district seeks new organizations) and record them in “Members in "
           "and out”."),
        {"count": count}, RECORD.member_changes)]


def monitoring_findings(doc: Doc, year: int) -> list[Finding]:
    """Every monitoring finding of a year, most serious first; none before signing."""
    if signed_on(doc) is None:
        return []
    found = [f for check in MONITORING.values() for f in check(doc, year)]
    return sorted(found, key=lambda f: f.level)


def year_is_recorded(doc: Doc, year: int) -> bool:
    return any(record(doc, year).values())

