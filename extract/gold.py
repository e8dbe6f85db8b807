"""Gold annotations written as inline markup: `[[text|LABEL|value|unit|key=value]]`.

The annotated copy `NAME.ann` of `NAME.txt` must give back the text exactly once the
markup is removed; offsets of gold mentions are computed, never typed by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from extract.errors import InputError

MARKUP = re.compile(r"\[\[(?P<body>.+?)\]\]", re.DOTALL)


@dataclass(frozen=True)
class GoldMention:
    """One mention a careful human marked."""

    label: str
    text: str
    start: int
    end: int
    value: str = ""
    unit: str = ""
    fields: dict[str, str] = field(default_factory=dict, compare=False)


def parse_markup(annotated: str, source: str = "<gold>") -> tuple[str, list[GoldMention]]:
    """Plain text and gold mentions of an annotated text.

    >>> parse_markup("Le [[Maroc|COUNTRY|MAR]] achète.")[1][0].start
    3
    """
    plain: list[str] = []
    mentions: list[GoldMention] = []
    position = 0
    length = 0
    for match in MARKUP.finditer(annotated):
        before = annotated[position : match.start()]
        plain.append(before)
        length += len(before)
        parts = match.group("body").split("|")
        line = annotated.count("\n", 0, match.start()) + 1
        if len(parts) < 2 or not parts[0] or not parts[1].isupper():
            raise InputError(
                source, f"E030 bad markup '[[{match.group('body')}]]': expected [[text|LABEL|value|unit]]", line
            )
        text, label = parts[0], parts[1]
        value = parts[2] if len(parts) > 2 else ""
        unit = parts[3] if len(parts) > 3 and "=" not in parts[3] else ""
        extras = dict(p.split("=", 1) for p in parts[3:] if "=" in p)
        mentions.append(GoldMention(label, text, length, length + len(text), value, unit, extras))
        plain.append(text)
        length += len(text)
        position = match.end()
    plain.append(annotated[position:])
    return "".join(plain), mentions


@dataclass(frozen=True)
class Sample:
    """A sample article and its gold mentions."""

    doc_id: str
    text_path: Path
    text: str
    gold: list[GoldMention]


def load_samples(folder: Path) -> list[Sample]:
    """Every `NAME.txt` of `folder` that has a `NAME.ann`, checked to agree with it."""
    samples = []
    for text_path in sorted(folder.rglob("*.txt")):
        gold_path = text_path.with_suffix(".ann")
        if not gold_path.exists():
            continue
        text = text_path.read_text(encoding="utf-8")
        plain, gold = parse_markup(gold_path.read_text(encoding="utf-8"), str(gold_path))
        if plain != text:
            first = next(
                (i for i, (a, b) in enumerate(zip(plain, text, strict=False)) if a != b), min(len(plain), len(text))
            )
            line = text.count("\n", 0, first) + 1
            raise InputError(gold_path, f"E031 text differs from {text_path.name} once the markup is removed", line)
        samples.append(Sample(text_path.relative_to(folder).with_suffix("").as_posix(), text_path, text, gold))
    return samples
