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


# --- the views, function by function, on hand-made mentions ------------------------------------

SHORT = "Le Maroc paie 524 millions de dollars pour 18 lanceurs."


def mention(label, word, value, unit="", **more):
    from extract.mention import Mention

    start = SHORT.index(word)
    return Mention(label, word, start, start + len(word), value, unit, **more)


MENTIONS = [
    mention("COUNT", "18 lanceurs", "18", "lanceur"),
    mention("COUNTRY", "Maroc", "MAR"),
    mention("MONEY", "524 millions de dollars", "524000000", "USD"),
]


def test_terminal_view_puts_each_value_after_its_mention_in_text_order():
    from extract.show import terminal_view

    view = terminal_view(SHORT, MENTIONS)
    assert view.plain == (
        "Le Maroc[COUNTRY MAR] paie 524 millions de dollars[MONEY 524000000 USD] pour 18 lanceurs[COUNT 18 lanceur]."
    )
    styled = {view.plain[s.start : s.end]: str(s.style) for s in view.spans}
    assert styled["Maroc"].endswith("underline") and styled["[COUNTRY MAR]"] != styled["[MONEY 524000000 USD]"]
    assert terminal_view(SHORT, []).plain == SHORT


def test_terminal_view_shows_a_label_without_a_style_in_bold():
    from extract.show import terminal_view

    view = terminal_view(SHORT, [mention("XYZ", "Maroc", "1")])
    assert {view.plain[s.start : s.end]: str(s.style) for s in view.spans} == {
        "Maroc": "bold underline",
        "[XYZ 1]": "bold",
    }


def test_print_terminal_colours_only_the_mentions():
    from rich.console import Console

    from extract.show import print_terminal

    console = Console(width=200, force_terminal=True, color_system="standard", record=True)
    print_terminal("Le Maroc paie 524 millions en 2024.", [], console)
    assert "\x1b[" not in console.export_text(styles=True)  # the text between mentions stays plain


def test_print_terminal_writes_the_view(capsys):
    from rich.console import Console

    from extract.show import print_terminal

    print_terminal(SHORT, MENTIONS[1:2], Console(width=200, color_system=None))
    assert capsys.readouterr().out == "Le Maroc[COUNTRY MAR] paie 524 millions de dollars pour 18 lanceurs.\n"


@pytest.mark.parametrize(
    ("found", "gold", "expected"),
    [
        ([MENTIONS[1]], "Le [[Maroc|COUNTRY|MAR]]", [("match", "COUNTRY MAR")]),
        ([MENTIONS[1]], "Le [[Maroc|COUNTRY|DZA]]", [("false alarm", "COUNTRY MAR"), ("missed", "COUNTRY DZA")]),
        ([MENTIONS[1]], "Le Maroc", [("false alarm", "COUNTRY MAR")]),
        ([], "Le [[Maroc|COUNTRY|MAR]]", [("missed", "COUNTRY MAR")]),
        (
            [mention("COUNTRY", "Maroc ", "MAR")],
            "Le [[Maroc|COUNTRY|MAR]]",
            [("false alarm", "COUNTRY MAR"), ("missed", "COUNTRY MAR")],
        ),
        # the unit counts for a count, as in eval; not for a country
        (
            [MENTIONS[0]],
            SHORT.replace("18 lanceurs", "[[18 lanceurs|COUNT|18|obus]]"),
            [("false alarm", "COUNT 18 lanceur"), ("missed", "COUNT 18 obus")],
        ),
        ([mention("COUNTRY", "Maroc", "MAR", "pays")], "Le [[Maroc|COUNTRY|MAR]]", [("match", "COUNTRY MAR pays")]),
    ],
)
def test_verdicts(found, gold, expected):
    from extract.show import _verdicts

    _, gold_mentions = parse_markup(gold)
    assert [(verdict, what) for _, _, verdict, what in _verdicts(found, gold_mentions)] == expected


def blank_docs(text, offsets=(0,)):
    import spacy

    nlp = spacy.blank("fr")
    bounds = [*offsets, len(text)]
    return [(nlp(text[start:end]), start) for start, end in zip(bounds, bounds[1:], strict=False)]


def test_render_html_marks_each_mention_in_its_label_colour():
    from extract.labels import LABEL_SPECS
    from extract.show import render_html

    html = render_html(blank_docs(SHORT), MENTIONS, title="Essai")
    assert "<title>Essai</title>" in html
    assert sorted(labels_in(html)) == ["COUNT 18 lanceur", "COUNTRY MAR", "MONEY 524000000 USD"]
    assert LABEL_SPECS["MONEY"].colour in html and LABEL_SPECS["COUNTRY"].colour in html
    assert "<title>displaCy</title>" in render_html(blank_docs(SHORT), MENTIONS)


