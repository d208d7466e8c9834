"""Subcommands of the `lumor-redact` command line, one module each."""
