"""`make bench`: throughput, worker scaling and memory of `extract run` against bare spaCy, in one run.

    python -m extract.bench [--docs 5000] [--repeats 1] [--samples samples] [--texts DIR] [--quick]

The corpus (`extract.bench_corpus`) is generated, seeded, from the samples' sentences in the
shapes and lengths of crawled articles, with a vocabulary that grows as real press's; `--texts`
times a folder of articles instead (its first `--docs` .txt files, by name). Measured on the same texts:
- spaCy's blank French tokenizer, bare `fr_core_news_sm` (all components), and bare
  `fr_core_news_sm` without parser and NER, each `nlp.pipe` in this process;
- `extract run`, default mode and `--fast`, with 1 and 2 workers, each in a fresh process that
  loads the pipeline and warms it on a few documents before the timed `run_batch` (model
  loading is not timed, as for the bare baselines);
- peak memory (max RSS) of `extract run` with 1 worker at 1000 documents and at `--docs`.
Ratios are docs/s over the blank tokenizer's and over the bare model's. The machine is shared:
each row says how many cores other processes kept busy meanwhile (from /proc/stat), so a slow
row can be told from a slow program.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extract.bench_corpus import generate_corpus, write_jsonl

MODEL = "fr_core_news_sm"
MEMORY_DOCS = 1000
WARM_DOCS = 20


@dataclass
class Timing:
    """One measurement: seconds for the corpus, peak RSS, and the cores others kept busy meanwhile."""

    name: str
    seconds: float
    peak_kb: int = 0
    other_cores: float = 0.0


def _busy_seconds() -> float | None:
    """CPU seconds the whole machine has been busy since boot (Linux), None elsewhere."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            ticks = [int(v) for v in stat.readline().split()[1:]]
    except OSError:
        return None
    return (sum(ticks) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")  # all but idle and iowait


def _own_cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(work: Callable[[], Any]) -> tuple[Any, float, float]:
    """`work()`, its wall seconds, and the cores other processes kept busy meanwhile."""
    busy, own = _busy_seconds(), _own_cpu_seconds()
    began = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - began
    after = _busy_seconds()
    others = 0.0
    if busy is not None and after is not None:
        others = max(0.0, (after - busy) - (_own_cpu_seconds() - own)) / seconds
    return result, seconds, others


def time_bare(name: str, nlp: Any, texts: list[str], repeats: int) -> tuple[Timing, list[int]]:
    """Median seconds of `nlp.pipe` over the texts, and each text's number of tokens."""
    runs = []
    for _ in range(repeats):
        runs.append(timed(lambda: [len(doc) for doc in nlp.pipe(texts, batch_size=32)]))
    lengths, seconds, others = sorted(runs, key=lambda run: run[1])[len(runs) // 2]
    return Timing(name, seconds, other_cores=others), lengths


def one_run(corpus: str, warm: str, out: str, *, fast: bool, workers: int) -> dict[str, Any]:
    """In a fresh process: load and warm the pipeline, then time `run_batch` over the corpus."""
    from extract.batch import RunOptions, run_batch
    from extract.engines import ExtractorSettings

    options = RunOptions(settings=ExtractorSettings(fast=fast), workers=workers)
    run_batch([warm], Path(out) / "warm", options)
    summary, seconds, others = timed(lambda: run_batch([corpus], Path(out) / "run", options))
    peak = max(_peak_rss_kb(), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)  # this process, its workers
    return {"seconds": seconds, "documents": summary.documents, "peak_kb": peak, "other_cores": others}


def _peak_rss_kb() -> int:
    """This process's peak RSS since it started its program (VmHWM). Not `ru_maxrss`: on Linux that
    starts from the RSS of the parent that forked it (the bench, with two models loaded)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def time_run(corpus: Path, warm: Path, work: Path, *, fast: bool, workers: int, repeats: int) -> Timing:
    """Median of `repeats` fresh-process runs of `extract run` (peak memory: the largest)."""
    name = f"extract run {'--fast' if fast else 'default'}, {workers} worker{'s' if workers > 1 else ''}"
    runs = []
    for attempt in range(repeats):
        out = work / f"run_{int(fast)}_{workers}_{attempt}"
        command = [sys.executable, "-m", "extract.bench", "--one-run", str(corpus), str(warm), str(out)]
        command += ["--fast-run" if fast else "--default-run", "--workers", str(workers)]
        result = subprocess.run(command, capture_output=True, text=True, check=True)
        runs.append(json.loads(result.stdout.strip().splitlines()[-1]))
    middle = sorted(runs, key=lambda run: run["seconds"])[len(runs) // 2]
    return Timing(name, middle["seconds"], max(run["peak_kb"] for run in runs), middle["other_cores"])


def read_texts(folder: Path, docs: int) -> list[str]:
    """The first `docs` non-empty .txt files of `folder` (and its subfolders), by path."""
    texts: list[str] = []
    for path in sorted(folder.rglob("*.txt")):
        if len(texts) == docs:
            break
        text = path.read_text(encoding="utf-8", errors="replace")
        if text.strip():
            texts.append(text)
    if not texts:
        raise SystemExit(f"{folder}: no .txt article to time")
    return texts


def print_report(
    texts: list[str],
    lengths: list[int],
    rows: list[Timing],
    memory: dict[str, tuple[int, int]],
    source: str = "generated articles",
) -> None:
    """The table of docs/s and ratios, the worker scaling and the memory growth."""
    docs, tokens = len(texts), sum(lengths)
    blank = next(r for r in rows if r.name.startswith("bare blank"))
    model = next(r for r in rows if r.name == f"bare {MODEL}, all components")
    chars = sorted(len(t) for t in texts)
    print(
        f"corpus: {docs} {source}, median {chars[docs // 2]} characters and "
        f"{statistics.median(lengths):.0f} tokens; {sum(chars) / 1e6:.1f} M characters, {tokens / 1e6:.2f} M tokens"
    )
    header = f"{'pipeline':<44} {'docs/s':>8} {'tokens/s':>9} {'x blank':>8} {'x bare model':>13} {'peak MB':>8}"
    print(header + f" {'others':>7}")
    for row in rows:
        peak = f"{row.peak_kb / 1024:.0f}" if row.peak_kb else "-"
        print(
            f"{row.name:<44} {docs / row.seconds:>8.1f} {tokens / row.seconds:>9.0f} "
            f"{blank.seconds / row.seconds:>8.3f} {model.seconds / row.seconds:>13.2f} {peak:>8} {row.other_cores:>7.2f}"
        )
    print("others: cores other processes kept busy during the row (a shared machine; 2 cores = all of it)")
    seconds = {r.name: r.seconds for r in rows}
    for mode in ("default", "--fast"):
        one, two = seconds.get(f"extract run {mode}, 1 worker"), seconds.get(f"extract run {mode}, 2 workers")
        if one and two:
            print(f"2 workers / 1 worker, {mode}: {one / two:.2f}x")
    for mode, (small, full) in memory.items():
        growth = (full - small) / small * 100
        print(
            f"peak memory, extract run {mode}, 1 worker: {small / 1024:.0f} MB at {MEMORY_DOCS} documents, "
            f"{full / 1024:.0f} MB at {docs} ({growth:+.1f} %)"
        )


def main(argv: list[str] | None = None) -> None:
    """Print the throughput table, ratios, worker scaling and peak memory."""
    parser = argparse.ArgumentParser(prog="python -m extract.bench", description="extract run vs bare spaCy")
    parser.add_argument("--docs", type=int, default=5000)
    parser.add_argument("--repeats", type=int, default=1, help="runs per row, the median is shown (default 1)")
    parser.add_argument("--samples", default="samples", help="the articles whose sentences make the corpus")
    parser.add_argument("--texts", type=Path, help="a folder of .txt articles to time instead of the generated corpus")
    parser.add_argument("--quick", action="store_true", help="200 documents, no memory runs (a smoke test)")
    parser.add_argument("--one-run", nargs=3, metavar=("CORPUS", "WARM", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--fast-run", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--default-run", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one_run:
        print(json.dumps(one_run(*args.one_run, fast=args.fast_run, workers=args.workers)))
        return
    if args.quick:
        args.docs, args.repeats = 200, 1

    import spacy

    texts = read_texts(args.texts, args.docs) if args.texts else generate_corpus(Path(args.samples), args.docs)
    source = f"articles from {args.texts}" if args.texts else "generated articles"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus, warm, small = work / "corpus.jsonl", work / "warm.jsonl", work / "small.jsonl"
        write_jsonl(corpus, texts)
        write_jsonl(warm, texts[:WARM_DOCS])
        write_jsonl(small, texts[:MEMORY_DOCS])
        blank, lengths = time_bare("bare blank French tokenizer", spacy.blank("fr"), texts, args.repeats)
        rows = [blank]
        rows.append(time_bare(f"bare {MODEL}, all components", spacy.load(MODEL), texts, args.repeats)[0])
        lite = spacy.load(MODEL, exclude=["parser", "ner"])
        rows.append(time_bare(f"bare {MODEL} without parser and NER", lite, texts, args.repeats)[0])
        for fast in (False, True):
            for workers in (1, 2):
                rows.append(time_run(corpus, warm, work, fast=fast, workers=workers, repeats=args.repeats))
        memory: dict[str, tuple[int, int]] = {}
        if not args.quick and len(texts) > MEMORY_DOCS:
            for fast, mode in ((False, "default"), (True, "--fast")):
                full = next(r.peak_kb for r in rows if r.name == f"extract run {mode}, 1 worker")
                memory[mode] = (time_run(small, warm, work, fast=fast, workers=1, repeats=1).peak_kb, full)
    print_report(texts, lengths, rows, memory, source)


if __name__ == "__main__":
    main()
