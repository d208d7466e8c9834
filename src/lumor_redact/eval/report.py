"""Plain-text reports of an `EvalResult`: the per-label table, agreement, and the findings.

Findings name the record, label and offsets only. The text of a span is printed only when the
caller passes the records and asks for it (`show_text`), because an evaluation set may hold
real calls and a report is easily pasted somewhere it should not go.
"""
from __future__ import annotations

from typing import Mapping, TextIO

from lumor_redact.eval.scoring import EvalResult, Finding, Record

__all__ = ["format_table", "format_agreement", "format_findings", "write_report"]

_KIND_TITLE = {"miss": "misses", "false_alarm": "false alarms", "partial": "partial (overlap, not exact)"}


def format_table(res: EvalResult) -> str:
    """Precision, recall and F1 per label under exact and overlap matching, with micro totals."""
    labels = [l for l in res.labels if l in res.overlap or l in res.exact]
    w = max([22] + [len(l) + 1 for l in labels])
    head = (f"{'label':{w}} {'exact P':>7} {'R':>6} {'F1':>6}  {'overlap P':>9} {'R':>6} {'F1':>6}"
            f" {'tp':>5} {'fn':>5} {'fp':>5}")
    lines = [head, "-" * len(head)]

    def row(name: str, ex, ov) -> str:
        return (f"{name:{w}} {ex.precision:7.3f} {ex.recall:6.3f} {ex.f1:6.3f}  {ov.precision:9.3f} {ov.recall:6.3f}"
                f" {ov.f1:6.3f} {ov.tp:5} {ov.fn:5} {ov.fp:5}")

    from lumor_redact.eval.scoring import Counts

    for l in labels:
        lines.append(row(l, res.exact.get(l, Counts()), res.overlap.get(l, Counts())))
    lines.append("-" * len(head))
    lines.append(row("micro", res.micro("exact"), res.micro("overlap")))
    return "\n".join(lines)


def format_agreement(res: EvalResult) -> str:
    """Agreement per label of a peer suite: share of (record, label) cases where we are right."""
    if not res.agreement:
        return ""
    w = max([22] + [len(l) + 1 for l in res.agreement])
    head = f"{'label':{w}} {'agree':>7} {'cases':>6} {'pos ok':>9} {'neg ok':>9}"
    lines = [head, "-" * len(head)]
    for l, a in sorted(res.agreement.items()):
        lines.append(f"{l:{w}} {a.rate:7.3f} {a.cases:6} {f'{a.pos_right}/{a.pos}':>9} {f'{a.neg_right}/{a.neg}':>9}")
    t = res.micro_agreement()
    lines.append("-" * len(head))
    lines.append(f"{'overall':{w}} {t.rate:7.3f} {t.cases:6} {f'{t.pos_right}/{t.pos}':>9} {f'{t.neg_right}/{t.neg}':>9}")
    notes = []
    if res.skipped_conflicts:
        notes.append(f"{res.skipped_conflicts} conflicting case(s) skipped (same text, other expectations under "
                     f"another peer parameter)")
    if res.skipped_unlabelled:
        notes.append(f"{res.skipped_unlabelled} record(s) skipped: none of their annotated labels is scored")
    return "\n".join(lines + notes)


def _snippet(text: str, s: int, e: int) -> str:
    return repr(text[max(0, s):min(len(text), e)])


def format_findings(res: EvalResult, *, records: Mapping[str, Record] | None = None, show_text: bool = False,
                    limit: int | None = 50, kinds: tuple[str, ...] = ("miss", "false_alarm", "partial")) -> str:
    """Misses, false alarms and partial matches as `id label start:end` lines (text on request)."""
    out: list[str] = []
    for kind in kinds:
        items: list[Finding] = [f for f in res.findings if f.kind == kind]
        if not items:
            continue
        out.append(f"{_KIND_TITLE[kind]} ({len(items)}):")
        for f in items[:limit] if limit is not None else items:
            line = f"  {f.record_id}  {f.label}  {f.start}:{f.end}"
            if f.pred:
                line += "  pred " + ",".join(f"{s}:{e}" for s, e in f.pred)
            if show_text and records is not None and f.record_id in records:
                text = records[f.record_id].text
                line += "  " + _snippet(text, f.start, f.end)
                if f.pred:
                    line += " pred " + " ".join(_snippet(text, s, e) for s, e in f.pred)
            out.append(line)
        if limit is not None and len(items) > limit:
            out.append(f"  ... {len(items) - limit} more (raise --limit)")
    if res.errors:
        out.append(f"errors ({len(res.errors)}):")
        out.extend(f"  {rid}  {err}" for rid, err in res.errors)
    return "\n".join(out)


def write_report(res: EvalResult, out: TextIO, *, records: Mapping[str, Record] | None = None,
                 show_text: bool = False, limit: int | None = 50) -> None:
    out.write(f"records scored: {res.records}\n\n")
    out.write(format_table(res) + "\n")
    ag = format_agreement(res)
    if ag:
        out.write("\nagreement with the peer's expectations, per (record, label) case:\n" + ag + "\n")
    fi = format_findings(res, records=records, show_text=show_text, limit=limit)
    if fi:
        out.write("\n" + fi + "\n")
