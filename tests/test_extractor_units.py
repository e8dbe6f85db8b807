"""extract.extractor function by function: batches bounded in pieces and characters, pieces of a
long text, texts without a body, deals of a text merged across pieces, the header's credit and
furniture title, and the mention columns (on the session's --fast pipeline)."""

from __future__ import annotations

import pytest

import extract.extractor as extractor_module
from extract.extractor import MAX_BATCH_CHARS, MAX_PIECE_CHARS, _batches, split_pieces

ARTICLE = (
    "date 2024-06 Le Maroc commande (DR)\n\nLe Maroc a commandé 18 lanceurs M142 HIMARS pour 524 millions de dollars."
)


def make_doc(start: int, end: int) -> str:
    return "x" * (end - start)


@pytest.mark.parametrize(
    ("lengths", "size", "max_chars", "batches"),
    [
        ([1, 1, 1], 2, 100, [[1, 1], [1]]),
        ([1, 1], 2, 100, [[1, 1]]),
        ([50, 50, 1], 10, 100, [[50, 50], [1]]),  # exactly max_chars: one batch
        ([50, 51], 10, 100, [[50], [51]]),
        ([150, 1], 10, 100, [[150], [1]]),  # a piece alone may be longer
        ([1, 150], 10, 100, [[1], [150]]),
        ([60, 30, 20, 10], 10, 100, [[60, 30], [20, 10]]),  # the count restarts with each batch
        ([], 10, 100, []),
        ([50, 60, 40], 10, 100, [[50], [60, 40]]),  # a later batch may hold max_chars exactly, too
    ],
)
def test_batches(lengths, size, max_chars, batches):
    """Pieces (how to make the Doc, start, end) batched by count and characters, in order."""
    starts = [sum(lengths[:i]) for i in range(len(lengths))]
    pieces = [(make_doc, start, start + n) for start, n in zip(starts, lengths, strict=True)]
    out = list(_batches(iter(pieces), size, max_chars))
    assert [[len(make(start, end)) for make, start, end in batch] for batch in out] == batches
    assert [start for batch in out for _, start, _ in batch] == starts


def test_limits():
    assert (MAX_PIECE_CHARS, MAX_BATCH_CHARS) == (20_000, 100_000)


@pytest.mark.parametrize(
    ("text", "start", "limit", "ranges"),
    [
        ("abc", 0, 3, [(0, 3)]),
        ("abcd", 0, 3, [(0, 3), (3, 4)]),
        ("abc", 3, 3, []),
        ("ab cd", 2, 10, [(2, 5)]),
        ("aa bb cc dd", 0, 6, [(0, 6), (6, 11)]),  # the last space of the second half
        ("aaaa bbbbbb", 0, 6, [(0, 5), (5, 11)]),  # space at 4: in the second half (3..6)
        ("a bbbbbbbbb", 0, 6, [(0, 6), (6, 11)]),  # space at 1: first half, cut at the limit
        ("aa bb", 0, 5, [(0, 5)]),  # exactly the limit: one piece, however it could be cut
        ("aaa b  cc", 0, 6, [(0, 6), (6, 9)]),  # the spaces 5-7 cut at the limit, not after 'aaa'
        ("aaaa bbbbbbbbbbbb", 0, 12, [(0, 12), (12, 17)]),  # space at 4: before the second half (6)
    ],
)
def test_split_pieces_edges(text, start, limit, ranges):
    assert split_pieces(text, start, limit) == ranges


def test_pieces_of_a_long_text_are_all_extracted(fast_extractor, monkeypatch):
    """Pieces of 60 characters, batches of 2 pieces: every country of every piece is found, in order."""
    monkeypatch.setattr(extractor_module, "MAX_PIECE_CHARS", 60)
    monkeypatch.setattr(fast_extractor, "batch_size", 2)
    countries = ["Maroc", "Pologne", "Inde", "Chili", "Japon", "Brésil", "Égypte"]
    text = "".join(f"Le {name} a commandé des chars.\n\n" for name in countries)
    mentions = fast_extractor.extract(text)
    found = [m for m in mentions if m.label == "COUNTRY"]
    assert [m.text for m in found] == countries
    assert all(text[m.start : m.end] == m.text for m in mentions)
    sentences = {m.text: (m.sentence, m.sentence_start, m.sentence_end) for m in found}
    sentence, start, end = sentences["Chili"]
    assert sentence == "Le Chili a commandé des chars." and text[start:end] == sentence


