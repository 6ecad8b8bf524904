"""Step "Founding assembly": the meeting that approves the agreement and appoints the key
figures, and who attended it for each member."""

from i18n import N_
from wizard_steps.fields import Choice, Field, Kind, Step, valid_time

ATTENDEE_KINDS = (
    Choice("representative", N_("Legal representative")),
    Choice("delegate", N_("Delegate")),
)

# The agenda the assembly starts from when none is typed (one item a line).
STANDARD_AGENDA = (
    N_("Approval of the voluntary agreement and its annexes"),
    N_("Appointment of the internal coordinator and of the external contact person"),
    N_("Approval of the annual calendar and of the first programme of activities"),
    N_("Any other business"),
)

ATTENDANCE_FIELDS = (
    Field("member", Kind.MEMBER, N_("Member organization")),
    Field("attendee", Kind.CHOICE, N_("Attended by"), choices=ATTENDEE_KINDS),
    Field("delegate", Kind.TEXT, N_("Name of the delegate"),
          visible_when=("attendee", "delegate")),
    Field("present", Kind.YES_NO, N_("Present")),
)

STEP = Step(
    key="assembly",
    title=N_("Founding assembly"),
    help=N_(
        "The founding assembly approves the agreement and its annexes, appoints the coordinator "
        "and the external contact person and approves the calendar. Fill in the meeting, then "
        "print the invitation, the attendance sheet, the minutes and, for each member, the "
        "template of the resolution that authorises its legal representative to sign."
    ),
    fields=(
        Field("place", Kind.TEXT, N_("Place of the meeting")),
        Field("date", Kind.DATE, N_("Date of the meeting")),
        Field("time", Kind.TIME, N_("Time of the meeting"), validators=(valid_time,),
              placeholder="18:00"),
        Field("chair", Kind.TEXT, N_("Chair of the meeting")),
        Field("secretary", Kind.TEXT, N_("Secretary of the meeting")),
        Field("agenda", Kind.LONG_TEXT, N_("Agenda"),
              help=N_("One item a line. Left empty, the documents use the standard agenda: "
                      "approval of the agreement and annexes, appointment of the key roles, "
                      "approval of the calendar and the first programme, any other business.")),
        Field("attendance", Kind.TABLE, N_("Attendance"), row_fields=ATTENDANCE_FIELDS,
              item_label=N_("Member present or absent")),
        Field("minutes_approved", Kind.YES_NO,
              N_("The assembly approved the agreement and the minutes are signed")),
    ),
)
