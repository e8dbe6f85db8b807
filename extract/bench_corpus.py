"""The generated corpus of `make bench`: article-like texts made, seeded, from the samples' sentences.

Crawled articles come in three shapes, which the corpus mixes (3:1:1): a `date YYYY-MM` header line
that carries the first paragraph; a header line with a headline, then the paragraphs; a headline
without a date. Lengths follow real articles: log-normal, median 1,500 characters (about 300
tokens), most between 900 and 2,500. The samples' sentences recur, where real articles keep
bringing new words: so that the tokenizer's, the lemmatizer's and the rules' per-word caches are not
warmer than on real text, a share of the numbers, of the capitalized words inside sentences (names)
and of the open-class words get new forms. Open-class words are drawn from the French words of the
model's string store so that the distinct words of the corpus grow with its length as in real
press (Heaps' law, fitted on crawled articles, see `HEAPS_K`); words the rules read stay.
"""

from __future__ import annotations

import json
import math
import random
import re
from functools import cache
from pathlib import Path

from extract.rules.loader import packaged_rules_dir

#: the model whose French words the open-class words are drawn from
MODEL = "fr_core_news_sm"
MEDIAN_CHARS = 1500
#: sigma of the log-normal length: a quarter of the articles under ~1,200 characters, a quarter over ~1,900
LENGTH_SIGMA = 0.35
SHORTEST, LONGEST = 400, 6000
#: (shape, weight): header line with the first paragraph, header line with a headline, headline alone
SHAPES = (("header_paragraph", 3), ("header_headline", 1), ("headline", 1))
_SENTENCE = re.compile(r"(?<=[.!?»])\s+")
_HEADER = re.compile(r"^date \d{4}-\d{2} ")
#: share of in-sentence capitalized words, and of free-standing numbers, given a new form
NAME_SHARE, NUMBER_SHARE = 0.3, 0.6
#: chance that a renamed word takes a name never used before (else one already made)
NEW_NAME = 0.3
_NAME = re.compile(r"(?<=[a-zà-ÿ,] )[A-ZÀ-Ý][a-zà-ÿ]{3,}\b")
_NUMBER = re.compile(r"(?<=\s)\d+(?:,\d+)?(?=[\s.,;:)])")
#: share of the open-class words of the samples' sentences drawn anew (see `_NewWords`)
WORD_SHARE = 0.6
#: the drawn words follow Heaps' law: after n draws, HEAPS_K * n ** HEAPS_BETA distinct words
HEAPS_K, HEAPS_BETA = 20.0, 0.68
#: letters at the end a drawn word shares with the word it replaces
ENDING = 2
#: an open-class word: lower case, five letters or more (function words and the rules' words excepted)
_WORD = re.compile(r"(?<![\w'’-])[a-zà-ÿœæ]{5,}(?![\w'’-])")
_SYLLABLES = ("ka", "ro", "vi", "len", "ma", "dor", "sta", "ne", "bri", "lo", "tur", "sa", "mi", "gor", "va", "ul")


