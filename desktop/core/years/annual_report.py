"""The annual report (relazione annuale): a year of the district as a PDF/A, in Italian or
English, laid out like the agreement. The copy for publication (``public=True``) omits personal
data: the names of contact persons, who collected each indicator, emails and phones (the report
prints no email or phone in either copy)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from desktop.core.agreement.context import Table, esc
from desktop.core.agreement.pdf import FONT, _grid, _styles, write_pdf
from desktop.core.finance import forecast
from desktop.core.readiness import LEVEL_NAMES
from desktop.core.years.monitoring import monitoring_findings
from desktop.core.years.signed import agreement_end, district_years, signed_on
from desktop.core.years.timeline import (
    ASSEMBLY,
    CHANGE,
    INDICATOR,
    RECORD,
    VALUE,
    actual,
    actual_by_line,
    admissions,
    departures,
    dispersing,
    indicators,
    member_names,
    members_on,
    number,
    participation,
    planned_meetings,
    record,
    target_met,
    values_of,
)
from i18n import translator
from i18n.formats import format_money, format_percent, long_date, short_date
from wizard_steps.reporting import FREQUENCIES
from wizard_steps.years import ACTIVITY_KINDS, MEMBER_CHANGES, PERIODS

Gettext = Callable[[str], str]
WIDTH = A4[0] - 40 * mm
CHART_COLOUR = colors.HexColor("#3465a4")
TARGET_COLOUR = colors.HexColor("#ce5c00")


class _Report:
    """What every section needs: the document, the year, the language, the styles."""

    def __init__(self, document: dict[str, Any], year: int, lang: str, public: bool) -> None:
        self.document, self.year, self.lang, self.public = document, year, lang, public
        self._ = translator(lang).gettext
        self.styles = _styles()
        self.record = record(document, year)
        self.names = member_names(document)

    def heading(self, text: str) -> Paragraph:
        return Paragraph(esc(text), self.styles["heading"])

    def sub(self, text: str) -> Paragraph:
        return Paragraph(esc(text), self.styles["subheading"])

    def body(self, text: str) -> Paragraph:
        return Paragraph(esc(text), self.styles["body"])

    def none(self, text: str) -> Paragraph:
        return Paragraph(f"<i>{esc(text)}</i>", self.styles["body"])

    def date(self, value: str) -> str:
        return short_date(value, self.lang) if value else "—"

    def choice(self, choices: tuple[Any, ...], key: str) -> str:
        return next((self._(c.label) for c in choices if c.key == key), key or "—")

    def table(self, header: list[str], rows: list[list[str]], widths: list[float],
              numeric: tuple[int, ...] = (), bold_rows: tuple[int, ...] = ()) -> Any:
        """A table of plain texts (escaped here)."""
        return _grid(Table([header] + [[esc(c) for c in row] for row in rows], widths,
                           numeric, bold_rows), self.styles)


# --- sections ------------------------------------------------------------------------------

def _front(r: _Report) -> list[Any]:
    _ = r._
    name = r.document.get("district", {}).get("name", "")
    story: list[Any] = [
        Paragraph(esc(_("Annual report {year}").format(year=r.year)), r.styles["title"]),
        Paragraph(f"“{esc(name)}”", r.styles["name"]),
        Paragraph(esc(_("Drawn up on {date} by DES Wizard from the district's records, following "
                        "Part 3 of the toolkit and Resolution 1949/2020.").format(
            date=long_date(dt.date.today().isoformat(), r.lang))), r.styles["note"]),
    ]
    if r.public:
        story.append(Paragraph(esc(_("Copy for publication: the names of contact persons and "
                                     "of who collected the data are left out.")),
                               r.styles["note"]))
    story.append(r.heading(_("The year in short")))
    if str(r.record[RECORD.summary]).strip():
        story.append(r.body(r.record[RECORD.summary]))
    signed, end = signed_on(r.document), agreement_end(r.document)
    facts = [
        (_("Agreement signed on"), long_date(signed.isoformat(), r.lang) if signed else "—"),
        (_("Agreement ends on"), long_date(end.isoformat(), r.lang) if end else "—"),
        (_("Members at the start of the year"),
         str(len(members_on(r.document, dt.date(r.year, 1, 1))))),
        (_("Members at the end of the year"),
         str(len(members_on(r.document, dt.date(r.year, 12, 31))))),
        (_("Assemblies held"), str(len(r.record[RECORD.assemblies]))),
        (_("Indicator values collected"), str(len(r.record[RECORD.indicator_values]))),
    ]
    story += [Paragraph(f"<b>{esc(k)}:</b> {esc(v)}", r.styles["body"]) for k, v in facts]
    return story


def _objectives(r: _Report) -> list[Any]:
    _ = r._
    story: list[Any] = [r.heading(_("Objectives and indicators"))]
    objectives = r.document.get("objectives", {}).get("objectives", [])
    for objective in objectives:
        target = " ".join(str(objective.get(k) or "") for k in ("target_quantity", "target_unit"))
        deadline = objective.get("deadline") or ""
        detail = "; ".join(p for p in (target.strip(), r.date(deadline) if deadline else "") if p)
        story.append(Paragraph(f"<b>{esc(objective.get('title', ''))}</b>"
                               + (f" — {esc(detail)}" if detail else ""),
                               r.styles["item"], bulletText="•"))
    for indicator in indicators(r.document):
        story += _indicator(r, indicator)
    return story


def _indicator(r: _Report, indicator: dict[str, Any]) -> list[Any]:
    _ = r._
    name = indicator.get(INDICATOR.indicator, "")
    series = values_of(r.document, name, r.year)
    mine = [v for y, v in series if y == r.year]
    frequency = r.choice(FREQUENCIES, indicator.get(INDICATOR.frequency, ""))
    head = [r.sub(name), Paragraph(esc(_("Frequency: {frequency}. Target in the reporting "
                                         "model: {target}.").format(
        frequency=frequency, target=indicator.get(INDICATOR.target) or "—")), r.styles["body"])]
    if not mine:
        return [KeepTogether(head + [r.none(_("No value collected this year."))])]
    rows = []
    previous: dict[str, Any] | None = next(
        (v for y, v in reversed(series) if y < r.year), None)
    for value in mine:
        met = target_met(value.get(VALUE.value), value.get(VALUE.target))
        rows.append([r.choice(PERIODS, value.get(VALUE.period, "")), value.get(VALUE.value, ""),
                     value.get(VALUE.target, "") or "—",
                     "—" if met is None else (_("met") if met else _("missed")),
                     _trend(r, value, previous),
                     value.get(VALUE.source, "") if r.public else " · ".join(
                         p for p in (value.get(VALUE.collected_by, ""),
                                     value.get(VALUE.source, "")) if p)])
        previous = value
    header = [_("Period"), _("Value"), _("Target"), _("Against the target"),
              _("Against the previous period"),
              _("Source") if r.public else _("Collected by · source")]
    story = head + [r.table(header, rows, [0.15, 0.17, 0.12, 0.14, 0.16, 0.26])]
    chart = _indicator_chart(r, mine)
    if chart is not None:
        story.append(chart)
    return [KeepTogether(story), Spacer(1, 3 * mm)]


def _trend(r: _Report, value: dict[str, Any], previous: dict[str, Any] | None) -> str:
    now = number(value.get(VALUE.value))
    before = number(previous.get(VALUE.value)) if previous else None
    if now is None or before is None:
        return "—"
    if now == before:
        return r._("unchanged")
    change = f"{now - before:+}"
    return ("▲ " if now > before else "▼ ") + (change.replace(".", ",") if r.lang == "it"
                                               else change)


def _indicator_chart(r: _Report, values: list[dict[str, Any]]) -> Drawing | None:
    """Bars for the values, a line for the target: only where two values are numbers."""
    numbers = [number(v.get(VALUE.value)) for v in values]
    if sum(n is not None for n in numbers) < 2:
        return None
    height = 90
    drawing = Drawing(WIDTH, height)
    drawing.initialFontName = FONT
    bars = VerticalBarChart()
    bars.x, bars.y, bars.width, bars.height = 50, 18, WIDTH * 0.5, height - 28
    bars.data = [[float(n) if n is not None else 0 for n in numbers]]
    bars.categoryAxis.categoryNames = [r.choice(PERIODS, v.get(VALUE.period, "")) for v in values]
    bars.categoryAxis.labels.fontName = FONT
    bars.categoryAxis.labels.fontSize = 6.5
    bars.valueAxis.labels.fontName = FONT
    bars.valueAxis.labels.fontSize = 6.5
    targets = [number(v.get(VALUE.target)) for v in values]
    top = max([float(n) for n in numbers if n is not None]
              + [float(t) for t in targets if t is not None] + [1])
    bars.valueAxis.valueMin, bars.valueAxis.valueMax = 0, top * 1.15
    bars.bars[0].fillColor, bars.bars[0].strokeColor = CHART_COLOUR, None
    drawing.add(bars)
    step = bars.width / len(values)
    for index, target in enumerate(targets):
        if target is None:
            continue
        y = bars.y + bars.height * float(target) / (top * 1.15)
        drawing.add(Line(bars.x + index * step + 3, y, bars.x + (index + 1) * step - 3, y,
                         strokeColor=TARGET_COLOUR, strokeWidth=1.5))
    drawing.add(String(bars.x + bars.width + 12, height - 20, r._("bars: value"),
                       fontName=FONT, fontSize=7, fillColor=CHART_COLOUR))
    drawing.add(String(bars.x + bars.width + 12, height - 32, r._("lines: target"),
                       fontName=FONT, fontSize=7, fillColor=TARGET_COLOUR))
    return drawing


def _accounts(r: _Report) -> list[Any]:
    _ = r._
    story: list[Any] = [r.heading(_("Accounts against the forecast"))]
    planned = forecast(r.document)
    done = actual_by_line(r.document, r.year)
    if not r.record[RECORD.accounts]:
        story.append(r.none(_("No actual accounts recorded for this year.")))
    else:
        rows, bold = [], []
        for side, lines, title in (("income", planned.income, _("Income")),
                                   ("expense", planned.expenses, _("Expenses"))):
            keys = [line.key for line in lines]
            labels = {line.key: _(line.label) if line.translatable else line.label
                      for line in lines}
            keys += [k for s, k in done if s == side and k not in keys]
            plan_total = actual_total = 0
            for key in keys:
                plan = next((line.amounts.get(r.year, 0) for line in lines if line.key == key), 0)
                real = done.get((side, key), 0)
                if not plan and not real:
                    continue
                plan_total, actual_total = plan_total + plan, actual_total + real
                rows.append([labels.get(key, key), format_money(plan, r.lang),
                             format_money(real, r.lang), format_money(real - plan, r.lang)])
            rows.append([_("Total: {title}").format(title=title.lower()),
                         format_money(plan_total, r.lang), format_money(actual_total, r.lang),
                         format_money(actual_total - plan_total, r.lang)])
            bold.append(len(rows))
        story.append(r.table([_("Line"), _("Forecast"), _("Actual"), _("Difference")], rows,
                             [0.46, 0.18, 0.18, 0.18], (1, 2, 3), tuple(bold)))
    story.append(r.sub(_("Public share of the income across the years")))
    story.append(r.body(_("The toolkit (3.3) asks the district to move from public resources "
                          "towards economic autonomy: the public share should fall.")))
    rows = []
    for year in [y for y in district_years(r.document) if y <= r.year]:
        accounts = actual(r.document, year)
        rows.append([str(year), format_percent(planned.public_share(year), r.lang),
                     format_percent(accounts.public_share if accounts else None, r.lang)])
    story.append(r.table([_("Year"), _("Planned"), _("Actual")], rows, [0.34, 0.33, 0.33],
                         (1, 2)))
    return story


def _assemblies(r: _Report) -> list[Any]:
    _ = r._
    story: list[Any] = [r.heading(_("Assemblies and participation"))]
    planned = planned_meetings(r.document, r.year)
    held = sorted(r.record[RECORD.assemblies], key=lambda a: a.get(ASSEMBLY.date, ""))
    rows = [[r.date(p.get("date", "")) + (f", {p['place']}" if p.get("place") else "")
             if index < len(planned) and (p := planned[index]) else "—",
             r.date(h.get(ASSEMBLY.date, "")) + (f", {h[ASSEMBLY.place]}"
                                                 if h.get(ASSEMBLY.place) else "")
             if index < len(held) and (h := held[index]) else "—"]
            for index in range(max(len(planned), len(held)))]
    if rows:
        story.append(r.table([_("Planned (date and place)"), _("Held (date and place)")],
                             rows, [0.5, 0.5]))
    else:
        story.append(r.none(_("No assembly planned or held this year.")))
    for assembly in held:
        if str(assembly.get(ASSEMBLY.decisions, "")).strip():
            story.append(Paragraph(
                f"<b>{esc(r.date(assembly.get(ASSEMBLY.date, '')))}:</b> "
                f"{esc(assembly[ASSEMBLY.decisions])}", r.styles["item"], bulletText="•"))
    story += _participation(r)
    return story


def _participation(r: _Report) -> list[Any]:
    _ = r._
    limit = r.document.get("governance", {}).get("exclusion_absences")
    away = set(dispersing(r.document, r.year))
    joined, gone = admissions(r.document), departures(r.document)
    rows = []
    for p in participation(r.document, r.year):
        notes = []
        if p.member in joined and joined[p.member].year == r.year:
            notes.append(_("admitted on {date}").format(
                date=r.date(joined[p.member].isoformat())))
        if p.member in gone and gone[p.member][0].year == r.year:
            notes.append((_("withdrew on {date}") if gone[p.member][1] == "withdrawal" else
                          _("excluded on {date}")).format(
                date=r.date(gone[p.member][0].isoformat())))
        if isinstance(limit, int) and p.trailing_absences >= limit:
            notes.append(_("exclusion limit reached ({count} absences in a row)").format(
                count=p.trailing_absences))
        elif p.member in away:
            notes.append(_("has stopped coming"))
        rows.append([r.names.get(p.member, ""), str(p.present), str(p.represented),
                     str(p.absent), "; ".join(notes)])
    story: list[Any] = [r.sub(_("Participation of each member"))]
    if isinstance(limit, int):
        story.append(r.body(_("The agreement provides for exclusion after {limit} absences "
                              "in a row.").format(limit=limit)))
    story.append(r.table([_("Member"), _("Present"), _("Represented by the substitute"),
                          _("Absent"), _("Note")], rows, [0.34, 0.11, 0.17, 0.11, 0.27],
                         (1, 2, 3)))
    return story


def _members(r: _Report) -> list[Any]:
    _ = r._
    story: list[Any] = [r.heading(_("Members in and out"))]
    changes = r.record[RECORD.member_changes]
    if changes:
        story.append(r.table(
            [_("Member organization"), _("Change"), _("Date"), _("Act or resolution")],
            [[r.names.get(c.get(CHANGE.member), "—"),
              r.choice(MEMBER_CHANGES, c.get(CHANGE.change, "")), r.date(c.get(CHANGE.date, "")),
              c.get(CHANGE.act, "")] for c in changes], [0.32, 0.14, 0.14, 0.40]))
    else:
        story.append(r.none(_("No member joined or left this year.")))
    contacts = r.record[RECORD.contact_changes]
    if contacts:
        story.append(r.sub(_("Contact persons changed (the annex is updated by an assembly "
                             "resolution)")))
        header = [_("Member organization"), _("Date")] + (
            [] if r.public else [_("New contact person")]) + [_("Resolution")]
        rows = [[r.names.get(c.get("member"), "—"), r.date(c.get("date", ""))]
                + ([] if r.public else [c.get("person", "")]) + [c.get("resolution", "")]
                for c in contacts]
        widths = [0.32, 0.15, 0.53] if r.public else [0.27, 0.15, 0.23, 0.35]
        story.append(r.table(header, rows, widths))
    story.append(r.sub(_("Actions undertaken to increase the number of organizations")))
    actions = r.record[RECORD.widening_actions]
    if actions:
        story.append(r.table([_("Date"), _("Action"), _("Result")],
                             [[r.date(a.get("date", "")), a.get("action", ""),
                               a.get("result", "")] for a in actions], [0.14, 0.50, 0.36]))
    else:
        story.append(r.none(_("None recorded. The toolkit (3.3) counts this item among the "
                              "mandatory ones of the annual report.")))
    return story


def _activities(r: _Report) -> list[Any]:
    _ = r._
    story: list[Any] = [r.heading(_("Activities and promotion"))]
    activities = r.record[RECORD.activities]
    if activities:
        story.append(r.table([_("Kind"), _("Date"), _("Description"), _("Where")],
                             [[r.choice(ACTIVITY_KINDS, a.get("kind", "")),
                               r.date(a.get("date", "")), a.get("description", ""),
                               a.get("where", "")] for a in activities],
                             [0.21, 0.15, 0.41, 0.23]))
    else:
        story.append(r.none(_("No activity recorded this year.")))
    return story


def _next_year(r: _Report) -> list[Any]:
    _ = r._
    story: list[Any] = [r.heading(_("Assembly calendar for {year}").format(year=r.year + 1))]
    planned = planned_meetings(r.document, r.year + 1)
    if planned:
        story.append(r.table([_("Date"), _("Time"), _("Place"), _("Main topic")],
                             [[r.date(m.get("date", "")), m.get("time", ""), m.get("place", ""),
                               m.get("agenda", "")] for m in planned],
                             [0.18, 0.12, 0.30, 0.40]))
    else:
        story.append(r.none(_("The calendar for the next year is not set yet.")))
    return story


def _points(r: _Report) -> list[Any]:
    _ = r._
    found = monitoring_findings(r.document, r.year)
    story: list[Any] = [r.heading(_("Points for the assembly"))]
    if not found:
        story.append(r.body(_("The monitoring rules find nothing to raise for this year.")))
    story += [Paragraph(f"<b>{f.rule}</b> [{esc(_(LEVEL_NAMES[f.level]))}] {esc(f.text(_))}",
                        r.styles["item"], bulletText="•") for f in found]
    return story


SECTIONS = (_front, _objectives, _accounts, _assemblies, _members, _activities, _next_year,
            _points)


def build_annual_report(document: dict[str, Any], year: int, lang: str,
                        public: bool = False) -> list[Any]:
    report = _Report(document, year, lang, public)
    story: list[Any] = []
    for section in SECTIONS:
        story += section(report)
    return _headings_kept_with_next(story)


def _headings_kept_with_next(story: list[Any]) -> list[Any]:
    """A heading never ends a page: it goes with what follows it."""
    kept: list[Any] = []
    index = 0
    while index < len(story):
        item = story[index]
        if (isinstance(item, Paragraph) and item.style.name in ("heading", "subheading")
                and index + 1 < len(story)):
            kept.append(KeepTogether([item, story[index + 1]]))
            index += 2
            continue
        kept.append(item)
        index += 1
    return kept


def export_annual_report(document: dict[str, Any], year: int, lang: str,
                         out: str | os.PathLike[str], public: bool = False) -> Path:
    """Write the annual report of ``year`` (a PDF/A-2b, whole or not at all)."""
    _ = translator(lang).gettext
    name = document.get("district", {}).get("name", "")
    title = _("Annual report {year}").format(year=year) + f" “{name}”"
    subject = _("Annual report of a Solidarity Economy District (Resolution 1949/2020)")
    return write_pdf(build_annual_report(document, year, lang, public), Path(out), title,
                     lang, name, subject=subject)

