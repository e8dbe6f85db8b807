"""The Python API: `Extractor().extract(text)` -> normalized mentions with their evidence."""

from __future__ import annotations

from bisect import bisect_right
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from extract.cleantext import CleanText, clean_text
from extract.deals.builder import trimmed
from extract.deals.record import Deal, date_deals_from_mentions, merge_deals
from extract.io.header import Header, parse_header
from extract.mention import Mention
from extract.partial_date import PartialDate
from extract.pipeline import DEFAULT_MODEL, build_pipeline
from extract.pipes.furniture import find_furniture
from extract.pipes.items import SPANS_KEY, from_span
from extract.reference_date import complete_dates, infer_reference_date, resolve_weekdays
from extract.rules import load_rules

#: Longest stretch of text given to spaCy at once (its own limit is 1 000 000 characters).
MAX_PIECE_CHARS = 100_000


#: Where a document's reference date comes from (documents.csv `date_source`).
DATE_SOURCES = ("table", "header", "inferred", "none")


@dataclass
class ExtractedText:
    """One text's header, reference date, mentions and deals."""

    header: Header
    date: PartialDate | None
    mentions: list[Mention] = field(default_factory=list)
    deals: list[Deal] = field(default_factory=list)
    date_source: str = "none"
    #: the processed Docs of the text's pieces with their character offsets (`keep_docs=True` only)
    docs: list[tuple[Doc, int]] = field(default_factory=list)


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
        self.rules = load_rules(self.rules_dir)

    def extract(self, text: str, date: str | PartialDate | None = None) -> list[Mention]:
        """Mentions of one text; `date` (ISO, e.g. '2024-06') completes partial dates."""
        return next(self.extract_texts([(text, date)])).mentions

    def extract_deals(self, text: str, date: str | PartialDate | None = None) -> list[Deal]:
        """Deal records of one text (see `extract.deals.builder`)."""
        return next(self.extract_texts([(text, date)])).deals

    def extract_texts(
        self, texts: Iterable[tuple[str, str | PartialDate | None]], *, keep_docs: bool = False
    ) -> Iterator[ExtractedText]:
        """Mentions and deals of many texts, in order, through `nlp.pipe` batches.

        A text longer than `MAX_PIECE_CHARS` is cut at paragraph breaks into pieces that
        are processed separately; offsets still point into the original text. With `keep_docs`
        each result also holds its processed Docs (for displaCy).
        """
        pending: deque[tuple[ExtractedText, str, CleanText, int]] = deque()  # result, text, its clean text, pieces

        def docs() -> Iterator[tuple[Doc, tuple[int, int]]]:
            for text, date in texts:
                clean = clean_text(text)
                result, pieces = self._prepare(text, clean, date)
                pending.append((result, text, clean, len(pieces)))
                yield from pieces

        left = 0  # pieces of pending[0] still to come
        for doc, (offset, _) in self.nlp.pipe(docs(), batch_size=self.batch_size, as_tuples=True):
            if left == 0:
                while pending[0][3] == 0:  # texts without a body (header only) have no piece
                    yield _finished(*pending.popleft()[:2])
                left = pending[0][3]
            result, text, clean, _ = pending[0]
            result.mentions.extend(_mentions(doc, text, clean, offset))
            if keep_docs:
                result.docs.append((doc, offset))
            _add_deals(result.deals, [_deal(record, clean, offset) for record in doc._.arms_deals or []])
            left -= 1
            if left == 0:
                yield _finished(*pending.popleft()[:2])
        while pending:  # trailing texts without a body
            yield _finished(*pending.popleft()[:2])

    def _prepare(
        self, text: str, clean: CleanText, date: str | PartialDate | None
    ) -> tuple[ExtractedText, list[tuple[Doc, tuple[int, int]]]]:
        """The text's header and reference date, and its pieces as Docs of its clean text."""
        header = parse_header(text)
        if header.title and find_furniture(header.title, self.rules):
            header = replace(header, title="", credit="", credit_span=None)  # 'date 2024-05 Photo : YONHAP News'
        reference = date if isinstance(date, PartialDate) else PartialDate.parse(date)
        source = "table" if reference else "header" if header.date else "none"
        reference = reference or header.date
        pieces = []
        credit = (
            (clean.to_clean(header.credit_span[0]), clean.to_clean(header.credit_span[1]))
            if header.credit_span
            else None
        )
        for start, end in split_pieces(clean.text, clean.to_clean(header.body_start), MAX_PIECE_CHARS):
            doc = self.nlp.make_doc(clean.text[start:end])
            doc._.ref_date = reference.iso() if reference else None
            if credit and start <= credit[0] < end:
                # '(DR)' after a headline: a credit, not article text
                doc._.furniture = [(credit[0] - start, credit[1] - start, "credit")]
            pieces.append((doc, (start, end)))
        return ExtractedText(header, reference, date_source=source), pieces


