"""Build the spaCy pipeline: the French model (or a blank tokenizer) plus our components."""

from __future__ import annotations

import re

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

import extract.pipes.acronyms  # noqa: F401  (registers the arms_acronyms factory)
import extract.pipes.arms  # noqa: F401  (registers the arms_extractor factory)
import extract.pipes.furniture  # noqa: F401  (registers the arms_furniture factory)
import extract.pipes.patterns  # noqa: F401  (registers the arms_patterns factory)
import extract.pipes.resolver  # noqa: F401  (registers the arms_resolver factory)
import extract.pipes.sentences  # noqa: F401  (registers the arms_sentencizer factory)
import extract.pipes.tagger  # noqa: F401  (registers the arms_tagger factory)
from extract.rules import RuleSet, load_rules

DEFAULT_MODEL = "fr_core_news_sm"
#: Model components the rules never read; excluding them is free speed.
UNUSED_MODEL_COMPONENTS = ["ner"]
#: Components needed only by patterns that read one of these token attributes.
COMPONENTS_FOR_ATTRIBUTES = {
    "lemmatizer": "LEMMA",  # the slowest component after the parser
    "attribute_ruler": "TAG",  # in fr_core_news_sm it copies POS to TAG and marks whitespace SPACE
}


def _unused_components(rules: RuleSet) -> list[str]:
    """The model components to leave out: NER always; the lemmatizer and the attribute ruler
    unless a pattern reads LEMMA or TAG (no shipped one does)."""
    read = {attr for rule in rules.patterns for token in rule.pattern for attr in token}
    return UNUSED_MODEL_COMPONENTS + [name for name, attr in COMPONENTS_FOR_ATTRIBUTES.items() if attr not in read]


def _alternatives(forms: set[str]) -> str:
    return "|".join(re.escape(f) for f in sorted((f for f in forms if " " not in f), key=len, reverse=True))


def _currency_codes(rules: RuleSet) -> set[str]:
    """ISO codes and symbols of the currencies lexicon ('USD', 'CHF', 'US$', 'HK$')."""
    forms = {e.form for e in rules.lexicons.get("currency", [])}
    return {f for f in forms if re.fullmatch(r"[A-Z]{3}", f) or (not f.isalpha() and f[:1].isalpha())}


def _glued_unit_suffixes(rules: RuleSet) -> list[str]:
    """'2,5Md€', '250M$', '300km', '29,99EUR', '2,5-km', '10½': split a unit glued to the digits before it."""
    forms = {e.form for cls in ("scaled_currency", "scale", "distance_unit") for e in rules.lexicons.get(cls, [])}
    forms |= {e.form for e in rules.lexicons.get("currency", []) if not e.form.isalpha()}  # symbols: '$', 'US$'
    codes = {f for f in _currency_codes(rules) if f.isalpha()}
    distances = {e.form for e in rules.lexicons.get("distance_unit", []) if len(e.form) > 1}
    # '10$CA': the country letters of a sign written apart ('$ CA'), then the sign below
    sign_countries = [
        rf"(?<=[0-9]{re.escape(sign)})(?:{letters})"
        for sign, letters in (
            e.form.split(" ") for e in rules.lexicons.get("currency", []) if re.fullmatch(r"\S+ [A-Z]{2,3}", e.form)
        )
    ]
    return [
        r"(?<=[0-9])(?i:" + _alternatives(forms) + r")",
        r"(?<=[0-9])(?:" + _alternatives(codes) + r")",  # codes in capitals only: '29,99EUR'
        *sign_countries,
        r"(?<=[0-9]-)(?:" + _alternatives(distances) + r")",  # '2,5-km': then the hyphen below
        r"(?<=[0-9])-",
        r"(?<=[0-9])[½¼¾]",
    ]


def _glued_currency_prefixes(rules: RuleSet) -> list[str]:
    """'USD1,23', 'CHF2.5', 'HK$10': split a currency code or symbol glued to the digits after it."""
    return [r"(?:" + _alternatives(_currency_codes(rules)) + r")(?=[0-9])"]


def _final_designation_letters(rules: RuleSet) -> list[str]:
    """Single capital letters that end a weapon form ('Gripen F', 'Su-30 MKI' not)."""
    letters = {
        entry.form.split()[-1]
        for entry in rules.gazetteer
        if entry.label == "WEAPON" and " " in entry.form and re.fullmatch(r"[A-Z]", entry.form.split()[-1])
    }
    return sorted(letters - {"M", "J"})


