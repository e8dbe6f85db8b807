"""Document-level evaluation: score against the facts each article states, not span markup.

Researchers often hold what an article reports (its countries, systems, amounts, deals) rather
than annotated spans. The gold is one JSON object per article (the format of
`../shared/realdev/README.md`):

    {"id": "dev-001", "doc_date": "2023-04", "COUNTRY": ["MAR", "USA"],
     "WEAPON": [["M142 HIMARS", "HIMARS"]], "MONEY": [[524200000, "USD"]], "COUNT": [[18, "M142 HIMARS"]],
     "RANGE": [[300, "km"]], "DATE": ["2023-04-11"], "ORG": ["DSCA"],
     "deals": [{"supplier": "USA", "recipient": "MAR", "system": ["M142 HIMARS"], "quantity": 18,
                "value": 524200000, "currency": "USD", "status": "approved"}]}

Matching follows that README (and its reference `score.py`): per document and label the gold
items are a set; COUNTRY by ISO3, WEAPON/ORG by value or text against any acceptable name
(case, spaces, hyphens, dots, apostrophes ignored), MONEY within 0.5 % in the same currency,
COUNT equal, RANGE within 1 %, DATE when one ISO string starts with the other (an empty DATE
is neither hit nor false alarm); an interval states both bounds. Deals match on recipient and
system (names compared singular), preferring the same supplier; then supplier, quantity,
value and status are compared on matched rows.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from extract.errors import InputError, Messages
from extract.eval.evaluate import Score
from extract.io.tables import DEALS

LABELS = ("COUNTRY", "WEAPON", "MONEY", "COUNT", "RANGE", "DATE", "ORG")
#: Labels pooled in the micro F1 (ORG is reported apart).
MICRO_LABELS = ("COUNTRY", "WEAPON", "MONEY", "COUNT", "RANGE", "DATE")
DEAL_FIELDS = ("supplier", "quantity", "value", "status")

Prediction = tuple[str, str, str]  # (text, value, unit)


@dataclass
class Tally(Score):
    """A Score as the reference scorer counts it: 0 (not 1) when there is nothing to divide by."""

    EMPTY: ClassVar[float] = 0.0

    def add(self, tp: int, fp: int, fn: int) -> None:
        """Count one more comparison."""
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    def as_dict(self) -> dict[str, float | int]:
        """Counts and ratios rounded as the reference scorer prints them."""
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
        }


@dataclass
class DocumentReport:
    """Per-label and deal scores over many documents, with every miss and false alarm."""

    labels: dict[str, Tally] = field(default_factory=lambda: {label: Tally() for label in LABELS})
    deals: Tally = field(default_factory=Tally)
    fields: dict[str, list[int]] = field(default_factory=lambda: {f: [0, 0] for f in DEAL_FIELDS})
    errors: list[dict[str, Any]] = field(default_factory=list)
    documents: int = 0
    unresolved_dates: int = 0

    @property
    def micro(self) -> Tally:
        """The labels of MICRO_LABELS pooled."""
        total = Tally()
        for label in MICRO_LABELS:
            total.add(self.labels[label].tp, self.labels[label].fp, self.labels[label].fn)
        return total

    def field_accuracy(self) -> dict[str, float | None]:
        """Share of matched deals whose field equals the gold's (fields the gold gives only)."""
        return {f: round(ok / n, 3) if n else None for f, (ok, n) in self.fields.items()}

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready report."""
        return {
            "documents": self.documents,
            "labels": {label: tally.as_dict() for label, tally in self.labels.items()},
            "micro": self.micro.as_dict(),
            "deals": self.deals.as_dict() | {"fields": self.field_accuracy()},
            "unresolved_dates": self.unresolved_dates,
            "errors": self.errors,
        }


def load_document_gold(path: Path) -> list[dict[str, Any]]:
    """The gold objects of a JSONL file; a bad line is an error naming the file and line."""
    documents = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise InputError(path, Messages.E025.format(error=error.strerror or error)) from error
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            document = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(path, Messages.E024.format(error=error.msg), number) from error
        if not isinstance(document, dict) or not document.get("id"):
            raise InputError(path, Messages.E024.format(error="a gold object needs an 'id'"), number)
        documents.append(document)
    return documents


def fold_name(text: Any) -> str:
    """Case, accents, spaces, hyphens, underscores, dots and apostrophes ignored: 'F-16' == 'f16'."""
    plain = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[\s\-_'’.]+", "", plain.casefold())


def system_key(name: Any) -> str:
    """A system name compared singular: 'véhicules blindés' == 'véhicule blindé'."""
    return fold_name(" ".join(re.sub(r"(?<=\w{3})[sx]$", "", word) for word in str(name).split()))


def _number(text: Any) -> float | None:
    try:
        return float(str(text).replace(",", ".").replace(" ", ""))
    except (TypeError, ValueError):
        return None


def matches(label: str, item: Any, prediction: Prediction) -> bool:
    """Whether a prediction states the gold item (see the module docstring)."""
    text, value, unit = prediction
    if label == "COUNTRY":
        return str(value).strip().upper() == item
    if label in ("WEAPON", "ORG"):
        names = {fold_name(name) for name in (item if isinstance(item, list) else [item])}
        return fold_name(value) in names or fold_name(text) in names
    if label == "DATE":
        return _dates_agree(str(value).strip(), item)
    number = _number(value)
    if number is None:
        return False
    if label == "MONEY":
        amount, currency = item
        return abs(number - amount) <= 0.005 * abs(amount) + 1e-9 and str(unit).upper() == currency
    if label == "COUNT":
        return abs(number - (item[0] if isinstance(item, list) else item)) < 1e-9
    if label == "RANGE":
        return abs(number - item[0]) <= 0.01 * abs(item[0]) + 1e-9
    return False


def _dates_agree(found: str, expected: str) -> bool:
    return bool(found) and (found.startswith(expected) or expected.startswith(found))


def score_label(label: str, items: list[Any], predictions: list[Prediction]) -> tuple[int, list[Any], list[Prediction]]:
    """(hits, missed gold items, false alarms) of one document and label.

    Repeated predictions of one fact count once; a prediction that states some gold item is
    never a false alarm, even when another prediction already took that item.
    """
    unique: dict[tuple[str, ...], Prediction] = {}
    for prediction in predictions:
        key = fold_name(prediction[1]) or fold_name(prediction[0])
        unique.setdefault((key,) if label in ("WEAPON", "ORG") else (key, str(prediction[2]).upper()), prediction)
    candidates = list(unique.values())
    used: set[int] = set()
    missed = []
    for item in items:
        hit = next((i for i, p in enumerate(candidates) if i not in used and matches(label, item, p)), None)
        if hit is None:
            missed.append(item)
        else:
            used.add(hit)
    alarms = [
        p for i, p in enumerate(candidates) if i not in used and not any(matches(label, item, p) for item in items)
    ]
    return len(used), missed, alarms


def mention_predictions(
    rows: Iterable[dict[str, Any]], report: DocumentReport | None = None
) -> dict[str, list[Prediction]]:
    """mentions.csv-like rows of one document -> predictions per label (an interval gives both bounds)."""
    by_label: dict[str, list[Prediction]] = {}
    for row in rows:
        label = str(row.get("label", "")).upper()
        value = str(row.get("value", "")).strip()
        if label == "DATE" and not value:
            if report is not None:
                report.unresolved_dates += 1
            continue
        text, unit = str(row.get("text", "")), str(row.get("unit", ""))
        by_label.setdefault(label, []).append((text, value, unit))
        lower = str(row.get("value_min", "") or "").strip()
        if label in ("MONEY", "COUNT", "RANGE") and lower and lower != value:
            by_label[label].append((text, lower, unit))
    return by_label


def score_document(
    gold: dict[str, Any], mentions: list[dict[str, Any]], deals: list[dict[str, Any]], report: DocumentReport
) -> None:
    """Add one document's comparison (rows as in mentions.csv and deals.csv) to `report`."""
    doc_id = str(gold["id"])
    predictions = mention_predictions(mentions, report)
    for label in LABELS:
        items = gold.get(label) or []
        if label == "ORG" and not items:
            continue  # the gold need not list organizations
        hits, missed, alarms = score_label(label, items, predictions.get(label, []))
        report.labels[label].add(hits, len(alarms), len(missed))
        report.errors.extend({"doc_id": doc_id, "label": label, "kind": "fn", "expected": item} for item in missed)
        report.errors.extend(
            {"doc_id": doc_id, "label": label, "kind": "fp", "found": {"text": t, "value": v, "unit": u}}
            for t, v, u in alarms
        )
    _score_deals(doc_id, gold.get("deals") or [], deals, report)
    report.documents += 1


