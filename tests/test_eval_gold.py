"""extract.eval.gold: inline markup `[[text|LABEL|value|unit|key=value]]` -> plain text and gold mentions."""

from __future__ import annotations

import pytest

from extract.errors import InputError
from extract.eval.gold import GoldMention, Sample, load_samples, parse_markup


def rows(mentions):
    return [(m.label, m.text, m.start, m.end, m.value, m.unit, m.fields) for m in mentions]


@pytest.mark.parametrize(
    ("annotated", "plain", "expected"),
    [
        ("Le [[Maroc|COUNTRY|MAR]] achète.", "Le Maroc achète.", [("COUNTRY", "Maroc", 3, 8, "MAR", "", {})]),
        ("[[Otan|REGION]]", "Otan", [("REGION", "Otan", 0, 4, "", "", {})]),
        ("[[12 km|RANGE|12|km]]", "12 km", [("RANGE", "12 km", 0, 5, "12", "km", {})]),
        (
            "[[entre 70 et 80 km|RANGE|80|km|min=70]]",
            "entre 70 et 80 km",
            [("RANGE", "entre 70 et 80 km", 0, 17, "80", "km", {"min": "70"})],
        ),
        (
            "[[vingt|COUNT|20|approx=about|unit=char]]",
            "vingt",
            [("COUNT", "vingt", 0, 5, "20", "", {"approx": "about", "unit": "char"})],
        ),
        ("[[x|DATE|2024|a=b=c]]", "x", [("DATE", "x", 0, 1, "2024", "", {"a": "b=c"})]),
        (
            "A [[B|COUNTRY|BEL]] et [[C|COUNTRY|CAN]].",
            "A B et C.",
            [("COUNTRY", "B", 2, 3, "BEL", "", {}), ("COUNTRY", "C", 7, 8, "CAN", "", {})],
        ),
        (
            "la [[marine [[turque|COUNTRY|TUR]]|ORG|Marine turque]] arrive",
            "la marine turque arrive",
            [("ORG", "marine turque", 3, 16, "Marine turque", "", {}), ("COUNTRY", "turque", 10, 16, "TUR", "", {})],
        ),
        (
            "[[[[Paris|COUNTRY|FRA]] et [[Rome|COUNTRY|ITA]]|REGION|x]] !",
            "Paris et Rome !",
            [
                ("REGION", "Paris et Rome", 0, 13, "x", "", {}),
                ("COUNTRY", "Paris", 0, 5, "FRA", "", {}),
                ("COUNTRY", "Rome", 9, 13, "ITA", "", {}),
            ],
        ),
        ("Fin ]] sans ouverture.", "Fin ]] sans ouverture.", []),
        ("Pas de mention.", "Pas de mention.", []),
        ("", "", []),
        ("ligne\n[[Mali|COUNTRY|MLI]]\nfin", "ligne\nMali\nfin", [("COUNTRY", "Mali", 6, 10, "MLI", "", {})]),
    ],
)
def test_markup_is_parsed(annotated, plain, expected):
    text, gold = parse_markup(annotated)
    assert text == plain
    assert rows(gold) == expected
    assert all(text[m.start : m.end] == m.text for m in gold)


@pytest.mark.parametrize(
    ("annotated", "line", "markup"),
    [
        ("un\n[[Maroc]]", 2, "[[Maroc]]"),
        ("un\ndeux\n[[Maroc|country|MAR]]", 3, "[[Maroc|country|MAR]]"),
        ("[[|COUNTRY|MAR]]", None, "[[|COUNTRY|MAR]]"),
        ("[[Maroc|]]", None, "[[Maroc|]]"),
        ("un\n[[Maroc|COUNTRY|MAR", 2, "[[ without ]]"),
        ("[[a|ORG|x]]\n[[b\n[[c|ORG|y]]", 2, "[[ without ]]"),
        ("[[x\n[[y|COUNTRY|FRA]]|Org|z]]", None, "[[x\ny|Org|z]]"),
    ],
)
def test_bad_markup_names_its_line(annotated, line, markup):
    with pytest.raises(InputError) as error:
        parse_markup(annotated, "x.ann")
    assert error.value.path == "x.ann"
    assert error.value.line == (line or 1)
    assert error.value.message == f"E030 bad markup '{markup}': expected [[text|LABEL|value|unit]]"


def test_default_source_name():
    with pytest.raises(InputError) as error:
        parse_markup("[[x]]")
    assert error.value.path == "<gold>"


def test_gold_mention_fields_do_not_count_in_equality():
    assert GoldMention("COUNT", "x", 0, 1, "2", "", {"a": "b"}) == GoldMention("COUNT", "x", 0, 1, "2", "")
    assert GoldMention("COUNT", "x", 0, 1).value == "" and GoldMention("COUNT", "x", 0, 1).fields == {}


def test_load_samples_pairs_texts_with_their_gold(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("Le Maroc achète.", encoding="utf-8")
    (tmp_path / "b.ann").write_text("Le [[Maroc|COUNTRY|MAR]] achète.", encoding="utf-8")
    (tmp_path / "sub" / "a.txt").write_text("Rien.", encoding="utf-8")
    (tmp_path / "sub" / "a.ann").write_text("Rien.", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Sans gold.", encoding="utf-8")
    samples = load_samples(tmp_path)
    assert samples == [
        Sample("b", tmp_path / "b.txt", "Le Maroc achète.", [GoldMention("COUNTRY", "Maroc", 3, 8, "MAR")]),
        Sample("sub/a", tmp_path / "sub" / "a.txt", "Rien.", []),
    ]


@pytest.mark.parametrize(
    ("text", "annotated", "line"),
    [
        ("Le Maroc achète.", "Le [[Maroc|COUNTRY|MAR]] achète des chars.", 1),
        ("un\ndeux\ntrois", "un\ndeux\n[[trais|ORG|x]]", 3),
        ("un\ndeux\n", "un\ndeux\nplus", 3),
        ("un\ndeux\nplus", "un\ndeux\n", 3),
        ("un\nde", "un\ndeux", 2),
        ("un\ndeux\ntrois", "un\ndaux\ntrois", 2),
        ("un\ndeux\ntrois", "un", 1),
        ("\nun\ndeux", "\nun\ndeux!", 3),
    ],
)
def test_gold_must_match_its_text(tmp_path, text, annotated, line):
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "a.ann").write_text(annotated, encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_samples(tmp_path)
    assert error.value.path == str(tmp_path / "a.ann")
    assert error.value.line == line
    assert error.value.message == "E031 text differs from a.txt once the markup is removed"


def test_bad_markup_in_a_gold_file_names_that_file(tmp_path):
    (tmp_path / "a.txt").write_text("Le Maroc.", encoding="utf-8")
    (tmp_path / "a.ann").write_text("Le [[Maroc]].", encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_samples(tmp_path)
    assert error.value.path == str(tmp_path / "a.ann") and error.value.message.startswith("E030")