def customize_tokenizer(nlp: Language, rules: RuleSet) -> None:
    """Teach the tokenizer the press's glued forms: '2,5Md€', 'mi-2025'."""
    tokenizer: Tokenizer = nlp.tokenizer  # type: ignore[assignment]
    # '250 M$.', 'Su-35S.' at a sentence end: the full stop is not part of the unit or designation.
    suffixes = (
        list(nlp.Defaults.suffixes or [])
        + _glued_unit_suffixes(rules)
        + [r"(?<=[€$£¥₹₽₩₺])\.", r"(?<=[0-9])\.", r"(?<=[0-9][A-Z])\.", r"(?<=[0-9][A-Z]{2})\.", r"(?<=[/-][A-Z])\."]
        + [r"(?<=\])\.", r"\]"]  # 'd’euros].': the bracket closes an aside
        + [r"(?<=[^\W\d_]{3})-"]  # 'en Indonésie- mais': a dash glued to a word
    )
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    # 'portant sur 24.Son rival', 'depuis 2023.Les': a full stop glued between a number and a sentence
    # "d’1 milliard": an elision before a number is split like one before a word
    # '15€50': a currency sign between units and hundredths
    infixes = list(nlp.Defaults.infixes or []) + [
        r"(?<=[0-9])\.(?=[A-ZÀ-Ý][a-zà-ÿ])",
        r"(?<=\b[dDlL]['’])(?=[0-9])",
        r"(?<=[0-9])[€$£](?=[0-9]{2}\b)",
    ]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    months = sorted((e.form for e in rules.lexicons.get("month", []) if e.form.isalpha()), key=len, reverse=True)
    ahead = "|".join(["(?:19|20)[0-9]{2}", *(re.escape(m) for m in months)])
    # 'mi-2025', 'Mi-septembre', 'fin-mars': the period word (rules/shapes.toml) is not part of the
    # date, even where the language keeps hyphenated words whole ('mi-septembre' is one of them)
    period_words = "|".join(re.escape(word) for word in rules.period_prefixes)
    period = rf"(?i:{period_words})-(?=(?i:{ahead}))" if period_words else ""
    # 'S26T', 'K9A1': a model code stays one token (the default suffixes split unit letters off digits).
    # One compiled regex (C speed) for both our model codes and the language's own exceptions.
    default_match = tokenizer.token_match
    default_pattern = getattr(getattr(default_match, "__self__", None), "pattern", None)
    combined = rules.shape("model_code_token").pattern
    if default_pattern:
        # the language's pattern starts with global flags, e.g. "(?iu)": scope them to its part
        flags = re.match(r"^\(\?([a-zA-Z]+)\)", default_pattern)
        body = default_pattern[flags.end() :] if flags else default_pattern
        guard = f"(?!{period})" if period else ""
        combined += f"|{guard}(?{flags.group(1)}:{body})" if flags else f"|{guard}(?:{body})"
    tokenizer.token_match = re.compile(combined).match
    # 'un Gripen F.': a designation's last letter before a full stop is not an initial. Letters
    # ending a listed designation only; 'M.' (Monsieur) and 'J.' keep their abbreviation reading.
    for letter in _final_designation_letters(rules):
        tokenizer.add_special_case(f"{letter}.", [{"ORTH": letter}, {"ORTH": "."}])
    # 'une portée de 9 m.': a unit before a full stop, not the language's abbreviation 'm.'
    for form in (e.form for e in rules.lexicons.get("distance_unit", [])):
        if f"{form}." in tokenizer.rules:
            tokenizer.add_special_case(f"{form}.", [{"ORTH": form}, {"ORTH": "."}])
    prefixes = list(nlp.Defaults.prefixes or []) + _glued_currency_prefixes(rules)
    if period:
        prefixes.append(period)
    tokenizer.prefix_search = compile_prefix_regex(prefixes).search


def build_pipeline(rules_dir: str | None = None, *, fast: bool = False, model: str = DEFAULT_MODEL) -> Language:
    """The extraction pipeline: the French model (or spaCy's blank French tokenizer with `fast`)
    plus the `arms_extractor` component (see `extract.pipes.arms`).

    The model's tagger runs on every token, so patterns may use POS (and LEMMA: the lemmatizer
    runs only when a pattern reads it); its
    parser runs only on the sentences where deals can be stated (a transfer trigger and a
    mention: `extract.deals.parse`), so patterns may not use DEP; its NER is left out (the rules
    do not use it). Sentences come from punctuation and line breaks in both modes: the parser's
    boundaries break designations ("F-16 | Block | 72").
    """
    if fast:
        nlp = spacy.blank("fr")
    else:
        nlp = spacy.load(model, exclude=_unused_components(load_rules(rules_dir)))
        if "parser" in nlp.pipe_names:
            nlp.disable_pipe("parser")  # loaded, run by the deals on their trigger sentences only
    nlp.add_pipe("arms_extractor", config={"rules_dir": rules_dir})
    return nlp
