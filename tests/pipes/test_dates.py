"""DATE: a calendar date in the body -> ISO 8601 at the precision the text gives.

Contract: samples/README.md ("DATE"). Span = the date alone, without the preposition or article
before it ("le", "en", "depuis", "d'ici"), without "début"/"fin"/"mi-" or a weekday name before it.
A day or month without a year takes the year of the document date; relative expressions
("l'an dernier", "le mois dernier") are computed from it. Never invent a day or month the text
does not give; without a document date a partial date has an empty value.
Each table maps a readable case id to `(text, expected)`.
"""

import pytest

from tests.pipes import cases

LABEL = "DATE"
DOC_DATE = "2024-06"  # document date for every table except NO_DOC_DATE, FROM_HEADER and ROLLOVER
ROLLOVER_DOC_DATE = "2025-01"


def hit(span, value):
    """DATE has no unit, cue or lower bound."""
    return cases.hit(span, value)


def assert_one(mentions, text, expected):
    cases.assert_one(mentions, text, expected, LABEL)


def assert_none(mentions, instead):
    cases.assert_none(mentions, LABEL, instead)


# --- The forms the specification (issue) lists (document date 2024-06) -------------------------
FROM_ISSUE = {
    "day-month-year": (
        "Le contrat a été signé le 11 avril 2023 à Rabat.",
        hit("11 avril 2023", "2023-04-11"),
    ),
    "month-year": (
        "Les premières livraisons ont eu lieu en avril 2023.",
        hit("avril 2023", "2023-04"),
    ),
    "year": (
        "Le Maroc a passé commande en 2021.",
        hit("2021", "2021"),
    ),
    "numeric-slashes": (
        "La lettre d'acceptation est datée du 11/04/2023.",
        hit("11/04/2023", "2023-04-11"),
    ),
    "1er-janvier": (
        "L'accord de coopération est entré en vigueur le 1er janvier 2020.",
        hit("1er janvier 2020", "2020-01-01"),
    ),
    "day-month-completed-from-doc-date": (
        "Le contrat a été signé le 11 avril.",
        hit("11 avril", "2024-04-11"),
    ),
    "month-completed-from-doc-date": (
        "Les essais de tir ont commencé en avril.",
        hit("avril", "2024-04"),
    ),
    "l-an-dernier": (
        "Le Maroc a reçu ses premiers HIMARS l'an dernier.",
        hit("l'an dernier", "2023"),
    ),
}

