"""`extract run --resume`: it really resumes, and refuses to resume what it cannot.

The interrupted run is a child process that kills itself with SIGKILL at a known point: right
after the checkpoint of its second chunk, once a few rows of the third chunk are on disk. So the
test knows the checkpoint was reached, that rows past it must be dropped, and how many documents
are left; nothing depends on the machine's speed.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import extract.batch
from extract.cli import main
from tests.conftest import ROOT, SAMPLES

CHUNK = 8
DOCUMENTS = 40
KILLED_AFTER = 2 * CHUNK  # documents done at the last checkpoint before the kill

#: Runs `extract run`, then SIGKILLs itself on the third mention row written after KILL_AT documents.
CHILD = textwrap.dedent(
    """
    import os, signal, sys
    import extract.batch as batch
    from extract.io import outputs

    kill_at = int(sys.argv[1])
    state = {"armed": False, "rows": 0}
    real_checkpoint, real_write = batch._write_checkpoint, outputs.CsvTableWriter.write

    def checkpoint(work, signature, done, offsets, summary):
        real_checkpoint(work, signature, done, offsets, summary)
        state["armed"] = done >= kill_at

    def write(self, row):
        real_write(self, row)
        if state["armed"] and self.path.name == "mentions.csv":
            state["rows"] += 1
            if state["rows"] == 3:
                self.handle.flush()
                os.fsync(self.handle.fileno())
                os.kill(os.getpid(), signal.SIGKILL)

    batch._write_checkpoint, outputs.CsvTableWriter.write = checkpoint, write
    from extract.cli import main
    sys.exit(main(sys.argv[2:]))
    """
)


def tables(out: Path) -> dict[str, str]:
    return {
        name: (out / f"{name}.csv").read_text(encoding="utf-8-sig")
        for name in ("mentions", "documents", "deals", "deals_consolidated")
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    samples = sorted(SAMPLES.glob("*.txt"))
    for i in range(DOCUMENTS):
        source = samples[i % len(samples)]
        (root / f"{i:03d}_{source.name}").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    return root


def run_args(corpus: Path, out: Path, *extra: str) -> list[str]:
    return ["run", str(corpus), "--out", str(out), "--fast", "--chunk-size", str(CHUNK), "--quiet", *extra]


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("reference")
    assert main(run_args(corpus, out)) == 0
    return tables(out)


@pytest.fixture
def extracted(monkeypatch) -> list[str]:
    """doc_ids of the documents this process extracts."""
    done: list[str] = []
    real = extract.batch.run_chunks

    def run_chunks(chunks, settings, **kwargs):
        for results in real(chunks, settings, **kwargs):
            done.extend(r.document["doc_id"] for r in results)
            yield results

    monkeypatch.setattr(extract.batch, "run_chunks", run_chunks)
    return done


def test_resume_after_kill_9_continues_from_the_checkpoint(corpus, reference, tmp_path, extracted, capsys):
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(KILLED_AFTER), *run_args(corpus, tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    work = tmp_path / ".work"
    checkpoint = json.loads((work / "checkpoint.json").read_text(encoding="utf-8"))
    assert checkpoint["done"] == KILLED_AFTER
    # rows of the third chunk reached the disk after the checkpoint: resuming must drop them
    assert (work / "mentions.csv").stat().st_size > checkpoint["offsets"]["mentions"]
    assert not (tmp_path / "mentions.csv").exists(), "an interrupted run must not leave a finished-looking table"

    assert main([a for a in run_args(corpus, tmp_path, "--resume") if a != "--quiet"]) == 0  # the summary says it
    assert f"{DOCUMENTS} documents (resumed after {KILLED_AFTER})" in capsys.readouterr().err
    assert len(extracted) == DOCUMENTS - KILLED_AFTER
    assert extracted[0] == sorted(p.stem for p in corpus.glob("*.txt"))[KILLED_AFTER]
    assert tables(tmp_path) == reference
    assert not work.exists()


@pytest.fixture
def interrupted(corpus, tmp_path, monkeypatch) -> Path:
    """An output folder whose run stopped (Ctrl-C) after its first chunk."""
    real = extract.batch.run_chunks

    def run_chunks(chunks, settings, **kwargs):
        yield next(real(chunks, settings, **kwargs))
        raise KeyboardInterrupt

    monkeypatch.setattr(extract.batch, "run_chunks", run_chunks)
    assert main(run_args(corpus, tmp_path)) == 130
    monkeypatch.undo()
    assert json.loads((tmp_path / ".work" / "checkpoint.json").read_text(encoding="utf-8"))["done"] == CHUNK
    return tmp_path


@pytest.mark.parametrize(
    "changed",
    [
        ["--max-chars", "1000"],
        ["--rules", str(ROOT / "rules")],
        ["--batch-size", "4"],
        ["--format", "jsonl"],
        ["--sep", ";"],
        "not fast",
        "other inputs",
    ],
    ids=["max-chars", "rules", "batch-size", "format", "sep", "fast", "inputs"],
)
def test_resume_refuses_changed_inputs_or_options(corpus, interrupted, capsys, changed):
    argv = run_args(corpus, interrupted, "--resume")
    if changed == "not fast":
        argv.remove("--fast")
    elif changed == "other inputs":
        argv[1] = str(corpus / "000_01_maroc_himars.txt")
    else:
        argv += changed
    assert main(argv) == 2
    assert "E040" in capsys.readouterr().err
    assert json.loads((interrupted / ".work" / "checkpoint.json").read_text(encoding="utf-8"))["done"] == CHUNK


def test_resume_with_the_same_options_skips_what_is_done(corpus, interrupted, reference, extracted):
    assert main(run_args(corpus, interrupted, "--resume")) == 0
    assert len(extracted) == DOCUMENTS - CHUNK
    assert tables(interrupted) == reference


def test_without_resume_an_interrupted_folder_starts_again(corpus, interrupted, reference, extracted):
    assert main(run_args(corpus, interrupted)) == 0
    assert len(extracted) == DOCUMENTS
    assert tables(interrupted) == reference
