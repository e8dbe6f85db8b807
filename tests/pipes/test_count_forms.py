"""COUNT: every way a French writer states a number of items (issue 11, "Counts").

Contract: samples/README.md ("COUNT"). One table per family: large counts and their separators,
scale words and suffixes, number words, dozens and approximate nouns; then what is never a count.
Each table maps a readable case id to `(text, expected)`; the compound-word table generated from a
number-to-words function is in test_number_words.py.
"""

import pytest

from tests.pipes import cases

LABEL = "COUNT"
DOC_DATE = "2024-06"
NBSP, NNBSP = "\u00a0", "\u202f"  # no-break space, narrow no-break (thin) space

hit = cases.hit

# --- Large counts, any thousands separator -------------------------------------------------------
LARGE_COUNTS = {
    "space-65-000": ("Le paquet comprend 65 000 roquettes.", hit("65 000 roquettes", "65000", "roquette")),
    "dot-250-000": ("Séoul a livré 250.000 cartouches.", hit("250.000 cartouches", "250000", "cartouche")),
    "space-1-200-000": ("L'UE a promis 1 200 000 munitions.", hit("1 200 000 munitions", "1200000", "munition")),
    "glued-300000": ("Pyongyang a envoyé 300000 obus.", hit("300000 obus", "300000", "obus")),
    "nbsp-65-000": (f"Le paquet comprend 65{NBSP}000 roquettes.", hit(f"65{NBSP}000 roquettes", "65000", "roquette")),
    "thin-space-65-000": (
        f"Le paquet comprend 65{NNBSP}000 roquettes.",
        hit(f"65{NNBSP}000 roquettes", "65000", "roquette"),
    ),
    "dots-1-200-000": ("L'UE a promis 1.200.000 munitions.", hit("1.200.000 munitions", "1200000", "munition")),
    "nbsp-1-200-000": (
        f"L'UE a promis 1{NBSP}200{NBSP}000 munitions.",
        hit(f"1{NBSP}200{NBSP}000 munitions", "1200000", "munition"),
    ),
    "space-2-500-drones": ("Moscou a commandé 2 500 drones.", hit("2 500 drones", "2500", "drone")),
    "dot-2-500-drones": ("Moscou a commandé 2.500 drones.", hit("2.500 drones", "2500", "drone")),
    "glued-2500-drones": ("Moscou a commandé 2500 drones.", hit("2500 drones", "2500", "drone")),
    "space-10-000-missiles": ("Kiev réclame 10 000 missiles.", hit("10 000 missiles", "10000", "missile")),
    "space-144-000-obus": ("Washington a fourni 144 000 obus.", hit("144 000 obus", "144000", "obus")),
    "space-9-999-999": ("Le stock atteint 9 999 999 cartouches.", hit("9 999 999 cartouches", "9999999", "cartouche")),
    "plus-de-space": (
        "L'armée a tiré plus de 20 000 obus.",
        hit("plus de 20 000 obus", "20000", "obus", approx="plus de"),
    ),
    "environ-dot": (
        "Environ 3.000 roquettes ont été livrées.",
        hit("Environ 3.000 roquettes", "3000", "roquette", approx="environ"),
    ),
    "de-before-noun": ("Un stock de 40 000 de grenades a été saisi.", hit("40 000 de grenades", "40000", "grenade")),
    "interval-thousands": (
        "Entre 1 000 et 1 500 drones seront produits.",
        hit("Entre 1 000 et 1 500 drones", "1500", "drone", value_min="1000"),
    ),
}

