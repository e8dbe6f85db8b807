"""COUNTRY, WEAPON and ORG: gazetteer forms -> canonical values (ISO3, designation, organisation name).

Contract: samples/README.md ("COUNTRY", "WEAPON", "ORG") and rules/README.md ("How forms match").
Expected values are the canonical ones of rules/gazetteers/*.csv (countries.csv iso3 and kind,
weapons.csv designation and category, orgs.csv name); an unlisted designation next to a military
noun takes the category of that noun in rules/lexicons/military_nouns.csv.

Positive tables map a readable case id to `(text, expected)`: the expected mention must exist at
the first whole-word occurrence of its text. Negative tables map an id to `(text, absent(...))`:
no mention of the label may overlap the given word (or none with the forbidden value), and the
mention named by `instead` must be found.
"""

import re

import pytest

DOC_DATE = None
LISTED = "<any gazetteer kind, not 'unlisted'>"  # form_kind of a WEAPON found in weapons.csv


def hit(span, value, *, unit=None, form_kind=None):
    """The mention a positive case expects; unit/form_kind None = not checked."""
    return {"text": span, "value": value, "unit": unit, "form_kind": form_kind}


def country(span, iso3, kind):
    return hit(span, iso3, form_kind=kind)


def weapon(span, designation, category, form_kind=LISTED):
    return hit(span, designation, unit=category, form_kind=form_kind)


def unlisted(span, category):
    return hit(span, span, unit=category, form_kind="unlisted")


def org(span, name):
    return hit(span, name)


def absent(word, *, value=None, instead=None):
    """A negative case: no mention of the label overlaps `word` (with `value`, if given).

    `instead` = (label, text, value or None): a mention that must be found instead.
    """
    return {"word": word, "value": value, "instead": instead}


def span_of(text, part):
    found = re.search(rf"(?<!\w){re.escape(part)}(?!\w)", text)
    assert found, f"test case error: {part!r} is not a whole-word part of {text!r}"
    return found.start(), found.end()


def _show(mentions):
    return [(m.label, m.text, m.start, m.end, m.value, m.unit, m.form_kind) for m in mentions]


def assert_hit(mentions, text, label, expected):
    start, end = span_of(text, expected["text"])
    same = [m for m in mentions if m.label == label and (m.start, m.end) == (start, end)]
    assert same, (
        f"expected {label} {expected['text']!r} at {start}-{end}; "
        f"{label} found: {_show([m for m in mentions if m.label == label])}; all: {_show(mentions)}"
    )
    m = same[0]
    assert text[m.start : m.end] == m.text
    actual = {"text": m.text, "value": m.value, "unit": m.unit, "form_kind": m.form_kind}
    if expected["unit"] is None:
        actual["unit"] = None
    if expected["form_kind"] is None:
        actual["form_kind"] = None
    elif expected["form_kind"] == LISTED and m.form_kind and m.form_kind != "unlisted":
        actual["form_kind"] = LISTED
    assert actual == expected, f"expected {expected}, got {actual}"


def assert_absent(mentions, text, label, case):
    start, end = span_of(text, case["word"])
    wrong = [
        m for m in mentions if m.label == label and m.start < end and m.end > start and case["value"] in (None, m.value)
    ]
    what = f"{label} {case['value']}" if case["value"] else label
    assert not wrong, f"expected no {what} on {case['word']!r}, got {_show(wrong)}"
    if case["instead"]:
        other, part, value = case["instead"]
        start, end = span_of(text, part)
        found = [m for m in mentions if m.label == other and (m.start, m.end) == (start, end)]
        assert found, f"expected a {other} mention {part!r} instead; all mentions: {_show(mentions)}"
        if value is not None:
            assert found[0].value == value, f"expected {other} {part!r} = {value!r}, got {found[0].value!r}"


# === COUNTRY ======================================================================================

# --- Names and abbreviations, with the articles and prepositions French puts before them ---------
COUNTRY_FORMS = {
    "le-Maroc": ("Le Maroc a commandé dix-huit lanceurs M142 HIMARS.", country("Maroc", "MAR", "name")),
    "au-Maroc": (
        "Washington a approuvé la vente de missiles Javelin au Maroc.",
        country("Maroc", "MAR", "name"),
    ),
    "du-Maroc": (
        "Le ministre délégué à la Défense du Maroc s'est rendu à Paris.",
        country("Maroc", "MAR", "name"),
    ),
    "l-Algerie": (
        "L'Algérie reste le premier client de l'industrie russe en Afrique.",
        country("Algérie", "DZA", "name"),
    ),
    "l-Algerie-typographic-apostrophe": (
        "Moscou a livré des Su-35 à l’Algérie en 2022.",
        country("Algérie", "DZA", "name"),
    ),
    "d-Egypte": (
        "Les forces aériennes d'Égypte exploitent des Rafale depuis 2015.",
        country("Égypte", "EGY", "name"),
    ),
    "d-Egypte-accentless": (
        "Le chef d'état-major d'Egypte a visité l'usine de Mérignac.",
        country("Egypte", "EGY", "name"),
    ),
    "aux-Etats-Unis": (
        "Le Maroc a acheté des hélicoptères Apache aux États-Unis.",
        country("États-Unis", "USA", "name"),
    ),
    "Etats-Unis-accentless": (
        "Les Etats-Unis ont approuvé la vente de F-16 Block 72 à la Bulgarie.",
        country("Etats-Unis", "USA", "name"),
    ),
    "USA": (
        "Les USA restent le premier exportateur d'armes au monde.",
        country("USA", "USA", "abbreviation"),
    ),
    "EAU": ("Les EAU ont signé un contrat pour 80 Rafale F4.", country("EAU", "ARE", "abbreviation")),
    "Emirats": (
        "Les Émirats ont commandé deux satellites d'observation.",
        country("Émirats", "ARE", "name"),
    ),
    "Emirats-accentless": ("Les Emirats ont reçu leurs premiers Rafale.", country("Emirats", "ARE", "name")),
    "Emirats-arabes-unis": (
        "Les Émirats arabes unis ont suspendu les négociations sur le F-35.",
        country("Émirats arabes unis", "ARE", "name"),
    ),
    "Royaume-Uni": (
        "Le Royaume-Uni a fourni des missiles Storm Shadow à l'Ukraine.",
        country("Royaume-Uni", "GBR", "name"),
    ),
    "l-Inde": (
        "L'Inde a commandé 26 Rafale Marine pour son porte-avions.",
        country("Inde", "IND", "name"),
    ),
    "la-Chine": (
        "La Chine a livré quatre frégates au Pakistan.",
        country("Chine", "CHN", "name"),
    ),
    "Arabie-saoudite": (
        "L'Arabie saoudite est le premier importateur d'armes de la région.",
        country("Arabie saoudite", "SAU", "name"),
    ),
    "la-Turquie": (
        "La Turquie a exporté des drones Bayraktar TB2 vers plus de trente pays.",
        country("Turquie", "TUR", "name"),
    ),
    "Turkiye": ("La Türkiye a présenté son avion de combat KAAN.", country("Türkiye", "TUR", "name")),
    "la-Russie": ("La Russie a livré des systèmes S-400 à la Turquie.", country("Russie", "RUS", "name")),
    "le-Niger": ("Le Niger a réceptionné deux drones Bayraktar TB2.", country("Niger", "NER", "name")),
    "le-Nigeria": ("Le Nigeria a commandé douze hélicoptères AH-1Z.", country("Nigeria", "NGA", "name")),
    "la-Guinee": ("La Guinée a reçu des véhicules blindés turcs.", country("Guinée", "GIN", "name")),
    "Guinee-Bissau": (
        "La Guinée-Bissau a signé un accord de coopération militaire avec le Portugal.",
        country("Guinée-Bissau", "GNB", "name"),
    ),
    "Guinee-equatoriale": (
        "La Guinée équatoriale a acquis un patrouilleur auprès d'Israël.",
        country("Guinée équatoriale", "GNQ", "name"),
    ),
    "RDC": ("La RDC a acheté des drones CH-4 à la Chine.", country("RDC", "COD", "abbreviation")),
    "Republique-democratique-du-Congo": (
        "La République démocratique du Congo a renforcé son aviation.",
        country("République démocratique du Congo", "COD", "name"),
    ),
    "Congo-Brazzaville": (
        "Le Congo-Brazzaville a reçu deux hélicoptères de transport.",
        country("Congo-Brazzaville", "COG", "name"),
    ),
    "Coree-du-Sud": (
        "La Corée du Sud a vendu des chars K2 à la Pologne.",
        country("Corée du Sud", "KOR", "name"),
    ),
    "Coree-du-Nord": (
        "La Corée du Nord a fourni des obus d'artillerie à la Russie.",
        country("Corée du Nord", "PRK", "name"),
    ),
    "Soudan-du-Sud": (
        "Le Soudan du Sud est soumis à un embargo sur les armes.",
        country("Soudan du Sud", "SSD", "name"),
    ),
    "Soudan": ("Le Soudan a acheté des drones à l'Iran.", country("Soudan", "SDN", "name")),
    "Afrique-du-Sud": (
        "L'Afrique du Sud a bloqué l'exportation de munitions vers l'Allemagne.",
        country("Afrique du Sud", "ZAF", "name"),
    ),
    "Cote-d-Ivoire": (
        "La Côte d'Ivoire a commandé des patrouilleurs à Ocea.",
        country("Côte d'Ivoire", "CIV", "name"),
    ),
    "Cote-d-Ivoire-typographic-apostrophe": (
        "La Côte d’Ivoire a commandé des patrouilleurs à Ocea.",
        country("Côte d’Ivoire", "CIV", "name"),
    ),
    "Pays-Bas": ("Les Pays-Bas ont livré des F-16 à l'Ukraine.", country("Pays-Bas", "NLD", "name")),
    "Israel": ("Israël a vendu des systèmes Barak-8 à l'Azerbaïdjan.", country("Israël", "ISR", "name")),
    "URSS-historical": (
        "L'URSS avait livré des MiG-21 à l'Égypte.",
        country("URSS", "RUS", "historical"),
    ),
    "Taiwan": ("Taïwan a commandé des lanceurs HIMARS.", country("Taïwan", "TWN", "name")),
    "Taiwan-accentless": ("Taiwan a reçu ses premiers chars Abrams.", country("Taiwan", "TWN", "name")),
    "Republique-tcheque": (
        "La République tchèque a livré des chars T-72 à l'Ukraine.",
        country("République tchèque", "CZE", "name"),
    ),
    "Centrafrique": (
        "La Centrafrique a fait appel aux instructeurs russes.",
        country("Centrafrique", "CAF", "name"),
    ),
}

