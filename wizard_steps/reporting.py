"""Step "Reporting model": indicators, the annual report, strengths and weaknesses."""

from i18n import N_
from wizard_steps.fields import Choice, Field, Kind, Step

AREAS = (
    Choice("effectiveness", N_("Effectiveness of activities")),
    Choice("satisfaction", N_("Beneficiary satisfaction")),
    Choice("efficiency", N_("Economic efficiency")),
    Choice("fundraising", N_("Fundraising")),
    Choice("transparency", N_("Transparency and governance")),
    Choice("volunteers", N_("Volunteer involvement")),
    Choice("network", N_("Partnerships and network")),
    Choice("environment", N_("Environmental sustainability")),
    Choice("other", N_("Other area")),
)

FREQUENCIES = (
    Choice("quarterly", N_("Quarterly")),
    Choice("half_yearly", N_("Half-yearly")),
    Choice("yearly", N_("Yearly")),
)

# The starting set, after the template of section 3.2 of the toolkit: area, indicator,
# frequency, who is responsible and where the data come from. Each is an msgid, so a pre-filled
# row reads in the language of the window and of the agreement until the group rewrites it.
TEMPLATES = {
    "effectiveness": (N_("Number and share of projects completed with their objectives met"),
                      "quarterly", N_("Project manager"), N_("Project reports")),
    "satisfaction": (N_("Average score of the satisfaction questionnaires"), "yearly",
                     N_("Monitoring office"), N_("Questionnaires and interviews")),
    "efficiency": (N_("Share of overhead costs in total expenses"), "yearly",
                   N_("Treasurer"), N_("Final accounts")),
    "fundraising": (N_("Funds raised against the target"), "quarterly",
                    N_("Fundraising manager"), N_("Campaign reports")),
    "transparency": (N_("Share of documents published online (accounts, agreement, minutes)"),
                     "yearly", N_("Secretary"), N_("Website and archive")),
    "volunteers": (N_("Number of active volunteers and hours given"), "half_yearly",
                   N_("Volunteer coordinator"), N_("Attendance register")),
    "network": (N_("Number of agreements in force with other organizations"), "yearly",
                N_("Management"), N_("Archive of agreements")),
    "environment": (N_("Share of waste recycled, CO₂ saved"), "yearly",
                    N_("Logistics manager"), N_("Supplier reports and internal surveys")),
}

INDICATOR_FIELDS = (
    Field("area", Kind.CHOICE, N_("Evaluation area"), required=True, choices=AREAS),
    Field("indicator", Kind.TEXT, N_("Indicator"), required=True),
    Field("frequency", Kind.CHOICE, N_("Frequency"), required=True, choices=FREQUENCIES),
    Field("responsible", Kind.TEXT, N_("Person responsible"), required=True),
    Field("data_source", Kind.TEXT, N_("Data source"), required=True),
    Field("target", Kind.TEXT, N_("Target")),
)

STEP = Step(
    key="reporting",
    title=N_("Reporting model"),
    help=N_(
        "Decide how the district will measure and report what it does: the indicators, how "
        "often they are collected, who is responsible and where the data come from. The list "
        "starts from the toolkit's template: keep, change or remove each row. Resolution "
        "1949/2020 asks for a published annual report."
    ),
    fields=(
        Field("indicators", Kind.TABLE, N_("Monitoring and evaluation indicators"),
              row_fields=INDICATOR_FIELDS, title_key="indicator", item_label=N_("Indicator"),
              required=True),
        Field("report_by", Kind.TEXT, N_("Who prepares the annual report"), required=True),
        Field("report_when", Kind.TEXT, N_("When it is prepared"), required=True,
              placeholder=N_("e.g. by 30 April of the following year")),
        Field("report_where", Kind.TEXT, N_("Where it is published"), required=True,
              placeholder=N_("e.g. the websites of the members")),
        Field("strengths", Kind.LONG_TEXT, N_("Strengths (one per line)")),
        Field("weaknesses", Kind.LONG_TEXT, N_("Weaknesses (one per line)")),
        Field("opportunities", Kind.LONG_TEXT, N_("Opportunities (one per line)")),
        Field("threats", Kind.LONG_TEXT, N_("Threats (one per line)")),
    ),
)


def starting_indicators(gettext) -> list[dict[str, str]]:
    """The toolkit's template, written out in one language (for a new district)."""
    return [
        {"area": area, "indicator": gettext(indicator), "frequency": frequency,
         "responsible": gettext(responsible), "data_source": gettext(source), "target": ""}
        for area, (indicator, frequency, responsible, source) in TEMPLATES.items()
    ]