# --- Other forms French outlets write (document date 2024-06) ------------------------------------
PRESS_VARIANTS = {
    "depuis-month-year": (
        "Les livraisons sont suspendues depuis mars 2022.",
        hit("mars 2022", "2022-03"),
    ),
    "month-year-aout": (
        "La commande a été passée en août 2023.",
        hit("août 2023", "2023-08"),
    ),
    "d-ici-year": (
        "Le Maroc veut produire ses propres drones d'ici 2030.",
        hit("2030", "2030"),
    ),
    "depuis-year": (
        "L'embargo sur les armes est en vigueur depuis 2014.",
        hit("2014", "2014"),
    ),
    "debut-year": (
        "Les premiers appareils seront livrés début 2025.",
        hit("2025", "2025"),
    ),
    "fin-year": (
        "Le contrat devrait être finalisé fin 2026.",
        hit("2026", "2026"),
    ),
    "mi-year": (
        "La production en série débutera mi-2027.",
        hit("2027", "2027"),
    ),
    "debut-month-year": (
        "Le ministre s'est rendu à Washington début mars 2024.",
        hit("mars 2024", "2024-03"),
    ),
    "mi-month-year": (
        "Les premières frégates arriveront mi-septembre 2025 à Toulon.",
        hit("septembre 2025", "2025-09"),
    ),
    "fin-hyphen-month-year": (
        "La livraison est attendue fin-mars 2026.",
        hit("mars 2026", "2026-03"),
    ),
    "debut-hyphen-month": (
        "Les essais reprendront Début-juin.",
        hit("juin", "2024-06"),
    ),
    "weekday-before-date": (
        "Le contrat a été signé mardi 12 mars 2024 à Paris.",
        hit("12 mars 2024", "2024-03-12"),
    ),
    "le-weekday-day-month": (
        "L'annonce a été faite le jeudi 6 juin par le ministère.",
        hit("6 juin", "2024-06-06"),
    ),
    "sentence-start-day-month-year": (
        "Le 3 septembre 2019, l'Inde a reçu son premier Rafale.",
        hit("3 septembre 2019", "2019-09-03"),
    ),
    "1er-without-year": (
        "La nouvelle réglementation s'appliquera à partir du 1er juillet.",
        hit("1er juillet", "2024-07-01"),
    ),
    "day-month-sentence-start": (
        "Le 14 juillet, des Rafale ont défilé au-dessus des Champs-Élysées.",
        hit("14 juillet", "2024-07-14"),
    ),
    "month-without-year-later-in-year": (
        "Le Parlement examinera le texte en septembre.",
        hit("septembre", "2024-09"),
    ),
    "abbreviated-month": (
        "Signé le 31 déc. 2023, l'accord prévoit la livraison de douze radars.",
        hit("31 déc. 2023", "2023-12-31"),
    ),
    "iso-date": (
        "Le communiqué du 2024-03-15 confirme la commande.",
        hit("2024-03-15", "2024-03-15"),
    ),
    "numeric-dots": (
        "Notifié le 15.03.2024, le contrat porte sur douze radars.",
        hit("15.03.2024", "2024-03-15"),
    ),
    "numeric-dashes": (
        "Notifié le 15-03-2024, le contrat porte sur douze radars.",
        hit("15-03-2024", "2024-03-15"),
    ),
    "l-annee-derniere-capitalized": (
        "L'année dernière, Alger a commandé des Su-57 à Moscou.",
        hit("L'année dernière", "2023"),
    ),
    "l-an-passe": (
        "Les exportations d'armement ont chuté l'an passé.",
        hit("l'an passé", "2023"),
    ),
    "cette-annee": (
        "Le Parlement votera la loi de programmation cette année.",
        hit("cette année", "2024"),
    ),
    "l-annee-prochaine": (
        "Les livraisons reprendront l'année prochaine.",
        hit("l'année prochaine", "2025"),
    ),
    "l-an-prochain": (
        "La frégate sera admise au service actif l'an prochain.",
        hit("l'an prochain", "2025"),
    ),
    "le-mois-dernier": (
        "Le Congrès a été notifié le mois dernier.",
        hit("le mois dernier", "2024-05"),
    ),
    "le-mois-prochain": (
        "Le premier vol du prototype est prévu le mois prochain.",
        hit("le mois prochain", "2024-07"),
    ),
    "typographic-apostrophe": (
        "Le Maroc a reçu ses premiers HIMARS l’an dernier.",
        hit("l’an dernier", "2023"),
    ),
    "year-next-to-model-number": (
        "La France a vendu des Mirage 2000 à l'Inde en 1982.",
        hit("1982", "1982"),
    ),
    "year-with-count": (
        "En 2022, Rabat a reçu 18 lanceurs.",
        hit("2022", "2022"),
    ),
    "date-with-money": (
        "Le 30 juin 2024, Varsovie a signé pour 2 milliards de dollars.",
        hit("30 juin 2024", "2024-06-30"),
    ),
}

# --- No document date: never invent the missing year ---------------------------------------------
NO_DOC_DATE = {
    "day-month-without-year": (
        "Le contrat a été signé le 11 avril.",
        hit("11 avril", ""),
    ),
    "1er-without-year": (
        "La nouvelle réglementation s'appliquera à partir du 1er juillet.",
        hit("1er juillet", ""),
    ),
    "month-without-year": (
        "Les essais de tir ont commencé en avril.",
        hit("avril", ""),
    ),
    "l-an-dernier": (
        "Le Maroc a reçu ses premiers HIMARS l'an dernier.",
        hit("l'an dernier", ""),
    ),
    "full-date": (
        "Le contrat a été signé le 11 avril 2023.",
        hit("11 avril 2023", "2023-04-11"),
    ),
    "year": (
        "Le Maroc a passé commande en 2021.",
        hit("2021", "2021"),
    ),
}

# --- No `date` argument: the crawled header line gives the document date -------------------------
FROM_HEADER = {
    "header-completes-day-month": (
        "date 2024-06 Le Maroc commande des HIMARS (AFP)\nLe contrat a été signé le 11 avril.",
        hit("11 avril", "2024-04-11"),
    ),
    "header-relative-year": (
        "date 2024-06 Alger muscle sa défense (APS)\nL'Algérie a commandé des Su-57 l'an dernier.",
        hit("l'an dernier", "2023"),
    ),
}

# --- Document date 2025-01: relative dates cross the year boundary -------------------------------
ROLLOVER = {
    "le-mois-dernier-previous-year": (
        "Le Congrès a été notifié le mois dernier.",
        hit("le mois dernier", "2024-12"),
    ),
    "l-an-dernier": (
        "Le Maroc a reçu ses premiers HIMARS l'an dernier.",
        hit("l'an dernier", "2024"),
    ),
}

