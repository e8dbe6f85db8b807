"""The figures a deal takes from its sentence (extract/deals/sentence.py): counts, amounts, the
aside of a list item, the document's main parties."""

from __future__ import annotations

from decimal import Decimal

import pytest

from extract.deals.record import Deal
from extract.deals.sentence import (
    SentenceFacts,
    amount,
    aside_owner,
    attach_nearby_amounts,
    bracket_origin,
    main_recipient_of,
    main_supplier_of,
    own_aside,
    own_count,
    states_transfer,
    system_amount,
    system_count,
    whole,
)
from tests.deals.conftest import actor, candidate, cue


def facts_of(doc, start: int = 0, end: int | None = None, **fields) -> SentenceFacts:
    return SentenceFacts(doc[start : len(doc) if end is None else end], **fields)


def count(start: int, end: int, value: str, unit: str = "") -> object:
    return candidate("COUNT", start, end, value, unit=unit)


def weapon(start: int, end: int, value: str) -> object:
    return candidate("WEAPON", start, end, value)


# --- the count of a system ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "weapons", "counts", "expected"),
    [
        # a count of the system itself, right before it or one word before
        ("24 Rafale", [(1, 2, "Rafale")], [(0, 1, "24", "Rafale")], 24),
        ("24 nouveaux Rafale", [(2, 3, "Rafale")], [(0, 1, "24", "Rafale")], 24),
        # a plain count up to six words before ('18 lanceurs M142 HIMARS')
        ("18 lanceurs M142 HIMARS", [(2, 4, "HIMARS")], [(0, 1, "18")], 18),
        ("18 a b c d e HIMARS", [(6, 7, "HIMARS")], [(0, 1, "18")], 18),
        ("18 a b c d e f HIMARS", [(7, 8, "HIMARS")], [(0, 1, "18")], 18),
        ("18 a b c d e f g HIMARS", [(8, 9, "HIMARS")], [(0, 1, "18")], None),
        # the nearest count before it
        ("18 a 20 b HIMARS", [(4, 5, "HIMARS")], [(0, 1, "18"), (2, 3, "20")], 20),
        # a count after the system is not its count
        ("HIMARS 18 lanceurs", [(0, 1, "HIMARS")], [(1, 2, "18")], None),
        # not past another system
        ("18 Rafale et des HIMARS", [(4, 5, "HIMARS"), (1, 2, "Rafale")], [(0, 1, "18")], None),
        # not another item of a list
        ("94 cartouches , des Stinger", [(4, 5, "Stinger")], [(0, 1, "94")], None),
        ("94 cartouches ; des Stinger", [(4, 5, "Stinger")], [(0, 1, "94")], None),
        # not a count in a bracket the system is not in
        ("des CV90 ( 20 exemplaires ) et Archer", [(7, 8, "Archer"), (1, 2, "CV90")], [(3, 4, "20")], None),
        ("x ( 20 y ) Archer", [(5, 6, "Archer")], [(2, 3, "20")], None),  # a bracket opened on the second word
        # a count in the system's own bracket, or before the bracket it stands in
        ("( 20 exemplaires Archer )", [(3, 4, "Archer")], [(1, 2, "20")], 20),
        ("20 x ( Archer )", [(3, 4, "Archer")], [(0, 1, "20")], 20),
        # the count in the bracket right after the system
        ("des F-35 ( 27 exemplaires commandes )", [(1, 2, "F-35")], [(3, 4, "27")], 27),
        ("des F-35 ( a b c d e 27 )", [(1, 2, "F-35")], [(8, 9, "27")], 27),
        ("des F-35 ( a b c d e f 27 )", [(1, 2, "F-35")], [(9, 10, "27")], None),
        ("des F-35 ( 27 ) 30", [(1, 2, "F-35")], [(3, 4, "27"), (5, 6, "30")], 27),
        ("des F-35 ( ) 30", [(1, 2, "F-35")], [(4, 5, "30")], None),  # after the bracket closes
        ("des F-35 ( 27 exemplaires", [(1, 2, "F-35")], [(3, 4, "27")], 27),  # a bracket never closed
        ("( x ) des F-35 ( 27 )", [(4, 5, "F-35")], [(6, 7, "27")], 27),  # a bracket closed before it
        ("des F-35 ( et Rafale 27 )", [(1, 2, "F-35"), (4, 5, "Rafale")], [(5, 6, "27")], None),
        ("des F-35 , 27", [(1, 2, "F-35")], [(3, 4, "27")], None),  # no bracket
        ("des F-35", [(1, 2, "F-35")], [], None),  # the sentence ends there
    ],
)
def test_system_count(make_doc, text, weapons, counts, expected):
    doc = make_doc(text)
    facts = facts_of(doc, weapons=[weapon(*w) for w in weapons], counts=[count(*c) for c in counts])
    assert system_count(facts, facts.weapons[0]) == expected


