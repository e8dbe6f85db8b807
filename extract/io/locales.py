"""CSV for a spreadsheet's locale: its field separator and the decimal mark of numeric cells.

A French-locale LibreOffice or Excel reads `1,5` as a number and `1.5` as text, and expects
`;` between fields. `--locale fr` writes both; the other formats (XLSX, Parquet) hold typed
numbers, which every locale shows its own way.
"""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from pathlib import Path

from extract.errors import ExtractError, Messages
from extract.io.tables import Table

#: A plain number as `cell_text` writes it (no exponent, no thousands separator).
_DECIMAL_NUMBER = re.compile(r"^-?\d+\.\d+$")


@dataclass(frozen=True)
class CsvLocale:
    """How CSV cells are written for a spreadsheet locale."""

    name: str
    sep: str
    decimal: str


LOCALES: dict[str, CsvLocale] = {
    locale.name: locale for locale in (CsvLocale("en", ",", "."), CsvLocale("fr", ";", ","))
}

#: Separators `--sep` accepts.
SEPARATORS = (",", ";", "\t")


def csv_conventions(sep: str | None, locale: str | None, fmt: str = "csv") -> tuple[CsvLocale, list[str]]:
    """The separator and decimal mark `--sep` and `--locale` ask for, with notes for the user.

    `--sep ';'` alone keeps its meaning (the separator only); `--locale fr` sets both.

    >>> csv_conventions(None, "fr")[0], csv_conventions(";", None)[0].decimal
    (CsvLocale(name='fr', sep=';', decimal=','), '.')
    """
    if sep is not None and sep not in SEPARATORS:
        raise ExtractError(f"--sep must be ',', ';' or a tab, got {sep!r}")
    notes = []
    if locale is None:
        if sep == ";" and fmt == "csv":
            notes.append(
                "--sep ';' keeps '.' as the decimal point, which a French-locale spreadsheet reads as text "
                "(1.5); --locale fr writes decimal commas too"
            )
        return CsvLocale("custom" if sep else "en", sep or ",", "."), notes
    chosen = LOCALES[locale]
    if sep is not None and sep != chosen.sep:
        raise ExtractError(
            Messages.E045.format(locale=chosen.name, locale_sep=chosen.sep, decimal=chosen.decimal, sep=sep)
        )
    if fmt != "csv":
        notes.append(f"--locale changes CSV only; {fmt} cells are typed numbers")
    return chosen, notes


def localized_cell(text: str, kind: str, decimal: str) -> str:
    """A cell of a column of type `kind` with `decimal` as its decimal mark (numbers only).

    >>> localized_cell("2414.016", "number", ","), localized_cell("1.5", "mixed", ",")
    ('2414,016', '1,5')
    >>> localized_cell("F-16 Block 70.5", "mixed", ","), localized_cell("1.5", "text", ",")
    ('F-16 Block 70.5', '1.5')
    """
    if decimal == "." or kind not in ("number", "mixed") or not _DECIMAL_NUMBER.match(text):
        return text
    return text.replace(".", decimal)


def localize_csv(path: Path, table: Table, *, sep: str, decimal: str) -> None:
    """Rewrite a finished CSV table in place with `decimal` in its numeric columns."""
    if decimal == ".":
        return
    kinds = table.types()
    partial = path.with_name(path.name + ".locale")
    with (
        path.open(encoding="utf-8-sig", newline="") as source,
        partial.open("w", encoding="utf-8-sig", newline="") as target,
    ):
        reader = csv.reader(source, delimiter=sep)
        writer = csv.writer(target, delimiter=sep)
        header = next(reader, [])
        writer.writerow(header)
        column_kinds = [kinds.get(name, "text") for name in header]
        for cells in reader:
            writer.writerow([localized_cell(c, k, decimal) for c, k in zip(cells, column_kinds, strict=False)])
    os.replace(partial, path)
