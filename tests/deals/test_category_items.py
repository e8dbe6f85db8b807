"""Stand-ins for counted and uncounted military nouns of a sentence naming no system
(extract/deals/anaphora.py: `counted_items`, `uncounted_items`): a system named before or after,
else a category ('72 obusiers', 'des chars')."""

from __future__ import annotations

import pytest

from extract.deals.anaphora import CATEGORY_RULE, counted_items, uncounted_items
from tests.deals.conftest import words
from tests.deals.test_anaphora import CAESAR, HIMARS, RAFALE, count, hit

# --- counted nouns of a sentence naming no system ------------------------------------------------------------------------


def _counted(tables, text, counts, triggers, earlier=(), later=(), suppliers=(), passed_on=frozenset()):
    anaphors, categories, _ = tables
    found = counted_items(
        words(text), counts, triggers, list(earlier), list(later), set(suppliers), categories, anaphors, passed_on
    )
    return [(w.value, w.unit, w.start, w.rule_id) for w in found]


def test_the_stand_ins_of_counted_items_in_full(tables):
    anaphors, categories, _ = tables
    folded = words("a livre 38 lanceurs et 12 canons")
    counts = [count(2, 4, "lanceur"), count(5, 7, "canon")]
    found = counted_items(folded, counts, [hit(1)], [HIMARS, CAESAR], [], set(), categories, anaphors)
    assert [(w.label, w.start, w.end, w.value, w.rule_id, w.extra) for w in found] == [
        ("WEAPON", 4, 4, "CAESAR", "anaphor", {"country": "FRA"}),
        ("WEAPON", 7, 7, "CAESAR", "anaphor", {"country": "FRA"}),
    ]
    (item,) = counted_items(folded[:4], counts[:1], [hit(1)], [], [], set(), categories, anaphors)
    assert (item.label, item.start, item.end, item.value, item.unit, item.rule_id, item.extra) == (
        "WEAPON",
        4,
        4,
        "lanceur",
        "artillery",
        CATEGORY_RULE,
        {"country": "", "system_kind": "category"},
    )


def test_a_category_deal(tables):
    # 'les États-Unis ont fourni 72 obusiers et 144 000 obus'
    text = "ont fourni 72 obusiers et 144000 obus"
    counts = [count(2, 4, "obusier", "72"), count(5, 7, "obus", "144000")]
    assert _counted(tables, text, counts, [hit(1)]) == [
        ("obusier", "artillery", 4, CATEGORY_RULE),
        ("obus", "artillery", 7, CATEGORY_RULE),
    ]


@pytest.mark.parametrize(
    ("text", "counts", "triggers", "expected"),
    [
        # the count must follow a stage word within eight words (or the item before it)
        ("a livre b c d e f g h i 38 lanceurs", [count(10, 12, "lanceur")], [hit(1)], [("lanceur", 12)]),
        ("a livre b c d e f g h i j 38 lanceurs", [count(11, 13, "lanceur")], [hit(1)], []),
        ("38 lanceurs livres", [count(0, 2, "lanceur")], [hit(2)], []),
        ("la vente de 38 lanceurs", [count(3, 5, "lanceur")], [hit(1, "")], []),  # no stage
        # a list goes on from each item taken
        (
            "a livre 4 corvettes a b c d e f g 2 patrouilleurs",
            [count(2, 4, "corvette"), count(11, 13, "patrouilleur")],
            [hit(1)],
            [("corvette", 4), ("patrouilleur", 13)],  # nine words after the stage word, seven after the item
        ),
        # a count of no category or before the stage word is skipped, not the end of the search
        ("a livre 5 trucs et 38 lanceurs", [count(2, 4, "truc"), count(5, 7, "lanceur")], [hit(1)], [("lanceur", 7)]),
        ("38 lanceurs et a livre 12 canons", [count(0, 2, "lanceur"), count(5, 7, "canon")], [hit(4)], [("canon", 7)]),
        (
            "a livre 38 de ces lanceurs et puis encore 12 canons",
            [count(2, 6, "lanceur"), count(9, 11, "canon")],
            [hit(1)],
            [("canon", 11)],
        ),
        # not a noun of no category, nor a unit carried from elsewhere
        ("a livre 38 trucs", [count(2, 4, "truc")], [hit(1)], []),
        ("a livre 38 canons", [count(2, 4, "canon", unit_source="sentence")], [hit(1)], []),
        # a demonstrative: an anaphor, not a category
        ("a livre 38 de ces lanceurs", [count(2, 6, "lanceur")], [hit(1)], []),
    ],
)
def test_counted_items_cases(tables, text, counts, triggers, expected):
    assert [(v, s) for v, _, s, _ in _counted(tables, text, counts, triggers)] == expected


