"""RANGE: a distance or weapon reach -> value in km (rounded to 3 decimals), unit = 'km'.

Contract: samples/README.md ("RANGE"). Span = optional cue (jusqu'à, plus de, environ) + number +
distance unit; "portée" is not in the span. "miles" = statute mile (1.609344 km), "milles" alone =
nautical mile (1.852 km). Intervals: value = upper bound, value_min = lower bound.
Each table maps a readable case id to `(text, expected)`.
"""

import pytest

from tests.pipes import cases

LABEL = "RANGE"
DOC_DATE = "2024-06"
NBSP = "\u00a0"


def hit(span, value, unit="km", *, approx="", value_min=""):
    return cases.hit(span, value, unit, approx=approx, value_min=value_min)


def assert_one(mentions, text, expected):
    cases.assert_one(mentions, text, expected, LABEL)


def assert_none(mentions, instead):
    cases.assert_none(mentions, LABEL, instead)


# --- The forms the specification (issue) lists -------------------------------------------------
FROM_ISSUE = {
    "portee-de-kilometres": (
        "Le missile ATACMS a une portée de 300 kilomètres.",
        hit("300 kilomètres", "300"),
    ),
    "km": (
        "Les HIMARS peuvent frapper des cibles situées à 300 km.",
        hit("300 km", "300"),
    ),
    "jusqu-a": (
        "Les roquettes guidées atteignent des cibles jusqu'à 80 km.",
        hit("jusqu'à 80 km", "80", approx="jusqu'à"),
    ),
    "miles": (
        "Le Tomahawk peut frapper à 1 500 miles de son point de lancement.",
        hit("1 500 miles", "2414.016"),
    ),
    "milles-nautiques": (
        "Le missile antinavire a une portée de 120 milles nautiques.",
        hit("120 milles nautiques", "222.24"),
    ),
    "interval-entre-et": (
        "Le système intercepte des cibles situées entre 70 et 80 km.",
        hit("entre 70 et 80 km", "80", value_min="70"),
    ),
}

# --- Other forms French outlets write ------------------------------------------------------------
PRESS_VARIANTS = {
    "thousands-plain-space": (
        "Le missile balistique pakistanais a une portée de 2 750 km.",
        hit("2 750 km", "2750"),
    ),
    "thousands-no-break-space": (
        f"Le missile Agni-V a une portée de 5{NBSP}500 km selon New Delhi.",
        hit(f"5{NBSP}500 km", "5500"),
    ),
    "approx-plus-de": (
        "Le drone kamikaze a parcouru plus de 1 000 km avant d'être abattu.",
        hit("plus de 1 000 km", "1000", approx="plus de"),
    ),
    "approx-plus-de-10000": (
        "Le missile intercontinental Sarmat porte à plus de 10 000 km.",
        hit("plus de 10 000 km", "10000", approx="plus de"),
    ),
    "approx-environ": (
        "Le radar Ground Master détecte des cibles à environ 150 kilomètres.",
        hit("environ 150 kilomètres", "150", approx="environ"),
    ),
    "approx-au-moins": (
        "Kiev réclame des missiles d'une portée d'au moins 500 km.",
        hit("au moins 500 km", "500", approx="au moins"),
    ),
    "approx-quelque": (
        "Le drone a un rayon d'action de quelque 400 kilomètres.",
        hit("quelque 400 kilomètres", "400", approx="quelque"),
    ),
    "approx-moins-de-mile": (
        "Le canon antiaérien a une portée de moins de 1 mile.",
        hit("moins de 1 mile", "1.609", approx="moins de"),
    ),
    "jusqu-a-miles": (
        "Le missile hypersonique peut voler jusqu'à 1 500 miles.",
        hit("jusqu'à 1 500 miles", "2414.016", approx="jusqu'à"),
    ),
    "typographic-apostrophe-jusqu-a": (
        "L’obus guidé Katana porte jusqu’à 80 km.",
        hit("jusqu’à 80 km", "80", approx="jusqu'à"),
    ),
    "miles-rounding": (
        "Le drone de reconnaissance a une autonomie de 100 miles.",
        hit("100 miles", "160.934"),
    ),
    "milles-alone-is-nautical": (
        "Le porte-avions a une autonomie de 1 000 milles.",
        hit("1 000 milles", "1852"),
    ),
    "milles-marins": (
        "Les patrouilleurs surveillent la zone des 200 milles marins.",
        hit("200 milles marins", "370.4"),
    ),
    "milles-nautiques-300": (
        "Le missile NSM frappe des navires à 300 milles nautiques.",
        hit("300 milles nautiques", "555.6"),
    ),
    "mille-nautique-singular": (
        "Le sous-marin a fait surface à 1 mille nautique du port.",
        hit("1 mille nautique", "1.852"),
    ),
    "nm-abbreviation": (
        "Le missile Meteor engage des cibles au-delà de 100 nm.",
        hit("100 nm", "185.2"),
    ),
    "kilometre-singular": (
        "Le drone s'est écrasé à 1 kilomètre de la base aérienne.",
        hit("1 kilomètre", "1"),
    ),
    "decimal-comma": (
        "La zone d'exclusion s'étend sur 2,5 km autour de la base.",
        hit("2,5 km", "2.5"),
    ),
    "number-words": (
        "Le missile a une portée de trois cents kilomètres.",
        hit("trois cents kilomètres", "300"),
    ),
    "number-words-mille": (
        "Le bombardier peut frapper à trois mille kilomètres de sa base.",
        hit("trois mille kilomètres", "3000"),
    ),
    "interval-hyphen": (
        "L'obus guidé a une portée de 70-80 km.",
        hit("70-80 km", "80", value_min="70"),
    ),
    "interval-de-a": (
        "Les roquettes frappent de 40 à 60 km derrière la ligne de front.",
        hit("de 40 à 60 km", "60", value_min="40"),
    ),
    "interval-thousands": (
        "Le rayon d'action du chasseur est compris entre 1 000 et 1 800 km.",
        hit("entre 1 000 et 1 800 km", "1800", value_min="1000"),
    ),
    "with-money-in-sentence": (
        "Ce missile d'une portée de 300 km coûte 1,5 million de dollars.",
        hit("300 km", "300"),
    ),
}

