"""Deal records: roles, stages, hedges, quantities and values, then consolidation across documents."""

from __future__ import annotations

import csv
from decimal import Decimal

import pytest

from extract.cli import main
from extract.deals.consolidate import consolidate
from extract.io.tables import DEALS, cell_text
from tests.conftest import SEED


def only_deal(extractor, text: str, system: str, date: str = "2024-06"):
    deals = [d for d in extractor.extract_deals(text, date=date) if d.system == system]
    assert len(deals) == 1, f"expected one {system} deal, got {[d.as_row('t') for d in deals]}"
    return deals[0]


ROLES = {
    # provenance: the role patterns of the issue
    "recipient-subject-acquiert": ("Le Maroc acquiert 18 lanceurs M142 HIMARS.", "M142 HIMARS", "USA", "MAR"),
    "vente-au": ("Washington approuve la vente au Maroc de 18 lanceurs HIMARS.", "M142 HIMARS", "USA", "MAR"),
    "vente-aux": ("Paris a finalisé la vente aux Émirats arabes unis de 80 Rafale.", "Rafale", "FRA", "ARE"),
    "livrer-a": ("La Turquie a livré à l'Éthiopie plusieurs drones Bayraktar TB2.", "Bayraktar TB2", "TUR", "ETH"),
    "de-la-part-de": (
        "Le Maroc a reçu une autorisation de la part des États-Unis pour des missiles ATACMS.",
        "ATACMS",
        "USA",
        "MAR",
    ),
    "supplier-subject-approuve": (
        "Les États-Unis approuvent la vente de missiles Patriot à la Pologne.",
        "Patriot",
        "USA",
        "POL",
    ),
    "fourni-par": (
        "Des radars Ground Master 400 fournis par la France équiperont l'armée indonésienne.",
        "Ground Master 400",
        "FRA",
        "IDN",
    ),
    "demonym-after-agency": (
        "Le Département d'État américain a autorisé la vente de F-16 à la Jordanie.",
        "F-16",
        "USA",
        "JOR",
    ),
    "capital-subject": ("Alger a commandé 14 Su-35 à Moscou.", "Su-35", "RUS", "DZA"),
    "achete-a": ("L'Inde achète des Rafale à la France.", "Rafale", "FRA", "IND"),
    "commande-par": ("La commande par l'Égypte de 30 Rafale a été confirmée.", "Rafale", "FRA", "EGY"),
    "origin-fallback": ("Le Nigeria a reçu ses premiers hélicoptères AH-1Z.", "AH-1Z", "USA", "NGA"),
    "manufacturer-country": ("Le Brésil a commandé 36 JAS 39 Gripen à Saab.", "JAS 39 Gripen", "SWE", "BRA"),
}


@pytest.mark.parametrize(("text", "system", "supplier", "recipient"), list(ROLES.values()), ids=list(ROLES))
def test_roles(extractor, text, system, supplier, recipient):
    deal = only_deal(extractor, text, system)
    assert (deal.supplier, deal.recipient) == (supplier, recipient)


