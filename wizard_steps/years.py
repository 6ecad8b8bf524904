"""The district's years after signing (toolkit Part 3): what is asked once the agreement is
signed, and what is recorded for each year.

``AFTER_SIGNING`` holds the answers about the agreement's life (when it was signed, the
decision to renew it); they live in the ``answers`` table like every other answer. ``YEAR``
declares one year's record: its assemblies, indicator values, actual accounts, members in and
out, contact persons changed, actions to widen the district, activities, the next year's
calendar. A year's record lives in the ``years`` table (one row per year and field). Neither is
one of the establishment ``STEPS``: the wizard, the review and the agreement do not walk them.
"""

from __future__ import annotations

from types import SimpleNamespace

from i18n import N_
from wizard_steps.fields import Choice, Field, Kind, Step, valid_time

PERIODS = (
    Choice("q1", N_("First quarter")),
    Choice("q2", N_("Second quarter")),
    Choice("q3", N_("Third quarter")),
    Choice("q4", N_("Fourth quarter")),
    Choice("h1", N_("First half")),
    Choice("h2", N_("Second half")),
    Choice("year", N_("Whole year")),
)

# The periods each frequency of the reporting model collects, in order, with the month
# each ends in.
PERIODS_OF = {
    "quarterly": (("q1", 3), ("q2", 6), ("q3", 9), ("q4", 12)),
    "half_yearly": (("h1", 6), ("h2", 12)),
    "yearly": (("year", 12),),
}

SIDES = (
    Choice("income", N_("Income")),
    Choice("expense", N_("Expense")),
)

PUBLIC_PRIVATE = (
    Choice("public", N_("Public")),
    Choice("private", N_("Private")),
)

MEMBER_CHANGES = (
    Choice("admission", N_("Admission")),
    Choice("withdrawal", N_("Withdrawal")),
    Choice("exclusion", N_("Exclusion")),
)

ACTIVITY_KINDS = (
    Choice("local_activity", N_("Local activity")),
    Choice("animation", N_("Territorial animation")),
    Choice("exchange", N_("Exchange with other districts")),
    Choice("publication", N_("Publication of results")),
)

AFTER_SIGNING = Step(
    key="after_signing",
    title=N_("The agreement signed"),
    help=N_("When the agreement was signed, and what the assembly decided about renewing it."),
    fields=(
        Field("signed_on", Kind.DATE, N_("The agreement was signed on"),
              help=N_("The date of the last signature. Once it is given, the district's years "
                      "are recorded from that year to the end of the agreement.")),
        Field("renewal_decision", Kind.TEXT, N_("Decision on renewing the agreement"),
              placeholder=N_("e.g. assembly of 12 November: renewed for five years")),
    ),
)

ASSEMBLY_FIELDS = (
    Field("date", Kind.DATE, N_("Date"), required=True),
    Field("place", Kind.TEXT, N_("Place"), required=True),
    Field("present", Kind.MEMBERS, N_("Members present")),
    Field("represented", Kind.MEMBERS, N_("Members represented by their substitute")),
    Field("decisions", Kind.LONG_TEXT, N_("Decisions in short")),
)

VALUE_FIELDS = (
    Field("indicator", Kind.TEXT, N_("Indicator"), required=True,
          help=N_("As written in the reporting model.")),
    Field("period", Kind.CHOICE, N_("Period"), required=True, choices=PERIODS),
    Field("value", Kind.TEXT, N_("Value"), required=True),
    Field("target", Kind.TEXT, N_("Target for the period"),
          help=N_("A number; write “≤ 20” when the value should stay at most that.")),
    Field("collected_by", Kind.TEXT, N_("Collected by")),
    Field("source", Kind.TEXT, N_("Source")),
)

ACCOUNT_FIELDS = (
    Field("side", Kind.CHOICE, N_("Income or expense"), required=True, choices=SIDES),
    Field("line", Kind.TEXT, N_("Line of the forecast"), required=True,
          help=N_("The forecast's line this amount belongs to, by its key (e.g. “staff”, "
                  "“sales”, “source:1” for the second funding source).")),
    Field("amount", Kind.MONEY, N_("Actual amount (€)"), required=True),
    Field("public_private", Kind.CHOICE, N_("Public or private"), choices=PUBLIC_PRIVATE,
          visible_when=("side", "income")),
    Field("note", Kind.TEXT, N_("Note")),
)

