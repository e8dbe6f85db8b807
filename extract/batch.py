"""Batch extraction behind `extract run`: documents in, mentions.csv and documents.csv out."""

from __future__ import annotations

import csv
import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from extract.consolidate import CONSOLIDATED_COLUMNS, consolidate
from extract.deals import DEAL_COLUMNS
from extract.extractor import Extractor
from extract.inputs import Document, iter_documents
from extract.mention import MENTION_COLUMNS
from extract.outputs import CsvTableWriter

DOCUMENT_COLUMNS = ["doc_id", "source", "title", "date", "chars", "mentions", "deals", "status", "error", "credit", "url", "encoding"]
CHUNK_SIZE = 256


@dataclass
class BatchSummary:
    """What a run did; `failed` > 0 makes the command exit non-zero."""

    documents: int = 0
    failed: int = 0
    mentions: int = 0
    deals: int = 0
    transfers: int = 0
    out_dir: Path = Path("out")


def run_batch(
    inputs: list[str],
    out_dir: Path,
    *,
    extractor: Extractor,
    on_document: Callable[[Document], None] | None = None,
) -> BatchSummary:
    """Extract every input document; tables are streamed to `out_dir` as documents finish."""
    out_dir.mkdir(parents=True, exist_ok=True)
    summary = BatchSummary(out_dir=out_dir)
    with (
        CsvTableWriter(out_dir / "mentions.csv", MENTION_COLUMNS) as mentions_table,
        CsvTableWriter(out_dir / "documents.csv", DOCUMENT_COLUMNS) as documents_table,
        CsvTableWriter(out_dir / "deals.csv", DEAL_COLUMNS) as deals_table,
    ):
        for chunk in _chunks(iter_documents(inputs), CHUNK_SIZE):
            readable = [d for d in chunk if not d.error]
            results = iter(extractor.extract_texts((d.text, d.date or None) for d in readable))
            for document in chunk:
                row: dict[str, object] = {
                    "doc_id": document.doc_id,
                    "source": document.source,
                    "title": document.title,
                    "date": document.date,
                    "chars": len(document.text),
                    "url": document.url,
                    "encoding": document.encoding,
                }
                if document.error:
                    row.update(mentions=0, deals=0, status="error", error=document.error)
                    summary.failed += 1
                else:
                    result = next(results)
                    for mention in result.mentions:
                        mentions_table.write(mention.as_row(document.doc_id))
                    for deal in result.deals:
                        deals_table.write(deal.as_row(document.doc_id))
                    row.update(
                        title=document.title or result.header.title,
                        date=result.date.iso() if result.date else "",
                        credit=result.header.credit,
                        mentions=len(result.mentions),
                        deals=len(result.deals),
                        status="ok",
                        error="",
                    )
                    summary.mentions += len(result.mentions)
                    summary.deals += len(result.deals)
                documents_table.write(row)
                summary.documents += 1
                if on_document:
                    on_document(document)
    summary.transfers = write_consolidated(out_dir)
    return summary


def write_consolidated(out_dir: Path) -> int:
    """deals_consolidated.csv from deals.csv: one row per transfer across documents."""
    with (out_dir / "deals.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    merged = consolidate(rows)
    with CsvTableWriter(out_dir / "deals_consolidated.csv", CONSOLIDATED_COLUMNS) as table:
        for row in merged:
            table.write(row)
    return len(merged)


def _chunks(documents: Iterable[Document], size: int) -> Iterable[list[Document]]:
    iterator = iter(documents)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk
