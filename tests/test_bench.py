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
    monkeypatch.setattr(bench_corpus, "WORD_SHARE", 0.0)
    recurring = generate_corpus(SAMPLES, 600)
    assert len({w for t in corpus for w in t.split()}) > 1.5 * len({w for t in recurring for w in t.split()})


def _distinct_words_after(texts: list[str], marks: list[int]) -> list[int]:
    """Distinct tokens (spaCy's blank French tokenizer) after the first `marks` tokens."""
    import spacy

    tokenizer, seen, counted, found = spacy.blank("fr").tokenizer, set(), 0, []
    for text in texts:
        for token in tokenizer(text):
            counted += 1
            seen.add(token.text)
            if counted in marks:
                found.append(len(seen))
    return found


def test_the_vocabulary_grows_as_in_real_press():
    """Crawled French articles (296 from 192 outlets, 85 % defence, measured for this calibration):
    8,380 distinct tokens in the first 68,000 tokens, Heaps' exponent about 0.6 beyond 20,000
    (about 25,000 distinct tokens at 460,000). The corpus follows within a fifth; before the drawn
    words it had 4,800 at 68,000 and 10,000 at 460,000."""
    at_68k, at_460k = _distinct_words_after(generate_corpus(SAMPLES, 1500), [68_000, 460_000])
    assert 0.8 * 8_380 <= at_68k <= 1.2 * 8_380
    assert 0.8 * 25_000 <= at_460k <= 1.2 * 25_000


class _Stream:
    """A random stream whose draws are given: `random()` returns them in turn."""

    def __init__(self, values: list[float]) -> None:
        self.values = values

    def random(self) -> float:
        return self.values.pop(0)


@pytest.mark.parametrize(
    ("sentence", "draws", "expected"),
    [
        # an open-class word takes an unused word of the same ending
        ("Les livraisons reprennent.", [0.0, 0.0], "Les maisons chaussent."),
        # a word of the rules (and function words, short words) is kept whatever the draw
        ("Le contrat est signé.", [], "Le contrat est signé."),
        # drawn over the share: kept
        ("Les livraisons reprennent.", [0.99, 0.99], "Les livraisons reprennent."),
        # capitalized words (names) and the parts of hyphenated or elided forms are left alone
        (
            "Les usines Rheinmetall fournissent des porte-avions d'armement",
            [0.0, 0.0],
            "Les pommes Rheinmetall chaussent des porte-avions d'armement",
        ),
    ],
)
def test_new_words_replace_open_class_words_by_their_ending(sentence, draws, expected):
    words = bench_corpus._NewWords(_Stream(draws), ["maisons", "chaussent", "pommes"], frozenset({"contrat", "signé"}))
    assert words.apply(sentence) == expected


def test_new_words_follow_heaps_law(monkeypatch):
    monkeypatch.setattr(bench_corpus, "WORD_SHARE", 1.0)
    import random

    pool = [f"mot{i:05d}ent" for i in range(50_000)]  # one ending
    words = bench_corpus._NewWords(random.Random(3), pool, frozenset())
    for _ in range(20_000):
        words.apply("souvent")
    assert words.draws == 20_000
    expected = bench_corpus.HEAPS_K * 20_000**bench_corpus.HEAPS_BETA
    assert expected - 2 <= words.distinct <= expected + 2
    assert len(set(words.drawn["nt"])) == words.distinct  # the others were reused


def test_without_an_unused_word_of_its_ending_a_word_is_reused_or_kept(monkeypatch):
    monkeypatch.setattr(bench_corpus, "WORD_SHARE", 1.0)
    words = bench_corpus._NewWords(_Stream([0.0, 0.0, 0.0, 0.0]), ["armes"], frozenset())
    assert words.apply("des avions") == "des avions"  # no word ending in -ns: kept
    assert words.apply("des bombes") == "des armes"  # "-es": the unused "armes"
    assert words.apply("des lances") == "des armes"  # none unused left: one drawn before, reused


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
    assert "corpus: 100 generated articles" in out


def test_a_folder_of_articles_is_timed_instead(tmp_path):
    from extract.bench import read_texts

    (tmp_path / "sub").mkdir()
    for name, text in [("b.txt", "deux"), ("a.txt", "un"), ("sub/c.txt", "trois"), ("d.txt", "  \n"), ("e.md", "x")]:
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert read_texts(tmp_path, 10) == ["un", "deux", "trois"]  # by path; empty and non-.txt files left out
    assert read_texts(tmp_path, 2) == ["un", "deux"]
    with pytest.raises(SystemExit, match="no .txt article"):
        read_texts(tmp_path / "sub" / "none", 5)