# --- Demonyms, adjective and noun, all four forms --------------------------------------------------
COUNTRY_DEMONYMS = {
    "marocain-masc-sg": (
        "Le gouvernement marocain a confirmé la commande.",
        country("marocain", "MAR", "demonym"),
    ),
    "marocaine-fem-sg": (
        "L'armée marocaine a reçu ses premiers lanceurs HIMARS.",
        country("marocaine", "MAR", "demonym"),
    ),
    "marocains-masc-pl": (
        "Les pilotes marocains s'entraînent aux États-Unis.",
        country("marocains", "MAR", "demonym"),
    ),
    "marocaines-after-ORG": (
        "Les Forces armées royales marocaines ont reçu des drones TB2.",
        country("marocaines", "MAR", "demonym"),
    ),
    "americain-after-ORG": (
        "Le Département d'État américain a approuvé la vente.",
        country("américain", "USA", "demonym"),
    ),
    "americaine": (
        "La firme américaine Lockheed Martin a remporté le contrat.",
        country("américaine", "USA", "demonym"),
    ),
    "americains": (
        "Des instructeurs américains forment les pilotes.",
        country("américains", "USA", "demonym"),
    ),
    "americaines": (
        "Les autorités américaines ont bloqué l'exportation.",
        country("américaines", "USA", "demonym"),
    ),
    "etats-unien": (
        "Le constructeur états-unien Boeing a livré les hélicoptères.",
        country("états-unien", "USA", "demonym"),
    ),
    "Algeriens-noun": (
        "Les Algériens ont commandé deux sous-marins supplémentaires.",
        country("Algériens", "DZA", "demonym"),
    ),
    "Marocains-noun": ("Les Marocains ont finalement choisi le CAESAR.", country("Marocains", "MAR", "demonym")),
    "algerienne": (
        "La marine algérienne a reçu deux corvettes.",
        country("algérienne", "DZA", "demonym"),
    ),
    "egyptiens": (
        "Les pilotes égyptiens se forment sur Rafale.",
        country("égyptiens", "EGY", "demonym"),
    ),
    "turc": (
        "Le drone turc Bayraktar TB2 a été exporté en Afrique.",
        country("turc", "TUR", "demonym"),
    ),
    "turque": (
        "L'industrie turque de défense a doublé ses exportations.",
        country("turque", "TUR", "demonym"),
    ),
    "Turcs-noun": ("Les Turcs ont proposé des corvettes au Pakistan.", country("Turcs", "TUR", "demonym")),
    "francaise": (
        "L'armée française a cédé des CAESAR à l'Ukraine.",
        country("française", "FRA", "demonym"),
    ),
    "britannique": (
        "Le gouvernement britannique a suspendu certaines licences.",
        country("britannique", "GBR", "demonym"),
    ),
    "russe": ("Le système russe S-400 a été livré en 2019.", country("russe", "RUS", "demonym")),
    "chinois": (
        "Des drones chinois Wing Loong ont été repérés en Libye.",
        country("chinois", "CHN", "demonym"),
    ),
    "indienne": (
        "La marine indienne a choisi le Rafale M.",
        country("indienne", "IND", "demonym"),
    ),
    "sud-coreen-after-ORG-word": (
        "Le groupe sud-coréen Hanwha a remporté le contrat.",
        country("sud-coréen", "KOR", "demonym"),
    ),
    "nord-coreens": (
        "Des missiles nord-coréens ont frappé Kharkiv.",
        country("nord-coréens", "PRK", "demonym"),
    ),
    "sud-soudanaises": (
        "Les forces sud-soudanaises ont reçu des armes légères.",
        country("sud-soudanaises", "SSD", "demonym"),
    ),
    "nigerien": (
        "Le gouvernement nigérien a rompu l'accord de défense.",
        country("nigérien", "NER", "demonym"),
    ),
    "nigeriane": (
        "L'armée de l'air nigériane a reçu des A-29 Super Tucano.",
        country("nigériane", "NGA", "demonym"),
    ),
    "Emiratis-noun": ("Les Émiratis ont commandé 80 Rafale.", country("Émiratis", "ARE", "demonym")),
    "saoudienne": (
        "La coalition saoudienne a utilisé des bombes américaines.",
        country("saoudienne", "SAU", "demonym"),
    ),
    "israelien": (
        "Le fabricant israélien Elbit Systems a ouvert une usine.",
        country("israélien", "ISR", "demonym"),
    ),
    "ukrainiennes": (
        "Les forces ukrainiennes utilisent des CAESAR.",
        country("ukrainiennes", "UKR", "demonym"),
    ),
    "ivoirienne": (
        "La marine ivoirienne a reçu un patrouilleur.",
        country("ivoirienne", "CIV", "demonym"),
    ),
    "burkinabe": (
        "La junte burkinabè a acquis des drones turcs.",
        country("burkinabè", "BFA", "demonym"),
    ),
    "azerbaidjanaise": (
        "L'armée azerbaïdjanaise a utilisé des drones israéliens.",
        country("azerbaïdjanaise", "AZE", "demonym"),
    ),
    "grecque": (
        "La marine grecque a reçu sa première frégate FDI.",
        country("grecque", "GRC", "demonym"),
    ),
    "polonais": (
        "Le ministère polonais de la Défense a signé le contrat.",
        country("polonais", "POL", "demonym"),
    ),
}

