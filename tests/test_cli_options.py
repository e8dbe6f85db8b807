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
from extract.errors import Messages
from extract.labels import LABELS
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


@pytest.mark.parametrize(("floor", "code"), [("DEALS=0.9", 3), ("MONEY=0.9", 0)])
def test_eval_deals_floor_counts_a_missed_deal(tmp_path, cached_extractors, capsys, floor, code):
    folder = tmp_path / "s"
    folder.mkdir()
    for suffix in (".txt", ".ann"):
        shutil.copy(SAMPLES / f"01_maroc_himars{suffix}", folder)
    gold = (SAMPLES / "01_maroc_himars.deals.csv").read_text(encoding="utf-8")
    # a fourth transfer the text never states: a miss
    (folder / "01_maroc_himars.deals.csv").write_text(gold + "FRA,MAR,Rafale,24,,,,ordered,false,2024-06\n", "utf-8")
    assert main(eval_args(folder, tmp_path / "r", "--json", "--min-f1", floor)) == code
    captured = capsys.readouterr()
    assert json.loads(captured.out)["deals"]["rows"] | {"f1": 0} == {
        "tp": 3,
        "fp": 0,
        "fn": 1,
        "precision": 1.0,
        "recall": 0.75,
        "f1": 0,
    }
    assert ("DEALS F1 0.857 < 0.9" in captured.err) is (floor == "DEALS=0.9")
    assert ("below floor" in captured.err) is (code == 3)  # MONEY's own F1 (1.0), not the deals'


# --- what each command prints and writes, whatever the locale ---------------------------------


@pytest.fixture(scope="module")
def egypt_sample(tmp_path_factory) -> Path:
    """One sample whose gold forgets the country in 'Les Égyptiens': a false alarm by span (the value
    EGY is in the gold elsewhere, so F1 by value stays 1.0), and no NAME.deals.csv."""
    folder = tmp_path_factory.mktemp("egypt")
    shutil.copy(SAMPLES / "05_egypte_rafale.txt", folder)
    gold = (SAMPLES / "05_egypte_rafale.ann").read_text(encoding="utf-8")
    assert "[[Égyptiens|COUNTRY|EGY]]" in gold
    (folder / "05_egypte_rafale.ann").write_text(gold.replace("[[Égyptiens|COUNTRY|EGY]]", "Égyptiens"), "utf-8")
    return folder


def test_eval_prints_the_errors_and_where_the_report_is(egypt_sample, tmp_path, cached_extractors, capsys):
    assert main(eval_args(egypt_sample, tmp_path / "r")) == 0
    out = capsys.readouterr().out
    assert "[false alarm] 05_egypte_rafale" in out and "'Égyptiens'" in out
    assert out.endswith(f"\nreport: {tmp_path / 'r' / 'eval_report.json'}, {tmp_path / 'r' / 'eval_report.csv'}\n")
    assert main(eval_args(egypt_sample, tmp_path / "r", "--no-errors")) == 0
    assert "Égyptiens" not in capsys.readouterr().out


def test_eval_json_is_indented_and_keeps_accents(egypt_sample, tmp_path, cached_extractors, capsys):
    assert main(eval_args(egypt_sample, tmp_path, "--json")) == 0
    out = capsys.readouterr().out
    assert out.startswith('{\n  "documents": 1,\n  "by_value": {\n    "')
    assert "'Égyptiens'" not in out and '"text": "Égyptiens"' in out and "\\u" not in out


@pytest.mark.parametrize(
    ("floors", "code", "message"),
    [
        (["--min-f1", "1"], 0, ""),  # F1 by value is 1.0: at the floor is not below it
        (["--min-f1", "COUNTRY=1"], 0, ""),
        (["--min-f1", "1.5"], 3, "extract eval: below floor: overall F1 1.000 < 1.5\n"),
        (["--min-f1", "COUNTRY=1.5"], 3, "extract eval: below floor: COUNTRY F1 1.000 < 1.5\n"),
    ],
)
def test_eval_floor_equal_to_the_score_passes(egypt_sample, tmp_path, cached_extractors, capsys, floors, code, message):
    assert main(eval_args(egypt_sample, tmp_path, "--no-errors", *floors)) == code
    assert capsys.readouterr().err == message


