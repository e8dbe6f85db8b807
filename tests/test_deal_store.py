"""The run's deals kept for consolidation (`extract.deal_store`): the consolidated table is the same
as from the full rows, and the store holds far less memory than the rows."""

from __future__ import annotations

import pickle
import tracemalloc
from decimal import Decimal
from pathlib import Path

import pytest

from extract.deal_store import CONSOLIDATION_FIELDS, DealStore
from extract.deals.consolidate import consolidate, consolidate_transfers

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.fixture(scope="module")
def sample_deals(fast_extractor) -> list[dict]:
    """The typed deals.csv rows of every sample, twice (so that consolidation has sources to merge)."""
    texts = [(path.stem, path.read_text(encoding="utf-8")) for path in sorted(SAMPLES.glob("*.txt"))]
    rows = []
    for copy in ("a", "b"):
        outputs = fast_extractor.extract_texts((text, None) for _, text in texts)
        for (name, _), output in zip(texts, outputs, strict=True):
            rows.extend(deal.as_row(f"{copy}/{name}") for deal in output.deals)
    return rows


def test_same_consolidated_rows_as_from_the_full_rows(sample_deals):
    store = DealStore()
    store.extend(sample_deals)
    assert len(store) == len(sample_deals) > 100
    merged = consolidate(store.drain())
    assert merged == consolidate(sample_deals)
    assert any(row["sources"] > 1 for row in merged)
    assert len(store) == 0  # drained


def test_transfers_give_the_same_consolidated_rows_group_by_group(sample_deals):
    """The run's path: the store hands one transfer key's deals at a time, keys in order."""
    store = DealStore()
    store.extend(sample_deals)
    groups = list(store.transfers())
    keys = [
        (g[0]["supplier"], g[0]["recipient"], g[0]["system"], g[0].get("system_kind") or "designation") for g in groups
    ]
    assert keys == sorted(set(keys))  # one group per key, in order
    assert sum(map(len, groups)) == len(sample_deals)
    assert len(store) == 0
    assert list(consolidate_transfers(groups)) == consolidate(sample_deals)
    assert list(consolidate_transfers([])) == []


def test_consolidation_holds_merged_rows_as_tuples_not_dicts(sample_deals):
    """Peak memory of consolidating a run: the merged rows wait as tuples until sorted."""
    rows = sample_deals * 20  # a long run's worth of deals

    def traced_peak(work):
        store = DealStore()
        store.extend(rows)
        tracemalloc.start()
        written = sum(1 for _ in work(store))
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return written, peak

    lean = traced_peak(lambda store: consolidate_transfers(store.transfers()))
    whole = traced_peak(lambda store: consolidate(store.drain()))
    assert lean[0] == whole[0] > 0
    assert lean[1] < 0.5 * whole[1]


def test_the_store_keeps_a_fraction_of_the_rows_memory(sample_deals):
    def traced_bytes(make):
        data = pickle.dumps(sample_deals)  # as rows arrive from workers: fresh objects
        tracemalloc.start()
        kept = make(pickle.loads(data))
        used = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        assert kept is not None
        return used

    def stored(rows):
        store = DealStore()
        store.extend(rows)
        return store

    assert traced_bytes(stored) < 0.4 * traced_bytes(lambda rows: rows)


@pytest.mark.parametrize(
    ("row", "given"),
    [
        (
            {"doc_id": "d", "supplier": "", "recipient": "UKR", "system": "Caesar", "hedged": False},
            {"doc_id": "d", "supplier": "", "recipient": "UKR", "system": "Caesar", "hedged": False},
        ),
        (
            {"supplier": "FRA", "recipient": "IND", "system": "Rafale", "quantity": 0, "value": Decimal("0")},
            {"supplier": "FRA", "recipient": "IND", "system": "Rafale", "quantity": 0, "value": Decimal("0")},
        ),
        (
            {"supplier": "FRA", "recipient": "IND", "system": "Rafale", "currency": "", "date": None},
            {"supplier": "FRA", "recipient": "IND", "system": "Rafale"},
        ),
        (
            {"supplier": "FRA", "recipient": "IND", "system": "Rafale", "evidence": "...", "sentence": "..."},
            {"supplier": "FRA", "recipient": "IND", "system": "Rafale"},
        ),
    ],
    ids=["empty-key-field-kept", "zero-and-false-kept", "empty-optional-left-out", "other-fields-left-out"],
)
def test_what_a_row_gives_back(row, given):
    store = DealStore()
    store.extend([row])
    assert list(store.drain()) == [given]


def test_repeated_texts_are_shared():
    # as rows come from separate deals: equal texts, separate objects
    rows = [{"supplier": "".join(["US", "A"]), "recipient": "MAR", "system": "F-16"} for _ in range(3)]
    assert rows[0]["supplier"] is not rows[1]["supplier"]
    store = DealStore()
    store.extend(rows)
    first, second, _ = store.drain()
    assert first["supplier"] is second["supplier"]
    assert set(CONSOLIDATION_FIELDS) >= {"supplier", "recipient", "system"}


def test_values_keep_their_type():
    """Sharing is for texts only: 1 == True == Decimal(1) and 0 == False, but a quantity stays an
    int, an amount a Decimal and the hedged flag a bool (the tables write them differently)."""
    rows = [
        {"supplier": "FRA", "recipient": "IND", "system": "Rafale", "quantity": 1, "hedged": True},
        {"supplier": "FRA", "recipient": "IND", "system": "Rafale", "quantity": 0, "hedged": False},
        {"supplier": "FRA", "recipient": "EGY", "system": "Rafale", "value": Decimal("1")},
    ]
    store = DealStore()
    store.extend(rows)
    given = list(store.drain())
    assert given == rows
    assert [[type(value) for value in row.values()] for row in given] == [
        [type(value) for value in row.values()] for row in rows
    ]
