"""COUNT: a number of military items -> integer value, unit = singular lowercase lemma of the head noun.

Contract: samples/README.md ("COUNT"). Span = optional cue + number + optional de/d' + the counted
head noun only ("dix-huit avions" in "dix-huit avions de combat"); intervals: value = upper bound,
value_min = lower bound. Each table maps a readable case id to `(text, expected)`.
"""

import pytest

from tests.pipes import cases
from tests.pipes.cases import NONEMPTY

LABEL = "COUNT"
DOC_DATE = "2024-06"
NBSP = "\u00a0"


hit = cases.hit


def assert_one(mentions, text, expected):
    cases.assert_one(mentions, text, expected, LABEL)


def assert_none(mentions, instead):
    cases.assert_none(mentions, LABEL, instead)


# --- The forms the specification (issue) lists -------------------------------------------------
FROM_ISSUE = {
    "lanceurs": (
        "Le Maroc a commandé 18 lanceurs M142 HIMARS auprès de Lockheed Martin.",
        hit("18 lanceurs", "18", "lanceur"),
    ),
    "dix-huit-avions-de-combat": (
        "L'Égypte a reçu dix-huit avions de combat de Dassault Aviation.",
        hit("dix-huit avions", "18", "avion"),
    ),
    "une-vingtaine-d-helicopteres": (
        "L'armée de l'air a perdu une vingtaine d'hélicoptères depuis le début du conflit.",
        hit("une vingtaine d'hélicoptères", "20", "hélicoptère", approx=NONEMPTY),
    ),
    "missiles-ATACMS": (
        "Washington a livré 40 missiles ATACMS à Kiev au printemps.",
        hit("40 missiles", "40", "missile"),
    ),
    "deux-fregates": (
        "Rabat envisage l'achat de deux frégates supplémentaires.",
        hit("deux frégates", "2", "frégate"),
    ),
    "interval-de-a": (
        "La marine indienne souhaite acquérir de 12 à 18 appareils embarqués.",
        hit("de 12 à 18 appareils", "18", "appareil", value_min="12"),
    ),
}

