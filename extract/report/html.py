"""The run report as one self-contained HTML page: styles, script and charts inline, no request made.

A Content-Security-Policy forbids the page any network access, so it opens the same offline.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from html import escape
from importlib.resources import files
from typing import Any

import matplotlib as mpl
import pandas as pd

from extract.frames import RunTables
from extract.report import charts
from extract.report.data import UNKNOWN, ReportData, compact_number, country_name

POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
#: deals.csv columns of the deal table: (column, heading, numeric)
DEAL_COLUMNS = (
    ("doc_id", "document", False),
    ("supplier", "supplier", False),
    ("recipient", "recipient", False),
    ("system", "system", False),
    ("category", "category", False),
    ("quantity", "quantity", True),
    ("value", "value", True),
    ("currency", "currency", False),
    ("status", "status", False),
    ("date", "date", False),
    ("hedged", "hedged", False),
)
TRANSFER_COLUMNS = (
    ("supplier", "supplier", False),
    ("recipient", "recipient", False),
    ("system", "system", False),
    ("category", "category", False),
    ("quantity", "quantity", True),
    ("value", "value", True),
    ("currency", "currency", False),
    ("value_scope", "scope", False),
    ("status", "status", False),
    ("date_first", "first", False),
    ("date_last", "last", False),
    ("sources", "sources", True),
    ("doc_ids", "documents", False),
)


def _asset(name: str) -> str:
    return (files("extract.report") / name).read_text(encoding="utf-8")


def _text(value: Any) -> str:
    """A cell's text: empty for missing values."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _cell(column: str, value: Any, numeric: bool) -> str:
    text = _text(value)
    if column in ("supplier", "recipient") and text:
        return f'<td title="{escape(country_name(text))}">{escape(text)}</td>'
    if not numeric:
        return f"<td>{escape(text)}</td>"
    shown = compact_number(float(value)) if column == "value" and text else text
    return f'<td class="num" data-v="{escape(text)}">{escape(shown)}</td>'


def _head(columns: Iterable[tuple[str, str, bool]]) -> str:
    cells = "".join(
        f'<th data-key="{key}"{" class=num" if numeric else ""}>{escape(title)}</th>' for key, title, numeric in columns
    )
    return f"<thead><tr>{cells}</tr></thead>"


def _filter_box(table_id: str, hint: str) -> str:
    return (
        f'<div class="filter"><input type="search" data-filter-for="{table_id}" placeholder="{escape(hint)}" '
        f'aria-label="filter"><span data-count-for="{table_id}"></span></div>'
    )


