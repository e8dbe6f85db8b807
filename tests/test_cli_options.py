"""Every option and exit code of the README's "Command line", run from the command line.

`extract run` tests run `main()` in this process (the engine keeps one pipeline per settings) and
read what reached the engine through a spy on `extract.batch.run_chunks`; `eval`, `show` and
`annotate` get the session's pipelines through `cached_extractors` and the test reads back which
options they asked for. Exit codes: 0 all extracted, 1 some documents failed, 2 usage, rules or
resume error, 3 eval below its floor.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import extract.batch
from extract.cli import main
from extract.engines import ExtractorSettings
from tests.conftest import SAMPLES

ARTICLE = "date 2024-06 Himars (DR)\n\nLe Maroc a commandé 18 lanceurs M142 HIMARS pour 524 millions de dollars le 11 avril.\n"
UNDATED = "Le Maroc a commandé 18 lanceurs le 11 avril.\n"


def read(path: Path, sep: str = ",") -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=sep))


@dataclass
class EngineSpy:
    """What `run_batch` handed the engine: settings, engine, workers, chunk sizes, and who extracted."""

    calls: list[dict[str, object]] = field(default_factory=list)
    chunk_sizes: list[int] = field(default_factory=list)
    pids: list[int] = field(default_factory=list)


@pytest.fixture
def engine_spy(monkeypatch) -> EngineSpy:
    spy = EngineSpy()
    real = extract.batch.run_chunks

    def run_chunks(chunks, settings, **kwargs):
        spy.calls.append({"settings": settings, **kwargs})

        def counted():
            for chunk in chunks:
                spy.chunk_sizes.append(len(chunk))
                yield chunk

        for results in real(counted(), settings, **kwargs):
            spy.pids.extend(r.pid for r in results)
            yield results

    monkeypatch.setattr(extract.batch, "run_chunks", run_chunks)
    return spy


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Five documents: `--chunk-size 2` makes chunks of 2, 2 and 1."""
    root = tmp_path_factory.mktemp("corpus")
    for i in range(5):
        (root / f"d{i}.txt").write_text(ARTICLE, encoding="utf-8")
    return root


# --- extract run ---------------------------------------------------------------------------


def test_out_writes_the_four_tables(corpus, tmp_path, engine_spy):
    assert main(["run", str(corpus), "--out", str(tmp_path / "o"), "--fast", "--quiet"]) == 0
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == [
        "deals.csv",
        "deals_consolidated.csv",
        "documents.csv",
        "mentions.csv",
    ]
    assert engine_spy.calls[0]["engine"] == "local" and engine_spy.calls[0]["workers"] == 1


@pytest.mark.parametrize(("flag", "fast"), [([], False), (["--fast"], True)])
def test_fast_chooses_the_blank_tokenizer(corpus, tmp_path, engine_spy, monkeypatch, flag, fast):
    monkeypatch.setattr(extract.batch, "iter_documents", lambda inputs, max_chars: iter([]))  # no document: no load
    assert main(["run", str(corpus), "--out", str(tmp_path), "--quiet", *flag]) == 0
    assert engine_spy.calls[0]["settings"] == ExtractorSettings(fast=fast)


def test_fast_pipeline_has_no_statistical_components(fast_extractor):
    assert not {"tagger", "morphologizer", "parser", "tok2vec"} & set(fast_extractor.nlp.pipe_names)


def test_workers_extract_in_other_processes(corpus, tmp_path, engine_spy):
    assert main(["run", str(corpus), "--out", str(tmp_path), "--fast", "--quiet", "--workers", "2"]) == 0
    assert engine_spy.calls[0]["workers"] == 2
    assert len(engine_spy.pids) == 5 and os.getpid() not in engine_spy.pids
    assert [d["doc_id"] for d in read(tmp_path / "documents.csv")] == [f"d{i}" for i in range(5)]


def test_one_worker_extracts_here(corpus, tmp_path, engine_spy):
    assert main(["run", str(corpus), "--out", str(tmp_path), "--fast", "--quiet"]) == 0
    assert set(engine_spy.pids) == {os.getpid()}


def test_chunk_size_sets_the_work_unit(corpus, tmp_path, engine_spy, monkeypatch):
    checkpoints = []
    real = extract.batch._write_checkpoint

    def write_checkpoint(work, signature, done, offsets, summary):
        checkpoints.append(done)
        real(work, signature, done, offsets, summary)

    monkeypatch.setattr(extract.batch, "_write_checkpoint", write_checkpoint)
    assert main(["run", str(corpus), "--out", str(tmp_path), "--fast", "--quiet", "--chunk-size", "2"]) == 0
    assert engine_spy.chunk_sizes == [2, 2, 1] and checkpoints == [2, 4, 5]


