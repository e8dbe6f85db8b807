"""Who sells and who buys when a sentence names several parties: lists of sellers, partners of a
joint programme, makers of another system, the country a share is bought for.

Each case maps an id to `(text, expected rows)`, a row being (supplier, recipient, system, quantity).
Document date 2024-06 everywhere.
"""

from __future__ import annotations

import pytest

PARTIES = {
    # --- several sellers named in one list: one row each ------------------------------------
    "sellers-listed-before-the-trigger": (
        "Les Pays-Bas, le Danemark et la Norvège ont promis de livrer des F-16 à l'Ukraine.",
        {("NLD", "UKR", "F-16", None), ("DNK", "UKR", "F-16", None), ("NOR", "UKR", "F-16", None)},
    ),
    "two-sellers-joined-by-et": (
        "Le Danemark et les Pays-Bas fourniront des F-16 à l'Ukraine.",
        {("DNK", "UKR", "F-16", None), ("NLD", "UKR", "F-16", None)},
    ),
    "a-joint-total-is-no-sellers-quantity": (
        "La Belgique et la Norvège vont céder au total 40 F-16 à l'Ukraine.",
        {("BEL", "UKR", "F-16", None), ("NOR", "UKR", "F-16", None)},
    ),
    "each-seller-its-own-count": (
        "La Turquie a acheté 12 Typhoon d'occasion au Qatar et 12 à Oman.",
        {("QAT", "TUR", "Eurofighter Typhoon", 12), ("OMN", "TUR", "Eurofighter Typhoon", 12)},
    ),
    "one-demonym-for-two-countries-is-one-seller": (
        "La Lituanie a signé avec le groupe franco-allemand KNDS un contrat pour 44 chars Leopard 2A8.",
        {("DEU", "LTU", "Leopard 2A8", 44)},
    ),
    # --- a partner of a joint programme named in the sentence sells ---------------------------
    "partner-after-signe-avec": (
        "Ankara a signé avec Londres un accord portant sur 20 Eurofighter Typhoon neufs.",
        {("GBR", "TUR", "Eurofighter Typhoon", 20)},
    ),
    "partner-among-the-signatories": (
        "Le Royaume-Uni et la Turquie ont signé un contrat portant sur vingt Eurofighter Typhoon.",
        {("GBR", "TUR", "Eurofighter Typhoon", 20)},
    ),
    "partner-by-its-demonym": (
        "Le Qatar et son homologue britannique ont signé une lettre d'intention pour 24 Eurofighter Typhoon.",
        {("GBR", "QAT", "Eurofighter Typhoon", 24)},
    ),
    "a-partner-buying-alone-stays-the-buyer": (
        "L'Italie a commandé 10 hélicoptères NH90 supplémentaires.",
        {("FRA", "ITA", "NH90", 10)},
    ),
    "no-partner-named-keeps-the-origin": (
        "L'Arabie saoudite a reçu 24 Eurofighter Typhoon.",
        {("DEU", "SAU", "Eurofighter Typhoon", 24)},
    ),
    # --- a maker named with another system is that system's -------------------------------------
    "maker-of-another-system": (
        "Le Qatar a signé pour 24 Eurofighter Typhoon après avoir commandé 75 Boeing F-15.",
        {("DEU", "QAT", "Eurofighter Typhoon", 24), ("USA", "QAT", "F-15", 75)},
    ),
    "maker-inside-another-designation": (
        "Le Qatar a signé pour 24 Eurofighter Typhoon après avoir commandé 24 Dassault Rafale.",
        {("DEU", "QAT", "Eurofighter Typhoon", 24), ("FRA", "QAT", "Rafale", 24)},
    ),
    # --- 'pour' names the buyer of a share, whatever verb comes before ------------------------------
    "share-pour-after-a-buying-verb": (
        "Les Pays-Bas et l'Autriche ont commandé conjointement neuf C-390, cinq appareils pour les Néerlandais"
        " et quatre appareils pour les Autrichiens.",
        {("BRA", "NLD", "KC-390", 5), ("BRA", "AUT", "KC-390", 4)},
    ),
    "pour-names-the-buyer": (
        "L'Égypte a commandé à la France 30 Rafale pour son armée de l'air.",
        {("FRA", "EGY", "Rafale", 30)},
    ),
    # --- a buyer's bet is its choice ------------------------------------------------------------
    "a-mise-sur": (
        "Le Nigeria a misé sur les drones Wing Loong II chinois.",
        {("CHN", "NGA", "Wing Loong II", None)},
    ),
    "mise-sur-cale-is-no-choice": (
        "La première corvette a été mise sur cale au chantier d'Istanbul.",
        set(),
    ),
    "gerund-en-commandant": (
        "La Norvège avait ouvert la voie en février 2023 en commandant 54 chars Leopard 2A8.",
        {("DEU", "NOR", "Leopard 2A8", 54)},
    ),
    "le-commandant-is-no-order": (
        "Le commandant de la base a présenté les Leopard 2A8 du régiment.",
        set(),
    ),
    "cession-is-a-gift": (
        "Paris a confirmé la cession de Mirage 2000-5F à l'Ukraine.",
        {("FRA", "UKR", "Mirage 2000-5F", None)},
    ),
    # --- a clause without its verb repeats the one before ----------------------------------------
    "gapped-clause-with-its-count": (
        "La Lituanie a commandé 18 CAESAR en 2023, et la République tchèque 52 canons en 2021.",
        {("FRA", "LTU", "CAESAR", 18), ("FRA", "CZE", "CAESAR", 52)},
    ),
    "gapped-clause-after-a-semicolon": (
        "L'Égypte a reçu 24 Rafale ; le Qatar 36.",
        {("FRA", "EGY", "Rafale", 24), ("FRA", "QAT", "Rafale", 36)},
    ),
    "a-country-with-a-verb-of-its-own-is-no-gap": (
        "La Lituanie a commandé 18 CAESAR, et la Lettonie 12 fois plus de munitions que prévu en parle.",
        {("FRA", "LTU", "CAESAR", 18)},
    ),
    # --- 'qui' after a country: the relative clause's trigger gives its role ---------------------------
    "relative-qui-after-a-list-of-sellers": (
        "La Belgique rejoint les Pays-Bas, le Danemark et la Norvège, qui se sont engagés à céder des F-16 à Kiev.",
        {("NLD", "UKR", "F-16", None), ("DNK", "UKR", "F-16", None), ("NOR", "UKR", "F-16", None)},
    ),
    "relative-qui-after-a-buyer": (
        "Les industriels visent désormais la Colombie, qui a commandé 17 Gripen E/F en 2025.",
        {("SWE", "COL", "Gripen E/F", 17)},
    ),
    "a-fronted-complement-is-no-list-item": (
        "Voisine de l'Estonie, la Lettonie a annoncé son intention d'acheter des HIMARS.",
        {("USA", "LVA", "M142 HIMARS", None)},
    ),
    "a-list-of-complements-stays-a-list": (
        "Le CAESAR a été exporté en Arabie saoudite, en Belgique et en Lituanie.",
        {("FRA", "SAU", "CAESAR", None), ("FRA", "BEL", "CAESAR", None), ("FRA", "LTU", "CAESAR", None)},
    ),
    # --- a demonym after a news outlet is who reports ---------------------------------------------------
    "selon-la-presse-indienne": (
        "Selon la presse indienne, l'Indonésie va acheter des missiles BrahMos.",
        {("IND", "IDN", "BrahMos", None)},
    ),
}


