"""extract.report.html, .charts and write_report: the page's pieces built from small typed tables, no browser."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import matplotlib as mpl
import pandas as pd
import pytest

from extract.report import DEFAULT_NAME, charts, html, write_report
from extract.report.data import report_data
from tests.report_tables import run_tables


class Tags(HTMLParser):
    """Start tags with their attributes, and the page's text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(page: str) -> Tags:
    parser = Tags()
    parser.feed(page)
    return parser


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (pd.NA, ""),
        (float("nan"), ""),
        (True, "yes"),
        (False, "no"),
        (3, "3"),
        (2.5, "2.5"),
        ("MAR", "MAR"),
        ("", ""),
    ],
)
def test_text(value, text):
    assert html._text(value) == text


@pytest.mark.parametrize(
    ("column", "value", "numeric", "cell"),
    [
        ("supplier", "MAR", False, '<td title="Maroc">MAR</td>'),
        ("recipient", "ARE", False, '<td title="Émirats arabes unis">ARE</td>'),
        ("supplier", pd.NA, False, "<td></td>"),
        ("system", "A&B <x>", False, "<td>A&amp;B &lt;x&gt;</td>"),
        ("value", 524200000.0, True, '<td class="num" data-v="524200000.0">524.2 M</td>'),
        ("value", pd.NA, True, '<td class="num" data-v=""></td>'),
        ("quantity", 18, True, '<td class="num" data-v="18">18</td>'),
        ("hedged", True, False, "<td>yes</td>"),
    ],
)
def test_cell(column, value, numeric, cell):
    assert html._cell(column, value, numeric) == cell


def test_head_and_filter_box():
    assert html._head((("doc_id", "document", False), ("value", "value & co", True))) == (
        '<thead><tr><th data-key="doc_id">document</th><th data-key="value" class=num>value &amp; co</th></tr></thead>'
    )
    assert html._filter_box("deals-table", 'filter: "x"') == (
        '<div class="filter"><input type="search" data-filter-for="deals-table" placeholder="filter: &quot;x&quot;" '
        'aria-label="filter"><span data-count-for="deals-table"></span></div>'
    )


def test_simple_table():
    frame = pd.DataFrame({"name": ["a<b", None], "n": [1500.0, None]})
    assert html._simple_table(frame, numeric=["n"], fmt=html._money) == (
        "<table><thead><tr><th>name</th><th class=num>n</th></tr></thead><tbody>"
        '<tr><td>a&lt;b</td><td class="num">1.5 k</td></tr>'
        '<tr><td></td><td class="num"></td></tr></tbody></table>'
    )
    assert html._simple_table(pd.DataFrame({"n": [2]})) == (
        "<table><thead><tr><th>n</th></tr></thead><tbody><tr><td>2</td></tr></tbody></table>"
    )
    assert html._simple_table(pd.DataFrame({"n": [7]}), numeric=("n",)) == (
        '<table><thead><tr><th class=num>n</th></tr></thead><tbody><tr><td class="num">7</td></tr></tbody></table>'
    )


@pytest.mark.parametrize(("value", "text"), [(None, ""), (float("nan"), ""), (2.5e9, "2.5 bn"), (0.0, "0")])
def test_money(value, text):
    assert html._money(value) == text


@pytest.mark.parametrize(
    ("sentence", "system", "marked"),
    [
        ("Des Rafale et des rafale.", "Rafale", "Des <mark>Rafale</mark> et des <mark>rafale</mark>."),
        ("L'avion <b> F-16.", "F-16", "L&#x27;avion &lt;b&gt; <mark>F-16</mark>."),
        ("Le K9 (A1).", "K9 (A1)", "Le <mark>K9 (A1)</mark>."),
        ("Rien & tout.", "", "Rien &amp; tout."),
        ("Rien.", "Rafale", "Rien."),
    ],
)
def test_highlighted(sentence, system, marked):
    assert html._highlighted(sentence, system) == marked


