"""Internet identifiers: email addresses, web addresses, IP addresses.

Spoken forms ("john dot smith at gmail dot com") are joined by the normalizer, so these rules
only see written forms. Domain suffixes are checked against the public-suffix list bundled
with tldextract (its snapshot, never a download).
"""
from __future__ import annotations

import ipaddress
from functools import lru_cache

import re

import regex

from lumor_redact.detect.base import Detector, register_detector
from lumor_redact.entities import Candidate
from lumor_redact.text.view import TextView

_TLD = r"(?:xn--[a-z0-9\-]{2,59}|[a-z]{2,24})"
_EMAIL = regex.compile(
    r"(?<![\w.%+\-])[a-z0-9_%+\-](?:[a-z0-9._%+\-]{0,63})@(?:[a-z0-9\-]+\.)+" + _TLD + r"(?![\w\-]|\.[a-z0-9])")
_URL = re.compile(
    r"(?<![\w@.\-/])(?:(?:https?|ftp)://[^\s<>\"]+|(?:www\.)?(?:[a-z0-9\-]+\.)+" + _TLD +
    r"(?![\w@\-])(?::\d{2,5})?(?:/[^\s<>\"]*)?)")
_IPV4 = regex.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?:/\d{1,2})?(?![\w]|\.\d)")
_IPV6 = regex.compile(r"(?<![\w:.])[0-9a-f:.]{2,45}(?:/\d{1,3})?(?![\w:])")
_TRAILING = ".,;:!?)]}'\""
# Cheap tests (one C scan each) before the real patterns run over the whole text.
_DOTTED = regex.compile(r"[a-z0-9\-]\.[a-z]")
_DOTTED_DIGITS = regex.compile(r"\d\.\d")


@lru_cache(maxsize=1)
def _suffixes():
    import tldextract

    # suffix_list_urls=() -> the snapshot shipped inside tldextract; cache_dir=None -> no disk cache
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=False)


# Without a scheme, a dotted word is a web address only under a common suffix: "www.microsoft"
# has a (brand) public suffix, but nobody says it as an address.
COMMON_GTLDS = frozenset({
    "com", "net", "org", "edu", "gov", "info", "biz", "io", "co", "app", "dev", "site", "online", "shop",
    "store", "xyz", "ai", "me", "tv", "cloud", "tech", "blog", "news", "health", "law", "agency", "email",
})


def has_public_suffix(host: str) -> bool:
    ext = _suffixes()(host)
    return bool(ext.suffix) and len(ext.domain) >= 2


def is_web_host(host: str) -> bool:
    ext = _suffixes()(host)
    if not ext.suffix or len(ext.domain) < 2:
        return False
    last = ext.suffix.rsplit(".", 1)[-1]
    return len(last) == 2 or last in COMMON_GTLDS


@register_detector("web")
class InternetIdentifierDetector(Detector):
    labels = frozenset({"EMAIL_ADDRESS", "URL", "IP_ADDRESS"})

    def __init__(self, config) -> None:  # noqa: ANN001
        super().__init__(config)
        _suffixes()  # load the suffix snapshot now, not on the first email of a live call

    def detect(self, view: TextView) -> list[Candidate]:
        canon = view.canonical
        out: list[Candidate] = []
        if "@" in canon and self.config.wants("EMAIL_ADDRESS"):
            for m in _EMAIL.finditer(canon):
                local, host = m.group().rsplit("@", 1)
                if has_public_suffix(host):
                    start = _digit_mailbox_start(canon, m.start()) if local.isdigit() else m.start()
                    out.append(self._cand("EMAIL_ADDRESS", view, start, m.end(), 0.95))
        emails = [(c.start, c.end) for c in out]
        if self.config.wants("URL") and ("://" in canon or self._dotted_outside(view, emails)):
            for m in _URL.finditer(canon):
                text = m.group()
                end = m.end()
                while text and text[-1] in _TRAILING:
                    text, end = text[:-1], end - 1
                schemed = "://" in text
                host = text.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
                if schemed or is_web_host(host):
                    score = 0.95 if schemed or text.startswith("www.") or "/" in text else 0.8
                    out.append(self._cand("URL", view, m.start(), end, score))
        if self.config.wants("IP_ADDRESS"):
            if _DOTTED_DIGITS.search(canon):
                for m in _IPV4.finditer(canon):
                    if _is_ip(m.group()):
                        out.append(self._cand("IP_ADDRESS", view, m.start(), m.end(), 0.9))
            if "::" in canon or canon.count(":") >= 3:
                for m in _IPV6.finditer(canon):
                    text = m.group().rstrip(".")
                    if text.count(":") >= 2 and _is_ip(text):
                        out.append(self._cand("IP_ADDRESS", view, m.start(), m.start() + len(text), 0.9))
        return out

    @staticmethod
    def _dotted_outside(view: TextView, emails: list[tuple[int, int]]) -> bool:
        """A dotted word that is not part of an email found already: only then scan for URLs."""
        for m in _DOTTED.finditer(view.canonical):
            s, _ = view.to_original(m.start(), m.end())
            if not any(a <= s < b for a, b in emails):
                return True
        return False

    def _cand(self, label: str, view: TextView, cs: int, ce: int, score: float) -> Candidate:
        s, e = view.to_original(cs, ce)
        return Candidate(label, s, e, score, self.name)


_PREV_WORD = regex.compile(r"([a-z][a-z'\-]+) $")
_EMAIL_EXTRA_STOP = frozenset({"email", "address", "e-mail", "mail", "gmail", "hotmail"})


def _digit_mailbox_start(canon: str, at: int) -> int:
    """Where a mailbox that is only digits really starts: "tanaka 92 at gmail dot com" is
    tanaka92@gmail.com said without a joiner, so the word before the digits belongs to it
    (unless it is a function word: "is 92 at …")."""
    from lumor_redact.detect.address import STOP

    m = _PREV_WORD.search(canon, max(0, at - 40), at)
    if m is None or m.group(1) in STOP or m.group(1) in _EMAIL_EXTRA_STOP:
        return at
    return m.start(1)


def _is_ip(text: str) -> bool:
    try:
        if "/" in text:
            ipaddress.ip_network(text, strict=False)
        else:
            ipaddress.ip_address(text)
        return True
    except ValueError:
        return False
