"""Component `arms_patterns`: the JSONL token patterns of rules/patterns, normalized per label.

Patterns may use `{"LEX": "currency"}` for any word class the tagger marks; it expands
to the tagger's token attributes. `start_at` / `end_at` trim a match to a word class
('en avril' -> 'avril').
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from extract.errors import Messages, RulesError
from extract.labels import spec_of
from extract.pipes.count import normalize_count
from extract.pipes.dates import normalize_date
from extract.pipes.distance import normalize_range
from extract.pipes.items import Candidate, LexItem, items_in, register_extensions, slot_of
from extract.pipes.lexical_flags import LexicalFlags
from extract.pipes.match_windows import WindowedMatcher
from extract.pipes.money import normalize_money
from extract.pipes.orgs import normalize_institution
from extract.pipes.weapons import normalize_unlisted_weapon
from extract.rules import PatternRule, RuleSet, load_rules

Normalizer = Callable[[Doc, int, int, list[LexItem], PatternRule], Candidate | None]
#: Normalizers by name; a label's spec (extract.labels) names the one its matches go through.
NORMALIZERS: dict[str, Normalizer] = {
    "money": normalize_money,
    "count": normalize_count,
    "range": normalize_range,
    "date": normalize_date,
    "unlisted_weapon": normalize_unlisted_weapon,
    "institution": normalize_institution,
    "text": lambda doc, start, end, items, rule: Candidate(rule.label, start, end, doc[start:end].text, "", rule.id),
}


def expand_lex(pattern: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Replace each `{"LEX": cls}` by conditions on the tagger's token attributes.

    `{"LEX": ["currency", "scaled_currency"]}` accepts an item of either class; an
    optional item (`"OP": "?"`) becomes a second pattern without it, so a match never
    starts inside an item.
    """
    alternatives: list[list[dict[str, Any]]] = [[]]
    for token in pattern:
        if "LEX" not in token:
            alternatives = [alt + [token] for alt in alternatives]
            continue
        classes = token["LEX"] if isinstance(token["LEX"], list) else [token["LEX"]]
        by_slot: dict[str, list[str]] = {}
        for cls in classes:
            by_slot.setdefault(slot_of(cls)[0], []).append(cls)
        # Other keys on a LEX token ({"LEX": "currency", "IS_UPPER": true}) constrain its first token.
        conditions = {k: v for k, v in token.items() if k not in ("LEX", "OP")}
        items = [
            [
                {attr: {"IN": [f"B-{c}" for c in group]} if len(group) > 1 else f"B-{group[0]}", **conditions},
                {attr: {"IN": [f"I-{c}" for c in group]} if len(group) > 1 else f"I-{group[0]}", "OP": "*"},
            ]
            for attr, group in by_slot.items()
        ]
        with_item = [alt + item for alt in alternatives for item in items]
        alternatives = with_item + alternatives if token.get("OP") == "?" else with_item
    return alternatives


class ArmsPatterns:
    """Runs every pattern, trims, normalizes; candidates go to `doc._.arms_candidates`."""

    def __init__(self, nlp: Language, rules: RuleSet) -> None:
        register_extensions()
        checked = Matcher(nlp.vocab, validate=True)  # spaCy's own check of the patterns as written
        # the same patterns, word tests as lexeme flags, each matched only where it can start
        self.matcher = WindowedMatcher(nlp.vocab)
        flags = LexicalFlags(nlp.vocab)
        self.rules: dict[str, PatternRule] = {}
        self.normalizers: dict[str, Normalizer] = {}
        for rule in rules.patterns:
            try:
                alternatives = expand_lex(rule.pattern)
                checked.add(rule.id, alternatives, greedy="LONGEST")
                self.matcher.add(rule.id, [flags.rewrite(a) for a in alternatives], greedy="LONGEST")
            except (ValueError, KeyError, TypeError) as error:
                path, _, line = rule.source.partition(":")
                raise RulesError(
                    rules.root / "patterns" / path, int(line), Messages.E009.format(error=error)
                ) from error
            self.rules[rule.id] = rule
            self.normalizers[rule.id] = NORMALIZERS[str(spec_of(rule.label).normalizer)]
        flags.apply()

    def __call__(self, doc: Doc) -> Doc:
        """Run the patterns and add their normalized candidates."""
        candidates: list[Candidate] = list(doc._.arms_candidates or [])
        for match_id, start, end in self.matcher(doc):
            rule = self.rules[doc.vocab.strings[match_id]]
            start, end = _trim(doc, start, end, rule)
            if start >= end:
                continue
            candidate = self.normalizers[rule.id](doc, start, end, items_in(doc, start, end), rule)
            if candidate is not None:
                candidates.append(candidate)
        doc._.arms_candidates = candidates
        return doc


def _trim(doc: Doc, start: int, end: int, rule: PatternRule) -> tuple[int, int]:
    """Trim to the first item of `start_at` and the last (or, with ':first', the first) of `end_at`."""
    items = items_in(doc, start, end)
    if rule.start_at:
        firsts = [i.start for i in items if i.cls == rule.start_at]
        start = firsts[0] if firsts else end
    if rule.end_at:
        cls, _, which = rule.end_at.partition(":")
        ends = [i.end for i in items if i.cls == cls and i.start >= start]
        end = (ends[0] if which == "first" else ends[-1]) if ends else start
    return start, end


@Language.factory("arms_patterns", default_config={"rules_dir": None})
def make_arms_patterns(nlp: Language, name: str, rules_dir: str | None) -> ArmsPatterns:
    """spaCy factory: `nlp.add_pipe("arms_patterns", config={"rules_dir": ...})`."""
    return ArmsPatterns(nlp, load_rules(rules_dir))
