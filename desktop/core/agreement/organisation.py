"""Articles on how the district is run: governance, key figures, roles, members, clauses."""

from __future__ import annotations

from typing import Any

from desktop.core.agreement.context import Article, Context, esc, inline, person_name, phrase
from wizard_steps import keys

# The fields read here, checked against the declarations when this module is imported.
GOVERNANCE = keys("governance", "bodies assembly_every_months meetings representation "
                  "open_to_citizens monitoring_tools roles exclusion_absences")
BODY = keys("governance.bodies", "kind name members functions decision_method quorum")
MEETING = keys("governance.meetings", "date time place agenda")
ROLE = keys("governance.roles", "role_name role member person")
KEY_FIGURES = keys("key_figures", "coordinator same_person external_contact term_years")
FIGURE = keys("key_figures.coordinator", "member phone email")
MEMBER = keys("members.organizations", "commitment staff_people staff_hours_month name")


def _body(ctx: Context, body: dict[str, Any]) -> str:
    """One decision body: its name (and kind), members, functions, method, quorum."""
    _ = ctx._
    kind = ctx.shown("governance", BODY.kind, body.get(BODY.kind), table="bodies")
    name = esc(body.get(BODY.name, "")) or kind
    same = body.get(BODY.name, "").strip().lower() == kind.lower()
    parts = [f"<b>{name}</b>"
             + (f" ({kind.lower()})" if body.get(BODY.name) and kind and not same else "")]
    members = ctx.shown("governance", BODY.members, body.get(BODY.members), table="bodies")
    if members:
        parts.append(_("members: {members}").format(members=members))
    if body.get(BODY.functions):
        parts.append(_("functions: {text}").format(text=phrase(body[BODY.functions])))
    method = ctx.shown("governance", BODY.decision_method, body.get(BODY.decision_method),
                       table="bodies")
    if method:
        parts.append(_("decisions: {method}").format(method=method.lower()))
    if body.get(BODY.quorum):
        parts.append(phrase(body[BODY.quorum]))
    return "; ".join(parts) + "."


def _meeting(ctx: Context, meeting: dict[str, Any]) -> str:
    """A meeting of the first year's calendar: date, time, place, agenda."""
    text = esc(ctx.date(meeting.get(MEETING.date, "")))
    if meeting.get(MEETING.time):
        text += " " + esc(ctx._("at {time}").format(time=meeting[MEETING.time]))
    if meeting.get(MEETING.place):
        text += ", " + esc(meeting[MEETING.place])
    if meeting.get(MEETING.agenda):
        text += f" ({inline(meeting[MEETING.agenda])})"
    return text


def governance(ctx: Context) -> Article | None:
    _, ngettext = ctx._, ctx.ngettext
    section = ctx.section("governance")
    paragraphs: list[str] = []
    bodies = section.get(GOVERNANCE.bodies, [])
    if bodies:
        paragraphs.append(_("The District takes its decisions through the following bodies."))
    paragraphs += [_body(ctx, body) for body in bodies]
    assembly = next((b for b in bodies if b.get(BODY.kind) == "assembly"), None)
    if assembly is None or not assembly.get(BODY.functions):
        # The minimum functions of the outline, unless the group wrote the assembly's own.
        paragraphs.append(_(
            "The members' assembly shares and structures the projects and an annual programme "
            "of activities, defines the roles, sets objectives and deadlines, and monitors "
            "progress."))
    months = section.get(GOVERNANCE.assembly_every_months)
    if months:
        paragraphs.append(ngettext("The assembly meets at least every month.",
                                   "The assembly meets at least every {months} months.",
                                   months).format(months=months))
    meetings = section.get(GOVERNANCE.meetings, [])
    if meetings:
        paragraphs.append(_("In the first year the assembly is convened on: {dates}.").format(
            dates="; ".join(_meeting(ctx, meeting) for meeting in meetings)))
    if section.get(GOVERNANCE.representation):
        paragraphs.append(_("Representation of the members: {text}.").format(
            text=phrase(section[GOVERNANCE.representation])))
    if section.get(GOVERNANCE.open_to_citizens) is True:
        paragraphs.append(_("The meetings of the assembly are open to citizens and other "
                            "stakeholders, who take part without a vote."))
    elif section.get(GOVERNANCE.open_to_citizens) is False:
        paragraphs.append(_("The meetings of the assembly are reserved to the parties."))
    if section.get(GOVERNANCE.monitoring_tools):
        paragraphs.append(_("To monitor and share activities, results and difficulties the "
                            "parties use: {tools}.").format(
                                tools=phrase(section[GOVERNANCE.monitoring_tools])))
    return Article(_("Governance and members' assembly"), paragraphs)


def _figure(ctx: Context, person: dict) -> str:
    name = esc(person_name(person))
    member_id = person.get(FIGURE.member)
    member = ctx.member_names.get(member_id, "") if isinstance(member_id, int) else ""
    phone = person.get(FIGURE.phone, "").replace(" ", "\u00a0")  # a number is never split
    contacts = ", ".join(esc(x) for x in (person.get(FIGURE.email, ""), phone) if x)
    text = f"<b>{name}</b>" + (f" ({esc(member)})" if member else "")
    return text + (f", {contacts}" if contacts else "")


