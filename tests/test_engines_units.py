"""extract.engines function by function, with a stand-in extractor and stand-in pools and Dask
(no model, no processes): the document rows, the one-by-one retry, the order and the number of
chunks in flight, the warm-up and frozen heap, and what the Dask engine asks of its cluster."""

from __future__ import annotations

import gc
import sys
import types
from concurrent.futures import Future
from dataclasses import dataclass, field

import pytest

import extract.engines as engines
from extract.engines import DocumentResult, ExtractorSettings, extract_chunk, run_chunks
from extract.errors import ExtractError
from extract.io.inputs import Document


@dataclass
class Row:
    name: str

    def as_row(self, doc_id: str) -> dict:
        return {"doc_id": doc_id, "text": self.name}


@dataclass
class Date:
    value: str

    def iso(self) -> str:
        return self.value


@dataclass
class Output:
    text: str
    mentions: list = field(default_factory=list)
    deals: list = field(default_factory=list)
    date: Date | None = None
    date_source: str = ""
    header: types.SimpleNamespace = field(default_factory=lambda: types.SimpleNamespace(title="", credit="", url=""))


class FakeExtractor:
    """Two mentions and a deal per text; a text containing 'boom' fails, and so does the batch it is in."""

    def __init__(self) -> None:
        self.calls: list[list[tuple[str, str | None]]] = []

    def extract_texts(self, texts):
        texts = list(texts)
        self.calls.append(texts)
        for text, _ in texts:
            if "boom" in text:
                raise ValueError(f"cannot read {text[:4]}")
        for text, date in texts:
            header = types.SimpleNamespace(title=f"H-{text}", credit="(DR)", url=f"http://h/{text}")
            yield Output(
                text,
                [Row("m1"), Row("m2")],
                [Row("d1")],
                Date(f"iso-{date}") if date else None,
                "header" if date else "",
                header,
            )


@pytest.fixture
def fake(monkeypatch) -> FakeExtractor:
    extractor = FakeExtractor()
    monkeypatch.setattr(engines, "_extractor", lambda settings: extractor)
    return extractor


def test_document_row():
    document = Document("d", "s.txt", "abc", "2024-06", "T", "http://u", "cp1252", "", "W001")
    assert engines._document_row(document) == {
        "doc_id": "d",
        "source": "s.txt",
        "title": "T",
        "date": "2024-06",
        "date_source": "",
        "chars": 3,
        "mentions": 0,
        "deals": 0,
        "url": "http://u",
        "encoding": "cp1252",
        "status": "ok",
        "error": "",
        "warning": "W001",
    }
    assert engines._document_row(Document("e", "e.txt", error="E028"))["status"] == "error"


def test_extract_chunk_fills_every_table(fake):
    documents = [
        Document("a", "a.txt", "alpha", date="2024-06"),
        Document("b", "b.txt", "beta", title="Given", url="http://given"),
        Document("c", "c.txt", error="c.txt: E028 empty file (no text)"),
    ]
    results = extract_chunk(documents, ExtractorSettings())
    assert fake.calls == [[("alpha", "2024-06"), ("beta", None)]]
    a, b, c = (r.document for r in results)
    assert a == {
        "doc_id": "a",
        "source": "a.txt",
        "title": "H-alpha",
        "date": "iso-2024-06",
        "date_source": "header",
        "chars": 5,
        "mentions": 2,
        "deals": 1,
        "url": "http://h/alpha",
        "encoding": "",
        "status": "ok",
        "error": "",
        "warning": "",
        "credit": "(DR)",
    }
    assert (b["title"], b["url"], b["date"], b["date_source"]) == ("Given", "http://given", "", "")
    assert (c["status"], c["error"], c["mentions"]) == ("error", "c.txt: E028 empty file (no text)", 0)
    assert results[0].mentions == [{"doc_id": "a", "text": "m1"}, {"doc_id": "a", "text": "m2"}]
    assert results[0].deals == [{"doc_id": "a", "text": "d1"}]
    assert results[2].mentions == [] and results[2].deals == []


def test_one_failing_document_does_not_lose_the_chunk(fake):
    documents = [Document("a", "a.txt", "alpha"), Document("b", "b.txt", "boom!"), Document("c", "c.txt", "gamma")]
    results = extract_chunk(documents, ExtractorSettings())
    assert fake.calls[1:] == [[("alpha", None)], [("boom!", None)], [("gamma", None)]]
    assert [r.document["status"] for r in results] == ["ok", "error", "ok"]
    assert results[1].document["error"] == "b.txt: E029 extraction failed: ValueError: cannot read boom"
    assert results[1].mentions == [] and results[2].mentions == [
        {"doc_id": "c", "text": "m1"},
        {"doc_id": "c", "text": "m2"},
    ]


def test_extract_one():
    extractor = FakeExtractor()
    assert engines._extract_one(extractor, Document("a", "a.txt", "x", date="2020")).date.iso() == "iso-2020"
    assert engines._extract_one(extractor, Document("b", "b.txt", "boom")) == "ValueError: cannot read boom"