# --- Capitals used for their governments: form_kind 'capital' --------------------------------------
COUNTRY_CAPITALS = {
    "Rabat": (
        "Rabat a signé un contrat pour des drones Bayraktar TB2.",
        country("Rabat", "MAR", "capital"),
    ),
    "Washington": (
        "Washington a approuvé la vente de 18 lanceurs au Maroc.",
        country("Washington", "USA", "capital"),
    ),
    "Moscou": ("Moscou a livré des Su-35 à l'Iran.", country("Moscou", "RUS", "capital")),
    "Pekin": ("Pékin a fourni des drones Wing Loong II à l'Égypte.", country("Pékin", "CHN", "capital")),
    "Beijing": ("Beijing a dénoncé la vente d'armes à Taïwan.", country("Beijing", "CHN", "capital")),
    "Ankara": ("Ankara a proposé des drones Akinci à l'Égypte.", country("Ankara", "TUR", "capital")),
    "Alger": ("Alger a passé commande de sous-marins russes.", country("Alger", "DZA", "capital")),
    "Paris": ("Paris a accepté de livrer des CAESAR supplémentaires.", country("Paris", "FRA", "capital")),
    "Paris-in-the-text": ("Paris a livré des Rafale à l'Inde.", country("Paris", "FRA", "capital")),
    "Kiev": ("Kiev a reçu des systèmes Patriot.", country("Kiev", "UKR", "capital")),
    "Kyiv": ("Kyiv attend de nouveaux missiles ATACMS.", country("Kyiv", "UKR", "capital")),
    "Teheran": ("Téhéran a livré des drones Shahed-136 à la Russie.", country("Téhéran", "IRN", "capital")),
    "Riyad": ("Riyad a relancé les négociations sur le Typhoon.", country("Riyad", "SAU", "capital")),
    "Abou-Dhabi": ("Abou Dhabi a confirmé la commande de 80 Rafale.", country("Abou Dhabi", "ARE", "capital")),
    "New-Delhi": ("New Delhi a signé un accord avec Dassault Aviation.", country("New Delhi", "IND", "capital")),
    "Seoul": ("Séoul a accepté de vendre des obusiers K9 à la Pologne.", country("Séoul", "KOR", "capital")),
    "Varsovie": ("Varsovie a commandé près de mille chars K2.", country("Varsovie", "POL", "capital")),
    "Pyongyang": ("Pyongyang a fourni des missiles KN-23 à la Russie.", country("Pyongyang", "PRK", "capital")),
    "Le-Caire": ("Le Caire a commandé trente Rafale supplémentaires.", country("Caire", "EGY", "capital")),
    "Londres": ("Londres a fourni des missiles Storm Shadow à l'Ukraine.", country("Londres", "GBR", "capital")),
    "Berlin": ("Berlin a autorisé la livraison de chars Leopard 2.", country("Berlin", "DEU", "capital")),
    "Kinshasa": ("Kinshasa a acheté des drones chinois.", country("Kinshasa", "COD", "capital")),
    "Brazzaville": (
        "Brazzaville a signé un accord de défense avec la Russie.",
        country("Brazzaville", "COG", "capital"),
    ),
    "Niamey": ("Niamey a rompu sa coopération militaire avec la France.", country("Niamey", "NER", "capital")),
    "Abuja": ("Abuja a reçu douze hélicoptères d'attaque.", country("Abuja", "NGA", "capital")),
    "Juba": ("Juba reste sous embargo des Nations unies.", country("Juba", "SSD", "capital")),
    "Khartoum": ("Khartoum a acheté des drones iraniens.", country("Khartoum", "SDN", "capital")),
    "Doha": ("Doha a commandé des systèmes NASAMS.", country("Doha", "QAT", "capital")),
    "Bamako": ("Bamako a acquis des drones turcs.", country("Bamako", "MLI", "capital")),
}

