"""Verb lemmas that English spelling rules out, corrected after the lemmatizer.

The small model's rule lemmatizer turns "hopes", "hoped" and "hoping" into "hop", and
"copes" into "cop": a wrong verb, and 'X hopes to sign' then loses the intent its
governor carries. Spelling decides it without a word list: "-es" follows a verb stem
only after s, x, z, ch, sh or o, and a one-syllable stem ending consonant-vowel-consonant
doubles its consonant before "-ed" and "-ing" ("hop" -> "hopped", "hopping"), so
"hoped" can only be "hope" + "d".
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_VOWELS = frozenset("aeiou")
_ES_STEMS = ("s", "x", "z", "ch", "sh", "o")


def _doubles(stem: str) -> bool:
    """A one-syllable stem ending consonant-vowel-consonant ('hop', 'plan', 'bar')."""
    if len(stem) < 2 or not stem.isalpha():
        return False
    groups = sum(
        1 for i, ch in enumerate(stem) if ch in _VOWELS and (i == 0 or stem[i - 1] not in _VOWELS)
    )
    last, vowel = stem[-1], stem[-2]
    before = stem[-3] if len(stem) >= 3 else ""
    return (
        groups == 1
        and last not in _VOWELS
        and last not in "wxy"
        and vowel in _VOWELS
        and (not before or before not in _VOWELS)
    )


def corrected_lemma(word: str, lemma: str) -> str | None:
    """The verb lemma spelling requires where ``lemma`` cannot be right, else None."""
    word, lemma = word.lower(), lemma.lower()
    if word == lemma + "es" and not lemma.endswith(_ES_STEMS):
        return lemma + "e"
    if word in (lemma + "ed", lemma + "ing") and _doubles(lemma):
        return lemma + "e"
    return None


@Language.component("accord_verb_lemmas")
def fix_verb_lemmas(doc: Doc) -> Doc:
    """Correct the lemmas of verbs that spelling rules out (see the module doc)."""
    for token in doc:
        if token.pos_ in ("VERB", "AUX"):
            fixed = corrected_lemma(token.text, token.lemma_)
            if fixed is not None:
                token.lemma_ = fixed
    return doc
