"""Roles of a whole sentence (extract/deals/roles.py, `RoleFinder.assign`): lists of countries
sharing a role, group nouns and their members, partners, buyers for another, talks. Docs are
built word by word (no parse)."""

from __future__ import annotations

import pytest

from extract.deals.roles import RoleFinder
from tests.deals.conftest import actor, candidate, words
from tests.deals.test_roles import hit


@pytest.fixture
def finder(rules) -> RoleFinder:
    return RoleFinder(rules)


def assigned(finder, make_doc, text, countries, triggers, candidates=(), sent_start=0, **fields) -> list[str]:
    """The roles of `countries` ((position, code) or (position, code, form_kind)) after `assign`."""
    doc = make_doc(text)
    actors = [actor(c[0], c[1], form_kind=c[2] if len(c) > 2 else "name", **fields) for c in countries]
    mentions = [*candidates, *(a.candidate for a in actors)]
    finder.assign(doc, words(text), actors, triggers, sent_start, sorted(mentions, key=lambda c: c.start))
    return [a.role for a in actors]


LISTS = {
    # forward: 'exporté en Arabie saoudite, au Danemark et en Indonésie'
    "forward": (
        "exporte en Arabie , au Danemark et en Indonesie",
        [(2, "SAU"), (5, "DNK"), (8, "IDN")],
        [hit(0, "out")],
        ["recipient", "recipient", "recipient"],
    ),
    # backward: 'l'Inde et le Qatar, déjà clients, ont commandé'
    "backward": (
        "l' Inde et le Qatar ont commande",
        [(1, "IND"), (4, "QAT")],
        [hit(6)],
        ["recipient", "recipient"],
    ),
    # a gap of more than eight words is no list
    "gap-too-long": (
        "exporte en Arabie et et et et et et et et et Danemark",
        [(2, "SAU"), (12, "DNK")],
        [hit(0, "out")],
        ["recipient", ""],
    ),
    "gap-of-eight": (
        "exporte en Arabie et et et et et et et et Danemark",
        [(2, "SAU"), (11, "DNK")],
        [hit(0, "out")],
        ["recipient", "recipient"],
    ),
    # a word that is no list word breaks the list
    "not-a-list-word": (
        "exporte en Arabie contre Danemark",
        [(2, "SAU"), (4, "DNK")],
        [hit(0, "out")],
        ["recipient", ""],
    ),
    # 'où' is no list word, though folded it reads 'ou'
    "relative-where": (
        "exporte en Arabie où Danemark",
        [(2, "SAU"), (4, "DNK")],
        [hit(0, "out")],
        ["recipient", ""],
    ),
    "or": (
        "exporte en Arabie ou Danemark",
        [(2, "SAU"), (4, "DNK")],
        [hit(0, "out")],
        ["recipient", "recipient"],
    ),
    # numbers join items ('au Mali 6 , au Niger')
    "numbers": (
        "exporte au Mali 6 , 4 deux au Niger",
        [(2, "MLI"), (8, "NER")],
        [hit(0, "out")],
        ["recipient", "recipient"],
    ),
    # an aside in brackets after an item does not break the list
    "aside": (
        "exporte au Mali ( 6 commandes ) , au Niger",
        [(2, "MLI"), (9, "NER")],
        [hit(0, "out")],
        ["recipient", "recipient"],
    ),
    # a list never crosses a bracket
    "bracket": (
        "exporte au Mali ( Niger )",
        [(2, "MLI"), (4, "NER")],
        [hit(0, "out")],
        ["recipient", ""],
    ),
    # a fronted place is no list item: 'En Ukraine, la Suède a promis'
    "fronted-place": (
        "En Ukraine , la Suede a livre",
        [(1, "UKR"), (4, "SWE")],
        [hit(6, "out")],
        ["recipient", "supplier"],  # not the seller's list item: the place the transfer goes to
    ),
    # 'Voisine de l'Estonie, la Lettonie a annoncé': a fronted complement, not a list
    "complement-before-subject": (
        "Voisine de l' Estonie , la Lettonie a commande",
        [(3, "EST"), (6, "LVA")],
        [hit(8)],
        ["", "recipient"],
    ),
    # a list of sellers after 'à': 'acheté 12 Typhoon au Qatar et 12 à Oman'
    "sellers-after-a": (
        "achete 12 Typhoon au Qatar et 12 a Oman",
        [(4, "QAT"), (8, "OMN")],
        [hit(0)],
        ["supplier", "supplier"],
    ),
}


@pytest.mark.parametrize(("text", "countries", "triggers", "expected"), list(LISTS.values()), ids=list(LISTS))
def test_lists_share_a_role(finder, make_doc, text, countries, triggers, expected):
    counts = [candidate("COUNT", i, i + 1, w) for i, w in enumerate(text.split()) if w.isdigit() or w == "deux"]
    assert assigned(finder, make_doc, text, countries, triggers, counts) == expected


