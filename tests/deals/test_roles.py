"""The role the words around a country give it (extract/deals/roles.py, `RoleFinder.role`), on
folded words written for each case; triggers are given with their direction ('in': the subject
receives, 'out': the subject supplies, 'held')."""

from __future__ import annotations

import pytest

from extract.deals.actors import Group
from extract.deals.cues import CueHit
from extract.deals.roles import RoleFinder
from extract.pipes.items import Candidate
from tests.deals.conftest import actor, cue, words


@pytest.fixture
def finder(rules) -> RoleFinder:
    return RoleFinder(rules)


def hit(start: int, direction: str = "in", end: int | None = None, kind: str = "ordered") -> CueHit:
    return CueHit(start, start + 1 if end is None else end, cue("t", kind, direction))


def _role(finder, text, at, triggers, sent_start=0, before=(), others=(), **fields) -> str:
    end = fields.pop("end", at + 1)
    subject = actor(at, "X", end=end, **fields)
    return finder.role(words(text), subject, triggers, sent_start, list(before), others)


ROLES = {
    # a supplier phrase before the country
    "de-la-part-de": ("recu des F-16 de la part des Etats-Unis", 7, [hit(0)], "supplier"),
    "aupres-de": ("achete aupres de la France", 4, [hit(0)], "supplier"),
    "aupres-de-far": ("aupres de x y la France", 5, [], ""),  # starting five words before: out of the window
    "aupres-de-in-window": ("aupres de x la France", 4, [], "supplier"),
    # passive voice: 'commandés par le Maroc' (inward: recipient), 'fournis par la France' (supplier)
    "par-inward": ("les F-16 commandes en 2021 par le Maroc", 7, [hit(2)], "recipient"),
    "par-outward": ("des F-16 fournis par la France", 5, [hit(2, "out")], "supplier"),
    "par-too-far": ("commandes a b c d e par le Maroc", 8, [hit(0)], ""),  # seven words after the trigger
    "par-six-words": ("commandes a b c d par le Maroc", 7, [hit(0)], "recipient"),
    "par-no-trigger": ("par le Maroc", 2, [], ""),
    # the other party of talks
    "talks-after-outward": ("vendre , des negociations avec la Suede", 6, [hit(0, "out")], "recipient"),
    "talks-after-inward": ("acheter , des negociations avec la Suede", 6, [hit(0)], "supplier"),
    "talks-no-trigger": ("des negociations avec la Suede", 4, [], "supplier"),
    # 'exporté en Colombie', 'en service en Hongrie'
    "en-after-outward": ("exporte en Colombie", 2, [hit(0, "out")], "recipient"),
    "en-after-held": ("en service en Hongrie", 3, [hit(0, "held", end=2)], "recipient"),
    "en-after-inward": ("achete en Colombie", 2, [hit(0)], ""),
    # 'à / au / aux': a recipient, or the seller after an inward trigger ('achète des Rafale à la France')
    "a-after-outward": ("vend des Rafale a l' Inde", 5, [hit(0, "out")], "recipient"),
    "a-after-inward": ("achete des Rafale a la France", 5, [hit(0)], "supplier"),
    "au-after-inward-far": ("achete b c d e f g h i au Qatar", 10, [hit(0)], "recipient"),  # nine words after
    "au-after-inward-near": ("achete b c d e f g h au Qatar", 9, [hit(0)], "supplier"),  # eight
    "a-no-trigger": ("aux Etats-Unis", 1, [], "recipient"),
    # 'pour les Néerlandais', 'vers l'Inde'
    "pour": ("cinq appareils pour les Pays-Bas", 4, [], "recipient"),
    "vers": ("exportes vers l' Inde", 3, [hit(0, "out")], "recipient"),
    # the trigger after the country: its subject
    "subject-inward": ("le Maroc a commande", 1, [hit(3)], "recipient"),
    "subject-outward": ("la France a livre", 1, [hit(3, "out")], "supplier"),
    "subject-held": ("le Qatar l' a en service", 1, [hit(4, "held", end=6)], "recipient"),
    "subject-trigger-far": ("le Maroc a b c d e commande", 1, [hit(7)], ""),  # five words after it
    "subject-trigger-four": ("le Maroc a b c d commande", 1, [hit(6)], "recipient"),
    "subject-undirected": ("le Maroc a commande", 1, [hit(3, "")], ""),
    # an aside closed by a comma before the trigger
    "aside": ("selon x , la Lettonie , voisine , a commande", 4, [hit(8)], ""),
    # a relative clause after the country
    "relative": ("la Norvege , qui se sont engages a ceder", 1, [hit(6, "out")], "supplier"),
    "nothing": ("la Norvege", 1, [], ""),
}


