"""Tables that open cleanly in Excel and LibreOffice, written so a crash never looks complete.

Rows are streamed to CSV work files (`.work/NAME.csv`); when the run ends they become the
requested format: CSV (UTF-8 with BOM, `,` or `;`), JSONL, Parquet, or one XLSX workbook
with a sheet per table.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from extract.io.locales import localize_csv
from extract.io.tables import TABLES, Table

if TYPE_CHECKING:  # imported by the functions that make frames: CSV runs and `--help` do without pandas
    import pandas as pd

#: A cell starting with one of these is run as a formula by spreadsheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORMATS = ("csv", "jsonl", "parquet", "xlsx")


def spreadsheet_safe(cell: Any) -> Any:
    """Neutralize text a spreadsheet would run as a formula; numbers pass unchanged.

    >>> spreadsheet_safe("=HYPERLINK(1)"), spreadsheet_safe("-12.5")
    ("'=HYPERLINK(1)", '-12.5')
    """
    if not isinstance(cell, str) or not cell.startswith(FORMULA_STARTS):
        return cell
    try:
        float(cell)
    except ValueError:
        return "'" + cell
    return cell


class CsvTableWriter:
    """Streams rows to a CSV work file; `offset()` is a resumable checkpoint."""

    def __init__(self, path: Path, table: Table, *, sep: str = ",", resume_at: int | None = None) -> None:
        self.path = path
        self.table = table
        columns = table.names
        if resume_at is not None and path.exists():
            with path.open("r+b") as raw:
                raw.truncate(resume_at)  # drop rows written after the last checkpoint
            self.handle = path.open("a", encoding="utf-8", newline="")
            self.writer = csv.DictWriter(self.handle, fieldnames=columns, delimiter=sep, extrasaction="ignore")
        else:
            self.handle = path.open("w", encoding="utf-8-sig", newline="")
            self.writer = csv.DictWriter(self.handle, fieldnames=columns, delimiter=sep, extrasaction="ignore")
            self.writer.writeheader()
        self.rows = 0

    def write(self, row: dict[str, Any]) -> None:
        """Write one typed row (missing columns stay empty)."""
        self.writer.writerow({k: spreadsheet_safe(v) for k, v in self.table.text_row(row).items()})
        self.rows += 1

    def offset(self) -> int:
        """Flush to disk and return the file size: everything before it is complete rows."""
        self.handle.flush()
        os.fsync(self.handle.fileno())
        return self.path.stat().st_size

    def close(self) -> None:
        """Flush and close."""
        self.offset()
        self.handle.close()

    def __enter__(self) -> CsvTableWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()


def read_work_table(path: Path, sep: str = ",") -> pd.DataFrame:
    """A work CSV as text columns (empty cells stay empty strings)."""
    import pandas as pd

    return pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def finalize_tables(
    work: dict[str, Path], out_dir: Path, *, fmt: str, sep: str = ",", decimal: str = "."
) -> list[Path]:
    """Turn the finished work CSVs into the requested format in `out_dir`; returns the files.
    `decimal` is the decimal mark of the numeric cells of CSV tables (`extract.io.locales`).

    Every table is first written completely beside its target (the work CSV itself for CSV, else
    `NAME.FORMAT.partial`), then all are moved into place: a failure while writing (a full disk)
    leaves the earlier tables of `out_dir` as they were and the work files for `--resume`.
    """
    if fmt == "csv":
        for name, path in work.items():
            localize_csv(path, TABLES[name], sep=sep, decimal=decimal)
        ready = {path: out_dir / f"{name}.csv" for name, path in work.items()}
    else:
        try:
            ready = _write_partials(work, out_dir, fmt=fmt, sep=sep)
        except BaseException:
            for partial in out_dir.glob("*.partial"):
                partial.unlink(missing_ok=True)
            raise
    for partial, target in ready.items():
        os.replace(partial, target)
    if fmt != "csv":
        for path in work.values():
            path.unlink()
    return list(dict.fromkeys(ready.values()))


def _write_partials(work: dict[str, Path], out_dir: Path, *, fmt: str, sep: str) -> dict[Path, Path]:
    """Each table (or the workbook) written as `.partial` beside its target; partial -> target."""
    frames = {name: read_work_table(path, sep) for name, path in work.items()}
    if fmt == "xlsx":
        import pandas as pd

        partial = out_dir / "tables.xlsx.partial"
        with pd.ExcelWriter(partial, engine="openpyxl") as book:
            for name, frame in frames.items():
                safe = TABLES[name].typed_frame(frame, for_parquet=False).map(spreadsheet_safe)
                safe.to_excel(book, sheet_name=name[:31], index=False)
        return {partial: out_dir / "tables.xlsx"}
    ready = {}
    for name, frame in frames.items():
        partial = out_dir / f"{name}.{fmt}.partial"
        if fmt == "parquet":
            TABLES[name].typed_frame(frame, for_parquet=True).to_parquet(partial, index=False)
        else:
            frame.to_json(partial, orient="records", lines=True, force_ascii=False)
        ready[partial] = out_dir / f"{name}.{fmt}"
    return ready
