"""Who sells when a sentence names several candidates: the countries of a list of sellers, the
partner of a joint programme, not the maker of another system (see `extract.deals.actors`)."""

from __future__ import annotations

from extract.deals.actors import Actor
from extract.deals.record import Deal
from extract.deals.sentence import SentenceFacts, own_count
from extract.pipes.items import Candidate


def co_producer(actors: list[Actor], weapon: Candidate) -> str:
    """A partner of a joint programme the sentence names as a party with no role of its own, or as
    one buyer beside another: the seller ('Ankara a signé avec Londres un accord portant sur 20
    Eurofighter', 'Le Royaume-Uni et la Turquie ont signé'; weapons.csv column co_producers)."""
    partners = weapon.extra.get("co_producers", ())
    named = [a for a in actors if a.country in partners and a.role in ("", "recipient")]
    buyers = [a for a in actors if a.role == "recipient" and a.country not in partners]
    named = [a for a in named if a.role == "" or buyers]
    if not named:
        return ""
    return min(named, key=lambda a: abs(a.candidate.start - weapon.start)).country


def listed_suppliers(actors: list[Actor], supplier: str, weapons: list[Candidate]) -> list[str]:
    """The supplier and the countries named in one list with it ('Les Pays-Bas, le Danemark et la
    Norvège se sont engagés à céder'): each supplies. Only names of distinct countries count: one
    demonym for two ('le groupe franco-allemand KNDS') is one supplier, the system's origin; items
    that each name their own system ('la France (FREMM) et l'Allemagne (MEKO A-200)') sell that one."""
    chosen = next((a for a in actors if a.role == "supplier" and a.country == supplier), None)
    if chosen is None:
        return [supplier]
    present = {id(a) for a in actors}
    listed = [
        a
        for a in chosen.listed_with
        if id(a) in present and a.role == "supplier" and a.candidate.form_kind in LISTED_FORMS
    ]
    if len({a.candidate.start for a in listed}) != len(listed) or len(listed) < 2:
        return [supplier]
    if any(w.start - a.candidate.end == 1 for a in listed for w in weapons):
        return [supplier]  # 'la France (FREMM)': a system in the item's own aside
    return list(dict.fromkeys(a.country for a in listed))


#: Forms of a country that make it an item of a list of suppliers.
LISTED_FORMS = ("name", "capital")


def seller_counts(facts: SentenceFacts, deals: list[Deal]) -> None:
    """The quantities of rows from a list of sellers: each seller's own count where one has it
    ('acheté 12 Typhoon au Qatar et 12 à Oman'), else none, the count being a joint total ('Les
    Pays-Bas, le Danemark et la Norvège ... une soixantaine d'appareils')."""
    owns = {deal.supplier: own_count(facts, deal.supplier, "supplier") for deal in deals}
    for deal in deals:
        if owns[deal.supplier] is not None:
            deal.quantity = owns[deal.supplier]
        elif not any(owns.values()):
            deal.quantity, deal.counted_by_name = None, False
