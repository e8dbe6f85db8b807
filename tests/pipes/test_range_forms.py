"""RANGE: every way a French writer states a weapon's reach (issue 11, "Distances").

Contract: samples/README.md ("RANGE"): value in km rounded to 3 decimals; metres and centimetres
only right after a range word; never a ship's or a runway's length, an altitude or a calibre. One
table per family: metres and centimetres, fractions and glued forms, then the blockers.
"""

import pytest

from tests.pipes import cases

LABEL = "RANGE"
DOC_DATE = "2024-06"
NBSP = "\u00a0"


def hit(span, value, *, approx="", value_min=""):
    return cases.hit(span, value, "km", approx=approx, value_min=value_min)


# --- Metres and centimetres converted to km -------------------------------------------------------------------
METRES = {
    "800-metres": ("Le canon a une portée de 800 mètres.", hit("800 mètres", "0.8")),
    "9-m": ("Le lance-flammes a une portée de 9 m.", hit("9 m", "0.009")),
    "1-200-m": ("Le mortier a une portée de 1 200 m.", hit("1 200 m", "1.2")),
    "1-200-m-nbsp": (f"Le mortier a une portée de 1{NBSP}200 m.", hit(f"1{NBSP}200 m", "1.2")),
    "1.200-m-dot": ("Le mortier a une portée de 1.200 m.", hit("1.200 m", "1.2")),
    "300-m": ("Le fusil a une portée de 300 m.", hit("300 m", "0.3")),
    "portee-efficace": ("Le missile Mistral a une portée efficace de 6 000 m.", hit("6 000 m", "6")),
    "portee-maximale-metres": ("Le canon a une portée maximale de 4 000 mètres.", hit("4 000 mètres", "4")),
    "portee-d-environ": (
        "Le lance-grenades a une portée d'environ 400 m.",
        hit("environ 400 m", "0.4", approx="environ"),
    ),
    "jusqu-a-metres": (
        "Le système a une portée allant jusqu'à 1 500 mètres.",
        hit("jusqu'à 1 500 mètres", "1.5", approx="jusqu'à"),
    ),
    "rayon-metres": ("La mine a un rayon d'action de 50 m.", hit("50 m", "0.05")),
    "metre-singular": ("La sonde a une portée de 1 mètre.", hit("1 mètre", "0.001")),
    "interval-metres": (
        "La portée est comprise entre 200 et 400 m.",
        hit("entre 200 et 400 m", "0.4", value_min="0.2"),
    ),
    "interval-hyphen-metres": ("Le pistolet a une portée de 50-100 m.", hit("50-100 m", "0.1", value_min="0.05")),
    "decimal-metres": ("Le laser a une portée de 2,5 m.", hit("2,5 m", "0.003")),
    "centimetres": ("Le capteur a une portée de 80 centimètres.", hit("80 centimètres", "0.001")),
    "cm": ("Le capteur a une portée de 250 cm.", hit("250 cm", "0.003")),
    "glued-800m": ("Le canon a une portée de 800m.", hit("800m", "0.8")),
    "words-metres": ("Le canon a une portée de huit cents mètres.", hit("huit cents mètres", "0.8")),
    "autonomie-km-still": ("Le drone a une autonomie de 150 km.", hit("150 km", "150")),
}

# --- Fractions, mixed numbers and glued forms ------------------------------------------------------------
FRACTIONS = {
    "quarter-kilometre": ("La grenade a une portée de 1/4 de kilomètre.", hit("1/4 de kilomètre", "0.25")),
    "ten-and-a-half-milles": ("Le radar porte à 10 1/2 milles.", hit("10 1/2 milles", "19.446")),
    "2,5-km-hyphen": ("Le missile a une portée de 2,5-km.", hit("2,5-km", "2.5")),
    "three-quarter-mile": ("Le canon a une portée de 3/4 de mile.", hit("3/4 de mile", "1.207")),
    "half-mille-vulgar": ("Le radar porte à ½ mille nautique.", hit("½ mille nautique", "0.926")),
    "ten-and-a-half-vulgar": ("Le radar porte à 10 ½ milles.", hit("10 ½ milles", "19.446")),
    "ten-and-a-half-glued": ("Le radar porte à 10½ milles.", hit("10½ milles", "19.446")),
    "300-km-hyphen": ("La Corée a testé un missile d'une portée de 300-km.", hit("300-km", "300")),
    "half-kilometre": ("La grenade a une portée de 1/2 de kilomètre.", hit("1/2 de kilomètre", "0.5")),
    "one-third-mile": ("Le fusil porte à 1/3 de mile.", hit("1/3 de mile", "0.536")),
    "two-and-a-quarter-miles": ("Le drone porte à 2 1/4 miles.", hit("2 1/4 miles", "3.621")),
    "150-milles-hyphen": ("Le missile a une portée de 150-milles.", hit("150-milles", "277.8")),
    "quarter-km-abbrev": ("La grenade a une portée de 1/4 de km.", hit("1/4 de km", "0.25")),
}

