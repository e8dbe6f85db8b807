"""MONEY: amount + currency -> value in plain currency units, unit = ISO 4217 code.

Contract: samples/README.md ("MONEY"). Span = optional approximation cue + number + scale word +
currency; value = amount in currency units ('.' as decimal point); intervals: value = upper bound,
value_min = lower bound. Each table maps a readable case id to `(text, expected)`.
"""

import pytest

from tests.pipes import cases

LABEL = "MONEY"
DOC_DATE = "2024-06"
NBSP, NNBSP = "\u00a0", "\u202f"  # no-break space, narrow no-break (thin) space


hit = cases.hit


def assert_one(mentions, text, expected):
    cases.assert_one(mentions, text, expected, LABEL)


def assert_none(mentions, instead):
    cases.assert_none(mentions, LABEL, instead)


# --- The forms the specification (issue) lists -------------------------------------------------
FROM_ISSUE = {
    "millions-de-dollars": (
        "Le Maroc a obtenu le feu vert de Washington pour un contrat de 524 millions de dollars.",
        hit("524 millions de dollars", "524000000", "USD"),
    ),
    "decimal-millions-de-dollars": (
        "Selon la DSCA, la vente est évaluée à 524,2 millions de dollars, maintenance comprise.",
        hit("524,2 millions de dollars", "524200000", "USD"),
    ),
    "milliard-d-euros": (
        "Athènes a signé un contrat de 1,2 milliard d'euros avec Naval Group pour trois frégates.",
        hit("1,2 milliard d'euros", "1200000000", "EUR"),
    ),
    "elided-de-before-number": (
        "MBDA a signé un contrat d’1 milliard d’euros avec le Qatar.",
        hit("1 milliard d’euros", "1000000000", "EUR"),
    ),
    "elided-de-before-decimal": (
        "Un avenant d'1,5 million d'euros a été notifié.",
        hit("1,5 million d'euros", "1500000", "EUR"),
    ),
    "milliards-euro-sign": (
        "La loi de programmation prévoit 8 milliards € supplémentaires pour les munitions.",
        hit("8 milliards €", "8000000000", "EUR"),
    ),
    "digits-plain-space": (
        "La commande de pièces détachées, d'un montant de 3 500 000 €, a été notifiée à l'industriel.",
        hit("3 500 000 €", "3500000", "EUR"),
    ),
    "digits-no-break-space": (
        f"La commande de pièces détachées, d'un montant de 3{NBSP}500{NBSP}000{NBSP}€, a été notifiée.",
        hit(f"3{NBSP}500{NBSP}000{NBSP}€", "3500000", "EUR"),
    ),
    "digits-thin-space": (
        f"La commande de pièces détachées, d'un montant de 3{NNBSP}500{NNBSP}000{NNBSP}€, a été notifiée.",
        hit(f"3{NNBSP}500{NNBSP}000{NNBSP}€", "3500000", "EUR"),
    ),
    "Md-euro": (
        "Le ministère des Armées consacrera 2,5 Md€ à la défense sol-air.",
        hit("2,5 Md€", "2500000000", "EUR"),
    ),
    "M-dollar": (
        "Le Pentagone a notifié au Congrès une vente de munitions de 250 M$.",
        hit("250 M$", "250000000", "USD"),
    ),
    "k-euro": (
        "Une étude de faisabilité de 500 k€ a été confiée à un cabinet privé.",
        hit("500 k€", "500000", "EUR"),
    ),
    "US-dollar-billion": (
        "Le contrat, chiffré à US$ 1.5 billion par l'agence américaine, inclut la formation des équipages.",
        hit("US$ 1.5 billion", "1500000000", "USD"),
    ),
    "demi-milliard": (
        "Le programme a déjà coûté un demi-milliard de dollars au contribuable.",
        hit("un demi-milliard de dollars", "500000000", "USD"),
    ),
    "number-words": (
        "Washington a approuvé une vente de deux cent cinquante millions de dollars à Rabat.",
        hit("deux cent cinquante millions de dollars", "250000000", "USD"),
    ),
    "approx-pres-de-dirhams": (
        "Le Maroc a débloqué près de 4 milliards de dirhams pour moderniser ses Forces armées royales.",
        hit("près de 4 milliards de dirhams", "4000000000", "MAD", approx="près de"),
    ),
    "interval-entre-et": (
        "Le coût du programme est estimé entre 3 et 4 milliards d'euros par la Cour des comptes.",
        hit("entre 3 et 4 milliards d'euros", "4000000000", "EUR", value_min="3000000000"),
    ),
    "MDH": (
        "La loi de finances réserve 1 500 MDH à l'acquisition de drones de surveillance.",
        hit("1 500 MDH", "1500000000", "MAD"),
    ),
    "MMDH": (
        "Le budget de l'Administration de la défense nationale atteint 12,5 MMDH cette année.",
        hit("12,5 MMDH", "12500000000", "MAD"),
    ),
}

