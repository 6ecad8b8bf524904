"""Are we ready to sign? Every rule of the toolkit and of Resolution 1949/2020, in one place.

Each rule is a small pure function over the district document (the JSON document of
``desktop.core.document``) that returns its findings: nothing when the district meets it. A finding
names the rule, its level, the step (and field, and row) that fixes it, and a message that says
what is missing, why the toolkit or the resolution asks for it, and what to do. The rule ids
and levels are those of shared/domain/phase1-requirements.md.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from enum import IntEnum
from typing import Any

from desktop.core.finance import forecast
from i18n import N_, translator
from wizard_steps import STEPS, keys
from wizard_steps.fields import valid_email, valid_phone
from wizard_steps.governance import BODY_KINDS, KEY_ROLES
from wizard_steps.key_figures import COORDINATOR_SKILLS, EXTERNAL_SKILLS
from wizard_steps.members import STAGES
from wizard_steps.reporting import TEMPLATES
from wizard_steps.supply_chain import PLAN_FIELDS


class Level(IntEnum):
    """Most serious first when sorted."""

    BLOCKING = 0
    WARNING = 1
    HINT = 2

    @property
    def key(self) -> str:
        return self.name.lower()


LEVEL_NAMES = {Level.BLOCKING: N_("blocking"), Level.WARNING: N_("warning"),
               Level.HINT: N_("suggestion")}


@dataclass(frozen=True)
class Finding:
    rule: str
    level: Level
    step: str
    message: str  # msgid with {placeholders}
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    field: str = ""  # the field that fixes it
    row: int | None = None  # the member id or the row's position in its list

    def text(self, gettext: Callable[[str], str]) -> str:
        params = {name: ", ".join(gettext(_label_of(name, key)) for key in value)
                  if isinstance(value, list) else value for name, value in self.params.items()}
        if self.params.get("name_is_label"):
            label = params["name"]  # a msgid (the kind of body), not a name someone typed
            params["name"] = gettext(label)
        return gettext(self.message).format(**params)


def _label_of(param: str, key: str) -> str:
    """The msgid of a key named in a message (a role, a stage, a business plan section)."""

    labels = {"roles": {c.key: c.label for c in KEY_ROLES},
              "stages": {c.key: c.label for c in STAGES},
              "sections": {f.key: f.label for f in PLAN_FIELDS}}
    return labels.get(param, {}).get(key, key)


Doc = dict[str, Any]
Rule = Callable[[Doc], list[Finding]]
RULES: dict[str, Rule] = {}


def rule(rule_id: str) -> Callable[[Rule], Rule]:
    """Register a rule under its id; its findings carry the id (written here only)."""
    def register(function: Rule) -> Rule:
        @functools.wraps(function)
        def identified(doc: Doc) -> list[Finding]:
            return [replace(found, rule=rule_id) for found in function(doc)]

        earlier = RULES.get(rule_id)
        RULES[rule_id] = identified if earlier is None else (
            lambda doc: earlier(doc) + identified(doc))
        return identified
    return register


# The fields the rules read, checked against the declarations when this module is imported.
MEMBERS = keys("members", "organizations")
MEMBER = keys("members.organizations", "name legal_form nature registered_sea staff_people "
              "staff_hours_month contact_person substitute legal_representative "
              "legal_representative_role")
PERSON = keys("members.organizations.contact_person", "name surname email phone")
FIGURE = keys("key_figures.coordinator", "name surname email phone member")
DISTRICT = keys("district", "name district_type territory sector signing_place signing_date "
                "duration_years")
OBJECTIVES = keys("objectives", "overview mission objectives")
OBJECTIVE = keys("objectives.objectives", "title members_roles tools_method result "
                 "target_quantity target_unit deadline")
GOVERNANCE = keys("governance", "bodies assembly_every_months meetings roles monitoring_tools "
                  "exclusion_absences open_to_citizens representation")
BODY = keys("governance.bodies", "kind name decision_method")
MEETING = keys("governance.meetings", "date")
ROLE = keys("governance.roles", "role member")
KEY_FIGURES = keys("key_figures", "coordinator same_person external_contact term_years "
                   "coordinator_skills external_skills")
CHAIN = keys("supply_chain", "chain products")
ACTOR = keys("supply_chain.chain", "stage member partner")
PLAN = keys("financial_plan", "initial_investments investments funding_sources forecasts "
            "has_fee sustainability_analysis feasibility")
REPORTING = keys("reporting", "indicators report_by report_where strengths weaknesses "
                 "opportunities threats")
INDICATOR = keys("reporting.indicators", "area indicator frequency responsible data_source target")
ROOTS = keys("local_roots", "territory_analysis relationships local_activities animation "
             "training")
LINKS = keys("links", "centre_keeper exchanges")


def finding(level: Level, step: str, message: str, params: dict[str, Any] | None = None,
            field: str = "", row: int | None = None) -> Finding:
    """A finding of the rule that returns it (``@rule`` gives it the rule's id)."""
    return Finding("", level, step, message, params or {}, field, row)


def _members(doc: Doc) -> list[dict[str, Any]]:
    return doc.get("members", {}).get(MEMBERS.organizations, [])


def _section(doc: Doc, step: str) -> dict[str, Any]:
    return doc.get(step, {})


def _filled(value: Any) -> bool:
    return bool(str(value).strip()) if value is not None else False


def _body_kind(kind: str) -> str:

    return next((c.label for c in BODY_KINDS if c.key == kind), kind)


def _one(condition: bool, level: Level, step: str, message: str, *,
         field_key: str = "", **params: Any) -> list[Finding]:
    return [] if condition else [finding(level, step, message, params, field_key)]


# --- stakeholders (toolkit 2.1 "plurality of actors"; 2.3) ------------------------------------

@rule("S1")
def at_least_three_members(doc: Doc) -> list[Finding]:
    count = len(_members(doc))
    return _one(count >= 3, Level.BLOCKING, "members", N_(
        "Member organizations: {count}; the district needs at least three. Resolution "
        "1949/2020 and the toolkit (2.1) ask for at least three partners, so that the district "
        "is a real network. Add the missing members in the step “Members”."),
        field_key="organizations", count=count)


@rule("S2")
def one_member_registered(doc: Doc) -> list[Finding]:
    return _one(any(m.get(MEMBER.registered_sea) is True for m in _members(doc)),
                Level.BLOCKING, "members", N_(
                    "No member is registered with the solidarity economy regulations. "
                    "Resolution 1949/2020 and the toolkit (2.1) ask for at least one registered "
                    "member. "
                    "Mark the registered members in the step "
                    "“Members”, or involve one that is registered."),
                field_key="organizations")


# Legal forms that are the same legal type: a social cooperative is a cooperative.
LEGAL_TYPES = {"social_cooperative": "cooperative"}


@rule("S3")
def different_legal_forms(doc: Doc) -> list[Finding]:
    given: list[str] = [m[MEMBER.legal_form] for m in _members(doc) if m.get(MEMBER.legal_form)]
    if len(given) < 2:
        return [finding(Level.BLOCKING, "members", N_(
            "Fewer than two members have a legal form yet. Resolution 1949/2020 asks for "
            "members of different legal forms. Enter the legal form of each member in the step "
            "“Members”."), field="organizations")]
    forms = {LEGAL_TYPES.get(form, form) for form in given}
    return _one(len(forms) >= 2, Level.BLOCKING, "members", N_(
        "All the members have the same legal form. Resolution 1949/2020 lists different legal "
        "forms among the minimum requirements (the toolkit, 2.1, only says “possibly”). "
        "Check the legal form of each member, or involve an organization of another form."),
        field_key="organizations")


@rule("S4")
def mixed_natures(doc: Doc) -> list[Finding]:
    natures = {m.get(MEMBER.nature) for m in _members(doc) if m.get(MEMBER.nature)}
    found = _one(len(natures) >= 2, Level.WARNING, "members", N_(
        "All the members are of the same type of organization (public, private for-profit "
        "or third sector). The toolkit (2.1, 2.3) warns against excessive homogeneity: a mix "
        "of types brings complementary skills to the chain. Consider inviting a member of "
        "another type."), field_key="organizations")
    if not found and _members(doc) and "private_for_profit" not in natures:
        found.append(finding(Level.HINT, "members", N_(
            "No member is a for-profit business. The 2024 Trentino workshops found businesses "
            "under-represented in districts; a local business can open sales channels and jobs. "
            "Consider inviting one."), field="organizations"))
    return found


@rule("S5")
def human_resources_stated(doc: Doc) -> list[Finding]:
    found = []
    members = _members(doc)
    for member in members:
        if member.get(MEMBER.staff_people) is None or member.get(MEMBER.staff_hours_month) is None:
            found.append(finding(Level.WARNING, "members", N_(
                "“{name}” does not say how many people and hours a month it dedicates to the "
                "district. The toolkit (2.3) warns that a district without human resources "
                "stalls. Fill in people and hours for this member."),
                {"name": member.get(MEMBER.name, "")}, MEMBER.staff_people, member.get("id")))
    hours = sum(m.get(MEMBER.staff_hours_month) or 0 for m in members)
    if members and not found and hours == 0:
        found.append(finding(Level.WARNING, "members", N_(
            "No member dedicates any hours to the district. The toolkit (2.3) warns that the "
            "availability of human resources is a critical issue. Agree with the members on "
            "the hours each one dedicates."), field="organizations"))
    return found


# --- objectives (2.1 "clear and shared objectives") -------------------------------------------

@rule("O1")
def overview_written(doc: Doc) -> list[Finding]:
    return _one(_filled(_section(doc, "objectives").get(OBJECTIVES.overview)), Level.BLOCKING,
                "objectives", N_(
                    "The overview of the project is missing. The toolkit (2.1) asks the members "
                    "to commit to a clear overview of the project. Write it in the step "
                    "“Objectives”."), field_key=OBJECTIVES.overview)


@rule("O2")
def mission_written(doc: Doc) -> list[Finding]:
    return _one(_filled(_section(doc, "objectives").get(OBJECTIVES.mission)), Level.BLOCKING,
                "objectives", N_(
                    "The mission of the district is missing. The toolkit (2.1) asks for a "
                    "mission shared by all members. Write it in the step “Objectives”."),
                field_key=OBJECTIVES.mission)


@rule("O3")
def one_objective(doc: Doc) -> list[Finding]:
    return _one(bool(_section(doc, "objectives").get(OBJECTIVES.objectives)), Level.BLOCKING,
                "objectives", N_(
                    "No concrete objective is written. The toolkit (2.1) asks for concrete "
                    "objectives shared by all members. Add at least one in the step "
                    "“Objectives”."), field_key=OBJECTIVES.objectives)


@rule("O4")
def objectives_complete(doc: Doc) -> list[Finding]:
    found = []
    for index, objective in enumerate(_section(doc, "objectives").get(OBJECTIVES.objectives, [])):
        roles = objective.get(OBJECTIVE.members_roles) or []
        if not (_filled(objective.get(OBJECTIVE.tools_method))
                and _filled(objective.get(OBJECTIVE.result))
                and roles and all(_filled(r.get("role")) for r in roles)):
            found.append(finding(Level.WARNING, "objectives", N_(
                "The objective “{title}” does not say all of: the tools and method, the role of "
                "each member involved, the expected result. The toolkit (2.1) asks for specific "
                "objectives, not generic intentions (for example: social farming; the public "
                "body activates, two cooperatives train, a farm hires; three jobs). Complete it."),
                {"title": objective.get(OBJECTIVE.title, "")}, OBJECTIVE.tools_method, index))
    return found


@rule("O5")
def objectives_measurable(doc: Doc) -> list[Finding]:
    found = []
    for index, objective in enumerate(_section(doc, "objectives").get(OBJECTIVES.objectives, [])):
        if not (objective.get(OBJECTIVE.target_quantity)
                and _filled(objective.get(OBJECTIVE.target_unit))
                and _filled(objective.get(OBJECTIVE.deadline))):
            found.append(finding(Level.WARNING, "objectives", N_(
                "The result of the objective “{title}” cannot be measured yet: it needs a target "
                "quantity, its unit and a deadline. The toolkit (2.1) asks for measurable "
                "objectives where possible. Add them to the objective."),
                {"title": objective.get(OBJECTIVE.title, "")}, OBJECTIVE.target_quantity, index))
    return found


# --- governance (2.1 "governance model"; 2.2) -------------------------------------------------

@rule("G1")
def bodies_with_assembly(doc: Doc) -> list[Finding]:
    bodies = _section(doc, "governance").get(GOVERNANCE.bodies, [])
    return _one(any(b.get(BODY.kind) == "assembly" for b in bodies), Level.BLOCKING,
                "governance", N_(
                    "The members' assembly is not among the decision bodies. The toolkit (2.1, "
                    "2.2) makes the assembly mandatory: it is where decisions are shared. Add "
                    "it in the step “Governance”."), field_key=GOVERNANCE.bodies)


def _meeting_day(value: Any) -> date | None:
    """A meeting's date; a month alone ("2027-04") stands for the first of the month."""
    text = str(value or "").strip()
    try:
        return date.fromisoformat(text) if len(text) > 7 else date.fromisoformat(text + "-01")
    except ValueError:
        return None


def _months_later(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, 28))


