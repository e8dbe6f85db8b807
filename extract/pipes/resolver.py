"""Component `arms_resolver`: one mention per stretch of text, longest first."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.pipes.items import Candidate

#: On equal length, which label wins ('2 000 €' is MONEY before it is a COUNT or DATE).
LABEL_PRIORITY = ("MONEY", "RANGE", "COUNT", "WEAPON", "ORG", "COUNTRY", "REGION", "DATE")
#: (outer, inner) labels that may nest: the demonym of 'marine turque' is also a COUNTRY,
#: the maker in 'Dassault Rafale' also an ORG.
NESTABLE = frozenset({("ORG", "COUNTRY"), ("WEAPON", "ORG"), ("MONEY", "COUNTRY")})


def resolve_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the longest candidate of every overlapping group (nesting of NESTABLE labels
    allowed), then sort by position."""
    ranked = sorted(
        candidates,
        key=lambda c: (-(c.end - c.start), LABEL_PRIORITY.index(c.label) if c.label in LABEL_PRIORITY else 99, c.start),
    )
    kept: list[Candidate] = []
    for candidate in ranked:
        if candidate.extra.get("compound") and any(
            k.extra.get("compound") and (k.start, k.end) == (candidate.start, candidate.end) for k in kept
        ):
            kept.append(candidate)  # 'franco-allemand': one word, two countries
            continue
        if any(
            other.start < candidate.end
            and candidate.start < other.end
            and not (
                (other.label, candidate.label) in NESTABLE
                and other.start <= candidate.start
                and candidate.end <= other.end
            )
            for other in kept
        ):
            continue
        kept.append(candidate)
    return sorted(kept, key=lambda c: (c.start, -c.end))


def outside_furniture(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates that do not overlap a furniture line (`doc._.furniture`, see `arms_furniture`)."""
    furniture = doc._.furniture if doc.has_extension("furniture") else None
    if not furniture:
        return candidates
    kept = []
    for candidate in candidates:
        start, end = doc[candidate.start].idx, doc[candidate.end - 1].idx + len(doc[candidate.end - 1])
        if not any(f.start < end and start < f.end for f in furniture):
            kept.append(candidate)
    return kept


class ArmsResolver:
    """Replaces `doc._.arms_candidates` by its non-overlapping selection, furniture left out."""

    def __call__(self, doc: Doc) -> Doc:
        """Keep the non-overlapping selection of candidates outside furniture lines."""
        doc._.arms_candidates = resolve_overlaps(outside_furniture(doc, list(doc._.arms_candidates or [])))
        return doc


@Language.factory("arms_resolver")
def make_arms_resolver(nlp: Language, name: str) -> ArmsResolver:
    """spaCy factory: `nlp.add_pipe("arms_resolver")`."""
    return ArmsResolver()