class _NewForms:
    """New names and numbers for the recurring sample sentences, from the corpus's random stream."""

    def __init__(self, rng: random.Random, words: _NewWords) -> None:
        self.rng, self.words = rng, words
        self.names: list[str] = []

    def apply(self, sentence: str) -> str:
        return _NUMBER.sub(self._number, _NAME.sub(self._name, self.words.apply(sentence)))

    def _name(self, match: re.Match[str]) -> str:
        rng = self.rng
        if rng.random() >= NAME_SHARE:
            return match.group()
        if not self.names or rng.random() < NEW_NAME:
            self.names.append("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize())
            return self.names[-1]
        return self.names[int(len(self.names) * rng.random() ** 3)]  # the early names most often

    def _number(self, match: re.Match[str]) -> str:
        text = match.group()
        if self.rng.random() >= NUMBER_SHARE:
            return text
        if len(text) == 4 and text[:2] in ("19", "20"):  # a year stays a year
            return text[:2] + f"{self.rng.randint(0, 99):02d}"
        digits = [str(self.rng.randint(1 if i == 0 else 0, 9)) if c.isdigit() else c for i, c in enumerate(text)]
        return "".join(digits)


class _NewWords:
    """Open-class words replaced by French words drawn as real press brings them: a new word while
    the distinct ones are fewer than Heaps' law allows, else one already drawn (Zipf-like reuse).
    A word is replaced by one of the same ending ('-ment', '-er', '-es'), so tags stay plausible."""

    def __init__(self, rng: random.Random, pool: list[str], keep: frozenset[str]) -> None:
        self.rng, self.keep = rng, keep
        self.unused: dict[str, list[str]] = {}
        for word in reversed(pool):  # popped from the end: the pool's order
            self.unused.setdefault(word[-ENDING:], []).append(word)
        self.drawn: dict[str, list[str]] = {}
        self.draws = self.distinct = 0

    def apply(self, sentence: str) -> str:
        return _WORD.sub(self._word, sentence)

    def _word(self, match: re.Match[str]) -> str:
        word = match.group()
        if word in self.keep or self.rng.random() >= WORD_SHARE:
            return word
        ending = word[-ENDING:]
        unused, drawn = self.unused.get(ending, []), self.drawn.setdefault(ending, [])
        self.draws += 1
        if unused and (not drawn or self.distinct < HEAPS_K * self.draws**HEAPS_BETA):
            new = unused.pop()
            self.distinct += 1
        elif drawn:
            new = drawn[int(len(drawn) * self.rng.random())]
        else:
            return word  # no French word of this ending
        drawn.append(new)
        return new


@cache
def _french_words(model: str) -> tuple[str, ...]:
    """The model's known French words (its string store), in their stored order."""
    from spacy.util import get_package_path

    package = get_package_path(model)
    strings = next(package.glob("*/vocab/strings.json"), None) or package / "vocab" / "strings.json"
    return tuple(
        w for w in json.loads(strings.read_text(encoding="utf-8")) if isinstance(w, str) and _WORD.fullmatch(w)
    )


@cache
def _kept_words(rules: Path) -> frozenset[str]:
    """Words no draw replaces: French function words and every word written in the rules' files."""
    from spacy.lang.fr.stop_words import STOP_WORDS

    words = set(STOP_WORDS)
    for path in sorted(rules.rglob("*")):
        if path.is_file():
            words.update(re.findall(r"[a-zà-ÿœæ]+", path.read_text(encoding="utf-8", errors="replace").lower()))
    return frozenset(words)


def _sentences_and_headlines(samples: Path) -> tuple[list[str], list[str]]:
    """The samples' body sentences (over 40 characters) and their headlines (first lines, date left out)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(samples.rglob("*.txt"))]
    if not texts:
        raise SystemExit(f"no .txt files in {samples}")
    sentences = [s.strip() for t in texts for s in _SENTENCE.split(t.split("\n", 1)[-1]) if len(s.strip()) > 40]
    headlines = [_HEADER.sub("", t.split("\n", 1)[0]).strip() for t in texts]
    return sentences, [h for h in headlines if 10 < len(h) < 200]


def _length(rng: random.Random) -> int:
    return min(LONGEST, max(SHORTEST, round(rng.lognormvariate(math.log(MEDIAN_CHARS), LENGTH_SIGMA))))


def _paragraphs(rng: random.Random, sentences: list[str], target: int, forms: _NewForms) -> list[str]:
    """Paragraphs of 1 to 4 distinct sentences until the body reaches `target` characters."""
    paragraphs, current, length = [], [], 0
    for sample in rng.sample(sentences, k=min(len(sentences), 60)):
        sentence = forms.apply(sample)
        if length and length + len(sentence) / 2 > target:  # nearest to the target, over or under
            break
        current.append(sentence)
        length += len(sentence) + 1
        if len(current) >= rng.randint(1, 4):
            paragraphs.append(" ".join(current))
            current = []
    return paragraphs + ([" ".join(current)] if current else [])


def generate_corpus(
    samples: Path, docs: int, seed: int = 7, *, rules: Path | None = None, model: str = MODEL
) -> list[str]:
    """`docs` article-like texts, the same for the same samples, seed, rules and model.

    >>> [len(t) > 300 for t in generate_corpus(Path(__file__).parents[1] / "samples", 3)]
    [True, True, True]
    """
    sentences, headlines = _sentences_and_headlines(samples)
    rng = random.Random(seed)
    keep = _kept_words(rules or packaged_rules_dir())
    pool = [w for w in _french_words(model) if w not in keep]
    random.Random(seed).shuffle(pool)
    forms = _NewForms(rng, _NewWords(rng, pool, keep))
    shapes, weights = [shape for shape, _ in SHAPES], [weight for _, weight in SHAPES]
    corpus = []
    for _ in range(docs):
        date = f"date 20{rng.randint(15, 25):02d}-{rng.randint(1, 12):02d}"
        shape = rng.choices(shapes, weights)[0]
        headline = rng.choice(headlines)
        target = _length(rng) - (len(headline) if shape != "header_paragraph" else 0)
        body = rng.choice(("\n\n", "\n")).join(_paragraphs(rng, sentences, target, forms))
        if shape == "header_paragraph":
            corpus.append(f"{date} {body}\n")
        elif shape == "header_headline":
            corpus.append(f"{date} {headline}\n\n{body}\n")
        else:
            corpus.append(f"{headline}\n\n{body}\n")
    return corpus


def write_jsonl(path: Path, texts: list[str]) -> None:
    """A table input for `extract run` (ids d0, d1, ...)."""
    path.write_text(
        "".join(json.dumps({"id": f"d{i}", "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts)),
        encoding="utf-8",
    )
