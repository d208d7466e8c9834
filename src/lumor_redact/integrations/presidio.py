"""presidio-analyzer interoperability, both ways.

1. **Our detectors inside Presidio.** `LumorRecognizer` is a presidio `EntityRecognizer` that runs
   a lumor_redact `Redactor` (normalize -> detect -> resolve, no masking) and returns its
   entities as `RecognizerResult`s, so spoken-form numbers and emails ("oh four one two …",
   "jane dot doe at example dot com") reach a Presidio `AnalyzerEngine`. Use one for all our
   detectors, or `LumorRecognizer.per_detector()` for one recognizer per detector family:

       from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
       from lumor_redact.integrations.presidio import LumorRecognizer, noop_nlp_engine
       registry = RecognizerRegistry(recognizers=[LumorRecognizer()])
       engine = AnalyzerEngine(registry=registry, nlp_engine=noop_nlp_engine())
       engine.analyze("my mobile is oh four one two three four five six seven eight", language="en")

   Our recognizer needs no NLP artifacts, so presidio's `NoOpNlpEngine` is enough; with a spaCy
   engine (`spacy_nlp_engine(model)`) it sits beside presidio's own `SpacyRecognizer`.

2. **Conversions.** `to_recognizer_result(candidate_or_entity)`, `to_candidate(result)`,
   `to_entity(result)`. Entity names are already Presidio's where Presidio has the type.

3. **Presidio's recognizers as a detector family of ours.** `PresidioDetector` runs presidio's
   predefined pattern recognizers (and its phonenumbers-based `PhoneRecognizer`) over our
   canonical view, so they see "0412345678" where the caller said "oh four one two …", maps
   the spans back to original offsets, and adds presidio's own context boost (5 words before
   the match, the recognizer's context words; +0.35, at least 0.4 — the defaults of presidio's
   `LemmaContextAwareEnhancer`, without lemmas) since there is no AnalyzerEngine to do it.

   It is **opt-in**: the core registry never imports this module, and importing it does not
   register the detector either — because the registry has no notion of an off-by-default
   detector (`build_detectors` enables every registered name not in `disable_detectors`), a
   registration on import would silently add presidio's recognizers to every `Redactor()`
   built afterwards in the process, including the one inside a `LumorRecognizer`. So:

       from lumor_redact.integrations import presidio
       presidio.register()                  # "presidio" becomes a detector name (idempotent)
       Redactor(config)                     # now includes it unless disable_detectors names it

   or, for one redactor only and without touching the registry:

       Redactor(config, detectors=build_detectors(config) + [presidio.PresidioDetector(config)])

   A config that names "presidio" (e.g. in `disable_detectors`) before `register()` fails with
   ConfigError "unknown detector(s) presidio" — the import/register is what makes it known.

**No network.** presidio's `EmailRecognizer` validates domains with `tldextract.extract`, whose
default extractor downloads the public-suffix list on first use. Importing this module points
presidio's reference to tldextract at an extractor built with `suffix_list_urls=()` and
`cache_dir=None` (the snapshot bundled in tldextract, no download, no disk cache): see
`ensure_offline_tldextract`. spaCy models are only loaded from an installed package or a path.
"""
from __future__ import annotations

import re
import sys
import types
from pathlib import Path
from typing import Iterable, Sequence

import tldextract
from presidio_analyzer import (AnalysisExplanation, AnalyzerEngine, EntityRecognizer, RecognizerRegistry,
                               RecognizerResult)

from lumor_redact.config import RedactorConfig
from lumor_redact.detect.base import Detector, build_detectors, register_detector, registered_detectors
from lumor_redact.entities import Candidate, Entity
from lumor_redact.pipeline import FAIL_CLOSED_LABEL, Redactor
from lumor_redact.text.view import TextView

__all__ = [
    "ensure_offline_tldextract", "offline_tld_extractor",
    "to_recognizer_result", "to_candidate", "to_entity",
    "LumorRecognizer", "PresidioDetector", "register", "unregister",
    "predefined_recognizers", "noop_nlp_engine", "spacy_nlp_engine", "blank_spacy_model", "build_analyzer",
    "DETECTOR_NAME",
]

DETECTOR_NAME = "presidio"

# ------------------------------------------------------------------------------ no network
_OFFLINE: tldextract.TLDExtract | None = None


