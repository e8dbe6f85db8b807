"""What a rules folder becomes: plain, typed Python objects the pipes read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from extract.errors import RulesError
from extract.textnorm import fold


@dataclass(frozen=True)
class LexiconEntry:
    """One word-class form: 'milliards' is a scale of 10^9."""

    form: str
    value: Any
    source: str


@dataclass(frozen=True)
class GazetteerEntry:
    """One written form of a named entity and what it normalizes to."""

    label: str
    form: str
    value: str
    unit: str
    kind: str
    rule_id: str
    source: str
    country: str = ""
    entity_kind: str = ""
    #: a weapon variant's family designation ('Gripen E' -> 'JAS 39 Gripen'); a family is its own
    family: str = ""
    #: a weapon's maker as weapons.csv names it ('Dassault Aviation')
    manufacturer: str = ""
    #: the other countries of a weapon's joint programme ('Eurofighter Typhoon': GBR, ITA, ESP)
    co_producers: tuple[str, ...] = ()


@dataclass(frozen=True)
class ArgumentPattern:
    """One DependencyMatcher pattern of deals/arguments.jsonl: how a trigger's clause word reaches a party."""

    id: str
    kind: str
    pattern: list[dict[str, Any]]
    source: str


@dataclass(frozen=True)
class DealCue:
    """A word or phrase that tells a deal's stage, direction, hedging or a non-deal amount.

    `words` are folded tokens; a word ending in '*' matches any token starting with it.
    """

    words: tuple[str, ...]
    kind: str
    direction: str
    source: str
    #: a stage-less trigger's stage when no stage word stands in its sentence ('la vente de six
    #: sous-marins à l'Inde': ordered)
    unstaged: str = ""


@dataclass(frozen=True)
class PatternRule:
    """One spaCy Matcher pattern line, with the LEX macros still unexpanded."""

    id: str
    label: str
    pattern: list[dict[str, Any]]
    start_at: str | None
    end_at: str | None
    source: str
    #: "sentence": a count whose noun is elided takes the unit of the sentence's system or noun
    unit_from: str | None = None


@dataclass(frozen=True)
class FurniturePattern:
    """A page-furniture line shape: a regular expression the whole (stripped) line matches."""

    regex: re.Pattern[str]
    kind: str
    source: str


@dataclass(frozen=True)
class MilitaryNoun:
    """A counted noun: its lemma (the COUNT unit) and the SIPRI category it suggests."""

    lemma: str
    category: str
    #: before a named system, counts it: 'group' ("trois batteries de Patriot" -> unit "batterie
    #: Patriot") or 'item' ("huit exemplaires du Rafale" -> unit "Rafale"); '' otherwise
    unit: str = ""

    def __str__(self) -> str:
        return self.lemma


@dataclass(frozen=True)
class Currency:
    """A currency form: its ISO 4217 code (several for a word several countries use), and whether it
    is money only where the text speaks of money ('361 millions de livres', not 'trois livres')."""

    code: str | tuple[str, ...]
    needs_context: bool = False


@dataclass(frozen=True)
class DistanceUnit:
    """A distance unit: its length in km, and whether it needs a range noun before it
    ('une portée de 800 mètres' is a range, 'un navire de 62 mètres' is not)."""

    km: Decimal
    needs_context: bool = False


@dataclass
class RuleSet:
    """Everything loaded from one rules folder."""

    root: Path
    settings: dict[str, Any] = field(default_factory=dict)
    #: token shapes (rules/shapes.toml): name -> compiled regular expression
    shapes: dict[str, re.Pattern[str]] = field(default_factory=dict)
    #: words glued before a date with a hyphen ('mi-2025', 'fin-mars')
    period_prefixes: tuple[str, ...] = ()
    lexicons: dict[str, list[LexiconEntry]] = field(default_factory=dict)
    gazetteer: list[GazetteerEntry] = field(default_factory=list)
    patterns: list[PatternRule] = field(default_factory=list)
    #: deals/arguments.jsonl: DependencyMatcher patterns from a trigger's clause to its parties
    arguments: list[ArgumentPattern] = field(default_factory=list)
    deal_cues: dict[str, list[DealCue]] = field(default_factory=dict)
    #: a stage stated in the future -> the stage it stands for ('seront livrés': ordered)
    future_stages: dict[str, str] = field(default_factory=dict)
    demonym_blockers: frozenset[str] = frozenset()
    not_designations: frozenset[str] = frozenset()
    keep_case: frozenset[str] = frozenset()
    #: kind ('demonstrative', 'pronoun', 'auxiliary') -> folded words referring back to a system
    anaphors: dict[str, frozenset[str]] = field(default_factory=dict)
    #: words between the countries of one list ('au Danemark, en Indonésie et au Maroc')
    list_words: frozenset[str] = frozenset()
    #: where ('before', 'after', 'of') -> folded words that make a capital a place
    capital_place_cues: dict[str, frozenset[str]] = field(default_factory=dict)
    demonym_prefixes: dict[str, str] = field(default_factory=dict)
    furniture_labels: dict[str, str] = field(default_factory=dict)
    furniture_patterns: list[FurniturePattern] = field(default_factory=list)
    furniture_inline: list[FurniturePattern] = field(default_factory=list)
    problems: list[RulesError] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def lexicon_values(self, name: str) -> dict[str, Any]:
        """Folded form -> value for one lexicon."""
        return {fold(entry.form): entry.value for entry in self.lexicons.get(name, [])}

    def setting(self, section: str, key: str, default: Any) -> Any:
        """A value of rules/settings.toml, or the default."""
        return self.settings.get(section, {}).get(key, default)

    def shape(self, name: str) -> re.Pattern[str]:
        """A token shape of rules/shapes.toml ('model_code', 'year', ...)."""
        return self.shapes[name]
