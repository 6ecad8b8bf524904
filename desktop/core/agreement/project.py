"""Articles on what the district does: objectives, supply chain, local roots; Annex B."""

from __future__ import annotations

from typing import Any

from desktop.core.agreement.context import (
    Article,
    Context,
    esc,
    inline,
    label_in_sentence,
    phrase,
)
from wizard_steps import keys
from wizard_steps.members import STAGES
from wizard_steps.supply_chain import PLAN_FIELDS

# The fields read here, checked against the declarations when this module is imported.
OBJECTIVES = keys("objectives", "objectives overview mission")
OBJECTIVE = keys("objectives.objectives", "title tools_method members_roles result target_quantity "
                 "target_unit deadline checked_by")
CHAIN = keys("supply_chain", "chain products alliances")
ACTOR = keys("supply_chain.chain", "member partner activity stage")
ROOTS = keys("local_roots", "territory_analysis relationships local_activities animation training")
RELATION = keys("local_roots.relationships", "kind name how")
ACTIVITY = keys("local_roots.local_activities", "date title description")
ANIMATION = keys("local_roots.animation", "date title place")
LINKS = keys("links", "centre_keeper exchanges brand")
EXCHANGE = keys("links.exchanges", "district exchange date")


def _labelled(ctx: Context, step_key: str, field_key: str) -> str | None:
    value = ctx.section(step_key).get(field_key)
    if not value:
        return None
    return f"<b>{ctx.label(step_key, field_key)}.</b> {esc(value)}"


def objectives(ctx: Context) -> Article | None:
    _ = ctx._
    section = ctx.section("objectives")
    paragraphs = [p for p in (_labelled(ctx, "objectives", OBJECTIVES.overview),
                              _labelled(ctx, "objectives", OBJECTIVES.mission)) if p]
    rows = section.get(OBJECTIVES.objectives, [])
    if rows:
        paragraphs.append(_("The parties pursue the following objectives."))
    for number, row in enumerate(rows, start=1):
        paragraphs.append(f"<b>{number}. {inline(row.get(OBJECTIVE.title, ''))}</b>")
        parts = []
        if row.get(OBJECTIVE.tools_method):
            parts.append(_("Tools and method: {text}").format(
                text=inline(row[OBJECTIVE.tools_method])) + ".")
        involved = ctx.shown("objectives", OBJECTIVE.members_roles,
                             row.get(OBJECTIVE.members_roles), table="objectives")
        if involved:
            parts.append(_("Members involved and their roles: {members}").format(
                members=involved) + ".")
        if row.get(OBJECTIVE.result) or row.get(OBJECTIVE.target_quantity):
            target = " ".join(str(p) for p in (row.get(OBJECTIVE.target_quantity) or "",
                                                row.get(OBJECTIVE.target_unit, "")) if p)
            result = _("Expected result: {target} ({result})").format(
                target=esc(target), result=inline(row.get(OBJECTIVE.result, "")))
            if row.get(OBJECTIVE.deadline):
                result += " " + _("by {date}").format(date=esc(ctx.date(row[OBJECTIVE.deadline])))
            parts.append(result + ".")
        if row.get(OBJECTIVE.checked_by):
            parts.append(_("Checked by: {who}").format(who=inline(row[OBJECTIVE.checked_by])) + ".")
        if parts:
            paragraphs.append("<br/>".join(parts))
    if not paragraphs:
        return None
    return Article(_("Overview, mission and objectives"), paragraphs)


def supply_chain(ctx: Context) -> Article | None:
    _ = ctx._
    section = ctx.section("supply_chain")
    chain = section.get(CHAIN.chain, [])
    paragraphs: list[str] = []
    if chain:
        paragraphs.append(_("The parties jointly build a supply chain of financing, production, "
                            "distribution and consumption, organised as follows."))
    names = ctx.member_names
    for stage in STAGES:
        actors = []
        for actor in (a for a in chain if a.get(ACTOR.stage) == stage.key):
            who = names.get(actor.get(ACTOR.member), "") or actor.get(ACTOR.partner, "")
            if not who:
                continue
            text = esc(who)
            if not names.get(actor.get(ACTOR.member)) and actor.get(ACTOR.partner):
                text += " " + _("(outside partner)")
            if actor.get(ACTOR.activity):
                text += f": {inline(actor[ACTOR.activity])}"
            actors.append(text)
        if actors:
            paragraphs.append(f"<b>{esc(_(stage.label))}</b> — " + "; ".join(actors) + ".")
    for key in (CHAIN.products, CHAIN.alliances):
        labelled = _labelled(ctx, "supply_chain", key)
        if labelled:
            paragraphs.append(labelled)
    if not paragraphs:
        return None
    return Article(_("Supply chain"), paragraphs)