def test_texts_without_a_body_keep_their_place(fast_extractor):
    texts = [("date 2024-06 Titre seul (DR)", None), ("Le Maroc commande.", None), ("", None), ("L'Inde aussi.", None)]
    results = list(fast_extractor.extract_texts(texts))
    assert [[m.value for m in r.mentions if m.label == "COUNTRY"] for r in results] == [[], ["MAR"], [], ["IND"]]
    assert results[0].header.title == "Titre seul" and results[0].date.iso() == "2024-06"


def test_keep_docs(fast_extractor):
    [plain] = fast_extractor.extract_texts([(ARTICLE, None)])
    [kept] = fast_extractor.extract_texts([(ARTICLE, None)], keep_docs=True)
    assert plain.docs == [] and plain.clean is None
    assert len(kept.docs) == 1 and kept.docs[0][1] == len("date 2024-06 ")  # the headline is read, the date is not
    assert kept.clean is not None and kept.clean.text.endswith("dollars.")
    credit = ARTICLE.index("DR") - len("date 2024-06 ")  # '(DR)' in the Doc of the headline and text
    assert kept.docs[0][0]._.furniture == [(credit, credit + 2, "credit")]


def test_the_credit_is_furniture_and_the_header_gives_the_date(fast_extractor):
    [result] = fast_extractor.extract_texts([(ARTICLE, None)])
    assert (result.header.title, result.header.credit, result.date.iso(), result.date_source) == (
        "Le Maroc commande",
        "DR",
        "2024-06",
        "header",
    )
    assert not any(m.text == "DR" for m in result.mentions)
    money = next(m for m in result.mentions if m.label == "MONEY")
    assert (money.value, money.unit, money.rule_id) == ("524000000", "USD", "money-amount-scale-currency")


def test_a_furniture_title_is_no_title(fast_extractor):
    [result] = fast_extractor.extract_texts([("date 2024-05 Photo : YONHAP News\n\nLe Maroc commande.", None)])
    assert (result.header.title, result.header.credit, result.header.credit_span) == ("", "", None)
    assert result.date.iso() == "2024-05"


def test_a_table_date_beats_the_header(fast_extractor):
    [result] = fast_extractor.extract_texts([("date 2024-06 Titre\n\nLivré le 11 avril.", "2021-03")])
    assert (result.date.iso(), result.date_source) == ("2021-03", "table")
    assert [m.value for m in result.mentions if m.label == "DATE"] == ["2021-04-11"]


def test_wrappers(fast_extractor):
    assert [m.value for m in fast_extractor.extract("Livré le 11 avril.", date="2020-01") if m.label == "DATE"] == [
        "2020-04-11"
    ]
    deals = fast_extractor.extract_deals("Le Maroc a commandé 18 lanceurs HIMARS aux États-Unis.", date="2024-06")
    assert [(d.recipient, d.quantity) for d in deals] == [("MAR", 18)]


def test_one_deal_per_transfer_across_pieces(fast_extractor, monkeypatch):
    monkeypatch.setattr(extractor_module, "MAX_PIECE_CHARS", 80)
    sentence = "Le Maroc a commandé 18 lanceurs HIMARS aux États-Unis.\n\n"
    deals = fast_extractor.extract_deals(sentence * 3, date="2024-06")
    assert [(d.supplier, d.recipient, d.system) for d in deals] == [("USA", "MAR", "M142 HIMARS")]
    assert deals[0].evidence_start == 0