def meetings_that_count(meetings: list[dict[str, Any]], signing: Any) -> list[date]:
    """The meetings that keep the six-month rhythm: none before the signing (a month alone
    counts from its month), each at most six months after the one before (the first after the
    signing); the calendar stops counting at the first longer gap."""
    start = _meeting_day(signing)
    days = []
    for meeting in meetings:
        day = _meeting_day(meeting.get("date"))
        month_only = len(str(meeting.get("date") or "").strip()) <= 7
        if day is None or (start is not None and day < (
                start.replace(day=1) if month_only else start)):
            continue
        days.append(day)
    days.sort()
    counted: list[date] = []
    previous = start or (days[0] if days else None)
    for day in days:
        if previous is not None and day > _months_later(previous, 6):
            break
        counted.append(day)
        previous = max(day, previous) if previous else day
    return counted


@rule("G2")
def assembly_every_six_months(doc: Doc) -> list[Finding]:
    section = _section(doc, "governance")
    months = section.get(GOVERNANCE.assembly_every_months)
    dated = meetings_that_count(section.get(GOVERNANCE.meetings, []),
                                doc.get("district", {}).get(DISTRICT.signing_date))
    found = _one(months is not None and 0 < months <= 6, Level.BLOCKING, "governance", N_(
        "The assembly must meet at least every six months. The toolkit (2.2) asks for regular "
        "assemblies with a calendar that gives continuity. Set how often it meets (six months "
        "at most)."), field_key=GOVERNANCE.assembly_every_months)
    needed = max(2, math.ceil(12 / months)) if months and months <= 6 else 2
    if not found and len(dated) < needed:
        found.append(finding(Level.BLOCKING, "governance", N_(
            "Dated meetings in the calendar of the first year: {count}; with the interval you "
            "set (months: {months}) it needs {needed}. The toolkit (2.2) asks for an annual "
            "calendar of meetings. Add the dates in the step “Governance”."),
            {"count": len(dated), "months": months, "needed": needed}, "meetings"))
    return found


