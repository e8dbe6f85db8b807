"""Transfers of things a sentence does not name: a system named earlier, or a category.

A system named earlier: 'la France a livré 30 de ces engins à l'Ukraine',
'Paris en a commandé 109', 'après en avoir cédé 18 à l'Ukraine', 'ce canon a été exporté en Inde'.

In a sentence that states a transfer but names no system, a demonstrative before a counted
military noun ('ces engins', 'ces appareils') or the pronoun 'en' before the trigger stands for
the last system named in the sentences just before (of a matching category when the noun has
one). The words are rules data: rules/deals/anaphors.csv (demonstratives, pronouns, auxiliaries).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from extract.deals.actors import Actor
from extract.deals.cues import CueHit, has_stage
from extract.deals.parse import tree
from extract.pipes.items import Candidate

#: rule_id of the stand-in for a category deal ('72 obusiers'): its system is the noun's lemma
CATEGORY_RULE = "category"
#: How far after its trigger (one with a stage) a counted noun of a category deal may stand.
CATEGORY_REACH = 8
#: How many sentences back the system an anaphor stands for may be named.
ANAPHOR_REACH = 3
#: How far before a counted noun its demonstrative may stand ('30 de ces engins').
DEMONSTRATIVE_WINDOW = 3
#: How many words (auxiliaries) may stand between 'en' and the trigger ('en avoir cédé').
PRONOUN_GAP = 1
#: Dependency labels of a demonstrative noun that is what a clause transfers (parse only).
ARGUMENT_DEPS = ("nsubj", "nsubj:pass", "obj")
#: How far after the trigger the count of a pronoun may stand ('en a commandé 109').
PRONOUN_COUNT_WINDOW = 3


def _after_demonstrative(folded: list[str], count: Candidate, words: dict[str, frozenset[str]]) -> bool:
    """Whether a demonstrative stands just before or inside a count ('30 de ces engins')."""
    window = folded[max(0, count.start - DEMONSTRATIVE_WINDOW) : count.end]
    return any(word in words.get("demonstrative", ()) for word in window)


def antecedent(earlier: list[list[Candidate]], category: str) -> Candidate | None:
    """The last system named in the sentences before (nearest first), of `category` unless 'other'."""
    for weapons in reversed(earlier[-ANAPHOR_REACH:]):
        for weapon in reversed(weapons):
            if category in ("", "other") or weapon.unit == category:  # a WEAPON's unit is its category
                return weapon
    return None


def _pronoun_before(folded: list[str], hit: CueHit, words: dict[str, frozenset[str]]) -> int | None:
    """Where the pronoun 'en' of a trigger stands ('en a commandé', 'd'en commander'), else None;
    not a gerund ('en livrant') nor a place ('en Ukraine')."""
    pronouns, auxiliaries = words.get("pronoun", frozenset()), words.get("auxiliary", frozenset())
    for position in range(hit.start - 1, max(-1, hit.start - 2 - PRONOUN_GAP), -1):
        if folded[position] in pronouns:
            between = folded[position + 1 : hit.start]
            ok = all(w in auxiliaries for w in between) and not folded[hit.start].endswith("ant")
            return position if ok else None
    return None


def pronoun_count(
    folded: list[str],
    facts_counts: list[Candidate],
    triggers: list[CueHit],
    weapon: Candidate,
    weapons: list[Candidate],
    words: dict[str, frozenset[str]],
) -> Candidate | None:
    """The count a later 'en' gives the system named before it in the same sentence ('a choisi le
    F-35 et prévoit d'en commander 64 exemplaires'), with no other system in between."""
    for hit in triggers:
        pronoun = _pronoun_before(folded, hit, words) if hit.start > weapon.end else None
        if pronoun is None or any(weapon.end <= w.start < pronoun for w in weapons if w is not weapon):
            continue
        after = [c for c in facts_counts if 0 <= c.start - hit.end <= PRONOUN_COUNT_WINDOW]
        if after:
            return after[0]
    return None


def anaphoric_systems(
    folded: list[str],
    counts: list[Candidate],
    triggers: list[CueHit],
    earlier: list[list[Candidate]],
    categories: dict[str, str],
    words: dict[str, frozenset[str]],
) -> list[Candidate]:
    """Stand-ins for the systems a sentence refers back to, placed where the reference stands
    (right after its count), so the count and the roles attach as to a named system."""
    found: list[Candidate] = []
    for count in counts:
        if count.unit not in categories:
            continue
        if not _after_demonstrative(folded, count, words):
            continue
        system = antecedent(earlier, categories[count.unit])
        if system is not None:
            found.append(replace(system, start=count.end, end=count.end, rule_id="anaphor"))
    for hit in triggers:
        if _pronoun_before(folded, hit, words) is None:  # 'en a commandé', 'en acheter 12'
            continue
        system = antecedent(earlier, "")
        if system is None:
            continue
        nouns = {categories.get(c.unit, "other") for c in counts if c.end <= hit.start} - {"other"}
        if nouns and system.unit not in nouns:
            continue  # 'fourni 2,3 millions d'obus et continuait d'en livrer 150 000': the noun before
        after = [c for c in counts if 0 <= c.start - hit.end <= PRONOUN_COUNT_WINDOW]
        position = after[0].end if after else hit.end
        found.append(replace(system, start=position, end=position, rule_id="anaphor"))
    return found


def demonstrative_nouns(
    doc: Doc,
    folded: list[str],
    span: tuple[int, int],
    counts: list[Candidate],
    earlier: list[list[Candidate]],
    nouns: dict[str, str],
    categories: dict[str, str],
    words: dict[str, frozenset[str]],
) -> list[Candidate]:
    """Stand-ins for the systems a demonstrative and a military noun with no count refer back to
    ('Ce canon ... a été exporté en Arabie saoudite', 'cet appareil a été livré'): the last system
    of the noun's category named in the sentences before, placed after the noun."""
    demonstratives = words.get("demonstrative", frozenset())
    definites = words.get("definite", frozenset())
    parse = tree(doc)
    counted = {i for c in counts for i in range(c.start, c.end)}
    found: list[Candidate] = []
    for i in range(max(span[0], 1), span[1]):
        lemma = nouns.get(folded[i])
        if lemma is None or i in counted:
            continue
        # a definite article does so only where the parse says the noun is what the verb transfers
        # ('l'Autriche a sélectionné l'appareil brésilien')
        if not (folded[i - 1] in demonstratives or (folded[i - 1] in definites and parse is not None)):
            continue
        if parse is not None and parse.dep(i) not in ARGUMENT_DEPS:
            continue  # 'la ligne de production de cet appareil': not what is transferred
        system = antecedent(earlier, categories.get(lemma, "other"))
        if system is not None:
            found.append(replace(system, start=i + 1, end=i + 1, rule_id="anaphor"))
    return found


def counted_items(
    folded: list[str],
    counts: list[Candidate],
    triggers: list[CueHit],
    earlier: list[Candidate],
    later: list[tuple[list[Candidate], set[str | None]]],
    suppliers: set[str],
    categories: dict[str, str],
    words: dict[str, frozenset[str]],
    passed_on: frozenset[str] = frozenset(),
) -> list[Candidate]:
    """Stand-ins for the counted military nouns a trigger governs in a sentence that names no
    system: the last system of that category named before ('la livraison de 38 lanceurs' after
    HIMARS) or in a later sentence that names a noun of that category again ('Les appareils
    concernés sont des CH-47F'), unless the sentence's supplier is not its origin and does not give a system
    `passed_on` (named before with another supplier than its origin); else a category deal whose system
    is the noun's lemma ('les États-Unis ont fourni 72 obusiers et 144 000 obus')."""
    items = []
    # where a governed list may go on from: a stage word, then each item taken ('quatre corvettes
    # fortement armées, deux patrouilleurs hauturiers et un bâtiment de projection')
    anchors = [t.end for t in triggers if has_stage(t)]
    for count in sorted(counts, key=lambda c: c.start):
        category = categories.get(count.unit)
        if category is None or count.unit_source:
            continue
        if not any(0 <= count.start - anchor <= CATEGORY_REACH for anchor in anchors):
            continue
        anchors.append(count.end)
        if _after_demonstrative(folded, count, words):
            continue  # an anaphor (anaphoric_systems)
        # the last one named before, else the first named just after ('la vente de 60 hélicoptères.
        # Les hélicoptères concernés sont des CH-47F')
        system = next(
            (
                w
                for w in [*reversed(earlier), *(w for ws, named in later if category in named for w in ws)]
                if category == "other" or w.unit == category
            ),
            None,
        )
        # a gift of what the document already shows passed on by another than its maker ('la Belgique
        # fournira 30 F-16 [...] les Pays-Bas ... à céder une soixantaine d'appareils')
        given = system is not None and system.value in passed_on and any(t.cue.kind == "donated" for t in triggers)
        if system is not None and (not suppliers or given or system.extra.get("country") in suppliers):
            items.append(replace(system, start=count.end, end=count.end, rule_id="anaphor"))
            continue
        extra = {"country": "", "system_kind": "category"}
        items.append(
            Candidate("WEAPON", count.end, count.end, count.unit, category, rule_id=CATEGORY_RULE, extra=extra)
        )
    return items


def holder(
    folded: list[str],
    span: tuple[int, int],
    actors_here: list[Actor],
    earlier: list[list[Actor]],
    words: dict[str, frozenset[str]],
) -> Actor | None:
    """The country a possessive and a holding noun refer to ('Sa flotte se compose de Predator et
    de Heron' after 'L'armée marocaine...'): a country named before it in its sentence ('l'Allemagne
    dispose dans son arsenal'), else the last recipient named in the sentences before, standing
    where the possessive stands."""
    possessives, holdings = words.get("possessive", frozenset()), words.get("holding", frozenset())
    at = next((i for i in range(span[0], span[1] - 1) if folded[i] in possessives and folded[i + 1] in holdings), None)
    if at is None:
        return None
    here = [a for a in actors_here if a.candidate.label == "COUNTRY" and a.candidate.end <= at]
    if here:
        return here[-1]
    for actors in reversed(earlier[-ANAPHOR_REACH:]):
        named = [a for a in actors if a.role == "recipient"]
        if named:
            country = named[-1].country
            return Actor(_country_stand_in(at, at + 2, country), country, "recipient")
    return None


def country_referent(earlier: list[list[Actor]]) -> str:
    """The country 'le pays' or 'ce pays' stands for: in the nearest sentence before that names a
    country, its first party, else its first country ('L'Azerbaïdjan a passé commande. Le pays a
    signé...')."""
    for actors in reversed(earlier):
        named = [a for a in actors if a.candidate.label == "COUNTRY" and a.candidate.form_kind != "demonym"]
        parties = [a for a in named if a.role in ("supplier", "recipient")]
        if parties or named:  # 'Le Maroc modernise son armée. ... le royaume aurait signé'
            return min(parties or named, key=lambda a: a.candidate.start).country
    return ""


def country_nouns(
    folded: list[str], span: tuple[int, int], actors: list[Actor], referent: str, words: dict[str, frozenset[str]]
) -> list[Actor]:
    """Stand-ins for 'le pays', 'ce royaume' (rules/deals/anaphors.csv: country_noun): the last
    country named before it in its sentence ('L'Ukraine ... ce pays exploitait 43 appareils'), else
    `referent`; their roles come from the words around them."""
    nouns, determiners = words.get("country_noun", frozenset()), words.get("country_determiner", frozenset())
    found = []
    for i in range(max(span[0], 1), span[1]):
        if folded[i] not in nouns or folded[i - 1] not in determiners:
            continue
        before = [
            a
            for a in actors
            if a.candidate.label == "COUNTRY" and a.candidate.form_kind != "demonym" and a.candidate.end <= i - 1
        ]  # 'selon la presse espagnole, le royaume...': a demonym is no referent
        country = before[-1].country if before else referent
        if country:
            found.append(Actor(_country_stand_in(i - 1, i + 1, country, referent=referent), country))
    return found


def settle_country_nouns(actors: list[Actor]) -> None:
    """A country noun that took a country of its own sentence stands for the referent of the
    sentences before when that country is the other party ('l'Algérie a acquis auprès de ce pays')."""
    for actor in actors:
        referent = actor.candidate.extra.get("referent", "")
        if actor.candidate.rule_id != "anaphor" or not referent or actor.role not in ("supplier", "recipient"):
            continue
        if any(
            other is not actor and other.country == actor.country and other.role not in ("", actor.role)
            for other in actors
        ):
            actor.country = referent


def uncounted_items(
    folded: list[str],
    span: tuple[int, int],
    triggers: list[CueHit],
    in_mention: set[int],
    nouns: dict[str, str],
    categories: dict[str, str],
    words: dict[str, frozenset[str]],
) -> list[Candidate]:
    """Category deals for the military nouns without a count that a stage word governs in a
    sentence naming no system ('pourrait se procurer des chars, des véhicules blindés et des
    drones'): an indefinite noun (rules/deals/anaphors.csv: indefinite) of a known category."""
    staged = [t for t in triggers if has_stage(t)]
    indefinite = words.get("indefinite", frozenset())
    items, seen = [], set()
    for i in range(max(span[0], 1), span[1]):
        # the longest noun there: 'des véhicules blindés', 'un bâtiment de projection'
        size = next((n for n in (3, 2, 1) if i + n <= span[1] and " ".join(folded[i : i + n]) in nouns), 1)
        lemma = nouns.get(" ".join(folded[i : i + size]))
        if lemma is None or i in in_mention or folded[i - 1] not in indefinite or lemma in seen:
            continue
        if categories.get(lemma, "other") == "other":
            continue  # 'des systèmes', 'des unités': no category to name
        if not any(0 <= i - t.end <= CATEGORY_REACH for t in staged):
            continue
        seen.add(lemma)
        extra = {"country": "", "system_kind": "category", "uncounted": True}
        end = i + size
        items.append(Candidate("WEAPON", end, end, lemma, categories[lemma], rule_id=CATEGORY_RULE, extra=extra))
    return items


def _country_stand_in(start: int, end: int, country: str, **extra: str) -> Candidate:
    """A COUNTRY the words at [start, end) stand for ('sa flotte', 'le pays')."""
    return Candidate("COUNTRY", start, end, country, rule_id="anaphor", extra={"country": country, **extra})