def test_batch_size_reaches_nlp_pipe(corpus, tmp_path, engine_spy, monkeypatch):
    from spacy.language import Language

    sizes = []
    real_pipe = Language.pipe

    def pipe(self, texts, *args, **kwargs):
        sizes.append(kwargs.get("batch_size"))
        return real_pipe(self, texts, *args, **kwargs)

    monkeypatch.setattr(Language, "pipe", pipe)
    assert main(["run", str(corpus), "--out", str(tmp_path), "--fast", "--quiet", "--batch-size", "3"]) == 0
    assert engine_spy.calls[0]["settings"] == ExtractorSettings(fast=True, batch_size=3)
    assert max(sizes) == 3  # batches of at most 3 pieces (5 documents: 3, then 2)


@pytest.mark.parametrize(("extra", "status"), [(0, "ok"), (1, "error")])
def test_max_chars_at_the_limit(tmp_path, extra, status):
    text = "Le Maroc a commandé 18 lanceurs."
    limit = len(text) - extra  # the text is exactly at the limit, or one character over it
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    table = tmp_path / "t.csv"
    table.write_text(f'id,text\nrow,"{text}"\n', encoding="utf-8")
    code = main(
        ["run", str(tmp_path / "a.txt"), str(table), "--out", str(tmp_path / "o"), "--fast", "--quiet"]
        + ["--max-chars", str(limit)]
    )
    documents = read(tmp_path / "o" / "documents.csv")
    assert [d["status"] for d in documents] == [status, status]
    assert code == (0 if status == "ok" else 1)
    if status == "error":
        assert all("E032" in d["error"] and f"limit {limit:,}" in d["error"] for d in documents)
        assert documents[0]["error"].startswith(str(tmp_path / "a.txt")) and "t.csv:1" in documents[1]["error"]


def test_progress_and_summary_without_quiet(corpus, tmp_path, capsys):
    assert main(["run", str(corpus), "--out", str(tmp_path), "--fast"]) == 0
    err = capsys.readouterr().err
    assert re.search(r"documents: 5doc \[[0-9:]+, +([0-9.]+doc/s|[0-9.]+s/doc)\]", err), err  # the bar: done, speed
    assert "5 documents, 0 failed" in err and "deal rows" in err and str(tmp_path / "mentions.csv") in err


def test_quiet_prints_nothing(corpus, tmp_path, capsys):
    assert main(["run", str(corpus), "--out", str(tmp_path), "--fast", "--quiet"]) == 0
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", "")


@pytest.mark.parametrize("sep", ["|", "::", ""])
def test_an_invalid_sep_is_a_usage_error(corpus, tmp_path, capsys, sep):
    assert main(["run", str(corpus), "--out", str(tmp_path), "--fast", "--sep", sep]) == 2
    assert "--sep" in capsys.readouterr().err
    assert not (tmp_path / "mentions.csv").exists()


def test_tab_sep(corpus, tmp_path):
    assert main(["run", str(corpus / "d0.txt"), "--out", str(tmp_path), "--fast", "--quiet", "--sep", "\t"]) == 0
    assert read(tmp_path / "mentions.csv", sep="\t")[0]["doc_id"] == "d0"


@pytest.mark.parametrize(
    "argv",
    [
        ["run", "x.txt"],  # --out is required
        ["run", "x.txt", "--out", "o", "--engine", "spark"],
        ["run", "x.txt", "--out", "o", "--format", "ods"],
        ["run", "x.txt", "--out", "o", "--workers", "two"],
        ["nosuchcommand"],
    ],
)
def test_argument_errors_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2 and "usage:" in capsys.readouterr().err


