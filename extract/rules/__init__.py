"""The rules folder: its declared files (catalogue), how they are read (schema, loader) and what they become (model)."""

from extract.rules.loader import cue_words, furniture_key, load_rules, packaged_rules_dir, read_rules
from extract.rules.model import (
    ArgumentPattern,
    Currency,
    DealCue,
    DistanceUnit,
    FurniturePattern,
    GazetteerEntry,
    LexiconEntry,
    MilitaryNoun,
    PatternRule,
    RuleSet,
)

__all__ = [
    "Currency",
    "DealCue",
    "DistanceUnit",
    "FurniturePattern",
    "GazetteerEntry",
    "LexiconEntry",
    "MilitaryNoun",
    "ArgumentPattern",
    "PatternRule",
    "RuleSet",
    "cue_words",
    "furniture_key",
    "load_rules",
    "packaged_rules_dir",
    "read_rules",
]
