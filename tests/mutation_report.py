"""Kill rate of `make mutate`, per module, from mutmut's results in mutants/.

A mutant counts as caught when a test failed on it (or it hung past mutmut's timeout). Mutants
no selected test runs ("no tests") and survivors count against the rate, except the reviewed
equivalent ones of `tests/mutation_survivors.txt` (one mutant name per line, `# why` after it),
which are left out of the total. Usage: `python -m tests.mutation_report [--survivors] [--stored] [--markdown]`
(`--stored`: from the verdicts kept in the repository, `tests/mutation_verdicts.tsv`, not `mutants/`);
`--pending 'extract.numbers*'` prints the names of the matching mutants not run yet (a run
stopped half-way resumes with `mutmut run $(python -m tests.mutation_report --pending ...)`).
"""

from __future__ import annotations

import fnmatch
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MUTANTS = ROOT / "mutants"
ACCEPTED = ROOT / "tests" / "mutation_survivors.txt"
CAUGHT = {1: "killed", 3: "killed", 36: "timeout", -24: "timeout", 24: "timeout", 152: "timeout", 255: "timeout"}
#: stopped by SIGVTALRM: past the CPU budget of tests/mutation_scope.py (an endless loop)
CAUGHT[-26] = "timeout"
#: the tests' process crashed (a mutant that hands spaCy's C code a None): the mutant cannot go unseen
CAUGHT[-11] = "segfault"
NOT_RUN = {None: "not checked", 34: "skipped", 2: "interrupted"}


def accepted() -> dict[str, str]:
    """Reviewed equivalent mutants: name -> why it cannot be killed."""
    if not ACCEPTED.exists():
        return {}
    names = {}
    for line in ACCEPTED.read_text(encoding="utf-8").splitlines():
        name, _, why = line.partition("#")
        if name.strip():
            names[name.strip()] = why.strip()
    return names


def results(stored: bool = False) -> dict[str, dict[str, int | None]]:
    """Module -> mutant name -> mutmut's exit code (from mutants/, or with `stored` the repository's store)."""
    if stored:
        from tests.mutation_store import MARK, module_prefix, read_store

        return {
            module: {
                f"{module_prefix(module)}{name}{MARK}{number}": code
                for name, verdicts in functions.items()
                for number, code in verdicts.codes.items()
            }
            for module, functions in read_store().items()
        }
    found: dict[str, dict[str, int | None]] = {}
    for meta in sorted(MUTANTS.rglob("*.py.meta")):
        module = meta.relative_to(MUTANTS).as_posix()[: -len(".meta")]
        found[module] = json.loads(meta.read_text(encoding="utf-8")).get("exit_code_by_key", {})
    return found


def pending(patterns: list[str]) -> list[str]:
    """Names of the mutants matching `patterns` that mutmut has not judged yet."""
    return [
        name
        for codes in results().values()
        for name, code in codes.items()
        if code in NOT_RUN and any(fnmatch.fnmatch(name, pattern) for pattern in patterns)
    ]


def _cells(tally: Counter[str]) -> list[str]:
    """Counts, the rate over the mutants judged and over all (not run = not caught), equivalents left out."""
    judged = tally["caught"] + tally["survived"] + tally["no tests"]
    counted = judged + tally["not run"]
    return [
        str(counted + tally["equivalent"]),
        *(str(tally[key]) for key in ("caught", "survived", "no tests", "not run", "equivalent")),
        f"{tally['caught'] / judged:.1%}" if judged else "-",
        f"{tally['caught'] / counted:.1%}" if counted else "-",
    ]


def main(argv: list[str]) -> int:
    """Print the table (and with --survivors every survivor not accepted)."""
    if argv[:1] == ["--pending"]:
        print("\n".join(pending(argv[1:])))
        return 0
    equivalent = accepted()
    rows = []
    totals: Counter[str] = Counter()
    everything: Counter[str] = Counter()  # with the modules not run at all
    survivors: dict[str, list[str]] = defaultdict(list)
    for module, codes in results(stored="--stored" in argv).items():
        tally: Counter[str] = Counter()
        for name, code in codes.items():
            if code in NOT_RUN:
                tally["not run"] += 1
            elif name in equivalent:
                tally["equivalent"] += 1
            elif code in CAUGHT:
                tally["caught"] += 1
            else:
                tally["no tests" if code in (5, 33) else "survived"] += 1
                survivors[module].append(name)
        everything.update(tally)
        if not codes or tally["not run"] == len(codes):
            continue
        rows.append((module, tally))
        totals.update(tally)
    names = ("mutants", "caught", "survived", "no tests", "not run", "equiv.", "of judged", "of all")
    lines = [(module, _cells(tally)) for module, tally in rows]
    lines += [("all run so far", _cells(totals)), ("extract/ (not run = not caught)", _cells(everything))]
    if "--markdown" in argv:
        print("| module | " + " | ".join(names) + " |")
        print("| --- |" + " ---: |" * len(names))
        for module, cells in lines:
            shown = module.removeprefix("extract/") if module.endswith(".py") else module
            print(f"| {shown} | " + " | ".join(cells) + " |")
    else:
        print(f"{'module':<40} " + " ".join(f"{name:>9}" for name in names))
        for module, cells in lines:
            print(f"{module:<40} " + " ".join(f"{cell:>9}" for cell in cells))
    if "--survivors" in argv:
        for names in survivors.values():
            for name in names:
                print(name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