def offline_tld_extractor() -> tldextract.TLDExtract:
    """A tldextract extractor that only uses the suffix snapshot shipped inside tldextract."""
    global _OFFLINE
    if _OFFLINE is None:
        _OFFLINE = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    return _OFFLINE


class _OfflineTldextract(types.ModuleType):
    """Stands in for the `tldextract` module inside presidio: same API, offline `extract`."""

    def __init__(self) -> None:
        super().__init__("tldextract")

    def extract(self, url: str, *args, **kwargs):
        return offline_tld_extractor()(url, *args, **kwargs)

    def __getattr__(self, name: str):
        return getattr(tldextract, name)


def ensure_offline_tldextract() -> int:
    """Point every loaded presidio module's `tldextract` at the offline extractor.

    Only presidio's own reference is replaced, not the global `tldextract.extract`, so other
    libraries in the process keep their behaviour. Returns how many modules were patched.
    Idempotent; call again after importing more presidio modules (this module calls it once).
    """
    n = 0
    for mod_name, mod in list(sys.modules.items()):
        if mod_name.startswith("presidio_analyzer") and mod is not None \
                and getattr(mod, "tldextract", None) is tldextract:
            mod.tldextract = _OfflineTldextract()
            n += 1
    return n


# The predefined recognizers are imported by `import presidio_analyzer` above, so this reaches
# the email recognizer before anything can call it.
import presidio_analyzer.predefined_recognizers  # noqa: E402,F401

ensure_offline_tldextract()


# ------------------------------------------------------------------------------ conversions
def to_recognizer_result(item: Candidate | Entity, *, recognizer_name: str = "LumorRecognizer",
                         recognizer_id: str | None = None, explain: bool = True) -> RecognizerResult:
    """Our candidate or entity as a presidio result (original offsets; masked offsets are dropped)."""
    explanation = None
    if explain:
        explanation = AnalysisExplanation(recognizer=recognizer_name, original_score=item.score,
                                          textual_explanation=f"lumor_redact detector {item.detector}")
    return RecognizerResult(item.label, item.start, item.end, item.score, analysis_explanation=explanation,
                            recognition_metadata={
                                RecognizerResult.RECOGNIZER_NAME_KEY: recognizer_name,
                                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer_id or recognizer_name,
                                "lumor_detector": item.detector,
                            })


def _detector_of(result: RecognizerResult, default: str) -> str:
    meta = result.recognition_metadata or {}
    return str(meta.get("lumor_detector") or meta.get(RecognizerResult.RECOGNIZER_NAME_KEY) or default)


def to_candidate(result: RecognizerResult, *, detector: str | None = None) -> Candidate:
    """A presidio result as our candidate; the detector name is ours if it came from us, else the recognizer's."""
    return Candidate(result.entity_type, int(result.start), int(result.end), float(result.score),
                     detector or _detector_of(result, DETECTOR_NAME))


def to_entity(result: RecognizerResult, *, detector: str | None = None) -> Entity:
    """A presidio result as our entity. It has no masked offsets (-1): presidio did not mask anything."""
    c = to_candidate(result, detector=detector)
    return Entity(c.label, c.start, c.end, c.score, c.detector)


# ------------------------------------------------------------------------------ our detectors in presidio
def _labels_of(redactor: Redactor) -> list[str]:
    return sorted(redactor.labels)