def _person_complete(person: dict[str, Any] | None) -> bool:
    person = person or {}
    return all(_filled(person.get(k)) for k in (PERSON.name, PERSON.surname, PERSON.email,
                                                 PERSON.phone))


@rule("G3")
def contact_persons(doc: Doc) -> list[Finding]:
    return [finding(Level.BLOCKING, "members", N_(
        "“{name}” has not named a contact person with name, surname, email and phone. The "
        "toolkit (2.1) asks each member for a person who represents it in the district. Fill "
        "in the contact person of this member."), {"name": m.get(MEMBER.name, "")},
        MEMBER.contact_person, m.get("id"))
        for m in _members(doc) if not _person_complete(m.get(MEMBER.contact_person))]


@rule("G4")
def substitutes(doc: Doc) -> list[Finding]:
    found = []
    for member in _members(doc):
        substitute = member.get(MEMBER.substitute) or {}
        if not (_filled(substitute.get(PERSON.name)) and _filled(substitute.get(PERSON.surname))
                and (_filled(substitute.get(PERSON.email))
                     or _filled(substitute.get(PERSON.phone)))):
            found.append(finding(Level.WARNING, "members", N_(
                "“{name}” has no substitute contact person. The toolkit (2.1) advises a second "
                "person who attends when the contact person cannot. Name a substitute."),
                {"name": member.get(MEMBER.name, "")}, MEMBER.substitute, member.get("id")))
    return found


