"""`lumor-redact redact [FILE|-] [--json]`: mask a transcript and print it."""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("redact", help="mask one transcript (file or stdin)")
    p.add_argument("file", nargs="?", default="-", help="text file, or - for stdin (default)")
    p.add_argument("--json", action="store_true", help="print the masked text and the entities as JSON")
    from lumor_redact.cli import add_config_option

    add_config_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from lumor_redact.cli import redactor_from_args
    from lumor_redact.errors import InputError

    if args.file == "-":
        data = sys.stdin.buffer.read()
    else:
        try:
            with open(args.file, "rb") as f:
                data = f.read()
        except OSError as exc:
            raise InputError(f"cannot read {args.file!r}: {exc.strerror}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"input is not valid UTF-8 (byte {exc.start})") from None
    res = redactor_from_args(args).redact(text)
    if args.json:
        json.dump({"text": res.text, "entities": [asdict(e) for e in res.entities], "errors": list(res.errors)},
                  sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(res.text)
        if not res.text.endswith("\n"):
            sys.stdout.write("\n")
    return 0
