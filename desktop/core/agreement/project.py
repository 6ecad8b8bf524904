"""Articles on what the district does: objectives, supply chain, local roots; Annex B."""

from __future__ import annotations

from desktop.core.agreement.context import Article, Context, esc, inline, phrase
from wizard_steps.members import STAGES
from wizard_steps.supply_chain import PLAN_FIELDS


def _labelled(ctx: Context, step_key: str, field_key: str) -> str | None:
    value = ctx.section(step_key).get(field_key)
    if not value:
        return None
    return f"<b>{ctx.label(step_key, field_key)}.</b> {esc(value)}"


def objectives(ctx: Context) -> Article | None:
    _ = ctx._
    section = ctx.section("objectives")
    paragraphs = [p for p in (_labelled(ctx, "objectives", "overview"),
                              _labelled(ctx, "objectives", "mission")) if p]
    rows = section.get("objectives", [])
    if rows:
        paragraphs.append(_("The parties pursue the following objectives."))
    for number, row in enumerate(rows, start=1):
        paragraphs.append(f"<b>{number}. {inline(row.get('title', ''))}</b>")
        parts = []
        if row.get("tools_method"):
            parts.append(_("Tools and method: {text}").format(text=inline(row["tools_method"]))
                         + ".")
        involved = ctx.shown("objectives", "members_roles", row.get("members_roles"),
                             table="objectives")
        if involved:
            parts.append(_("Members involved and their roles: {members}").format(
                members=involved) + ".")
        if row.get("result") or row.get("target_quantity"):
            target = " ".join(str(p) for p in (row.get("target_quantity") or "",
                                                row.get("target_unit", "")) if p)
            result = _("Expected result: {target} ({result})").format(
                target=esc(target), result=inline(row.get("result", "")))
            if row.get("deadline"):
                result += " " + _("by {date}").format(date=esc(ctx.date(row["deadline"])))
            parts.append(result + ".")
        if row.get("checked_by"):
            parts.append(_("Checked by: {who}").format(who=inline(row["checked_by"])) + ".")
        if parts:
            paragraphs.append("<br/>".join(parts))
    if not paragraphs:
        return None
    return Article(_("Overview, mission and objectives"), paragraphs)


def supply_chain(ctx: Context) -> Article | None:
    _ = ctx._
    section = ctx.section("supply_chain")
    chain = section.get("chain", [])
    paragraphs: list[str] = []
    if chain:
        paragraphs.append(_("The parties jointly build a supply chain of financing, production, "
                            "distribution and consumption, organised as follows."))
    names = ctx.member_names
    for stage in STAGES:
        actors = []
        for actor in (a for a in chain if a.get("stage") == stage.key):
            who = names.get(actor.get("member"), "") or actor.get("partner", "")
            if not who:
                continue
            text = esc(who)
            if not names.get(actor.get("member")) and actor.get("partner"):
                text += " " + _("(outside partner)")
            if actor.get("activity"):
                text += f": {inline(actor['activity'])}"
            actors.append(text)
        if actors:
            paragraphs.append(f"<b>{esc(_(stage.label))}</b> — " + "; ".join(actors) + ".")
    for key in ("products", "alliances"):
        text = _labelled(ctx, "supply_chain", key)
        if text:
            paragraphs.append(text)
    if not paragraphs:
        return None
    return Article(_("Supply chain"), paragraphs)


def local_roots(ctx: Context) -> Article | None:
    _ = ctx._
    roots, links = ctx.section("local_roots"), ctx.section("links")
    paragraphs: list[str] = []
    if roots.get("territory_analysis"):
        paragraphs.append(_("The parties anchor the District in its territory, having analysed "
                            "its traits, needs and opportunities as follows: {text}.")
                          .format(text=phrase(roots["territory_analysis"])))
    relationships = roots.get("relationships", [])
    if relationships:
        items = []
        for relation in relationships:
            kind = ctx.shown("local_roots", "kind", relation.get("kind"), table="relationships")
            items.append(f"{inline(relation.get('name', ''))} ({kind.lower()}): "
                         f"{phrase(relation.get('how', ''))}")
        paragraphs.append(_("The parties undertake to build relationships with: {items}.").format(
            items="; ".join(items)))
    for key, sentence in (
        ("local_activities", _("Activities with local impact for the wider population: "
                               "{items}.")),
        ("animation", _("Territorial animation: {items}.")),
    ):
        rows = roots.get(key, [])
        if rows:
            items = []
            for row in rows:
                when = ", ".join(p for p in (ctx.date(row.get("date", "")),
                                             row.get("place", "")) if p)
                item = inline(row.get("title", "")) + (f" ({esc(when)})" if when else "")
                if row.get("description"):
                    item += f": {inline(row['description'])}"
                items.append(item)
            paragraphs.append(sentence.format(items="; ".join(items)))
    if roots.get("training"):
        paragraphs.append(_("Training and human capital: {text}.").format(
            text=phrase(roots["training"])))
    if links.get("centre_keeper"):
        paragraphs.append(_("Relations with the Centre for the Solidarity Economy are "
                            "maintained by: {who}.").format(who=phrase(links["centre_keeper"])))
    exchanges = links.get("exchanges", [])
    if exchanges:
        items = [esc(f"{e.get('district', '')}: {e.get('exchange', '')}")
                 + (f" ({esc(ctx.date(e['date']))})" if e.get("date") else "")
                 for e in exchanges]
        paragraphs.append(_("Planned exchanges with other districts: {items}.").format(
            items="; ".join(items)))
    brand = links.get("brand", "")
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
    return Article(_("Local roots and promotion"), paragraphs)


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