def test_matrix_empty():
    assert html._matrix(pd.DataFrame()) == '<p class="note">No deal rows.</p>'


def test_matrix_cells_link_to_filters_with_shades_by_count():
    matrix = pd.DataFrame(
        [[4, 0], [0, 1]],
        index=pd.Index(["USA", "?"], name="supplier"),
        columns=pd.Index(["MAR", "UKR"], name="recipient"),
    )
    page = parse(html._matrix(matrix))
    links = [attrs for tag, attrs in page.tags if tag == "a"]
    assert [(a["data-filter"], a["title"]) for a in links] == [
        ("recipient:MAR", "Maroc"),
        ("recipient:UKR", "Ukraine"),
        ("supplier:USA", "États-Unis"),
        ("supplier:USA recipient:MAR", "États-Unis → Maroc: 4 deal rows"),
        ("supplier:?", "?"),
        ("supplier: recipient:UKR", "? → Ukraine: 1 deal rows"),
    ]
    assert all(a["href"] == "#deals" and a["data-table"] == "deals-table" for a in links)
    cells = [attrs.get("style") for tag, attrs in page.tags if tag == "td"]
    shade = mpl.colors.to_hex(mpl.colormaps["Blues"](0.15 + 0.85 * (1 / 4) ** 0.5))  # level 0.575
    assert cells == ["background:#08306b;color:#fff", None, None, f"background:{shade};color:#fff"]
    assert "".join(page.text) == "from ↓ to →MARUKRUSA4?1"
    assert html._matrix(matrix).count("<td></td>") == 2  # the empty pairs: an empty cell, no link
    body = html._matrix(matrix).split("<tbody>")[1].split("</tbody>")[0]
    assert re.fullmatch(
        r'(<tr><th><a [^>]+>[^<]+</a></th>(<td></td>|<td style="[^"]+"><a [^>]+>\d+</a></td>)+</tr>)+', body
    )
    assert body.count("<tr>") == 2
    assert [a["class"] for t, a in page.tags if t == "table"] == ["matrix"]


def test_matrix_light_cells_have_dark_ink():
    matrix = pd.DataFrame([[100, 1]], index=["USA"], columns=["MAR", "UKR"])
    cells = [attrs.get("style") for tag, attrs in parse(html._matrix(matrix)).tags if tag == "td"]
    assert cells[0].endswith("color:#fff") and cells[1].endswith("color:#000")


def test_deal_rows_and_their_evidence():
    tables = run_tables()
    rows, evidence = html._deal_rows(tables.deals)
    page = parse(f"<table>{rows}</table>")
    assert [a["id"] for t, a in page.tags if t == "tr"] == [f"deal-{n}" for n in range(1, 6)]
    assert [a["href"] for t, a in page.tags if t == "a"] == [f"#ev-{n}" for n in range(1, 6)]
    assert [a["title"] for t, a in page.tags if t == "a"][1] == "Des rafale <b>pour</b> l'Inde & co."
    assert rows.count("<td") == 5 * 12
    assert rows.count("</tr><tr id=") == 4 and rows.startswith("<tr id=") and rows.endswith("</tr>")
    assert rows.split("</tr>")[0] == (
        '<tr id="deal-1"><td>a</td><td title="France">FRA</td><td title="Inde">IND</td><td>Rafale</td>'
        '<td>aircraft</td><td class="num" data-v="36">36</td><td class="num" data-v="7800000000.0">7.8 bn</td>'
        "<td>EUR</td><td>ordered</td><td>2016-09</td><td>no</td>"
        '<td><a href="#ev-1" title="L&#x27;Inde a commandé 36 Rafale.">evidence</a></td>'
    )
    items = evidence.split("</li>")[:-1]
    assert len(items) == 5
    assert items[1] == (
        '<li id="ev-2"><a href="#deal-2">row 2</a> <b>FRA → IND · Rafale</b> <span class="badge">b [0–33]</span> '
        "Des <mark>rafale</mark> &lt;b&gt;pour&lt;/b&gt; l&#x27;Inde &amp; co."
    )
    assert items[3].startswith(
        '<li id="ev-4"><a href="#deal-4">row 4</a> <b>? → UKR · obusier</b> <span class="badge">h [–]</span> '
    )


