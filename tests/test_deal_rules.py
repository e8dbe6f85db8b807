"""Each deal rule the README documents, on a text where only that rule gives the answer.

Every case was checked to fail with its rule taken out of the code (README, "Tests": the
planted bugs); the texts are written for the tests.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from extract.deals.consolidate import consolidate
from extract.eval.evaluate import DealScore, score_deals


def deals_of(extractor, text: str, date: str | None = None) -> dict[str, object]:
    return {d.system: d for d in extractor.extract_deals(text, date=date)}


# --- stage ------------------------------------------------------------------------------------


def test_a_system_without_a_stage_word_takes_the_documents_first_stage(extractor):
    """'comprend' states the package's contents, not a stage: the approval of the lead stands."""
    deals = deals_of(
        extractor,
        "date 2024-06 Washington a approuvé la vente au Maroc de 18 lanceurs M142 HIMARS. "
        "Le paquet comprend aussi 40 missiles ATACMS.",
    )
    assert (deals["M142 HIMARS"].status, deals["ATACMS"].status) == ("approved", "approved")
    assert (deals["ATACMS"].quantity, deals["ATACMS"].recipient) == (40, "MAR")


@pytest.mark.parametrize(
    ("text", "status", "cue"),
    [
        ("L’Égypte pourrait commander 30 Rafale supplémentaires à la France.", "negotiating", "pourrait"),
        ("Le Caire dément avoir commandé des J-10C à la Chine.", "ordered", "dément"),
        ("Selon des sources, l’Algérie aurait commandé 14 Su-35 à la Russie.", "ordered", "Selon des sources"),
        ("La Serbie a commandé 12 Rafale à la France.", "ordered", ""),
    ],
)
def test_hedge_and_its_cue(extractor, text, status, cue):
    (deal,) = extractor.extract_deals(text)
    assert (deal.status, deal.hedged, deal.hedge_cue) == (status, bool(cue), cue)


# --- evidence and quantity from a system named again ------------------------------------------


def test_a_repeated_system_fills_the_quantity_and_joins_its_evidence(extractor):
    text = "La Serbie a commandé des Rafale à la France. Les 12 Rafale seront livrés en 2026."
    (deal,) = extractor.extract_deals(text)
    assert deal.quantity == 12
    assert deal.evidence == "La Serbie a commandé des Rafale à la France. | Les 12 Rafale seront livrés en 2026."
    assert (deal.evidence_start, deal.evidence_end) == (0, len(text))
    assert deal.status == "ordered"  # the first stage found; 'seront livrés' is later, and in the future


# --- an amount in a sentence naming no system -------------------------------------------------

AMOUNTS = {
    "next-sentence": (
        "La Serbie a commandé 12 Rafale à la France. Cette vente est estimée à 2,7 milliards d’euros.",
        True,
    ),
    "two-sentences-after": (
        "La Serbie a commandé 12 Rafale à la France. Le pays renforce son aviation. "
        "Cette vente est estimée à 2,7 milliards d’euros.",
        True,
    ),
    "three-sentences-after": (
        "La Serbie a commandé 12 Rafale à la France. Le pays renforce son aviation. Le ciel des Balkans reste "
        "calme. Cette vente est estimée à 2,7 milliards d’euros.",
        False,
    ),
    "another-paragraph": (
        "La Serbie a commandé 12 Rafale à la France.\n\nCette vente est estimée à 2,7 milliards d’euros.",
        False,
    ),
}


@pytest.mark.parametrize(("text", "valued"), list(AMOUNTS.values()), ids=list(AMOUNTS))
def test_an_amount_naming_no_system_values_the_deals_up_to_two_sentences_around(extractor, text, valued):
    (deal,) = extractor.extract_deals(text)
    found = (deal.value, deal.currency, deal.value_scope, deal.package_id)
    assert found == ((Decimal("2700000000"), "EUR", "system", "") if valued else (None, "", "", ""))


def test_an_amount_naming_no_system_values_several_deals_as_a_package(extractor):
    text = (
        "La Grèce a commandé 6 Rafale à la France. Elle a aussi commandé 3 frégates FDI. "
        "Cette vente est estimée à 5 milliards d’euros."
    )
    deals = deals_of(extractor, text)
    assert {s: (d.value, d.value_scope) for s, d in deals.items()} == {
        "Rafale": (Decimal("5000000000"), "package"),
        "FDI": (Decimal("5000000000"), "package"),
    }
    assert deals["Rafale"].package_id == deals["FDI"].package_id == f"a{text.index('5 milliards')}"


