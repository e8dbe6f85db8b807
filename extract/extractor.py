"""The Python API: `Extractor().extract(text)` -> normalized mentions with their evidence."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from extract.frames import TextFrames

#: Longest stretch of text given to spaCy at once (its own limit is 1 000 000 characters): longer
#: texts are cut into pieces; what the rules read across sentences (an acronym defined earlier, the
#: document's main recipient) is read within a piece.
MAX_PIECE_CHARS = 20_000
#: Most characters in one `nlp.pipe` batch: the model's memory grows with the batch.
MAX_BATCH_CHARS = 100_000
#: Pieces an Extractor processes before it uses memory zones. Inside a zone spaCy's tokenizer
#: caches nothing, and tokenizing a text from scratch costs ten times more: the first pieces fill
#: the vocabulary and the tokenizer's cache with the corpus's frequent words for good; after them,
#: the words first seen in a batch leave with it, and memory stays flat however long the run.
WARM_PIECES = 1000


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
    #: the text the Docs were made from, offsets mapped to the original's (`keep_docs=True` only)
    clean: CleanText | None = None


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
        self.pieces_done = 0

    def extract(self, text: str, date: str | PartialDate | None = None) -> list[Mention]:
        """Mentions of one text; `date` (ISO, e.g. '2024-06') completes partial dates."""
        return next(self.extract_texts([(text, date)])).mentions

    def extract_deals(self, text: str, date: str | PartialDate | None = None) -> list[Deal]:
        """Deal records of one text (see `extract.deals.builder`)."""
        return next(self.extract_texts([(text, date)])).deals

    def frames(
        self, texts: Mapping[Any, str] | Iterable[str], *, dates: Mapping[Any, str | None] | None = None
    ) -> TextFrames:
        """Mentions and deals of in-memory texts as typed DataFrames (`extract.frames`).

        `texts` maps doc_ids to texts (a dict, a pandas Series), or is a list (doc_id = position).
        """
        from extract.frames import text_frames

        return text_frames(self, texts, dates=dates)

    def extract_texts(
        self, texts: Iterable[tuple[str, str | PartialDate | None]], *, keep_docs: bool = False
    ) -> Iterator[ExtractedText]:
        """Mentions and deals of many texts, in order, through `nlp.pipe` batches.

        A text longer than `MAX_PIECE_CHARS` is cut into pieces (`split_pieces`) that are
        processed separately; offsets still point into the original text. A batch holds at most
        `batch_size` pieces and `MAX_BATCH_CHARS` characters, and a piece's Doc is made only when
        its batch is, so memory is bounded by the batch, not by the longest text. With `keep_docs`
        each result also holds its processed Docs (for displaCy).
        """
        pending: deque[_Pending] = deque()

        def pieces() -> Iterator[_Piece]:
            for text, date in texts:
                clean = clean_text(text)
                result, ranges, make_doc = self._prepare(text, clean, date)
                pending.append(_Pending(result, text, clean, len(ranges)))
                for start, end in ranges:
                    yield make_doc, start, end

        for batch in _batches(pieces(), self.batch_size, MAX_BATCH_CHARS):
            done: list[ExtractedText] = []
            # once warm, words first seen in the batch leave the vocabulary with it (a long run's
            # memory stays flat); the Docs kept for displaCy must outlive it
            zoned = not keep_docs and self.pieces_done >= WARM_PIECES
            self.pieces_done += len(batch)
            with self.nlp.memory_zone() if zoned else nullcontext():
                docs = self.nlp.pipe((make_doc(start, end) for make_doc, start, end in batch), batch_size=len(batch))
                for doc, (_, offset, _) in zip(docs, batch, strict=True):
                    while pending[0].left == 0:  # texts without a body (header only) have no piece
                        done.append(pending.popleft().finished())
                    current = pending[0]
                    current.result.mentions.extend(_mentions(doc, current.text, current.clean, offset))
                    if keep_docs:
                        current.result.docs.append((doc, offset))
                        current.result.clean = current.clean
                    current.add_deals([_deal(record, current.clean, offset) for record in doc._.arms_deals or []])
                    current.left -= 1
                    if current.left == 0:
                        done.append(pending.popleft().finished())
            yield from done
        while pending:  # trailing texts without a body
            yield pending.popleft().finished()

    def _prepare(
        self, text: str, clean: CleanText, date: str | PartialDate | None
    ) -> tuple[ExtractedText, list[tuple[int, int]], Callable[[int, int], Doc]]:
        """The text's header and reference date, the ranges of its pieces in its clean text, and
        how to make a piece's Doc."""
        header = parse_header(text)
        if header.title and find_furniture(header.title, self.rules):
            header = replace(header, title="", credit="", credit_span=None)  # 'date 2024-05 Photo : YONHAP News'
        reference = date if isinstance(date, PartialDate) else PartialDate.parse(date)
        source = "table" if reference else "header" if header.date else "none"
        reference = reference or header.date
        credit = (
            (clean.to_clean(header.credit_span[0]), clean.to_clean(header.credit_span[1]))
            if header.credit_span
            else None
        )

        def make_doc(start: int, end: int) -> Doc:
            doc = self.nlp.make_doc(clean.text[start:end])
            doc._.ref_date = reference.iso() if reference else None
            if credit and start <= credit[0] < end:
                # '(DR)' after a headline: a credit, not article text
                doc._.furniture = [(credit[0] - start, credit[1] - start, "credit")]
            return doc

        ranges = split_pieces(clean.text, clean.to_clean(header.body_start), MAX_PIECE_CHARS)
        return ExtractedText(header, reference, date_source=source), ranges, make_doc


