"""The real article the project started from; skipped where ../shared/seeds is absent."""

import subprocess
import sys

import pytest

from tests.conftest import SEED

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="shared seed article not available")

EXPECTED = [
    ("COUNTRY", "MAR", ""),
    ("COUNTRY", "USA", ""),
    ("WEAPON", "M142 HIMARS", "artillery"),
    ("WEAPON", "ATACMS", "missile"),
    ("MONEY", "524000000", "USD"),
    ("COUNT", "18", "lanceur"),
    ("RANGE", "300", "km"),
]


@pytest.fixture(scope="module")
def seed_mentions(extractor):
    text = SEED.read_text(encoding="utf-8")
    return text, extractor.extract(text)


@pytest.mark.parametrize(("label", "value", "unit"), EXPECTED)
def test_seed_fact_is_found(seed_mentions, label, value, unit):
    _, mentions = seed_mentions
    assert any(m.label == label and m.value == value and (not unit or m.unit == unit) for m in mentions)


def test_seed_offsets_and_header(seed_mentions):
    text, mentions = seed_mentions
    prefix_end = text.index("2024-06") + len("2024-06")
    assert all(m.start > prefix_end for m in mentions)
    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert not any(m.text == "DR" for m in mentions)  # the credit of the headline


def test_seed_from_the_command_line(tmp_path):
    out = tmp_path / "o"
    result = subprocess.run(
        [sys.executable, "-m", "extract", "run", str(SEED), "--out", str(out)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    documents = (out / "documents.csv").read_text(encoding="utf-8-sig")
    assert ",2024-06," in documents and ",ok," in documents