# --- Never a range: lengths, calibres, altitudes, speeds -------------------------------------------------------
NEGATIVE = {
    "frigate-length": "Une frégate de 140 m a été livrée à la marine grecque.",
    "runway-length": "La base dispose d'une piste de 3 000 mètres.",
    "calibre": "Le char est armé d'un canon de 155 mm.",
    "long": "Le patrouilleur mesure 30 m de long.",
    "altitude-metres": "Le drone vole à 500 m d'altitude.",
    "speed-metres-per-second": "L'obus sort du canon à 800 m/s.",
    "area-square-metres": "Le hangar couvre 5 000 m².",
    "ship-metres": "Un navire de 62 mètres a été livré.",
    "submarine-length": "Un sous-marin de 70 mètres a été lancé.",
    "hull-length": "Sa coque de 20 m est en aluminium.",
    "width": "Le pont mesure 12 mètres de large.",
    "depth": "Le sous-marin plonge à 300 m de profondeur.",
    "wingspan": "Le drone a 15 m d'envergure.",
    "height": "Le mât fait 40 m de haut.",
    "distance-between-places": "La base se trouve à 500 m au sud de la ville.",
    "ceiling": "Le plafond de l'avion atteint 15 000 m.",
    "runway-km": "La piste de 3 km a été allongée.",
    "precision-metres": "Le guidage permet une marge d'erreur de 30 mètres.",
    "calibre-cm": "L'obusier tire des obus de 15 cm.",
    "fraction-no-unit": "Les 3/4 du budget vont aux missiles.",
    "date-like-fraction": "Le missile a été testé le 1/4 à l'aube.",
    "speed-km-h-hyphen": "Le drone vole à 150-km/h.",
}


#: Known gaps: fractions in words, metres written after the kilometres.
KNOWN_GAPS = {
    "un-quart-de-mile": ("Le fusil a une portée d'un quart de mile.", hit("un quart de mile", "0.402")),
    "trois-quarts-de-mille": (
        "Le canon porte à trois quarts de mille nautique.",
        hit("trois quarts de mille nautique", "1.389"),
    ),
    "demi-kilometre": ("La grenade a une portée d'un demi-kilomètre.", hit("un demi-kilomètre", "0.5")),
    "km-then-metres": ("Le mortier a une portée de 2 km 500.", hit("2 km 500", "2.5")),
}

#: Texts with a range beside a distance that is none: only the range is found.
BESIDE = {
    "range-then-length": ("Le missile, d'une portée de 300 km, mesure 6 m.", [("300 km", "300")]),
    "range-then-calibre": ("Le canon de 155 mm a une portée de 40 km.", [("40 km", "40")]),
    "range-then-ship": ("La frégate de 140 m emporte des missiles d'une portée de 200 km.", [("200 km", "200")]),
    "metres-then-altitude": ("Le canon a une portée de 800 m et tire à 500 m d'altitude.", [("800 m", "0.8")]),
}


@pytest.mark.parametrize(("text", "expected"), list(METRES.values()), ids=list(METRES))
def test_metres_and_centimetres(extractor, text, expected):
    cases.assert_one(extractor.extract(text, date=DOC_DATE), text, expected, LABEL)


@pytest.mark.parametrize(("text", "expected"), list(FRACTIONS.values()), ids=list(FRACTIONS))
def test_fractions_and_glued_forms(extractor, text, expected):
    cases.assert_one(extractor.extract(text, date=DOC_DATE), text, expected, LABEL)


@pytest.mark.parametrize("text", list(NEGATIVE.values()), ids=list(NEGATIVE))
def test_never_a_range(extractor, text):
    cases.assert_none(extractor.extract(text, date=DOC_DATE), LABEL, None)


@pytest.mark.parametrize(("text", "expected"), list(BESIDE.values()), ids=list(BESIDE))
def test_only_the_range_beside_other_distances(extractor, text, expected):
    found = [(m.text, m.value) for m in cases.mentions_of(extractor.extract(text, date=DOC_DATE), LABEL)]
    assert found == expected


@pytest.mark.xfail(
    strict=True,
    reason="fractions in words ('un quart de', 'demi-') and 'N km M' are not read: no number item for them",
)
@pytest.mark.parametrize(("text", "expected"), list(KNOWN_GAPS.values()), ids=list(KNOWN_GAPS))
def test_known_gaps(extractor, text, expected):
    cases.assert_one(extractor.extract(text, date=DOC_DATE), text, expected, LABEL)
