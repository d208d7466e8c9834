"""`lumor-redact`: the command line, a thin face over the library.

Each subcommand lives in `lumor_redact.commands.<name>` with `register(subparsers)`; this module
only assembles them, so commands stay independent of each other.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from typing import Sequence

COMMANDS = ("redact", "stream", "batch", "eval")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lumor-redact", description="Redact personal information from call transcripts.")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        try:
            mod = importlib.import_module(f"lumor_redact.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"lumor_redact.commands.{name}":
                continue
            raise
        mod.register(sub)
    return parser


def add_config_option(p: argparse.ArgumentParser) -> None:
    """The options every command that builds a Redactor shares."""
    p.add_argument("--config", metavar="TOML", help="redactor configuration file")
    p.add_argument("--rules-only", action="store_true", help="skip the NER model (fast path)")


def redactor_from_args(args: argparse.Namespace):
    from lumor_redact import Redactor, RedactorConfig

    config = RedactorConfig.from_toml(args.config) if getattr(args, "config", None) else RedactorConfig()
    if getattr(args, "rules_only", False):
        config = config.with_(disable_detectors=config.disable_detectors | {"ner"})
    return Redactor(config)


def main(argv: Sequence[str] | None = None) -> int:
    from lumor_redact.errors import RedactionError

    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except RedactionError as exc:
        print(f"lumor-redact: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
