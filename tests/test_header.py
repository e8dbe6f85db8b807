import pytest

from extract.io.header import MAX_TITLE_CHARS, is_headline, parse_header
from extract.partial_date import PartialDate

HEADERS = [
    # (text, date, title, credit, text right after the prefix)
    (" date 2024-06 Himars (DR)\n\nLe Maroc", "2024-06", "Himars", "DR", "Himars (DR)"),
    ("date 2023-11 Rafale pour l'Inde (AFP)\nTexte", "2023-11", "Rafale pour l'Inde", "AFP", "Rafale pour"),
    ("date 2022-01-15 Titre sans crédit\nTexte", "2022-01-15", "Titre sans crédit", "", "Titre sans"),
    ("date 2021-03 Deux (crédits) (Photo MAP)\nTexte", "2021-03", "Deux (crédits)", "Photo MAP", "Deux"),
    ("\ufeffdate 2020-05 Titre (DR)\r\nTexte", "2020-05", "Titre", "DR", "Titre (DR)"),
    # the first paragraph on the header line: article text, never a title
    (
        "date 2025-09-18 Coup d'accélérateur pour l'aviation de chasse. Le Portugal a confirmé mardi l'achat de 12 F-16.",
        "2025-09-18",
        "",
        "",
        "Coup d'accélérateur",
    ),
    ("date 2023-04 Le Maroc a reçu ses HIMARS. Ils seront livrés en 2026.\n\nSuite", "2023-04", "", "", "Le Maroc a"),
    ("date 2022-02 Un seul paragraphe qui se termine par un point.", "2022-02", "", "", "Un seul"),
    ("date 2024-05 " + "mot " * 60 + "sans ponctuation", "2024-05", "", "", "mot mot"),  # too long for a title
    ("date 2023-04 https://fr.example.org/article-123\n\nTexte", "2023-04", "", "", "https://"),
    ("date 2024-06", "2024-06", "", "", ""),  # the prefix alone
    ("date 2024-06 Titre (DR)\nLigne deux\nLigne trois", "2024-06", "Titre", "DR", "Titre"),  # the first line only
]


@pytest.mark.parametrize(("text", "date", "title", "credit", "rest"), HEADERS)
def test_header_is_parsed(text, date, title, credit, rest):
    header = parse_header(text)
    assert header.date is not None and header.date.iso() == date
    assert (header.title, header.credit) == (title, credit)
    assert text[header.body_start :].startswith(rest)
    assert not text[header.body_start :].startswith(" ")
    if credit:  # the credit's offsets, where nothing is extracted
        assert header.credit_span is not None and text[slice(*header.credit_span)] == credit
    else:
        assert header.credit_span is None
    assert header.url == ("https://fr.example.org/article-123" if "https://" in text else "")


def test_a_credited_headline_may_be_long():
    line = "mot " * 60 + "(DR)"
    header = parse_header("date 2024-05 " + line + "\nTexte")
    assert (header.title, header.credit) == (line.removesuffix(" (DR)"), "DR")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Le Maroc commande 18 HIMARS aux États-Unis", True),
        ("Le Maroc commande des HIMARS...", True),  # an ellipsis is not a full stop
        ("Le Maroc commande des HIMARS.", False),
        ("Le Maroc commande. Rabat confirme", False),  # a sentence ends inside
        ("Le Maroc commande ! « Rabat » confirme", False),
        ("x" * MAX_TITLE_CHARS, True),
        ("x" * (MAX_TITLE_CHARS + 1), False),
        ("", False),
        ("   ", False),
    ],
)
def test_is_headline(line, expected):
    assert is_headline(line) is expected


def test_a_credit_makes_a_long_line_a_headline():
    assert is_headline("x" * (MAX_TITLE_CHARS + 1), credited=True)
    assert not is_headline("Une phrase. Une autre", credited=True)


