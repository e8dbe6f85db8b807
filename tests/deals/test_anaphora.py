"""Transfers of things a sentence does not name (extract/deals/anaphora.py): a system named
before ('30 de ces engins', 'en a commandé 26', 'ce canon'), a category ('72 obusiers'), the
country 'le pays' or 'sa flotte' stands for."""

from __future__ import annotations

import pytest

from extract.deals.anaphora import (
    CATEGORY_RULE,
    anaphoric_systems,
    antecedent,
    counted_items,
    country_nouns,
    demonstrative_nouns,
    holder,
    pronoun_count,
    uncounted_items,
)
from extract.deals.cues import CueHit
from tests.deals.conftest import actor, candidate, cue, words


def system(value: str, unit: str, country: str = "", start: int = 0) -> object:
    return candidate("WEAPON", start, start + 1, value, unit=unit, extra={"country": country})


def count(start: int, end: int, unit: str, value: str = "30", **fields) -> object:
    return candidate("COUNT", start, end, value, unit=unit, **fields)


def hit(start: int, kind: str = "delivered", direction: str = "out", end: int | None = None) -> CueHit:
    return CueHit(start, start + 1 if end is None else end, cue("t", kind, direction))


HIMARS = system("M142 HIMARS", "artillery", "USA")
RAFALE = system("Rafale", "aircraft", "FRA")
CAESAR = system("CAESAR", "artillery", "FRA")


# --- the system named before ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("earlier", "category", "expected"),
    [
        ([[HIMARS], [RAFALE]], "", RAFALE),  # the nearest
        ([[HIMARS], [RAFALE]], "other", RAFALE),
        ([[HIMARS], [RAFALE]], "artillery", HIMARS),
        ([[HIMARS, CAESAR], [RAFALE]], "artillery", CAESAR),  # the last of its sentence
        ([[HIMARS], [], [], [RAFALE]], "artillery", None),  # three sentences back at most
        ([[HIMARS], [], [RAFALE]], "artillery", HIMARS),
        ([[RAFALE]], "ship", None),
        ([], "", None),
    ],
)
def test_antecedent(earlier, category, expected):
    assert antecedent(earlier, category) is expected


@pytest.mark.parametrize(
    ("text", "counts", "triggers", "expected"),
    [
        # '30 de ces engins': a demonstrative before a counted noun
        ("la France a livre 30 de ces lanceurs", [count(4, 7, "lanceur")], [hit(3)], [("CAESAR", 7)]),
        ("la France a livre 30 x y ces lanceurs", [count(4, 8, "lanceur")], [hit(3)], [("CAESAR", 8)]),
        ("la France a livre ces x y 30 lanceurs", [count(7, 9, "lanceur")], [hit(3)], [("CAESAR", 9)]),
        ("la France a livre ces x y z 30 lanceurs", [count(8, 10, "lanceur")], [hit(3)], []),  # too far before
        ("la France a livre 30 lanceurs", [count(4, 6, "lanceur")], [hit(3)], []),  # no demonstrative
        ("ces 30 lanceurs livres", [count(1, 3, "lanceur")], [hit(3)], [("CAESAR", 3)]),  # opening the text
        ("la France a livre 30 de ces avions", [count(4, 7, "avion")], [hit(3)], []),  # no aircraft before
        ("la France a livre 30 de ces trucs", [count(4, 7, "truc")], [hit(3)], []),  # no known noun
        # 'en a commandé 109': the pronoun before the trigger, its count after it
        ("Paris en a commande 109", [count(4, 5, "")], [hit(3, "ordered", "in")], [("CAESAR", 5)]),
        ("Paris en a commande x y z 109", [count(7, 8, "")], [hit(3, "ordered", "in")], [("CAESAR", 8)]),
        ("Paris en a commande x y z w 109", [count(8, 9, "")], [hit(3, "ordered", "in")], [("CAESAR", 4)]),
        ("Paris en commande", [], [hit(2, "ordered", "in")], [("CAESAR", 3)]),
        ("apres en avoir cede 18", [count(4, 5, "")], [hit(3)], [("CAESAR", 5)]),
        ("Paris en a x commande", [], [hit(4, "ordered", "in")], []),  # more than one word between
        ("Paris en avait a commande", [], [hit(4, "ordered", "in")], []),  # two auxiliaries: too many
        ("livre des obus en", [], [hit(0)], []),  # nothing before the text's first word
        ("Paris en x commande", [], [hit(3, "ordered", "in")], []),  # not an auxiliary
        ("en livrant des obus", [], [hit(1)], []),  # a gerund
        ("Paris a commande", [], [hit(2, "ordered", "in")], []),
        # the noun counted before the pronoun's trigger must be the system's category
        (
            "fourni 2 obus et continue d' en livrer 150",
            [count(1, 3, "obus"), count(8, 9, "")],
            [hit(0), hit(7)],
            [("CAESAR", 9)],
        ),
        (
            "fourni 2 missiles et continue d' en livrer 150",
            [count(1, 3, "missile"), count(8, 9, "")],
            [hit(0), hit(7)],
            [],
        ),
        (
            "fourni 2 unites et continue d' en livrer 150",
            [count(1, 3, "unité"), count(8, 9, "")],
            [hit(0), hit(7)],
            [("CAESAR", 9)],
        ),
        # a count of no known noun before the pronoun says nothing of its category
        (
            "3 x , Paris en a commande 109",
            [count(0, 1, ""), count(7, 8, "")],
            [hit(6, "ordered", "in")],
            [("CAESAR", 8)],
        ),
        # a count or trigger that gives nothing does not end the search
        ("5 trucs et 30 de ces lanceurs", [count(0, 2, "truc"), count(3, 7, "lanceur")], [], [("CAESAR", 7)]),
        ("5 lanceurs et x y 30 de ces lanceurs", [count(0, 2, "lanceur"), count(5, 9, "lanceur")], [], [("CAESAR", 9)]),
        (
            "fourni 2 missiles , en livre 3 , puis 5 obus et en livre 150",
            [count(1, 3, "missile"), count(6, 7, ""), count(9, 11, "obus"), count(14, 15, "")],
            [hit(5), hit(13)],
            [("CAESAR", 15)],
        ),
    ],
)
def test_anaphoric_systems(tables, text, counts, triggers, expected):
    anaphors, categories, _ = tables
    found = anaphoric_systems(words(text), counts, triggers, [[HIMARS, CAESAR]], categories, anaphors)
    assert [(w.value, w.start) for w in found] == expected
    assert all(w.rule_id == "anaphor" and w.start == w.end for w in found)