def test_unknown_engine():
    with pytest.raises(ExtractError) as caught:
        list(run_chunks(iter([]), ExtractorSettings(), engine="spark"))
    assert str(caught.value) == "unknown engine 'spark' (use local, dask)"


@pytest.mark.parametrize("workers", [1, 0])
def test_local_engine_warms_up_then_extracts_each_chunk_here(fake, workers):
    chunks = [[Document("a", "a.txt", "alpha")], [Document("b", "b.txt", "beta"), Document("c", "c.txt", "gamma")]]
    out = list(run_chunks(iter(chunks), ExtractorSettings(), workers=workers))
    assert [[r.document["doc_id"] for r in results] for results in out] == [["a"], ["b", "c"]]
    assert fake.calls[0] == [(engines.WARM_UP_TEXT, None)]
    assert len(fake.calls) == 3


def test_frozen_heap(fake):
    assert gc.get_freeze_count() == 0
    with pytest.raises(RuntimeError), engines._frozen_heap(ExtractorSettings()):
        assert gc.get_freeze_count() > 0
        assert fake.calls == [[(engines.WARM_UP_TEXT, None)]]
        raise RuntimeError
    assert gc.get_freeze_count() == 0


def test_the_warm_up_text_has_every_kind_of_mention():
    for piece in (
        "date 2024-06",
        "Maroc",
        "HIMARS",
        "18 lanceurs",
        "524,2 millions de dollars",
        "mars 2025",
        "300 kilomètres",
    ):
        assert piece in engines.WARM_UP_TEXT


def done(value) -> Future:
    future: Future = Future()
    future.set_result(value)
    return future


@pytest.mark.parametrize(("chunks", "in_flight"), [(5, 2), (5, 1), (2, 4), (0, 2), (3, 3)])
def test_ordered_keeps_a_bounded_number_of_chunks_in_flight(chunks, in_flight):
    log: list[str] = []

    def submit(function, chunk, settings):
        assert function is extract_chunk and settings == "s"
        log.append(f"submit {chunk}")
        return done(chunk)

    for result in engines._ordered(submit, iter(range(chunks)), "s", in_flight):
        log.append(f"yield {result}")
    expected: list[str] = []
    for i in range(chunks):
        expected.append(f"submit {i}")
        if i + 1 >= in_flight:
            expected.append(f"yield {i + 1 - in_flight}")
    expected += [f"yield {i}" for i in range(max(0, chunks - in_flight + 1) if chunks >= in_flight else 0, chunks)]
    assert log == expected


def test_parts_read_back_in_order():
    parts = engines._Parts([done([1, 2]), done([]), done([3])])
    assert parts.result() == [1, 2, 3]


class FakeClient:
    instances: list[FakeClient] = []

    def __init__(self, target) -> None:
        self.target = target
        self.submitted: list[tuple] = []
        self.closed = False
        self.workers = {"w1": {}, "w2": {}, "w3": {}}
        FakeClient.instances.append(self)

    def scheduler_info(self):
        return {"workers": self.workers}

    def submit(self, function, chunk, options, pure=True):
        self.submitted.append((function, chunk, options, pure))
        return done([DocumentResult({"doc_id": d}) for d in chunk])

    def close(self):
        self.closed = True


class FakeCluster:
    instances: list[FakeCluster] = []

    def __init__(self, **kwargs) -> None:
        self.kwargs = kwargs
        self.closed = False
        FakeCluster.instances.append(self)

    def close(self):
        self.closed = True


@pytest.fixture
def fake_dask(monkeypatch) -> types.ModuleType:
    FakeClient.instances.clear()
    FakeCluster.instances.clear()
    module = types.ModuleType("dask.distributed")
    module.Client, module.LocalCluster = FakeClient, FakeCluster
    monkeypatch.setitem(sys.modules, "dask.distributed", module)
    return module


def _ordered_spy(monkeypatch) -> list[int]:
    in_flight: list[int] = []
    real = engines._ordered

    def spy(submit, chunks, settings, in_flight_):
        in_flight.append(in_flight_)
        return real(submit, chunks, settings, in_flight_)

    monkeypatch.setattr(engines, "_ordered", lambda s, c, st, in_flight: spy(s, c, st, in_flight))
    return in_flight


def test_dask_with_a_scheduler_uses_its_workers(fake_dask, monkeypatch):
    in_flight = _ordered_spy(monkeypatch)
    settings = ExtractorSettings(fast=True)
    out = list(run_chunks(iter([["a", "b"], ["c"]]), settings, engine="dask", workers=1, scheduler="tcp://s:8786"))
    assert [[r.document["doc_id"] for r in results] for results in out] == [["a", "b"], ["c"]]
    [client] = FakeClient.instances
    assert client.target == "tcp://s:8786" and not FakeCluster.instances
    assert client.submitted == [(extract_chunk, ["a", "b"], settings, False), (extract_chunk, ["c"], settings, False)]
    assert in_flight == [6] and client.closed