@pytest.mark.parametrize(("text", "expected"), list(PARTIES.values()), ids=list(PARTIES))
def test_the_parties_of_a_sentence(extractor, text, expected):
    deals = extractor.extract_deals(text, date="2024-06")
    assert {(d.supplier, d.recipient, d.system, d.quantity) for d in deals} == expected


#: A sentence that names no system of its own: what it stands for. Each case: text -> rows as above.
STAND_INS = {
    "subject-pronoun-after-a-sentence-opening-on-a-system": (
        "Conçu pour la contre-insurrection, le Super Tucano est déjà exporté en Colombie. Il est également"
        " en service en République dominicaine.",
        {("BRA", "COL", "EMB-314 Super Tucano", None), ("BRA", "DOM", "EMB-314 Super Tucano", None)},
    ),
    "subject-pronoun-on-its-own-line": (
        "Conçu pour la contre-insurrection, le Super Tucano est déjà exporté en Colombie.\nIl est également"
        " en service en République dominicaine.",
        {("BRA", "COL", "EMB-314 Super Tucano", None), ("BRA", "DOM", "EMB-314 Super Tucano", None)},
    ),
    "subject-pronoun-after-a-sentence-opening-on-a-country": (
        "La Lituanie a acheté huit HIMARS. Elle est aussi en service en Pologne.",
        {("USA", "LTU", "M142 HIMARS", 8)},
    ),
    "subject-pronoun-without-a-transfer-word": (
        "Les Pantsir ont été livrés à l'Algérie. Ils protègent notamment le sud du pays, près du Mali.",
        {("RUS", "DZA", "Pantsir", None)},
    ),
    "a-gift-of-what-was-passed-on-before": (
        "La Belgique fournira 30 F-16 à l'Ukraine. Les Pays-Bas ont promis de céder une vingtaine d'appareils à Kiev.",
        {("BEL", "UKR", "F-16", 30), ("NLD", "UKR", "F-16", 20)},
    ),
    "a-gift-by-another-than-the-maker-of-what-was-only-sold": (
        "La Tunisie a acheté des Kirpi à la Turquie. Elle a reçu 40 véhicules blindés offerts par l'Italie.",
        {("TUR", "TUN", "Kirpi", None), ("ITA", "TUN", "véhicule blindé", 40)},
    ),
}


@pytest.mark.parametrize(("text", "expected"), list(STAND_INS.values()), ids=list(STAND_INS))
def test_what_a_sentence_naming_no_system_stands_for(extractor, text, expected):
    deals = extractor.extract_deals(text, date="2024-06")
    assert {(d.supplier, d.recipient, d.system, d.quantity) for d in deals} == expected


def test_each_listed_seller_takes_the_stage(extractor):
    deals = extractor.extract_deals("Les Pays-Bas et le Danemark ont livré des F-16 à l'Ukraine.", date="2024-06")
    assert {(d.supplier, d.status, d.supplier_source) for d in deals} == {
        ("NLD", "delivered", "text"),
        ("DNK", "delivered", "text"),
    }
