"""mutmut's verdicts kept in the repository, so that `make mutate` is incremental across machines.

mutmut keeps its verdicts in `mutants/` (git-ignored) and, when it makes the mutants again, keeps
the verdict of every mutant whose function has the same source hash (its own incremental mode).
A fresh clone has no `mutants/`, so a full run (18 000 mutants, many hours on 2 cores) would start
over. `save` writes every mutant's verdict with its function's hash into
`tests/mutation_verdicts.tsv`; `restore` writes the catches back as mutmut's `.meta` files before
a run, and mutmut itself then judges only the mutants of new or changed functions, those never
judged, and the survivors (tests may have been added for them). Like mutmut's own cache, a verdict does not notice a changed test or module constant:
`MUTATE_FRESH=1 make mutate` ignores the stored verdicts.

One line per function: `module path, function, source hash, verdicts`, verdicts being
`N:exit code` for mutant N (`N:.` not judged yet), comma-joined.

Usage: `python -m tests.mutation_store save [MUTANTS_DIR ...]` (default `mutants`; several
folders, e.g. helpers' worktrees or runs narrowed to some modules, are merged: a verdict that
caught the mutant wins, the store's own verdicts are kept where the hash still matches, and a
module no folder holds keeps its stored lines) and `python -m tests.mutation_store restore`.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tests.mutation_report import CAUGHT, NOT_RUN

ROOT = Path(__file__).resolve().parents[1]
STORE = ROOT / "tests" / "mutation_verdicts.tsv"
MUTANTS = ROOT / "mutants"
MARK = "__mutmut_"


@dataclass
class FunctionVerdicts:
    """The verdicts of one function's mutants (mutant number -> mutmut's exit code, None: not judged)."""

    source_hash: str
    codes: dict[int, int | None] = field(default_factory=dict)


#: module path ("extract/numbers.py") -> function ("x_parse", "xǁClassǁmethod") -> verdicts
Store = dict[str, dict[str, FunctionVerdicts]]


def module_prefix(path: str) -> str:
    """'extract/io/header.py' -> 'extract.io.header.', as mutmut prefixes mutant names."""
    return (path[: -len(".py")].replace("/", ".") + ".").replace(".__init__.", ".")


def split_key(key: str, prefix: str) -> tuple[str, int]:
    """'extract.numbers.x_parse__mutmut_3' -> ('x_parse', 3)."""
    function, _, number = key[len(prefix) :].rpartition(MARK)
    return function, int(number)


def read_meta(folder: Path) -> Store:
    """Verdicts of every module in a `mutants/` folder (for a module a narrowed run left out, the
    catches `restore` wrote: `merge` completes them from the store)."""
    store: Store = {}
    for meta in sorted(folder.rglob("*.py.meta")):
        path = meta.relative_to(folder).as_posix()[: -len(".meta")]
        data = json.loads(meta.read_text(encoding="utf-8"))
        hashes: dict[str, str] = data.get("hash_by_function_name", {})
        functions = {name: FunctionVerdicts(source_hash) for name, source_hash in hashes.items()}
        prefix = module_prefix(path)
        for key, code in data.get("exit_code_by_key", {}).items():
            name, number = split_key(key, prefix)
            if name in functions:
                functions[name].codes[number] = code
        if functions:
            store[path] = functions
    return store


def read_store(path: Path | None = None) -> Store:
    """The verdicts kept in the repository ({} when there are none yet)."""
    path = path or STORE
    store: Store = {}
    if not path.exists():
        return store
    for line_number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        try:
            module, function, source_hash, verdicts = line.split("\t")
            codes = {}
            for pair in filter(None, verdicts.split(",")):  # '' for a function without mutants
                number, _, code = pair.partition(":")
                codes[int(number)] = None if code == "." else int(code)
        except ValueError as error:
            raise SystemExit(f"{path}:{line_number}: not a verdict line ({error})") from None
        store.setdefault(module, {})[function] = FunctionVerdicts(source_hash, codes)
    return store


def better(old: int | None, new: int | None) -> int | None:
    """The verdict to keep of two for the same mutant: a judged one, and a caught one above all."""
    if new in NOT_RUN:
        return old
    if old in NOT_RUN or new in CAUGHT:
        return new
    return old


def merge(current: Store, sources: list[Store]) -> Store:
    """`current`'s functions (hashes of the source as it is now) with the best verdict of each mutant
    any source of the same hash holds."""
    merged: Store = {}
    for module, functions in current.items():
        for name, now in functions.items():
            codes = dict(now.codes)
            for source in sources:
                found = source.get(module, {}).get(name)
                if found is None or found.source_hash != now.source_hash:
                    continue
                # a union: a meta that `restore` wrote and mutmut did not make again holds the catches only
                for number, code in found.codes.items():
                    codes[number] = better(codes.get(number), code)
            merged.setdefault(module, {})[name] = FunctionVerdicts(now.source_hash, dict(sorted(codes.items())))
    return merged


def write_store(store: Store, path: Path | None = None) -> None:
    path = path or STORE
    lines = [
        "# mutmut verdicts: module, function, source hash, mutant:exit code (. = not judged); see mutation_store.py"
    ]
    for module in sorted(store):
        for name in sorted(store[module]):
            verdicts = store[module][name]
            codes = ",".join(
                f"{number}:{'.' if code is None else code}" for number, code in sorted(verdicts.codes.items())
            )
            lines.append(f"{module}\t{name}\t{verdicts.source_hash}\t{codes}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def save(folders: list[Path]) -> Store:
    """Merge the verdicts of `folders` and the store's into the store.

    A module's current hashes come from the first folder that holds it: a run narrowed to some
    modules (mutmut's `only_mutate`) leaves the other modules' stored verdicts as they were.
    """
    found = [read_meta(folder) for folder in folders]
    if not any(found):
        raise SystemExit(f"{', '.join(map(str, folders))}: no mutmut results (*.py.meta) to save")
    stored = read_store()
    current: Store = {}
    for verdicts in [*found, stored]:
        for module, functions in verdicts.items():
            current.setdefault(module, functions)
    merged = merge(current, [*found, stored])
    write_store(merged)
    return merged


def restore(folder: Path = MUTANTS, store: Store | None = None) -> int:
    """Fill `folder`'s meta files with the stored catches of unchanged functions; the number filled.

    Only mutants a test caught keep their verdict: a survivor (or a mutant no test ran) is judged
    again, since tests may have been added for it since.

    A module without a meta file yet gets one that mutmut merges when it makes its mutants (it
    keeps a verdict where the function's hash is unchanged).
    """
    store = read_store() if store is None else store
    filled = 0
    for module, functions in store.items():
        meta = folder / f"{module}.meta"
        prefix = module_prefix(module)
        if meta.exists():
            data = json.loads(meta.read_text(encoding="utf-8"))
        else:
            data = {
                "exit_code_by_key": {},
                "hash_by_function_name": {name: verdicts.source_hash for name, verdicts in functions.items()},
                "type_check_error_by_key": {},
                "durations_by_key": {},
                "estimated_durations_by_key": {},
            }
        hashes = data["hash_by_function_name"]
        codes = data["exit_code_by_key"]
        for name, verdicts in functions.items():
            if hashes.get(name) != verdicts.source_hash:
                continue
            for number, code in verdicts.codes.items():
                key = f"{prefix}{name}{MARK}{number}"
                if codes.get(key) is None and code in CAUGHT:
                    codes[key] = code
                    filled += 1
        meta.parent.mkdir(parents=True, exist_ok=True)
        meta.write_text(json.dumps(data, indent=4), encoding="utf-8")
    return filled


def main(argv: list[str]) -> int:
    if argv[:1] == ["save"]:
        folders = [Path(folder) for folder in argv[1:]] or [MUTANTS]
        store = save(folders)
        judged = sum(
            code is not None for functions in store.values() for v in functions.values() for code in v.codes.values()
        )
        total = sum(len(v.codes) for functions in store.values() for v in functions.values())
        print(f"{STORE.relative_to(ROOT)}: {judged} of {total} mutants judged")
        return 0
    if argv[:1] == ["restore"]:
        print(f"{restore()} stored verdicts restored into {MUTANTS.relative_to(ROOT)}/")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
