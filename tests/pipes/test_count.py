"""COUNT: a number of military items -> integer value, unit = singular lowercase lemma of the head noun.

Contract: samples/README.md ("COUNT"). Span = optional cue + number + optional de/d' + the counted
head noun only ("dix-huit avions" in "dix-huit avions de combat"), or a noun phrase listed whole in
rules/lexicons/military_nouns.csv ("300 véhicules blindés", unit "véhicule blindé"); intervals: value = upper bound,
value_min = lower bound. Each table maps a readable case id to `(text, expected)`.
"""

import pytest

from tests.pipes import cases

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
        hit("une vingtaine d'hélicoptères", "20", "hélicoptère", approx="une vingtaine"),
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
        hit("une centaine de drones", "100", "drone", approx="une centaine"),
    ),
    "une-dizaine-de-blindes-sentence-start": (
        "Une dizaine de blindés ont été détruits près de Bakhmout.",
        hit("Une dizaine de blindés", "10", "blindé", approx="une dizaine"),
    ),
    "demi-douzaine-de-drones": (
        "L'Algérie a acheté une demi-douzaine de drones CH-5.",
        hit("une demi-douzaine de drones", "6", "drone", approx="une demi-douzaine"),
    ),
    "deux-douzaines-multiplies": (
        "La Grèce a reçu deux douzaines de chars Leopard.",
        hit("deux douzaines de chars", "24", "char", approx="deux douzaines"),
    ),
    "trois-centaines-multiplies": (
        "L'armée a tiré trois centaines d'obus.",
        hit("trois centaines d'obus", "300", "obus", approx="trois centaines"),
    ),
    "number-noun-of-a-system": (
        "L'Égypte envisage une vingtaine de Rafale supplémentaires.",
        hit("une vingtaine", "20", "Rafale", approx="une vingtaine"),
    ),
    "une-douzaine-de-radars": (
        "L'Algérie a déployé une douzaine de radars le long de la frontière.",
        hit("une douzaine de radars", "12", "radar", approx="une douzaine"),
    ),
    "typographic-apostrophe": (
        "Paris a livré une vingtaine d’hélicoptères au Qatar.",
        hit("une vingtaine d’hélicoptères", "20", "hélicoptère", approx="une vingtaine"),
    ),
    "approx-plus-de": (
        "L'Allemagne a promis plus de 300 véhicules blindés à Kiev.",
        hit("plus de 300 véhicules blindés", "300", "véhicule blindé", approx="plus de"),
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
        hit("cinq batteries", "5", "batterie Patriot"),  # a unit noun before a system counts its units
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
        hit("trois exemplaires", "3", "Rafale"),  # copies of the system named after
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
    "year-of-a-system": ("La vente en 2016 de Rafale à l'Inde a été confirmée.", "DATE"),
    "plain-number-of-a-system": ("Le lot de 12 de Rafale prévu.", None),
    "thousands-of-no-value": ("Des milliers d'obus ont été tirés.", None),
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


# --- Real press: counts whose noun is elided, separated, coordinated, or counted by unit -------
# Each case: text -> every COUNT expected, as (span, value, unit); the system named in the
# sentence (or the one before) gives the unit of an elided count.
def counts(*expected):
    return list(expected)


REAL_PRESS = {
    "elided-pour-country": (
        "Près de 273 Rafale ont été vendus : 80 pour les Émirats, 55 pour l'Égypte et 36 pour l'Inde.",
        counts(
            ("Près de 273", "273", "Rafale"), ("80", "80", "Rafale"), ("55", "55", "Rafale"), ("36", "36", "Rafale")
        ),
    ),
    "elided-dont": (
        "Les Pays-Bas ont commandé 52 F-35, dont 12 pour la base de Volkel.",
        counts(("52", "52", "F-35"), ("12", "12", "F-35")),
    ),
    "elided-dont-participle": (
        "Kiev attend 40 chars Leopard, dont 14 déjà livrés.",
        counts(("40 chars", "40", "char"), ("14", "14", "char")),
    ),
    "elided-in-parentheses-after-country": (
        "Le Typhoon vole en Arabie saoudite (72), à Oman (12) et au Koweït (28).",
        counts(
            ("72", "72", "Eurofighter Typhoon"),
            ("12", "12", "Eurofighter Typhoon"),
            ("28", "28", "Eurofighter Typhoon"),
        ),
    ),
    "elided-en-verb": (
        "La France a promis des CAESAR supplémentaires. Elle doit en financer douze à elle seule.",
        counts(("douze", "12", "CAESAR")),
    ),
    "elided-en-verb-past": (
        "Le Danemark exploite le CAESAR et en a commandé 19 en 2023.",
        counts(("19", "19", "CAESAR")),
    ),
    "elided-contract-for": (
        "Le contrat signé avec Saab pour le Gripen porte sur 24, livrables d'ici 2030.",
        counts(("24", "24", "JAS 39 Gripen")),
    ),
    "elided-batch": (
        "Les Rafale commandés par la Serbie arriveront en un premier lot de 6 dès 2028.",
        counts(("6", "6", "Rafale")),
    ),
    "elided-second-hand": (
        "Athènes a acheté six Rafale neufs et 12 d'occasion.",
        counts(("six", "6", "Rafale"), ("12", "12", "Rafale")),
    ),
    "elided-adjective": (
        "Le premier K2 est arrivé en décembre et les dix derniers en mars.",
        counts(("dix", "10", "K2 Black Panther")),
    ),
    "number-of-these": (
        "Plus de 300 de ces canons ont été exportés et huit de ses hélicoptères aussi.",
        counts(("Plus de 300 de ces canons", "300", "canon"), ("huit de ses hélicoptères", "8", "hélicoptère")),
    ),
    "number-of-the-number": (
        "La Slovaquie a livré 12 des 40 chars promis.",
        counts(("12", "12", "char"), ("40 chars", "40", "char")),
    ),
    "adjective-between": (
        "Les quatre premiers navires seront construits à Lorient, puis deux nouveaux Rafale.",
        counts(("quatre premiers navires", "4", "navire"), ("deux", "2", "Rafale")),
    ),
    "coordinated-systems": (
        "Stockholm enverra onze CV90 et 6 Archer à Kiev.",
        counts(("onze", "11", "CV90"), ("6", "6", "Archer")),
    ),
    "coordinated-seats": (
        "Bogota a choisi sept Gripen monoplaces et deux biplaces.",
        counts(("sept", "7", "JAS 39 Gripen"), ("deux biplaces", "2", "biplace")),
    ),
    "unit-of-system-regiments": (
        "Moscou a livré trois régiments de Pantsir à l'Algérie.",
        counts(("trois régiments", "3", "régiment Pantsir")),
    ),
    "unit-of-system-batteries": (
        "Rome et Paris fournissent quatre batteries SAMP/T.",
        counts(("quatre batteries", "4", "batterie SAMP/T")),
    ),
    "unit-of-system-class": (
        "Naval Group construit deux unités de la classe Gowind pour les Émirats.",
        counts(("deux unités", "2", "unité Gowind")),
    ),
    "exemplaires": ("L'Inde a reçu huit exemplaires du Rafale.", counts(("huit exemplaires", "8", "Rafale"))),
    "exemplaires-alone": ("L'Inde en a reçu huit exemplaires.", counts(("huit exemplaires", "8", "exemplaire"))),
    "capitalized-noun": (
        "La Roumanie recevra 40 Véhicules blindés de combat Piranha.",
        counts(("40 Véhicules blindés", "40", "véhicule blindé")),
    ),
    "shells-thousands-dot": (
        "Washington a fourni 144.000 obus à l'Ukraine.",
        counts(("144.000 obus", "144000", "obus")),
    ),
    "shells-thousands-space": (
        "L'initiative a livré 800 000 obus en un an.",
        counts(("800 000 obus", "800000", "obus")),
    ),
    "shells-millions": (
        "Pyongyang aurait fourni 2,3 millions d'obus à Moscou.",
        counts(("2,3 millions d'obus", "2300000", "obus")),
    ),
    "rockets-and-cartridges": (
        "Le paquet comprend 65 000 roquettes et 94 200 cartouches.",
        counts(("65 000 roquettes", "65000", "roquette"), ("94 200 cartouches", "94200", "cartouche")),
    ),
    "torpedoes-munitions": (
        "La marine a commandé 30 torpilles et 2 000 munitions rôdeuses.",
        counts(("30 torpilles", "30", "torpille"), ("2 000 munitions", "2000", "munition")),
    ),
    "un-in-a-list": (
        "La première phase comprend trois Gripen E et un Gripen F.",
        counts(("trois", "3", "Gripen E"), ("un", "1", "Gripen F")),
    ),
    "une-seule": (
        "Berlin n'a livré qu'une seule unité IRIS-T SLM.",
        counts(("une seule unité", "1", "unité IRIS-T SLM")),
    ),
    "dont-un": (
        "Le Mali a reçu 4 Super Tucano, dont un s'est écrasé.",
        counts(("4", "4", "EMB-314 Super Tucano"), ("un", "1", "EMB-314 Super Tucano")),
    ),
    "maker-between": ("Le Qatar aligne 75 Boeing F-15.", counts(("75", "75", "F-15"))),
    "unlisted-code-after-number": (
        "La Tunisie recevra 24 M134 de 7,62 mm.",
        counts(("24", "24", "M134")),
    ),
}

REAL_PRESS_NEGATIVE = {
    "dont-years": "Les Kfir ont plus de 45 années de service (dont 33 au sein de l'armée).",
    "pour-cent": "Les Rafale représentent 20 pour cent des ventes.",
    "year-pour-country": "Le Rafale a été vendu en 2016 pour l'Inde.",
    "regiments-of-soldiers": "Trois régiments d'infanterie défileront.",
    "en-years": "Le Rafale est en service depuis 20 ans.",
    "apposition-un": "Varsovie a commandé 288 lanceurs Chunmoo, un système de lance-roquettes multiples.",
    "autres-before-a-noun": "Moscou a livré des Su-57 ; deux autres contrats sont en discussion.",
    "dizaine-de-jours": "Le patrouilleur est arrivé après une dizaine de jours de traversée.",
    "no-system-in-reach": "Le budget a augmenté : 80 pour la marine, 55 pour l'armée de terre.",
}


@pytest.mark.parametrize(("text", "expected"), list(REAL_PRESS.values()), ids=list(REAL_PRESS))
def test_count_real_press(extractor, text, expected):
    found = [(m.text, m.value, m.unit) for m in extractor.extract(text, date=DOC_DATE) if m.label == LABEL]
    assert found == expected


@pytest.mark.parametrize("text", list(REAL_PRESS_NEGATIVE.values()), ids=list(REAL_PRESS_NEGATIVE))
def test_count_real_press_negative(extractor, text):
    mentions = extractor.extract(text, date=DOC_DATE)
    elided = [m for m in mentions if m.label == LABEL and (m.unit_source == "sentence" or m.text in ("un", "Trois"))]
    assert not elided, cases.show(elided)
