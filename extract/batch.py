"""Batch extraction behind `extract run`: documents in, mentions, documents and deal tables out.

Documents are read lazily, extracted in chunks by an engine (this process, a process pool,
or Dask) and written as soon as each chunk is done, in input order whatever the number of
workers. After each chunk the work files are flushed and a checkpoint records how many
documents are done and where each table ends, so `--resume` continues after a crash
(kill -9 included) without duplicating or losing rows.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import itertools
import json
import os
import shutil
import sys
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from extract.deal_store import DealStore
from extract.deals.consolidate import consolidate_transfers
from extract.engines import ExtractorSettings, run_chunks
from extract.errors import ExtractError, Messages
from extract.io.inputs import DEFAULT_MAX_CHARS, Document, iter_documents
from extract.io.outputs import FORMATS, CsvTableWriter, finalize_tables
from extract.io.runlock import LOCK_FILE, RunLock
from extract.io.tables import CONSOLIDATED, DEALS, TABLES

#: The tables streamed while documents are extracted (deals_consolidated is written at the end).
STREAMED = ("mentions", "documents", "deals")
WORK_DIR = ".work"
CHECKPOINT = "checkpoint.json"
#: What the filesystem of the output folder may answer (no permission, disk full, read-only): Messages.E044.
FOLDER_ERRORS = frozenset(
    {errno.EACCES, errno.EPERM, errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.ENOTDIR, errno.EEXIST, errno.EISDIR}
    | {errno.EIO, errno.ENOENT, errno.ENAMETOOLONG}
)


@dataclass
class RunOptions:
    """How `extract run` runs; defaults are the command line's."""

    settings: ExtractorSettings = field(default_factory=ExtractorSettings)
    engine: str = "local"
    workers: int = 1
    scheduler: str | None = None
    chunk_size: int = 64
    resume: bool = False
    fmt: str = "csv"
    sep: str = ","
    #: decimal mark of numeric CSV cells: ',' for French-locale spreadsheets (`--locale fr`)
    decimal: str = "."
    progress: bool = False
    max_chars: int = DEFAULT_MAX_CHARS


@dataclass
class BatchSummary:
    """What a run did; `failed` > 0 makes the command exit 1."""

    documents: int = 0
    failed: int = 0
    mentions: int = 0
    deals: int = 0
    transfers: int = 0
    resumed_from: int = 0
    out_dir: Path = Path("out")
    files: list[Path] = field(default_factory=list)


def _signature(inputs: list[str], options: RunOptions) -> dict[str, object]:
    """What must not change between a run and its resumption."""
    return {
        "inputs": [str(Path(i).resolve()) if i != "-" else "-" for i in inputs],
        "settings": asdict(options.settings),
        "fmt": options.fmt,
        "sep": options.sep,
        "max_chars": options.max_chars,
    }


def _read_checkpoint(work: Path, signature: dict[str, object]) -> dict[str, Any] | None:
    path = work / CHECKPOINT
    if not path.exists():
        return None
    checkpoint = json.loads(path.read_text(encoding="utf-8"))
    if checkpoint.get("signature") != signature:
        raise ExtractError(f"{path}: {Messages.E040}")
    return checkpoint


def _write_checkpoint(
    work: Path, signature: dict[str, object], done: int, offsets: dict[str, int], summary: BatchSummary
) -> None:
    data = {
        "signature": signature,
        "done": done,
        "offsets": offsets,
        "failed": summary.failed,
        "mentions": summary.mentions,
        "deals": summary.deals,
    }
    temporary = work / (CHECKPOINT + ".tmp")
    with temporary.open("w", encoding="utf-8") as handle:
        json.dump(data, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, work / CHECKPOINT)


