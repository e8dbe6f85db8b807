"""Every documented threshold, just inside and just outside.

Consolidation: values within 10 %, dates at most 3 years apart. `--max-chars` is in
test_cli_options.py. A text over the piece size (`MAX_PIECE_CHARS`) is cut into pieces. Headlines of at most 200
characters. Munitions counted up to 10 million. `extract eval --gold`: MONEY within 0.5 %, RANGE
within 1 %. Dask and workers: at most two chunks per worker in flight. Command-line defaults.
"""

from __future__ import annotations

from concurrent.futures import Future
from decimal import Decimal
from types import SimpleNamespace

import pytest

from extract.cli import build_parser
from extract.deals.consolidate import consolidate
from extract.engines import ExtractorSettings, _ordered
from extract.eval.docgold import matches
from extract.extractor import MAX_PIECE_CHARS, split_pieces
from extract.io.header import MAX_TITLE_CHARS, is_headline, parse_header


def deal(doc_id, *, quantity=None, value=None, currency="EUR", date="2024-06", hedged=False, status="ordered"):
    """A typed deals.csv row of one transfer (FRA -> EGY, Rafale)."""
    return {
        "doc_id": doc_id,
        "supplier": "FRA",
        "recipient": "EGY",
        "system": "Rafale",
        "system_kind": "designation",
        "category": "aircraft",
        "quantity": quantity,
        "value": None if value is None else Decimal(value),
        "currency": currency if value is not None else "",
        "value_scope": "system" if value is not None else "",
        "status": status,
        "date": date,
        "hedged": hedged,
    }


# --- consolidation: 10 % of the larger value ------------------------------------------------

VALUES = {
    "equal": ("1000000000", "1000000000", True),
    "exactly-10-percent-below": ("1000000000", "900000000", True),
    "just-over-10-percent-below": ("1000000000", "899999999", False),
    "exactly-10-percent-of-the-larger": ("1000000000", "1111111111", True),  # 111 111 111 <= 111 111 111.1
    "just-over-10-percent-of-the-larger": ("1000000000", "1111111112", False),
    "half": ("1000000000", "500000000", False),
}


@pytest.mark.parametrize(("first", "second", "merged"), list(VALUES.values()), ids=list(VALUES))
def test_values_within_10_percent_merge(first, second, merged):
    rows = consolidate([deal("a", value=first), deal("b", value=second)])
    assert [r["sources"] for r in rows] == ([2] if merged else [1, 1])
    if merged:
        assert rows[0]["values"] == ";".join(dict.fromkeys([f"{first} EUR", f"{second} EUR"]))


def test_values_in_other_currencies_never_merge():
    assert len(consolidate([deal("a", value="1000000000"), deal("b", value="1000000000", currency="USD")])) == 2


# --- consolidation: dates at most 3 years apart ---------------------------------------------

DATES = {
    "same-year": ("2021-05", "2021-11", True),
    "3-years": ("2021", "2024", True),
    "3-years-by-year-only": ("2021-01-02", "2024-12-30", True),
    "4-years": ("2021", "2025", False),
    "4-years-by-month": ("2021-12", "2025-01", False),
    "one-undated": ("2010", "", True),
}


@pytest.mark.parametrize(("first", "second", "merged"), list(DATES.values()), ids=list(DATES))
def test_dates_at_most_3_years_apart_merge(first, second, merged):
    rows = consolidate([deal("a", date=first), deal("b", date=second)])
    assert [r["sources"] for r in rows] == ([2] if merged else [1, 1])


def test_the_window_is_checked_against_every_row_of_the_group():
    """Rows join the first compatible group: 2025 is within 3 years of 2022, not of 2021."""
    rows = consolidate([deal("a", date="2021"), deal("b", date="2022"), deal("c", date="2025")])
    assert sorted(r["doc_ids"] for r in rows) == ["a;b", "c"]


@pytest.mark.parametrize(("first", "second", "merged"), [(24, 24, True), (24, None, True), (24, 30, False)])
def test_quantities_equal_or_missing_merge(first, second, merged):
    rows = consolidate([deal("a", quantity=first), deal("b", quantity=second)])
    assert [r["sources"] for r in rows] == ([2] if merged else [1, 1])
    if merged:
        assert rows[0]["quantity"] == 24


# --- long texts: pieces of at most 100 000 characters ----------------------------------------

FILLER = "Le temps était doux ce jour-là sur la côte et personne ne parlait de défense.\n"
FACT = "Le Maroc a commandé 18 lanceurs M142 HIMARS.\n"


