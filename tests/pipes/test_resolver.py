"""`arms_resolver` (extract/pipes/resolver.py): one mention per stretch of text, longest first."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from extract.pipes.items import SPANS_KEY, Candidate
from extract.pipes.resolver import ArmsResolver, outermost, outside_furniture, resolve_overlaps
from tests.pipes.test_tagger import tag


def c(label: str, start: int, end: int, value: str = "", **extra) -> Candidate:
    return Candidate(label, start, end, value or f"{label}{start}", extra=extra)


def kept(candidates: list[Candidate]) -> list[tuple[str, int, int, str]]:
    return [(x.label, x.start, x.end, x.value) for x in resolve_overlaps(candidates)]


RESOLVE = {
    "longest-wins": ([c("COUNT", 0, 2), c("MONEY", 0, 3)], [("MONEY", 0, 3, "MONEY0")]),
    "longest-wins-whatever-the-order": ([c("MONEY", 0, 3), c("COUNT", 1, 2)], [("MONEY", 0, 3, "MONEY0")]),
    "tie-by-priority": ([c("DATE", 0, 2), c("COUNT", 0, 2)], [("COUNT", 0, 2, "COUNT0")]),
    "tie-by-priority-other-order": ([c("COUNT", 0, 2), c("DATE", 0, 2)], [("COUNT", 0, 2, "COUNT0")]),
    "tie-by-position": ([c("DATE", 1, 3), c("DATE", 0, 2)], [("DATE", 0, 2, "DATE0")]),
    "overlapping-tail": ([c("COUNT", 0, 3), c("DATE", 2, 4)], [("COUNT", 0, 3, "COUNT0")]),
    "apart": ([c("DATE", 3, 4), c("COUNT", 0, 2)], [("COUNT", 0, 2, "COUNT0"), ("DATE", 3, 4, "DATE3")]),
    "touching": ([c("DATE", 2, 4), c("COUNT", 0, 2)], [("COUNT", 0, 2, "COUNT0"), ("DATE", 2, 4, "DATE2")]),
    "nested-demonym": (
        [c("COUNTRY", 1, 2), c("ORG", 0, 2)],
        [("ORG", 0, 2, "ORG0"), ("COUNTRY", 1, 2, "COUNTRY1")],
    ),
    "nested-maker": ([c("ORG", 0, 1), c("WEAPON", 0, 2)], [("WEAPON", 0, 2, "WEAPON0"), ("ORG", 0, 1, "ORG0")]),
    "nested-currency-country": (
        [c("COUNTRY", 3, 4), c("MONEY", 0, 4)],
        [("MONEY", 0, 4, "MONEY0"), ("COUNTRY", 3, 4, "COUNTRY3")],
    ),
    "not-nestable": ([c("COUNTRY", 1, 2), c("WEAPON", 0, 2)], [("WEAPON", 0, 2, "WEAPON0")]),
    "nestable-but-sticking-out": ([c("COUNTRY", 1, 3), c("ORG", 0, 2)], [("ORG", 0, 2, "ORG0")]),
    "nestable-reversed": ([c("ORG", 1, 2), c("COUNTRY", 0, 2)], [("COUNTRY", 0, 2, "COUNTRY0")]),
    "nested-in-nested": (
        [c("WEAPON", 0, 3), c("ORG", 0, 2), c("COUNTRY", 1, 2)],
        [("WEAPON", 0, 3, "WEAPON0"), ("ORG", 0, 2, "ORG0")],  # a COUNTRY may not nest in a WEAPON
    ),
    "compound": (
        [c("COUNTRY", 0, 1, "FRA", compound=True), c("COUNTRY", 0, 1, "DEU", compound=True)],
        [("COUNTRY", 0, 1, "FRA"), ("COUNTRY", 0, 1, "DEU")],
    ),
    "same-span-not-compound": ([c("COUNTRY", 0, 1, "FRA"), c("COUNTRY", 0, 1, "DEU")], [("COUNTRY", 0, 1, "FRA")]),
    "compound-under-a-longer-one": (
        [c("COUNTRY", 1, 2, "FRA", compound=True), c("COUNTRY", 1, 2, "DEU", compound=True), c("DATE", 0, 3)],
        [("DATE", 0, 3, "DATE0")],
    ),
}


@pytest.mark.parametrize(("candidates", "expected"), RESOLVE.values(), ids=RESOLVE.keys())
def test_resolve_overlaps(candidates, expected):
    assert kept(candidates) == expected


def test_outermost():
    nested = [c("WEAPON", 0, 2), c("ORG", 0, 1), c("DATE", 3, 4), c("COUNTRY", 5, 6), c("ORG", 4, 7)]
    assert [(x.label, x.start) for x in outermost(nested)] == [("WEAPON", 0), ("DATE", 3), ("ORG", 4)]
    assert outermost([]) == []


@pytest.mark.parametrize(
    ("furniture", "expected"),
    [
        (None, ["Maroc", "Rafale"]),
        ([], ["Maroc", "Rafale"]),
        ([(0, 8, "section")], ["Maroc", "Rafale"]),  # 'Défense\n'; 'Maroc' = characters 11-16
        ([(0, 12, "section")], ["Rafale"]),  # ends inside 'Maroc'
        ([(15, 16, "section")], ["Rafale"]),  # the last character of 'Maroc'
        ([(10, 12, "section")], ["Rafale"]),  # its first character
        ([(16, 17, "credit")], ["Maroc", "Rafale"]),  # right after 'Maroc'
        ([(0, 11, "section")], ["Maroc", "Rafale"]),  # right before 'Maroc'
        ([(0, 1, "a"), (30, 40, "credit")], ["Maroc"]),
    ],
)
def test_outside_furniture(furniture, expected):
    doc = tag("Défense\nLe Maroc achète des Rafale.")
    doc._.furniture = furniture
    candidates = [c for c in doc._.arms_candidates if c.label in ("COUNTRY", "WEAPON")]
    assert [doc[x.start : x.end].text for x in outside_furniture(doc, candidates)] == expected


def test_outside_furniture_where_no_component_declared_it():
    doc = tag("Le Maroc achète des Rafale.")
    candidates = list(doc._.arms_candidates)
    default = Doc.get_extension("furniture")[0]
    Doc.remove_extension("furniture")
    try:
        assert outside_furniture(doc, candidates) == candidates
    finally:
        Doc.set_extension("furniture", default=default, force=True)


def test_resolver_writes_spans_and_ents():
    doc = tag("Le Dassault Rafale de la marine turque.")
    doc = ArmsResolver()(doc)
    spans = [(s.label_, s.text, s._.value, s.id_) for s in doc.spans[SPANS_KEY]]
    assert spans == [
        ("WEAPON", "Dassault Rafale", "Rafale", "weapon:Rafale"),
        ("ORG", "Dassault", "Dassault Aviation", "org:Dassault Aviation"),
        ("COUNTRY", "turque", "TUR", "country:TUR:demonym"),
    ]
    assert [(e.label_, e.text) for e in doc.ents] == [("WEAPON", "Dassault Rafale"), ("COUNTRY", "turque")]
    assert [(c.label, c.start) for c in doc._.arms_candidates] == [("WEAPON", 1), ("ORG", 1), ("COUNTRY", 6)]
    assert not any(t.ent_kb_id_.startswith(("B-", "I-")) for t in doc)
