"""The district's years after signing, in the window: a year selector, the year in short, its
lists (assemblies, indicator values, accounts, members in and out, contact persons, actions to
widen the district, activities, the next year's calendar) in the wizard's list-and-form
editors, the monitoring findings of the year, and the annual report and calendar buttons."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.district_file import DistrictFile
from desktop.core.document_cache import current_document
from desktop.core.finance import forecast
from desktop.core.years.monitoring import monitoring_findings
from desktop.core.years.signed import district_years
from i18n import _, current_language
from i18n.formats import format_money
from i18n.qt import Retranslating
from wizard_steps.fields import Kind, empty_value
from wizard_steps.widgets.page import FieldForm, TableEditor
from wizard_steps.widgets.wheel_guard import GuardedComboBox
from wizard_steps.years import AFTER_SIGNING, YEAR


class YearRows:
    """One year's lists, offered to ``TableEditor`` with the district file's row methods.

    A year's list is stored whole in the ``years`` table; each row carries an ``id`` there so
    that selecting, removing (and undoing) and moving follow the row. Rows read from a JSON
    document have none yet: they get the next free ids, kept once the list is next written."""

    def __init__(self, district: DistrictFile, year: int) -> None:
        self.district = district
        self.year = year

    def member_names(self) -> dict[int, str]:
        return self.district.member_names()

    def _list(self, key: str) -> list[dict[str, Any]]:
        rows = [dict(row) for row in self.district.year_record(self.year)[key] or []]
        used = [row["id"] for row in rows if isinstance(row.get("id"), int)]
        following = max(used, default=0) + 1
        declared = YEAR.field(key)
        for row in rows:
            if not isinstance(row.get("id"), int):
                row["id"] = following
                following += 1
            for field in declared.row_fields:
                row.setdefault(field.key, empty_value(field))
        return rows

    def _write(self, key: str, rows: list[dict[str, Any]]) -> None:
        self.district.set_year_value(self.year, key, rows)

    def rows(self, key: str, only: int | None = None) -> list[dict[str, Any]]:
        return [row for row in self._list(key) if only is None or row["id"] == only]

    def row(self, key: str, row_id: int) -> dict[str, Any]:
        for row in self.rows(key, only=row_id):
            return row
        raise KeyError(row_id)

    def add_row(self, key: str, values: dict[str, Any] | None = None, row_id: int | None = None,
                index: int | None = None) -> int:
        rows = self._list(key)
        new_id = row_id if row_id is not None else max((r["id"] for r in rows), default=0) + 1
        declared = YEAR.field(key)
        row = {"id": new_id} | {f.key: (values or {}).get(f.key, empty_value(f))
                                for f in declared.row_fields}
        rows.insert(len(rows) if index is None else max(0, min(index, len(rows))), row)
        self._write(key, rows)
        return new_id

    def set_row_value(self, key: str, row_id: int, field: str, value: Any) -> None:
        rows = self._list(key)
        for row in rows:
            if row["id"] == row_id:
                row[field] = value
                self._write(key, rows)
                return
        raise KeyError(row_id)

    def remove_row(self, key: str, row_id: int) -> None:
        self._write(key, [row for row in self._list(key) if row["id"] != row_id])

    def move_row(self, key: str, row_id: int, new_index: int) -> None:
        rows = self._list(key)
        moving = next(row for row in rows if row["id"] == row_id)
        rows.remove(moving)
        rows.insert(max(0, min(new_index, len(rows))), moving)
        self._write(key, rows)


class AccountsEditor(TableEditor):
    """The actual accounts: each amount named by its forecast line, as the report names it."""

    def _title(self, row: dict[str, Any], members: dict[int, str] | None = None) -> str:
        document = current_document(self.district.district)  # type: ignore[attr-defined]
        plan = forecast(document)
        labels = {(side, line.key): _(line.label) if line.translatable else line.label
                  for side, lines in (("income", plan.income), ("expense", plan.expenses))
                  for line in lines}
        label = labels.get((row.get("side", ""), row.get("line", "")), row.get("line", ""))
        amount = format_money(row.get("amount"), current_language()) if row.get("amount") else ""
        return " — ".join(part for part in (label, amount) if part) or super()._title(row, members)


class YearsView(Retranslating, QWidget):
    """The second part of the window, shown once the agreement is signed."""

    edited = Signal()
    annualReportRequested = Signal(int, bool)  # noqa: N815  (year, copy for publication)
    calendarRequested = Signal(int)  # noqa: N815  (the year whose assemblies are exported)

    def __init__(self, district: DistrictFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.district = district
        self.year_label = QLabel(self)
        self.year_box = GuardedComboBox(self)
        self.year_label.setBuddy(self.year_box)
        self.report_button = QPushButton(self)
        self.report_button.clicked.connect(lambda: self.annualReportRequested.emit(
            self.year, False))
        self.public_button = QPushButton(self)
        self.public_button.clicked.connect(lambda: self.annualReportRequested.emit(
            self.year, True))
        self.calendar_button = QPushButton(self)
        self.calendar_button.clicked.connect(lambda: self.calendarRequested.emit(self.year + 1))
        top = QHBoxLayout()
        top.addWidget(self.year_label)
        top.addWidget(self.year_box)
        top.addStretch(1)
        for button in (self.report_button, self.public_button, self.calendar_button):
            top.addWidget(button)

        self.rows = YearRows(district, self._years()[0] if self._years() else 0)
        self.summary = FieldForm((YEAR.field("summary"),), self)
        self.summary.committed.connect(self._save_summary)
        self.renewal = FieldForm((AFTER_SIGNING.field("renewal_decision"),), self)
        self.renewal.committed.connect(self._save_renewal)
        self.findings = QLabel(self)
        self.findings.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.tables: list[TableEditor] = []
        for declared in YEAR.fields:
            if declared.kind is Kind.TABLE:
                # TableEditor asks its "district" for rows: here, those of the chosen year.
                editor_class = AccountsEditor if declared.key == "accounts" else TableEditor
                editor = editor_class(self.rows, declared, self.tabs)  # type: ignore[arg-type]
                editor.edited.connect(self._edited)
                self.tables.append(editor)
                self.tabs.addTab(editor, "")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.findings)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.renewal)
        self.year_box.currentIndexChanged.connect(self._year_chosen)
        self.refresh_years()
        self.retranslate()

    @property
    def year(self) -> int:
        return self.rows.year

    def _years(self) -> list[int]:
        return district_years(current_document(self.district))

    def refresh_years(self) -> None:
        """The years offered: from the signing year to the end of the agreement."""
        years = self._years()
        current = self.rows.year
        self.year_box.blockSignals(True)
        self.year_box.clear()
        for year in years:
            self.year_box.addItem(str(year), year)
        if years:
            self.year_box.setCurrentIndex(years.index(current) if current in years else 0)
        self.year_box.blockSignals(False)
        if years:
            self.show_year(years[years.index(current)] if current in years else years[0])

    def _year_chosen(self, index: int) -> None:
        if index >= 0:
            self.show_year(int(self.year_box.itemData(index)))

    def _offer_indicators(self) -> None:
        """The indicator of a value is typed as the reporting model names it: offered as the
        user types, so that the value meets its indicator in the report and the rules."""
        names = [i.get("indicator", "") for i in
                 current_document(self.district).get("reporting", {}).get("indicators", [])]
        for table in self.tables:
            editor = table.form.editors.get("indicator")
            if editor is not None and isinstance(editor.input, QLineEdit):
                completer = QCompleter([n for n in names if n], editor.input)
                completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
                completer.setFilterMode(Qt.MatchFlag.MatchContains)
                editor.input.setCompleter(completer)

    def show_year(self, year: int) -> None:
        self.flush()
        self._offer_indicators()
        self.rows.year = year
        self.summary.load(self.district.year_record(year))
        self.renewal.load(self.district.answers())
        for table in self.tables:
            table.removed.clear()  # undo belongs to the year a row was removed from
            table.undo_button.setEnabled(False)
            table.reload()
        self._show_findings()

    def select_year(self, year: int) -> None:
        self.year_box.setCurrentIndex(self.year_box.findData(year))

    def _save_summary(self, key: str, value: Any) -> None:
        self.district.set_year_value(self.year, key, value)
        self._edited()

    def _save_renewal(self, key: str, value: Any) -> None:
        self.district.set_answer(key, value)
        self._edited()

    def _edited(self) -> None:
        self._show_findings()
        self.edited.emit()

    def _show_findings(self) -> None:
        found = monitoring_findings(current_document(self.district), self.year)
        if not found:
            self.findings.setText(_("The monitoring rules find nothing to raise for this "
                                    "year."))
            return
        self.findings.setText("\n".join(f"• {f.rule}: {f.text(_)}" for f in found))

    def flush(self) -> None:
        self.summary.flush()
        self.renewal.flush()
        for table in self.tables:
            table.flush()

    def retranslate(self) -> None:
        self.year_label.setText(_("&Year"))
        self.report_button.setText(_("Annual re&port…"))
        self.public_button.setText(_("Annual report for pu&blication…"))
        self.calendar_button.setText(_("Next year's &calendar (.ics)…"))
        self.year_box.setAccessibleName(_("Year"))
        for index, table in enumerate(self.tables):
            self.tabs.setTabText(index, _(table.declared.label))
        self._show_findings()
