"""Component `arms_resolver`: one mention per stretch of text, longest first."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.pipes.items import Candidate

#: On equal length, which label wins ('2 000 €' is MONEY before it is a COUNT or DATE).
LABEL_PRIORITY = ("MONEY", "RANGE", "COUNT", "WEAPON", "ORG", "COUNTRY", "REGION", "DATE")


def resolve_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the longest candidate of every overlapping group, then sort by position."""
    ranked = sorted(
        candidates,
        key=lambda c: (-(c.end - c.start), LABEL_PRIORITY.index(c.label) if c.label in LABEL_PRIORITY else 99, c.start),
    )
    taken: set[int] = set()
    kept: list[Candidate] = []
    for candidate in ranked:
        tokens = range(candidate.start, candidate.end)
        if any(i in taken for i in tokens):
            continue
        taken.update(tokens)
        kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)


class ArmsResolver:
    """Replaces `doc._.arms_candidates` by its non-overlapping selection."""

    def __call__(self, doc: Doc) -> Doc:
        """Keep the non-overlapping selection of candidates."""
        doc._.arms_candidates = resolve_overlaps(list(doc._.arms_candidates or []))
        return doc


@Language.factory("arms_resolver")
def make_arms_resolver(nlp: Language, name: str) -> ArmsResolver:
    """spaCy factory: `nlp.add_pipe("arms_resolver")`."""
    return ArmsResolver()