def _finished(result: ExtractedText, text: str) -> ExtractedText:
    """Complete a text without a reference date from the date its own text anchors, if any."""
    if result.date is None:
        inferred = infer_reference_date(text, result.mentions)
        if inferred is not None:
            result.date, result.date_source = inferred, "inferred"
            result.mentions = complete_dates(result.mentions, inferred)
    # A weekday is dated only from a date the document carries (its header or table date).
    given = result.date if result.date_source in ("table", "header") else None
    result.mentions = resolve_weekdays(result.mentions, given, exact=given is not None and given.day is not None)
    date_deals_from_mentions(result.deals, result.mentions)
    return result


def _add_deals(deals: list[Deal], piece_deals: list[Deal]) -> None:
    """Deals of one more piece of a long text: a transfer named again joins its first row."""
    index = {(d.supplier, d.recipient, d.system): d for d in deals}
    for deal in piece_deals:
        kept = index.get((deal.supplier, deal.recipient, deal.system))
        if kept is None:
            deals.append(deal)
            index[(deal.supplier, deal.recipient, deal.system)] = deal
        else:
            merge_deals(kept, deal)


def _deal(record: dict[str, Any], clean: CleanText, offset: int) -> Deal:
    """A piece's deal record with its offsets in the original text."""
    deal = Deal.from_plain(record).shifted(offset)
    deal.evidence_start, deal.evidence_end = clean.to_original(deal.evidence_start, deal.evidence_end)
    if deal.package_id.startswith("a"):  # the amount's offset
        deal.package_id = f"a{clean.original_start(int(deal.package_id[1:]))}"
    return deal


def split_pieces(text: str, start: int, limit: int) -> list[tuple[int, int]]:
    """[start, end) ranges of at most `limit` characters, cut after a newline (else a space) when possible."""
    ranges = []
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            cut = max(
                text.rfind("\n", start, end), text.rfind(" ", start, end) if text.rfind("\n", start, end) == -1 else -1
            )
            end = cut + 1 if cut > start else end
        ranges.append((start, end))
        start = end
    return ranges


def _mentions(doc: Doc, original: str, clean: CleanText, offset: int) -> list[Mention]:
    # Sentences are listed once (Span.sent re-scans the whole Doc on every call), and their
    # text is sliced from the original rather than rebuilt token by token.
    sentences = []
    for sent in doc.sents:
        span = trimmed(sent)
        start_char, end_char = clean.to_original(span.start_char + offset, span.end_char + offset)
        sentences.append((span.start, start_char, end_char, " ".join(original[start_char:end_char].split())))
    sentence_starts = [s[0] for s in sentences]
    mentions = []
    for candidate in map(from_span, doc.spans[SPANS_KEY] if SPANS_KEY in doc.spans else []):
        span = doc[candidate.start : candidate.end]
        _, sentence_start, sentence_end, sentence = sentences[max(0, bisect_right(sentence_starts, span.start) - 1)]
        start, end = clean.to_original(span.start_char + offset, span.end_char + offset)
        mentions.append(
            Mention(
                label=candidate.label,
                text=original[start:end],
                start=start,
                end=end,
                value=candidate.value,
                unit=candidate.unit,
                sentence=sentence,
                rule_id=candidate.rule_id,
                approx=candidate.approx,
                value_min=candidate.value_min,
                value_max=candidate.value_max,
                form_kind=candidate.form_kind,
                sentence_start=sentence_start,
                sentence_end=sentence_end,
                unit_source=candidate.unit_source,
                extra=candidate.extra,
            )
        )
    return mentions