def _chunks(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(documents)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _progress(enabled: bool, initial: int) -> object:
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(desc="documents", unit="doc", initial=initial, file=sys.stderr, dynamic_ncols=True, smoothing=0.1)


def run_batch(inputs: list[str], out_dir: Path, options: RunOptions | None = None) -> BatchSummary:
    """Extract every input document into tables in `out_dir` (see the module docstring).

    One run at a time per folder (`extract.io.runlock`); a filesystem problem with the folder is
    an ExtractError (E043, E044) that leaves the work files of the chunks done, for `--resume`.
    """
    options = options or RunOptions()
    if options.fmt not in FORMATS:
        raise ExtractError(f"unknown format '{options.fmt}' (use {', '.join(FORMATS)})")
    if out_dir.exists() and not out_dir.is_dir():
        raise ExtractError(f"{out_dir}: {Messages.E043}")
    work = out_dir / WORK_DIR
    try:
        work.mkdir(parents=True, exist_ok=True)
        with RunLock(work):
            summary = _locked_run(inputs, out_dir, work, options)
        with contextlib.suppress(OSError):
            work.rmdir()  # empty, unless another run started meanwhile
        return summary
    except OSError as error:
        if error.errno not in FOLDER_ERRORS:
            raise
        where = error.filename or out_dir
        raise ExtractError(f"{where}: {Messages.E044.format(error=error.strerror or error)}") from error


def _clear_work(work: Path) -> None:
    """Remove the work files of an earlier run, not the lock."""
    for path in work.iterdir():
        if path.name != LOCK_FILE:
            shutil.rmtree(path) if path.is_dir() else path.unlink()


def _locked_run(inputs: list[str], out_dir: Path, work: Path, options: RunOptions) -> BatchSummary:
    signature = _signature(inputs, options)
    checkpoint = _read_checkpoint(work, signature) if options.resume else None
    if checkpoint is None:
        _clear_work(work)
    summary = BatchSummary(out_dir=out_dir)
    done = 0
    offsets: dict[str, int] = {}
    if checkpoint is not None:
        done = int(checkpoint["done"])
        offsets = {str(k): int(v) for k, v in checkpoint["offsets"].items()}
        summary.failed, summary.mentions, summary.deals = (int(checkpoint[k]) for k in ("failed", "mentions", "deals"))
        summary.resumed_from = done
    summary.documents = done
    paths = {name: work / f"{name}.csv" for name in STREAMED}
    writers = {
        name: CsvTableWriter(
            paths[name], TABLES[name], sep=options.sep, resume_at=offsets.get(name) if checkpoint else None
        )
        for name in STREAMED
    }
    # consolidation needs every deal of the run; those written before an interruption are read back
    deal_rows = DealStore()
    if checkpoint:
        deal_rows.extend(_written_deals(paths["deals"], options.sep))
    bar = _progress(options.progress, done)
    try:
        documents = itertools.islice(iter_documents(inputs, max_chars=options.max_chars), done, None)
        chunks = _chunks(documents, options.chunk_size)
        for results in run_chunks(
            chunks, options.settings, engine=options.engine, workers=options.workers, scheduler=options.scheduler
        ):
            for result in results:
                writers["documents"].write(result.document)
                for row in result.mentions:
                    writers["mentions"].write(row)
                for row in result.deals:
                    writers["deals"].write(row)
                deal_rows.extend(result.deals)
                summary.failed += result.document["status"] != "ok"
                summary.mentions += len(result.mentions)
                summary.deals += len(result.deals)
            summary.documents += len(results)
            done += len(results)
            _write_checkpoint(work, signature, done, {name: w.offset() for name, w in writers.items()}, summary)
            if bar is not None:
                bar.update(len(results))  # type: ignore[attr-defined]
    finally:
        if bar is not None:
            bar.close()  # type: ignore[attr-defined]
        for writer in writers.values():
            writer.close()
    summary.transfers = _write_consolidated(deal_rows, work / "deals_consolidated.csv", options.sep)
    paths["deals_consolidated"] = work / "deals_consolidated.csv"
    summary.files = finalize_tables(paths, out_dir, fmt=options.fmt, sep=options.sep, decimal=options.decimal)
    _clear_work(work)
    return summary


def _written_deals(path: Path, sep: str) -> Iterator[dict[str, Any]]:
    """The typed deal rows of a work file (after a truncation to the checkpoint), one at a time."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        yield from (DEALS.parse(cells) for cells in csv.DictReader(handle, delimiter=sep))


def _write_consolidated(deal_rows: DealStore, target: Path, sep: str) -> int:
    """deals_consolidated.csv: one row per transfer across documents."""
    written = 0
    with CsvTableWriter(target, CONSOLIDATED, sep=sep) as table:
        for row in consolidate_transfers(deal_rows.transfers()):
            table.write(row)
            written += 1
    return written
