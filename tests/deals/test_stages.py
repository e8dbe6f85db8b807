"""A deal's stage from its trigger words (extract/deals/stages.py). Docs are built word by word
(no tags: no future tense unless a future cue stands near the trigger)."""

from __future__ import annotations

import pytest

from extract.deals.cues import CueHit
from extract.deals.sentence import SentenceFacts
from extract.deals.stages import StageReader, _furthest_rank, governing_trigger
from tests.deals.conftest import actor, candidate, cue


@pytest.fixture
def reader(rules) -> StageReader:
    return StageReader(rules)


def hit(start: int, kind: str, direction: str = "in", end: int | None = None, unstaged: str = "") -> CueHit:
    return CueHit(start, start + 1 if end is None else end, cue("t", kind, direction, unstaged))


def weapon(start: int, value: str = "W") -> object:
    return candidate("WEAPON", start, start + 1, value)


def facts_of(doc, triggers, weapons=(), **fields) -> SentenceFacts:
    return SentenceFacts(doc[:], triggers=list(triggers), weapons=list(weapons), **fields)


# --- one trigger's stage ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "triggers", "index", "expected"),
    [
        ("le Maroc a commande des F-16", [hit(3, "ordered")], 0, "ordered"),
        # stated in the future: the stage it stands for (rules/deals/future_stages.csv)
        ("le Maroc va commander des F-16", [hit(3, "ordered")], 0, "negotiating"),
        ("les F-16 vont etre livres", [hit(4, "delivered")], 0, "ordered"),
        ("le Maroc va approuver", [hit(3, "approved", "out")], 0, "approved"),  # no future stage for it
        # an intention that is the purpose of a contract signed before it
        ("a signe un accord pour acquerir des JF-17", [hit(1, "ordered"), hit(5, "negotiating")], 1, "ordered"),
        ("a signe un accord pour se procurer des JF-17", [hit(1, "ordered"), hit(6, "negotiating")], 1, "ordered"),
        ("a signe un accord pour s' equiper", [hit(1, "ordered"), hit(6, "negotiating")], 1, "ordered"),
        ("a approuve un accord pour acquerir", [hit(1, "approved", "out"), hit(5, "negotiating")], 1, "approved"),
        ("a annonce un accord pour acquerir", [hit(1, "negotiating"), hit(5, "negotiating")], 1, "negotiating"),
        ("un accord pour acquerir", [hit(3, "negotiating")], 0, "negotiating"),
        ("pour acquerir des JF-17 puis commande", [hit(1, "negotiating"), hit(5, "ordered")], 0, "negotiating"),
        ("a signe un accord et acquerir", [hit(1, "ordered"), hit(5, "negotiating")], 1, "negotiating"),
        # the decision's stage: 'a fait le choix d'acheter'
        ("a commande d' acheter", [hit(1, "ordered"), hit(3, "negotiating")], 1, "ordered"),
        ("a commande de acheter", [hit(1, "ordered"), hit(3, "negotiating")], 1, "ordered"),
        ("a commande x d' acheter", [hit(1, "ordered"), hit(4, "negotiating")], 1, "negotiating"),
        # a delivery noun governed by a contract, an approval or a promise before it
        ("un contrat portant sur la livraison de missiles", [hit(1, "ordered"), hit(5, "delivered")], 1, "ordered"),
        ("a promis la livraison de lanceurs", [hit(1, "donated", "out"), hit(3, "delivered", "out")], 1, "donated"),
        ("a approuve la livraison", [hit(1, "approved", "out"), hit(3, "delivered", "out")], 1, "approved"),
        ("le contrat livraison", [hit(1, "ordered"), hit(2, "delivered")], 1, "ordered"),  # right before it
        ("a negocie la livraison", [hit(1, "negotiating"), hit(3, "delivered")], 1, "delivered"),
        # a stage-less contract noun governs as the stage it gives alone
        ("le contrat de livraison", [hit(1, "", unstaged="ordered"), hit(3, "delivered")], 1, "ordered"),
        # up to ten words between them
        ("contrat a b c d e f g h i j livraison", [hit(0, "ordered"), hit(11, "delivered")], 1, "ordered"),
        ("contrat a b c d e f g h i j k livraison", [hit(0, "ordered"), hit(12, "delivered")], 1, "delivered"),
        # the contract after the delivery noun does not govern it
        ("la livraison faite par contrat", [hit(1, "delivered"), hit(4, "ordered")], 0, "delivered"),
        # a delivery verb ('livré') is no noun
        ("le contrat a ete livre", [hit(1, "ordered"), hit(4, "delivered")], 1, "delivered"),
    ],
)
def test_stage(reader, make_doc, text, triggers, index, expected):
    facts = facts_of(make_doc(text), triggers)
    assert reader.stage(make_doc(text), facts, triggers[index]) == expected


