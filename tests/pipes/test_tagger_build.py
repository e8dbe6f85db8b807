"""`ArmsTagger` built from a few gazetteer entries: how `__init__` and `_add` spell the forms.

A tagger of its own (milliseconds to build, unlike the session's, which holds every form of
rules/gazetteers): written variants of designations ('F16'), headlines in capitals, title-case
country names, forms whose case matters ('MILAN' the missile, not Milan the city), capitals never
matched in capitals, the lists read at build time (number nouns, weekdays, demonyms).
"""

from __future__ import annotations

import dataclasses
from functools import cache

import pytest

from extract.pipes.tagger import ArmsTagger, make_arms_tagger
from tests.extractors import EXTRACTORS
from tests.pipes.test_tagger import candidates, items

FORMS = {"Inde", "Rafale", "République tchèque", "F-16", "Mi-24", "MILAN", "Paris", "allemand", "Dassault"}


@cache
def small_tagger() -> ArmsTagger:
    component = EXTRACTORS().nlp.get_pipe("arms_extractor")
    rules = component.rules
    entries = [e for e in rules.gazetteer if e.form in FORMS]
    return ArmsTagger(component.nlp, dataclasses.replace(rules, gazetteer=entries))


def small_tag(text: str):
    component = EXTRACTORS().nlp.get_pipe("arms_extractor")
    doc = component.nlp.make_doc(text)
    for step in component.steps[:2]:
        doc = step(doc)
    return small_tagger()(doc)


CASES = {
    "headline-in-capitals": ("L'INDE ACHÈTE DES RAFALE.", [("COUNTRY", "INDE", "IND"), ("WEAPON", "RAFALE", "Rafale")]),
    "demonym-in-capitals": ("L'ALLEMAND", [("COUNTRY", "ALLEMAND", "DEU")]),
    "title-case-country": ("la République Tchèque", [("COUNTRY", "République Tchèque", "CZE")]),
    "country-as-listed": ("la République tchèque", [("COUNTRY", "République tchèque", "CZE")]),
    "country-in-lower-case": ("la république tchèque", []),
    "designation-variants": (
        "des F16 et des F-16 et des f-16",
        [("WEAPON", "F16", "F-16"), ("WEAPON", "F-16", "F-16"), ("WEAPON", "f-16", "F-16")],
    ),
    "any-case-designation": ("des MI-24 et des mi-24", [("WEAPON", "MI-24", "Mi-24"), ("WEAPON", "mi-24", "Mi-24")]),
    "kept-case": ("Le MILAN et à Milan et le milan", [("WEAPON", "MILAN", "MILAN")]),
    "capital-never-in-capitals": ("PARIS a dit. Paris a dit.", [("COUNTRY", "Paris", "FRA")]),
    "capital-before-weekday": ("Paris, lundi matin", []),
    "place-cue-before": ("Le sommet se tient à Paris.", []),
    "place-cue-after": ("Il a annoncé à Paris le contrat, en marge du salon.", []),
    "place-cue-of": ("Il vit au sud de Paris.", []),
    "no-place-cue": ("Il a livré des armes à Paris.", [("COUNTRY", "Paris", "FRA")]),
    "compound-demonym": (
        "un accord franco-allemand",
        [("COUNTRY", "franco-allemand", "FRA"), ("COUNTRY", "franco-allemand", "DEU")],
    ),
    "demonym-blocked": ("publié en allemand", []),
    "maker-alone": ("Dassault Rafale", [("ORG", "Dassault", "Dassault Aviation"), ("WEAPON", "Rafale", "Rafale")]),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_small_tagger(text, expected):
    assert candidates(small_tag(text)) == expected


def test_number_nouns_and_scales_from_the_lexicons():
    found = items(small_tag("une vingtaine d'avions et deux millions de dollars"))
    assert ("number", "une vingtaine", 20) in found
    assert ("number", "deux", 2) in found and ("scale", "millions", 1_000_000) in found
    assert not [i for i in found if i[0] == "number_noun"]


def test_factory_builds_a_tagger():
    tagger = make_arms_tagger(EXTRACTORS().nlp, "arms_tagger", None)
    assert isinstance(tagger, ArmsTagger)
    assert "vendredi" in tagger.weekdays and tagger.demonyms["allemand"] == "DEU"