def test_a_count_or_date_joins_list_items(finder, make_doc):
    text = "exporte au Mali mars 2021 au Niger"
    date = candidate("DATE", 3, 5, "2021-03")
    assert assigned(finder, make_doc, text, [(2, "MLI"), (6, "NER")], [hit(0, "out")], [date]) == ["recipient"] * 2
    assert assigned(finder, make_doc, text, [(2, "MLI"), (6, "NER")], [hit(0, "out")]) == ["recipient", "recipient"]
    text = "exporte au Mali juin au Niger"
    assert assigned(finder, make_doc, text, [(2, "MLI"), (5, "NER")], [hit(0, "out")]) == ["recipient", "recipient"]
    text = "exporte au Mali depuis au Niger"
    assert assigned(finder, make_doc, text, [(2, "MLI"), (5, "NER")], [hit(0, "out")]) == ["recipient", "recipient"]


def test_a_majority_of_three_settles_a_list(finder, make_doc):
    # 'vendu au Mali (6 commandés, 4 réceptionnés) et au Nigéria, au Niger': not a seller
    text = "vendu au Mali , au Tchad , au Niger et au Benin"
    found = assigned(finder, make_doc, text, [(2, "MLI"), (5, "TCD"), (8, "NER"), (11, "BEN")], [hit(0, "out")])
    assert found == ["recipient"] * 4
    # a tie does not settle it
    text = "Mali , Tchad , Niger , Benin"
    doc_roles = _with_roles(finder, make_doc, text, [0, 2, 4, 6], ["supplier", "recipient", "supplier", "recipient"])
    assert doc_roles == ["supplier", "recipient", "supplier", "recipient"]
    # two against one of three
    doc_roles = _with_roles(finder, make_doc, "Mali , Tchad , Niger", [0, 2, 4], ["supplier", "recipient", "recipient"])
    assert doc_roles == ["recipient"] * 3
    # one role and two without: the one role is no majority of the chain... it is shared forward first
    doc_roles = _with_roles(finder, make_doc, "Mali , Tchad , Niger", [0, 2, 4], ["supplier", "", ""])
    assert doc_roles == ["supplier"] * 3
    # both after 'à / au': one list of sellers, from the sentence's first word
    doc_roles = _with_roles(finder, make_doc, "au Qatar et a Oman", [1, 4], ["supplier", "recipient"])
    assert doc_roles == ["supplier", "supplier"]
    doc_roles = _with_roles(finder, make_doc, "au Qatar et Oman", [1, 3], ["supplier", "recipient"])
    assert doc_roles == ["supplier", "recipient"]
    # a fronted complement opening the sentence
    text = "de l' Estonie , la Lettonie a commande"
    assert assigned(finder, make_doc, text, [(2, "EST"), (5, "LVA")], [hit(7)]) == ["", "recipient"]
    # a two-item list keeps its roles
    doc_roles = _with_roles(finder, make_doc, "Mali , Tchad", [0, 2], ["supplier", "recipient"])
    assert doc_roles == ["supplier", "recipient"]


def _with_roles(finder, make_doc, text, positions, roles) -> list[str]:
    """The roles after sharing in lists, from roles given beforehand."""
    doc = make_doc(text)
    actors = [actor(p, f"C{p}", r) for p, r in zip(positions, roles, strict=True)]
    finder._share_roles_in_lists(doc, actors, words(text), [a.candidate for a in actors], 0)
    return [a.role for a in actors]


def test_list_chains_are_recorded(finder, make_doc):
    doc = make_doc("Mali , Tchad et Niger . Benin")
    actors = [actor(p, f"C{p}", "recipient") for p in (0, 2, 4, 6)]
    finder._share_roles_in_lists(doc, actors, words("Mali , Tchad et Niger . Benin"), [], 0)
    assert [len(a.listed_with) for a in actors] == [3, 3, 3, 0]
    assert actors[0].listed_with == actors[:3]


def test_stand_ins_and_organizations_are_no_list_items(finder, make_doc):
    doc = make_doc("Mali , Tchad")
    stand_in = actor(2, "TCD", rule_id="anaphor")
    actors = [actor(0, "MLI", "recipient"), stand_in]
    finder._share_roles_in_lists(doc, actors, words("Mali , Tchad"), [], 0)
    assert stand_in.role == ""
    org = actor(2, "TCD", label="ORG")
    finder._share_roles_in_lists(doc, [actor(0, "MLI", "recipient"), org], words("Mali , Tchad"), [], 0)
    assert org.role == ""


# --- groups, partners, buyers for another, talks -----------------------------------------------------------------------


