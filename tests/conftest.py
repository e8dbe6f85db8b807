"""Shared fixtures: the full pipeline is built once per test session (the model takes seconds to load).

Every required test runs on files of this repository. Tests marked `realdev` compare against
third-party material outside it (`../shared/realdev`, the texts in `.realdev/`): they are opt-in
extras, run with `pytest --realdev` (`make test-real`), and fail there when that material is missing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extract import Extractor
from tests.extractors import EXTRACTORS, ExtractorCache
from tests.mutation_scope import in_scope, run_order, stop_endless_loops

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
#: Article-like texts written for the tests, shaped like crawled files (header line, credit, furniture).
ARTICLES = ROOT / "tests" / "fixtures" / "articles"
#: The crawled shape the project started from: `date YYYY-MM` + a headline with its credit "(DR)".
SEED = ARTICLES / "maroc_lanceurs.txt"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--realdev", action="store_true", help="also run the opt-in tests on ../shared/realdev and .realdev/"
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "realdev: opt-in extra on third-party articles outside the repository")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    outside = [item for item in items if not in_scope(item.nodeid)]  # a mutant judged by its own tests only
    if outside:
        config.hook.pytest_deselected(items=outside)
    items[:] = sorted((item for item in items if in_scope(item.nodeid)), key=lambda item: run_order(item.nodeid))
    stop_endless_loops()
    if config.getoption("--realdev"):
        return
    opt_in = pytest.mark.skip(reason="opt-in extra on third-party articles: run with --realdev (make test-real)")
    for item in items:
        if "realdev" in item.keywords:
            item.add_marker(opt_in)


@pytest.fixture(scope="session")
def extractor(extractor_cache) -> Extractor:
    """One `Extractor()` (full model, default rules) for the whole session."""
    return extractor_cache()


@pytest.fixture(scope="session")
def fast_extractor(extractor_cache) -> Extractor:
    """One `Extractor(fast=True)` for the whole session."""
    return extractor_cache(fast=True)


@pytest.fixture(scope="session")
def extractor_cache() -> ExtractorCache:
    return EXTRACTORS


@pytest.fixture
def cached_extractors(extractor_cache, monkeypatch) -> ExtractorCache:
    """`extract.extractor.Extractor` replaced by the session's cache; `calls` starts empty."""
    import extract.extractor

    extractor_cache.calls.clear()
    monkeypatch.setattr(extract.extractor, "Extractor", extractor_cache)
    return extractor_cache


@pytest.fixture
def ascii_locale():
    """The C library's locale set to plain ASCII, as on a machine whose locale is not UTF-8: a file
    opened without an explicit encoding can then hold no accent; the project's own files must still
    be read and written as UTF-8."""
    import locale
    import os

    before = locale.setlocale(locale.LC_CTYPE)
    locale.setlocale(locale.LC_CTYPE, "C")
    with open(os.devnull) as probe:  # the encoding a bare open() now picks
        assert probe.encoding.lower() != "utf-8"
    yield
    locale.setlocale(locale.LC_CTYPE, before)
