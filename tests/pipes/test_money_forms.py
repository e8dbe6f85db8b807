"""MONEY: every way a French writer states an amount (issue 11, "Money").

Contract: samples/README.md ("MONEY"). One table per family: scale suffixes glued to the amount or
the currency, ISO codes glued before or after, dollar variants, subunits, "livres" and other
currency words; then what is never money. Each table maps a readable case id to `(text, expected)`.
"""

import pytest

from tests.pipes import cases

LABEL = "MONEY"
DOC_DATE = "2024-06"

hit = cases.hit

# --- Scale suffixes glued to the amount or the currency ----------------------------------------------
SUFFIXES = {
    "10K$": ("Le drone coûte 10K$ pièce.", hit("10K$", "10000", "USD")),
    "$10k": ("Le drone coûte $10k pièce.", hit("$10k", "10000", "USD")),
    "2,5M€": ("Le contrat atteint 2,5M€ selon la DGA.", hit("2,5M€", "2500000", "EUR")),
    "€2.5M": ("Le contrat atteint €2.5M selon la DGA.", hit("€2.5M", "2500000", "EUR")),
    "1,2-Md$": ("La vente atteint 1,2 Md$ selon le Pentagone.", hit("1,2 Md$", "1200000000", "USD")),
    "10-k$": ("Le drone coûte 10 k$ pièce.", hit("10 k$", "10000", "USD")),
    "500K€": ("L'étude a coûté 500K€ au ministère.", hit("500K€", "500000", "EUR")),
    "3Md€": ("Le plan pèse 3Md€ sur cinq ans.", hit("3Md€", "3000000000", "EUR")),
    "7,8Md$": ("Le contrat indien atteint 7,8Md$.", hit("7,8Md$", "7800000000", "USD")),
    "250M$": ("Le Congrès a validé 250M$ d'aide.", hit("250M$", "250000000", "USD")),
    "800m€": ("Le contrat est estimé à 800m€.", hit("800m€", "800000000", "EUR")),
    "$2.5M": ("Le contrat atteint $2.5M selon l'agence.", hit("$2.5M", "2500000", "USD")),
    "€-spaced-M": ("Le contrat atteint € 2,5 M selon la DGA.", hit("€ 2,5 M", "2500000", "EUR")),
    "2,5-M€": ("Le contrat atteint 2,5 M€ selon la DGA.", hit("2,5 M€", "2500000", "EUR")),
    "1,2-Mrd€": ("Rheinmetall a annoncé 1,2 Mrd€ de commandes.", hit("1,2 Mrd€", "1200000000", "EUR")),
    "deux-milliards-et-demi": (
        "Le programme coûtera deux milliards et demi d'euros.",
        hit("deux milliards et demi d'euros", "2500000000", "EUR"),
    ),
    "1-milliard-et-demi": (
        "Le contrat atteint 1 milliard et demi de dollars.",
        hit("1 milliard et demi de dollars", "1500000000", "USD"),
    ),
    "milliards-d-euros-et-demi": (
        "Le programme coûtera deux milliards d'euros et demi.",
        hit("deux milliards d'euros et demi", "2500000000", "EUR"),
    ),
    "un-milliard-et-quart": (
        "Le programme coûtera un milliard et quart d'euros.",
        hit("un milliard et quart d'euros", "1250000000", "EUR"),
    ),
    "deux-milliards-cinq-cents-millions": (
        "La facture atteint deux milliards cinq cents millions d'euros.",
        hit("deux milliards cinq cents millions d'euros", "2500000000", "EUR"),
    ),
    "un-million-deux-cent-mille-euros": (
        "L'amende atteint un million deux cent mille euros.",
        hit("un million deux cent mille euros", "1200000", "EUR"),
    ),
}

