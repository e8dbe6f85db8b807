"""Component `arms_sentencizer`: sentences from punctuation and from line breaks.

Crawled articles put titles, section labels and paragraphs on lines of their own, often
without a final full stop ("Le fer de lance de la défense aérienne" then a blank line).
A line break starts a sentence when a blank line follows it, or when the next line starts
like a sentence (capital letter, digit, quote, dash); a line wrapped inside a sentence
(the next line starts in lower case) does not.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

#: First characters of a line that starts a new sentence after a single line break.
_SENTENCE_OPENERS = frozenset("«\"“‘'—–-•►▶*(")


def _starts_line_sentence(doc: Doc, i: int) -> bool:
    """Token `i` follows a line break and opens a sentence."""
    if i == 0 or doc[i].is_space:
        return False
    previous = doc[i - 1]
    if not previous.is_space or "\n" not in previous.text:
        return False
    first = doc[i].text[:1]
    return previous.text.count("\n") > 1 or first.isupper() or first.isdigit() or first in _SENTENCE_OPENERS


class LineSentencizer(Sentencizer):
    """spaCy's punctuation sentencizer, plus sentence starts at line breaks."""

    def predict(self, docs: Iterable[Doc]) -> list[list[bool]]:
        """Punctuation boundaries, then a start after every line break that opens a sentence."""
        docs = list(docs)
        guesses: list[list[bool]] = super().predict(docs)
        for doc, starts in zip(docs, guesses, strict=True):
            for i in range(1, len(doc)):
                if not starts[i] and _starts_line_sentence(doc, i):
                    starts[i] = True
                if starts[i] and starts[i - 1] and doc[i - 1].is_space:
                    starts[i] = False  # '?\nLa': the line break opens the sentence, not a sentence of its own
        return guesses


@Language.factory(
    "arms_sentencizer",
    assigns=["token.is_sent_start", "doc.sents"],
    default_config={"overwrite": True},
)
def make_arms_sentencizer(nlp: Language, name: str, overwrite: bool) -> LineSentencizer:
    """spaCy factory: `nlp.add_pipe("arms_sentencizer")`."""
    return LineSentencizer(name, overwrite=overwrite)
