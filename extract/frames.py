"""The tables as typed pandas DataFrames, for notebooks: `extract.load(OUT_DIR)`, `Extractor.frames(texts)`.

Types come from the table schemas (`extract.io.tables`): `int` columns are nullable `Int64`,
`number` columns `Float64`, `bool` columns `boolean`, text columns `string`, and an empty cell
is missing (`pd.NA`) whatever the type. Columns with a closed vocabulary (`label`, `status`,
`category`...) are `category`. A few derived columns follow the table's own (see `DERIVED`),
among them `value_once`: a package's amount counted once, so that summing it is right.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
import pandas as pd

from extract.errors import ExtractError, InputError, Messages
from extract.io.outputs import FORMULA_STARTS
from extract.io.tables import TABLES, Table, cell_text
from extract.labels import LABELS

if TYPE_CHECKING:
    from extract.extractor import Extractor

#: Closed vocabularies, in a meaningful order; a value outside them is kept as one more category.
VOCABULARIES: dict[str, tuple[str, ...]] = {
    "label": LABELS,
    "date_source": ("table", "header", "inferred", "none"),
    "system_kind": ("designation", "category"),
    "value_scope": ("system", "package"),
    "supplier_source": ("text", "document", "origin"),
    "recipient_source": ("text", "document", "origin"),
    "category": (),
}
#: `status` differs by table: a document's outcome, a deal's stage.
STATUSES = {
    "documents": ("ok", "error"),
    "deals": ("negotiating", "approved", "ordered", "delivered", "donated", "other"),
    "deals_consolidated": ("negotiating", "approved", "ordered", "delivered", "donated", "other"),
}
#: Columns added after a table's own, with their meaning (README: "DataFrames").
DERIVED: dict[str, dict[str, str]] = {
    "mentions": {"value_number": "`value` as a number for MONEY, COUNT and RANGE mentions (Float64), else missing"},
    "deals": {
        "year": "the year of `date` (Int64)",
        "value_once": "`value`, but for a package only on its first row (Float64): sums count each amount once",
    },
    "deals_consolidated": {
        "year": "the year of `date_first` (Int64)",
        "value_once": "`value`, but for the rows of one package only on the first (Float64; see README)",
    },
}
NUMERIC_LABELS = ("MONEY", "COUNT", "RANGE")


@dataclass(frozen=True)
class RunTables:
    """The four tables of a run as typed DataFrames; `tables["deals"]` works too."""

    mentions: pd.DataFrame
    documents: pd.DataFrame
    deals: pd.DataFrame
    deals_consolidated: pd.DataFrame

    def __getitem__(self, name: str) -> pd.DataFrame:
        return getattr(self, name)  # type: ignore[no-any-return]

    def items(self) -> Iterator[tuple[str, pd.DataFrame]]:
        """(name, frame) pairs in the order of the tables."""
        return ((f.name, getattr(self, f.name)) for f in fields(self))


class TextFrames(NamedTuple):
    """Mentions and deals of in-memory texts (`Extractor.frames`)."""

    mentions: pd.DataFrame
    deals: pd.DataFrame


def load(out_dir: str | Path) -> RunTables:
    """The tables `extract run` wrote to `out_dir` (CSV with any separator or locale, JSONL, Parquet or XLSX)."""
    folder = Path(out_dir)
    if not folder.is_dir():
        raise ExtractError(f"{folder}: {Messages.E020}")
    frames = {name: typed_frame(_read_text_frame(folder, name), TABLES[name]) for name in TABLES}
    return RunTables(**frames)


def typed_frame(text: pd.DataFrame, table: Table) -> pd.DataFrame:
    """A frame of text cells ('' for empty) typed by the table's schema, plus its derived columns.

    >>> frame = typed_frame(pd.DataFrame({"label": ["RANGE", "COUNTRY"], "value": ["1.5", "MAR"]}), TABLES["mentions"])
    >>> frame["value_number"].tolist(), frame["start"].dtype.name, frame["label"].dtype.name
    ([1.5, <NA>], 'Int64', 'category')
    """
    frame = pd.DataFrame(index=range(len(text)))
    for name, kind in table.types().items():
        raw = text[name].reset_index(drop=True).astype(object) if name in text else pd.Series([""] * len(text))
        cells = raw.where(raw != "", None)
        frame[name] = _typed_column(cells, kind, _vocabulary(table.name, name))
    return _with_derived(frame, table.name)


def _typed_column(cells: pd.Series, kind: str, vocabulary: tuple[str, ...] | None) -> pd.Series:
    if kind == "int":
        return pd.to_numeric(cells, errors="coerce").round().astype("Int64")
    if kind == "number":
        return pd.to_numeric(cells, errors="coerce").astype("Float64")
    if kind == "bool":
        return cells.map({"true": True, "false": False}, na_action="ignore").astype("boolean")
    if vocabulary is not None:
        seen = sorted(set(cells.dropna()) - set(vocabulary))
        return pd.Series(pd.Categorical(cells, categories=[*vocabulary, *seen]))
    return cells.astype("string")


def _vocabulary(table: str, column: str) -> tuple[str, ...] | None:
    if column == "status":
        return STATUSES.get(table)
    return VOCABULARIES.get(column)


def _with_derived(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    if table == "mentions":
        numeric = frame["label"].isin(NUMERIC_LABELS)
        frame["value_number"] = pd.to_numeric(frame["value"].where(numeric), errors="coerce").astype("Float64")
    elif table in ("deals", "deals_consolidated"):
        dates = frame["date" if table == "deals" else "date_first"]
        frame["year"] = pd.to_numeric(dates.str.slice(0, 4), errors="coerce").astype("Int64")
        frame["value_once"] = frame["value"].where(~_repeated_package_rows(frame, table))
    return frame


def _repeated_package_rows(frame: pd.DataFrame, table: str) -> pd.Series:
    """Rows whose value repeats the amount of an earlier row of the same package.

    deals.csv names packages (`package_id`). deals_consolidated.csv does not: there, rows with
    `value_scope=package`, the same value and currency and a source document in common are one
    package (linked through shared documents).
    """
    package = (frame["value_scope"] == "package").fillna(False) & frame["value"].notna()
    if table == "deals":
        return package & frame["package_id"].duplicated() & frame["package_id"].notna()
    repeated = pd.Series(False, index=frame.index)
    seen: dict[tuple[float, str], list[set[str]]] = {}  # (value, currency) -> documents of each package so far
    for index in frame.index[package]:
        key = (float(frame.at[index, "value"]), str(frame.at[index, "currency"]))
        cell = frame.at[index, "doc_ids"]  # pd.NA when empty: `or ""` would raise
        documents = set(str(cell).split(";")) - {""} if pd.notna(cell) else set()
        groups = seen.setdefault(key, [])
        joined = [g for g in groups if g & documents]
        if joined:
            repeated[index] = True
            for group in joined[1:]:
                joined[0] |= group
                groups.remove(group)
            joined[0] |= documents
        else:
            groups.append(documents)
    return repeated


def text_frames(
    extractor: Extractor, texts: Mapping[Any, str] | Iterable[str], *, dates: Mapping[Any, str | None] | None = None
) -> TextFrames:
    """Mentions and deals of in-memory texts as typed frames; doc_id is the mapping's key or the position."""
    items = [(str(k), v) for k, v in texts.items()] if hasattr(texts, "items") else list(enumerate(texts))
    pairs = [(str(doc_id), text) for doc_id, text in items]
    date_of = {str(k): v for k, v in (dates or {}).items()}
    mentions: list[dict[str, str]] = []
    deals: list[dict[str, str]] = []
    results = extractor.extract_texts((text, date_of.get(doc_id)) for doc_id, text in pairs)
    for (doc_id, _), result in zip(pairs, results, strict=True):
        mentions += [TABLES["mentions"].text_row(m.as_row(doc_id)) for m in result.mentions]
        deals += [TABLES["deals"].text_row(d.as_row(doc_id)) for d in result.deals]
    return TextFrames(
        typed_frame(pd.DataFrame(mentions, columns=TABLES["mentions"].names).fillna(""), TABLES["mentions"]),
        typed_frame(pd.DataFrame(deals, columns=TABLES["deals"].names).fillna(""), TABLES["deals"]),
    )