# --- Every required currency by code, symbol and French word (singular and plural) -------------
CURRENCIES = {
    "USD-dollar-singular": (
        "Le gouvernement a cédé les anciens blindés pour 1 dollar symbolique.",
        hit("1 dollar", "1", "USD"),
    ),
    "USD-dollars-americains": (
        "L'Inde a signé pour 300 millions de dollars américains de torpilles.",
        hit("300 millions de dollars américains", "300000000", "USD"),
    ),
    "USD-dollars-US": (
        "Le montant de l'accord atteint 2,5 milliards de dollars US, selon le Pentagone.",
        hit("2,5 milliards de dollars US", "2500000000", "USD"),
    ),
    "USD-code-after": (
        "Le contrat de maintenance des F-16 est évalué à 750 millions USD.",
        hit("750 millions USD", "750000000", "USD"),
    ),
    "USD-code-before": (
        "L'agence chiffre la vente à USD 750 millions, pièces de rechange comprises.",
        hit("USD 750 millions", "750000000", "USD"),
    ),
    "USD-symbol": (
        "La vente des avions rapporterait 1,5 milliard $ à Lockheed Martin.",
        hit("1,5 milliard $", "1500000000", "USD"),
    ),
    "EUR-euro-singular": (
        "Paris a rétrocédé le vieux patrouilleur pour 1 euro symbolique.",
        hit("1 euro", "1", "EUR"),
    ),
    "EUR-code": (
        "Le contrat-cadre signé avec MBDA porte sur 2,1 milliards EUR.",
        hit("2,1 milliards EUR", "2100000000", "EUR"),
    ),
    "EUR-typographic-apostrophe": (
        "Berlin a commandé pour 1,2 milliard d’euros de munitions d'artillerie.",
        hit("1,2 milliard d’euros", "1200000000", "EUR"),
    ),
    "GBP-livres-sterling": (
        "Londres investira 1,3 milliard de livres sterling dans ses sous-marins nucléaires.",
        hit("1,3 milliard de livres sterling", "1300000000", "GBP"),
    ),
    "GBP-livre-sterling-singular": (
        "Le Royaume-Uni a cédé l'ancien navire pour 1 livre sterling symbolique.",
        hit("1 livre sterling", "1", "GBP"),
    ),
    "GBP-livres-britanniques": (
        "BAE Systems a décroché un contrat de 900 millions de livres britanniques.",
        hit("900 millions de livres britanniques", "900000000", "GBP"),
    ),
    "GBP-symbol": (
        "Le ministère britannique de la Défense a débloqué 1,3 milliard £ pour les munitions.",
        hit("1,3 milliard £", "1300000000", "GBP"),
    ),
    "GBP-code": (
        "La modernisation des chars Challenger coûtera 400 millions GBP.",
        hit("400 millions GBP", "400000000", "GBP"),
    ),
    "MAD-code": (
        "La commande atteint 2 milliards MAD, selon le projet de loi de finances.",
        hit("2 milliards MAD", "2000000000", "MAD"),
    ),
    "MAD-DH": (
        "Le marché, estimé à 150 millions DH, a été attribué à un groupement franco-marocain.",
        hit("150 millions DH", "150000000", "MAD"),
    ),
    "MAD-dirham-singular": (
        "L'ancienne caserne a été cédée à la commune pour 1 dirham symbolique.",
        hit("1 dirham", "1", "MAD"),
    ),
    "MAD-dirhams-marocains": (
        "L'usine de maintenance aéronautique a coûté 3 milliards de dirhams marocains.",
        hit("3 milliards de dirhams marocains", "3000000000", "MAD"),
    ),
    "DZD-dinars": (
        "Alger a consacré 300 milliards de dinars à l'équipement de l'Armée nationale populaire.",
        hit("300 milliards de dinars", "300000000000", "DZD"),
    ),
    "DZD-dinars-algeriens": (
        "Le budget de la défense algérien dépasse 1 200 milliards de dinars algériens.",
        hit("1 200 milliards de dinars algériens", "1200000000000", "DZD"),
    ),
    "DZD-dinar-singular": (
        "Le terrain a été cédé au ministère pour 1 dinar symbolique.",
        hit("1 dinar", "1", "DZD"),
    ),
    "DZD-DA": (
        "Le contrat de 500 millions DA concerne des véhicules tactiques produits à Tiaret.",
        hit("500 millions DA", "500000000", "DZD"),
    ),
    "DZD-code": (
        "La loi de finances alloue 45 milliards DZD à la gendarmerie.",
        hit("45 milliards DZD", "45000000000", "DZD"),
    ),
    "INR-roupies": (
        "New Delhi a approuvé des achats d'armement pour 36 milliards de roupies.",
        hit("36 milliards de roupies", "36000000000", "INR"),
    ),
    "INR-roupies-indiennes": (
        "Le contrat des canons automoteurs K9 atteint 70 milliards de roupies indiennes.",
        hit("70 milliards de roupies indiennes", "70000000000", "INR"),
    ),
    "INR-code": (
        "Le ministère indien de la Défense a signé pour 36 milliards INR.",
        hit("36 milliards INR", "36000000000", "INR"),
    ),
    "INR-symbol": (
        "La commande de radars s'élève à 360 millions ₹ selon la presse indienne.",
        hit("360 millions ₹", "360000000", "INR"),
    ),
    "RUB-roubles": (
        "Moscou a promis 50 milliards de roubles à l'industrie des drones.",
        hit("50 milliards de roubles", "50000000000", "RUB"),
    ),
    "RUB-symbol": (
        "Le Kremlin a débloqué 50 milliards ₽ pour les usines de missiles.",
        hit("50 milliards ₽", "50000000000", "RUB"),
    ),
    "RUB-code": (
        "Rostec annonce des commandes pour 80 milliards RUB.",
        hit("80 milliards RUB", "80000000000", "RUB"),
    ),
    "CNY-yuans": (
        "Pékin a investi 10 milliards de yuans dans ce programme de drones.",
        hit("10 milliards de yuans", "10000000000", "CNY"),
    ),
    "CNY-yuan-invariable": (
        "Le chantier naval de Dalian a reçu 8 milliards de yuan de commandes.",
        hit("8 milliards de yuan", "8000000000", "CNY"),
    ),
    "CNY-code": (
        "Le contrat de frégates avec le Pakistan atteindrait 10 milliards CNY.",
        hit("10 milliards CNY", "10000000000", "CNY"),
    ),
    "JPY-yens": (
        "Tokyo a débloqué 1 000 milliards de yens pour ses missiles à longue portée.",
        hit("1 000 milliards de yens", "1000000000000", "JPY"),
    ),
    "JPY-symbol": (
        "Mitsubishi Heavy Industries a décroché 300 milliards ¥ de commandes.",
        hit("300 milliards ¥", "300000000000", "JPY"),
    ),
    "JPY-code": (
        "Le budget d'acquisition des Tomahawk s'élève à 211 milliards JPY.",
        hit("211 milliards JPY", "211000000000", "JPY"),
    ),
    "KRW-wons": (
        "Séoul a financé le programme KF-21 à hauteur de 3 000 milliards de wons.",
        hit("3 000 milliards de wons", "3000000000000", "KRW"),
    ),
    "KRW-symbol": (
        "Hanwha Aerospace a annoncé 850 milliards ₩ de nouvelles commandes.",
        hit("850 milliards ₩", "850000000000", "KRW"),
    ),
    "KRW-wons-sud-coreens": (
        "Le contrat d'obusiers atteint 850 milliards de wons sud-coréens.",
        hit("850 milliards de wons sud-coréens", "850000000000", "KRW"),
    ),
    "CHF-francs-suisses": (
        "Berne a validé l'achat des F-35A pour 6 milliards de francs suisses.",
        hit("6 milliards de francs suisses", "6000000000", "CHF"),
    ),
    "CHF-code-before": (
        "Le crédit d'engagement voté par le Parlement atteint CHF 6 milliards.",
        hit("CHF 6 milliards", "6000000000", "CHF"),
    ),
    "CHF-code-after": (
        "Le système Patriot coûtera 2 milliards CHF à la Confédération.",
        hit("2 milliards CHF", "2000000000", "CHF"),
    ),
    "SAR-riyals": (
        "Riyad a signé un contrat de 1,5 milliard de riyals avec un industriel local.",
        hit("1,5 milliard de riyals", "1500000000", "SAR"),
    ),
    "SAR-riyals-saoudiens": (
        "Le fonds public a investi 4 milliards de riyals saoudiens dans la production de munitions.",
        hit("4 milliards de riyals saoudiens", "4000000000", "SAR"),
    ),
    "SAR-code": (
        "La GAMI a attribué des contrats pour 4 milliards SAR.",
        hit("4 milliards SAR", "4000000000", "SAR"),
    ),
    "AED-dirhams-emiratis": (
        "Abou Dhabi a commandé des drones pour 4 milliards de dirhams émiratis.",
        hit("4 milliards de dirhams émiratis", "4000000000", "AED"),
    ),
    "AED-code": (
        "Au salon IDEX, les forces armées émiriennes ont signé pour 23 milliards AED.",
        hit("23 milliards AED", "23000000000", "AED"),
    ),
    "TRY-livres-turques": (
        "Ankara a alloué 20 milliards de livres turques au programme d'avion de combat KAAN.",
        hit("20 milliards de livres turques", "20000000000", "TRY"),
    ),
    "TRY-symbol": (
        "Baykar a enregistré 20 milliards ₺ de commandes à l'export.",
        hit("20 milliards ₺", "20000000000", "TRY"),
    ),
    "TRY-code": (
        "Aselsan annonce un contrat de 20 milliards TRY avec l'armée turque.",
        hit("20 milliards TRY", "20000000000", "TRY"),
    ),
    "PLN-zlotys": (
        "Varsovie dépensera 15 milliards de zlotys pour ses chars K2.",
        hit("15 milliards de zlotys", "15000000000", "PLN"),
    ),
    "PLN-zlotys-with-accent": (
        "Le contrat des obusiers Krab s'élève à 15 milliards de złotys.",
        hit("15 milliards de złotys", "15000000000", "PLN"),
    ),
    "PLN-code": (
        "L'agence polonaise de l'armement a signé pour 15 milliards PLN.",
        hit("15 milliards PLN", "15000000000", "PLN"),
    ),
    "BRL-reais": (
        "Brasília a engagé 2 milliards de reais dans le programme Gripen.",
        hit("2 milliards de reais", "2000000000", "BRL"),
    ),
    "BRL-symbol": (
        "Le gouvernement brésilien a réservé R$ 2 milliards aux sous-marins.",
        hit("R$ 2 milliards", "2000000000", "BRL"),
    ),
    "BRL-code": (
        "Embraer a annoncé un contrat militaire de 2 milliards BRL.",
        hit("2 milliards BRL", "2000000000", "BRL"),
    ),
    "EGP-livres-egyptiennes": (
        "Le Caire aurait payé 3 milliards de livres égyptiennes pour ces corvettes.",
        hit("3 milliards de livres égyptiennes", "3000000000", "EGP"),
    ),
    "EGP-code": (
        "L'Autorité arabe pour l'industrialisation a reçu 3 milliards EGP de commandes.",
        hit("3 milliards EGP", "3000000000", "EGP"),
    ),
}

