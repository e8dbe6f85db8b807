"""The deals of a whole run, kept for consolidation in little memory.

Consolidation (`extract.deals.consolidate`) merges deals across documents, so it needs every deal
of the run at the end. A typed deals.csv row is about 1 kB of Python objects (evidence, sentence,
twenty fields); the store keeps only the fields consolidation reads, as a tuple per deal with
repeated texts shared, about 0.2 kB: at 30,000 deals (5,000 deal-dense documents) that is 6 MB
instead of 30, and the peak memory of a run no longer grows with the corpus.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from extract.deals.consolidate import transfer_key

#: the deals.csv fields consolidation reads; the others stay in the deals table on disk
CONSOLIDATION_FIELDS = (
    "doc_id",
    "supplier",
    "recipient",
    "system",
    "system_kind",
    "category",
    "quantity",
    "value",
    "currency",
    "value_scope",
    "status",
    "date",
    "hedged",
)
#: always present in a row given back (consolidation reads them with `row[...]`); the others are
#: read with `row.get(...)`, so an empty one is left out of the row
KEY_FIELDS = frozenset({"supplier", "recipient", "system"})
#: the fields `consolidate.transfer_key` reads
_KEY_READ = ("supplier", "recipient", "system", "system_kind")


class DealStore:
    """Deals added one by one (typed rows), given back once for consolidation as small dicts.

    >>> store = DealStore()
    >>> store.extend([{"doc_id": "a", "supplier": "USA", "recipient": "MAR", "system": "HIMARS",
    ...                "quantity": 18, "currency": "", "evidence": "Washington a approuvé..."}])
    >>> list(store.drain())
    [{'doc_id': 'a', 'supplier': 'USA', 'recipient': 'MAR', 'system': 'HIMARS', 'quantity': 18}]
    >>> len(store)
    0
    """

    def __init__(self) -> None:
        self._rows: list[tuple[Any, ...]] = []
        self._texts: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._rows)

    def extend(self, rows: Iterable[dict[str, Any]]) -> None:
        """Keep the consolidation fields of these deal rows."""
        for row in rows:
            self._rows.append(tuple(self._shared(row.get(name)) for name in CONSOLIDATION_FIELDS))

    def _shared(self, value: Any) -> Any:
        """One object per distinct text ('USA', 'signed', a doc_id): rows unpickled from workers
        bring a new copy of each."""
        return self._texts.setdefault(value, value) if isinstance(value, str) else value

    def drain(self) -> Iterator[dict[str, Any]]:
        """Every deal as a dict of its consolidation fields, in the order added; the store empties
        as they are given, so the tuples and the dicts are not all held at once."""
        rows, self._rows = self._rows, []
        rows.reverse()
        while rows:
            yield self._as_dict(rows.pop())
        self._texts.clear()

    def transfers(self) -> Iterator[list[dict[str, Any]]]:
        """The deals grouped by transfer key (`consolidate.transfer_key`), keys in sorted order,
        each group made into dicts only when its turn comes; the store empties as they are given."""
        positions = [CONSOLIDATION_FIELDS.index(name) for name in _KEY_READ]
        by_key: dict[tuple[Any, ...], list[tuple[Any, ...]]] = {}
        for values in self._rows:
            key = transfer_key({name: values[i] for name, i in zip(_KEY_READ, positions, strict=True)})
            by_key.setdefault(key, []).append(values)
        self._rows = []
        for key in sorted(by_key):
            yield [self._as_dict(values) for values in by_key.pop(key)]
        self._texts.clear()

    @staticmethod
    def _as_dict(values: tuple[Any, ...]) -> dict[str, Any]:
        return {
            name: value
            for name, value in zip(CONSOLIDATION_FIELDS, values, strict=True)
            if name in KEY_FIELDS or (value is not None and value != "")
        }
