"""Step "District": what the district is called, what kind it is, where and when it is signed."""

from i18n import N_
from wizard_steps.fields import Choice, Field, Kind, Step

# The 13 sectors of art. 3 of Provincial Law 13/2010, in the order of the law.
SECTORS = (
    Choice("organic_farming", N_("Organic and biodynamic farm and food products")),
    Choice("fair_trade", N_("Fair and solidarity trade")),
    Choice("community_welfare", N_("Community welfare")),
    Choice("short_supply_chain", N_("Short supply chain and food quality assurance")),
    Choice("sustainable_building", N_("Sustainable building and green building")),
    Choice("renewable_energy", N_("Energy saving and renewable energy")),
    Choice("ethical_finance", N_("Ethical finance")),
    Choice("sustainable_mobility", N_("Sustainable mobility")),
    Choice("reuse_recycling", N_("Reuse and recycling of materials and goods")),
    Choice("local_exchange", N_("Local exchange systems")),
    Choice("free_software", N_("Free software")),
    Choice("responsible_tourism", N_("Responsible and sustainable tourism")),
    Choice("critical_consumption", N_("Critical consumption and solidarity purchasing groups")),
)

DISTRICT_TYPES = (
    Choice("territorial", N_("Territorial: tied to an area, such as a valley")),
    Choice("thematic", N_("Thematic: tied to one sector of the solidarity economy")),
)

SIGNATURE_METHODS = (
    Choice("handwritten", N_("Handwritten signature, one original per party")),
    Choice("qualified_electronic", N_("Qualified electronic (digital) signature")),
)

DEFAULT_COURT = "Trento"

STEP = Step(
    key="district",
    title=N_("District"),
    help=N_(
        "Give the district its name and say whether it is tied to an area (territorial) or to "
        "one of the 13 sectors of Provincial Law 13/2010 (thematic). The place and date of "
        "signing and the duration go into the voluntary agreement: Resolution 1949/2020 asks "
        "for an agreement of at least three years."
    ),
    fields=(
        Field("name", Kind.TEXT, N_("Name of the district"), required=True,
              help=N_("As it will appear in the agreement, e.g. "
                      "Distretto dell'Economia Solidale di Fiemme e Fassa.")),
        Field("district_type", Kind.CHOICE, N_("Type of district"), required=True,
              choices=DISTRICT_TYPES),
        Field("territory", Kind.TEXT, N_("Territory"), required=True,
              visible_when=("district_type", "territorial"),
              help=N_("The area the district serves, e.g. the Fiemme and Fassa valleys.")),
        Field("sector", Kind.CHOICE, N_("Sector (art. 3 of Provincial Law 13/2010)"),
              required=True, choices=SECTORS, visible_when=("district_type", "thematic")),
        Field("seat", Kind.TEXT, N_("Contact address"),
              help=N_("Where the district can be reached; often the office of one member.")),
        Field("signing_place", Kind.TEXT, N_("Place of signing"), required=True),
        Field("signing_date", Kind.DATE, N_("Planned date of signing"), required=True),
        Field("duration_years", Kind.INTEGER, N_("Duration in years"), required=True,
              minimum=1, maximum=30,
              help=N_("Resolution 1949/2020 asks for at least three years.")),
        Field("signature_method", Kind.CHOICE, N_("How the parties sign"),
              choices=SIGNATURE_METHODS,
              help=N_("When a public body is a party, the qualified electronic (digital) "
                      "signature is recommended: art. 15 c. 2-bis of Law 241/1990 asks public "
                      "administrations to sign agreements digitally.")),
        Field("court", Kind.TEXT, N_("Court for disputes"), placeholder="Trento",
              help=N_("The court named in the agreement for disputes the parties cannot "
                      "settle; Trento if left empty.")),
    ),
)