# --- Other forms French outlets write ------------------------------------------------------------
PRESS_VARIANTS = {
    "approx-plus-de": (
        "Le montant total des commandes atteint plus de 2 milliards de dollars.",
        hit("plus de 2 milliards de dollars", "2000000000", "USD", approx="plus de"),
    ),
    "approx-environ": (
        "La modernisation des Mirage coûtera environ 800 millions d'euros.",
        hit("environ 800 millions d'euros", "800000000", "EUR", approx="environ"),
    ),
    "approx-quelque": (
        "Les Émirats ont dépensé quelque 300 millions de dollars pour ces drones.",
        hit("quelque 300 millions de dollars", "300000000", "USD", approx="quelque"),
    ),
    "approx-au-moins": (
        "Selon les députés, le programme coûtera au moins 5 milliards d'euros.",
        hit("au moins 5 milliards d'euros", "5000000000", "EUR", approx="au moins"),
    ),
    "approx-pres-d-un": (
        "L'Égypte aurait versé près d'un milliard d'euros à Fincantieri.",
        hit("près d'un milliard d'euros", "1000000000", "EUR", approx="près d'"),
    ),
    "un-milliard": (
        "Le Qatar a signé un chèque d'un milliard de dollars pour des drones MQ-9B.",
        hit("un milliard de dollars", "1000000000", "USD"),
    ),
    "trois-milliards": (
        "Kiev a reçu trois milliards d'euros d'aide militaire européenne.",
        hit("trois milliards d'euros", "3000000000", "EUR"),
    ),
    "cent-millions": (
        "Le Sénégal a consacré cent millions d'euros à ses patrouilleurs.",
        hit("cent millions d'euros", "100000000", "EUR"),
    ),
    "sentence-start-capitalized": (
        "Deux milliards de dollars : c'est le montant du contrat signé avec Raytheon.",
        hit("Deux milliards de dollars", "2000000000", "USD"),
    ),
    "digits-without-scale": (
        "L'entreprise a été condamnée à une amende de 250 000 dollars pour exportation illégale.",
        hit("250 000 dollars", "250000", "USD"),
    ),
    "million-singular": (
        "Chaque missile Javelin coûte environ 1 million de dollars.",
        hit("environ 1 million de dollars", "1000000", "USD", approx="environ"),
    ),
    "decimal-millions-d-euros": (
        "Le marché de 3,5 millions d'euros porte sur des simulateurs de vol.",
        hit("3,5 millions d'euros", "3500000", "EUR"),
    ),
    "thousands-with-scale": (
        f"L'enveloppe globale est fixée à 1{NBSP}200 millions de dollars.",
        hit(f"1{NBSP}200 millions de dollars", "1200000000", "USD"),
    ),
    "Md-dollar": (
        "Le contrat des 26 Rafale Marine atteint 7,8 Md$ selon New Delhi.",
        hit("7,8 Md$", "7800000000", "USD"),
    ),
    "Mds-euro": (
        "Le plan d'urgence pour les munitions pèse 3 Mds€.",
        hit("3 Mds€", "3000000000", "EUR"),
    ),
    "Mrd-euro": (
        "Rheinmetall a annoncé 1,2 Mrd€ de nouvelles commandes.",
        hit("1,2 Mrd€", "1200000000", "EUR"),
    ),
    "M-euro": (
        "La DGA a notifié un contrat de 350 M€ pour des radars Ground Fire.",
        hit("350 M€", "350000000", "EUR"),
    ),
    "billions-read-as-1e9": (
        "D'après l'agence, la vente représente 2 billions de dollars.",
        hit("2 billions de dollars", "2000000000", "USD"),
    ),
    "interval-de-a": (
        "Le coût est estimé de 3 à 4 milliards d'euros par les industriels.",
        hit("de 3 à 4 milliards d'euros", "4000000000", "EUR", value_min="3000000000"),
    ),
    "interval-mixed-scales": (
        "La facture se situerait entre 500 millions et 1 milliard de dollars.",
        hit("entre 500 millions et 1 milliard de dollars", "1000000000", "USD", value_min="500000000"),
    ),
    "interval-Md-euro": (
        "Le programme de drones coûterait entre 3 et 4 Md€.",
        hit("entre 3 et 4 Md€", "4000000000", "EUR", value_min="3000000000"),
    ),
    "with-count-in-sentence": (
        "Le Maroc a commandé 18 lanceurs HIMARS pour 524 millions de dollars.",
        hit("524 millions de dollars", "524000000", "USD"),
    ),
    "with-year-in-sentence": (
        "En 2023, l'Algérie a dépensé 18 milliards de dollars pour sa défense.",
        hit("18 milliards de dollars", "18000000000", "USD"),
    ),
}

