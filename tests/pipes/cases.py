"""What the normalization case tables share: the expected-mention record and its checks."""

from __future__ import annotations


def hit(span, value, unit="", *, approx="", value_min=""):
    """The one mention a positive case expects."""
    return {"text": span, "value": value, "unit": unit, "approx": approx, "value_min": value_min}


def mentions_of(mentions, label):
    return [m for m in mentions if m.label == label]


def show(mentions):
    return [(m.label, m.text, m.value, m.unit, m.approx, m.value_min) for m in mentions]


def assert_one(mentions, text, expected, label):
    """Exactly one mention of `label`, at consistent offsets, with the expected fields."""
    found = mentions_of(mentions, label)
    assert len(found) == 1, f"expected 1 {label}, got {show(found)}; all mentions: {show(mentions)}"
    m = found[0]
    assert text[m.start : m.end] == m.text
    actual = {"text": m.text, "value": m.value, "unit": m.unit, "approx": m.approx, "value_min": m.value_min}
    assert actual == expected, f"expected {expected}, got {actual}"


def assert_none(mentions, label, instead):
    """No mention of `label`; with `instead`, a mention of that other label."""
    found = mentions_of(mentions, label)
    assert not found, f"expected no {label}, got {show(found)}"
    if instead:
        assert mentions_of(mentions, instead), f"expected a {instead} mention; all mentions: {show(mentions)}"
