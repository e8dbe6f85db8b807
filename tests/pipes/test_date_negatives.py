"""DATE negatives for the forms of issue 11 ("## Dates"): what must give no DATE, or not a wrong one.

Scores, fractions, page and reference numbers, versions, phone numbers, percentages, decades and
the number seven are not dates; where a year or two-digit year is joined loosely and something
else follows ('le 6 mars, 2000 soldats', 'le 3 mars 12 F-16'), the date keeps only what it
surely has. Document date 2024-05. The positive forms are in test_date_forms.py.
"""

import pytest

DOC_DATE = "2024-05"


def dates_in(extractor, text):
    """Every DATE mention of `text` as (text, value), in order."""
    return [(m.text, m.value) for m in extractor.extract(text, date=DOC_DATE) if m.label == "DATE"]


# --- Negatives: no DATE at all ------------------------------------------------------------------------
NO_DATE = {
    "score-slash": "Le Raja s'est imposé 3/11 aux tirs au but.",
    "score-slash-two-digits": "Le taux de réussite est de 11/23 sur les essais.",
    "fraction-quarter": "Le missile a parcouru 1/4 de sa portée.",
    "round-the-clock": "Le centre de maintenance fonctionne 24/7 pour les Rafale.",
    "page-year": "Voir le tableau à la page 2023 du rapport.",
    "page-p-abbrev": "Voir le tableau p. 1998 du rapport.",
    "page-numeric": "Voir la page 11/2023 de l'annexe.",
    "number-sign-month-year": "Le rapport n° 11/2023 du ministère détaille la vente.",
    "number-sign-dashes": "Le décret n° 11-2023 fixe les règles d'exportation.",
    "numero-dmy": "Le marché numéro 03/11/2023 a été attribué à KNDS.",
    "article-year": "Il cite l'article 2022 du code de la défense.",
    "version-year-month": "La version 2023.11 du logiciel de tir est déployée.",
    "version-short": "Le logiciel passe en version 2.11 sur les Rafale.",
    "version-v": "Le logiciel v2.11 équipe les Rafale.",
    "version-three-parts": "Le calculateur passe en 4.12.21 sur les Rafale.",
    "python-version": "Le simulateur tourne sous Python 3.11 sans incident.",
    "phone-spaces": "Renseignements au 01 23 45 67 89 pour les exposants.",
    "phone-dashes": "Renseignements au 01-12-45-67-89 pour les exposants.",
    "phone-dots": "Renseignements au 01.12.20.19.45 pour les exposants.",
    "phone-international": "Renseignements au +33 1 45 11 20 23 pour les exposants.",
    "phone-tel": "Tél. : 05.12.2023 pour les exposants.",
    "percent-decimal": "Le budget a progressé de 20,23 % sur la période.",
    "percent-year-month-shape": "Le taux est de 2023.11 % selon le modèle.",
    "percent-pour-cent": "Le taux est de 1998.12 pour cent selon le modèle.",
    "decade": "Dans les années 1990, l'armée a acheté des chars.",
    "decades-two": "Les Mirage achetés dans les années 1970 et 1980 sont retirés.",
    "decade-short": "Dans les années 90, l'armée a acheté des chars.",
    "sept-count": "Le Maroc a commandé sept chars Abrams supplémentaires.",
    "sept-count-sentence-end": "Le Maroc en a commandé un lot de sept.",
    "sept-alone": "Il en reste sept en service.",
    "jan-first-name": "La déclaration de Jan Lipavský a surpris Prague.",
    "mar-country-code": "Le code pays MAR figure dans la base.",
    "invalid-day": "Le formulaire porte la mention 32/04/2023 en en-tête.",
    "invalid-month": "Le formulaire porte la mention 13/13/2023 en en-tête.",
    "model-mirage-2000-5": "Le Qatar a revendu ses Mirage 2000-5 à l'Indonésie.",
    "model-f-16-block": "La Turquie recevra des F-16 Block 72.",
    "quantity-2000": "Plus de 2 000 soldats ont participé à l'exercice.",
    "ordinal-day-without-month": "Le 4e jour de l'offensive, les chars sont arrivés.",
    "dernier-jour-without-month": "Le dernier jour des négociations a été tendu.",
    "premier-ministre": "Le Premier ministre a salué l'accord avec Paris.",
    "ratio-numbers": "Le vote a été acquis par 11/12 des voix.",
    "count-of-aircraft": "Les 12 avions ont décollé de Rabat.",
}


@pytest.mark.parametrize("text", list(NO_DATE.values()), ids=list(NO_DATE))
def test_no_date(extractor, text):
    assert dates_in(extractor, text) == []


# --- Negatives: the loose part is left out rather than read wrong -------------------------------------
# Each case: text -> every DATE mention as (text, value), in order.
NOT_A_WRONG_ONE = {
    "comma-then-count": ("Le 6 mars, 2000 soldats ont défilé.", [("6 mars", "2024-03-06")]),
    "comma-then-system": ("Le 6 mars, 2000 Javelin ont été livrés.", [("6 mars", "2024-03-06")]),
    "de-then-count": ("Les livraisons de mars de 2000 obus ont été retardées.", [("mars", "2024-03")]),
    "short-year-then-noun": ("Le 3 mars 12 avions ont décollé.", [("3 mars", "2024-03-03")]),
    "short-year-then-system": ("Le 3 mars 12 F-16 ont décollé.", [("3 mars", "2024-03-03")]),
    "short-year-then-hour": ("Le 1er mars 21 h 30, les troupes sont arrivées.", [("1er mars", "2024-03-01")]),
    "ambiguous-month-number": ("Le contrat a été signé mars 23.", []),
    "ambiguous-month-number-english-order": ("Le message du March 23 annonçait la vente.", []),
    "dot-then-new-sentence": (
        "Il a signé en mars. 2023 sera une année record.",
        [("mars", "2024-03"), ("2023", "2023")],
    ),
    "dot-then-verb": (
        "Il a signé en mars. 2023 a été une année record.",
        [("mars", "2024-03"), ("2023", "2023")],
    ),
    "year-comma-month-then-verb": ("En 2023, mars a été calme sur le front.", [("2023", "2023")]),
    "year-comma-months-listed": ("En 2023, avril et mai ont été calmes.", [("2023", "2023")]),
    "year-comma-month-then-its-year": (
        "Depuis 2022, mars 2023 marque un tournant.",
        [("2022", "2022"), ("mars 2023", "2023-03")],
    ),
    "invalid-day-dashes": ("Le formulaire du 31-11-2023 a été rejeté.", [("2023", "2023")]),
    "invalid-day-slashes": ("Le formulaire du 31/11/2023 a été rejeté.", []),
    "ordinal-regiment-not-a-day": ("Le 4e régiment de juillet a défilé.", [("juillet", "2024-07")]),
    "de-l-annee-without-year": (
        "Les essais de mars de l'année dernière ont échoué.",
        [("mars", "2024-03"), ("l'année dernière", "2023")],
    ),
}


@pytest.mark.parametrize(("text", "expected"), list(NOT_A_WRONG_ONE.values()), ids=list(NOT_A_WRONG_ONE))
def test_not_a_wrong_date(extractor, text, expected):
    assert dates_in(extractor, text) == expected
