"""Step "Links with other districts": the Centre, exchanges, the brand."""

from i18n import N_
from wizard_steps.fields import Choice, Field, Kind, Step

BRANDS = (
    Choice("solidarity_brand", N_("The solidarity economy brand")),
    Choice("own_brand", N_("A brand of its own")),
    Choice("both", N_("Both")),
    Choice("none", N_("No brand for now")),
)

EXCHANGE_FIELDS = (
    Field("district", Kind.TEXT, N_("Other district"), required=True),
    Field("exchange", Kind.TEXT, N_("Planned exchange"), required=True,
          placeholder=N_("e.g. a joint meeting on job placement practices")),
    Field("date", Kind.DATE, N_("Date")),
)

STEP = Step(
    key="links",
    title=N_("Links with other districts"),
    help=N_(
        "Existing districts, with the Centre for the Solidarity Economy, help new ones start. "
        "Say who maintains relations with the Centre, which districts you will exchange with "
        "and how, and whether the district uses the solidarity economy brand, its own, or both."
    ),
    fields=(
        Field("centre_keeper", Kind.TEXT,
              N_("Who maintains relations with the Centre for the Solidarity Economy"),
              placeholder=N_("usually the external contact person")),
        Field("exchanges", Kind.TABLE, N_("Exchanges with other districts"),
              row_fields=EXCHANGE_FIELDS, title_key="district", item_label=N_("Exchange")),
        Field("brand", Kind.CHOICE, N_("Brand"), choices=BRANDS),
    ),
)
