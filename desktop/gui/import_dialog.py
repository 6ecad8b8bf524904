"""The preview of a member import: which column is which field, which rows come in, and why
the others do not. Nothing is written until the user presses Import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import member_import
from desktop.core.district_file import DistrictFile
from i18n import _, ngettext
from i18n.qt import Retranslating
from wizard_steps.widgets.wheel_guard import GuardedComboBox

BLOCKED = QColor("#f9d6d5")
WARNED = QColor("#fff1c2")


class ImportDialog(Retranslating, QDialog):
    imported = Signal(int)

    def __init__(self, district: DistrictFile, path: str | Path, sheet: member_import.Sheet,
                 parent: QWidget | None = None):
        """``sheet`` is ``path`` as read (in a worker: a big spreadsheet takes a while)."""
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.district = district
        self.path = Path(path)
        self.sheet = sheet
        self.mapping = member_import.guess_mapping(self.sheet.headers)
        self.prepared: list[member_import.PreparedRow] = []

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._import)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.combos: list[QComboBox] = []
        self._build_table()
        self.resize(980, 560)
        self.retranslate()
        self._check()

    def _build_table(self) -> None:
        columns = len(self.sheet.headers)
        self.table.setColumnCount(columns + 1)
        self.table.setRowCount(len(self.sheet.rows) + 1)
        self.table.setHorizontalHeaderLabels(
            [_("Row status")] + [h or "—" for h in self.sheet.headers])
        fields = member_import.importable_fields()
        for column in range(columns):
            combo = GuardedComboBox(self.table)
            combo.addItem("", "")
            for key, _declared in fields:
                combo.addItem("", key)
            combo.setCurrentIndex(max(combo.findData(self.mapping[column]), 0))
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.table.setCellWidget(0, column + 1, combo)
            self.combos.append(combo)
        for row, cells in enumerate(self.sheet.rows, start=1):
            for column, value in enumerate(cells):
                self.table.setItem(row, column + 1, QTableWidgetItem(value))
        # Rows numbered as in the spreadsheet, so that "line 4" in a message is found there.
        self.table.setVerticalHeaderLabels(
            [""] + [str(self.sheet.first_line + row) for row in range(len(self.sheet.rows))])

    def _mapping_changed(self) -> None:
        self.mapping = [combo.currentData() for combo in self.combos]
        self._check()

    def _check(self) -> None:
        names = list(self.district.member_names().values())
        self.prepared = member_import.prepare(self.sheet, self.mapping, names)
        self._show_status()

    def _show_status(self) -> None:
        """The verdict on each row and the summary, in the current language."""
        for row, prepared in enumerate(self.prepared, start=1):
            shown = prepared.problems + (prepared.missing if prepared.importable else [])
            status = "\n".join(p.text(_) for p in shown) or _("Ready to import")
            item = QTableWidgetItem(status)
            item.setToolTip(status)
            colour = BLOCKED if not prepared.importable else WARNED if shown else None
            for column in range(self.table.columnCount()):
                cell = item if column == 0 else self.table.item(row, column)
                if cell is not None:
                    cell.setBackground(QBrush(colour) if colour else QBrush())
            self.table.setItem(row, 0, item)
        self.table.resizeRowsToContents()
        ready = sum(1 for p in self.prepared if p.importable)
        incomplete = sum(1 for p in self.prepared if p.importable and p.missing)
        left_out = len(self.prepared) - ready
        self.summary.setText(
            ngettext("{count} member will be imported.", "{count} members will be imported.",
                     ready).format(count=ready)
            + " " + ngettext("{count} row cannot be imported: see why in the first column.",
                             "{count} rows cannot be imported: see why in the first column.",
                             left_out).format(count=left_out) * bool(left_out)
            + " " + ngettext("{count} of them will still miss something the Review asks for: "
                             "see what in the first column.",
                             "{count} of them will still miss something the Review asks for: "
                             "see what in the first column.",
                             incomplete).format(count=incomplete) * bool(incomplete))
        self.import_button.setText(ngettext("Import {count} member", "Import {count} members",
                                            ready).format(count=ready))
        self.import_button.setEnabled(ready > 0)
        if "name" not in self.mapping:
            self.summary.setText(_("Choose which column holds the name of the organization."))

    def _import(self) -> None:
        count = member_import.import_rows(self.district, self.prepared)
        self.imported.emit(count)
        self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Import members from a spreadsheet"))
        self.intro.setText(_(
            "File: {file}. Check which field each column holds (first row), and the rows "
            "below: those in red cannot be imported, those in yellow are imported with a "
            "warning or with something still missing for the Review. Nothing is saved until "
            "you press Import.").format(file=self.path.name))
        for combo in self.combos:
            combo.setItemText(0, _("— ignore this column —"))
            for index in range(1, combo.count()):
                combo.setItemText(index, member_import.field_label(combo.itemData(index), _))
            combo.setAccessibleName(_("Field of this column"))
        self.table.setHorizontalHeaderItem(0, QTableWidgetItem(_("Row status")))
        self._show_status()
