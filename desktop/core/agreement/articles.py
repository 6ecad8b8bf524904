"""What the agreement says: front matter, articles and annexes, in the order of the outline.

Every builder receives the district document and the gettext function of the document's
language (bound to ``_`` so the messages are extracted like any other). A builder returns
``None`` while the district gives it nothing to say; articles are numbered as they are laid
out, so adding one never means renumbering the others.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop.core.agreement.context import Article, Context, esc, person_name, phrase
from desktop.core.agreement.finances import (
    annex_financial_plan,
    annex_indicators,
    economic_resources,
    monitoring,
)
from desktop.core.agreement.organisation import (
    additional_clauses,
    admission_and_exclusion,
    governance,
    key_figures,
    roles_and_commitments,
)
from desktop.core.agreement.parties import acts_recital
from desktop.core.agreement.project import (
    annex_business_plan,
    local_roots,
    objectives,
    supply_chain,
)


def district_kind(ctx: Context) -> str:
    _ = ctx._
    district = ctx.district
    if district.get("district_type") == "territorial":
        return _("territorial district serving {territory}").format(
            territory=esc(district.get("territory", "")))
    if district.get("district_type") == "thematic":
        return _("thematic district in the sector “{sector}”").format(
            sector=esc(ctx.choice("district", "sector", district.get("sector", ""))))
    return ""


def recitals(ctx: Context) -> list[str]:
    _ = ctx._
    found = [
        _("Provincial Law No. 13 of 17 June 2010 of the Autonomous Province of Trento promotes "
          "and supports the solidarity economy and, in article 7, provides for Solidarity "
          "Economy Districts;"),
        _("Provincial Council Resolution No. 1949 of 27 November 2020 sets the essential "
          "requirements for the establishment of a district: a supply chain of goods or "
          "services made on solidarity economy principles, at least three members with "
          "different legal forms, at least one of them registered with the solidarity economy "
          "regulations, broad and horizontal governance, a district contact person, attention "
          "to economic sustainability and an agreement lasting at least three years;"),
    ]
    found += [_("the document “I Distretti dell'economia solidale e sociale in Provincia di "
                "Trento”, approved by that Resolution, describes how a district is established "
                "and run;")]
    kind = district_kind(ctx)
    if kind:
        found.append(_("the parties intend to work together as a {kind};").format(kind=kind))
    needs = ctx.section("objectives").get("needs")
    if needs:
        found.append(_("the parties intend to address the following needs: {needs};").format(
            needs=phrase(needs)))
    acts = acts_recital(ctx)
    if acts:
        found.append(acts)
    found.append(_("the recitals and the annexes are an integral and substantial part of this "
                   "agreement;"))
    return found


def establishment(ctx: Context) -> Article:
    _ = ctx._
    district = ctx.district
    text = _("The parties establish the district named “{name}”, hereinafter “the District”."
             ).format(name=esc(district.get("name", "")))
    paragraphs = [text]
    kind = district_kind(ctx)
    if kind:
        paragraphs.append(_("The District is a {kind}.").format(kind=kind))
    paragraphs.append(_("The District is a network of organizations; it does not create a new "
                        "legal entity and each party keeps its own autonomy."))
    if district.get("seat"):
        paragraphs.append(_("The reference address of the District is {seat}.").format(
            seat=esc(district["seat"])))
    return Article(_("Establishment and name"), paragraphs)


def principles(ctx: Context) -> Article:
    _ = ctx._
    return Article(_("Shared principles"), [
        _("The parties base their cooperation on the principles of the solidarity economy: a "
          "local, fair and sustainable economy, the central place of the person, cooperation "
          "and reciprocity among the members, equity in sharing resources, respect for the "
          "environment and for the community they belong to."),
    ])


def contact_persons(ctx: Context) -> Article:
    _ = ctx._
    return Article(_("Contact persons"), [
        _("Each party names a contact person who represents it in the District, and a "
          "substitute who stands in when the contact person is unavailable. The contact "
          "persons are listed in Annex A. A party that changes its contact person informs the "
          "other parties in writing."),
    ])


def duration(ctx: Context) -> Article:
    _, ngettext = ctx._, ctx.ngettext
    years = ctx.district.get("duration_years")
    paragraphs = []
    if years:
        paragraphs.append(ngettext("This agreement lasts {years} year from the date of signing.",
                                   "This agreement lasts {years} years from the date of signing.",
                                   years).format(years=years))
    paragraphs.append(_("Before it expires the members' assembly may renew it. Amendments to "
                        "this agreement are made in writing and signed by all the parties."))
    return Article(_("Duration, renewal and amendments"), paragraphs)


def personal_data(ctx: Context) -> Article:
    _ = ctx._
    return Article(_("Personal data"), [
        _("The personal data in this agreement and its annexes are processed only to run the "
          "District and to keep in touch among the parties, in accordance with Regulation (EU) "
          "2016/679."),
    ])


def final_provisions(ctx: Context) -> Article:
    _ = ctx._
    return Article(_("Final provisions"), [
        _("For anything not set out in this agreement, the parties refer to Provincial Law "
          "13/2010, to Resolution 1949/2020 and to the decisions of the members' assembly. "
          "This agreement is drawn up in as many originals as there are parties, or signed "
          "digitally."),
    ])


# In the order of the outline; additional clauses come just before the final provisions.
ARTICLES: tuple[Callable[[Context], Article | None], ...] = (
    establishment,
    principles,
    objectives,
    supply_chain,
    governance,
    key_figures,
    contact_persons,
    roles_and_commitments,
    economic_resources,
    monitoring,
    local_roots,
    admission_and_exclusion,
    duration,
    personal_data,
)
CLOSING_ARTICLES: tuple[Callable[[Context], Article | None], ...] = (final_provisions,)


def all_articles(ctx: Context) -> list[Article]:
    articles = [article for build in ARTICLES if (article := build(ctx)) is not None]
    articles += additional_clauses(ctx)
    articles += [article for build in CLOSING_ARTICLES if (article := build(ctx)) is not None]
    return articles


def annex_members(ctx: Context) -> Article:
    _ = ctx._
    header = [_("Member"), _("Contact person"), _("Substitute")]
    rows = [header]
    for member in ctx.members:
        cells = [f"<b>{esc(member.get('name', ''))}</b>"]
        for role in ("contact_person", "substitute"):
            person = member.get(role) or {}
            lines = [esc(x) for x in (person_name(person), person.get("email", ""),
                                      person.get("phone", "").replace(" ", "\u00a0")) if x]
            cells.append("<br/>".join(lines) or "—")
        rows.append(cells)
    return Article(_("Members and contact persons"), table=rows)


ANNEXES: tuple[Callable[[Context], Article | None], ...] = (
    annex_members, annex_business_plan, annex_financial_plan, annex_indicators)
