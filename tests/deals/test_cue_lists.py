"""Each deal component reads its own cue lists of rules/deals/ (role_phrases.csv by kind,
armed_forces.csv, clause_openers.csv, future_*.csv, elaborations.csv, military nouns)."""

from __future__ import annotations

from extract.deals.actors import ARTICLES
from extract.deals.cues import find_cues
from extract.deals.elaboration import Elaborations
from extract.deals.roles import RoleFinder
from extract.deals.stages import StageReader
from extract.deals.standins import StandIns
from tests.deals.conftest import words


def _kinds(index, text: str) -> list[str]:
    folded = words(text)
    return [hit.cue.kind for hit in find_cues(folded, index, 0, len(folded))]


def test_the_role_finder_reads_role_phrases_by_kind(rules):
    finder = RoleFinder(rules)
    assert finder.recipient_words == {"a", "au", "aux"}
    assert finder.beneficiary_words == {"vers", "pour"}
    assert finder.recipient_after_outward == {"en"}
    assert {"presse", "journal", "radio"} <= finder.source_words and "a" not in finder.source_words
    assert finder.group_determiners[: len(ARTICLES)] == ARTICLES
    assert {"plusieurs", "leurs", "de"} <= set(finder.group_determiners) and "pays" not in finder.group_determiners
    assert _kinds(finder.supplier_phrases, "de la part des x aupres de") == ["supplier", "supplier"]
    assert _kinds(finder.opponent_words, "par x contre face a") == ["not_a_party"] * 3
    assert _kinds(finder.counterparties, "des negociations avec") == ["counterparty"]
    assert _kinds(finder.final_recipients, "destines a") == ["final_recipient"]
    assert _kinds(finder.groups, "pays allies") == ["group", "group"]
    assert _kinds(finder.appositions, "dont ( tels que") == ["apposition"] * 3
    assert _kinds(finder.partners, "en collaboration avec") == ["partner"]
    assert _kinds(finder.forces, "forces armees") != []
    assert _kinds(finder.clause_openers, "tandis que") == ["clause"]
    assert finder.list_words == rules.list_words
    # and no phrase of another kind
    assert _kinds(finder.supplier_phrases, "a au vers en par pays dont") == []
    assert _kinds(finder.partners, "des negociations avec destines a") == []


def test_the_stage_reader_reads_its_future_lists(rules):
    reader = StageReader(rules)
    assert _kinds(reader.future, "prevue va doit pourrait") == ["future"] * 4
    assert reader.future_stages == {"delivered": "ordered", "ordered": "negotiating"}


def test_elaborations_read_their_cues(rules):
    stages, finder = StageReader(rules), RoleFinder(rules)
    elaborations = Elaborations(rules, stages, finder)
    assert _kinds(elaborations.cues, "il s' agit parmi eux") == ["elaboration"] * 2
    assert (elaborations.stages, elaborations.roles) == (stages, finder)


def test_stand_ins_read_the_military_nouns(rules):
    stand_ins = StandIns(rules)
    assert stand_ins.noun_lemmas["obusiers"] == "obusier"
    assert stand_ins.noun_lemmas["vehicules blindes"] == "véhicule blindé"
    assert stand_ins.noun_categories["obusier"] == "artillery"
    assert stand_ins.anaphors is rules.anaphors
