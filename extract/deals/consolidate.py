"""Merge the deal rows of many documents that report the same transfer.

Ten outlets rewriting one DSCA notice give ten rows; researchers want one, with its
sources. Rows merge when supplier, recipient and system agree and the facts are
compatible: quantities equal (or one missing), values in the same currency within
VALUE_TOLERANCE (or one missing), dates at most DATE_WINDOW_YEARS apart (or one missing).
A row joins the first compatible group (rows taken in date order); the merged row keeps
the quantity and value most sources give, and the furthest stage any source reports.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from extract.deals.record import STEPS
from extract.numbers import format_number

VALUE_TOLERANCE = Decimal("0.10")
DATE_WINDOW_YEARS = 3
#: Later stages win when sources disagree; 'other' (cancelled, suspended...) is reported apart.
STAGE_ORDER = (*STEPS, "donated")


def _year(date: str) -> int | None:
    return int(date[:4]) if date[:4].isdigit() else None


Row = dict[str, Any]


@dataclass
class _Group:
    rows: list[Row] = field(default_factory=list)

    def accepts(self, row: Row) -> bool:
        return all(_compatible(row, other) for other in self.rows)


def _compatible(a: Row, b: Row) -> bool:
    qa, qb = a.get("quantity"), b.get("quantity")
    if qa is not None and qb is not None and qa != qb:
        return False
    va, vb = a.get("value"), b.get("value")
    if va is not None and vb is not None:
        if a.get("currency") != b.get("currency"):
            return False
        if abs(va - vb) > VALUE_TOLERANCE * max(va, vb):
            return False
    ya, yb = _year(a.get("date", "")), _year(b.get("date", ""))
    return ya is None or yb is None or abs(ya - yb) <= DATE_WINDOW_YEARS


def _most_common(values: Iterable[Any]) -> Any:
    counted = Counter(v for v in values if v is not None and v != "")
    return counted.most_common(1)[0][0] if counted else None


def _merged(group: _Group) -> Row:
    rows = group.rows
    first = rows[0]
    value_pairs = Counter(
        (r["value"], r.get("currency", ""), r.get("value_scope", "")) for r in rows if r.get("value") is not None
    )
    value, currency, scope = value_pairs.most_common(1)[0][0] if value_pairs else (None, "", "")
    statuses = [r.get("status", "") for r in rows]
    staged = [s for s in statuses if s in STAGE_ORDER]
    dates = sorted(r.get("date", "") for r in rows if r.get("date"))
    doc_ids = list(dict.fromkeys(r.get("doc_id", "") for r in rows))
    return {
        "supplier": first["supplier"],
        "recipient": first["recipient"],
        "system": first["system"],
        "system_kind": first.get("system_kind") or "designation",
        "category": _most_common(r.get("category", "") for r in rows) or "",
        "quantity": _most_common(r.get("quantity") for r in rows),
        "value": value,
        "currency": currency,
        "value_scope": scope,
        "status": max(staged, key=STAGE_ORDER.index) if staged else _most_common(statuses) or "",
        "statuses": ";".join(dict.fromkeys(s for s in statuses if s)),
        "date_first": dates[0] if dates else "",
        "date_last": dates[-1] if dates else "",
        "hedged": all(r.get("hedged") is True for r in rows),
        "sources": len(doc_ids),
        "doc_ids": ";".join(doc_ids),
        "quantities": ";".join(dict.fromkeys(str(r["quantity"]) for r in rows if r.get("quantity") is not None)),
        "values": ";".join(
            dict.fromkeys(
                f"{format_number(r['value'])} {r.get('currency', '')}".strip()
                for r in rows
                if r.get("value") is not None
            )
        ),
    }


def transfer_key(row: Row) -> tuple[str, str, str, str]:
    """The rows that may merge share supplier, recipient, system and the kind of system name."""
    return (row["supplier"], row["recipient"], row["system"], row.get("system_kind") or "designation")


def merge_transfer(rows: Iterable[Row]) -> list[Row]:
    """The merged rows of one transfer key's rows: each row joins the first compatible group,
    rows taken in date order (undated last), then by document."""
    groups: list[_Group] = []
    for row in sorted(rows, key=lambda r: (r.get("date", "") or "9999", r.get("doc_id", ""))):
        target = next((g for g in groups if g.accepts(row)), None)
        if target is None:
            target = _Group()
            groups.append(target)
        target.rows.append(row)
    return [_merged(g) for g in groups]


def consolidate_transfers(transfers: Iterable[list[Row]]) -> Iterator[Row]:
    """One row per transfer across documents, most sourced first, from each transfer key's rows
    (keys in sorted order). Merged rows wait as tuples, not dicts: a run's thousands of
    transfers are held in little memory until sorted."""
    fields: tuple[str, ...] = ()
    kept: list[tuple[Any, ...]] = []
    for rows in transfers:
        for row in merge_transfer(rows):
            fields = fields or tuple(row)
            kept.append(tuple(row.values()))
    if not kept:
        return
    sources, *names = (fields.index(name) for name in ("sources", "supplier", "recipient", "system", "date_first"))
    kept.sort(key=lambda values: (-values[sources], *(values[i] for i in names)))
    for values in kept:
        yield dict(zip(fields, values, strict=True))


def consolidate(rows: Iterable[Row]) -> list[Row]:
    """One row per transfer across documents (see the module docstring for the merge rule).

    Rows are typed deals.csv rows (`Deal.as_row`, or `DEALS.parse` of a CSV row).
    """
    by_key: dict[tuple[str, str, str, str], list[Row]] = {}
    for row in rows:
        by_key.setdefault(transfer_key(row), []).append(row)
    return list(consolidate_transfers(by_key[key] for key in sorted(by_key)))
