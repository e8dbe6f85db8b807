"""DATE, every written form of issue 11 ("## Dates"), one table per family, in several wordings.

Contract: samples/README.md ("DATE"): span = the date alone (no preposition, article or weekday
before it), value = ISO 8601 at the precision written, a missing year from the document date.
Two-digit years: 00-49 are 20xx, 50-99 are 19xx. A two-digit number after a month alone ("mars 23":
the 23rd, or 2023?) is read as a year only after a preposition ("en mars 23"), after a day ("le 6
mars 23"), with an apostrophe ("mars '23") or when it cannot be a day ("mars 98").
Each table maps a readable case id to `(text, expected)`; the document date is 2024-05 (an
article of 2024: a date of 2023 read with the document's year would be wrong, not missing).
"""

import calendar
import csv

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.partial_date import PartialDate
from extract.pipes.dates import parse_french_date
from tests.conftest import ROOT
from tests.pipes import cases

LABEL = "DATE"
DOC_DATE = "2024-05"
#: Sentences a date is put in: before it, after it.
CONTEXTS = {
    "le": ("Le contrat a été signé le ", " à Rabat."),
    "du": ("La lettre d'acceptation du ", " confirme la commande de 18 lanceurs."),
    "brackets": ("Livraison des K2 (", ") au port de Gdynia."),
    "en": ("Les livraisons ont commencé en ", ", selon la DGA."),
    "depuis": ("Les exportations sont suspendues depuis ", " par Ottawa."),
}
MONTH_CONTEXTS = ("en", "depuis", "brackets")
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre")  # fmt: skip
ENGLISH_MONTHS = tuple(calendar.month_name[1:])


def hit(span, value):
    """DATE has no unit, cue or lower bound."""
    return cases.hit(span, value)


def in_contexts(name, form, value, contexts=("le", "du", "brackets")):
    """The case `form` -> `value` in each sentence of `contexts`."""
    return {f"{name}-{c}": (CONTEXTS[c][0] + form + CONTEXTS[c][1], hit(form, value)) for c in contexts}


def dates_in(extractor, text, doc_date=DOC_DATE):
    return [(m.text, m.value) for m in extractor.extract(text, date=doc_date) if m.label == LABEL]


# --- Numeric forms ----------------------------------------------------------------------------------
NUMERIC = {
    **in_contexts("dmy-slashes", "03/11/2023", "2023-11-03"),
    **in_contexts("dmy-short-year", "3/11/23", "2023-11-03"),
    **in_contexts("dmy-dots", "03.11.2023", "2023-11-03"),
    **in_contexts("ymd-dashes-unpadded-day", "2023-11-3", "2023-11-03"),
    **in_contexts("ymd-slashes", "2023/11/03", "2023-11-03"),
    **in_contexts("month-year-slash", "11/2023", "2023-11", MONTH_CONTEXTS),
    **in_contexts("month-year-dash", "11-2023", "2023-11", MONTH_CONTEXTS),
    **in_contexts("year-dot-month", "2023.11", "2023-11", MONTH_CONTEXTS),
    "dmy-short-year-1998": ("Le traité du 12/05/98 reste en vigueur.", hit("12/05/98", "1998-05-12")),
    "dmy-short-year-49-is-2049": ("L'échéance du 1/1/49 est lointaine.", hit("1/1/49", "2049-01-01")),
    "dmy-short-year-50-is-1950": ("L'accord du 1/1/50 a été dénoncé.", hit("1/1/50", "1950-01-01")),
    "dmy-short-year-00": ("Le décret du 15/06/00 a été abrogé.", hit("15/06/00", "2000-06-15")),
    "dmy-dots-short-year": ("Notifié le 03.11.23, le contrat porte sur douze radars.", hit("03.11.23", "2023-11-03")),
    "dmy-dots-unpadded": ("Notifié le 3.11.2023, le contrat porte sur douze radars.", hit("3.11.2023", "2023-11-03")),
    "dmy-dashes-unpadded": ("Notifié le 3-11-2023, le contrat porte sur douze radars.", hit("3-11-2023", "2023-11-03")),
    "ymd-dashes-unpadded-month": ("Le communiqué du 2024-3-5 confirme la commande.", hit("2024-3-5", "2024-03-05")),
    "ymd-slashes-unpadded": ("Le communiqué du 2024/3/5 confirme la commande.", hit("2024/3/5", "2024-03-05")),
    "ymd-dots": ("Le communiqué du 2023.11.03 confirme la commande.", hit("2023.11.03", "2023-11-03")),
    "month-year-slash-unpadded": ("Les essais prévus en 3/2025 ont été repoussés.", hit("3/2025", "2025-03")),
    "month-year-slash-padded": ("Les essais prévus en 03/2025 ont été repoussés.", hit("03/2025", "2025-03")),
    "month-year-dash-padded": ("Les essais prévus en 03-2025 ont été repoussés.", hit("03-2025", "2025-03")),
    "year-dot-month-january": ("Bulletin 2024.01 : livraison de deux frégates.", hit("2024.01", "2024-01")),
    "dateline-weekday-numeric": (
        "Sydney | AFP | vendredi 17/03/23 - Le Pentagone a annoncé la vente.",
        hit("17/03/23", "2023-03-17"),
    ),
}