def test_a_count_of_another_unit_right_before_is_a_plain_count(make_doc):
    doc = make_doc("x 24 Rafale")
    facts = facts_of(doc, weapons=[weapon(2, 3, "Rafale")], counts=[count(1, 2, "24", "Mirage")])
    assert system_count(facts, facts.weapons[0]) == 24
    doc = make_doc("3 x 24 Rafale")  # a count of the system two words before: a plain count
    facts = facts_of(doc, weapons=[weapon(3, 4, "Rafale")], counts=[count(0, 1, "3", "Rafale"), count(2, 3, "24")])
    assert system_count(facts, facts.weapons[0]) == 24
    facts.counts = [count(0, 1, "3"), count(2, 3, "24", "Rafale")]
    assert system_count(facts, facts.weapons[0]) == 24


def test_a_count_of_the_system_one_word_before_it_even_past_a_comma(make_doc):
    doc = make_doc("24 , Rafale")
    facts = facts_of(doc, weapons=[weapon(2, 3, "Rafale")], counts=[count(0, 1, "24", "Rafale")])
    assert system_count(facts, facts.weapons[0]) == 24
    facts.counts = [count(0, 1, "24")]  # a plain count there is another list item's
    assert system_count(facts, facts.weapons[0]) is None


def test_a_system_named_at_the_same_place_is_not_between(make_doc):
    doc = make_doc("18 HIMARS")
    himars, other = weapon(1, 2, "HIMARS"), weapon(1, 2, "M142")
    facts = facts_of(doc, weapons=[himars, other], counts=[count(0, 1, "18")])
    assert system_count(facts, himars) == 18


def test_system_count_in_a_sentence_that_starts_later(make_doc):
    doc = make_doc("Fin . des F-35 ( 27 )")
    facts = facts_of(doc, 2, weapons=[weapon(3, 4, "F-35")], counts=[count(5, 6, "27")])
    assert system_count(facts, facts.weapons[0]) == 27
    doc = make_doc("( a . 18 HIMARS")  # a bracket before the sentence does not count
    facts = facts_of(doc, 3, weapons=[weapon(4, 5, "HIMARS")], counts=[count(3, 4, "18")])
    assert system_count(facts, facts.weapons[0]) == 18


# --- the amount of a system -------------------------------------------------------------------------


def money(start: int, end: int, value: str, unit: str = "EUR", value_min: str = "") -> object:
    return candidate("MONEY", start, end, value, unit=unit, value_min=value_min)