# --- Scale words and suffixes ----------------------------------------------------------------------
SCALE_COUNTS = {
    "2-millions-d-obus": ("Séoul a fourni 2 millions d'obus.", hit("2 millions d'obus", "2000000", "obus")),
    "1,5-million-de-cartouches": (
        "Le contrat porte sur 1,5 million de cartouches.",
        hit("1,5 million de cartouches", "1500000", "cartouche"),
    ),
    "un-demi-million": (
        "L'Europe livrera un demi-million de munitions.",
        hit("un demi-million de munitions", "500000", "munition"),
    ),
    "deux-millions-et-demi": (
        "Pyongyang aurait livré deux millions et demi de cartouches.",
        hit("deux millions et demi de cartouches", "2500000", "cartouche"),
    ),
    "un-million-et-demi": (
        "L'armée a consommé un million et demi d'obus.",
        hit("un million et demi d'obus", "1500000", "obus"),
    ),
    "2-millions-et-demi-digits": (
        "L'usine produira 2 millions et demi de cartouches.",
        hit("2 millions et demi de cartouches", "2500000", "cartouche"),
    ),
    "300k-munitions": ("La Corée a expédié 300k munitions.", hit("300k munitions", "300000", "munition")),
    "300-k-spaced": ("La Corée a expédié 300 k munitions.", hit("300 k munitions", "300000", "munition")),
    "300K-capital": ("La Corée a expédié 300K munitions.", hit("300K munitions", "300000", "munition")),
    "3M-de-cartouches": ("Le stock compte 3M de cartouches.", hit("3M de cartouches", "3000000", "cartouche")),
    "3-M-spaced": ("Le stock compte 3 M de cartouches.", hit("3 M de cartouches", "3000000", "cartouche")),
    "1,2-million-d-obus": (
        "L'initiative tchèque vise 1,2 million d'obus.",
        hit("1,2 million d'obus", "1200000", "obus"),
    ),
    "un-million-deux-cent-mille": (
        "L'Ukraine attend un million deux cent mille obus.",
        hit("un million deux cent mille obus", "1200000", "obus"),
    ),
    "deux-millions-trois-cent-mille": (
        "Le stock compte deux millions trois cent mille cartouches.",
        hit("deux millions trois cent mille cartouches", "2300000", "cartouche"),
    ),
    "un-million-d-obus": ("L'UE avait promis un million d'obus.", hit("un million d'obus", "1000000", "obus")),
    "trois-millions-de-cartouches": (
        "Varsovie a commandé trois millions de cartouches.",
        hit("trois millions de cartouches", "3000000", "cartouche"),
    ),
    "pres-de-2-millions": (
        "Près de 2 millions d'obus ont été tirés.",
        hit("Près de 2 millions d'obus", "2000000", "obus", approx="près de"),
    ),
    "plus-d-un-million": (
        "Plus d'un million de munitions ont été livrées.",
        hit("Plus d'un million de munitions", "1000000", "munition", approx="plus d'"),
    ),
    "0,5-million": ("Le plan prévoit 0,5 million d'obus.", hit("0,5 million d'obus", "500000", "obus")),
    "mn-abbreviation": ("Le plan prévoit 1,5 mn de cartouches.", hit("1,5 mn de cartouches", "1500000", "cartouche")),
}

