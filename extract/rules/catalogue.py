"""Every rules file, declared: its columns with their types and allowed values, and its target.

One table drives the loader (`extract.rules.loader`), `extract rules check` and the column
tables of rules/README.md. A lexicon file not listed here is a plain word class named after the
file, with columns `form, value`.
"""

from __future__ import annotations

from typing import Any

from extract.errors import Messages
from extract.rules.columns import (
    APPROX_MEANINGS,
    COUNTRY_FORM_KINDS,
    CUE,
    DEAL_STATUSES,
    DIRECTIONS,
    FORM,
    FURNITURE_KINDS,
    ISO3,
    ORG_KINDS,
    PLACE_CUE_POSITIONS,
    REASON,
    VALUE,
    WEAPON_CATEGORIES,
)
from extract.rules.model import Currency, DistanceUnit, MilitaryNoun
from extract.rules.schema import NOTE, Column, RuleFile


def _lexicon(file: str, name: str, columns: tuple[Column, ...], value: Any, doc: str) -> RuleFile:
    return RuleFile(f"lexicons/{file}", (FORM, *columns, NOTE), "lexicon", name, value, unique="form", doc=doc)


def plain_lexicon(file: str) -> RuleFile:
    """The declaration of a lexicon file the catalogue does not list: `form, value`."""
    return _lexicon(file, file.removesuffix(".csv"), (VALUE,), lambda row: row["value"], "")


def _one_or_several(codes: tuple[str, ...]) -> str | tuple[str, ...]:
    return codes[0] if len(codes) == 1 else codes


CURRENCY_CODES = Column("code", "currencies", required=True, doc="ISO 4217; `A|B` when several countries use the word")


def _decimal_lexicon(file: str, name: str, column: str, doc: str) -> RuleFile:
    """A word class whose value is one decimal column: a factor, a fraction."""
    return _lexicon(file, name, (Column(column, "decimal", required=True),), lambda row: row[column], doc)


def _scaled_code_lexicon(file: str, name: str, doc: str) -> RuleFile:
    """A word class worth a factor of a currency: 'Md€' (10^9 EUR), 'centimes' (0.01 EUR)."""
    columns = (Column("factor", "decimal", required=True), CURRENCY_CODES)
    return _lexicon(file, name, columns, lambda row: (row["factor"], _one_or_several(row["code"])), doc)


LEXICONS = (
    _lexicon(
        "currencies.csv",
        "currency",
        (CURRENCY_CODES, Column("needs_context", "yes_no")),
        lambda row: Currency(_one_or_several(row["code"]), row["needs_context"]),
        "currency -> ISO 4217 (the most named country picks among several); needs_context=yes: after a scale or money word",
    ),
    _scaled_code_lexicon("currency_subunits.csv", "currency_subunit", '"centimes" -> 0.01 EUR'),
    _decimal_lexicon("scales.csv", "scale", "factor", '"millions" -> 1000000'),
    _decimal_lexicon("scale_fractions.csv", "scale_fraction", "value", '"deux millions et demi" -> 2.5 million'),
    _scaled_code_lexicon("scaled_currencies.csv", "scaled_currency", '"Md€" -> 10^9 EUR'),
    _lexicon(
        "number_nouns.csv",
        "number_noun",
        (Column("value", "int"),),
        lambda row: "" if row["value"] is None else row["value"],
        '"vingtaine" -> 20; empty value: not a number ("des dizaines")',
    ),
    _lexicon(
        "approx_cues.csv",
        "approx",
        (Column("meaning", "enum", required=True, allowed=APPROX_MEANINGS),),
        lambda row: row["meaning"],
        '"près de" -> about',
    ),
    _lexicon(
        "distance_units.csv",
        "distance_unit",
        (Column("km", "decimal", required=True), Column("needs_context", "yes_no")),
        lambda row: DistanceUnit(row["km"], row["needs_context"]),
        '"miles" -> 1.609344 km; needs_context=yes: a range only after a range word',
    ),
    _lexicon(
        "months.csv",
        "month",
        (Column("month", "enum", required=True, allowed=tuple(str(m) for m in range(1, 13))),),
        lambda row: int(row["month"]),
        '"avril" -> 4',
    ),
    _lexicon(
        "relative_dates.csv",
        "relative_date",
        (Column("period", "enum", required=True, allowed=("year", "month")), Column("offset", "int", required=True)),
        lambda row: (row["period"], row["offset"]),
        '"l\'an dernier" -> year, -1',
    ),
    _lexicon(
        "military_nouns.csv",
        "military_noun",
        (
            Column("lemma", required=True),
            Column("category", "enum", required=True, allowed=WEAPON_CATEGORIES, message=Messages.E011),
            Column("unit", "enum", allowed=("", "group", "item")),
        ),
        lambda row: MilitaryNoun(row["lemma"], row["category"], unit=row["unit"]),
        "nouns whose numbers are COUNTs -> the unit",
    ),
    _lexicon(
        "unit_nouns.csv",
        "unit_noun",
        (Column("lemma", required=True), Column("unit", "enum", required=True, allowed=("group", "item"))),
        lambda row: MilitaryNoun(row["lemma"], "other", unit=row["unit"]),
        'nouns counted only before a system ("trois régiments de Pantsir")',
    ),
    _lexicon(
        "institutions.csv",
        "institutions",
        (
            Column("kind", "enum", required=True, allowed=ORG_KINDS, message=Messages.E034),
            Column("alone", "yes_no"),
        ),
        lambda row: (row["kind"], row["alone"]),
        "ministries and forces written by function; alone=yes: an ORG without a demonym too",
    ),
)