# --- Must not misfire ---------------------------------------------------------------------------
COUNTRY_NEGATIVE = {
    "turquoise": ("Le patrouilleur croise dans les eaux turquoise du lagon.", absent("turquoise")),
    "turquoises": ("Les drones survolent des lagunes turquoises.", absent("turquoises")),
    "independant": ("Un expert indépendant a examiné le contrat.", absent("indépendant")),
    "independante": (
        "Une commission indépendante enquête sur les ventes d'armes.",
        absent("indépendante"),
    ),
    "Communaute-des-Etats-independants": (
        "La Communauté des États indépendants tient un sommet.",
        absent(
            "Communauté des États indépendants",
            instead=("REGION", "Communauté des États indépendants", None),
        ),
    ),
    "Nigeria-is-not-NER": (
        "Le Nigeria a commandé douze hélicoptères d'attaque.",
        absent("Nigeria", value="NER", instead=("COUNTRY", "Nigeria", "NGA")),
    ),
    "Niger-is-not-NGA": (
        "Le Niger a réceptionné deux drones turcs.",
        absent("Niger", value="NGA", instead=("COUNTRY", "Niger", "NER")),
    ),
    "nigeriane-is-not-NER": (
        "L'armée de l'air nigériane a reçu des A-29 Super Tucano.",
        absent("nigériane", value="NER", instead=("COUNTRY", "nigériane", "NGA")),
    ),
    "nigerienne-is-not-NGA": (
        "La junte nigérienne a expulsé les troupes françaises.",
        absent("nigérienne", value="NGA", instead=("COUNTRY", "nigérienne", "NER")),
    ),
    "Guinee-Bissau-is-not-GIN": (
        "La Guinée-Bissau a signé un accord de coopération militaire.",
        absent("Guinée-Bissau", value="GIN", instead=("COUNTRY", "Guinée-Bissau", "GNB")),
    ),
    "Guinee-equatoriale-is-not-GIN": (
        "La Guinée équatoriale a acquis un patrouilleur.",
        absent("Guinée équatoriale", value="GIN", instead=("COUNTRY", "Guinée équatoriale", "GNQ")),
    ),
    "Papouasie-Nouvelle-Guinee-is-not-GIN": (
        "La Papouasie-Nouvelle-Guinée a signé un accord de défense avec l'Australie.",
        absent(
            "Papouasie-Nouvelle-Guinée",
            value="GIN",
            instead=("COUNTRY", "Papouasie-Nouvelle-Guinée", "PNG"),
        ),
    ),
    "golfe-de-Guinee-region": (
        "La piraterie sévit dans le golfe de Guinée.",
        absent("Guinée", instead=("REGION", "golfe de Guinée", None)),
    ),
    "RDC-long-form-is-not-COG": (
        "La République démocratique du Congo a reçu des drones chinois.",
        absent(
            "République démocratique du Congo",
            value="COG",
            instead=("COUNTRY", "République démocratique du Congo", "COD"),
        ),
    ),
    "Congo-Kinshasa-is-not-COG": (
        "Le Congo-Kinshasa a acheté des hélicoptères.",
        absent("Congo-Kinshasa", value="COG", instead=("COUNTRY", "Congo-Kinshasa", "COD")),
    ),
    "RD-Congo-is-not-COG": (
        "La RD Congo a acheté des hélicoptères.",
        absent("RD Congo", value="COG", instead=("COUNTRY", "RD Congo", "COD")),
    ),
    "Congo-Brazzaville-is-not-COD": (
        "Le Congo-Brazzaville a reçu deux hélicoptères.",
        absent("Congo-Brazzaville", value="COD", instead=("COUNTRY", "Congo-Brazzaville", "COG")),
    ),
    "Coree-du-Nord-is-not-KOR": (
        "La Corée du Nord a testé un nouveau missile.",
        absent("Corée du Nord", value="KOR", instead=("COUNTRY", "Corée du Nord", "PRK")),
    ),
    "Coree-du-Sud-is-not-PRK": (
        "La Corée du Sud a vendu des obusiers à la Pologne.",
        absent("Corée du Sud", value="PRK", instead=("COUNTRY", "Corée du Sud", "KOR")),
    ),
    "RPDC-long-form-is-not-KOR": (
        "La République populaire démocratique de Corée a testé un missile.",
        absent(
            "République populaire démocratique de Corée",
            value="KOR",
            instead=("COUNTRY", "République populaire démocratique de Corée", "PRK"),
        ),
    ),
    "nord-coreen-is-not-KOR": (
        "Un missile nord-coréen a frappé Kharkiv.",
        absent("nord-coréen", value="KOR", instead=("COUNTRY", "nord-coréen", "PRK")),
    ),
    "Soudan-du-Sud-is-not-SDN": (
        "Le Soudan du Sud est soumis à un embargo sur les armes.",
        absent("Soudan du Sud", value="SDN", instead=("COUNTRY", "Soudan du Sud", "SSD")),
    ),
    "sud-soudanaise-is-not-SDN": (
        "L'armée sud-soudanaise a reçu des armes légères.",
        absent("sud-soudanaise", value="SDN", instead=("COUNTRY", "sud-soudanaise", "SSD")),
    ),
    "Irlande-du-Nord-is-not-IRL": (
        "Thales produit des missiles en Irlande du Nord.",
        absent("Irlande du Nord", value="IRL", instead=("COUNTRY", "Irlande du Nord", "GBR")),
    ),
    "Samoa-americaines-is-not-USA": (
        "Les Samoa américaines accueillent un exercice naval.",
        absent("Samoa américaines", value="USA", instead=("COUNTRY", "Samoa américaines", "ASM")),
    ),
    "iles-Vierges-des-Etats-Unis-is-not-USA": (
        "Les îles Vierges des États-Unis accueillent un exercice naval.",
        absent(
            "îles Vierges des États-Unis",
            value="USA",
            instead=("COUNTRY", "îles Vierges des États-Unis", "VIR"),
        ),
    ),
    "Jordan-first-name": ("Jordan Bardella a critiqué le contrat.", absent("Jordan")),
    "Jordan-first-name-mid-sentence": ("Le journaliste Jordan Smith a révélé l'affaire.", absent("Jordan")),
    "machine": ("La machine de guerre russe tourne à plein régime.", absent("machine")),
    "machines-outils": ("L'usine importe des machines-outils allemandes.", absent("machines-outils")),
    "Indes-occidentales": ("Les Indes occidentales étaient une possession coloniale.", absent("Indes")),
    "Compagnie-des-Indes": ("La Compagnie des Indes armait ses propres navires.", absent("Indes")),
    "Maghreb-region": (
        "Le Maghreb consacre une part croissante de son budget à la défense.",
        absent("Maghreb", instead=("REGION", "Maghreb", None)),
    ),
    "Sahel-region": (
        "La France a retiré ses troupes du Sahel.",
        absent("Sahel", instead=("REGION", "Sahel", None)),
    ),
    "Afrique-du-Nord-region": (
        "L'Afrique du Nord est un marché clé pour Rosoboronexport.",
        absent("Afrique du Nord", instead=("REGION", "Afrique du Nord", None)),
    ),
    "OTAN-alliance": (
        "L'OTAN a renforcé son flanc est.",
        absent("OTAN", instead=("REGION", "OTAN", None)),
    ),
    "UE-alliance": (
        "L'UE a adopté un nouveau paquet de sanctions.",
        absent("UE", instead=("REGION", "UE", None)),
    ),
    "bassin-du-lac-Tchad-region": (
        "Les armées du bassin du lac Tchad luttent contre Boko Haram.",
        absent("Tchad", instead=("REGION", "bassin du lac Tchad", None)),
    ),
    "mer-de-Chine-meridionale-region": (
        "Les patrouilles se multiplient en mer de Chine méridionale.",
        absent("Chine", instead=("REGION", "mer de Chine méridionale", None)),
    ),
    "detroit-de-Taiwan-region": (
        "Un destroyer a traversé le détroit de Taïwan.",
        absent("Taïwan", instead=("REGION", "détroit de Taïwan", None)),
    ),
    "Sahara-occidental-region": (
        "Le conflit du Sahara occidental pèse sur les achats d'armes.",
        absent("Sahara occidental", instead=("REGION", "Sahara occidental", None)),
    ),
    "Amerique-latine-region": (
        "L'Amérique latine achète peu d'armes.",
        absent("Amérique latine", instead=("REGION", "Amérique latine", None)),
    ),
    "language-en-francais": ("Le rapport est publié en français et en anglais.", absent("français")),
    "capital-as-a-place-after-salon": (
        "Le salon Eurosatory se tient à Paris.",
        absent("Paris"),
    ),
    "capital-as-a-place-after-sommet": (
        "Macron l'a annoncé en marge du sommet de l'Otan à Vilnius.",
        absent("Vilnius"),
    ),
    "capital-as-a-place-in-a-caption": (
        "Recep Tayyip Erdogan, à Rome, le 29 avril 2025.",
        absent("Rome"),
    ),
    "Maurice-first-name": ("Le général Maurice Dupont a inspecté la base.", absent("Maurice")),
    "Dominique-first-name": ("Dominique Martin dirige le programme.", absent("Dominique")),
    "Hollande-surname": ("François Hollande a signé le contrat des Rafale.", absent("Hollande")),
    "New-Jersey": ("Lockheed Martin possède un site dans le New Jersey.", absent("Jersey")),
    "eau-is-not-EAU": ("L'eau manque sur la base avancée.", absent("eau")),
    "usa-verb-is-not-USA": ("Le ministre usa de toute son influence.", absent("usa")),
}


# === WEAPON =======================================================================================

