"""The tuning loop: gold markup, scores, the regression floor, and --compare."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from extract.cli import main
from extract.errors import InputError
from extract.eval.evaluate import Score, compare_reports
from extract.eval.gold import load_samples, parse_markup
from extract.rules import packaged_rules_dir
from tests.conftest import SAMPLES

#: CI's regression guard on the shipped samples (micro F1 by value).
MIN_F1 = 0.99  # the samples stay at or above this micro F1 (by value)


@pytest.mark.parametrize(
    ("annotated", "plain", "expected"),
    [
        ("Le [[Maroc|COUNTRY|MAR]] achète.", "Le Maroc achète.", [("COUNTRY", "Maroc", 3, 8, "MAR", "", {})]),
        (
            "[[entre 70 et 80 km|RANGE|80|km|min=70]]",
            "entre 70 et 80 km",
            [("RANGE", "entre 70 et 80 km", 0, 17, "80", "km", {"min": "70"})],
        ),
        (
            "[[près de 4 milliards de dirhams|MONEY|4000000000|MAD|approx=près de]] et [[2021|DATE|2021]]",
            "près de 4 milliards de dirhams et 2021",
            [
                ("MONEY", "près de 4 milliards de dirhams", 0, 30, "4000000000", "MAD", {"approx": "près de"}),
                ("DATE", "2021", 34, 38, "2021", "", {}),
            ],
        ),
        ("Pas de mention.", "Pas de mention.", []),
    ],
)
def test_markup_is_parsed(annotated, plain, expected):
    text, gold = parse_markup(annotated)
    assert text == plain
    assert [(g.label, g.text, g.start, g.end, g.value, g.unit, g.fields) for g in gold] == expected


@pytest.mark.parametrize("annotated", ["[[Maroc]]", "[[Maroc|country|MAR]]", "[[|COUNTRY|MAR]]"])
def test_bad_markup_names_the_line(annotated):
    with pytest.raises(InputError, match="E030"):
        parse_markup("ligne un\n" + annotated, "x.ann")


def test_gold_must_match_its_text(tmp_path):
    (tmp_path / "a.txt").write_text("Le Maroc achète.", encoding="utf-8")
    (tmp_path / "a.ann").write_text("Le [[Maroc|COUNTRY|MAR]] achète des chars.", encoding="utf-8")
    with pytest.raises(InputError, match="E031"):
        load_samples(tmp_path)


def test_every_shipped_sample_has_consistent_gold():
    samples = load_samples(SAMPLES)
    assert len(samples) >= 52
    for sample in samples:
        assert all(sample.text[g.start : g.end] == g.text for g in sample.gold)


@pytest.mark.parametrize(("tp", "fp", "fn", "f1"), [(0, 0, 0, 1.0), (8, 2, 2, 0.8), (0, 3, 0, 0.0), (5, 0, 0, 1.0)])
def test_score_ratios(tp, fp, fn, f1):
    assert Score(tp, fp, fn).f1 == pytest.approx(f1)


@pytest.fixture(scope="module")
def shipped_report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("eval")
    assert main(["eval", str(SAMPLES), "--report-dir", str(folder), "--min-f1", str(MIN_F1), "--no-errors"]) == 0
    return json.loads((folder / "eval_report.json").read_text(encoding="utf-8"))


def test_shipped_samples_pass_the_floor(shipped_report):
    assert shipped_report["micro"]["by_value"]["f1"] >= MIN_F1
    assert shipped_report["documents"] >= 40
    for label in ("MONEY", "COUNT", "RANGE", "DATE", "COUNTRY", "WEAPON", "ORG"):
        assert label in shipped_report["by_value"]


def test_the_floor_fails_when_a_rule_is_broken(tmp_path, shipped_report):
    rules = tmp_path / "rules"
    shutil.copytree(packaged_rules_dir(), rules)
    (rules / "patterns" / "money.jsonl").write_text("", encoding="utf-8")  # every money pattern gone
    previous = tmp_path / "before.json"
    previous.write_text(json.dumps(shipped_report), encoding="utf-8")
    code = main(
        [
            "eval",
            str(SAMPLES),
            "--rules",
            str(rules),
            "--report-dir",
            str(tmp_path / "r"),
            "--min-f1",
            "MONEY=0.5",
            "--compare",
            str(previous),
            "--no-errors",
        ]
    )
    assert code == 3
    broken = json.loads((tmp_path / "r" / "eval_report.json").read_text(encoding="utf-8"))
    assert broken["by_value"]["MONEY"]["tp"] == 0
    changes = compare_reports(shipped_report, broken)
    assert changes["f1_delta"]["MONEY"]["by_value"] < -0.5
    assert any(e["label"] == "MONEY" and e["kind"] == "fn" for e in changes["broken"])


def test_report_files_are_written(tmp_path):
    sample = tmp_path / "s"
    sample.mkdir()
    shutil.copy(SAMPLES / "01_maroc_himars.txt", sample)
    shutil.copy(SAMPLES / "01_maroc_himars.ann", sample)
    assert main(["eval", str(sample), "--report-dir", str(tmp_path / "r"), "--no-errors"]) == 0
    csv_text = (tmp_path / "r" / "eval_report.csv").read_text(encoding="utf-8-sig")
    assert csv_text.startswith("way,label,tp,fp,fn,precision,recall,f1")
    assert "value,ALL," in csv_text and "span,ALL," in csv_text
    assert Path(tmp_path / "r" / "eval_report.json").exists()