NAMED_COLUMNS = {
    "weapons.csv": (
        Column("designation", required=True),
        Column("aliases", "aliases"),
        Column("category", "enum", allowed=("", *WEAPON_CATEGORIES), message=Messages.E011),
        Column("origin", "iso3"),
        Column("manufacturer"),
        Column("family", doc="the designation of the family this variant belongs to"),
        NOTE,
        Column(
            "co_producers",
            "iso3_list",
            doc="the other countries of a joint programme ('GBR|ITA|ESP' for the Eurofighter): one named in a deal sentence sells",
        ),
    ),
    "orgs.csv": (
        Column("name", required=True),
        Column("aliases", "aliases"),
        Column("kind", "enum", allowed=("", *ORG_KINDS), message=Messages.E034),
        Column("country", "iso3"),
        NOTE,
    ),
    "regions.csv": (
        Column("name", required=True),
        Column("aliases", "aliases"),
        Column("kind", "enum", allowed=("", "alliance", "region")),
        NOTE,
    ),
}

GAZETTEERS = (
    RuleFile(
        "gazetteers/countries.csv",
        (
            ISO3,
            FORM,
            Column("kind", "enum", required=True, allowed=(*COUNTRY_FORM_KINDS, "demonym", "capital")),
            Column("source"),
        ),
        "countries",
        doc="generated by `make rules`",
    ),
    RuleFile("gazetteers/weapons.csv", NAMED_COLUMNS["weapons.csv"], "gazetteer", "WEAPON"),
    RuleFile("gazetteers/orgs.csv", NAMED_COLUMNS["orgs.csv"], "gazetteer", "ORG"),
    RuleFile("gazetteers/regions.csv", NAMED_COLUMNS["regions.csv"], "gazetteer", "REGION"),
    RuleFile("gazetteers/demonym_blockers.csv", (FORM, REASON, NOTE), "folded_words", "demonym_blockers"),
    RuleFile("gazetteers/not_designations.csv", (FORM, REASON, NOTE), "words", "not_designations"),
    RuleFile("gazetteers/keep_case.csv", (FORM, REASON, NOTE), "words", "keep_case"),
    RuleFile(
        "gazetteers/capital_place_cues.csv",
        (FORM, Column("where", "enum", allowed=PLACE_CUE_POSITIONS, default="before"), REASON, NOTE),
        "place_cues",
    ),
    RuleFile("gazetteers/demonym_prefixes.csv", (ISO3, Column("prefix", required=True), NOTE), "demonym_prefixes"),
    RuleFile("gazetteers/country_capitals.csv", (ISO3, Column("capital", required=True), NOTE), "source"),
    RuleFile(
        "gazetteers/country_demonyms.csv",
        (ISO3, *(Column(c) for c in ("masc_sg", "fem_sg", "masc_pl", "fem_pl")), NOTE),
        "source",
    ),
    RuleFile("gazetteers/country_exclusions.csv", (FORM, REASON, NOTE), "source"),
    RuleFile(
        "gazetteers/country_forms.csv",
        (ISO3, FORM, Column("kind", "enum", required=True, allowed=COUNTRY_FORM_KINDS), NOTE),
        "source",
    ),
)

DIRECTION = Column(
    "direction",
    "enum",
    allowed=DIRECTIONS,
    doc="in: the subject receives; out: it supplies; held: the subject or the country after it holds",
)
DEAL_CUES: tuple[RuleFile, ...] = (
    RuleFile(
        "deals/triggers.csv",
        (
            CUE,
            Column("status", "enum", allowed=(*DEAL_STATUSES, "", "none")),
            DIRECTION,
            Column("unstaged", "enum", allowed=(*DEAL_STATUSES, "")),
            NOTE,
        ),
        "deal_cues",
        "triggers",
        kind_column="status",
    ),
    RuleFile(
        "deals/hedges.csv",
        (CUE, Column("kind", "enum", required=True, allowed=("conditional", "attribution", "denial")), NOTE),
        "deal_cues",
        "hedges",
        kind_column="kind",
    ),
    RuleFile(
        "deals/value_exclusions.csv",
        (CUE, Column("kind", required=True), NOTE),
        "deal_cues",
        "value_exclusions",
        kind_column="kind",
    ),
    RuleFile(
        "deals/armed_forces.csv",
        (CUE, Column("kind", required=True), NOTE),
        "deal_cues",
        "armed_forces",
        kind_column="kind",
    ),
    RuleFile(
        "deals/role_phrases.csv",
        (
            CUE,
            Column(
                "kind",
                "enum",
                required=True,
                allowed=(
                    "supplier",
                    "recipient",
                    "beneficiary",
                    "recipient_after_outward",
                    "not_a_party",
                    "group",
                    "group_determiner",
                    "apposition",
                    "partner",
                    "counterparty",
                    "final_recipient",
                    "source",
                ),
            ),
            NOTE,
        ),
        "deal_cues",
        "role_phrases",
        kind_column="kind",
    ),
)