# --- ISO codes glued to the amount, before or after ------------------------------------------------------
CODES = {
    "USD1,23": ("Le cours a atteint USD1,23 par action.", hit("USD1,23", "1.23", "USD")),
    "EUR-29,99": ("Le manuel coûte EUR 29,99 en librairie.", hit("EUR 29,99", "29.99", "EUR")),
    "29,99EUR": ("Le manuel coûte 29,99EUR en librairie.", hit("29,99EUR", "29.99", "EUR")),
    "CHF2.5-millions": ("Berne a débloqué CHF2.5 millions.", hit("CHF2.5 millions", "2500000", "CHF")),
    "USD-1,23": ("Le cours a atteint USD 1,23 par action.", hit("USD 1,23", "1.23", "USD")),
    "EUR29,99": ("Le manuel coûte EUR29,99 en librairie.", hit("EUR29,99", "29.99", "EUR")),
    "29,99-EUR": ("Le manuel coûte 29,99 EUR en librairie.", hit("29,99 EUR", "29.99", "EUR")),
    "GBP10": ("Le billet coûte GBP10 au guichet.", hit("GBP10", "10", "GBP")),
    "10GBP": ("Le billet coûte 10GBP au guichet.", hit("10GBP", "10", "GBP")),
    "JPY-500-milliards": ("Tokyo a voté JPY 500 milliards.", hit("JPY 500 milliards", "500000000000", "JPY")),
    "CHF-2,5-millions": ("Berne a débloqué CHF 2,5 millions.", hit("CHF 2,5 millions", "2500000", "CHF")),
    "USD300-millions": ("La vente atteint USD300 millions.", hit("USD300 millions", "300000000", "USD")),
    "300USD": ("La pièce coûte 300USD.", hit("300USD", "300", "USD")),
    "INR36-milliards": ("New Delhi a signé pour INR36 milliards.", hit("INR36 milliards", "36000000000", "INR")),
    "MAD2-milliards": ("Rabat a engagé MAD2 milliards.", hit("MAD2 milliards", "2000000000", "MAD")),
    "2-milliards-PLN": ("Varsovie a engagé 2 milliards PLN.", hit("2 milliards PLN", "2000000000", "PLN")),
    "AED23-milliards": ("Abou Dhabi a signé pour AED23 milliards.", hit("AED23 milliards", "23000000000", "AED")),
    "29.99EUR-dot-decimal": ("Le manuel coûte 29.99EUR en ligne.", hit("29.99EUR", "29.99", "EUR")),
}

# --- Dollar variants -----------------------------------------------------------------------------------------
DOLLARS = {
    "US$-before": ("Le contrat vaut US$ 10 millions.", hit("US$ 10 millions", "10000000", "USD")),
    "US$-glued": ("Le contrat vaut US$10 millions.", hit("US$10 millions", "10000000", "USD")),
    "CA$-after": ("Le drone coûte 10 CA$ l'heure.", hit("10 CA$", "10", "CAD")),
    "CA$-before": ("Ottawa a payé CA$ 2 milliards.", hit("CA$ 2 milliards", "2000000000", "CAD")),
    "CA$-glued": ("Ottawa a payé CA$2 milliards.", hit("CA$2 milliards", "2000000000", "CAD")),
    "$-CA-after": ("Le drone coûte 10 $ CA l'heure.", hit("10 $ CA", "10", "CAD")),
    "$-CAN-after": ("Ottawa a payé 2 milliards $ CAN.", hit("2 milliards $ CAN", "2000000000", "CAD")),
    "C$": ("Ottawa a payé 2 milliards C$.", hit("2 milliards C$", "2000000000", "CAD")),
    "dollars-canadiens": (
        "Ottawa a payé 19 milliards de dollars canadiens.",
        hit("19 milliards de dollars canadiens", "19000000000", "CAD"),
    ),
    "A$-before": ("Canberra a payé A$ 3 milliards.", hit("A$ 3 milliards", "3000000000", "AUD")),
    "AU$": ("Canberra a payé 3 milliards AU$.", hit("3 milliards AU$", "3000000000", "AUD")),
    "dollars-australiens": (
        "Canberra a payé 3 milliards de dollars australiens.",
        hit("3 milliards de dollars australiens", "3000000000", "AUD"),
    ),
    "HK$-after": ("Le billet coûte 10 HK$.", hit("10 HK$", "10", "HKD")),
    "HK$-before": ("Le billet coûte HK$ 10.", hit("HK$ 10", "10", "HKD")),
    "dollars-de-Hong-Kong": ("Le billet coûte 10 dollars de Hong Kong.", hit("10 dollars de Hong Kong", "10", "HKD")),
    "NZ$-after": ("Wellington a payé 10 NZ$.", hit("10 NZ$", "10", "NZD")),
    "NZ$-millions": ("Wellington a payé 400 millions NZ$.", hit("400 millions NZ$", "400000000", "NZD")),
    "dollars-neo-zelandais": (
        "Wellington a payé 400 millions de dollars néo-zélandais.",
        hit("400 millions de dollars néo-zélandais", "400000000", "NZD"),
    ),
    "MXN$": ("Mexico a payé 10 MXN$.", hit("10 MXN$", "10", "MXN")),
    "MX$": ("Mexico a payé 500 millions MX$.", hit("500 millions MX$", "500000000", "MXN")),
    "$-US-after": ("Le contrat vaut 10 millions $ US.", hit("10 millions $ US", "10000000", "USD")),
    "$US-glued-word": ("Le contrat vaut 10 millions $US.", hit("10 millions $US", "10000000", "USD")),
    "NT$": ("Taipei a voté 500 milliards NT$.", hit("500 milliards NT$", "500000000000", "TWD")),
    "S$": ("Singapour a payé 2 milliards S$.", hit("2 milliards S$", "2000000000", "SGD")),
    "$CA-glued-both": ("Le drone coûte 10$CA l'heure.", hit("10$CA", "10", "CAD")),
    "$US-glued-both": ("Le drone coûte 10$US l'heure.", hit("10$US", "10", "USD")),
    "$CAN-glued-both": ("Le drone coûte 10$CAN l'heure.", hit("10$CAN", "10", "CAD")),
    "$CAN-spaced": ("Le drone coûte 10 $CAN l'heure.", hit("10 $CAN", "10", "CAD")),
}

