"""Word tests of the token patterns as lexeme flags: a regex or a word list tried once per word.

spaCy's Matcher calls a Python predicate (`{"LOWER": {"IN": [...]}}`, `{"TEXT": {"REGEX": ...}}`)
at every token for every pattern that may start there, which made the patterns the costliest
rule step. A test that reads only the word itself (its text or lower-case form) gives the same
answer for every token of that word, so it becomes a flag of the vocabulary's lexemes
(`Vocab.add_flag`): computed once per word the vocabulary meets, then checked in C like
`IS_DIGIT`. The patterns in rules/ keep their readable form; only the compiled Matcher sees flags.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from spacy.vocab import Vocab

#: Pattern attributes a lexeme knows, and the form of the word each reads.
LEXICAL_ATTRS = {"TEXT": "text", "ORTH": "text", "LOWER": "lower"}
#: The tests a flag can stand for.
FLAGGED_OPS = ("REGEX", "IN")
#: The lexeme flag bits spaCy leaves for custom flags (FLAG19..FLAG63; 1-18 are IS_ALPHA and the like).
FLAG_BITS = range(19, 64)


@dataclass(frozen=True)
class WordTest:
    """One attribute test of a token pattern, as a function of the word (picklable)."""

    form: str  # 'text' or 'lower'
    op: str  # 'REGEX' or 'IN'
    value: Any = field(hash=False, compare=False)
    key: str = ""  # what makes two tests the same: form, op and value

    def __post_init__(self) -> None:
        if self.op == "REGEX":  # compiled once: the test runs on every word the vocabulary holds
            object.__setattr__(self, "value", re.compile(self.value))

    def __call__(self, word: str) -> bool:
        """Whether `word` passes the test."""
        text = word if self.form == "text" else word.lower()
        if self.op == "REGEX":
            return self.value.search(text) is not None
        return text in self.value


def word_test(attr: str, condition: Any) -> WordTest | None:
    """The WordTest of `{attr: condition}`, or None when it is not a word test we flag."""
    if attr not in LEXICAL_ATTRS or not isinstance(condition, dict) or len(condition) != 1:
        return None
    op, value = next(iter(condition.items()))
    if op not in FLAGGED_OPS:
        return None
    form = LEXICAL_ATTRS[attr]
    if op == "IN":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return None
        return WordTest(form, op, frozenset(value), f"{form} IN {sorted(set(value))}")
    if not isinstance(value, str):
        return None
    return WordTest(form, op, value, f"{form} REGEX {value}")


class LexicalFlags:
    """Rewrites token patterns so the word tests of their first token read lexeme flags of `vocab`.

    Only first tokens: spaCy tries every pattern's first token at every token of a Doc, while a
    later token is tried only where a match is under way. Call `apply` once the patterns are
    rewritten: it sets the new flags on the words the vocabulary already holds, in one pass (words
    met later get theirs when spaCy creates them).
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        #: bit -> what computes it (the language's lexical attributes, then the flags added here)
        self.getters: dict[int, Any] = vocab.lex_attr_getters  # type: ignore[attr-defined]
        self.added: dict[int, WordTest] = {}

    def flag_of(self, test: WordTest) -> int | None:
        """The flag bit of `test` in the vocabulary (reserved on first use), None when none is free."""
        for bit, getter in self.getters.items():
            if isinstance(getter, WordTest) and getter.key == test.key:
                return int(bit)
        free = next((bit for bit in FLAG_BITS if bit not in self.getters), None)
        if free is not None:
            self.getters[free] = self.added[free] = test
        return free

    def rewrite(self, pattern: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The pattern with the flaggable word tests of its first token replaced by flags (same matches)."""
        first: dict[Any, Any] = {}
        for attr, condition in pattern[0].items():
            test = word_test(attr, condition)
            bit = self.flag_of(test) if test is not None else None
            if bit is None:
                first[attr] = condition
            else:
                first[bit] = True
        return [first, *pattern[1:]]

    def apply(self) -> None:
        """Set the flags reserved since the last call on every word the vocabulary holds."""
        added, self.added = self.added, {}
        if not added:
            return
        for lexeme in self.vocab:
            word = lexeme.orth_
            for bit, test in added.items():
                if test(word):
                    lexeme.set_flag(bit, True)
