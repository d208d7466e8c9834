"""Masking policies: turn resolved entities into released text.

Pseudonyms and hashes are keyed by the entity's *canonical* value (digits for a spoken number,
lowercased words), so "oh four one two …" and "0412 …" said later in the same call get the
same `[PHONE_NUMBER_1]`.
"""
from __future__ import annotations

import hashlib
import hmac
from collections import OrderedDict

from lumor_redact.config import MaskPolicy, RedactorConfig
from lumor_redact.entities import Candidate, Entity
from lumor_redact.errors import ConfigError
from lumor_redact.text.view import TextView


class PseudonymTable:
    """Per-call numbering of values for the pseudonym policy: `[PERSON_1]`, `[PERSON_2]` …

    Bounded: past `max_entries` values the least recently used is forgotten, so an hour-long
    call cannot grow it without limit (a forgotten value that comes back gets a new number).
    """

    def __init__(self, max_entries: int = 4096) -> None:
        self._ids: OrderedDict[tuple[str, str], int] = OrderedDict()
        self._next: dict[str, int] = {}
        self.max_entries = max_entries

    def number(self, label: str, value: str) -> int:
        key = (label, value)
        n = self._ids.get(key)
        if n is None:
            n = self._next.get(label, 0) + 1
            self._next[label] = n
            self._ids[key] = n
            if len(self._ids) > self.max_entries:
                self._ids.popitem(last=False)
        else:
            self._ids.move_to_end(key)
        return n

    def __len__(self) -> int:
        return len(self._ids)

    def __repr__(self) -> str:
        return f"PseudonymTable(entries={len(self._ids)})"


def canonical_value(view: TextView, start: int, end: int) -> str:
    """The value an entity stands for, in its canonical spelling (never logged)."""
    cs, ce = view.to_canonical(start, end)
    value = view.canonical[cs:ce] if ce > cs else view.original[start:end].lower()
    if any(c.isdigit() for c in value):
        # numbers compare without their grouping: "0412 555 019" is "oh four one two five …"
        return "".join(c for c in value if c.isalnum() or c in "+@.")
    return " ".join(value.split())


class Masker:
    """Applies the configured policy per label."""

    def __init__(self, config: RedactorConfig) -> None:
        self.config = config
        uses_hash = config.default_policy.kind == "hash" or any(p.kind == "hash" for p in config.policies.values())
        if uses_hash and not config.hash_key:
            raise ConfigError("the 'hash' mask policy needs a key: set hash_key (or hash_key_env in TOML)")

    def replacement(self, c: Candidate, view: TextView, pseudonyms: PseudonymTable | None) -> str:
        policy: MaskPolicy = self.config.policy_for(c.label)
        kind = policy.kind
        if kind == "tag":
            return f"[{c.label}]"
        if kind == "char":
            return "".join(ch if ch.isspace() else policy.char for ch in view.original[c.start:c.end])
        value = canonical_value(view, c.start, c.end)
        if kind == "last4":
            digits = [ch for ch in value if ch.isdigit()]
            if len(digits) <= 4:
                return f"[{c.label}]"
            return policy.char * (len(digits) - 4) + "".join(digits[-4:])
        if kind == "pseudonym":
            table = pseudonyms if pseudonyms is not None else PseudonymTable()
            return f"[{c.label}_{table.number(c.label, value)}]"
        digest = hmac.new(self.config.hash_key, f"{c.label}\x00{value}".encode(), hashlib.sha256).hexdigest()
        return f"[{c.label}:{digest[:10]}]"

    def apply(self, view: TextView, resolved: list[Candidate], pseudonyms: PseudonymTable | None = None
              ) -> tuple[str, list[Entity]]:
        text = view.original
        parts: list[str] = []
        entities: list[Entity] = []
        pos = 0
        out_len = 0
        for c in resolved:
            parts.append(text[pos:c.start])
            out_len += c.start - pos
            rep = self.replacement(c, view, pseudonyms)
            parts.append(rep)
            entities.append(Entity(c.label, c.start, c.end, c.score, c.detector, out_len, out_len + len(rep)))
            out_len += len(rep)
            pos = c.end
        parts.append(text[pos:])
        return "".join(parts), entities
