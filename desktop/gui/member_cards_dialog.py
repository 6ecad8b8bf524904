"""Member cards in the window: "Ask members for their data" writes the cards, "Read returned
cards" shows what each card would change, and writes only what the user accepts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.district_file import DistrictFile
from desktop.core.errors import UserError
from desktop.gui.messages import open_message
from i18n import LANGUAGE_NAMES, LANGUAGES, _, current_language
from wizard_steps.widgets.wheel_guard import GuardedComboBox

if TYPE_CHECKING:
    from desktop.core.card_reading import Applied, CardReview

# The window makes the card actions at start-up; what they run is imported when they run:
# writing the cards loads reportlab, reading them pypdf, phonenumbers and python-stdnum
# (about 0.2 s that the first step does not need).

CHANGED = QColor("#fff1c2")
PROBLEM = QColor("#f9d6d5")
KEY_ROLE = Qt.ItemDataRole.UserRole


class AskCardsDialog(QDialog):
    """Which members get a card, in which language, and the folder the cards go to."""

    written = Signal(list)

    def __init__(self, district: DistrictFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.district = district
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.language = GuardedComboBox(self)
        for lang in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[lang], lang)
        self.language.setCurrentIndex(self.language.findData(current_language()))
        self.members = QListWidget(self)
        for member_id, name in district.member_names().items():
            item = QListWidgetItem(name or "—", self.members)
            item.setData(KEY_ROLE, member_id)
            item.setCheckState(Qt.CheckState.Checked)
        self.blank = QCheckBox(self)
        self.blank.setChecked(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.write_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._choose_folder)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        self.language_label = QLabel(self)
        form.addRow(self.language_label, self.language)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.members, 1)
        layout.addWidget(self.blank)
        layout.addWidget(self.buttons)
        self.folder_dialog: QFileDialog | None = None
        self.retranslate()

    def chosen_members(self) -> list[int]:
        items = (self.members.item(row) for row in range(self.members.count()))
        return [item.data(KEY_ROLE) for item in items
                if item.checkState() == Qt.CheckState.Checked]

    def _choose_folder(self) -> None:
        dialog = QFileDialog(self, _("Folder for the member cards"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # follows our language
        dialog.fileSelected.connect(self.write_to)
        self.folder_dialog = dialog
        dialog.open()

    def write_to(self, folder: str | Path) -> list[Path]:
        from desktop.core.member_cards import write_cards  # deferred: see the module's head

        try:
            paths = write_cards(self.district, self.language.currentData(), folder,
                                self.chosen_members(), self.blank.isChecked())
        except (UserError, OSError) as exc:
            text = exc.message() if isinstance(exc, UserError) else str(exc)
            self.message = open_message(self, text)
            return []
        self.written.emit(paths)
        self.accept()
        return paths

    def retranslate(self) -> None:
        self.setWindowTitle(_("Ask members for their data"))
        self.intro.setText(_(
            "Each member gets a card: a PDF form it can fill in with any PDF reader and send "
            "back. The card shows its current data, why each item is asked and the privacy "
            "notice for its contact persons. Read the returned cards with “Read returned "
            "cards”."))
        self.language_label.setText(_("Language of the cards:"))
        self.blank.setText(_("Also a blank card, for a new member"))
        self.write_button.setText(_("Write the cards…"))


class CardReviewDialog(QDialog):
    """Per member, every value of the district beside the card's; changed values are yellow,
    those with a problem red. Ticked changes are written when the user presses Accept."""

    applied = Signal()

    def __init__(self, district: DistrictFile, paths: list[str | Path],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.district = district
        self.paths = [Path(p) for p in paths]
        self.reviews: list[CardReview] = []
        self.unreadable: list[str] = []
        self.done_stack: list[list[Applied]] = []
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(4)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.accept_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.undo_button = QPushButton(self)
        self.buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.accept_button.clicked.connect(self.accept_ticked)
        self.undo_button.clicked.connect(self.undo)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.buttons)
        self.resize(980, 600)
        self.retranslate()

    def read(self) -> None:
        from desktop.core.card_reading import review_card  # deferred: see the module's head

        self.reviews, self.unreadable = [], []
        for path in self.paths:
            try:
                self.reviews.append(review_card(self.district, path))
            except UserError as exc:
                self.unreadable.append(exc.message())
        self._fill()

    def _fill(self) -> None:
        from desktop.core.card_reading import problem_text, show  # deferred: module's head
        from desktop.core.member_import import field_label

        self.tree.clear()
        lang = current_language()
        for text in self.unreadable:
            item = QTreeWidgetItem(self.tree, [text])
            item.setBackground(0, QBrush(PROBLEM))
            item.setFirstColumnSpanned(True)
        for review in self.reviews:
            name = review.member_name if review.member_id else \
                f"{_('New member')}: {review.member_name or '—'}"
            top = QTreeWidgetItem(self.tree, [f"{name} ({review.path.name})"])
            top.setFlags(top.flags() | Qt.ItemFlag.ItemIsAutoTristate
                         | Qt.ItemFlag.ItemIsUserCheckable)
            for value in review.values:
                problems = "\n".join(problem_text(value, m, _) for m in value.problems)
                child = QTreeWidgetItem(top, [
                    field_label(value.key, _), show(value, False, _, lang),
                    show(value, True, _, lang), problems])
                child.setData(0, KEY_ROLE, value.key)
                child.setToolTip(3, problems)
                if not value.changed:  # nothing to accept: no checkbox
                    child.setFlags(child.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
                else:
                    child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    child.setCheckState(0, Qt.CheckState.Unchecked if value.problems
                                        else Qt.CheckState.Checked)
                colour = PROBLEM if value.problems else CHANGED if value.changed else None
                for column in range(4 if colour else 0):
                    child.setBackground(column, QBrush(colour))
            if not review.changes:
                top.setText(0, top.text(0) + " · " + _("No changes"))
            top.setExpanded(True)
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        self.undo_button.setEnabled(bool(self.done_stack))

    def ticked(self, review_index: int) -> set[str]:
        top = self.tree.topLevelItem(len(self.unreadable) + review_index)
        if top is None:
            return set()
        children = [child for i in range(top.childCount()) if (child := top.child(i))]
        return {child.data(0, KEY_ROLE) for child in children
                if child.data(0, KEY_ROLE) and child.checkState(0) == Qt.CheckState.Checked}

    def accept_ticked(self) -> int:
        """Write the ticked changes, one transaction per member; the number of members."""
        from desktop.core.card_reading import apply_review  # deferred: see the module's head

        done: list[Applied] = []
        for index, review in enumerate(self.reviews):
            keys = self.ticked(index)
            if review.member_id is None and keys:
                keys |= {v.key for v in review.values if not v.problems}
            if keys and (applied := apply_review(self.district, review, keys)) is not None:
                done.append(applied)
        if done:
            self.done_stack.append(done)
            self.applied.emit()
        self.read()
        return len(done)

    def undo(self) -> None:
        if not self.done_stack:
            return
        from desktop.core.card_reading import undo_review  # deferred: see the module's head

        for applied in reversed(self.done_stack.pop()):
            undo_review(self.district, applied)
        self.applied.emit()
        self.read()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Read returned cards"))
        self.intro.setText(_(
            "Each member's values in the district beside those of its card. Changes are in "
            "yellow, values with a problem in red. Tick the changes to keep and press Accept: "
            "nothing is saved before. Accepting can be undone."))
        self.tree.setHeaderLabels([_("Field"), _("In the district"), _("On the card"),
                                   _("Problem")])
        self.accept_button.setText(_("Accept the ticked changes"))
        self.undo_button.setText(_("Undo"))
        self._fill()
