"""The dependency parse deals read, paid for only where a deal can be stated.

In the default mode the model's parser does not run on the whole Doc: `GatedParser` lets the
deals parse the sentences that hold a transfer trigger and a mention, each as its own Doc
(sharing the tok2vec features the model computed for the whole text), once a rule asks about one
of their tokens, and keeps the heads and labels beside the Doc. `tree(doc)`
answers from that partial parse, or from the model's own parse when a pipeline ran it on every
sentence (`spacy.load("fr_core_news_sm")` + `arms_extractor`); None without any (`--fast`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from extract.deals.parse_batch import parse_sentence
from extract.rules import ArgumentPattern

#: Where a Doc keeps its partial parse while its deals are built (`Doc.user_data`).
PARSE_KEY = "arms_deal_parse"
#: The node of an argument pattern (rules/deals/arguments.jsonl) that is the party found.
PARTY_NODE = "party"


class Arguments:
    """The DependencyMatcher of rules/deals/arguments.jsonl: for each clause word of a parsed Doc,
    the parties each kind of pattern reaches from it, in the file's order of patterns."""

    def __init__(self, vocab: Vocab, patterns: Sequence[ArgumentPattern]) -> None:
        self.matcher = DependencyMatcher(vocab)
        self.kinds: dict[int, str] = {}
        self.party: dict[int, int] = {}
        self.order: dict[int, int] = {}
        for rank, rule in enumerate(patterns):
            self.matcher.add(rule.id, [rule.pattern])
            key = vocab.strings[rule.id]
            self.kinds[key], self.order[key] = rule.kind, rank
            self.party[key] = [node["RIGHT_ID"] for node in rule.pattern].index(PARTY_NODE)

    def find(self, doc: Doc, offset: int = 0) -> dict[tuple[int, str], list[int]]:
        """(clause word, kind) -> the parties, as token indices shifted by `offset`."""
        found: dict[tuple[int, str], list[tuple[int, int]]] = {}
        for key, tokens in self.matcher(doc):
            found.setdefault((tokens[0] + offset, self.kinds[key]), []).append(
                (self.order[key], tokens[self.party[key]] + offset)
            )
        return {place: [party for _, party in sorted(set(hits))] for place, hits in found.items()}


class Tree:
    """Heads, labels and children of parsed tokens, by token index in the Doc. A sentence handed
    to `expect` is parsed on the first question about one of its tokens (a sentence whose roles
    and stages the window rules settle is never parsed)."""

    def __init__(self, parser: Any | None = None, arguments: Arguments | None = None) -> None:
        self.parser = parser
        self.argument_patterns = arguments
        self.found: dict[tuple[int, str], list[int]] = {}
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

    def arguments(self, i: int, kind: str) -> list[int]:
        """The parties the argument patterns of `kind` reach from clause word `i`."""
        self._parse_at(i)
        return self.found.get((i, kind), [])

    def add(self, offset: int, parsed: Doc) -> None:
        """The parse of one sentence Doc whose first token is token `offset` of the whole Doc."""
        for token in parsed:
            i, head = token.i + offset, token.head.i + offset
            self.heads[i], self.deps[i] = head, token.dep_
            if head != i:
                self.kids.setdefault(head, []).append(i)
        if self.argument_patterns is not None:
            self.found.update(self.argument_patterns.find(parsed, offset))

    def _parse_at(self, i: int) -> None:
        sentence = self.pending.get(i)
        if sentence is None or self.parser is None:
            return
        # only the sentence asked about: about half the expected sentences are never asked
        # about, which saves more than one parser call per sentence costs over one per Doc
        for j in range(sentence.start, sentence.end):
            del self.pending[j]
        self.add(sentence.start, parse_sentence(self.parser, _sentence_doc(sentence)))


class ModelTree(Tree):
    """The model's parse of the whole Doc, read through the same questions."""

    def __init__(self, doc: Doc, arguments: Arguments | None = None) -> None:
        super().__init__(arguments=arguments)
        self.doc = doc
        self.matched = False

    def arguments(self, i: int, kind: str) -> list[int]:
        """The parties the argument patterns of `kind` reach from clause word `i`."""
        if not self.matched and self.argument_patterns is not None:
            self.found, self.matched = self.argument_patterns.find(self.doc), True
        return self.found.get((i, kind), [])

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
    """The parse deals may read: the one the deals set up (gated, or the model's with the
    argument patterns), the model's, or None."""
    if PARSE_KEY in doc.user_data:  # set by `GatedParser.parse` (None: no parse to read)
        kept = doc.user_data[PARSE_KEY]
        return kept if isinstance(kept, Tree) else None
    return ModelTree(doc) if doc.has_annotation("DEP") else None


class GatedParser:
    """Runs the model's parser on chosen sentences only, and only when the deals ask."""

    def __init__(self, parser: Any | None, arguments: Sequence[ArgumentPattern] = ()) -> None:
        self.parser = parser
        self.patterns = tuple(arguments)
        self.arguments: Arguments | None = None

    def parse(self, doc: Doc, sentences: Iterable[Span]) -> None:
        """Make `sentences` parseable (each parsed when first asked about), or the model's parse
        of the whole Doc readable with the argument patterns; nothing without a parser."""
        if self.arguments is None and self.patterns:
            self.arguments = Arguments(doc.vocab, self.patterns)
        if doc.has_annotation("DEP"):
            doc.user_data[PARSE_KEY] = ModelTree(doc, self.arguments)
            return
        if self.parser is None or doc.tensor is None or len(doc.tensor) != len(doc):
            doc.user_data[PARSE_KEY] = None  # no parser, or no features to parse from: asked once, not per rule
            return
        found = Tree(self.parser, self.arguments)
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
    tags = [token.pos_ for token in sentence]  # what argument patterns may ask of a clause word
    parsed = Doc(sentence.doc.vocab, words=words, spaces=spaces, pos=tags if all(tags) else None)
    parsed.tensor = sentence.doc.tensor[sentence.start : sentence.end]
    return parsed


def trimmed(span: Span) -> Span:
    """The span without leading or trailing whitespace tokens (a leading break changes the parse);
    a span of whitespace only gives the empty span at its start."""
    start, end = span.start, span.end
    while start < end and span.doc[start].is_space:
        start += 1
    if start == end:
        # (not at its end: an empty Span at the Doc's end has spaCy rebuild the Doc's whole text)
        return span.doc[span.start : span.start]
    while span.doc[end - 1].is_space:
        end -= 1
    return span.doc[start:end]
