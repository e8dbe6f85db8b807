"""Sentences that detail the transfer told just before (extract/deals/elaboration.py) and the
system a subject pronoun stands for (extract/deals/standins.py, `subject_pronoun_system`)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from extract.deals.actors import Actor
from extract.deals.cues import CueHit
from extract.deals.elaboration import Elaborations
from extract.deals.roles import RoleFinder
from extract.deals.sentence import SentenceFacts
from extract.deals.stages import StageReader
from extract.deals.standins import subject_pronoun_system
from extract.textnorm import fold
from tests.deals.conftest import actor, candidate, cue


@pytest.fixture
def elaborations(rules) -> Elaborations:
    return Elaborations(rules, StageReader(rules), RoleFinder(rules))


def hit(start: int, kind: str = "delivered", direction: str = "out", word: str = "t") -> CueHit:
    return CueHit(start, start + 1, cue(word, kind, direction))


def _link(
    elaborations, make_doc, texts: list[str], triggers: list[list[CueHit]], actors: list[list]
) -> list[SentenceFacts]:
    doc = make_doc(" ".join(texts))
    sentences, start = [], 0
    for text, found, named in zip(texts, triggers, actors, strict=True):
        end = start + len(text.split())
        sentences.append(SentenceFacts(doc[start:end], triggers=found, actors=named))
        start = end
    elaborations.link(doc, doc._.folded, sentences, [(s.span, [a.candidate for a in s.actors]) for s in sentences])
    return sentences


def test_an_elaboration_takes_the_stage_of_the_transfer_before(elaborations, make_doc):
    # 'La Norvège livre à l'Ukraine des NASAMS. Il s'agit notamment de missiles pour la Pologne.'
    texts = ["la Norvege livre des NASAMS .", "il s' agit notamment de missiles et la Pologne ."]
    sentences = _link(
        elaborations, make_doc, texts, [[hit(2)], []], [[actor(1, "NOR", "supplier")], [actor(14, "POL")]]
    )
    second = sentences[1]
    assert second.elaborates
    assert [(t.start, t.end, t.cue.kind, t.cue.direction) for t in second.triggers] == [(6, 9, "delivered", "out")]
    assert second.actors[0].role == "recipient"  # the other party of a supply
    assert not sentences[0].elaborates


def test_an_elaboration_of_a_purchase_names_its_sellers(elaborations, make_doc):
    texts = ["le Maroc achete des canons .", "il s' agit de CAESAR et la France ."]
    sentences = _link(elaborations, make_doc, texts, [[hit(2, "ordered", "in")], []], [[], [actor(12, "FRA")]])
    assert sentences[1].actors[0].role == "supplier"
    assert sentences[1].triggers[0].cue.kind == "ordered"


def test_a_held_transfer_gives_recipients(elaborations, make_doc):
    texts = ["le Maroc a en service des F-16 .", "il s' agit de F-16 et la Tunisie ."]
    sentences = _link(elaborations, make_doc, texts, [[hit(3, "delivered", "held")], []], [[], [actor(14, "TUN")]])
    assert sentences[1].actors[0].role == "recipient"


@pytest.mark.parametrize(
    ("second", "earlier_triggers", "elaborates"),
    [
        ("il s' agit de missiles .", [hit(2)], True),
        ("a il s' agit de missiles .", [hit(2)], True),  # the cue within the sentence's first four words
        ("a b il s' agit de missiles .", [hit(2)], False),
        ("des missiles .", [hit(2)], False),  # no elaboration cue
        ("il s' agit de missiles .", [], False),  # nothing stated before
        ("il s' agit de missiles .", [hit(2, "")], False),  # a stage-less trigger states no stage
        ("il s' agit de missiles .", [hit(2, "none")], False),
        ("il s' agit de missiles .", [hit(2, "delivered", "")], False),  # no direction
    ],
)
def test_when_a_sentence_elaborates(elaborations, make_doc, second, earlier_triggers, elaborates):
    sentences = _link(
        elaborations, make_doc, ["la Norvege livre des NASAMS .", second], [earlier_triggers, []], [[], []]
    )
    assert sentences[1].elaborates is elaborates


def test_an_elaboration_looks_two_sentences_back(elaborations, make_doc):
    texts = ["la Norvege livre des CV90 .", "ce paquet vaut 30 milliards .", "il s' agit de RBS .", "x ."]
    sentences = _link(elaborations, make_doc, texts, [[hit(2)], [], [], []], [[], [], [], []])
    assert sentences[2].elaborates
    texts = ["la Norvege livre des CV90 .", "a .", "b .", "il s' agit de RBS ."]
    sentences = _link(elaborations, make_doc, texts, [[hit(2)], [], [], []], [[], [], [], []])
    assert not sentences[3].elaborates
    # the last transfer stated, its last stage word
    texts = ["la Norvege a commande puis livre des CV90 .", "le Maroc achete .", "il s' agit de RBS ."]
    sentences = _link(
        elaborations, make_doc, texts, [[hit(3, "ordered"), hit(5)], [hit(11, "ordered", "in")], []], [[], [], []]
    )
    assert sentences[2].triggers[0].cue.direction == "in"
    sentences = _link(elaborations, make_doc, texts, [[hit(3, "ordered"), hit(5)], [], []], [[], [], []])
    assert sentences[2].triggers[0].cue.kind == "delivered"


def test_an_elaboration_opening_after_a_line_break(elaborations, make_doc):
    doc = Doc(make_doc("x").vocab, words="la Norvege livre des NASAMS . \n il s' agit de missiles .".split(" "))
    doc._.folded = [fold(t.text) for t in doc]
    first = SentenceFacts(doc[0:6], triggers=[hit(2)])
    second = SentenceFacts(doc[6:13])
    elaborations.link(doc, doc._.folded, [first, second], [(first.span, []), (second.span, [])])
    assert second.elaborates and second.triggers[0].start == 7


def test_the_stage_is_read_in_the_tense_of_the_sentence_before(elaborations, make_doc):
    texts = ["la Norvege va livrer des NASAMS .", "il s' agit de missiles ."]
    sentences = _link(elaborations, make_doc, texts, [[hit(3)], []], [[], []])
    assert sentences[1].triggers[0].cue.kind == "ordered"  # 'va livrer': to be delivered


# --- a subject pronoun ------------------------------------------------------------------------------------------------------


def _pronoun(rules, make_doc, text: str, previous_items: list, triggers: list[CueHit], start: int = 6) -> list:
    doc = make_doc(text)
    previous = SentenceFacts(doc[0:start])
    previous.weapons = [c for c in previous_items if not isinstance(c, Actor)]
    previous.actors = [a for a in previous_items if isinstance(a, Actor)]
    facts = SentenceFacts(doc[start:], triggers=triggers)
    return subject_pronoun_system(doc._.folded, facts, previous, rules.anaphors)


TUCANO = candidate("WEAPON", 1, 3, "EMB-314 Super Tucano", unit="aircraft")


def test_a_subject_pronoun_stands_for_the_system_the_sentence_before_opens_on(rules, make_doc):
    # 'Le Super Tucano est exporté en Colombie. Il est aussi en service en République dominicaine.'
    text = "le Super Tucano exporte Colombie . il est en service au Chili ."
    service = CueHit(8, 10, cue("en service", "delivered", "held"))
    found = _pronoun(rules, make_doc, text, [TUCANO, actor(4, "COL")], [service])
    assert [(w.value, w.start, w.end, w.rule_id) for w in found] == [("EMB-314 Super Tucano", 6, 7, "anaphor")]
    # the sentence before opens on a country: none
    assert _pronoun(rules, make_doc, text, [TUCANO, actor(0, "COL")], [service]) == []
    # a category stand-in is no system to refer to
    category = candidate("WEAPON", 1, 3, "avion", rule_id="category")
    assert _pronoun(rules, make_doc, text, [category], [service]) == []
    assert _pronoun(rules, make_doc, text, [], [service]) == []
    # no pronoun opening the sentence
    text = "le Super Tucano exporte Colombie . x est en service au Chili ."
    assert _pronoun(rules, make_doc, text, [TUCANO], [service]) == []


def test_a_subject_pronoun_needs_its_own_transfer_word(rules, make_doc):
    text = "le Super Tucano exporte Colombie . il x x x x en service ."
    found = CueHit(11, 13, cue("en service", "delivered", "held"))  # five words after the pronoun
    assert [w.start for w in _pronoun(rules, make_doc, text, [TUCANO], [found])] == [6]
    text = "le Super Tucano exporte Colombie . il x x x x x en service ."
    far = CueHit(12, 14, cue("en service", "delivered", "held"))
    assert _pronoun(rules, make_doc, text, [TUCANO], [far]) == []
    # a stage lent by the sentence before (an elaboration's trigger on other words) is no word of its own
    text = "le Super Tucano exporte Colombie . il protege le sud ."
    lent = CueHit(7, 8, cue("livr*", "delivered", "out"))
    assert _pronoun(rules, make_doc, text, [TUCANO], [lent]) == []


def test_a_subject_pronoun_after_a_line_break(rules, make_doc):
    vocab = make_doc("x").vocab
    doc = Doc(vocab, words="le Super Tucano exporte Colombie . \n il est en service .".split(" "))
    doc._.folded = [fold(t.text) for t in doc]
    service = CueHit(9, 11, cue("en service", "delivered", "held"))
    previous = SentenceFacts(doc[0:6], weapons=[TUCANO])
    found = subject_pronoun_system(doc._.folded, SentenceFacts(doc[6:], triggers=[service]), previous, rules.anaphors)
    assert [w.start for w in found] == [7]
    doc = Doc(vocab, words="le Tucano . \n".split(" "))
    doc._.folded = [fold(t.text) for t in doc]
    empty = SentenceFacts(doc[3:4])
    assert subject_pronoun_system(doc._.folded, empty, SentenceFacts(doc[0:3]), rules.anaphors) == []


def test_no_subject_pronoun_words_no_stand_in(make_doc):
    text = "le Super Tucano exporte Colombie . il est en service au Chili ."
    doc = make_doc(text)
    service = CueHit(8, 10, cue("en service", "delivered", "held"))
    previous = SentenceFacts(doc[0:6], weapons=[TUCANO])
    assert subject_pronoun_system(doc._.folded, SentenceFacts(doc[6:], triggers=[service]), previous, {}) == []
