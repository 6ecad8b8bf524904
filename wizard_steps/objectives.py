"""Step "Objectives": the overview, the mission and concrete, measurable objectives."""

from i18n import N_
from wizard_steps.fields import Field, Kind, Step

OBJECTIVE_FIELDS = (
    Field("title", Kind.TEXT, N_("Objective"), required=True,
          placeholder=N_("e.g. Job placement through social farming")),
    Field("tools_method", Kind.LONG_TEXT, N_("Tools and method"), required=True,
          help=N_("How the objective is reached, e.g. social farming with training paths.")),
    Field("members_roles", Kind.MEMBER_ROLES, N_("Members involved and the role of each"),
          required=True),
    Field("result", Kind.TEXT, N_("Expected result"), required=True,
          placeholder=N_("e.g. jobs for disadvantaged people")),
    Field("target_quantity", Kind.INTEGER, N_("Target quantity"), required=True, minimum=1),
    Field("target_unit", Kind.TEXT, N_("Unit of the target"), required=True,
          placeholder=N_("e.g. jobs")),
    Field("deadline", Kind.DATE, N_("Deadline"), required=True),
    Field("checked_by", Kind.TEXT, N_("Who checks the result")),
)

STEP = Step(
    key="objectives",
    title=N_("Objectives"),
    help=N_(
        "Write a clear overview of the project, the district's mission and concrete objectives "
        "shared by all members. The toolkit warns against generic intentions such as "
        "“providing job placement”: a good objective names the tool, the role of each member "
        "and a measurable result. For example: through social farming, the public body "
        "activates the territory, two social cooperatives train, a farm hires; result: three "
        "jobs for disadvantaged people within two years."
    ),
    fields=(
        Field("overview", Kind.LONG_TEXT, N_("Overview of the project"), required=True),
        Field("mission", Kind.LONG_TEXT, N_("Mission of the district"), required=True),
        Field("needs", Kind.LONG_TEXT, N_("Needs of the territory or sector the district answers"),
              help=N_("They appear in the recitals of the agreement.")),
        Field("objectives", Kind.TABLE, N_("Concrete objectives"), row_fields=OBJECTIVE_FIELDS,
              required=True,
              title_key="title", item_label=N_("Objective")),
    ),
)
