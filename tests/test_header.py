import pytest

from extract.header import parse_header
from extract.partial_date import PartialDate

HEADERS = [
    # (text, date, title, credit, body starts with)
    (" date 2024-06 Himars (DR)\n\nLe Maroc", "2024-06", "Himars", "DR", "\nLe Maroc"),
    ("date 2023-11 Rafale pour l'Inde (AFP)\nTexte", "2023-11", "Rafale pour l'Inde", "AFP", "Texte"),
    ("date 2022-01-15 Titre sans crédit\nTexte", "2022-01-15", "Titre sans crédit", "", "Texte"),
    ("date 2021-03 Deux (crédits) (Photo MAP)\nTexte", "2021-03", "Deux (crédits)", "Photo MAP", "Texte"),
    ("\ufeffdate 2020-05 Titre (DR)\r\nTexte", "2020-05", "Titre", "DR", "Texte"),
]


@pytest.mark.parametrize(("text", "date", "title", "credit", "body"), HEADERS)
def test_header_is_parsed(text, date, title, credit, body):
    header = parse_header(text)
    assert header.date is not None and header.date.iso() == date
    assert (header.title, header.credit) == (title, credit)
    assert text[header.body_start :].startswith(body)


@pytest.mark.parametrize(
    "text",
    [
        "Le Maroc a reçu ses premiers F-16.",
        "La date 2024-06 figure dans le texte",  # not at the start
        "date de livraison : 2025",  # no ISO date
        "",
    ],
)
def test_no_header(text):
    header = parse_header(text)
    assert header.date is None and header.body_start == 0


def test_nothing_is_extracted_from_the_header(extractor):
    text = "date 2024-06 Le Maroc achète 18 HIMARS aux États-Unis (DR)\n\nRabat confirme l'achat."
    mentions = extractor.extract(text)
    body_start = text.index("Rabat")
    assert mentions and all(m.start >= body_start for m in mentions)
    assert all(text[m.start : m.end] == m.text for m in mentions)


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