class LumorRecognizer(EntityRecognizer):
    """lumor_redact's detectors as one presidio recognizer.

    Runs `Redactor.analyze` (normalize, detect, resolve: thresholds, allow/deny lists and
    overlap merging included) and returns the resolved spans. `supported_entities` are the
    labels the wrapped detectors can produce. A detector that fails makes the redactor mask
    the whole text as REDACTED (fail closed); that result is returned whatever entities were
    asked for, so a caller never mistakes a failure for "nothing found".
    """

    def __init__(self, redactor: Redactor | None = None, *, config: RedactorConfig | None = None,
                 detectors: Sequence[str] | None = None, supported_language: str = "en",
                 name: str | None = None, supported_entities: Sequence[str] | None = None) -> None:
        if redactor is None:
            config = config or RedactorConfig()
            names = list(detectors) if detectors is not None else \
                [n for n in registered_detectors() if n not in config.disable_detectors and n != DETECTOR_NAME]
            redactor = Redactor(config, detectors=build_detectors(config, names))
        elif detectors is not None or config is not None:
            raise TypeError("pass a redactor, or config/detectors to build one, not both")
        self.redactor = redactor
        ents = list(supported_entities) if supported_entities is not None else _labels_of(redactor)
        super().__init__(supported_entities=ents, name=name or "LumorRecognizer",
                         supported_language=supported_language, context=[])

    @classmethod
    def per_detector(cls, config: RedactorConfig | None = None, *, supported_language: str = "en"
                     ) -> list["LumorRecognizer"]:
        """One recognizer per enabled detector family ("LumorRecognizer:phone", …)."""
        config = config or RedactorConfig()
        out = []
        for det in build_detectors(config, [n for n in registered_detectors()
                                             if n not in config.disable_detectors and n != DETECTOR_NAME]):
            r = Redactor(config, detectors=[det])
            if _labels_of(r):
                out.append(cls(r, name=f"LumorRecognizer:{det.name}", supported_language=supported_language))
        return out

    def load(self) -> None:
        """Nothing to load: the redactor was built in the constructor."""

    def analyze(self, text: str, entities: Sequence[str] | None = None, nlp_artifacts=None
                ) -> list[RecognizerResult]:
        _, found, _errors = self.redactor.analyze(text)
        want = set(entities) if entities else None
        return [to_recognizer_result(c, recognizer_name=self.name, recognizer_id=self.id) for c in found
                if want is None or c.label in want or c.label == FAIL_CLOSED_LABEL]

    def __repr__(self) -> str:
        return f"LumorRecognizer(name={self.name!r}, entities={len(self.supported_entities)})"


# ------------------------------------------------------------------------------ presidio in our pipeline
# Recognizers of presidio's default English registry that need NLP artifacts (spaCy NER and
# friends) are left out: the detector runs presidio's pattern logic, never a second model.
_NLP_RECOGNIZERS = ("SpacyRecognizer", "StanzaRecognizer", "TransformersRecognizer", "GLiNERRecognizer")
AU_RECOGNIZERS = ("AuAbnRecognizer", "AuAcnRecognizer", "AuTfnRecognizer", "AuMedicareRecognizer")
AU_PHONE_REGIONS = ("AU", "NZ", "GB", "US")


def predefined_recognizers(language: str = "en", *, include_au: bool = True,
                           phone_regions: Sequence[str] | None = AU_PHONE_REGIONS) -> list[EntityRecognizer]:
    """presidio's predefined recognizers that need no NLP model, as its default registry loads them.

    That is the pattern recognizers enabled by default for `language` (credit card, IBAN, IP,
    email, URL, US ids, …) plus `PhoneRecognizer` (python-phonenumbers). `include_au` adds the
    Australian ABN/ACN/TFN/Medicare recognizers, which presidio ships disabled; `phone_regions`
    replaces the phone recognizer's regions (None keeps presidio's default US/GB/DE/FR/IL/IN/CA/BR).
    """
    from presidio_analyzer import predefined_recognizers as pr

    reg = RecognizerRegistry(supported_languages=[language])
    reg.load_predefined_recognizers(languages=[language], nlp_engine=noop_nlp_engine(language))
    recs = [r for r in reg.recognizers if type(r).__name__ not in _NLP_RECOGNIZERS]
    if include_au:
        have = {type(r).__name__ for r in recs}
        recs += [getattr(pr, n)(supported_language=language) for n in AU_RECOGNIZERS if n not in have]
    if phone_regions is not None:
        recs = [pr.PhoneRecognizer(supported_language=language, supported_regions=tuple(phone_regions))
                if isinstance(r, pr.PhoneRecognizer) else r for r in recs]
    ensure_offline_tldextract()
    return recs


_WORD = re.compile(r"\w+")
CONTEXT_PREFIX_WORDS = 5
CONTEXT_FACTOR = 0.35
CONTEXT_MIN_SCORE = 0.4


