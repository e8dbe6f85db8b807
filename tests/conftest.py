"""Shared fixtures: the full pipeline is built once per test session (the model takes seconds to load)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract import Extractor

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SEED = ROOT.parent / "shared" / "seeds" / "000_17667614b846a244.txt"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """One `Extractor()` (full model, default rules) for the whole session."""
    return Extractor()
