"""Where chunks of documents are extracted: this process, a pool of processes, or a Dask cluster.

Every engine runs the same `extract_chunk` and yields results in input order, with a
bounded number of chunks in flight, so memory does not grow with the corpus.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from extract.errors import ExtractError, Messages
from extract.extractor import Extractor
from extract.io.inputs import Document

ENGINES = ("local", "dask")
#: Written for the warm-up before workers fork (not from an article): a trigger, countries, a
#: system, an amount, a count, a date and a range, so every rule path has run once.
WARM_UP_TEXT = (
    "date 2024-06 Le Maroc commande des lanceurs HIMARS (DR)\n\n"
    "Washington a approuvé la vente au Maroc de 18 lanceurs M142 HIMARS pour 524,2 millions de dollars, "
    "livrables en mars 2025 et capables de frapper à 300 kilomètres.\n"
)


@dataclass(frozen=True)
class ExtractorSettings:
    """What a worker needs to build its own Extractor (picklable, hashable)."""

    rules_dir: str | None = None
    fast: bool = False
    batch_size: int = 32


@dataclass
class DocumentResult:
    """One document's rows for every table."""

    document: dict[str, Any]
    mentions: list[dict[str, Any]] = field(default_factory=list)
    deals: list[dict[str, Any]] = field(default_factory=list)
    #: the process that extracted it (a worker's, with --workers or Dask); not written to any table
    pid: int = field(default_factory=os.getpid)


@lru_cache(maxsize=2)
def _extractor(settings: ExtractorSettings) -> Extractor:
    """One Extractor per process and settings (the model loads once per worker)."""
    return Extractor(settings.rules_dir, fast=settings.fast, batch_size=settings.batch_size)


def extract_chunk(documents: list[Document], settings: ExtractorSettings) -> list[DocumentResult]:
    """Extract a chunk of documents; unreadable ones (and any failure) become error rows."""
    extractor = _extractor(settings)
    results = [DocumentResult(_document_row(d)) for d in documents]
    readable = [(r, d) for r, d in zip(results, documents, strict=True) if not d.error]
    try:
        extracted = list(extractor.extract_texts((d.text, d.date or None) for _, d in readable))
    except Exception:  # noqa: BLE001 - one bad document must not lose the chunk: retry one by one
        extracted = [_extract_one(extractor, d) for _, d in readable]
    for (result, document), output in zip(readable, extracted, strict=True):
        if isinstance(output, str):
            result.document.update(status="error", error=f"{document.source}: {Messages.E029.format(error=output)}")
            continue
        result.mentions = [m.as_row(document.doc_id) for m in output.mentions]
        result.deals = [d.as_row(document.doc_id) for d in output.deals]
        result.document.update(
            title=document.title or output.header.title,
            date=output.date.iso() if output.date else "",
            date_source=output.date_source,
            credit=output.header.credit,
            url=document.url or output.header.url,
            mentions=len(result.mentions),
            deals=len(result.deals),
            status="ok",
            error="",
        )
    return results


def _extract_one(extractor: Extractor, document: Document) -> Any:
    try:
        return next(extractor.extract_texts([(document.text, document.date or None)]))
    except Exception as error:  # noqa: BLE001 - reported in documents.csv
        return f"{type(error).__name__}: {error}"


def _document_row(document: Document) -> dict[str, Any]:
    row: dict[str, Any] = {
        "doc_id": document.doc_id,
        "source": document.source,
        "title": document.title,
        "date": document.date,
        "date_source": "",
        "chars": len(document.text),
        "mentions": 0,
        "deals": 0,
        "url": document.url,
        "encoding": document.encoding,
        "status": "error" if document.error else "ok",
        "error": document.error,
        "warning": document.warning,
    }
    return row


def run_chunks(
    chunks: Iterable[list[Document]],
    settings: ExtractorSettings,
    *,
    engine: str = "local",
    workers: int = 1,
    scheduler: str | None = None,
) -> Iterator[list[DocumentResult]]:
    """Results of every chunk, in input order."""
    if engine == "dask":
        yield from _run_dask(chunks, settings, workers=workers, scheduler=scheduler)
    elif engine != "local":
        raise ExtractError(f"unknown engine '{engine}' (use {', '.join(ENGINES)})")
    elif workers <= 1:
        with _frozen_heap(settings):
            for chunk in chunks:
                yield extract_chunk(chunk, settings)
    else:
        context = multiprocessing.get_context()
        forked = context.get_start_method() == "fork"
        with _frozen_heap(settings) if forked else contextlib.nullcontext():
            with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
                yield from _ordered(_split_submit(pool, workers), chunks, settings, in_flight=2 * workers)


class _Parts:
    """The futures of a chunk's parts, read back as the chunk's results in order."""

    def __init__(self, futures: list[Future[list[DocumentResult]]]) -> None:
        self.futures = futures

    def result(self) -> list[DocumentResult]:
        return [result for future in self.futures for result in future.result()]


def _split_submit(pool: ProcessPoolExecutor, parts: int) -> Callable[..., _Parts]:
    """`pool.submit` for a chunk cut into `parts` runs of documents: at the end of the corpus, the
    last chunk keeps every worker busy instead of one (the checkpoints stay one per chunk)."""

    def submit(function: Callable[..., list[DocumentResult]], chunk: list[Document], settings: Any) -> _Parts:
        size = max(1, -(-len(chunk) // parts))  # ceiling: 64 documents in 2 parts of 32, 5 in 2 of 3 and 2
        return _Parts([pool.submit(function, chunk[i : i + size], settings) for i in range(0, len(chunk), size)])

    return submit


@contextlib.contextmanager
def _frozen_heap(settings: ExtractorSettings) -> Iterator[None]:
    """The Extractor loaded and warmed up here, then the heap frozen for the run (`gc.freeze`).

    The model, the rules and their lazily built matchers are made once, before forking, and
    shared copy-on-write by the workers; frozen, the garbage collector neither scans them (time)
    nor writes to their pages (which would copy them into every worker: memory).
    """
    extractor = _extractor(settings)
    for _ in extractor.extract_texts([(WARM_UP_TEXT, None)]):
        pass
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _ordered(
    submit: Any, chunks: Iterable[list[Document]], settings: ExtractorSettings, in_flight: int
) -> Iterator[list[DocumentResult]]:
    pending: deque[Future[list[DocumentResult]]] = deque()
    for chunk in chunks:
        pending.append(submit(extract_chunk, chunk, settings))
        if len(pending) >= in_flight:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def _run_dask(
    chunks: Iterable[list[Document]], settings: ExtractorSettings, *, workers: int, scheduler: str | None
) -> Iterator[list[DocumentResult]]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as error:
        raise ExtractError("the dask engine needs dask.distributed: pip install 'arms-extract[dask]'") from error
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        # the scheduler's HTTP server (dashboard, health routes) starts even when the dashboard is
        # off, on 8787 unless told otherwise: ':0' is any free port, so a busy 8787 cannot fail the run
        cluster = LocalCluster(
            n_workers=max(1, workers), threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=":0"
        )
        client = Client(cluster)
    try:
        n = max(1, len(client.scheduler_info().get("workers", {})) or workers)

        def submit(function: Any, chunk: list[Document], options: ExtractorSettings) -> Any:
            return client.submit(function, chunk, options, pure=False)

        yield from _ordered(submit, chunks, settings, in_flight=2 * n)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
