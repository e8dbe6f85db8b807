"""Component `arms_acronyms`: organizations an article names with an acronym it defines.

'l'Agence européenne de défense (AED) ... l'AED a financé' : the name before the brackets is
an ORG (a gazetteer ORG, or a phrase starting with a word of rules/lexicons/org_heads.csv:
Agence, Centre, Direction...), and the acronym is the same ORG wherever the article uses it
afterwards. Runs after the gazetteer and patterns, before `arms_resolver`.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from extract.pipes.items import Candidate, items_starting_at, register_extensions

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,9}$")
#: How many words an organization's name may have before its bracketed acronym.
MAX_NAME_WORDS = 12


class ArmsAcronyms:
    """Adds ORG candidates for defined acronyms and the names that define them."""

    def __init__(self) -> None:
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        """Find '<name> (<ACRONYM>)' definitions and every later use of the acronym."""
        candidates: list[Candidate] = list(doc._.arms_candidates or [])
        taken = {i for c in candidates for i in range(c.start, c.end)}
        defined: dict[str, Candidate] = {}
        for i in range(2, len(doc) - 1):
            if doc[i - 1].text != "(" or doc[i + 1].text != ")" or not _ACRONYM.match(doc[i].text):
                continue
            acronym = doc[i].text
            if i in taken or acronym in defined:
                continue
            name = self._named_before(doc, i - 1, candidates)
            if name is None:
                continue
            if name not in candidates:
                candidates.append(name)
            defined[acronym] = name
        for acronym, name in defined.items():
            for j in range(name.end, len(doc)):
                if doc[j].text == acronym and j not in taken:
                    candidates.append(
                        Candidate(
                            "ORG", j, j + 1, name.value, "", "org-acronym", form_kind="acronym", extra=dict(name.extra)
                        )
                    )
                    taken.add(j)
        doc._.arms_candidates = candidates
        return doc

    @staticmethod
    def _named_before(doc: Doc, bracket: int, candidates: list[Candidate]) -> Candidate | None:
        """The ORG that ends right before the bracket: a gazetteer ORG, or an org-head phrase."""
        listed = [c for c in candidates if c.label == "ORG" and c.end == bracket]
        if listed:
            return max(listed, key=lambda c: c.end - c.start)
        first = max(doc[bracket].sent.start, bracket - MAX_NAME_WORDS)
        for start in range(first, bracket):
            token = doc[start]
            heads = items_starting_at(doc, start, "org_heads")
            if (
                heads
                and token.is_title
                and not any(t.is_punct and t.text not in ("'", "’", "-") for t in doc[start:bracket])
            ):
                text = " ".join(doc[start:bracket].text.split())
                return Candidate(
                    "ORG",
                    start,
                    bracket,
                    text,
                    "",
                    "org-defined-by-acronym",
                    form_kind="name",
                    extra={"country": "", "entity_kind": str(heads[0].value)},
                )
        return None


@Language.factory("arms_acronyms")
def make_arms_acronyms(nlp: Language, name: str) -> ArmsAcronyms:
    """spaCy factory: `nlp.add_pipe("arms_acronyms")` (after arms_patterns, before arms_resolver)."""
    return ArmsAcronyms()
