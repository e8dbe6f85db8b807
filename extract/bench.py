"""`make bench`: throughput of `extract run` against bare spaCy on the same texts, in one run.

    python -m extract.bench [--docs 2000] [--repeats 3] [--samples samples]

The sample articles are repeated up to `--docs` documents. Each measurement is run
`--repeats` times and the median is reported, with the ratio to the bare model's
`nlp.pipe` (same model, same texts, same batch size).
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import spacy

from extract.batch import RunOptions, run_batch
from extract.engines import ExtractorSettings
from extract.pipeline import DEFAULT_MODEL


def corpus(samples: Path, docs: int) -> list[str]:
    """The sample texts repeated (in order) until there are `docs` of them."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(samples.rglob("*.txt"))]
    if not texts:
        raise SystemExit(f"no .txt files in {samples}")
    return [texts[i % len(texts)] for i in range(docs)]


def median_seconds(task: Callable[[], object], repeats: int) -> float:
    """Median wall time of `task` over `repeats` runs."""
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        task()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> None:
    """Print docs/s of extract run and of bare spaCy, and their ratio."""
    parser = argparse.ArgumentParser(prog="python -m extract.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--samples", default="samples")
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args(argv)

    texts = corpus(Path(args.samples), args.docs)
    chars = sum(len(t) for t in texts)
    with tempfile.TemporaryDirectory() as tmp:
        table = Path(tmp) / "corpus.jsonl"
        table.write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in texts), encoding="utf-8")
        bare = spacy.load(DEFAULT_MODEL)
        options = RunOptions(settings=ExtractorSettings(batch_size=args.batch_size))
        run_batch([str(table)], Path(tmp) / "warm", options)  # load the model once before timing
        bare_s = median_seconds(lambda: list(bare.pipe(texts, batch_size=args.batch_size)), args.repeats)
        run_s = median_seconds(lambda: run_batch([str(table)], Path(tmp) / "out", options), args.repeats)

    print(f"corpus: {len(texts)} documents, {chars} characters, median of {args.repeats} runs, batch size {args.batch_size}")
    print(f"{'pipeline':<46} {'docs/s':>8} {'ratio':>6}")
    print(f"{'bare ' + DEFAULT_MODEL + ' nlp.pipe (all components)':<46} {len(texts) / bare_s:>8.1f} {1.0:>6.2f}")
    print(f"{'extract run (default mode)':<46} {len(texts) / run_s:>8.1f} {bare_s / run_s:>6.2f}")


if __name__ == "__main__":
    main()
