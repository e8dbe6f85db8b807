"""Compare extraction with the gold samples: precision, recall and F1 per label.

Counted two ways: by normalized value per document (the facts a researcher keeps:
'this article names MAR, 524000000 USD') and by exact span (every occurrence, offsets).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from extract.eval.gold import GoldMention, Sample, load_samples
from extract.extractor import Extractor
from extract.io.tables import DEALS
from extract.labels import LABEL_SPECS, spec_of
from extract.mention import Mention

#: Labels scored by default; the others (REGION) only when the gold marks them.
SCORED_LABELS = tuple(name for name, spec in LABEL_SPECS.items() if spec.scored)


@dataclass
class Score:
    """True positives, false positives, false negatives, and the ratios."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    #: precision or recall when there is nothing to divide by (nothing found / nothing expected)
    EMPTY: ClassVar[float] = 1.0

    @property
    def precision(self) -> float:
        """tp / (tp + fp); EMPTY when nothing was found."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else self.EMPTY

    @property
    def recall(self) -> float:
        """tp / (tp + fn); EMPTY when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else self.EMPTY

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """Counts and ratios, rounded for reports."""
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Error:
    """One false positive or false negative, with what a researcher needs to fix it."""

    kind: str  # "fp" or "fn"
    doc_id: str
    label: str
    text: str
    start: int
    expected: str
    found: str
    sentence: str
    rule_id: str = ""

    def key(self) -> str:
        """Identity across reports, for --compare."""
        return f"{self.kind}|{self.doc_id}|{self.label}|{self.start}|{self.text}|{self.expected}|{self.found}"


@dataclass
class Report:
    """Scores per label, both ways, and every error."""

    by_value: dict[str, Score] = field(default_factory=dict)
    by_span: dict[str, Score] = field(default_factory=dict)
    errors: list[Error] = field(default_factory=list)
    documents: int = 0
    deals: DealScore | None = None

    def micro(self, scores: dict[str, Score]) -> Score:
        """All labels pooled."""
        total = Score()
        for score in scores.values():
            total.tp, total.fp, total.fn = total.tp + score.tp, total.fp + score.fp, total.fn + score.fn
        return total

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form of the report."""
        return {
            "documents": self.documents,
            "by_value": {label: s.as_dict() for label, s in sorted(self.by_value.items())},
            "by_span": {label: s.as_dict() for label, s in sorted(self.by_span.items())},
            "micro": {"by_value": self.micro(self.by_value).as_dict(), "by_span": self.micro(self.by_span).as_dict()},
            "errors": [e.__dict__ | {"key": e.key()} for e in self.errors],
            "deals": self.deals.as_dict() if self.deals else None,
        }


def value_key(label: str, value: str, unit: str) -> tuple[str, str, str]:
    """The fact a mention states, as scored by value: its unit only where the label's spec says it is part of it."""
    return (label, value, unit if spec_of(label).unit_in_fact else "")