@rule("G5")
def decision_methods(doc: Doc) -> list[Finding]:
    bodies = _section(doc, "governance").get(GOVERNANCE.bodies, [])
    return [finding(Level.WARNING, "governance", N_(
        "The body “{name}” does not say how it takes decisions. The toolkit (2.1) asks the "
        "members to define how decisions are taken (consensus, majority, quorum). Choose the "
        "method."), {"name": b.get(BODY.name) or _body_kind(b.get(BODY.kind, "")),
                     "name_is_label": not b.get(BODY.name)}, BODY.decision_method, index)
        for index, b in enumerate(bodies) if not b.get(BODY.decision_method)]


KEY_ROLE_KEYS = ("coordination", "network_facilitation", "financial_management",
                 "internal_communication", "external_communication")


@rule("G6")
def key_roles(doc: Doc) -> list[Finding]:
    assigned = {r.get(ROLE.role) for r in _section(doc, "governance").get(GOVERNANCE.roles, [])
                if r.get(ROLE.member)}
    missing = [key for key in KEY_ROLE_KEYS if key not in assigned]
    return _one(not missing, Level.WARNING, "governance", N_(
        "Some roles are not assigned to a member: {roles}. The toolkit (2.1) asks the "
        "members to say who coordinates, facilitates the network, manages the accounts and "
        "communicates inside and outside. Assign them in the step “Governance”."),
        field_key=GOVERNANCE.roles,
        roles=missing)


@rule("G7")
def monitoring_tools(doc: Doc) -> list[Finding]:
    return _one(_filled(_section(doc, "governance").get(GOVERNANCE.monitoring_tools)),
                Level.WARNING, "governance", N_(
                    "The tools for monitoring and sharing progress and difficulties are not "
                    "described. The toolkit (2.1) asks for them so that every member has the "
                    "information and can contribute. Describe them in the step “Governance”."),
                field_key=GOVERNANCE.monitoring_tools)


@rule("G8")
def exclusion_rule(doc: Doc) -> list[Finding]:
    return _one(bool(_section(doc, "governance").get(GOVERNANCE.exclusion_absences)), Level.HINT,
                "governance", N_(
                    "There is no rule for excluding a member after repeated absences. The "
                    "toolkit suggests one, to keep the assembly working. Consider setting the "
                    "number of absences."), field_key=GOVERNANCE.exclusion_absences)


@rule("G9")
def openness_decided(doc: Doc) -> list[Finding]:
    return _one(_section(doc, "governance").get(GOVERNANCE.open_to_citizens) is not None,
                Level.HINT, "governance", N_(
                    "You have not decided whether the assembly is open to citizens and other "
                    "stakeholders. The toolkit sees openness as a way to root the district. "
                    "Decide it in the step “Governance”."), field_key=GOVERNANCE.open_to_citizens)


# --- key figures (2.1; 2.2) -------------------------------------------------------------------

@rule("K1")
def coordinator(doc: Doc) -> list[Finding]:
    return _one(_person_complete(_section(doc, "key_figures").get(KEY_FIGURES.coordinator)),
                Level.BLOCKING, "key_figures", N_(
                    "The internal coordinator is not appointed, or their name, surname, email "
                    "or phone is missing. The toolkit (2.1) says the district needs this "
                    "figure from the start, to run it and convene the assembly. Appoint the "
                    "coordinator in the step “Key roles”."), field_key=KEY_FIGURES.coordinator)


@rule("K2")
def external_contact(doc: Doc) -> list[Finding]:
    section = _section(doc, "key_figures")
    ok = section.get(KEY_FIGURES.same_person) is True or _person_complete(
        section.get(KEY_FIGURES.external_contact))
    return _one(ok, Level.BLOCKING, "key_figures", N_(
        "The external contact person is not appointed. Resolution 1949/2020 requires a district "
        "contact person, and the toolkit (2.1) asks for someone who represents the district and "
        "maintains relations with the Centre for the Solidarity Economy. Appoint them, or say "
        "that the coordinator holds both roles."), field_key=KEY_FIGURES.external_contact)


@rule("K3")
def long_appointments(doc: Doc) -> list[Finding]:
    years = _section(doc, "key_figures").get(KEY_FIGURES.term_years)
    return _one(years is not None and years >= 4, Level.HINT, "key_figures", N_(
        "The appointments to the key roles last less than four years. The toolkit (2.1) "
        "suggests keeping them for several years, ideally four, for the district to "
        "consolidate."), field_key=KEY_FIGURES.term_years)


