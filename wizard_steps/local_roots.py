"""Step "Roots in the community": the territory, the relationships to build, outreach and
training."""

from i18n import N_
from wizard_steps.fields import Choice, Field, Kind, Step

PARTNER_KINDS = (
    Choice("institutions", N_("Local institutions")),
    Choice("businesses", N_("Businesses")),
    Choice("trade_associations", N_("Trade associations")),
    Choice("non_profits", N_("Non-profit organizations")),
    Choice("citizens", N_("Citizens")),
)

ANIMATION_KINDS = (
    Choice("meeting", N_("Public meeting")),
    Choice("workshop", N_("Workshop")),
    Choice("listening_space", N_("Listening space")),
    Choice("other", N_("Other")),
)

RELATIONSHIP_FIELDS = (
    Field("kind", Kind.CHOICE, N_("With whom"), required=True, choices=PARTNER_KINDS),
    Field("name", Kind.TEXT, N_("Name"), required=True),
    Field("how", Kind.TEXT, N_("How the relationship will be built"), required=True),
)

ACTIVITY_FIELDS = (
    Field("title", Kind.TEXT, N_("Activity"), required=True),
    Field("description", Kind.LONG_TEXT, N_("Description")),
    Field("date", Kind.DATE, N_("Date")),
)

ANIMATION_FIELDS = (
    Field("kind", Kind.CHOICE, N_("Kind"), required=True, choices=ANIMATION_KINDS),
    Field("title", Kind.TEXT, N_("Title"), required=True),
    Field("date", Kind.DATE, N_("Date")),
    Field("place", Kind.TEXT, N_("Place")),
)

STEP = Step(
    key="local_roots",
    title=N_("Roots in the community"),
    help=N_(
        "A district lives in its community. Describe the territory, list the relationships you "
        "will build with institutions, businesses, associations and citizens, and plan "
        "activities that reach people beyond the members: meetings, workshops, listening "
        "spaces, training."
    ),
    fields=(
        Field("territory_analysis", Kind.LONG_TEXT,
              N_("Analysis of the territory: economic, social and cultural traits, needs, "
                 "opportunities"), required=True),
        Field("relationships", Kind.TABLE, N_("Relationships to build"),
              row_fields=RELATIONSHIP_FIELDS, title_key="name", item_label=N_("Relationship")),
        Field("local_activities", Kind.TABLE,
              N_("Activities with local impact for the wider population"),
              row_fields=ACTIVITY_FIELDS, title_key="title", item_label=N_("Activity")),
        Field("animation", Kind.TABLE, N_("Territorial animation"), row_fields=ANIMATION_FIELDS,
              title_key="title", item_label=N_("Event")),
        Field("training", Kind.LONG_TEXT, N_("Training and human capital")),
    ),
)