@pytest.mark.parametrize(("text", "at", "triggers", "expected"), list(ROLES.values()), ids=list(ROLES))
def test_role(finder, text, at, triggers, expected):
    assert _role(finder, text, at, triggers) == expected


@pytest.mark.parametrize(
    ("text", "at", "triggers", "form_kind", "expected"),
    [
        # 'signé à Ankara': a capital after 'à' is a place, unless after an outward trigger ('livrés à Kiev')
        ("signe a Ankara", 2, [hit(0)], "capital", ""),
        ("signe a Ankara", 2, [hit(0)], "name", "supplier"),
        ("livres a Kiev", 2, [hit(0, "out")], "capital", "recipient"),
        ("a Kiev", 1, [], "capital", ""),
        ("a Kiev", 1, [], "name", "recipient"),
        ("livres a Kiev puis signe a Ankara", 6, [hit(0, "out"), hit(4)], "capital", ""),
        ("vers Kiev", 1, [], "capital", "recipient"),
    ],
)
def test_a_capital_after_a(finder, text, at, triggers, form_kind, expected):
    assert _role(finder, text, at, triggers, form_kind=form_kind) == expected


def test_the_trigger_after_belongs_to_the_nearer_country(finder):
    # 'la France et le Maroc a commandé': 'commandé' is the Maroc's
    assert _role(finder, "la France et le Maroc a commande", 1, [hit(6)], others=[4]) == ""
    assert _role(finder, "la France et le Maroc a commande", 1, [hit(6)], others=[0]) == "recipient"
    assert _role(finder, "la France et le Maroc a commande", 1, [hit(6)], others=[6]) == "recipient"


def test_a_trigger_in_an_aside_the_country_is_not_in(finder):
    # 'à la Belgique (9 commandés) et à l'Estonie': 'commandés' does not make Estonia a seller
    text = "livres a la Belgique ( 9 commandes ) et a l' Estonie"
    assert _role(finder, text, 11, [hit(0, "out"), hit(6)]) == "recipient"
    text = "a la Belgique ( 9 commandes , a l' Estonie )"  # in the same aside: it counts
    assert _role(finder, text, 9, [hit(5)]) == "supplier"


def test_sentence_start_bounds_the_window(finder):
    text = "x de la part des Etats-Unis"
    assert _role(finder, text, 5, []) == "supplier"
    assert _role(finder, text, 5, [], sent_start=2) == ""


@pytest.mark.parametrize(("kind", "expected"), [("armed_force", "recipient"), ("manufacturer", "supplier"), ("", "")])
def test_organizations(finder, kind, expected):
    assert _role(finder, "selon Dassault", 1, [], entity_kind=kind) == expected


# --- armed forces before a country's name ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "at", "triggers", "expected"),
    [
        # 'aux forces armées du Burkina Faso': the preposition before the force noun
        ("livres aux forces armees du Burkina", 5, [hit(0, "out")], "recipient"),
        ("achete a la marine du Maroc", 5, [hit(0)], "supplier"),
        ("achete la marine du Maroc", 4, [hit(0)], ""),  # no preposition before the force noun
        ("livres aux forces armees des x y Burkina", 7, [hit(0, "out")], ""),  # the force noun too far
    ],
)
def test_a_country_named_after_its_forces(finder, text, at, triggers, expected):
    assert _role(finder, text, at, triggers) == expected


