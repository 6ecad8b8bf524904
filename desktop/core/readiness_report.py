"""The readiness report: a PDF the group discusses at the founding meeting."""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from pathlib import Path
from typing import Any

from reportlab.platypus import Paragraph, Spacer

from desktop.core.agreement.context import esc
from desktop.core.agreement.pdf import _styles, write_pdf
from desktop.core.display import display_value
from desktop.core.readiness import (
    RULES,
    Finding,
    Level,
    acceptance_of,
    findings,
    is_acknowledged,
)
from i18n import N_, translator
from i18n.formats import long_date
from wizard_steps import STEPS, step
from wizard_steps.members import STAGES


def _label(step_key: str, table: str, field_key: str, value: str, _) -> str:
    declared = step(step_key).field(table).row_field(field_key)
    return _(declared.choice_label(value)) if value else _("not given")


LEVEL_HEADINGS = {Level.BLOCKING: N_("Problems that block the final agreement"),
                  Level.WARNING: N_("Warnings"), Level.HINT: N_("Suggestions")}


def district_summary(document: dict[str, Any], lang: str) -> list[tuple[str, str]]:
    """(heading, text) pairs: members by nature and legal form, chain, assemblies, figures."""
    _ = translator(lang).gettext
    members = document.get("members", {}).get("organizations", [])
    names = {m.get("id"): m.get("name", "") for m in members}
    natures = Counter(m.get("nature", "") for m in members)
    forms = Counter(m.get("legal_form", "") for m in members)
    lines = [
        (_("Members"), str(len(members))),
        (_("By type of organization"), "; ".join(
            f"{_label('members', 'organizations', 'nature', k, _)}: {n}"
            for k, n in natures.most_common())),
        (_("By legal form"), "; ".join(
            f"{_label('members', 'organizations', 'legal_form', k, _)}: {n}"
            for k, n in forms.most_common())),
    ]
    chain = document.get("supply_chain", {}).get("chain", [])

    stages = []
    for stage in STAGES:
        actors = [names.get(a.get("member")) or a.get("partner", "") for a in chain
                  if a.get("stage") == stage.key]
        actors = [a for a in actors if a]
        stages.append(f"{_(stage.label)}: " + (", ".join(actors) if actors else "—"))
    lines.append((_("Supply-chain stages"), "; ".join(stages)))
    meetings = document.get("governance", {}).get("meetings", [])
    lines.append((_("Planned assemblies"), "; ".join(
        long_date(m.get("date", ""), lang) + (f", {m['place']}" if m.get("place") else "")
        for m in meetings if m.get("date")) or "—"))
    figures = document.get("key_figures", {})
    person = step("key_figures").field("coordinator")
    for key, title in (("coordinator", _("Internal coordinator")),
                       ("external_contact", _("External contact person"))):
        if key == "external_contact" and figures.get("same_person") is True:
            lines.append((title, _("the coordinator holds both roles")))
            continue
        lines.append((title, display_value(person, figures.get(key) or {}, names, _, lang)
                      or "—"))
    return lines


