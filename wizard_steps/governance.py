"""Step "Governance": bodies and decisions, the members' assembly, members' roles, monitoring."""

from i18n import N_
from wizard_steps.fields import Choice, Field, Kind, Step, valid_time

BODY_KINDS = (
    Choice("assembly", N_("Members' assembly")),
    Choice("board", N_("Board of directors")),
    Choice("management_committee", N_("Management committee")),
    Choice("working_group", N_("Working group")),
    Choice("technical_table", N_("Technical table")),
    Choice("steering_table", N_("Steering table")),
    Choice("other", N_("Other body")),
)

DECISION_METHODS = (
    Choice("consensus", N_("Consensus")),
    Choice("simple_majority", N_("Simple majority")),
    Choice("qualified_majority", N_("Qualified majority")),
    Choice("other", N_("Other method")),
)

KEY_ROLES = (
    Choice("coordination", N_("Coordination")),
    Choice("network_facilitation", N_("Network facilitation")),
    Choice("financial_management", N_("Financial management, accounting and budget")),
    Choice("internal_communication", N_("Internal communication")),
    Choice("external_communication", N_("External communication")),
    Choice("other", N_("Other role")),
)

BODY_FIELDS = (
    Field("kind", Kind.CHOICE, N_("Kind of body"), required=True, choices=BODY_KINDS),
    Field("name", Kind.TEXT, N_("Name of the body"),
          placeholder=N_("e.g. Tavolo di regia")),
    Field("members", Kind.MEMBERS, N_("Members who sit in it")),
    Field("functions", Kind.LONG_TEXT, N_("Functions"), required=True),
    Field("decision_method", Kind.CHOICE, N_("How decisions are taken"), required=True,
          choices=DECISION_METHODS),
    Field("quorum", Kind.TEXT, N_("Quorum and other rules"),
          placeholder=N_("e.g. valid with half of the members present")),
)

MEETING_FIELDS = (
    Field("date", Kind.DATE, N_("Date"), required=True),
    Field("time", Kind.TIME, N_("Time"), validators=(valid_time,), placeholder="18:00"),
    Field("place", Kind.TEXT, N_("Place"), required=True),
    Field("agenda", Kind.TEXT, N_("Main topic")),
)

ROLE_FIELDS = (
    Field("role", Kind.CHOICE, N_("Role"), required=True, choices=KEY_ROLES),
    Field("role_name", Kind.TEXT, N_("Name of the role"), required=True,
          visible_when=("role", "other")),
    Field("member", Kind.MEMBER, N_("Member who holds it"), required=True),
    Field("person", Kind.TEXT, N_("Person (if already known)")),
)

DEFAULT_WITHDRAWAL_NOTICE_MONTHS = 3

STEP = Step(
    key="governance",
    title=N_("Governance"),
    help=N_(
        "A district needs no legal form, but it must say how and where decisions are taken. "
        "The members' assembly is always present and meets at least every six months, with a "
        "calendar set for the year; other bodies are optional. Assign roles to the members "
        "and say how progress and difficulties will be shared."
    ),
    fields=(
        Field("bodies", Kind.TABLE, N_("Decision bodies"), row_fields=BODY_FIELDS, required=True,
              title_key="name", item_label=N_("Body")),
        Field("representation", Kind.LONG_TEXT,
              N_("How each member is represented in decisions"),
              help=N_("Resolution 1949/2020 asks for broad, horizontal governance, e.g. one "
                      "member, one vote.")),
        Field("assembly_every_months", Kind.INTEGER, N_("Months between assemblies"),
              required=True, minimum=1, maximum=12,
              help=N_("At least every six months.")),
        Field("meetings", Kind.TABLE, N_("Assembly calendar for the first year"),
              row_fields=MEETING_FIELDS, required=True, title_key="date", item_label=N_("Meeting")),
        Field("open_to_citizens", Kind.YES_NO,
              N_("The assembly is open to citizens and other stakeholders")),
        Field("exclusion_absences", Kind.INTEGER,
              N_("Consecutive absences that lead to exclusion (leave empty if none)"),
              minimum=1, maximum=20),
        Field("withdrawal_notice_months", Kind.INTEGER,
              N_("Notice for withdrawing from the district (months)"), minimum=0, maximum=24,
              placeholder="3", help=N_("Three months if left empty.")),
        Field("roles", Kind.TABLE, N_("Roles of the members"), row_fields=ROLE_FIELDS,
              title_key="role", item_label=N_("Role")),
        Field("monitoring_tools", Kind.LONG_TEXT,
              N_("Tools for monitoring and sharing progress and difficulties"), required=True,
              placeholder=N_("e.g. shared minutes, a quarterly progress note, a mailing list")),
    ),
)