def test_a_group_and_its_members(finder, make_doc):
    # 'plusieurs pays européens dont la Suisse ont commandé': the group's role goes to its member
    text = "commande par plusieurs pays dont la Suisse"
    assert assigned(finder, make_doc, text, [(6, "CHE")], [hit(0)]) == ["recipient"]
    text = "commande par plusieurs pays x x x x x dont la Suisse"  # six words before 'dont'
    assert assigned(finder, make_doc, text, [(11, "CHE")], [hit(0)]) == ["recipient"]
    text = "commande par plusieurs pays x x x x x x dont la Suisse"  # seven: too far
    assert assigned(finder, make_doc, text, [(12, "CHE")], [hit(0)]) == [""]
    # 'commandé par plusieurs de leurs alliés au sein de l'Otan ( Estonie , Lituanie )'
    text = "commande par plusieurs de leurs allies de l' Otan ( Estonie , Lituanie )"
    assert assigned(finder, make_doc, text, [(10, "EST"), (12, "LTU")], [hit(0)]) == ["recipient", "recipient"]
    # another country between the group noun and the apposition: the apposition is its own
    text = "commande par plusieurs pays de la France dont la Suisse"
    assert assigned(finder, make_doc, text, [(6, "FRA"), (9, "CHE")], [hit(0)]) == ["", ""]


def test_a_group_coordinated_with_a_country(finder, make_doc):
    # 'livrés par les États-Unis et plusieurs alliés (Estonie)': the group shares the country's role
    text = "livres par les Etats-Unis et plusieurs allies ( Estonie )"
    assert assigned(finder, make_doc, text, [(3, "USA"), (8, "EST")], [hit(0, "out")]) == ["supplier", "supplier"]


def test_partners_share_the_role_of_the_party_before(finder, make_doc):
    text = "le Danemark a achete , en collaboration avec la Belgique et la Norvege , des F-16"
    countries = [(1, "DNK"), (9, "BEL"), (12, "NOR")]
    assert assigned(finder, make_doc, text, countries, [hit(3)]) == ["recipient"] * 3
    text = "en collaboration avec la Belgique , x"  # nobody before
    assert assigned(finder, make_doc, text, [(4, "BEL")], []) == [""]


def test_buyers_for_another(finder, make_doc):
    # 'La Tchéquie a réuni les fonds pour acheter 800 000 obus destinés à l'Ukraine'
    text = "la Tchequie va acheter des obus destines a l' Ukraine"
    assert assigned(finder, make_doc, text, [(1, "CZE"), (9, "UKR")], [hit(3)]) == ["supplier", "recipient"]
    # 'destinés aux forces ukrainiennes'
    text = "la Tchequie a achete des obus destines aux forces ukrainiennes"
    countries = [(1, "CZE"), (9, "UKR", "demonym")]
    assert assigned(finder, make_doc, text, countries, [hit(3)]) == ["supplier", "recipient"]
    # the same country before and after the phrase stays a recipient
    text = "l' Ukraine a achete des obus destines a l' Ukraine"
    assert assigned(finder, make_doc, text, [(1, "UKR"), (9, "UKR")], [hit(3)]) == ["recipient", "recipient"]
    # no final-recipient phrase: nothing changes
    text = "la Tchequie a achete des obus pour l' Ukraine"
    assert assigned(finder, make_doc, text, [(1, "CZE"), (8, "UKR")], [hit(3)]) == ["recipient", "recipient"]


def test_the_other_party_of_talks_with_no_direction(finder, make_doc):
    # 'Saab a conclu avec la Thaïlande la vente': the country is the other party of the one before
    text = "Saab a conclu avec la Thailande la vente de Gripen"
    doc = make_doc(text)
    saab = actor(0, "SWE", label="ORG")
    saab.candidate.extra["entity_kind"] = "manufacturer"
    thailand = actor(5, "THA", form_kind="name")
    finder.assign(doc, words(text), [saab, thailand], [hit(7, "", kind="")], 0, [saab.candidate, thailand.candidate])
    assert (saab.role, thailand.role) == ("supplier", "recipient")
    # a directed trigger in the phrase gives its own direction
    text = "Saab a conclu avec la Suede"
    saab = actor(0, "SWE", label="ORG")
    saab.candidate.extra["entity_kind"] = "manufacturer"
    sweden = actor(5, "SWE", form_kind="name")
    finder.assign(make_doc(text), words(text), [saab, sweden], [hit(2)], 0, [saab.candidate, sweden.candidate])
    assert (saab.role, sweden.role) == ("supplier", "supplier")


def test_no_role_becomes_empty(finder, make_doc):
    text = "selon la presse indienne , l' Indonesie va acheter"
    assert assigned(finder, make_doc, text, [(3, "IND", "demonym"), (6, "IDN")], [hit(8)]) == ["", "recipient"]
