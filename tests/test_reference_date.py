"""extract.reference_date: the date a text anchors itself, partial dates completed, weekdays dated."""

from __future__ import annotations

import pytest

from extract.mention import Mention
from extract.partial_date import PartialDate
from extract.reference_date import _day_anchor, _weekday, complete_dates, infer_reference_date, resolve_weekdays


def date_mentions(text: str, values: dict[str, str], **extra) -> list[Mention]:
    """DATE mentions of each key of `values` (first occurrence in `text`) with that value."""
    found = []
    for written, value in values.items():
        start = text.index(written)
        found.append(Mention("DATE", written, start, start + len(written), value, extra=dict(extra.get(written, {}))))
    return found


@pytest.mark.parametrize(
    ("text", "values", "extra", "expected"),
    [
        (
            "Le 12 juillet 2019, puis le 3 mars 2019.",
            {"12 juillet 2019": "2019-07-12", "3 mars 2019": "2019-03-03"},
            {},
            PartialDate(2019, 7, 12),
        ),
        (
            "Le 31 décembre 2018 et le 2 janvier 2019.",
            {"31 décembre 2018": "2018-12-31", "2 janvier 2019": "2019-01-02"},
            {},
            PartialDate(2019, 1, 2),
        ),
        (
            "Le 5 mai 2020 et le 28 mai 2020.",
            {"5 mai 2020": "2020-05-05", "28 mai 2020": "2020-05-28"},
            {},
            PartialDate(2020, 5, 28),
        ),
        (
            "Le 9 mai 2020 et le 28 avril 2020.",
            {"9 mai 2020": "2020-05-09", "28 avril 2020": "2020-04-28"},
            {},
            PartialDate(2020, 5, 9),
        ),
        ("En juillet 2019 et en 2021.", {"juillet 2019": "2019-07", "2021": "2021"}, {}, None),
        (
            "jeudi 9 mars, en 2022 comme en 2023.",
            {"9 mars": "", "2022": "2022", "2023": "2023"},
            {},
            PartialDate(2023, 3, 9),
        ),
        (
            "Mercredi 9 mars, en 2022 comme en 2023.",
            {"9 mars": "", "2022": "2022", "2023": "2023"},
            {},
            PartialDate(2022, 3, 9),
        ),
        ("jeudi le 9 mars, en 2023.", {"9 mars": "", "2023": "2023"}, {}, PartialDate(2023, 3, 9)),
        ("vendredi 9 mars, en 2022 comme en 2023.", {"9 mars": "", "2022": "2022", "2023": "2023"}, {}, None),
        ("jeudi 9 mars, en 2023 et en 2017.", {"9 mars": "", "2023": "2023", "2017": "2017"}, {}, None),
        ("jeudi 9 mars, en mars 2023.", {"9 mars": "", "mars 2023": "2023-03"}, {}, PartialDate(2023, 3, 9)),
        ("jeudi 9 mars.", {"9 mars": ""}, {}, None),
        ("9 mars, jeudi, en 2023.", {"9 mars": "", "2023": "2023"}, {}, None),
        ("jeudi, et plus tard le 9 mars, en 2023.", {"9 mars": "", "2023": "2023"}, {}, None),
        ("jeudi 9 mars, en 2023.", {"9 mars": "", "2023": "2023"}, {"9 mars": {"relative": "year"}}, None),
        ("jeudi mars, en 2023.", {"mars": "", "2023": "2023"}, {}, None),
        (
            "jeudi 29 février, en 2023 et 2024.",
            {"29 février": "", "2023": "2023", "2024": "2024"},
            {},
            PartialDate(2024, 2, 29),
        ),
        (
            "samedi 29 février, en 2020 comme en 2021.",
            {"29 février": "", "2020": "2020", "2021": "2021"},
            {},
            PartialDate(2020, 2, 29),
        ),
        ("mardi dernier, en 2023.", {"mardi dernier": "", "2023": "2023"}, {}, None),
        # the dated mentions before it and a day without its weekday are passed over
        ("En 2023, jeudi 9 mars.", {"2023": "2023", "9 mars": ""}, {}, PartialDate(2023, 3, 9)),
        (
            "Le 3 mars puis jeudi 9 mars, en 2023.",
            {"3 mars": "", "9 mars": "", "2023": "2023"},
            {},
            PartialDate(2023, 3, 9),
        ),
    ],
)
def test_infer_reference_date(text, values, extra, expected):
    mentions = date_mentions(text, values, **extra)
    mentions.append(Mention("COUNT", "2024", 0, 1, "2024-01-01"))  # not a DATE: never an anchor
    assert infer_reference_date(text, mentions) == expected


def test_weekday_far_before_the_date_is_not_read():
    text = "jeudi " + "x" * 12 + " 9 mars, en 2023."
    assert infer_reference_date(text, date_mentions(text, {"9 mars": "", "2023": "2023"})) is None
    text = "jeudi " + "x" * 8 + " 9 mars, en 2023."
    assert infer_reference_date(text, date_mentions(text, {"9 mars": "", "2023": "2023"})) is None
    text = "jeudi 9 mars, en 2023."
    assert infer_reference_date(text, date_mentions(text, {"9 mars": "", "2023": "2023"})) == PartialDate(2023, 3, 9)
    # the weekday is looked for in the 15 characters before the date
    text = "mercredi le" + " " * 4 + "9 mars, en 2022."
    assert infer_reference_date(text, date_mentions(text, {"9 mars": "", "2022": "2022"})) == PartialDate(2022, 3, 9)
    text = "mercredi le" + " " * 5 + "9 mars, en 2022."
    assert infer_reference_date(text, date_mentions(text, {"9 mars": "", "2022": "2022"})) is None