def test_table_rows_and_cells():
    frame = pd.DataFrame({"supplier": ["FRA", None], "quantity": pd.array([36, None], dtype="Int64")})
    columns = (("supplier", "supplier", False), ("quantity", "quantity", True))
    assert html._table("t", columns, frame) == (
        '<table id="t" class="sortable"><thead><tr><th data-key="supplier">supplier</th>'
        '<th data-key="quantity" class=num>quantity</th></tr></thead><tbody>'
        '<tr><td title="France">FRA</td><td class="num" data-v="36">36</td></tr>'
        '<tr><td></td><td class="num" data-v=""></td></tr></tbody></table>'
    )


def test_table():
    tables = run_tables()
    table = html._table("transfers-table", html.TRANSFER_COLUMNS, tables.deals_consolidated)
    page = parse(table)
    assert page.tags[0] == ("table", {"id": "transfers-table", "class": "sortable"})
    assert sum(1 for t, _ in page.tags if t == "tr") == 1 + len(tables.deals_consolidated)
    assert [a["data-key"] for t, a in page.tags if t == "th"] == [c for c, _, _ in html.TRANSFER_COLUMNS]
    assert '<td class="num" data-v="7800000000.0">7.8 bn</td>' in table


def test_svg_charts_are_inline_with_prefixed_ids():
    data = report_data(run_tables())
    for name, svg in (
        ("labels", charts.label_chart(data.label_counts)),
        ("documents", charts.document_chart(data.status_counts, data.date_sources)),
        ("transfers", charts.transfers_chart(data.transfers_by_year)),
        ("values", charts.values_chart(data.values_by_year)),
        ("systems", charts.systems_chart(data.top_systems)),
    ):
        assert svg.startswith(f'<svg class="chart" role="img" aria-label="{name} chart" ')
        ids = re.findall(r'\bid="([^"]+)"', svg)
        assert ids and all(i.startswith(f"{name}-") for i in ids)
        assert all(ref.startswith(f"{name}-") for ref in re.findall(r"url\(#([^)]+)\)", svg))
        links = re.findall(r'href="#([^"]+)"', svg)  # the tick marks each <use> a path defined once
        assert links and all(ref.startswith(f"{name}-") and ref in ids for ref in links)
        assert "<dc:date>" not in svg and "<?xml" not in svg


def test_charts_keep_text_as_text():
    data = report_data(run_tables())
    svg = charts.systems_chart(data.top_systems)
    for text in ("Top systems per category (transfers)", "Rafale", "obusier (noun)", "air defence system"):
        assert f">{text}<" in svg
    svg = charts.transfers_chart(data.transfers_by_year)
    assert ">Transfers per year (first report), by stage<" in svg and ">2023<" in svg and ">ordered<" in svg
    svg = charts.values_chart(data.values_by_year)
    assert (
        ">Value per year, USD (packages counted once)<" in svg
        and ">Value per year, EUR (packages counted once)<" in svg
    )
    assert charts.label_chart(data.label_counts).count(">Mentions per label<") == 1


def test_charts_are_reproducible():
    data = report_data(run_tables())
    assert charts.transfers_chart(data.transfers_by_year) == charts.transfers_chart(data.transfers_by_year)


def test_charts_or_note():
    data = report_data(run_tables())
    assert html._charts_or_note(data).count("<svg") == 2
    undated = report_data(run_tables(transfers=[]))
    assert html._charts_or_note(undated) == '<p class="note">No dated transfer.</p>'


