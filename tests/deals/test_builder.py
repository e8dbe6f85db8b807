"""DealBuilder (extract/deals/builder.py) on short texts: the rows it builds, field by field.

Each test builds its own DealBuilder from the session's rules (the pipeline's builder is made once
per process, before mutmut forks: its constructor would never run under a mutant), then feeds it
the Doc and mentions the pipeline's steps before the builder produce.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from spacy.tokens import Doc

from extract.deals.builder import DealBuilder
from extract.partial_date import PartialDate
from extract.rules import RuleSet


def processed(extractor, text: str) -> Doc:
    """The Doc of `text` with its mentions (`doc._.arms_candidates`), as the pipeline hands it to its builder."""
    doc = extractor.nlp.make_doc(text)
    for name, component in extractor.nlp.pipeline:
        if name == "arms_extractor":
            break
        doc = component(doc)
    for step in extractor.nlp.get_pipe("arms_extractor").steps:
        doc = step(doc)
    return doc


@pytest.fixture
def build(extractor):
    """text -> deal rows of a DealBuilder made for the test (document date 2024-06 unless given)."""
    builder = DealBuilder(extractor.rules, extractor.nlp.get_pipe("parser"))

    def run(text: str, date: str | None = "2024-06", offset: int | None = None, refold: bool = False):
        doc = processed(extractor, text)
        if refold:
            doc._.folded = None  # a Doc built outside the pipeline
        offsets = {} if offset is None else {"offset": offset}  # none given: the piece starts its text
        return builder.build(doc, doc._.arms_candidates or [], PartialDate.parse(date), **offsets)

    run.builder = builder
    return run


def rows(deals) -> set[tuple]:
    return {
        (
            d.supplier,
            d.recipient,
            d.system,
            d.quantity,
            d.value,
            d.status,
            d.supplier_source,
            d.recipient_source,
        )
        for d in deals
    }


M = Decimal(1_000_000)

#: text -> {(supplier, recipient, system, quantity, value, status, supplier source, recipient source)}
ROWS = {
    # --- roles and their sources ---------------------------------------------------------------
    "named-buyer-origin-supplier": (
        "Le Maroc a commandé 18 lanceurs M142 HIMARS pour 524 millions de dollars.",
        {("USA", "MAR", "M142 HIMARS", 18, 524 * M, "ordered", "origin", "text")},
    ),
    "buyer-of-the-document": (
        "Le Maroc modernise son armée. Washington a approuvé la vente de 18 lanceurs HIMARS.",
        {("USA", "MAR", "M142 HIMARS", 18, None, "approved", "text", "document")},
    ),
    "demonym-of-a-bracketed-list": (
        "L'Égypte a reçu des avions israéliens (Heron et Hermes 900).",
        {
            ("ISR", "EGY", "Heron", None, None, "delivered", "text", "text"),
            ("ISR", "EGY", "Hermes 900", None, None, "delivered", "text", "text"),
        },
    ),
    "category-noun": (
        "La France a vendu des chars au Maroc.",
        {("FRA", "MAR", "char", None, None, "ordered", "text", "text")},
    ),
    "two-sentences-two-deals": (
        "Le Brésil a reçu 4 chars Leopard 1. La Serbie a reçu 12 Rafale.",
        {
            ("DEU", "BRA", "Leopard 1", 4, None, "delivered", "origin", "text"),
            ("FRA", "SRB", "Rafale", 12, None, "delivered", "origin", "text"),
        },
    ),
    # 'le pays' stands for the country named last, in the sentences just before
    "le-pays-is-the-last-country": (
        "La Grèce a commandé des Rafale. La Croatie aussi. Puis la Serbie. Le pays a commandé 12 Rafale.",
        {
            ("FRA", "GRC", "Rafale", None, None, "ordered", "origin", "text"),
            ("FRA", "SRB", "Rafale", 12, None, "ordered", "origin", "text"),
        },
    ),
    # --- competitors and replaced fleets are no transfer ------------------------------------------
    "competitor-after-cue": (
        "Le Bangladesh a commandé 20 J-10CE chinois face aux concurrents occidentaux, notamment le Rafale français.",
        {("CHN", "BGD", "J-10CE", 20, None, "ordered", "text", "text")},
    ),
    "competitors-before-cue-other-clause": (
        "La Croatie a commandé 12 Rafale ; le F-16 et le Gripen étaient aussi en lice.",
        {("FRA", "HRV", "Rafale", 12, None, "ordered", "origin", "text")},
    ),
    "replaced-fleet-and-pronoun-count": (
        "La Finlande a choisi le F-35 pour remplacer ses vieux F/A-18 et prévoit d'en commander 64 exemplaires.",
        {("USA", "FIN", "F-35", 64, None, "ordered", "origin", "text")},
    ),
    # --- amounts -------------------------------------------------------------------------------------
    "budget-right-before-the-amount": (
        "Le budget de la défense atteint 22 milliards de dollars ; l'Algérie a reçu des Su-30.",
        {("RUS", "DZA", "Su-30", None, None, "delivered", "origin", "text")},
    ),
    # the exclusion cue stands more than EXCLUSION_WINDOW words before the amount
    "budget-far-before-the-amount": (
        "Le budget de la défense, qui a été voté hier soir par le Parlement du pays, atteint 22 milliards"
        " de dollars ; l'Algérie a commandé des Su-30.",
        {("RUS", "DZA", "Su-30", None, 22_000 * M, "ordered", "origin", "text")},
    ),
    "package-of-two-systems": (
        "Le contrat de 8 milliards d'euros porte sur 30 Rafale et 2 frégates FREMM pour l'Égypte.",
        {
            ("FRA", "EGY", "Rafale", 30, 8_000 * M, "ordered", "origin", "text"),
            ("FRA", "EGY", "FREMM", 2, 8_000 * M, "ordered", "origin", "text"),
        },
    ),
    "value-noun-in-the-next-sentence": (
        "L'Inde a commandé 26 Rafale Marine. Le montant de cette commande atteint 7 milliards d'euros.",
        {("FRA", "IND", "Rafale M", 26, 7_000 * M, "ordered", "origin", "text")},
    ),
    # --- holdings, aid, items of a list ------------------------------------------------------------
    "fleet-of-the-buyer-named-before": (
        "Le Maroc a reçu ses premiers F-16. Sa flotte se compose aussi de Mirage F1.",
        {
            ("USA", "MAR", "F-16", None, None, "delivered", "origin", "text"),
            ("FRA", "MAR", "Mirage F1", None, None, "delivered", "origin", "text"),
        },
    ),
    "supplier-own-arsenal": (
        "L'Ukraine a reçu des IRIS-T. L'Allemagne dispose dans son arsenal de missiles montés sur ses Eurofighter.",
        {("DEU", "UKR", "IRIS-T", None, None, "delivered", "origin", "text")},
    ),
    "aid-is-a-donation": (
        "Dans le cadre de son aide militaire à l'Ukraine, l'Allemagne a envoyé à l'Ukraine des chars Leopard 2.",
        {("DEU", "UKR", "Leopard 2", None, None, "donated", "text", "text")},
    ),
    "list-with-own-counts-and-stage": (
        "Le Super Tucano a déjà été vendu au Burkina Faso, au Mali (6 appareils commandés, 4 réceptionnés) et au"
        " Nigéria (12 avions via une commande du Pentagone).",
        {
            ("BRA", "BFA", "EMB-314 Super Tucano", None, None, "ordered", "origin", "text"),
            ("BRA", "MLI", "EMB-314 Super Tucano", 6, None, "delivered", "origin", "text"),
            ("BRA", "NGA", "EMB-314 Super Tucano", 12, None, "ordered", "origin", "text"),
        },
    ),
    "aid-named-before-makes-a-delivery-a-donation": (
        "L'aide militaire à l'Ukraine continue. La Suède a livré des canons Archer à l'Ukraine.",
        {("SWE", "UKR", "Archer", None, None, "donated", "text", "text")},
    ),
    # aid words naming no country: the document's main recipient is aided
    "aid-to-the-main-recipient": (
        "L'Ukraine recevra une aide militaire. La Suède a livré des canons Archer à l'Ukraine.",
        {("SWE", "UKR", "Archer", None, None, "donated", "text", "text")},
    ),
    "a-sale-is-no-donation": (
        "L'aide militaire à l'Ukraine continue. La France a vendu 12 CAESAR à l'Ukraine.",
        {("FRA", "UKR", "CAESAR", 12, None, "ordered", "text", "text")},
    ),
    "supplier-in-an-item-aside": (
        "Le Super Tucano a été vendu au Mali et au Nigéria (12 avions via une commande du département de la"
        " Défense américain).",
        {
            ("BRA", "MLI", "EMB-314 Super Tucano", None, None, "ordered", "origin", "text"),
            ("USA", "NGA", "EMB-314 Super Tucano", 12, None, "ordered", "text", "text"),
        },
    ),
    "elaboration-list-of-buyers": (
        "L'Afrique du Sud a exporté des blindés vers une douzaine de pays. Il s'agit notamment de l'Angola"
        " (24 BTT) ; du Kenya (7 BTT) et de la Jordanie (14 BTT).",
        {
            ("ZAF", "AGO", "BTT", 24, None, "delivered", "document", "text"),
            ("ZAF", "KEN", "BTT", 7, None, "delivered", "document", "text"),
            ("ZAF", "JOR", "BTT", 14, None, "delivered", "document", "text"),
        },
    ),
    "clauses-with-their-own-parties": (
        "La France a livré des CAESAR à l'Ukraine, et les États-Unis ont vendu des HIMARS à la Lituanie.",
        {
            ("FRA", "UKR", "CAESAR", None, None, "delivered", "text", "text"),
            ("USA", "LTU", "M142 HIMARS", None, None, "ordered", "text", "text"),
        },
    ),
    "fleet-with-a-stage-word": (
        "Le Maroc a reçu des F-16. Sa flotte compte aussi des Mirage F1 achetés à la France.",
        {
            ("USA", "MAR", "F-16", None, None, "delivered", "origin", "text"),
            ("FRA", "MAR", "Mirage F1", None, None, "ordered", "text", "text"),
        },
    ),
    "fleet-with-a-delivery-word": (
        "Le Maroc a reçu des F-16. Sa flotte compte aussi des Mirage F1 livrés en 2000.",
        {
            ("USA", "MAR", "F-16", None, None, "delivered", "origin", "text"),
            ("FRA", "MAR", "Mirage F1", None, None, "delivered", "origin", "text"),
        },
    ),
    "an-amount-for-each-system": (
        "L'Égypte a commandé 30 Rafale pour 4 milliards d'euros et 2 FREMM pour 1 milliard d'euros.",
        {
            ("FRA", "EGY", "Rafale", 30, 4_000 * M, "ordered", "origin", "text"),
            ("FRA", "EGY", "FREMM", 2, 1_000 * M, "ordered", "origin", "text"),
        },
    ),
    "amount-of-the-sentence-after": (
        "Le Maroc a commandé des Rafale et des FREMM. Le contrat s'élève à 8 milliards d'euros.",
        {
            ("FRA", "MAR", "Rafale", None, 8_000 * M, "ordered", "origin", "text"),
            ("FRA", "MAR", "FREMM", None, 8_000 * M, "ordered", "origin", "text"),
        },
    ),
    # a value noun ties an amount to the deal before it, across a paragraph break
    "value-noun-after-a-paragraph-break": (
        "L'Inde a commandé 26 Rafale Marine.\n\nLe montant s'élèverait à 7 milliards d'euros.",
        {("FRA", "IND", "Rafale M", 26, 7_000 * M, "ordered", "origin", "text")},
    ),
    # --- a system with no stage word takes the document's first stage, else 'other' --------------
    "package-content-takes-the-first-stage": (
        "Les États-Unis ont approuvé la vente de F-16 au Maroc. Le paquet comprend aussi des missiles AIM-120.",
        {
            ("USA", "MAR", "F-16", None, None, "approved", "text", "text"),
            ("USA", "MAR", "AIM-120 AMRAAM", None, None, "approved", "origin", "document"),
        },
    ),
    "no-stage-in-the-document": (
        "Le paquet comprend des missiles AIM-120 pour le Maroc.",
        {("USA", "MAR", "AIM-120 AMRAAM", None, None, "other", "origin", "text")},
    ),
    # --- competitors -----------------------------------------------------------------------------------
    "competitor-right-after-the-cue": (
        "Le Bangladesh a commandé des J-10CE face au Rafale.",
        {("CHN", "BGD", "J-10CE", None, None, "ordered", "origin", "text")},
    ),
    "competitor-cue-opening-the-sentence": (
        "Face au F-16, le Maroc a acquis des Rafale.",
        {("FRA", "MAR", "Rafale", None, None, "ordered", "origin", "text")},
    ),
    "competitors-in-two-clauses": (
        "Le Gripen était en lice ; face au F-16, le Maroc a acquis des Rafale.",
        {("FRA", "MAR", "Rafale", None, None, "ordered", "origin", "text")},
    ),
    # a trigger with no stage ('vente') or a negotiation between the cue and the system does not end
    # the competition
    "competitor-offered-for-sale": (
        "Le Maroc a commandé des Rafale face aux concurrents qui proposaient la vente de F-16.",
        {("FRA", "MAR", "Rafale", None, None, "ordered", "origin", "text")},
    ),
    "competitor-still-negotiated": (
        "Le Maroc a commandé des Rafale face aux concurrents qui négocient encore le F-16.",
        {("FRA", "MAR", "Rafale", None, None, "ordered", "origin", "text")},
    ),
    "country-holding-the-systems": (
        "Le Maroc dispose dans sa flotte de Mirage F1.",
        {("FRA", "MAR", "Mirage F1", None, None, "delivered", "origin", "text")},
    ),
    # the supplier of each clause is the one of that clause, even when the other one stands nearer
    "suppliers-of-two-clauses": (
        "La Norvège a livré à la Roumanie des F-16 d'occasion, et la Belgique a cédé des F-16 à l'Ukraine.",
        {
            ("NOR", "ROU", "F-16", None, None, "delivered", "text", "text"),
            ("BEL", "UKR", "F-16", None, None, "donated", "text", "text"),
        },
    ),
    # a supplier named in the text wins over the demonym of a bracketed list
    "named-supplier-before-the-demonym": (
        "L'Égypte a acheté à la France des avions israéliens (Heron).",
        {("FRA", "EGY", "Heron", None, None, "ordered", "text", "text")},
    ),
    "competition-cue-of-another-clause-then-one-of-its-own": (
        "Le Maroc remplace ses Mirage 2000 ; face au F-16, il a retenu le Rafale.",
        {("FRA", "MAR", "Rafale", None, None, "ordered", "origin", "document")},
    ),
    # COMPETITION_WINDOW (12) words between the cue and the system
    "competitor-at-the-window-edge": (
        "Le Maroc a commandé des Rafale face aux concurrents présentés, parmi lesquels figurait aussi, selon la"
        " presse, le F-16.",
        {("FRA", "MAR", "Rafale", None, None, "ordered", "origin", "text")},
    ),
    "an-officer-does-not-end-the-competition": (
        "Le Maroc a commandé des Rafale face aux concurrents que le commandant préférait, dont le F-16.",
        {("FRA", "MAR", "Rafale", None, None, "ordered", "origin", "text")},
    ),
    # the supplier the system is made by, among those the sentence names
    "maker-among-the-suppliers": (
        "Le Bangladesh a commandé à la Chine, et non à la France, des J-10CE.",
        {("CHN", "BGD", "J-10CE", None, None, "ordered", "text", "text")},
    ),
    "co-producer-among-the-suppliers": (
        "La Malaisie a commandé à l'Allemagne, et non à la Turquie, des A400M.",
        {("DEU", "MYS", "A400M", None, None, "ordered", "text", "text")},
    ),
    # a variant row and its family row are one deal, named after the variant
    "family-and-variant": (
        "Le Maroc a commandé des F-16. Ces F-16 Block 72 seront livrés en 2026.",
        {("USA", "MAR", "F-16 Block 70", None, None, "ordered", "origin", "text")},
    ),
    # a purchase with no stage word is not a delivery because the buyer's fleet is named
    "buyer-fleet-in-a-purchase": (
        "L'achat de Rafale par le Maroc renforcera sa flotte.",
        {("FRA", "MAR", "Rafale", None, None, "negotiating", "origin", "text")},
    ),
    # a sentence stating no transfer adds nothing, and does not stop the ones after it
    "system-named-before-the-transfer": (
        "Les Mirage F1 du Maroc sont anciens. Le Maroc a commandé des Rafale.",
        {("FRA", "MAR", "Rafale", None, None, "ordered", "origin", "text")},
    ),
    # an amount with neither a trigger nor a value noun is not the deal's
    "unrelated-amount-in-the-next-sentence": (
        "Le Maroc a commandé des Rafale. La dette atteint 130 milliards de dollars.",
        {("FRA", "MAR", "Rafale", None, None, "ordered", "origin", "text")},
    ),
    # a system ordered by a country is no mere competitor
    "ordered-system-also-in-competition": (
        "Le Gripen commandé par le Brésil était aussi en lice.",
        {("SWE", "BRA", "JAS 39 Gripen", None, None, "ordered", "origin", "text")},
    ),
    # --- a seller never sells to itself ------------------------------------------------------------------
    "a-seller-named-as-a-buyer-too": (
        "La France et l'Italie ont vendu des SAMP/T à l'Ukraine et à l'Italie.",
        {
            ("FRA", "UKR", "SAMP/T", None, None, "ordered", "text", "text"),
            ("ITA", "UKR", "SAMP/T", None, None, "ordered", "text", "text"),
        },
    ),
    "listed-sellers-one-of-them-a-buyer": (
        "Les Pays-Bas, le Danemark et la Norvège ont cédé des F-16 à l'Ukraine et au Danemark.",
        {
            ("NLD", "UKR", "F-16", None, None, "donated", "text", "text"),
            ("DNK", "UKR", "F-16", None, None, "donated", "text", "text"),
            ("NOR", "UKR", "F-16", None, None, "donated", "text", "text"),
            ("NLD", "DNK", "F-16", None, None, "donated", "text", "text"),
            ("NOR", "DNK", "F-16", None, None, "donated", "text", "text"),
        },
    ),
    # --- no deal ---------------------------------------------------------------------------------------
    "no-buyer-named": ("L'Afrique du Sud a exporté des blindés vers une douzaine de pays.", set()),
    # a purchase of unnamed aircraft from no known supplier; the fleet replaced is not bought
    "unnamed-systems-of-no-known-supplier": ("La Finlande va acquérir 64 avions pour remplacer ses F/A-18.", set()),
    "le-pays-without-a-country-before": (
        "Le budget de la défense a augmenté et le pays a commandé 30 Rafale pour 8 milliards d'euros.",
        set(),
    ),
}


@pytest.mark.parametrize(("text", "expected"), list(ROWS.values()), ids=list(ROWS))
def test_rows(build, text, expected):
    assert rows(build(text)) == expected


def test_a_doc_without_folded_words_is_folded(build):
    text = ROWS["named-buyer-origin-supplier"][0]
    assert rows(build(text, refold=True)) == ROWS["named-buyer-origin-supplier"][1]


#: text, offset, date -> fields of its only deal
DETAILS = {
    "counted-system-with-offset": (
        "Le Maroc a commandé 18 lanceurs M142 HIMARS pour 524 millions de dollars.",
        100,
        "2024-06",
        {
            "category": "artillery",
            "system_kind": "designation",
            "value_scope": "system",
            "package_id": "",
            "currency": "USD",
            "counted_by_name": True,
            "staged": True,
            "dated": False,
            "date": "2024-06",
            "hedged": False,
            "hedge_cue": "",
            "sentences": [0],
            "evidence": "Le Maroc a commandé 18 lanceurs M142 HIMARS pour 524 millions de dollars.",
            "evidence_start": 100,
            "evidence_end": 173,
        },
    ),
    "no-document-date": (
        "Le Maroc a commandé 18 lanceurs M142 HIMARS.",
        None,
        None,
        {"date": "", "dated": False, "evidence_start": 0, "evidence_end": 44},
    ),
    "hedged-and-dated": (
        "Selon des sources, l'Inde pourrait acheter 26 Rafale Marine en mars 2025.",
        0,
        "2024-06",
        {
            "status": "negotiating",
            "hedged": True,
            "hedge_cue": "Selon des sources",
            "date": "2025-03",
            "dated": True,
            "staged": True,
            "counted_by_name": True,
        },
    ),
    "second-sentence-evidence": (
        "L'aide militaire à l'Ukraine continue. La France va fournir à l'Ukraine 12 CAESAR.",
        7,
        "2024-06",
        {
            "quantity": 12,
            "sentences": [1],
            "evidence": "La France va fournir à l'Ukraine 12 CAESAR.",
            "evidence_start": 46,
            "evidence_end": 89,
            "supplier_source": "text",
        },
    ),
    "nearest-date": (
        "En 2020, la Grèce a commandé 18 Rafale, livrés en 2022.",
        0,
        "2024-06",
        {"quantity": 18, "date": "2022", "dated": True},
    ),
    "category-noun": (
        "La France a vendu des chars au Maroc.",
        None,
        "2024-06",
        {"system": "char", "system_kind": "category", "staged": True, "evidence_start": 0},
    ),
    # a budget is not the deal's value, nor a date
    "budget-before-the-amount": (
        "Le budget de la défense atteint 22 milliards de dollars ; l'Algérie a reçu des Su-30.",
        0,
        "2024-06",
        {"value": None, "currency": "", "value_scope": "", "date": "2024-06", "dated": False},
    ),
    "count-by-pronoun": (
        "La Finlande a choisi le F-35 pour remplacer ses vieux F/A-18 et prévoit d'en commander 64 exemplaires.",
        0,
        "2024-06",
        {"quantity": 64, "counted_by_name": False},
    ),
    "count-in-the-next-sentence": (
        "Le Maroc a choisi le Rafale. Rabat en a commandé 24 exemplaires.",
        0,
        "2024-06",
        {"quantity": 24, "counted_by_name": False, "sentences": [0, 1], "status": "ordered"},
    ),
    "uncounted": (
        "Le Qatar a reçu des Rafale.",
        0,
        "2024-06",
        {"quantity": None, "counted_by_name": False, "status": "delivered", "staged": True},
    ),
    "date-of-the-first-sentence": (
        "La Pologne a commandé 48 K9 en 2022. Les premiers K9 sont arrivés en Pologne.",
        0,
        "2024-06",
        {"quantity": 48, "date": "2022", "dated": True, "sentences": [0, 1]},
    ),
}


@pytest.mark.parametrize(("text", "offset", "date", "fields"), list(DETAILS.values()), ids=list(DETAILS))
def test_deal_fields(build, text, offset, date, fields):
    (deal,) = build(text, date=date, offset=offset)
    assert {name: getattr(deal, name) for name in fields} == fields


@pytest.mark.parametrize("offset", [0, 100])
def test_one_amount_for_two_systems_is_a_package(build, offset):
    text = "Le contrat de 8 milliards d'euros porte sur 30 Rafale et 2 frégates FREMM pour l'Égypte."
    deals = build(text, offset=offset)
    # the amount starts at character 14: the package is named after its offset in the text
    assert [(d.system, d.value_scope, d.package_id, d.currency) for d in deals] == [
        ("Rafale", "package", f"a{14 + offset}", "EUR"),
        ("FREMM", "package", f"a{14 + offset}", "EUR"),
    ]


def test_item_aside_gives_its_own_supplier_count_and_stage(build):
    text = (
        "Le Super Tucano a déjà été vendu au Burkina Faso, au Mali (6 appareils commandés, 4 réceptionnés) et au"
        " Nigéria (12 avions via une commande du Pentagone)."
    )
    assert [(d.recipient, d.quantity, d.status, d.staged) for d in build(text)] == [
        ("BFA", None, "ordered", True),
        ("MLI", 6, "delivered", True),  # the stage of its own aside
        ("NGA", 12, "ordered", True),
    ]


def test_a_builder_of_rules_without_cue_lists_finds_no_deal(extractor):
    """Rules that declare no deal cues (no triggers, hedges, exclusions...): nothing states a transfer."""
    doc = processed(extractor, ROWS["named-buyer-origin-supplier"][0])
    builder = DealBuilder(RuleSet(Path(".")), None)
    assert builder.build(doc, doc._.arms_candidates or [], PartialDate.parse("2024-06")) == []


def test_only_sentences_with_a_trigger_and_a_mention_are_parsed(build):
    text = "Le Maroc modernise son armée. La commande a été signée. Le Maroc a commandé 24 Rafale."
    parsed: list[str] = []
    gated = build.builder.gated_parser
    parse = gated.parse

    def spy(doc, sentences):
        sentences = list(sentences)
        parsed.extend(s.text for s in sentences)
        return parse(doc, iter(sentences))

    gated.parse = spy
    build(text)
    # the first names a country but no trigger, the second a trigger but no mention
    assert parsed == ["Le Maroc a commandé 24 Rafale."]
