"""`extract --help` and `extract rules check` answer at once: the CLI module and these two commands
import neither spaCy nor pandas nor dask (a top-level import of one of them fails this test)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: packages that take from a tenth of a second to a second to import
HEAVY = ("spacy", "thinc", "pandas", "numpy", "dask", "distributed", "dateparser", "price_parser", "text_to_num")

_PROBE = """
import contextlib, io, json, sys
import extract.cli
argv = json.loads(sys.argv[1])
if argv:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            code = extract.cli.main(argv)
        except SystemExit as done:  # --help
            code = done.code
else:
    code = 0
heavy = json.loads(sys.argv[2])
print(json.dumps({"code": code, "loaded": sorted({m.split(".")[0] for m in sys.modules} & set(heavy))}))
"""


def _probe(argv: list[str], heavy: tuple[str, ...] = HEAVY) -> dict[str, object]:
    """Run the CLI in a fresh interpreter; its exit code and the heavy packages it imported."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(argv), json.dumps(heavy)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=ROOT,
    )
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    "argv",
    [[], ["--help"], ["run", "--help"], ["eval", "--help"], ["rules", "check"], ["rules", "check", "--json"]],
    ids=["import", "help", "run-help", "eval-help", "rules-check", "rules-check-json"],
)
def test_light_commands_import_no_heavy_package(argv):
    probe = _probe(argv)
    assert probe["code"] == 0
    assert probe["loaded"] == []


def test_the_probe_sees_a_heavy_import(tmp_path):
    """The negative case: `extract report` reads tables with pandas, and the probe says so."""
    probe = _probe(["report", str(tmp_path / "no-such-run")])
    assert probe["code"] == 2
    assert "pandas" in probe["loaded"]


def test_public_names_still_import_from_the_package():
    import extract

    assert extract.Extractor.__name__ == "Extractor"
    assert "Extractor" in dir(extract)
    with pytest.raises(AttributeError):
        extract.NoSuchName  # noqa: B018
