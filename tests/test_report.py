"""`extract report OUT_DIR`: the figures it computes, the page it writes, and the page in a real browser."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

import extract
from extract.cli import main
from extract.io.tables import TABLES
from extract.report import write_report
from extract.report.data import party_matrix, top_systems, values_by_year
from tests import browser

ROOT = Path(__file__).resolve().parents[1]
#: A committed run folder: the samples' tables (tests/test_tables_snapshot.py)
RUN = ROOT / "tests" / "fixtures" / "tables"
SCREENSHOT = ROOT / "out" / "report-screenshot.png"


@pytest.fixture(scope="module")
def tables() -> extract.RunTables:
    return extract.load(RUN)


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    return write_report(RUN, tmp_path_factory.mktemp("report") / "report.html")


class Elements(HTMLParser):
    """Tags and attributes of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Elements()
    parser.feed(html)
    return parser.tags


def test_matrix_counts_every_deal_row_once(tables):
    matrix = party_matrix(tables.deals)
    assert int(matrix.to_numpy().sum()) == len(tables.deals)
    usa_mar = ((tables.deals["supplier"] == "USA") & (tables.deals["recipient"] == "MAR")).sum()
    assert matrix.loc["USA", "MAR"] == usa_mar > 0
    assert list(matrix.sum(axis=1)) == sorted(matrix.sum(axis=1), reverse=True)  # busiest suppliers first


def test_values_by_year_count_a_package_once(tables):
    transfers = tables.deals_consolidated
    values = values_by_year(transfers)
    once = transfers.dropna(subset=["year", "value_once"]).groupby("currency")["value_once"].sum()
    assert values.sum().to_dict() == pytest.approx(once.to_dict())
    naive = transfers.dropna(subset=["year", "value"]).groupby("currency")["value"].sum()
    assert (naive - once).abs().sum() > 0  # the samples hold packages: counting each row would be wrong


def test_top_systems_are_ranked_per_category(tables):
    top = top_systems(tables.deals_consolidated, limit=3)
    assert top.groupby("category").size().max() <= 3
    for _, group in top.groupby("category"):
        assert list(group["transfers"]) == sorted(group["transfers"], reverse=True)
    aircraft = tables.deals_consolidated[tables.deals_consolidated["category"] == "aircraft"]
    assert top[top["category"] == "aircraft"].iloc[0]["transfers"] == aircraft["system"].value_counts().iloc[0]


def test_page_is_self_contained(page):
    html = page.read_text(encoding="utf-8")
    tags = elements(html)
    assert not [attrs for tag, attrs in tags if "src" in attrs]  # nothing loaded: scripts and charts are inline
    assert not [tag for tag, _ in tags if tag in ("link", "iframe", "img", "object", "embed")]
    assert not [a["href"] for tag, a in tags if tag == "a" and not str(a.get("href", "")).startswith("#")]
    assert "default-src 'none'" in html and "@import" not in html
    assert re.findall(r"url\((?!#)", html) == []  # only references inside the page (SVG clip paths)


def test_page_has_charts_matrix_and_linked_deal_table(page, tables):
    tags = elements(page.read_text(encoding="utf-8"))
    assert sum(1 for tag, a in tags if tag == "svg" and a.get("class") == "chart") >= 5
    ids = [a["id"] for _, a in tags if a.get("id")]
    assert len(ids) == len(set(ids))
    deal_rows = [i for i in ids if i.startswith("deal-")]
    evidence = [i for i in ids if i.startswith("ev-")]
    assert len(deal_rows) == len(evidence) == len(tables.deals)
    links = {a["href"] for tag, a in tags if tag == "a"}
    assert {f"#ev-{i}" for i in range(1, len(tables.deals) + 1)} <= links
    assert any(tag == "table" and a.get("class") == "matrix" for tag, a in tags)
    assert {"deals-table", "transfers-table", "matrix", "years", "systems"} <= set(ids)


@pytest.mark.parametrize("options", [["--format", "xlsx"], ["--locale", "fr"]])
def test_report_command_reads_any_format_and_prints_the_path(tmp_path, capsys, options):
    article = tmp_path / "a.txt"
    article.write_text("Le Maroc a commandé 18 lanceurs M142 HIMARS aux États-Unis.\n", encoding="utf-8")
    main(["run", str(article), "--out", str(tmp_path / "out"), "--fast", "--quiet", *options])
    capsys.readouterr()
    assert main(["report", str(tmp_path / "out")]) == 0
    printed = capsys.readouterr().out.strip()
    assert printed == str(tmp_path / "out" / "report.html")
    assert "M142 HIMARS" in Path(printed).read_text(encoding="utf-8")


def test_a_run_without_deals_still_gives_a_page(tmp_path):
    for name, table in TABLES.items():
        pd.DataFrame(columns=table.names).to_csv(tmp_path / f"{name}.csv", index=False)
    html = write_report(tmp_path).read_text(encoding="utf-8")
    assert "No deal rows." in html and 'id="deals-table"' in html


def test_report_of_a_folder_without_tables_is_an_error(tmp_path, capsys):
    assert main(["report", str(tmp_path)]) == 2
    assert "E046" in capsys.readouterr().err


needs_chromium = pytest.mark.skipif(
    browser.CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium): browser check skipped"
)


@needs_chromium
def test_page_loads_in_chromium_without_console_error_or_request(page, tables, tmp_path):
    rendered = browser.render(page, tmp_path / "chromium")
    assert rendered.console == [] and rendered.requests == []
    assert re.search(r'<html[^>]*data-ready="true"', rendered.dom)  # the script ran to its end
    assert '<svg class="chart"' in rendered.dom
    table = rendered.dom[rendered.dom.index('id="deals-table"') :]
    assert table.count('<tr id="deal-') == len(tables.deals)
    assert f"{len(tables.deals)} of {len(tables.deals)} rows" in rendered.dom
    shot = browser.screenshot(page, SCREENSHOT, tmp_path / "chromium")
    assert shot.stat().st_size > 20_000  # a rendered page, not a blank one


@needs_chromium
def test_deal_table_filters_in_chromium(page, tables, tmp_path):
    rendered = browser.render(page, tmp_path / "chromium", fragment="#filter=supplier:USA%20recipient:MAR")
    expected = int(((tables.deals["supplier"] == "USA") & (tables.deals["recipient"] == "MAR")).sum())
    rows = re.findall(r'<tr id="deal-\d+"(?: class="([^"]*)")?', rendered.dom)
    assert len(rows) == len(tables.deals)
    assert sum("hidden" not in cls for cls in rows) == expected
    assert f"{expected} of {len(tables.deals)} rows" in rendered.dom


@needs_chromium
def test_browser_check_sees_console_errors_and_requests(tmp_path):
    """The checks above can fail: a broken page is caught."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!DOCTYPE html><html><body><img src="http://example.invalid/x.png"><script>missing();</script></body></html>',
        encoding="utf-8",
    )
    rendered = browser.render(bad, tmp_path / "chromium")
    assert any("missing is not defined" in line for line in rendered.console)
    assert rendered.requests == ["http://example.invalid/x.png"]