@pytest.mark.parametrize(("text", "expected"), list(NUMERIC.values()), ids=list(NUMERIC))
def test_numeric_forms(extractor, text, expected):
    cases.assert_one(extractor.extract(text, date=DOC_DATE), text, expected, LABEL)


#: Every separator the numeric forms take, with four- and two-digit years (two-digit with full
#: stops only with a two-digit day and month: '4.12.21' is a version as often as a date).
NUMERIC_SEPARATORS = {
    f"{name}-{sep_name}": (f"Signé le {form.format(sep=sep)}.", hit(form.format(sep=sep), value))
    for sep_name, sep in (("slash", "/"), ("dot", "."), ("dash", "-"))
    for name, form, value in (
        ("dd-mm-yyyy", "06{sep}03{sep}2023", "2023-03-06"),
        ("d-m-yyyy", "6{sep}3{sep}2023", "2023-03-06"),
        ("yyyy-mm-dd", "2023{sep}03{sep}06", "2023-03-06"),
        ("yyyy-m-d", "2023{sep}3{sep}6", "2023-03-06"),
        ("dd-mm-yy", "06{sep}03{sep}23", "2023-03-06"),
    )
    if not (sep == "-" and name == "dd-mm-yy")  # '06-03-23': dashes with a two-digit year are not read
}


@pytest.mark.parametrize(("text", "expected"), list(NUMERIC_SEPARATORS.values()), ids=list(NUMERIC_SEPARATORS))
def test_numeric_separators(extractor, text, expected):
    cases.assert_one(extractor.extract(text, date=DOC_DATE), text, expected, LABEL)


# --- Month forms ------------------------------------------------------------------------------------
MONTH_FORMS = {
    **in_contexts("month-abbr-year", "nov. 2023", "2023-11", MONTH_CONTEXTS),
    **in_contexts("month-de-year", "novembre de 2023", "2023-11", MONTH_CONTEXTS),
    **in_contexts("month-de-l-annee-year", "nov. de l'année 2023", "2023-11", MONTH_CONTEXTS),
    "en-month-dot-year": ("Le contrat a été signé en mars. 2023, puis ratifié.", hit("mars. 2023", "2023-03")),
    "en-month-dot-year-a": ("Le contrat a été signé en mars. 2023 à Rabat.", hit("mars. 2023", "2023-03")),
    "year-comma-abbr": ("Source : SIPRI (2023, nov), base des transferts.", hit("2023, nov", "2023-11")),
    "year-comma-abbr-dot": ("Source : SIPRI, rapport annuel, 2023, nov.", hit("2023, nov.", "2023-11")),
    "year-comma-month": ("Source : Rapport au Parlement (2022, juin).", hit("2022, juin", "2022-06")),
    "de-l-an": ("Le traité signé en mars de l'an 2021 est caduc.", hit("mars de l'an 2021", "2021-03")),
    "de-l-annee-typographic": (
        "Le traité signé en mars de l’année 2021 est caduc.",
        hit("mars de l’année 2021", "2021-03"),
    ),
    "day-month-de-year": ("Le traité signé le 6 novembre de 2023 est caduc.", hit("6 novembre de 2023", "2023-11-06")),
    "en-month-short-year": ("Le contrat a été signé en mars 23 à Rabat.", hit("mars 23", "2023-03")),
    "depuis-month-short-year": ("Les livraisons sont suspendues depuis juin 22.", hit("juin 22", "2022-06")),
    "fin-month-short-year": ("La frégate sera livrée fin octobre 25, selon la DGA.", hit("octobre 25", "2025-10")),
    "month-short-year-not-a-day": ("Le contrat a été signé mars 98 à Rabat.", hit("mars 98", "1998-03")),
    "month-short-year-1975": ("Les premiers Mirage F1 sont arrivés en avril 75.", hit("avril 75", "1975-04")),
    "month-apostrophe-year": ("Le contrat a été signé en mars '23 à Rabat.", hit("mars '23", "2023-03")),
    "month-typographic-apostrophe-year": ("Le contrat a été signé en mars ’23 à Rabat.", hit("mars ’23", "2023-03")),
    "month-year-sentence-start": (
        "Novembre 2023 : Varsovie signe pour 96 hélicoptères.",
        hit("Novembre 2023", "2023-11"),
    ),
}
#: Every month with 'de' before its year.
MONTH_FORMS.update(
    {
        f"every-month-de-year-{month}": (
            f"Le contrat signé en {month} de 2022 entre en vigueur.",
            hit(f"{month} de 2022", f"2022-{number:02d}"),
        )
        for number, month in enumerate(MONTHS, start=1)
    }
)