def test_weekday_at_the_start_of_the_text():
    text = "jeudi 9 mars"
    mentions = date_mentions(text, {"9 mars": ""}) + [Mention("DATE", "2023", 20, 24, "2023")]
    assert infer_reference_date(text, mentions) == PartialDate(2023, 3, 9)


@pytest.mark.parametrize(
    ("year", "month", "day", "weekday"), [(2023, 3, 9, 3), (2024, 2, 29, 3), (2023, 2, 29, None), (2024, 13, 1, None)]
)
def test_weekday(year, month, day, weekday):
    assert _weekday(year, month, day) == weekday


def test_complete_dates():
    mentions = [
        Mention("DATE", "11 avril", 0, 8, ""),
        Mention("DATE", "en mai dernier", 10, 24, "", extra={"relative": "year"}),
        Mention("DATE", "2020", 30, 34, "2020"),
        Mention("DATE", "bientôt", 40, 47, ""),
        Mention("COUNT", "11 avril", 50, 58, ""),
        Mention("DATE", "en mars", 60, 67, ""),
        Mention("DATE", "mai", 70, 73, "", extra={"relative": "year"}),
    ]
    completed = complete_dates(mentions, PartialDate(2019, 7, 12))
    assert [m.value for m in completed] == ["2019-04-11", "", "2020", "", "", "2019-03", ""]
    assert completed[1] is mentions[1] and completed[2] is mentions[2]
    assert completed[0].text == "11 avril" and completed[0].start == 0


def weekday(name: str, day: int, *, after: bool = False) -> Mention:
    extra = {"weekday": day} | ({"after": True} if after else {})
    return Mention("DATE", name, 0, len(name), "", extra=extra)


WEDNESDAY_19_JUNE = PartialDate(2024, 6, 19)


@pytest.mark.parametrize(
    ("mention", "exact", "expected"),
    [
        (weekday("jeudi", 3), True, "2024-06-13"),
        (weekday("jeudi", 3), False, "2024-06-20"),
        (weekday("mercredi", 2), True, "2024-06-19"),
        (weekday("mercredi", 2), False, "2024-06-19"),
        (weekday("mardi", 1), True, "2024-06-18"),
        (weekday("mardi", 1), False, "2024-06-18"),
        (weekday("lundi", 0), False, "2024-06-17"),
        (weekday("vendredi", 4), False, "2024-06-14"),
        (weekday("lundi prochain", 0, after=True), True, "2024-06-24"),
        (weekday("mercredi prochain", 2, after=True), True, "2024-06-26"),
        (weekday("jeudi prochain", 3, after=True), False, "2024-06-20"),
    ],
)
def test_resolve_weekdays_from_the_document_day(mention, exact, expected):
    other = Mention("DATE", "2024", 10, 14, "2024")
    resolved = resolve_weekdays([mention, other], WEDNESDAY_19_JUNE, exact=exact)
    assert [m.value for m in resolved] == [expected, "2024"]
    assert resolved[1] is other


@pytest.mark.parametrize("reference", [None, PartialDate(2024), PartialDate(2024, 6)])
def test_a_weekday_nothing_dates_is_dropped(reference):
    other = Mention("DATE", "2024", 10, 14, "2024")
    assert resolve_weekdays([weekday("jeudi", 3), other], reference, exact=False) == [other]


@pytest.mark.parametrize(
    ("reference", "values", "anchor"),
    [
        (PartialDate(2024, 6, 19), ["2024-06-30"], "2024-06-19"),
        (PartialDate(2024, 6), ["2024-06-10", "2024-06-17", "2024-05-30", "2023-06-20", "2024-07-01"], "2024-06-17"),
        (PartialDate(2024), ["2024-03-02", "2024-11-05", "2023-12-31"], "2024-11-05"),
        (PartialDate(2024, 6), ["2024-06", "2024", ""], None),
        (PartialDate(2024, 6), ["2024-05-30"], None),
        (PartialDate(2024, 6), ["2024", "2024-05-30", "2024-06-10"], "2024-06-10"),
        (None, ["2024-06-10"], None),
    ],
)
def test_day_anchor(reference, values, anchor):
    mentions = [Mention("DATE", v, 0, 1, v) for v in values]
    mentions.append(Mention("COUNT", "x", 0, 1, "2024-06-29"))
    mentions.append(Mention("DATE", "samedi", 0, 1, "2024-06-29", extra={"weekday": 5}))
    found = _day_anchor(mentions, reference)
    assert (found.isoformat() if found else None) == anchor


def test_resolve_weekdays_from_a_dateline():
    """Without the document's day, the latest full date of its month dates the weekdays."""
    mentions = [Mention("DATE", "vendredi 17/03/2023", 0, 19, "2023-03-17"), weekday("jeudi", 3)]
    resolved = resolve_weekdays(mentions, PartialDate(2023, 3), exact=False)
    assert [m.value for m in resolved] == ["2023-03-17", "2023-03-16"]
