"""Component `arms_furniture`: lines of a crawled page that are not the article.

Section labels ("International"), photo credits ("Photo : Reuters"), bylines and update
stamps ("Mis à jour le 04/11 à 10h02"), broadcast times, share and subscribe lines, site
slogans. They are recognized with `rules/furniture/` (a lexicon of whole lines, line
patterns, and credits in brackets inside a line) and nothing is extracted from them: `arms_resolver` drops every candidate that
overlaps one. A quoted social-media post or a caption that states a fact is article text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from extract.pipes.items import register_extensions
from extract.rules import RuleSet, furniture_key, load_rules

#: Longer lines are article text whatever they start with.
MAX_FURNITURE_CHARS = 200
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class FurnitureLine:
    """A furniture line at characters [start, end) of a text, and what kind it is."""

    start: int
    end: int
    kind: str


def find_furniture(text: str, rules: RuleSet) -> list[FurnitureLine]:
    """Every furniture line of `text`, whitespace trimmed.

    >>> rules = load_rules()
    >>> [(f.kind, f.start) for f in find_furniture("Défense\\n\\nLe Maroc commande.\\nPhoto : AFP", rules)]
    [('section', 0), ('credit', 28)]
    """
    found = []
    for match in _LINE.finditer(text):
        line = match.group()
        stripped = line.strip()
        if not stripped or len(stripped) > MAX_FURNITURE_CHARS:
            continue
        kind = rules.furniture_labels.get(furniture_key(stripped))
        if kind is None:
            kind = next((p.kind for p in rules.furniture_patterns if p.regex.fullmatch(stripped)), None)
        if kind is not None:
            start = match.start() + (len(line) - len(line.lstrip()))
            found.append(FurnitureLine(start, start + len(stripped), kind))
            continue
        for pattern in rules.furniture_inline:  # '... le 13 novembre (© Naval Group)': only the credit
            found.extend(
                FurnitureLine(match.start() + m.start(), match.start() + m.end(), pattern.kind)
                for m in pattern.regex.finditer(line)
            )
    return found


class ArmsFurniture:
    """Adds the furniture lines of a Doc to `doc._.furniture`: (start, end, kind) character ranges."""

    def __init__(self, rules: RuleSet) -> None:
        register_extensions()
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        """Find the furniture lines; ranges already set (a header credit) are kept."""
        found = [(f.start, f.end, f.kind) for f in find_furniture(doc.text, self.rules)]
        doc._.furniture = [*(doc._.furniture or []), *found]
        return doc


@Language.factory("arms_furniture", default_config={"rules_dir": None})
def make_arms_furniture(nlp: Language, name: str, rules_dir: str | None) -> ArmsFurniture:
    """spaCy factory: `nlp.add_pipe("arms_furniture", config={"rules_dir": ...})`."""
    return ArmsFurniture(load_rules(rules_dir))
