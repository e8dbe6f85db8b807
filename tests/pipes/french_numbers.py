"""French number words for test tables, written from the spelling rules: `to_words(74)` -> 'soixante-quatorze'.

Styles (the ways a French text may spell the same number):
- `traditional`: hyphens between tens and units below 100 only, 'et' between spaces ('vingt et
  un', 'quatre-vingt-dix-sept', 'deux cent trois', 'mille deux cents');
- `spaced`: no hyphen at all ('soixante quatorze', 'quatre vingt dix sept');
- `reform`: the 1990 rules, every numeral joined by hyphens ('deux-cent-trois', 'vingt-et-un',
  'mille-deux-cents'); million and milliard are nouns and stay apart ('deux millions trois-cents');
- `belgian`: septante and nonante (71 'septante et un', 80 still 'quatre-vingts');
- `swiss`: septante, huitante and nonante (81 'huitante et un').

'vingt' and 'cent' take an s when they end the number and are multiplied ('quatre-vingts',
'deux cents'), also before 'millions' (a noun) but not before 'mille' ('deux cent mille').
"""

from __future__ import annotations

STYLES = ("traditional", "spaced", "reform", "belgian", "swiss")

UNITS = "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize".split()
TENS = {
    2: "vingt",
    3: "trente",
    4: "quarante",
    5: "cinquante",
    6: "soixante",
    7: "septante",
    8: "huitante",
    9: "nonante",
}
#: The tens a style writes as one word (70, 80, 90); the others are 'soixante-dix', 'quatre-vingts', 'quatre-vingt-dix'.
ONE_WORD_TENS = {"belgian": (7, 9), "swiss": (7, 8, 9)}
#: How each style joins two words: inside a tens-and-units group, around 'et', between groups
#: (hundreds, thousands), around million/milliard.
JOINERS = {
    "traditional": {"tight": "-", "et": " ", "loose": " ", "noun": " "},
    "spaced": {"tight": " ", "et": " ", "loose": " ", "noun": " "},
    "reform": {"tight": "-", "et": "-", "loose": "-", "noun": " "},
}

Words = list[tuple[str, str]]  # (word, how it joins the word before it)


def _below_100(n: int, style: str) -> Words:
    tens, units = divmod(n, 10)
    if n < 17:
        return [(UNITS[n], "tight")]
    if n < 20:
        return [("dix", "tight"), (UNITS[units], "tight")]
    if tens in (7, 9) and tens not in ONE_WORD_TENS.get(style, ()):  # soixante-dix, quatre-vingt-onze
        base: Words = [("soixante", "tight")] if tens == 7 else [("quatre", "tight"), ("vingt", "tight")]
        if n == 71:
            return [*base, ("et", "et"), ("onze", "et")]
        return base + _below_100(10 + units, style)
    if tens == 8 and 8 not in ONE_WORD_TENS.get(style, ()):  # quatre-vingts, quatre-vingt-un (no 'et')
        return [("quatre", "tight"), ("vingts" if units == 0 else "vingt", "tight")] + (
            _below_100(units, style) if units else []
        )
    if units == 0:
        return [(TENS[tens], "tight")]
    if units == 1:
        return [(TENS[tens], "tight"), ("et", "et"), ("un", "et")]
    return [(TENS[tens], "tight"), (UNITS[units], "tight")]


def _below_1000(n: int, style: str, *, final: bool) -> Words:
    """`final`: nothing but a noun (millions) follows, so 'cents' and 'vingts' keep their s."""
    hundreds, rest = divmod(n, 100)
    words: Words = []
    if hundreds:
        if hundreds > 1:
            words.append((UNITS[hundreds], "loose"))
        words.append(("cents" if hundreds > 1 and rest == 0 and final else "cent", "loose"))
    if rest:
        group = _below_100(rest, style)
        if not final and group[-1][0] == "vingts":
            group[-1] = ("vingt", group[-1][1])  # 'quatre-vingt mille'
        words.extend([(group[0][0], "loose"), *group[1:]])
    return words


def _words(n: int, style: str) -> Words:
    if n == 0:
        return [("zéro", "loose")]
    words: Words = []
    for scale, singular in ((10**9, "milliard"), (10**6, "million")):
        count, n = divmod(n, scale)
        if count:
            words += _below_1000(count, style, final=True) + [(singular + ("s" if count > 1 else ""), "noun")]
            if n:
                words.append(("", "noun"))  # the group after a noun is apart too
    thousands, rest = divmod(n, 1000)
    if thousands:
        words += ([] if thousands == 1 else _below_1000(thousands, style, final=False)) + [("mille", "loose")]
    if rest:
        words += _below_1000(rest, style, final=True)
    return words


def to_words(n: int, style: str = "traditional") -> str:
    """`n` spelled out in `style` (see the module docstring).

    >>> to_words(71), to_words(80), to_words(203000), to_words(1200000)
    ('soixante et onze', 'quatre-vingts', 'deux cent trois mille', 'un million deux cent mille')
    >>> to_words(221, "reform"), to_words(97, "spaced"), to_words(81, "swiss"), to_words(91, "belgian")
    ('deux-cent-vingt-et-un', 'quatre vingt dix sept', 'huitante et un', 'nonante et un')
    """
    joiners = JOINERS.get(style, JOINERS["traditional"])
    text = ""
    noun_gap = False
    for word, join in _words(n, style):
        if not word:  # the marker after a noun: the next word joins with a space
            noun_gap = True
            continue
        if text:
            text += " " if noun_gap or join == "noun" else joiners[join]
        text += word
        noun_gap = False
    return text
