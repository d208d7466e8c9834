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
    p.add_argument("--rules-only", action="store_true", help="skip model detectors such as NER (fast path)")


def redactor_from_args(args: argparse.Namespace):
    from lumor_redact import Redactor, RedactorConfig

    config = RedactorConfig.from_toml(args.config) if getattr(args, "config", None) else RedactorConfig()
    if getattr(args, "rules_only", False):
        config = rules_only(config)
    return Redactor(config)


def rules_only(config):
    """`config` with every model-backed detector (the NER model) switched off."""
    from lumor_redact.detect import registered_detectors

    models = {name for name, factory in registered_detectors().items() if getattr(factory, "is_model", False)}
    return config.with_(disable_detectors=config.disable_detectors | models)


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
