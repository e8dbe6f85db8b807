"""`make mutate`: a mutant whose loop keeps allocating fails its tests with MemoryError, in a
process of its own, instead of taking the machine's memory."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = """
import sys
sys.path.insert(0, {root!r})
from tests.mutation_scope import limit_memory
cap = limit_memory({budget})
if cap is None:
    print("no limit")
    raise SystemExit(0)
small = bytearray({small})  # within the budget
try:
    big = bytearray({big})  # past it
except MemoryError:
    print("MemoryError")
"""


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="the cap reads /proc (Linux)")
def test_an_allocation_past_the_budget_raises_memory_error_not_the_kernels_kill():
    budget = 256 * 1024**2
    script = SCRIPT.format(root=str(ROOT), budget=budget, small=64 * 1024**2, big=2 * budget)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "MemoryError"
