"""Which tests judge the mutants of a module in `make mutate` (mutmut).

mutmut runs, for each mutant, the selected tests that executed the mutated function. For a
helper every extraction calls (`numbers.py`, `textnorm.py`, `date_forms.py`) that is most of
the suite: a surviving mutant then costs minutes. The modules listed here are judged by their
own test files instead: a mutant no test of its own catches
survives, even if a pipeline test elsewhere would have caught it, so their rate is a lower
bound. Modules not listed keep the whole selection of `[tool.mutmut]`.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

try:
    import resource
except ImportError:  # not on Windows: no memory limit there
    resource = None  # type: ignore[assignment]

#: module path -> node-id prefixes of the tests that judge its mutants, run in this order (the
#: function-level tables first: a mutant they catch costs no command-line run)
OWN_TESTS: dict[str, tuple[str, ...]] = {
    "extract/numbers.py": ("tests/test_numbers.py",),
    "extract/partial_date.py": ("tests/test_partial_date.py", "tests/test_header.py"),
    "extract/date_forms.py": (
        "tests/test_partial_date.py",
        "tests/pipes/test_date_forms.py",
        "tests/pipes/test_plain_dates.py",
    ),
    "extract/textnorm.py": ("tests/test_textnorm.py",),
    "extract/io/header.py": ("tests/test_header.py",),
    "extract/eval/evaluate.py": ("tests/test_eval_scoring.py", "tests/test_eval.py"),
    "extract/show.py": ("tests/test_show.py",),
    "extract/io/tables.py": ("tests/test_tables.py",),
    "extract/io/inputs.py": ("tests/test_inputs_units.py", "tests/test_table_streaming.py"),
    "extract/batch.py": ("tests/test_batch_units.py",),
    "extract/engines.py": ("tests/test_engines_units.py",),
    "extract/extractor.py": (
        "tests/test_extractor_units.py",
        "tests/test_memory_zone.py",
        "tests/test_long_documents.py",
    ),
    "extract/cli.py": ("tests/test_cli_units.py", "tests/test_cli_options.py"),
    "extract/pipeline.py": ("tests/test_pipeline_units.py",),
    "extract/__init__.py": ("tests/test_small_modules.py",),
    "extract/io/runlock.py": ("tests/test_runlock.py",),
    "extract/io/locales.py": ("tests/test_locales.py",),
    "extract/deal_store.py": ("tests/test_deal_store.py",),
    "extract/errors.py": ("tests/test_small_modules.py",),
    "extract/parsers.py": ("tests/test_small_modules.py",),
    "extract/mention.py": ("tests/test_small_modules.py",),
    "extract/labels.py": ("tests/test_small_modules.py",),
    "extract/rules/loader.py": ("tests/test_rules_loader.py",),
    "extract/rules/schema.py": ("tests/test_rules_schema.py", "tests/test_rules_loader.py"),
    "extract/rules/gazetteer.py": ("tests/test_rules_gazetteer.py",),
    "extract/rules/patterns.py": ("tests/test_rules_patterns.py",),
    "extract/rules/arguments.py": ("tests/test_rules_patterns.py",),
    "extract/rules/catalogue.py": ("tests/test_rules_model.py", "tests/test_rules_loader.py"),
    "extract/rules/model.py": ("tests/test_rules_model.py",),
    "extract/rules/dependency_check.py": ("tests/test_dependency_check.py",),
    "extract/eval/docgold.py": ("tests/test_docgold.py",),
    "extract/eval/gold.py": ("tests/test_eval_gold.py",),
    "extract/eval/printing.py": ("tests/test_eval_printing.py",),
    "extract/frames.py": ("tests/test_frames.py",),
    "extract/reference_date.py": ("tests/test_reference_date.py",),
    "extract/cleantext.py": ("tests/test_cleantext.py",),
    "extract/report/data.py": ("tests/test_report_data.py",),
    "extract/report/html.py": ("tests/test_report_html.py",),
    "extract/report/charts.py": ("tests/test_report_html.py",),
    "extract/report/__init__.py": ("tests/test_report_html.py",),
    "extract/pipes/tagger.py": (
        "tests/pipes/test_tagger.py",
        "tests/pipes/test_tagger_build.py",
        "tests/pipes/test_gazetteers.py",
        "tests/pipes/test_count_forms.py",
        "tests/pipes/test_money_forms.py",
        "tests/pipes/test_plain_dates.py",
    ),
    "extract/pipes/dates.py": (
        "tests/pipes/test_dates_normalize.py",
        "tests/pipes/test_dates.py",
        "tests/pipes/test_date_negatives.py",
        "tests/pipes/test_plain_dates.py",
    ),
    "extract/pipes/date_guards.py": (
        "tests/pipes/test_date_guards.py",
        "tests/pipes/test_date_negatives.py",
        "tests/pipes/test_dates.py",
        "tests/pipes/test_plain_dates.py",
    ),
    "extract/pipes/money.py": (
        "tests/pipes/test_money_helpers.py",
        "tests/pipes/test_money.py",
        "tests/pipes/test_money_forms.py",
    ),
    "extract/pipes/count.py": (
        "tests/pipes/test_count_units.py",
        "tests/pipes/test_count_forms.py",
        "tests/pipes/test_count.py",
    ),
    "extract/pipes/patterns.py": (
        "tests/pipes/test_patterns.py",
        "tests/pipes/test_money_forms.py",
        "tests/pipes/test_count_forms.py",
        "tests/pipes/test_dates.py",
    ),
    "extract/pipes/items.py": ("tests/pipes/test_items.py", "tests/pipes/test_gazetteers.py"),
    "extract/pipes/acronyms.py": ("tests/pipes/test_acronyms.py", "tests/pipes/test_orgs.py"),
    "extract/pipes/distance.py": (
        "tests/pipes/test_distance_context.py",
        "tests/pipes/test_range.py",
        "tests/pipes/test_range_forms.py",
    ),
    "extract/pipes/resolver.py": ("tests/pipes/test_resolver.py", "tests/pipes/test_gazetteers.py"),
    "extract/pipes/orgs.py": ("tests/pipes/test_orgs.py",),
    "extract/pipes/lexical_flags.py": ("tests/pipes/test_lexical_flags.py",),
    "extract/pipes/match_windows.py": ("tests/pipes/test_match_windows.py",),
    "extract/pipes/arms.py": ("tests/pipes/test_arms.py",),
    "extract/pipes/quantity.py": (
        "tests/pipes/test_quantity.py",
        "tests/pipes/test_money_forms.py",
        "tests/pipes/test_range.py",
    ),
    "extract/pipes/weapons.py": ("tests/pipes/test_weapons.py", "tests/pipes/test_gazetteers.py"),
    "extract/pipes/sentences.py": ("tests/pipes/test_sentences.py",),
    "extract/pipes/furniture.py": ("tests/pipes/test_furniture.py",),
}

#: the modules of `extract/deals/`: their function-level tables (tests/deals/), and the sentence-level
#: cases of the parties where a module's rules are about them (a survivor costs seconds, not the
#: minute the whole of the deal tests would take)
PARTIES_TESTS = ("tests/test_deal_parties.py",)
OWN_TESTS.update(
    {
        "extract/deals/roles.py": (
            "tests/deals/test_cue_lists.py",
            "tests/deals/test_empty_rules.py",
            "tests/deals/test_roles.py",
            "tests/deals/test_role_lists.py",
            *PARTIES_TESTS,
        ),
        "extract/deals/sentence.py": ("tests/deals/test_sentence.py",),
        "extract/deals/stages.py": (
            "tests/deals/test_cue_lists.py",
            "tests/deals/test_empty_rules.py",
            "tests/deals/test_stages.py",
        ),
        "extract/deals/record.py": ("tests/deals/test_record.py",),
        "extract/deals/anaphora.py": (
            "tests/deals/test_anaphora.py",
            "tests/deals/test_category_items.py",
            "tests/deals/test_country_stand_ins.py",
        ),
        "extract/deals/role_completion.py": ("tests/deals/test_role_completion.py",),
        "extract/deals/grammar.py": ("tests/deals/test_grammar.py",),
        "extract/deals/parse.py": ("tests/deals/test_parse.py", "tests/test_gated_parse.py"),
        "extract/deals/parse_batch.py": ("tests/deals/test_parse_batch.py",),
        "extract/deals/standins.py": (
            "tests/deals/test_cue_lists.py",
            "tests/deals/test_empty_rules.py",
            "tests/deals/test_standins.py",
            "tests/deals/test_elaboration.py",
            *PARTIES_TESTS,
        ),
        "extract/deals/actors.py": (
            "tests/deals/test_actors.py",
            "tests/deals/test_roles.py",
            "tests/deals/test_role_lists.py",
        ),
        "extract/deals/elaboration.py": (
            "tests/deals/test_cue_lists.py",
            "tests/deals/test_empty_rules.py",
            "tests/deals/test_elaboration.py",
        ),
        "extract/deals/cues.py": ("tests/deals/test_cues.py",),
        "extract/deals/clauses.py": (
            "tests/deals/test_empty_rules.py",
            "tests/deals/test_clauses.py",
        ),
        "extract/deals/sellers.py": ("tests/deals/test_sellers.py", *PARTIES_TESTS),
        "extract/deals/aid.py": (
            "tests/deals/test_empty_rules.py",
            "tests/deals/test_aid.py",
        ),
        # the sentence-level tables of the builder first, then every deal test (they all run it)
        "extract/deals/builder.py": (
            "tests/deals/test_builder.py",
            "tests/deals",
            "tests/test_deal_rules.py",
            "tests/test_deal_frames.py",
            "tests/test_deal_parties.py",
            "tests/test_deals.py",
            "tests/test_gated_parse.py",
        ),
    }
)


#: CPU seconds the own tests of one mutant may take (ten times what they take, or more): a mutant
#: past it (a loop that no longer ends) fails its run and counts as caught, as mutmut's own timeout
#: would, without waiting for that timeout (computed from the whole selection's times: many minutes).
CPU_BUDGET = {
    "extract/numbers.py": 30,
    "extract/textnorm.py": 30,
    "extract/io/tables.py": 30,
    "extract/io/inputs.py": 30,
    "extract/batch.py": 30,
    "extract/engines.py": 30,
}
#: for the modules judged by tests that load the model (the first extraction takes seconds)
CPU_BUDGET_WITH_MODEL = 120


def module_of(mutant: str) -> str | None:
    """'extract.io.header.x_parse_header__mutmut_3' -> 'extract/io/header.py' (None for mutmut's own runs).

    A package's own mutants name the package: 'extract.report.x_write_report__mutmut_1' ->
    'extract/report/__init__.py'.
    """
    for marker in (".x_", ".xǁ"):
        if marker in mutant:
            path = mutant.split(marker)[0].replace(".", "/")
            return f"{path}/__init__.py" if (ROOT / path / "__init__.py").is_file() else f"{path}.py"
    return None


def own_tests(mutant: str) -> tuple[str, ...] | None:
    """The node-id prefixes judging `mutant`, or None when the whole selection does."""
    module = module_of(mutant)
    if module is None or module not in OWN_TESTS:
        return None
    return OWN_TESTS[module]


def _under_test() -> str:
    return os.environ.get("MUTANT_UNDER_TEST", "")


def in_scope(nodeid: str, mutant: str | None = None) -> bool:
    """Whether the test `nodeid` runs for the mutant under test (every test outside mutmut)."""
    prefixes = own_tests(mutant if mutant is not None else _under_test())
    return prefixes is None or nodeid.startswith(prefixes)


def run_order(nodeid: str, mutant: str | None = None) -> int:
    """Where the test `nodeid` comes in the run of the mutant under test (0 outside mutmut)."""
    prefixes = own_tests(mutant if mutant is not None else _under_test()) or ()
    return next((i for i, prefix in enumerate(prefixes) if nodeid.startswith(prefix)), 0)


def stop_endless_loops() -> None:
    """Under a mutant judged by its own tests, fail the run once it has used its CPU budget."""
    mutant = _under_test()
    if own_tests(mutant) is None:
        return
    budget = CPU_BUDGET.get(module_of(mutant) or "", CPU_BUDGET_WITH_MODEL)

    def give_up(signum: int, frame: object) -> None:
        raise TimeoutError(f"the mutant's own tests ran past {budget} CPU seconds")

    signal.signal(signal.SIGVTALRM, give_up)
    signal.setitimer(signal.ITIMER_VIRTUAL, budget, 1.0)  # again every second if the first is caught
    limit_memory()


#: Address space a mutant's own tests may add to what their process holds when they start: a loop
#: that keeps appending fails with MemoryError (caught) instead of taking the machine's memory
#: (one such mutant of `extract_texts` grew to 19 GB before the kernel killed it, exit -9).
MEMORY_BUDGET = 4 * 1024**3


def limit_memory(budget: int = MEMORY_BUDGET) -> int | None:
    """Cap this process's address space at its current size plus `budget`; the cap (None: not on this system)."""
    if resource is None or not os.path.exists("/proc/self/statm"):
        return None
    with open("/proc/self/statm", encoding="ascii") as statm:
        size = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = size + budget if hard == resource.RLIM_INFINITY else min(size + budget, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    return cap
