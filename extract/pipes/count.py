"""COUNT: '18 lanceurs' -> 18 lanceur; 'une vingtaine d'hélicoptères' -> 20 hélicoptère."""

from __future__ import annotations

from decimal import Decimal

from spacy.tokens import Doc

from extract.numbers import format_number
from extract.pipes.items import Candidate, LexItem, items_in, items_starting_at
from extract.pipes.quantity import read_amounts
from extract.rules import PatternRule

#: Larger counts are not military items (shells are counted in millions: "2,3 millions d'obus").
MAX_COUNT = Decimal(10_000_000)
COUNTED_CLASSES = ("military_noun", "unit_noun", "weapon")


def normalize_count(doc: Doc, start: int, end: int, items: list[LexItem], rule: PatternRule) -> Candidate | None:
    """Integer count and the counted noun's lemma (or the system's canonical designation)."""
    counted = next((i for i in items if i.cls in COUNTED_CLASSES), None)
    amounts = read_amounts([i for i in items if i.cls in ("approx", "number", "scale", "scale_fraction")])
    if amounts is None:
        return None
    unit = ""
    if counted is not None and counted.cls != "weapon" and getattr(counted.value, "unit", False):
        system = _system_after(doc, counted.end)
        if (
            system is None
            and counted.cls == "unit_noun"
            and _sentence_anchor(doc, start, end, weapons_only=True) is None
        ):
            return None  # 'trois régiments' alone: troops; 'répartis en quatre escadrons' after Super Tucano: counted
        # 'trois régiments de Pantsir': unit 'régiment Pantsir'; 'huit exemplaires du Rafale': 'Rafale'
        if system is not None:
            unit = str(system.value) if counted.value.unit == "item" else f"{counted.value} {system.value}"
    if counted is None:  # trimmed by end_at: the counted system follows the span
        between = items_starting_at(doc, end, "org") or items_starting_at(doc, end, "count_adjectives")
        after = between[0].end if between else end  # '75 Boeing F-15', 'deux nouveaux Rafale'
        if not between and amounts.approx and end < len(doc) and doc[end].lower_ in ("de", "d'", "d’"):
            after = end + 1  # 'une vingtaine de Rafale': a number noun and its complement
        following = items_starting_at(doc, after, "weapon") or items_starting_at(doc, after, "model_code")
        counted = following[0] if following else None
    unit_source = ""
    if counted is None and rule.unit_from in ("sentence", "following", "nearest"):
        if _is_year(doc, start, end):
            return None
        counted = _sentence_anchor(
            doc, start, end, following=rule.unit_from == "following", nearest=rule.unit_from == "nearest"
        )
        unit_source = "sentence"
    if counted is None:
        return None
    values = amounts.values
    if any(v != v.to_integral_value() or not 1 <= v <= MAX_COUNT for v in values):
        return None
    minimum = amounts.minimum
    return Candidate(
        "COUNT",
        start,
        end,
        format_number(amounts.value),
        unit or str(counted.value),
        rule.id,
        approx=amounts.approx,
        value_min=format_number(minimum) if minimum is not None else "",
        value_max=format_number(amounts.value) if minimum is not None else "",
        unit_source=unit_source,
    )


#: How many words may describe a system between a unit noun and its name
#: ('trois batteries de missiles de croisière antinavires BrahMos').
UNIT_REACH = 7


def _system_after(doc: Doc, i: int) -> LexItem | None:
    """The system a unit noun counts: the first one after it, across lower-case words only
    ('batteries SAMP/T', 'unités de la classe Gowind', 'batteries de défense aérienne KM-SAM')."""
    for j in range(i, min(i + UNIT_REACH + 1, len(doc))):
        found = items_starting_at(doc, j, "weapon")
        if found:
            return found[0]
        token = doc[j]
        if not (token.is_lower or token.text in ("d'", "d’", "l'", "l’")):
            return None
    return None


def _is_year(doc: Doc, start: int, end: int) -> bool:
    return end - start == 1 and bool(items_starting_at(doc, start, "year"))


def _sentence_anchor(
    doc: Doc, start: int, end: int, *, weapons_only: bool = False, following: bool = False, nearest: bool = False
) -> LexItem | None:
    """The system or counted noun an elided count refers to: the nearest in its sentence (or the
    sentence before, in the same paragraph), before it first.

    '348 F-16, dont 58 pour la force aérienne' -> F-16; None when neither sentence names one.
    """
    sentence = doc[start].sent
    first = sentence.start
    if first > 0:
        previous = doc[first - 1].sent
        body = previous.start
        while body < first and doc[body].is_space:  # a sentence may open with the line break before it
            body += 1
        opening = first  # ... as this one may ('Des Rafale.\n\nIl y en a 80': the break opens it)
        while opening < sentence.end and doc[opening].is_space:
            opening += 1
        if "\n" not in doc[body:opening].text:  # the same paragraph
            first = previous.start
    found = items_in(doc, first, sentence.end)
    if _after_other_quantity(doc, found, start):
        return None
    anchors = [i for i in found if i.cls == "weapon" or (i.cls == "military_noun" and not weapons_only)]
    after = [i for i in anchors if i.start >= end]
    if following:
        return after[0] if after else None
    before = [i for i in anchors if i.end <= start]
    systems = [i for i in before if i.cls == "weapon"]
    if systems and not nearest:  # the system if the text names one, else the noun
        return systems[-1]
    if before:  # 'une vingtaine d'hélicoptères, dont 12 pour la marine': the head right before
        return before[-1]
    return after[0] if after else None


#: Nouns whose count does not stop an elided count from counting the sentence's system.
_NEUTRAL_NOUNS = frozenset(
    {"pays", "clients", "fois", "nations", "états", "etats", "tranches", "phases", "étapes", "vagues", "temps", "lots"}
)


def _after_other_quantity(doc: Doc, found: list[LexItem], start: int) -> bool:
    """Whether the last quantity before an elided count counts something else.

    '45 années de service (dont 33 au sein de l'armée)': the 33 are years, not aircraft. Numbers
    that are themselves elided ('80 pour les Émirats, 55 pour l'Égypte') are passed over.
    """
    heads = {(i.cls, i.start) for i in found}
    for number in reversed([i for i in found if i.cls == "number" and i.end <= start]):
        if number.end >= len(doc) or ("day", number.start) in heads or ("year", number.start) in heads:
            continue  # 'Le 5 août', 'en 2019': dates, not quantities
        following = doc[number.end]
        if any(
            (cls, number.end) in heads for cls in (*COUNTED_CLASSES, "count_adjectives", "scale", "model_code", "org")
        ):
            return False
        if following.is_alpha and following.is_lower and not following.is_stop and len(following.text) > 3:
            if following.lower_ in _NEUTRAL_NOUNS:
                continue  # 'Seuls deux pays en ont commandé davantage : 80 pour les Émirats'
            return True  # '45 années', '200 soldats'
    return False
