"""Batch extraction behind `extract run`: documents in, mentions.csv and documents.csv out."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from extract.extractor import Extractor
from extract.inputs import Document, iter_documents
from extract.mention import MENTION_COLUMNS
from extract.outputs import CsvTableWriter

DOCUMENT_COLUMNS = ["doc_id", "source", "title", "date", "chars", "mentions", "status", "error", "credit", "url", "encoding"]
CHUNK_SIZE = 256


@dataclass
class BatchSummary:
    """What a run did; `failed` > 0 makes the command exit non-zero."""

    documents: int = 0
    failed: int = 0
    mentions: int = 0
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
                    row.update(mentions=0, status="error", error=document.error)
                    summary.failed += 1
                else:
                    result = next(results)
                    for mention in result.mentions:
                        mentions_table.write(mention.as_row(document.doc_id))
                    row.update(
                        title=document.title or result.header.title,
                        date=result.date.iso() if result.date else "",
                        credit=result.header.credit,
                        mentions=len(result.mentions),
                        status="ok",
                        error="",
                    )
                    summary.mentions += len(result.mentions)
                documents_table.write(row)
                summary.documents += 1
                if on_document:
                    on_document(document)
    return summary


def _chunks(documents: Iterable[Document], size: int) -> Iterable[list[Document]]:
    iterator = iter(documents)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk
