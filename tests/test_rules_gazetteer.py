"""extract.rules.gazetteer: gazetteer rows -> one entry per written form, each form owned by one entity."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.rules.catalogue import GAZETTEERS
from extract.rules.gazetteer import FormRegistry, add_countries, add_named, inherit_from_family
from extract.rules.model import GazetteerEntry, RuleSet

PATH = Path("/rules/gazetteers/weapons.csv")
SPECS = {spec.name: spec for spec in GAZETTEERS if spec.target == "gazetteer"}


def weapon(designation, aliases=(), category="", origin="", manufacturer="", family="", co_producers=None):
    return {
        "designation": designation,
        "aliases": list(aliases),
        "category": category,
        "origin": origin,
        "manufacturer": manufacturer,
        "family": family,
        "note": "",
        "co_producers": co_producers,
    }


@pytest.mark.parametrize(
    ("claims", "accepted", "problems"),
    [
        ([("COUNTRY", "France", "FRA"), ("COUNTRY", "France", "FRA")], [True, False], []),
        (
            [("COUNTRY", "Niger", "NER"), ("COUNTRY", "Niger", "NGA")],
            [True, False],
            ["E012 form 'Niger' is claimed by NER (x.csv:1) and NGA"],
        ),
        ([("COUNTRY", "Niger", "NER"), ("ORG", "Niger", "x")], [True, True], []),
        ([("COUNTRY", "états-unis", "USA"), ("COUNTRY", "etats-unis", "USA")], [True, False], []),
        ([("COUNTRY", "états-unis", "USA"), ("COUNTRY", "Etats unis", "USA")], [True, True], []),
        ([("WEAPON", "MILAN", "MILAN"), ("WEAPON", "milan", "milan")], [True, True], []),
        ([("WEAPON", "milan", "a"), ("WEAPON", "Milan", "b")], [True, True], []),
        (
            [("WEAPON", "mistral", "a"), ("WEAPON", "Mistral", "b"), ("WEAPON", "mistral", "c")],
            [True, True, False],
            ["E012 form 'mistral' is claimed by a (x.csv:1) and c"],
        ),
    ],
    ids=["same-entity", "clash", "other-label", "folded", "spaces-differ", "upper-kept", "case-differs", "third"],
)
def test_form_registry(claims, accepted, problems):
    found: list = []
    registry = FormRegistry(found)
    assert [
        registry.claim(label, form, value, Path("/r/x.csv"), 1 + i * 0) for i, (label, form, value) in enumerate(claims)
    ] == accepted
    assert [p.message for p in found] == problems
    assert all(p.line == 1 and p.path == "/r/x.csv" for p in found)


def test_a_clash_reports_the_second_line():
    found: list = []
    registry = FormRegistry(found)
    registry.claim("ORG", "thalès", "Thales", Path("/r/orgs.csv"), 4)
    assert not registry.claim("ORG", "thales", "Thales Group", Path("/r/orgs.csv"), 9)
    [problem] = found
    assert (problem.line, problem.message) == (
        9,
        "E012 form 'thales' is claimed by Thales (orgs.csv:4) and Thales Group",
    )


COUNTRY_ROWS = [
    (2, {"iso3": "MAR", "form": "Maroc", "kind": "name"}),
    (3, {"iso3": "MAR", "form": "Rabat", "kind": "capital"}),
    (4, {"iso3": "MAR", "form": "marocain", "kind": "demonym"}),
    (5, {"iso3": "MAR", "form": "Maroc", "kind": "name"}),
]


@pytest.mark.parametrize(
    ("settings", "forms"),
    [
        ({}, ["Maroc", "Rabat", "marocain"]),
        ({"countries": {"capitals": True}}, ["Maroc", "Rabat", "marocain"]),
        ({"countries": {"capitals": False}}, ["Maroc", "marocain"]),
    ],
)
def test_add_countries(settings, forms):
    rules = RuleSet(root=Path("/rules"), settings=settings)
    path = Path("/rules/gazetteers/countries.csv")
    add_countries(rules, FormRegistry(rules.problems), path, COUNTRY_ROWS)
    assert [e.form for e in rules.gazetteer] == forms
    assert rules.counts == {"gazetteers/countries.csv": len(forms)}
    assert rules.problems == []
    assert rules.gazetteer[0] == GazetteerEntry(
        "COUNTRY", "Maroc", "MAR", "", "name", "country:MAR:name", "countries.csv:2", country="MAR"
    )
    assert rules.gazetteer[-1].rule_id == "country:MAR:demonym" and rules.gazetteer[-1].source == "countries.csv:4"


def test_inherit_from_family():
    rows = [
        (2, weapon("JAS 39 Gripen", category="aircraft", origin="SWE", manufacturer="Saab", co_producers=("GBR",))),
        (3, weapon("Gripen E", family="JAS 39 Gripen")),
        (4, weapon("Gripen F", category="other", family="JAS 39 Gripen")),
        (5, weapon("Zorglub", family="Inconnu")),
        (6, weapon("Gripen E/F NG", family="Gripen E")),
    ]
    found: list = []
    kept = inherit_from_family(PATH, rows, "designation", found)
    assert [line for line, _ in kept] == [2, 3, 4]
    _, variant = kept[1]
    assert (variant["category"], variant["origin"], variant["manufacturer"], variant["co_producers"]) == (
        "aircraft",
        "SWE",
        "Saab",
        ("GBR",),
    )
    assert variant["family"] == "JAS 39 Gripen"
    _, own = kept[2]
    assert (own["category"], own["origin"]) == ("other", "SWE")
    assert rows[1][1]["category"] == ""  # the input row is not changed
    assert all(p.path == str(PATH) for p in found)
    assert [(p.line, p.message) for p in found] == [
        (5, "E033 family 'Inconnu' is not a designation of this file (or is itself a variant)"),
        (6, "E033 family 'Gripen E' is not a designation of this file (or is itself a variant)"),
    ]


def test_add_named_weapons():
    rules = RuleSet(root=Path("/rules"))
    rows = [
        (2, weapon("Rafale", ["Rafale F4", "rafale"], "aircraft", "FRA", "Dassault Aviation")),
        (3, weapon("Rafale M", category="", family="Rafale")),
        (4, weapon("Eurofighter Typhoon", ["Typhoon"], "aircraft", "DEU", co_producers=("GBR", "ITA"))),
        (5, weapon("Mystère", category="")),
        (6, weapon("Typhon", ["Typhoon"], "ship", "GRC")),
        (7, weapon("Rafale N", family="Mirage")),
    ]
    add_named(rules, FormRegistry(rules.problems), SPECS["WEAPON"], PATH, rows)
    entries = {(e.form, e.source): e for e in rules.gazetteer}
    assert list(entries) == [
        ("Rafale", "weapons.csv:2"),
        ("Rafale F4", "weapons.csv:2"),
        ("rafale", "weapons.csv:2"),
        ("Rafale M", "weapons.csv:3"),
        ("Eurofighter Typhoon", "weapons.csv:4"),
        ("Typhoon", "weapons.csv:4"),
        ("Typhon", "weapons.csv:6"),
    ]
    assert entries["Rafale", "weapons.csv:2"] == GazetteerEntry(
        "WEAPON",
        "Rafale",
        "Rafale",
        "aircraft",
        "name",
        "weapon:Rafale",
        "weapons.csv:2",
        country="FRA",
        family="Rafale",
        manufacturer="Dassault Aviation",
    )
    alias = entries["Rafale F4", "weapons.csv:2"]
    assert (alias.kind, alias.value, alias.rule_id) == ("alias", "Rafale", "weapon:Rafale")
    variant = entries["Rafale M", "weapons.csv:3"]
    assert (variant.unit, variant.country, variant.family, variant.manufacturer) == (
        "aircraft",
        "FRA",
        "Rafale",
        "Dassault Aviation",
    )
    assert entries["Typhoon", "weapons.csv:4"].co_producers == ("GBR", "ITA")
    assert entries["Rafale", "weapons.csv:2"].co_producers == ()
    assert [(p.line, p.message) for p in rules.problems] == [
        (7, "E033 family 'Mirage' is not a designation of this file (or is itself a variant)"),
        (5, "E003 empty value in column 'category'"),
        (6, "E012 form 'Typhoon' is claimed by Eurofighter Typhoon (weapons.csv:4) and Typhon"),
    ]
    assert all(p.path == str(PATH) for p in rules.problems)
    assert rules.counts == {"gazetteers/weapons.csv": 4}


def test_add_named_orgs_and_regions():
    rules = RuleSet(root=Path("/rules"))
    registry = FormRegistry(rules.problems)
    orgs = [
        (2, {"name": "Naval Group", "aliases": ["DCNS"], "kind": "manufacturer", "country": "FRA", "note": ""}),
        (3, {"name": "OCCAR", "aliases": [], "kind": "", "country": None, "note": ""}),
    ]
    regions = [
        (2, {"name": "OTAN", "aliases": ["Alliance atlantique"], "kind": "alliance", "note": ""}),
        (3, {"name": "Sahel", "aliases": [], "kind": "", "note": ""}),
    ]
    add_named(rules, registry, SPECS["ORG"], Path("/rules/gazetteers/orgs.csv"), orgs)
    add_named(rules, registry, SPECS["REGION"], Path("/rules/gazetteers/regions.csv"), regions)
    assert rules.problems == []
    assert [
        (e.label, e.form, e.value, e.unit, e.kind, e.rule_id, e.country, e.entity_kind, e.family)
        for e in rules.gazetteer
    ] == [
        ("ORG", "Naval Group", "Naval Group", "", "name", "org:Naval Group", "FRA", "manufacturer", ""),
        ("ORG", "DCNS", "Naval Group", "", "alias", "org:Naval Group", "FRA", "manufacturer", ""),
        ("ORG", "OCCAR", "OCCAR", "", "name", "org:OCCAR", "", "", ""),
        ("REGION", "OTAN", "OTAN", "", "alliance", "region:OTAN", "", "alliance", ""),
        ("REGION", "Alliance atlantique", "OTAN", "", "alliance", "region:OTAN", "", "alliance", ""),
        ("REGION", "Sahel", "Sahel", "", "region", "region:Sahel", "", "", ""),
    ]
    assert rules.counts == {"gazetteers/orgs.csv": 2, "gazetteers/regions.csv": 2}


def test_a_row_without_a_family_column_is_kept_as_it_is():
    rows = [(2, {"designation": "Rafale", "category": "aircraft"}), (3, {"designation": "Gripen", "category": ""})]
    found: list = []
    assert inherit_from_family(PATH, rows, "designation", found) == rows
    assert found == []


def test_a_country_form_of_two_countries_is_e012():
    rules = RuleSet(root=Path("/rules"))
    rows = [
        (2, {"iso3": "NER", "form": "Niger", "kind": "name"}),
        (3, {"iso3": "NGA", "form": "Niger", "kind": "name"}),
    ]
    add_countries(rules, FormRegistry(rules.problems), Path("/rules/gazetteers/countries.csv"), rows)
    assert [(p.line, p.message) for p in rules.problems] == [
        (3, "E012 form 'Niger' is claimed by NER (countries.csv:2) and NGA")
    ]
    assert [e.value for e in rules.gazetteer] == ["NER"]


def test_labels_are_separate_namespaces_and_aliases_may_be_left_out():
    rules = RuleSet(root=Path("/rules"))
    registry = FormRegistry(rules.problems)
    weapons = [(2, weapon("Mistral", category="missile", origin="FRA"))]
    orgs = [(2, {"name": "Mistral AI", "kind": "", "country": "FRA"}), (3, {"name": "Mistral", "country": ""})]
    add_named(rules, registry, SPECS["WEAPON"], PATH, weapons)
    add_named(rules, registry, SPECS["ORG"], Path("/rules/gazetteers/orgs.csv"), orgs)
    assert rules.problems == []
    assert [(e.label, e.form, e.value) for e in rules.gazetteer] == [
        ("WEAPON", "Mistral", "Mistral"),
        ("ORG", "Mistral AI", "Mistral AI"),
        ("ORG", "Mistral", "Mistral"),
    ]