STATUSES = {
    "approuve": ("Washington approuve la vente de 18 HIMARS au Maroc.", "M142 HIMARS", "approved"),
    "feu-vert": ("Le Congrès a donné son feu vert à la vente de F-35 à la Grèce.", "F-35", "approved"),
    "notifie": ("La DSCA a notifié le Congrès d'une vente de missiles ATACMS au Maroc.", "ATACMS", "approved"),
    "commande": ("L'Égypte a commandé 30 Rafale supplémentaires.", "Rafale", "ordered"),
    "contrat-signe": ("L'Indonésie a signé un contrat pour 42 Rafale.", "Rafale", "ordered"),
    "acquiert": ("La Serbie acquiert 12 Rafale.", "Rafale", "ordered"),
    "livre": ("La France a livré les premiers CAESAR à l'Arménie.", "CAESAR", "delivered"),
    "livraison": ("La livraison des Su-35 à l'Algérie a commencé.", "Su-35", "delivered"),
    "receptionne": ("Le Maroc a réceptionné ses premiers drones Bayraktar TB2.", "Bayraktar TB2", "delivered"),
    "negociations": ("L'Inde mène des négociations avec la France sur 26 Rafale Marine.", "Rafale M", "negotiating"),
    "interesse": ("Le Sénégal s'intéresse aux drones Bayraktar TB2 turcs.", "Bayraktar TB2", "negotiating"),
    "envisage": ("La Roumanie envisage l'achat de chars K2 Black Panther.", "K2 Black Panther", "negotiating"),
    "appel-d-offres": (
        "La Suisse a lancé un appel d'offres où le Rafale et le F-35 sont en compétition.",
        "Rafale",
        "negotiating",
    ),
    "don": ("L'Allemagne a fait don de systèmes IRIS-T SLM à l'Ukraine.", "IRIS-T SLM", "donated"),
    "cede": ("La Belgique cède ses F-16 à l'Ukraine.", "F-16", "donated"),
    "aide-militaire": (
        "Dans le cadre de l'aide militaire, Berlin envoie des Leopard 2 à Kiev.",
        "Leopard 2",
        "donated",
    ),
    "annule": ("La Suisse annule l'achat de Patriot américains.", "Patriot", "other"),
}


@pytest.mark.parametrize(("text", "system", "status"), list(STATUSES.values()), ids=list(STATUSES))
def test_status_triggers(extractor, text, system, status):
    assert only_deal(extractor, text, system).status == status


HEDGES = {
    "pourrait": ("L'Algérie pourrait acquérir des Su-57.", "Su-57", True),
    "aurait-commande": ("L'Égypte aurait commandé des J-10C.", "J-10C", True),
    "selon-des-sources": ("Selon des sources, le Maroc commande des Bayraktar Akinci.", "Bayraktar Akinci", True),
    "dement": ("Le Caire dément avoir commandé des J-10C chinois.", "J-10C", True),
    "aucun-contrat": ("Aucun contrat n'a été signé pour les Rafale serbes.", "Rafale", True),
    "plain-order": ("La Grèce a commandé 20 F-35.", "F-35", False),
    "plain-delivery": ("La France a livré 6 Rafale à la Croatie.", "Rafale", False),
}


@pytest.mark.parametrize(("text", "system", "hedged"), list(HEDGES.values()), ids=list(HEDGES))
def test_hedge_cues(extractor, text, system, hedged):
    assert only_deal(extractor, text, system).hedged is hedged


FIGURES = {
    # (text, system, quantity, value, currency, value_scope)
    "count-before-system": (
        "Le Maroc commande 18 lanceurs M142 HIMARS pour 524 millions de dollars.",
        "M142 HIMARS",
        "18",
        "524000000",
        "USD",
        "system",
    ),
    "number-before-name": (
        "L'Égypte a commandé 30 Rafale pour 4 milliards d'euros.",
        "Rafale",
        "30",
        "4000000000",
        "EUR",
        "system",
    ),
    "package": (
        "La Pologne commande 18 HIMARS et 40 ATACMS pour 2 milliards de dollars.",
        "ATACMS",
        "40",
        "2000000000",
        "USD",
        "package",
    ),
    "casualties-are-not-quantities": (
        "L'attaque a fait 12 morts ; l'armée malienne a depuis reçu des drones Bayraktar TB2.",
        "Bayraktar TB2",
        "",
        "",
        "",
        "",
    ),
    "revenue-is-not-a-value": (
        "Baykar, dont le chiffre d'affaires a atteint 1,8 milliard de dollars, a livré des TB2 au Mali.",
        "Bayraktar TB2",
        "",
        "",
        "",
        "",
    ),
    "budget-is-not-a-value": (
        "Le budget de la défense atteint 22 milliards de dollars ; l'Algérie a reçu des Su-30.",
        "Su-30",
        "",
        "",
        "",
        "",
    ),
}


