"""One typed schema per output table: column names, types and meanings.

The writers take their column order from here, cells are formatted by type (CSV, JSONL), the
XLSX and Parquet files are typed from here, consolidation parses rows back through it on
`--resume`, and the README's column tables are generated from it (`make docs`).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pandas is imported where frames are typed: `extract --help` does not pay for it
    import pandas as pd

#: text: as written; int: a whole number; number: a decimal number or empty; mixed: a number
#: for some rows and a code or name for others (mentions' `value`); bool: true/false
FIELD_TYPES = ("text", "int", "number", "mixed", "bool")


@dataclass(frozen=True)
class Field:
    """One column: its name, type (FIELD_TYPES) and meaning (shown in the README)."""

    name: str
    type: str
    doc: str


@dataclass(frozen=True)
class Table:
    """An output table: its name, its columns in order, and a sentence about its rows."""

    name: str
    fields: tuple[Field, ...]
    doc: str

    @property
    def names(self) -> list[str]:
        """Column names in order."""
        return [f.name for f in self.fields]

    def types(self) -> dict[str, str]:
        """Column name -> type."""
        return {f.name: f.type for f in self.fields}

    def text_row(self, row: dict[str, Any]) -> dict[str, str]:
        """A typed row as the text cells of a CSV file (None empty, bools true/false, plain numbers)."""
        return {name: cell_text(row.get(name)) for name in self.names}

    def parse(self, cells: dict[str, str]) -> dict[str, Any]:
        """A CSV row back to typed values (the inverse of `text_row`)."""
        types = self.types()
        return {name: parse_cell(cells.get(name, ""), types[name]) for name in self.names}

    def typed_frame(self, frame: pd.DataFrame, *, for_parquet: bool) -> pd.DataFrame:
        """A frame of text cells with its columns typed (Parquet: one type per column)."""
        import pandas as pd

        frame = frame.copy()
        for column, kind in self.types().items():
            if column not in frame:
                continue
            if kind == "int":
                frame[column] = pd.to_numeric(frame[column].replace("", None), errors="coerce").astype("Int64")
            elif kind == "bool" and for_parquet:  # XLSX keeps true/false: Calc reads boolean cells as =TRUE() formulas
                frame[column] = frame[column].map({"true": True, "false": False}).astype("boolean")
            elif kind == "number" and for_parquet:
                frame[column] = pd.to_numeric(frame[column].replace("", None), errors="coerce").astype("float64")
            elif kind in ("number", "mixed") and not for_parquet:
                numbers = pd.to_numeric(frame[column].replace("", None), errors="coerce")
                frame[column] = [n if pd.notna(n) else t for n, t in zip(numbers, frame[column], strict=True)]
        return frame

    def markdown(self) -> str:
        """The column table of the README."""
        lines = ["| column | type | meaning |", "| --- | --- | --- |"]
        lines += [f"| {f.name} | {f.type} | {f.doc.replace('|', chr(92) + '|')} |" for f in self.fields]
        return "\n".join(lines)


def cell_text(value: Any) -> str:
    """How one typed value is written in a text cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal | float):
        from extract.numbers import format_number  # numbers imports spaCy: only when a number is written

        return format_number(value)
    return str(value)


def parse_cell(text: str, kind: str) -> Any:
    """One text cell back to its type; an empty or unreadable number is None."""
    if kind == "int":
        return int(text) if text.strip().lstrip("-").isdigit() else None
    if kind == "number":
        try:
            return Decimal(text) if text else None
        except InvalidOperation:
            return None
    if kind == "bool":
        return text == "true"
    return text