def _score_deals(doc_id: str, gold: list[dict[str, Any]], found: list[dict[str, Any]], report: DocumentReport) -> None:
    used: set[int] = set()
    for deal in gold:
        names = {system_key(name) for name in deal["system"]}
        candidates = [
            i
            for i, row in enumerate(found)
            if i not in used
            and str(row.get("recipient", "")).upper() == deal["recipient"]
            and system_key(row.get("system", "")) in names
        ]
        candidates.sort(
            key=lambda i: str(found[i].get("supplier", "")).upper() != str(deal.get("supplier", "")).upper()
        )
        described = f"{deal.get('supplier', '')}->{deal['recipient']} {deal['system'][0]}"
        if not candidates:
            report.deals.fn += 1
            report.errors.append({"doc_id": doc_id, "label": "DEAL", "kind": "fn", "expected": described})
            continue
        used.add(candidates[0])
        report.deals.tp += 1
        row = found[candidates[0]]
        for name in DEAL_FIELDS:
            expected = deal.get(name)
            if expected is None:
                continue
            report.fields[name][1] += 1
            got = row.get(name, "")
            if name in ("quantity", "value"):
                number = _number(got)
                ok = number is not None and abs(number - expected) <= 0.005 * abs(expected) + 1e-9
            else:
                ok = str(got).strip().upper() == str(expected).upper()
            report.fields[name][0] += ok
            if not ok:
                report.errors.append(
                    {
                        "doc_id": doc_id,
                        "label": "DEAL",
                        "kind": f"field:{name}",
                        "expected": expected,
                        "found": got,
                        "deal": described,
                    }
                )
    for i, row in enumerate(found):
        if i not in used:
            report.deals.fp += 1
            report.errors.append(
                {
                    "doc_id": doc_id,
                    "label": "DEAL",
                    "kind": "fp",
                    "found": f"{row.get('supplier', '')}->{row.get('recipient', '')} {row.get('system', '')}",
                    "evidence": str(row.get("evidence", ""))[:160],
                }
            )


def evaluate_documents(gold_path: Path, texts_dir: Path, extractor: Any) -> tuple[DocumentReport, list[str]]:
    """Extract `texts_dir/<id>.txt` for every gold article and score it; also the ids without a text."""
    from extract.io.inputs import decode_text

    gold = load_document_gold(gold_path)
    present, missing = [], []
    for document in gold:
        path = texts_dir / f"{document['id']}.txt"
        if path.is_file():
            present.append((document, decode_text(path.read_bytes(), str(path))[0]))
        else:
            missing.append(str(document["id"]))
    report = DocumentReport()
    results = extractor.extract_texts((text, None) for _, text in present)
    for (document, _), result in zip(present, results, strict=True):
        doc_id = str(document["id"])
        mentions = [m.as_row(doc_id) for m in result.mentions]
        deals = [DEALS.text_row(d.as_row(doc_id)) for d in result.deals]
        score_document(document, mentions, deals, report)
    return report, missing