@pytest.mark.parametrize(
    ("text", "system", "quantity", "value", "currency", "scope"), list(FIGURES.values()), ids=list(FIGURES)
)
def test_quantities_and_values(extractor, text, system, quantity, value, currency, scope):
    deal = only_deal(extractor, text, system)
    found = (cell_text(deal.quantity), cell_text(deal.value), deal.currency, deal.value_scope)
    assert found == (quantity, value, currency, scope)


def test_a_package_value_is_shared_not_copied_as_a_price(extractor):
    deals = extractor.extract_deals(
        "La Pologne commande 18 HIMARS et 40 ATACMS pour 2 milliards de dollars.", date="2024-06"
    )
    packages = {d.package_id for d in deals}
    assert (
        len(deals) == 2 and all(d.value_scope == "package" for d in deals) and len(packages) == 1 and packages != {""}
    )


def test_the_deal_date_is_the_text_date_else_the_document_date(extractor):
    dated = only_deal(extractor, "L'Égypte a commandé 30 Rafale en mai 2021.", "Rafale", date="2024-06")
    undated = only_deal(extractor, "L'Égypte a commandé 30 Rafale.", "Rafale", date="2024-06")
    assert (dated.date, undated.date) == ("2021-05", "2024-06")


def test_no_system_no_deal(extractor):
    assert extractor.extract_deals("Le Maroc renforce sa coopération avec les États-Unis.", date="2024-06") == []


def test_seed_deals(extractor):
    deals = {d.system: d for d in extractor.extract_deals(SEED.read_text(encoding="utf-8"))}
    himars = deals["M142 HIMARS"]
    assert (himars.supplier, himars.recipient, himars.quantity, himars.status) == ("USA", "MAR", 18, "approved")
    assert (himars.value, himars.currency, himars.value_scope) == (Decimal("524000000"), "USD", "package")
    atacms = deals["ATACMS"]
    assert (atacms.supplier, atacms.recipient, atacms.package_id) == ("USA", "MAR", himars.package_id)


def row(doc_id, quantity="", value="", currency="", date="", status="ordered", system="Rafale", hedged="false"):
    """A deals.csv row as read from the file, typed by the table's schema."""
    return DEALS.parse(
        {
            "doc_id": doc_id,
            "supplier": "FRA",
            "recipient": "EGY",
            "system": system,
            "category": "aircraft",
            "quantity": quantity,
            "value": value,
            "currency": currency,
            "value_scope": "system" if value else "",
            "status": status,
            "date": date,
            "hedged": hedged,
        }
    )


CONSOLIDATION = {
    "same-facts-merge": (
        [row("a", "30", "4000000000", "EUR", "2021-05"), row("b", "30", "4000000000", "EUR", "2021-05")],
        [("30", "4000000000", 2)],
    ),
    "missing-fields-are-compatible": (
        [row("a", "30", "", "", "2021-05"), row("b", "", "4000000000", "EUR", "2021")],
        [("30", "4000000000", 2)],
    ),
    "value-within-10-percent": (
        [
            row("a", value="4000000000", currency="EUR"),
            row("b", value="3900000000", currency="EUR"),
            row("c", value="4000000000", currency="EUR"),
        ],
        [("", "4000000000", 3)],
    ),
    "different-quantities-stay-apart": (
        [row("a", "30", date="2021"), row("b", "24", date="2015")],
        [("30", "", 1), ("24", "", 1)],
    ),
    "different-currencies-stay-apart": (
        [row("a", value="4000000000", currency="EUR"), row("b", value="4000000000", currency="USD")],
        [("", "4000000000", 1), ("", "4000000000", 1)],
    ),
    "far-apart-dates-stay-apart": (
        [row("a", "24", date="2015"), row("b", "24", date="2024")],
        [("24", "", 1), ("24", "", 1)],
    ),
    "other-systems-stay-apart": ([row("a", "30"), row("b", "30", system="FREMM")], [("30", "", 1), ("30", "", 1)]),
}


