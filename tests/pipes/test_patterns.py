"""`arms_patterns` (extract/pipes/patterns.py): LEX macros, trimming, normalizers per label."""

from __future__ import annotations

import dataclasses

import pytest

from extract.errors import RulesError
from extract.pipes.patterns import NORMALIZERS, ArmsPatterns, _trim, expand_lex, make_arms_patterns
from extract.rules import PatternRule
from tests.extractors import EXTRACTORS
from tests.pipes.test_tagger import tag

KB, ID = "ENT_KB_ID", "ENT_ID"
STAR = {"OP": "*"}

EXPANDED = {
    "plain-token": ([{"LOWER": "de"}], [[{"LOWER": "de"}]]),
    "one-class": ([{"LEX": "currency"}], [[{KB: "B-currency"}, {KB: "I-currency", **STAR}]]),
    "classes-of-one-slot": (
        [{"LEX": ["currency", "scaled_currency"]}],
        [
            [
                {KB: {"IN": ["B-currency", "B-scaled_currency"]}},
                {KB: {"IN": ["I-currency", "I-scaled_currency"]}, **STAR},
            ]
        ],
    ),
    "classes-of-two-slots": (
        [{"LEX": ["day", "number"]}],
        [[{ID: "B-day"}, {ID: "I-day", **STAR}], [{KB: "B-number"}, {KB: "I-number", **STAR}]],
    ),
    "other-keys-on-the-first-token": (
        [{"LEX": "number", "IS_DIGIT": True}],
        [[{KB: "B-number", "IS_DIGIT": True}, {KB: "I-number", **STAR}]],
    ),
    "optional": (
        [{"LOWER": "de"}, {"LEX": "approx", "OP": "?"}, {"LEX": "number"}],
        [
            [{"LOWER": "de"}, {KB: "B-approx"}, {KB: "I-approx", **STAR}, {KB: "B-number"}, {KB: "I-number", **STAR}],
            [{"LOWER": "de"}, {KB: "B-number"}, {KB: "I-number", **STAR}],
        ],
    ),
    "other-op-kept-on-plain-tokens": ([{"LOWER": "de", "OP": "?"}], [[{"LOWER": "de", "OP": "?"}]]),
    "plus-is-not-optional": (
        [{"LEX": "number", "OP": "+"}],
        [[{KB: "B-number"}, {KB: "I-number", **STAR}]],
    ),
}


@pytest.mark.parametrize(("pattern", "expected"), EXPANDED.values(), ids=EXPANDED.keys())
def test_expand_lex(pattern, expected):
    assert expand_lex(pattern) == expected


def rule(start_at=None, end_at=None, **fields) -> PatternRule:
    base = dict(
        id="r", label="WEAPON", pattern=[{"LOWER": "x"}], start_at=start_at, end_at=end_at, source="weapon.jsonl:1"
    )
    return PatternRule(**{**base, **fields})


# tokens: des(0) frégates(1) Type(2) 054A(3) et(4) 12(5) Su-57(6) et(7) 3(8) Su-35(9) en(10) avril(11) 2023(12)
TEXT = "des frégates Type 054A et 12 Su-57 et 3 Su-35 en avril 2023"


@pytest.mark.parametrize(
    ("start_at", "end_at", "span", "expected"),
    [
        (None, None, (0, 13), (0, 13)),
        ("weapon", None, (0, 13), (2, 13)),  # the first weapon: 'Type 054A'
        ("year", None, (0, 5), (5, 5)),  # no year in the span: empty
        (None, "weapon", (0, 13), (0, 10)),  # the last weapon: 'Su-35'
        (None, "weapon:first", (0, 13), (0, 4)),
        (None, "year", (0, 10), (0, 0)),  # none: empty
        ("number", "weapon", (0, 13), (5, 10)),
        ("number", "weapon:first", (0, 13), (5, 7)),  # a weapon before the start does not count
        ("military_noun", "military_noun", (0, 13), (1, 2)),
    ],
)
def test_trim(start_at, end_at, span, expected):
    doc = tag(TEXT)
    assert _trim(doc, *span, rule(start_at, end_at)) == expected


def test_trim_text_is_what_the_rows_say():
    doc = tag(TEXT)
    assert [doc[2:4].text, doc[5].text, doc[6].text, doc[9].text, len(doc)] == ["Type 054A", "12", "Su-57", "Su-35", 13]


