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
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

VALUE_TOLERANCE = Decimal("0.10")
DATE_WINDOW_YEARS = 3
#: Later stages win when sources disagree; 'other' (cancelled, suspended...) is reported apart.
STAGE_ORDER = ("negotiating", "approved", "ordered", "delivered", "donated")
CONSOLIDATED_COLUMNS = [
    "supplier",
    "recipient",
    "system",
    "category",
    "quantity",
    "value",
    "currency",
    "value_scope",
    "status",
    "statuses",
    "date_first",
    "date_last",
    "hedged",
    "sources",
    "doc_ids",
    "quantities",
    "values",
]


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text) if text else None
    except InvalidOperation:
        return None


def _year(date: str) -> int | None:
    return int(date[:4]) if date[:4].isdigit() else None


@dataclass
class _Group:
    rows: list[dict[str, str]] = field(default_factory=list)

    def accepts(self, row: dict[str, str]) -> bool:
        return all(_compatible(row, other) for other in self.rows)


def _compatible(a: dict[str, str], b: dict[str, str]) -> bool:
    if a.get("quantity") and b.get("quantity") and a["quantity"] != b["quantity"]:
        return False
    va, vb = _decimal(a.get("value", "")), _decimal(b.get("value", ""))
    if va is not None and vb is not None:
        if a.get("currency") != b.get("currency"):
            return False
        if abs(va - vb) > VALUE_TOLERANCE * max(va, vb):
            return False
    ya, yb = _year(a.get("date", "")), _year(b.get("date", ""))
    return ya is None or yb is None or abs(ya - yb) <= DATE_WINDOW_YEARS


def _most_common(values: Iterable[str]) -> str:
    counted = Counter(v for v in values if v)
    return counted.most_common(1)[0][0] if counted else ""


def _merged(group: _Group) -> dict[str, str]:
    rows = group.rows
    first = rows[0]
    value_pairs = Counter(
        (r.get("value", ""), r.get("currency", ""), r.get("value_scope", "")) for r in rows if r.get("value")
    )
    value, currency, scope = value_pairs.most_common(1)[0][0] if value_pairs else ("", "", "")
    statuses = [r.get("status", "") for r in rows]
    staged = [s for s in statuses if s in STAGE_ORDER]
    dates = sorted(r.get("date", "") for r in rows if r.get("date"))
    doc_ids = list(dict.fromkeys(r.get("doc_id", "") for r in rows))
    return {
        "supplier": first["supplier"],
        "recipient": first["recipient"],
        "system": first["system"],
        "category": _most_common(r.get("category", "") for r in rows),
        "quantity": _most_common(r.get("quantity", "") for r in rows),
        "value": value,
        "currency": currency,
        "value_scope": scope,
        "status": max(staged, key=STAGE_ORDER.index) if staged else _most_common(statuses),
        "statuses": ";".join(dict.fromkeys(s for s in statuses if s)),
        "date_first": dates[0] if dates else "",
        "date_last": dates[-1] if dates else "",
        "hedged": "true" if all(r.get("hedged") == "true" for r in rows) else "false",
        "sources": str(len(doc_ids)),
        "doc_ids": ";".join(doc_ids),
        "quantities": ";".join(dict.fromkeys(r["quantity"] for r in rows if r.get("quantity"))),
        "values": ";".join(
            dict.fromkeys(f"{r['value']} {r.get('currency', '')}".strip() for r in rows if r.get("value"))
        ),
    }


def consolidate(rows: Iterable[dict[str, str]]) -> list[dict[str, str]]:
    """One row per transfer across documents (see the module docstring for the merge rule)."""
    groups: dict[tuple[str, str, str], list[_Group]] = {}
    ordered = sorted(rows, key=lambda r: (r.get("date", "") or "9999", r.get("doc_id", "")))
    for row in ordered:
        key = (row["supplier"], row["recipient"], row["system"])
        candidates = groups.setdefault(key, [])
        target = next((g for g in candidates if g.accepts(row)), None)
        if target is None:
            target = _Group()
            candidates.append(target)
        target.rows.append(row)
    merged = [_merged(g) for key in sorted(groups) for g in groups[key]]
    return sorted(
        merged, key=lambda r: (-int(r["sources"]), r["supplier"], r["recipient"], r["system"], r["date_first"])
    )