@pytest.mark.parametrize(
    "text",
    [
        "Le Maroc a reçu ses premiers F-16.",
        "La date 2024-06 figure dans le texte",  # not at the start
        "date de livraison : 2025",  # no ISO date
        "date 2024-06-ab texte",  # not a date
        "",
    ],
)
def test_no_header(text):
    header = parse_header(text)
    assert header.date is None and header.body_start == 0
    assert (header.title, header.credit, header.credit_span, header.url) == ("", "", None, "")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("date 2024-06 Le Maroc achète 18 HIMARS aux États-Unis (DR)\n\nRabat confirme.", {"MAR", "USA", "18"}),
        (
            "date 2025-09-18 Le Portugal a confirmé l'achat de 12 F-16. Livraison en 2027.",
            {"PRT", "12", "F-16", "2027"},
        ),
        ("date 2022-04 Washington annonce 800 millions de dollars pour Kiev.", {"USA", "800000000", "UKR"}),
    ],
)
def test_the_header_line_is_article_text(extractor, text, expected):
    mentions = extractor.extract(text)
    assert expected <= {m.value for m in mentions}
    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert all(m.start >= text.index(" ", 5) for m in mentions)  # never inside the prefix


def test_the_credit_after_a_headline_gives_nothing(extractor):
    text = "date 2024-06 La Pologne commande des K2 (Photo : ministère polonais de la Défense)\n\nTexte."
    mentions = extractor.extract(text)
    credit_start = text.index("(Photo")
    assert {m.value for m in mentions} >= {"POL"}
    assert all(m.end <= credit_start for m in mentions)


@pytest.mark.parametrize(
    ("text", "date", "source"),
    [
        ("date 2025-09-18 Le Portugal a signé.", "2025-09-18", "header"),
        ("date 2024-06 Le Portugal a signé.", "2024-06", "header"),
        ("Le contrat signé le 12 juillet 2019 a été livré mi-septembre.", "2019-07-12", "inferred"),
        ("Le contrat signé en juillet 2019 a été livré en septembre.", None, "none"),  # no full date
        ("Le Portugal a signé.", None, "none"),
    ],
)
def test_document_date_and_its_source(extractor, text, date, source):
    result = next(extractor.extract_texts([(text, None)]))
    assert (result.date.iso() if result.date else None, result.date_source) == (date, source)


def test_a_table_date_wins_over_the_header(extractor):
    result = next(extractor.extract_texts([("date 2024-06 Le Portugal a signé le 3 mars.", "2023-01")]))
    assert (result.date.iso(), result.date_source) == ("2023-01", "table")
    assert [m.value for m in result.mentions if m.label == "DATE"] == ["2023-03-03"]


@pytest.mark.parametrize(
    ("iso", "expected"),
    [
        ("2024", PartialDate(2024)),
        ("2024-06", PartialDate(2024, 6)),
        ("2024-06-11", PartialDate(2024, 6, 11)),
        ("2024-13", None),
        ("juin", None),
        (None, None),
    ],
)
def test_partial_date_parse(iso, expected):
    assert PartialDate.parse(iso) == expected


def test_partial_date_shift_keeps_precision():
    assert PartialDate(2024, 1).shifted("month", -1).iso() == "2023-12"
    assert PartialDate(2024, 6).shifted("year", -1).iso() == "2023"


def test_header_only_texts_keep_their_place_in_a_batch(extractor):
    texts = [
        ("Le Maroc commande.", None),
        ("date 2024-06 Titre seul (DR)", None),
        ("L'Algérie commande.", None),
        ("date 2024-05 Vide (DR)\n", None),
    ]
    results = list(extractor.extract_texts(texts))
    assert [[m.value for m in r.mentions] for r in results] == [["MAR"], [], ["DZA"], []]
    assert [r.header.title for r in results] == ["", "Titre seul", "", "Vide"]


def test_a_header_only_text_has_no_body(extractor):
    results = list(extractor.extract_texts([("date 2024-06", None), ("La France livre.", None)]))
    assert [[m.value for m in r.mentions] for r in results] == [[], ["FRA"]]