# --- Designations, aliases and variants -> the family (weapons.csv designation and category) ------
WEAPON_ALIASES = {
    "M142-HIMARS": (
        "Le Maroc a commandé 18 lanceurs M142 HIMARS.",
        weapon("M142 HIMARS", "M142 HIMARS", "artillery"),
    ),
    "HIMARS": ("Kiev a reçu de nouveaux HIMARS.", weapon("HIMARS", "M142 HIMARS", "artillery")),
    "M142": ("Le M142 peut tirer des missiles ATACMS.", weapon("M142", "M142 HIMARS", "artillery")),
    "Himars-mixed-case": (
        "Les Himars ukrainiens ont frappé un dépôt de munitions.",
        weapon("Himars", "M142 HIMARS", "artillery"),
    ),
    "F-16": ("La Turquie veut moderniser ses F-16.", weapon("F-16", "F-16", "aircraft")),
    "F16": ("Les F16 belges seront livrés à l'Ukraine.", weapon("F16", "F-16", "aircraft")),
    "F-16V": ("Taïwan a reçu ses premiers F-16V.", weapon("F-16V", "F-16 Block 70", "aircraft")),
    "F-16-Block-72": (
        "Washington a approuvé la vente de F-16 Block 72 à la Bulgarie.",
        weapon("F-16 Block 72", "F-16 Block 70", "aircraft"),
    ),
    "F-16-Viper": (
        "La Slovaquie exploite désormais des F-16 Viper.",
        weapon("F-16 Viper", "F-16 Block 70", "aircraft"),
    ),
    "Fighting-Falcon": (
        "Le Fighting Falcon reste l'avion de combat le plus exporté.",
        weapon("Fighting Falcon", "F-16", "aircraft"),
    ),
    "Su-35": ("L'Iran attend la livraison de Su-35 russes.", weapon("Su-35", "Su-35", "aircraft")),
    "Su-35S": ("Les Su-35S ont été engagés au-dessus de l'Ukraine.", weapon("Su-35S", "Su-35S", "aircraft")),
    "Bayraktar-TB2": (
        "Le Maroc a acheté treize drones Bayraktar TB2.",
        weapon("Bayraktar TB2", "Bayraktar TB2", "aircraft"),
    ),
    "TB2": ("Les TB2 ont joué un rôle clé au Haut-Karabakh.", weapon("TB2", "Bayraktar TB2", "aircraft")),
    "CAESAR": ("La France a cédé des CAESAR à l'Ukraine.", weapon("CAESAR", "CAESAR", "artillery")),
    "Caesar": ("Le Caesar est fabriqué par KNDS France à Roanne.", weapon("Caesar", "CAESAR", "artillery")),
    "CAESAR-Mk2": ("L'armée de Terre recevra des CAESAR Mk2.", weapon("CAESAR Mk2", "CAESAR Mk2", "artillery")),
    "FREMM": ("L'Égypte a acquis une FREMM auprès de Naval Group.", weapon("FREMM", "FREMM", "ship")),
    "FREMM-DA": ("La frégate FREMM-DA Alsace a été livrée.", weapon("FREMM-DA", "FREMM-DA", "ship")),
    "Scorpene": (
        "Le Brésil construit quatre sous-marins Scorpène.",
        weapon("Scorpène", "Scorpène", "ship"),
    ),
    "Scorpene-accentless": ("L'Inde a lancé son dernier Scorpene.", weapon("Scorpene", "Scorpène", "ship")),
    "classe-Scorpene": (
        "La marine indienne aligne six sous-marins de la classe Scorpène.",
        weapon("classe Scorpène", "Scorpène", "ship"),
    ),
    "Rafale": ("L'Égypte a commandé trente Rafale supplémentaires.", weapon("Rafale", "Rafale", "aircraft")),
    "Rafale-M": ("L'Inde a choisi le Rafale M pour son porte-avions.", weapon("Rafale M", "Rafale M", "aircraft")),
    "Rafale-F4": ("Les Émirats recevront des Rafale F4.", weapon("Rafale F4", "Rafale F4", "aircraft")),
    "ATACMS": ("Washington a livré des missiles ATACMS à Kiev.", weapon("ATACMS", "ATACMS", "missile")),
    "Patriot-PAC-3": (
        "L'Allemagne a fourni une batterie Patriot PAC-3.",
        weapon("Patriot PAC-3", "PAC-3", "air defence system"),
    ),
    "PAC-3-MSE": (
        "Lockheed Martin produit les missiles PAC-3 MSE.",
        weapon("PAC-3 MSE", "PAC-3 MSE", "air defence system"),
    ),
    "S-400": (
        "La Turquie a acheté le système S-400 à la Russie.",
        weapon("S-400", "S-400", "air defence system"),
    ),
    "Mirage-2000-5": (
        "Le Qatar a revendu ses Mirage 2000-5 à l'Indonésie.",
        weapon("Mirage 2000-5", "Mirage 2000-5", "aircraft"),
    ),
    "AH-64E-Apache": (
        "Le Maroc a reçu ses premiers AH-64E Apache.",
        weapon("AH-64E Apache", "AH-64E", "aircraft"),
    ),
    "Apache": ("Les Apache marocains sont basés à Salé.", weapon("Apache", "AH-64 Apache", "aircraft")),
    "Leopard-2A7": (
        "La Hongrie a reçu ses premiers Leopard 2A7.",
        weapon("Leopard 2A7", "Leopard 2A7", "armoured vehicle"),
    ),
    "K2": (
        "La Pologne a commandé 180 chars K2.",
        weapon("K2", "K2 Black Panther", "armoured vehicle"),
    ),
    "Gripen-E": (
        "Le Brésil assemble des Gripen E dans l'État de São Paulo.",
        weapon("Gripen E", "Gripen E", "aircraft"),
    ),
    "Typhoon": (
        "L'Arabie saoudite veut de nouveaux Typhoon.",
        weapon("Typhoon", "Eurofighter Typhoon", "aircraft"),
    ),
    "Exocet-MM40-Block-3": (
        "La frégate a tiré un Exocet MM40 Block 3.",
        weapon("Exocet MM40 Block 3", "Exocet MM40 Block 3", "missile"),
    ),
    "VL-MICA-longest-first": (
        "L'Arménie a acheté des systèmes VL MICA.",
        weapon("VL MICA", "VL MICA", "air defence system"),
    ),
    "MICA": ("Le Rafale emporte des missiles MICA.", weapon("MICA", "MICA", "missile")),
    "SAMP-T": (
        "L'Italie a envoyé un système SAMP/T en Ukraine.",
        weapon("SAMP/T", "SAMP/T", "air defence system"),
    ),
    "SCALP": ("Les Rafale ont tiré des missiles SCALP.", weapon("SCALP", "Storm Shadow", "missile")),
    "Storm-Shadow": ("Londres a livré des missiles Storm Shadow.", weapon("Storm Shadow", "Storm Shadow", "missile")),
    "SCALP-Naval-longest-first": ("La FREMM a tiré un SCALP Naval.", weapon("SCALP Naval", "MdCN", "missile")),
    "NH90-Caiman": ("L'armée de Terre exploite des NH90 Caïman.", weapon("NH90 Caïman", "NH90 Caïman", "aircraft")),
    "Tigre-HAD": ("L'Espagne modernise ses Tigre HAD.", weapon("Tigre HAD", "Tigre HAD", "aircraft")),
    "T-90MS": ("L'Algérie a reçu des chars T-90MS.", weapon("T-90MS", "T-90MS", "armoured vehicle")),
    "Iron-Dome": (
        "Israël a déployé le système Iron Dome.",
        weapon("Iron Dome", "Iron Dome", "air defence system"),
    ),
    "Dome-de-fer-sentence-case": (
        "Le Dôme de fer a intercepté des roquettes.",
        weapon("Dôme de fer", "Iron Dome", "air defence system"),
    ),
    "Shahed-136": ("La Russie a lancé des drones Shahed-136.", weapon("Shahed-136", "Shahed-136", "aircraft")),
    "Geran-2": ("Les Geran-2 sont assemblés en Russie.", weapon("Geran-2", "Geran-2", "aircraft")),
    "Black-Hawk": (
        "La Croatie a reçu des hélicoptères Black Hawk.",
        weapon("Black Hawk", "UH-60 Black Hawk", "aircraft"),
    ),
    "Bayraktar-Akinci-dotless": (
        "Le Niger a reçu des drones Bayraktar Akıncı.",
        weapon("Bayraktar Akıncı", "Bayraktar Akinci", "aircraft"),
    ),
    "MQ-9B-SkyGuardian": (
        "La Pologne a commandé des MQ-9B SkyGuardian.",
        weapon("MQ-9B SkyGuardian", "MQ-9B SkyGuardian", "aircraft"),
    ),
    "Reaper": ("Le Reaper français opère depuis Niamey.", weapon("Reaper", "MQ-9 Reaper", "aircraft")),
    "Type-054A-P": (
        "Le Pakistan a reçu quatre frégates Type 054A/P.",
        weapon("Type 054A/P", "Type 054A/P", "ship"),
    ),
    "issue-K9A1-is-listed": (
        "La Norvège a commandé des obusiers K9A1.",
        weapon("K9A1", "K9A1", "artillery"),
    ),
    "issue-Type-054A-is-listed": (
        "La Chine a livré des frégates Type 054A.",
        weapon("Type 054A", "Type 054A", "ship"),
    ),
    "issue-AGM-154-is-listed": (
        "Washington a autorisé la vente de missiles AGM-154.",
        weapon("AGM-154", "AGM-154 JSOW", "missile"),
    ),
    "Leclerc": ("Les Émirats ont modernisé leurs chars Leclerc.", weapon("Leclerc", "Leclerc", "armoured vehicle")),
    "Griffon": ("L'armée belge reçoit ses premiers Griffon.", weapon("Griffon", "VBMR Griffon", "armoured vehicle")),
    "Gowind-2500": ("L'Égypte a commandé quatre corvettes Gowind 2500.", weapon("Gowind 2500", "Gowind 2500", "ship")),
    "BPC-Mistral": ("Le BPC Mistral a quitté Toulon.", weapon("BPC Mistral", "Mistral-class LHD", "ship")),
    "Mistral-3": ("Chypre a acheté des missiles Mistral 3.", weapon("Mistral 3", "Mistral 3", "missile")),
    "Kornet": ("Le Hezbollah utilise des missiles Kornet.", weapon("Kornet", "9M133 Kornet", "missile")),
    "C-130J": ("L'armée de l'air a reçu deux C-130J.", weapon("C-130J", "C-130J", "aircraft")),
    "A400M": ("La Malaisie exploite quatre A400M.", weapon("A400M", "A400M", "aircraft")),
    "Aster-30": ("La frégate est armée de missiles Aster 30.", weapon("Aster 30", "Aster 30", "missile")),
    "GM400": ("Le radar GM400 a été livré à l'Indonésie.", weapon("GM400", "Ground Master 400", "sensor")),
    "F21": (
        "Les sous-marins emportent des torpilles F21.",
        weapon("F21", "F21 Artemis", "naval weapon"),
    ),
    "M270A2": ("L'Estonie a reçu des lanceurs M270A2.", weapon("M270A2", "M270A2", "artillery")),
}

