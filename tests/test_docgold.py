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


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("F-16 Block 70", "f16block70"),
        ("Département d’État", "departementdetat"),
        ("a_b.c'd", "abcd"),
        (42, "42"),
        ("ÆSIR", "sir"),
    ],
)
def test_fold_name(text, folded):
    from extract.eval.docgold import fold_name

    assert fold_name(text) == folded


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("véhicules blindés", "vehiculeblinde"),
        ("Rafales", "rafale"),
        ("canons Caesar", "canoncaesar"),
        ("bus", "bus"),
        ("lasers", "laser"),
        ("chevaux", "chevau"),
        ("gaz", "gaz"),
        ("KSS", "kss"),
    ],
)
def test_system_key(name, key):
    assert system_key(name) == key


@pytest.mark.parametrize(
    ("text", "number"), [("1,5", 1.5), ("1 300", 1300.0), ("", None), (None, None), ("x", None), (7, 7.0)]
)
def test_number(text, number):
    from extract.eval.docgold import _number

    assert _number(text) == number


MORE_MATCHES = [
    ("COUNTRY", "MAR", ("", " mar ", ""), True),
    ("WEAPON", "Rafale", ("", "RAFALE", ""), True),
    ("WEAPON", "Rafale", ("le Rafale", "", ""), False),
    ("ORG", ["DSCA", "Defense Security Cooperation Agency"], ("agence", "DSCA", ""), True),
    ("MONEY", [1000, "USD"], ("", "1005", "usd"), True),
    ("MONEY", [1000, "USD"], ("", "1005.1", "USD"), False),
    ("MONEY", [1000, "USD"], ("", "994.9", "USD"), False),
    ("MONEY", [1000, "USD"], ("", "mille", "USD"), False),
    ("MONEY", [-1000, "USD"], ("", "-1004", "USD"), True),
    ("COUNT", 18, ("", "18.0", ""), True),
    ("COUNT", [18, "x"], ("", "18.5", ""), False),
    ("RANGE", [100, "km"], ("", "101", "km"), True),
    ("RANGE", [100, "km"], ("", "98.9", "km"), False),
    ("RANGE", [0, "km"], ("", "0", "km"), True),
    ("DATE", "2023", ("", " 2023-01 ", ""), True),
    ("DATE", "2023-1", ("", "2023-10", ""), True),
    ("PERSON", "x", ("", "1", ""), False),
    # at zero only the 1e-9 slack is left: MONEY and RANGE keep it (<=, as the reference
    # score.py), COUNT does not (<): the boundary itself tells them apart
    ("MONEY", [0, "USD"], ("", "0.000000001", "USD"), True),
    ("MONEY", [0, "USD"], ("", "0.000000002", "USD"), False),
    ("RANGE", [0, "km"], ("", "0.000000001", "km"), True),
    ("RANGE", [0, "km"], ("", "0.000000002", "km"), False),
    ("COUNT", 0, ("", "0.000000001", ""), False),
    ("COUNT", 0, ("", "0.0000000009", ""), True),
]


@pytest.mark.parametrize(("label", "item", "prediction", "expected"), MORE_MATCHES)
def test_more_matching_rules(label, item, prediction, expected):
    assert matches(label, item, prediction) is expected


def test_score_label_counts_repeats_once_and_a_prediction_of_a_taken_item_is_no_alarm():
    from extract.eval.docgold import score_label

    predictions = [("Maroc", "MAR", ""), ("maroc", "MAR", ""), ("Rabat", "MAR", "x"), ("Alger", "DZA", "")]
    assert score_label("COUNTRY", ["MAR", "TUN"], predictions) == (1, ["TUN"], [("Alger", "DZA", "")])
    weapons = [("Rafale", "Rafale", "aircraft"), ("rafale", "Rafale", "other"), ("", "F-16", "")]
    assert score_label("WEAPON", ["Rafale"], weapons) == (1, [], [("", "F-16", "")])
    assert score_label("WEAPON", [], []) == (0, [], [])
    assert score_label("ORG", [], [("x", "", "")]) == (0, [], [("x", "", "")])


def test_mention_predictions():
    from extract.eval.docgold import mention_predictions

    rows = [
        {"label": "money", "text": "1 M$", "value": " 1000000 ", "unit": "USD", "value_min": "1000000"},
        {"label": "RANGE", "text": "de 5 à 8 km", "value": "8", "unit": "km", "value_min": "5"},
        {"label": "COUNTRY", "text": "Maroc", "value": "MAR", "unit": "", "value_min": "x"},
        {"label": "DATE", "text": "mardi", "value": " "},
        {"label": "DATE", "text": "2024", "value": "2024"},
        {"text": "sans label"},
    ]
    report = DocumentReport()
    assert mention_predictions(rows, report) == {
        "MONEY": [("1 M$", "1000000", "USD")],
        "RANGE": [("de 5 à 8 km", "8", "km"), ("de 5 à 8 km", "5", "km")],
        "COUNTRY": [("Maroc", "MAR", "")],
        "DATE": [("2024", "2024", "")],
        "": [("sans label", "", "")],
    }
    assert report.unresolved_dates == 1
    assert mention_predictions(rows) == mention_predictions(rows, DocumentReport())