# --- where the supplier and the recipient come from -------------------------------------------

SOURCES = {
    # text, system, (supplier, supplier_source), (recipient, recipient_source)
    "both-in-the-text": ("La Serbie a commandé 12 Rafale à la France.", "Rafale", ("FRA", "text"), ("SRB", "text")),
    "supplier-from-the-systems-origin": (
        "La Serbie a commandé 12 Rafale.",
        "Rafale",
        ("FRA", "origin"),
        ("SRB", "text"),
    ),
    "recipient-from-the-document": (
        "date 2024-06 Washington a approuvé la vente au Maroc de 18 lanceurs M142 HIMARS. "
        "Le paquet comprend aussi 40 missiles ATACMS.",
        "ATACMS",
        ("USA", "origin"),
        ("MAR", "document"),
    ),
    "category-supplier-from-the-document": (
        "Washington a livré des munitions à Kiev. L’Ukraine a aussi reçu 72 obusiers.",
        "obusier",
        ("USA", "document"),
        ("UKR", "text"),
    ),
}


@pytest.mark.parametrize(("text", "system", "supplier", "recipient"), list(SOURCES.values()), ids=list(SOURCES))
def test_supplier_and_recipient_sources(extractor, text, system, supplier, recipient):
    deal = deals_of(extractor, text)[system]
    assert ((deal.supplier, deal.supplier_source), (deal.recipient, deal.recipient_source)) == (supplier, recipient)


def test_a_category_deal(extractor):
    deal = deals_of(extractor, "Les États-Unis ont fourni 72 obusiers à l’Ukraine.")["obusier"]
    assert (deal.system_kind, deal.category, deal.quantity, deal.status) == ("category", "artillery", 72, "delivered")


# --- consolidation: hedged and status ---------------------------------------------------------


def row(doc_id: str, status: str, hedged: bool, date: str = "2024-06") -> dict[str, object]:
    return {
        "doc_id": doc_id,
        "supplier": "FRA",
        "recipient": "EGY",
        "system": "Rafale",
        "system_kind": "designation",
        "category": "aircraft",
        "quantity": None,
        "value": None,
        "currency": "",
        "status": status,
        "date": date,
        "hedged": hedged,
    }


@pytest.mark.parametrize(
    ("hedges", "hedged"), [((True, True), True), ((True, False), False), ((False, True), False), ((False,), False)]
)
def test_consolidated_hedged_only_when_every_source_hedges(hedges, hedged):
    rows = [row(f"d{i}", "ordered", h) for i, h in enumerate(hedges)]
    (merged,) = consolidate(rows)
    assert (merged["hedged"], merged["sources"]) == (hedged, len(hedges))


@pytest.mark.parametrize(
    ("statuses", "status"),
    [
        (("negotiating", "approved"), "approved"),
        (("delivered", "ordered"), "delivered"),  # the furthest, whatever the date order
        (("ordered", "other"), "ordered"),  # 'other' (cancelled, no stage word) is no stage
        (("other", "other"), "other"),  # no stage at all: the fallback keeps what the sources say
        (("delivered", "donated"), "donated"),
    ],
)
def test_consolidated_status_is_the_furthest_stage(statuses, status):
    rows = [row(f"d{i}", s, False, date=f"202{i}") for i, s in enumerate(statuses)]
    (merged,) = consolidate(rows)
    assert merged["status"] == status
    assert merged["statuses"] == ";".join(dict.fromkeys(statuses))


# --- extract eval: deal scoring ---------------------------------------------------------------


def gold_row(system: str, recipient: str = "MAR", **fields: str) -> dict[str, str]:
    base = {"supplier": "USA", "recipient": recipient, "system": system, "quantity": "", "value": "", "currency": ""}
    return base | {"status": "ordered", "hedged": "false", "date": "2024-06"} | fields


