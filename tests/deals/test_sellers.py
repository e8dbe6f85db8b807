"""Who sells when a sentence names several candidates (extract/deals/sellers.py)."""

from __future__ import annotations

import pytest

from extract.deals.record import Deal
from extract.deals.sellers import co_producer, listed_suppliers, seller_counts
from extract.deals.sentence import SentenceFacts
from tests.deals.conftest import actor, candidate


def _weapon(start: int, partners=(), country: str = "") -> object:
    return candidate("WEAPON", start, start + 1, "W", extra={"co_producers": partners, "country": country})


@pytest.mark.parametrize(
    ("actors", "expected"),
    [
        # a partner with no role: the seller ('Ankara a signé avec Londres un accord portant sur 20 Eurofighter')
        ([(0, "TUR", "recipient"), (5, "GBR", "")], "GBR"),
        # a partner as one buyer beside another ('Le Royaume-Uni et la Turquie ont signé')
        ([(0, "GBR", "recipient"), (2, "TUR", "recipient")], "GBR"),
        # a partner buying alone is the buyer
        ([(0, "GBR", "recipient")], ""),
        # a supplier partner is not picked again
        ([(0, "GBR", "supplier"), (2, "TUR", "recipient")], ""),
        # not a partner
        ([(0, "FRA", ""), (2, "TUR", "recipient")], ""),
        # the nearest partner to the system
        ([(0, "GBR", ""), (7, "DEU", ""), (9, "TUR", "recipient")], "DEU"),
        ([(0, "GBR", ""), (12, "DEU", ""), (9, "TUR", "recipient")], "GBR"),
        ([(9, "TUR", "recipient"), (2, "DEU", "recipient"), (1, "ITA", "recipient")], "DEU"),
        ([(9, "TUR", "recipient"), (1, "ITA", "recipient"), (8, "DEU", "recipient")], "DEU"),
        ([], ""),
    ],
)
def test_co_producer(actors, expected):
    weapon = _weapon(6, partners=("GBR", "DEU", "ITA", "ESP"))
    assert co_producer([actor(s, c, r) for s, c, r in actors], weapon) == expected


def test_co_producer_of_a_system_without_partners():
    assert co_producer([actor(0, "GBR", "")], candidate("WEAPON", 6, 7, "W")) == ""


def _listed(*items, form_kind: str = "name"):
    actors = [actor(s, c, r, form_kind=form_kind) for s, c, r in items]
    for a in actors:
        a.listed_with = actors
    return actors


@pytest.mark.parametrize(
    ("actors", "supplier", "weapons", "expected"),
    [
        (
            _listed((0, "NLD", "supplier"), (2, "DNK", "supplier"), (5, "NOR", "supplier")),
            "DNK",
            [9],
            ["NLD", "DNK", "NOR"],
        ),
        (_listed((0, "NLD", "supplier"), (2, "DNK", "supplier")), "NLD", [9], ["NLD", "DNK"]),
        # one item only
        (_listed((0, "NLD", "supplier")), "NLD", [9], ["NLD"]),
        # a recipient in the list is not a seller
        (_listed((0, "NLD", "supplier"), (2, "UKR", "recipient")), "NLD", [9], ["NLD"]),
        # demonyms are not list items ('le groupe franco-allemand')
        (_listed((0, "FRA", "supplier"), (1, "DEU", "supplier"), form_kind="demonym"), "FRA", [9], ["FRA"]),
        (_listed((0, "FRA", "supplier"), (2, "DEU", "supplier"), form_kind="capital"), "FRA", [9], ["FRA", "DEU"]),
        # one demonym standing for two countries: one position
        (_listed((0, "FRA", "supplier"), (0, "DEU", "supplier")), "FRA", [9], ["FRA"]),
        # each item names its own system right after it ('la France (FREMM)')
        (_listed((0, "FRA", "supplier"), (4, "ITA", "supplier")), "FRA", [2, 9], ["FRA"]),
        (_listed((0, "FRA", "supplier"), (4, "ITA", "supplier")), "FRA", [3, 9], ["FRA", "ITA"]),
        # the supplier is not among the actors as a supplier
        (_listed((0, "NLD", "recipient"), (2, "DNK", "supplier")), "NLD", [9], ["NLD"]),
        # a country named twice in the list is one seller
        (_listed((0, "NLD", "supplier"), (2, "DNK", "supplier"), (4, "NLD", "supplier")), "NLD", [9], ["NLD", "DNK"]),
    ],
)
def test_listed_suppliers(actors, supplier, weapons, expected):
    assert listed_suppliers(actors, supplier, [_weapon(w) for w in weapons]) == expected


def test_listed_suppliers_only_of_the_sentences_actors():
    listed = _listed((0, "NLD", "supplier"), (2, "DNK", "supplier"), (5, "NOR", "supplier"))
    assert listed_suppliers(listed[:2], "NLD", [_weapon(9)]) == ["NLD", "DNK"]
    assert listed_suppliers(listed[:1], "NLD", [_weapon(9)]) == ["NLD"]


def test_seller_counts(make_doc):
    doc = make_doc("12 au Qatar et 12 a Oman et la Grece")
    counts = [candidate("COUNT", 0, 1, "12"), candidate("COUNT", 4, 5, "12")]
    facts = SentenceFacts(doc[:], counts=counts, actors=[actor(2, "QAT", "supplier"), actor(6, "OMN", "supplier")])
    rows = [Deal(s, "TUR", "W", quantity=24, counted_by_name=True) for s in ("QAT", "OMN")]
    seller_counts(facts, rows)
    assert [(d.quantity, d.counted_by_name) for d in rows] == [(12, True), (12, True)]
    # a seller without a count of its own keeps the row's quantity while another has one
    facts.actors.append(actor(9, "GRC", "supplier"))
    rows = [Deal(s, "TUR", "W", quantity=24, counted_by_name=True) for s in ("QAT", "GRC")]
    seller_counts(facts, rows)
    assert [(d.quantity, d.counted_by_name) for d in rows] == [(12, True), (24, True)]
    # none has its own: the count is a joint total, no seller's quantity
    facts.counts = []
    rows = [Deal(s, "TUR", "W", quantity=24, counted_by_name=True) for s in ("QAT", "GRC")]
    seller_counts(facts, rows)
    assert [(d.quantity, d.counted_by_name) for d in rows] == [(None, False), (None, False)]
