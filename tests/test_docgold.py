"""`extract eval --gold`: document-level scoring, same matching rules as ../shared/realdev/score.py."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from extract.errors import InputError
from extract.eval.docgold import (
    DocumentReport,
    evaluate_documents,
    load_document_gold,
    matches,
    score_document,
    system_key,
)

FIXTURE = Path(__file__).parent / "fixtures" / "docgold"
REFERENCE_SCORER = Path(__file__).resolve().parents[2] / "shared" / "realdev" / "score.py"

MATCHES = [
    # label, gold item, (text, value, unit), expected
    ("COUNTRY", "MAR", ("Maroc", "MAR", ""), True),
    ("COUNTRY", "MAR", ("Algérie", "DZA", ""), False),
    ("WEAPON", ["M142 HIMARS", "HIMARS"], ("Himars", "M142 HIMARS", "artillery"), True),
    ("WEAPON", ["F-16 Block 70"], ("F16 block70", "", ""), True),  # case, spaces, hyphens ignored
    ("WEAPON", ["F-16 Block 70"], ("F-16", "F-16", ""), False),
    ("ORG", "Département d'État", ("département d’Etat", "", ""), True),
    ("MONEY", [524200000, "USD"], ("", "524000000", "USD"), True),  # within 0.5 %
    ("MONEY", [524200000, "USD"], ("", "520000000", "USD"), False),
    ("MONEY", [524200000, "USD"], ("", "524200000", "EUR"), False),
    ("COUNT", [18, "M142 HIMARS"], ("", "18", "lanceur"), True),  # the unit is not compared
    ("COUNT", [18, "M142 HIMARS"], ("", "17", ""), False),
    ("RANGE", [300, "km"], ("", "302.5", "km"), True),  # within 1 %
    ("RANGE", [300, "km"], ("", "310", "km"), False),
    ("DATE", "2023-04", ("", "2023-04-11", ""), True),
    ("DATE", "2023-04-11", ("", "2023", ""), True),  # one starts with the other
    ("DATE", "2023-04", ("", "2023-05", ""), False),
    ("DATE", "2023", ("", "", ""), False),
]


@pytest.mark.parametrize(("label", "item", "prediction", "expected"), MATCHES)
def test_matching_rules(label, item, prediction, expected):
    assert matches(label, item, prediction) is expected


def test_systems_compare_singular():
    assert system_key("véhicules blindés") == system_key("véhicule blindé")
    assert system_key("Rafales") == system_key("Rafale")


def test_repeated_facts_count_once_and_an_interval_states_both_bounds():
    gold = {"id": "d", "MONEY": [[650000000, "CHF"], [1300000000, "CHF"]], "COUNTRY": ["CHE"]}
    mentions = [
        {
            "label": "MONEY",
            "text": "entre 650 M et 1,3 Md",
            "value": "1300000000",
            "unit": "CHF",
            "value_min": "650000000",
        },
        {"label": "COUNTRY", "text": "Suisse", "value": "CHE", "unit": ""},
        {"label": "COUNTRY", "text": "suisse", "value": "CHE", "unit": ""},
        {"label": "DATE", "text": "mardi", "value": "", "unit": ""},
    ]
    report = DocumentReport()
    score_document(gold, mentions, [], report)
    assert (report.labels["MONEY"].tp, report.labels["MONEY"].fp, report.labels["MONEY"].fn) == (2, 0, 0)
    assert (report.labels["COUNTRY"].tp, report.labels["COUNTRY"].fp) == (1, 0)
    assert report.unresolved_dates == 1


def test_a_deal_prefers_the_row_with_the_same_supplier():
    gold = {
        "id": "d",
        "deals": [{"supplier": "USA", "recipient": "MAR", "system": ["F-16"], "quantity": 24, "status": "ordered"}],
    }
    rows = [
        {"supplier": "FRA", "recipient": "MAR", "system": "F-16", "quantity": "", "status": "other"},
        {"supplier": "USA", "recipient": "MAR", "system": "F-16", "quantity": "24", "status": "ordered"},
    ]
    report = DocumentReport()
    score_document(gold, [], rows, report)
    assert (report.deals.tp, report.deals.fp, report.deals.fn) == (1, 1, 0)
    assert report.field_accuracy() == {"supplier": 1.0, "quantity": 1.0, "value": None, "status": 1.0}
    assert [e["found"] for e in report.errors if e["label"] == "DEAL" and e["kind"] == "fp"] == ["FRA->MAR F-16"]


def test_fixture_scores(extractor):
    report, missing = evaluate_documents(FIXTURE / "gold.jsonl", FIXTURE, extractor)
    assert missing == ["doc-missing"]
    assert report.documents == 2
    tallies = {label: (t.tp, t.fp, t.fn) for label, t in report.labels.items()}
    assert tallies == {
        "COUNTRY": (3, 0, 0),
        "WEAPON": (3, 0, 0),
        "MONEY": (1, 0, 0),
        "COUNT": (2, 0, 0),
        "RANGE": (1, 0, 0),
        "DATE": (3, 0, 0),
        "ORG": (2, 0, 0),
    }
    # the ATACMS of doc-a are described, not sold: no trigger states their transfer, so no row
    assert (report.deals.tp, report.deals.fp, report.deals.fn) == (2, 0, 0)


@pytest.mark.realdev
def test_agrees_with_the_reference_scorer(tmp_path):
    """Both scorers on the same extraction: `extract run` tables for score.py, `extract eval --gold` for ours.

    Opt-in (`--realdev`): the reference scorer lives outside the repository.
    """
    assert REFERENCE_SCORER.exists(), f"--realdev needs the reference scorer {REFERENCE_SCORER}"
    texts = tmp_path / "texts"
    texts.mkdir()
    for path in FIXTURE.glob("*.txt"):
        (texts / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    gold = tmp_path / "gold.jsonl"  # the reference scorer counts articles without text as all missed
    gold.write_text(
        "".join(
            line + "\n"
            for line in (FIXTURE / "gold.jsonl").read_text(encoding="utf-8").splitlines()
            if "doc-missing" not in line
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    run = subprocess.run(
        [sys.executable, "-m", "extract", "run", str(texts), "--out", str(out), "--quiet"],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    reference = subprocess.run(
        [sys.executable, str(REFERENCE_SCORER), str(gold), str(out), "--json"], capture_output=True, text=True
    )
    expected = json.loads(reference.stdout.splitlines()[0])
    ours = subprocess.run(
        [
            sys.executable,
            "-m",
            "extract",
            "eval",
            "--gold",
            str(gold),
            "--texts",
            str(texts),
            "--json",
            "--report-dir",
            str(tmp_path / "r"),
        ],
        capture_output=True,
        text=True,
    )
    assert ours.returncode == 0, ours.stderr
    found = json.loads(ours.stdout)
    for label, row in expected["labels"].items():
        assert (found["labels"][label]["tp"], found["labels"][label]["fp"], found["labels"][label]["fn"]) == (
            row["tp"],
            row["fp"],
            row["fn"],
        ), label
    assert found["micro"]["f1"] == pytest.approx(expected["micro"]["f1"], abs=1e-3)
    assert (found["deals"]["tp"], found["deals"]["fp"], found["deals"]["fn"]) == tuple(
        expected["deals"][k] for k in ("tp", "fp", "fn")
    )
    assert found["deals"]["fields"] == expected["deals"]["fields"]


@pytest.mark.parametrize(
    ("content", "line"),
    [('{"id": "a"}\n{not json}\n', 2), ('{"id": "a"}\n\n["a list"]\n', 3), ('{"COUNTRY": []}\n', 1)],
)
def test_bad_gold_names_file_and_line(tmp_path, content, line):
    path = tmp_path / "gold.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_document_gold(path)
    assert error.value.line == line and str(path) in str(error.value)


def test_cli_without_texts_says_how_to_provide_them(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "extract",
            "eval",
            "--gold",
            str(FIXTURE / "gold.jsonl"),
            "--texts",
            str(tmp_path / "none"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "E038" in result.stderr and "<id>.txt" in result.stderr and "Traceback" not in result.stderr


def test_an_uninstalled_model_is_a_clear_error(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "extract", "eval", str(FIXTURE), "--model", "fr_core_news_xx", "--no-errors"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "E041" in result.stderr and "fr_core_news_xx" in result.stderr and "Traceback" not in result.stderr
