"""Step "Financial plan": investments, funding, the membership fee, forecasts, sustainability."""

from i18n import N_
from wizard_steps.fields import Choice, Field, Kind, Step

INVESTMENT_CATEGORIES = (
    Choice("startup", N_("District start-up")),
    Choice("equipment", N_("Equipment")),
    Choice("promotion", N_("Promotion and marketing")),
    Choice("infrastructure", N_("Infrastructure")),
    Choice("training", N_("Training")),
    Choice("other", N_("Other")),
)

SOURCE_KINDS = (
    Choice("public_funds", N_("Public funds")),
    Choice("private_funds", N_("Private funds and foundations")),
    Choice("crowdfunding", N_("Crowdfunding")),
    Choice("membership_fees", N_("Membership fees")),
    Choice("member_contributions", N_("Contributions of members")),
    Choice("local_authorities", N_("Local authorities")),
    Choice("business_partnerships", N_("Partnerships with businesses")),
    Choice("sales", N_("Sales of goods and services")),
    Choice("other", N_("Other")),
)

PUBLIC_PRIVATE = (
    Choice("public", N_("Public")),
    Choice("private", N_("Private")),
)

SOURCE_STATUS = (
    Choice("secured", N_("Secured")),
    Choice("expected", N_("Expected")),
)

# Income and expenses typed in the forecast grid; funding sources, membership fees and initial
# investments come in on their own from the rest of the step.
INCOME_CATEGORIES = (
    Choice("sales", N_("Sales of goods and services")),
    Choice("other_income", N_("Other income")),
)

EXPENSE_CATEGORIES = (
    Choice("staff", N_("Staff and coordination")),
    Choice("activities", N_("Activities and projects")),
    Choice("communication", N_("Communication and promotion")),
    Choice("training", N_("Training")),
    Choice("running", N_("Running costs (premises, insurance, administration)")),
    Choice("other_expenses", N_("Other expenses")),
)

INVESTMENT_FIELDS = (
    Field("item", Kind.TEXT, N_("Item"), required=True),
    Field("category", Kind.CHOICE, N_("Category"), required=True,
          choices=INVESTMENT_CATEGORIES),
    Field("amount", Kind.MONEY, N_("Amount (€)"), required=True),
    Field("year", Kind.INTEGER, N_("Year"), required=True, minimum=2000, maximum=2100),
)

SOURCE_FIELDS = (
    Field("source", Kind.TEXT, N_("Source"), required=True,
          placeholder=N_("e.g. Fondazione Caritro, call Welfare Km zero")),
    Field("kind", Kind.CHOICE, N_("Kind of source"), required=True, choices=SOURCE_KINDS),
    Field("public_private", Kind.CHOICE, N_("Public or private"), required=True,
          choices=PUBLIC_PRIVATE),
    Field("amount_per_year", Kind.MONEY, N_("Amount per year (€)"), required=True),
    Field("first_year", Kind.INTEGER, N_("From the year"), required=True, minimum=2000,
          maximum=2100),
    Field("last_year", Kind.INTEGER, N_("To the year (included)"), required=True,
          minimum=2000, maximum=2100),
    Field("status", Kind.CHOICE, N_("Secured or expected"), required=True,
          choices=SOURCE_STATUS),
    Field("receiving_member", Kind.MEMBER, N_("Member that receives the funds"),
          help=N_("The district has no legal personality and cannot receive a grant: one "
                  "member applies for it and receives it on behalf of the district.")),
)

STEP = Step(
    key="financial_plan",
    title=N_("Financial plan"),
    help=N_(
        "Before signing, the toolkit asks the group to weigh costs and funding: the initial "
        "investments, where the money comes from, a membership fee if any, and income and "
        "expenses for at least the first three years. Funding sources and fees fill the income "
        "side by themselves; totals and balances are computed as you type."
    ),
    fields=(
        Field("initial_investments", Kind.YES_NO, N_("Are initial investments planned?"),
              help=N_("Answer No only if there is nothing to buy or set up at the start; "
                      "otherwise answer Yes and list the investments below.")),
        Field("investments", Kind.TABLE, N_("Initial investments"), row_fields=INVESTMENT_FIELDS,
              title_key="item", item_label=N_("Investment"),
              hidden_when=("initial_investments", False)),
        Field("funding_sources", Kind.TABLE, N_("Funding sources"), row_fields=SOURCE_FIELDS,
              title_key="source", item_label=N_("Source"), required=True),
        Field("has_fee", Kind.YES_NO, N_("Members pay a yearly membership fee")),
        Field("fee_amount", Kind.MONEY, N_("Yearly fee per member (€)"),
              visible_when=("has_fee", True)),
        Field("fee_public", Kind.MONEY, N_("Fee for public members, if different (€)"),
              visible_when=("has_fee", True)),
        Field("fee_for_profit", Kind.MONEY, N_("Fee for for-profit members, if different (€)"),
              visible_when=("has_fee", True)),
        Field("fee_non_profit", Kind.MONEY, N_("Fee for non-profit members, if different (€)"),
              visible_when=("has_fee", True)),
        Field("forecast_years", Kind.INTEGER, N_("Years of the forecast"), required=True,
              minimum=3, maximum=10,
              help=N_("At least three, starting from the year of signing.")),
        Field("forecasts", Kind.FORECAST, N_("Income and expense forecasts")),
        Field("sustainability_analysis", Kind.LONG_TEXT,
              N_("How the district will sustain itself over time and reinvest"), required=True),
        Field("feasibility", Kind.LONG_TEXT,
              N_("Why the planned duration is feasible"), required=True,
              help=N_("Resolution 1949/2020 asks that the long-term horizon be supported by a "
                      "feasibility study.")),
    ),
)