# --- Other forms French outlets write ------------------------------------------------------------
PRESS_VARIANTS = {
    "chars": (
        "La Pologne a réceptionné 24 chars K2 Black Panther.",
        hit("24 chars", "24", "char"),
    ),
    "trois-sous-marins": (
        "Le Brésil construit trois sous-marins Scorpène avec Naval Group.",
        hit("trois sous-marins", "3", "sous-marin"),
    ),
    "helicopteres-digits": (
        "Le contrat porte sur 12 hélicoptères H225M Caracal.",
        hit("12 hélicoptères", "12", "hélicoptère"),
    ),
    "thousands-plain-space": (
        "L'Ukraine attend 1 200 missiles antiaériens avant l'hiver.",
        hit("1 200 missiles", "1200", "missile"),
    ),
    "thousands-no-break-space": (
        f"Le Pentagone a commandé 1{NBSP}500 missiles Stinger à Raytheon.",
        hit(f"1{NBSP}500 missiles", "1500", "missile"),
    ),
    "une-centaine-de-drones": (
        "Moscou a lancé une centaine de drones Shahed dans la nuit.",
        hit("une centaine de drones", "100", "drone", approx=NONEMPTY),
    ),
    "une-dizaine-de-blindes-sentence-start": (
        "Une dizaine de blindés ont été détruits près de Bakhmout.",
        hit("Une dizaine de blindés", "10", "blindé", approx=NONEMPTY),
    ),
    "une-douzaine-de-radars": (
        "L'Algérie a déployé une douzaine de radars le long de la frontière.",
        hit("une douzaine de radars", "12", "radar", approx=NONEMPTY),
    ),
    "typographic-apostrophe": (
        "Paris a livré une vingtaine d’hélicoptères au Qatar.",
        hit("une vingtaine d’hélicoptères", "20", "hélicoptère", approx=NONEMPTY),
    ),
    "approx-plus-de": (
        "L'Allemagne a promis plus de 300 véhicules blindés à Kiev.",
        hit("plus de 300 véhicules", "300", "véhicule", approx="plus de"),
    ),
    "approx-environ": (
        "L'armée marocaine aligne environ 50 hélicoptères de transport.",
        hit("environ 50 hélicoptères", "50", "hélicoptère", approx="environ"),
    ),
    "approx-au-moins": (
        "La défense aérienne a abattu au moins 15 drones au-dessus de la capitale.",
        hit("au moins 15 drones", "15", "drone", approx="au moins"),
    ),
    "approx-plus-de-intercepteurs": (
        "Israël a tiré plus de 200 intercepteurs en une seule nuit.",
        hit("plus de 200 intercepteurs", "200", "intercepteur", approx="plus de"),
    ),
    "interval-entre-et": (
        "L'état-major prévoit d'acquérir entre 20 et 30 drones armés.",
        hit("entre 20 et 30 drones", "30", "drone", value_min="20"),
    ),
    "quatre-corvettes": (
        "Naval Group livrera quatre corvettes Gowind à l'Égypte.",
        hit("quatre corvettes", "4", "corvette"),
    ),
    "six-systemes": (
        "Berlin a fourni six systèmes de défense aérienne IRIS-T.",
        hit("six systèmes", "6", "système"),
    ),
    "deux-cents-missiles": (
        "Le contrat prévoit la livraison de deux cents missiles Mistral.",
        hit("deux cents missiles", "200", "missile"),
    ),
    "trente-six-obusiers": (
        "Le Maroc a reçu trente-six obusiers CAESAR.",
        hit("trente-six obusiers", "36", "obusier"),
    ),
    "quatre-vingts-chars-with-model-number": (
        "L'armée a retiré quatre-vingts chars T-72 du service actif.",
        hit("quatre-vingts chars", "80", "char"),
    ),
    "cinq-batteries": (
        "Le Japon dispose de cinq batteries Patriot autour de Tokyo.",
        hit("cinq batteries", "5", "batterie"),
    ),
    "patrouilleurs-with-model-number": (
        "Le Sénégal a commandé trois patrouilleurs OPV 58 S à Piriou.",
        hit("trois patrouilleurs", "3", "patrouilleur"),
    ),
    "deux-satellites": (
        "Les Émirats ont commandé deux satellites d'observation à Airbus.",
        hit("deux satellites", "2", "satellite"),
    ),
    "torpilles": (
        "L'Inde a commandé 100 torpilles lourdes pour ses sous-marins.",
        hit("100 torpilles", "100", "torpille"),
    ),
    "porte-helicopteres": (
        "La France a vendu deux porte-hélicoptères Mistral à l'Égypte.",
        hit("deux porte-hélicoptères", "2", "porte-hélicoptères"),
    ),
    "chasseurs-bombardiers": (
        "L'Indonésie a commandé 42 chasseurs-bombardiers.",
        hit("42 chasseurs-bombardiers", "42", "chasseur-bombardier"),
    ),
    "exemplaires": (
        "L'Inde a reçu trois exemplaires supplémentaires du Rafale.",
        hit("trois exemplaires", "3", "exemplaire"),
    ),
    "lance-roquettes": (
        "Kiev a reçu 50 lance-roquettes multiples depuis le début de la guerre.",
        hit("50 lance-roquettes", "50", "lance-roquettes"),
    ),
    "sentence-start-capitalized": (
        "Douze hélicoptères NH90 ont été livrés à la marine.",
        hit("Douze hélicoptères", "12", "hélicoptère"),
    ),
    "number-before-system-name": (
        "L'Égypte a commandé 30 Rafale supplémentaires.",
        hit("30", "30", "Rafale"),
    ),
    "with-money-in-sentence": (
        "Rabat a acheté 24 hélicoptères Apache pour 1,5 milliard de dollars.",
        hit("24 hélicoptères", "24", "hélicoptère"),
    ),
    "with-date-in-sentence": (
        "Le 11 avril 2023, Washington a approuvé la vente de 18 lanceurs au Maroc.",
        hit("18 lanceurs", "18", "lanceur"),
    ),
}

