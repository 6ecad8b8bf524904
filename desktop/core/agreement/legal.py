"""The clauses an Italian partnership agreement needs beside the district's own content.

Nature of the agreement, duties of the Parties, what the economic article must add (who
receives the money, public budgets, no public contract), admission and withdrawal, duration,
personal data, disputes, registration and stamp duty, language, signature and effect. The facts
come from the toolkit (2.1, 2.3), Resolution 1949/2020 and the Italian laws each clause cites;
the program still says, on drafts, that the text is a template for the parties to review.
"""

from __future__ import annotations

from typing import Any

from desktop.core.agreement.context import Article, Context, esc, inline
from desktop.core.agreement.finances import economic_resources
from desktop.core.agreement.parties import is_public
from wizard_steps import keys
from wizard_steps.district import DEFAULT_COURT
from wizard_steps.governance import DEFAULT_WITHDRAWAL_NOTICE_MONTHS

# The fields the clauses read, checked against the declarations when this module is imported.
DISTRICT = keys("district", "signature_method duration_years court")
GOVERNANCE = keys("governance", "roles withdrawal_notice_months exclusion_absences")
ROLE = keys("governance.roles", "role member")
PLAN = keys("financial_plan", "funding_sources has_fee")
SOURCE = keys("financial_plan.funding_sources", "source receiving_member")


def _member_name(ctx: Context, member_id: Any) -> str:
    return esc(ctx.member_names.get(member_id, "")) if member_id is not None else ""


def financial_manager(ctx: Context) -> str:
    """The name of the member holding the financial management role, or ""."""
    for role in ctx.section("governance").get(GOVERNANCE.roles, []):
        if role.get(ROLE.role) == "financial_management":
            name = _member_name(ctx, role.get(ROLE.member))
            if name:
                return name
    return ""


def signature_method(ctx: Context) -> str:
    return str(ctx.district.get(DISTRICT.signature_method) or "")


def nature_of_agreement(ctx: Context) -> Article:
    _ = ctx._
    return Article(_("Nature of the agreement"), [
        _("This agreement sets up a network of cooperation among the Parties. It does not "
          "create a company, an association, a consortium or a network contract (“contratto "
          "di rete”), nor any other entity with its own legal personality or assets."),
        _("Each Party answers only for the obligations it takes on under this agreement, "
          "without joint liability with the other Parties."),
        _("The internal coordinator and the external contact person cannot bind the Parties "
          "towards third parties unless the Parties concerned give them a written mandate."),
    ])


def duties(ctx: Context) -> Article:
    _ = ctx._
    return Article(_("Duties of the Parties"), [
        _("Each Party undertakes to: a) take part in the members' assembly through its contact "
          "person or, when the contact person is unavailable, the substitute; b) support the "
          "internal coordinator and the external contact person in their tasks, sharing the "
          "information they need; c) carry out the commitments set out in this agreement with "
          "the resources it has declared; d) inform the assembly in advance before promoting "
          "projects, applications or initiatives in the name of the District or under its "
          "brand; e) act in good faith and in keeping with the shared principles."),
    ])


def _fee_paragraph(ctx: Context) -> str:
    _ = ctx._
    manager = financial_manager(ctx)
    if manager:
        return _("The annual participation fee is paid to the Party in charge of financial "
                 "management, {member}, which keeps it separately from its own funds and "
                 "reports on its use to the assembly every year.").format(member=manager)
    return _("The annual participation fee is paid to the Party in charge of financial "
             "management, which keeps it separately from its own funds and reports on its use "
             "to the assembly every year.")


def _receiving_members(ctx: Context) -> str:
    _ = ctx._
    sources = ctx.section("financial_plan").get(PLAN.funding_sources, [])
    named = [_("{source}: {member}").format(source=inline(s.get(SOURCE.source, "")), member=member)
             for s in sources if (member := _member_name(ctx, s.get(SOURCE.receiving_member)))]
    if not named:
        return ""
    return _("Since the District has no legal personality, each funding source is applied for "
             "and received on its behalf by one Party, which accounts for it to the assembly: "
             "{sources}.").format(sources="; ".join(named))


def economic_resources_in_full(ctx: Context) -> Article | None:
    """The economic article of the financial plan, with what the parties must also agree."""
    _ = ctx._
    article = economic_resources(ctx)
    if article is None:
        return None
    if ctx.section("financial_plan").get(PLAN.has_fee) is True:
        article.paragraphs.append(_fee_paragraph(ctx))
    receiving = _receiving_members(ctx)
    if receiving:
        article.paragraphs.append(receiving)
    if any(is_public(member) for member in ctx.members):
        article.paragraphs.append(_(
            "The Parties that are public administrations take on the financial commitments of "
            "this agreement within the limits of their budget appropriations and through their "
            "own spending acts."))
    article.paragraphs.append(_(
        "Nothing in this agreement awards a public contract under Legislative Decree No. 36 "
        "of 31 March 2023, nor is it a co-programming or co-design procedure under articles "
        "55 to 57 of Legislative Decree No. 117 of 3 July 2017: any such relationship between "
        "the Parties requires its own procedure."))
    return article


