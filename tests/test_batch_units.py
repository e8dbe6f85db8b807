"""extract.batch function by function, with a stand-in engine (no model): the resume signature,
the checkpoint, chunking, the summary, the progress bar, the folder errors and what each run
passes to the engine and to the table writers."""

from __future__ import annotations

import csv
import errno
import json
import sys
from pathlib import Path

import pytest
import tqdm

import extract.batch as batch
from extract.batch import BatchSummary, RunOptions, run_batch
from extract.engines import DocumentResult, ExtractorSettings, _document_row
from extract.errors import ExtractError
from extract.io.tables import DEALS

#: no tqdm monitor thread: mutmut forks a child per mutant, and a child forked while that thread
#: held tqdm's lock waited for it forever
tqdm.tqdm.monitor_interval = 0

DEAL = {"supplier": "USA", "recipient": "MAR", "system": "HIMARS", "quantity": 18, "status": "ordered"}


class FakeEngine:
    """`run_chunks` without a model: one COUNTRY mention per document, a deal for texts with 'deal',
    an error row for texts starting with 'bad'. Records the chunks and the keyword arguments."""

    def __init__(self, stop_after: int | None = None) -> None:
        self.chunks: list[list[str]] = []
        self.kwargs: list[dict] = []
        self.stop_after = stop_after

    def __call__(self, chunks, settings, **kwargs):
        self.kwargs.append({"settings": settings, **kwargs})
        for number, chunk in enumerate(chunks, start=1):
            self.chunks.append([d.doc_id for d in chunk])
            results = []
            for document in chunk:
                result = DocumentResult(_document_row(document))
                if document.text.startswith("bad"):
                    result.document.update(status="error", error="broken")
                else:
                    result.mentions = [
                        {"doc_id": document.doc_id, "label": "COUNTRY", "text": document.text[:5], "start": 0, "end": 5}
                    ]
                    if "deal" in document.text:
                        result.deals = [{"doc_id": document.doc_id, **DEAL}]
                results.append(result)
            yield results
            if self.stop_after is not None and number >= self.stop_after:
                raise KeyboardInterrupt


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    texts = ["Maroc deal", "Alger", "bad one", "Kiev deal", "Paris", "Lima", "Oslo deal"]
    for i, text in enumerate(texts):
        (folder / f"{i}.txt").write_text(text, encoding="utf-8")
    return folder


def engine(monkeypatch, stop_after: int | None = None) -> FakeEngine:
    fake = FakeEngine(stop_after)
    monkeypatch.setattr(batch, "run_chunks", fake)
    return fake


def read(path: Path, sep: str = ",") -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=sep))


