"""The Python API: `Extractor().extract(text)` -> normalized mentions with their evidence."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from extract.deals import Deal, DealBuilder, trimmed
from extract.header import Header, parse_header
from extract.mention import Mention
from extract.partial_date import PartialDate
from extract.pipeline import DEFAULT_MODEL, build_pipeline
from extract.ruleset import load_rules


@dataclass
class ExtractedText:
    """One text's header and mentions."""

    header: Header
    date: PartialDate | None
    mentions: list[Mention] = field(default_factory=list)
    deals: list[Deal] = field(default_factory=list)


class Extractor:
    """Finds MONEY, COUNT, RANGE, DATE, COUNTRY, WEAPON, ORG (and REGION) mentions in French text.

    >>> Extractor().extract("Le Maroc commande 18 lanceurs.")[0].value
    'MAR'
    """

    def __init__(
        self,
        rules_dir: str | Path | None = None,
        *,
        fast: bool = False,
        model: str = DEFAULT_MODEL,
        batch_size: int = 32,
    ) -> None:
        self.rules_dir = str(Path(rules_dir).resolve()) if rules_dir else None
        self.fast = fast
        self.batch_size = batch_size
        self.nlp = build_pipeline(self.rules_dir, fast=fast, model=model)
        self.deal_builder = DealBuilder(load_rules(self.rules_dir))

    def extract(self, text: str, date: str | PartialDate | None = None) -> list[Mention]:
        """Mentions of one text; `date` (ISO, e.g. '2024-06') completes partial dates."""
        return next(self.extract_texts([(text, date)])).mentions

    def extract_deals(self, text: str, date: str | PartialDate | None = None) -> list[Deal]:
        """Deal records of one text (see `extract.deals`)."""
        return next(self.extract_texts([(text, date)])).deals

    def extract_texts(
        self, texts: Iterable[tuple[str, str | PartialDate | None]]
    ) -> Iterator[ExtractedText]:
        """Mentions of many texts, in order, through `nlp.pipe` batches."""
        prepared = (self._prepare(text, date) for text, date in texts)
        pending: list[tuple[str, ExtractedText]] = []

        def docs() -> Iterator[Doc]:
            for text, result, doc in prepared:
                pending.append((text, result))
                yield doc

        for doc in self.nlp.pipe(docs(), batch_size=self.batch_size):
            text, result = pending.pop(0)
            result.mentions = _mentions(doc, text, result.header.body_start)
            result.deals = self.deal_builder.build(doc, doc._.arms_candidates or [], result.date, result.header.body_start)
            yield result

    def _prepare(self, text: str, date: str | PartialDate | None) -> tuple[str, ExtractedText, Doc]:
        header = parse_header(text)
        reference = date if isinstance(date, PartialDate) else PartialDate.parse(date)
        reference = reference or header.date
        doc = self.nlp.make_doc(text[header.body_start :])
        doc._.ref_date = reference
        return text, ExtractedText(header, reference), doc


def _mentions(doc: Doc, original: str, offset: int) -> list[Mention]:
    mentions = []
    for candidate in doc._.arms_candidates or []:
        span = doc[candidate.start : candidate.end]
        sentence = trimmed(span.sent)
        start, end = span.start_char + offset, span.end_char + offset
        mentions.append(
            Mention(
                label=candidate.label,
                text=original[start:end],
                start=start,
                end=end,
                value=candidate.value,
                unit=candidate.unit,
                sentence=" ".join(sentence.text.split()),
                rule_id=candidate.rule_id,
                approx=candidate.approx,
                value_min=candidate.value_min,
                value_max=candidate.value_max,
                form_kind=candidate.form_kind,
                sentence_start=sentence.start_char + offset,
                sentence_end=sentence.end_char + offset,
                extra=candidate.extra,
            )
        )
    return mentions
