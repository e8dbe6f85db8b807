"""extract.report.data: the report's figures, computed from small typed tables written for the tests."""

from __future__ import annotations

import pandas as pd
import pytest

from extract.labels import LABELS
from extract.report.data import (
    compact_number,
    country_name,
    party_matrix,
    report_data,
    top_systems,
    transfers_by_year,
    values_by_year,
)
from tests.report_tables import DEAL_KEYS, TRANSFER_KEYS, TRANSFERS, frame, run_tables


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("MAR", "Maroc"),
        ("ARE", "Émirats arabes unis"),
        ("DEU", "Allemagne"),
        ("XYZ", "XYZ"),
        ("FR", "FR"),
        ("?", "?"),
        ("", ""),
    ],
)
def test_country_name(code, name):
    assert country_name(code) == name


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (524_200_000, "524.2 M"),
        (34e9, "34 bn"),
        (1e9, "1 bn"),
        (999_999_999, "1000 M"),
        (15.5, "15.5"),
        (1500, "1.5 k"),
        (1000, "1 k"),
        (999.5, "999.5"),
        (120, "120"),
        (100.0, "100"),
        (0, "0"),
        (0.25, "0.25"),
        (-2_500_000, "-2.5 M"),
        (-20, "-20"),
        (10e9, "10 bn"),
        (1_000_000, "1 M"),
        (1e6 + 1, "1 M"),
        (999_999, "1000 k"),
    ],
)
def test_compact_number(value, text):
    assert compact_number(value) == text


def test_report_data_counts():
    data = report_data(run_tables())
    assert data.totals == {"documents": 5, "failed": 2, "mentions": 5, "deals": 5, "transfers": 8}
    assert data.label_counts[data.label_counts > 0].to_dict() == {"MONEY": 1, "WEAPON": 1, "COUNTRY": 3}
    assert data.status_counts.to_dict() == {"ok": 3, "error": 2}
    assert data.date_sources.to_dict() == {"table": 1, "header": 2, "inferred": 0, "none": 2}
    # in the vocabularies' order, not by count
    assert list(data.date_sources.index) == ["table", "header", "inferred", "none"]
    assert list(data.label_counts.index) == list(LABELS)
    assert data.failed.to_dict("records") == [
        {"doc_id": "c", "error": "E021 not valid text"},
        {"doc_id": "x", "error": "E028 empty file"},
    ]
    assert data.matrix.equals(party_matrix(run_tables().deals))
    assert data.transfers_by_year.equals(transfers_by_year(run_tables().deals_consolidated))
    assert data.values_by_year.equals(values_by_year(run_tables().deals_consolidated))
    assert data.top_systems.equals(top_systems(run_tables().deals_consolidated))


def test_party_matrix_busiest_first_and_missing_parties_as_question_marks():
    deals = run_tables().deals
    matrix = party_matrix(deals)
    assert list(matrix.index) == ["FRA", "USA", "?"]
    assert list(matrix.columns) == ["IND", "MAR", "UKR"]
    assert matrix.to_numpy().tolist() == [[2, 0, 0], [0, 2, 0], [0, 0, 1]]


def test_party_matrix_orders_by_totals_not_names():
    def deal(supplier, recipient):
        return ("d", supplier, recipient, "x", "", "", "", "", "", "", "", "", "", "")

    rows = [deal("ZAF", "AUS")] * 2 + [deal("ZAF", "ZWE")] * 2 + [deal("BRA", "ZWE")]
    matrix = party_matrix(frame("deals", DEAL_KEYS, rows))
    assert list(matrix.index) == ["ZAF", "BRA"] and list(matrix.columns) == ["ZWE", "AUS"]
    assert matrix.to_numpy().tolist() == [[2, 2], [1, 0]]


def test_transfers_by_year():
    table = transfers_by_year(run_tables().deals_consolidated)
    assert list(table.index) == [2015, 2016, 2021, 2023]
    assert table.to_dict("index") == {
        2015: {"approved": 0, "delivered": 0, "ordered": 1, "other": 0},
        2016: {"approved": 0, "delivered": 0, "ordered": 1, "other": 0},
        2021: {"approved": 0, "delivered": 1, "ordered": 0, "other": 0},
        2023: {"approved": 2, "delivered": 0, "ordered": 0, "other": 1},
    }


def test_values_by_year_most_valued_currency_first():
    table = values_by_year(run_tables().deals_consolidated)
    assert list(table.columns) == ["USD", "EUR"]
    assert list(table.index) == [2015, 2016, 2023]
    assert table["EUR"].tolist()[:2] == [5.2e9, 7.8e9] and table.loc[2023, "USD"] == pytest.approx(3_524_200_000)
    assert table["USD"].isna().tolist() == [True, True, False] and pd.isna(table.loc[2023, "EUR"])


def test_values_by_year_counts_a_package_once():
    package = [
        (
            "FRA",
            "GRC",
            "Rafale",
            "designation",
            "aircraft",
            "18",
            "2500000000",
            "EUR",
            "ordered",
            "2021",
            "1",
            "package",
            "p",
        ),
        (
            "FRA",
            "GRC",
            "Meteor",
            "designation",
            "missile",
            "",
            "2500000000",
            "EUR",
            "ordered",
            "2021",
            "1",
            "package",
            "p",
        ),
    ]
    table = values_by_year(frame("deals_consolidated", TRANSFER_KEYS, package))
    assert table.to_dict("index") == {2021: {"EUR": 2.5e9}}


