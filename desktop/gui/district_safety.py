"""What keeps a district safe in the window: its lock, read-only opening, backups and
restoring them, edits the file refused, and outputs that would replace a file.

The main window's base, apart so that the window's module stays about the window.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from desktop.core.district_file import DistrictFile, backups
from desktop.core.district_file.lock import DistrictLock, LockedError
from desktop.core.district_file.summary import summarise
from desktop.core.district_file.write_errors import WriteError, reason_of
from desktop.core.errors import UserError
from desktop.core.outputs import check_output
from desktop.gui.first_paint import after_first_paint
from i18n import N_, _

if TYPE_CHECKING:
    from desktop.gui.language import LanguageController
    from desktop.gui.read_only_banner import ReadOnlyBanner
    from desktop.gui.save_status import SaveStatus
    from desktop.gui.wizard_view import WizardView

UNWRITABLE = N_("you cannot write to this file or to its folder.")


class DistrictSafety(QMainWindow):
    # What the mixin uses of the main window (declared for the type checker).
    district: DistrictFile | None
    _backup_due: DistrictFile | None = None  # opened, its opening backup not taken yet
    wizard: WizardView | None
    dialog: QWidget | None
    banner: ReadOnlyBanner
    save_label: SaveStatus
    language: LanguageController
    lock: DistrictLock | None
    _closing_without_saving: bool
    show_error: Callable[[str], None]
    show_notice: Callable[[str], None]
    close_district: Callable[[], None]
    request_save_copy: Callable[[], None]
    _show_district: Callable[[DistrictFile, DistrictLock | None], None]

    def open_district(self, path: str | Path, read_only: bool = False) -> bool:
        """Open a district for editing, holding its lock; read-only when asked, when the file
        or its folder cannot be written, or (after asking) when someone else has it open."""
        if self._asked_about_unsaved_edits(lambda: self.open_district(path, read_only)):
            return False
        target = Path(path)
        if self.district is not None and _same_file(self.district.path, target):
            self.close_district()  # opened again from this window: its own lock is released
        why_read_only = self._why_read_only(target) if not read_only else None
        lock = None
        if not read_only and why_read_only is None:
            try:
                lock = DistrictLock.acquire(target)
            except LockedError as exc:
                self._offer_read_only(target, exc)
                return False
            except OSError:  # no lock can be made beside it: the folder is read-only
                why_read_only = UNWRITABLE
        try:
            district = DistrictFile.open(target, read_only=read_only or why_read_only is not None)
        except UserError as exc:
            if lock is not None:
                lock.release()
            self._refused(target, exc)
            return False
        self._show_district(district, lock)
        if not district.read_only:
            # Taken once the window is drawn (the copy is written with fsync: 10 to 50 ms),
            # and at the latest before a restore or the district's closing.
            self._backup_due = district
            after_first_paint(self, self.take_due_backup)
        if why_read_only is not None:
            self.banner.show_reason(lambda: _(why_read_only))
        return True

    def _refused(self, target: Path, refusal: UserError) -> None:
        """Say why a district cannot be opened; offer its latest backup when there is one."""
        earlier = backups.backups_of(target) if target.exists() else []
        self.show_error(refusal.message())
        if earlier and isinstance(self.dialog, QMessageBox):
            latest = earlier[0]
            self.dialog.setText(refusal.message() + "\n\n" + _(
                "DES Wizard has a backup of this district from {date}.").format(
                date=latest.taken_at.strftime("%d/%m/%Y %H:%M")))
            button = self.dialog.addButton(_("Open the &backup"),
                                           QMessageBox.ButtonRole.AcceptRole)
            button.clicked.connect(lambda: self.replace_with_backup(target, latest))

    def replace_with_backup(self, target: Path, backup: backups.Backup) -> bool:
        """Put the backup in place of a file that cannot be opened (kept under another name)."""
        try:
            kept = backups.replace_damaged(target, backup)
        except (OSError, sqlite3.Error) as exc:
            self.show_error(_("The backup could not be restored: {reason}").format(
                reason=_(reason_of(exc, target))))
            return False
        if not self.open_district(target):
            return False
        self.show_notice(_("The backup from {date} has been restored. The file that could not "
                           "be opened is kept as {path}.").format(
            date=backup.taken_at.strftime("%d/%m/%Y %H:%M"), path=kept.name))
        return True

    def take_due_backup(self) -> None:
        """The opening backup of the district on screen, if it is not taken yet."""
        due, self._backup_due = self._backup_due, None
        if due is not None and due is self.district:
            self._take_backup(backups.OPENING)

    def _take_backup(self, kind: str) -> None:
        if self.district is None:
            return
        try:
            backups.take(self.district.db.conn, self.district.path, kind)
        except (OSError, sqlite3.Error) as exc:  # the district itself is fine: say so, go on
            self.statusBar().showMessage(_("No backup could be made: {reason}").format(
                reason=_(reason_of(exc, self.district.path))), 10000)

    def request_restore(self) -> None:
        if self.district is None or self.district.read_only:
            return
        self.take_due_backup()
        if self.wizard is not None:
            self.wizard.flush()
        from desktop.gui.restore_dialog import RestoreDialog  # a dialog: imported when opened

        dialog = RestoreDialog(backups.backups_of(self.district.path),
                               summarise(self.district), self)
        dialog.restoreRequested.connect(self.restore_version)
        self.language.languageChanged.connect(dialog.retranslate)
        self.dialog = dialog
        dialog.open()

    def restore_version(self, path: str | Path) -> bool:
        """Bring back an earlier version; the district as it is now is kept as a backup."""
        if self.district is None or self.district.read_only:
            return False
        if self.wizard is not None:
            self.wizard.flush()
        target = self.district.path
        try:
            backups.take(self.district.db.conn, target, "before-restore")
            backups.restore(Path(path), self.district.db.conn)
        except (OSError, sqlite3.Error) as exc:
            self.show_error(_("The backup could not be restored: {reason}").format(
                reason=_(reason_of(exc, target))))
            return False
        self.district.unsaved.clear()  # the restored version replaces what was on screen
        self.close_district()
        if not self.open_district(target):
            return False
        self.statusBar().showMessage(_("Earlier version restored"), 10000)
        return True

    @staticmethod
    def _why_read_only(target: Path) -> str | None:
        if target.exists() and not (os.access(target, os.W_OK)
                                    and os.access(target.parent, os.W_OK)):
            return UNWRITABLE
        return None

    def _offer_read_only(self, target: Path, locked: LockedError) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, _("DES Wizard"), locked.message() + "\n\n" + _(
            "Two people editing the same district at once would overwrite each other's "
            "changes. You can open it read-only, to read, export or save a copy."),
            QMessageBox.StandardButton.Cancel, self)
        read = box.addButton(_("Open &read-only"), QMessageBox.ButtonRole.AcceptRole)
        read.clicked.connect(lambda: self._open_read_only(target, locked))
        self.dialog = box
        box.open()

    def _open_read_only(self, target: Path, locked: LockedError) -> None:
        if self.open_district(target, read_only=True):
            self.banner.show_reason(locked.message)

    def request_close_district(self) -> None:
        if not self._asked_about_unsaved_edits(self.close_district):
            self.close_district()

    def _asked_about_unsaved_edits(self, go_on: Callable[[], object]) -> bool:
        """With edits the file refused on screen, ask before they are dropped; ``go_on`` runs
        if the user chooses to drop them. True when the question was asked."""
        if self.wizard is not None:
            self.wizard.flush()
        if self.district is not None and self.district.unsaved:
            with suppress(WriteError):  # one more try: the disk may have room again
                self.district.save_unsaved()
        if not self.save_label.has_unsaved_edits() or self._closing_without_saving:
            return False
        box = QMessageBox(QMessageBox.Icon.Warning, _("DES Wizard"), _(
            "Some changes on screen could not be saved in the district file ({reason}). If "
            "you close it now, they are lost.").format(reason=self._unsaved_reason()),
            QMessageBox.StandardButton.Cancel, self)
        copy = box.addButton(_("Save a &copy as…"), QMessageBox.ButtonRole.AcceptRole)
        drop = box.addButton(_("&Close without saving"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(copy)
        copy.clicked.connect(self.request_save_copy)
        drop.clicked.connect(lambda: self._drop_unsaved_edits(go_on))
        self.dialog = box
        box.open()
        return True

    def _unsaved_reason(self) -> str:
        failure = self.save_label.failure
        return _(failure.reason) if failure is not None else ""

    def _drop_unsaved_edits(self, go_on: Callable[[], object]) -> None:
        self._closing_without_saving = True
        try:
            go_on()
        finally:
            self._closing_without_saving = False

    def save_copy_as(self, path: str | Path) -> bool:
        """Write a copy; if this file refused some edits, the copy holds them and the window
        goes on with the copy, so that nothing on screen stays unsaved."""
        if self.district is None:
            return False
        if self.wizard is not None:
            self.wizard.flush()
        try:  # the file dialog has asked before replacing a file
            target = check_output(path, protected=[self.district.path], replace=True)
            written = self.district.save_copy_as(target)
        except UserError as exc:
            self.show_error(exc.message())
            return False
        if self.district.unsaved or self.district.read_only:
            self.district.unsaved.clear()  # they are in the copy, which the window now shows
            self.open_district(written)
            self.show_notice(_("Everything on screen has been saved in {path}. The window now "
                               "works on this copy.").format(path=written))
            return True
        self.statusBar().showMessage(_("Copy saved as {path}").format(path=written), 8000)
        return True

    def _ask_to_replace(self, target: Path, replace: Callable[[], object]) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, _("DES Wizard"),
                          _("The file {path} already exists. Replace it?").format(path=target),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).clicked.connect(replace)
        self.dialog = box
        box.open()


def _same_file(first: Path, second: Path) -> bool:
    try:
        return first.samefile(second)
    except OSError:
        return False
