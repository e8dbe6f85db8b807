"""Component `arms_tagger`: marks gazetteer entities, word classes and numbers on tokens.

Later components match on these marks (`{"LEX": "currency"}` in a pattern), so one
phrase list serves every pattern that needs it.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extract.labels import spec_of
from extract.numbers import is_number_word, scan_numbers
from extract.pipes.items import Candidate, LexItem, index_items, register_extensions, slot_of
from extract.pipes.resolver import NESTABLE
from extract.rules import GazetteerEntry, LexiconEntry, RuleSet, load_rules
from extract.textnorm import (
    designation_variants,
    fold,
    is_case_sensitive,
    matches_any_case,
    title_variant,
    upper_variant,
    written_variants,
)


def _tokenize_form(nlp: Language, form: str) -> Doc:
    """Tokenize a list form as it is tokenized in running text ("près d'" ends with the token "d'")."""
    if form[-1:] in "'’":
        doc = nlp.make_doc(form + "un")
        return Doc(nlp.vocab, words=[t.text for t in doc[:-1]], spaces=[bool(t.whitespace_) for t in doc[:-1]])
    return nlp.make_doc(form)


class ArmsTagger:
    """Tags tokens with word classes and yields gazetteer candidates."""

    def __init__(self, nlp: Language, rules: RuleSet) -> None:
        register_extensions()
        self.rules = rules
        self.entries: list[GazetteerEntry | tuple[str, LexiconEntry]] = []
        self.cased = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.uncased = PhraseMatcher(nlp.vocab, attr="LOWER")
        for entry in rules.gazetteer:
            self._add(nlp, entry, entry.form)
        for cls, lexicon in rules.lexicons.items():
            if cls == "number_noun":
                continue
            for lexeme in lexicon:
                self._add(nlp, (cls, lexeme), lexeme.form)
        self.place_cues = {
            where: rules.capital_place_cues.get(where, frozenset()) for where in ("before", "after", "of")
        }
        self.weekdays = frozenset(fold(e.form) for e in rules.lexicons.get("weekdays", []))
        self.demonyms = {fold(e.form): e.value for e in rules.gazetteer if e.label == "COUNTRY" and e.kind == "demonym"}
        self.number_nouns: dict[str, int | str] = {fold(e.form): e.value for e in rules.lexicons.get("number_noun", [])}
        self.quantity_words = [fold(e.form) for e in rules.lexicons.get("scale", [])]

    def _add(self, nlp: Language, entry: GazetteerEntry | tuple[str, LexiconEntry], form: str) -> None:
        key = f"E{len(self.entries)}"
        self.entries.append(entry)
        spellings = [form]
        case_sensitive = is_case_sensitive(form)
        if isinstance(entry, GazetteerEntry) and entry.label == "WEAPON":
            # 'F16', 'K-2PL', 'Stingers'; 'Iris-T', 'MI-24' (see textnorm.designation_variants)
            spellings = designation_variants(form)
            case_sensitive = case_sensitive and not (matches_any_case(form) and form not in self.rules.keep_case)
        if isinstance(entry, GazetteerEntry) and entry.label == "COUNTRY" and entry.kind == "name":
            spellings = [*spellings, *(t for t in map(title_variant, spellings) if t)]  # 'République Tchèque'
        if case_sensitive and isinstance(entry, GazetteerEntry) and entry.kind != "capital":
            # headlines in capitals: 'L'INDE ACHÈTE DES RAFALE'
            spellings = [*spellings, *(u for u in map(upper_variant, spellings) if u)]
        variants = [v for spelling in spellings for v in written_variants(spelling)]
        if not case_sensitive:
            # tokenized as written ('A400M' is one token, 'a400m' would be two); the matcher compares LOWER
            variants = list({v.lower(): v for v in variants}.values())
        matcher = self.cased if case_sensitive else self.uncased
        matcher.add(key, [_tokenize_form(nlp, variant) for variant in dict.fromkeys(variants)])

    def __call__(self, doc: Doc) -> Doc:
        """Mark word classes on tokens and collect gazetteer candidates."""
        doc._.texts = [token.text for token in doc]
        doc._.folded = [fold(text) for text in doc._.texts]
        items: dict[tuple[str, int], LexItem] = {}
        candidates: list[Candidate] = []
        spans = []
        for match_id, start, end in [*self.cased(doc), *self.uncased(doc)]:
            span = doc[start:end]
            span.label_ = doc.vocab.strings[match_id]
            spans.append(span)
        # Longest first; on a tie the gazetteer (added first) wins over word lists.
        spans.sort(key=lambda s: (-(s.end - s.start), int(s.label_[1:])))
        kept = filter_spans(spans)
        starting: dict[int, list[tuple[int, Span]]] = {}  # token -> (rank, span) of the spans starting there
        for rank, span in enumerate(spans):
            starting.setdefault(span.start, []).append((rank, span))
        covered: set[int] = set()
        listed: set[int] = set()
        for span in kept:
            entry = self.entries[int(span.label_[1:])]
            if isinstance(entry, GazetteerEntry):
                if (
                    entry.kind == "demonym"
                    and span.start > 0
                    and doc._.folded[span.start - 1] in self.rules.demonym_blockers
                ):
                    continue  # 'publié en français': a language, not France
                if entry.kind == "capital" and self._capital_is_a_place(doc, span):
                    continue  # 'le sommet de l'Otan à Vilnius': a place, not Lithuania's government
                cls, value = str(spec_of(entry.label).gazetteer_class), entry.value
                covered.update(range(span.start, span.end))
                candidates.append(_candidate(entry, span.start, span.end))
                candidates.extend(self._nested(entry.label, span, starting))
                self._mark(doc, items, LexItem(cls, span.start, span.end, value, entry=entry))
            else:
                cls, lexeme = entry
                if cls == "currency_subunit" and _after_number_word(doc, span.start):
                    continue  # 'deux cents missiles', 'deux-cents': a number, not a subunit
                listed.update(range(span.start, span.end))
                self._mark(doc, items, LexItem(cls, span.start, span.end, lexeme.value, entry=lexeme))
                if cls == "currency":  # 'dollars américains' also names the United States
                    candidates.extend(self._nested("MONEY", span, starting))
        for i, candidate in self._compound_demonyms(doc, covered | listed):
            # the compound replaces a demonym matched on its last part ('espagnol' of 'germano-franco-espagnol')
            candidates = [
                c for c in candidates if c.extra.get("compound") or not (i <= c.start and c.end <= candidate.end)
            ]
            candidates.append(candidate)
            covered.update(range(i, candidate.end))
            self._mark(doc, items, LexItem("country", i, candidate.end, candidate.value))
        for number in scan_numbers(
            doc, number_nouns=self.number_nouns, quantity_words=self.quantity_words, skip=covered | listed
        ):
            self._mark(doc, items, LexItem("number", number.start, number.end, number.value, approx=number.approx))
            for k in range(number.start + 1, number.end):
                items.pop(("scale", k), None)  # 'un million deux cent mille': the scale is inside the number
        texts = doc._.texts
        model_code, type_number = self.rules.shape("model_code"), self.rules.shape("type_number")
        day, year = self.rules.shape("day"), self.rules.shape("year")
        for i, text in enumerate(texts):
            if i in covered or i in listed or not (text[:1].isdigit() or text[:1].isupper()):
                continue
            if model_code.match(text) and len(text) <= 15 and text not in self.rules.not_designations:
                self._mark(doc, items, LexItem("model_code", i, i + 1, text))
            elif text == "Type" and i + 1 < len(texts) and type_number.match(texts[i + 1]):
                self._mark(doc, items, LexItem("model_code", i, i + 2, doc[i : i + 2].text))
            if day.match(text):
                self._mark(doc, items, LexItem("day", i, i + 1, _leading_number(text)))
            elif year.match(text):
                self._mark(doc, items, LexItem("year", i, i + 1, int(text)))
        _mark_counted_articles(doc, items)
        for item in items.values():
            attribute = slot_of(item.cls)[1]
            setattr(doc[item.start], attribute, f"B-{item.cls}")
            for i in range(item.start + 1, item.end):
                setattr(doc[i], attribute, f"I-{item.cls}")
        index_items(doc, items)
        doc._.arms_candidates = candidates
        return doc

    def _capital_is_a_place(self, doc: Doc, span: Span) -> bool:
        """'à Vilnius' after 'sommet', 'visite', 'signé'... or in a caption ', à Rome, le 29 avril'."""
        folded = doc._.folded
        if folded[span.end : span.end + 1] == [","] and any(
            word in self.weekdays or word[:1].isdigit() for word in folded[span.end + 1 : span.end + 3]
        ):
            return True  # a dateline: 'Dakar, vendredi 17/03/2023 -'
        if span.start == 0:
            return False
        if folded[span.start - 1] in ("de", "d'") and any(
            word in self.place_cues["of"] for word in folded[max(0, span.start - 3) : span.start - 1]
        ):
            return True  # '270 km au sud de Tunis', 'près de Kiev', 'la Bourse de Stockholm'
        if folded[span.start - 1] not in ("a", "au"):  # 'à Vilnius', 'au Caire'
            return False
        before = folded[max(0, span.start - 1 - PLACE_CUE_WINDOW) : span.start - 1]
        if any(word in self.place_cues["before"] for word in before):
            return True
        if any(word in self.place_cues["after"] for word in folded[span.end : span.end + EVENT_WINDOW]):
            return True  # 'a annoncé à Paris le ministre, en marge du salon Eurosatory'
        after = folded[span.end : span.end + 1]
        opens_sentence = doc[span.start - 1].is_sent_start or (span.start >= 2 and folded[span.start - 2] == ",")
        return after == [","] and bool(opens_sentence)  # 'À Pretoria, les syndicats'; ', à Rome, le 29 avril'

    def _compound_demonyms(self, doc: Doc, taken: set[int]) -> list[tuple[int, Candidate]]:
        """'franco-allemand' -> FRA and DEU, 'indo-russe' -> IND and RUS (rules/gazetteers/demonym_prefixes.csv).

        The tokenizer keeps two-part words whole and splits longer ones ('germano', '-', 'franco',
        '-', 'espagnol'): a run of tokens glued by hyphens is read as one word.
        """
        found: list[tuple[int, Candidate]] = []
        folded = doc._.folded
        n = len(doc)
        i = 0
        while i < n:
            if "-" not in folded[i] and (i + 1 == n or folded[i + 1] != "-"):
                i += 1  # no hyphen in the word nor glued after it (most words)
                continue
            end = i + 1
            while end + 1 < n and folded[end] == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_:
                end += 2
            word = "".join(folded[i:end])
            if "-" not in word or any(k in taken for k in range(i, end - 1)):
                i += 1
                continue
            *firsts, last = word.split("-")
            countries = [self.rules.demonym_prefixes.get(part) for part in firsts] + [self.demonyms.get(last)]
            if all(countries):
                for country in dict.fromkeys(countries):
                    candidate = Candidate(
                        "COUNTRY",
                        i,
                        end,
                        str(country),
                        "",
                        f"country:{country}:demonym",
                        form_kind="demonym",
                        extra={"country": country, "entity_kind": "", "compound": True},
                    )
                    found.append((i, candidate))
                i = end
                continue
            i += 1
        return found

    def _nested(self, outer_label: str, span: Span, starting: dict[int, list[tuple[int, Span]]]) -> list[Candidate]:
        """Gazetteer entities inside another that a reader also sees: the demonym of 'marine royale
        néerlandaise' (COUNTRY), the maker of 'Dassault Rafale' (ORG). `starting` indexes the
        matched spans by their first token (a lookup per token of `span`, not a scan of the Doc)."""
        found = []
        inside = sorted(ranked for i in range(span.start, span.end) for ranked in starting.get(i, []))
        for _, inner in inside:
            if inner.end > span.end or (inner.start, inner.end) == (span.start, span.end):
                continue
            entry = self.entries[int(inner.label_[1:])]
            if not isinstance(entry, GazetteerEntry) or (outer_label, entry.label) not in NESTABLE:
                continue
            if entry.label == "COUNTRY" and entry.kind != "demonym":
                continue
            if entry.label == "ORG" and entry.entity_kind != "manufacturer":
                continue
            found.append(_candidate(entry, inner.start, inner.end))
        return found

    @staticmethod
    def _mark(doc: Doc, items: dict[tuple[str, int], LexItem], item: LexItem) -> None:
        items[(item.cls, item.start)] = item


def _leading_number(text: str) -> int:
    """The number a day token starts with: '14' -> 14, '1er' -> 1, '21st' -> 21."""
    return int(text[: len(text) - len(text.lstrip("0123456789"))])


def _after_number_word(doc: Doc, i: int) -> bool:
    """Whether token `i` follows a number word, directly or through a glued hyphen ('deux-cents')."""
    before = i - 1
    if before > 0 and doc[before].text == "-" and not doc[before].whitespace_:
        before -= 1
    return before >= 0 and is_number_word(doc[before].text)


#: How many words after 'à <capital>' an event word ('salon', 'sommet') may stand.
EVENT_WINDOW = 15
#: How many words before 'à <capital>' a place cue ('sommet', 'visite') may stand.
PLACE_CUE_WINDOW = 5


def _candidate(entry: GazetteerEntry, start: int, end: int) -> Candidate:
    extra: dict[str, Any] = {"country": entry.country, "entity_kind": entry.entity_kind}
    if entry.co_producers:
        extra["co_producers"] = entry.co_producers
    return Candidate(entry.label, start, end, entry.value, entry.unit, entry.rule_id, form_kind=entry.kind, extra=extra)


#: Words after "dont un/une" that show the article stands for one of the items ("dont un s'est écrasé").
_AFTER_DONT = frozenset(
    {"a", "est", "sera", "seront", "s'", "s’", "avait", "etait", "pour", "seul", "seule", ",", "deja"}
)
_COUNTED = ("weapon", "military_noun")


def _mark_counted_articles(doc: Doc, items: dict[tuple[str, int], LexItem]) -> None:
    """'un'/'une' as the number 1 where a careful reader counts it, never as a plain article.

    'trois Gripen E et un Gripen F' (a list of counts), 'une seule unité', 'dont un s'est écrasé',
    'une unité IRIS-T SLM'; but not 'a acquis un drone'.
    """
    folded: list[str] = doc._.folded
    counted_starts = {i.start for i in items.values() if i.cls in _COUNTED}
    unit_nouns = {
        i.start: i
        for i in items.values()
        if i.cls in ("unit_noun", "military_noun") and getattr(i.value, "unit", False)
    }
    weapon_starts = {i.start for i in items.values() if i.cls == "weapon"}
    # 'vingt et un', 'cent une': an article inside a number is part of it
    inside_numbers = {k for i in items.values() if i.cls == "number" for k in range(i.start, i.end)}
    for i, word in enumerate(folded):
        if word not in ("un", "une") or i in inside_numbers or i + 1 >= len(doc):
            continue
        following = folded[i + 1]
        if following in ("seul", "seule"):
            items[("number", i)] = LexItem("number", i, i + 2, 1)
            continue
        before = folded[i - 1] if i > 0 else ""
        if before == "dont" and (i + 1 in counted_starts or following in _AFTER_DONT):
            items[("number", i)] = LexItem("number", i, i + 1, 1)
            continue
        unit = unit_nouns.get(i + 1)
        if unit is not None and unit.end in weapon_starts:
            items[("number", i)] = LexItem("number", i, i + 1, 1)  # 'une unité IRIS-T SLM'
            continue
        if before in ("d'", "d’") and i >= 2 and folded[i - 2] == "et":
            before = "et"  # 'deux Su-57 et d'un Su-35'
        if i + 1 in counted_starts and before in ("et", ",") and _list_of_counts(doc, items, i, after=before == ","):
            items[("number", i)] = LexItem("number", i, i + 1, 1)


def _list_of_counts(doc: Doc, items: dict[tuple[str, int], LexItem], i: int, *, after: bool = False) -> bool:
    """Whether the sentence of token `i` also counts items with a number ('trois Gripen E et un Gripen F').

    With `after` (the article follows a comma), the count must come later in the list ('un système
    RAM, une tourelle et quatre tubes'): '288 lanceurs Chunmoo, un système de ...' is an apposition.
    """
    sentence = doc[i].sent
    for (cls, start), item in items.items():
        if cls == "number" and sentence.start <= start < sentence.end and start != i and (not after or start > i):
            nxt = item.end
            if any((c, nxt) in items for c in ("weapon", "military_noun", "count_adjectives")):
                return True
    return False


@Language.factory("arms_tagger", default_config={"rules_dir": None})
def make_arms_tagger(nlp: Language, name: str, rules_dir: str | None) -> ArmsTagger:
    """spaCy factory: `nlp.add_pipe("arms_tagger", config={"rules_dir": ...})`."""
    return ArmsTagger(nlp, load_rules(rules_dir))


__all__ = ["ArmsTagger"]