# --- Designations missing from weapons.csv, next to a military noun: form_kind 'unlisted' --------
WEAPON_UNLISTED = {
    "issue-vehicules-M1152A1": (
        "L'armée marocaine a reçu des véhicules M1152A1.",
        unlisted("M1152A1", "armoured vehicle"),
    ),
    "blindes-M1151": (
        "Washington a cédé des blindés M1151 à l'armée irakienne.",
        unlisted("M1151", "armoured vehicle"),
    ),
    "missiles-AIM-260": ("Le Pentagone a commandé des missiles AIM-260.", unlisted("AIM-260", "missile")),
    "missiles-PL-17": ("Pékin aurait exporté des missiles PL-17.", unlisted("PL-17", "missile")),
    "missiles-Fattah-1": ("Téhéran a présenté des missiles Fattah-1.", unlisted("Fattah-1", "missile")),
    "missiles-AGM-183": ("L'US Air Force a testé des missiles AGM-183.", unlisted("AGM-183", "missile")),
    "fregates-Type-054B": (
        "La marine chinoise a mis en service des frégates Type 054B.",
        unlisted("Type 054B", "ship"),
    ),
    "destroyers-Type-055": ("La Chine construit des destroyers Type 055.", unlisted("Type 055", "ship")),
    "fregates-F126": ("L'Allemagne a commandé des frégates F126 à Damen.", unlisted("F126", "ship")),
    "corvettes-MRC-90X": ("L'Algérie exploite trois corvettes MRC-90X.", unlisted("MRC-90X", "ship")),
    "sous-marins-S26T": ("La Thaïlande attend des sous-marins S26T.", unlisted("S26T", "ship")),
    "chars-KF51": ("Rheinmetall propose des chars KF51 à l'Italie.", unlisted("KF51", "armoured vehicle")),
    "vehicules-XM30": ("L'US Army a sélectionné des véhicules XM30.", unlisted("XM30", "armoured vehicle")),
    "drones-MQ-25": ("L'US Navy a reçu des drones MQ-25.", unlisted("MQ-25", "aircraft")),
    "drones-Mohajer-10": ("L'Iran a exposé des drones Mohajer-10.", unlisted("Mohajer-10", "aircraft")),
    "helicopteres-Z-20": ("La Chine exporte des hélicoptères Z-20.", unlisted("Z-20", "aircraft")),
    "avions-Su-75": ("Moscou propose des avions Su-75 à l'Inde.", unlisted("Su-75", "aircraft")),
    "obusiers-M1299": ("L'US Army a testé des obusiers M1299.", unlisted("M1299", "artillery")),
    "radars-TPQ-49": ("L'Ukraine a reçu des radars TPQ-49.", unlisted("TPQ-49", "sensor")),
    "torpilles-Yu-6": ("La marine chinoise emploie des torpilles Yu-6.", unlisted("Yu-6", "naval weapon")),
    "bombes-GBU-57": ("Le Pentagone a utilisé des bombes GBU-57.", unlisted("GBU-57", "other")),
}

# --- Must not yield a WEAPON on the word ------------------------------------------------------------
WEAPON_NEGATIVE = {
    "rafale-de-vent": ("Une rafale de vent a renversé la tente du salon.", absent("rafale")),
    "rafales-d-armes": ("Des rafales d'armes automatiques ont été entendues près de la base.", absent("rafales")),
    "mistral-wind": ("Le mistral a soufflé sur Toulon pendant l'exercice.", absent("mistral")),
    "tigre-animal": ("Un tigre s'est échappé du zoo.", absent("tigre")),
    "crotale-snake": ("Le venin du crotale est mortel.", absent("crotale")),
    "heron-bird": ("Un héron s'est posé près de la piste.", absent("héron")),
    "mirage-illusion": ("Cette promesse de paix n'était qu'un mirage.", absent("mirage")),
    "typhon-storm": ("Le typhon a endommagé la base navale.", absent("typhon")),
    "missiles-alone": ("L'armée a tiré des missiles sur la ville.", absent("missiles")),
    "avions-de-combat": ("Le pays veut acquérir des avions de combat.", absent("avions de combat")),
    "chars-alone": ("Berlin a promis des chars à Kiev.", absent("chars")),
    "systemes-de-defense-aerienne": (
        "Kiev réclame des systèmes de défense aérienne.",
        absent("systèmes de défense aérienne"),
    ),
    "sous-marins-nucleaires": ("La France possède des sous-marins nucléaires.", absent("sous-marins nucléaires")),
    "obusiers-de-155-mm": ("L'armée a commandé des obusiers de 155 mm.", absent("obusiers de 155 mm")),
    "drones-FPV": ("Les deux camps utilisent des drones FPV.", absent("FPV")),
    "drones-MALE": ("La France a acquis des drones MALE.", absent("MALE")),
    "vehicules-4x4": ("L'armée a reçu des véhicules 4x4.", absent("4x4")),
    "systemes-C4I": ("Le contrat comprend des systèmes C4I.", absent("C4I")),
    "missiles-then-year": ("L'armée a reçu des missiles en 2023.", absent("2023", instead=("DATE", "2023", "2023"))),
    "chars-de-60-tonnes": ("Les chars de 60 tonnes ne peuvent pas traverser ce pont.", absent("60 tonnes")),
    "Rafael-is-ORG-not-Rafale": (
        "Le groupe israélien Rafael a remporté le contrat.",
        absent("Rafael", instead=("ORG", "Rafael", "Rafael Advanced Defense Systems")),
    ),
    "avions-Airbus-is-ORG": (
        "L'armée de l'air utilise des avions Airbus pour le ravitaillement.",
        absent("Airbus", instead=("ORG", "Airbus", "Airbus")),
    ),
    "Ehud-Barak": ("Ehud Barak a critiqué le contrat.", absent("Barak")),
    "David-Cameron": ("David Cameron a visité l'usine MBDA de Stevenage.", absent("David")),
}


# === ORG ==========================================================================================

