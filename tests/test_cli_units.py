"""extract.cli in-process without extraction: every option's default and what `run` passes to
`run_batch`, the floors of `eval --min-f1`, the exit codes of `main`, and each option's help."""

from __future__ import annotations

import argparse
import io
import json
import os
import re
from pathlib import Path

import pytest

import extract.batch
from extract import cli
from extract.batch import BatchSummary
from extract.engines import ExtractorSettings
from extract.errors import ExtractError


def parse(*argv: str) -> argparse.Namespace:
    return cli.build_parser().parse_args(list(argv))


def test_run_defaults():
    args = parse("run", "a.txt", "--out", "o")
    assert vars(args) | {"handler": None} == {
        "command": "run",
        "inputs": ["a.txt"],
        "out": "o",
        "rules": None,
        "fast": False,
        "workers": 1,
        "engine": "local",
        "scheduler": None,
        "resume": False,
        "format": "csv",
        "sep": None,
        "locale": None,
        "batch_size": 32,
        "chunk_size": 64,
        "max_chars": 5_000_000,
        "quiet": False,
        "handler": None,
    }
    assert args.handler is cli._cmd_run


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["eval"], {"samples": "samples", "rules": None, "fast": False, "model": "fr_core_news_sm", "min_f1": None}),
        (["eval"], {"compare": None, "report_dir": "out/eval", "json": False, "no_errors": False, "gold": None}),
        (["eval", "s", "--min-f1", "0.5", "--min-f1", "MONEY=0.9"], {"samples": "s", "min_f1": ["0.5", "MONEY=0.9"]}),
        (["show", "f.txt"], {"file": "f.txt", "html": None, "gold": None, "date": None, "rules": None, "fast": False}),
        (
            ["annotate", "f.txt"],
            {"file": "f.txt", "out": None, "force": False, "date": None, "rules": None, "fast": False},
        ),
        (["report", "o"], {"out_dir": "o", "html": None}),
        (["rules", "check"], {"dir": None, "json": False, "command": "rules", "rules_command": "check"}),
        (["rules", "check", "d", "--json"], {"dir": "d", "json": True}),
    ],
)
def test_other_defaults(argv, expected):
    args = parse(*argv)
    assert {key: getattr(args, key) for key in expected} == expected


@pytest.mark.parametrize(
    ("argv", "handler"),
    [
        (["eval"], "_cmd_eval"),
        (["show", "f"], "_cmd_show"),
        (["annotate", "f"], "_cmd_annotate"),
        (["report", "o"], "_cmd_report"),
        (["rules", "check"], "_cmd_rules_check"),
    ],
)
def test_handlers(argv, handler):
    assert parse(*argv).handler is getattr(cli, handler)


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["run", "--out", "o"],
        ["run", "a"],
        ["run", "a", "--out", "o", "--engine", "spark"],
        ["run", "a", "--out", "o", "--format", "ods"],
        ["run", "a", "--out", "o", "--locale", "de"],
        ["run", "a", "--out", "o", "--workers", "two"],
        ["rules"],
        ["show"],
    ],
)
def test_usage_errors(argv, capsys):
    with pytest.raises(SystemExit) as caught:
        parse(*argv)
    assert caught.value.code == 2


@pytest.fixture
def batch_spy(monkeypatch) -> list:
    calls: list = []

    def run_batch(inputs, out, options):
        calls.append((inputs, out, options))
        return BatchSummary(
            documents=5, failed=calls[0][2].workers - 1, mentions=7, deals=2, transfers=1, files=[Path("o/m.csv")]
        )

    monkeypatch.setattr(extract.batch, "run_batch", run_batch)
    return calls


def test_run_passes_every_option(batch_spy, tmp_path, capsys):
    argv = ["run", "a.txt", "-", "--out", "o", "--rules", str(tmp_path), "--fast", "--workers", "3"]
    argv += ["--engine", "dask", "--scheduler", "tcp://s:1", "--resume", "--format", "jsonl", "--sep", ";"]
    argv += ["--batch-size", "4", "--chunk-size", "9", "--max-chars", "100", "--quiet"]
    assert cli.main(argv) == 1  # the stand-in says workers - 1 documents failed
    [(inputs, out, options)] = batch_spy
    assert (inputs, out) == (["a.txt", "-"], Path("o"))
    assert options.settings == ExtractorSettings(str(tmp_path.resolve()), fast=True, batch_size=4)
    assert (options.engine, options.workers, options.scheduler, options.chunk_size, options.resume) == (
        "dask",
        3,
        "tcp://s:1",
        9,
        True,
    )
    assert (options.fmt, options.sep, options.decimal, options.progress, options.max_chars) == (
        "jsonl",
        ";",
        ".",
        False,
        100,
    )
    assert capsys.readouterr().err == ""


