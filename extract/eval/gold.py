"""Gold annotations written as inline markup: `[[text|LABEL|value|unit|key=value]]`.

The annotated copy `NAME.ann` of `NAME.txt` must give back the text exactly once the
markup is removed; offsets of gold mentions are computed, never typed by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from extract.errors import InputError, Messages

OPEN, CLOSE = "[[", "]]"


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
    """Plain text and gold mentions of an annotated text; mentions may nest one in another
    ('[[marine royale [[néerlandaise|COUNTRY|NLD]]|ORG|Royal Netherlands Navy]]').

    >>> parse_markup("Le [[Maroc|COUNTRY|MAR]] achète.")[1][0].start
    3
    >>> [(m.label, m.text) for m in parse_markup("la [[marine [[turque|COUNTRY|TUR]]|ORG|x]].")[1]]
    [('ORG', 'marine turque'), ('COUNTRY', 'turque')]
    """
    plain: list[str] = []
    mentions: list[GoldMention] = []
    stack: list[tuple[int, int, int]] = []  # (plain offset, index in plain parts, line) of each open markup
    position = 0
    length = 0
    while True:
        next_open = annotated.find(OPEN, position)
        next_close = annotated.find(CLOSE, position) if stack else -1
        if next_open == -1 and next_close == -1:
            break
        if next_close != -1 and (next_open == -1 or next_close < next_open):
            chunk = annotated[position:next_close]
            plain.append(chunk)
            length += len(chunk)
            start, first_part, line = stack.pop()
            body = "".join(plain[first_part:])
            mention, text = _read_body(body, start, source, line)
            del plain[first_part:]
            plain.append(text)
            length = start + len(text)
            mentions.append(mention)
            position = next_close + len(CLOSE)
            continue
        chunk = annotated[position:next_open]
        plain.append(chunk)
        length += len(chunk)
        stack.append((length, len(plain), annotated.count("\n", 0, next_open) + 1))
        position = next_open + len(OPEN)
    if stack:
        raise InputError(source, Messages.E030.format(markup="[[ without ]]"), stack[-1][2])
    plain.append(annotated[position:])
    mentions.sort(key=lambda m: (m.start, -m.end))
    return "".join(plain), mentions


def _read_body(body: str, start: int, source: str, line: int) -> tuple[GoldMention, str]:
    """'text|LABEL|value|unit|key=value' (text already stripped of inner markup) -> mention, text."""
    text, _, rest = body.partition("|")
    parts = rest.split("|") if rest else []
    if not text or not parts or not parts[0].isupper():
        raise InputError(source, Messages.E030.format(markup=f"[[{body}]]"), line)
    label = parts[0]
    value = parts[1] if len(parts) > 1 else ""
    unit = parts[2] if len(parts) > 2 and "=" not in parts[2] else ""
    extras = dict(p.split("=", 1) for p in parts[2:] if "=" in p)
    return GoldMention(label, text, start, start + len(text), value, unit, extras), text


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
            raise InputError(gold_path, Messages.E031.format(name=text_path.name), line)
        samples.append(Sample(text_path.relative_to(folder).with_suffix("").as_posix(), text_path, text, gold))
    return samples