# --- Manufacturers and agencies -> orgs.csv name ----------------------------------------------------
ORG_FORMS = {
    "Lockheed-Martin": ("Lockheed Martin fabrique les lanceurs HIMARS.", org("Lockheed Martin", "Lockheed Martin")),
    "Lockheed": ("Le contrat a été attribué à Lockheed.", org("Lockheed", "Lockheed Martin")),
    "Dassault-Aviation": (
        "Dassault Aviation a livré trois Rafale à la Grèce.",
        org("Dassault Aviation", "Dassault Aviation"),
    ),
    "Dassault": ("Dassault a inauguré une usine en Inde.", org("Dassault", "Dassault Aviation")),
    "Naval-Group": ("Naval Group construit les sous-marins du Brésil.", org("Naval Group", "Naval Group")),
    "KNDS": ("KNDS a augmenté la cadence de production des CAESAR.", org("KNDS", "KNDS")),
    "Nexter": (
        "Nexter a fourni les canons du char Leclerc.",
        org("Nexter", "Nexter"),
    ),  # its former name: a row of its own
    "KNDS-France": ("Le Caesar est fabriqué par KNDS France à Roanne.", org("KNDS France", "KNDS France")),
    "MBDA": ("MBDA produit les missiles Aster à Bourges.", org("MBDA", "MBDA")),
    "Thales": ("Thales a livré des radars à l'Indonésie.", org("Thales", "Thales")),
    "Thales-accented": ("Le groupe Thalès a signé un contrat avec l'Indonésie.", org("Thalès", "Thales")),
    "RTX": ("RTX fabrique les missiles Patriot.", org("RTX", "RTX")),
    "Raytheon": ("Raytheon a reçu une commande de missiles Stinger.", org("Raytheon", "RTX")),
    "Boeing": ("Boeing livrera des hélicoptères Apache au Maroc.", org("Boeing", "Boeing")),
    "Rheinmetall": ("Rheinmetall construit une usine de munitions en Ukraine.", org("Rheinmetall", "Rheinmetall")),
    "Hanwha": ("Hanwha a signé un contrat avec la Pologne.", org("Hanwha", "Hanwha")),  # the group
    "Hanwha-Aerospace": ("Hanwha Aerospace fabrique l'obusier K9.", org("Hanwha Aerospace", "Hanwha Aerospace")),
    "Baykar": ("Baykar a exporté ses drones vers plus de trente pays.", org("Baykar", "Baykar")),
    "Rosoboronexport": (
        "Rosoboronexport a signé des contrats avec l'Algérie.",
        org("Rosoboronexport", "Rosoboronexport"),
    ),
    "Elbit": ("Elbit a remporté un contrat au Maroc.", org("Elbit", "Elbit Systems")),
    "Elbit-Systems": ("Elbit Systems fournit des drones à l'Azerbaïdjan.", org("Elbit Systems", "Elbit Systems")),
    "IAI": ("IAI a vendu un satellite d'observation au Maroc.", org("IAI", "Israel Aerospace Industries")),
    "Leonardo": ("Leonardo fabrique les hélicoptères AW101.", org("Leonardo", "Leonardo")),
    "Saab": ("Saab a proposé son avion de combat à la Colombie.", org("Saab", "Saab")),
    "DSCA": (
        "La DSCA a notifié le Congrès de la vente possible.",
        org("DSCA", "Defense Security Cooperation Agency"),
    ),
    "DSCA-french-long-form": (
        "L'Agence de coopération en matière de sécurité pour la défense a notifié la vente.",
        org("Agence de coopération en matière de sécurité pour la défense", "Defense Security Cooperation Agency"),
    ),
    "Departement-d-Etat": (
        "Le Département d'État a approuvé la vente.",
        org("Département d'État", "U.S. Department of State"),
    ),
    "Departement-d-Etat-before-demonym": (
        "Le Département d'État américain a approuvé la vente de F-16.",
        org("Département d'État", "U.S. Department of State"),
    ),
    "Departement-d-Etat-typographic-apostrophe": (
        "Le Département d’État a approuvé la vente.",
        org("Département d’État", "U.S. Department of State"),
    ),
    "Congres": ("Le Congrès a été notifié le 11 avril 2023.", org("Congrès", "U.S. Congress")),
    "Pentagone": ("Le Pentagone a commandé des missiles Stinger.", org("Pentagone", "U.S. Department of Defense")),
    "DGA": ("La DGA a réceptionné le premier Rafale F4.", org("DGA", "Direction générale de l'armement")),
    "Direction-generale-de-l-armement": (
        "La Direction générale de l'armement a notifié le contrat.",
        org("Direction générale de l'armement", "Direction générale de l'armement"),
    ),
    "ministere-des-Armees": (
        "Le ministère des Armées a publié son rapport sur les exportations.",
        org("ministère des Armées", "Ministère des Armées"),
    ),
    "Ministere-des-Armees": (
        "Selon le Ministère des Armées, les livraisons ont doublé.",
        org("Ministère des Armées", "Ministère des Armées"),
    ),
    "Forces-armees-royales": (
        "Les Forces armées royales ont reçu des lanceurs HIMARS.",
        org("Forces armées royales", "Forces armées royales"),
    ),
    "Forces-armees-royales-before-demonym": (
        "Les Forces armées royales marocaines ont reçu des drones TB2.",
        org("Forces armées royales", "Forces armées royales"),
    ),
    "FAR": ("Les FAR ont réceptionné des drones Bayraktar TB2.", org("FAR", "Forces armées royales")),
    "Airbus-Helicopters-longest-first": (
        "Airbus Helicopters livrera des hélicoptères au Koweït.",
        org("Airbus Helicopters", "Airbus Helicopters"),
    ),
    "Krauss-Maffei-Wegmann": (
        "Krauss-Maffei Wegmann fabrique le Leopard 2.",
        org("Krauss-Maffei Wegmann", "Krauss-Maffei Wegmann"),
    ),
    "Tsahal": ("Tsahal a déployé de nouvelles batteries.", org("Tsahal", "Israel Defense Forces")),
    "Quai-d-Orsay": (
        "Le Quai d'Orsay a convoqué l'ambassadeur.",
        org("Quai d'Orsay", "Ministère de l'Europe et des Affaires étrangères"),
    ),
    "Rafael": ("Rafael fabrique le système Iron Dome.", org("Rafael", "Rafael Advanced Defense Systems")),
    "Northrop-Grumman": (
        "Northrop Grumman a remporté le contrat du bombardier.",
        org("Northrop Grumman", "Northrop Grumman"),
    ),
}

# --- Must not yield an ORG on the word --------------------------------------------------------------
ORG_NEGATIVE = {
    "congres-lowercase": ("Le congrès annuel des ingénieurs s'est tenu à Lyon.", absent("congrès")),
    "pentagone-shape": ("Le bâtiment a la forme d'un pentagone régulier.", absent("pentagone")),
    "far-breton": ("Le mess a servi un far breton aux marins.", absent("far")),
    "bel-adjective": ("C'est un bel avion de combat.", absent("bel")),
    "demonym-after-Departement-d-Etat": (
        "Le Département d'État américain a approuvé la vente.",
        absent("américain", instead=("COUNTRY", "américain", "USA")),
    ),
    "demonym-after-Forces-armees-royales": (
        "Les Forces armées royales marocaines ont reçu des drones TB2.",
        absent("marocaines", instead=("COUNTRY", "marocaines", "MAR")),
    ),
    "forces-armees-alone": ("Les forces armées ont reçu des drones.", absent("forces armées")),
    "direction-generale-generic": ("La direction générale du groupe a validé le budget.", absent("direction générale")),
    "Bayraktar-is-not-an-ORG": (
        "Le drone Bayraktar TB2 a été exporté en Afrique.",
        absent("Bayraktar", instead=("WEAPON", "Bayraktar TB2", "Bayraktar TB2")),
    ),
}


