"""`make bench`: throughput and memory of `extract run` against bare spaCy, on the same texts, in one run.

    python -m extract.bench [--docs 5000] [--repeats 3] [--samples samples] [--quick]

The corpus is generated from the sample articles: each document is a header plus sentences
drawn (seeded) from the samples, so documents differ but read like the press. Measured:
- bare `fr_core_news_sm` `nlp.pipe` (all components) and bare blank French tokenizer `nlp.pipe`;
- `extract run` default mode and `--fast`, with 1 and 2 workers (medians of `--repeats`);
- peak memory (max RSS) of `extract run` at 1000 and at `--docs` documents.
Each `extract run` measurement runs in a fresh process that loads the pipeline, warms it on a
few documents, then times `run_batch` over the corpus (model loading is not timed, as for the
bare baselines). Ratios are docs/s divided by bare model docs/s.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import spacy

from extract.pipeline import DEFAULT_MODEL

_SENTENCE = re.compile(r"(?<=[.!?»])\s+")
_WORKER = """
import json, resource, sys, time
from pathlib import Path
from extract.batch import RunOptions, run_batch
from extract.engines import ExtractorSettings
corpus, warm, out, fast, workers = sys.argv[1], sys.argv[2], Path(sys.argv[3]), sys.argv[4] == "1", int(sys.argv[5])
options = RunOptions(settings=ExtractorSettings(fast=fast), workers=workers)
run_batch([warm], out / "warm", options)
began = time.perf_counter()
summary = run_batch([corpus], out / "run", options)
elapsed = time.perf_counter() - began
peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({"seconds": elapsed, "documents": summary.documents, "peak_kb": peak}))
"""


def generate_corpus(samples: Path, docs: int, seed: int = 7) -> list[str]:
    """`docs` article-like texts recombined from the sample articles' sentences."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(samples.rglob("*.txt"))]
    if not texts:
        raise SystemExit(f"no .txt files in {samples}")
    sentences = [s for t in texts for s in _SENTENCE.split(t.split("\n", 2)[-1]) if len(s) > 40]
    rng = random.Random(seed)
    corpus = []
    for i in range(docs):
        body = " ".join(rng.sample(sentences, k=min(len(sentences), rng.randint(6, 14))))
        corpus.append(f"date 20{rng.randint(15, 25):02d}-{rng.randint(1, 12):02d} Article {i} (DR)\n\n{body}\n")
    return corpus


def write_jsonl(path: Path, texts: list[str]) -> None:
    """A table input for `extract run`."""
    path.write_text(
        "".join(json.dumps({"id": f"d{i}", "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts)),
        encoding="utf-8",
    )


def time_bare(nlp: spacy.language.Language, texts: list[str], repeats: int) -> tuple[float, int]:
    """Median seconds of `nlp.pipe` over the texts, and the number of tokens."""
    times, tokens = [], 0
    for _ in range(repeats):
        began = time.perf_counter()
        tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=32))
        times.append(time.perf_counter() - began)
    return statistics.median(times), tokens


def time_run(corpus: Path, warm: Path, work: Path, *, fast: bool, workers: int, repeats: int) -> tuple[float, int]:
    """Median seconds of `extract run` (fresh process each time) and its peak RSS in kB."""
    times, peaks = [], []
    for attempt in range(repeats):
        out = work / f"run_{int(fast)}_{workers}_{attempt}"
        result = subprocess.run(
            [sys.executable, "-c", _WORKER, str(corpus), str(warm), str(out), "1" if fast else "0", str(workers)],
            capture_output=True,
            text=True,
            check=True,
        )
        data = json.loads(result.stdout.strip().splitlines()[-1])
        times.append(data["seconds"])
        peaks.append(data["peak_kb"])
    return statistics.median(times), max(peaks)


def main(argv: list[str] | None = None) -> None:
    """Print the throughput table, ratios and peak memory."""
    parser = argparse.ArgumentParser(prog="python -m extract.bench", description="extract run vs bare spaCy")
    parser.add_argument("--docs", type=int, default=5000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--samples", default="samples")
    parser.add_argument("--quick", action="store_true", help="200 documents, 1 repeat, no memory runs (a smoke test)")
    args = parser.parse_args(argv)
    if args.quick:
        args.docs, args.repeats = 200, 1

    texts = generate_corpus(Path(args.samples), args.docs)
    chars = sum(len(t) for t in texts)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus, warm, small = work / "corpus.jsonl", work / "warm.jsonl", work / "small.jsonl"
        write_jsonl(corpus, texts)
        write_jsonl(warm, texts[:20])
        write_jsonl(small, texts[:1000])
        model_s, tokens = time_bare(spacy.load(DEFAULT_MODEL), texts, args.repeats)
        blank_s, _ = time_bare(spacy.blank("fr"), texts, args.repeats)
        rows: list[tuple[str, float, int]] = [
            (f"bare {DEFAULT_MODEL} nlp.pipe", model_s, 0),
            ("bare blank French tokenizer nlp.pipe", blank_s, 0),
        ]
        peak_full = 0
        for fast in (False, True):
            for workers in (1, 2):
                seconds, peak = time_run(corpus, warm, work, fast=fast, workers=workers, repeats=args.repeats)
                rows.append(
                    (
                        f"extract run {'--fast' if fast else 'default'}, {workers} worker{'s' if workers > 1 else ''}",
                        seconds,
                        peak,
                    )
                )
                if not fast and workers == 1:
                    peak_full = peak
        peak_small = 0 if args.quick else time_run(small, warm, work, fast=False, workers=1, repeats=1)[1]

    print(
        f"corpus: {len(texts)} generated documents, {chars} characters, {tokens} tokens; median of {args.repeats} run(s); 2 cores"
    )
    print(f"{'pipeline':<44} {'docs/s':>8} {'tokens/s':>9} {'x bare model':>13}")
    for name, seconds, _ in rows:
        print(f"{name:<44} {len(texts) / seconds:>8.1f} {tokens / seconds:>9.0f} {model_s / seconds:>13.2f}")
    default_s = next(s for n, s, _ in rows if n == "extract run default, 1 worker")
    fast_s = next(s for n, s, _ in rows if n == "extract run --fast, 1 worker")
    print(f"--fast vs default (1 worker): {default_s / fast_s:.2f}x")
    if peak_small:
        growth = (peak_full - peak_small) / peak_small * 100
        print(
            f"peak memory, extract run default 1 worker: {peak_small / 1024:.0f} MB at 1000 documents, {peak_full / 1024:.0f} MB at {len(texts)} ({growth:+.1f} %)"
        )


if __name__ == "__main__":
    main()