@rule("K4")
def public_external_contact(doc: Doc) -> list[Finding]:
    members = {m.get("id"): m for m in _members(doc)}
    public = [m for m in members.values() if m.get(MEMBER.nature) == "public"]
    section = _section(doc, "key_figures")
    person = section.get(KEY_FIGURES.coordinator) if section.get(
        KEY_FIGURES.same_person) is True else section.get(KEY_FIGURES.external_contact)
    chosen = members.get((person or {}).get(FIGURE.member))
    if not _person_complete(person):
        return []  # nobody appointed yet: K2 says so
    ok = not public or (chosen is not None and chosen.get(MEMBER.nature) == "public")
    return _one(ok, Level.HINT, "key_figures", N_(
        "A public body is a member, but the external contact person does not come from it. The "
        "toolkit (2.1) suggests considering someone from the public body for this role, for its "
        "access to information and institutions."), field_key=KEY_FIGURES.external_contact)


@rule("K5")
def skills_confirmed(doc: Doc) -> list[Finding]:

    section = _section(doc, "key_figures")
    ok = (set(section.get(KEY_FIGURES.coordinator_skills) or [])
          >= {c.key for c in COORDINATOR_SKILLS}
          and set(section.get(KEY_FIGURES.external_skills) or [])
          >= {c.key for c in EXTERNAL_SKILLS})
    return _one(ok, Level.HINT, "key_figures", N_(
        "Not all the skills the toolkit expects in the key roles are confirmed (coordinator: "
        "leadership and management, relational and communication skills; external contact: "
        "strategy and representation, relational and communication skills, mediation). "
        "Discuss them and tick those the group confirms."),
        field_key=KEY_FIGURES.coordinator_skills)


# --- supply chain and business plan (2.1) -----------------------------------------------------

def _chain(doc: Doc) -> list[dict[str, Any]]:
    return [a for a in _section(doc, "supply_chain").get(CHAIN.chain, [])
            if a.get(ACTOR.stage) and (a.get(ACTOR.member) or _filled(a.get(ACTOR.partner)))]


@rule("B1")
def chain_described(doc: Doc) -> list[Finding]:
    stages = {a[ACTOR.stage] for a in _chain(doc)}
    return _one(len(stages) >= 2, Level.BLOCKING, "supply_chain", N_(
        "The supply chain is not described: say which members act at which stage (financing, "
        "production, distribution, consumption). The toolkit (2.1) calls the chain the founding "
        "objective of every district: a single activity is not a district. Add the actors in "
        "the step “Supply chain and business plan”."), field_key=CHAIN.chain)


@rule("B2")
def every_stage(doc: Doc) -> list[Finding]:

    covered = {a[ACTOR.stage] for a in _chain(doc)}
    missing = [s.key for s in STAGES if s.key not in covered]
    return _one(not missing, Level.WARNING, "supply_chain", N_(
        "Some stages of the chain have nobody acting in them: {stages}. The toolkit (2.1) "
        "describes a chain of financing, production, distribution and consumption. Add a member "
        "or an outside partner for each stage."), field_key=CHAIN.chain, stages=missing)


@rule("B3")
def business_plan(doc: Doc) -> list[Finding]:

    section = _section(doc, "supply_chain")
    missing = [f.key for f in PLAN_FIELDS if f.required and not _filled(section.get(f.key))]
    return _one(not missing, Level.WARNING, "supply_chain", N_(
        "The business plan is incomplete: {sections}. The toolkit (2.1) asks the chain to be "
        "described in a business plan. Complete the missing sections."),
        field_key=missing[0] if missing else "", sections=missing)


@rule("B4")
def district_type(doc: Doc) -> list[Finding]:
    district = doc.get("district", {})
    kind = district.get(DISTRICT.district_type)
    ok = (kind == "territorial" and _filled(district.get(DISTRICT.territory))) or (
        kind == "thematic" and _filled(district.get(DISTRICT.sector)))
    return _one(ok, Level.WARNING, "district", N_(
        "The type of district is not set: territorial with its area, or thematic with its "
        "sector among the 13 of art. 3 of Provincial Law 13/2010 (toolkit 1.1). Set it in the "
        "step “District”."), field_key=DISTRICT.district_type)


@rule("B5")
def products_named(doc: Doc) -> list[Finding]:
    return _one(_filled(_section(doc, "supply_chain").get(CHAIN.products)), Level.BLOCKING,
                "supply_chain", N_(
                    "No product or service made on solidarity economy principles is named. "
                    "Resolution 1949/2020 asks for a chain with one or more such products or "
                    "services. Name them in the step “Supply chain and business plan”."),
                field_key=CHAIN.products)


# --- financial plan and social report (2.1; 2.3) ----------------------------------------------

@rule("F1")
def investments_listed(doc: Doc) -> list[Finding]:
    plan = _section(doc, "financial_plan")
    ok = plan.get(PLAN.initial_investments) is False or bool(plan.get(PLAN.investments))
    return _one(ok, Level.BLOCKING, "financial_plan", N_(
        "The initial investments are not listed. The toolkit (2.1) asks for an analysis of the "
        "costs of starting the district. List them, or state that there are none."),
        field_key=PLAN.investments)


@rule("F2")
def funding_source(doc: Doc) -> list[Finding]:
    return _one(bool(_section(doc, "financial_plan").get(PLAN.funding_sources)),
                Level.BLOCKING, "financial_plan", N_(
                    "No funding source is given. The toolkit (2.1, 2.3) asks where the money "
                    "will come from: public or private funds, fees, contributions, sales. Add at "
                    "least one source."), field_key=PLAN.funding_sources)