# --- Must not yield a MONEY mention (second item: a label that must be found instead, or None) --
NEGATIVE = {
    "percent": ("Les exportations d'armement françaises ont progressé de 15 % sur un an.", None),
    "percent-of-gdp": ("Les dépenses militaires atteignent 2 % du PIB marocain.", None),
    "amount-without-currency": ("Le budget de la défense augmentera de 3,2 milliards l'an prochain.", None),
    "interval-without-currency": ("Les estimations varient entre 3 et 4 milliards selon les sources.", None),
    "milliards-of-people": ("L'Inde compte 1,4 milliard d'habitants.", None),
    "millions-of-shells": ("L'Union européenne s'était engagée à livrer 1 million d'obus.", None),
    "count-not-money": ("Le Maroc a commandé 18 lanceurs M142 HIMARS.", "COUNT"),
    "range-not-money": ("Le missile a une portée de 300 km.", "RANGE"),
    "date-not-money": ("Le contrat a été signé le 11 avril 2023.", "DATE"),
    "soldiers": ("Plus de 2 000 soldats participent à l'exercice African Lion.", None),
    "model-numbers": ("L'Égypte exploite des F-16 Block 52 et des Mirage 2000.", None),
    "tonnage": ("La frégate FREMM déplace 6 000 tonnes.", None),
    "duration": ("Les livraisons s'étaleront sur trois ans.", None),
    "rank": ("Le 3e régiment du génie a reçu de nouveaux engins.", None),
    "page-number": ("Le détail des contrats figure à la page 45 du rapport annuel.", None),
    "mach": ("Le missile hypersonique vole à Mach 5.", None),
    "currency-word-without-amount": ("La livre turque a perdu 20 % de sa valeur face au dollar.", None),
    "dollar-vs-euro": ("La hausse du dollar renchérit les achats d'armement européens.", None),
    "dirham-without-amount": ("Bank Al-Maghrib a laissé le dirham se déprécier légèrement.", None),
    "euro-area": ("Les pays de la zone euro veulent mutualiser leurs achats de munitions.", None),
    "franc-cfa-zone": ("Les pays de la zone franc CFA renforcent leur coopération militaire.", None),
    "dollars-no-number": ("Des valises de dollars auraient circulé lors des négociations.", None),
    "Euro-2024-football": ("Pendant l'Euro 2024, les armées ont déployé des systèmes anti-drones.", None),
    "constant-dollars-base-year": ("Les montants du SIPRI sont exprimés en dollars 2022.", None),
    "US-Army-not-US-dollar": ("L'US Army a testé 3 nouveaux radars à White Sands.", None),
    "Eurofighter": ("Le Koweït a reçu 28 Eurofighter Typhoon.", None),
    "Eurosatory": ("Eurosatory ouvre ses portes à Villepinte avec 2 000 exposants.", None),
    "time-of-day": ("Les frappes ont commencé à 4 h 30 du matin.", None),
    "investments-without-currency": ("Le ministre a annoncé 4 milliards d'investissements dans les munitions.", None),
    "payable-in-euros": ("Le contrat sera payé en euros et non en dollars.", None),
    "prices-in-US-dollar-sign": ("Les prix des pièces de rechange sont libellés en US$.", None),
    "AED-agency-not-currency": ("Le rapport annuel de l'AED recense 27 États membres.", None),
    "count-with-system": ("La livraison des 36 Rafale indiens s'est achevée.", None),
    "date-instead": ("Les Émirats ont signé le contrat le 3 décembre 2021.", "DATE"),
}