@pytest.mark.parametrize(
    ("text", "system", "amounts", "expected"),
    [
        ("rien", (0, 1), [], None),
        ("X pour 5", (0, 1), [(2, 3, "5")], "5"),
        ("5 pour X , puis Y pour 7", (6, 7), [(0, 1, "5"), (8, 9, "7")], "7"),  # the nearest
        ("5 pour X , puis Y pour 7", (2, 3), [(0, 1, "5"), (8, 9, "7")], "5"),
        ("X a b 5 c d e 7", (0, 1), [(3, 4, "5"), (7, 8, "7")], "5"),
        ("5 a b c d 7 e X", (7, 8), [(0, 1, "5"), (5, 6, "7")], "7"),
        # the gap on each side, whatever the lengths of the amount and the system
        ("a b 5 c d X e 7 M", (5, 6), [(2, 3, "5"), (7, 9, "7")], "7"),
        ("a b 5 M c X d e 7", (5, 6), [(2, 4, "5"), (8, 9, "7")], "5"),
        # a restated amount is not another one: the first stands for both
        ("4 couronnes ( 419 dollars ) pour X", (6, 7), [(0, 2, "4"), (3, 5, "419")], "4"),
        ("4 M , soit plus de 9 M . X", (9, 10), [(0, 2, "4"), (6, 8, "9")], "4"),
        ("entre 700 et 800 M pour X", (6, 7), [(1, 2, "700"), (3, 5, "800")], "700"),
        # a gap of five words, or a word that is no restating word, makes two amounts
        ("4 M ( de de de de 9 M X", (10, 11), [(0, 2, "4"), (8, 10, "9")], "9"),
        ("4 M pour 9 M X", (5, 6), [(0, 2, "4"), (3, 5, "9")], "9"),
    ],
)
def test_system_amount(make_doc, text, system, amounts, expected):
    doc = make_doc(text)
    facts = facts_of(doc, money=[money(*m) for m in amounts])
    found = system_amount(facts, weapon(*system, "X"))
    assert (found.value if found else None) == expected


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"value": "700", "value_min": ""}, Decimal(700)),
        ({"value": "750", "value_min": "700"}, Decimal(700)),
        ({"value": "", "value_min": ""}, None),
    ],
)
def test_amount(fields, expected):
    assert amount(candidate("MONEY", 0, 1, **fields)) == expected


@pytest.mark.parametrize(("value", "expected"), [("24", 24), ("24.0", 24), ("1e3", 1000), ("", None)])
def test_whole(value, expected):
    assert whole(count(0, 1, value)) == expected


@pytest.mark.parametrize(
    ("kinds", "expected"), [(["none"], False), ([], False), (["none", ""], True), (["ordered"], True)]
)
def test_states_transfer(make_doc, kinds, expected):
    from extract.deals.cues import CueHit

    facts = facts_of(make_doc("x"), triggers=[CueHit(0, 1, cue("x", kind)) for kind in kinds])
    assert states_transfer(facts) is expected


# --- brackets and list items ---------------------------------------------------------------------------


def test_aside_owner(make_doc):
    doc = make_doc("au Nigeria ( commande du departement americain ) et au Mali")
    nigeria, usa, mali = actor(1, "NGA"), actor(6, "USA", form_kind="demonym"), actor(10, "MLI")
    facts = facts_of(doc, actors=[nigeria, usa, mali])
    assert aside_owner(facts, usa) is nigeria
    assert aside_owner(facts, mali) is None
    assert aside_owner(facts, nigeria) is None
    facts = facts_of(doc, actors=[usa, mali])  # nobody before the bracket
    assert aside_owner(facts, usa) is None


def test_aside_owner_is_the_last_actor_outside_brackets_before_it(make_doc):
    doc = make_doc("Mali ( Niger ) Tchad ( x Benin )")
    mali, niger, chad, benin = actor(0, "MLI"), actor(2, "NER"), actor(4, "TCD"), actor(7, "BEN")
    facts = facts_of(doc, actors=[mali, niger, chad, benin])
    assert aside_owner(facts, benin) is chad
    assert aside_owner(facts, niger) is mali


def test_aside_owner_stands_outside_brackets(make_doc):
    doc = make_doc("( Mali ) x ( Niger )")
    mali, niger = actor(1, "MLI"), actor(5, "NER")
    assert aside_owner(facts_of(doc, actors=[mali, niger]), niger) is None  # Mali is in an aside of its own