def _has_plan(doc: Doc) -> bool:
    plan = _section(doc, "financial_plan")
    return bool(plan.get(PLAN.funding_sources) or plan.get(PLAN.forecasts))


@rule("F3")
def three_years(doc: Doc) -> list[Finding]:
    plan = forecast(doc)
    covered = [y for y in plan.years if plan.total_income(y) or plan.total_expenses(y)]
    return _one(len(covered) >= 3, Level.WARNING, "financial_plan", N_(
        "Years with income or expenses in the forecast: {count}; the toolkit (2.1) asks for "
        "income and expenses of at least the first three years. Fill in the forecast grid for "
        "three years."),
        field_key=PLAN.forecasts, count=len(covered)) + _covers_duration(doc, len(covered))


def _covers_duration(doc: Doc, covered: int) -> list[Finding]:
    """Past the first three years, the forecast should reach the end of the agreement."""
    years = doc.get("district", {}).get(DISTRICT.duration_years)
    if covered < 3 or not years or covered >= years:
        return []
    return [finding(Level.WARNING, "financial_plan", N_(
        "The forecast covers {count} years, the agreement lasts {years}. The toolkit (2.1) asks "
        "how the district will sustain itself over time: extend the forecast to the whole "
        "duration of the agreement."), {"count": covered, "years": years}, "forecasts")]


@rule("F4")
def years_balance(doc: Doc) -> list[Finding]:
    if not _has_plan(doc):
        return []
    plan = forecast(doc)
    deficits = [y for y in plan.years if plan.balance(y) < 0]
    return _one(not deficits, Level.WARNING, "financial_plan", N_(
        "The forecast shows a deficit in {years}. The toolkit (2.3) lists the availability of "
        "economic resources among the critical issues. Balance the year, or accept this "
        "warning and write how the deficit will be covered."), field_key=PLAN.forecasts,
        years=", ".join(str(y) for y in deficits))


@rule("F5")
def not_only_public(doc: Doc) -> list[Finding]:
    if not _has_plan(doc):
        return []
    plan = forecast(doc)
    shares = [plan.public_share(y) for y in plan.years]
    only_public = [y for y, s in zip(plan.years, shares, strict=True) if s is not None and s >= 1]
    if only_public:
        return [finding(Level.WARNING, "financial_plan", N_(
            "In {years} all the income comes from public funds. The toolkit (2.3) warns "
            "against depending only on the public body. Add private income, fees or sales."),
            {"years": ", ".join(str(y) for y in only_public)}, "funding_sources")]
    known = [s for s in shares if s is not None]
    if len(known) >= 2 and known[-1] >= known[0] and known[0] > 0:
        return [finding(Level.HINT, "financial_plan", N_(
            "The share of public funding does not fall over the years. The toolkit (2.3) "
            "suggests growing towards self-financing."), field=PLAN.forecasts)]
    return []


@rule("F6")
def fee_considered(doc: Doc) -> list[Finding]:
    return _one(_section(doc, "financial_plan").get(PLAN.has_fee) is not None, Level.HINT,
                "financial_plan", N_(
                    "You have not decided whether members pay a membership fee. The toolkit "
                    "(2.1) lists member fees among the possible funding sources. Decide on "
                    "it."),
                field_key=PLAN.has_fee)


@rule("F7")
def sustainability_analysis(doc: Doc) -> list[Finding]:
    return _one(_filled(_section(doc, "financial_plan").get(PLAN.sustainability_analysis)),
                Level.WARNING, "financial_plan", N_(
                    "The economic sustainability analysis is missing. The toolkit (2.1) asks how "
                    "the district will sustain itself over time and reinvest. Write it in the "
                    "step “Financial plan”."), field_key=PLAN.sustainability_analysis)


@rule("F8")
def reporting_model(doc: Doc) -> list[Finding]:
    indicators = _section(doc, "reporting").get(REPORTING.indicators, [])
    complete = [i for i in indicators if all(_filled(i.get(k)) for k in (
        INDICATOR.area, INDICATOR.indicator, INDICATOR.frequency, INDICATOR.responsible,
        INDICATOR.data_source))]
    areas = {i.get(INDICATOR.area) for i in complete}
    ok = bool(complete) and len(complete) == len(indicators) and bool(
        areas & {"efficiency", "fundraising"}) and bool(areas & {"effectiveness",
                                                                 "satisfaction"})
    return _one(ok, Level.WARNING, "reporting", N_(
        "The reporting model is incomplete: every indicator needs an area, a frequency, a "
        "person responsible and a data source, and the model should include financial and "
        "social-impact indicators. The toolkit (2.1, 3.2) asks for a transparent reporting "
        "model. Complete the indicators in the step “Reporting model”."),
        field_key=REPORTING.indicators) + _template_untouched(indicators)


def _template_untouched(indicators: list[dict[str, Any]]) -> list[Finding]:
    """A warning when every indicator is still as the toolkit's template wrote it: its generic
    person responsible (a "Treasurer", a "Secretary") and no target."""

    generic = {translator(lang).gettext(template[2]) for template in TEMPLATES.values()
               for lang in ("it", "en")}
    untouched = [i for i in indicators if str(i.get(INDICATOR.responsible, "")).strip() in generic
                 and not _filled(i.get(INDICATOR.target))]
    return _one(not indicators or len(untouched) < len(indicators), Level.WARNING,
                "reporting", N_(
                    "The indicators are still the template: each names the template's generic "
                    "person responsible (not a member or a person of the district) and has no "
                    "target. The toolkit (3.2) offers the template as a starting point: name "
                    "who in the district collects each indicator and set its target."),
                field_key=REPORTING.indicators)