# --- Must not yield a DATE mention (second item: a label that must be found instead, or None) ---
NEGATIVE = {
    "soldiers-2000": ("Plus de 2 000 soldats ont participé à l'exercice.", None),
    "F-16-Block-72": ("La Turquie recevra des F-16 Block 72.", None),
    "duration-trois-ans": ("Le programme d'armement durera trois ans.", None),
    "percent": ("Le budget de la défense a augmenté de 15 %.", None),
    "weekday-alone": ("Le ministre s'est exprimé mardi devant les députés.", None),
    "weekday-sentence-start": ("Lundi, le ministre recevra son homologue indien.", None),
    "hier": ("Le contrat a été signé hier à Rabat.", None),
    "century-roman": ("Ce type de char date du XXe siècle.", None),
    "century-arabic": ("Les guerres du 21e siècle seront celles des drones.", None),
    "model-Mirage-2000": ("L'armée de l'air indienne modernise ses Mirage 2000.", None),
    "model-Mirage-2000-5": ("Le Qatar a revendu ses Mirage 2000-5 à l'Indonésie.", None),
    "model-T-90": ("L'Algérie exploite des chars T-90.", None),
    "model-Leopard-2A7": ("Le Qatar a acheté des chars Leopard 2A7.", None),
    "duration-six-mois": ("Les négociations ont duré six mois.", None),
    "duration-jours": ("L'exercice a duré 3 jours.", None),
    "duration-en-2-ans": ("Les livraisons seront achevées en 2 ans.", None),
    "duration-il-y-a": ("Le contrat a été signé il y a dix ans.", None),
    "duration-semaines": ("La livraison prendra deux semaines.", None),
    "duration-heures": ("Le drone peut voler 24 heures.", None),
    "service-years": ("Le char Leclerc compte 30 ans de service.", None),
    "time-of-day": ("Les frappes ont commencé à 4 h 30.", None),
    "article-number": ("Le ministre a cité l'article 12 du contrat.", None),
    "tonnage-2000": ("La corvette déplace 2 000 tonnes.", None),
    "money": ("Le contrat vaut 524 millions de dollars.", "MONEY"),
    "count-2000": ("L'armée ukrainienne a reçu 2 000 drones.", "COUNT"),
    "range-2000": ("Le missile a une portée de 2 000 km.", "RANGE"),
}


@pytest.mark.parametrize(("text", "expected"), list(FROM_ISSUE.values()), ids=list(FROM_ISSUE))
def test_date_from_issue(extractor, text, expected):
    assert_one(extractor.extract(text, date=DOC_DATE), text, expected)


@pytest.mark.parametrize(("text", "expected"), list(PRESS_VARIANTS.values()), ids=list(PRESS_VARIANTS))
def test_date_press_variants(extractor, text, expected):
    assert_one(extractor.extract(text, date=DOC_DATE), text, expected)


@pytest.mark.parametrize(("text", "expected"), list(NO_DOC_DATE.values()), ids=list(NO_DOC_DATE))
def test_date_without_document_date(extractor, text, expected):
    assert_one(extractor.extract(text, date=None), text, expected)


@pytest.mark.parametrize(("text", "expected"), list(FROM_HEADER.values()), ids=list(FROM_HEADER))
def test_date_from_header(extractor, text, expected):
    assert_one(extractor.extract(text), text, expected)


@pytest.mark.parametrize(("text", "expected"), list(ROLLOVER.values()), ids=list(ROLLOVER))
def test_date_rollover(extractor, text, expected):
    assert_one(extractor.extract(text, date=ROLLOVER_DOC_DATE), text, expected)


@pytest.mark.parametrize(("text", "instead"), list(NEGATIVE.values()), ids=list(NEGATIVE))
def test_date_negative(extractor, text, instead):
    assert_none(extractor.extract(text, date=DOC_DATE), instead)