@pytest.mark.parametrize(("text", "expected"), list(MONTH_FORMS.values()), ids=list(MONTH_FORMS))
def test_month_forms(extractor, text, expected):
    cases.assert_one(extractor.extract(text, date=DOC_DATE), text, expected, LABEL)


# --- Ordinal and weekday forms -------------------------------------------------------------------
ORDINAL_WEEKDAY = {
    "le-premier-mars-year": (
        "Le contrat a été signé le premier mars 2021 à Rabat.",
        hit("premier mars 2021", "2021-03-01"),
    ),
    "le-premier-mai-doc-year": ("Le contrat sera signé le premier mai.", hit("premier mai", "2024-05-01")),
    "le-1er-mars-short-year": ("Le contrat a été signé le 1er mars 21 à Rabat.", hit("1er mars 21", "2021-03-01")),
    "le-premier-mars-short-year": ("Le contrat a été signé le premier mars 21.", hit("premier mars 21", "2021-03-01")),
    "le-6-mars-short-year": ("Le contrat a été signé le 6 mars 23, puis ratifié.", hit("6 mars 23", "2023-03-06")),
    "le-4e-jour-de-month-de-year": (
        "Le contrat a été signé le 4e jour de juillet de 2021.",
        hit("4e jour de juillet de 2021", "2021-07-04"),
    ),
    "le-4eme-jour-de-month-year": (
        "Kiev a reçu les chars le 4ème jour de juillet 2021.",
        hit("4ème jour de juillet 2021", "2021-07-04"),
    ),
    "le-4-superscript-jour": (
        "Kiev a reçu les chars le 4ᵉ jour de juillet 2021.",
        hit("4ᵉ jour de juillet 2021", "2021-07-04"),
    ),
    "le-premier-jour-de": (
        "Le premier jour de juillet 2021, Kiev a reçu les chars.",
        hit("premier jour de juillet 2021", "2021-07-01"),
    ),
    "le-1er-jour-d-month": (
        "Le 1er jour d'octobre 2021, Kiev a reçu les chars.",
        hit("1er jour d'octobre 2021", "2021-10-01"),
    ),
    "ordinal-jour-doc-year": ("Les chars arriveront le 10e jour de juin.", hit("10e jour de juin", "2024-06-10")),
    "le-dernier-jour-d-octobre": (
        "Le contrat a été signé le dernier jour d'octobre 2021.",
        hit("dernier jour d'octobre 2021", "2021-10-31"),
    ),
    "dernier-jour-fevrier-leap": (
        "Signé le dernier jour de février 2024, l'accord.",
        hit("dernier jour de février 2024", "2024-02-29"),
    ),
    "dernier-jour-fevrier-doc-year": (
        "Signé le dernier jour de février, l'accord.",
        hit("dernier jour de février", "2024-02-29"),
    ),
    "dernier-jour-de-month-de-year": (
        "Signé le dernier jour de juin de 2019.",
        hit("dernier jour de juin de 2019", "2019-06-30"),
    ),
    "weekday-day-month-comma-year": ("Le contrat a été signé lundi 6 mars, 2023.", hit("6 mars, 2023", "2023-03-06")),
    "weekday-comma-year-a": ("L'accord a été signé mardi 7 mars, 2023 à Kiev.", hit("7 mars, 2023", "2023-03-07")),
    "le-weekday-comma-year": ("L'accord a été signé le lundi 6 mars, 2023, à Kiev.", hit("6 mars, 2023", "2023-03-06")),
    "comma-year-sentence-end": ("Signé le 6 mars, 2023.", hit("6 mars, 2023", "2023-03-06")),
    "month-day-year": ("Le contrat a été signé mars 6 2023 à Rabat.", hit("mars 6 2023", "2023-03-06")),
    "month-day-comma-year": ("Le contrat a été signé mars 6, 2023 à Rabat.", hit("mars 6, 2023", "2023-03-06")),
    "weekday-numeric": ("Le contrat a été signé jeudi 02/03/2023 à Rabat.", hit("02/03/2023", "2023-03-02")),
}
#: The last day of every month of 2023 (and of February in a leap year).
ORDINAL_WEEKDAY.update(
    {
        f"dernier-jour-{month}-2023": (
            f"Livraison le dernier jour de {month} 2023.",
            hit(f"dernier jour de {month} 2023", f"2023-{number:02d}-{calendar.monthrange(2023, number)[1]:02d}"),
        )
        for number, month in enumerate(MONTHS, start=1)
        if month[0] not in "aoe"  # "d'avril", "d'août", "d'octobre" below
    }
)
ORDINAL_WEEKDAY.update(
    {
        f"dernier-jour-{month}-2023": (
            f"Livraison le dernier jour d'{month} 2023.",
            hit(f"dernier jour d'{month} 2023", f"2023-{number:02d}-{calendar.monthrange(2023, number)[1]:02d}"),
        )
        for number, month in enumerate(MONTHS, start=1)
        if month[0] in "aoe"
    }
)