@rule("F9")
def swot(doc: Doc) -> list[Finding]:
    section = _section(doc, "reporting")
    ok = all(_filled(section.get(k)) for k in (REPORTING.strengths, REPORTING.weaknesses,
                                               REPORTING.opportunities, REPORTING.threats))
    return _one(ok, Level.HINT, "reporting", N_(
        "The analysis of strengths, weaknesses, opportunities and threats is incomplete. The "
        "toolkit (2.1) suggests it as part of the reporting model."), field_key=REPORTING.strengths)


@rule("F10")
def annual_report(doc: Doc) -> list[Finding]:
    section = _section(doc, "reporting")
    ok = _filled(section.get(REPORTING.report_by)) and _filled(section.get(REPORTING.report_where))
    return _one(ok, Level.BLOCKING, "reporting", N_(
        "The annual report is not planned, or it is not said where it will be published. "
        "Resolution 1949/2020 asks for a published annual report. Say who prepares it and where "
        "it is published."), field_key=REPORTING.report_by)


@rule("F11")
def feasibility(doc: Doc) -> list[Finding]:
    return _one(_filled(_section(doc, "financial_plan").get(PLAN.feasibility)),
                Level.WARNING, "financial_plan", N_(
                    "It is not explained why the planned duration is feasible. Resolution "
                    "1949/2020 asks that the long-term horizon be checked by a feasibility "
                    "study; the sustainability analysis may serve. Write why the duration is "
                    "feasible."), field_key=PLAN.feasibility)


@rule("F12")
def some_funding_secured(doc: Doc) -> list[Finding]:
    sources = _section(doc, "financial_plan").get("funding_sources", [])
    all_expected = bool(sources) and all(s.get("status") == "expected" for s in sources)
    return _one(not all_expected, Level.WARNING, "financial_plan", N_(
        "Every funding source is still expected, none is secured. The toolkit (2.3) lists the "
        "availability of economic resources among the critical issues: a district that starts "
        "with no secured funds risks stopping at once. Secure at least one source, or accept "
        "this warning with the reason."), field_key="funding_sources")


# --- local roots (2.1; 2.2) -------------------------------------------------------------------

@rule("L1")
def territory_analysed(doc: Doc) -> list[Finding]:
    return _one(_filled(_section(doc, "local_roots").get(ROOTS.territory_analysis)),
                Level.WARNING, "local_roots", N_(
                    "The territory is not analysed. The toolkit (2.1) asks the promoters to know "
                    "the area: its economic, social and cultural traits, needs and "
                    "opportunities. Write the analysis in the step “Roots in the community”."),
                field_key=ROOTS.territory_analysis)


@rule("L2")
def relationships(doc: Doc) -> list[Finding]:
    return _one(bool(_section(doc, "local_roots").get(ROOTS.relationships)), Level.WARNING,
                "local_roots", N_(
                    "No relationship to build is listed. The toolkit (2.1) asks the promoters to "
                    "build ties with institutions, businesses, associations and citizens. List "
                    "them in the step “Roots in the community”."), field_key=ROOTS.relationships)


@rule("L3")
def local_activity(doc: Doc) -> list[Finding]:
    return _one(bool(_section(doc, "local_roots").get(ROOTS.local_activities)),
                Level.WARNING, "local_roots", N_(
                    "No activity with local impact for the wider population is planned. The "
                    "toolkit (2.1) asks for initiatives that reach people beyond the members. "
                    "Plan at least one."), field_key=ROOTS.local_activities)


@rule("L4")
def animation(doc: Doc) -> list[Finding]:
    return _one(bool(_section(doc, "local_roots").get(ROOTS.animation)), Level.HINT,
                "local_roots", N_(
                    "No territorial animation is planned. The toolkit (2.2) recommends meetings, "
                    "workshops and listening spaces to make the district known."),
                field_key=ROOTS.animation)


@rule("L5")
def human_capital(doc: Doc) -> list[Finding]:
    return _one(_filled(_section(doc, "local_roots").get(ROOTS.training)), Level.HINT,
                "local_roots", N_(
                    "No investment in training and human capital is planned. The toolkit (2.1) "
                    "recommends training members and community in the solidarity economy."),
                field_key=ROOTS.training)


# --- other districts (2.1; 2.2) ---------------------------------------------------------------

@rule("C1")
def centre_relation(doc: Doc) -> list[Finding]:
    return _one(_filled(_section(doc, "links").get(LINKS.centre_keeper)), Level.HINT,
                "links", N_(
                    "Nobody is named for relations with the Centre for the Solidarity Economy. "
                    "The toolkit (2.1) usually entrusts them to the external contact person."),
                field_key=LINKS.centre_keeper)


@rule("C2")
def exchange_planned(doc: Doc) -> list[Finding]:
    return _one(bool(_section(doc, "links").get(LINKS.exchanges)), Level.HINT, "links", N_(
        "No exchange with other districts is planned. The toolkit (2.1) sees sharing practices "
        "with existing districts as a key aid for a new one. Plan a meeting or a shared "
        "event."), field_key=LINKS.exchanges)


# --- the agreement itself ---------------------------------------------------------------------

