"""One deal record (a deals.csv row) and how records of one system named twice are merged."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import asdict, dataclass, field, fields, replace
from decimal import Decimal
from typing import Any

from extract.io.tables import DEALS


@dataclass
class Deal:
    """One transfer reported by a document."""

    supplier: str
    recipient: str
    system: str
    category: str = ""
    #: 'designation' (a named system) or 'category' (a counted noun: '72 obusiers')
    system_kind: str = "designation"
    quantity: int | None = None
    value: Decimal | None = None
    currency: str = ""
    status: str = "other"
    date: str = ""
    hedged: bool = False
    evidence: str = ""
    evidence_start: int = 0
    evidence_end: int = 0
    value_scope: str = ""
    package_id: str = ""
    supplier_source: str = ""
    recipient_source: str = ""
    hedge_cue: str = ""
    #: whether `status` came from a trigger word (not the 'other' default)
    staged: bool = field(default=False, repr=False)
    #: whether `date` comes from a date in the deal's sentence (not the document date)
    dated: bool = field(default=False, repr=False)
    #: whether `quantity` counts the named system, not a noun standing for it ('42 chars supplémentaires')
    counted_by_name: bool = field(default=False, repr=False)
    #: indexes of the sentences that name the system
    sentences: list[int] = field(default_factory=list, repr=False)

    def shifted(self, offset: int) -> Deal:
        """The same deal with offsets moved by `offset` (a piece's place in its text)."""
        package = f"a{int(self.package_id[1:]) + offset}" if self.package_id.startswith("a") else self.package_id
        return replace(
            self,
            evidence_start=self.evidence_start + offset,
            evidence_end=self.evidence_end + offset,
            package_id=package,
            sentences=list(self.sentences),
        )

    def as_row(self, doc_id: str) -> dict[str, Any]:
        """The deal as a typed deals.csv row; package ids (the amount's offset) are made unique by the doc_id."""
        row = {k: getattr(self, k) for k in DEALS.names if k != "doc_id"}
        row["package_id"] = f"{doc_id}#{self.package_id}" if self.package_id else ""
        return {"doc_id": doc_id, **row}

    def as_plain(self) -> dict[str, Any]:
        """The deal as a dict of plain types (a spaCy Doc extension must serialize): value as text."""
        plain = asdict(self)
        plain["value"] = None if self.value is None else str(self.value)
        return plain

    @classmethod
    def from_plain(cls, plain: dict[str, Any]) -> Deal:
        """The inverse of `as_plain`."""
        known = {f.name for f in fields(cls)}
        deal = cls(**{k: v for k, v in plain.items() if k in known})
        deal.value = None if plain.get("value") is None else Decimal(plain["value"])
        return deal


def date_deals_from_mentions(deals: list[Deal], mentions: list[Any]) -> None:
    """Give a deal the date its evidence states once the document is read: a weekday ('a signé
    mardi') or a partial date completed from the whole text."""
    dates = sorted((m for m in mentions if m.label == "DATE" and m.value), key=lambda m: m.start)
    starts = [m.start for m in dates]  # a deal looks at the dates from its evidence's start only
    for deal in deals:
        if deal.dated:
            continue
        for m in dates[bisect_left(starts, deal.evidence_start) : bisect_left(starts, deal.evidence_end)]:
            if m.end <= deal.evidence_end:
                deal.date, deal.dated = m.value, True
                break


def _further(new: Deal, kept: Deal) -> bool:
    """An intention followed by an approval or an order ('a annoncé son intention d'acheter...
    Le contrat a été signé'); later stages otherwise do not replace the first (measured worse)."""
    return not new.hedged and kept.status == "negotiating" and new.status in ("approved", "ordered")


#: Stages from the first step of a transfer to the last.
STEPS = ("negotiating", "approved", "ordered", "delivered")


def merge_deals(kept: Deal, new: Deal) -> None:
    """A system named again: fill what the first mention lacked."""
    kept.sentences.extend(new.sentences)
    # the first stated stage, unless only the document named the recipient there and this
    # sentence names it ('Le CAESAR est demandé. ... cédé à l'Ukraine'), or it was an intention
    named_here = kept.recipient_source == "document" and new.recipient_source == "text"
    if new.staged and (not kept.staged or (named_here and not new.hedged) or _further(new, kept)):
        kept.status, kept.hedged, kept.hedge_cue, kept.staged = new.status, new.hedged, new.hedge_cue, True
    elif not kept.staged and not kept.status:
        kept.status = new.status  # a stage-less trigger's default ('la vente de...')
    if named_here:
        kept.recipient_source = "text"
    # the count of the named system beats one of a noun standing for it ('le calendrier comprend 42 chars
    # supplémentaires. [...] Cet accord comprend 108 chars M1A2T')
    if kept.quantity is None or (new.quantity is not None and new.counted_by_name and not kept.counted_by_name):
        kept.quantity, kept.counted_by_name = new.quantity, new.counted_by_name
    if not kept.dated and new.dated:  # a headline without a date, then the sentence that gives it
        kept.date, kept.dated = new.date, True
    if new.evidence_start > kept.evidence_start and new.evidence not in kept.evidence:
        kept.evidence = f"{kept.evidence} | {new.evidence}"
        kept.evidence_end = max(kept.evidence_end, new.evidence_end)
    if kept.value is None and new.value is not None:
        kept.value, kept.currency, kept.value_scope, kept.package_id = (
            new.value,
            new.currency,
            new.value_scope,
            new.package_id,
        )


#: A designation joining two variants with a slash: 'Gripen E/F', 'F-16C/D Block 52'.
PAIRED_VARIANTS = re.compile(r"^(?P<head>.*?)(?P<first>[\w-]+)/(?P<second>\w+)(?P<tail>.*)$")


def variant_parts(system: str) -> set[str]:
    """The two variants a paired designation names: 'Gripen E/F' -> Gripen E, Gripen F;
    'F-16C/D Block 52' -> F-16C Block 52, F-16D Block 52."""
    match = PAIRED_VARIANTS.match(system)
    if match is None:
        return set()
    head, first, second, tail = match["head"], match["first"], match["second"], match["tail"]
    if head.endswith(" ") and len(first) == len(second):
        return {f"{head}{first}{tail}", f"{head}{second}{tail}"}  # a whole word each: 'Gripen E/F'
    if len(second) != 1 or not first[-1].isalpha() or not any(c.isdigit() for c in first):
        return set()  # 'Su-30MK/MKI': not two letters of one model
    return {f"{head}{first}{tail}", f"{head}{first[: -len(second)]}{second}{tail}"}  # 'F-16C/D


def fold_paired_variants(deals: list[Deal]) -> list[Deal]:
    """Rows of the two variants a paired row names ('15 Gripen E et 2 Gripen F' beside 'Gripen E/F')
    are that transfer: they are merged into it."""
    kept = list(deals)
    for paired in deals:
        parts = variant_parts(paired.system)
        for part in [
            d for d in kept if d.system in parts and (d.supplier, d.recipient) == (paired.supplier, paired.recipient)
        ]:
            merge_deals(paired, part)
            kept.remove(part)
    return kept


def fold_families(deals: list[Deal], families: dict[str, str]) -> list[Deal]:
    """A family row ('IRIS-T', 'Rafale') is the same transfer as the one variant row of its pair
    ('IRIS-T SLM', 'Rafale F3R'): it is merged into it when their quantities do not differ. With
    several variants ('K9A1', 'K9PL') or another quantity ('1000 K2', '800 K2PL') rows stay apart."""
    kept = list(deals)
    for family_row in deals:
        variants = [
            d
            for d in kept
            if families.get(d.system) == family_row.system
            and (d.supplier, d.recipient) == (family_row.supplier, family_row.recipient)
        ]
        if len(variants) != 1 or family_row.quantity not in (None, variants[0].quantity):
            continue
        variant = variants[0]
        first, second = sorted((family_row, variant), key=lambda d: d.evidence_start)
        merge_deals(first, second)
        first.system, first.category, first.system_kind = variant.system, variant.category, variant.system_kind
        kept.remove(second)
    return kept