@pytest.mark.parametrize(("text", "expected"), list(ORDINAL_WEEKDAY.values()), ids=list(ORDINAL_WEEKDAY))
def test_ordinal_and_weekday_forms(extractor, text, expected):
    cases.assert_one(extractor.extract(text, date=DOC_DATE), text, expected, LABEL)


# --- Abbreviated months, with and without their full stop -------------------------------------------
#: (abbreviation, month) as French and English writers shorten them.
ABBREVIATIONS = (
    ("janv.", 1), ("janv", 1), ("jan.", 1), ("jan", 1),
    ("févr.", 2), ("févr", 2), ("fév.", 2), ("fév", 2), ("fev", 2),
    ("avr.", 4), ("avr", 4),
    ("juil.", 7), ("juil", 7),
    ("sept.", 9), ("sep.", 9), ("sep", 9),
    ("oct.", 10), ("oct", 10),
    ("nov.", 11), ("nov", 11),
    ("déc.", 12), ("déc", 12), ("dec", 12),
)  # fmt: skip
ABBREVIATED = {
    **{
        f"day-abbr-year-{abbr}": (
            f"Le contrat a été signé le 6 {abbr} 2023 à Rabat.",
            hit(f"6 {abbr} 2023", f"2023-{month:02d}-06"),
        )
        for abbr, month in ABBREVIATIONS
    },
    **{
        f"abbr-year-{abbr}": (
            f"Le contrat a été signé en {abbr} 2023 à Rabat.",
            hit(f"{abbr} 2023", f"2023-{month:02d}"),
        )
        for abbr, month in ABBREVIATIONS
    },
    **{
        f"day-abbr-doc-year-{abbr}": (
            f"Signé le 3 {abbr}, le contrat entre en vigueur.",
            hit(f"3 {abbr}", f"2024-{month:02d}-03"),
        )
        for abbr, month in ABBREVIATIONS
    },
    "sept-without-stop-between-day-and-year": (
        "Le contrat a été signé le 6 sept 2023.",
        hit("6 sept 2023", "2023-09-06"),
    ),
    "fev-issue": ("Le contrat a été signé le 6 fév 2023.", hit("6 fév 2023", "2023-02-06")),
    "jan-issue": ("Le contrat a été signé le 3 jan 2023.", hit("3 jan 2023", "2023-01-03")),
    "sept-dot-issue": ("Le contrat a été signé le 6 sept. 2023.", hit("6 sept. 2023", "2023-09-06")),
    "abbr-capitalized-headline": ("LIVRAISON LE 6 FÉV 2023 DES PREMIERS K2", hit("6 FÉV 2023", "2023-02-06")),
}


@pytest.mark.parametrize(("text", "expected"), list(ABBREVIATED.values()), ids=list(ABBREVIATED))
def test_abbreviated_months(extractor, text, expected):
    cases.assert_one(extractor.extract(text, date=DOC_DATE), text, expected, LABEL)


