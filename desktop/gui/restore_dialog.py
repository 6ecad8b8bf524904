"""File › Restore an earlier version…: the district's backups, newest first, with what differs."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.district_file.backups import Backup
from desktop.core.district_file.summary import Summary, summarise_file
from desktop.core.errors import UserError
from i18n import N_, _

KIND_NAMES = {"opening": N_("when it was opened"), "before-restore": N_("before a restore")}


def kind_name(kind: str) -> str:
    if kind.startswith("format-"):
        return _("before the update of the file format")
    return _(KIND_NAMES.get(kind, kind))


class RestoreDialog(QDialog):
    restoreRequested = Signal(str)  # noqa: N815 (Qt's naming): the backup's path

    def __init__(self, backups: list[Backup], current: Summary,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backups = backups
        self.current = current
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.preview = QLabel(self)
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = self.buttons.addButton(
            "", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._restore)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.preview)
        layout.addWidget(self.buttons)
        for backup in backups:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
            self.list.addItem(item)
        self.list.currentRowChanged.connect(self._show_preview)
        self.resize(560, 420)
        self.retranslate()
        if backups:
            self.list.setCurrentRow(0)

    def _show_preview(self, row: int) -> None:
        self.restore_button.setEnabled(row >= 0)
        if row < 0:
            self.preview.setText(_("There is no earlier version of this district yet."))
            return
        try:
            then = summarise_file(self.backups[row].path)
        except UserError as exc:
            self.preview.setText(exc.message())
            self.restore_button.setEnabled(False)
            return
        self.preview.setText(preview_text(then, self.current))

    def _restore(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.restoreRequested.emit(str(self.backups[row].path))
            self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Restore an earlier version"))
        self.intro.setText(_("DES Wizard keeps a copy of the district each time it is opened "
                             "(the last 10, and one a day for 30 days). Restoring a version "
                             "first keeps a copy of the district as it is now."))
        self.restore_button.setText(_("&Restore this version"))
        for index, backup in enumerate(self.backups):
            self.list.item(index).setText(
                f"{backup.taken_at.strftime('%d/%m/%Y %H:%M:%S')} — {kind_name(backup.kind)}")
        self._show_preview(self.list.currentRow())


def preview_text(then: Summary, now: Summary) -> str:
    lines = [_("That version compared with now:")]
    for label, old, new in ((_("members"), then.members, now.members),
                            (_("steps filled in"), then.steps_filled, now.steps_filled),
                            (_("signed scans"), then.attachments, now.attachments)):
        mark = "" if old == new else "  ←"
        lines.append(f"• {label}: {old} ({_('now')} {new}){mark}")
    if then.name != now.name:
        lines.append("• " + _("name: “{then}” (now “{now}”)").format(then=then.name,
                                                                      now=now.name))
    return "\n".join(lines)
