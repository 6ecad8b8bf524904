"""The status bar's word on saving: "Saved" only when everything on screen is in the file.

A write the file refuses turns the label red ("Not saved: the disk is full"), is announced to
screen readers, and asks the window once to tell the user what to do; the next write that
succeeds (which carries every refused value first) brings "Saved at …" back.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from desktop.core.district_file import DistrictFile
from desktop.core.district_file.write_errors import (
    DISK_FULL,
    MOVED,
    OPENED_READ_ONLY,
    READ_ONLY,
    WriteError,
)
from i18n import N_, _

FAILED_STYLE = "color: #b00020; font-weight: 600;"
ADVICE = {
    DISK_FULL: N_("Free some space on the disk (empty the bin, remove large files you do not "
                  "need)."),
    READ_ONLY: N_("Make the file and its folder writable again, or ask who manages that "
                  "folder."),
    MOVED: N_("Put the file back where it was, with its old name."),
    OPENED_READ_ONLY: N_("The district was opened read-only, so nothing can be written to it."),
}
OTHER_ADVICE = N_("Check that the disk or the network folder is still connected.")


class SaveStatus(QLabel):
    failureToTell = Signal(str)  # noqa: N815 (Qt's naming): the message, once per failure

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.district: DistrictFile | None = None
        self.saved_at: dt.datetime | None = None
        self.failure: WriteError | None = None
        self._told = False

    def follow(self, district: DistrictFile | None) -> None:
        """Report on ``district`` from now on (``None``: no district is open)."""
        self.district = district
        self.saved_at = None
        self.failure = None
        self._told = False
        if district is not None:
            district.listeners.append(self._saved)
            district.failure_listeners.append(self._failed)
        self.refresh()

    def has_unsaved_edits(self) -> bool:
        return self.district is not None and bool(self.district.unsaved)

    def _saved(self) -> None:
        if self.has_unsaved_edits():
            return  # a write went through, but something refused earlier is still missing
        self.saved_at = dt.datetime.now()
        self.failure = None
        self._told = False
        self.refresh()

    def _failed(self, failure: WriteError) -> None:
        self.failure = failure
        self.refresh()
        # Imported here: QAccessible's enums (150 members) cost start-up for a rare failure.
        from PySide6.QtGui import QAccessible, QAccessibleEvent

        QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.Alert))
        if not self._told:
            self._told = True
            self.failureToTell.emit(self.advice())

    def advice(self) -> str:
        """What happened, that nothing typed is lost yet, and what to do."""
        if self.failure is None:
            return ""
        return "\n\n".join((
            _("Your last changes could not be saved: {reason}.").format(
                reason=_(self.failure.reason)),
            _("They are still on screen, and they are saved as soon as the file can be "
              "written again (with your next change)."),
            _(ADVICE.get(self.failure.reason, OTHER_ADVICE)),
            _("Or choose File › Save a copy as… to save everything on screen in another "
              "folder or disk; the window then goes on with the copy."),
        ))

    def refresh(self) -> None:
        if self.district is None:
            text = ""
        elif self.failure is not None:
            text = self.failure.message()
        elif self.district.read_only:
            text = _("Read only")
        elif self.saved_at is None:
            text = _("Saved")
        else:
            text = _("Saved at {time}").format(time=self.saved_at.strftime("%H:%M:%S"))
        self.setText(text)
        self.setStyleSheet(FAILED_STYLE if self.failure is not None else "")
        self.setAccessibleName(text)
