#!/usr/bin/env python3
"""Agreement with presidio-analyzer's own recognizer test cases, for the types both libraries have.

    .venv/bin/python scripts/presidio_vectors.py [VECTORS.jsonl] [--rules-only] [--engine lumor|presidio] [--json]

VECTORS defaults to ../shared/data/external/presidio_analyzer_test_vectors.jsonl beside the repo.
Each record is one parametrised case of presidio's tests; `meta.annotated_labels` names the
types it checks. A (record, type) case is *right* when we find every expected span of that type
(overlap rule of the official scorer) and raise no other span of it, or, where presidio expects
nothing, when we report nothing of that type. Cases marked `meta.conflict` (the same text with
different expectations under another presidio parameter, e.g. phone leniency) are skipped.

Prints agreement per type and overall (target >= 95%), then every disagreement grouped by the
presidio test it comes from and by what we did (missed / extra span / false alarm), with the
text (public test data) and our spans. `--engine presidio` scores presidio's own recognizers
(AnalyzerEngine, no NLP) on the same cases: a check of the harness, which should be near 100%.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

SHARED_TYPES = ("CREDIT_CARD", "PHONE_NUMBER", "EMAIL_ADDRESS", "IP_ADDRESS", "URL", "IBAN_CODE",
                "AU_ABN", "AU_ACN", "AU_TFN", "AU_MEDICARE")
DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "external" / \
    "presidio_analyzer_test_vectors.jsonl"
TARGET = 0.95


def lumor_predict(rules_only: bool):
    from lumor_redact import Redactor, RedactorConfig, registered_detectors
    from lumor_redact.eval import redactor_predict

    cfg = RedactorConfig()
    if rules_only:
        cfg = cfg.with_(disable_detectors=frozenset(n for n, f in registered_detectors().items()
                                                    if getattr(f, "is_model", False)))
    return redactor_predict(Redactor(cfg)), "lumor_redact " + ("rules-only" if rules_only else "default pipeline")


def presidio_predict():
    from lumor_redact.eval import Span
    from lumor_redact.integrations import presidio as lp

    engine = lp.build_analyzer(lp.predefined_recognizers())

    def predict(text: str) -> list[Span]:
        return [Span(r.start, r.end, r.entity_type) for r in engine.analyze(text, language="en")]

    return predict, "presidio-analyzer predefined recognizers (no-op NLP)"


def main(argv: list[str] | None = None) -> int:
    from lumor_redact.eval import Scorer, evaluate, format_agreement, load_records

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("vectors", nargs="?", default=str(DEFAULT))
    ap.add_argument("--engine", choices=("lumor", "presidio"), default="lumor")
    ap.add_argument("--rules-only", action="store_true", help="lumor without model detectors")
    ap.add_argument("--types", default=",".join(SHARED_TYPES), help="comma list (default: the 10 shared types)")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    types = [t.strip() for t in a.types.split(",") if t.strip()]
    records = [r for r in load_records(a.vectors) if r.annotated_labels is not None]
    predict, name = presidio_predict() if a.engine == "presidio" else lumor_predict(a.rules_only)

    preds: dict[str, list] = {}

    def remember(text: str):
        p = list(predict(text))
        preds[text] = p
        return p

    res = evaluate(remember, records, Scorer(types, annotated=True))
    by_id = {r.id: r for r in records}
    groups: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for rid, label, kind in res.disagreements:
        rec = by_id[rid]
        gold = [g for g in rec.spans if g.label == label]
        ours = [p for p in preds.get(rec.text, [])]
        mine = [p for p in ours if p.label == label]
        if kind == "neg":
            what = "false alarm (presidio expects no span)"
        elif not mine:
            what = "missed" if not ours else "missed (we gave another label)"
        else:
            found = all(any(p.start < g.end and g.start < p.end for p in mine) for g in gold)
            what = "found, plus an extra span presidio does not expect" if found else "span misplaced / partial"
        test = rec.id.split(":")[2] if rec.id.count(":") >= 3 else rec.id
        groups[(label, test, what)].append({
            "id": rid, "text": rec.text,
            "expected": [(g.start, g.end, rec.text[g.start:g.end]) for g in gold],
            "ours": [(p.label, p.start, p.end, rec.text[p.start:p.end]) for p in ours],
        })
    total = res.micro_agreement()
    if a.json:
        print(json.dumps({"engine": name, "agreement": {l: v.as_dict() for l, v in sorted(res.agreement.items())},
                          "overall": total.as_dict(), "target": TARGET,
                          "skipped_conflicts": res.skipped_conflicts,
                          "disagreements": [{"label": l, "test": t, "what": w, "cases": c}
                                            for (l, t, w), c in sorted(groups.items())]}, indent=1))
        return 0
    print(f"engine: {name}\nvectors: {a.vectors}\n")
    print(format_agreement(res))
    verdict = "PASS" if total.rate >= TARGET else "FAIL"
    print(f"\n[{verdict}] overall agreement {total.rate:.3f} ({total.right}/{total.cases}); target >= {TARGET:.2f}")
    if groups:
        print(f"\ndisagreements ({len(res.disagreements)}), by type, presidio test and what we did:")
        for (label, test, what), cases in sorted(groups.items()):
            print(f"\n  {label} | {test} | {what} ({len(cases)})")
            for c in cases:
                exp = ", ".join(repr(t) for _, _, t in c["expected"]) or "-"
                ours = ", ".join(f"{l} {t!r}" for l, _, _, t in c["ours"]) or "-"
                print(f"    text={c['text']!r}\n      expected: {exp}\n      ours:     {ours}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
