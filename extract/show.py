"""See what the rules found: marked-up terminal text, displaCy HTML, and gold pre-filling."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from rich.console import Console
from rich.text import Text
from spacy import displacy
from spacy.tokens import Doc

from extract.eval.evaluate import value_key
from extract.eval.gold import GoldMention
from extract.labels import LABEL_SPECS
from extract.mention import Mention

LABEL_COLOURS = {name: spec.colour for name, spec in LABEL_SPECS.items()}
VERDICT_COLOURS = {"match": "#9be39b", "missed": "#ffb3b3", "false alarm": "#ffd966"}
TERMINAL_STYLES = {name: spec.style for name, spec in LABEL_SPECS.items()}
#: the span group `extract show` draws (label, value and unit of each mention, or its verdict)
VIEW_KEY = "arms_view"


def _describe(label: str, value: str, unit: str) -> str:
    return " ".join(part for part in (label, value, unit) if part)


def terminal_view(text: str, mentions: list[Mention]) -> Text:
    """The text with each mention followed by its label and value, coloured by label."""
    view = Text()
    position = 0
    for mention in sorted(mentions, key=lambda m: m.start):
        view.append(text[position : mention.start])
        style = TERMINAL_STYLES.get(mention.label, "bold")
        view.append(mention.text, style=f"{style} underline")
        view.append(f"[{_describe(mention.label, mention.value, mention.unit)}]", style=style)
        position = mention.end
    view.append(text[position:])
    return view


def print_terminal(text: str, mentions: list[Mention], console: Console | None = None) -> None:
    """Print `terminal_view` (rich drops colours when the output is not a terminal)."""
    (console or Console()).print(terminal_view(text, mentions), highlight=False)


def _verdicts(mentions: list[Mention], gold: list[GoldMention]) -> Iterable[tuple[int, int, str, str]]:
    """A match is the gold's span with the gold's value (compared as `extract eval` compares values);
    the right span with another value is a false alarm and a miss, as eval counts it."""
    found = {(m.label, m.start, m.end): m for m in mentions}
    expected = {(g.label, g.start, g.end): g for g in gold}

    def agree(mention: Mention | None, item: GoldMention | None) -> bool:
        return (
            mention is not None
            and item is not None
            and value_key(mention.label, mention.value, mention.unit) == value_key(item.label, item.value, item.unit)
        )

    for key, mention in found.items():
        verdict = "match" if agree(mention, expected.get(key)) else "false alarm"
        yield mention.start, mention.end, verdict, _describe(mention.label, mention.value, mention.unit)
    for key, item in expected.items():
        if not agree(found.get(key), item):
            yield item.start, item.end, "missed", _describe(item.label, item.value, item.unit)


def render_html(
    docs: list[tuple[Doc, int]],
    mentions: list[Mention],
    *,
    title: str = "",
    gold: list[GoldMention] | None = None,
    to_clean: Callable[[int], int] | None = None,
) -> str:
    """A displaCy span-style page of the processed Docs (with their offsets in the text); with
    `gold`, matches, misses and false alarms in their own colours. `to_clean` maps an offset of the
    original text to the Docs' text (`ExtractedText.clean`: invisible characters removed)."""
    colours: dict[str, str] = {}
    marks: list[tuple[int, int, str]] = []
    if gold is None:
        for m in mentions:
            name = _describe(m.label, m.value, m.unit)
            colours[name] = LABEL_COLOURS.get(m.label, "#dddddd")
            marks.append((m.start, m.end, name))
    else:
        for start, end, verdict, description in _verdicts(mentions, gold):
            name = f"{verdict}: {description}"
            colours[name] = VERDICT_COLOURS[verdict]
            marks.append((start, end, name))
    if to_clean is not None:
        marks = [(to_clean(start), to_clean(end), name) for start, end, name in marks]
    for doc, offset in docs:
        doc.spans[VIEW_KEY] = [
            span
            for start, end, name in marks
            if offset <= start
            and end <= offset + len(doc.text)
            and (span := doc.char_span(start - offset, end - offset, label=name, alignment_mode="expand")) is not None
        ]
    options = {"spans_key": VIEW_KEY, "colors": colours}
    html = displacy.render([doc for doc, _ in docs], style="span", page=True, options=options)
    if title:
        html = html.replace("<title>displaCy</title>", f"<title>{title}</title>")
    return html


def write_html(path: Path, html: str) -> None:
    """Write the page as UTF-8."""
    path.write_text(html, encoding="utf-8")


def to_markup(text: str, mentions: list[Mention], skip_before: int = 0) -> str:
    """The gold markup of `text` pre-filled from `mentions`, for a researcher to correct."""
    parts: list[str] = []
    position = 0
    for mention in sorted(mentions, key=lambda m: m.start):
        if mention.start < max(position, skip_before):
            continue
        fields = [mention.text, mention.label, mention.value, mention.unit]
        if mention.value_min:
            fields.append(f"min={mention.value_min}")
        if mention.approx:
            fields.append(f"approx={mention.approx}")
        while len(fields) > 2 and fields[-1] == "" and "=" not in fields[-1]:
            fields.pop()
        parts.append(text[position : mention.start])
        parts.append("[[" + "|".join(fields) + "]]")
        position = mention.end
    parts.append(text[position:])
    return "".join(parts)