def test_signature_holds_what_must_not_change(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    options = RunOptions(ExtractorSettings("r", fast=True, batch_size=8), fmt="jsonl", sep=";", max_chars=99)
    assert batch._signature(["a.txt", "-"], options) == {
        "inputs": [str(tmp_path / "a.txt"), "-"],
        "settings": {"rules_dir": "r", "fast": True, "batch_size": 8},
        "fmt": "jsonl",
        "sep": ";",
        "max_chars": 99,
    }


def test_checkpoint_round_trip(tmp_path):
    summary = BatchSummary(failed=1, mentions=5, deals=2)
    batch._write_checkpoint(tmp_path, {"s": 1}, 7, {"mentions": 10}, summary)
    assert [p.name for p in tmp_path.iterdir()] == ["checkpoint.json"]
    data = json.loads((tmp_path / "checkpoint.json").read_text(encoding="utf-8"))
    assert data == {
        "signature": {"s": 1},
        "done": 7,
        "offsets": {"mentions": 10},
        "failed": 1,
        "mentions": 5,
        "deals": 2,
    }
    assert batch._read_checkpoint(tmp_path, {"s": 1}) == data
    with pytest.raises(ExtractError) as caught:
        batch._read_checkpoint(tmp_path, {"s": 2})
    assert str(caught.value) == f"{tmp_path / 'checkpoint.json'}: E040 cannot resume: " + (
        "inputs or options differ from the interrupted run (start again without --resume)"
    )
    assert batch._read_checkpoint(tmp_path / "none", {"s": 1}) is None


@pytest.mark.parametrize(("count", "size", "sizes"), [(5, 2, [2, 2, 1]), (4, 2, [2, 2]), (0, 3, []), (3, 5, [3])])
def test_chunks(count, size, sizes):
    chunks = list(batch._chunks(iter(range(count)), size))
    assert [len(c) for c in chunks] == sizes
    assert [x for c in chunks for x in c] == list(range(count))


def test_progress_bar_only_when_asked():
    assert batch._progress(False, 3) is None
    bar = batch._progress(True, 3)
    try:
        assert (bar.n, bar.desc, bar.unit, bar.fp) == (3, "documents", "doc", sys.stderr)
        assert callable(bar.dynamic_ncols) and bar.smoothing == 0.1  # follows the terminal width; a steady rate
    finally:
        bar.close()


def test_folder_errors():
    assert batch.FOLDER_ERRORS == {
        errno.EACCES,
        errno.EPERM,
        errno.ENOSPC,
        errno.EDQUOT,
        errno.EROFS,
        errno.ENOTDIR,
        errno.EEXIST,
        errno.EISDIR,
        errno.EIO,
        errno.ENOENT,
        errno.ENAMETOOLONG,
    }


def test_a_run_writes_the_tables_and_counts(corpus, tmp_path, monkeypatch):
    fake = engine(monkeypatch)
    out = tmp_path / "out"
    settings = ExtractorSettings(fast=True)
    options = RunOptions(settings, engine="dask", workers=3, scheduler="tcp://x:1", chunk_size=3)
    summary = run_batch([str(corpus)], out, options)
    assert fake.chunks == [["0", "1", "2"], ["3", "4", "5"], ["6"]]
    assert fake.kwargs == [{"settings": settings, "engine": "dask", "workers": 3, "scheduler": "tcp://x:1"}]
    assert (summary.documents, summary.failed, summary.mentions, summary.deals, summary.resumed_from) == (7, 1, 6, 3, 0)
    assert summary.transfers == 1 and summary.out_dir == out
    assert summary.files == [out / f"{name}.csv" for name in ("mentions", "documents", "deals", "deals_consolidated")]
    assert [d["doc_id"] for d in read(out / "documents.csv")] == [str(i) for i in range(7)]
    assert [d["status"] for d in read(out / "documents.csv")][2] == "error"
    assert [m["doc_id"] for m in read(out / "mentions.csv")] == ["0", "1", "3", "4", "5", "6"]
    assert [d["doc_id"] for d in read(out / "deals.csv")] == ["0", "3", "6"]
    [transfer] = read(out / "deals_consolidated.csv")
    assert (transfer["supplier"], transfer["recipient"], transfer["system"]) == ("USA", "MAR", "HIMARS")
    assert not (out / ".work").exists()


def test_a_checkpoint_after_every_chunk(corpus, tmp_path, monkeypatch):
    engine(monkeypatch)
    seen: list[tuple[int, int, int]] = []
    real = batch._write_checkpoint

    def spy(work, signature, done, offsets, summary):
        assert set(offsets) == {"mentions", "documents", "deals"}
        assert offsets["mentions"] == (work / "mentions.csv").stat().st_size
        seen.append((done, summary.documents, summary.mentions))
        real(work, signature, done, offsets, summary)

    monkeypatch.setattr(batch, "_write_checkpoint", spy)
    run_batch([str(corpus)], tmp_path / "out", RunOptions(chunk_size=2))
    assert seen == [(2, 2, 2), (4, 4, 3), (6, 6, 5), (7, 7, 6)]


def test_sep_and_decimal_reach_the_tables(corpus, tmp_path, monkeypatch):
    engine(monkeypatch)
    calls = []
    real = batch.finalize_tables

    def spy(paths, out_dir, **kwargs):
        calls.append((sorted(paths), kwargs))
        return real(paths, out_dir, **kwargs)

    monkeypatch.setattr(batch, "finalize_tables", spy)
    out = tmp_path / "out"
    run_batch([str(corpus)], out, RunOptions(sep=";", decimal=","))
    assert calls == [
        (["deals", "deals_consolidated", "documents", "mentions"], {"fmt": "csv", "sep": ";", "decimal": ","})
    ]
    for name in ("mentions", "documents", "deals", "deals_consolidated"):
        assert (
            (out / f"{name}.csv")
            .read_text(encoding="utf-8-sig")
            .startswith("doc_id;" if name != "deals_consolidated" else "")
        )
    assert read(out / "deals_consolidated.csv", sep=";")[0]["recipient"] == "MAR"


def test_progress_bar_counts_the_documents(corpus, tmp_path, monkeypatch):
    engine(monkeypatch)
    events: list[object] = []

    class Bar:
        def update(self, n):
            events.append(n)

        def close(self):
            events.append("closed")

    monkeypatch.setattr(batch, "_progress", lambda enabled, initial: events.append((enabled, initial)) or Bar())
    run_batch([str(corpus)], tmp_path / "out", RunOptions(chunk_size=4, progress=True))
    assert events == [(True, 0), 4, 3, "closed"]


def test_max_chars_reaches_the_inputs(corpus, tmp_path, monkeypatch):
    engine(monkeypatch)
    run_batch([str(corpus)], tmp_path / "out", RunOptions(max_chars=6))
    statuses = {d["doc_id"]: d["error"][-40:] for d in read(tmp_path / "out" / "documents.csv")}
    assert "limit 6, see --max-chars" in statuses["0"] and statuses["1"] == ""


def test_interrupted_then_resumed_gives_the_uninterrupted_tables(corpus, tmp_path, monkeypatch):
    engine(monkeypatch)
    reference = tmp_path / "ref"
    run_batch([str(corpus)], reference, RunOptions(chunk_size=2))
    out = tmp_path / "out"
    engine(monkeypatch, stop_after=2)
    with pytest.raises(KeyboardInterrupt):
        run_batch([str(corpus)], out, RunOptions(chunk_size=2))
    checkpoint = json.loads((out / ".work" / "checkpoint.json").read_text(encoding="utf-8"))
    assert (checkpoint["done"], checkpoint["failed"], checkpoint["mentions"], checkpoint["deals"]) == (4, 1, 3, 2)
    # rows written after the checkpoint (a crash mid-chunk) are dropped on resume
    with (out / ".work" / "mentions.csv").open("a", encoding="utf-8") as handle:
        handle.write("half,written,row\n")
    fake = engine(monkeypatch)
    summary = run_batch([str(corpus)], out, RunOptions(chunk_size=2, resume=True))
    assert fake.chunks == [["4", "5"], ["6"]]
    assert (summary.documents, summary.resumed_from, summary.failed, summary.mentions, summary.deals) == (7, 4, 1, 6, 3)
    assert summary.transfers == 1
    for name in ("mentions", "documents", "deals", "deals_consolidated"):
        assert (out / f"{name}.csv").read_bytes() == (reference / f"{name}.csv").read_bytes(), name


def test_deals_read_back_on_resume_keep_their_doc_ids_as_written(tmp_path, monkeypatch):
    """A table id holding a line break (CR LF) is read back from the work file unchanged."""
    table = tmp_path / "rows.jsonl"
    ids = ["a\r\nb", "c", "d\re"]
    table.write_text("".join(json.dumps({"id": i, "text": "Maroc deal"}) + "\n" for i in ids), encoding="utf-8")
    engine(monkeypatch)
    run_batch([str(table)], tmp_path / "ref", RunOptions(chunk_size=1))
    engine(monkeypatch, stop_after=2)
    with pytest.raises(KeyboardInterrupt):
        run_batch([str(table)], tmp_path / "out", RunOptions(chunk_size=1))
    engine(monkeypatch)
    run_batch([str(table)], tmp_path / "out", RunOptions(chunk_size=1, resume=True))
    [transfer] = read(tmp_path / "out" / "deals_consolidated.csv")
    assert transfer["doc_ids"].split(";") == ids
    reference = (tmp_path / "ref" / "deals_consolidated.csv").read_bytes()
    assert (tmp_path / "out" / "deals_consolidated.csv").read_bytes() == reference


def test_without_resume_the_work_files_are_cleared(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    engine(monkeypatch, stop_after=1)
    with pytest.raises(KeyboardInterrupt):
        run_batch([str(corpus)], out, RunOptions(chunk_size=2))
    (out / ".work" / "stale").mkdir()
    (out / ".work" / "stale.txt").write_text("x", encoding="utf-8")
    fake = engine(monkeypatch)
    summary = run_batch([str(corpus)], out, RunOptions(chunk_size=2))
    assert fake.chunks[0] == ["0", "1"] and summary.resumed_from == 0 and summary.documents == 7
    assert len(read(out / "documents.csv")) == 7
    assert not (out / ".work").exists()


def test_resume_without_checkpoint_starts_from_the_beginning(corpus, tmp_path, monkeypatch):
    fake = engine(monkeypatch)
    summary = run_batch([str(corpus)], tmp_path / "out", RunOptions(resume=True))
    assert fake.chunks == [[str(i) for i in range(7)]] and summary.resumed_from == 0


def test_resume_with_other_options_is_refused(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    engine(monkeypatch, stop_after=1)
    with pytest.raises(KeyboardInterrupt):
        run_batch([str(corpus)], out, RunOptions(chunk_size=2))
    engine(monkeypatch)
    with pytest.raises(ExtractError, match="E040"):
        run_batch([str(corpus)], out, RunOptions(chunk_size=2, resume=True, max_chars=10))
    assert json.loads((out / ".work" / "checkpoint.json").read_text(encoding="utf-8"))["done"] == 2


def test_clear_work_keeps_the_lock(tmp_path):
    (tmp_path / batch.LOCK_FILE).write_text("1", encoding="utf-8")
    (tmp_path / "a.csv").write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b").write_text("x", encoding="utf-8")
    batch._clear_work(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == [batch.LOCK_FILE]


def test_written_deals_are_read_back_typed(tmp_path):
    path = tmp_path / "deals.csv"
    path.write_text(
        "\ufeff" + ";".join(DEALS.names) + "\n" + ";".join("d1" if n == "doc_id" else "" for n in DEALS.names) + "\n",
        encoding="utf-8",
    )
    [row] = batch._written_deals(path, ";")
    assert row["doc_id"] == "d1"
    assert row == DEALS.parse({n: ("d1" if n == "doc_id" else "") for n in DEALS.names})


@pytest.mark.parametrize(
    ("fmt", "error"),
    [("ods", "unknown format 'ods' (use csv, jsonl, parquet, xlsx)")],
)
def test_unknown_format(tmp_path, fmt, error):
    with pytest.raises(ExtractError) as caught:
        run_batch([], tmp_path, RunOptions(fmt=fmt))
    assert str(caught.value) == error


def test_out_naming_a_file_is_e043(tmp_path):
    target = tmp_path / "file"
    target.write_text("x", encoding="utf-8")
    with pytest.raises(ExtractError) as caught:
        run_batch([], target)
    assert str(caught.value) == f"{target}: E043 --out names a file, not a folder"


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (
            OSError(errno.ENOSPC, "No space left on device", "/x/f.csv"),
            "/x/f.csv: E044 cannot write the output folder: No space left on device",
        ),
        (OSError(errno.EACCES, "Permission denied"), "{out}: E044 cannot write the output folder: Permission denied"),
        (OSError(errno.EROFS, None), "{out}: E044 cannot write the output folder: [Errno 30] None"),
    ],
    ids=["filename", "no-filename", "no-strerror"],
)
def test_folder_problems_are_e044(tmp_path, monkeypatch, error, message):
    def fail(*args):
        raise error

    monkeypatch.setattr(batch, "_locked_run", fail)
    with pytest.raises(ExtractError) as caught:
        run_batch([], tmp_path / "out")
    assert str(caught.value) == message.format(out=tmp_path / "out")


def test_other_os_errors_pass_through(tmp_path, monkeypatch):
    def fail(*args):
        raise OSError(errno.EBADF, "Bad file descriptor")

    monkeypatch.setattr(batch, "_locked_run", fail)
    with pytest.raises(OSError) as caught:
        run_batch([], tmp_path / "out")
    assert not isinstance(caught.value, ExtractError) and caught.value.errno == errno.EBADF


def test_the_work_folder_stays_when_another_run_left_files(corpus, tmp_path, monkeypatch):
    engine(monkeypatch)
    real = batch._locked_run

    def run_then_other(inputs, out_dir, work, options):
        summary = real(inputs, out_dir, work, options)
        (work / "other.csv").write_text("x", encoding="utf-8")
        return summary

    monkeypatch.setattr(batch, "_locked_run", run_then_other)
    run_batch([str(corpus)], tmp_path / "out")
    assert [p.name for p in (tmp_path / "out" / ".work").iterdir()] == ["other.csv"]


def test_run_options_defaults():
    options = RunOptions()
    expected = {"engine": "local", "workers": 1, "scheduler": None, "chunk_size": 64, "resume": False, "fmt": "csv"}
    expected |= {"sep": ",", "decimal": ".", "progress": False, "max_chars": 5_000_000, "settings": ExtractorSettings()}
    assert {key: getattr(options, key) for key in expected} == expected


def test_write_consolidated_counts_every_transfer(tmp_path):
    """One row per transfer key, and the count returned is the rows written."""
    from extract.deal_store import DealStore

    store = DealStore()
    store.extend(
        [
            {"doc_id": "a", **DEAL},
            {"doc_id": "b", **DEAL},  # the same transfer again: merged
            {"doc_id": "c", **DEAL, "recipient": "POL"},
            {"doc_id": "d", **DEAL, "system": "ATACMS"},
        ]
    )
    target = tmp_path / "deals_consolidated.csv"
    assert batch._write_consolidated(store, target, ";") == 3
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert sorted((r["recipient"], r["system"], r["sources"]) for r in rows) == [
        ("MAR", "ATACMS", "1"),
        ("MAR", "HIMARS", "2"),
        ("POL", "HIMARS", "1"),
    ]
