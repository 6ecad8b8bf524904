"""The financial plan's chart in the PDF, drawn with reportlab's own graphics."""

from __future__ import annotations

from babel.numbers import format_currency
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors

from desktop.core.agreement.context import Chart
from i18n.formats import BABEL_LOCALES

# The same colours as the chart in the window.
COLOURS = [colors.HexColor("#4e9a06"), colors.HexColor("#ce5c00"), colors.HexColor("#3465a4")]


def chart_drawing(chart: Chart, width: float, height: float = 190) -> Drawing:
    drawing = Drawing(width, height)
    drawing.initialFontName = "DejaVuSerif"  # the renderer's starting font, else Helvetica
    bars = VerticalBarChart()
    bars.x, bars.y = 62, 30
    bars.width, bars.height = width - 82, height - 70
    bars.data = [[cents / 100 for cents in values] for _, values in chart.series]
    bars.categoryAxis.categoryNames = [str(year) for year in chart.years]
    bars.categoryAxis.labels.fontName = "DejaVuSerif"
    bars.valueAxis.labels.fontName = "DejaVuSerif"
    bars.valueAxis.labels.fontSize = 7
    locale = BABEL_LOCALES[chart.lang]
    bars.valueAxis.labelTextFormat = lambda value: format_currency(
        value, "EUR", format="¤#,##0" if chart.lang == "en" else "#,##0 ¤", locale=locale,
        currency_digits=False)
    values = [v for row in bars.data for v in row] + [0]
    bars.valueAxis.valueMin = min(values) * 1.1
    bars.valueAxis.valueMax = max(values) * 1.1 or 1
    bars.groupSpacing = 12
    for index, colour in enumerate(COLOURS[: len(chart.series)]):
        bars.bars[index].fillColor = colour
        bars.bars[index].strokeColor = None
    drawing.add(bars)
    legend = Legend()
    legend.x, legend.y = 50, height - 12
    legend.fontName = "DejaVuSerif"
    legend.fontSize = 8
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 90
    legend.colorNamePairs = list(zip(COLOURS, [label for label, _ in chart.series],
                                     strict=False))
    drawing.add(legend)
    return drawing