@pytest.mark.parametrize(("rows", "expected"), list(CONSOLIDATION.values()), ids=list(CONSOLIDATION))
def test_consolidation(rows, expected):
    merged = consolidate(rows)
    found = [(cell_text(m["quantity"]), cell_text(m["value"]), m["sources"]) for m in merged]
    assert sorted(found) == sorted(expected)


def test_consolidation_keeps_the_furthest_stage_and_all_sources():
    merged = consolidate(
        [
            row("a", "30", status="approved", date="2020"),
            row("b", "30", status="ordered", date="2021"),
            row("c", "30", status="delivered", date="2023", hedged="true"),
        ]
    )
    assert len(merged) == 1
    m = merged[0]
    assert (m["status"], m["statuses"], m["date_first"], m["date_last"], m["doc_ids"], m["hedged"]) == (
        "delivered",
        "approved;ordered;delivered",
        "2020",
        "2023",
        "a;b;c",
        False,
    )


def test_run_writes_deal_tables(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.txt").write_text(
            "date 2021-05 Nouvelle commande pour l'aviation (DR)\n\nL'Égypte a commandé 30 Rafale pour 4 milliards d'euros.",
            encoding="utf-8",
        )
    out = tmp_path / "out"
    assert main(["run", str(folder), "--out", str(out), "--quiet"]) == 0
    with (out / "deals.csv").open(encoding="utf-8-sig", newline="") as handle:
        deals = list(csv.DictReader(handle))
    with (out / "deals_consolidated.csv").open(encoding="utf-8-sig", newline="") as handle:
        merged = list(csv.DictReader(handle))
    assert [d["doc_id"] for d in deals] == ["a", "b"]
    assert list(deals[0])[:15] == [
        "doc_id",
        "supplier",
        "recipient",
        "system",
        "system_kind",
        "category",
        "quantity",
        "value",
        "currency",
        "status",
        "date",
        "hedged",
        "evidence",
        "evidence_start",
        "evidence_end",
    ]
    text = (folder / "a.txt").read_text(encoding="utf-8")
    assert text[int(deals[0]["evidence_start"]) : int(deals[0]["evidence_end"])] == deals[0]["evidence"]
    assert len(merged) == 1 and merged[0]["sources"] == "2" and merged[0]["doc_ids"] == "a;b"


def test_a_long_text_cut_into_pieces_gives_each_deal_once():
    """A text over MAX_PIECE_CHARS is processed in pieces; a deal named at its start and at its end
    is one row (not one per piece), and a package named in both pieces keeps one id."""
    from extract import Extractor
    from extract.extractor import MAX_PIECE_CHARS

    deal = "Les États-Unis ont approuvé la vente au Maroc de 18 lanceurs M142 HIMARS.\n\n"
    package = "Le paquet de 2 milliards de dollars comprend 40 missiles ATACMS et 10 radars AN/TPQ-53.\n\n"
    filler = "Le ministre a rappelé l'importance de la coopération régionale et du dialogue.\n\n"
    middle = filler * (MAX_PIECE_CHARS // len(filler) + 10)
    text = deal + package + middle + deal + package
    assert len(text) > MAX_PIECE_CHARS
    deals = Extractor(fast=True).extract_deals(text, date="2024-06")
    himars = [d for d in deals if d.system == "M142 HIMARS"]
    assert len(himars) == 1 and himars[0].quantity == 18
    assert sorted(d.system for d in deals) == ["AN/TPQ-53", "ATACMS", "M142 HIMARS"]
    packages = {d.package_id for d in deals if d.value_scope == "package"}
    assert packages == {f"a{text.index('2 milliards')}"}


def test_a_category_row_never_merges_with_a_designation():
    named = {**row("a", "12"), "system": "Mistral", "system_kind": "designation"}
    category = {**row("b", "12"), "system": "Mistral", "system_kind": "category"}
    merged = consolidate([named, category])
    assert sorted(m["system_kind"] for m in merged) == ["category", "designation"]