def test_an_elaboration_keeps_the_stage_it_details(reader, make_doc):
    doc = make_doc("la livraison va suivre")
    trigger = hit(1, "delivered")
    assert reader.stage(doc, facts_of(doc, [trigger], elaborates=True), trigger) == "delivered"
    assert reader.stage(doc, facts_of(doc, [trigger]), trigger) == "ordered"  # 'va' is near


def test_the_purpose_word_is_read_within_the_sentence(reader, make_doc):
    doc = make_doc("pour . se acquerir")
    facts = SentenceFacts(doc[2:], triggers=[hit(0, "ordered"), hit(3, "negotiating")])
    assert reader.stage(doc, facts, facts.triggers[1]) == "negotiating"


# --- a system's stage in its sentence ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "triggers", "weapons", "expected"),
    [
        ("le Maroc a commande des F-16", [hit(3, "ordered")], [5], "ordered"),
        ("le Maroc a des F-16", [], [4], ""),
        ("la vente de F-16", [hit(1, "")], [3], ""),  # a stage-less trigger gives no stage
        ("la vente de F-16", [hit(1, "", "out", unstaged="ordered")], [3], "ordered"),
        ("livre la vente de F-16", [hit(0, "delivered"), hit(2, "", "out", unstaged="ordered")], [4], "delivered"),
        # the nearest stage trigger
        ("commande x x x F-16 livre", [hit(0, "ordered"), hit(5, "delivered")], [4], "delivered"),
        ("commande F-16 x x x livre", [hit(0, "ordered"), hit(5, "delivered")], [1], "ordered"),
        # joined by 'ou': no more than the lesser stage; by 'puis': the later
        ("F-16 utilise ou commande", [hit(1, "delivered"), hit(3, "ordered")], [0], "ordered"),
        ("F-16 commande puis livre", [hit(1, "ordered"), hit(3, "delivered")], [0], "delivered"),
        ("F-16 livre puis commande", [hit(1, "delivered"), hit(3, "ordered")], [0], "delivered"),
        ("F-16 commande ou donne", [hit(1, "ordered"), hit(3, "donated")], [0], "ordered"),
        ("F-16 donne puis commande", [hit(1, "donated"), hit(3, "ordered")], [0], "donated"),
        ("F-16 livre a b c d e puis commande", [hit(1, "delivered"), hit(8, "ordered")], [0], "delivered"),
        ("F-16 commande a b c d puis livre", [hit(1, "ordered"), hit(7, "delivered")], [0], "delivered"),
        ("F-16 commande a b c d e puis livre", [hit(1, "ordered"), hit(8, "delivered")], [0], "ordered"),
        ("F-16 commande et livre", [hit(1, "ordered"), hit(3, "delivered")], [0], "ordered"),
        ("F-16 commande puis vente", [hit(1, "ordered"), hit(3, "")], [0], "ordered"),
        # an intention in a sentence that also approves: approved
        (
            "feu vert a une demande : l' achat du F-35",
            [hit(0, "approved", "out"), hit(7, "negotiating")],
            [9],
            "approved",
        ),
        ("une demande : l' achat du F-35", [hit(4, "negotiating")], [6], "negotiating"),
        ("commande a b c d e f achat du F-35", [hit(0, "ordered"), hit(7, "negotiating")], [9], "negotiating"),
    ],
)
def test_of_system(reader, make_doc, text, triggers, weapons, expected):
    doc = make_doc(text)
    facts = facts_of(doc, triggers, [weapon(w) for w in weapons])
    status, trigger = reader.of_system(doc, facts, facts.weapons[0])
    assert status == expected
    staged = [t for t in triggers if t.cue.kind not in ("", "none")]
    assert (trigger is None) == (not staged)