@pytest.mark.parametrize(("floor", "code"), [("DEALS=0.5", 2), ("MONEY=0.5", 0)])
def test_eval_deals_floor_needs_deal_gold(egypt_sample, tmp_path, cached_extractors, capsys, floor, code):
    assert main(eval_args(egypt_sample, tmp_path, "--no-errors", "--min-f1", floor)) == code
    err = capsys.readouterr().err
    assert err == (
        "" if code == 0 else f"extract: error: {egypt_sample}: --min-f1 DEALS needs samples with a NAME.deals.csv\n"
    )


@pytest.fixture(scope="module")
def egypt_without_italy(tmp_path_factory) -> Path:
    """The Egypt sample whose gold forgets Italy (twice): ITA is a false alarm by value, so the
    COUNTRY F1 by value is below 1 (EGY and FRA found, ITA a false alarm: P 2/3, R 1, F1 0.8)."""
    folder = tmp_path_factory.mktemp("egypt-italy")
    shutil.copy(SAMPLES / "05_egypte_rafale.txt", folder)
    gold = (SAMPLES / "05_egypte_rafale.ann").read_text(encoding="utf-8")
    for mention in ("[[Italie|COUNTRY|ITA]]", "[[italienne|COUNTRY|ITA]]"):
        assert mention in gold
        gold = gold.replace(mention, mention[2:].split("|")[0])
    (folder / "05_egypte_rafale.ann").write_text(gold, "utf-8")
    return folder


@pytest.mark.parametrize(
    ("floor", "code", "message"),
    [
        ("COUNTRY=0.75", 0, ""),
        ("COUNTRY=0.85", 3, "extract eval: below floor: COUNTRY F1 0.800 < 0.85\n"),
        ("REGION=0.5", 0, ""),  # no REGION in the gold nor found: nothing to miss
    ],
)
def test_eval_label_floor_reads_that_label(
    egypt_without_italy, tmp_path, cached_extractors, capsys, floor, code, message
):
    assert main(eval_args(egypt_without_italy, tmp_path, "--no-errors", "--min-f1", floor)) == code
    assert capsys.readouterr().err == message


def test_eval_compare_lists_deltas_and_errors(egypt_sample, tmp_path, cached_extractors, capsys, ascii_locale):
    """Deltas per label both ways (a way a report lacks counts 0), then the errors fixed and broken
    since; the previous report is read as UTF-8 whatever the locale."""
    assert main(eval_args(egypt_sample, tmp_path / "a", "--no-errors")) == 0
    before = json.loads((tmp_path / "a" / "eval_report.json").read_text(encoding="utf-8"))
    assert before["by_value"]["MONEY"]["f1"] == before["by_span"]["MONEY"]["f1"] == 1.0
    before["by_value"]["MONEY"]["f1"] = 0.75
    before["by_span"]["MONEY"]["f1"] = 0.5
    before["by_value"]["ONLYVALUE"] = {"f1": 0.25}  # a label one way only
    before["by_span"]["ONLYSPAN"] = {"f1": 0.125}
    [broken] = before["errors"]  # the false alarm on 'Égyptiens': new, as far as `before` knows
    fixed = {"kind": "fn", "doc_id": "05_egypte_rafale", "label": "MONEY", "text": "près de 3 milliards d'euros"}
    fixed |= {"expected": "3000000000|EUR", "found": "", "key": "fn|05_egypte_rafale|MONEY|1|x|y|"}
    before["errors"] = [fixed]
    previous = tmp_path / "précédent.json"
    previous.write_text(json.dumps(before, ensure_ascii=False), encoding="utf-8")
    assert "près" in previous.read_text(encoding="utf-8")  # not ASCII: the locale's codec could not read it
    capsys.readouterr()
    assert main(eval_args(egypt_sample, tmp_path / "b", "--no-errors", "--compare", str(previous))) == 0
    out = capsys.readouterr().out
    since = out[out.index(f"\nsince {previous}:\n") :].splitlines()[2:]
    assert since == [
        "  MONEY      F1 value +0.2500  span +0.5000",
        "  ONLYVALUE  F1 value -0.2500  span +0.0000",
        "  ONLYSPAN   F1 value +0.0000  span -0.1250",  # labels by value first, then those by span only
        "  newly fixed: 1",
        "    fn 05_egypte_rafale MONEY 'près de 3 milliards d'euros' expected 3000000000|EUR found -",
        "  newly broken: 1",
        f"    fp 05_egypte_rafale COUNTRY 'Égyptiens' expected - found {broken['found']}",
    ]
    assert broken["found"] == "EGY"