def _activity(ctx: Context, row: dict[str, Any]) -> str:
    """A local activity or an animation: title, (date, place), description."""
    when = ", ".join(p for p in (ctx.date(row.get(ACTIVITY.date, "")),
                                 row.get(ANIMATION.place, "")) if p)
    item = inline(row.get(ACTIVITY.title, "")) + (f" ({esc(when)})" if when else "")
    if row.get(ACTIVITY.description):
        item += f": {inline(row[ACTIVITY.description])}"
    return item


def local_roots(ctx: Context) -> Article | None:
    _ = ctx._
    roots, links = ctx.section("local_roots"), ctx.section("links")
    paragraphs: list[str] = []
    if roots.get(ROOTS.territory_analysis):
        paragraphs.append(_("The parties anchor the District in its territory, having analysed "
                            "its traits, needs and opportunities as follows: {text}.")
                          .format(text=phrase(roots[ROOTS.territory_analysis])))
    relationships = roots.get(ROOTS.relationships, [])
    if relationships:
        items = []
        for relation in relationships:
            kind = ctx.shown("local_roots", RELATION.kind, relation.get(RELATION.kind),
                             table="relationships")
            items.append(f"{inline(relation.get(RELATION.name, ''))} ({label_in_sentence(kind)}): "
                         f"{phrase(relation.get(RELATION.how, ''))}")
        paragraphs.append(_("The parties undertake to build relationships with: {items}.").format(
            items="; ".join(items)))
    for key, sentence in (
        (ROOTS.local_activities, _("Activities with local impact for the wider population: "
                               "{items}.")),
        (ROOTS.animation, _("Territorial animation: {items}.")),
    ):
        rows = roots.get(key, [])
        if rows:
            paragraphs.append(sentence.format(items="; ".join(_activity(ctx, row)
                                                              for row in rows)))
    if roots.get(ROOTS.training):
        paragraphs.append(_("Training and human capital: {text}.").format(
            text=phrase(roots[ROOTS.training])))
    if links.get(LINKS.centre_keeper):
        paragraphs.append(_("Relations with the Centre for the Solidarity Economy are "
                            "maintained by: {who}.").format(who=phrase(links[LINKS.centre_keeper])))
    exchanges = links.get(LINKS.exchanges, [])
    if exchanges:
        items = [esc(f"{e.get(EXCHANGE.district, '')}: {e.get(EXCHANGE.exchange, '')}")
                 + (f" ({esc(ctx.date(e[EXCHANGE.date]))})" if e.get(EXCHANGE.date) else "")
                 for e in exchanges]
        paragraphs.append(_("Planned exchanges with other districts: {items}.").format(
            items="; ".join(items)))
    brand = links.get(LINKS.brand, "")
    brand_sentences = {
        "solidarity_brand": _("The District uses the solidarity economy brand."),
        "own_brand": _("The District uses a brand of its own."),
        "both": _("The District uses both the solidarity economy brand and a brand of its "
                  "own."),
    }
    if brand in brand_sentences:
        paragraphs.append(brand_sentences[brand])
    if not paragraphs:
        return None
    return Article(_("Roots in the community and promotion"), paragraphs)


def annex_business_plan(ctx: Context) -> Article | None:
    _ = ctx._
    section = ctx.section("supply_chain")
    paragraphs = []
    for declared in PLAN_FIELDS:
        if section.get(declared.key):
            paragraphs.append(f"<b>{esc(_(declared.label))}</b>")
            paragraphs.append(esc(section[declared.key]))
    if not paragraphs:
        return None
    return Article(_("Supply-chain business plan"), paragraphs)
