"""The report's charts, drawn by matplotlib and inlined as SVG (text kept as text, no timestamp)."""

from __future__ import annotations

import io
import math
import re
from typing import Any

import matplotlib as mpl
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from extract.labels import spec_of
from extract.report.data import compact_number

#: Colours of deal stages, from talks to delivery; donations and the rest apart.
STATUS_COLOURS = {
    "negotiating": "#c6dbef",
    "approved": "#6baed6",
    "ordered": "#2171b5",
    "delivered": "#08306b",
    "donated": "#74c476",
    "other": "#bdbdbd",
}
BAR = "#2171b5"
STYLE: dict[Any, Any] = {  # matplotlib rcParams
    "svg.fonttype": "none",  # text stays text: smaller, searchable, drawn in the page's font
    "svg.hashsalt": "arms-extract",  # the same tables give the same page
    "font.family": "sans-serif",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 10,
    "axes.titleweight": "bold",
}


def to_svg(figure: Figure, name: str) -> str:
    """The figure as an `<svg>` element to inline in HTML, its ids prefixed by `name` (unique in the page)."""
    buffer = io.StringIO()
    with mpl.rc_context(STYLE):
        figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]  # drop the XML declaration and DOCTYPE
    svg = re.sub(r'\bid="([^"]+)"', rf'id="{name}-\1"', svg)
    svg = svg.replace("url(#", f"url(#{name}-").replace('href="#', f'href="#{name}-')
    return svg.replace("<svg ", f'<svg class="chart" role="img" aria-label="{name} chart" ', 1)


def _figure(width: float, height: float) -> Figure:
    with mpl.rc_context(STYLE):
        return Figure(figsize=(width, height), layout="constrained")


def label_chart(counts: pd.Series) -> str:
    """Mentions per label, horizontal bars in each label's colour."""
    with mpl.rc_context(STYLE):
        figure = _figure(4.6, 2.6)
        axes = figure.add_subplot()
        counts = counts.sort_values()
        labels = [str(label) for label in counts.index]
        bars = axes.barh(labels, counts.to_numpy(), color=[spec_of(label).colour for label in labels])
        axes.bar_label(bars, padding=2, fontsize=8)
        axes.set_title("Mentions per label")
        axes.set_xlabel("mentions")
    return to_svg(figure, "labels")


def document_chart(statuses: pd.Series, sources: pd.Series) -> str:
    """Documents per status and per source of their date."""
    with mpl.rc_context(STYLE):
        figure = _figure(4.6, 2.6)
        left, right = figure.subplots(1, 2)
        for axes, counts, title, colours in (
            (left, statuses, "Documents per status", {"ok": "#41ab5d", "error": "#d94801"}),
            (right, sources, "Date taken from", {}),
        ):
            names = [str(name) for name in counts.index]
            bars = axes.bar(names, counts.to_numpy(), color=[colours.get(n, BAR) for n in names])
            axes.bar_label(bars, padding=2, fontsize=8)
            axes.set_title(title)
            axes.tick_params(axis="x", labelrotation=30)
    return to_svg(figure, "documents")


def transfers_chart(by_year: pd.DataFrame) -> str:
    """Consolidated transfers per first year, stacked by stage (only the years that have some)."""
    with mpl.rc_context(STYLE):
        figure = _figure(9.5, 2.8)
        axes = figure.add_subplot()
        years = [str(int(year)) for year in by_year.index]
        bottom = pd.Series(0, index=by_year.index)
        for status in [s for s in STATUS_COLOURS if s in by_year.columns] + [
            s for s in by_year.columns if s not in STATUS_COLOURS
        ]:
            axes.bar(years, by_year[status], bottom=bottom, label=status, color=STATUS_COLOURS.get(status, "#969696"))
            bottom += by_year[status]
        axes.set_title("Transfers per year (first report), by stage")
        axes.set_ylabel("transfers")
        axes.tick_params(axis="x", labelrotation=90)
        axes.legend(ncols=3, fontsize=8, frameon=False)
    return to_svg(figure, "transfers")


def values_chart(values: pd.DataFrame, currencies: int = 4) -> str:
    """Value of transfers per first year, one panel per currency (most valued transfers first)."""
    shown = list(values.columns[:currencies])
    with mpl.rc_context(STYLE):
        figure = _figure(9.5, 2.4 * math.ceil(len(shown) / 2))
        grid = figure.subplots(math.ceil(len(shown) / 2), 2, squeeze=False)
        for axes, currency in zip(grid.flat, shown, strict=False):
            column = values[currency].dropna()
            axes.bar([str(int(y)) for y in column.index], column.to_numpy(), color=BAR)
            axes.set_title(f"Value per year, {currency} (packages counted once)")
            axes.yaxis.set_major_formatter(FuncFormatter(lambda v, _: compact_number(v)))
            axes.tick_params(axis="x", labelrotation=90)
        for axes in list(grid.flat)[len(shown) :]:
            axes.set_visible(False)
    return to_svg(figure, "values")


def systems_chart(top: pd.DataFrame, categories: int = 9) -> str:
    """Systems with most transfers, one panel per category (busiest categories first)."""
    shown = list(dict.fromkeys(top["category"]))[:categories]
    rows = math.ceil(len(shown) / 3)
    with mpl.rc_context(STYLE):
        figure = _figure(9.5, 1.9 * rows)
        grid = figure.subplots(rows, 3, squeeze=False)
        for axes, category in zip(grid.flat, shown, strict=False):
            systems = top[top["category"] == category].iloc[::-1]
            axes.barh(systems["system"].astype(str), systems["transfers"], color=BAR)
            axes.set_title(str(category))
            axes.xaxis.get_major_locator().set_params(integer=True)
        for axes in list(grid.flat)[len(shown) :]:
            axes.set_visible(False)
        figure.suptitle("Top systems per category (transfers)", fontweight="bold", fontsize=10)
    return to_svg(figure, "systems")