def test_counted_items_take_the_system_named_before_or_after(tables):
    text = "a livre 38 lanceurs"
    counts = [count(2, 4, "lanceur")]
    # the last of the category named before
    assert _counted(tables, text, counts, [hit(1)], earlier=[HIMARS, CAESAR, RAFALE]) == [
        ("CAESAR", "artillery", 4, "anaphor")
    ]
    # 'autre' nouns take any system
    units = [count(2, 4, "unité")]
    assert _counted(tables, "a livre 38 unites", units, [hit(1)], earlier=[HIMARS, RAFALE])[0][0] == "Rafale"
    # else the first named in a later sentence naming the category again
    later = [([RAFALE], {"aircraft"}), ([CAESAR, HIMARS], {"artillery", None})]
    assert _counted(tables, text, counts, [hit(1)], later=later)[0][0] == "CAESAR"
    assert _counted(tables, text, counts, [hit(1)], later=[([CAESAR], {"aircraft"})])[0][3] == CATEGORY_RULE
    # a supplier that is not the system's origin: a category deal
    assert _counted(tables, text, counts, [hit(1)], earlier=[HIMARS], suppliers={"POL"})[0][3] == CATEGORY_RULE
    assert _counted(tables, text, counts, [hit(1)], earlier=[HIMARS], suppliers={"USA"})[0][0] == "M142 HIMARS"
    # unless it gives what the document shows passed on by another
    passed = frozenset({"M142 HIMARS"})
    given = _counted(tables, text, counts, [hit(1, "donated")], earlier=[HIMARS], suppliers={"POL"}, passed_on=passed)
    assert given[0][0] == "M142 HIMARS"
    sold = _counted(tables, text, counts, [hit(1, "ordered")], earlier=[HIMARS], suppliers={"POL"}, passed_on=passed)
    assert sold[0][3] == CATEGORY_RULE


def test_uncounted_items(tables):
    anaphors, categories, nouns = tables
    # 'pourrait se procurer des chars, des véhicules blindés et des drones'
    text = "pourrait se procurer des chars , des vehicules blindes et des drones"
    folded = words(text)
    found = uncounted_items(folded, (0, len(folded)), [hit(2, "ordered", "in")], set(), nouns, categories, anaphors)
    assert [(w.value, w.unit, w.start, w.extra["uncounted"]) for w in found] == [
        ("char", "armoured vehicle", 5, True),
        ("véhicule blindé", "armoured vehicle", 9, True),
        ("drone", "aircraft", 12, True),  # right after the noun that ends the text
    ]
    # eight words after the stage word at most
    found = uncounted_items(folded, (0, len(folded)), [hit(1, "ordered", "in")], set(), nouns, categories, anaphors)
    assert [w.value for w in found] == ["char", "véhicule blindé"]
    # a noun in a mention, without an indefinite, of no category, or seen before
    assert uncounted_items(folded, (0, len(folded)), [hit(2, "")], set(), nouns, categories, anaphors) == []
    found = uncounted_items(folded, (0, len(folded)), [hit(2, "ordered")], {4}, nouns, categories, anaphors)
    assert [w.value for w in found] == ["véhicule blindé", "drone"]
    (first,) = uncounted_items(
        words("il va acheter des chars"), (0, 5), [hit(2, "ordered", "in")], set(), nouns, categories, anaphors
    )
    assert (first.label, first.start, first.end, first.value, first.unit, first.rule_id, first.extra) == (
        "WEAPON",
        5,
        5,
        "char",
        "armoured vehicle",
        CATEGORY_RULE,
        {"country": "", "system_kind": "category", "uncounted": True},
    )
    text = "a achete les chars et des systemes et des chars"
    folded = words(text)
    assert uncounted_items(folded, (0, len(folded)), [hit(1)], set(), nouns, categories, anaphors)[0].start == 10
    assert len(uncounted_items(folded, (0, len(folded)), [hit(1)], set(), nouns, categories, anaphors)) == 1


@pytest.mark.parametrize(
    ("text", "triggers", "expected"),
    [
        # the longest noun: three words, or two ending the span
        ("a commande un batiment de projection", [hit(1, "ordered", "in")], [("bâtiment de projection", 6)]),
        ("a commande des vehicules blindes", [hit(1, "ordered", "in")], [("véhicule blindé", 5)]),
        # right after a stage cue ending on its indefinite ('la vente de chars')
        ("la vente de chars", [hit(1, "ordered", "out", end=3)], [("char", 4)]),
        # a noun before the stage word is skipped, not the end of the search
        ("des chars et livre des drones", [hit(3)], [("drone", 6)]),
        # one row per noun
        ("livre des chars et des chars", [hit(0)], [("char", 3)]),
    ],
)
def test_uncounted_items_cases(tables, text, triggers, expected):
    anaphors, categories, nouns = tables
    folded = words(text)
    found = uncounted_items(folded, (0, len(folded)), triggers, set(), nouns, categories, anaphors)
    assert [(w.value, w.start) for w in found] == expected


def test_a_noun_of_no_known_category_is_no_category_deal(tables):
    anaphors, _, nouns = tables
    folded = words("il va acheter des chars")
    assert uncounted_items(folded, (0, 5), [hit(2, "ordered", "in")], set(), nouns, {}, anaphors) == []
