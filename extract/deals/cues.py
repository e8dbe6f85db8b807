"""Deal cue words found in a sentence: triggers, hedges, role phrases, value exclusions (rules/deals/)."""

from __future__ import annotations

from dataclasses import dataclass

from extract.rules import DealCue


@dataclass(frozen=True)
class CueHit:
    """A cue found at tokens [start, end)."""

    start: int
    end: int
    cue: DealCue


#: Words each cue index remembers before it starts afresh (the frequent words come back at once), so
#: that memory stays flat over a corpus's growing vocabulary.
MEMO_WORDS = 20_000
#: What `CueIndex.starting_with` gives for a word no cue starts with (one object, compared by identity).
NO_CUE: tuple[DealCue, ...] = ()


def has_stage(hit: CueHit) -> bool:
    """Whether a trigger gives a stage ('commandé'), unlike a stage-less one ('vente') or a blocker."""
    return hit.cue.kind not in ("", "none")


def word_matches(pattern: str, token: str) -> bool:
    """Whether a folded token is a cue word ('approuv*' matches any token starting so)."""
    return token.startswith(pattern[:-1]) if pattern.endswith("*") else token == pattern


class CueIndex:
    """Cues looked up by their first word: exact words in a dict, prefixes ('approuv*') by length."""

    def __init__(self, cues: list[DealCue]) -> None:
        self.exact: dict[str, list[DealCue]] = {}
        self.prefixes: dict[int, dict[str, list[DealCue]]] = {}
        self._seen: dict[str, tuple[DealCue, ...]] = {}
        for cue in cues:
            first = cue.words[0]
            if first.endswith("*"):
                self.prefixes.setdefault(len(first) - 1, {}).setdefault(first[:-1], []).append(cue)
            else:
                self.exact.setdefault(first, []).append(cue)

    def starting_with(self, token: str) -> tuple[DealCue, ...]:
        """Cues whose first word matches `token` (memoized: news repeats its words; `NO_CUE` for most)."""
        found = self._seen.get(token)
        if found is None:
            cues = list(self.exact.get(token, ()))
            for length, table in self.prefixes.items():
                cues.extend(table.get(token[:length], ()) if len(token) >= length else ())
            found = tuple(cues) or NO_CUE
            if len(self._seen) >= MEMO_WORDS:
                self._seen.clear()  # the frequent words come back first
            self._seen[token] = found
        return found


def _specificity(cue: DealCue) -> tuple[int, bool, int]:
    """More words first, then an exact last word over a prefix ('vend' over 'vend*'), then length."""
    return len(cue.words), not cue.words[-1].endswith("*"), len(cue.words[-1])


def find_cues(folded: list[str], cues: CueIndex, start: int, end: int) -> list[CueHit]:
    """Cue occurrences in tokens [start, end); at each position the longest cue wins."""
    hits: list[CueHit] = []
    seen = cues._seen.get  # most tokens start no cue: their memo (NO_CUE), read without a call
    i = start
    for k in [k for k in range(start, end) if seen(folded[k]) is not NO_CUE]:
        if k < i:
            continue  # inside the cue found before
        i = k
        best: CueHit | None = None
        for cue in cues.starting_with(folded[i]):
            n = len(cue.words)
            if i + n <= end and all(word_matches(w, folded[i + j]) for j, w in enumerate(cue.words[1:], start=1)):
                if best is None or _specificity(cue) > _specificity(best.cue):
                    best = CueHit(i, i + n, cue)
        if best is not None:
            hits.append(best)
            i = best.end
    return hits
