"""Token patterns matched only where they can start.

spaCy's Matcher starts every pattern at every token of a Doc, which made it the costliest rule
step, although most patterns can start only at a few tokens: the first token of most patterns is
a word class item (`B-number`, `B-month`) or a word test the vocabulary flags (`LexicalFlags`).
`WindowedMatcher` groups the patterns by that first token, finds where each group can start in one
pass over `Doc.to_array`, and runs the group's Matcher on windows from there as far as its
patterns reach: so many tokens per pattern token, and over an item's continuation (`I-number`
tokens) as far as the Doc's item goes. Patterns with another first token run on the whole Doc.

The matches are those of one Matcher over the whole Doc: a match starts at an anchor of its group
and ends inside that anchor's window, and the `greedy` filter (longest first, no overlap, per
pattern key) is applied here to the matches of all groups together, as the Matcher applies it.
They are returned by position, then in the order the patterns were added.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from spacy.attrs import ENT_ID, ENT_KB_ID, LOWER, ORTH
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

Pattern = list[dict[Any, Any]]  # keys: attribute names, or lexeme flag bits (`LexicalFlags`)
#: The token attributes that hold word class items: "B-<class>" on an item's first token, "I-<class>" after.
ITEM_ATTRS = {"ENT_KB_ID": ENT_KB_ID, "ENT_ID": ENT_ID}
#: Word attributes a first token may name its words by.
WORD_ATTRS = {"LOWER": LOWER, "ORTH": ORTH, "TEXT": ORTH}
_COUNT = re.compile(r"\{(\d*)(?:(,)(\d*))?\}")
#: A pattern token that matches an item's continuation: as many tokens as the Doc's item has.
CONTINUATION = -1


def _values(condition: Any) -> list[str] | None:
    """The strings `{ATTR: condition}` accepts; None when it is not a plain value or an IN list."""
    if isinstance(condition, str):
        return [condition]
    if isinstance(condition, dict) and set(condition) == {"IN"} and all(isinstance(v, str) for v in condition["IN"]):
        return list(condition["IN"])
    return None


def continuation_values(token: dict[str, Any]) -> list[str]:
    """The `I-<class>` values a pattern token accepts, if it accepts only an item's continuation."""
    for name in ITEM_ATTRS:
        values = _values(token.get(name))
        if values and all(v.startswith("I-") for v in values):
            return values
    return []


def most_tokens(token: dict[str, Any]) -> int | None:
    """The most tokens one pattern token can match: a number, CONTINUATION, or None (no bound)."""
    op = token.get("OP")
    if op in (None, "?", "!"):
        return 1
    counted = _COUNT.fullmatch(op) if isinstance(op, str) else None
    if counted and (counted.group(3) or not counted.group(2)):
        return int(counted.group(3) or counted.group(1) or 0)
    return CONTINUATION if continuation_values(token) else None


def anchor_of(first: dict[Any, Any], vocab: Vocab) -> tuple[int, tuple[int, ...]] | None:
    """(attribute, accepted values) of a pattern's first token when it tells alone where the pattern
    can start: a required word class item, a lexeme flag (a bit set to True) or words; else None."""
    if "OP" in first:
        return None
    for name, attr in ITEM_ATTRS.items():
        values = _values(first.get(name))
        if values and all(v.startswith("B-") for v in values):
            return attr, tuple(sorted(vocab.strings.add(v) for v in values))
    bits = sorted(key for key, value in first.items() if isinstance(key, int) and value is True)
    if bits:
        return bits[0], (1,)
    for name, attr in WORD_ATTRS.items():
        values = _values(first.get(name))
        if values:
            return attr, tuple(sorted(vocab.strings.add(v) for v in values))
    return None


@dataclass
class _Group:
    """Patterns that start at the same kind of token, and how far they reach from it."""

    anchor: tuple[int, tuple[int, ...]] | None  # None: the whole Doc
    matcher: Matcher
    tokens: int = 0  # the most tokens its patterns match after the first, items' continuations apart
    keys: set[str] = field(default_factory=set)


