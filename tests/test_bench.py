"""`make bench`: the generated corpus has the shape and lengths of crawled articles and is the same
for the same seed; the report's ratios are computed from the rows of the same run."""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest

from extract import bench_corpus
from extract.bench import Timing, print_report
from extract.bench_corpus import generate_corpus

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.fixture(scope="module")
def corpus() -> list[str]:
    return generate_corpus(SAMPLES, 600)


def test_same_seed_same_corpus_other_seed_other_corpus(corpus):
    assert generate_corpus(SAMPLES, 600) == corpus
    assert generate_corpus(SAMPLES, 600, seed=8) != corpus


def test_lengths_are_those_of_real_articles(corpus):
    lengths = sorted(len(text) for text in corpus)
    assert 1300 <= statistics.median(lengths) <= 1800
    assert lengths[len(lengths) // 10] < 1200 and lengths[9 * len(lengths) // 10] > 2000  # a spread, not one size


HEADLINES = set(bench_corpus._sentences_and_headlines(SAMPLES)[1])


def _shape(text: str) -> str:
    first = text.split("\n", 1)[0]
    if not first.startswith("date "):
        return "headline" if first in HEADLINES else "?"
    return "header_headline" if first[len("date 2024-06 ") :] in HEADLINES else "header_paragraph"


@pytest.mark.parametrize(("shape", "share"), [("header_paragraph", 0.6), ("header_headline", 0.2), ("headline", 0.2)])
def test_the_three_crawled_shapes(corpus, shape, share):
    found = sum(_shape(text) == shape for text in corpus) / len(corpus)
    assert share - 0.08 <= found <= share + 0.08


def test_a_header_line_carries_a_paragraph(corpus):
    with_paragraph = [t for t in corpus if _shape(t) == "header_paragraph"]
    assert statistics.median(len(t.split("\n", 1)[0]) for t in with_paragraph) > 150


def test_new_forms_make_the_vocabulary_grow(corpus, monkeypatch):
    monkeypatch.setattr(bench_corpus, "NAME_SHARE", 0.0)
    monkeypatch.setattr(bench_corpus, "NUMBER_SHARE", 0.0)
    recurring = generate_corpus(SAMPLES, 600)
    assert len({w for t in corpus for w in t.split()}) > 1.5 * len({w for t in recurring for w in t.split()})


def test_report_ratios_come_from_the_rows_of_the_run(capsys):
    rows = [
        Timing("bare blank French tokenizer", 1.0),
        Timing("bare fr_core_news_sm, all components", 40.0),
        Timing("bare fr_core_news_sm without parser and NER", 20.0),
        Timing("extract run default, 1 worker", 32.0, peak_kb=500 * 1024),
        Timing("extract run default, 2 workers", 17.0, peak_kb=450 * 1024),
        Timing("extract run --fast, 1 worker", 8.0, peak_kb=200 * 1024),
        Timing("extract run --fast, 2 workers", 5.0, peak_kb=190 * 1024, other_cores=0.5),
    ]
    print_report(["x" * 10] * 100, [3] * 100, rows, {"default": (480 * 1024, 500 * 1024)})
    out = capsys.readouterr().out
    fast_two = next(line for line in out.splitlines() if line.startswith("extract run --fast, 2 workers"))
    assert fast_two.split()[-6:] == ["20.0", "60", "0.200", "8.00", "190", "0.50"]  # docs/s tokens/s x blank ...
    assert "2 workers / 1 worker, default: 1.88x" in out
    assert "2 workers / 1 worker, --fast: 1.60x" in out
    assert "480 MB at 1000 documents, 500 MB at 100 (+4.2 %)" in out
