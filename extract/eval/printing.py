"""What `extract eval` prints: score tables and error lists."""

from __future__ import annotations

from extract.eval.docgold import LABELS, MICRO_LABELS, DocumentReport
from extract.eval.evaluate import Report, Score


def print_scores(report: Report) -> None:
    """P/R/F1 per label, by value and by span, and the micro average."""
    print(
        f"{'label':<10} {'value P':>8} {'R':>6} {'F1':>6}   {'span P':>7} {'R':>6} {'F1':>6}   {'tp/fp/fn (value)':>16}"
    )
    labels = sorted(set(report.by_value) | set(report.by_span))
    rows = [(label, report.by_value.get(label), report.by_span.get(label)) for label in labels]
    rows.append(("ALL", report.micro(report.by_value), report.micro(report.by_span)))
    for label, value, span in rows:
        v = value or Score()
        s = span or Score()
        print(
            f"{label:<10} {v.precision:>8.3f} {v.recall:>6.3f} {v.f1:>6.3f}   {s.precision:>7.3f} {s.recall:>6.3f} {s.f1:>6.3f}"
            f"   {f'{v.tp}/{v.fp}/{v.fn}':>16}"
        )


def print_deal_scores(report: Report) -> None:
    """Deal row scores and field accuracy on matched rows."""
    assert report.deals is not None
    rows = report.deals.rows
    print(
        f"\ndeals      P {rows.precision:.3f}  R {rows.recall:.3f}  F1 {rows.f1:.3f}   tp/fp/fn {rows.tp}/{rows.fp}/{rows.fn}"
    )
    accuracy = "  ".join(f"{name} {ok / total:.3f}" for name, (ok, total) in report.deals.fields.items() if total)
    print(f"field accuracy on matched rows: {accuracy}")


def print_errors(report: Report) -> None:
    """Every miss and false alarm, with its sentence."""
    for label in sorted({e.label for e in report.errors}):
        print(f"\n== {label}")
        for e in (e for e in report.errors if e.label == label):
            tag = "missed" if e.kind == "fn" else "false alarm"
            print(
                f"  [{tag}] {e.doc_id} @{e.start} '{e.text}'  expected: {e.expected or '-'}  found: {e.found or '-'}  {e.rule_id}"
            )
            print(f"      {e.sentence[:200]}")
    if report.deals and report.deals.errors:
        print("\n== DEALS")
        for error in report.deals.errors:
            details = "  ".join(f"{k}: {v}" for k, v in error.items() if k not in ("kind", "doc_id", "deal"))
            print(f"  [{error['kind']}] {error['doc_id']} {error['deal']}  {details}")


def print_document_report(report: DocumentReport, errors: bool) -> None:
    """Document-level tallies per label and for deals; with `errors`, every mismatch."""
    print(f"{'label':<8} {'tp':>5} {'fp':>5} {'fn':>5} {'P':>6} {'R':>6} {'F1':>6}")
    rows = [*report.labels.items(), ("micro", report.micro)]
    for label, tally in rows:
        print(
            f"{label:<8} {tally.tp:>5} {tally.fp:>5} {tally.fn:>5} "
            f"{tally.precision:>6.3f} {tally.recall:>6.3f} {tally.f1:>6.3f}"
        )
    d = report.deals
    print(f"deals    {d.tp:>5} {d.fp:>5} {d.fn:>5} {d.precision:>6.3f} {d.recall:>6.3f} {d.f1:>6.3f}")
    accuracy = "  ".join(f"{name} {value:.3f}" for name, value in report.field_accuracy().items() if value is not None)
    print(f"deal fields on matched rows: {accuracy}")
    print(f"documents: {report.documents}; DATE mentions left without a value (not scored): {report.unresolved_dates}")
    print(f"micro = {', '.join(MICRO_LABELS)}; ORG apart")
    if errors:
        for label in (*LABELS, "DEAL"):
            listed = [e for e in report.errors if e["label"] == label]
            if listed:
                print(f"\n== {label}")
            for e in listed:
                if e["kind"].startswith("field:"):
                    print(
                        f"  [{e['kind']}] {e['doc_id']} {e.get('deal', '')}  expected {e['expected']!r}  found {e['found']!r}"
                    )
                else:
                    print(f"  [{e['kind']}] {e['doc_id']} {e.get('expected') if e['kind'] == 'fn' else e.get('found')}")