def test_bracket_origin(make_doc):
    doc = make_doc("des appareils israeliens ( Harfang , Heron ) et des Bayraktar")
    israel = actor(2, "ISR", form_kind="demonym")
    facts = facts_of(doc, actors=[israel])
    assert bracket_origin(facts, weapon(4, 5, "Harfang")) == "ISR"
    assert bracket_origin(facts, weapon(6, 7, "Heron")) == "ISR"
    assert bracket_origin(facts, weapon(10, 11, "Bayraktar")) == ""  # outside the bracket
    assert bracket_origin(facts_of(doc, actors=[actor(2, "ISR")]), weapon(4, 5, "Harfang")) == ""  # a name
    doc = make_doc("israeliens x ( Harfang )")  # not right before the bracket
    facts = facts_of(doc, actors=[actor(0, "ISR", form_kind="demonym")])
    assert bracket_origin(facts, weapon(3, 4, "Harfang")) == ""


OWN_COUNTS = {
    # the count before the item ('80 pour les Emirats'), up to four words before
    "before": ("80 pour les Emirats", [(3, "ARE")], [(0, 1, "80")], "ARE", 80),
    "four-before": ("80 a b c d Emirats", [(5, "ARE")], [(0, 1, "80")], "ARE", 80),
    "five-before": ("80 a b c d e Emirats", [(6, "ARE")], [(0, 1, "80")], "ARE", None),
    "right-before": ("80 Emirats", [(1, "ARE")], [(0, 1, "80")], "ARE", 80),
    "before-past-a-comma": ("80 , Emirats", [(2, "ARE")], [(0, 1, "80")], "ARE", None),
    "before-past-a-bracket": ("80 ) Emirats", [(2, "ARE")], [(0, 1, "80")], "ARE", None),
    "before-past-a-semicolon": ("80 ; Emirats", [(2, "ARE")], [(0, 1, "80")], "ARE", None),
    # the count after it, in its bracket or right after it
    "bracket-after": ("l' Angola ( 24 BTT )", [(1, "AGO")], [(3, 4, "24")], "AGO", 24),
    "right-after": ("et la Tchequie 52 canons", [(2, "CZE")], [(3, 4, "52")], "CZE", 52),
    "after-no-bracket": ("Tchequie a 52 canons", [(0, "CZE")], [(2, 3, "52")], "CZE", None),
    "too-far-after": ("Angola ( x y 24 )", [(0, "AGO")], [(4, 5, "24")], "AGO", None),
    "two-after": ("Angola x ( 24 )", [(0, "AGO")], [(3, 4, "24")], "AGO", 24),
    # one demonym for two countries: both stand at one place, neither is between
    "two-countries-one-place": ("80 pour Emirats", [(2, "ARE"), (2, "OMN")], [(0, 1, "80")], "ARE", 80),
    "after-a-date": ("Chili en decembre 1997 ( deux )", [(0, "CHL")], [(5, 6, "2")], "CHL", 2),
    "right-after-a-date": ("Chili decembre 1997 ( deux )", [(0, "CHL")], [(4, 5, "2")], "CHL", 2),
    # not across another party or a system
    "another-party-between": ("80 pour Oman et Emirats", [(2, "OMN"), (4, "ARE")], [(0, 1, "80")], "ARE", None),
    # another role, another country
    "other-country": ("80 pour les Emirats", [(3, "ARE")], [(0, 1, "80")], "OMN", None),
}


@pytest.mark.parametrize(
    ("text", "actors", "counts", "country", "expected"), list(OWN_COUNTS.values()), ids=list(OWN_COUNTS)
)
def test_own_count(make_doc, text, actors, counts, country, expected):
    doc = make_doc(text)
    dates = (
        [candidate("DATE", text.split().index("decembre"), text.split().index("1997") + 1, "1997-12")]
        if "decembre" in text
        else []
    )
    facts = facts_of(
        doc, actors=[actor(s, c, "recipient") for s, c in actors], counts=[count(*c) for c in counts], dates=dates
    )
    assert own_count(facts, country) == expected


