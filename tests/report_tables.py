"""Small typed run tables written for the report tests (`extract.frames.typed_frame` over text rows)."""

from __future__ import annotations

import pandas as pd

from extract.frames import RunTables, typed_frame
from extract.io.tables import TABLES

TRANSFER_KEYS = (
    "supplier",
    "recipient",
    "system",
    "system_kind",
    "category",
    "quantity",
    "value",
    "currency",
    "status",
    "date_first",
    "sources",
    "value_scope",
    "doc_ids",
)
#: consolidated transfers: supplier, recipient, system, kind, category, quantity, value, currency, status, first date, sources
TRANSFERS = [
    (
        "FRA",
        "IND",
        "Rafale",
        "designation",
        "aircraft",
        "36",
        "7800000000",
        "EUR",
        "ordered",
        "2016-09",
        "3",
        "system",
        "a;b;c",
    ),
    (
        "FRA",
        "EGY",
        "Rafale",
        "designation",
        "aircraft",
        "24",
        "5200000000",
        "EUR",
        "ordered",
        "2015-02",
        "1",
        "system",
        "d",
    ),
    (
        "USA",
        "MAR",
        "M142 HIMARS",
        "designation",
        "artillery",
        "18",
        "524200000",
        "USD",
        "approved",
        "2023-04",
        "2",
        "system",
        "e;f",
    ),
    ("FRA", "GRC", "Rafale", "designation", "aircraft", "", "", "", "delivered", "2021", "1", "", "g"),
    ("", "UKR", "obusier", "category", "artillery", "72", "", "", "donated", "", "1", "", "h"),
    ("USA", "MAR", "F-16", "designation", "aircraft", "", "2000000000", "USD", "approved", "2023", "1", "system", "i"),
    (
        "USA",
        "POL",
        "Patriot",
        "designation",
        "air defence system",
        "",
        "1000000000",
        "USD",
        "",
        "2023-08",
        "1",
        "system",
        "j",
    ),
    ("DEU", "POL", "IRIS-T", "designation", "", "2", "300000000", "EUR", "ordered", "", "2", "system", "k;l"),
]
DEAL_KEYS = (
    "doc_id",
    "supplier",
    "recipient",
    "system",
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
)
DEALS = [
    (
        "a",
        "FRA",
        "IND",
        "Rafale",
        "aircraft",
        "36",
        "7800000000",
        "EUR",
        "ordered",
        "2016-09",
        "false",
        "L'Inde a commandé 36 Rafale.",
        "10",
        "38",
    ),
    (
        "b",
        "FRA",
        "IND",
        "Rafale",
        "aircraft",
        "",
        "",
        "",
        "ordered",
        "2016",
        "true",
        "Des rafale <b>pour</b> l'Inde & co.",
        "0",
        "33",
    ),
    (
        "e",
        "USA",
        "MAR",
        "M142 HIMARS",
        "artillery",
        "18",
        "524200000",
        "USD",
        "approved",
        "2023-04",
        "false",
        "Feu vert pour 18 HIMARS.",
        "5",
        "29",
    ),
    ("h", "", "UKR", "obusier", "artillery", "72", "", "", "donated", "", "", "72 obusiers pour l'Ukraine.", "", ""),
    ("i", "USA", "MAR", "F-16", "aircraft", "", "", "", "approved", "2023", "false", "Des F-16 pour Rabat.", "0", "19"),
]


def frame(name: str, keys: tuple[str, ...], rows: list[tuple[str, ...]]) -> pd.DataFrame:
    text = pd.DataFrame([dict(zip(keys, row, strict=True)) for row in rows], columns=list(keys), dtype=object)
    return typed_frame(text, TABLES[name])


def run_tables(*, transfers=TRANSFERS, deals=DEALS) -> RunTables:
    documents = [
        ("a", "ok", "", "header"),
        ("b", "ok", "", "table"),
        ("c", "error", "E021 not valid text", "none"),
        ("d", "ok", "", "header"),
        ("x", "error", "E028 empty file", "none"),
    ]
    mentions = [("a", "COUNTRY"), ("a", "COUNTRY"), ("a", "WEAPON"), ("b", "MONEY"), ("b", "COUNTRY")]
    return RunTables(
        mentions=frame("mentions", ("doc_id", "label"), mentions),
        documents=frame("documents", ("doc_id", "status", "error", "date_source"), documents),
        deals=frame("deals", DEAL_KEYS, deals),
        deals_consolidated=frame("deals_consolidated", TRANSFER_KEYS, transfers),
    )
