"""Articles 9 and 10 (economic resources; monitoring and annual report), Annexes C and D."""

from __future__ import annotations

from typing import Any

from desktop.core.agreement.context import (
    Article,
    Chart,
    Context,
    Subheading,
    Table,
    esc,
    inline,
    label_in_sentence,
    phrase,
)
from desktop.core.finance import FEE_BY_NATURE, forecast, membership_fee_total
from i18n import translator
from i18n.formats import format_money, format_percent
from wizard_steps import keys
from wizard_steps.reporting import TEMPLATES

# The fields read here, checked against the declarations when this module is imported.
PLAN = keys("financial_plan", "has_fee fee_amount funding_sources investments "
            "initial_investments sustainability_analysis feasibility")
INVESTMENT = keys("financial_plan.investments", "item category year amount")
SOURCE = keys("financial_plan.funding_sources", "first_year last_year status source "
              "amount_per_year kind public_private")
REPORTING = keys("reporting", "report_by report_when report_where indicators strengths weaknesses "
                 "opportunities threats")
INDICATOR = keys("reporting.indicators", "area indicator frequency responsible data_source target")
MEMBER = keys("members.organizations", "nature")


def _years(source: dict[str, Any]) -> str:
    first, last = source.get(SOURCE.first_year), source.get(SOURCE.last_year)
    return str(first or "") if first == last or not last else f"{first or ''}–{last}"


def _money(ctx: Context, cents: int | None) -> str:
    return esc(format_money(cents or 0, ctx.lang))


def _plan(ctx: Context) -> dict[str, Any]:
    return ctx.section("financial_plan")


def economic_resources(ctx: Context) -> Article | None:
    _ = ctx._
    plan = _plan(ctx)
    if not plan:
        return None
    paragraphs: list[str] = []
    if plan.get(PLAN.has_fee) is True:
        # The fee each nature present among the members actually pays.
        natures = [n for n in FEE_BY_NATURE if any(m.get(MEMBER.nature) == n for m in ctx.members)]
        fees = {n: plan.get(FEE_BY_NATURE[n]) if plan.get(FEE_BY_NATURE[n]) is not None
                else plan.get(PLAN.fee_amount) for n in natures}
        parts = []
        if len(set(fees.values())) <= 1:
            amount = next(iter(fees.values()), plan.get(PLAN.fee_amount))
            parts.append(_("Each member pays a yearly membership fee of {amount}.").format(
                amount=_money(ctx, amount)))
        else:
            by_nature = "; ".join(
                label_in_sentence(ctx.shown("members", MEMBER.nature, nature,
                                            table="organizations"))
                + f": {_money(ctx, amount)}" for nature, amount in fees.items())
            parts.append(_("The yearly membership fee depends on the type of organization: "
                           "{fees}.").format(fees=by_nature))
        parts.append(_("In all, the fees yield {total} a year.").format(
            total=_money(ctx, membership_fee_total(plan, ctx.members))))
        paragraphs.append(" ".join(parts))
    elif plan.get(PLAN.has_fee) is False:
        paragraphs.append(_("The members pay no membership fee."))
    sources = plan.get(PLAN.funding_sources, [])
    if sources:
        items = []
        for source in sources:
            years = _years(source)
            status = ctx.shown("financial_plan", SOURCE.status, source.get(SOURCE.status),
                               table="funding_sources").lower()
            items.append(_("{source}: {amount} a year, {years}, {status} funding").format(
                source=inline(source.get(SOURCE.source, "")),
                amount=_money(ctx, source.get(SOURCE.amount_per_year)), years=years, status=status))
        paragraphs.append(_("The District is funded by: {sources}.").format(
            sources="; ".join(items)))
    paragraphs.append(_("The parties share the financial plan set out in Annex C and commit to "
                        "managing the District with a view to its economic sustainability, "
                        "reinvesting any surplus in its activities."))
    return Article(_("Economic resources"), paragraphs)


def monitoring(ctx: Context) -> Article | None:
    _ = ctx._
    section = ctx.section("reporting")
    if not section:
        return None
    paragraphs = [_("The parties monitor the activities, the resources and the results of the "
                    "District with the indicators in Annex D, collected at the frequency and "
                    "by the persons shown there, and discuss them in the members' assembly.")]
    if section.get(REPORTING.report_by):
        paragraphs.append(_("The parties publish an annual report on the activities, the "
                            "accounts and the social results of the District. Prepared by: "
                            "{who}. When: {when}. Where it is published: {where}.").format(
            who=phrase(section[REPORTING.report_by]),
            when=phrase(section.get(REPORTING.report_when, "")) or "—",
            where=phrase(section.get(REPORTING.report_where, "")) or "—"))
    return Article(_("Monitoring, annual report and social report"), paragraphs)


def _investments_table(ctx: Context) -> Table | None:
    _ = ctx._
    plan = _plan(ctx)
    rows = plan.get(PLAN.investments, [])
    if plan.get(PLAN.initial_investments) is False or not rows:
        return None
    table = [[_("Item"), _("Category"), _("Year"), _("Amount")]]
    for row in rows:
        table.append([esc(row.get(INVESTMENT.item, "")),
                      ctx.shown("financial_plan", INVESTMENT.category,
                                row.get(INVESTMENT.category),
                                table="investments"),
                      esc(row.get(INVESTMENT.year) or ""), _money(ctx, row.get(INVESTMENT.amount))])
    total = _("Total")
    table.append([f"<b>{esc(total)}</b>", "", "",
                  f"<b>{_money(ctx, sum(r.get(INVESTMENT.amount) or 0 for r in rows))}</b>"])
    return Table(table, [0.46, 0.24, 0.1, 0.2], numeric=(2, 3), bold_rows=(len(table) - 1,))