MEMBER_CHANGE_FIELDS = (
    Field("member", Kind.MEMBER, N_("Member organization"), required=True),
    Field("change", Kind.CHOICE, N_("Change"), required=True, choices=MEMBER_CHANGES),
    Field("date", Kind.DATE, N_("Date"), required=True,
          help=N_("For an admission, the date of the act of adhesion.")),
    Field("act", Kind.TEXT, N_("Act or resolution")),
)

CONTACT_CHANGE_FIELDS = (
    Field("member", Kind.MEMBER, N_("Member organization"), required=True),
    Field("date", Kind.DATE, N_("Date"), required=True),
    Field("person", Kind.TEXT, N_("New contact person"), required=True),
    Field("resolution", Kind.TEXT, N_("Assembly resolution that updates the annex")),
)

WIDENING_FIELDS = (
    Field("date", Kind.DATE, N_("Date")),
    Field("action", Kind.TEXT, N_("Action"), required=True),
    Field("result", Kind.TEXT, N_("Result")),
)

ACTIVITY_FIELDS = (
    Field("kind", Kind.CHOICE, N_("Kind"), required=True, choices=ACTIVITY_KINDS),
    Field("date", Kind.DATE, N_("Date")),
    Field("description", Kind.TEXT, N_("Description"), required=True),
    Field("where", Kind.TEXT, N_("Where")),
)

NEXT_MEETING_FIELDS = (
    Field("date", Kind.DATE, N_("Date"), required=True),
    Field("time", Kind.TIME, N_("Time"), validators=(valid_time,), placeholder="18:00"),
    Field("place", Kind.TEXT, N_("Place"), required=True),
    Field("agenda", Kind.TEXT, N_("Main topic")),
)

YEAR = Step(
    key="year",
    title=N_("The district's years"),
    help=N_("What happened in one year after signing: the assemblies and who came, the "
            "indicators collected, the actual accounts, members in and out, what was done to "
            "bring in new organizations, activities and promotion, and the next year's "
            "calendar. The annual report is written from it (toolkit, Part 3)."),
    fields=(
        Field("summary", Kind.LONG_TEXT, N_("The year in short")),
        Field("assemblies", Kind.TABLE, N_("Assemblies held"), row_fields=ASSEMBLY_FIELDS,
              title_key="date", item_label=N_("Assembly")),
        Field("indicator_values", Kind.TABLE, N_("Indicator values"), row_fields=VALUE_FIELDS,
              title_key="period+indicator", item_label=N_("Value")),
        Field("accounts", Kind.TABLE, N_("Actual accounts"), row_fields=ACCOUNT_FIELDS,
              title_key="line", item_label=N_("Amount")),
        Field("member_changes", Kind.TABLE, N_("Members in and out"),
              row_fields=MEMBER_CHANGE_FIELDS, title_key="member+change",
              item_label=N_("Change")),
        Field("contact_changes", Kind.TABLE, N_("Contact persons changed"),
              row_fields=CONTACT_CHANGE_FIELDS, title_key="member+person",
              item_label=N_("Contact person")),
        Field("widening_actions", Kind.TABLE,
              N_("Actions undertaken to increase the number of organizations"),
              row_fields=WIDENING_FIELDS, title_key="action", item_label=N_("Action")),
        Field("activities", Kind.TABLE, N_("Activities and promotion"),
              row_fields=ACTIVITY_FIELDS, title_key="description", item_label=N_("Activity")),
        Field("next_calendar", Kind.TABLE, N_("Assembly calendar for the next year"),
              row_fields=NEXT_MEETING_FIELDS, title_key="date", item_label=N_("Meeting")),
    ),
)


def year_keys(path: str, names: str) -> SimpleNamespace:
    """Like ``wizard_steps.keys`` for the year's declarations: a name not declared raises
    ``KeyError`` when the module naming it is imported."""
    step_key, *inside = path.split(".")
    fields = {"after_signing": AFTER_SIGNING, "year": YEAR}[step_key].fields
    for key in inside:
        fields = next(f for f in fields if f.key == key).row_fields
    declared = {f.key for f in fields}
    unknown = [name for name in names.split() if name not in declared]
    if unknown:
        raise KeyError(f"{path} declares no field {', '.join(unknown)}")
    return SimpleNamespace(**{name: name for name in names.split()})
