"""`make bench-long`: peak memory and per-character speed on one long document, against the same
text as short articles.

    python -m extract.long_bench [--chars 1000000] [--fast] [--shapes short,lines,oneline]

The text is the sample articles' bodies, repeated up to `--chars` characters, in three shapes:
`short` (each body a document of its own), `lines` (one document, a sentence per line) and
`oneline` (one document on one line: the same characters, line breaks as spaces, so offsets and
mentions must be the same as `lines`'). Each shape runs in a fresh process that loads the
pipeline, warms it, then times `Extractor.extract_texts` (model loading is not timed). Printed:
characters per CPU second (the process's own time: on a shared machine, wall time mostly measures
the neighbours), the ratio of CPU time per character to `short`'s, wall time, peak RSS and its
growth over the loaded pipeline's, and whether `lines` and `oneline` give the same rows.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

SHAPES = ("short", "lines", "oneline")
#: Sentence ends where `lines` puts a line break (and `oneline` a space): the same places as the
#: sentence cuts of `split_pieces`, so both shapes are cut alike.
#: Not before 'À': 'À Kiev, le président...' opening a line names the country (as the samples' gold
#: has it), after another sentence on its line a place ('À Pretoria, les syndicats...').
_SENTENCE_END = re.compile(r"(?<=[a-zà-ÿ0-9)]{2}[.!?]) (?=[A-ZÁ-Ý])")
_WORKER = """
import json, resource, sys, time
from extract.extractor import Extractor
from extract.long_bench import digest, texts
shape, chars, fast, samples = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1", sys.argv[4]
documents = texts(shape, chars, samples)
extractor = Extractor(fast=fast)
extractor.extract(documents[0][:2000])
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
start, cpu = time.perf_counter(), time.process_time()
results = list(extractor.extract_texts((text, "2024-06") for text in documents))
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"shape": shape, "chars": sum(map(len, documents)), "seconds": seconds, "cpu": cpu, "base_mb": base,
                  "peak_mb": peak, "mentions": sum(len(r.mentions) for r in results), "digest": digest(results),
                  "mentions_digest": digest(results, deals=False, borrowed=False)}))
"""


def _bodies(samples: str) -> list[str]:
    """The samples' bodies on one line each, without their furniture lines ('Photo : AFP', 'Lire
    aussi : ...'): on one line these would read as article text."""
    from extract.io.header import parse_header
    from extract.pipes.furniture import find_furniture
    from extract.rules import load_rules

    rules = load_rules()
    bodies = []
    for path in sorted(Path(samples).glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        lines = text[parse_header(text).body_start :].splitlines()
        bodies.append(" ".join(" ".join(line for line in lines if not find_furniture(line, rules)).split()))
    return bodies


def texts(shape: str, chars: int, samples: str = "samples") -> list[str]:
    """The documents of one shape, about `chars` characters in all (see the module docstring)."""
    bodies = _bodies(samples)
    documents: list[str] = []
    total = 0
    while total < chars:
        documents.append(bodies[len(documents) % len(bodies)])
        total += len(documents[-1]) + 1
    if shape == "short":
        return documents
    one_line = " ".join(documents)[:chars]
    return [_SENTENCE_END.sub("\n", one_line) if shape == "lines" else one_line]


def digest(results: list, *, deals: bool = True, borrowed: bool = True) -> str:  # type: ignore[type-arg]
    """A hash of every mention's (and deal's) row: equal digests, equal tables. Without `borrowed`,
    elided counts whose system comes from the sentence before are left out: a line break ends a
    paragraph and they borrow across none, so they differ between one line and a line per sentence."""
    hasher = hashlib.sha256()
    for number, result in enumerate(results):
        mentions = [m for m in result.mentions if borrowed or not (m.label == "COUNT" and m.unit_source == "sentence")]
        rows = [m.as_row(str(number)) for m in mentions]
        for row in rows + ([d.as_row(str(number)) for d in result.deals] if deals else []):
            hasher.update(json.dumps(row, default=str, sort_keys=True).encode())
    return hasher.hexdigest()


def measure(shape: str, chars: int, *, fast: bool = False, samples: str = "samples") -> dict[str, object]:
    """One shape in a fresh process: seconds (wall), cpu, chars, peak and base RSS (MB), mentions, digests."""
    command = [sys.executable, "-c", _WORKER, shape, str(chars), "1" if fast else "0", samples]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    result: dict[str, object] = json.loads(output.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    """Print one line per shape, and whether `lines` and `oneline` give the same rows."""
    parser = argparse.ArgumentParser(prog="python -m extract.long_bench", description=__doc__.split("\n")[0])
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--fast", action="store_true")
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--samples", default="samples")
    args = parser.parse_args(argv)
    rows = {s: measure(s, args.chars, fast=args.fast, samples=args.samples) for s in args.shapes.split(",")}
    short = rows.get("short")
    for shape, row in rows.items():
        speed = float(row["chars"]) / float(row["cpu"])  # type: ignore[arg-type]
        ratio = f"  {float(short['chars']) / float(short['cpu']) / speed:.2f}x short's time" if short else ""  # type: ignore[arg-type]
        growth = float(row["peak_mb"]) - float(row["base_mb"])  # type: ignore[arg-type]
        print(
            f"{shape:<8} {row['chars']:>10,} chars  {speed:>7,.0f} chars/CPU s{ratio}  wall {row['seconds']:.0f} s  "
            f"peak RSS {row['peak_mb']:,.0f} MB (+{growth:,.0f} MB over the loaded pipeline)  {row['mentions']:,} mentions"
        )
    if "lines" in rows and "oneline" in rows:
        for what in ("mentions_digest", "digest"):
            same = rows["lines"][what] == rows["oneline"][what]
            print(
                f"lines and oneline: {'same' if same else 'different'} {what.replace('_digest', '') if what != 'digest' else 'mentions and deals'}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