# --- Must not yield a RANGE mention (second item: a label that must be found instead, or None) --
NEGATIVE = {
    "band-from-a-border": ("Le système couvre une bande située entre 70 et 80 km de la frontière.", None),
    "base-from-a-border": ("La base aérienne se trouve à quelque 400 kilomètres de la frontière.", None),
    "boats-from-the-coast": ("Les vedettes se sont approchées à moins de 1 mile de la côte.", None),
    "carrier-from-the-coast": ("Le porte-avions croisait à 1 000 milles des côtes libyennes.", "COUNTRY"),
    "speed-km-per-hour": ("Le missile de croisière vole à 900 km/h.", None),
    "area-km2": ("La zone d'exclusion couvre 300 km².", None),
    "area-kilometres-carres": ("La base s'étend sur 350 kilomètres carrés.", None),
    "weight-kg": ("Le drone emporte une charge utile de 300 kg.", None),
    "calibre-mm": ("Les canons tirent des obus de 155 mm.", None),
    "speed-knots": ("La frégate file à 30 nœuds.", None),
    "altitude-feet": ("Le drone vole à 30 000 pieds.", None),
    "mach": ("Le Kinjal atteint Mach 10.", None),
    "tonnage": ("La frégate déplace 6 000 tonnes.", None),
    "hours": ("Le drone peut voler 24 heures sans ravitaillement.", None),
    "duration": ("Les essais du missile dureront trois ans.", None),
    "percent": ("La portée du missile a augmenté de 15 %.", None),
    "portee-without-number": ("Le nouveau missile offre une portée accrue.", None),
    "per-km-price": ("Le câble sous-marin coûte 1 000 euros par km.", "MONEY"),
    "mille-is-thousand": ("Le contrat porte sur deux mille missiles.", "COUNT"),
    "KM-SAM-system-name": ("La Corée du Sud a livré des systèmes KM-SAM à l'Irak.", None),
    "soldiers": ("Plus de 2 000 soldats participent à l'exercice.", None),
    "count": ("Kiev a reçu 40 missiles ATACMS.", "COUNT"),
    "money": ("Le contrat vaut 300 millions de dollars.", "MONEY"),
    "date": ("Le missile a été testé le 11 avril 2023.", "DATE"),
    "year": ("En 2021, l'Algérie a testé ses missiles Iskander.", "DATE"),
    "model-number": ("La Turquie recevra des F-16 Block 72.", None),
}


@pytest.mark.parametrize(("text", "expected"), list(FROM_ISSUE.values()), ids=list(FROM_ISSUE))
def test_range_from_issue(extractor, text, expected):
    assert_one(extractor.extract(text, date=DOC_DATE), text, expected)


@pytest.mark.parametrize(("text", "expected"), list(PRESS_VARIANTS.values()), ids=list(PRESS_VARIANTS))
def test_range_press_variants(extractor, text, expected):
    assert_one(extractor.extract(text, date=DOC_DATE), text, expected)


@pytest.mark.parametrize(("text", "instead"), list(NEGATIVE.values()), ids=list(NEGATIVE))
def test_range_negative(extractor, text, instead):
    assert_none(extractor.extract(text, date=DOC_DATE), instead)


# --- Real press: what a distance measures decides whether it is a weapon's range ----------------
REAL_PRESS = {
    "altitude-then-range": (
        "Le système intercepte à une altitude allant jusqu'à 20 km et à une distance allant jusqu'à 40 km.",
        [("jusqu'à 40 km", "40")],
    ),
    "range-and-altitude": (
        "Le missile a une portée de 40 kilomètres et une altitude de 20 kilomètres.",
        [("40 kilomètres", "40")],
    ),
    "border-before": ("La Finlande partage une frontière de plus de 1 300 km avec la Russie.", []),
    "border-after": ("La Finlande partage plus de 1.300 kilomètres de frontière avec la Russie.", []),
    "altitude-after": ("Le drone vole à 8 km d'altitude pendant 24 heures.", []),
    "nautical-alone": ("La corvette a une autonomie de 3 700 nautiques à 15 nœuds.", [("3 700 nautiques", "6852.4")]),
    "metres-after-range-word": ("Le canon a une portée de 800 mètres.", [("800 mètres", "0.8")]),
    "metres-ship-length": ("Le navire mesure 102 mètres de longueur sur 16 mètres de largeur.", []),
    "metres-precision": ("Le guidage satellite permet une marge d'erreur de 30 mètres.", []),
    "metres-long": ("Long de 62 mètres, le patrouilleur a été livré.", []),
}


@pytest.mark.parametrize(("text", "expected"), list(REAL_PRESS.values()), ids=list(REAL_PRESS))
def test_range_real_press(extractor, text, expected):
    found = [(m.text, m.value) for m in extractor.extract(text) if m.label == "RANGE"]
    assert found == expected