def test_engine_dask_with_a_scheduler_runs_on_its_workers(corpus, tmp_path, engine_spy, monkeypatch):
    from dask.distributed import Client, LocalCluster

    import extract.engines

    limits = []
    real_ordered = extract.engines._ordered

    def ordered(submit, chunks, settings, in_flight):
        limits.append(in_flight)
        return real_ordered(submit, chunks, settings, in_flight)

    monkeypatch.setattr(extract.engines, "_ordered", ordered)

    with (
        # ':0': any free port for the scheduler's HTTP server (another run may hold 8787)
        LocalCluster(
            n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=":0"
        ) as cluster,
        Client(cluster) as client,
    ):
        worker_pids = set(client.run(os.getpid).values())
        argv = ["run", str(corpus), "--out", str(tmp_path), "--fast", "--quiet", "--engine", "dask"]
        assert main([*argv, "--scheduler", cluster.scheduler_address, "--chunk-size", "2"]) == 0
    assert engine_spy.calls[0]["engine"] == "dask" and engine_spy.calls[0]["scheduler"] == cluster.scheduler_address
    assert len(engine_spy.pids) == 5 and set(engine_spy.pids) <= worker_pids and os.getpid() not in worker_pids
    assert len(read(tmp_path / "documents.csv")) == 5
    assert limits == [2]  # two chunks for its one worker


# --- extract eval --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def two_samples(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("samples")
    for name in ("01_maroc_himars", "05_egypte_rafale"):
        for suffix in (".txt", ".ann", ".deals.csv"):
            shutil.copy(SAMPLES / f"{name}{suffix}", folder)
    return folder


def eval_args(folder: Path, report: Path, *extra: str) -> list[str]:
    return ["eval", str(folder), "--report-dir", str(report), *extra]


def test_eval_report_dir_json_and_no_errors(two_samples, tmp_path, cached_extractors, capsys):
    assert main(eval_args(two_samples, tmp_path / "r", "--json")) == 0
    printed = json.loads(capsys.readouterr().out)
    written = json.loads((tmp_path / "r" / "eval_report.json").read_text(encoding="utf-8"))
    assert printed == written and printed["documents"] == 2 and printed["deals"]["rows"]["tp"] >= 3
    assert (tmp_path / "r" / "eval_report.csv").exists()
    assert main(eval_args(two_samples, tmp_path / "r2", "--no-errors")) == 0
    quiet = capsys.readouterr().out
    assert "F1" in quiet and "false alarm" not in quiet.lower() and "missed" not in quiet.lower()


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        ([], {"fast": False, "model": "fr_core_news_sm", "rules_dir": None}),
        (["--fast"], {"fast": True, "model": "fr_core_news_sm", "rules_dir": None}),
    ],
)
def test_eval_fast_and_model_reach_the_pipeline(two_samples, tmp_path, cached_extractors, flags, expected):
    assert main(eval_args(two_samples, tmp_path, "--no-errors", *flags)) == 0
    assert {k: cached_extractors.calls[0][k] for k in expected} == expected


def test_eval_model_not_installed_is_e041(two_samples, tmp_path, capsys):
    assert main(eval_args(two_samples, tmp_path, "--model", "fr_core_news_nonexistent")) == 2
    err = capsys.readouterr().err
    assert "E041" in err and "fr_core_news_nonexistent" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("floors", "code"),
    [
        (["--min-f1", "0.5"], 0),
        (["--min-f1", "1.01"], 3),
        (["--min-f1", "MONEY=0.5", "--min-f1", "COUNTRY=1.01"], 3),
        (["--min-f1", "DEALS=0.5"], 0),
        (["--min-f1", "DEALS=1.01"], 3),
    ],
)
def test_eval_min_f1_floors(two_samples, tmp_path, cached_extractors, capsys, floors, code):
    assert main(eval_args(two_samples, tmp_path, "--no-errors", *floors)) == code
    assert ("below floor" in capsys.readouterr().err) == (code == 3)


@pytest.mark.parametrize("floor", ["NOLABEL=0.5", "MONEY=abc", "x"])
def test_eval_bad_floor_is_a_usage_error(two_samples, tmp_path, cached_extractors, capsys, floor):
    assert main(eval_args(two_samples, tmp_path, "--no-errors", "--min-f1", floor)) == 2
    assert "--min-f1" in capsys.readouterr().err


def test_eval_missing_samples_folder_is_e020(tmp_path, capsys):
    assert main(["eval", str(tmp_path / "none"), "--report-dir", str(tmp_path / "r")]) == 2
    assert "E020" in capsys.readouterr().err


