"""`lumor-redact eval DATA.jsonl`: score the redactor on a labelled set, per label.

Prints precision/recall/F1 for exact and overlap matching (overlap = the official scorer's rule),
then the misses, false alarms and partial matches as `record-id label start:end`. Span text is
printed only with `--show-text`: evaluation data may be real calls.

Records with `meta.annotated_labels` (a peer's test suite, e.g. presidio-analyzer's vectors) are
scored on those labels only, and agreement per (record, label) case is reported too.
"""
from __future__ import annotations

import argparse
import json
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("eval", help="score the redactor on a labelled JSONL set",
                       description="Score the redactor on JSONL records {id, text, spans:[{start,end,label}]}.")
    p.add_argument("data", help="labelled JSONL file")
    p.add_argument("--labels", metavar="L1,L2", default="", help="score only these labels")
    p.add_argument("--json", action="store_true", help="print the scores and findings as JSON")
    p.add_argument("--show-text", action="store_true",
                   help="print the text of each miss/false alarm (off by default: the data may be real)")
    p.add_argument("--limit", type=int, default=50, metavar="N",
                   help="list at most N findings of each kind (default 50; 0 for none, -1 for all)")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--annotated-only", action="store_true",
                   help="score only records with meta.annotated_labels, on those labels (automatic per record "
                        "when present)")
    g.add_argument("--all-labels", action="store_true",
                   help="ignore meta.annotated_labels and score every label of every record")
    p.add_argument("--include-conflicts", action="store_true",
                   help="also score peer cases marked meta.conflict (skipped by default)")
    from lumor_redact.cli import add_config_option

    add_config_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from lumor_redact.eval import Scorer, evaluate, load_records, producible_labels, redactor_predict, write_report

    records = load_records(args.data)
    if args.annotated_only:
        records = [r for r in records if r.annotated_labels is not None]
    labels = [l.strip() for l in args.labels.split(",") if l.strip()] or None
    redactor = build_redactor(args.config, rules_only=args.rules_only)
    scorer = Scorer(labels, annotated=not args.all_labels, producible=producible_labels(redactor),
                    skip_conflicts=not args.include_conflicts)
    res = evaluate(redactor_predict(redactor), records, scorer)
    limit = None if args.limit < 0 else args.limit
    if args.json:
        out = res.as_dict()
        if limit is not None:
            out["findings"] = _limited(out["findings"], limit)
        if args.show_text:
            by_id = {r.id: r for r in records}
            for f in out["findings"]:
                rec = by_id.get(f["id"])
                if rec is not None:
                    f["text"] = rec.text[f["start"]:f["end"]]
                    f["pred_text"] = [rec.text[s:e] for s, e in f["pred"]]
        json.dump(out, sys.stdout, indent=1)
        sys.stdout.write("\n")
    else:
        write_report(res, sys.stdout, records={r.id: r for r in records} if args.show_text else None,
                     show_text=args.show_text, limit=limit)
    return 0


def build_redactor(config_path: str | None, *, rules_only: bool = False):
    """The redactor of `--config`; `--rules-only` switches off every model-backed detector.

    Model detectors are found by their `is_model` flag rather than by the name "ner", so the
    option works whether or not a model detector is installed (naming an absent detector in
    `disable_detectors` is a ConfigError).
    """
    from lumor_redact import Redactor, RedactorConfig
    from lumor_redact.cli import rules_only as without_models

    config = RedactorConfig.from_toml(config_path) if config_path else RedactorConfig()
    return Redactor(without_models(config) if rules_only else config)


def _limited(findings: list[dict], limit: int) -> list[dict]:
    seen: dict[str, int] = {}
    out = []
    for f in findings:
        n = seen.get(f["kind"], 0)
        if n < limit:
            out.append(f)
        seen[f["kind"]] = n + 1
    return out