# --- Subunits -------------------------------------------------------------------------------------------
SUBUNITS = {
    "dollars-et-cents": ("Le ticket coûte 15 dollars et 15 cents.", hit("15 dollars et 15 cents", "15.15", "USD")),
    "euros-et-centimes": ("La pièce coûte 13 euros et 45 centimes.", hit("13 euros et 45 centimes", "13.45", "EUR")),
    "dollars-50": ("Le ticket coûte 15 dollars 50.", hit("15 dollars 50", "15.5", "USD")),
    "centimes-alone": ("Le timbre coûte 45 centimes.", hit("45 centimes", "0.45", "EUR")),
    "cents-alone": ("La cartouche coûte 99 cents.", hit("99 cents", "0.99", "USD")),
    "euros-20-full-stop": ("La cartouche coûte 3 euros 20.", hit("3 euros 20", "3.2", "EUR")),
    "dollar-et-5-cents": ("La balle coûte 1 dollar et 5 cents.", hit("1 dollar et 5 cents", "1.05", "USD")),
    "euros-centimes-no-et": ("La pièce coûte 13 euros 45 centimes.", hit("13 euros 45 centimes", "13.45", "EUR")),
    "centimes-d-euro": ("Le litre augmente de 45 centimes d'euro.", hit("45 centimes d'euro", "0.45", "EUR")),
    "livres-et-pence": (
        "Le timbre coûte 2 livres sterling et 50 pence.",
        hit("2 livres sterling et 50 pence", "2.5", "GBP"),
    ),
    "pence-alone": ("Le timbre coûte 85 pence.", hit("85 pence", "0.85", "GBP")),
    "symbol-euro-50": ("La pièce coûte 12 € 50 l'unité.", hit("12 € 50", "12.5", "EUR")),
    "dollars-99-comma": ("Le jeu coûte 59 dollars 99, taxes comprises.", hit("59 dollars 99", "59.99", "USD")),
    "centimes-de-dollar": ("Le baril a pris 30 cents de dollar.", hit("30 cents de dollar", "0.3", "USD")),
    "francs-et-centimes-swiss": (
        "En Suisse, le ticket coûte 3 francs suisses et 50 centimes.",
        hit("3 francs suisses et 50 centimes", "3.5", "CHF"),
    ),
    "centimes-in-a-swiss-article": (
        "En Suisse, à Berne comme à Genève, le ticket a augmenté de 20 centimes.",
        hit("20 centimes", "0.2", "CHF"),
    ),
    "roubles-et-kopecks": ("Le pain coûte 40 roubles et 50 kopecks.", hit("40 roubles et 50 kopecks", "40.5", "RUB")),
    "euro-sign-between": ("La cartouche coûte 15€50, taxes comprises.", hit("15€50", "15.5", "EUR")),
    "pound-sign-between": ("Le timbre coûte 3£20 à Londres.", hit("3£20", "3.2", "GBP")),
}