def test_render_report():
    tables = run_tables()
    page = html.render_report(tables, report_data(tables), title="Run <x>")
    assert page.startswith('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">')
    assert page.endswith("</script></body></html>\n")
    parsed = parse(page)
    policy = [a for t, a in parsed.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert policy == [{"http-equiv": "Content-Security-Policy", "content": html.POLICY}]
    assert "<title>Run &lt;x&gt;</title>" in page and "<h1>Run &lt;x&gt;</h1>" in page
    sections = [a["id"] for t, a in parsed.tags if t == "section"]
    assert sections == ["overview", "matrix", "deals", "years", "systems", "transfers", "evidence"]
    assert [a["href"] for t, a in parsed.tags if t == "a"][:7] == [f"#{s}" for s in sections]
    assert (
        '<div class="totals"><div><b>5</b>documents</div><div><b>2</b>failed</div><div><b>5</b>mentions</div>'
        "<div><b>5</b>deal rows</div><div><b>8</b>consolidated transfers</div></div>"
    ) in page
    assert page.count("<svg") == 5
    assert "<td>E028 empty file</td>" in page
    assert '<td class="num">3.5 bn</td>' in page  # 2023's USD sum
    assert [a.get("id") for t, a in parsed.tags if t == "table" and a.get("id")] == ["deals-table", "transfers-table"]
    assert sum(1 for t, a in parsed.tags if t == "li" and a.get("id", "").startswith("ev-")) == 5
    assert "<style>" in page and "</style>" in page and html._asset("report.js") in page
    # the deal table's head: its columns, then the evidence link's (not numeric)
    assert (
        '<th data-key="hedged">hedged</th><th data-key="evidence">evidence</th></tr></thead><tbody><tr id="deal-1">'
    ) in page


SECTIONS = [
    ("overview", "Mentions and documents"),
    ("matrix", "Who supplies whom"),
    ("deals", "Deals"),
    ("years", "Years and values"),
    ("systems", "Top systems per category"),
    ("transfers", "Consolidated transfers"),
    ("evidence", "Evidence"),
]
NOTES = [
    "Deal rows (one per document and transfer) per supplier (rows) and recipient (columns); click a count or a "
    "country to filter the deal table.",
    "Click a heading to sort; type words, or <code>column:value</code> (<code>supplier:USA status:ordered</code>), "
    "to filter. Each row links to its evidence.",
    "Sums of <code>value_once</code> per first year and currency (a package's price once).",
    "The same transfer reported by several documents is one row (README: deals_consolidated.csv).",
]


def test_render_report_sections_notes_and_layout():
    tables = run_tables()
    page = html.render_report(tables, report_data(tables), title="Run <x>")
    assert re.findall(r'<section id="([^"]+)"><h2>([^<]+)</h2>', page) == SECTIONS
    nav = page.split("<nav>")[1].split("</nav>")[0]
    assert nav == "".join(f'<a href="#{key}">{heading}</a>' for key, heading in SECTIONS)
    assert page.count("</section><section id=") == len(SECTIONS) - 1  # one after the other
    assert re.findall(r'<p class="note">(.*?)</p>', page) == NOTES
    for fragment in (
        '<meta name="viewport" content="width=device-width, initial-scale=1"><title>Run &lt;x&gt;</title><style>',
        '</style></head><body><header><h1>Run &lt;x&gt;</h1><div class="totals"><div><b>5</b>documents</div>',
        '<div><b>8</b>consolidated transfers</div></div><nav><a href="#overview">',
        '</nav></header><main><section id="overview"><h2>Mentions and documents</h2><div class="row"><svg class="chart"'
        ' role="img" aria-label="labels chart" ',
        "</svg>\n</div><h3>Documents that failed</h3><table><thead><tr><th>doc_id</th><th>error</th></tr></thead>",
        'the deal table.</p><div class="scroll short"><table class="matrix">',
        'to its evidence.</p><div class="filter"><input type="search" data-filter-for="deals-table" '
        'placeholder="filter: supplier:FRA rafale" aria-label="filter"><span data-count-for="deals-table"></span>'
        '</div><div class="scroll tall"><table id="deals-table" class="sortable"><thead>',
        "<h2>Years and values</h2><svg ",
        "(a package's price once).</p><table><thead><tr><th>year</th><th class=num>USD</th><th class=num>EUR</th>"
        '</tr></thead><tbody><tr><td>2015</td><td class="num"></td><td class="num">5.2 bn</td></tr>',  # whole years
        "<h2>Top systems per category</h2><svg ",
        "</svg>\n<table><thead><tr><th>category</th><th>system</th><th class=num>transfers</th><th class=num>sources"
        "</th><th class=num>quantity</th><th>values</th></tr></thead>",
        'deals_consolidated.csv).</p><div class="filter"><input type="search" data-filter-for="transfers-table" '
        'placeholder="filter: recipient:MAR" aria-label="filter"><span data-count-for="transfers-table"></span>'
        '</div><div class="scroll tall"><table id="transfers-table" class="sortable"><thead>',
        '<h2>Evidence</h2><ol class="evidence"><li id="ev-1">',
        "</li></ol></section></main><script>",
    ):
        assert fragment in page, fragment


def test_render_report_failed_document_without_error_text():
    tables = run_tables()
    data = report_data(tables)
    failed = pd.DataFrame({"doc_id": ["z"], "error": pd.array([pd.NA], dtype="string")})
    page = html.render_report(tables, type(data)(**{**data.__dict__, "failed": failed}), title="t")
    assert "<h3>Documents that failed</h3><table><thead><tr><th>doc_id</th><th>error</th></tr></thead>" in page
    assert "<tbody><tr><td>z</td><td></td></tr></tbody></table></section>" in page


def test_render_report_without_failures_or_systems():
    tables = run_tables(transfers=[], deals=[])
    data = report_data(tables)
    data = type(data)(**{**data.__dict__, "failed": data.failed.iloc[0:0]})
    page = html.render_report(tables, data, title="t")
    assert '<h3>Documents that failed</h3><p class="note">Every document was read.</p></section>' in page
    assert '<p class="note">No deal rows.</p>' in page and '<p class="note">No dated transfer.</p>' in page
    assert page.count("<svg") == 2
    assert "<h2>Top systems per category</h2><table><thead>" in page  # the table without a chart


def test_write_report_renames_a_complete_page_into_place(tmp_path, monkeypatch):
    """The page is written beside its target as `<name>.partial`, then renamed: an interrupted
    write never leaves a truncated page under the target's name."""
    from pathlib import Path

    from tests.conftest import ROOT

    renamed = []
    replace = Path.replace

    def recording_replace(self, target):
        renamed.append((self.name, Path(target).name, self.read_text(encoding="utf-8").endswith("</html>\n")))
        return replace(self, target)

    monkeypatch.setattr(Path, "replace", recording_replace)
    target = write_report(ROOT / "tests" / "fixtures" / "tables", tmp_path / "page.html")
    assert renamed == [("page.html.partial", "page.html", True)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.html"] and target.is_file()


def test_write_report(tmp_path):
    from tests.conftest import ROOT

    run = ROOT / "tests" / "fixtures" / "tables"
    target = write_report(run, tmp_path / "sub" / "page.html")
    assert target == tmp_path / "sub" / "page.html" and target.is_file()
    assert not (tmp_path / "sub" / "page.html.partial").exists()
    page = target.read_text(encoding="utf-8")
    assert "<title>Run report: tables</title>" in page
    assert DEFAULT_NAME == "report.html"


def svg_texts(svg: str) -> list[tuple[int, bool, int, str]]:
    """(font size in px, bold, rotation in degrees, text) of each text of a chart."""
    found = []
    for style, rotation, text in re.findall(r'<text style="([^"]*)"[^>]*rotate\((-?\d+)[^>]*>([^<]*)</text>', svg):
        size = int(re.search(r"font-size: (\d+)px", style).group(1))
        found.append((size, "font-weight: 700" in style, abs(int(rotation)), text))
    return found


def svg_size(svg: str) -> tuple[float, float]:
    """The chart's width and height in inches (the tight box adds a few points around the figure)."""
    width, height = re.search(r'width="([\d.]+)pt" height="([\d.]+)pt"', svg).groups()
    return round((float(width) - 8.4) / 72, 2), round((float(height) - 8.4) / 72, 2)


def fills(svg: str) -> set[str]:
    return set(re.findall(r"fill: ?(#[0-9a-f]{6})", svg)) - {"#ffffff"}


@pytest.fixture(scope="module")
def data():
    return report_data(run_tables())


def test_label_chart(data):
    svg = charts.label_chart(data.label_counts)
    texts = svg_texts(svg)
    assert svg_size(svg) == (4.6, 2.6)
    assert (10, True, 0, "Mentions per label") in texts and (9, False, 0, "mentions") in texts
    labels = [t for size, _, _, t in texts if size == 9 and t.isupper()]
    assert labels == [
        "RANGE",
        "COUNT",
        "REGION",
        "ORG",
        "DATE",
        "MONEY",
        "WEAPON",
        "COUNTRY",
    ]  # fewest first, from the bottom
    assert [t for size, _, _, t in texts if size == 8] == ["0"] * 5 + ["1", "1", "3"]
    from extract.labels import spec_of

    assert {spec_of(label).colour.lower() for label in labels} <= fills(svg)


def test_document_chart(data):
    svg = charts.document_chart(data.status_counts, data.date_sources)
    texts = svg_texts(svg)
    assert svg_size(svg) == (4.6, 2.6)
    assert [t for _, bold, _, t in texts if bold] == ["Documents per status", "Date taken from"]
    assert [t for _, _, rotation, t in texts if rotation == 30] == [
        "ok",
        "error",
        "table",
        "header",
        "inferred",
        "none",
    ]
    assert [t for size, _, _, t in texts if size == 8] == ["3", "2", "1", "2", "0", "2"]
    assert fills(svg) == {"#41ab5d", "#d94801", charts.BAR}
    titles = re.findall(r'font-weight: 700[^"]*"[^>]*rotate\(-?0 ([\d.]+) ([\d.]+)\)', svg)
    assert (
        len(titles) == 2 and titles[0][1] == titles[1][1] and float(titles[0][0]) < float(titles[1][0])
    )  # side by side


def test_transfers_chart(data):
    svg = charts.transfers_chart(data.transfers_by_year)
    texts = svg_texts(svg)
    assert svg_size(svg) == (9.5, 2.8)
    assert [t for _, _, rotation, t in texts if rotation == 90] == ["2015", "2016", "2021", "2023", "transfers"]
    assert [t for size, _, _, t in texts if size == 8] == ["approved", "ordered", "delivered", "other"]  # stage order
    assert (10, True, 0, "Transfers per year (first report), by stage") in texts
    assert fills(svg) == {charts.STATUS_COLOURS[s] for s in ("approved", "ordered", "delivered", "other")}


def test_transfers_chart_stacks_stages_and_colours_unknown_ones_grey():
    by_year = pd.DataFrame({"ordered": [1, 0], "leased": [2, 1]}, index=pd.Index([2020, 2021], name="year"))
    svg = charts.transfers_chart(by_year)
    assert [t for size, _, _, t in svg_texts(svg) if size == 8] == ["ordered", "leased"]
    assert fills(svg) == {charts.STATUS_COLOURS["ordered"], "#969696"}
    assert max(float(t) for size, _, rotation, t in svg_texts(svg) if size == 9 and rotation == 0) >= 2.0  # stacked


def test_transfers_chart_stacks_each_stage_on_the_ones_below():
    by_year = pd.DataFrame({"ordered": [1], "delivered": [2], "leased": [4]}, index=pd.Index([2020], name="year"))
    ticks = [
        float(t) for size, _, rotation, t in svg_texts(charts.transfers_chart(by_year)) if size == 9 and not rotation
    ]
    assert max(ticks) == 7  # 1 + 2 + 4: the top of the stack


def test_values_chart(data):
    svg = charts.values_chart(data.values_by_year)
    texts = svg_texts(svg)
    assert svg_size(svg) == (9.5, 2.4)
    assert [t for _, bold, _, t in texts if bold] == [
        "Value per year, USD (packages counted once)",
        "Value per year, EUR (packages counted once)",
    ]
    assert [t for _, _, rotation, t in texts if rotation == 90] == ["2023", "2015", "2016"]  # missing years left out
    assert [t for size, _, rotation, t in texts if size == 9 and rotation == 0][:4] == ["0", "1 bn", "2 bn", "3 bn"]
    assert fills(svg) == {charts.BAR}


@pytest.mark.parametrize(
    ("currencies", "limit", "panels", "height"), [(3, 4, 3, 4.8), (5, 4, 4, 4.8), (5, 1, 1, 2.4), (1, 4, 1, 2.4)]
)
def test_values_chart_panels(currencies, limit, panels, height):
    codes = ["USD", "EUR", "GBP", "JPY", "CHF"][:currencies]
    values = pd.DataFrame({c: [1e6 * (i + 1)] for i, c in enumerate(codes)}, index=pd.Index([2024], name="year"))
    svg = charts.values_chart(values, currencies=limit)
    assert [t for _, bold, _, t in svg_texts(svg) if bold] == [
        f"Value per year, {c} (packages counted once)" for c in codes[:panels]
    ]
    assert svg_size(svg)[1] == height  # a hidden panel is cropped from the width
    if limit == 4:  # the default
        assert svg == charts.values_chart(values)


def test_systems_chart(data):
    svg = charts.systems_chart(data.top_systems)
    texts = svg_texts(svg)
    assert svg_size(svg) == (9.5, 3.8)
    bold = [t for _, bold, _, t in texts if bold]
    assert bold == ["aircraft", "artillery", "air defence system", "unknown", "Top systems per category (transfers)"]
    assert (10, True, 0, "Top systems per category (transfers)") in texts
    assert [t for _, _, _, t in texts if t in ("Rafale", "F-16")] == ["F-16", "Rafale"]  # busiest on top
    ticks = [t for size, bold, _, t in texts if size == 9 and not bold and t[0].isdigit()]
    assert ticks and all(t.isdigit() for t in ticks)  # whole numbers of transfers
    assert fills(svg) == {charts.BAR}


def test_systems_chart_categories_limit():
    top = pd.DataFrame({"category": [f"c{i}" for i in range(5)], "system": ["s"] * 5, "transfers": [1] * 5})
    svg = charts.systems_chart(top, categories=4)
    assert [t for _, bold, _, t in svg_texts(svg) if bold][:-1] == ["c0", "c1", "c2", "c3"]
    assert svg_size(svg) == (9.5, 3.8)
    many = pd.DataFrame({"category": [f"c{i}" for i in range(11)], "system": ["s"] * 11, "transfers": [1] * 11})
    assert [t for _, bold, _, t in svg_texts(charts.systems_chart(many)) if bold][:-1] == [f"c{i}" for i in range(9)]
    one = charts.systems_chart(top.iloc[:1])
    assert svg_size(one)[1] == 1.9


def test_write_report_into_the_run_folder_by_default(tmp_path):
    import shutil

    from tests.conftest import ROOT

    run = tmp_path / "run-7"
    shutil.copytree(ROOT / "tests" / "fixtures" / "tables", run)
    target = write_report(str(run))
    assert target == run / "report.html"
    page = target.read_text(encoding="utf-8")
    assert "<title>Run report: run-7</title>" in page and page.endswith("</html>\n")
    assert sorted(p.name for p in run.iterdir() if "report" in p.name) == ["report.html"]
    again = write_report(run, str(tmp_path / "a" / "b" / "r.html"))
    assert again == tmp_path / "a" / "b" / "r.html" and again.read_text(encoding="utf-8") == page
