"""Step "Key roles": the internal coordinator and the external contact person."""

from i18n import N_
from wizard_steps.fields import Choice, Field, Kind, Step, person_fields

COORDINATOR_SKILLS = (
    Choice("leadership_management", N_("Leadership and management")),
    Choice("relational_communication", N_("Relational and communication skills")),
)

EXTERNAL_SKILLS = (
    Choice("strategy_representation", N_("Strategy and representation")),
    Choice("relational_communication", N_("Relational and communication skills")),
    Choice("mediation", N_("Mediation and conflict resolution")),
)

STEP = Step(
    key="key_figures",
    title=N_("Key roles"),
    help=N_(
        "Appoint an internal coordinator, who runs the district and convenes the assembly, and "
        "an external contact person, who represents it and maintains relations with the Centre "
        "for the Solidarity Economy. One person may hold both roles. The toolkit suggests "
        "keeping them for several years, ideally four; when a public body is a member, consider "
        "someone from it as external contact person."
    ),
    fields=(
        Field("coordinator", Kind.PERSON, N_("Internal coordinator"), required=True,
              row_fields=person_fields(required=True, with_member=True)),
        Field("same_person", Kind.YES_NO,
              N_("The coordinator is also the external contact person")),
        Field("external_contact", Kind.PERSON, N_("External contact person"), required=True,
              row_fields=person_fields(required=True, with_member=True),
              hidden_when=("same_person", True)),
        Field("term_years", Kind.INTEGER, N_("Term of the appointments (years)"), required=True,
              minimum=1, maximum=10, help=N_("The toolkit suggests four years.")),
        Field("coordinator_skills", Kind.MULTI_CHOICE,
              N_("Skills of the coordinator, confirmed by the group"),
              choices=COORDINATOR_SKILLS),
        Field("external_skills", Kind.MULTI_CHOICE,
              N_("Skills of the external contact person, confirmed by the group"),
              choices=EXTERNAL_SKILLS),
    ),
)