# --- Must not yield a COUNT mention (second item: a label that must be found instead, or None) --
NEGATIVE = {
    "soldiers": ("Plus de 2 000 soldats participent à l'exercice African Lion.", None),
    "military-personnel": ("Paris a déployé 500 militaires au Niger.", None),
    "dead-and-wounded": ("Les frappes ont fait 30 morts et 120 blessés.", None),
    "people": ("Quelque 1 500 personnes ont été évacuées de la zone.", None),
    "year": ("En 2023, le Maroc a renforcé sa défense aérienne.", "DATE"),
    "day-month-year": ("Le contrat a été signé le 11 avril 2023.", "DATE"),
    "days-duration": ("L'exercice naval a duré 15 jours.", None),
    "years-duration": ("Les livraisons s'étaleront sur trois ans.", None),
    "flight-hours": ("Les pilotes totalisent 1 200 heures de vol sur Rafale.", None),
    "percent-of-missiles": ("Seuls 15 % des missiles ont atteint leur cible.", None),
    "money": ("Le contrat atteint 524 millions de dollars.", "MONEY"),
    "money-number-words": ("Le programme coûtera deux milliards d'euros.", "MONEY"),
    "range": ("Le missile peut frapper à 300 km.", "RANGE"),
    "rank-ordinal-regiment": ("Le 3e régiment d'hélicoptères de combat a été déployé.", None),
    "ordinal-premier": ("Le premier avion sera livré à l'armée de l'air indonésienne.", None),
    "page-number": ("Le tableau des avions livrés figure à la page 12.", None),
    "article-un-avion": ("Un avion de transport s'est posé à Niamey.", None),
    "article-un-helicoptere": ("Un hélicoptère Tigre s'est écrasé au Mali.", None),
    "article-une-fregate": ("Une frégate russe a été repérée au large de Tartous.", None),
    "model-F-16-Block-72": ("Washington a approuvé la vente de F-16 Block 72 à la Turquie.", None),
    "model-Mirage-2000": ("Le Mirage 2000 reste en service dans l'armée de l'air indienne.", None),
    "model-Su-30-MiG-29": ("L'armée de l'air algérienne exploite des Su-30 et des MiG-29.", None),
    "countries": ("Les deux pays ont signé un accord de défense.", None),
    "ministers": ("Les deux ministres ont visité l'usine de Mérignac.", None),
    "tonnage": ("Le sous-marin déplace 4 000 tonnes en plongée.", None),
    "calibre": ("Les obus de 155 mm sont produits à Bourges.", None),
    "fois-plus": ("La Russie produit trois fois plus de drones qu'il y a deux ans.", None),
    "fraction": ("Les deux tiers des avions sont cloués au sol.", None),
    "men": ("Le contingent compte 5 000 hommes.", None),
    "weekday-and-time": ("Les frappes ont commencé mardi à 4 h 30.", None),
}


@pytest.mark.parametrize(("text", "expected"), list(FROM_ISSUE.values()), ids=list(FROM_ISSUE))
def test_count_from_issue(extractor, text, expected):
    assert_one(extractor.extract(text, date=DOC_DATE), text, expected)


@pytest.mark.parametrize(("text", "expected"), list(PRESS_VARIANTS.values()), ids=list(PRESS_VARIANTS))
def test_count_press_variants(extractor, text, expected):
    assert_one(extractor.extract(text, date=DOC_DATE), text, expected)


@pytest.mark.parametrize(("text", "instead"), list(NEGATIVE.values()), ids=list(NEGATIVE))
def test_count_negative(extractor, text, instead):
    assert_none(extractor.extract(text, date=DOC_DATE), instead)
