"""The language a document is written in, decided once, after cleaning and before parsing.

Everything downstream reads English only (spaCy's English model, the English lexicons
of events, reporting verbs and titles), so a document in another language would come
out as junk persons and events. It is stored with its language and a warning instead,
and gets no facts.

py3langid identifies 97+ languages from byte n-grams with a naive Bayes model that
ships inside its wheel (4.6 MB; nothing is fetched at run time). Its model takes a few
seconds to decompress, so plain English news is recognised first by its function
words (a fifth of the words in English prose, nearly none in other languages) and
the model is loaded only for a text that does not look English.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

ENGLISH = "en"
SAMPLE_CHARS = 4000
"""The start of the body that decides: enough for a confident guess on news prose."""
MIN_LETTERS = 20
"""Shorter texts keep the default (English): n-gram guesses on a few words are noise."""
SHORT_LETTERS = 300
"""Below this many letters (a sentence or two) the n-gram model mistakes English with
African place names for Nigerian Pidgin or Luganda (at 0.5-0.85); a short text in the
Latin script is called non-English only at SHORT_CONFIDENCE (foreign leads score 0.99)."""
SHORT_CONFIDENCE = 0.95
FUNCTION_WORDS = frozenset(
    (
        *("the", "of", "and", "to", "is", "was", "that", "for", "with", "said", "has"),
        *("have", "are", "were", "this", "which", "from", "by", "be", "been", "will"),
        *("not", "its", "their", "it", "as", "at", "a", "an", "in", "on"),
    )
)
"""Frequent English words that are rare words in other languages' news text."""
FUNCTION_SHARE = 0.15
"""At least this share of function words: English without asking the model."""
MIN_CONFIDENCE = 0.5
"""The model's probability below which a text stays English (the extractors' language)."""
WORD = re.compile(r"[^\W\d_]+")


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def looks_english(words: list[str]) -> bool:
    """Whether enough of the words are English function words."""
    hits = sum(1 for w in words if w in FUNCTION_WORDS)
    return hits >= 3 and hits >= FUNCTION_SHARE * len(words)


def detect_language(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, confidence) for ``text``; ("en", 1.0) for plain English prose.

    A text too short to tell, or one the model is unsure about, stays English.
    """
    sample = text[:SAMPLE_CHARS]
    words = WORD.findall(sample.lower())
    if sum(len(w) for w in words) < MIN_LETTERS:
        return ENGLISH, 0.0
    if looks_english(words):
        return ENGLISH, 1.0
    code, confidence = _identifier().classify(sample)
    letters = sum(len(w) for w in words)
    latin = sum(c.isascii() for w in words for c in w) > letters / 2
    floor = SHORT_CONFIDENCE if letters < SHORT_LETTERS and latin else MIN_CONFIDENCE
    if code != ENGLISH and confidence < floor:
        return ENGLISH, float(confidence)
    return str(code), float(confidence)


def language_warning(code: str, confidence: float) -> str | None:
    """The record's warning for a document that is not in English, else None."""
    if code == ENGLISH:
        return None
    return (
        f"language: {code} (detected, confidence {confidence:.2f}), not English; "
        "no facts extracted (accord's extractors read English only)"
    )
