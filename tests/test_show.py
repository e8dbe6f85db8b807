"""`extract show` and `extract annotate`: what a researcher looks at while tuning."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from extract.cli import main
from extract.eval.gold import parse_markup
from tests.conftest import SEED

TEXT = "date 2024-06 Essai (DR)\n\nLe Maroc a commandé 18 lanceurs pour 524 millions de dollars."


class SpanTexts(HTMLParser):
    """Collects the label boxes displaCy writes for each marked span."""

    def __init__(self) -> None:
        super().__init__()
        self.labels: list[str] = []
        self._in_label = False

    def handle_starttag(self, tag, attrs):
        style = dict(attrs).get("style") or ""
        self._in_label = tag == "span" and "border-radius" in style and "padding" in style

    def handle_data(self, data):
        if self._in_label and data.strip():
            self.labels.append(data.strip())
            self._in_label = False


def labels_in(html: str) -> list[str]:
    parser = SpanTexts()
    parser.feed(html)
    return parser.labels


def test_show_renders_the_seed_to_html(tmp_path, cached_extractors):
    page = tmp_path / "seed.html"
    assert main(["show", str(SEED), "--html", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    labels = labels_in(html)
    assert "MONEY 524000000 USD" in labels
    assert "COUNT 18 lanceur" in labels
    assert "COUNTRY MAR" in labels
    assert "RANGE 300 km" in labels
    assert not any(label.startswith(("ORG", "COUNTRY")) and "DR" in label for label in labels)


@pytest.mark.parametrize(
    ("gold_country", "verdicts"),
    [
        ("MAR", {"match: COUNTRY MAR"}),
        # the right span with another value: a false alarm and a miss, as `extract eval` counts it
        ("DZA", {"false alarm: COUNTRY MAR", "missed: COUNTRY DZA"}),
    ],
)
def test_show_with_gold_colours_matches_misses_and_false_alarms(tmp_path, cached_extractors, gold_country, verdicts):
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    gold = tmp_path / "a.ann"
    # gold marks the count and the country; it forgets the money
    gold.write_text(
        TEXT.replace("18 lanceurs", "[[18 lanceurs|COUNT|18|lanceur]]").replace(
            "Maroc", f"[[Maroc|COUNTRY|{gold_country}]]"
        ),
        encoding="utf-8",
    )
    page = tmp_path / "a.html"
    assert main(["show", str(article), "--gold", str(gold), "--html", str(page)]) == 0
    labels = labels_in(page.read_text(encoding="utf-8"))
    assert "match: COUNT 18 lanceur" in labels
    assert "false alarm: MONEY 524000000 USD" in labels
    assert {label for label in labels if "COUNTRY" in label} == verdicts


def test_show_verdicts_agree_with_eval(tmp_path, extractor):
    """Every verdict of the page is what `extract eval` says of the same text and gold."""
    from extract.eval.evaluate import Report, score_document
    from extract.eval.gold import load_samples
    from extract.show import _verdicts

    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.ann").write_text(
        TEXT.replace("Maroc", "[[Maroc|COUNTRY|DZA]]").replace("18 lanceurs", "[[18 lanceurs|COUNT|18|lanceur]]"),
        encoding="utf-8",
    )
    (sample,) = load_samples(tmp_path)
    mentions = extractor.extract(sample.text)
    report = Report()
    score_document(sample, mentions, report)
    verdicts = [v for _, _, v, _ in _verdicts(mentions, sample.gold)]
    by_value = report.micro(report.by_value)
    assert (verdicts.count("match"), verdicts.count("false alarm"), verdicts.count("missed")) == (
        by_value.tp,
        by_value.fp,
        by_value.fn,
    )


def test_show_in_the_terminal(tmp_path, capsys, cached_extractors):
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    assert main(["show", str(article)]) == 0
    out = capsys.readouterr().out
    assert "[MONEY 524000000 USD]" in re.sub(r"\s+", " ", out)


def test_annotate_prefills_a_gold_file_that_round_trips(tmp_path, cached_extractors):
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    assert main(["annotate", str(article)]) == 0
    annotated = (tmp_path / "a.ann").read_text(encoding="utf-8")
    plain, gold = parse_markup(annotated)
    assert plain == TEXT
    assert ("MONEY", "524 millions de dollars", "524000000", "USD") in {
        (g.label, g.text, g.value, g.unit) for g in gold
    }
    assert main(["annotate", str(article)]) == 2  # never overwrites without --force