# --- Compound number words in every spelling (beyond the generated table) ----------------------------
NUMBER_WORDS = {
    "soixante-quatorze": ("L'armée aligne soixante-quatorze chars.", hit("soixante-quatorze chars", "74", "char")),
    "quatre-vingt-onze": ("La flotte compte quatre-vingt-onze avions.", hit("quatre-vingt-onze avions", "91", "avion")),
    "soixante-et-onze": ("La marine a reçu soixante et onze drones.", hit("soixante et onze drones", "71", "drone")),
    "deux-cent-trois-mille": (
        "Le stock atteint deux cent trois mille obus.",
        hit("deux cent trois mille obus", "203000", "obus"),
    ),
    "soixante-quatorze-spaced": (
        "L'armée aligne soixante quatorze chars.",
        hit("soixante quatorze chars", "74", "char"),
    ),
    "septante": ("L'armée suisse garde septante chars.", hit("septante chars", "70", "char")),
    "huitante": ("La Suisse a commandé huitante chars.", hit("huitante chars", "80", "char")),
    "nonante": ("La Belgique a acquis nonante drones.", hit("nonante drones", "90", "drone")),
    "octante": ("La Suisse aurait commandé octante obusiers.", hit("octante obusiers", "80", "obusier")),
    "septante-deux": ("Berne a reçu septante-deux chars.", hit("septante-deux chars", "72", "char")),
    "nonante-neuf": ("Bruxelles a commandé nonante-neuf drones.", hit("nonante-neuf drones", "99", "drone")),
    "huitante-et-un": ("Berne a reçu huitante et un chars.", hit("huitante et un chars", "81", "char")),
    "septante-et-un-reform": ("Berne a reçu septante-et-un chars.", hit("septante-et-un chars", "71", "char")),
    "nonante-sept-spaced": ("Bruxelles a reçu nonante sept drones.", hit("nonante sept drones", "97", "drone")),
    "vingt-et-un": ("Le Qatar a reçu vingt et un avions.", hit("vingt et un avions", "21", "avion")),
    "vingt-et-une-feminine": (
        "Le chantier livrera vingt et une frégates.",
        hit("vingt et une frégates", "21", "frégate"),
    ),
    "vingt-et-un-reform": ("Le Qatar a reçu vingt-et-un avions.", hit("vingt-et-un avions", "21", "avion")),
    "cent-un": ("L'armée a perdu cent un chars.", hit("cent un chars", "101", "char")),
    "cent-une": ("Le chantier a livré cent une vedettes.", hit("cent une vedettes", "101", "vedette")),
    "deux-cent-trois-reform": ("L'armée a perdu deux-cent-trois chars.", hit("deux-cent-trois chars", "203", "char")),
    "deux-cents-reform": ("L'armée a reçu deux-cents missiles.", hit("deux-cents missiles", "200", "missile")),
    "mille-deux-cents": ("Le contrat porte sur mille deux cents obus.", hit("mille deux cents obus", "1200", "obus")),
    "mille-deux-cents-reform": (
        "Le contrat porte sur mille-deux-cents obus.",
        hit("mille-deux-cents obus", "1200", "obus"),
    ),
    "quatre-vingts": ("L'armée a retiré quatre-vingts chars.", hit("quatre-vingts chars", "80", "char")),
    "quatre-vingt-dix-neuf": (
        "L'armée a reçu quatre-vingt-dix-neuf blindés.",
        hit("quatre-vingt-dix-neuf blindés", "99", "blindé"),
    ),
    "capitalized-septante": ("Septante-cinq chars ont été livrés.", hit("Septante-cinq chars", "75", "char")),
    "trente-deux-hyphen-split": ("La Suisse a reçu trente-deux F-35A.", hit("trente-deux", "32", "F-35A")),
    "vingt-deux": ("La Grèce a commandé vingt-deux Rafale.", hit("vingt-deux", "22", "Rafale")),
    "dix-huit-mille-reform": (
        "Le stock compte dix-huit-mille-sept-cent-onze obus.",
        hit("dix-huit-mille-sept-cent-onze obus", "18711", "obus"),
    ),
    "cent-cinquante-mille": (
        "L'armée a tiré cent cinquante mille obus.",
        hit("cent cinquante mille obus", "150000", "obus"),
    ),
}

# --- Dozens and approximate number nouns ------------------------------------------------------------
DOZENS = {
    "une-douzaine": (
        "L'armée a perdu une douzaine de chars.",
        hit("une douzaine de chars", "12", "char", approx="une douzaine"),
    ),
    "deux-douzaines": (
        "La Grèce a reçu deux douzaines de chars.",
        hit("deux douzaines de chars", "24", "char", approx="deux douzaines"),
    ),
    "une-demi-douzaine": (
        "L'Algérie a acheté une demi-douzaine de drones.",
        hit("une demi-douzaine de drones", "6", "drone", approx="une demi-douzaine"),
    ),
    "une-quinzaine": (
        "Kiev a reçu une quinzaine de chars.",
        hit("une quinzaine de chars", "15", "char", approx="une quinzaine"),
    ),
    "une-centaine": (
        "Moscou a lancé une centaine de drones.",
        hit("une centaine de drones", "100", "drone", approx="une centaine"),
    ),
    "une-dizaine": (
        "Une dizaine de blindés ont été détruits.",
        hit("Une dizaine de blindés", "10", "blindé", approx="une dizaine"),
    ),
    "une-vingtaine": (
        "Paris a livré une vingtaine de canons.",
        hit("une vingtaine de canons", "20", "canon", approx="une vingtaine"),
    ),
    "une-trentaine": (
        "Berlin a promis une trentaine de chars.",
        hit("une trentaine de chars", "30", "char", approx="une trentaine"),
    ),
    "une-quarantaine": (
        "Rome a livré une quarantaine de blindés.",
        hit("une quarantaine de blindés", "40", "blindé", approx="une quarantaine"),
    ),
    "une-cinquantaine": (
        "Ankara a vendu une cinquantaine de drones.",
        hit("une cinquantaine de drones", "50", "drone", approx="une cinquantaine"),
    ),
    "une-soixantaine": (
        "Séoul a exporté une soixantaine d'obusiers.",
        hit("une soixantaine d'obusiers", "60", "obusier", approx="une soixantaine"),
    ),
    "un-millier": ("L'armée a reçu un millier d'obus.", hit("un millier d'obus", "1000", "obus", approx="un millier")),
    "trois-centaines": (
        "L'armée a tiré trois centaines d'obus.",
        hit("trois centaines d'obus", "300", "obus", approx="trois centaines"),
    ),
    "deux-douzaines-de-system": (
        "L'Égypte veut deux douzaines de Rafale.",
        hit("deux douzaines", "24", "Rafale", approx="deux douzaines"),
    ),
    "demi-douzaine-de-system": (
        "L'Algérie veut une demi-douzaine de CH-5.",
        hit("une demi-douzaine", "6", "CH-5", approx="une demi-douzaine"),
    ),
    "typographic-apostrophe": (
        "Paris a livré une soixantaine d’hélicoptères.",
        hit("une soixantaine d’hélicoptères", "60", "hélicoptère", approx="une soixantaine"),
    ),
}

