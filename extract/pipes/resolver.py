"""Component `arms_resolver`: one mention per stretch of text, longest first."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.labels import spec_of
from extract.pipes.items import SPANS_KEY, Candidate, clear_word_class_marks, register_extensions, to_span

#: (outer, inner) labels that may nest: the demonym of 'marine turque' is also a COUNTRY,
#: the maker in 'Dassault Rafale' also an ORG.
NESTABLE = frozenset({("ORG", "COUNTRY"), ("WEAPON", "ORG"), ("MONEY", "COUNTRY")})


def resolve_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the longest candidate of every overlapping group (nesting of NESTABLE labels
    allowed), then sort by position. The kept ones are indexed by token, so a candidate is
    compared with those on its own tokens only (linear in the number of candidates)."""
    ranked = sorted(
        candidates,
        key=lambda c: (-(c.end - c.start), spec_of(c.label).priority, c.start),
    )
    kept: list[Candidate] = []
    on_token: dict[int, list[Candidate]] = {}
    compounds: set[tuple[int, int]] = set()
    for candidate in ranked:
        if candidate.extra.get("compound") and (candidate.start, candidate.end) in compounds:
            _keep(candidate, kept, on_token, compounds)  # 'franco-allemand': one word, two countries
            continue
        others = {id(o): o for i in range(candidate.start, candidate.end) for o in on_token.get(i, [])}.values()
        if any(
            not (
                (other.label, candidate.label) in NESTABLE
                and other.start <= candidate.start
                and candidate.end <= other.end
            )
            for other in others
        ):
            continue
        _keep(candidate, kept, on_token, compounds)
    return sorted(kept, key=lambda c: (c.start, -c.end))


def _keep(
    candidate: Candidate, kept: list[Candidate], on_token: dict[int, list[Candidate]], compounds: set[tuple[int, int]]
) -> None:
    kept.append(candidate)
    for i in range(candidate.start, candidate.end):
        on_token.setdefault(i, []).append(candidate)
    if candidate.extra.get("compound"):
        compounds.add((candidate.start, candidate.end))


def outside_furniture(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates that do not overlap a furniture line (`doc._.furniture`, see `arms_furniture`)."""
    furniture = doc._.furniture if doc.has_extension("furniture") else None
    if not furniture:
        return candidates
    kept = []
    for candidate in candidates:
        start, end = doc[candidate.start].idx, doc[candidate.end - 1].idx + len(doc[candidate.end - 1])
        if not any(f_start < end and start < f_end for f_start, f_end, _ in furniture):
            kept.append(candidate)
    return kept


def outermost(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates no other one contains: what `doc.ents` can hold (it allows no nesting).

    `candidates` come from `resolve_overlaps`: two of them either nest or do not touch.
    """
    kept: list[Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c.start, -c.end)):
        if not kept or candidate.start >= kept[-1].end:
            kept.append(candidate)
    return kept


class ArmsResolver:
    """Keeps the non-overlapping selection of candidates (nesting allowed, furniture left out) and
    writes them as `doc.spans["arms"]`, the outermost ones as `doc.ents`."""

    def __init__(self) -> None:
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        """Resolve overlaps; write the mentions as Spans."""
        kept = resolve_overlaps(outside_furniture(doc, list(doc._.arms_candidates or [])))
        doc._.arms_candidates = kept
        spans = {id(c): to_span(doc, c) for c in kept}
        doc.spans[SPANS_KEY] = list(spans.values())
        clear_word_class_marks(doc)  # they share the entity attributes
        doc.set_ents([spans[id(c)] for c in outermost(kept)], default="outside")
        return doc


@Language.factory("arms_resolver", assigns=["doc.spans", "doc.ents"])
def make_arms_resolver(nlp: Language, name: str) -> ArmsResolver:
    """spaCy factory: `nlp.add_pipe("arms_resolver")`."""
    return ArmsResolver()