def test_render_html_gives_a_label_without_a_colour_grey():
    from extract.show import render_html

    html = render_html(blank_docs(SHORT), [mention("XYZ", "Maroc", "1")])
    assert "background: #dddddd;" in html


def test_render_html_widens_a_mark_to_whole_tokens():
    from extract.show import VIEW_KEY, render_html

    docs = blank_docs(SHORT)
    start = SHORT.index("lanceurs")
    partial = mention("COUNT", "18", "18").__class__("COUNT", "lanceur", start, start + 7, "1")
    render_html(docs, [partial])
    assert [s.text for s in docs[0][0].spans[VIEW_KEY]] == ["lanceurs"]


def test_render_html_with_gold_colours_the_verdicts():
    from extract.show import VERDICT_COLOURS, render_html

    _, gold = parse_markup("Le [[Maroc|COUNTRY|DZA]]")
    html = render_html(blank_docs(SHORT), MENTIONS[1:2], gold=gold)
    assert sorted(labels_in(html)) == ["false alarm: COUNTRY MAR", "missed: COUNTRY DZA"]
    assert VERDICT_COLOURS["false alarm"] in html and VERDICT_COLOURS["missed"] in html
    assert VERDICT_COLOURS["match"] not in html


def test_render_html_places_marks_in_the_doc_that_holds_them():
    from extract.show import VIEW_KEY, render_html

    docs = blank_docs(SHORT, offsets=(0, SHORT.index(" paie")))  # the first Doc ends with 'Maroc'
    render_html(docs, MENTIONS)
    (first, _), (second, _) = docs
    assert [s.text for s in first.spans[VIEW_KEY]] == ["Maroc"]
    assert sorted(s.text for s in second.spans[VIEW_KEY]) == ["18 lanceurs", "524 millions de dollars"]


def test_render_html_maps_offsets_to_the_clean_text():
    from extract.show import VIEW_KEY, render_html

    docs = blank_docs(SHORT)
    shifted = [mention("COUNTRY", "Maroc", "MAR")]
    render_html(
        docs,
        [m.__class__(**{**m.__dict__, "start": m.start + 2, "end": m.end + 2}) for m in shifted],
        to_clean=lambda i: i - 2,
    )
    assert [s.text for s in docs[0][0].spans[VIEW_KEY]] == ["Maroc"]


def test_write_html(tmp_path):
    from extract.show import write_html

    write_html(tmp_path / "p.html", "<p>é</p>")
    assert (tmp_path / "p.html").read_bytes() == "<p>é</p>".encode()


@pytest.mark.parametrize(
    ("mentions", "skip_before", "expected"),
    [
        (MENTIONS[1:2], 0, "Le [[Maroc|COUNTRY|MAR]] paie"),
        (
            MENTIONS,
            0,
            "Le [[Maroc|COUNTRY|MAR]] paie [[524 millions de dollars|MONEY|524000000|USD]] pour [[18 lanceurs|COUNT|18|lanceur]].",
        ),
        (MENTIONS, SHORT.index("pour"), "Le Maroc paie 524 millions de dollars pour [[18 lanceurs|COUNT|18|lanceur]]."),
        (MENTIONS, SHORT.index("18"), "dollars pour [[18 lanceurs|COUNT|18|lanceur]]."),  # from skip_before on
        ([mention("COUNTRY", "Maroc", "")], 0, "Le [[Maroc|COUNTRY]] paie"),
        ([mention("COUNT", "18", "18", approx="près de")], 0, "pour [[18|COUNT|18||approx=près de]] lanceurs"),
        ([mention("RANGE", "18", "18", "km", value_min="10")], 0, "pour [[18|RANGE|18|km|min=10]] lanceurs"),
        (
            [mention("COUNTRY", "Maroc", "MAR"), mention("ORG", "Maroc paie", "x")],
            0,
            "Le [[Maroc|COUNTRY|MAR]] paie",
        ),  # overlaps skipped
    ],
)
def test_to_markup_prefills_gold(mentions, skip_before, expected):
    from extract.show import to_markup

    markup = to_markup(SHORT, mentions, skip_before)
    assert expected in markup
    assert parse_markup(markup)[0] == SHORT


def test_to_markup_keeps_a_mention_at_the_start_of_the_text():
    from extract.mention import Mention
    from extract.show import to_markup

    assert to_markup("Maroc.", [Mention("COUNTRY", "Maroc", 0, 5, "MAR")]) == "[[Maroc|COUNTRY|MAR]]."
