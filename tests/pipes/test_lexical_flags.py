"""Word tests of token patterns as lexeme flags (`extract.pipes.lexical_flags`): the same matches,
fewer Python calls. Each case is checked against spaCy's own predicates on the same pattern."""

import pickle

import pytest
import spacy
from spacy.matcher import Matcher

from extract.pipes.lexical_flags import FLAG_BITS, LexicalFlags, WordTest, word_test

TEXT = "Le Maroc a commandé 18 lanceurs le 03/11/2023, puis en Mars 2024 douze autres PORTANT sur 2 ans."

#: (pattern, words it must match) — each also run through spaCy's predicates for comparison
PATTERNS = {
    "lower-in": ([{"LOWER": {"IN": ["mars", "avril"]}}], ["Mars"]),
    "lower-in-upper-text": ([{"LOWER": {"IN": ["portant", "porte"]}}], ["PORTANT"]),
    "text-regex-case": ([{"TEXT": {"REGEX": "^[A-Z][a-z]+$"}}, {"IS_DIGIT": True}], ["Mars 2024"]),
    "text-regex-date": (
        [{"TEXT": {"REGEX": r"^(0?[1-9]|[12][0-9]|3[01])/(0?[1-9]|1[0-2])/(19|20)[0-9]{2}$"}}],
        ["03/11/2023"],
    ),
    "orth-in": ([{"ORTH": {"IN": ["le", "Le"]}}, {"LOWER": {"REGEX": "^ma"}}], ["Le Maroc"]),
    "lower-regex-later": ([{"IS_DIGIT": True}, {"LOWER": {"REGEX": "^(lanceurs|ans)$"}}], ["18 lanceurs", "2 ans"]),
    "in-with-op": (
        [{"LOWER": "puis"}, {"LOWER": {"IN": ["en", "au"]}, "OP": "?"}, {"LOWER": "mars"}],
        ["puis en Mars"],
    ),
    "no-match": ([{"LOWER": {"IN": ["avril"]}}], []),
}


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("fr")


def matched(nlp, pattern, *, flagged):
    nlp(TEXT)  # the words are in the vocabulary before their flags are: `apply` must set them
    matcher = Matcher(nlp.vocab, validate=not flagged)
    if flagged:
        flags = LexicalFlags(nlp.vocab)
        pattern = flags.rewrite(pattern)
        flags.apply()
    matcher.add("P", [pattern], greedy="LONGEST")
    doc = nlp(TEXT)
    return sorted(doc[start:end].text for _, start, end in matcher(doc))


@pytest.mark.parametrize(("pattern", "expected"), list(PATTERNS.values()), ids=list(PATTERNS))
def test_flags_match_what_the_predicates_match(nlp, pattern, expected):
    assert matched(nlp, pattern, flagged=True) == sorted(expected)
    assert matched(nlp, pattern, flagged=False) == sorted(expected)


@pytest.mark.parametrize(
    ("attr", "condition", "flagged"),
    [
        ("LOWER", {"IN": ["en", "au"]}, True),
        ("TEXT", {"REGEX": "^[0-9]+$"}, True),
        ("ORTH", {"IN": ["(", "["]}, True),
        ("LOWER", "en", False),  # an equality is already checked in C
        ("NORM", {"IN": ["en"]}, False),  # a token's norm may differ from its word's
        ("ENT_KB_ID", {"IN": ["B-month"]}, False),  # set per token by the tagger, not per word
        ("LOWER", {"NOT_IN": ["en"]}, False),
        ("LOWER", {"IN": ["en"], "REGEX": "^e"}, False),
        ("LENGTH", {"IN": [2]}, False),
    ],
)
def test_which_tests_become_flags(attr, condition, flagged):
    assert (word_test(attr, condition) is not None) is flagged


def test_only_the_first_token_is_rewritten(nlp):
    pattern = [{"LOWER": {"IN": ["puis"]}}, {"LOWER": {"IN": ["en"]}}]
    rewritten = LexicalFlags(nlp.vocab).rewrite(pattern)
    assert "LOWER" not in rewritten[0] and rewritten[1] == pattern[1]


