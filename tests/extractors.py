"""The pipelines the tests share, built once per process.

A plain module (not a fixture's state), so that a process running pytest several times (mutmut
forks one per mutant after a first run) builds each pipeline once.
"""

from __future__ import annotations

from pathlib import Path

from extract import Extractor


class ExtractorCache:
    """Builds each distinct Extractor once per session and records what callers asked for.

    Command-line tests patch `extract.extractor.Extractor` with it: the command still passes its
    options (`--rules`, `--fast`, `--model`), which the test reads back from `calls`, without
    paying the model's load for every command.
    """

    def __init__(self) -> None:
        self.built: dict[tuple[str | None, bool, str, int], Extractor] = {}
        self.calls: list[dict[str, object]] = []

    def __call__(self, rules_dir=None, *, fast=False, model=None, batch_size=32) -> Extractor:
        from extract.pipeline import DEFAULT_MODEL

        model = model or DEFAULT_MODEL
        self.calls.append({"rules_dir": rules_dir, "fast": fast, "model": model, "batch_size": batch_size})
        key = (str(Path(rules_dir).resolve()) if rules_dir else None, fast, model, batch_size)
        if key not in self.built:
            self.built[key] = Extractor(rules_dir, fast=fast, model=model, batch_size=batch_size)
        return self.built[key]


EXTRACTORS = ExtractorCache()