@rule("A1")
def agreement_essentials(doc: Doc) -> list[Finding]:
    district = doc.get("district", {})
    found = _one(all(_filled(district.get(k)) for k in (
        DISTRICT.name, DISTRICT.district_type, DISTRICT.signing_place, DISTRICT.signing_date)),
        Level.BLOCKING,
        "district", N_(
            "The agreement needs the district's name, its type, and the place and date of "
            "signing. Enter them in the step “District”."), field_key=DISTRICT.name)
    found += [finding(Level.BLOCKING, "members", N_(
        "“{name}” has no legal representative (name and role) to sign the agreement. Enter "
        "them for this member."), {"name": m.get(MEMBER.name, "")}, MEMBER.legal_representative,
        m.get("id"))
        for m in _members(doc) if not (_filled(m.get(MEMBER.legal_representative))
                                       and _filled(m.get(MEMBER.legal_representative_role)))]
    return found


@rule("A2")
def three_years_at_least(doc: Doc) -> list[Finding]:
    years = doc.get("district", {}).get(DISTRICT.duration_years)
    if not years:
        return [finding(Level.BLOCKING, "district", N_(
            "The duration of the agreement is not set. Resolution 1949/2020 asks for a "
            "partnership agreement of at least three years. Set the duration in the step "
            "“District”."), field=DISTRICT.duration_years)]
    return _one(years >= 3, Level.BLOCKING, "district", N_(
        "The agreement lasts less than three years. Resolution 1949/2020 asks for a partnership "
        "agreement of at least three years. Set the duration in the step “District”."),
        field_key=DISTRICT.duration_years)


@rule("A3")
def representation(doc: Doc) -> list[Finding]:
    return _one(_filled(_section(doc, "governance").get(GOVERNANCE.representation)), Level.BLOCKING,
                "governance", N_(
                    "It is not stated how each member is represented in decisions. Resolution "
                    "1949/2020 asks for broad, horizontal governance. Describe it in the step "
                    "“Governance”."), field_key=GOVERNANCE.representation)


# --- wrong values typed (kept as typed, but not fit for an agreement) -------------------------

# The wrong values of the contact person (V1) and of the substitute (V2) are rules of their
# own, apart from G3 (no contact person named), so that accepting one names one problem.
WRONG_CONTACT_MESSAGES = {
    MEMBER.contact_person: N_("“{name}”: the email or phone number of the contact person does "
                              "not look right. It is kept as typed; check it before the "
                              "agreement is signed."),
    MEMBER.substitute: N_("“{name}”: the email or phone number of the substitute contact "
                          "person does not look right. It is kept as typed; check it before "
                          "the agreement is signed."),
}


def _wrong_contacts(doc: Doc, role: str) -> list[Finding]:
    found = []
    for member in _members(doc):
        person = member.get(role) or {}
        email, phone = person.get(PERSON.email, ""), person.get(PERSON.phone, "")
        if (_filled(email) and valid_email(email)) or (_filled(phone) and valid_phone(phone)):
            found.append(finding(Level.WARNING, "members", WRONG_CONTACT_MESSAGES[role],
                                 {"name": member.get(MEMBER.name, "")}, role, member.get("id")))
    return found


@rule("V1")
def wrong_contact_person(doc: Doc) -> list[Finding]:
    return _wrong_contacts(doc, MEMBER.contact_person)


@rule("V2")
def wrong_substitute(doc: Doc) -> list[Finding]:
    return _wrong_contacts(doc, MEMBER.substitute)


# --- the judgement ----------------------------------------------------------------------------

def findings(doc: Doc) -> list[Finding]:
    """Every finding, most serious first, in the order of the steps."""

    order = {step.key: index for index, step in enumerate(STEPS)}
    found = [f for check in RULES.values() for f in check(doc)]
    return sorted(found, key=lambda f: (f.level, order.get(f.step, 99)))


def acceptances(doc: Doc) -> list[dict[str, Any]]:
    """The warnings the group has accepted: ``{"rule", "row", "reason"}`` each.

    ``row`` is the member id or the list position the finding is about, or ``None`` for a
    finding about the whole district. A ``None`` row on a rule that is about rows accepts every
    row of that rule (how files and documents from before per-row acceptances read). Older
    documents give ``{rule: reason}``; they read as such whole-rule acceptances.
    """
    stored = doc.get("acknowledgements") or []
    if isinstance(stored, dict):
        return [{"rule": rule_id, "row": None, "reason": reason}
                for rule_id, reason in stored.items()]
    return [{"rule": item["rule"], "row": item.get("row"), "reason": item.get("reason", "")}
            for item in stored]


def acceptance_of(finding: Finding, doc: Doc) -> dict[str, Any] | None:
    """The acceptance that covers a finding: its own first, else one for its whole rule."""
    if finding.level is Level.BLOCKING:
        return None
    mine = [a for a in acceptances(doc) if a["rule"] == finding.rule]
    return next((a for a in mine if a["row"] == finding.row), None) or next(
        (a for a in mine if a["row"] is None), None)


def is_acknowledged(finding: Finding, doc: Doc) -> bool:
    return acceptance_of(finding, doc) is not None


def blocking(doc: Doc) -> list[Finding]:
    return [f for f in findings(doc) if f.level is Level.BLOCKING]


def ready_to_sign(doc: Doc) -> bool:
    return not blocking(doc)


# The rules on the parties' identification register themselves here (they import this module).
from desktop.core import readiness_parties  # noqa: E402, F401
