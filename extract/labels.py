"""One place per label: what every module needs to know about MONEY, COUNT, ... REGION.

A new label is one `LabelSpec` here plus its rules in `rules/` (patterns with that label, or a
gazetteer); the resolver, the pattern normalizers, the scorers and the displays read this table.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LabelSpec:
    """How one label is found, ranked, scored and shown."""

    name: str
    #: rank on equal length when mentions overlap ('2 000 €' is MONEY before it is a COUNT)
    priority: int
    #: name of the normalizer of its pattern matches (extract.pipes.patterns.NORMALIZERS: money,
    #: count, range, date, unlisted_weapon, institution, or text: the value is the text as
    #: written); None for labels that come only from gazetteers
    normalizer: str | None
    #: the word class its gazetteer entries get in patterns ({"LEX": "country"}); None if none
    gazetteer_class: str | None = None
    #: the unit is part of the fact when scoring by value (524000000 USD is not 524000000 EUR)
    unit_in_fact: bool = False
    #: scored by `extract eval` even where the gold does not mark it
    scored: bool = True
    #: displaCy colour and terminal style
    colour: str = "#dddddd"
    style: str = "bold"


LABEL_SPECS: dict[str, LabelSpec] = {
    spec.name: spec
    for spec in (
        LabelSpec("MONEY", 0, "money", unit_in_fact=True, colour="#7aecec", style="bold cyan"),
        LabelSpec("RANGE", 1, "range", unit_in_fact=True, colour="#feca74", style="bold yellow"),
        LabelSpec("COUNT", 2, "count", unit_in_fact=True, colour="#bfeeb7", style="bold green"),
        LabelSpec("WEAPON", 3, "unlisted_weapon", "weapon", colour="#ff9561", style="bold red"),
        LabelSpec("ORG", 4, "institution", "org", colour="#e4e7d2", style="bold white"),
        LabelSpec("COUNTRY", 5, None, "country", colour="#aa9cfc", style="bold blue"),
        LabelSpec("REGION", 6, None, "region", scored=False, style="dim"),
        LabelSpec("DATE", 7, "date", colour="#c887fb", style="bold magenta"),
    )
}
LABELS = tuple(LABEL_SPECS)


def spec_of(label: str) -> LabelSpec:
    """The spec of a label; an unknown label ranks last and is shown grey."""
    return LABEL_SPECS.get(label) or LabelSpec(label, len(LABEL_SPECS), None)