def _run(extractor, text):
    return extractor.extract(text, date=DOC_DATE)


@pytest.mark.parametrize(("text", "expected"), list(COUNTRY_FORMS.values()), ids=list(COUNTRY_FORMS))
def test_country_forms(extractor, text, expected):
    assert_hit(_run(extractor, text), text, "COUNTRY", expected)


@pytest.mark.parametrize(("text", "expected"), list(COUNTRY_DEMONYMS.values()), ids=list(COUNTRY_DEMONYMS))
def test_country_demonyms(extractor, text, expected):
    assert_hit(_run(extractor, text), text, "COUNTRY", expected)


@pytest.mark.parametrize(("text", "expected"), list(COUNTRY_CAPITALS.values()), ids=list(COUNTRY_CAPITALS))
def test_country_capitals(extractor, text, expected):
    assert_hit(_run(extractor, text), text, "COUNTRY", expected)


@pytest.mark.parametrize(("text", "case"), list(COUNTRY_NEGATIVE.values()), ids=list(COUNTRY_NEGATIVE))
def test_country_negative(extractor, text, case):
    assert_absent(_run(extractor, text), text, "COUNTRY", case)


@pytest.mark.parametrize(("text", "expected"), list(WEAPON_ALIASES.values()), ids=list(WEAPON_ALIASES))
def test_weapon_aliases(extractor, text, expected):
    assert_hit(_run(extractor, text), text, "WEAPON", expected)


@pytest.mark.parametrize(("text", "expected"), list(WEAPON_UNLISTED.values()), ids=list(WEAPON_UNLISTED))
def test_weapon_unlisted(extractor, text, expected):
    assert_hit(_run(extractor, text), text, "WEAPON", expected)


@pytest.mark.parametrize(("text", "case"), list(WEAPON_NEGATIVE.values()), ids=list(WEAPON_NEGATIVE))
def test_weapon_negative(extractor, text, case):
    assert_absent(_run(extractor, text), text, "WEAPON", case)


@pytest.mark.parametrize(("text", "expected"), list(ORG_FORMS.values()), ids=list(ORG_FORMS))
def test_org_forms(extractor, text, expected):
    assert_hit(_run(extractor, text), text, "ORG", expected)


@pytest.mark.parametrize(("text", "case"), list(ORG_NEGATIVE.values()), ids=list(ORG_NEGATIVE))
def test_org_negative(extractor, text, case):
    assert_absent(_run(extractor, text), text, "ORG", case)


# --- The maker named inside a system name is an ORG too (nested in the WEAPON) ------------------
MAKER_IN_SYSTEM_NAME = {
    "Airbus-A400M": ("L'armée de l'air malaisienne exploite des Airbus A400M.", "Airbus A400M", "Airbus"),
    "Dassault-Rafale": ("L'Inde a commandé des Dassault Rafale.", "Dassault Rafale", "Dassault"),
    "Saab-Gripen": ("La Hongrie loue des Saab Gripen.", "Saab Gripen", "Saab"),
    "IAI-Heron": ("L'Inde a loué des drones IAI Heron.", "IAI Heron", "IAI"),
    "Elbit-Hermes-900": ("L'armée a reçu des drones Elbit Hermes 900.", "Elbit Hermes 900", "Elbit"),
}


@pytest.mark.parametrize(
    ("text", "system", "maker"), list(MAKER_IN_SYSTEM_NAME.values()), ids=list(MAKER_IN_SYSTEM_NAME)
)
def test_maker_inside_a_system_name(extractor, text, system, maker):
    mentions = _run(extractor, text)
    start = text.index(system)
    assert any(m.label == "WEAPON" and (m.start, m.end) == (start, start + len(system)) for m in mentions)
    assert any(m.label == "ORG" and (m.start, m.end) == (start, start + len(maker)) for m in mentions)


# --- Countries the text names inside other words ------------------------------------------------
COUNTRIES_INSIDE = {
    "demonym-in-currency": ("Le contrat s'élève à 500 millions de dollars américains.", "américains", ["USA"]),
    "demonym-in-currency-dinars": ("Alger a payé 2 milliards de dinars algériens.", "algériens", ["DZA"]),
    "compound-adjective": ("Le groupe franco-allemand KNDS produit le Leopard.", "franco-allemand", ["FRA", "DEU"]),
    "compound-adjective-indo-russe": ("La coentreprise indo-russe BrahMos exporte.", "indo-russe", ["IND", "RUS"]),
    "compound-three-parts": ("Un programme germano-franco-espagnol.", "germano-franco-espagnol", ["DEU", "FRA", "ESP"]),
    "glued-dash": ("Des clients en Colombie, en Indonésie- mais aussi au Chili.", "Indonésie", ["IDN"]),
    "accented-Nigeria": ("Le Nigéria a reçu ses Super Tucano.", "Nigéria", ["NGA"]),
}


@pytest.mark.parametrize(("text", "part", "values"), list(COUNTRIES_INSIDE.values()), ids=list(COUNTRIES_INSIDE))
def test_countries_inside_other_words(extractor, text, part, values):
    start, end = span_of(text, part)
    found = [m.value for m in _run(extractor, text) if m.label == "COUNTRY" and (m.start, m.end) == (start, end)]
    assert found == values


NOT_COMPOUND = {
    "sud-coreen-is-one-country": ("Le sud-coréen Hanwha livre des K9.", "sud-coréen", ["KOR"]),
    "unknown-prefix": ("Un accord euro-américain.", "euro-américain", []),
}


@pytest.mark.parametrize(("text", "part", "values"), list(NOT_COMPOUND.values()), ids=list(NOT_COMPOUND))
def test_compound_words_that_are_not_two_countries(extractor, text, part, values):
    start, end = span_of(text, part)
    found = [m.value for m in _run(extractor, text) if m.label == "COUNTRY" and (m.start, m.end) == (start, end)]
    assert found == values


# --- Designations as the press writes them: generated spellings ---------------------------------
SPELLINGS = {
    "glued": ("La Pologne a acheté des F16.", "F16", "F-16"),
    "spaced": ("La Corée produit le KF 21.", "KF 21", "KF-21 Boramae"),
    "hyphenated-code": ("Varsovie a commandé des K-2PL.", "K-2PL", "K2PL"),
    "spaced-version": ("Berlin commande des Leopard 2 A8.", "Leopard 2 A8", "Leopard 2A8"),
    "glued-number": ("Kiev a reçu des PzH2000.", "PzH2000", "PzH 2000"),
    "title-case-acronym": ("Trois Iris-T ont été livrés.", "Iris-T", "IRIS-T"),
    "upper-case-name": ("Les MI-24 algériens.", "MI-24", "Mi-24"),
    "plural": ("L'Ukraine a reçu des Stingers.", "Stingers", "Stinger"),
    "plural-name": ("Les Rafales indiens sont arrivés.", "Rafales", "Rafale"),
    "title-case-himars": ("Les Himars ont été livrés.", "Himars", "M142 HIMARS"),
}


@pytest.mark.parametrize(("text", "span", "value"), list(SPELLINGS.values()), ids=list(SPELLINGS))
def test_designation_spellings(extractor, text, span, value):
    start, end = span_of(text, span)
    found = [m.value for m in _run(extractor, text) if m.label == "WEAPON" and (m.start, m.end) == (start, end)]
    assert found == [value]


NOT_A_DESIGNATION = {
    "rafale-of-wind": "Une rafale de vent a renversé la tente.",
    "milan-the-city": "Le salon s'est tenu à Milan.",
    "arthur-the-name": "Arthur a visité l'usine.",
}


@pytest.mark.parametrize("text", list(NOT_A_DESIGNATION.values()), ids=list(NOT_A_DESIGNATION))
def test_not_a_designation(extractor, text):
    assert not [m for m in _run(extractor, text) if m.label == "WEAPON"]
