"""The forecast grid of the financial plan, with its totals and a chart, computed as typed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.finance import Forecast, forecast, membership_fee_total, set_typed_amount
from i18n import _, current_language, ngettext
from i18n.formats import (
    MoneyError,
    format_amount,
    format_money,
    format_percent,
    money_example,
    parse_money,
)
from i18n.qt import Retranslating
from wizard_steps.fields import Field
from wizard_steps.widgets.grid_keys import GridKeys, LeavingDelegate
from wizard_steps.widgets.looks import as_message, bold

COMPUTED = QColor("#f1f1f1")
TOTAL = QColor("#e3e9f2")
WRONG = QColor("#f9d6d5")
COLOURS = {"income": QColor("#4e9a06"), "expenses": QColor("#ce5c00"),
           "balance": QColor("#3465a4")}
KEY = Qt.ItemDataRole.UserRole  # (side, key, year) of a typed cell


HEADER_WIDEST = 260  # pixels for the names of the rows, when there is room
HEADER_NARROWEST = 110


class ForecastChart(QWidget):
    """Income, expenses and balance by year, as grouped bars around a zero line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan: Forecast | None = None
        self.setMinimumHeight(200)

    def show_plan(self, plan: Forecast) -> None:
        self.plan = plan
        self.update()

    def series(self) -> list[tuple[str, QColor, list[int]]]:
        plan = self.plan
        assert plan is not None
        return [(_("Income"), COLOURS["income"], [plan.total_income(y) for y in plan.years]),
                (_("Expenses"), COLOURS["expenses"],
                 [plan.total_expenses(y) for y in plan.years]),
                (_("Balance"), COLOURS["balance"], [plan.balance(y) for y in plan.years])]

    def paintEvent(self, _event: Any) -> None:  # noqa: N802 (Qt's name)
        if self.plan is None or not self.plan.years:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        series = self.series()
        values = [v for _, _, data in series for v in data] + [0]
        top, bottom = max(values), min(values)
        span = (top - bottom) or 1
        area = QRectF(60, 24, self.width() - 80, self.height() - 54)
        zero_y = area.top() + area.height() * top / span
        painter.setPen(QPen(QColor("#888888")))
        painter.drawLine(int(area.left()), int(zero_y), int(area.right()), int(zero_y))
        group = area.width() / len(self.plan.years)
        bar = group / (len(series) + 1)
        for index, year in enumerate(self.plan.years):
            for number, (_label, colour, data) in enumerate(series):
                height = area.height() * data[index] / span
                left = area.left() + index * group + bar * (number + 0.5)
                rect = QRectF(left, zero_y - max(height, 0), bar * 0.9, abs(height))
                painter.fillRect(rect, QBrush(colour))
            painter.setPen(QPen(QColor("#333333")))
            painter.drawText(QRectF(area.left() + index * group, area.bottom() + 4, group, 18),
                             Qt.AlignmentFlag.AlignCenter, str(year))
        font = QFont(painter.font())
        painter.setFont(font)
        legend_x = area.left()
        for label, colour, _data in series:
            painter.fillRect(QRectF(legend_x, 4, 12, 12), QBrush(colour))
            painter.setPen(QPen(QColor("#333333")))
            painter.drawText(int(legend_x + 16), 15, label)
            legend_x += 24 + painter.fontMetrics().horizontalAdvance(label)
        painter.end()