def test_own_count_of_a_role(make_doc):
    doc = make_doc("12 au Qatar et 12 a Oman")
    facts = facts_of(
        doc,
        actors=[actor(2, "QAT", "supplier"), actor(6, "OMN", "supplier")],
        counts=[count(0, 1, "12"), count(4, 5, "12")],
    )
    assert own_count(facts, "OMN", "supplier") == 12
    assert own_count(facts, "OMN") is None  # a supplier, not a recipient
    facts.weapons = [weapon(5, 6, "W")]  # a system between the count and the country
    assert own_count(facts, "OMN", "supplier") is None


def test_own_aside(make_doc):
    doc = make_doc("au Mali ( 6 commandes , ( 4 ) recus ) et au Niger ( 2 )")
    facts = facts_of(
        doc, actors=[actor(1, "MLI", "recipient"), actor(13, "NER", "recipient"), actor(1, "FRA", "supplier")]
    )
    assert own_aside(facts, "MLI") == (3, 10)
    assert own_aside(facts, "NER") == (15, 16)
    assert own_aside(facts, "FRA") is None  # not a recipient
    assert own_aside(facts, "DEU") is None
    # the same country named first without its aside
    doc = make_doc("au Mali puis au Mali ( 2 )")
    facts = facts_of(doc, actors=[actor(1, "MLI", "recipient"), actor(4, "MLI", "recipient")])
    assert own_aside(facts, "MLI") == (6, 7)
    doc = make_doc("au Mali ( 6 commandes")  # never closed
    assert own_aside(facts_of(doc, actors=[actor(1, "MLI", "recipient")]), "MLI") is None
    doc = make_doc("au Mali")
    assert own_aside(facts_of(doc, actors=[actor(1, "MLI", "recipient")]), "MLI") is None


def test_own_aside_after_a_date(make_doc):
    doc = make_doc("au Chili le 3 mars ( 2 )")
    facts = facts_of(doc, actors=[actor(1, "CHL", "recipient")], dates=[candidate("DATE", 3, 5, "x")])
    assert own_aside(facts, "CHL") == (6, 7)
    facts.dates = [candidate("DATE", 2, 5, "x")]  # a date starting at 'le' is not skipped past 'le'
    assert own_aside(facts, "CHL") is None


# --- amounts in a sentence naming no system ---------------------------------------------------------------


def _sentences(make_doc, texts: list[str], paragraphs: list[int]) -> list[SentenceFacts]:
    doc = make_doc(" ".join(texts))
    found, start = [], 0
    for text, paragraph in zip(texts, paragraphs, strict=True):
        end = start + len(text.split())
        found.append(facts_of(doc, start, end, paragraph=paragraph))
        start = end
    return found


def _valued(deals: list[Deal]) -> list[tuple]:
    return [(d.value, d.currency, d.value_scope, d.package_id) for d in deals]


def test_an_amount_naming_no_system_values_the_deals_near_it(make_doc):
    from extract.deals.cues import CueHit

    sentences = _sentences(make_doc, ["La vente .", "Elle vaut 5 M .", "x .", "y .", "z ."], [0, 0, 0, 0, 0])
    sentences[1].money = [money(5, 7, "5", "USD")]
    sentences[1].triggers = [CueHit(3, 4, cue("vaut", "none"))]
    near, far, valued, other = (Deal("A", "B", "S", sentences=[i]) for i in (0, 4, 3, 1))
    valued.value = Decimal(9)
    attach_nearby_amounts(sentences, [near, far, valued, other], 0)
    assert _valued([near, other]) == [(Decimal(5), "USD", "package", "a21")] * 2
    assert (far.value, valued.value) == (None, Decimal(9))
    one = Deal("A", "B", "S", sentences=[3])
    attach_nearby_amounts(sentences, [one], 100)
    assert _valued([one]) == [(Decimal(5), "USD", "system", "")]