def test_run_defaults_reach_run_batch(batch_spy, capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rules").mkdir()
    assert cli.main(["run", "a.txt", "--out", "o", "--rules", "rules"]) == 0
    options = batch_spy[0][2]
    assert options.settings == ExtractorSettings(str(tmp_path / "rules"), fast=False, batch_size=32)
    assert (options.progress, options.sep, options.decimal, options.max_chars, options.chunk_size) == (
        True,
        ",",
        ".",
        5_000_000,
        64,
    )
    err = capsys.readouterr().err
    assert err == "5 documents, 0 failed, 7 mentions, 2 deal rows, 1 consolidated transfers\ntables: o/m.csv\n"


def test_run_says_where_it_resumed(monkeypatch, capsys):
    summary = BatchSummary(documents=9, resumed_from=4, files=[Path("a"), Path("b")])
    monkeypatch.setattr(extract.batch, "run_batch", lambda *args: summary)
    assert cli.main(["run", "x", "--out", "o", "--locale", "fr"]) == 0
    err = capsys.readouterr().err
    assert err.startswith("9 documents (resumed after 4), 0 failed,") and "tables: a, b\n" in err


@pytest.mark.parametrize(
    ("flags", "sep", "decimal", "note"),
    [
        ([], ",", ".", ""),
        (["--locale", "fr"], ";", ",", ""),
        (["--sep", ";"], ";", ".", "extract: note: --sep ';' keeps '.'"),
        (["--sep", ";", "--format", "jsonl"], ";", ".", ""),
    ],
)
def test_csv_conventions(batch_spy, capsys, flags, sep, decimal, note):
    cli.main(["run", "x", "--out", "o", "--quiet", *flags])
    options = batch_spy[0][2]
    assert (options.sep, options.decimal) == (sep, decimal)
    err = capsys.readouterr().err
    assert err.startswith(note) and (bool(err) is bool(note))


@pytest.mark.parametrize(
    ("values", "overall", "per_label"),
    [
        ([], None, {}),
        (["0.5"], 0.5, {}),
        (["money=0.9", "0.4", "DEALS=0.3"], 0.4, {"MONEY": 0.9, "DEALS": 0.3}),
        (["0.1", "0.2"], 0.2, {}),
        (["a=b=0.5"], None, "--min-f1: unknown label 'A=B'"),
        (["MONEY=x"], None, "--min-f1 takes X or LABEL=X, got 'MONEY=x'"),
        (
            ["NOPE=0.1", "ZED=0.2"],
            None,
            "--min-f1: unknown label 'NOPE' (use MONEY, RANGE, COUNT, WEAPON, ORG, COUNTRY, REGION, DATE or DEALS)",
        ),
    ],
)
def test_parse_floors(values, overall, per_label):
    if isinstance(per_label, str):
        with pytest.raises(ExtractError) as caught:
            cli._parse_floors(values)
        assert str(caught.value).startswith(per_label)
    else:
        assert cli._parse_floors(values) == (overall, per_label)


def test_read_article(tmp_path):
    (tmp_path / "a.txt").write_bytes("reçu".encode("cp1252"))
    assert cli._read_article(str(tmp_path / "a.txt")) == "reçu"
    with pytest.raises(ExtractError) as caught:
        cli._read_article(str(tmp_path / "none.txt"))
    assert str(caught.value) == f"{tmp_path / 'none.txt'}: E025 cannot read: No such file or directory"


@pytest.mark.parametrize(
    ("error", "code", "message"),
    [
        (ExtractError("bad thing"), 2, "extract: error: bad thing\n"),
        (KeyboardInterrupt(), 130, "extract: interrupted\n"),
    ],
)
def test_main_turns_errors_into_exit_codes(monkeypatch, capsys, error, code, message):
    def fail(args):
        raise error

    monkeypatch.setattr(cli, "_cmd_report", fail)
    assert cli.main(["report", "o"]) == code
    assert capsys.readouterr().err == message


def test_main_after_a_broken_pipe(monkeypatch, tmp_path):
    """Exit 1, and what is still written to stdout goes to /dev/null (no second broken pipe)."""

    def fail(args):
        raise BrokenPipeError

    monkeypatch.setattr(cli, "_cmd_report", fail)
    target = tmp_path / "stdout"
    with target.open("wb") as handle:
        monkeypatch.setattr("sys.stdout", handle)
        assert cli.main(["report", "o"]) == 1
        os.write(handle.fileno(), b"after")
    assert target.read_bytes() == b""


def test_exit_codes():
    assert (cli.EXIT_OK, cli.EXIT_DOCUMENTS_FAILED, cli.EXIT_USAGE, cli.EXIT_BELOW_FLOOR) == (0, 1, 2, 3)


def _help(*command: str) -> str:
    parser = cli.build_parser()
    stream = io.StringIO()
    with pytest.raises(SystemExit):
        import contextlib

        with contextlib.redirect_stdout(stream):
            parser.parse_args([*command, "--help"])
    return " ".join(stream.getvalue().split())


@pytest.mark.parametrize(
    ("command", "phrase"),
    [
        ((), "Arms-transfer facts from French news articles."),
        ((), "extract mentions from files, folders, tables or stdin"),
        ((), "score the rules against annotated samples, or document-level gold"),
        ((), "show a text with each mention marked (terminal or HTML)"),
        ((), "write a gold file pre-filled from the current output"),
        ((), "write a self-contained HTML page that shows a run at a glance"),
        ((), "work with rules folders"),
        (("run",), ".txt files, folders, .csv/.jsonl tables with a 'text' column, or - for stdin"),
        (("run",), "output folder for mentions.csv and documents.csv"),
        (("run",), "rules folder (default: the shipped rules)"),
        (("run",), "blank tokenizer + sentencizer instead of the statistical model (faster)"),
        (("run",), "worker processes (default 1); output order does not depend on it"),
        (("run",), "local processes, or a dask.distributed cluster"),
        (("run",), "with --engine dask: an existing scheduler (default: start a LocalCluster)"),
        (("run",), "--scheduler ADDRESS"),
        (("run",), "continue an interrupted run into the same --out folder"),
        (("run",), "output format (xlsx: one workbook, a sheet per table)"),
        (("run",), "CSV separator: ',' (default), ';' or a tab; numbers keep '.' (see --locale)"),
        (
            ("run",),
            "CSV for a spreadsheet locale: fr writes ';' separators and decimal commas (1,5); en is the default",
        ),
        (("run",), "documents per nlp.pipe batch (default 32)"),
        (("run",), "documents per work unit and checkpoint (default 64)"),
        (("run",), "refuse documents longer than this (default 5000000)"),
        (("run",), "no progress and no summary on stderr"),
        (("run",), "INPUT [INPUT ...]"),
        (("eval",), "folder of NAME.txt + NAME.ann pairs (default: samples)"),
        (("eval",), "evaluate the --fast pipeline"),
        (("eval",), "an installed spaCy French pipeline to evaluate instead of fr_core_news_sm"),
        (("eval",), "--min-f1 X|LABEL=X"),
        (
            ("eval",),
            "exit 3 when micro F1 (by value), a label's F1 or the deal rows' F1 (DEALS=X) is below X; repeatable",
        ),
        (("eval",), "--compare REPORT.json show what changed since a previous report"),
        (("eval",), "where eval_report.json/.csv go (default: out/eval)"),
        (("eval",), "print the report as JSON"),
        (("eval",), "print only the score table"),
        (("eval",), "--gold FILE.jsonl document-level gold (one JSON object per article"),
        (("eval",), "--texts DIR with --gold: the folder of <id>.txt article texts"),
        (("show",), "a .txt article"),
        (("show",), "--html OUT.html write a displaCy page instead of printing"),
        (("show",), "--gold FILE.ann colour matches, misses and false alarms against this gold file"),
        (("show",), "document date (ISO) for partial dates, if the file has no header"),
        (("show",), "use the --fast pipeline"),
        (("annotate",), "gold file to write (default: FILE with .ann)"),
        (("annotate",), "overwrite an existing gold file"),
        (("annotate",), "document date (ISO) for partial dates, if the file has no header"),
        (("annotate",), "rules folder (default: the shipped rules)"),
        (("annotate",), "use the --fast pipeline"),
        (("report",), "OUT_DIR the --out folder of `extract run` (any --format)"),
        (("report",), "--html FILE where to write the page (default: OUT_DIR/report.html)"),
        (("rules",), "validate every rules file and count entries"),
        (("rules", "check"), "rules folder (default: the shipped rules)"),
        (("rules", "check"), "machine-readable report"),
        (("show",), "rules folder (default: the shipped rules)"),
        (("eval",), "rules folder (default: the shipped rules)"),
    ],
)
def test_help_says_what_each_option_does(command, phrase):
    assert re.search(f"(?:^| ){re.escape(phrase)}", _help(*command))  # the phrase from its first word on


def test_rules_check_json_and_text(capsys, tmp_path):
    """`rules check DIR --json`: the folder read, its counts and problems; the text form: a table."""
    from extract.rules import read_rules

    rules = read_rules(None)
    assert cli.main(["rules", "check", str(rules.root), "--json"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out) == {"root": str(rules.root), "counts": rules.counts, "problems": []}
    assert out.startswith('{\n  "root": ') and "\\u" not in out  # indented, accents as written
    assert cli.main(["rules", "check", str(tmp_path / "none")]) == 2  # a folder that is not there
    assert capsys.readouterr().err == f"extract: error: {tmp_path / 'none'}: E014 rules folder not found\n"
    assert cli.main(["rules", "check"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"rules: {rules.root}" and lines[-1] == "0 problem(s)"
    name, count = sorted(rules.counts.items())[0]
    assert lines[1] == f"  {name:<40} {count:>6}" and lines[-2].startswith("  countries (distinct ISO3)")


@pytest.fixture(scope="module")
def broken_rules(tmp_path_factory) -> Path:
    """A copy of the shipped rules in a folder with an accented name, with two broken pattern lines."""
    import shutil

    from extract.rules import packaged_rules_dir

    rules = tmp_path_factory.mktemp("rules") / "règles"
    shutil.copytree(packaged_rules_dir(), rules)
    money = rules / "patterns" / "money.jsonl"
    money.write_text(money.read_text(encoding="utf-8") + "{not json\n{nor this\n", encoding="utf-8")
    return rules


def test_rules_check_lists_every_problem(broken_rules, capsys):
    """Each problem on stderr, their count last on stdout, exit 2; with --json, the same problems
    as text and the folder's name as written (not \\u-escaped)."""
    from extract.rules import read_rules

    problems = [str(p) for p in read_rules(broken_rules).problems]
    assert len(problems) == 2
    assert cli.main(["rules", "check", str(broken_rules)]) == 2
    captured = capsys.readouterr()
    assert captured.err == "".join(f"error: {problem}\n" for problem in problems)
    assert captured.out.splitlines()[-1] == "2 problem(s)"
    assert cli.main(["rules", "check", str(broken_rules), "--json"]) == 2
    out = capsys.readouterr().out
    assert json.loads(out)["problems"] == problems
    assert f'"root": "{broken_rules}"' in out and "règles" in out


def test_read_article_names_a_binary_file(tmp_path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(32)) * 8)
    with pytest.raises(ExtractError) as caught:
        cli._read_article(str(binary))
    assert str(caught.value).startswith(f"{binary}: E026")


def test_report_writes_the_page_and_prints_its_path(monkeypatch, capsys):
    import extract.report

    calls = []

    def write_report(out_dir, html=None):
        calls.append((out_dir, html))
        return Path(html or Path(out_dir) / "report.html")

    monkeypatch.setattr(extract.report, "write_report", write_report)
    assert cli.main(["report", "runs/a", "--html", "pages/a.html"]) == 0
    assert cli.main(["report", "runs/b"]) == 0
    assert calls == [("runs/a", "pages/a.html"), ("runs/b", None)]
    assert capsys.readouterr().out == f"{Path('pages/a.html')}\n{Path('runs/b/report.html')}\n"


@pytest.mark.parametrize(
    ("command", "phrase"),
    [
        ((), "or document-level gold (P/R/F1 per label)"),
        (("annotate",), "file a .txt article"),
    ],
)
def test_help_of_the_positional_arguments_and_eval(command, phrase):
    assert re.search(f"(?:^| ){re.escape(phrase)}", _help(*command))


@pytest.mark.parametrize(
    ("option", "choices"),
    [
        ("--engine", ["local", "dask"]),
        ("--format", ["csv", "jsonl", "parquet", "xlsx"]),
        ("--locale", ["en", "fr"]),
    ],
)
def test_every_choice_is_accepted(option, choices):
    dest = option[2:]
    for choice in choices:
        assert getattr(parse("run", "a", "--out", "o", option, choice), dest) == choice


@pytest.mark.parametrize(
    ("command", "usage"),
    [
        ((), "usage: extract [-h] {run,eval,show,annotate,report,rules} ..."),
        (("run",), "usage: extract run [-h] --out OUT"),
        (("rules",), "usage: extract rules [-h] {check} ..."),
        (("rules", "check"), "usage: extract rules check [-h] [--json] [dir]"),
    ],
)
def test_usage_line(command, usage):
    assert _help(*command).startswith(usage)