def test_anaphoric_systems_without_antecedent(tables):
    anaphors, categories, _ = tables
    folded = words("la France a livre 30 de ces engins et en a cede 3")
    counts = [count(4, 7, "engin"), count(12, 13, "")]
    assert anaphoric_systems(folded, counts, [hit(3), hit(11)], [], categories, anaphors) == []
    found = anaphoric_systems(folded, counts, [hit(3), hit(11)], [[RAFALE]], categories, anaphors)
    assert found == []  # the 'engins' counted before are of another category than the Rafale


def test_rules_with_the_pronoun_and_no_auxiliaries(tables):
    _, categories, _ = tables
    only_en = {"pronoun": frozenset({"en"})}
    folded = words("Paris en a commande 109")
    assert anaphoric_systems(folded, [], [hit(3, "ordered", "in")], [[CAESAR]], categories, only_en) == []
    found = anaphoric_systems(
        words("Paris en commande"), [], [hit(2, "ordered", "in")], [[CAESAR]], categories, only_en
    )
    assert [w.value for w in found] == ["CAESAR"]


def test_pronoun_count(tables):
    anaphors = tables[0]
    # 'a choisi le F-35 et prévoit d'en commander 64 exemplaires'
    folded = words("a choisi le F-35 et prevoit d' en commander 64 exemplaires")
    f35 = system("F-35", "aircraft", "USA", start=3)
    sixty_four = count(9, 11, "exemplaire", "64")
    assert pronoun_count(folded, [sixty_four], [hit(8)], f35, [f35], anaphors) is sixty_four
    other = system("Rafale", "aircraft", "FRA", start=5)  # another system between: not the F-35's
    assert pronoun_count(folded, [sixty_four], [hit(8)], f35, [f35, other], anaphors) is None
    assert pronoun_count(folded, [sixty_four], [hit(8)], f35, [f35, system("X", "", start=9)], anaphors) is sixty_four
    assert pronoun_count(folded, [sixty_four], [hit(8)], f35, [f35, system("X", "", start=4)], anaphors) is None
    # a trigger without 'en' before it does not end the search
    assert pronoun_count(folded, [sixty_four], [hit(5), hit(8)], f35, [f35], anaphors) is sixty_four
    assert pronoun_count(folded, [], [hit(8)], f35, [f35], anaphors) is None
    far = count(13, 14, "", "64")  # four words after the trigger
    assert pronoun_count(folded + ["x", "y", "64"], [far], [hit(8)], f35, [f35], anaphors) is None
    near = count(12, 13, "", "64")
    assert pronoun_count(folded + ["y", "64"], [near], [hit(8)], f35, [f35], anaphors) is near
    # a trigger before the system gives it nothing
    assert pronoun_count(folded, [sixty_four], [hit(8)], system("F-35", "", start=9), [], anaphors) is None
    assert pronoun_count(folded, [sixty_four], [hit(1)], f35, [f35], anaphors) is None


# --- a demonstrative or definite noun without a count --------------------------------------------------------------------


