"""Write tables that open cleanly in Excel and LibreOffice."""

from __future__ import annotations

import csv
import os
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

#: A cell starting with one of these is run as a formula by spreadsheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


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
    """Streams rows to `path` through a temporary file renamed on close.

    UTF-8 with BOM so Excel shows accents; a crash never leaves a half-written table
    under the final name.
    """

    def __init__(self, path: Path, columns: list[str], *, sep: str = ",") -> None:
        self.path = path
        self.partial = path.with_name(path.name + ".partial")
        self.columns = columns
        self.handle: TextIO = self.partial.open("w", encoding="utf-8-sig", newline="")
        self.writer = csv.DictWriter(self.handle, fieldnames=columns, delimiter=sep, extrasaction="ignore")
        self.writer.writeheader()
        self.rows = 0

    def write(self, row: dict[str, Any]) -> None:
        """Write one row (missing columns stay empty)."""
        self.writer.writerow({k: spreadsheet_safe(v) for k, v in row.items()})
        self.rows += 1

    def close(self) -> None:
        """Flush and move the finished table into place."""
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.handle.close()
        os.replace(self.partial, self.path)

    def __enter__(self) -> CsvTableWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.close()
