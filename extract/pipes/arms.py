"""Component `arms_extractor`: the whole extraction as one spaCy component.

    nlp = spacy.load("fr_core_news_sm")
    nlp.add_pipe("arms_extractor")            # config={"rules_dir": "my_rules"} for tuned rules
    doc = nlp("Le Maroc a commandé 18 lanceurs M142 HIMARS pour 524 millions de dollars.")
    [(s.label_, s.text, s._.value, s._.unit) for s in doc.spans["arms"]]
    doc._.arms_deals                          # deal records, plain dicts

It runs, in order: sentences from punctuation and line breaks, page furniture, the tagger
(gazetteers, word classes, numbers), the patterns, acronyms, overlap resolution (mentions as
`doc.spans["arms"]`, the outermost as `doc.ents`) and deals (`doc._.arms_deals`). Adding it also
teaches the pipeline's tokenizer the press's glued forms ('2,5Md€', 'mi-2025'). A processed Doc
holds plain values only, so `DocBin`, `nlp.pipe(n_process=2)` and displaCy work on it. The rules
travel with the pipeline: `nlp.to_disk()` copies the rules folder, `spacy.load()` reads it back.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import minibatch

from extract.deals.builder import DealBuilder
from extract.deals.parse_batch import ParseBatch
from extract.errors import Messages, RulesError
from extract.partial_date import PartialDate
from extract.pipes.acronyms import ArmsAcronyms
from extract.pipes.furniture import ArmsFurniture
from extract.pipes.items import clear_working_state, register_extensions
from extract.pipes.patterns import ArmsPatterns
from extract.pipes.resolver import ArmsResolver
from extract.pipes.sentences import LineSentencizer
from extract.pipes.tagger import ArmsTagger
from extract.rules import RuleSet, load_rules

RULES_FOLDER = "rules"


class ArmsExtractor:
    """Every rule component in one: what `nlp.add_pipe("arms_extractor")` adds."""

    def __init__(self, nlp: Language, name: str = "arms_extractor", rules_dir: str | None = None) -> None:
        register_extensions()
        self.nlp = nlp
        self.name = name
        self.rules_dir = rules_dir
        self.rules: RuleSet | None = None
        self.parse_batch: ParseBatch | None = None
        if rules_dir is None or Path(rules_dir).is_dir():
            self._build(load_rules(rules_dir))
        # else: a saved pipeline whose rules folder has moved; `from_disk` brings the saved copy

    def _build(self, rules: RuleSet) -> None:
        from extract.pipeline import customize_tokenizer

        self.rules = rules
        customize_tokenizer(self.nlp, rules)
        self.steps: list[Callable[[Doc], Doc]] = [
            LineSentencizer("arms_sentencizer", overwrite=True),
            ArmsFurniture(rules),
            ArmsTagger(self.nlp, rules),
            ArmsPatterns(self.nlp, rules),
            ArmsAcronyms(),
            ArmsResolver(),
        ]
        # a parser the pipeline loads but does not run on whole Docs parses the deal sentences
        parser = self.nlp.get_pipe("parser") if "parser" in self.nlp.disabled else None
        self.deal_builder = DealBuilder(rules, parser)
        self.parse_batch = ParseBatch(parser) if parser is not None else None
        # Loading the rules tokenized thousands of gazetteer forms, which filled the tokenizer's
        # chunk cache (10,000 entries, then no more): empty it so the articles' words are cached.
        # Re-setting the special cases is spaCy's public way to start a new cache (a flush keeps
        # the count of entries, so the cache would stay full).
        tokenizer: Tokenizer = self.nlp.tokenizer  # type: ignore[assignment]
        tokenizer.rules = dict(tokenizer.rules or {})

    def __call__(self, doc: Doc) -> Doc:
        """Extract the mentions and deals of one Doc."""
        return self._deals(self._mentions(doc))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Process a stream of Docs; with the gated parser, `batch_size` Docs at a time, the
        sentences their deal rules ask about parsed together (`extract.deals.parse_batch`)."""
        if self.parse_batch is None:
            for doc in docs:
                yield self(doc)
            return
        for batch in minibatch(docs, size=batch_size):
            tagged = [self._mentions(doc) for doc in batch]
            outcomes = self.parse_batch.run([partial(self._deals, doc) for doc in tagged])
            for doc, outcome in zip(tagged, outcomes, strict=True):
                if isinstance(outcome, BaseException):
                    raise outcome
                yield doc

    def _mentions(self, doc: Doc) -> Doc:
        if self.rules is None:
            raise RulesError(str(self.rules_dir), None, Messages.E014)
        for step in self.steps:
            doc = step(doc)
        return doc

    def _deals(self, doc: Doc) -> Doc:
        candidates = doc._.arms_candidates or []
        deals = self.deal_builder.build(doc, candidates, PartialDate.parse(doc._.ref_date))
        doc._.arms_deals = [deal.as_plain() for deal in deals]
        clear_working_state(doc)
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the rules folder with the pipeline."""
        target = Path(path) / RULES_FOLDER
        if self.rules is None:
            raise RulesError(str(self.rules_dir), None, Messages.E014)
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(self.rules.root, target)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> ArmsExtractor:
        """Load the rules saved with the pipeline."""
        folder = Path(path) / RULES_FOLDER
        if folder.is_dir():
            self.rules_dir = str(folder.resolve())
            self._build(load_rules(self.rules_dir))
        return self


@Language.factory(
    "arms_extractor",
    assigns=["doc.spans", "doc.ents", "doc._.arms_deals", "token.is_sent_start"],
    default_config={"rules_dir": None},
)
def make_arms_extractor(nlp: Language, name: str, rules_dir: str | None) -> ArmsExtractor:
    """spaCy factory: `nlp.add_pipe("arms_extractor", config={"rules_dir": ...})`."""
    return ArmsExtractor(nlp, name, rules_dir)


def deal_records(doc: Doc) -> list[dict[str, Any]]:
    """The deal records of a processed Doc."""
    return list(doc._.arms_deals or [])
