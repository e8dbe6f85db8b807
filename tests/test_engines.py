"""The process pool of `--workers N`: the Extractor is loaded and warmed once before forking, the
heap frozen while workers run (so neither the garbage collector nor copy-on-write pays for the
model in every worker), and the tables do not depend on the number of workers, in both modes."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

import extract.engines
from extract.batch import RunOptions, run_batch
from extract.engines import WARM_UP_TEXT, ExtractorSettings, run_chunks
from extract.io.inputs import Document

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
FAST = ExtractorSettings(fast=True)


def _tables(out: Path) -> dict[str, str]:
    names = ("mentions", "documents", "deals", "deals_consolidated")
    return {name: (out / f"{name}.csv").read_text(encoding="utf-8-sig") for name in names}


@pytest.mark.parametrize("workers", [1, 2])
def test_the_heap_is_frozen_during_the_run_and_only_then(workers):
    document = Document("d1", "d1.txt", text="Le Maroc commande 18 lanceurs HIMARS.")
    assert gc.get_freeze_count() == 0
    frozen_during = []
    for results in run_chunks(iter([[document]]), FAST, workers=workers):
        frozen_during.append(gc.get_freeze_count())
        assert [r.document["status"] for r in results] == ["ok"]
    assert frozen_during and frozen_during[0] > 0
    assert gc.get_freeze_count() == 0


def test_the_warm_up_has_run_before_the_first_chunk(monkeypatch):
    warmed: list[str] = []
    real = extract.engines._extractor(FAST)

    class Spy:
        def extract_texts(self, texts):
            texts = list(texts)
            warmed.extend(text for text, _ in texts)
            return real.extract_texts(texts)

    monkeypatch.setattr(extract.engines, "_extractor", lambda settings: Spy())
    document = Document("d1", "d1.txt", text="La Pologne achète des K2.")
    list(run_chunks(iter([[document]]), FAST, workers=1))
    assert warmed == [WARM_UP_TEXT, "La Pologne achète des K2."]


@pytest.mark.parametrize("fast", [True, False], ids=["fast", "default"])
def test_one_and_two_workers_give_the_same_tables(tmp_path, fast):
    """On the samples, in chunks of 4 so both workers get some: byte for byte the same tables."""
    settings = ExtractorSettings(fast=fast)
    one, two = tmp_path / "one", tmp_path / "two"
    run_batch([str(SAMPLES)], one, RunOptions(settings=settings, chunk_size=4, workers=1))
    run_batch([str(SAMPLES)], two, RunOptions(settings=settings, chunk_size=4, workers=2))
    assert _tables(one) == _tables(two)
    assert _tables(one)["mentions"].count("\n") > 100  # the samples do have mentions


class _RecordingPool:
    """A stand-in for the process pool: runs the function at once and records each part's size."""

    def __init__(self):
        self.parts: list[int] = []

    def submit(self, function, part, settings):
        from concurrent.futures import Future

        self.parts.append(len(part))
        future: Future = Future()
        future.set_result(function(part, settings))
        return future


@pytest.mark.parametrize(
    ("documents", "workers", "parts"),
    [(64, 2, [32, 32]), (5, 2, [3, 2]), (1, 2, [1]), (7, 3, [3, 3, 1]), (4, 1, [4])],
    ids=["even", "odd", "one-document", "three-workers", "one-worker"],
)
def test_a_chunk_is_shared_among_the_workers_and_read_back_in_order(documents, workers, parts):
    pool = _RecordingPool()
    submit = extract.engines._split_submit(pool, workers)
    chunk = [f"doc{i}" for i in range(documents)]
    joined = submit(lambda part, settings: [f"{doc}:{settings}" for doc in part], chunk, "s")
    assert pool.parts == parts
    assert joined.result() == [f"doc{i}:s" for i in range(documents)]
