"""Verb lemmas that English spelling rules out, corrected after the lemmatizer.

The small model's rule lemmatizer turns "hopes", "hoped" and "hoping" into "hop", and
"copes" into "cop": a wrong verb, and 'X hopes to sign' then loses the intent its
governor carries. Spelling decides it without a word list: "-es" follows a verb stem
only after s, x, z, ch, sh or o, and a one-syllable stem ending consonant-vowel-consonant
doubles its consonant before "-ed" and "-ing" ("hop" -> "hopped", "hopping"), so
"hoped" can only be "hope" + "d".
"""

from __future__ import annotations

from typing import Any, cast

import numpy
from spacy.attrs import LEMMA, LOWER, POS
from spacy.language import Language
from spacy.parts_of_speech import AUX, VERB
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


_FIXES: dict[tuple[int, int], str | None] = {}  # (form, lemma) hashes -> corrected lemma


@Language.component("accord_verb_lemmas")
def fix_verb_lemmas(doc: Doc) -> Doc:
    """Correct the lemmas of verbs that spelling rules out (see the module doc). Read
    as arrays and decided once per (form, lemma) pair: a Python loop over every Token
    would cost as much as the lemmatizer's own (see ``lemmas.py``)."""
    if not len(doc):
        return doc
    rows = doc.to_array([POS, LOWER, LEMMA])
    verbs = numpy.nonzero((rows[:, 0] == VERB) | (rows[:, 0] == AUX))[0]
    if not len(verbs):
        return doc
    strings = doc.vocab.strings
    lemmas = rows[:, 2].copy()
    changed = False
    for i in verbs.tolist():
        key = (int(rows[i, 1]), int(rows[i, 2]))
        if key not in _FIXES:
            _FIXES[key] = corrected_lemma(strings[key[0]], strings[key[1]])
        fixed = _FIXES[key]
        if fixed is not None:
            lemmas[i] = strings.add(fixed)  # this vocabulary's own entry for it
            changed = True
    if changed:
        doc.from_array([LEMMA], cast(Any, numpy.ascontiguousarray(lemmas.reshape(-1, 1))))
    return doc
