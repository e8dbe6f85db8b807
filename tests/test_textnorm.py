"""extract/textnorm.py: the lookup keys and the spellings the rule loaders generate from a form."""

from __future__ import annotations

import pytest

from extract.textnorm import (
    designation_variants,
    fold,
    fold_accents,
    is_case_sensitive,
    matches_any_case,
    title_variant,
    unify_apostrophes,
    upper_variant,
    written_variants,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("États-Unis", "Etats-Unis"),
        ("Émirats arabes unis", "Emirats arabes unis"),
        ("Ça, c'est ÇA", "Ca, c'est CA"),
        ("Curaçao", "Curacao"),
        ("plain", "plain"),
    ],
)
def test_fold_accents_keeps_case(text, expected):
    assert fold_accents(text) == expected


@pytest.mark.parametrize("mark", ["'", "’", "ʼ", "`", "´"])
def test_unify_apostrophes(mark):
    assert unify_apostrophes(f"l{mark}Algérie d{mark}Inde") == "l'Algérie d'Inde"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("L’Algérie", "l'algerie"),
        ("  États-\u00a0Unis \n d'Amérique ", "etats- unis d'amerique"),
        ("CÔTE D´IVOIRE", "cote d'ivoire"),
        ("", ""),
    ],
)
def test_fold_is_a_lookup_key(text, expected):
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("l'Algérie", ["l'Algérie", "l’Algérie", "l'Algerie", "l’Algerie"]),
        ("l’Inde", ["l’Inde", "l'Inde"]),
        ("Égypte", ["Égypte", "Egypte"]),
        ("Maroc", ["Maroc"]),
    ],
)
def test_written_variants(form, expected):
    assert written_variants(form) == expected


@pytest.mark.parametrize(("form", "expected"), [("Rafale", True), ("obus", False), ("mIG", True), ("", False)])
def test_is_case_sensitive(form, expected):
    assert is_case_sensitive(form) is expected


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("F-16", ["F-16", "F16", "F 16"]),
        ("F 16", ["F 16", "F16", "F-16"]),
        ("F16", ["F16", "F-16", "F 16"]),
        ("F-4", ["F-4", "F 4"]),  # never glued: 'F4' is a version code
        ("K2PL", ["K2PL", "K-2PL", "K 2PL"]),
        ("Su-35", ["Su-35", "Su35", "Su 35"]),
        (
            "Leopard 2A8",
            ["Leopard 2A8", "Leopard 2 A8", "Leopard2A8", "Leopard2 A8", "Leopard-2A8", "Leopard-2 A8"],
        ),
        ("PzH 2000", ["PzH 2000", "PzH2000", "PzH-2000"]),
        ("Stinger", ["Stinger", "Stingers"]),
        ("Sea Sparrow", ["Sea Sparrow", "Sea Sparrows"]),  # the plural of the last word
        ("Buk", ["Buk", "Buks"]),
        ("T-72A", ["T-72A", "T72A", "T 72A"]),  # a version letter at the end stays glued
        ("AH-64E Guardian", ["AH-64E Guardian", "AH64E Guardian", "AH 64E Guardian", "AH-64E Guardians"]),
        ("BMP-2M Berezhok", ["BMP-2M Berezhok", "BMP2M Berezhok", "BMP 2M Berezhok", "BMP-2M Berezhoks"]),
        ("Rafale F3R", ["Rafale F3R", "Rafale F-3R", "Rafale F 3R"]),
        (
            "F-16 Block52",
            [
                "F-16 Block52",
                "F-16 Block-52",
                "F-16 Block 52",
                "F16 Block52",
                "F16 Block-52",
                "F16 Block 52",
                "F 16 Block52",
                "F 16 Block-52",
                "F 16 Block 52",
            ],
        ),
        ("IRIS-T", ["IRIS-T"]),
        ("Javelin", ["Javelin", "Javelins"]),
        ("Obus", ["Obus"]),  # already ends in -s
        ("Box", ["Box"]),
        ("Mi", ["Mi"]),  # too short for a plural
        (
            "CAESAR Mk II",
            ["CAESAR Mk II", "CAESAR Mk2", "CAESAR Mk 2", "CAESAR MkII", "CAESAR Mark II", "CAESAR Mark 2"],
        ),
        (
            "Mistral Mk.3",
            [
                "Mistral Mk.3",
                "Mistral Mk3",
                "Mistral Mk 3",
                "Mistral Mk III",
                "Mistral MkIII",
                "Mistral Mark III",
                "Mistral Mark 3",
            ],
        ),
    ],
)
def test_designation_variants(form, expected):
    assert designation_variants(form) == expected


@pytest.mark.parametrize("form", ["F-", "F -", "-", " ", "F- 16"])
def test_designation_variants_of_odd_forms_keep_the_form(form):
    assert designation_variants(form)[0] == form


def test_only_two_boundaries_of_a_designation_are_varied():
    variants = designation_variants("A1B2C3")
    assert "A-1 B2C3" in variants
    assert not [v for v in variants if "B-2" in v or "B 2" in v or "C-3" in v]
    assert len(variants) == len(set(variants)) == 6


@pytest.mark.parametrize(
    ("form", "expected"), [("Rafale", "RAFALE"), ("Buk", "BUK"), ("Mi", None), ("RAM", None), ("K-9", None)]
)
def test_upper_variant(form, expected):
    assert upper_variant(form) == expected


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("République démocratique du Congo", "République Démocratique du Congo"),
        ("Arabie saoudite", "Arabie Saoudite"),
        ("émirats arabes unis", "Émirats Arabes Unis"),
        ("Côte d'ivoire", "Côte d'Ivoire"),
        ("force conjointe du g5 sahel", "Force Conjointe du G5 Sahel"),
        ("Bosnie-herzégovine et la serbie", "Bosnie-Herzégovine et la Serbie"),
        ("Maroc", None),  # one word
        ("Arabie Saoudite", None),  # already titled
    ],
)
def test_title_variant(form, expected):
    assert title_variant(form) == expected


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("IRIS-T", True),
        ("Mi-24", True),
        ("HIMARS", True),
        ("Rafale", False),
        ("RAM", False),
        ("SAMP T", True),
        ("SA T", False),
        ("", False),
    ],
)
def test_matches_any_case(form, expected):
    assert matches_any_case(form) is expected
