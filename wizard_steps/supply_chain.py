"""Step "Supply chain and business plan"."""

from i18n import N_
from wizard_steps.fields import Field, Kind, Step
from wizard_steps.members import STAGES

ACTOR_FIELDS = (
    Field("stage", Kind.CHOICE, N_("Stage"), required=True, choices=STAGES),
    Field("member", Kind.MEMBER, N_("Member")),
    Field("partner", Kind.TEXT, N_("Or outside partner"),
          help=N_("An organization that is not a member but acts in the chain.")),
    Field("activity", Kind.TEXT, N_("What it does"), required=True),
)

PLAN_FIELDS = (
    Field("economic_model", Kind.LONG_TEXT, N_("Economic model"), required=True),
    Field("member_support", Kind.LONG_TEXT, N_("Support activities for members")),
    Field("alliances", Kind.LONG_TEXT, N_("Alliances and activities among members"),
          required=True),
    Field("target_needs", Kind.LONG_TEXT, N_("Target audience and local needs"), required=True),
    Field("communication_marketing", Kind.LONG_TEXT, N_("Communication and marketing"),
          required=True),
    Field("sales_channels", Kind.LONG_TEXT, N_("Sales channels"), required=True),
    Field("sustainability", Kind.LONG_TEXT,
          N_("Environmental, social and economic sustainability strategies"), required=True),
)

STEP = Step(
    key="supply_chain",
    title=N_("Supply chain and business plan"),
    help=N_(
        "A district is a chain, not a single activity: say who acts at each stage (financing, "
        "production, distribution, consumption) and what the district makes on solidarity "
        "economy principles. The business plan then describes the economic model, the "
        "alliances, the audience, communication, sales channels and sustainability."
    ),
    fields=(
        Field("chain", Kind.TABLE, N_("Who acts at each stage of the chain"),
              row_fields=ACTOR_FIELDS, required=True, title_key="stage+member+partner+activity",
              item_label=N_("Actor")),
        Field("products", Kind.LONG_TEXT,
              N_("Products or services made on solidarity economy principles"), required=True),
        *PLAN_FIELDS,
    ),
)