def test_eval_rules_and_model_reach_the_pipeline(two_samples, tmp_path, cached_extractors, capsys):
    """--rules and --model as given (a model that is not installed: E041)."""
    from extract.rules import packaged_rules_dir

    rules = str(packaged_rules_dir())
    assert main(eval_args(two_samples, tmp_path, "--no-errors", "--rules", rules)) == 0
    assert cached_extractors.calls[-1]["rules_dir"] == rules
    assert main(eval_args(two_samples, tmp_path, "--model", "fr_core_news_nonexistent", "--rules", rules)) == 2
    assert cached_extractors.calls[-1] == {
        "rules_dir": rules,
        "fast": False,
        "model": "fr_core_news_nonexistent",
        "batch_size": 32,
    }
    assert "extract: error: fr_core_news_nonexistent: E041" in capsys.readouterr().err


# --- extract eval --gold: document-level gold ----------------------------------------------

HIMARS = "Le Maroc a commandé 18 lanceurs HIMARS aux États-Unis.\n"
#: what HIMARS states, and an ORG it does not name (a miss, outside the micro F1)
HIMARS_GOLD = {
    "id": "m1",
    "COUNTRY": ["MAR", "USA"],
    "WEAPON": [["M142 HIMARS", "HIMARS"]],
    "COUNT": [[18, "M142 HIMARS"]],
    "ORG": ["Ministère des Armées"],
    "deals": [{"supplier": "USA", "recipient": "MAR", "system": ["M142 HIMARS", "HIMARS"], "quantity": 18}],
}