def test_demonstrative_nouns(tables, make_doc):
    anaphors, categories, nouns = tables
    text = "ce canon a ete exporte en Inde"
    doc = make_doc(text)
    found = demonstrative_nouns(doc, words(text), (0, 7), [], [[HIMARS, RAFALE]], nouns, categories, anaphors)
    assert [(w.value, w.start) for w in found] == [("M142 HIMARS", 2)]
    text = "Puis ce canon a ete exporte"
    doc = make_doc(text)
    found = demonstrative_nouns(doc, words(text), (0, 6), [], [[HIMARS, RAFALE]], nouns, categories, anaphors)
    assert [(w.value, w.start, w.end, w.rule_id) for w in found] == [("M142 HIMARS", 3, 3, "anaphor")]
    # a noun of no known category stands for the last system named
    found = demonstrative_nouns(doc, words(text), (0, 6), [], [[HIMARS, RAFALE]], nouns, {}, anaphors)
    assert [w.value for w in found] == ["Rafale"]
    # a noun without a demonstrative does not end the search
    text2 = "Puis des canons et ce canon a ete exporte"
    found = demonstrative_nouns(make_doc(text2), words(text2), (0, 9), [], [[HIMARS]], nouns, categories, anaphors)
    assert [w.start for w in found] == [6]
    assert demonstrative_nouns(doc, words(text), (0, 6), [], [[RAFALE]], nouns, categories, anaphors) == []
    assert demonstrative_nouns(doc, words(text), (3, 6), [], [[HIMARS]], nouns, categories, anaphors) == []
    counted = [count(2, 3, "canon")]  # a counted noun is an anaphoric system's
    assert demonstrative_nouns(doc, words(text), (0, 6), counted, [[HIMARS]], nouns, categories, anaphors) == []
    later = [count(4, 6, "obus")]  # a count after it does not hide it
    found = demonstrative_nouns(doc, words(text), (0, 6), later, [[HIMARS]], nouns, categories, anaphors)
    assert [w.start for w in found] == [3]
    # a definite article only with the parse
    text = "Puis le canon a ete exporte"
    assert demonstrative_nouns(make_doc(text), words(text), (0, 6), [], [[HIMARS]], nouns, categories, anaphors) == []


def test_demonstrative_nouns_with_the_parse(tables, extractor):
    from spacy.tokens import Doc

    anaphors, categories, nouns = tables
    text = "Puis le canon a ete exporte"
    heads, pos = [5, 2, 5, 5, 5, 5], ["ADV", "DET", "NOUN", "AUX", "AUX", "VERB"]
    doc = Doc(
        extractor.nlp.vocab,
        words=text.split(),
        heads=heads,
        deps=["advmod", "det", "nsubj:pass", "aux", "aux:pass", "ROOT"],
        pos=pos,
    )
    found = demonstrative_nouns(doc, words(text), (0, 6), [], [[HIMARS]], nouns, categories, anaphors)
    assert [(w.value, w.start) for w in found] == [("M142 HIMARS", 3)]
    # a noun that is no argument does not end the search
    words2 = "Puis ce radar et ce canon sont livres".split()
    deps = ["advmod", "det", "nmod", "cc", "det", "nsubj:pass", "aux:pass", "ROOT"]
    doc = Doc(extractor.nlp.vocab, words=words2, heads=[7, 2, 7, 5, 5, 7, 7, 7], deps=deps)
    found = demonstrative_nouns(doc, words(" ".join(words2)), (0, 8), [], [[HIMARS]], nouns, categories, anaphors)
    assert [w.start for w in found] == [6]
    # 'la ligne de production de cet appareil': not what is transferred
    doc = Doc(
        extractor.nlp.vocab,
        words=text.split(),
        heads=heads,
        deps=["advmod", "det", "nmod", "aux", "aux:pass", "ROOT"],
        pos=pos,
    )
    assert demonstrative_nouns(doc, words(text), (0, 6), [], [[HIMARS]], nouns, categories, anaphors) == []


def test_rules_without_anaphor_words_give_no_stand_ins(tables, make_doc):
    """A rules folder whose anaphors.csv lists none of these words: nothing stands for anything."""
    _, categories, nouns = tables
    folded = words("Puis ces canons , en a livre 30 de ces lanceurs et sa flotte , le pays , des chars")
    counts = [count(7, 10, "lanceur")]
    doc = make_doc(" ".join(folded))
    assert anaphoric_systems(folded, counts, [hit(5)], [[HIMARS]], categories, {}) == []
    assert demonstrative_nouns(doc, folded, (0, len(folded)), [], [[HIMARS]], nouns, categories, {}) == []
    assert holder(folded, (0, len(folded)), [], [[actor(0, "MAR", "recipient")]], {}) is None
    assert country_nouns(folded, (0, len(folded)), [], "MAR", {}) == []
    assert uncounted_items(folded, (0, len(folded)), [hit(5)], set(), nouns, categories, {}) == []
    assert pronoun_count(folded, counts, [hit(5)], system("X", "", start=0), [], {}) is None
    found = counted_items(folded, counts, [hit(5)], [], [], set(), categories, {})
    assert [(w.value, w.rule_id) for w in found] == [("lanceur", CATEGORY_RULE)]  # no demonstrative: a category