def admission_withdrawal_exclusion(ctx: Context) -> Article:
    _, ngettext = ctx._, ctx.ngettext
    governance = ctx.section("governance")
    notice = governance.get(GOVERNANCE.withdrawal_notice_months)
    notice = DEFAULT_WITHDRAWAL_NOTICE_MONTHS if notice is None else notice
    paragraphs = [
        _("Other organizations may join the District by a written act of adhesion to this "
          "agreement, approved by the members' assembly; from the approval the new Party has "
          "the rights and obligations of this agreement."),
        ngettext("A Party may withdraw by a written notice sent by certified email (PEC) to all "
                 "the other Parties at least {months} month in advance; the commitments already "
                 "taken on for the current year remain.",
                 "A Party may withdraw by a written notice sent by certified email (PEC) to all "
                 "the other Parties at least {months} months in advance; the commitments already "
                 "taken on for the current year remain.", notice).format(months=notice),
    ]
    absences = governance.get(GOVERNANCE.exclusion_absences)
    if absences:
        paragraphs.append(ngettext(
            "A party that is absent from {n} meeting of the assembly without justification "
            "may be excluded by the assembly.",
            "A party that is absent from {n} meetings of the assembly in a row without "
            "justification may be excluded by the assembly.", absences).format(n=absences))
    paragraphs += [
        _("A Party that seriously breaches its obligations may be excluded. The coordinator "
          "first sends it a written objection and gives it at least fifteen days to reply; "
          "the assembly then decides by a majority of two thirds of the Parties, not counting "
          "the Party concerned, which does not vote."),
        _("If the minimum requirements of Resolution 1949/2020 are no longer met (at least "
          "three Parties, at least one of them registered with the solidarity economy "
          "regulations, and different legal forms), the assembly restores them within six "
          "months; otherwise this agreement ends."),
    ]
    return Article(_("Admission, withdrawal and exclusion"), paragraphs)


def duration_and_renewal(ctx: Context) -> Article:
    _, ngettext = ctx._, ctx.ngettext
    years = ctx.district.get(DISTRICT.duration_years)
    paragraphs = []
    if years:
        paragraphs.append(ngettext(
            "This agreement takes effect on the date of the last signature and lasts {years} "
            "year from that date.",
            "This agreement takes effect on the date of the last signature and lasts {years} "
            "years from that date.", years).format(years=years))
    paragraphs += [
        _("It may be renewed only by a written act of the Parties that intend to continue; "
          "tacit renewal is excluded."),
        _("Amendments to this agreement are made in writing and signed by all the Parties. The "
          "annexes (members and contact persons, calendar of the assembly, indicators) are "
          "updated by a resolution of the assembly, without amending this agreement."),
    ]
    return Article(_("Duration, renewal and amendments"), paragraphs)


def personal_data(ctx: Context) -> Article:
    _ = ctx._
    return Article(_("Personal data"), [
        _("Each Party processes the personal data of the representatives and contact persons "
          "named in this agreement as an independent controller, only to run the District, "
          "under Regulation (EU) 2016/679. Each Party gives its own representatives and "
          "contact persons the information required by article 13 of the Regulation, also on "
          "behalf of the other Parties."),
        _("Processing whose purposes and means the Parties decide jointly is governed by an "
          "arrangement between joint controllers under article 26 of the Regulation, approved "
          "by the assembly."),
        _("Data of the people served by the District's activities never appear in shared "
          "minutes, folders or reports; only anonymous or aggregate data are shared."),
        _("A copy of this agreement meant for publication leaves out Annex A."),
    ])


def disputes(ctx: Context) -> Article:
    _ = ctx._
    court = str(ctx.district.get(DISTRICT.court) or "").strip() or DEFAULT_COURT
    return Article(_("Disputes"), [
        _("The Parties try to settle amicably, within the members' assembly, any dispute about "
          "the interpretation or performance of this agreement, with the help of the Centre "
          "for the Solidarity Economy if they so wish. If no settlement is reached, the court "
          "of {court} has exclusive jurisdiction.").format(court=esc(court)),
    ])


def registration_and_stamp_duty(ctx: Context) -> Article:
    _ = ctx._
    return Article(_("Registration and stamp duty"), [
        _("This agreement is registered only in case of use, under Presidential Decree No. 131 "
          "of 26 April 1986, at the expense of the Party that requests it."),
        _("Stamp duty is paid where due under Presidential Decree No. 642 of 26 October 1972. "
          "A Party that meets the conditions of an exemption, such as the one for third-sector "
          "bodies and social cooperatives under article 82, paragraph 5, of Legislative Decree "
          "117/2017, applies it within the limits of that provision."),
    ])


def language(ctx: Context) -> Article:
    _ = ctx._
    return Article(_("Language"), [
        _("This agreement is drawn up in Italian. The English version is a translation; in "
          "case of doubt the Italian text prevails. Texts that the Parties wrote in one "
          "language only are given as written, in that language, and marked as such."),
    ])


def signature_and_effect(ctx: Context) -> Article:
    _ = ctx._
    method = signature_method(ctx)
    if method == "qualified_electronic":
        text = _("The Parties sign this agreement with a qualified electronic signature under "
                 "article 24 of Legislative Decree No. 82 of 7 March 2005 (Digital "
                 "Administration Code). It takes effect on the date of the last signature, "
                 "as shown by the time recorded in each signature.")
    elif method == "handwritten":
        text = _("The Parties sign this agreement by hand, in as many originals as there are "
                 "Parties, one for each; each signatory writes the date beside the signature. "
                 "It takes effect on the date of the last signature.")
    else:
        text = _("The Parties sign this agreement by hand, one original for each Party, or "
                 "with a qualified electronic signature under article 24 of Legislative Decree "
                 "No. 82 of 7 March 2005. It takes effect on the date of the last signature.")
    return Article(_("Signature and effect"), [text])


def final_provisions(ctx: Context) -> Article:
    _ = ctx._
    return Article(_("Final provisions"), [
        _("For anything not set out in this agreement, the Parties refer to Provincial Law "
          "13/2010, to Resolution 1949/2020, to the decisions of the members' assembly and to "
          "the Civil Code."),
    ])