def test_the_same_test_reuses_its_flag(nlp):
    flags = LexicalFlags(nlp.vocab)
    first = flags.rewrite([{"LOWER": {"IN": ["a", "b"]}}])
    again = LexicalFlags(nlp.vocab).rewrite([{"LOWER": {"IN": ["b", "a"]}}])
    assert first == again and list(first[0]) != ["LOWER"]


def test_when_no_flag_is_free_the_predicate_stays():
    nlp = spacy.blank("fr")
    flags = LexicalFlags(nlp.vocab)
    free = [bit for bit in FLAG_BITS if bit not in nlp.vocab.lex_attr_getters]
    for n in range(len(free)):
        assert flags.rewrite([{"LOWER": {"IN": [f"w{n}"]}}]) == [{free[n]: True}]
    extra = [{"LOWER": {"IN": ["mars"]}}]
    assert flags.rewrite(extra) == extra
    flags.apply()
    matcher = Matcher(nlp.vocab)
    matcher.add("P", [flags.rewrite(extra)])
    assert [nlp(TEXT)[s:e].text for _, s, e in matcher(nlp(TEXT))] == ["Mars"]


def test_a_word_test_survives_pickling():
    test = WordTest("lower", "IN", frozenset({"mars"}), "lower IN ['mars']")
    assert pickle.loads(pickle.dumps(test))("Mars") is True


@pytest.mark.parametrize(
    ("attr", "condition"),
    [
        ("LOWER", {"IN": ("en", "au")}),  # not a list
        ("LOWER", {"IN": ["en", 2]}),  # not only words
        ("TEXT", {"REGEX": 2}),
        ("LOWER", ["en"]),  # not a dict
        ("LOWER", {}),
    ],
)
def test_malformed_conditions_are_not_flagged(attr, condition):
    assert word_test(attr, condition) is None


@pytest.mark.parametrize(
    ("attr", "condition", "form", "op", "key"),
    [
        ("LOWER", {"IN": ["b", "a", "a"]}, "lower", "IN", "lower IN ['a', 'b']"),
        ("ORTH", {"IN": ["Le"]}, "text", "IN", "text IN ['Le']"),
        ("TEXT", {"REGEX": "^x"}, "text", "REGEX", "text REGEX ^x"),
        ("LOWER", {"REGEX": "^x"}, "lower", "REGEX", "lower REGEX ^x"),
    ],
)
def test_word_test_fields(attr, condition, form, op, key):
    test = word_test(attr, condition)
    assert test is not None and (test.form, test.op, test.key) == (form, op, key)


@pytest.mark.parametrize(
    ("test", "word", "expected"),
    [
        (WordTest("text", "IN", frozenset({"Mars"})), "Mars", True),
        (WordTest("text", "IN", frozenset({"Mars"})), "mars", False),
        (WordTest("lower", "IN", frozenset({"mars"})), "MARS", True),
        (WordTest("lower", "REGEX", "^ma"), "MARS", True),
        (WordTest("text", "REGEX", "^ma"), "Mars", False),
        (WordTest("text", "REGEX", "rs$"), "Mars", True),  # searched, not matched from the start only
        (WordTest("text", "REGEX", "^x"), "Mars", False),
    ],
)
def test_word_test_call(test, word, expected):
    assert test(word) is expected


def test_apply_sets_each_new_flag_once():
    nlp = spacy.blank("fr")
    nlp("mars avril")
    flags = LexicalFlags(nlp.vocab)
    flags.apply()  # nothing reserved yet
    (bit,) = flags.rewrite([{"LOWER": {"IN": ["mars"]}}])[0]
    flags.apply()
    assert nlp.vocab["mars"].check_flag(bit) and not nlp.vocab["avril"].check_flag(bit)
    assert flags.added == {}
    nlp.vocab["mars"].set_flag(bit, False)
    flags.apply()  # nothing new: words are not visited again
    assert not nlp.vocab["mars"].check_flag(bit)