def _read_text_frame(folder: Path, name: str) -> pd.DataFrame:
    """One table of a run folder as text cells, whatever the format it was written in."""
    candidates = [folder / f"{name}.{suffix}" for suffix in ("csv", "parquet", "jsonl")]
    path = next((p for p in candidates if p.is_file()), None)
    workbook = folder / "tables.xlsx"
    try:
        if path is None and workbook.is_file():
            frame = pd.read_excel(workbook, sheet_name=name, dtype=object)
        elif path is None:
            raise ExtractError(f"{folder}: {Messages.E046.format(names=', '.join(p.name for p in candidates))}")
        elif path.suffix == ".csv":
            return _read_csv(path, TABLES[name])
        elif path.suffix == ".parquet":
            frame = pd.read_parquet(path)
        else:
            frame = pd.read_json(path, lines=True, dtype=False) if path.stat().st_size else pd.DataFrame()
    except (OSError, ValueError, KeyError) as error:
        raise InputError(path or workbook, Messages.E047.format(error=error)) from error
    return _checked(frame.astype(object).map(_text_cell), path or workbook, TABLES[name])


def _checked(frame: pd.DataFrame, path: Path, table: Table) -> pd.DataFrame:
    """The frame, if it has at least one column of the table (else it is some other file)."""
    if len(frame.columns) and not set(frame.columns) & set(table.names):
        found = ", ".join(map(str, frame.columns[:5]))
        raise InputError(path, Messages.E047.format(error=f"not a {table.name} table (columns: {found})"))
    return frame


def _read_csv(path: Path, table: Table) -> pd.DataFrame:
    """A CSV table with the separator of its header line; decimal commas read back as points."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header = handle.readline()
    sep = ";" if ";" in header else "\t" if "\t" in header else ","
    try:
        frame = pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (ValueError, pd.errors.ParserError) as error:
        raise InputError(path, Messages.E047.format(error=error)) from error
    if sep != ",":
        for column, kind in table.types().items():
            if kind in ("number", "mixed") and column in frame:
                frame[column] = frame[column].str.replace(r"^(-?\d+),(\d+)$", r"\1.\2", regex=True)
    protected = re.compile("^'(?=[" + re.escape("".join(FORMULA_STARTS)) + "])")
    for column in frame.columns:
        frame[column] = frame[column].str.replace(protected, "", regex=True)
    return _checked(frame, path, table)


def _text_cell(value: Any) -> str:
    """A cell of a typed format (Parquet, XLSX, JSONL) as the text CSV would hold."""
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return ""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float):
        return cell_text(value)
    return _unprotected(cell_text(value))


def _unprotected(cell: str) -> str:
    """The cell without the `'` the writers put before text a spreadsheet would run as a formula."""
    return cell[1:] if cell.startswith("'") and cell[1:2] and cell[1:].startswith(FORMULA_STARTS) else cell