# --- "livres" where the context is money, and other currency words -----------------------------------------
CURRENCY_WORDS = {
    "millions-de-livres": (
        "Londres a signé un contrat de 361 millions de livres avec BAE Systems.",
        hit("361 millions de livres", "361000000", "GBP"),
    ),
    "milliards-de-livres": (
        "Le programme coûtera 2 milliards de livres.",
        hit("2 milliards de livres", "2000000000", "GBP"),
    ),
    "livres-sterling": (
        "Le contrat vaut 5,4 milliards de livres sterling.",
        hit("5,4 milliards de livres sterling", "5400000000", "GBP"),
    ),
    "montant-de-livres": (
        "Le ministère a versé un montant de 300 000 livres à l'industriel.",
        hit("300 000 livres", "300000", "GBP"),
    ),
    "coute-livres": ("Chaque missile coûte 950 000 livres.", hit("950 000 livres", "950000", "GBP")),
    "livres-et-demi": (
        "Le programme coûtera deux milliards et demi de livres.",
        hit("deux milliards et demi de livres", "2500000000", "GBP"),
    ),
    "livres-in-an-egyptian-article": (
        "L'Égypte a payé 60 milliards de livres pour ces corvettes, selon Le Caire.",
        hit("60 milliards de livres", "60000000000", "EGP"),
    ),
    "yens": ("Tokyo a débloqué 300 milliards de yens.", hit("300 milliards de yens", "300000000000", "JPY")),
    "roupies": ("New Delhi a approuvé 36 milliards de roupies.", hit("36 milliards de roupies", "36000000000", "INR")),
    "wons": ("Séoul a investi 3 000 milliards de wons.", hit("3 000 milliards de wons", "3000000000000", "KRW")),
    "shekels": ("Israël a débloqué 4 milliards de shekels.", hit("4 milliards de shekels", "4000000000", "ILS")),
    "francs-CFA-no-country": (
        "Le budget atteint 300 milliards de francs CFA.",
        hit("300 milliards de francs CFA", "300000000000", "XOF"),
    ),
    "francs-CFA-gabon": (
        "Le Gabon consacre 200 milliards de francs CFA à sa défense.",
        hit("200 milliards de francs CFA", "200000000000", "XAF"),
    ),
    "francs-CFA-mali": (
        "Le Mali consacre 200 milliards de francs CFA à sa défense.",
        hit("200 milliards de francs CFA", "200000000000", "XOF"),
    ),
    "FCFA-tchad": ("Le Tchad a payé 50 milliards FCFA.", hit("50 milliards FCFA", "50000000000", "XAF")),
    "francs-CFA-BEAC": (
        "Le budget atteint 20 milliards de francs CFA BEAC.",
        hit("20 milliards de francs CFA BEAC", "20000000000", "XAF"),
    ),
    "yen-singular": ("Le prototype a coûté 1 yen symbolique.", hit("1 yen", "1", "JPY")),
    "roupies-pakistanaises": (
        "Islamabad a payé 50 milliards de roupies pakistanaises.",
        hit("50 milliards de roupies pakistanaises", "50000000000", "PKR"),
    ),
}

# --- Never money -------------------------------------------------------------------------------------------
NEGATIVE = {
    "livres-blancs": "Le ministère a publié trois livres blancs sur la défense.",
    "livres-as-books": "L'auteur a écrit deux livres sur la guerre en Ukraine.",
    "bombes-de-500-livres": "Le paquet comprend 1 002 bombes de 500 livres.",
    "livres-de-poussee": "Le réacteur F135 développe 43 000 livres de poussée.",
    "livres-weight-with-contract": "Le contrat porte sur des bombes de 2 000 livres.",
    "price-per-unit-no-currency": "Chaque missile est facturé 3 millions l'unité.",
    "price-per-unit-digits": "Le prix unitaire atteint 300 000 par exemplaire.",
    "deux-cents-missiles": "Le contrat prévoit deux cents missiles.",
    "cent-soldats": "Cent soldats ont été déployés.",
    "deux-cents-reform": "Le contrat prévoit deux-cents missiles.",
    "centimetres": "Le blindage atteint 45 centimètres.",
    "centimes-without-number": "Les centimes ne comptent pas dans ce budget.",
    "CA-chiffre-d-affaires": "Son CA de 5 milliards progresse de 10 %.",
    "percentage": "Les exportations ont progressé de 15 %.",
    "dollars-50-chars": "Le Maroc a acheté pour 15 dollars 50 chars d'occasion.",
}


@pytest.mark.parametrize(("text", "expected"), list(SUFFIXES.values()), ids=list(SUFFIXES))
def test_scale_suffixes(extractor, text, expected):
    cases.assert_one(extractor.extract(text, date=DOC_DATE), text, expected, LABEL)


@pytest.mark.parametrize(("text", "expected"), list(CODES.values()), ids=list(CODES))
def test_codes_glued(extractor, text, expected):
    cases.assert_one(extractor.extract(text, date=DOC_DATE), text, expected, LABEL)


@pytest.mark.parametrize(("text", "expected"), list(DOLLARS.values()), ids=list(DOLLARS))
def test_dollar_variants(extractor, text, expected):
    cases.assert_one(extractor.extract(text, date=DOC_DATE), text, expected, LABEL)


@pytest.mark.parametrize(("text", "expected"), list(SUBUNITS.values()), ids=list(SUBUNITS))
def test_subunits(extractor, text, expected):
    cases.assert_one(extractor.extract(text, date=DOC_DATE), text, expected, LABEL)


@pytest.mark.parametrize(("text", "expected"), list(CURRENCY_WORDS.values()), ids=list(CURRENCY_WORDS))
def test_livres_and_other_currency_words(extractor, text, expected):
    cases.assert_one(extractor.extract(text, date=DOC_DATE), text, expected, LABEL)


@pytest.mark.parametrize("text", list(NEGATIVE.values()), ids=list(NEGATIVE))
def test_never_money(extractor, text):
    found = [m for m in cases.mentions_of(extractor.extract(text, date=DOC_DATE), LABEL)]
    if "dollars 50 chars" in text:  # the dollars are money, the 50 count tanks: no 15.50
        assert [(m.text, m.value) for m in found] == [("15 dollars", "15")]
        return
    assert not found, cases.show(found)