# --- Real press: weekdays, 'dernier'/'prochain', decades, and undated articles ------------------
# Each case: (text, document date or None) -> every DATE mention as (text, value), in order.
REAL_PRESS = {
    "weekday-day-precision-date": (
        ("Le ministre s'est exprimé mardi devant les députés.", "2024-06-13"),
        [("mardi", "2024-06-11")],
    ),
    "weekday-same-day": (("Le contrat a été signé jeudi à Varsovie.", "2024-06-13"), [("jeudi", "2024-06-13")]),
    "weekday-prochain": (("La livraison aura lieu lundi prochain.", "2024-06-13"), [("lundi", "2024-06-17")]),
    "weekday-from-dateline": (
        (
            "Sydney | AFP | vendredi 17/03/2023 - Le Pentagone a annoncé jeudi la vente, après le sommet de lundi.",
            "2023-03",
        ),
        [("17/03/2023", "2023-03-17"), ("jeudi", "2023-03-16"), ("lundi", "2023-03-13")],
    ),
    "weekday-day-after-dateline": (
        ("Le ministère a annoncé ce mercredi 19 juin la commande, a rapporté jeudi La Tribune.", "2024-06"),
        [("19 juin", "2024-06-19"), ("jeudi", "2024-06-20")],
    ),
    "weekday-month-date-only": (("Le ministre s'est exprimé mardi devant les députés.", "2024-06"), []),
    "weekday-no-document-date": (
        ("Le 12 juillet 2019, Ankara a reçu le S-400, puis mardi les radars.", None),
        [("12 juillet 2019", "2019-07-12")],
    ),
    "month-dernier": (("Kiev avait demandé ces systèmes en mai dernier.", "2023-04"), [("mai", "2022-05")]),
    "month-derniere-same-year": (
        ("Le contrat signé en février dernier entre en vigueur.", "2023-04"),
        [("février", "2023-02")],
    ),
    "day-month-dernier": (("Le contrat a été signé le 3 avril dernier.", "2023-04"), [("3 avril", "2023-04-03")]),
    "month-prochain": (("Les premiers Rafale arriveront en juin prochain.", "2024-06"), [("juin", "2025-06")]),
    "month-passe": (("L'accord conclu en mars passé est confirmé.", "2024-06"), [("mars", "2024-03")]),
    "mi-month": (("Les livraisons ont repris mi-septembre.", "2024-10"), [("septembre", "2024-09")]),
    "inferred-from-latest-full-date": (
        ("Les S-400 sont arrivés le 12 juillet 2019 à Ankara. Mi-septembre, l'armée a reçu les radars.", None),
        [("12 juillet 2019", "2019-07-12"), ("septembre", "2019-09")],
    ),
    "inferred-completes-day-month": (
        ("Le 3 mars 2023, Varsovie a signé. Le 11 septembre, les premiers K2 sont arrivés.", None),
        [("3 mars 2023", "2023-03-03"), ("11 septembre", "2023-09-11")],
    ),
    "inferred-weekday-fits-one-year": (
        ("En 2023, l'armée a reçu ses chars. Jeudi 9 mars, le ministre les a présentés.", None),
        [("2023", "2023"), ("9 mars", "2023-03-09")],
    ),
    "inferred-not-relative": (
        ("Le 3 mars 2023, Varsovie a signé ; l'an dernier, elle avait acheté des K9.", None),
        [("3 mars 2023", "2023-03-03"), ("l'an dernier", "")],
    ),
    "no-inference-from-month-year": (
        ("Les livraisons ont commencé en juillet 2023 ; en mars, la Pologne a reçu des K2.", None),
        [("juillet 2023", "2023-07"), ("mars", "")],
    ),
    "no-inference-weekday-fits-no-year": (
        ("Le ministre a parlé mardi 5 août. Les frégates entreront en service en 2030.", None),
        [("5 août", ""), ("2030", "2030")],
    ),
    "decade": (("Le Rafale remplace des Mirage achetés dans les années 1970 et 1980.", "2024-06"), []),
    "decades-then-year": (
        ("Acquis dans les années 1990, ces chars seront remplacés en 2026.", "2024-06"),
        [("2026", "2026")],
    ),
    "year-inside-a-name": (("Selon le rapport World Air Forces 2023, la flotte compte 20 avions.", "2024-06"), []),
    "english-date-in-a-quoted-post": (
        ("« Les CAESAR sont déjà sur le front. » — Defence of Ukraine (@DefenceU) May 25, 2022", "2022-05"),
        [("May 25, 2022", "2022-05-25")],
    ),
}


@pytest.mark.parametrize(("given", "expected"), list(REAL_PRESS.values()), ids=list(REAL_PRESS))
def test_date_real_press(extractor, given, expected):
    text, doc_date = given
    found = [(m.text, m.value) for m in extractor.extract(text, date=doc_date) if m.label == LABEL]
    assert found == expected


SHARED_YEAR = {
    "months-coordinated": ("Livraisons en juin et décembre 2023.", [("juin", "2023-06"), ("décembre 2023", "2023-12")]),
    "days-coordinated": (
        "Essais le 3 mars et le 5 avril 2025.",
        [("3 mars", "2025-03-03"), ("5 avril 2025", "2025-04-05")],
    ),
    "month-relative-year": (
        "En février l'an dernier, Alger a commandé.",
        [("février", "2023-02"), ("l'an dernier", "2023")],
    ),
    "not-coordinated": ("Signé en mars, livré en 2025.", [("mars", "2024-03"), ("2025", "2025")]),
}


@pytest.mark.parametrize(("text", "expected"), list(SHARED_YEAR.values()), ids=list(SHARED_YEAR))
def test_a_partial_date_shares_the_year_that_follows(extractor, text, expected):
    assert [(m.text, m.value) for m in extractor.extract(text, date=DOC_DATE) if m.label == LABEL] == expected