def _sources_table(ctx: Context) -> Table | None:
    _ = ctx._
    rows = _plan(ctx).get(PLAN.funding_sources, [])
    if not rows:
        return None
    table = [[_("Source"), _("Kind of source"), _("Public or private"), _("Years"),
              _("Amount per year"), _("Status")]]
    for row in rows:
        def shown(key: str, value: Any) -> str:
            return ctx.shown("financial_plan", key, value, table="funding_sources")

        table.append([esc(row.get(SOURCE.source, "")), shown(SOURCE.kind, row.get(SOURCE.kind)),
                      shown(SOURCE.public_private, row.get(SOURCE.public_private)),
                      esc(_years(row)),
                      _money(ctx, row.get(SOURCE.amount_per_year)),
                      shown(SOURCE.status, row.get(SOURCE.status))])
    return Table(table, [0.27, 0.19, 0.12, 0.14, 0.16, 0.12], numeric=(4,))


def _forecast_blocks(ctx: Context) -> list[Any]:
    _ = ctx._
    plan = forecast(ctx.document)
    years = plan.years
    share = 0.62 / len(years)
    header = [_("Item")] + [str(y) for y in years]
    rows: list[list[str]] = [header]
    bold: list[int] = []

    def add(label: str, values: list[str], strong: bool = False) -> None:
        if strong:
            bold.append(len(rows))
            label, values = f"<b>{label}</b>", [f"<b>{v}</b>" for v in values]
        rows.append([label, *values])

    for title, lines, total in ((_("Income"), plan.income, plan.total_income),
                                (_("Expenses"), plan.expenses, plan.total_expenses)):
        add(f"<i>{esc(title)}</i>", [""] * len(years))
        for line in lines:
            if not any(line.amounts.get(y) for y in years):
                continue
            label = esc(_(line.label) if line.translatable else line.label)
            add(label, [_money(ctx, line.amounts.get(y)) for y in years])
        add(esc(_("Total income") if lines is plan.income else _("Total expenses")),
            [_money(ctx, total(y)) for y in years], strong=True)
    add(esc(_("Balance of the year")), [_money(ctx, plan.balance(y)) for y in years],
        strong=True)
    add(esc(_("Cumulative balance")), [_money(ctx, plan.cumulative_balance(y)) for y in years])
    add(esc(_("Share of public funding")),
        [esc(format_percent(plan.public_share(y), ctx.lang)) for y in years])
    table = Table(rows, [0.38] + [share] * len(years),
                  numeric=tuple(range(1, len(years) + 1)), bold_rows=tuple(bold))
    chart = Chart(years, [
        (_("Income"), [plan.total_income(y) for y in years]),
        (_("Expenses"), [plan.total_expenses(y) for y in years]),
        (_("Balance"), [plan.balance(y) for y in years]),
    ], ctx.lang)
    return [Subheading(esc(_("Income and expense forecasts"))), table, chart]


def annex_financial_plan(ctx: Context) -> Article | None:
    _ = ctx._
    plan = _plan(ctx)
    if not plan:
        return None
    blocks: list[Any] = [Subheading(esc(_("Initial investments")))]
    investments = _investments_table(ctx)
    blocks.append(investments or _("The District needs no initial investment."))
    sources = _sources_table(ctx)
    if sources:
        blocks += [Subheading(esc(_("Funding sources"))), sources]
    blocks += _forecast_blocks(ctx)
    for key in (PLAN.sustainability_analysis, PLAN.feasibility):
        if plan.get(key):
            blocks += [Subheading(ctx.label("financial_plan", key)), esc(plan[key])]
    return Article(_("Financial plan"), blocks=blocks)


def template_text(text: str, lang: str) -> str:
    """A pre-filled indicator text, in the document's language if the group left it as it was
    (whatever the language it was filled in)."""
    for indicator, _frequency, responsible, source in TEMPLATES.values():
        for msgid in (indicator, responsible, source):
            if text in (translator("it").gettext(msgid), translator("en").gettext(msgid)):
                return translator(lang).gettext(msgid)
    return text


def annex_indicators(ctx: Context) -> Article | None:
    _ = ctx._
    section = ctx.section("reporting")
    rows = section.get(REPORTING.indicators, [])
    if not section:
        return None
    blocks: list[Any] = []
    if rows:
        table = [[_("Evaluation area"), _("Indicator"), _("Frequency"), _("Person responsible"),
                  _("Data source"), _("Target")]]
        for row in rows:
            table.append([
                ctx.shown("reporting", INDICATOR.area, row.get(INDICATOR.area),
                          table="indicators"),
                esc(template_text(row.get(INDICATOR.indicator, ""), ctx.lang)),
                ctx.shown("reporting", INDICATOR.frequency, row.get(INDICATOR.frequency),
                          table="indicators"),
                esc(template_text(row.get(INDICATOR.responsible, ""), ctx.lang)),
                esc(template_text(row.get(INDICATOR.data_source, ""), ctx.lang)),
                esc(row.get(INDICATOR.target, "")),
            ])
        blocks.append(Table(table, [0.17, 0.21, 0.14, 0.15, 0.18, 0.15]))
    swot = (REPORTING.strengths, REPORTING.weaknesses, REPORTING.opportunities, REPORTING.threats)
    if any(str(section.get(k, "")).strip() for k in swot):
        blocks.append(Subheading(esc(_("Strengths, weaknesses, opportunities and threats"))))
    for key in swot:
        items = [line.strip() for line in str(section.get(key, "")).splitlines() if line.strip()]
        if items:
            blocks.append(Subheading(ctx.label("reporting", key).replace(
                esc(_(" (one per line)")), "")))
            blocks += [f"• {esc(item)}" for item in items]
    return Article(_("Monitoring and evaluation indicators"), blocks=blocks)