def key_figures(ctx: Context) -> Article | None:
    _, ngettext = ctx._, ctx.ngettext
    section = ctx.section("key_figures")
    coordinator = section.get(KEY_FIGURES.coordinator) or {}
    if not person_name(coordinator):
        return None
    paragraphs = [_("The parties appoint as internal coordinator {person}, who runs the "
                    "District, encourages dialogue and cooperation among the parties, "
                    "convenes and facilitates the assembly and follows the actions it "
                    "decides.").format(person=_figure(ctx, coordinator))]
    if section.get(KEY_FIGURES.same_person) is True:
        paragraphs.append(_("The coordinator is also the external contact person: they "
                            "represent the District and maintain relations with the Centre for "
                            "the Solidarity Economy."))
    else:
        external = section.get(KEY_FIGURES.external_contact) or {}
        if person_name(external):
            paragraphs.append(_("The parties appoint as external contact person {person}, who "
                                "represents the District and maintains relations with the "
                                "Centre for the Solidarity Economy.").format(
                                    person=_figure(ctx, external)))
        else:
            paragraphs.append("<b>" + esc(_("The external contact person is still to be "
                                            "appointed.")) + "</b>")
    years = section.get(KEY_FIGURES.term_years)
    if years:
        paragraphs.append(ngettext("The appointments last {years} year and may be renewed.",
                                   "The appointments last {years} years and may be renewed.",
                                   years).format(years=years))
    return Article(_("Key roles"), paragraphs)


def roles_and_commitments(ctx: Context) -> Article | None:
    _, ngettext = ctx._, ctx.ngettext
    roles = ctx.section("governance").get(GOVERNANCE.roles, [])
    paragraphs: list[str] = []
    if roles:
        items = []
        for role in roles:
            name = esc(role.get(ROLE.role_name)) if role.get(ROLE.role) == "other" else ctx.shown(
                "governance", ROLE.role, role.get(ROLE.role), table="roles")
            holder = esc(ctx.member_names.get(role.get(ROLE.member), ""))
            if role.get(ROLE.person):
                holder += f" ({esc(role[ROLE.person])})"
            items.append(f"{name}: {holder}")
        paragraphs.append(_("The roles of the members are assigned as follows: {items}.").format(
            items="; ".join(items)))
    for member in ctx.members:
        parts = []
        if member.get(MEMBER.commitment):
            parts.append(phrase(member[MEMBER.commitment]))
        people, hours = member.get(MEMBER.staff_people), member.get(MEMBER.staff_hours_month)
        if people or hours:
            given = []
            if people:
                given.append(ngettext("{people} person", "{people} people", people).format(
                    people=people))
            if hours:
                given.append(ngettext("{hours} hour a month", "{hours} hours a month",
                                      hours).format(hours=hours))
            parts.append(_("human resources: {resources}").format(
                resources=", ".join(given)))
        if parts:
            paragraphs.append(f"<b>{esc(member.get(MEMBER.name, ''))}</b>: "
                              + "; ".join(parts) + ".")
    if not paragraphs:
        return None
    return Article(_("Roles and commitments of the parties"), paragraphs)


# The group's own articles, in either language.
CLAUSES = keys("clauses", "clauses")
CLAUSE = keys("clauses.clauses", "title_it title_en text_it text_en")


def other_language(lang: str) -> str:
    return "en" if lang == "it" else "it"


def additional_clauses(ctx: Context) -> list[Article]:
    """The group's own articles, in the document's language where they are written in it."""
    _ = ctx._
    found = []
    for clause in ctx.section("clauses").get(CLAUSES.clauses, []):
        lang = ctx.lang
        if not (clause.get(f"title_{lang}") or clause.get(f"text_{lang}")):
            lang = other_language(ctx.lang)
        title = clause.get(f"title_{lang}", "") or clause.get(
            f"title_{other_language(lang)}", "")
        text = clause.get(f"text_{lang}", "")
        if not (title or text):
            continue
        paragraphs = [esc(text)] if text else []
        if lang != ctx.lang:
            paragraphs.append("<i>" + esc({
                "it": _("This article is written only in Italian."),
                "en": _("This article is written only in English."),
            }[lang]) + "</i>")
        found.append(Article(esc(title), paragraphs))
    return found


def missing_clause_languages(document: dict, lang: str) -> list[str]:
    """The titles of additional articles that have no text in ``lang``."""
    return [
        clause.get(CLAUSE.title_it) or clause.get(CLAUSE.title_en) or "?"
        for clause in document.get("clauses", {}).get(CLAUSES.clauses, [])
        if (clause.get(CLAUSE.text_it) or clause.get(CLAUSE.text_en))
        and not clause.get(f"text_{lang}")
    ]