# --- Never a count ------------------------------------------------------------------------------------
NEGATIVE = {
    "des-milliers-no-value": "Des milliers d'obus ont été tirés.",
    "des-centaines-no-value": "Des centaines de drones ont été abattus.",
    "des-dizaines-no-value": "Des dizaines de chars ont été détruits.",
    "plusieurs-milliers": "Plusieurs milliers de missiles ont été produits.",
    "les-annees-1990": "Les chars datent des années 1990.",
    "les-annees-90-words": "Ces chars datent des années quatre-vingt-dix.",
    "page-number": "La liste des chars figure page 12 du rapport.",
    "a-la-page": "Les missiles sont décrits à la page 45.",
    "percentage": "Seuls 15 % des missiles ont atteint leur cible.",
    "percentage-words": "Soixante-dix pour cent des drones ont été abattus.",
    "phone-number": "Pour commander des chars, appelez le 01 23 45 67 89.",
    "phone-number-international": "Le service des drones répond au +33 1 23 45 67 89.",
    "fraction-of-tanks": "Les 3/4 des chars sont hors service.",
    "two-thirds": "Les deux tiers des obus ont été tirés.",
    "half": "La moitié des drones a été abattue.",
    "septante-soldats": "La Suisse a envoyé septante soldats.",
    "nonante-ans": "Ce char a nonante ans.",
    "deux-millions-d-habitants": "La ville compte deux millions et demi d'habitants.",
    "300k-abonnes": "La chaîne des drones compte 300k abonnés.",
    "mille-personnes": "Mille personnes ont visité le salon des drones.",
    "vingt-et-un-pays": "Vingt et un pays ont signé l'accord sur les missiles.",
    "score": "L'équipe de l'armée a gagné 3-1 contre la marine.",
    "calibre": "Les obus de 155 mm sont produits à Bourges.",
    "model-number": "La Turquie recevra des F-16 Block 70.",
    "year": "En 2023, les chars ont été modernisés.",
    "money-in-millions": "Les obus coûtent 2 millions de dollars.",
    "decimal-not-integer": "Le drone pèse 2,5 tonnes.",
    "range-metres": "Le canon a une portée de 800 mètres.",
}


@pytest.mark.parametrize(("text", "expected"), list(LARGE_COUNTS.values()), ids=list(LARGE_COUNTS))
def test_large_counts(extractor, text, expected):
    cases.assert_one(extractor.extract(text, date=DOC_DATE), text, expected, LABEL)


@pytest.mark.parametrize(("text", "expected"), list(SCALE_COUNTS.values()), ids=list(SCALE_COUNTS))
def test_scale_words_and_suffixes(extractor, text, expected):
    cases.assert_one(extractor.extract(text, date=DOC_DATE), text, expected, LABEL)


@pytest.mark.parametrize(("text", "expected"), list(NUMBER_WORDS.values()), ids=list(NUMBER_WORDS))
def test_number_words(extractor, text, expected):
    cases.assert_one(extractor.extract(text, date=DOC_DATE), text, expected, LABEL)


@pytest.mark.parametrize(("text", "expected"), list(DOZENS.values()), ids=list(DOZENS))
def test_dozens_and_approximate_nouns(extractor, text, expected):
    cases.assert_one(extractor.extract(text, date=DOC_DATE), text, expected, LABEL)


@pytest.mark.parametrize("text", list(NEGATIVE.values()), ids=list(NEGATIVE))
def test_never_a_count(extractor, text):
    cases.assert_none(extractor.extract(text, date=DOC_DATE), LABEL, None)