def test_normalizers_by_label():
    assert set(NORMALIZERS) == {"money", "count", "range", "date", "unlisted_weapon", "institution", "text"}
    doc = tag("la flotte")
    candidate = NORMALIZERS["text"](doc, 1, 2, [], rule(label="REGION", id="region-x"))
    assert (candidate.label, candidate.start, candidate.end, candidate.value, candidate.rule_id) == (
        "REGION",
        1,
        2,
        "flotte",
        "region-x",
    )


def small_patterns() -> ArmsPatterns:
    """The component built from three rules of rules/patterns (one per normalizer used below).

    Built for each test (under a millisecond), not cached: mutmut's forked runs would reuse one
    cached by the first run, and what a test checks is also how it is built."""
    component = EXTRACTORS().nlp.get_pipe("arms_extractor")
    keep = {"money-amount-currency", "weapon-unlisted-after-noun", "count-number-noun"}
    rules = dataclasses.replace(component.rules, patterns=[r for r in component.rules.patterns if r.id in keep])
    return ArmsPatterns(component.nlp, rules)


def test_small_component():
    doc = small_patterns()(tag("Ils paient 300 euros pour 12 frégates XK-99."))
    found = [(c.label, doc[c.start : c.end].text, c.value, c.unit, c.rule_id) for c in doc._.arms_candidates]
    assert found == [
        ("MONEY", "300 euros", "300", "EUR", "money-amount-currency"),
        ("COUNT", "12 frégates", "12", "frégate", "count-number-noun"),
        ("WEAPON", "XK-99", "XK-99", "ship", "weapon-unlisted-after-noun"),
    ]


def test_the_longest_match_of_a_rule_only():
    doc = small_patterns()(tag("Ils paient environ 300 euros."))  # not '300 euros' as well
    assert [(c.rule_id, doc[c.start : c.end].text) for c in doc._.arms_candidates] == [
        ("money-amount-currency", "environ 300 euros")
    ]


def test_rejected_candidates_and_trimmed_away_matches_add_nothing():
    doc = tag("Ils paient 300 livres.")  # a currency that needs a money word or a scale
    before = list(doc._.arms_candidates)
    assert small_patterns()(doc)._.arms_candidates == before


def test_the_candidates_of_the_tagger_are_kept():
    doc = tag("La France paie 300 euros.")
    before = list(doc._.arms_candidates)
    assert [c.rule_id for c in before] == ["country:FRA:name"]
    after = small_patterns()(doc)._.arms_candidates
    assert after[:1] == before and [c.rule_id for c in after[1:]] == ["money-amount-currency"]


def test_a_match_trimmed_away_is_skipped_and_the_next_one_read():
    component = EXTRACTORS().nlp.get_pipe("arms_extractor")
    away = rule(id="trimmed-away", pattern=[{"LOWER": "des"}, {"LEX": "model_code"}], start_at="number")
    kept = [r for r in component.rules.patterns if r.id == "weapon-unlisted-after-count"]
    patterns = ArmsPatterns(component.nlp, dataclasses.replace(component.rules, patterns=[away, *kept]))
    doc = patterns(tag("des XK-99 et 12 XK-98."))  # 'des XK-99' has no number to start at
    found = [(c.rule_id, doc[c.start : c.end].text) for c in doc._.arms_candidates]
    assert found == [("weapon-unlisted-after-count", "XK-98")]


def test_a_pattern_spacy_rejects_names_its_file_and_line():
    component = EXTRACTORS().nlp.get_pipe("arms_extractor")
    bad = rule(id="bad", label="COUNT", pattern=[{"LOWER": {"NOPE": 1}}], source="count.jsonl:7")
    with pytest.raises(RulesError) as error:
        ArmsPatterns(component.nlp, dataclasses.replace(component.rules, patterns=[bad]))
    assert error.value.path.endswith("patterns/count.jsonl") and error.value.line == 7
    assert "E009" in error.value.message
    assert "Invalid token patterns for matcher rule 'bad'" in error.value.message  # spaCy's own words


def test_factory_builds_every_rule():
    built = make_arms_patterns(EXTRACTORS().nlp, "arms_patterns", None)
    assert set(built.rules) == {r.id for r in EXTRACTORS().nlp.get_pipe("arms_extractor").rules.patterns}
    assert len(built.matcher) == len(built.rules)
