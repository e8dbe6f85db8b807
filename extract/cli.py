"""The `extract` command: a thin layer over the importable functions."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from extract.errors import ExtractError

EXIT_OK = 0
EXIT_DOCUMENTS_FAILED = 1
EXIT_USAGE = 2


def _cmd_run(args: argparse.Namespace) -> int:
    from extract.batch import run_batch
    from extract.extractor import Extractor

    extractor = Extractor(args.rules, fast=args.fast, batch_size=args.batch_size)
    summary = run_batch(args.inputs, Path(args.out), extractor=extractor)
    if not args.quiet:
        print(
            f"{summary.documents} documents ({summary.failed} failed), {summary.mentions} mentions\n"
            f"tables: {summary.out_dir / 'mentions.csv'}, {summary.out_dir / 'documents.csv'}",
            file=sys.stderr,
        )
    return EXIT_DOCUMENTS_FAILED if summary.failed else EXIT_OK


def _cmd_rules_check(args: argparse.Namespace) -> int:
    from extract.ruleset import read_rules

    rules = read_rules(args.dir)
    if args.json:
        print(json.dumps({"root": str(rules.root), "counts": rules.counts, "problems": [str(p) for p in rules.problems]}, ensure_ascii=False, indent=2))
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


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = argparse.ArgumentParser(prog="extract", description="Arms-transfer facts from French news articles.")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="extract mentions from files, folders, tables or stdin")
    run.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt files, folders, .csv/.jsonl tables with a 'text' column, or - for stdin")
    run.add_argument("--out", required=True, help="output folder for mentions.csv and documents.csv")
    run.add_argument("--rules", default=None, help="rules folder (default: the shipped rules)")
    run.add_argument("--fast", action="store_true", help="blank tokenizer + sentencizer instead of the statistical model")
    run.add_argument("--batch-size", type=int, default=32, help="documents per nlp.pipe batch (default 32)")
    run.add_argument("--quiet", action="store_true", help="print nothing on stderr")
    run.set_defaults(handler=_cmd_run)

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
    except KeyboardInterrupt:
        print("extract: interrupted", file=sys.stderr)
        return 130