def test_frames_of_in_memory_texts(fast_extractor):
    """`frames` hands its texts and their dates to `extract.frames`: doc_ids are the keys."""
    texts = {"a": "Livré le 11 avril.", "b": "Le Maroc a commandé 18 lanceurs HIMARS aux États-Unis."}
    frames = fast_extractor.frames(texts, dates={"a": "2020-01", "b": "2024-06"})
    dates = frames.mentions[frames.mentions.label == "DATE"]
    assert list(zip(dates.doc_id, dates.value, strict=True)) == [("a", "2020-04-11")]
    assert list(zip(frames.deals.doc_id, frames.deals.recipient, strict=True)) == [("b", "MAR")]


def test_a_package_id_is_the_amounts_offset_in_the_original_text(fast_extractor):
    """Invisible characters before the amount: the Doc reads the clean text, the package id (the
    amount's offset) points into the original."""
    text = "Le\u200b\u200b\u200b Maroc a commandé 18 lanceurs HIMARS et 40 missiles ATACMS aux États-Unis"
    text += " pour 524 millions de dollars."
    deals = fast_extractor.extract_deals(text, date="2024-06")
    assert [(d.system, d.value_scope, d.package_id) for d in deals] == [
        ("M142 HIMARS", "package", f"a{text.index('524')}"),
        ("ATACMS", "package", f"a{text.index('524')}"),
    ]


@pytest.fixture
def build_spy(monkeypatch) -> list:
    """`build_pipeline` and `load_rules` replaced by stand-ins that record their arguments."""
    calls: list = []

    def build_pipeline(rules_dir, *, fast, model):
        calls.append(("pipeline", rules_dir, fast, model))
        return "the pipeline"

    def load_rules(rules_dir):
        calls.append(("rules", rules_dir))
        return "the rules"

    monkeypatch.setattr(extractor_module, "build_pipeline", build_pipeline)
    monkeypatch.setattr(extractor_module, "load_rules", load_rules)
    return calls


def test_extractor_defaults(build_spy):
    from extract.pipeline import DEFAULT_MODEL

    made = extractor_module.Extractor()
    assert (made.rules_dir, made.fast, made.batch_size, made.pieces_done) == (None, False, 32, 0)
    assert (made.nlp, made.rules) == ("the pipeline", "the rules")
    assert build_spy == [("pipeline", None, False, DEFAULT_MODEL), ("rules", None)]


