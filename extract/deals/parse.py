"""The dependency parse deals read, paid for only where a deal can be stated.

In the default mode the model's parser does not run on the whole Doc: `GatedParser` lets the
deals parse the sentences that hold a transfer trigger and a mention, each as its own Doc
(sharing the tok2vec features the model computed for the whole text), once a rule asks about one
of their tokens, and keeps the heads and labels beside the Doc. `tree(doc)`
answers from that partial parse, or from the model's own parse when a pipeline ran it on every
sentence (`spacy.load("fr_core_news_sm")` + `arms_extractor`); None without any (`--fast`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.tokens import Doc, Span

#: Where a Doc keeps its partial parse while its deals are built (`Doc.user_data`).
PARSE_KEY = "arms_deal_parse"


class Tree:
    """Heads, labels and children of parsed tokens, by token index in the Doc. Sentences handed
    to `expect` are parsed, all in one batch, on the first question about one of their tokens (a
    Doc whose roles and stages the window rules settle is never parsed)."""

    def __init__(self, parser: Any | None = None) -> None:
        self.parser = parser
        self.heads: dict[int, int] = {}
        self.deps: dict[int, str] = {}
        self.kids: dict[int, list[int]] = {}
        self.pending: dict[int, Span] = {}  # token index -> its sentence, for sentences not parsed yet

    def expect(self, sentence: Span) -> None:
        """Parse `sentence` when one of its tokens is asked about."""
        for i in range(sentence.start, sentence.end):
            self.pending[i] = sentence

    def dep(self, i: int) -> str:
        """The label of token `i` ('' where unparsed)."""
        self._parse_at(i)
        return self.deps.get(i, "")

    def head(self, i: int) -> int:
        """The head of token `i` (itself where unparsed or a root)."""
        self._parse_at(i)
        return self.heads.get(i, i)

    def children(self, i: int) -> list[int]:
        """The tokens whose head is token `i`."""
        self._parse_at(i)
        return self.kids.get(i, [])

    def add(self, offset: int, parsed: Doc) -> None:
        """The parse of one sentence Doc whose first token is token `offset` of the whole Doc."""
        for token in parsed:
            i, head = token.i + offset, token.head.i + offset
            self.heads[i], self.deps[i] = head, token.dep_
            if head != i:
                self.kids.setdefault(head, []).append(i)

    def _parse_at(self, i: int) -> None:
        if i not in self.pending or self.parser is None:
            return
        # the first question parses every expected sentence in one batch: one parser call per
        # sentence costs more than the tokens it saves
        sentences = list({s.start: s for s in self.pending.values()}.values())
        self.pending.clear()
        for sentence, parsed in zip(sentences, self.parser.pipe(_sentence_doc(s) for s in sentences), strict=True):
            self.add(sentence.start, parsed)


class ModelTree(Tree):
    """The model's parse of the whole Doc, read through the same questions."""

    def __init__(self, doc: Doc) -> None:
        super().__init__()
        self.doc = doc

    def dep(self, i: int) -> str:
        """The label of token `i`."""
        return self.doc[i].dep_

    def head(self, i: int) -> int:
        """The head of token `i`."""
        return self.doc[i].head.i

    def children(self, i: int) -> list[int]:
        """The tokens whose head is token `i`."""
        return [child.i for child in self.doc[i].children]


def tree(doc: Doc) -> Tree | None:
    """The parse deals may read: the model's, the gated one, or None."""
    if doc.has_annotation("DEP"):
        return ModelTree(doc)
    gated = doc.user_data.get(PARSE_KEY)
    return gated if isinstance(gated, Tree) else None


class GatedParser:
    """Runs the model's parser on chosen sentences only, and only when the deals ask."""

    def __init__(self, parser: Any | None) -> None:
        self.parser = parser

    def parse(self, doc: Doc, sentences: Iterable[Span]) -> None:
        """Make `sentences` parseable (each parsed when first asked about) unless the Doc was
        parsed whole or no parser is loaded."""
        if self.parser is None or doc.has_annotation("DEP"):
            return
        if doc.tensor is None or len(doc.tensor) != len(doc):
            return  # no features to parse from (a pipeline without tok2vec)
        found = Tree(self.parser)
        for sentence in sentences:
            words = trimmed(sentence)
            if len(words):
                found.expect(words)
        doc.user_data[PARSE_KEY] = found

    @staticmethod
    def forget(doc: Doc) -> None:
        """Drop the partial parse once the deals are built (a Doc keeps plain values only)."""
        doc.user_data.pop(PARSE_KEY, None)


def _sentence_doc(sentence: Span) -> Doc:
    """A Doc of one sentence with its slice of the tok2vec tensor, all the parser's listener reads
    (`Span.as_doc` would copy every attribute of the whole Doc for each sentence)."""
    words = [token.text for token in sentence]
    spaces = [bool(token.whitespace_) for token in sentence]
    parsed = Doc(sentence.doc.vocab, words=words, spaces=spaces)
    parsed.tensor = sentence.doc.tensor[sentence.start : sentence.end]
    return parsed


def trimmed(span: Span) -> Span:
    """The span without leading or trailing whitespace tokens (a leading break changes the parse)."""
    start, end = span.start, span.end
    while start < end and span.doc[start].is_space:
        start += 1
    while end > start and span.doc[end - 1].is_space:
        end -= 1
    return span.doc[start:end]