def _simple_table(frame: pd.DataFrame, numeric: Iterable[str] = (), fmt: Callable[[Any], str] = _text) -> str:
    numbers = set(numeric)
    head = "".join(f"<th{' class=num' if c in numbers else ''}>{escape(str(c))}</th>" for c in frame.columns)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="num">{escape(fmt(v))}</td>' if c in numbers else f"<td>{escape(_text(v))}</td>"
            for c, v in zip(frame.columns, row, strict=True)
        )
        + "</tr>"
        for row in frame.itertuples(index=False)
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _matrix(matrix: pd.DataFrame) -> str:
    """Supplier x recipient counts, coloured by matplotlib's Blues scale; a cell filters the deal table."""
    if matrix.empty:
        return '<p class="note">No deal rows.</p>'
    colours = mpl.colormaps["Blues"]
    top = float(matrix.to_numpy().max())

    def link(query: str, text: str, title: str) -> str:
        return (
            f'<a href="#deals" data-table="deals-table" data-filter="{escape(query)}" title="{escape(title)}">'
            f"{escape(text)}</a>"
        )

    head = "".join(f"<th>{link(f'recipient:{c}', c, country_name(c))}</th>" for c in map(str, matrix.columns))
    rows = []
    for supplier, counts in matrix.iterrows():
        cells = []
        for recipient, count in counts.items():
            if not count:
                cells.append("<td></td>")
                continue
            level = 0.15 + 0.85 * (count / top) ** 0.5
            background = mpl.colors.to_hex(colours(level))
            ink = "#fff" if level > 0.55 else "#000"
            title = f"{country_name(str(supplier))} → {country_name(str(recipient))}: {count} deal rows"
            query = f"supplier:{supplier} recipient:{recipient}".replace(f":{UNKNOWN}", ":")
            cells.append(f'<td style="background:{background};color:{ink}">{link(query, str(count), title)}</td>')
        rows.append(
            f"<tr><th>{link(f'supplier:{supplier}', str(supplier), country_name(str(supplier)))}</th>"
            + "".join(cells)
            + "</tr>"
        )
    corner = '<th class="corner" title="suppliers (rows) and recipients (columns)">from ↓ to →</th>'
    return (
        f'<div class="scroll short"><table class="matrix"><thead><tr>{corner}{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _deal_rows(deals: pd.DataFrame) -> tuple[str, str]:
    """The deal table's rows and the evidence list they link to (and back)."""
    rows, evidence = [], []
    for number, deal in enumerate(deals.to_dict("records"), start=1):
        sentence = _text(deal["evidence"])
        cells = "".join(_cell(column, deal[column], numeric) for column, _, numeric in DEAL_COLUMNS)
        link = f'<td><a href="#ev-{number}" title="{escape(sentence)}">evidence</a></td>'
        rows.append(f'<tr id="deal-{number}">{cells}{link}</tr>')
        where = f"{_text(deal['doc_id'])} [{_text(deal['evidence_start'])}–{_text(deal['evidence_end'])}]"
        transfer = (
            f"{_text(deal['supplier']) or UNKNOWN} → {_text(deal['recipient']) or UNKNOWN} · {_text(deal['system'])}"
        )
        evidence.append(
            f'<li id="ev-{number}"><a href="#deal-{number}">row {number}</a> <b>{escape(transfer)}</b> '
            f'<span class="badge">{escape(where)}</span> '
            f"{_highlighted(sentence, _text(deal['system']))}</li>"
        )
    return "".join(rows), "".join(evidence)


def _highlighted(sentence: str, system: str) -> str:
    """The sentence, escaped, with the system's name marked where it is written as such."""
    if not system:
        return escape(sentence)
    parts = re.split(f"({re.escape(system)})", sentence, flags=re.IGNORECASE)
    return "".join(f"<mark>{escape(p)}</mark>" if i % 2 else escape(p) for i, p in enumerate(parts))


def _table(table_id: str, columns: tuple[tuple[str, str, bool], ...], frame: pd.DataFrame) -> str:
    body = "".join(
        "<tr>" + "".join(_cell(c, row[c], numeric) for c, _, numeric in columns) + "</tr>"
        for row in frame.to_dict("records")
    )
    return f'<table id="{table_id}" class="sortable">{_head(columns)}<tbody>{body}</tbody></table>'


def render_report(tables: RunTables, data: ReportData, *, title: str) -> str:
    """The whole page."""
    totals = data.totals
    deal_rows, evidence = _deal_rows(tables.deals)
    deal_head = _head((*DEAL_COLUMNS, ("evidence", "evidence", False)))
    failed = (
        _simple_table(data.failed.fillna(""))
        if not data.failed.empty
        else '<p class="note">Every document was read.</p>'
    )
    values_table = _simple_table(
        data.values_by_year.reset_index().astype(object), numeric=list(data.values_by_year.columns), fmt=_money
    )
    sections = [
        (
            "overview",
            "Mentions and documents",
            '<div class="row">'
            + charts.label_chart(data.label_counts)
            + charts.document_chart(data.status_counts, data.date_sources)
            + f"</div><h3>Documents that failed</h3>{failed}",
        ),
        (
            "matrix",
            "Who supplies whom",
            '<p class="note">Deal rows (one per document and transfer) per supplier (rows) and recipient '
            "(columns); click a count or a country to filter the deal table.</p>" + _matrix(data.matrix),
        ),
        (
            "deals",
            "Deals",
            '<p class="note">Click a heading to sort; type words, or <code>column:value</code> '
            "(<code>supplier:USA status:ordered</code>), to filter. Each row links to its evidence.</p>"
            + _filter_box("deals-table", "filter: supplier:FRA rafale")
            + f'<div class="scroll tall"><table id="deals-table" class="sortable">{deal_head}'
            f"<tbody>{deal_rows}</tbody></table></div>",
        ),
        ("years", "Years and values", _charts_or_note(data) + values_table),
        (
            "systems",
            "Top systems per category",
            (charts.systems_chart(data.top_systems) if not data.top_systems.empty else "")
            + _simple_table(data.top_systems, numeric=("transfers", "sources", "quantity")),
        ),
        (
            "transfers",
            "Consolidated transfers",
            '<p class="note">The same transfer reported by several documents is one row (README: '
            "deals_consolidated.csv).</p>"
            + _filter_box("transfers-table", "filter: recipient:MAR")
            + f'<div class="scroll tall">{_table("transfers-table", TRANSFER_COLUMNS, tables.deals_consolidated)}</div>',
        ),
        ("evidence", "Evidence", f'<ol class="evidence">{evidence}</ol>'),
    ]
    nav = "".join(f'<a href="#{key}">{escape(heading)}</a>' for key, heading, _ in sections)
    body = "".join(f'<section id="{key}"><h2>{escape(h)}</h2>{content}</section>' for key, h, content in sections)
    summary = "".join(
        f"<div><b>{totals[key]}</b>{name}</div>"
        for key, name in (
            ("documents", "documents"),
            ("failed", "failed"),
            ("mentions", "mentions"),
            ("deals", "deal rows"),
            ("transfers", "consolidated transfers"),
        )
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{escape(title)}</title>'
        f"<style>{_asset('report.css')}</style></head><body>"
        f'<header><h1>{escape(title)}</h1><div class="totals">{summary}</div><nav>{nav}</nav></header>'
        f"<main>{body}</main><script>{_asset('report.js')}</script></body></html>\n"
    )


def _charts_or_note(data: ReportData) -> str:
    if data.transfers_by_year.empty:
        return '<p class="note">No dated transfer.</p>'
    charts_html = charts.transfers_chart(data.transfers_by_year)
    if not data.values_by_year.empty:
        charts_html += charts.values_chart(data.values_by_year)
    note = '<p class="note">Sums of <code>value_once</code> per first year and currency (a package\'s price once).</p>'
    return charts_html + note


def _money(value: Any) -> str:
    return "" if _text(value) == "" else compact_number(float(value))
