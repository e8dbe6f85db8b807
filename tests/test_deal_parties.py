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
}


@pytest.mark.parametrize(("text", "expected"), list(PARTIES.values()), ids=list(PARTIES))
def test_the_parties_of_a_sentence(extractor, text, expected):
    deals = extractor.extract_deals(text, date="2024-06")
    assert {(d.supplier, d.recipient, d.system, d.quantity) for d in deals} == expected


def test_each_listed_seller_takes_the_stage(extractor):
    deals = extractor.extract_deals("Les Pays-Bas et le Danemark ont livré des F-16 à l'Ukraine.", date="2024-06")
    assert {(d.supplier, d.status, d.supplier_source) for d in deals} == {
        ("NLD", "delivered", "text"),
        ("DNK", "delivered", "text"),
    }