def document_gold(tmp_path: Path, without_text: int = 0) -> tuple[Path, Path]:
    """gold.jsonl (HIMARS_GOLD, then `without_text` articles with no text) and the texts folder."""
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "m1.txt").write_text(HIMARS, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    lines = [HIMARS_GOLD] + [{"id": f"x{i}"} for i in range(without_text)]
    gold.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    return gold, texts


def gold_args(gold: Path, texts: Path, report: Path, *extra: str) -> list[str]:
    return ["eval", "--gold", str(gold), "--texts", str(texts), "--report-dir", str(report), "--fast", *extra]


def test_eval_gold_writes_and_prints_the_report(tmp_path, cached_extractors, capsys, ascii_locale):
    """The report in REPORT_DIR/documents_report.json (folders made as needed, UTF-8 whatever the
    locale), printed as the same JSON with --json; the scores show the --fast pipeline's output."""
    gold, texts = document_gold(tmp_path)
    report_dir = tmp_path / "deep" / "r"
    assert main(gold_args(gold, texts, report_dir, "--json")) == 0
    captured = capsys.readouterr()
    written = (report_dir / "documents_report.json").read_text(encoding="utf-8")
    assert captured.out == written + "\n" and captured.err == ""
    assert written.startswith('{\n  "documents": 1,\n  "labels": {\n    "COUNTRY": {\n      "tp": 2,')
    assert '"expected": "Ministère des Armées"' in written and "\\u" not in written
    report = json.loads(written)
    assert (report["micro"]["f1"], report["labels"]["ORG"]["fn"], report["deals"]["tp"]) == (1.0, 1, 1)
    assert cached_extractors.calls[-1]["fast"] is True
    assert main(gold_args(gold, texts, report_dir, "--json")) == 0  # the folder exists already: fine


def test_eval_gold_prints_the_table_with_or_without_errors(tmp_path, cached_extractors, capsys):
    gold, texts = document_gold(tmp_path)
    assert main(gold_args(gold, texts, tmp_path / "r")) == 0
    out = capsys.readouterr().out
    assert out.startswith("label       tp    fp    fn      P      R     F1\n")
    assert "\n== ORG\n  [fn] m1 Ministère des Armées\n" in out
    assert out.endswith(f"\nreport: {tmp_path / 'r' / 'documents_report.json'}\n")
    assert main(gold_args(gold, texts, tmp_path / "r", "--no-errors")) == 0
    out = capsys.readouterr().out
    assert "== ORG" not in out and "micro        4     0     0" in out


@pytest.mark.parametrize(
    ("without_text", "listed"),
    [
        (0, None),
        (1, "1 gold article(s) have no text in {texts} (x0); not scored"),
        (5, "5 gold article(s) have no text in {texts} (x0, x1, x2, x3, x4); not scored"),
        (6, "6 gold article(s) have no text in {texts} (x0, x1, x2, x3, x4 ...); not scored"),
    ],
)
def test_eval_gold_names_the_articles_without_a_text(tmp_path, cached_extractors, capsys, without_text, listed):
    gold, texts = document_gold(tmp_path, without_text)
    assert main(gold_args(gold, texts, tmp_path / "r", "--no-errors")) == 0
    err = capsys.readouterr().err
    assert err == ("" if listed is None else f"extract eval: {listed.format(texts=texts)}\n")


@pytest.mark.parametrize(
    ("floors", "code", "message"),
    [
        (["1"], 0, ""),  # micro F1 1.0: at the floor is not below it
        (["1.5"], 3, "micro F1 1.000 < 1.5"),
        (["COUNTRY=1", "DEALS=1"], 0, ""),
        (["COUNTRY=1.5"], 3, "COUNTRY F1 1.000 < 1.5"),
        (["DEALS=1.5"], 3, "DEALS F1 1.000 < 1.5"),
        (["ORG=0.5"], 3, "ORG F1 0.000 < 0.5"),
        (["0.5", "ORG=0.5", "COUNT=2"], 3, "ORG F1 0.000 < 0.5\nextract eval: below floor: COUNT F1 1.000 < 2.0"),
        (["REGION=1.5"], 0, ""),  # the document gold does not score REGION: no floor to check
    ],
)
def test_eval_gold_floors(tmp_path, cached_extractors, capsys, floors, code, message):
    gold, texts = document_gold(tmp_path)
    argv = gold_args(gold, texts, tmp_path / "r", "--no-errors")
    assert main(argv + [arg for floor in floors for arg in ("--min-f1", floor)]) == code
    err = capsys.readouterr().err
    assert err == (f"extract eval: below floor: {message}\n" if message else "")


@pytest.mark.parametrize("case", ["no --texts", "--texts not a folder", "no text at all", "bad floor"])
def test_eval_gold_usage_errors(tmp_path, cached_extractors, capsys, case):
    gold, texts = document_gold(tmp_path)
    argv = {
        "no --texts": ["eval", "--gold", str(gold), "--fast"],
        "--texts not a folder": ["eval", "--gold", str(gold), "--texts", str(texts / "m1.txt"), "--fast"],
        "no text at all": gold_args(gold, tmp_path, tmp_path / "r"),
        "bad floor": gold_args(gold, texts, tmp_path / "r", "--min-f1", "NOLABEL=1"),
    }[case]
    assert main(argv) == 2
    expected = {
        "no --texts": f"--texts: {Messages.E038}",
        "--texts not a folder": f"{texts / 'm1.txt'}: {Messages.E038}",
        "no text at all": f"{tmp_path}: {Messages.E037}",
        "bad floor": f"--min-f1: unknown label 'NOLABEL' (use {', '.join(LABELS)} or DEALS)",
    }[case]
    assert capsys.readouterr().err.endswith(f"extract: error: {expected}\n")
    assert not (tmp_path / "r").exists()


# --- extract show --html / --gold, extract annotate without --out ---------------------------

#: invisible characters before the country: the Docs read the clean text, offsets are the original's
HIDDEN = "Le" + "\u200b" * 20 + " Maroc a commandé 18 lanceurs."


def test_show_html_marks_the_mentions_of_the_clean_text(tmp_path, cached_extractors, capsys):
    from tests.test_show import labels_in

    article = tmp_path / "hidden.txt"
    article.write_text(HIDDEN, encoding="utf-8")
    page = tmp_path / "page.html"
    assert main(["show", str(article), "--html", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    assert sorted(labels_in(html)) == ["COUNT 18 lanceur", "COUNTRY MAR"]  # no gold: no verdicts
    assert "<title>hidden.txt</title>" in html
    assert capsys.readouterr() == ("", f"wrote {page}\n")


def test_show_html_of_an_empty_article(tmp_path, cached_extractors, capsys):
    article = tmp_path / "empty.txt"
    article.write_text("", encoding="utf-8")
    page = tmp_path / "page.html"
    assert main(["show", str(article), "--html", str(page)]) == 0
    assert "<title>empty.txt</title>" in page.read_text(encoding="utf-8") and not labels_in_page(page)


def labels_in_page(page: Path) -> list[str]:
    from tests.test_show import labels_in

    return labels_in(page.read_text(encoding="utf-8"))


def test_show_gold_in_utf8_whatever_the_locale(tmp_path, cached_extractors, capsys, ascii_locale):
    from tests.test_show import labels_in

    article = tmp_path / "a.txt"
    article.write_text(HIDDEN, encoding="utf-8")
    gold = tmp_path / "a.ann"
    gold.write_text(HIDDEN.replace("Maroc", "[[Maroc|COUNTRY|MAR]]"), encoding="utf-8")
    page = tmp_path / "page.html"
    assert main(["show", str(article), "--gold", str(gold), "--html", str(page)]) == 0
    assert sorted(labels_in(page.read_text(encoding="utf-8"))) == [
        "false alarm: COUNT 18 lanceur",
        "match: COUNTRY MAR",
    ]


@pytest.mark.parametrize(
    ("markup", "message"),
    [
        (HIDDEN.replace("Maroc", "[[Maroc|COUNTRY|MAR]]").replace("Le", "La"), "{gold}: E031 text differs from {text}"),
        (HIDDEN.replace("Maroc", "[[Maroc]]"), "{gold}:1: E030"),
    ],
    ids=["other text", "bad markup"],
)
def test_show_gold_errors_name_the_files(tmp_path, cached_extractors, capsys, markup, message):
    article = tmp_path / "a.txt"
    article.write_text(HIDDEN, encoding="utf-8")
    gold = tmp_path / "a.ann"
    gold.write_text(markup, encoding="utf-8")
    assert main(["show", str(article), "--gold", str(gold), "--html", str(tmp_path / "p.html")]) == 2
    assert capsys.readouterr().err.startswith(f"extract: error: {message.format(gold=gold, text=article)}")
    assert not (tmp_path / "p.html").exists()


def test_annotate_next_to_the_text_in_utf8(tmp_path, cached_extractors, capsys, ascii_locale):
    """Without --out the gold goes next to the text (NAME.ann), as UTF-8 whatever the locale; the
    headline is article text, its date prefix is not."""
    from extract.rules import packaged_rules_dir

    article = tmp_path / "a.txt"
    article.write_text("date 2024-06 Le Maroc commande\n\nLe Maroc a commandé 18 lanceurs.", encoding="utf-8")
    rules = str(packaged_rules_dir())
    assert main(["annotate", str(article), "--fast", "--rules", rules]) == 0
    assert cached_extractors.calls[-1] | {"model": None} == {
        "rules_dir": rules,
        "fast": True,
        "model": None,
        "batch_size": 32,
    }
    target = tmp_path / "a.ann"
    assert target.read_text(encoding="utf-8") == (
        "date 2024-06 Le [[Maroc|COUNTRY|MAR]] commande\n\n"
        "Le [[Maroc|COUNTRY|MAR]] a commandé [[18 lanceurs|COUNT|18|lanceur]]."
    )
    assert capsys.readouterr().err == f"wrote {target}: 3 mentions to check; then `extract eval`\n"
