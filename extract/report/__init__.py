"""`extract report OUT_DIR`: one self-contained HTML page that shows a run at a glance."""

from __future__ import annotations

from pathlib import Path

from extract.frames import load
from extract.report.data import report_data
from extract.report.html import render_report

#: The page's file name in the run folder when `--html` is not given.
DEFAULT_NAME = "report.html"


def write_report(out_dir: str | Path, html: str | Path | None = None) -> Path:
    """Read the tables of `out_dir` (any format `extract run` writes) and write the report page; returns its path."""
    folder = Path(out_dir)
    tables = load(folder)
    target = Path(html) if html else folder / DEFAULT_NAME
    page = render_report(tables, report_data(tables), title=f"Run report: {folder.resolve().name}")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.write_text(page, encoding="utf-8")
    partial.replace(target)
    return target