@pytest.mark.parametrize(
    ("weapons", "triggers", "values_a_deal", "paragraphs", "expected"),
    [
        (False, True, False, [0, 0], Decimal(5)),
        (True, True, False, [0, 0], None),  # a sentence naming a system values its own
        (False, False, False, [0, 0], None),  # no trigger and no value noun
        (False, False, True, [0, 0], Decimal(5)),
        (False, True, False, [0, 1], None),  # another paragraph
        (False, False, True, [0, 1], Decimal(5)),  # a value noun opening a paragraph looks back
    ],
)
def test_attach_nearby_amounts_cases(make_doc, weapons, triggers, values_a_deal, paragraphs, expected):
    from extract.deals.cues import CueHit

    sentences = _sentences(make_doc, ["La vente .", "Le montant est 5 M ."], paragraphs)
    second = sentences[1]
    second.money = [money(6, 8, "5")]
    second.weapons = [weapon(4, 5, "W")] if weapons else []
    second.triggers = [CueHit(4, 5, cue("est", "none"))] if triggers else []
    second.values_a_deal = values_a_deal
    first = Deal("A", "B", "S", sentences=[0])
    attach_nearby_amounts(sentences, [first], 0)
    assert first.value == expected


def test_a_value_noun_looks_back_two_sentences_only(make_doc):
    sentences = _sentences(make_doc, ["a .", "b .", "c .", "Le montant 5 ."], [0, 0, 0, 1])
    sentences[3].money = [money(8, 9, "5")]
    sentences[3].values_a_deal = True
    deals = [Deal("A", "B", "S", sentences=[i]) for i in range(3)]
    attach_nearby_amounts(sentences, deals, 0)
    assert [d.value for d in deals] == [None, Decimal(5), Decimal(5)]


# --- the document's main parties -------------------------------------------------------------------------


def test_main_supplier_of(make_doc):
    doc = make_doc("a b c d e f")
    s1 = facts_of(
        doc, 0, 3, actors=[actor(0, "FRA", "supplier"), actor(1, "USA", "supplier"), actor(2, "IND", "recipient")]
    )
    s2 = facts_of(doc, 3, 6, actors=[actor(3, "USA", "supplier")])
    assert main_supplier_of([s1, s2]) == "USA"
    assert main_supplier_of([facts_of(doc, actors=[actor(0, "IND", "recipient")])]) == ""


def test_main_recipient_of(make_doc):
    doc = make_doc("a b c d e f g h")
    lead = facts_of(doc, 0, 2, actors=[actor(0, "MAR", "recipient")])
    later = facts_of(doc, 2, 8, actors=[actor(i, "DZA", "recipient") for i in (2, 3, 4)])
    assert main_recipient_of([lead, later]) == "DZA"  # 3 against the lead's 1 + 1
    later.actors.pop()
    assert main_recipient_of([lead, later]) == "MAR"  # the lead counts twice (2 each: the first named)
    empty = facts_of(doc, 0, 1)
    assert main_recipient_of([empty, lead, later]) == "MAR"  # the lead is the first naming something
    assert main_recipient_of([facts_of(doc, 0, 1, weapons=[weapon(0, 1, "W")]), lead, later]) == "DZA"
    # no recipient: the first country named
    only = facts_of(doc, 0, 3, actors=[actor(0, "X", label="ORG"), actor(1, "FRA", "supplier"), actor(2, "IND")])
    assert main_recipient_of([only]) == "FRA"
    assert main_recipient_of([facts_of(doc, actors=[actor(0, "X", label="ORG")])]) == ""
    assert main_recipient_of([]) == ""
