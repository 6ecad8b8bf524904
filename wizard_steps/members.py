"""Step "Members": the organizations that sign the agreement, and their contact persons."""

from i18n import N_
from wizard_steps.fields import Choice, Field, Kind, Step, person_fields
from wizard_steps.identifiers import valid_tax_code, valid_vat_number

LEGAL_FORMS = (
    Choice("social_cooperative", N_("Social cooperative")),
    Choice("cooperative", N_("Cooperative")),
    Choice("association", N_("Association")),
    Choice("foundation", N_("Foundation")),
    Choice("public_body", N_("Public body")),
    Choice("limited_company", N_("Limited company (S.r.l., S.p.A.)")),
    Choice("partnership", N_("Partnership (S.n.c., S.a.s.)")),
    Choice("sole_proprietorship", N_("Sole proprietorship")),
    Choice("other", N_("Other legal form")),
)

NATURES = (
    Choice("public", N_("Public")),
    Choice("private_for_profit", N_("Private for-profit"),
           aliases=("privato profit", "privato con scopo di lucro", "profit", "for-profit")),
    Choice("private_non_profit", N_("Private non-profit (third sector)"),
           aliases=("privato non profit", "privato non profit (terzo settore)", "non profit",
                    "terzo settore", "ets", "non-profit", "third sector")),
)

STAGES = (
    Choice("financing", N_("Financing")),
    Choice("production", N_("Production")),
    Choice("distribution", N_("Distribution")),
    Choice("consumption", N_("Consumption")),
)

MEMBER_FIELDS = (
    Field("name", Kind.TEXT, N_("Name of the organization"), required=True),
    Field("legal_form", Kind.CHOICE, N_("Legal form"), required=True, choices=LEGAL_FORMS),
    Field("nature", Kind.CHOICE, N_("Type of organization"), required=True, choices=NATURES),
    Field("registered_sea", Kind.YES_NO,
          N_("Registered with the solidarity economy regulations"), required=True,
          help=N_("At least one member must be registered with the solidarity economy "
                  "regulations.")),
    Field("tax_code", Kind.TEXT, N_("Tax code (C.F.)"), validators=(valid_tax_code,),
          help=N_("11 digits for most organizations; checked as you type.")),
    Field("vat_number", Kind.TEXT, N_("VAT number (P.IVA)"), validators=(valid_vat_number,),
          help=N_("11 digits. Leave it empty if the organization has none, as many public "
                  "bodies and associations.")),
    Field("registered_office", Kind.TEXT, N_("Registered office")),
    Field("cooperative_register", Kind.TEXT,
          N_("Number in the register of cooperatives (Albo delle società cooperative)"),
          placeholder=N_("e.g. A123456"), help=N_("For cooperatives only.")),
    Field("legal_representative", Kind.TEXT, N_("Legal representative"), required=True,
          help=N_("The person who signs the agreement for the organization.")),
    Field("legal_representative_role", Kind.TEXT, N_("Role of the legal representative"),
          required=True, placeholder=N_("e.g. President")),
    Field("signing_authority", Kind.TEXT, N_("Resolution authorising the signatory"),
          placeholder=N_("e.g. resolution of the board of directors"),
          help=N_("The kind of act and the body that adopted it. A public body signs only "
                  "after such an act; it is printed among the parties and in the recitals.")),
    Field("signing_act_number", Kind.TEXT, N_("Number of the resolution")),
    Field("signing_act_date", Kind.DATE, N_("Date of the resolution")),
    Field("stages", Kind.MULTI_CHOICE, N_("Supply-chain stages it takes part in"),
          choices=STAGES),
    Field("commitment", Kind.LONG_TEXT, N_("What the member commits to"),
          help=N_("Its role in the district and the resources it brings.")),
    Field("staff_people", Kind.INTEGER, N_("People it dedicates to the district"), minimum=0,
          maximum=10_000),
    Field("staff_hours_month", Kind.INTEGER, N_("Hours a month it dedicates"), minimum=0,
          maximum=100_000),
    Field("contact_person", Kind.PERSON, N_("Contact person"), required=True,
          row_fields=person_fields(required=True),
          help=N_("The person who represents the organization in the district.")),
    Field("substitute", Kind.PERSON, N_("Substitute contact person"),
          row_fields=person_fields(required=False),
          help=N_("Stands in when the contact person is unavailable.")),
)

STEP = Step(
    key="members",
    title=N_("Members"),
    help=N_(
        "List the organizations that sign the agreement. The toolkit and Resolution 1949/2020 "
        "ask for a mix of actors: "
        "at least three members, at least one registered with the solidarity economy "
        "regulations, and different legal forms. Each member names a contact person, and "
        "ideally a substitute."
    ),
    fields=(
        Field("organizations", Kind.TABLE, N_("Member organizations"), table="members",
              required=True,
              row_fields=MEMBER_FIELDS, title_key="name", item_label=N_("Member")),
    ),
)