@pytest.mark.parametrize(("text", "expected"), list(FROM_ISSUE.values()), ids=list(FROM_ISSUE))
def test_money_from_issue(extractor, text, expected):
    assert_one(extractor.extract(text, date=DOC_DATE), text, expected)


@pytest.mark.parametrize(("text", "expected"), list(CURRENCIES.values()), ids=list(CURRENCIES))
def test_money_currencies(extractor, text, expected):
    assert_one(extractor.extract(text, date=DOC_DATE), text, expected)


@pytest.mark.parametrize(("text", "expected"), list(PRESS_VARIANTS.values()), ids=list(PRESS_VARIANTS))
def test_money_press_variants(extractor, text, expected):
    assert_one(extractor.extract(text, date=DOC_DATE), text, expected)


@pytest.mark.parametrize(("text", "instead"), list(NEGATIVE.values()), ids=list(NEGATIVE))
def test_money_negative(extractor, text, instead):
    assert_none(extractor.extract(text, date=DOC_DATE), instead)


# --- Real press: currencies carried from an earlier amount, words several countries use ---------
# Each case: text -> every MONEY as (text, value, unit, unit_source).
REAL_PRESS = {
    "carried-dont-pour": (
        "Le contrat de 6,7 milliards d'euros, dont 4,1 milliards pour la France, a été signé.",
        [("6,7 milliards d'euros", "6700000000", "EUR", ""), ("4,1 milliards", "4100000000", "EUR", "carried")],
    ),
    "carried-en-dons": (
        "Un paquet de 1,2 milliard de dollars, dont 400 millions en dons et 800 millions de contrats.",
        [
            ("1,2 milliard de dollars", "1200000000", "USD", ""),
            ("400 millions", "400000000", "USD", "carried"),
            ("800 millions", "800000000", "USD", "carried"),
        ],
    ),
    "carried-contre": (
        "Les exportations ont atteint 11,7 milliards d'euros, contre 4,9 milliards en 2020.",
        [("11,7 milliards d'euros", "11700000000", "EUR", ""), ("4,9 milliards", "4900000000", "EUR", "carried")],
    ),
    "carried-next-sentence": (
        "La France exporte environ 4 milliards d'euros par an. Les prises de commandes ont atteint 4,11 milliards.",
        [("environ 4 milliards d'euros", "4000000000", "EUR", ""), ("4,11 milliards", "4110000000", "EUR", "carried")],
    ),
    "carried-skips-an-aside": (
        "La commande tchèque atteint 8,5 milliards de couronnes (environ 335 millions d’euros), soit 2,5 milliards de plus.",
        [
            ("8,5 milliards de couronnes", "8500000000", "CZK", ""),
            ("environ 335 millions d’euros", "335000000", "EUR", ""),
            ("2,5 milliards", "2500000000", "CZK", "carried"),
        ],
    ),
    "couronnes-sweden": (
        "La Suède consacre 9 milliards de couronnes à l'Ukraine.",
        [("9 milliards de couronnes", "9000000000", "SEK", "")],
    ),
    "dinars-tunisia": (
        "La Tunisie a payé 90 millions de dinars pour ses patrouilleurs.",
        [("90 millions de dinars", "90000000", "TND", "")],
    ),
    "francs-cfa-cameroon": (
        "Le Cameroun consacre 300 milliards de francs CFA à sa défense.",
        [("300 milliards de francs CFA", "300000000000", "XAF", "")],
    ),
    "francs-cfa-senegal": (
        "Le Sénégal a commandé pour 20 milliards de francs CFA.",
        [("20 milliards de francs CFA", "20000000000", "XOF", "")],
    ),
    "interval-a-scale": (
        "Le commerce des armes pèse de 45 à 55 milliards d'euros par an.",
        [("de 45 à 55 milliards d'euros", "55000000000", "EUR", "")],
    ),
    "interval-lowercase-m": (
        "Le contrat est estimé entre 700 et 800m€.",
        [("entre 700 et 800m€", "800000000", "EUR", "")],
    ),
    "bracketed-conversion": (
        "Le montant atteint 2,53 milliards de dollars [2,37 milliards d’euros].",
        [("2,53 milliards de dollars", "2530000000", "USD", ""), ("2,37 milliards d’euros", "2370000000", "EUR", "")],
    ),
}