def test_deal_errors_and_fields():
    gold = {
        "id": "d7",
        "COUNTRY": ["FRA"],
        "ORG": [],
        "deals": [
            {
                "supplier": "FRA",
                "recipient": "IND",
                "system": ["Rafales"],
                "quantity": 36,
                "value": 7.8e9,
                "status": "ordered",
            },
            {"recipient": "EGY", "system": ["Rafale", "Rafale EG"], "quantity": 24},
            {"supplier": "USA", "recipient": "MAR", "system": ["F-16"]},
        ],
    }
    rows = [
        {
            "supplier": "fra",
            "recipient": "ind",
            "system": "Rafale",
            "quantity": "36",
            "value": "7 830 000 000",
            "status": "Ordered",
        },
        {
            "supplier": "FRA",
            "recipient": "EGY",
            "system": "rafale eg",
            "quantity": "12",
            "value": "",
            "status": "",
            "evidence": "x" * 200,
        },
        {"supplier": "", "recipient": "QAT", "system": "Rafale", "evidence": "Le Qatar."},
    ]
    report = DocumentReport()
    score_document(gold, [{"label": "COUNTRY", "value": "FRA", "text": "France"}], rows, report)
    assert (report.deals.tp, report.deals.fp, report.deals.fn) == (2, 1, 1)
    assert report.fields == {"supplier": [1, 1], "quantity": [1, 2], "value": [1, 1], "status": [1, 1]}
    assert report.documents == 1
    assert report.errors == [
        {
            "doc_id": "d7",
            "label": "DEAL",
            "kind": "field:quantity",
            "expected": 24,
            "found": "12",
            "deal": "->EGY Rafale",
        },
        {"doc_id": "d7", "label": "DEAL", "kind": "fn", "expected": "USA->MAR F-16"},
        {"doc_id": "d7", "label": "DEAL", "kind": "fp", "found": "->QAT Rafale", "evidence": "Le Qatar."},
    ]
    assert report.labels["COUNTRY"].as_dict() == {"tp": 1, "fp": 0, "fn": 0, "precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_label_errors_and_org_only_when_listed():
    gold = {"id": "d1", "COUNTRY": ["MAR", "USA"], "ORG": ["DSCA"]}
    mentions = [
        {"label": "COUNTRY", "text": "Maroc", "value": "MAR"},
        {"label": "COUNTRY", "text": "Alger", "value": "DZA"},
        {"label": "ORG", "text": "Pentagone", "value": "Pentagone"},
    ]
    report = DocumentReport()
    score_document(gold, mentions, [], report)
    assert report.errors == [
        {"doc_id": "d1", "label": "COUNTRY", "kind": "fn", "expected": "USA"},
        {"doc_id": "d1", "label": "COUNTRY", "kind": "fp", "found": {"text": "Alger", "value": "DZA", "unit": ""}},
        {"doc_id": "d1", "label": "ORG", "kind": "fn", "expected": "DSCA"},
        {
            "doc_id": "d1",
            "label": "ORG",
            "kind": "fp",
            "found": {"text": "Pentagone", "value": "Pentagone", "unit": ""},
        },
    ]
    unlisted = DocumentReport()
    score_document({"id": "d2"}, mentions, [], unlisted)
    assert (unlisted.labels["ORG"].tp, unlisted.labels["ORG"].fp, unlisted.labels["ORG"].fn) == (0, 0, 0)
    assert unlisted.labels["COUNTRY"].fp == 2


def test_report_as_dict_and_micro():
    from extract.eval.docgold import Tally

    report = DocumentReport(documents=2, unresolved_dates=1)
    report.labels["COUNTRY"] = Tally(3, 1, 0)
    report.labels["MONEY"] = Tally(1, 0, 1)
    report.labels["ORG"] = Tally(5, 5, 5)
    report.deals = Tally(1, 2, 0)
    report.fields["status"] = [1, 3]
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (4, 1, 1)
    data = report.as_dict()
    assert data["documents"] == 2 and data["unresolved_dates"] == 1 and data["errors"] == []
    assert data["micro"] == {"tp": 4, "fp": 1, "fn": 1, "precision": 0.8, "recall": 0.8, "f1": 0.8}
    assert data["labels"]["COUNTRY"] == {"tp": 3, "fp": 1, "fn": 0, "precision": 0.75, "recall": 1.0, "f1": 0.857}
    assert data["labels"]["WEAPON"] == {"tp": 0, "fp": 0, "fn": 0, "precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert data["deals"] == {
        "tp": 1,
        "fp": 2,
        "fn": 0,
        "precision": 0.333,
        "recall": 1.0,
        "f1": 0.5,
        "fields": {"supplier": None, "quantity": None, "value": None, "status": 0.333},
    }
    assert Tally(2, 1, 1).as_dict() == {"tp": 2, "fp": 1, "fn": 1, "precision": 0.667, "recall": 0.667, "f1": 0.667}
    tally = Tally()
    tally.add(1, 2, 3)
    tally.add(1, 0, 0)
    assert (tally.tp, tally.fp, tally.fn) == (2, 2, 3)


def test_load_document_gold(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a", "COUNTRY": ["MAR"]}\n\n  \n{"id": "b"}\n', encoding="utf-8")
    assert load_document_gold(path) == [{"id": "a", "COUNTRY": ["MAR"]}, {"id": "b"}]
    with pytest.raises(InputError) as error:
        load_document_gold(tmp_path / "absent.jsonl")
    assert error.value.line is None and error.value.message == "E025 cannot read: No such file or directory"
    assert error.value.path == str(tmp_path / "absent.jsonl")
    path.write_text('{"id": ""}\n', encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_document_gold(path)
    assert error.value.message == "E024 malformed row: a gold object needs an 'id'"
    path.write_text("{oops\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_document_gold(path)
    assert error.value.message == "E024 malformed row: Expecting property name enclosed in double quotes"


class StubExtractor:
    """Gives fixed results per text, as Extractor.extract_texts does (one per text, in order)."""

    def __init__(self, results, *, drop_last=False):
        self.results, self.drop_last, self.seen = results, drop_last, []

    def extract_texts(self, items):
        self.seen = list(items)
        found = [self.results[text] for text, _ in self.seen]
        return found[:-1] if self.drop_last else found


def stub_results():
    from types import SimpleNamespace

    from extract.deals.record import Deal
    from extract.mention import Mention

    maroc = SimpleNamespace(
        mentions=[Mention("COUNTRY", "Maroc", 3, 8, "MAR"), Mention("COUNTRY", "Alger", 10, 15, "DZA")],
        deals=[Deal("USA", "MAR", "F-16", evidence="Les F-16 du Maroc.")],
    )
    return {"Le Maroc.": maroc, "Rien.": SimpleNamespace(mentions=[], deals=[])}


def test_evaluate_documents_scores_each_text_and_lists_the_missing_ones(tmp_path):
    gold = tmp_path / "gold.jsonl"
    lines = [
        {"id": "a", "COUNTRY": ["MAR"], "deals": [{"supplier": "FRA", "recipient": "MAR", "system": ["Rafale"]}]},
        {"id": "b", "COUNTRY": ["TUN"]},
        {"id": 7},
    ]
    gold.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Le Maroc.", encoding="utf-8")
    (tmp_path / "7.txt").write_bytes("Rien.".encode("cp1252"))
    stub = StubExtractor(stub_results())
    report, missing = evaluate_documents(gold, tmp_path, stub)
    assert missing == ["b"] and report.documents == 2
    assert stub.seen == [("Le Maroc.", None), ("Rien.", None)]
    assert report.errors == [
        {"doc_id": "a", "label": "COUNTRY", "kind": "fp", "found": {"text": "Alger", "value": "DZA", "unit": ""}},
        {"doc_id": "a", "label": "DEAL", "kind": "fn", "expected": "FRA->MAR Rafale"},
        {"doc_id": "a", "label": "DEAL", "kind": "fp", "found": "USA->MAR F-16", "evidence": "Les F-16 du Maroc."},
    ]
    with pytest.raises(ValueError):  # a result short: an error, not a document left unscored
        evaluate_documents(gold, tmp_path, StubExtractor(stub_results(), drop_last=True))


def test_evaluate_documents_names_a_binary_text(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a"}\n', encoding="utf-8")
    (tmp_path / "a.txt").write_bytes(b"\x00" * 50)
    with pytest.raises(InputError) as error:
        evaluate_documents(gold, tmp_path, StubExtractor({}))
    assert error.value.path == str(tmp_path / "a.txt") and error.value.message.startswith("E026")


def test_rows_may_leave_out_columns():
    """score_document reads rows as mentions.csv and deals.csv give them; a missing column is empty."""
    from extract.eval.docgold import mention_predictions

    report = DocumentReport()
    rows = [{"label": "DATE"}, {"label": "DATE", "value": ""}, {"label": "MONEY", "value": "5", "unit": "EUR"}]
    rows += [
        {"label": "COUNT", "text": "12 à 18 chars", "value": "18", "value_min": "12"},
        {"label": "RANGE", "value": "3"},
    ]
    assert mention_predictions(rows, report) == {
        "MONEY": [("", "5", "EUR")],
        "COUNT": [("12 à 18 chars", "18", ""), ("12 à 18 chars", "12", "")],
        "RANGE": [("", "3", "")],
    }
    assert report.unresolved_dates == 2


def test_deal_rows_may_leave_out_columns():
    gold = {
        "id": "d",
        "deals": [
            {"recipient": "IND", "system": ["Scorpène"], "quantity": 6},
            {"recipient": "MAR", "system": ["F-16"], "quantity": 24},
            {"recipient": "EGY", "system": ["Rafale"], "status": "ordered"},
            {"supplier": "FRA", "recipient": "GRC", "system": ["Rafale"]},
        ],
    }
    rows = [
        {"supplier": "USA", "recipient": "MAR", "system": "F-16", "quantity": "12"},
        {"recipient": "MAR", "system": "F-16", "quantity": "24"},
        {"recipient": "EGY", "system": "Rafale"},
        {"recipient": "QAT"},
        {"supplier": "FRA", "system": "Rafale", "evidence": "x" * 200},
    ]
    report = DocumentReport()
    score_document(gold, [], rows, report)
    assert (report.deals.tp, report.deals.fp, report.deals.fn) == (2, 3, 2)
    assert report.fields == {"supplier": [0, 0], "quantity": [1, 1], "value": [0, 0], "status": [0, 1]}
    assert [e for e in report.errors if e["kind"] != "fp"] == [
        {"doc_id": "d", "label": "DEAL", "kind": "fn", "expected": "->IND Scorpène"},
        {
            "doc_id": "d",
            "label": "DEAL",
            "kind": "field:status",
            "expected": "ordered",
            "found": "",
            "deal": "->EGY Rafale",
        },
        {"doc_id": "d", "label": "DEAL", "kind": "fn", "expected": "FRA->GRC Rafale"},
    ]
    assert [(e["found"], e["evidence"]) for e in report.errors if e["kind"] == "fp"] == [
        ("USA->MAR F-16", ""),
        ("->QAT ", ""),
        ("FRA-> Rafale", "x" * 160),
    ]


@pytest.mark.parametrize(
    ("expected", "found", "ok"),
    [
        (200, "201", True),
        (200, "201.5", False),
        (200, "199", True),
        (1000, "1004", True),
        (1000, "1006", False),
        (24, "24.0", True),
        (24, "", False),
    ],
)
def test_deal_quantities_within_half_a_percent(expected, found, ok):
    gold = {"id": "d", "deals": [{"recipient": "MAR", "system": ["F-16"], "quantity": expected, "value": expected}]}
    report = DocumentReport()
    score_document(gold, [], [{"recipient": "MAR", "system": "F-16", "quantity": found, "value": found}], report)
    assert report.fields["quantity"] == [int(ok), 1] and report.fields["value"] == [int(ok), 1]


@pytest.mark.parametrize("word", ["None", "XXXX"])
def test_a_missing_cell_is_empty_not_a_word(word):
    """A row without recipient or system matches no gold deal, even one whose name reads like a placeholder."""
    gold = {"id": "d", "deals": [{"recipient": word.upper(), "system": [word]}]}
    report = DocumentReport()
    score_document(
        gold, [], [{"supplier": "FRA", "system": word}, {"supplier": "FRA", "recipient": word.upper()}], report
    )
    assert (report.deals.tp, report.deals.fp, report.deals.fn) == (0, 2, 1)


def test_predictions_without_a_value_count_apart_by_their_text():
    from extract.eval.docgold import score_label

    predictions = [("Rafale", "", ""), ("Mirage", "", ""), ("rafale", "", "")]
    assert score_label("WEAPON", ["Rafale", "Mirage 2000"], predictions) == (1, ["Mirage 2000"], [("Mirage", "", "")])
    assert score_label("ORG", ["DGA", "OCCAR"], [("DGA", "", ""), ("OCCAR", "", "")]) == (2, [], [])


def test_repeats_are_one_name_for_systems_and_organizations_one_name_and_unit_otherwise():
    from extract.eval.docgold import score_label

    twice = [("Mirage", "Mirage", "aircraft"), ("Mirage", "Mirage", "other")]
    assert score_label("WEAPON", [], twice) == (0, [], twice[:1])
    assert score_label("ORG", [], twice) == (0, [], twice[:1])
    amounts = [("5 M€", "5000000", "EUR"), ("5 M$", "5000000", "usd"), ("5 millions $", "5000000", "USD")]
    assert score_label("MONEY", [[5000000, "USD"]], amounts) == (1, [], amounts[:1])
