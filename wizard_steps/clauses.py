"""Step "Additional clauses": articles of the group's own, in Italian, English or both."""

from i18n import N_
from wizard_steps.fields import Field, Kind, Step

CLAUSE_FIELDS = (
    Field("title_it", Kind.TEXT, N_("Title in Italian")),
    Field("text_it", Kind.LONG_TEXT, N_("Text in Italian")),
    Field("title_en", Kind.TEXT, N_("Title in English")),
    Field("text_en", Kind.LONG_TEXT, N_("Text in English")),
)

STEP = Step(
    key="clauses",
    title=N_("Additional clauses"),
    help=N_(
        "Add articles of your own, such as rules on the use of shared equipment. They appear "
        "in the agreement before the final provisions, numbered in sequence. Write each in "
        "Italian, in English or both: a language that is missing is flagged when you export."
    ),
    fields=(
        Field("clauses", Kind.TABLE, N_("Additional articles"), row_fields=CLAUSE_FIELDS,
              title_key="title_it", item_label=N_("Article")),
    ),
)