F = Field
MENTIONS = Table(
    "mentions",
    (
        F("doc_id", "text", "document identifier"),
        F("label", "text", "MONEY, COUNT, RANGE, DATE, COUNTRY, WEAPON, ORG, REGION"),
        F("text", "text", "the mention as written; `original[start:end] == text`"),
        F("start", "int", "character offset of the mention's start in the original file (header included)"),
        F("end", "int", "character offset of its end"),
        F(
            "value",
            "mixed",
            "normalized value: amount in plain units with `.` as decimal point (MONEY), integer (COUNT), km "
            "(RANGE), ISO 8601 at the precision written (DATE: `2023-04-11`, `2023-04`, `2021`; empty when the "
            "document date cannot complete it), ISO 3166 alpha-3 (COUNTRY), canonical designation (WEAPON), "
            "canonical name (ORG, REGION)",
        ),
        F(
            "unit",
            "text",
            "ISO 4217 code (MONEY), counted noun's lemma or the counted system (COUNT), `km` (RANGE), SIPRI "
            "category (WEAPON)",
        ),
        F("sentence", "text", "the sentence the mention is in, whitespace collapsed"),
        F(
            "rule_id",
            "text",
            "the pattern id (`money-amount-scale-currency`) or gazetteer entry (`country:MAR:demonym`, "
            "`weapon:M142 HIMARS`) that produced it",
        ),
        F(
            "approx",
            "text",
            "the approximation cue, lower-cased, when the number is approximate or a bound: `près de`, `environ`, "
            "`plus de`, `jusqu'à`, `une vingtaine`; empty when exact",
        ),
        F("value_min", "number", 'lower bound of an interval ("entre 70 et 80 km": 70; `value` is the upper bound)'),
        F("value_max", "number", "upper bound of an interval"),
        F(
            "form_kind",
            "text",
            "how a gazetteer entity was written: `name`, `alias`, `abbreviation`, `demonym`, `capital`, "
            '`historical`; `function` for an ORG named by its function ("ministère roumain de la Défense"), '
            "`acronym` for an acronym the article defined, `unlisted` for a designation missing from weapons.csv",
        ),
        F("sentence_start", "int", "offset of the sentence's start"),
        F("sentence_end", "int", "offset of the sentence's end"),
        F(
            "unit_source",
            "text",
            "empty when the unit is written with the number; `carried` when a MONEY's currency comes from an "
            'earlier amount ("dont 4,1 milliards pour la France"); `sentence` when a COUNT\'s noun is elided and '
            'its unit is the system the sentence names ("80 pour les Émirats")',
        ),
    ),
    "One row per entity found.",
)
DOCUMENTS = Table(
    "documents",
    (
        F("doc_id", "text", "document identifier"),
        F("source", "text", "the file (and row) it was read from"),
        F("title", "text", "the headline of the crawl header, when it is one"),
        F("date", "text", "the reference date (ISO 8601) relative dates are read against"),
        F("date_source", "text", "where `date` comes from: `table`, `header`, `inferred`, `none`"),
        F("chars", "int", "length of the text in characters"),
        F("mentions", "int", "number of mentions"),
        F("status", "text", "`ok` or `error`"),
        F("error", "text", "the file (and line) and what is wrong"),
        F("deals", "int", "number of deal rows"),
        F("credit", "text", "the photo or agency credit ending the header line"),
        F("url", "text", "a URL on the header line"),
        F("encoding", "text", "the encoding the text was read in"),
        F(
            "warning",
            "text",
            "what was done to a text that is extracted all the same (`W001`: stray control bytes such as NUL "
            "read as spaces)",
        ),
    ),
    "One row per input document, failed ones included.",
)
DEALS = Table(
    "deals",
    (
        F("doc_id", "text", "document"),
        F("supplier", "text", "ISO 3166 alpha-3 of the supplying country"),
        F("recipient", "text", "ISO 3166 alpha-3 of the receiving country"),
        F("system", "text", "canonical designation of the WEAPON, or the noun's lemma for a category deal"),
        F(
            "system_kind",
            "text",
            "`designation` (a named system) or `category` (a transfer of counted items no system names: "
            '"72 obusiers", "144 000 obus")',
        ),
        F("category", "text", "its SIPRI category"),
        F(
            "quantity",
            "int",
            'the COUNT of that system ("24 Rafale", "18 lanceurs M142 HIMARS"; not the count of another item of a'
            ' list: "94 200 cartouches, des missiles Stinger")',
        ),
        F(
            "value",
            "number",
            "the price the article gives, in plain units (never a budget or company revenue: amounts after the "
            "cues of `rules/deals/value_exclusions.csv` are not deal values)",
        ),
        F("currency", "text", "ISO 4217 code of `value`"),
        F(
            "status",
            "text",
            "approved, ordered, delivered, negotiating, donated, other (cancelled, suspended, or no stage word)",
        ),
        F("date", "text", "the deal's date when the sentence gives one, else the document date"),
        F(
            "hedged",
            "bool",
            'the sentence is conditional, attributed, or denied ("pourrait", "aurait commandé", "selon des '
            'sources", "dément", "aucun contrat n\'a été signé")',
        ),
        F(
            "evidence",
            "text",
            "the sentence(s) the row was built from (` | `-separated when the system is named in several)",
        ),
        F("evidence_start", "int", "offset of the evidence's start in the original file"),
        F("evidence_end", "int", "offset of its end"),
        F("value_scope", "text", "`system`, or `package` when one amount covers several systems (see below)"),
        F("package_id", "text", "the same for every row of one package"),
        F(
            "supplier_source",
            "text",
            "`text` (a role cue in the sentence), `document` (the article's main recipient), `origin` (the "
            "system's origin country in weapons.csv)",
        ),
        F("recipient_source", "text", "the same, for the recipient"),
        F("hedge_cue", "text", "the hedge word found"),
    ),
    "One row per (document, supplier, recipient, system) transfer the text reports, SIPRI-style.",
)
CONSOLIDATED = Table(
    "deals_consolidated",
    (
        F("supplier", "text", "ISO 3166 alpha-3"),
        F("recipient", "text", "ISO 3166 alpha-3"),
        F("system", "text", "canonical designation (or the noun of a category deal)"),
        F("system_kind", "text", "`designation` or `category`: a category row never merges with a designation"),
        F("category", "text", "SIPRI category most sources give"),
        F("quantity", "int", "the quantity most sources give"),
        F("value", "number", "the value most sources give"),
        F("currency", "text", "its ISO 4217 code"),
        F("value_scope", "text", "its scope (`system` or `package`)"),
        F(
            "status",
            "text",
            "the furthest stage any source reports: negotiating < approved < ordered < delivered; donated",
        ),
        F("statuses", "text", "every status, in date order, `;`-separated"),
        F("date_first", "text", "earliest date of the sources"),
        F("date_last", "text", "latest date of the sources"),
        F("hedged", "bool", "true only when every source hedges"),
        F("sources", "int", "number of documents"),
        F("doc_ids", "text", "the documents, `;`-separated"),
        F("quantities", "text", "every distinct quantity, to spot disagreements"),
        F("values", "text", "every distinct value with its currency"),
    ),
    "One row per transfer across documents (merge rule below).",
)
TABLES: dict[str, Table] = {table.name: table for table in (MENTIONS, DOCUMENTS, DEALS, CONSOLIDATED)}

_BLOCK = re.compile(r"^(<!-- columns:(\w+) -->\n)(?:(?!<!-- ).*\n)*?(<!-- /columns -->)$", re.MULTILINE)


def with_column_tables(readme: str) -> str:
    """The README text with each `<!-- columns:NAME -->` block regenerated from its table."""
    return _BLOCK.sub(lambda m: m.group(1) + TABLES[m.group(2)].markdown() + "\n" + m.group(3), readme)


def main(argv: list[str] | None = None) -> int:
    """Rewrite the README's column tables (`make docs`)."""
    path = Path((argv or sys.argv[1:] or ["README.md"])[0])
    text = path.read_text(encoding="utf-8")
    path.write_text(with_column_tables(text), encoding="utf-8")
    return 0
