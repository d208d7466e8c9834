"""`lumor-redact batch INPUT... -o OUTPUT`: redact stored transcripts in bulk.

    lumor-redact batch calls.jsonl -o out/calls.jsonl              # JSONL, field "text"
    lumor-redact batch calls.jsonl --field 'turns[].text' -o out/  # per-utterance lists
    lumor-redact batch recordings/ -o out/                         # a directory: txt, vtt, srt, json
    lumor-redact batch calls.jsonl -o out/ --resume                # finish an interrupted run
    lumor-redact batch --sample -o out/                            # built-in synthetic sample
    lumor-redact batch calls.jsonl -o out/ --engine ray            # on a Ray cluster (pip install lumor-redact[ray])

Exit status: 0 all records redacted, 1 some records failed (see the errors sidecar),
2 the run could not start or stopped (bad option, unreadable input), 130 interrupted (resumable).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

FORMAT_CHOICES = ("auto", "jsonl", "txt", "txt-lines", "vtt", "srt", "stt-json", "deepgram", "assemblyai", "aws")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("batch", help="redact stored transcripts in bulk (JSONL, text, VTT/SRT, STT JSON)",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="*", metavar="INPUT", help="files or directories to redact")
    p.add_argument("-o", "--output", required=True, metavar="OUTPUT",
                   help="output file (one input) or directory (several inputs, a directory, or a path ending in /)")
    p.add_argument("--format", default="auto", choices=FORMAT_CHOICES,
                   help="input format (default: from the extension; .json = Deepgram/AssemblyAI/AWS, detected)")
    p.add_argument("--field", dest="fields", action="append", metavar="PATH",
                   help="JSONL text field to mask, repeatable: text, meta.notes, 'turns[].text' (default: text)")
    p.add_argument("--id-field", default="id", metavar="NAME", help="JSONL field that identifies a record in the sidecars")
    p.add_argument("--include-values", action="store_true",
                   help="UNSAFE: write the raw entity values into the entities sidecar")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="worker processes (default: every core; 0 = in this process)")
    p.add_argument("--resume", action="store_true", help="finish a run that was interrupted or killed")
    p.add_argument("--error-placeholders", action="store_true",
                   help="a failed record of a line format leaves a placeholder line in the output "
                        "({\"id\": ..., \"_lumor_error\": why} or [REDACTION FAILED]), so output line N is input line N")
    p.add_argument("--restart", action="store_true", help="discard the state of an interrupted run and start over")
    p.add_argument("--engine", choices=("process", "ray"), default="process",
                   help="process pool on this machine (default) or Ray (local or a cluster)")
    p.add_argument("--ray-address", default=None, metavar="ADDR",
                   help="Ray cluster to join (default: RAY_ADDRESS, else a local Ray)")
    p.add_argument("--sample", action="store_true",
                   help="generate the built-in synthetic sample into OUTPUT/sample-input and redact it")
    p.add_argument("--chunk-records", type=int, default=None, metavar="N", help="records per work unit (default 64)")
    bar = p.add_mutually_exclusive_group()
    bar.add_argument("--progress", dest="progress", action="store_true", default=None,
                     help="show the progress bar even when stderr is not a terminal")
    bar.add_argument("--no-progress", dest="progress", action="store_false", help="never show the progress bar")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    p.add_argument("--summary-json", action="store_true", help="print the summary as JSON on stdout")
    from lumor_redact.cli import add_config_option

    add_config_option(p)
    p.set_defaults(func=run)


def _redactor(args: argparse.Namespace):
    """The Redactor for an in-process run (--workers 0), built as `lumor-redact redact` builds it."""
    from lumor_redact.cli import redactor_from_args

    return redactor_from_args(args)


def _config(args: argparse.Namespace):
    """The configuration the workers build their Redactor from (the parent loads no model:
    a worker that cannot build it, e.g. a missing model, fails the run with the same error)."""
    from lumor_redact import RedactorConfig
    from lumor_redact.cli import rules_only

    config = RedactorConfig.from_toml(args.config) if args.config else RedactorConfig()
    return rules_only(config) if args.rules_only else config


def run(args: argparse.Namespace) -> int:
    from lumor_redact.batch.runner import DEFAULT_CHUNK_RECORDS, BatchInterrupted, run_batch
    from lumor_redact.errors import InputError

    inputs = list(args.inputs)
    if args.sample:
        if inputs:
            raise InputError("--sample generates its own input: give no INPUT with it")
        from lumor_redact.batch.sample import write_sample

        sample_dir = Path(args.output) / "sample-input"
        write_sample(sample_dir)
        inputs = [str(sample_dir)]
        if not args.quiet:
            print(f"sample: wrote synthetic calls to {sample_dir}", file=sys.stderr)
    if not inputs:
        raise InputError("no INPUT given (or use --sample)")
    if args.resume and args.restart:
        raise InputError("--resume and --restart exclude each other")
    redactor = _redactor(args) if args.workers == 0 else None
    config = redactor.config if redactor is not None else _config(args)
    progress = False if args.quiet else args.progress
    fields = tuple(args.fields or ("text",))
    chunk = args.chunk_records or DEFAULT_CHUNK_RECORDS
    try:
        if args.engine == "ray":
            from lumor_redact.batch.ray_engine import run_ray

            summary = run_ray(inputs, args.output, config=config, workers=args.workers, fmt=args.format,
                              fields=fields, id_field=args.id_field, include_values=args.include_values,
                              address=args.ray_address, progress=progress, chunk_records=chunk,
                              resume=args.resume, restart=args.restart, placeholders=args.error_placeholders)
        else:
            workers = args.workers
            summary = run_batch(inputs, args.output, config=config, workers=workers, fmt=args.format,
                                fields=fields, id_field=args.id_field, include_values=args.include_values,
                                resume=args.resume, restart=args.restart, progress=progress, chunk_records=chunk,
                                redactor=redactor, placeholders=args.error_placeholders)
    except BatchInterrupted as exc:
        print(f"lumor-redact: {exc}", file=sys.stderr)
        return 130
    if not args.quiet:
        print(summary.format(), file=sys.stderr)
    if args.summary_json:
        json.dump(summary.to_dict(), sys.stdout, indent=2)
        sys.stdout.write("\n")
    return 1 if summary.failed else 0
