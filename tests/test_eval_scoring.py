"""`extract eval`'s scoring on hand-made documents: what counts as a hit, a miss and a false
alarm, by span and by value, for mentions and for deals, and the report files (the command
line runs of tests/test_eval.py score the shipped samples as a whole)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.eval.evaluate import (
    DealScore,
    Report,
    Score,
    compare_reports,
    evaluate,
    read_gold_deals,
    score_deals,
    score_document,
    value_key,
    write_report,
)
from extract.eval.gold import Sample, parse_markup
from extract.mention import Mention

TEXT = "Le Maroc achète 18 HIMARS. Livraison en 2026.\nRabat paie 524 millions de dollars."


def sample(markup: str, doc_id: str = "doc") -> Sample:
    text, gold = parse_markup(markup)
    return Sample(doc_id, Path(f"{doc_id}.txt"), text, gold)


def found(text: str, label: str, word: str, value: str, unit: str = "", **more) -> Mention:
    start = text.index(word)
    return Mention(label, word, start, start + len(word), value, unit, **more)


@pytest.mark.parametrize(
    ("tp", "fp", "fn", "precision", "recall", "f1"),
    [
        (0, 0, 0, 1.0, 1.0, 1.0),  # nothing expected, nothing found
        (8, 2, 2, 0.8, 0.8, 0.8),
        (3, 1, 0, 0.75, 1.0, 6 / 7),
        (0, 3, 0, 0.0, 1.0, 0.0),
        (0, 0, 4, 1.0, 0.0, 0.0),
        (0, 2, 2, 0.0, 0.0, 0.0),
        (1, 0, 3, 1.0, 0.25, 0.4),
        (1, 2, 0, 1 / 3, 1.0, 0.5),
        (2, 0, 1, 1.0, 2 / 3, 0.8),
    ],
)
def test_score_ratios(tp, fp, fn, precision, recall, f1):
    score = Score(tp, fp, fn)
    assert (score.precision, score.recall, score.f1) == pytest.approx((precision, recall, f1))
    assert score.as_dict() == {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }


@pytest.mark.parametrize(
    ("label", "unit", "expected"),
    [
        ("MONEY", "USD", ("MONEY", "524000000", "USD")),
        ("COUNT", "HIMARS", ("COUNT", "524000000", "HIMARS")),
        ("COUNTRY", "x", ("COUNTRY", "524000000", "")),
        ("DATE", "", ("DATE", "524000000", "")),
    ],
)
def test_value_key_keeps_the_unit_where_it_is_part_of_the_fact(label, unit, expected):
    assert value_key(label, "524000000", unit) == expected


MARKUP = (
    "Le [[Maroc|COUNTRY|MAR]] achète [[18 HIMARS|COUNT|18|HIMARS]]. Livraison en [[2026|DATE|2026]].\n"
    "Rabat paie [[524 millions de dollars|MONEY|524000000|USD]]."
)


def test_a_perfect_extraction_scores_one_everywhere():
    doc = sample(MARKUP)
    report = Report()
    score_document(doc, [Mention(g.label, g.text, g.start, g.end, g.value, g.unit) for g in doc.gold], report)
    assert report.documents == 1 and report.errors == []
    for label in ("COUNTRY", "COUNT", "DATE", "MONEY"):
        assert (report.by_span[label].tp, report.by_span[label].fp, report.by_span[label].fn) == (1, 0, 0)
        assert (report.by_value[label].tp, report.by_value[label].fp, report.by_value[label].fn) == (1, 0, 0)


def test_misses_and_false_alarms_are_counted_and_explained():
    doc = sample(MARKUP)
    text = doc.text
    mentions = [
        found(text, "COUNTRY", "Maroc", "MAR", sentence="Le Maroc achète 18 HIMARS.", rule_id="country:gaz"),
        found(
            text, "COUNT", "18", "18", "HIMARS", rule_id="count:1", sentence="Le Maroc achète 18 HIMARS."
        ),  # wrong span
        found(text, "DATE", "2026", "2027"),  # right span, wrong value
        found(text, "COUNTRY", "Rabat", "MAR", rule_id="country:capital"),  # a false alarm by span only
    ]
    report = Report()
    score_document(doc, mentions, report)
    spans = {label: (s.tp, s.fp, s.fn) for label, s in report.by_span.items()}
    values = {label: (s.tp, s.fp, s.fn) for label, s in report.by_value.items()}
    assert spans == {"COUNTRY": (1, 1, 0), "COUNT": (0, 1, 1), "DATE": (1, 0, 0), "MONEY": (0, 0, 1)}
    # by value, Rabat's MAR is the fact already found; the date's value is a miss and a false alarm
    assert values == {"COUNTRY": (1, 0, 0), "COUNT": (1, 0, 0), "DATE": (0, 1, 1), "MONEY": (0, 0, 1)}
    errors = {(e.kind, e.label, e.text): e for e in report.errors}
    assert set(errors) == {
        ("fn", "COUNT", "18 HIMARS"),
        ("fn", "MONEY", "524 millions de dollars"),
        ("fp", "COUNT", "18"),
        ("fp", "COUNTRY", "Rabat"),
    }
    missed = errors["fn", "COUNT", "18 HIMARS"]
    assert (missed.doc_id, missed.start, missed.expected) == ("doc", text.index("18"), "18 HIMARS")
    assert missed.found == "COUNT '18' 18 HIMARS"  # what was found over the gold span
    assert missed.sentence == "Le Maroc achète 18 HIMARS."
    money = errors["fn", "MONEY", "524 millions de dollars"]
    assert (money.expected, money.found) == ("524000000 USD", "")
    assert money.sentence == "Rabat paie 524 millions de dollars."
    alarm = errors["fp", "COUNT", "18"]
    assert (alarm.expected, alarm.found, alarm.rule_id) == ("COUNT '18 HIMARS' 18 HIMARS", "18 HIMARS", "count:1")
    assert (alarm.doc_id, alarm.sentence) == ("doc", "Le Maroc achète 18 HIMARS.")
    rabat = errors["fp", "COUNTRY", "Rabat"]
    assert (rabat.expected, rabat.found, rabat.rule_id, rabat.start) == (
        "",
        "MAR",
        "country:capital",
        text.index("Rabat"),
    )


def test_scores_add_up_over_mentions_and_documents():
    report = Report()
    for doc_id in ("a", "b"):
        doc = sample("Le [[Maroc|COUNTRY|MAR]] et l'[[Inde|COUNTRY|IND]], pas la [[France|COUNTRY|FRA]].", doc_id)
        mentions = [found(doc.text, "COUNTRY", word, value) for word, value in (("Maroc", "MAR"), ("Inde", "IND"))]
        score_document(
            doc, [*mentions, found(doc.text, "COUNTRY", "pas", "x"), found(doc.text, "COUNTRY", "la", "y")], report
        )
    assert report.documents == 2
    assert (report.by_span["COUNTRY"].tp, report.by_span["COUNTRY"].fp, report.by_span["COUNTRY"].fn) == (4, 4, 2)
    assert (report.by_value["COUNTRY"].tp, report.by_value["COUNTRY"].fp, report.by_value["COUNTRY"].fn) == (4, 4, 2)


@pytest.mark.parametrize(
    ("markup", "start", "sentence"),
    [
        ("Un. Deux [[Maroc|COUNTRY|MAR]] trois. Quatre.", 9, "Deux Maroc trois."),
        ("[[Maroc|COUNTRY|MAR]] seul", 0, "Maroc seul"),
        ("Avant\n  le [[Maroc|COUNTRY|MAR]]\nAprès", 11, "le Maroc"),
        ("Fin. [[Maroc|COUNTRY|MAR]]", 5, "Maroc"),
        ("Un. Deux. Trois [[Maroc|COUNTRY|MAR]]", 16, "Trois Maroc"),  # from the last full stop before it
        (". [[Maroc|COUNTRY|MAR]]", 2, "Maroc"),  # a full stop as the first character
        ("Un\nDeux\n[[Maroc|COUNTRY|MAR]] trois", 8, "Maroc trois"),  # from the last line break before it
        ("[[Maroc|COUNTRY|MAR]] un. Deux. Trois", 0, "Maroc un."),  # to the first full stop after it
        ("[[Maroc|COUNTRY|MAR]] un\nDeux\nTrois", 0, "Maroc un"),  # or line break
    ],
)
def test_a_miss_shows_its_sentence(markup, start, sentence):
    report = Report()
    score_document(sample(markup), [], report)
    (error,) = report.errors
    assert (error.start, error.sentence) == (start, sentence)


@pytest.mark.parametrize(
    ("markup", "found_label", "found_word"),
    [("[[Maroc|COUNTRY|MAR]](DR)", "ORG", "(DR)"), ("Maroc[[(DR)|ORG|DR]]", "COUNTRY", "Maroc")],
)
def test_mentions_that_only_touch_do_not_overlap(markup, found_label, found_word):
    doc = sample(markup)
    report = Report()
    score_document(doc, [found(doc.text, found_label, found_word, "x")], report)
    assert [(e.kind, e.expected, e.found) for e in report.errors] == [
        ("fn", "MAR" if found_label == "ORG" else "DR", ""),
        ("fp", "", "x"),
    ]


def test_an_error_lists_every_mention_it_overlaps():
    doc = sample(MARKUP)
    text = doc.text
    wide = found(text, "ORG", "Maroc achète 18", "x")
    money = [found(text, "COUNT", "524", "524"), found(text, "MONEY", "millions de dollars", "1000000", "USD")]
    report = Report()
    score_document(doc, [wide, *money], report)
    errors = {(e.kind, e.text): e for e in report.errors}
    assert errors["fp", "Maroc achète 18"].expected == "COUNTRY 'Maroc' MAR; COUNT '18 HIMARS' 18 HIMARS"
    assert errors["fn", "524 millions de dollars"].found == "COUNT '524' 524; MONEY 'millions de dollars' 1000000 USD"


def test_errors_have_a_key_that_names_them():
    report = Report()
    score_document(sample("Le [[Maroc|COUNTRY|MAR]]."), [], report)
    assert report.errors[0].key() == "fn|doc|COUNTRY|3|Maroc|MAR|"


def test_reports_pool_and_serialize():
    report = Report(by_value={"A": Score(1, 2, 3), "B": Score(4, 0, 1)}, by_span={"B": Score(2, 2, 2)}, documents=3)
    pooled = report.micro(report.by_value)
    assert (pooled.tp, pooled.fp, pooled.fn) == (5, 2, 4)
    data = report.as_dict()
    assert data["documents"] == 3 and data["deals"] is None and data["errors"] == []
    assert list(data["by_value"]) == ["A", "B"] and data["by_span"] == {"B": Score(2, 2, 2).as_dict()}
    assert data["micro"] == {"by_value": pooled.as_dict(), "by_span": Score(2, 2, 2).as_dict()}
    assert Report(deals=DealScore()).as_dict()["deals"] == DealScore().as_dict()


def test_compare_reports_gives_deltas_fixed_and_broken():
    old = {
        "by_value": {"MONEY": {"f1": 0.5}, "COUNT": {"f1": 1.0}},
        "by_span": {"MONEY": {"f1": 0.25}},
        "errors": [{"key": "a", "n": 1}, {"key": "b", "n": 2}],
    }
    new = {
        "by_value": {"MONEY": {"f1": 0.75}, "DATE": {"f1": 0.5}},
        "by_span": {},
        "errors": [{"key": "b"}, {"key": "c"}],
    }
    changes = compare_reports(old, new)
    assert changes["f1_delta"] == {
        "COUNT": {"by_value": -1.0},
        "DATE": {"by_value": 0.5},
        "MONEY": {"by_value": 0.25, "by_span": -0.25},
    }
    assert changes["fixed"] == [{"key": "a", "n": 1}]
    assert changes["broken"] == [{"key": "c"}]
    assert compare_reports({}, {}) == {"f1_delta": {}, "fixed": [], "broken": []}


@pytest.mark.parametrize(
    ("old", "new"), [({}, {"by_value": {"MONEY": {"f1": 0.5}}}), ({"by_value": {"MONEY": {"f1": 0.5}}}, {})]
)
def test_a_report_without_a_way_of_scoring_compares_as_zero(old, new):
    """An older report without span scores (or without any) is compared with F1 0 where it says nothing."""
    expected = 0.5 if new else -0.5
    assert compare_reports(old, new)["f1_delta"] == {"MONEY": {"by_value": expected}}
    both = compare_reports(old | {"by_span": {"ORG": {"f1": 1.0}}}, new)
    assert both["f1_delta"]["ORG"] == {"by_span": -1.0}


def test_write_report(tmp_path):
    report = Report(by_value={"MONEY": Score(1, 1, 0)}, by_span={"MONEY": Score(0, 1, 1)}, documents=1)
    score_document(sample("En [[Algérie|COUNTRY|DZA]]."), [], report)
    json_path, csv_path = write_report(report, tmp_path / "new" / "folder")
    assert (json_path.name, csv_path.name) == ("eval_report.json", "eval_report.csv")
    json_text = json_path.read_text(encoding="utf-8")
    assert json.loads(json_text) == report.as_dict()
    assert '\n  "documents": 2,\n' in json_text  # indented for a reader
    assert '"text": "Algérie"' in json_text  # accents as written
    assert csv_path.read_bytes().startswith("\ufeff".encode())  # Excel reads it as UTF-8
    assert csv_path.read_text(encoding="utf-8-sig").splitlines() == [
        "way,label,tp,fp,fn,precision,recall,f1",
        "value,COUNTRY,0,0,1,1.0,0.0,0.0",
        "value,MONEY,1,1,0,0.5,1.0,0.6667",
        "value,ALL,1,1,1,0.5,0.5,0.5",
        "span,COUNTRY,0,0,1,1.0,0.0,0.0",
        "span,MONEY,0,1,1,0.0,0.0,0.0",
        "span,ALL,0,1,2,0.0,0.0,0.0",
    ]


GOLD_DEALS = "supplier,recipient,system,quantity,value,currency,status,hedged,date\n"


def deal(**cells: str) -> dict[str, str]:
    row = dict.fromkeys(
        ("supplier", "recipient", "system", "quantity", "value", "currency", "status", "hedged", "date"), ""
    )
    return row | cells


def test_deals_match_on_system_and_recipient_and_compare_their_fields():
    gold = [
        deal(
            supplier="USA",
            recipient="MAR",
            system="HIMARS",
            quantity="18",
            value="524000000",
            currency="USD",
            date="2024",
        ),
        deal(supplier="FRA", recipient="IND", system="Rafale", quantity="26"),
        deal(supplier="DEU", recipient="POL", system=""),
    ]
    found = [
        deal(
            supplier="USA",
            recipient="MAR",
            system="HIMARS",
            quantity="18",
            value="524000000",
            currency="EUR",
            date="2024",
        ),
        deal(supplier="FRA", recipient="GRC", system="Rafale", evidence="x" * 200),
        deal(supplier="FRA", recipient="IND", system="Rafale", quantity="26", hedged="True"),
    ]
    score = DealScore()
    score_deals("doc", gold, found, score)
    assert (score.rows.tp, score.rows.fp, score.rows.fn) == (2, 1, 1)
    assert score.fields == {
        "supplier": [2, 2],
        "quantity": [2, 2],
        "value": [1, 2],
        "status": [2, 2],
        "hedged": [1, 2],
        "date": [2, 2],
    }
    assert {"kind": "fn", "doc_id": "doc", "deal": "DEU->POL (no system)"} in score.errors
    assert {
        "kind": "field:value",
        "doc_id": "doc",
        "deal": "USA->MAR HIMARS",
        "expected": "524000000 USD",
        "found": "524000000 EUR",
    } in score.errors
    assert {"kind": "fp", "doc_id": "doc", "deal": "FRA->GRC Rafale", "evidence": "x" * 160} in score.errors
    assert len(score.errors) == 4  # and the hedged field of the Rafale row
    assert score.as_dict()["field_accuracy"] == {
        "supplier": 1.0,
        "quantity": 1.0,
        "value": 0.5,
        "status": 1.0,
        "hedged": 0.5,
        "date": 1.0,
    }


def test_every_missed_and_extra_row_is_counted():
    gold = [
        deal(recipient="POL", system="K2"),
        deal(recipient="ROU", system="K9"),
        deal(recipient="MAR", system="HIMARS"),
    ]
    found = [
        deal(recipient="MAR", system="HIMARS"),
        deal(recipient="IND", system="Rafale"),
        deal(recipient="GRC", system="Rafale"),
    ]
    score = DealScore()
    score_deals("doc", gold, found, score)
    assert (score.rows.tp, score.rows.fp, score.rows.fn) == (1, 2, 2)
    assert [e["kind"] for e in score.errors] == ["fn", "fn", "fp", "fp"]


def test_gold_rows_may_leave_out_the_optional_columns():
    """A gold file with only the columns it scores, against found rows with every column."""
    gold = [
        {"supplier": "USA", "recipient": "MAR", "system": "HIMARS", "value": "524000000"},  # no currency column
        {"supplier": "FRA", "recipient": "IND", "system": "Rafale", "currency": "EUR"},  # no value column
    ]
    found = [
        deal(supplier="USA", recipient="MAR", system="HIMARS", value="524000000"),
        deal(supplier="FRA", recipient="IND", system="Rafale", currency="EUR"),
        {"supplier": "FRA", "recipient": "GRC", "system": "Rafale"},  # no evidence
    ]
    score = DealScore()
    score_deals("doc", gold, found, score)
    assert score.fields == {name: [2, 2] for name in ("supplier", "quantity", "value", "status", "hedged", "date")}
    assert score.errors == [{"kind": "fp", "doc_id": "doc", "deal": "FRA->GRC Rafale", "evidence": ""}]


def test_a_found_row_matches_one_gold_row_only():
    gold = [deal(recipient="MAR", system="HIMARS"), deal(recipient="MAR", system="HIMARS")]
    score = DealScore()
    score_deals("doc", gold, [deal(recipient="MAR", system="HIMARS")], score)
    assert (score.rows.tp, score.rows.fp, score.rows.fn) == (1, 0, 1)


def test_field_accuracy_is_rounded_to_four_places():
    score = DealScore(fields={"supplier": [1, 3], "date": [2, 3]})
    assert score.as_dict()["field_accuracy"] == {"supplier": 0.3333, "date": 0.6667}


def test_an_empty_deal_score_has_no_accuracy():
    assert DealScore().as_dict() == {
        "rows": Score().as_dict(),
        "field_accuracy": dict.fromkeys(("supplier", "quantity", "value", "status", "hedged", "date")),
        "errors": [],
    }


def test_read_gold_deals_strips_cells(tmp_path):
    path = tmp_path / "a.deals.csv"
    path.write_text("\ufeff" + GOLD_DEALS + " USA , MAR,HIMARS,18,,,,,\n", encoding="utf-8")
    assert read_gold_deals(path) == [deal(supplier="USA", recipient="MAR", system="HIMARS", quantity="18")]


class ScriptedExtractor:
    """Gives the mentions and deals a test chose, in the order of the texts."""

    def __init__(self, results):
        self.results = results

    def extract_texts(self, texts):
        return [self.results[text] for text, _ in texts]


class Result:
    def __init__(self, mentions, deals=()):
        self.mentions, self.deals = mentions, list(deals)


class Deal:
    def __init__(self, row):
        self.row = row

    def as_row(self, doc_id):
        return {"doc_id": doc_id} | self.row


def test_evaluate_scores_every_annotated_sample_and_its_deals(tmp_path):
    (tmp_path / "a.txt").write_text("Le Maroc.", encoding="utf-8")
    (tmp_path / "a.ann").write_text("Le [[Maroc|COUNTRY|MAR]].", encoding="utf-8")
    (tmp_path / "b.txt").write_text("En 2026 à Rabat.", encoding="utf-8")
    (tmp_path / "b.ann").write_text("En [[2026|DATE|2026]] à [[Rabat|CITY|Rabat]].", encoding="utf-8")
    (tmp_path / "b.deals.csv").write_text(GOLD_DEALS + "USA,MAR,HIMARS,,,,,,\nFRA,MAR,Rafale,,,,,,\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Sans gold.", encoding="utf-8")  # no .ann: not a sample
    other = Mention("ORG", "Maroc", 3, 8, "x")  # ORG is scored: a false alarm
    region = Mention("REGION", "Maroc", 3, 8, "x")  # not scored, and not in the gold: left out
    city = Mention("CITY", "Rabat", 10, 15, "Rabat")  # not scored by default, but in b's gold
    extractor = ScriptedExtractor(
        {
            "Le Maroc.": Result([Mention("COUNTRY", "Maroc", 3, 8, "MAR"), other, region]),
            "En 2026 à Rabat.": Result([city], [Deal({"supplier": "USA", "recipient": "MAR", "system": "HIMARS"})]),
        }
    )
    report = evaluate(tmp_path, extractor)
    assert report.documents == 2
    assert {label: (s.tp, s.fp, s.fn) for label, s in report.by_span.items()} == {
        "COUNTRY": (1, 0, 0),
        "ORG": (0, 1, 0),
        "DATE": (0, 0, 1),
        "CITY": (1, 0, 0),
    }
    assert report.deals is not None and (report.deals.rows.tp, report.deals.rows.fp, report.deals.rows.fn) == (1, 0, 1)
    assert report.deals.errors == [{"kind": "fn", "doc_id": "b", "deal": "FRA->MAR Rafale"}]


def test_evaluate_needs_one_result_per_sample(tmp_path):
    (tmp_path / "a.txt").write_text("Le Maroc.", encoding="utf-8")
    (tmp_path / "a.ann").write_text("Le [[Maroc|COUNTRY|MAR]].", encoding="utf-8")

    class Silent:
        def extract_texts(self, texts):
            return []

    with pytest.raises(ValueError):
        evaluate(tmp_path, Silent())


def test_evaluate_without_deal_gold_has_no_deal_score(tmp_path):
    (tmp_path / "a.txt").write_text("Le Maroc.", encoding="utf-8")
    (tmp_path / "a.ann").write_text("Le [[Maroc|COUNTRY|MAR]].", encoding="utf-8")
    report = evaluate(tmp_path, ScriptedExtractor({"Le Maroc.": Result([])}))
    assert report.deals is None and report.by_value["COUNTRY"].fn == 1
