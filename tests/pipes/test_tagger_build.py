"""`ArmsTagger` built from a few gazetteer entries: how `__init__` and `_add` spell the forms.

A tagger of its own (milliseconds to build, unlike the session's, which holds every form of
rules/gazetteers): written variants of designations ('F16'), headlines in capitals, title-case
country names, forms whose case matters ('MILAN' the missile, not Milan the city), capitals never
matched in capitals, the lists read at build time (number nouns, weekdays, demonyms).
"""

from __future__ import annotations

import dataclasses

import pytest

from extract.pipes.tagger import ArmsTagger, make_arms_tagger
from extract.rules import GazetteerEntry
from tests.extractors import EXTRACTORS
from tests.pipes.test_tagger import candidates, items

FORMS = {"Inde", "Rafale", "République tchèque", "F-16", "Mi-24", "MILAN", "Paris", "allemand", "Dassault"}


def small_tagger() -> ArmsTagger:
    """Built for each text (milliseconds), not cached: what a test checks is how it is built, and
    mutmut's forked runs would reuse a tagger cached by its first run."""
    component = EXTRACTORS().nlp.get_pipe("arms_extractor")
    rules = component.rules
    entries = [e for e in rules.gazetteer if e.form in FORMS]
    return ArmsTagger(component.nlp, dataclasses.replace(rules, gazetteer=entries))


def small_tag(text: str, tagger: ArmsTagger | None = None):
    component = EXTRACTORS().nlp.get_pipe("arms_extractor")
    doc = component.nlp.make_doc(text)
    for step in component.steps[:2]:
        doc = step(doc)
    return (tagger or small_tagger())(doc)


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
    "compound-with-a-country-name": ("un sommet franco-Inde", []),  # 'Inde' is a name, not a demonym
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
    found = items(small_tag("un milliard d'euros le 14 avril"))
    assert ("number", "un", 1) in found  # a scale word makes 'un' a number
    assert ("month", "avril", 4) in found  # a word list read after the number nouns


def test_a_rules_set_without_word_lists_or_place_cues():
    """Tuned rules may hold gazetteers only: no weekdays, number nouns, scales nor place cues."""
    component = EXTRACTORS().nlp.get_pipe("arms_extractor")
    rules = dataclasses.replace(small_tagger().rules, lexicons={}, capital_place_cues={})
    tagger = ArmsTagger(component.nlp, rules)
    assert candidates(small_tag("Paris, lundi matin", tagger)) == [("COUNTRY", "Paris", "FRA")]
    assert candidates(small_tag("Le sommet se tient à Paris.", tagger)) == [("COUNTRY", "Paris", "FRA")]
    assert items(small_tag("une vingtaine de Rafale", tagger)) == {("weapon", "Rafale", "Rafale")}


def test_factory_builds_a_tagger():
    tagger = make_arms_tagger(EXTRACTORS().nlp, "arms_tagger", None)
    assert isinstance(tagger, ArmsTagger)
    assert "vendredi" in tagger.weekdays and tagger.demonyms["allemand"] == "DEU"


def _own_entry(label: str, form: str, kind: str = "name", entity_kind: str = "", value: str = "") -> GazetteerEntry:
    value = value or form
    return GazetteerEntry(label, form, value, "", kind, f"{label.lower()}:{value}", "own", "", entity_kind)


#: entries of our own, in this order (on a tie in length the first listed is matched first)
OWN_ENTRIES = [
    _own_entry("WEAPON", "Mirage Dassault"),
    _own_entry("WEAPON", "Sénat Dassault Mirage"),
    _own_entry("ORG", "Dassault Aviation", entity_kind="manufacturer"),
    _own_entry("ORG", "Sénat", entity_kind="parliament"),
    _own_entry("ORG", "Dassault", entity_kind="manufacturer"),
    _own_entry("ORG", "Chambre France italienne", entity_kind="institution"),
    _own_entry("COUNTRY", "France", value="FRA"),
    _own_entry("COUNTRY", "italienne", kind="demonym", value="ITA"),
    _own_entry("ORG", "Consortium germano", entity_kind="manufacturer"),
    _own_entry("COUNTRY", "espagnol", kind="demonym", value="ESP"),
]

NESTED = {
    # 'Dassault Aviation' runs past the weapon: not inside it ('Dassault' is)
    "overlap-past-the-end": (
        "Mirage Dassault Aviation",
        [("WEAPON", "Mirage Dassault", "Mirage Dassault"), ("ORG", "Dassault", "Dassault")],
    ),
    # inside a weapon, an organization that is not a maker is left out, a maker after it is kept
    "maker-after-another-org": (
        "Sénat Dassault Mirage",
        [("WEAPON", "Sénat Dassault Mirage", "Sénat Dassault Mirage"), ("ORG", "Dassault", "Dassault")],
    ),
    # inside an organization, a country name is left out, a demonym after it is kept
    "demonym-after-a-country-name": (
        "Chambre France italienne",
        [("ORG", "Chambre France italienne", "Chambre France italienne"), ("COUNTRY", "italienne", "ITA")],
    ),
    # the organization takes 'germano': the compound demonym is read from 'franco' on
    "compound-after-an-entity": (
        "Consortium germano-franco-espagnol",
        [
            ("ORG", "Consortium germano", "Consortium germano"),
            ("COUNTRY", "franco-espagnol", "FRA"),
            ("COUNTRY", "franco-espagnol", "ESP"),
        ],
    ),
}


@pytest.mark.parametrize(("text", "expected"), NESTED.values(), ids=NESTED.keys())
def test_nested_entities_of_own_entries(text, expected):
    component = EXTRACTORS().nlp.get_pipe("arms_extractor")
    tagger = ArmsTagger(component.nlp, dataclasses.replace(component.rules, gazetteer=OWN_ENTRIES))
    assert candidates(small_tag(text, tagger)) == expected
