"""Articles on how the district is run: governance, key figures, roles, members, clauses."""

from __future__ import annotations

from desktop.core.agreement.context import Article, Context, esc, inline, person_name, phrase


def governance(ctx: Context) -> Article | None:
    _, ngettext = ctx._, ctx.ngettext
    section = ctx.section("governance")
    paragraphs: list[str] = []
    bodies = section.get("bodies", [])
    if bodies:
        paragraphs.append(_("The District takes its decisions through the following bodies."))
    for body in bodies:
        kind = ctx.shown("governance", "kind", body.get("kind"), table="bodies")
        name = esc(body.get("name", "")) or kind
        same = body.get("name", "").strip().lower() == kind.lower()
        parts = [f"<b>{name}</b>"
                 + (f" ({kind.lower()})" if body.get("name") and kind and not same else "")]
        members = ctx.shown("governance", "members", body.get("members"), table="bodies")
        if members:
            parts.append(_("members: {members}").format(members=members))
        if body.get("functions"):
            parts.append(_("functions: {text}").format(text=phrase(body["functions"])))
        method = ctx.shown("governance", "decision_method", body.get("decision_method"),
                           table="bodies")
        if method:
            parts.append(_("decisions: {method}").format(method=method.lower()))
        if body.get("quorum"):
            parts.append(phrase(body["quorum"]))
        paragraphs.append("; ".join(parts) + ".")
    assembly = next((b for b in bodies if b.get("kind") == "assembly"), None)
    if assembly is None or not assembly.get("functions"):
        # The minimum functions of the outline, unless the group wrote the assembly's own.
        paragraphs.append(_(
            "The members' assembly shares and structures the projects and an annual programme "
            "of activities, defines the roles, sets objectives and deadlines, and monitors "
            "progress."))
    months = section.get("assembly_every_months")
    if months:
        paragraphs.append(ngettext("The assembly meets at least every month.",
                                   "The assembly meets at least every {months} months.",
                                   months).format(months=months))
    meetings = section.get("meetings", [])
    if meetings:
        dates = []
        for meeting in meetings:
            text = esc(ctx.date(meeting.get("date", "")))
            if meeting.get("time"):
                text += " " + esc(_("at {time}").format(time=meeting["time"]))
            if meeting.get("place"):
                text += ", " + esc(meeting["place"])
            if meeting.get("agenda"):
                text += f" ({inline(meeting['agenda'])})"
            dates.append(text)
        paragraphs.append(_("In the first year the assembly is convened on: {dates}.").format(
            dates="; ".join(dates)))
    if section.get("representation"):
        paragraphs.append(_("Representation of the members: {text}.").format(
            text=phrase(section["representation"])))
    if section.get("open_to_citizens") is True:
        paragraphs.append(_("The meetings of the assembly are open to citizens and other "
                            "stakeholders, who take part without a vote."))
    elif section.get("open_to_citizens") is False:
        paragraphs.append(_("The meetings of the assembly are reserved to the parties."))
    if section.get("monitoring_tools"):
        paragraphs.append(_("To monitor and share activities, results and difficulties the "
                            "parties use: {tools}.").format(
                                tools=phrase(section["monitoring_tools"])))
    return Article(_("Governance and members' assembly"), paragraphs)


def _figure(ctx: Context, person: dict) -> str:
    name = esc(person_name(person))
    member = ctx.member_names.get(person.get("member"), "")
    phone = person.get("phone", "").replace(" ", "\u00a0")  # a number is never split
    contacts = ", ".join(esc(x) for x in (person.get("email", ""), phone) if x)
    text = f"<b>{name}</b>" + (f" ({esc(member)})" if member else "")
    return text + (f", {contacts}" if contacts else "")


def key_figures(ctx: Context) -> Article | None:
    _, ngettext = ctx._, ctx.ngettext
    section = ctx.section("key_figures")
    coordinator = section.get("coordinator") or {}
    if not person_name(coordinator):
        return None
    paragraphs = [_("The parties appoint as internal coordinator {person}, who runs the "
                    "District, encourages dialogue and cooperation among the parties, "
                    "convenes and facilitates the assembly and follows the actions it "
                    "decides.").format(person=_figure(ctx, coordinator))]
    if section.get("same_person") is True:
        paragraphs.append(_("The coordinator is also the external contact person: they "
                            "represent the District and maintain relations with the Centre for "
                            "the Solidarity Economy."))
    else:
        external = section.get("external_contact") or {}
        if person_name(external):
            paragraphs.append(_("The parties appoint as external contact person {person}, who "
                                "represents the District and maintains relations with the "
                                "Centre for the Solidarity Economy.").format(
                                    person=_figure(ctx, external)))
        else:
            paragraphs.append("<b>" + esc(_("The external contact person is still to be "
                                            "appointed.")) + "</b>")
    years = section.get("term_years")
    if years:
        paragraphs.append(ngettext("The appointments last {years} year and may be renewed.",
                                   "The appointments last {years} years and may be renewed.",
                                   years).format(years=years))
    return Article(_("Key figures"), paragraphs)


def roles_and_commitments(ctx: Context) -> Article | None:
    _, ngettext = ctx._, ctx.ngettext
    roles = ctx.section("governance").get("roles", [])
    paragraphs: list[str] = []
    if roles:
        items = []
        for role in roles:
            name = esc(role.get("role_name")) if role.get("role") == "other" else ctx.shown(
                "governance", "role", role.get("role"), table="roles")
            holder = esc(ctx.member_names.get(role.get("member"), ""))
            if role.get("person"):
                holder += f" ({esc(role['person'])})"
            items.append(f"{name}: {holder}")
        paragraphs.append(_("The key roles are assigned as follows: {items}.").format(
            items="; ".join(items)))
    for member in ctx.members:
        parts = []
        if member.get("commitment"):
            parts.append(phrase(member["commitment"]))
        people, hours = member.get("staff_people"), member.get("staff_hours_month")
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
            paragraphs.append(f"<b>{esc(member.get('name', ''))}</b>: " + "; ".join(parts) + ".")
    if not paragraphs:
        return None
    return Article(_("Roles and commitments of the parties"), paragraphs)


def other_language(lang: str) -> str:
    return "en" if lang == "it" else "it"


def additional_clauses(ctx: Context) -> list[Article]:
    """The group's own articles, in the document's language where they are written in it."""
    _ = ctx._
    found = []
    for clause in ctx.section("clauses").get("clauses", []):
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
        clause.get("title_it") or clause.get("title_en") or "?"
        for clause in document.get("clauses", {}).get("clauses", [])
        if (clause.get("text_it") or clause.get("text_en")) and not clause.get(f"text_{lang}")
    ]