def test_deal_scoring_counts_hits_misses_and_false_alarms():
    gold = [gold_row("M142 HIMARS", quantity="18"), gold_row("ATACMS"), gold_row("F-16 Block 70")]
    found = [
        gold_row("M142 HIMARS", quantity="16"),  # a hit with a wrong quantity
        gold_row("ATACMS", status="approved"),  # a hit with a wrong status
        gold_row("Rafale"),  # a false alarm
        gold_row("F-16 Block 70", recipient="DZA"),  # another recipient: a false alarm, and the F-16 is missed
    ]
    score = DealScore()
    score_deals("d", gold, found, score)
    assert (score.rows.tp, score.rows.fp, score.rows.fn) == (2, 2, 1)
    assert (
        score.fields["quantity"] == [1, 2] and score.fields["status"] == [1, 2] and score.fields["supplier"] == [2, 2]
    )
    kinds = sorted((e["kind"], e["deal"]) for e in score.errors)
    assert kinds == [
        ("field:quantity", "USA->MAR M142 HIMARS"),
        ("field:status", "USA->MAR ATACMS"),
        ("fn", "USA->MAR F-16 Block 70"),
        ("fp", "USA->DZA F-16 Block 70"),
        ("fp", "USA->MAR Rafale"),
    ]


def test_deal_scoring_matches_each_found_row_once():
    score = DealScore()
    score_deals("d", [gold_row("Rafale"), gold_row("Rafale")], [gold_row("Rafale")], score)
    assert (score.rows.tp, score.rows.fp, score.rows.fn) == (1, 0, 1)


def test_consolidate_takes_rows_without_the_optional_columns():
    rows = [
        {"doc_id": "a", "supplier": "FRA", "recipient": "EGY", "system": "Rafale"},
        {"doc_id": "b", "supplier": "FRA", "recipient": "EGY", "system": "Rafale", "date": "2021"},
    ]
    (merged,) = consolidate(rows)
    assert merged == {
        "supplier": "FRA",
        "recipient": "EGY",
        "system": "Rafale",
        "system_kind": "designation",
        "category": "",
        "quantity": None,
        "value": None,
        "currency": "",
        "value_scope": "",
        "status": "",
        "statuses": "",
        "date_first": "2021",
        "date_last": "2021",
        "hedged": False,
        "sources": 2,
        "doc_ids": "b;a",  # in date order, undated last
        "quantities": "",
        "values": "",
    }


def test_the_merged_row_keeps_what_most_sources_give():
    rows = [row(f"d{i}", "ordered", False) for i in range(4)]
    for r, (category, quantity, value, currency, scope) in zip(
        rows,
        [
            ("", None, None, "", ""),
            ("", 24, "4000000000", "EUR", "package"),
            ("aircraft", 24, "4000000000", "EUR", "package"),
            ("", None, "3900000000", "EUR", "system"),
        ],
        strict=True,
    ):
        r.update(category=category, quantity=quantity, currency=currency, value_scope=scope)
        r["value"] = None if value is None else Decimal(value)
    (merged,) = consolidate(rows)
    assert {k: merged[k] for k in ("category", "quantity", "value", "currency", "value_scope")} == {
        "category": "aircraft",  # the one source that gives it; empty cells are not a category
        "quantity": 24,
        "value": Decimal("4000000000"),
        "currency": "EUR",
        "value_scope": "package",
    }
    assert (merged["quantities"], merged["values"]) == ("24", "4000000000 EUR;3900000000 EUR")


def test_consolidate_fills_missing_cells_and_orders_rows():
    rafale = {"supplier": "FRA", "recipient": "EGY", "system": "Rafale"}
    rows = [
        rafale | {"doc_id": "b", "value": Decimal("5")},  # no currency, scope, date or kind
        rafale | {"doc_id": "a", "system_kind": "designation"},
        {"supplier": "USA", "recipient": "MAR", "system": "M142 HIMARS", "date": "2024-06"},  # no doc_id
        {"supplier": "USA", "recipient": "MAR", "system": "M142 HIMARS", "date": "2024-06", "quantity": 18},
    ]
    merged, himars = consolidate(rows)  # most sources first (rows without a doc_id count as one)
    assert (himars["system"], himars["doc_ids"], himars["quantity"]) == ("M142 HIMARS", "", 18)
    assert {k: merged[k] for k in ("doc_ids", "sources", "system_kind", "value", "currency", "value_scope")} == {
        "doc_ids": "a;b",  # undated rows by doc_id
        "sources": 2,
        "system_kind": "designation",
        "value": Decimal("5"),
        "currency": "",
        "value_scope": "",
    }
    assert (merged["values"], merged["date_first"], merged["date_last"]) == ("5", "", "")
