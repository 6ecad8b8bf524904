"""What the agreement says: front matter, articles and annexes, in the order of the outline.

Every builder receives the district document and the gettext function of the document's
language (bound to ``_`` so the messages are extracted like any other). A builder returns
``None`` while the district gives it nothing to say; articles are numbered as they are laid
out, so adding one never means renumbering the others.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop.core.agreement.context import Article, Context, Recital, esc, person_name, phrase
from desktop.core.agreement.finances import (
    annex_financial_plan,
    annex_indicators,
    monitoring,
)
from desktop.core.agreement.legal import (
    admission_withdrawal_exclusion,
    disputes,
    duration_and_renewal,
    duties,
    economic_resources_in_full,
    final_provisions,
    language,
    nature_of_agreement,
    personal_data,
    registration_and_stamp_duty,
    signature_and_effect,
)
from desktop.core.agreement.organisation import (
    additional_clauses,
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
from wizard_steps import keys

# The fields the articles read, checked against the declarations when this module is imported.
DISTRICT = keys("district", "name district_type territory sector seat duration_years")
MEMBER = keys("members.organizations", "name legal_form nature registered_office tax_code "
              "registered_sea legal_representative legal_representative_role "
              "signing_authority contact_person substitute")
OBJECTIVES = keys("objectives", "needs")
PERSON = keys("members.organizations.contact_person", "email phone")


def district_kind(ctx: Context) -> str:
    _ = ctx._
    district = ctx.district
    if district.get(DISTRICT.district_type) == "territorial":
        return _("territorial district serving {territory}").format(
            territory=esc(district.get(DISTRICT.territory, "")))
    if district.get(DISTRICT.district_type) == "thematic":
        return _("thematic district in the sector “{sector}”").format(
            sector=esc(ctx.choice("district", DISTRICT.sector, district.get(DISTRICT.sector, ""))))
    return ""


def recitals(ctx: Context) -> list[Recital]:
    _ = ctx._
    texts = [
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
    texts += [_("the document “I Distretti dell'economia solidale e sociale in Provincia di "
                "Trento”, approved by that Resolution, describes how a district is established "
                "and run;")]
    kind = district_kind(ctx)
    if kind:
        texts.append(_("the parties intend to work together as a {kind};").format(kind=kind))
    needs = ctx.section("objectives").get(OBJECTIVES.needs)
    if needs:
        texts.append(_("the parties intend to address the following needs: {needs};").format(
            needs=phrase(needs)))
    found = [Recital(text) for text in texts]
    acts = acts_recital(ctx)
    if acts is not None:
        found.append(acts)
    found.append(Recital(_("the recitals and the annexes are an integral and substantial part "
                           "of this agreement;")))
    return found


def establishment(ctx: Context) -> Article:
    _ = ctx._
    district = ctx.district
    text = _("The parties establish the district named “{name}”, hereinafter “the District”."
             ).format(name=esc(district.get(DISTRICT.name, "")))
    paragraphs = [text]
    kind = district_kind(ctx)
    if kind:
        paragraphs.append(_("The District is a {kind}.").format(kind=kind))
    if district.get(DISTRICT.seat):
        paragraphs.append(_("The contact address of the District is {seat}.").format(
            seat=esc(district[DISTRICT.seat])))
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


# In the order of the outline, with the clauses an Italian agreement needs where they belong;
# additional clauses come just before the signature and final provisions.
ARTICLES: tuple[Callable[[Context], Article | None], ...] = (
    establishment,
    nature_of_agreement,
    principles,
    objectives,
    supply_chain,
    governance,
    key_figures,
    contact_persons,
    roles_and_commitments,
    duties,
    economic_resources_in_full,
    monitoring,
    local_roots,
    admission_withdrawal_exclusion,
    duration_and_renewal,
    personal_data,
    disputes,
    registration_and_stamp_duty,
    language,
)
CLOSING_ARTICLES: tuple[Callable[[Context], Article | None], ...] = (signature_and_effect,
                                                                     final_provisions)


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
        cells = [f"<b>{esc(member.get(MEMBER.name, ''))}</b>"]
        for role in (MEMBER.contact_person, MEMBER.substitute):
            person = member.get(role) or {}
            lines = [esc(x) for x in (person_name(person), person.get(PERSON.email, ""),
                                      person.get(PERSON.phone, "").replace(" ", "\u00a0")) if x]
            cells.append("<br/>".join(lines) or "—")
        rows.append(cells)
    return Article(_("Members and contact persons"), table=rows)


ANNEXES: tuple[Callable[[Context], Article | None], ...] = (
    annex_members, annex_business_plan, annex_financial_plan, annex_indicators)
