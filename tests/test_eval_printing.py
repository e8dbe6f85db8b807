"""extract.eval.printing: what `extract eval` prints, line by line, from reports built by hand."""

from __future__ import annotations

import pytest

from extract.eval.docgold import DocumentReport, Tally
from extract.eval.evaluate import DealScore, Error, Report, Score
from extract.eval.printing import print_deal_scores, print_document_report, print_errors, print_scores


def printed(capsys, function, *args) -> list[str]:
    function(*args)
    return capsys.readouterr().out.split("\n")


def test_print_scores(capsys):
    report = Report(
        by_value={"COUNTRY": Score(8, 2, 2), "MONEY": Score(1, 0, 3)},
        by_span={"COUNTRY": Score(9, 1, 1), "DATE": Score(0, 1, 0)},
    )
    lines = printed(capsys, print_scores, report)
    assert lines == [
        "label       value P      R     F1    span P      R     F1   tp/fp/fn (value)",
        "COUNTRY       0.800  0.800  0.800     0.900  0.900  0.900   " + f"{'8/2/2':>16}",
        "DATE          1.000  1.000  1.000     0.000  1.000  0.000   " + f"{'0/0/0':>16}",
        "MONEY         1.000  0.250  0.400     1.000  1.000  1.000   " + f"{'1/0/3':>16}",
        "ALL           0.818  0.643  0.720     0.818  0.900  0.857   " + f"{'9/2/5':>16}",
        "",
    ]


def test_print_deal_scores(capsys):
    deals = DealScore(rows=Score(3, 1, 2))
    deals.fields.update({"supplier": [2, 3], "quantity": [0, 0], "value": [1, 1], "status": [0, 2]})
    lines = printed(capsys, print_deal_scores, Report(deals=deals))
    assert lines == [
        "",
        "deals      P 0.750  R 0.600  F1 0.667   tp/fp/fn 3/1/2",
        "field accuracy on matched rows: supplier 0.667  value 1.000  status 0.000",
        "",
    ]


def test_print_deal_scores_needs_deals():
    with pytest.raises(AssertionError):
        print_deal_scores(Report())


def test_print_errors(capsys):
    long_sentence = "x" * 250
    report = Report(
        errors=[
            Error("fp", "d2", "MONEY", "5 M€", 40, "", "5000000 EUR", "On parle de 5 M€.", "money:1"),
            Error("fn", "d1", "COUNTRY", "Maroc", 3, "MAR", "", long_sentence),
            Error("fp", "d1", "COUNTRY", "Rabat", 9, "MAR", "FRA", "Rabat."),
        ],
        deals=DealScore(
            errors=[
                {"kind": "fn", "doc_id": "d1", "deal": "USA->MAR HIMARS", "supplier": "USA", "status": "approved"},
            ]
        ),
    )
    lines = printed(capsys, print_errors, report)
    assert lines == [
        "",
        "== COUNTRY",
        "  [missed] d1 @3 'Maroc'  expected: MAR  found: -  ",
        "      " + "x" * 200,
        "  [false alarm] d1 @9 'Rabat'  expected: MAR  found: FRA  ",
        "      Rabat.",
        "",
        "== MONEY",
        "  [false alarm] d2 @40 '5 M€'  expected: -  found: 5000000 EUR  money:1",
        "      On parle de 5 M€.",
        "",
        "== DEALS",
        "  [fn] d1 USA->MAR HIMARS  supplier: USA  status: approved",
        "",
    ]


@pytest.mark.parametrize("deals", [None, DealScore()])
def test_print_errors_without_deal_errors(capsys, deals):
    assert printed(capsys, print_errors, Report(deals=deals)) == [""]


def document_report() -> DocumentReport:
    report = DocumentReport(documents=3, unresolved_dates=2)
    report.labels["COUNTRY"] = Tally(4, 1, 0)
    report.labels["ORG"] = Tally(1, 1, 1)
    report.deals = Tally(2, 2, 1)
    report.fields["supplier"] = [2, 2]
    report.fields["value"] = [1, 3]
    report.errors = [
        {
            "doc_id": "d1",
            "label": "DEAL",
            "kind": "field:status",
            "deal": "USA->MAR",
            "expected": "approved",
            "found": "ordered",
        },
        {"doc_id": "d2", "label": "COUNTRY", "kind": "fp", "found": {"text": "Rabat", "value": "MAR", "unit": ""}},
        {"doc_id": "d1", "label": "COUNTRY", "kind": "fn", "expected": "DZA"},
        {"doc_id": "d3", "label": "DEAL", "kind": "fp", "found": "FRA->IND Rafale"},
    ]
    return report


def test_print_document_report(capsys):
    lines = printed(capsys, print_document_report, document_report(), False)
    assert lines == [
        "label       tp    fp    fn      P      R     F1",
        "COUNTRY      4     1     0  0.800  1.000  0.889",
        "WEAPON       0     0     0  0.000  0.000  0.000",
        "MONEY        0     0     0  0.000  0.000  0.000",
        "COUNT        0     0     0  0.000  0.000  0.000",
        "RANGE        0     0     0  0.000  0.000  0.000",
        "DATE         0     0     0  0.000  0.000  0.000",
        "ORG          1     1     1  0.500  0.500  0.500",
        "micro        4     1     0  0.800  1.000  0.889",
        "deals        2     2     1  0.500  0.667  0.571",
        "deal fields on matched rows: supplier 1.000  value 0.333",
        "documents: 3; DATE mentions left without a value (not scored): 2",
        "micro = COUNTRY, WEAPON, MONEY, COUNT, RANGE, DATE; ORG apart",
        "",
    ]


def test_print_document_report_with_errors(capsys):
    lines = printed(capsys, print_document_report, document_report(), True)
    assert lines[13:] == [
        "",
        "== COUNTRY",
        "  [fp] d2 {'text': 'Rabat', 'value': 'MAR', 'unit': ''}",
        "  [fn] d1 DZA",
        "",
        "== DEAL",
        "  [field:status] d1 USA->MAR  expected 'approved'  found 'ordered'",
        "  [fp] d3 FRA->IND Rafale",
        "",
    ]


def test_a_field_error_without_its_deal(capsys):
    report = DocumentReport()
    report.errors = [{"doc_id": "d1", "label": "DEAL", "kind": "field:value", "expected": 1, "found": 2}]
    assert printed(capsys, print_document_report, report, True)[-2] == "  [field:value] d1   expected 1  found 2"