class ForecastEditor(Retranslating, QWidget):
    """Typed cells for income and expense categories; every other row is computed."""

    committed = Signal(str, object)

    def __init__(self, declared: Field, document: Callable[[], dict[str, Any]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.declared = declared
        self.key = declared.key
        self._document = document
        self._loading = False
        self.typed: dict[str, Any] = {"income": {}, "expenses": {}}
        self.label = QLabel(self)
        bold(self.label)
        self.fees = QLabel(self)  # what the membership fee yields, from the member list
        self.fees.setWordWrap(True)
        self.table = QTableWidget(self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        # Tab moves from cell to cell, as in a spreadsheet; Ctrl+Tab leaves the grid.
        self.keys = GridKeys(self.table)
        self.table.setItemDelegate(LeavingDelegate(self.table))
        self.table.verticalHeader().setDefaultSectionSize(24)
        # Long category names are cut with "…" (the tooltip of the page says it all) so that
        # every year fits beside them without scrolling, on a netbook too (_fit_years).
        self.table.verticalHeader().setMaximumWidth(HEADER_WIDEST)
        self.table.verticalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.itemChanged.connect(self._cell_changed)
        self.table.installEventFilter(self)
        self.message = QLabel(self)
        as_message(self.message)
        self.message.setWordWrap(True)
        self.message.hide()
        self.chart = ForecastChart(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        layout.addWidget(self.label)
        layout.addWidget(self.fees)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        layout.addWidget(self.chart)
        self.input = self.table  # what the page's accessibility checks look at
        self.retranslate()

    # --- the FieldEditor interface -----------------------------------------------------------

    def set_value(self, value: Any) -> None:
        self.typed = value or {"income": {}, "expenses": {}}
        self.refresh()

    def value(self) -> dict[str, Any]:
        return self.typed

    def flush(self) -> None:
        """Cells are saved as soon as they are left."""

    def retranslate(self) -> None:
        self.label.setText(_(self.declared.label))
        self.table.setAccessibleName(_(self.declared.label))
        self.table.setAccessibleDescription(
            _("Tab moves to the next cell; Ctrl+Tab leaves the grid."))
        self.chart.setAccessibleName(_("Chart of income, expenses and balance by year"))
        self.refresh()

    # --- the grid ---------------------------------------------------------------------------

    def refresh(self) -> None:
        document = self._document()
        plan_section = dict(document.get("financial_plan", {}), forecasts=self.typed)
        plan = forecast(dict(document, financial_plan=plan_section))
        lang = current_language()
        self._loading = True
        table = self.table
        table.clear()
        rows: list[tuple[str, list[QTableWidgetItem]]] = []

        def cells(values: list[str], colour: QColor | None, bold: bool = False
                  ) -> list[QTableWidgetItem]:
            made = []
            for text in values:
                item = QTableWidgetItem(text)
                item.setData(KEY, "")  # computed: no (side, category, year) to save
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if colour is not None:
                    item.setBackground(QBrush(colour))
                if bold:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                made.append(item)
            return made

        for side, lines, total, title in (
            ("income", plan.income, plan.total_income, _("Income")),
            ("expenses", plan.expenses, plan.total_expenses, _("Expenses")),
        ):
            rows.append((title, []))
            for line in lines:
                label = _(line.label) if line.translatable else line.label
                if line.typed:
                    row = []
                    for year in plan.years:
                        item = QTableWidgetItem(format_amount(line.amounts.get(year), lang))
                        item.setData(KEY, (side, line.key, year))
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                              | Qt.AlignmentFlag.AlignVCenter)
                        row.append(item)
                    rows.append(("    " + label, row))
                else:
                    rows.append(("    " + label, cells(
                        [format_amount(line.amounts.get(y, 0), lang) for y in plan.years],
                        COMPUTED)))
            rows.append((_("Total income") if side == "income" else _("Total expenses"), cells(
                [format_amount(total(y), lang) for y in plan.years], TOTAL, bold=True)))
        rows.append((_("Balance of the year"), cells(
            [format_amount(plan.balance(y), lang) for y in plan.years], TOTAL, bold=True)))
        rows.append((_("Cumulative balance"), cells(
            [format_amount(plan.cumulative_balance(y), lang) for y in plan.years], TOTAL)))
        rows.append((_("Share of public funding"), cells(
            [format_percent(plan.public_share(y), lang) for y in plan.years], TOTAL)))

        table.setColumnCount(len(plan.years))
        table.setRowCount(len(rows))
        table.setHorizontalHeaderLabels([str(y) for y in plan.years])
        table.setVerticalHeaderLabels([label for label, _ in rows])
        for number, (_label, row) in enumerate(rows):
            if not row:
                header = table.verticalHeaderItem(number)
                font = header.font()
                font.setBold(True)
                header.setFont(font)
            for column, item in enumerate(row):
                table.setItem(number, column, item)
        table.resizeColumnsToContents()
        height = table.horizontalHeader().height() + sum(
            table.rowHeight(r) for r in range(table.rowCount())) + 4
        table.setFixedHeight(height)
        self._fit_years()
        self.plan = plan
        self.chart.show_plan(plan)
        members = document.get("members", {}).get("organizations", [])
        fees = membership_fee_total(plan_section, members)
        self.fees.setVisible(plan_section.get("has_fee") is True)
        self.fees.setText(ngettext(
            "The membership fee yields {total} a year from {count} member.",
            "The membership fee yields {total} a year from {count} members.",
            len(members)).format(total=format_money(fees, lang), count=len(members)))
        self._loading = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.table and event.type() == QEvent.Type.Resize:
            self._fit_years()
        return super().eventFilter(watched, event)

    def _fit_years(self) -> None:
        """The names of the rows give way (down to HEADER_NARROWEST) so that all the years are
        in view at once: at 1024×600 the grid is about 440 pixels wide."""
        table = self.table
        years = sum(table.columnWidth(c) for c in range(table.columnCount()))
        room = table.width() - years - 2 * table.frameWidth() - 2
        table.verticalHeader().setMaximumWidth(max(HEADER_NARROWEST, min(HEADER_WIDEST, room)))

    def _cell_changed(self, item: QTableWidgetItem) -> None:
        data = item.data(KEY)
        if self._loading or not isinstance(data, tuple | list):
            return
        side, key, year = data
        lang = current_language()
        try:
            cents = parse_money(item.text(), lang)
        except MoneyError as problem:
            # The text stays as typed, flagged, and nothing is saved: never a silent zero.
            self._loading = True
            item.setBackground(QBrush(WRONG))
            message = _(str(problem)).format(example=money_example(lang))
            item.setToolTip(message)
            self._loading = False
            self.message.setText(f"{year}: {message}")
            self.message.show()
            return
        self.message.hide()
        self.typed = set_typed_amount(self.typed, side, key, year, cents)
        self.committed.emit(self.key, self.typed)
        self.refresh()
