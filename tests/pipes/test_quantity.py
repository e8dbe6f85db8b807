"""`read_amounts` (extract/pipes/quantity.py): numbers, scales and intervals from tagged items."""

from __future__ import annotations

from decimal import Decimal

import pytest

from extract.pipes.items import LexItem
from extract.pipes.quantity import Amounts, read_amounts
from extract.rules import LexiconEntry

D = Decimal


def number(value, approx=""):
    return LexItem("number", 0, 1, None if value is None else D(value), approx=approx)


def scale(value):
    return LexItem("scale", 0, 1, D(value))


def scaled_currency(value):
    return LexItem("scaled_currency", 0, 1, (D(value), "EUR"))


def fraction(value):
    return LexItem("scale_fraction", 0, 1, D(value))


def cue(form):
    entry = LexiconEntry(form=form, value=form, source="approx_cues.csv:2") if form is not None else None
    return LexItem("approx", 0, 1, form, entry=entry)


AMOUNTS = {
    "one-number": ([number("18")], ["18"], ""),
    "scaled": ([number("2.5"), scale("1e9")], ["2.5e9"], ""),
    "scaled-currency": ([number("2.5"), scaled_currency("1e9")], ["2.5e9"], ""),
    "two-scales": ([number("2"), scale("1000"), scale("1e6")], ["2e9"], ""),
    "interval-shares-last-scale": ([number("3"), number("4"), scale("1e9")], ["3e9", "4e9"], ""),
    "interval-each-scaled": ([number("3"), scale("1e6"), number("4"), scale("1e9")], ["3e6", "4e9"], ""),
    "interval-no-scale": ([number("3"), number("4")], ["3", "4"], ""),
    "scale-and-a-half": ([number("2"), scale("1e6"), fraction("0.5")], ["2.5e6"], ""),
    "half-without-scale": ([number("2"), fraction("0.5")], ["2"], ""),
    "scale-before-any-number": ([scale("1e6"), number("2")], ["2"], ""),
    "fraction-before-any-number": ([fraction("0.5"), number("2")], ["2"], ""),
    "cue": ([cue("Environ"), number("300")], ["300"], "environ"),
    "cue-without-entry": ([cue(None), number("300")], ["300"], ""),
    "approximate-number": ([number("20", approx="Une vingtaine")], ["20"], "une vingtaine"),
    "cue-before-approximate-number": ([cue("près de"), number("20", approx="vingtaine")], ["20"], "près de"),
    "later-cue-wins": ([number("20", approx="vingtaine"), cue("environ")], ["20"], "environ"),
    "number-without-value": ([number(None), number("5")], ["5"], ""),
}


@pytest.mark.parametrize(("items", "values", "approx"), AMOUNTS.values(), ids=AMOUNTS.keys())
def test_read_amounts(items, values, approx):
    amounts = read_amounts(items)
    assert amounts is not None
    assert amounts.values == [D(v) for v in values]
    assert amounts.approx == approx


@pytest.mark.parametrize(
    "items",
    [
        [],
        [scale("1e6")],
        [cue("environ")],
        [number(None)],
        [number("5"), number("3")],
        [number("5"), scale("1e6"), number("3")],
    ],
    ids=["nothing", "scale-only", "cue-only", "no-value", "decreasing", "decreasing-scaled"],
)
def test_no_amounts(items):
    assert read_amounts(items) is None


def test_equal_bounds_are_an_interval():
    assert read_amounts([number("3"), number("3")]) == Amounts([D(3), D(3)], "")


def test_value_and_minimum():
    assert (Amounts([D(3), D(4)], "").value, Amounts([D(3), D(4)], "").minimum) == (D(4), D(3))
    assert (Amounts([D(7)], "").value, Amounts([D(7)], "").minimum) == (D(7), None)
