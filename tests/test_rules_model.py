"""extract.rules.catalogue (the declarations' value functions) and extract.rules.model (the RuleSet's lookups)."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from extract.rules import catalogue
from extract.rules.catalogue import LEXICONS, RULE_FILES, plain_lexicon
from extract.rules.loader import read_rules
from extract.rules.model import Currency, DistanceUnit, LexiconEntry, MilitaryNoun, RuleSet

SPECS = {spec.path: spec for spec in RULE_FILES}


def test_plain_lexicon_declaration():
    spec = plain_lexicon("colours.csv")
    assert (spec.path, spec.name, spec.target, spec.unique) == ("lexicons/colours.csv", "colours", "lexicon", "form")
    assert spec.names == ["form", "value", "note"]
    assert spec.required == ["form"]
    assert spec.value({"form": "rouge", "value": "red"}) == "red"
    assert spec.doc == ""


@pytest.mark.parametrize(
    ("codes", "expected"), [(("EUR",), "EUR"), (("GBP", "EGP"), ("GBP", "EGP")), (("A", "B", "C"), ("A", "B", "C"))]
)
def test_one_or_several(codes, expected):
    assert catalogue._one_or_several(codes) == expected


def test_decimal_lexicon_declaration():
    spec = catalogue._decimal_lexicon("x.csv", "thing", "factor", "doc text")
    assert (spec.path, spec.name, spec.target, spec.unique, spec.doc) == (
        "lexicons/x.csv",
        "thing",
        "lexicon",
        "form",
        "doc text",
    )
    assert spec.names == ["form", "factor", "note"]
    assert spec.required == ["form", "factor"]
    assert spec.columns[1].type == "decimal"
    assert spec.value({"form": "x", "factor": Decimal("2")}) == Decimal("2")


def test_scaled_code_lexicon_declaration():
    spec = catalogue._scaled_code_lexicon("y.csv", "scaled", "doc")
    assert (spec.path, spec.name, spec.doc) == ("lexicons/y.csv", "scaled", "doc")
    assert spec.names == ["form", "factor", "code", "note"]
    assert spec.required == ["form", "factor", "code"]
    assert [c.type for c in spec.columns] == ["text", "decimal", "currencies", "text"]
    assert spec.value({"factor": Decimal("1e9"), "code": ("EUR",)}) == (Decimal("1e9"), "EUR")
    assert spec.value({"factor": Decimal("0.01"), "code": ("EUR", "CHF")}) == (Decimal("0.01"), ("EUR", "CHF"))


@pytest.mark.parametrize(
    ("lexicon", "form", "value"),
    [
        ("currency", "dollar", Currency("USD", False)),
        ("currency", "livres", Currency(("GBP", "EGP", "TRY", "LBP", "SYP"), True)),
        ("currency_subunit", "centimes", (Decimal("0.01"), ("EUR", "CHF"))),
        ("currency_subunit", "centimes d'euro", (Decimal("0.01"), "EUR")),
        ("scale", "millions", Decimal("1000000")),
        ("scale_fraction", "et demi", Decimal("0.5")),
        ("scaled_currency", "k€", (Decimal("1000"), "EUR")),
        ("number_noun", "dizaine", 10),
        ("number_noun", "dizaines", ""),
        ("month", "avril", 4),
        ("month", "decembre", 12),
    ],
)
def test_shipped_lexicon_values(shipped, lexicon, form, value):
    assert shipped.lexicon_values(lexicon)[form] == value


@pytest.fixture(scope="module")
def shipped() -> RuleSet:
    return read_rules()


def test_shipped_lexicon_value_types(shipped):
    approx = shipped.lexicon_values("approx")
    assert set(approx.values()) <= {"about", "at_least", "at_most", "up_to"} and approx
    units = shipped.lexicon_values("distance_unit")
    assert all(isinstance(u, DistanceUnit) and isinstance(u.km, Decimal) for u in units.values())
    assert any(u.needs_context for u in units.values()) and not all(u.needs_context for u in units.values())
    relative = shipped.lexicon_values("relative_date")
    assert all(period in ("year", "month") and isinstance(offset, int) for period, offset in relative.values())
    nouns = shipped.lexicon_values("military_noun")
    assert all(isinstance(n, MilitaryNoun) for n in nouns.values())
    unit_nouns = shipped.lexicon_values("unit_noun")
    assert all(n.category == "other" and n.unit in ("group", "item") for n in unit_nouns.values())
    institutions = shipped.lexicon_values("institutions")
    assert all(isinstance(alone, bool) for _, alone in institutions.values())
    assert {alone for _, alone in institutions.values()} == {True, False}


def lexicon_folder(tmp_path: Path, file: str, text: str) -> Path:
    root = tmp_path / "rules"
    (root / "patterns").mkdir(parents=True)
    (root / "lexicons").mkdir()
    (root / "lexicons" / file).write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("file", "text", "lexicon", "expected"),
    [
        (
            "currencies.csv",
            "form,code,needs_context\neuros,EUR,\nlivres,GBP|EGP,yes\n",
            "currency",
            {"euros": Currency("EUR", False), "livres": Currency(("GBP", "EGP"), True)},
        ),
        ("number_nouns.csv", "form,value\nvingtaine,20\nmilliers,\n", "number_noun", {"vingtaine": 20, "milliers": ""}),
        (
            "approx_cues.csv",
            "form,meaning\nprès de,about\nplus de,at_least\n",
            "approx",
            {"pres de": "about", "plus de": "at_least"},
        ),
        (
            "distance_units.csv",
            "form,km,needs_context\nkm,1,\nmètres,0.001,yes\n",
            "distance_unit",
            {"km": DistanceUnit(Decimal("1"), False), "metres": DistanceUnit(Decimal("0.001"), True)},
        ),
        ("months.csv", "form,month\njanvier,1\noctobre,10\n", "month", {"janvier": 1, "octobre": 10}),
        (
            "relative_dates.csv",
            "form,period,offset\nl'an dernier,year,-1\nle mois prochain,month,1\n",
            "relative_date",
            {"l'an dernier": ("year", -1), "le mois prochain": ("month", 1)},
        ),
        (
            "military_nouns.csv",
            "form,lemma,category,unit\nfrégates,frégate,ship,\nbatteries,batterie,air defence system,group\n",
            "military_noun",
            {
                "fregates": MilitaryNoun("frégate", "ship", ""),
                "batteries": MilitaryNoun("batterie", "air defence system", "group"),
            },
        ),
        (
            "unit_nouns.csv",
            "form,lemma,unit\nrégiments,régiment,group\n",
            "unit_noun",
            {"regiments": MilitaryNoun("régiment", "other", "group")},
        ),
        (
            "institutions.csv",
            "form,kind,alone\nministère de la défense,ministry,yes\narmée de l'air,armed_force,\n",
            "institutions",
            {"ministere de la defense": ("ministry", True), "armee de l'air": ("armed_force", False)},
        ),
    ],
)
def test_each_lexicon_declaration_gives_its_values(tmp_path, file, text, lexicon, expected):
    rules = read_rules(lexicon_folder(tmp_path, file, text))
    assert [p.message for p in rules.problems if "shapes" not in p.path] == []
    assert rules.lexicon_values(lexicon) == expected


@pytest.mark.parametrize(
    ("file", "text", "message"),
    [
        ("military_nouns.csv", "form,lemma,category\nchars,char,tank\n", "E011 unknown category 'tank'"),
        ("institutions.csv", "form,kind\nsénat,senate\n", "E034 unknown organization kind 'senate'"),
        ("months.csv", "form,month\nbrumaire,13\n", "E035 '13' is not an allowed value of 'month'"),
        (
            "relative_dates.csv",
            "form,period,offset\nla semaine dernière,week,-1\n",
            "E035 'week' is not an allowed value of 'period'",
        ),
        ("relative_dates.csv", "form,period,offset\nl'an dernier,year,\n", "E003 empty value in column 'offset'"),
        ("unit_nouns.csv", "form,lemma,unit\nrégiments,régiment,\n", "E003 empty value in column 'unit'"),
        ("currencies.csv", "form,code\nzorglubs,ZZZ\n", "E015 'ZZZ' is not an ISO 4217 currency code"),
        ("scales.csv", "form,factor\nmillions,\n", "E003 empty value in column 'factor'"),
        ("distance_units.csv", "form,km\nmiles,\n", "E003 empty value in column 'km'"),
        ("approx_cues.csv", "form,meaning\nenviron,\n", "E003 empty value in column 'meaning'"),
    ],
)
def test_each_lexicon_declaration_checks_its_cells(tmp_path, file, text, message):
    rules = read_rules(lexicon_folder(tmp_path, file, text))
    found = [p.message for p in rules.problems if "shapes" not in p.path]
    assert len(found) == 1 and found[0].startswith(message), found


def test_lexicon_declarations_are_unique_on_form():
    assert all(spec.unique == "form" and spec.path.startswith("lexicons/") for spec in LEXICONS)
    assert SPECS["lexicons/scales.csv"].name == "scale"


def test_rule_set_lookups():
    rules = RuleSet(root=Path("/rules"), settings={"countries": {"capitals": False}})
    rules.lexicons["scale"] = [LexiconEntry("Millions", 6, "a:1"), LexiconEntry("Milliard", 9, "a:2")]
    assert rules.lexicon_values("scale") == {"millions": 6, "milliard": 9}
    assert rules.lexicon_values("absent") == {}
    assert rules.setting("countries", "capitals", True) is False
    assert rules.setting("countries", "other", "default") == "default"
    assert rules.setting("absent", "capitals", 3) == 3
    rules.shapes["year"] = re.compile("^[0-9]{4}$")
    assert rules.shape("year").pattern == "^[0-9]{4}$"
    with pytest.raises(KeyError):
        rules.shape("day")


def test_military_noun_prints_its_lemma():
    assert str(MilitaryNoun("frégate", "ship")) == "frégate"
    assert f"{MilitaryNoun('batterie', 'air defence system', unit='group')} Patriot" == "batterie Patriot"
