"""Text views: the original transcript and its canonical (spoken forms written out) view."""
from lumor_redact.text.view import TextView
from lumor_redact.text.normalize import SpokenFormNormalizer, normalize

__all__ = ["TextView", "SpokenFormNormalizer", "normalize"]
