r"""One typed configuration object for the redactor, loadable from a TOML file.

Everything has a sensible default: `RedactorConfig()` turns on every entity type and every
registered detector with type-tag masking. A TOML file overrides what it names:

    entities = ["CREDIT_CARD", "PHONE_NUMBER"]   # omit for all
    disable_detectors = ["ner"]                   # rules-only fast path
    threshold = 0.5

    [thresholds]
    PERSON = 0.6

    [policies]                                    # tag | char | last4 | pseudonym | hash
    default = "tag"
    CREDIT_CARD = "last4"

    [context]                                     # extra context words per entity type
    AU_TFN = ["tax number"]

    allow = ["bright smiles dental"]              # never masked (case-insensitive)
    [deny]                                        # always masked, as this type
    PERSON = ["papadopoulos"]

    [[rules]]                                     # custom regex rules
    name = "member_id"
    label = "MEMBER_ID"
    pattern = '\bm\d{7}\b'
    score = 0.9
    validator = "luhn"                            # optional: luhn | none
    context = ["member"]
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Mapping

from lumor_redact.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

MASK_KINDS = ("tag", "char", "last4", "pseudonym", "hash")
VALIDATORS = ("none", "luhn")


@dataclass(frozen=True, slots=True)
class MaskPolicy:
    """How one entity type is masked.

    tag: "[CREDIT_CARD]"; char: every non-space character replaced by `char`; last4: all
    but the last four digits replaced (cards, phones); pseudonym: "[PERSON_1]", the same value
    getting the same number within one call; hash: "[PERSON:3f2a9c1b]", a keyed HMAC so the
    same value hashes alike across calls without being recoverable.
    """

    kind: str = "tag"
    char: str = "*"

    def __post_init__(self) -> None:
        if self.kind not in MASK_KINDS:
            raise ConfigError(f"mask policy {self.kind!r} is unknown; use one of {', '.join(MASK_KINDS)}")
        if len(self.char) != 1:
            raise ConfigError("mask char must be exactly one character")


@dataclass(frozen=True, slots=True)
class CustomRule:
    """A user's regex rule: matched case-insensitively on the canonical view."""

    name: str
    label: str
    pattern: str
    score: float = 0.85
    validator: str = "none"
    context: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        import regex

        if not self.name or not self.label:
            raise ConfigError("a custom rule needs a non-empty 'name' and 'label'")
        if self.validator not in VALIDATORS:
            raise ConfigError(f"rule {self.name!r}: validator {self.validator!r} is unknown; use one of {', '.join(VALIDATORS)}")
        if not 0.0 <= self.score <= 1.0:
            raise ConfigError(f"rule {self.name!r}: score must be between 0 and 1")
        try:
            regex.compile(self.pattern)
        except regex.error as exc:
            raise ConfigError(f"rule {self.name!r}: pattern does not compile ({exc.msg} at {exc.pos})") from None