def test_the_stage_trigger_of_another_system_is_left_out(make_doc):
    # 'l'achat de 24 Eurofighter après avoir commandé 75 F-15': 'commandé' is the F-15's
    facts = facts_of(
        make_doc("l' achat de 24 Eurofighter apres avoir commande 75 F-15"),
        [hit(1, "negotiating"), hit(7, "ordered")],
        [weapon(4, "Eurofighter"), weapon(9, "F-15")],
    )
    assert governing_trigger(facts, facts.weapons[0]).cue.kind == "negotiating"
    assert governing_trigger(facts, facts.weapons[1]).cue.kind == "ordered"
    # even when it stands nearer the first system
    near = facts_of(
        make_doc("l' achat de x 24 Eurofighter apres avoir commande F-15"),
        [hit(1, "negotiating"), hit(8, "ordered")],
        [weapon(5, "Eurofighter"), weapon(9, "F-15")],
    )
    assert governing_trigger(near, near.weapons[0]).cue.kind == "negotiating"
    near.weapons[1] = weapon(13, "F-15")  # four words after it: still its object
    assert governing_trigger(near, near.weapons[0]).cue.kind == "negotiating"
    near.weapons[1] = weapon(14, "F-15")
    assert governing_trigger(near, near.weapons[0]).cue.kind == "ordered"
    # a stage word right after the system that governs another one
    right = facts_of(
        make_doc("achat x Eurofighter commande F-15"),
        [hit(0, "negotiating"), hit(3, "ordered")],
        [weapon(2, "Eurofighter"), weapon(4, "F-15")],
    )
    assert governing_trigger(right, right.weapons[0]).cue.kind == "negotiating"
    facts.weapons[1] = weapon(13, "F-15")  # five words after the trigger: not its object
    facts.triggers[0] = hit(0, "negotiating")
    assert governing_trigger(facts, facts.weapons[0]).cue.kind == "ordered"
    # the only stage trigger governs another system: still the one there is
    facts = facts_of(
        make_doc("Eurofighter , commande F-15"), [hit(2, "ordered")], [weapon(0, "Eurofighter"), weapon(3, "F-15")]
    )
    assert governing_trigger(facts, facts.weapons[0]).cue.kind == "ordered"
    # a trigger before the system is never left out
    facts = facts_of(
        make_doc("commande Eurofighter F-15"), [hit(0, "ordered")], [weapon(1, "Eurofighter"), weapon(2, "F-15")]
    )
    assert governing_trigger(facts, facts.weapons[0]) is facts.triggers[0]
    # the same system named twice is no other system
    facts = facts_of(
        make_doc("achat x x x Rafale apres commande Rafale"),
        [hit(0, "negotiating"), hit(6, "ordered")],
        [weapon(4, "Rafale"), weapon(7, "Rafale")],
    )
    assert governing_trigger(facts, facts.weapons[0]).cue.kind == "ordered"


def test_own_stage(reader, make_doc):
    doc = make_doc("vendu au Mali ( 6 commandes , 4 recus ) et au Niger ( 2 commandes )")
    triggers = [hit(0, "ordered", "out"), hit(5, "ordered"), hit(8, "delivered"), hit(15, "ordered")]
    facts = facts_of(doc, triggers, actors=[actor(2, "MLI", "recipient"), actor(12, "NER", "recipient")])
    assert reader.own_stage(doc, facts, "MLI") == "delivered"
    assert reader.own_stage(doc, facts, "NER") == "ordered"
    assert reader.own_stage(doc, facts, "FRA") == ""
    doc = make_doc("vendu au Mali ( livres 6 )")  # a stage word opening the aside
    facts = facts_of(doc, [hit(0, "ordered", "out"), hit(4, "delivered")], actors=[actor(2, "MLI", "recipient")])
    assert reader.own_stage(doc, facts, "MLI") == "delivered"
    facts.triggers = [hit(0, "ordered", "out"), hit(5, "donated"), hit(15, "")]
    assert reader.own_stage(doc, facts, "MLI") == ""  # no stage of a sale step in it
    assert reader.own_stage(doc, facts, "NER") == ""


@pytest.mark.parametrize(
    ("stage", "expected"),
    [("negotiating", 0), ("approved", 1), ("ordered", 2), ("delivered", 3), ("donated", 4), ("other", 4)],
)
def test_furthest_rank(stage, expected):
    assert _furthest_rank(stage) == expected