def test_extractor_options(build_spy, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    made = extractor_module.Extractor("my_rules", fast=True, model="fr_core_news_md", batch_size=5)
    absolute = str(tmp_path.resolve() / "my_rules")  # resolved once: workers may run elsewhere
    assert (made.rules_dir, made.fast, made.batch_size) == (absolute, True, 5)
    assert build_spy == [("pipeline", absolute, True, "fr_core_news_md"), ("rules", absolute)]


@pytest.mark.parametrize(
    ("text", "date", "source", "reference", "dates"),
    [
        # 2024-05-16 is a Thursday: 'vendredi' is the Friday before the document's day
        ("Le Maroc a signé vendredi un contrat.", "2024-05-16", "table", "2024-05-16", [("vendredi", "2024-05-10")]),
        (
            "date 2024-05-16 Titre\n\nLe Maroc a signé vendredi un contrat.",
            None,
            "header",
            "2024-05-16",
            [("vendredi", "2024-05-10")],
        ),
        # a document date without its day: the latest day the text states in its month, and the
        # article may be from the day after it ('vendredi' after 'jeudi 16 mai' is the 17th)
        (
            "Le 16 mai, le Maroc a commandé 18 lanceurs. Il a signé vendredi.",
            "2024-05",
            "table",
            "2024-05",
            [("16 mai", "2024-05-16"), ("vendredi", "2024-05-17")],
        ),
        # no document date: the text's own full date completes the others; a weekday is dropped
        (
            "Le 16 mai 2024, le Maroc a commandé 18 lanceurs. Il a signé vendredi. Livraison le 11 juin.",
            None,
            "inferred",
            "2024-05-16",
            [("16 mai 2024", "2024-05-16"), ("11 juin", "2024-06-11")],
        ),
        ("Le Maroc a commandé 18 lanceurs vendredi.", None, "none", None, []),
        # the year in which 'jeudi 16 mai' is a Thursday, of those the text names (2024, not 2025)
        (
            "Le jeudi 16 mai, le Maroc a commandé 18 lanceurs, livrés en 2024 et en 2025.",
            None,
            "inferred",
            "2024-05-16",
            [("16 mai", "2024-05-16"), ("2024", "2024"), ("2025", "2025")],
        ),
    ],
)
def test_reference_date_and_weekdays(fast_extractor, text, date, source, reference, dates):
    [result] = fast_extractor.extract_texts([(text, date)])
    assert (result.date_source, result.date.iso() if result.date else None) == (source, reference)
    assert [(m.text, m.value) for m in result.mentions if m.label == "DATE"] == dates


def test_a_partial_date_object_as_the_date(fast_extractor):
    from extract.partial_date import PartialDate

    [result] = fast_extractor.extract_texts([("Livré le 11 avril.", PartialDate.parse("2020-01"))])
    assert (result.date_source, result.date) == ("table", PartialDate.parse("2020-01"))
    assert [m.value for m in result.mentions if m.label == "DATE"] == ["2020-04-11"]


FACTS = (
    "Le programme coûtera entre 700 et 800 millions d’euros, dont 90 millions pour la France.\n\n"
    "Dassault a vendu 135 Rafale à l’étranger, dont 80 pour les Émirats, selon Rabat.\n\n"
    "Près de 30 chars partiront."
)


@pytest.mark.parametrize(
    ("label", "text", "approx", "bounds", "form_kind", "unit_source", "extra"),
    [
        ("MONEY", "entre 700 et 800 millions d’euros", "", ("700000000", "800000000"), "", "", {}),
        ("MONEY", "90 millions", "", ("", ""), "", "carried", {}),  # the currency of the amount before
        ("COUNT", "80", "", ("", ""), "", "sentence", {}),  # 'Rafale' from the sentence
        ("COUNT", "Près de 30 chars", "près de", ("", ""), "", "", {}),
        ("COUNTRY", "Rabat", "", ("", ""), "capital", "", {"country": "MAR", "entity_kind": ""}),
        ("ORG", "Dassault", "", ("", ""), "alias", "", {"country": "FRA", "entity_kind": "manufacturer"}),
    ],
)
def test_mention_columns_come_from_the_span(fast_extractor, label, text, approx, bounds, form_kind, unit_source, extra):
    [mention] = [m for m in fast_extractor.extract(FACTS, date="2024-06") if (m.label, m.text) == (label, text)]
    assert (mention.approx, (mention.value_min, mention.value_max), mention.form_kind) == (approx, bounds, form_kind)
    assert (mention.unit_source, mention.extra) == (unit_source, extra)


def test_a_credit_is_not_article_text(fast_extractor):
    """'(Maroc)' after the headline credits a photo: the country of the headline and of the text are
    mentions, the credit is not."""
    text = "date 2024-06 Le Maroc commande (Maroc)\n\nLe Maroc commande."
    [result] = fast_extractor.extract_texts([(text, None)])
    assert result.header.credit_span == (text.index("(Maroc)") + 1, text.index("(Maroc)") + 6)
    assert [m.start for m in result.mentions if m.label == "COUNTRY"] == [16, text.rindex("Maroc")]


def test_a_furniture_title_loses_its_credit_too(fast_extractor):
    [result] = fast_extractor.extract_texts([("date 2024-05 Photo : YONHAP News (DR)\n\nLe Maroc commande.", None)])
    assert (result.header.title, result.header.credit, result.header.credit_span) == ("", "", None)


def test_a_doc_no_component_marked_has_no_mention(fast_extractor):
    from extract.cleantext import clean_text

    doc = fast_extractor.nlp.make_doc("Le Maroc commande.")  # tokenized only: no span group at all
    for token in doc:
        token.is_sent_start = token.i == 0  # one sentence
    assert extractor_module._mentions(doc, doc.text, clean_text(doc.text), 0) == []