@dataclass(frozen=True, slots=True)
class RedactorConfig:
    """What the redactor finds and how it masks. Immutable; build variants with `replace`."""

    entities: frozenset[str] | None = None
    disable_detectors: frozenset[str] = frozenset()
    threshold: float = 0.5
    thresholds: Mapping[str, float] = field(default_factory=dict)
    default_policy: MaskPolicy = MaskPolicy()
    policies: Mapping[str, MaskPolicy] = field(default_factory=dict)
    hash_key: bytes = b""
    context: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    allow: tuple[str, ...] = ()
    deny: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    rules: tuple[CustomRule, ...] = ()
    detector_timeout_s: float = 0.5
    max_input_chars: int = 5_000_000

    def __post_init__(self) -> None:
        if not 0.0 <= self.threshold <= 1.0:
            raise ConfigError("threshold must be between 0 and 1")
        for label, t in self.thresholds.items():
            if not isinstance(t, (int, float)) or not 0.0 <= t <= 1.0:
                raise ConfigError(f"thresholds.{label} must be a number between 0 and 1")
        if self.max_input_chars <= 0:
            raise ConfigError("max_input_chars must be positive")

    def policy_for(self, label: str) -> MaskPolicy:
        return self.policies.get(label, self.default_policy)

    def threshold_for(self, label: str) -> float:
        return self.thresholds.get(label, self.threshold)

    def wants(self, label: str) -> bool:
        return self.entities is None or label in self.entities

    def with_(self, **changes: Any) -> "RedactorConfig":
        return replace(self, **changes)

    @classmethod
    def from_toml(cls, path: str | os.PathLike[str]) -> "RedactorConfig":
        p = Path(path)
        try:
            data = tomllib.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"config file {str(p)!r} does not exist") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"config file {str(p)!r} is not valid TOML: {exc}") from None
        return cls.from_mapping(data)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> "RedactorConfig":
        known = {"entities", "disable_detectors", "threshold", "thresholds", "policies", "hash_key_env",
                 "context", "allow", "deny", "rules", "detector_timeout_s", "max_input_chars", "mask_char"}
        unknown = set(data) - known
        if unknown:
            raise ConfigError(f"unknown config keys: {', '.join(sorted(unknown))}; known: {', '.join(sorted(known))}")
        kw: dict[str, Any] = {}
        if "entities" in data:
            kw["entities"] = frozenset(_str_list(data["entities"], "entities"))
        if "disable_detectors" in data:
            kw["disable_detectors"] = frozenset(_str_list(data["disable_detectors"], "disable_detectors"))
        for key in ("threshold", "detector_timeout_s"):
            if key in data:
                if not isinstance(data[key], (int, float)):
                    raise ConfigError(f"{key} must be a number")
                kw[key] = float(data[key])
        if "max_input_chars" in data:
            if not isinstance(data["max_input_chars"], int):
                raise ConfigError("max_input_chars must be an integer")
            kw["max_input_chars"] = data["max_input_chars"]
        if "thresholds" in data:
            kw["thresholds"] = dict(_table(data["thresholds"], "thresholds"))
        char = data.get("mask_char", "*")
        if not isinstance(char, str):
            raise ConfigError("mask_char must be a one-character string")
        pol = dict(_table(data.get("policies", {}), "policies"))
        for label, kind in pol.items():
            if not isinstance(kind, str):
                raise ConfigError(f"policies.{label} must be a string")
        kw["default_policy"] = MaskPolicy(pol.pop("default", "tag"), char)
        kw["policies"] = {label: MaskPolicy(kind, char) for label, kind in pol.items()}
        if "hash_key_env" in data:
            env = data["hash_key_env"]
            if not isinstance(env, str) or env not in os.environ:
                raise ConfigError(f"hash_key_env names environment variable {env!r}, which is not set")
            kw["hash_key"] = os.environ[env].encode()
        if "context" in data:
            kw["context"] = {k: tuple(_str_list(v, f"context.{k}")) for k, v in _table(data["context"], "context").items()}
        if "allow" in data:
            kw["allow"] = tuple(_str_list(data["allow"], "allow"))
        if "deny" in data:
            kw["deny"] = {k: tuple(_str_list(v, f"deny.{k}")) for k, v in _table(data["deny"], "deny").items()}
        if "rules" in data:
            rules = data["rules"]
            if not isinstance(rules, list):
                raise ConfigError("rules must be an array of tables ([[rules]])")
            built = []
            for i, r in enumerate(rules):
                if not isinstance(r, dict):
                    raise ConfigError(f"rules[{i}] must be a table")
                extra = set(r) - {f.name for f in fields(CustomRule)}
                if extra:
                    raise ConfigError(f"rules[{i}] has unknown keys: {', '.join(sorted(extra))}")
                if "context" in r:
                    r = {**r, "context": tuple(_str_list(r["context"], f"rules[{i}].context"))}
                try:
                    built.append(CustomRule(**r))
                except TypeError as exc:
                    raise ConfigError(f"rules[{i}]: {exc}") from None
            kw["rules"] = tuple(built)
        return cls(**kw)


def _str_list(value: Any, key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{key} must be a list of strings")
    return value


def _table(value: Any, key: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{key} must be a table")
    return value
