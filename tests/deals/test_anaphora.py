"""Transfers of things a sentence does not name (extract/deals/anaphora.py): a system named
before ('30 de ces engins', 'en a commandé 26', 'ce canon'), a category ('72 obusiers'), the
country 'le pays' or 'sa flotte' stands for."""

from __future__ import annotations

import pytest

from extract.deals.actors import Actor
from extract.deals.anaphora import (
    CATEGORY_RULE,
    anaphoric_systems,
    antecedent,
    counted_items,
    country_nouns,
    country_referent,
    demonstrative_nouns,
    holder,
    pronoun_count,
    settle_country_nouns,
    uncounted_items,
)
from extract.deals.cues import CueHit
from extract.deals.standins import StandIns
from tests.deals.conftest import actor, candidate, cue, words


@pytest.fixture
def tables(rules):
    """(anaphor words, noun lemma -> category, folded form -> lemma) of the default rules."""
    stand_ins = StandIns(rules)
    return rules.anaphors, stand_ins.noun_categories, stand_ins.noun_lemmas


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


# --- countries a sentence refers to --------------------------------------------------------------------------------------------


def test_holder(tables):
    anaphors = tables[0]
    # 'L'armée marocaine ... Sa flotte se compose de Predator et de Heron'
    folded = words("sa flotte se compose de Predator")
    earlier = [[actor(0, "MAR", "recipient")], [actor(0, "FRA", "supplier")]]
    found = holder(folded, (0, 6), [], earlier, anaphors)
    assert (found.country, found.role, found.candidate.start, found.candidate.end) == ("MAR", "recipient", 0, 2)
    assert (found.candidate.rule_id, found.candidate.label) == ("anaphor", "COUNTRY")
    assert (found.candidate.value, found.candidate.extra) == ("MAR", {"country": "MAR"})
    # a country named before it in its sentence
    folded = words("l' Allemagne dispose dans son arsenal de Leopard")
    germany = actor(1, "DEU")
    assert holder(folded, (0, 8), [germany], earlier, anaphors) is germany
    assert holder(folded, (0, 8), [actor(1, "X", label="ORG")], earlier, anaphors).country == "MAR"
    assert holder(folded, (0, 8), [actor(6, "DEU")], earlier, anaphors).country == "MAR"  # after it
    # a country right before the possessive ('l'Allemagne son arsenal')
    assert holder(words("Allemagne son arsenal"), (0, 3), [actor(0, "DEU")], earlier, anaphors).country == "DEU"
    # the possessive and its noun ending the span; not before the span
    assert holder(words("de sa flotte"), (0, 3), [], earlier, anaphors).country == "MAR"
    assert holder(words("sa flotte . la France"), (3, 5), [], earlier, anaphors) is None
    # rules that list possessives and no holding nouns
    assert holder(words("sa flotte"), (0, 2), [], earlier, {"possessive": frozenset({"sa"})}) is None
    # no possessive and holding noun, or nobody before
    assert holder(words("la flotte de Predator"), (0, 4), [], earlier, anaphors) is None
    assert holder(words("sa flotte"), (0, 2), [], [[actor(0, "FRA", "supplier")]], anaphors) is None
    assert holder(words("sa flotte"), (0, 1), [], earlier, anaphors) is None  # the noun outside the span
    far = [[actor(0, "MAR", "recipient")], [], [], []]
    assert holder(words("sa flotte"), (0, 2), [], far, anaphors) is None


def test_country_referent():
    demonym = actor(0, "MAR", form_kind="demonym")
    first, party = actor(1, "ESP"), actor(4, "MAR", "recipient")
    assert country_referent([[actor(0, "FRA", "supplier")], [first, party]]) == "MAR"  # its first party
    assert country_referent([[first, actor(4, "MAR")]]) == "ESP"  # else its first country
    assert country_referent([[actor(0, "FRA")], [demonym]]) == "FRA"  # a demonym names none
    assert country_referent([[actor(0, "FRA")], [actor(0, "X", label="ORG")]]) == "FRA"
    assert country_referent([[actor(6, "FRA", "supplier"), actor(2, "IND", "recipient")]]) == "IND"
    assert country_referent([]) == ""