def build_report(document: dict[str, Any], lang: str) -> list[Any]:
    _ = translator(lang).gettext
    styles = _styles()
    name = document.get("district", {}).get("name", "")
    found = findings(document)
    blocking = [f for f in found if f.level is Level.BLOCKING]
    story: list[Any] = [
        Paragraph(esc(_("Readiness report")), styles["title"]),
        Paragraph(f"“{esc(name)}”", styles["name"]),
        Paragraph(esc(_("Drawn up on {date} by DES Wizard, from the rules of the toolkit and "
                        "of Resolution 1949/2020.").format(
            date=long_date(dt.date.today().isoformat(), lang))), styles["note"]),
    ]
    verdict = _("Ready to sign: every blocking requirement is met.") if not blocking else \
        translator(lang).ngettext(
            "{count} problem blocks the final agreement.",
            "{count} problems block the final agreement.", len(blocking)).format(
            count=len(blocking))
    story.append(Paragraph(f"<b>{esc(verdict)}</b>", styles["body"]))
    story.append(Paragraph(esc(_("The district in short")), styles["heading"]))
    for heading, text in district_summary(document, lang):
        story.append(Paragraph(f"<b>{esc(heading)}:</b> {esc(text)}", styles["body"]))

    titles = {s.key: _(s.title) for s in STEPS}
    open_findings = [f for f in found if not is_acknowledged(f, document)]
    accepted = [f for f in found if is_acknowledged(f, document)]
    for level in Level:
        mine = [f for f in open_findings if f.level is level]
        if not mine:
            continue
        story.append(Paragraph(esc(_(LEVEL_HEADINGS[level])), styles["heading"]))
        story += [_finding(f, titles, styles, _) for f in mine]
    if accepted:
        story.append(Paragraph(esc(_("Warnings accepted by the group")), styles["heading"]))
        for finding in accepted:
            acceptance = acceptance_of(finding, document) or {}
            story.append(_finding(finding, titles, styles, _))
            story.append(Paragraph("<i>" + esc(_("Reason: {reason}").format(
                reason=acceptance.get("reason", ""))) + "</i>", styles["item"]))
    if not found:
        story.append(Spacer(1, 6))
        story.append(Paragraph(esc(_("No problems found.")), styles["body"]))
    if not blocking:
        story += passing_review(lang)
    return story


def passing_review(lang: str) -> list[Any]:
    """What a passing review checked, and what the group does next."""
    _ = translator(lang).gettext
    styles = _styles()
    levels = Counter(rule_id[0] for rule_id in RULES)
    titles = {"S": _("members"), "O": _("objectives"), "G": _("governance"),
              "K": _("key roles"), "B": _("supply chain"), "F": _("financial plan and "
                                                                   "reporting"),
              "L": _("roots in the community"), "C": _("links with other districts"),
              "A": _("the agreement itself")}
    checked = "; ".join(f"{titles[letter]}: {count}" for letter, count in levels.items()
                        if letter in titles)
    story: list[Any] = [
        Paragraph(esc(_("What was checked")), styles["heading"]),
        Paragraph(esc(_("{count} rules of the toolkit and of Resolution 1949/2020, by "
                        "subject: {subjects}.").format(count=len(RULES), subjects=checked)),
                  styles["body"]),
        Paragraph(esc(_("Next steps")), styles["heading"]),
    ]
    steps = [
        _("Each party has its signature authorised by its competent body (for a public body, "
          "a resolution or decree) and gives its kind, number and date in the step "
          "“Members”."),
        _("Export the final agreement and have it read by the parties and, where they wish, "
          "by their advisers."),
        _("Sign it: by hand, one original per party with the date beside each signature, or "
          "with a qualified electronic signature (recommended when a public body is a party)."),
        _("Send the signed agreement to the Centre for the Solidarity Economy, and keep the "
          "signed copy in the district file (step “Review”, “Attach the signed agreement”)."),
    ]
    story += [Paragraph(esc(text), styles["item"], bulletText=f"{number}.")
              for number, text in enumerate(steps, start=1)]
    return story


def _finding(finding: Finding, titles: dict[str, str], styles, _) -> Paragraph:
    return Paragraph(f"<b>{finding.rule}</b> · {esc(titles.get(finding.step, ''))} — "
                     f"{esc(finding.text(_))}", styles["item"], bulletText="•")


def export_report(document: dict[str, Any], lang: str, out: str | os.PathLike[str]) -> Path:
    _ = translator(lang).gettext
    name = document.get("district", {}).get("name", "")
    return write_pdf(build_report(document, lang), Path(out),
                     _("Readiness report") + f" “{name}”", lang, name,
                     subject=_("Readiness of the district for signing its agreement, against "
                               "the toolkit and Resolution 1949/2020"))