class WindowedMatcher:
    """The patterns of `add` matched as one greedy Matcher would, each group on its windows only."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.groups: dict[Any, _Group] = {}
        self.rank: dict[int, int] = {}
        self.greedy: dict[int, str | None] = {}
        self._continuations: set[int] = set()
        # what every Doc reads (attributes, continuation values): made once after the last `add`
        self._arrays: tuple[list[int | str], np.ndarray] | None = None

    def add(self, key: str, patterns: Sequence[Pattern], greedy: str | None = None) -> None:
        """Add the patterns of `key` (as `Matcher.add`; greedy None, 'LONGEST' or 'FIRST')."""
        self._arrays = None
        key_id = self.vocab.strings.add(key)
        self.rank.setdefault(key_id, len(self.rank))
        self.greedy[key_id] = greedy
        by_group: dict[Any, list[Pattern]] = defaultdict(list)
        for pattern in patterns:
            most = [most_tokens(token) for token in pattern[1:]]
            anchor = anchor_of(pattern[0], self.vocab) if pattern and None not in most else None
            by_group[anchor].append(pattern)
            group = self.groups.get(anchor)
            if group is None:
                group = self.groups[anchor] = _Group(anchor, Matcher(self.vocab, validate=False))
            group.tokens = max(group.tokens, sum(m for m in most if m is not None and m > 0))
            for token in pattern:
                self._continuations.update(self.vocab.strings.add(v) for v in continuation_values(token))
        for anchor, grouped in by_group.items():
            self.groups[anchor].matcher.add(key, grouped)
            self.groups[anchor].keys.add(key)

    def __len__(self) -> int:
        """The number of keys (as `Matcher`)."""
        return len(self.rank)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(match_id, start, end) of the whole Doc, by position, then by the order keys were added."""
        n = len(doc)
        if n == 0:
            return []
        attrs, continuations = self._read_arrays()
        array = doc.to_array(attrs).reshape(n, len(attrs))
        columns = {attr: array[:, index] for index, attr in enumerate(attrs)}
        inside = np.isin(columns[ENT_KB_ID], continuations) | np.isin(columns[ENT_ID], continuations)
        # forward[p]: the first token at or after p that continues no item
        outside = np.append(np.flatnonzero(~inside), n)
        forward = outside[np.searchsorted(outside, np.arange(n + 1))].tolist()
        found: dict[int, set[tuple[int, int]]] = defaultdict(set)
        for group in self.groups.values():
            if group.anchor is None:
                windows = [(0, n)]
            else:
                attr, values = group.anchor
                column = columns[attr]
                starts = np.flatnonzero(column == values[0] if len(values) == 1 else np.isin(column, values))
                windows = _merged(starts.tolist(), forward, group.tokens, n)
            for start, end in windows:
                for key, first, last in group.matcher(doc[start:end] if (start, end) != (0, n) else doc):
                    found[key].add((start + first, start + last))
        matches = [
            (key, start, end) for key, pairs in found.items() for start, end in _filtered(pairs, self.greedy[key])
        ]
        return sorted(matches, key=lambda m: (m[1], m[2], self.rank[m[0]]))

    def _read_arrays(self) -> tuple[list[int | str], np.ndarray]:
        """The token attributes the anchors read, and the item continuation values (made once)."""
        if self._arrays is None:
            anchors = {group.anchor[0] for group in self.groups.values() if group.anchor is not None}
            continuations = np.fromiter(self._continuations, dtype=np.uint64, count=len(self._continuations))
            self._arrays = list(sorted({ENT_KB_ID, ENT_ID, *anchors})), continuations
        return self._arrays


def _merged(starts: list[int], forward: list[int], tokens: int, n: int) -> list[tuple[int, int]]:
    """The windows from each start as far as `tokens` more tokens reach when each may be followed by
    an item's continuation (the most any of the group's patterns can match), overlapping ones merged."""
    windows: list[tuple[int, int]] = []
    for start in starts:
        end = forward[start + 1]
        for _ in range(tokens):
            end = forward[min(end + 1, n)]
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], end))
        else:
            windows.append((start, end))
    return windows


def _filtered(pairs: set[tuple[int, int]], greedy: str | None) -> list[tuple[int, int]]:
    """spaCy's `greedy` filter: the longest (or first) matches of one key that do not overlap."""
    if greedy is None:
        return sorted(pairs)
    if greedy == "LONGEST":
        ordered = sorted(pairs, key=lambda p: (p[1] - p[0], -p[0]), reverse=True)
    else:
        ordered = sorted(pairs, key=lambda p: (p[0], -p[1]))
    taken: set[int] = set()
    kept = []
    for start, end in ordered:
        if not taken.intersection(range(start, end)):
            kept.append((start, end))
            taken.update(range(start, end))
    return kept