def test_eval_compare_prints_changes(two_samples, tmp_path, cached_extractors, capsys):
    assert main(eval_args(two_samples, tmp_path / "a", "--no-errors")) == 0
    before = json.loads((tmp_path / "a" / "eval_report.json").read_text(encoding="utf-8"))
    before["by_value"]["MONEY"]["f1"] = 0.5  # pretend MONEY was worse before
    previous = tmp_path / "before.json"
    previous.write_text(json.dumps(before), encoding="utf-8")
    capsys.readouterr()
    assert main(eval_args(two_samples, tmp_path / "b", "--no-errors", "--compare", str(previous))) == 0
    out = capsys.readouterr().out
    assert f"since {previous}" in out and "MONEY" in out and "newly fixed: 0" in out and "newly broken: 0" in out


# --- extract show / annotate ---------------------------------------------------------------


def test_show_date_completes_partial_dates(tmp_path, cached_extractors, capsys):
    article = tmp_path / "a.txt"
    article.write_text(UNDATED, encoding="utf-8")
    assert main(["show", str(article), "--date", "2024-06"]) == 0
    assert "[DATE 2024-04-11]" in " ".join(capsys.readouterr().out.split())
    assert main(["show", str(article)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "2024-04-11" not in out and "[DATE" in out  # no document date: the date stays partial


def test_show_fast_and_rules_reach_the_pipeline(tmp_path, cached_extractors):
    from extract.rules import packaged_rules_dir

    article = tmp_path / "a.txt"
    article.write_text(UNDATED, encoding="utf-8")
    assert main(["show", str(article), "--fast", "--rules", str(packaged_rules_dir())]) == 0
    assert cached_extractors.calls[-1]["fast"] is True and cached_extractors.calls[-1]["rules_dir"] == str(
        packaged_rules_dir()
    )


def test_show_missing_file_is_e025(tmp_path, capsys):
    assert main(["show", str(tmp_path / "none.txt")]) == 2
    assert "E025" in capsys.readouterr().err


def test_annotate_out_force_and_date(tmp_path, cached_extractors, capsys):
    article = tmp_path / "a.txt"
    article.write_text(UNDATED, encoding="utf-8")
    target = tmp_path / "gold" / "a-gold.ann"
    target.parent.mkdir()
    assert main(["annotate", str(article), "--out", str(target), "--date", "2024-06"]) == 0
    assert "[[11 avril|DATE|2024-04-11]]" in target.read_text(encoding="utf-8")
    assert not (tmp_path / "a.ann").exists()  # --out, not next to the text
    target.write_text("corrigé à la main", encoding="utf-8")
    assert main(["annotate", str(article), "--out", str(target)]) == 2
    assert "--force" in capsys.readouterr().err and target.read_text(encoding="utf-8") == "corrigé à la main"
    assert main(["annotate", str(article), "--out", str(target), "--force"]) == 0
    rewritten = target.read_text(encoding="utf-8")
    assert "[[Maroc|COUNTRY|MAR]]" in rewritten and "DATE|2024-04-11" not in rewritten  # no --date this time


# --- rules check ---------------------------------------------------------------------------


def test_rules_check_dir_prints_counts(capsys):
    from extract.rules import packaged_rules_dir

    assert main(["rules", "check", str(packaged_rules_dir())]) == 0
    out = capsys.readouterr().out
    assert "0 problem(s)" in out and "countries (distinct ISO3)" in out


def test_python_m_extract_is_the_same_command():
    result = subprocess.run(
        [sys.executable, "-m", "extract", "rules", "check", "--json"], capture_output=True, text=True
    )
    assert result.returncode == 0 and json.loads(result.stdout)["problems"] == []


def test_eval_deals_floor_counts_a_missed_deal(tmp_path, cached_extractors, capsys):
    folder = tmp_path / "s"
    folder.mkdir()
    for suffix in (".txt", ".ann"):
        shutil.copy(SAMPLES / f"01_maroc_himars{suffix}", folder)
    gold = (SAMPLES / "01_maroc_himars.deals.csv").read_text(encoding="utf-8")
    # a fourth transfer the text never states: a miss
    (folder / "01_maroc_himars.deals.csv").write_text(gold + "FRA,MAR,Rafale,24,,,,ordered,false,2024-06\n", "utf-8")
    assert main(eval_args(folder, tmp_path / "r", "--json", "--min-f1", "DEALS=0.9")) == 3
    captured = capsys.readouterr()
    assert json.loads(captured.out)["deals"]["rows"] | {"f1": 0} == {
        "tp": 3,
        "fp": 0,
        "fn": 1,
        "precision": 1.0,
        "recall": 0.75,
        "f1": 0,
    }
    assert "DEALS F1 0.857 < 0.9" in captured.err