def _sentence_of(text: str, start: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [i for i in (text.find(". ", start), text.find("\n", start)) if i != -1]
    right = min(right_candidates) if right_candidates else len(text)
    return " ".join(text[left + 1 : right + 1].split())


def score_document(sample: Sample, found: list[Mention], report: Report) -> None:
    """Add one document's comparison to `report`."""
    gold_spans = {(g.label, g.start, g.end): g for g in sample.gold}
    found_spans = {(m.label, m.start, m.end): m for m in found}
    for label in {k[0] for k in gold_spans} | {k[0] for k in found_spans}:
        report.by_span.setdefault(label, Score())
        report.by_value.setdefault(label, Score())
    for key, gold in gold_spans.items():
        mention = found_spans.get(key)
        if mention is not None:
            report.by_span[key[0]].tp += 1
        else:
            report.by_span[key[0]].fn += 1
            report.errors.append(_error("fn", sample, gold, found))
    for key, mention in found_spans.items():
        if key not in gold_spans:
            report.by_span[key[0]].fp += 1
            report.errors.append(
                Error(
                    "fp",
                    sample.doc_id,
                    mention.label,
                    mention.text,
                    mention.start,
                    _overlapping_gold(sample.gold, mention),
                    _show(mention.value, mention.unit),
                    mention.sentence,
                    mention.rule_id,
                )
            )
    gold_values = Counter({value_key(g.label, g.value, g.unit): 1 for g in sample.gold})
    found_values = Counter({value_key(m.label, m.value, m.unit): 1 for m in found})
    for fact in gold_values | found_values:
        score = report.by_value.setdefault(fact[0], Score())
        if fact in gold_values and fact in found_values:
            score.tp += 1
        elif fact in gold_values:
            score.fn += 1
        else:
            score.fp += 1
    report.documents += 1


def _show(value: str, unit: str) -> str:
    return f"{value} {unit}".strip()


def _overlapping_gold(gold: list[GoldMention], mention: Mention) -> str:
    overlapping = [g for g in gold if g.start < mention.end and mention.start < g.end]
    return "; ".join(f"{g.label} '{g.text}' {_show(g.value, g.unit)}".strip() for g in overlapping)


def _error(kind: str, sample: Sample, gold: GoldMention, found: list[Mention]) -> Error:
    overlapping = [m for m in found if m.start < gold.end and gold.start < m.end]
    found_text = "; ".join(f"{m.label} '{m.text}' {_show(m.value, m.unit)}".strip() for m in overlapping)
    return Error(
        kind,
        sample.doc_id,
        gold.label,
        gold.text,
        gold.start,
        _show(gold.value, gold.unit),
        found_text,
        _sentence_of(sample.text, gold.start),
    )


def evaluate(samples_dir: Path, extractor: Extractor) -> Report:
    """Run the extractor on every annotated sample and score it against the gold."""
    samples = load_samples(samples_dir)
    labels = set(SCORED_LABELS) | {g.label for s in samples for g in s.gold}
    report = Report()
    results = extractor.extract_texts((s.text, None) for s in samples)
    for sample, result in zip(samples, results, strict=True):
        score_document(sample, [m for m in result.mentions if m.label in labels], report)
        gold_deals = sample.text_path.with_suffix(".deals.csv")
        if gold_deals.exists():
            report.deals = report.deals or DealScore()
            found = [DEALS.text_row(d.as_row(sample.doc_id)) for d in result.deals]
            score_deals(sample.doc_id, read_gold_deals(gold_deals), found, report.deals)
    return report


def compare_reports(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """What changed between two JSON reports: F1 deltas per label, newly fixed and newly broken errors."""
    deltas: dict[str, dict[str, float]] = {}
    for way in ("by_value", "by_span"):
        for label in sorted(set(old.get(way, {})) | set(new.get(way, {}))):
            before = old.get(way, {}).get(label, {}).get("f1", 0.0)
            after = new.get(way, {}).get(label, {}).get("f1", 0.0)
            deltas.setdefault(label, {})[way] = round(after - before, 4)
    old_keys = {e["key"]: e for e in old.get("errors", [])}
    new_keys = {e["key"]: e for e in new.get("errors", [])}
    return {
        "f1_delta": deltas,
        "fixed": [old_keys[k] for k in old_keys.keys() - new_keys.keys()],
        "broken": [new_keys[k] for k in new_keys.keys() - old_keys.keys()],
    }


def write_report(report: Report, folder: Path) -> tuple[Path, Path]:
    """eval_report.json and eval_report.csv (one row per label and way) in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    json_path, csv_path = folder / "eval_report.json", folder / "eval_report.csv"
    json_path.write_text(json.dumps(report.as_dict(), ensure_ascii=False, indent=2), encoding="utf-8")
    lines = ["way,label,tp,fp,fn,precision,recall,f1"]
    for way, scores in (("value", report.by_value), ("span", report.by_span)):
        for label, score in [*sorted(scores.items()), ("ALL", report.micro(scores))]:
            d = score.as_dict()
            lines.append(f"{way},{label},{d['tp']},{d['fp']},{d['fn']},{d['precision']},{d['recall']},{d['f1']}")
    csv_path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return json_path, csv_path


# --- deals ---------------------------------------------------------------------------

DEAL_FIELDS = ("supplier", "quantity", "value", "status", "hedged", "date")


@dataclass
class DealScore:
    """Row precision/recall (rows match on system and recipient) and per-field accuracy."""

    rows: Score = field(default_factory=Score)
    fields: dict[str, list[int]] = field(default_factory=lambda: {f: [0, 0] for f in DEAL_FIELDS})
    errors: list[dict[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """Counts, ratios and field accuracies for reports."""
        return {
            "rows": self.rows.as_dict(),
            "field_accuracy": {f: round(ok / total, 4) if total else None for f, (ok, total) in self.fields.items()},
            "errors": self.errors,
        }


def read_gold_deals(path: Path) -> list[dict[str, str]]:
    """The rows of a NAME.deals.csv gold file."""
    import csv

    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def _deal_value(row: dict[str, str]) -> str:
    return f"{row.get('value', '')} {row.get('currency', '')}".strip()


def score_deals(doc_id: str, gold: list[dict[str, str]], found: list[dict[str, str]], score: DealScore) -> None:
    """Match found rows to gold rows on (system, recipient) and compare their fields."""
    unmatched = list(found)
    for expected in gold:
        match = next(
            (f for f in unmatched if f["system"] == expected["system"] and f["recipient"] == expected["recipient"]),
            None,
        )
        if match is None:
            score.rows.fn += 1
            score.errors.append(
                {
                    "kind": "fn",
                    "doc_id": doc_id,
                    "deal": f"{expected['supplier']}->{expected['recipient']} {expected['system'] or '(no system)'}",
                }
            )
            continue
        unmatched.remove(match)
        score.rows.tp += 1
        for name in DEAL_FIELDS:
            want = _deal_value(expected) if name == "value" else expected.get(name, "")
            got = _deal_value(match) if name == "value" else str(match.get(name, ""))
            score.fields[name][1] += 1
            if want == got:
                score.fields[name][0] += 1
            else:
                score.errors.append(
                    {
                        "kind": f"field:{name}",
                        "doc_id": doc_id,
                        "deal": f"{expected['supplier']}->{expected['recipient']} {expected['system']}",
                        "expected": want,
                        "found": got,
                    }
                )
    for extra in unmatched:
        score.rows.fp += 1
        score.errors.append(
            {
                "kind": "fp",
                "doc_id": doc_id,
                "deal": f"{extra['supplier']}->{extra['recipient']} {extra['system']}",
                "evidence": str(extra.get("evidence", ""))[:160],
            }
        )