def test_country_nouns(tables):
    anaphors = tables[0]
    folded = words("l' Ukraine affirme que ce pays exploitait 43 appareils")
    ukraine = actor(1, "UKR")
    found = country_nouns(folded, (0, 9), [ukraine], "POL", anaphors)
    assert [(a.country, a.candidate.start, a.candidate.end, a.candidate.extra["referent"]) for a in found] == [
        ("UKR", 4, 6, "POL")
    ]
    (noun,) = country_nouns(folded, (0, 9), [], "POL", anaphors)
    assert (noun.country, noun.role, noun.candidate.label, noun.candidate.value, noun.candidate.rule_id) == (
        "POL",
        "",
        "COUNTRY",
        "POL",
        "anaphor",
    )
    assert noun.candidate.extra == {"country": "POL", "referent": "POL"}
    assert country_nouns(folded, (0, 9), [], "", anaphors) == []
    assert [a.country for a in country_nouns(folded, (0, 9), [actor(1, "X", label="ORG")], "POL", anaphors)] == ["POL"]
    spanish = actor(1, "ESP", form_kind="demonym")
    assert [a.country for a in country_nouns(folded, (0, 9), [spanish], "MAR", anaphors)] == ["MAR"]
    assert [a.country for a in country_nouns(folded, (0, 9), [actor(4, "X")], "MAR", anaphors)] == ["MAR"]
    assert country_nouns(words("des pays ont achete"), (0, 4), [], "MAR", anaphors) == []  # not 'le' / 'ce'
    assert country_nouns(words("pays"), (0, 1), [], "MAR", anaphors) == []


def test_settle_country_nouns():
    # 'l'Algérie a acquis auprès de ce pays': the noun took Algeria, the other party: it is the referent
    noun = Actor(candidate("COUNTRY", 5, 7, "DZA", rule_id="anaphor", extra={"referent": "RUS"}), "DZA", "supplier")
    algeria = actor(0, "DZA", "recipient")
    settle_country_nouns([algeria, noun])
    assert noun.country == "RUS"
    for others, role in (
        ([actor(0, "DZA", "supplier")], "supplier"),
        ([actor(0, "DZA", "")], "supplier"),
        ([], "supplier"),
    ):
        kept = Actor(candidate("COUNTRY", 5, 7, "DZA", rule_id="anaphor", extra={"referent": "RUS"}), "DZA", role)
        settle_country_nouns([*others, kept])
        assert kept.country == "DZA"
    no_referent = Actor(candidate("COUNTRY", 5, 7, "DZA", rule_id="anaphor", extra={"referent": ""}), "DZA", "supplier")
    settle_country_nouns([algeria, no_referent])
    assert no_referent.country == "DZA"
    named = Actor(candidate("COUNTRY", 5, 7, "DZA", extra={"referent": "RUS"}), "DZA", "supplier")
    settle_country_nouns([algeria, named])
    assert named.country == "DZA"
    # the noun taking the referent as a recipient
    noun = Actor(candidate("COUNTRY", 5, 7, "DZA", rule_id="anaphor", extra={"referent": "RUS"}), "DZA", "recipient")
    settle_country_nouns([actor(0, "DZA", "supplier"), noun])
    assert noun.country == "RUS"
    # a stand-in without a referent ('sa flotte') keeps its country
    held = Actor(candidate("COUNTRY", 5, 7, "DZA", rule_id="anaphor"), "DZA", "supplier")
    settle_country_nouns([algeria, held])
    assert held.country == "DZA"
    roleless = Actor(candidate("COUNTRY", 5, 7, "DZA", rule_id="anaphor", extra={"referent": "RUS"}), "DZA", "")
    settle_country_nouns([algeria, roleless])
    assert roleless.country == "DZA"


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