DEAL_CUES += (
    RuleFile(
        "deals/future_cues.csv",
        (CUE, Column("kind", "enum", required=True, allowed=("future",)), NOTE),
        "deal_cues",
        "future",
        kind_column="kind",
        doc="words that put a stage word in the future ('la livraison est prévue', 'va commander')",
    ),
    RuleFile(
        "deals/future_stages.csv",
        (
            Column("status", "enum", required=True, allowed=DEAL_STATUSES),
            Column("becomes", "enum", required=True, allowed=DEAL_STATUSES),
            NOTE,
        ),
        "future_stages",
        doc="the stage a stage word in the future stands for ('seront livrés': ordered)",
    ),
)

DEAL_CUES += (
    RuleFile(
        "deals/value_nouns.csv",
        (CUE, Column("kind", "enum", required=True, allowed=("value",)), NOTE),
        "deal_cues",
        "value_nouns",
        kind_column="kind",
        doc="nouns that tie an amount to the deal told just before ('Le montant de cette commande s'élève à...')",
    ),
    RuleFile(
        "deals/aid.csv",
        (CUE, Column("kind", "enum", required=True, allowed=("aid", "supply")), NOTE),
        "deal_cues",
        "aid",
        kind_column="kind",
        doc="military aid words ('le soutien militaire à l'Ukraine') that make a supply ('fournir', 'livraison') to the aided country a donation",
    ),
    RuleFile(
        "deals/elaborations.csv",
        (CUE, Column("kind", "enum", required=True, allowed=("elaboration",)), NOTE),
        "deal_cues",
        "elaborations",
        kind_column="kind",
        doc="words opening a sentence that details the transfer of the sentence before ('Il s'agit notamment de...')",
    ),
    RuleFile(
        "deals/clause_openers.csv",
        (CUE, Column("kind", "enum", required=True, allowed=("clause",)), NOTE),
        "deal_cues",
        "clause_openers",
        kind_column="kind",
        doc="words after a comma that open a clause with its own transfer when a country with a role follows (', et la Lituanie a commandé...')",
    ),
    RuleFile(
        "deals/list_words.csv",
        (FORM, NOTE),
        "folded_words",
        "list_words",
        doc="words between the countries of one list, which share a role",
    ),
)

DEAL_CUES += (
    RuleFile(
        "deals/competition.csv",
        (CUE, Column("kind", "enum", required=True, allowed=("after", "before")), NOTE),
        "deal_cues",
        "competition",
        kind_column="kind",
        doc="words around systems that compete or lost, which are not transferred",
    ),
    RuleFile(
        "deals/anaphors.csv",
        (
            FORM,
            Column(
                "kind",
                "enum",
                required=True,
                allowed=(
                    "demonstrative",
                    "pronoun",
                    "auxiliary",
                    "possessive",
                    "holding",
                    "country_noun",
                    "country_determiner",
                    "indefinite",
                    "definite",
                    "subject_pronoun",
                ),
            ),
            NOTE,
        ),
        "anaphors",
        doc="words that refer back to a system named before ('ces engins', 'en a commandé') or to the country that holds it ('sa flotte')",
    ),
)

FURNITURE_KIND = Column("kind", "enum", required=True, allowed=FURNITURE_KINDS, message=Messages.E018)
FURNITURE = (
    RuleFile("furniture/labels.csv", (FORM, FURNITURE_KIND, NOTE), "furniture_labels"),
    RuleFile(
        "furniture/lines.csv",
        (Column("pattern", "regex", required=True), FURNITURE_KIND, NOTE),
        "furniture",
        "furniture_patterns",
    ),
    RuleFile(
        "furniture/inline.csv",
        (Column("pattern", "regex", required=True), FURNITURE_KIND, NOTE),
        "furniture",
        "furniture_inline",
    ),
)

#: Every declared CSV file, in loading order (lexicons first: patterns name their classes).
RULE_FILES: tuple[RuleFile, ...] = (*LEXICONS, *GAZETTEERS, *DEAL_CUES, *FURNITURE)