@pytest.mark.parametrize(("workers", "n_workers", "in_flight_"), [(2, 2, 4), (0, 1, 2)])
def test_dask_without_a_scheduler_starts_a_local_cluster(fake_dask, monkeypatch, workers, n_workers, in_flight_):
    in_flight = _ordered_spy(monkeypatch)
    monkeypatch.setattr(FakeClient, "scheduler_info", lambda self: {})
    out = list(run_chunks(iter([["a"]]), ExtractorSettings(), engine="dask", workers=workers))
    assert [r.document["doc_id"] for r in out[0]] == ["a"]
    [cluster] = FakeCluster.instances
    assert cluster.kwargs == {
        "n_workers": n_workers,
        "threads_per_worker": 1,
        "processes": True,
        "host": "127.0.0.1",
        "dashboard_address": ":0",
    }
    [client] = FakeClient.instances
    assert client.target is cluster and client.closed and cluster.closed
    assert in_flight == [in_flight_]


def test_dask_closes_the_cluster_after_a_failure(fake_dask, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("lost")

    monkeypatch.setattr(FakeClient, "submit", fail)
    with pytest.raises(RuntimeError):
        list(run_chunks(iter([["a"]]), ExtractorSettings(), engine="dask", workers=2))
    assert FakeClient.instances[0].closed and FakeCluster.instances[0].closed


def test_dask_missing_is_an_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "dask.distributed", None)
    with pytest.raises(ExtractError) as caught:
        list(run_chunks(iter([["a"]]), ExtractorSettings(), engine="dask"))
    assert str(caught.value) == "the dask engine needs dask.distributed: pip install 'arms-extract[dask]'"


def test_settings_defaults():
    assert ExtractorSettings() == ExtractorSettings(None, False, 32)
    assert engines.ENGINES == ("local", "dask")


class FakePool:
    """`ProcessPoolExecutor` run in this process: records its arguments and the parts submitted."""

    instances: list[FakePool] = []

    def __init__(self, max_workers, mp_context) -> None:
        self.max_workers, self.mp_context = max_workers, mp_context
        self.parts: list[list[str]] = []
        self.open = True
        FakePool.instances.append(self)

    def __enter__(self) -> FakePool:
        return self

    def __exit__(self, *exc) -> None:
        self.open = False

    def submit(self, function, part, settings) -> Future:
        self.parts.append([d.doc_id for d in part])
        return done(function(part, settings))


@pytest.mark.parametrize("start_method", ["fork", "spawn"])
def test_workers_share_each_chunk_through_a_process_pool(fake, monkeypatch, start_method):
    FakePool.instances.clear()
    monkeypatch.setattr(engines, "ProcessPoolExecutor", FakePool)
    context = types.SimpleNamespace(get_start_method=lambda: start_method)
    monkeypatch.setattr(engines.multiprocessing, "get_context", lambda: context)
    in_flight = _ordered_spy(monkeypatch)
    frozen: list[int] = []
    chunks = [[Document(f"d{i}", "s", f"t{i}") for i in range(3)], [Document("d3", "s", "t3")]]
    for _ in run_chunks(iter(chunks), ExtractorSettings(), workers=2):
        frozen.append(gc.get_freeze_count())
        assert FakePool.instances[0].open
    [pool] = FakePool.instances
    assert (pool.max_workers, pool.mp_context) == (2, context)
    assert pool.parts == [["d0", "d1"], ["d2"], ["d3"]]
    assert in_flight == [4]
    # forked workers share the warmed-up, frozen heap; spawned ones build their own (no warm-up here)
    assert (fake.calls[0] == [(engines.WARM_UP_TEXT, None)]) is (start_method == "fork")
    assert all(f > 0 for f in frozen) is (start_method == "fork") and gc.get_freeze_count() == 0


def test_the_real_pipeline_fills_the_header_columns():
    """--fast: the header's title, credit, URL and date reach documents.csv; a table's own win."""
    text = "date 2025-03-02 https://exemple.fr/a\n\nLa Serbie a commandé 12 Rafale à la France."
    titled = "date 2024-06 Le Maroc commande (DR)\n\nLe Maroc a commandé 18 lanceurs."
    documents = [
        Document("u", "u.txt", text),
        Document("t", "t.txt", titled),
        Document("g", "g.csv:1", text, date="2021-03", title="Donné", url="https://donne.fr"),
    ]
    rows = [r.document for r in extract_chunk(documents, ExtractorSettings(fast=True))]
    columns = ("title", "credit", "url", "date", "date_source", "status")
    assert [tuple(row[c] for c in columns) for row in rows] == [
        ("", "", "https://exemple.fr/a", "2025-03-02", "header", "ok"),
        ("Le Maroc commande", "DR", "", "2024-06", "header", "ok"),
        ("Donné", "", "https://donne.fr", "2021-03", "table", "ok"),
    ]