# --- English dates inside French text ---------------------------------------------------------------
ENGLISH = {
    **{
        f"month-day-comma-year-{name}": (
            f"« Deliveries are on track » — Ministry of Defence (@DefenceU) {name} 6, 2023",
            hit(f"{name} 6, 2023", f"2023-{number:02d}-06"),
        )
        for number, name in enumerate(ENGLISH_MONTHS, start=1)
    },
    **{
        f"day-month-year-{name}": (
            f"Le document, daté du 6 {name} 2023, cite douze radars.",
            hit(f"6 {name} 2023", f"2023-{number:02d}-06"),
        )
        for number, name in enumerate(ENGLISH_MONTHS, start=1)
    },
    "issue-march-6": ("Le message posté le March 6, 2023 annonçait la livraison.", hit("March 6, 2023", "2023-03-06")),
    "issue-6-march": ("Le rapport « Arms Transfers, 6 March 2023 » cite la vente.", hit("6 March 2023", "2023-03-06")),
    "abbreviated-with-stop": (
        "« The deal was signed on Jan. 6, 2023 », selon le communiqué.",
        hit("Jan. 6, 2023", "2023-01-06"),
    ),
    "abbreviated-feb": ("« Signed Feb 6, 2023 », indique le document.", hit("Feb 6, 2023", "2023-02-06")),
    "abbreviated-aug-day-first": ("Le document (6 Aug 2023) cite douze radars.", hit("6 Aug 2023", "2023-08-06")),
    "ordinal-th-day-first": ("Le document du 6th March 2023 cite douze radars.", hit("6th March 2023", "2023-03-06")),
    "ordinal-th-month-first": (
        "« Posted on March 6th, 2023 », selon la capture.",
        hit("March 6th, 2023", "2023-03-06"),
    ),
    "ordinal-st": ("« Posted on May 1st, 2022 », selon la capture.", hit("May 1st, 2022", "2022-05-01")),
    "ordinal-nd": ("« Posted on June 22nd, 2022 », selon la capture.", hit("June 22nd, 2022", "2022-06-22")),
    "ordinal-rd": ("Le document du 3rd July 2022 cite douze radars.", hit("3rd July 2022", "2022-07-03")),
    "month-year": ("Le rapport de March 2023 cite la vente.", hit("March 2023", "2023-03")),
}


@pytest.mark.parametrize(("text", "expected"), list(ENGLISH.values()), ids=list(ENGLISH))
def test_english_dates(extractor, text, expected):
    cases.assert_one(extractor.extract(text, date=DOC_DATE), text, expected, LABEL)


# --- Two-digit years: 00-49 are 20xx, 50-99 are 19xx (extract.date_forms.CENTURY_PIVOT) ---------------
TWO_DIGIT_YEARS = {
    f"yy-{yy}": (f"Le traité a été signé le 6 mars {yy}, à Paris.", hit(f"6 mars {yy}", f"{year}-03-06"))
    for yy, year in (
        ("00", 2000),
        ("01", 2001),
        ("23", 2023),
        ("49", 2049),
        ("50", 1950),
        ("51", 1951),
        ("75", 1975),
        ("99", 1999),
    )  # fmt: skip
}


@pytest.mark.parametrize(("text", "expected"), list(TWO_DIGIT_YEARS.values()), ids=list(TWO_DIGIT_YEARS))
def test_two_digit_years(extractor, text, expected):
    cases.assert_one(extractor.extract(text, date=DOC_DATE), text, expected, LABEL)


def _abbreviation_rows():
    with (ROOT / "rules" / "lexicons" / "month_abbreviations.csv").open(encoding="utf-8") as rows:
        return [(row["form"], int(row["value"])) for row in csv.DictReader(rows)]


@pytest.mark.parametrize(("form", "month"), _abbreviation_rows(), ids=[form for form, _ in _abbreviation_rows()])
def test_dateparser_reads_each_listed_abbreviation_as_its_month(form, month):
    """The lexicon finds the abbreviation, dateparser reads it: both must agree on the month."""
    assert parse_french_date(f"6 {form} 2023") == PartialDate(2023, month, 6)


DATE_WORDS = st.sampled_from(
    [*"0123456789 ,.-/'’", "premier", "dernier", "jour", "de", "d'", "l'année", "mars", "nov.", "fév", "1er", "4e", "21st", "2023", "98"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(DATE_WORDS, max_size=12).map("".join), st.sampled_from([None, PartialDate(2024, 5)]))
def test_written_forms_never_raise(text, reference):
    date = parse_french_date(text, reference)
    assert date is None or len(date.iso()) in (4, 7, 10)
