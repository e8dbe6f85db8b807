"""Deal records (extract/deals/record.py): moved offsets, rows, plain dicts, dates from mentions,
merging a system named twice, paired variants and families."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest

from extract.deals.record import (
    Deal,
    date_deals_from_mentions,
    fold_families,
    fold_paired_variants,
    merge_deals,
    variant_parts,
)


def deal(system: str = "Rafale", **fields) -> Deal:
    return Deal(fields.pop("supplier", "FRA"), fields.pop("recipient", "SRB"), system, **fields)


# --- one record ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("package", "expected"), [("a12", "a112"), ("", ""), ("p3", "p3")])
def test_shifted_moves_offsets_and_amount_packages(package, expected):
    original = deal(evidence_start=5, evidence_end=20, package_id=package, sentences=[1, 2])
    moved = original.shifted(100)
    assert (moved.evidence_start, moved.evidence_end, moved.package_id) == (105, 120, expected)
    assert (moved.system, moved.sentences) == ("Rafale", [1, 2])
    moved.sentences.append(3)
    assert original.sentences == [1, 2]  # its own list
    assert (original.evidence_start, original.package_id) == (5, package)


@pytest.mark.parametrize(("package", "expected"), [("a12", "doc#a12"), ("", "")])
def test_as_row(package, expected):
    row = deal(quantity=12, value=Decimal("2.5"), package_id=package, staged=True).as_row("doc")
    assert list(row) == [
        "doc_id", "supplier", "recipient", "system", "system_kind", "category", "quantity", "value", "currency",
        "status", "date", "hedged", "evidence", "evidence_start", "evidence_end", "value_scope", "package_id",
        "supplier_source", "recipient_source", "hedge_cue",
    ]  # fmt: skip
    assert (row["doc_id"], row["supplier"], row["quantity"], row["value"]) == ("doc", "FRA", 12, Decimal("2.5"))
    assert row["package_id"] == expected


@pytest.mark.parametrize("value", [Decimal("1200000.5"), None])
def test_plain_round_trip(value):
    original = deal(quantity=3, value=value, staged=True, dated=True, counted_by_name=True, sentences=[0, 2])
    plain = original.as_plain()
    assert plain["value"] == (None if value is None else "1200000.5")
    assert plain["staged"] is True
    back = Deal.from_plain({**plain, "unknown_key": 1})
    assert back == original
    assert (back.value, back.dated, back.counted_by_name, back.sentences) == (value, True, True, [0, 2])


def test_from_plain_without_value():
    assert Deal.from_plain({"supplier": "FRA", "recipient": "IND", "system": "Rafale"}).value is None


# --- dates read from the whole document -----------------------------------------------------------


def _date(start: int, end: int, value: str, label: str = "DATE"):
    return SimpleNamespace(label=label, start=start, end=end, value=value)


@pytest.mark.parametrize(
    ("mentions", "expected"),
    [
        ([_date(12, 18, "2024-03-05")], ("2024-03-05", True)),
        ([_date(30, 36, "2024-03-05"), _date(12, 18, "2024-03-04")], ("2024-03-04", True)),  # the first in it
        ([_date(10, 18, "2024-03-05")], ("2024-03-05", True)),  # starting at the evidence's start
        ([_date(8, 12, "2024-03-05")], ("2024", False)),  # before the evidence
        ([_date(40, 44, "2024-03-05")], ("2024", False)),  # starting at its end: outside
        ([_date(36, 41, "2024-03-05"), _date(37, 39, "2024-03-06")], ("2024-03-06", True)),  # ends past it
        ([_date(12, 18, "")], ("2024", False)),  # no value
        ([_date(12, 18, "2024-03-05", "MONEY")], ("2024", False)),
        ([], ("2024", False)),
    ],
)
def test_date_deals_from_mentions(mentions, expected):
    undated = deal(date="2024", evidence_start=10, evidence_end=40)
    date_deals_from_mentions([undated], mentions)
    assert (undated.date, undated.dated) == expected


def test_dates_for_several_deals():
    dated = deal(date="2023-01", dated=True, evidence_start=0, evidence_end=40)
    first = deal(date="2024", evidence_start=10, evidence_end=40)
    second = deal(date="2024", evidence_start=50, evidence_end=60)
    date_deals_from_mentions([dated, first, second], [_date(12, 18, "2024-03-05"), _date(52, 60, "2024-04-01")])
    assert [(d.date, d.dated) for d in (dated, first, second)] == [
        ("2023-01", True),
        ("2024-03-05", True),
        ("2024-04-01", True),  # ending right at its evidence's end
    ]


def test_a_deal_dated_by_its_sentence_keeps_its_date():
    dated = deal(date="2023-01", dated=True, evidence_start=10, evidence_end=40)
    date_deals_from_mentions([dated], [_date(12, 18, "2024-03-05")])
    assert dated.date == "2023-01"


# --- a system named again -----------------------------------------------------------------------------


def _merged(kept: Deal, new: Deal) -> Deal:
    merge_deals(kept, new)
    return kept


STAGES = {
    # the first stated stage stands
    "first-stage-stands": (
        dict(status="ordered", staged=True),
        dict(status="delivered", staged=True),
        ("ordered", False, "", True),
    ),
    "a-stage-fills-an-unstaged-first": (
        dict(status="other"),
        dict(status="delivered", staged=True, hedged=True, hedge_cue="selon"),
        ("delivered", True, "selon", True),
    ),
    "an-unstaged-second-changes-nothing": (
        dict(status="ordered", staged=True),
        dict(status="negotiating"),
        ("ordered", False, "", True),
    ),
    # the sentence naming the recipient the first one only took from the document
    "named-here": (
        dict(status="negotiating", staged=True, recipient_source="document"),
        dict(status="delivered", staged=True, recipient_source="text"),
        ("delivered", False, "", True),
    ),
    "named-here-but-hedged": (
        dict(status="approved", staged=True, recipient_source="document"),
        dict(status="delivered", staged=True, recipient_source="text", hedged=True),
        ("approved", False, "", True),
    ),
    "named-there-too": (
        dict(status="approved", staged=True, recipient_source="text"),
        dict(status="delivered", staged=True, recipient_source="text"),
        ("approved", False, "", True),
    ),
    # an intention, then an approval or an order
    "intention-then-order": (
        dict(status="negotiating", staged=True),
        dict(status="ordered", staged=True),
        ("ordered", False, "", True),
    ),
    "intention-then-approval": (
        dict(status="negotiating", staged=True),
        dict(status="approved", staged=True),
        ("approved", False, "", True),
    ),
    "intention-then-delivery": (
        dict(status="negotiating", staged=True),
        dict(status="delivered", staged=True),
        ("negotiating", False, "", True),
    ),
    "intention-then-hedged-order": (
        dict(status="negotiating", staged=True),
        dict(status="ordered", staged=True, hedged=True),
        ("negotiating", False, "", True),
    ),
    "approval-then-order": (
        dict(status="approved", staged=True),
        dict(status="ordered", staged=True),
        ("approved", False, "", True),
    ),
    # a stage-less trigger's default fills an empty status
    "default-fills-empty": (dict(status=""), dict(status="ordered"), ("ordered", False, "", False)),
    "default-keeps-a-status": (dict(status="other"), dict(status="ordered"), ("other", False, "", False)),
}


@pytest.mark.parametrize(("kept", "new", "expected"), list(STAGES.values()), ids=list(STAGES))
def test_merge_stage(kept, new, expected):
    merged = _merged(deal(**kept), deal(**new))
    assert (merged.status, merged.hedged, merged.hedge_cue, merged.staged) == expected


@pytest.mark.parametrize(
    ("kept", "new", "expected"),
    [
        (dict(recipient_source="document"), dict(recipient_source="text"), "text"),
        (dict(recipient_source="document"), dict(recipient_source="document"), "document"),
        (dict(recipient_source="text"), dict(recipient_source="document"), "text"),
    ],
)
def test_merge_recipient_source(kept, new, expected):
    assert _merged(deal(**kept), deal(**new)).recipient_source == expected


@pytest.mark.parametrize(
    ("kept", "new", "expected"),
    [
        ((None, False), (12, False), (12, False)),
        ((None, False), (None, False), (None, False)),
        ((42, False), (108, True), (108, True)),  # the count of the named system wins
        ((42, False), (108, False), (42, False)),
        ((42, True), (108, True), (42, True)),
        ((42, False), (None, True), (42, False)),
    ],
)
def test_merge_quantity(kept, new, expected):
    merged = _merged(deal(quantity=kept[0], counted_by_name=kept[1]), deal(quantity=new[0], counted_by_name=new[1]))
    assert (merged.quantity, merged.counted_by_name) == expected


@pytest.mark.parametrize(
    ("kept", "new", "expected"),
    [
        (("2024-06", False), ("2024-03-05", True), ("2024-03-05", True)),
        (("2024-06", False), ("2024-03", False), ("2024-06", False)),
        (("2024-02-01", True), ("2024-03-05", True), ("2024-02-01", True)),
    ],
)
def test_merge_date(kept, new, expected):
    merged = _merged(deal(date=kept[0], dated=kept[1]), deal(date=new[0], dated=new[1]))
    assert (merged.date, merged.dated) == expected


@pytest.mark.parametrize(
    ("new", "expected"),
    [
        (("Ils seront livrés.", 30, 48), ("Ils ont commandé. | Ils seront livrés.", 0, 48)),
        (("Ils seront livrés.", 0, 18), ("Ils ont commandé.", 0, 17)),  # not after it
        (("commandé", 30, 38), ("Ils ont commandé.", 0, 17)),  # already in it
        (("Ils.", 5, 9), ("Ils ont commandé. | Ils.", 0, 17)),  # inside it: the end stays
    ],
)
def test_merge_evidence(new, expected):
    kept = deal(evidence="Ils ont commandé.", evidence_start=0, evidence_end=17)
    merged = _merged(kept, deal(evidence=new[0], evidence_start=new[1], evidence_end=new[2]))
    assert (merged.evidence, merged.evidence_start, merged.evidence_end) == expected


def test_merge_value_and_sentences():
    kept = deal(sentences=[0])
    _merged(kept, deal(value=Decimal(5), currency="EUR", value_scope="package", package_id="a3", sentences=[2]))
    assert (kept.value, kept.currency, kept.value_scope, kept.package_id) == (Decimal(5), "EUR", "package", "a3")
    assert kept.sentences == [0, 2]
    _merged(kept, deal(value=Decimal(7), currency="USD", value_scope="system", package_id="", sentences=[3]))
    assert (kept.value, kept.currency, kept.value_scope, kept.package_id) == (Decimal(5), "EUR", "package", "a3")
    assert kept.sentences == [0, 2, 3]


# --- paired variants and families ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("system", "expected"),
    [
        ("Gripen E/F", {"Gripen E", "Gripen F"}),
        ("F-16C/D Block 52", {"F-16C Block 52", "F-16D Block 52"}),
        ("F-16C/D", {"F-16C", "F-16D"}),
        ("Su-30MK/MKI", set()),  # not one letter each
        ("AB/C", set()),  # no digit in the model
        ("F-16/D", set()),  # the model does not end on a letter
        ("Patriot PAC-2/PAC-3", set()),  # whole words of different lengths ('PAC-2', 'PAC')
        ("Mistral 2/3", {"Mistral 2", "Mistral 3"}),
        ("Rafale", set()),
    ],
)
def test_variant_parts(system, expected):
    assert variant_parts(system) == expected


def test_fold_paired_variants_merges_the_variants_of_the_same_parties():
    paired = deal("Gripen E/F", supplier="SWE", recipient="THA", evidence="x", evidence_start=50, sentences=[2])
    first = deal("Gripen E", supplier="SWE", recipient="THA", quantity=15, sentences=[0])
    other = deal("Gripen F", supplier="SWE", recipient="HUN", quantity=2, sentences=[1])
    rows = fold_paired_variants([first, paired, other])
    assert rows == [paired, other]
    assert (paired.quantity, paired.sentences) == (15, [2, 0])


def test_fold_families_merges_a_family_row_into_its_one_variant():
    families = {"IRIS-T SLM": "IRIS-T", "IRIS-T SLS": "IRIS-T"}
    family = deal("IRIS-T", supplier="DEU", recipient="UKR", evidence_start=0, sentences=[0], category="c1")
    variant = deal(
        "IRIS-T SLM", supplier="DEU", recipient="UKR", quantity=4, evidence_start=40, sentences=[1], category="c2"
    )
    rows = fold_families([family, variant], families)
    assert rows == [family]  # the first named keeps the row, with the variant's name
    assert (family.system, family.category, family.quantity, family.sentences) == ("IRIS-T SLM", "c2", 4, [0, 1])


@pytest.mark.parametrize(
    ("rows", "kept"),
    [
        # two variants: the family row stays apart
        (
            [("IRIS-T", dict(quantity=None)), ("IRIS-T SLM", {}), ("IRIS-T SLS", {})],
            ["IRIS-T", "IRIS-T SLM", "IRIS-T SLS"],
        ),
        # another quantity
        ([("IRIS-T", dict(quantity=1000)), ("IRIS-T SLM", dict(quantity=800))], ["IRIS-T", "IRIS-T SLM"]),
        # another recipient
        ([("IRIS-T", {}), ("IRIS-T SLM", dict(recipient="EST"))], ["IRIS-T", "IRIS-T SLM"]),
        # the same quantity: one row, the variant's name
        ([("IRIS-T", dict(quantity=4)), ("IRIS-T SLM", dict(quantity=4))], ["IRIS-T SLM"]),
        # the variant named first keeps its own row
        ([("IRIS-T SLM", dict(evidence_start=0)), ("IRIS-T", dict(evidence_start=9))], ["IRIS-T SLM"]),
    ],
)
def test_fold_families_cases(rows, kept):
    families = {"IRIS-T SLM": "IRIS-T", "IRIS-T SLS": "IRIS-T"}
    # rows built for each run (merging changes them; a case table's objects outlive one run)
    assert [d.system for d in fold_families([deal(system, **fields) for system, fields in rows], families)] == kept
