"""The country a sentence refers to without naming it (extract/deals/anaphora.py): 'sa flotte',
'le pays', 'ce royaume'."""

from __future__ import annotations

from extract.deals.actors import Actor
from extract.deals.anaphora import country_nouns, country_referent, holder, settle_country_nouns
from tests.deals.conftest import actor, candidate, words

# --- countries a sentence refers to --------------------------------------------------------------------------------------------


def test_holder(tables):
    anaphors = tables[0]
    # 'L'armée marocaine ... Sa flotte se compose de Predator et de Heron'
    folded = words("sa flotte se compose de Predator")
    earlier = [[actor(0, "MAR", "recipient")], [actor(0, "FRA", "supplier")]]
    found = holder(folded, (0, 6), [], earlier, anaphors)
    assert (found.country, found.role, found.candidate.start, found.candidate.end) == ("MAR", "recipient", 0, 2)
    assert (found.candidate.rule_id, found.candidate.label) == ("anaphor", "COUNTRY")
    assert (found.candidate.value, found.candidate.extra) == ("MAR", {"country": "MAR"})
    # a country named before it in its sentence
    folded = words("l' Allemagne dispose dans son arsenal de Leopard")
    germany = actor(1, "DEU")
    assert holder(folded, (0, 8), [germany], earlier, anaphors) is germany
    assert holder(folded, (0, 8), [actor(1, "X", label="ORG")], earlier, anaphors).country == "MAR"
    assert holder(folded, (0, 8), [actor(6, "DEU")], earlier, anaphors).country == "MAR"  # after it
    # a country right before the possessive ('l'Allemagne son arsenal')
    assert holder(words("Allemagne son arsenal"), (0, 3), [actor(0, "DEU")], earlier, anaphors).country == "DEU"
    # the possessive and its noun ending the span; not before the span
    assert holder(words("de sa flotte"), (0, 3), [], earlier, anaphors).country == "MAR"
    assert holder(words("sa flotte . la France"), (3, 5), [], earlier, anaphors) is None
    # rules that list possessives and no holding nouns
    assert holder(words("sa flotte"), (0, 2), [], earlier, {"possessive": frozenset({"sa"})}) is None
    # no possessive and holding noun, or nobody before
    assert holder(words("la flotte de Predator"), (0, 4), [], earlier, anaphors) is None
    assert holder(words("sa flotte"), (0, 2), [], [[actor(0, "FRA", "supplier")]], anaphors) is None
    assert holder(words("sa flotte"), (0, 1), [], earlier, anaphors) is None  # the noun outside the span
    far = [[actor(0, "MAR", "recipient")], [], [], []]
    assert holder(words("sa flotte"), (0, 2), [], far, anaphors) is None


def test_country_referent():
    demonym = actor(0, "MAR", form_kind="demonym")
    first, party = actor(1, "ESP"), actor(4, "MAR", "recipient")
    assert country_referent([[actor(0, "FRA", "supplier")], [first, party]]) == "MAR"  # its first party
    assert country_referent([[first, actor(4, "MAR")]]) == "ESP"  # else its first country
    assert country_referent([[first, actor(4, "FRA", "supplier")]]) == "FRA"  # a supplier is a party
    assert country_referent([[actor(0, "FRA")], [demonym]]) == "FRA"  # a demonym names none
    assert country_referent([[actor(0, "FRA")], [actor(0, "X", label="ORG")]]) == "FRA"
    assert country_referent([[actor(6, "FRA", "supplier"), actor(2, "IND", "recipient")]]) == "IND"
    assert country_referent([]) == ""


def test_country_nouns(tables):
    anaphors = tables[0]
    folded = words("l' Ukraine affirme que ce pays exploitait 43 appareils")
    ukraine = actor(1, "UKR")
    found = country_nouns(folded, (0, 9), [ukraine], "POL", anaphors)
    assert [(a.country, a.candidate.start, a.candidate.end, a.candidate.extra["referent"]) for a in found] == [
        ("UKR", 4, 6, "POL")
    ]
    (noun,) = country_nouns(folded, (0, 9), [], "POL", anaphors)
    assert (noun.country, noun.role, noun.candidate.label, noun.candidate.value, noun.candidate.rule_id) == (
        "POL",
        "",
        "COUNTRY",
        "POL",
        "anaphor",
    )
    assert noun.candidate.extra == {"country": "POL", "referent": "POL"}
    assert country_nouns(folded, (0, 9), [], "", anaphors) == []
    assert [a.country for a in country_nouns(folded, (0, 9), [actor(1, "X", label="ORG")], "POL", anaphors)] == ["POL"]
    spanish = actor(1, "ESP", form_kind="demonym")
    assert [a.country for a in country_nouns(folded, (0, 9), [spanish], "MAR", anaphors)] == ["MAR"]
    assert [a.country for a in country_nouns(folded, (0, 9), [actor(4, "X")], "MAR", anaphors)] == ["MAR"]
    assert country_nouns(words("des pays ont achete"), (0, 4), [], "MAR", anaphors) == []  # not 'le' / 'ce'
    assert country_nouns(words("pays"), (0, 1), [], "MAR", anaphors) == []


def test_settle_country_nouns():
    # 'l'Algérie a acquis auprès de ce pays': the noun took Algeria, the other party: it is the referent
    noun = Actor(candidate("COUNTRY", 5, 7, "DZA", rule_id="anaphor", extra={"referent": "RUS"}), "DZA", "supplier")
    algeria = actor(0, "DZA", "recipient")
    settle_country_nouns([algeria, noun])
    assert noun.country == "RUS"
    for others, role in (
        ([actor(0, "DZA", "supplier")], "supplier"),
        ([actor(0, "DZA", "")], "supplier"),
        ([], "supplier"),
    ):
        kept = Actor(candidate("COUNTRY", 5, 7, "DZA", rule_id="anaphor", extra={"referent": "RUS"}), "DZA", role)
        settle_country_nouns([*others, kept])
        assert kept.country == "DZA"
    no_referent = Actor(candidate("COUNTRY", 5, 7, "DZA", rule_id="anaphor", extra={"referent": ""}), "DZA", "supplier")
    settle_country_nouns([algeria, no_referent])
    assert no_referent.country == "DZA"
    named = Actor(candidate("COUNTRY", 5, 7, "DZA", extra={"referent": "RUS"}), "DZA", "supplier")
    settle_country_nouns([algeria, named])
    assert named.country == "DZA"
    # the noun taking the referent as a recipient
    noun = Actor(candidate("COUNTRY", 5, 7, "DZA", rule_id="anaphor", extra={"referent": "RUS"}), "DZA", "recipient")
    settle_country_nouns([actor(0, "DZA", "supplier"), noun])
    assert noun.country == "RUS"
    # a stand-in without a referent ('sa flotte') keeps its country
    held = Actor(candidate("COUNTRY", 5, 7, "DZA", rule_id="anaphor"), "DZA", "supplier")
    settle_country_nouns([algeria, held])
    assert held.country == "DZA"
    roleless = Actor(candidate("COUNTRY", 5, 7, "DZA", rule_id="anaphor", extra={"referent": "RUS"}), "DZA", "")
    settle_country_nouns([algeria, roleless])
    assert roleless.country == "DZA"
