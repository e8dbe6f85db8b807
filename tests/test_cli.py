"""The `extract` command on folders, tables and stdin, as a researcher runs it."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from extract.cli import main
from extract.io.tables import MENTIONS
from extract.rules import packaged_rules_dir

ARTICLE_A = "date 2024-06 Himars (DR)\n\nLe Maroc a commandé 18 lanceurs pour 524 millions de dollars."
ARTICLE_B = "L'Algérie a reçu une vingtaine d'hélicoptères en 2021."


def read_table(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    (root / "sub").mkdir()
    (root / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (root / "sub" / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    (root / "ignored.md").write_text("Le Maroc", encoding="utf-8")
    return root


def run(args: list[str]) -> int:
    return main(args)


def test_folder_input_gives_relative_doc_ids(corpus, tmp_path):
    assert run(["run", str(corpus), "--out", str(tmp_path), "--quiet"]) == 0
    documents = read_table(tmp_path / "documents.csv")
    assert [d["doc_id"] for d in documents] == ["a", "sub/b"]
    assert documents[0]["date"] == "2024-06" and documents[0]["title"] == "Himars" and documents[0]["status"] == "ok"
    mentions = read_table(tmp_path / "mentions.csv")
    assert list(mentions[0]) == MENTIONS.names
    found = {(m["doc_id"], m["label"], m["value"], m["unit"]) for m in mentions}
    assert ("a", "MONEY", "524000000", "USD") in found
    assert ("sub/b", "COUNT", "20", "hélicoptère") in found
    assert ("sub/b", "DATE", "2021", "") in found


def test_offsets_point_into_the_original_file(corpus, tmp_path):
    run(["run", str(corpus / "a.txt"), "--out", str(tmp_path), "--quiet"])
    for mention in read_table(tmp_path / "mentions.csv"):
        assert mention["doc_id"] == "a"
        assert ARTICLE_A[int(mention["start"]) : int(mention["end"])] == mention["text"]


def test_csv_table_input(tmp_path):
    table = tmp_path / "articles.csv"
    with table.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["id", "date", "title", "text"])
        writer.writeheader()
        writer.writerow({"id": "x1", "date": "2024-06", "title": "T", "text": "Le Maroc a signé le 11 avril."})
        writer.writerow({"id": "", "date": "", "title": "", "text": "Deux frégates FREMM pour l'Égypte."})
    out = tmp_path / "out"
    assert run(["run", str(table), "--out", str(out), "--quiet"]) == 0
    documents = read_table(out / "documents.csv")
    assert [d["doc_id"] for d in documents] == ["x1", "articles:2"]
    dates = [m for m in read_table(out / "mentions.csv") if m["label"] == "DATE"]
    assert [(d["doc_id"], d["value"]) for d in dates] == [("x1", "2024-04-11")]


def test_jsonl_input_with_a_malformed_line(tmp_path):
    table = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": "j1", "text": ARTICLE_B}), "{not json", json.dumps({"text": "Rien à signaler."})]
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run(["run", str(table), "--out", str(out), "--quiet"]) == 1
    documents = read_table(out / "documents.csv")
    assert [(d["doc_id"], d["status"]) for d in documents] == [("j1", "ok"), ("feed:2", "error"), ("feed:3", "ok")]
    assert "feed.jsonl:2" in documents[1]["error"]
    assert any(m["doc_id"] == "j1" for m in read_table(out / "mentions.csv"))


def test_missing_input_is_reported_and_the_rest_is_kept(corpus, tmp_path):
    assert run(["run", str(tmp_path / "nope.txt"), str(corpus / "a.txt"), "--out", str(tmp_path / "o"), "--quiet"]) == 1
    documents = read_table(tmp_path / "o" / "documents.csv")
    assert [d["status"] for d in documents] == ["error", "ok"]
    assert "nope.txt" in documents[0]["error"]


def test_stdin_input(tmp_path):
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "extract", "run", "-", "--out", str(out), "--quiet"],
        input=ARTICLE_B.encode("utf-8"),
        capture_output=True,
    )
    assert result.returncode == 0, result.stderr
    assert read_table(out / "documents.csv")[0]["doc_id"] == "stdin"


def test_other_rules_folder_changes_the_output(corpus, tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(packaged_rules_dir(), rules)
    nouns = rules / "lexicons" / "military_nouns.csv"
    nouns.write_text(
        "\n".join(row for row in nouns.read_text(encoding="utf-8").splitlines() if not row.startswith("lanceur"))
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert run(["run", str(corpus / "a.txt"), "--out", str(out), "--rules", str(rules), "--quiet"]) == 0
    assert not [m for m in read_table(out / "mentions.csv") if m["label"] == "COUNT"]


@pytest.mark.parametrize("command", [["--help"], ["run", "--help"], ["eval", "--help"], ["rules", "check", "--help"]])
def test_every_command_has_help(command):
    result = subprocess.run([sys.executable, "-m", "extract", *command], capture_output=True, text=True)
    assert result.returncode == 0 and "usage:" in result.stdout


def test_rules_check_passes_on_shipped_rules(capsys):
    assert run(["rules", "check", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["problems"] == []
    assert report["counts"]["patterns/money.jsonl"] >= 5


@pytest.mark.parametrize(
    ("file", "line_text", "message"),
    [
        ("patterns/money.jsonl", "{not json", "E005"),
        ("patterns/count.jsonl", '{"id": "x", "label": "COUNT", "pattern": [{"LEX": "nonexistent"}]}', "E008"),
        ("patterns/range.jsonl", '{"id": "y", "label": "DISTANCE", "pattern": [{"LOWER": "km"}]}', "E016"),
        ("lexicons/currencies.csv", "piastre,XXQ", "E015"),
        ("gazetteers/countries.csv", "ZZZ,Zorbie,name,curated", "E010"),
        ("lexicons/scales.csv", "millions,1000", "E012"),
    ],
)
def test_rules_check_names_file_and_line(tmp_path, capsys, file, line_text, message):
    rules = tmp_path / "rules"
    shutil.copytree(packaged_rules_dir(), rules)
    path = rules / file
    content = path.read_text(encoding="utf-8").rstrip("\n") + "\n" + line_text + "\n"
    path.write_text(content, encoding="utf-8")
    line_number = content.count("\n")
    assert run(["rules", "check", str(rules)]) == 2
    err = capsys.readouterr().err
    assert f"{Path(file).name}:{line_number}" in err and message in err


def test_broken_rules_are_an_error_message_not_a_traceback(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(packaged_rules_dir(), rules)
    (rules / "patterns" / "money.jsonl").write_text("{oops\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "extract", "run", "-", "--out", str(tmp_path / "o"), "--rules", str(rules)],
        input=b"texte",
        capture_output=True,
        text=False,
    )
    stderr = result.stderr.decode()
    assert result.returncode == 2 and "money.jsonl:1" in stderr and "Traceback" not in stderr


def test_readme_column_tables_match_the_table_schemas():
    """The README's column tables are generated from extract/io/tables.py (`make docs`)."""
    from extract.io.tables import TABLES, with_column_tables

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert with_column_tables(readme) == readme, "run `make docs`"
    assert all(f"<!-- columns:{name} -->" in readme for name in TABLES)


def test_a_reader_that_stops_early_gets_no_traceback(monkeypatch, tmp_path):
    """'extract ... | head': the closed pipe ends the run quietly (exit 1), not with a traceback."""
    from extract.cli import main

    target = (tmp_path / "out.txt").open("w")

    class ClosedPipe:
        def write(self, text):
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self):
            pass

        def fileno(self):
            return target.fileno()

    monkeypatch.setattr("sys.stdout", ClosedPipe())
    assert main(["rules", "check"]) == 1
    target.close()