@pytest.mark.parametrize(
    "rows",
    [
        [],
        [("FRA", "GRC", "Rafale", "designation", "aircraft", "", "1000", "EUR", "ordered", "", "1", "system", "a")],
        [("FRA", "GRC", "Rafale", "designation", "aircraft", "", "", "", "ordered", "2021", "1", "system", "a")],
        [("FRA", "GRC", "Rafale", "designation", "aircraft", "", "1000", "", "ordered", "2021", "1", "system", "a")],
    ],
    ids=["none", "undated", "no-value", "no-currency"],
)
def test_values_by_year_empty(rows):
    assert values_by_year(frame("deals_consolidated", TRANSFER_KEYS, rows)).empty


def test_transfers_by_year_empty_when_nothing_is_dated():
    undated = [row for row in TRANSFERS if not row[9]]
    assert transfers_by_year(frame("deals_consolidated", TRANSFER_KEYS, undated)).empty
    assert transfers_by_year(frame("deals_consolidated", TRANSFER_KEYS, [])).empty


def test_party_matrix_empty():
    assert party_matrix(frame("deals", DEAL_KEYS, [])).empty


def test_top_systems():
    table = top_systems(run_tables().deals_consolidated)
    assert list(table.columns) == ["category", "system", "transfers", "sources", "quantity", "values"]
    rows = table.astype(object).where(table.notna(), None).to_dict("records")
    assert rows == [
        {
            "category": "aircraft",
            "system": "Rafale",
            "transfers": 3,
            "sources": 5,
            "quantity": 60,
            "values": "13 bn EUR",
        },
        {
            "category": "aircraft",
            "system": "F-16",
            "transfers": 1,
            "sources": 1,
            "quantity": None,
            "values": "2 bn USD",
        },
        {
            "category": "artillery",
            "system": "M142 HIMARS",
            "transfers": 1,
            "sources": 2,
            "quantity": 18,
            "values": "524.2 M USD",
        },
        {
            "category": "artillery",
            "system": "obusier (noun)",
            "transfers": 1,
            "sources": 1,
            "quantity": 72,
            "values": "",
        },
        {
            "category": "air defence system",
            "system": "Patriot",
            "transfers": 1,
            "sources": 1,
            "quantity": None,
            "values": "1 bn USD",
        },
        {"category": "unknown", "system": "IRIS-T", "transfers": 1, "sources": 2, "quantity": 2, "values": "300 M EUR"},
    ]


def test_top_systems_limit_and_values_per_currency():
    rows = [
        ("FRA", "IND", "Rafale", "designation", "aircraft", "", "100", "EUR", "ordered", "", "1", "system", "a"),
        ("FRA", "QAT", "Rafale", "designation", "aircraft", "", "2000000", "USD", "ordered", "", "4", "system", "b"),
        ("FRA", "EGY", "Rafale", "designation", "aircraft", "", "50", "EUR", "ordered", "", "1", "system", "c"),
        ("USA", "POL", "F-35", "designation", "aircraft", "", "", "", "ordered", "", "9", "system", "d"),
        ("SWE", "HUN", "Gripen", "designation", "aircraft", "", "", "", "ordered", "", "1", "system", "e"),
        ("SWE", "THA", "Gripen", "designation", "aircraft", "", "", "", "ordered", "", "1", "system", "f"),
        ("KOR", "POL", "K9", "designation", "artillery", "", "", "", "ordered", "", "1", "system", "g"),
    ]
    transfers = frame("deals_consolidated", TRANSFER_KEYS, rows)
    table = top_systems(transfers)
    assert table[["category", "system", "transfers", "sources"]].values.tolist() == [
        ["aircraft", "Rafale", 3, 6],
        ["aircraft", "Gripen", 2, 2],
        ["aircraft", "F-35", 1, 9],
        ["artillery", "K9", 1, 1],
    ]
    assert table["values"].tolist()[0] == "2 M USD; 150 EUR"
    assert table["quantity"].isna().all()
    limited = top_systems(transfers, limit=1)
    assert limited[["category", "system"]].values.tolist() == [["aircraft", "Rafale"], ["artillery", "K9"]]


def test_top_systems_ties_by_name():
    rows = [
        ("FRA", "IND", name, "designation", "ship", "", "", "", "ordered", "", "1", "system", "a")
        for name in ("Gowind", "FREMM", "Barracuda", "Scorpène", "Belharra", "Horizon")
    ]
    table = top_systems(frame("deals_consolidated", TRANSFER_KEYS, rows))
    assert table["system"].tolist() == ["Barracuda", "Belharra", "FREMM", "Gowind", "Horizon"]


def test_top_systems_empty():
    table = top_systems(frame("deals_consolidated", TRANSFER_KEYS, []))
    assert table.empty and list(table.columns) == ["category", "system", "transfers", "sources", "quantity", "values"]
