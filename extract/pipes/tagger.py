"""Component `arms_tagger`: marks gazetteer entities, word classes and numbers on tokens.

Later components match on these marks (`{"LEX": "currency"}` in a pattern), so one
phrase list serves every pattern that needs it.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from extract.numbers import scan_numbers
from extract.pipes.items import Candidate, LexItem, index_items, register_extensions, slot_of
from extract.ruleset import GazetteerEntry, LexiconEntry, RuleSet, load_rules
from extract.textnorm import fold, is_case_sensitive, written_variants

_DAY = re.compile(r"^(?:0?[1-9]|[12][0-9]|3[01])$|^1(?:er|ᵉʳ)$")
_YEAR = re.compile(r"^(?:19|20)[0-9]{2}$")
# 'AGM-154', 'M1152A1', 'K9A1', 'T-90MS': an uppercase letter first, a digit somewhere.
_MODEL_CODE = re.compile(r"^(?=[^\d]*\d)[A-Z][A-Za-z]{0,5}(?:[-/]?[A-Za-z0-9]+){0,4}$")
_TYPE_NUMBER = re.compile(r"^[0-9]{2,4}[A-Z]{0,2}$")
_GAZETTEER_CLASS = {"COUNTRY": "country", "WEAPON": "weapon", "ORG": "org", "REGION": "region"}


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
        self.number_nouns: dict[str, int | str] = {fold(e.form): e.value for e in rules.lexicons.get("number_noun", [])}
        self.quantity_words = [fold(e.form) for e in rules.lexicons.get("scale", [])]

    def _add(self, nlp: Language, entry: GazetteerEntry | tuple[str, LexiconEntry], form: str) -> None:
        key = f"E{len(self.entries)}"
        self.entries.append(entry)
        variants = (
            written_variants(form) if is_case_sensitive(form) else sorted({v.lower() for v in written_variants(form)})
        )
        matcher = self.cased if is_case_sensitive(form) else self.uncased
        matcher.add(key, [_tokenize_form(nlp, variant) for variant in variants])

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
                cls, value = _GAZETTEER_CLASS[entry.label], entry.value
                covered.update(range(span.start, span.end))
                candidates.append(
                    Candidate(
                        entry.label,
                        span.start,
                        span.end,
                        entry.value,
                        entry.unit,
                        entry.rule_id,
                        form_kind=entry.kind,
                        extra={"country": entry.country, "entity_kind": entry.entity_kind},
                    )
                )
                self._mark(doc, items, LexItem(cls, span.start, span.end, value, entry=entry))
            else:
                cls, lexeme = entry
                listed.update(range(span.start, span.end))
                self._mark(doc, items, LexItem(cls, span.start, span.end, lexeme.value, entry=lexeme))
        for number in scan_numbers(
            doc, number_nouns=self.number_nouns, quantity_words=self.quantity_words, skip=covered | listed
        ):
            self._mark(doc, items, LexItem("number", number.start, number.end, number.value, approx=number.approx))
        texts = doc._.texts
        for i, text in enumerate(texts):
            if i in covered or i in listed or not (text[:1].isdigit() or text[:1].isupper()):
                continue
            if _MODEL_CODE.match(text) and len(text) <= 15 and text not in self.rules.not_designations:
                self._mark(doc, items, LexItem("model_code", i, i + 1, text))
            elif text == "Type" and i + 1 < len(texts) and _TYPE_NUMBER.match(texts[i + 1]):
                self._mark(doc, items, LexItem("model_code", i, i + 2, doc[i : i + 2].text))
            if _DAY.match(text):
                self._mark(doc, items, LexItem("day", i, i + 1, int(text) if text.isdigit() else 1))
            elif _YEAR.match(text):
                self._mark(doc, items, LexItem("year", i, i + 1, int(text)))
        for item in items.values():
            attribute = slot_of(item.cls)[1]
            setattr(doc[item.start], attribute, f"B-{item.cls}")
            for i in range(item.start + 1, item.end):
                setattr(doc[i], attribute, f"I-{item.cls}")
        index_items(doc, items)
        doc._.arms_candidates = candidates
        return doc

    @staticmethod
    def _mark(doc: Doc, items: dict[tuple[str, int], LexItem], item: LexItem) -> None:
        items[(item.cls, item.start)] = item


@Language.factory("arms_tagger", default_config={"rules_dir": None})
def make_arms_tagger(nlp: Language, name: str, rules_dir: str | None) -> ArmsTagger:
    """spaCy factory: `nlp.add_pipe("arms_tagger", config={"rules_dir": ...})`."""
    return ArmsTagger(nlp, load_rules(rules_dir))


__all__ = ["ArmsTagger"]
