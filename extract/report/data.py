"""What the run report shows, computed from the typed tables (`extract.load`).

Every figure counts what the tables hold: deal rows (one per document and transfer) for the
supplier x recipient matrix, consolidated transfers (one per transfer across documents) for
years, values and systems, and amounts through `value_once`, so a package's price is counted once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
import pycountry
from babel import Locale

from extract.frames import RunTables

#: A missing party in the matrix.
UNKNOWN = "?"
#: Systems shown per category.
TOP_SYSTEMS = 5


@dataclass(frozen=True)
class ReportData:
    """The numbers and tables of one report."""

    label_counts: pd.Series
    status_counts: pd.Series
    date_sources: pd.Series
    failed: pd.DataFrame
    matrix: pd.DataFrame
    transfers_by_year: pd.DataFrame
    values_by_year: pd.DataFrame
    top_systems: pd.DataFrame
    totals: dict[str, int]


@lru_cache(maxsize=512)
def country_name(code: str) -> str:
    """The French name of an ISO 3166 alpha-3 code ('ARE' -> 'Émirats arabes unis'); the code if unknown."""
    country = pycountry.countries.get(alpha_3=code) if len(code) == 3 else None
    if country is None:
        return code
    return str(Locale("fr").territories.get(country.alpha_2, country.name))


def report_data(tables: RunTables) -> ReportData:
    """Everything the page shows, from the four tables."""
    documents, deals, transfers = tables.documents, tables.deals, tables.deals_consolidated
    return ReportData(
        label_counts=tables.mentions["label"].value_counts(sort=False),
        status_counts=documents["status"].value_counts(sort=False),
        date_sources=documents["date_source"].value_counts(sort=False),
        failed=documents.loc[documents["status"] == "error", ["doc_id", "error"]],
        matrix=party_matrix(deals),
        transfers_by_year=transfers_by_year(transfers),
        values_by_year=values_by_year(transfers),
        top_systems=top_systems(transfers),
        totals={
            "documents": len(documents),
            "failed": int((documents["status"] == "error").sum()),
            "mentions": len(tables.mentions),
            "deals": len(deals),
            "transfers": len(transfers),
        },
    )


def party_matrix(deals: pd.DataFrame) -> pd.DataFrame:
    """Deal rows per supplier (rows) and recipient (columns), the busiest first; '?' when missing."""
    if deals.empty:
        return pd.DataFrame()
    parties = deals[["supplier", "recipient"]].astype(object).fillna(UNKNOWN)
    matrix = pd.crosstab(parties["supplier"], parties["recipient"])
    rows = matrix.sum(axis=1).sort_values(ascending=False, kind="stable").index
    columns = matrix.sum(axis=0).sort_values(ascending=False, kind="stable").index
    return matrix.loc[rows, columns]


def transfers_by_year(transfers: pd.DataFrame) -> pd.DataFrame:
    """Consolidated transfers per first year (rows) and status (columns); undated transfers left out."""
    dated = transfers.dropna(subset=["year"])
    if dated.empty:
        return pd.DataFrame()
    return pd.crosstab(dated["year"], dated["status"].astype(object).fillna("other")).sort_index()


def values_by_year(transfers: pd.DataFrame) -> pd.DataFrame:
    """Sum of `value_once` per first year (rows) and currency (columns), currencies with most valued transfers first."""
    valued = transfers.dropna(subset=["year", "value_once", "currency"])
    if valued.empty:
        return pd.DataFrame()
    table = valued.pivot_table(index="year", columns="currency", values="value_once", aggfunc="sum", observed=True)
    order = valued["currency"].value_counts().index
    return table[[c for c in order if c in table.columns]].sort_index()


def top_systems(transfers: pd.DataFrame, limit: int = TOP_SYSTEMS) -> pd.DataFrame:
    """Per category, the systems with most consolidated transfers: transfers, sources, quantity, values once.

    A category deal's noun ("72 obusiers") is shown as `obusier (noun)`.
    """
    if transfers.empty:
        return pd.DataFrame(columns=["category", "system", "transfers", "sources", "quantity", "values"])
    frame = transfers.assign(category=transfers["category"].astype(object).fillna("unknown"))
    rows = []
    nouns = frame["system_kind"] == "category"
    frame["system"] = frame["system"].where(~nouns.fillna(False), frame["system"] + " (noun)")
    for (category, system), group in frame.groupby(["category", "system"], observed=True):
        valued = group.dropna(subset=["value_once", "currency"])
        sums = valued.groupby("currency")["value_once"].sum().sort_values(ascending=False)
        rows.append(
            {
                "category": category,
                "system": system,
                "transfers": len(group),
                "sources": int(group["sources"].sum()),
                "quantity": group["quantity"].sum(min_count=1),  # missing when no source counts it
                "values": "; ".join(f"{compact_number(v)} {c}" for c, v in sums.items()),
            }
        )
    table = pd.DataFrame(rows)
    table = table.sort_values(["category", "transfers", "sources", "system"], ascending=[True, False, False, True])
    ranked = table.groupby("category").head(limit)
    order = ranked.groupby("category")["transfers"].sum().sort_values(ascending=False, kind="stable").index
    return pd.concat([ranked[ranked["category"] == c] for c in order], ignore_index=True)


def compact_number(value: float) -> str:
    """A readable amount: '524.2 M', '34 bn', '15.5'.

    >>> compact_number(524_200_000), compact_number(34e9), compact_number(15.5)
    ('524.2 M', '34 bn', '15.5')
    """
    for factor, suffix in ((1e9, " bn"), (1e6, " M"), (1e3, " k")):
        if abs(value) >= factor:
            return f"{value / factor:.1f}".rstrip("0").rstrip(".") + suffix
    return f"{value:.2f}".rstrip("0").rstrip(".")