REAL_PRESS_NEGATIVE = {
    "no-currency-in-reach": "La ville compte 2 millions d'habitants et 3 millions de touristes.",
    "people-after-amount": "Le budget atteint 2 milliards d'euros pour 3 millions de soldats.",
    "far-currency": "Le budget atteint 2 milliards d'euros. Rien. Rien. Rien. La population atteint 3 millions.",
}


@pytest.mark.parametrize(("text", "expected"), list(REAL_PRESS.values()), ids=list(REAL_PRESS))
def test_money_real_press(extractor, text, expected):
    found = [
        (m.text, m.value, m.unit, m.unit_source) for m in extractor.extract(text, date=DOC_DATE) if m.label == LABEL
    ]
    assert found == expected


@pytest.mark.parametrize("text", list(REAL_PRESS_NEGATIVE.values()), ids=list(REAL_PRESS_NEGATIVE))
def test_money_real_press_negative(extractor, text):
    carried = [m for m in extractor.extract(text, date=DOC_DATE) if m.label == LABEL and m.unit_source == "carried"]
    assert not carried, cases.show(carried)


def test_a_currency_given_by_the_next_amount(extractor):
    text = "Deux contrats d'un montant de 1,25 milliard et de 655 millions de dollars."
    found = [(m.text, m.value, m.unit, m.unit_source) for m in extractor.extract(text) if m.label == LABEL]
    assert found == [
        ("1,25 milliard", "1250000000", "USD", "carried"),
        ("655 millions de dollars", "655000000", "USD", ""),
    ]