@pytest.mark.parametrize(("length", "pieces"), [(MAX_PIECE_CHARS, 1), (MAX_PIECE_CHARS + 1, 2)])
def test_split_at_the_piece_size(length, pieces):
    text = ("x" * 99 + "\n") * (length // 100) + "y" * (length % 100)
    ranges = split_pieces(text, 0, MAX_PIECE_CHARS)
    assert len(text) == length and len(ranges) == pieces
    assert ranges[0][0] == 0 and ranges[-1][1] == length
    assert all(a[1] == b[0] for a, b in zip(ranges, ranges[1:], strict=False))  # no gap, no overlap
    assert all(end - start <= MAX_PIECE_CHARS for start, end in ranges)
    assert all(text[end - 1] == "\n" for _, end in ranges[:-1])  # cut after a line break


def test_split_without_line_breaks_cuts_after_a_space():
    text = "mot " * (MAX_PIECE_CHARS // 4 + 10)
    ranges = split_pieces(text, 0, MAX_PIECE_CHARS)
    assert len(ranges) == 2 and text[ranges[0][1] - 1] == " " and ranges[1][1] == len(text)


@pytest.fixture(scope="module")
def long_text() -> str:
    """A fact, filler up to just under the piece size, then the same kind of fact just after it."""
    head = "date 2024-06 " + FACT.replace("Maroc", "Sénégal").replace("M142 HIMARS", "CAESAR")
    filler = FILLER * ((MAX_PIECE_CHARS - len(head)) // len(FILLER))
    filler += "-" * (MAX_PIECE_CHARS - len(head) - len(filler) - 1) + "\n"  # the first piece ends here
    text = head + filler + FACT
    assert len(head + filler) == MAX_PIECE_CHARS
    assert MAX_PIECE_CHARS < len(text) < MAX_PIECE_CHARS + 200
    return text


def test_a_text_just_over_the_piece_size_keeps_its_last_piece(fast_extractor, long_text):
    result = next(fast_extractor.extract_texts([(long_text, None)]))
    found = {(m.label, m.value, m.start) for m in result.mentions}
    last = long_text.rindex(FACT)
    assert ("COUNTRY", "MAR", last + 3) in found and ("WEAPON", "M142 HIMARS", last + FACT.index("M142")) in found
    assert ("COUNTRY", "SEN", long_text.index("Sénégal")) in found
    assert all(long_text[m.start : m.end] == m.text for m in result.mentions)
    assert {(d.recipient, d.system) for d in result.deals} == {("SEN", "CAESAR"), ("MAR", "M142 HIMARS")}
    himars = next(d for d in result.deals if d.recipient == "MAR")
    assert long_text[himars.evidence_start : himars.evidence_end] == FACT.strip()
    assert result.date.iso() == "2024-06"


# --- headlines: at most 200 characters --------------------------------------------------------


@pytest.mark.parametrize(("length", "headline"), [(MAX_TITLE_CHARS, True), (MAX_TITLE_CHARS + 1, False)])
def test_headline_length(length, headline):
    title = ("Le Maroc commande des lance-roquettes HIMARS aux États-Unis " * 5)[: length - 1] + "s"
    assert len(title) == length
    assert is_headline(title) is headline
    assert parse_header(f"date 2024-06 {title}\n\nTexte.").title == (title if headline else "")
    assert is_headline(title, credited=True)  # a credit marks a headline whatever its length


# --- munitions counted up to 10 million -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("L’armée ukrainienne a reçu 10 millions d’obus.", "10000000"),
        ("L’armée ukrainienne a reçu 10 000 000 cartouches.", "10000000"),
        ("L’armée ukrainienne a reçu 11 millions d’obus.", None),
        ("L’armée ukrainienne a reçu 10 000 001 cartouches.", None),
    ],
)
def test_counts_up_to_10_million(fast_extractor, text, count):
    counts = [m.value for m in fast_extractor.extract(text) if m.label == "COUNT"]
    assert counts == ([count] if count else [])


# --- document-level scoring tolerances --------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "item", "value", "unit", "matched"),
    [
        ("MONEY", [1000000, "USD"], "1005000", "USD", True),  # 0.5 %
        ("MONEY", [1000000, "USD"], "995000", "USD", True),
        ("MONEY", [1000000, "USD"], "1005001", "USD", False),
        ("MONEY", [1000000, "USD"], "1000000", "EUR", False),
        ("RANGE", [300, "km"], "303", "km", True),  # 1 %
        ("RANGE", [300, "km"], "297", "km", True),
        ("RANGE", [300, "km"], "303.01", "km", False),
        ("COUNT", [18, "lanceur"], "18", "lanceur", True),  # exact
        ("COUNT", [18, "lanceur"], "19", "lanceur", False),
        ("DATE", "2024-03", "2024-03-12", "", True),  # one ISO string starts with the other
        ("DATE", "2024-03-12", "2024", "", True),
        ("DATE", "2024-03", "2024-04", "", False),
    ],
)
def test_document_gold_tolerances(label, item, value, unit, matched):
    assert matches(label, item, ("texte", value, unit)) is matched


# --- engines: at most two chunks per worker in flight -----------------------------------------


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_at_most_two_chunks_per_worker_in_flight(workers):
    submitted = 0

    def submit(function, chunk, settings):
        nonlocal submitted
        submitted += 1
        future: Future = Future()
        future.set_result(chunk)
        return future

    in_flight, results = [], []
    for received, result in enumerate(_ordered(submit, ([i] for i in range(10)), ExtractorSettings(), 2 * workers)):
        in_flight.append(submitted - received)  # submitted, and not handed out before this one
        results.append(result)
    assert results == [[i] for i in range(10)]  # in input order
    assert max(in_flight) == 2 * workers


def test_the_process_pool_keeps_two_chunks_per_worker_in_flight(monkeypatch):
    import extract.engines

    asked = []

    def ordered(submit, chunks, settings, in_flight):
        asked.append(in_flight)
        yield from ()

    monkeypatch.setattr(extract.engines, "_ordered", ordered)
    nothing = SimpleNamespace(extract_texts=lambda texts: iter(()))  # nothing to extract, nothing to warm up
    monkeypatch.setattr(extract.engines, "_extractor", lambda settings: nothing)
    assert list(extract.engines.run_chunks(iter([]), ExtractorSettings(fast=True), workers=3)) == []
    assert asked == [6]


# --- command-line defaults the README states --------------------------------------------------


def test_documented_run_defaults():
    args = build_parser().parse_args(["run", "x.txt", "--out", "o"])
    documented = {
        "workers": 1,
        "engine": "local",
        "format": "csv",
        "max_chars": 5_000_000,
        "chunk_size": 64,
        "batch_size": 32,
    }
    assert {k: getattr(args, k) for k in documented} == documented
    assert (args.fast, args.resume, args.quiet, args.rules, args.scheduler) == (False, False, False, None, None)