# --- demonyms ---------------------------------------------------------------------------------------------------------


def _demonym(finder, text, at, triggers=(), before=()) -> str:
    return _role(finder, text, at, list(triggers), before=before, form_kind="demonym")


def test_demonyms(finder):
    # 'selon la presse indienne': who reports
    assert _demonym(finder, "selon la presse indienne", 3) == "-"
    assert _demonym(finder, "presse indienne", 1) == "-"  # the news word opening the text
    assert _demonym(finder, "indiens selon la presse", 0) == ""  # nothing before the text's first word
    # 'l'armée de l'air éthiopienne': a force of the country receives
    assert _demonym(finder, "recoit l' armee de l' air ethiopienne", 6, [hit(0)]) == "recipient"
    assert _demonym(finder, "l' armee ethiopienne", 2) == "recipient"
    assert _demonym(finder, "armee ethiopienne", 1) == "recipient"  # the force noun opening the text
    # 'l'invasion par les forces russes', 'face à l'armée russe': no role
    assert _demonym(finder, "l' invasion par les forces russes", 5) == "-"
    assert _demonym(finder, "livre face a l' armee russe", 5, [hit(0, "out")]) == "-"
    assert _demonym(finder, "par les forces russes", 3) == "-"  # the opponent word opening the text
    assert _demonym(finder, "contre x y les forces russes", 5) == "recipient"  # two words before the force at most
    # after an organization: 'Département d'État américain' supplies, 'Forces armées royales marocaines' receive
    org = Candidate("ORG", 0, 3, "DOS")
    assert _demonym(finder, "Departement d' Etat americain", 3, before=[org]) == "supplier"
    force = Candidate("ORG", 0, 3, "FAR", extra={"entity_kind": "armed_force"})
    assert _demonym(finder, "Forces armees royales marocaines", 3, before=[force]) == "recipient"
    force = Candidate("ORG", 0, 1, "FAR", extra={"entity_kind": "armed_force"})  # a force no cue names
    assert _demonym(finder, "FAR marocaines", 1, before=[force]) == "recipient"
    assert _demonym(finder, "FAR marocaines", 1, before=[Candidate("ORG", 0, 1, "FAR")]) == "supplier"
    # after a system: its origin supplies ('chasseurs chinois'), another country receives ('les Rafale serbes')
    weapon = Candidate("WEAPON", 1, 2, "Rafale", extra={"country": "FRA"})
    assert _demonym(finder, "les Rafale serbes", 2, before=[weapon]) == "recipient"
    assert _demonym(finder, "les Rafale X", 2, before=[weapon]) == "recipient"
    origin = Candidate("WEAPON", 1, 2, "Rafale", extra={"country": "X"})
    assert _demonym(finder, "les Rafale francais", 2, before=[origin]) == "supplier"
    unknown = Candidate("WEAPON", 1, 2, "Rafale", extra={"country": ""})
    assert _demonym(finder, "les Rafale francais", 2, before=[unknown]) == "supplier"
    # one word between them at most ('les Rafale neufs français')
    assert _demonym(finder, "les Rafale neufs francais", 3, before=[origin]) == "supplier"
    assert _demonym(finder, "les Rafale tres neufs francais", 4, before=[origin]) == ""
    assert _demonym(finder, "le Rafale , en ordre", 3, before=[Candidate("COUNT", 1, 2, "3")]) == ""
    assert _demonym(finder, "francais", 0) == ""


def test_a_demonym_without_a_role_of_its_own_reads_the_words_around(finder):
    assert _demonym(finder, "un avion francais a ete commande", 2, [hit(5)]) == "recipient"


# --- a group noun -------------------------------------------------------------------------------------------------------


def test_a_group_skips_its_determiners(finder):
    text = "commande par plusieurs de leurs allies"
    group = Group(Candidate("GROUP", 5, 6, "allies"), "")
    assert finder.role(words(text), group, [hit(0)], 0, []) == "recipient"
    country = actor(5, "X")  # a country skips articles only
    assert finder.role(words(text), country, [hit(0)], 0, []) == ""
