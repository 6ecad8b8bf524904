"""The financial plan's arithmetic: forecast lines, totals, balances and the public share.

Every amount is whole cents (int); shares are Decimals. Funding sources, membership fees and
initial investments are turned into forecast lines here, so nothing is typed twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from desktop.core.years.signed import as_signed
from i18n import N_
from i18n.formats import parse_iso_date
from wizard_steps.financial_plan import EXPENSE_CATEGORIES, INCOME_CATEGORIES

MIN_YEARS = 3
FEE_BY_NATURE = {"public": "fee_public", "private_for_profit": "fee_for_profit",
                 "private_non_profit": "fee_non_profit"}


@dataclass
class Line:
    """One row of the forecast: a label (msgid or a user's text), cents per year."""
    key: str
    label: str
    amounts: dict[int, int]
    typed: bool = False  # typed in the grid, rather than coming from the rest of the step
    public: bool = False
    translatable: bool = True  # the label is a msgid


@dataclass
class Forecast:
    years: list[int]
    income: list[Line] = field(default_factory=list)
    expenses: list[Line] = field(default_factory=list)

    def total_income(self, year: int) -> int:
        return sum(line.amounts.get(year, 0) for line in self.income)

    def total_expenses(self, year: int) -> int:
        return sum(line.amounts.get(year, 0) for line in self.expenses)

    def balance(self, year: int) -> int:
        return self.total_income(year) - self.total_expenses(year)

    def cumulative_balance(self, year: int) -> int:
        return sum(self.balance(y) for y in self.years if y <= year)

    def public_income(self, year: int) -> int:
        return sum(line.amounts.get(year, 0) for line in self.income if line.public)

    def public_share(self, year: int) -> Decimal | None:
        """Public income over total income; None for a year without income."""
        total = self.total_income(year)
        return None if total == 0 else Decimal(self.public_income(year)) / Decimal(total)


def first_year(plan_district: dict[str, Any]) -> int:
    signed = parse_iso_date(plan_district.get("signing_date", ""))
    if signed is not None:
        return signed.year

    return dt.date.today().year


def membership_fee_total(plan: dict[str, Any], members: list[dict[str, Any]]) -> int:
    """What the fee yields in a year: each member pays the fee of its nature, or the general one."""
    if plan.get("has_fee") is not True:
        return 0
    total = 0
    for member in members:
        specific = plan.get(FEE_BY_NATURE.get(member.get("nature", ""), ""))
        fee = specific if specific is not None else plan.get("fee_amount")
        total += fee or 0
    return total


def public_fee_total(plan: dict[str, Any], members: list[dict[str, Any]]) -> int:
    return membership_fee_total(plan, [m for m in members if m.get("nature") == "public"])


def forecast(document: dict[str, Any]) -> Forecast:
    """The plan as the agreement was signed (members admitted later pay fees, but the
    forecast they are compared with is the one signed)."""
    document = as_signed(document)
    plan = document.get("financial_plan", {})
    members = document.get("members", {}).get("organizations", [])
    start = first_year(document.get("district", {}))
    count = max(plan.get("forecast_years") or MIN_YEARS, 1)
    years = list(range(start, start + count))
    result = Forecast(years)
    typed = plan.get("forecasts") or {}

    for index, source in enumerate(plan.get("funding_sources", [])):
        amount = source.get("amount_per_year") or 0
        first = source.get("first_year") or start
        last = source.get("last_year") or first
        result.income.append(Line(
            key=f"source:{index}", label=source.get("source", "") or "—",
            amounts={y: amount for y in years if first <= y <= last},
            public=source.get("public_private") == "public", translatable=False))
    fees = membership_fee_total(plan, members)
    if fees:
        public_fees = public_fee_total(plan, members)
        if public_fees:
            # Fees paid by public members are public money: kept apart for the public share.
            result.income.append(Line("fees", N_("Membership fees of private members"),
                                      {y: fees - public_fees for y in years}))
            result.income.append(Line("public_fees", N_("Membership fees of public members"),
                                      {y: public_fees for y in years}, public=True))
        else:
            result.income.append(Line("fees", N_("Membership fees"), {y: fees for y in years}))
    for category in INCOME_CATEGORIES:
        result.income.append(Line(category.key, category.label,
                                  _typed_amounts(typed, "income", category.key, years),
                                  typed=True))

    investments: dict[int, int] = {}
    if plan.get("initial_investments") is not False:
        for item in plan.get("investments", []):
            year = item.get("year") or start
            investments[year] = investments.get(year, 0) + (item.get("amount") or 0)
    result.expenses.append(Line("investments", N_("Initial investments"),
                                {y: v for y, v in investments.items() if y in years}))
    for category in EXPENSE_CATEGORIES:
        result.expenses.append(Line(category.key, category.label,
                                    _typed_amounts(typed, "expenses", category.key, years),
                                    typed=True))
    return result


def _typed_amounts(typed: dict[str, Any], side: str, key: str, years: list[int]
                   ) -> dict[int, int]:
    stored = typed.get(side, {}).get(key, {})
    return {int(year): int(cents) for year, cents in stored.items()
            if int(year) in years and cents is not None}


def set_typed_amount(typed: dict[str, Any], side: str, key: str, year: int,
                     cents: int | None) -> dict[str, Any]:
    """A copy of the typed forecast with one cell changed (None clears it)."""
    result = {"income": {k: dict(v) for k, v in typed.get("income", {}).items()},
              "expenses": {k: dict(v) for k, v in typed.get("expenses", {}).items()}}
    cells = result[side].setdefault(key, {})
    if cents is None:
        cells.pop(str(year), None)
    else:
        cells[str(year)] = cents
    if not cells:
        result[side].pop(key)
    return result