class PresidioDetector(Detector):
    """presidio-analyzer's predefined recognizers as a lumor_redact detector (see the module doc).

    Candidates carry presidio's entity type and score (validated patterns score 1.0; a context
    word among the 5 words before raises a score by 0.35, to at least 0.4). Our thresholds
    then apply as to any detector: with the default 0.5, presidio's unvalidated low-score
    patterns (a bare 9-digit number as a TFN at 0.1…) need a context word to survive.
    """

    name = DETECTOR_NAME
    labels = frozenset()  # set per instance from the recognizers in use
    is_model = False

    def __init__(self, config: RedactorConfig, recognizers: Iterable[EntityRecognizer] | None = None) -> None:
        super().__init__(config)
        recs = list(recognizers) if recognizers is not None else predefined_recognizers()
        self.recognizers = [r for r in recs if any(config.wants(e) for e in r.supported_entities)]
        self.labels = frozenset(e for r in self.recognizers for e in r.supported_entities)
        self._context = {id(r): [w.lower() for w in list(r.context or [])
                                 + [c for e in r.supported_entities for c in config.context.get(e, ())]]
                         for r in self.recognizers}

    def detect(self, view: TextView) -> list[Candidate]:
        text = view.canonical
        if not text:
            return []
        out: list[Candidate] = []
        for rec in self.recognizers:
            ents = [e for e in rec.supported_entities if self.config.wants(e)]
            for r in rec.analyze(text, ents, None) or []:
                if r.entity_type not in ents or not 0 <= r.start < r.end <= len(text):
                    continue
                score = self._boost(text, r.start, float(r.score), self._context[id(rec)])
                s, e = view.to_original(r.start, r.end)
                out.append(Candidate(r.entity_type, s, e, score, self.name))
        return out

    @staticmethod
    def _boost(text: str, start: int, score: float, context: list[str]) -> float:
        if not context or score >= 1.0:
            return score
        before = _WORD.findall(text[max(0, start - 120):start])[-CONTEXT_PREFIX_WORDS:]
        if any(c in w.lower() for w in before for c in context):
            return min(1.0, max(score + CONTEXT_FACTOR, CONTEXT_MIN_SCORE))
        return score


def register() -> None:
    """Make "presidio" a detector name configurations know (idempotent). See the module doc."""
    if DETECTOR_NAME not in registered_detectors():
        register_detector(DETECTOR_NAME)(PresidioDetector)


def unregister() -> None:
    """Undo `register()` (for tests that must leave the process-wide registry as they found it)."""
    from lumor_redact.detect import base

    base._REGISTRY.pop(DETECTOR_NAME, None)


# ------------------------------------------------------------------------------ presidio engines
def noop_nlp_engine(language: str = "en"):
    """presidio's NLP engine that loads no model (enough for pattern recognizers and ours)."""
    from presidio_analyzer.nlp_engine import NoOpNlpEngine

    eng = NoOpNlpEngine(models=[{"lang_code": language, "model_name": "no_op"}])
    eng.load()
    return eng


def spacy_nlp_engine(model: str | Path, language: str = "en"):
    """presidio's spaCy engine over an installed spaCy package name or a pipeline directory.

    Refuses a name that is neither (presidio would try to download it).
    """
    import spacy
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    name = str(model)
    if not (spacy.util.is_package(name) or Path(name).exists()):
        raise FileNotFoundError(f"spaCy pipeline {name!r} is neither an installed package nor a directory")
    eng = SpacyNlpEngine(models=[{"lang_code": language, "model_name": name}])
    eng.load()
    return eng


def blank_spacy_model(directory: str | Path, language: str = "en") -> Path:
    """Save a blank spaCy pipeline (tokenizer only, no NER) to `directory` for `spacy_nlp_engine`."""
    import spacy

    path = Path(directory)
    spacy.blank(language).to_disk(path)
    return path


def build_analyzer(recognizers: Iterable[EntityRecognizer], *, nlp_engine=None, language: str = "en"
                   ) -> AnalyzerEngine:
    """An AnalyzerEngine over exactly `recognizers` (no NLP engine given: presidio's no-op one).

    With a spaCy engine, presidio's `SpacyRecognizer` for that engine's entities is added, as
    presidio's default registry does.
    """
    engine = nlp_engine if nlp_engine is not None else noop_nlp_engine(language)
    reg = RecognizerRegistry(recognizers=list(recognizers), supported_languages=[language])
    reg.add_nlp_recognizer(nlp_engine=engine)
    ensure_offline_tldextract()
    return AnalyzerEngine(registry=reg, nlp_engine=engine, supported_languages=[language])