#: a piece of a text to extract: how to make its Doc, and its character range in the clean text
_Piece = tuple[Callable[[int, int], Doc], int, int]


def _batches(pieces: Iterator[_Piece], size: int, max_chars: int) -> Iterator[list[_Piece]]:
    """Lists of at most `size` pieces and (unless a piece alone is longer) `max_chars` characters."""
    batch: list[_Piece] = []
    chars = 0
    for piece in pieces:
        length = piece[2] - piece[1]
        if batch and (len(batch) >= size or chars + length > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(piece)
        chars += length
    if batch:
        yield batch


@dataclass
class _Pending:
    """A text whose pieces are being extracted: its result so far and how many pieces are left."""

    result: ExtractedText
    text: str
    clean: CleanText
    left: int
    #: the text's deals by transfer, so that a transfer named again joins its first row
    deal_index: dict[tuple[str, str, str], Deal] = field(default_factory=dict)

    def add_deals(self, piece_deals: list[Deal]) -> None:
        """Deals of one more piece of the text."""
        for deal in piece_deals:
            key = (deal.supplier, deal.recipient, deal.system)
            kept = self.deal_index.get(key)
            if kept is None:
                self.result.deals.append(deal)
                self.deal_index[key] = deal
            else:
                merge_deals(kept, deal)

    def finished(self) -> ExtractedText:
        """Complete a text without a reference date from the date its own text anchors, if any."""
        result = self.result
        if result.date is None:
            inferred = infer_reference_date(self.text, result.mentions)
            if inferred is not None:
                result.date, result.date_source = inferred, "inferred"
                result.mentions = complete_dates(result.mentions, inferred)
        # A weekday is dated only from a date the document carries (its header or table date).
        given = result.date if result.date_source in ("table", "header") else None
        result.mentions = resolve_weekdays(result.mentions, given, exact=given is not None and given.day is not None)
        date_deals_from_mentions(result.deals, result.mentions)
        return result


def _deal(record: dict[str, Any], clean: CleanText, offset: int) -> Deal:
    """A piece's deal record with its offsets in the original text."""
    deal = Deal.from_plain(record).shifted(offset)
    deal.evidence_start, deal.evidence_end = clean.to_original(deal.evidence_start, deal.evidence_end)
    if deal.package_id.startswith("a"):  # the amount's offset
        deal.package_id = f"a{clean.original_start(int(deal.package_id[1:]))}"
    return deal


#: Where a piece may end, best first: after a blank line; after a sentence (its final punctuation
#: after a lower-case word, not 'M.', or a line break before a line that starts like a sentence, as
#: `arms_sentencizer` reads it); after a space.
_CUTS = (
    re.compile(r"\n[^\S\n]*\n\s*"),
    re.compile(r"(?:(?<=[a-zà-ÿ0-9)]{2}[.!?…])[\"»”’)\]]*[^\S\n]+|\n\s*)(?=[A-ZÀ-ÝŒ0-9«\"“‘'—–•►▶*(-])"),
    re.compile(r"\s+"),
)


def split_pieces(text: str, start: int, limit: int) -> list[tuple[int, int]]:
    r"""[start, end) ranges of at most `limit` characters covering text[start:], each cut at the
    best place of its second half (`_CUTS`: a paragraph, else a sentence, else a space), so
    neither a sentence nor a mention in it is split unless the text has no such place.

    >>> text = "Oui. " * 3 + "Deux trois.\n\nQuatre cinq six."
    >>> [text[a:b] for a, b in split_pieces(text, 0, 20)]
    ['Oui. Oui. Oui. ', 'Deux trois.\n\n', 'Quatre cinq six.']
    """
    ranges = []
    while len(text) - start > limit:
        end = start + limit
        for cut in _CUTS:
            found = [m.end() for m in cut.finditer(text, start + limit // 2, end) if m.end() <= end]
            if found:
                end = found[-1]
                break
        ranges.append((start, end))
        start = end
    if start < len(text):
        ranges.append((start, len(text)))
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
