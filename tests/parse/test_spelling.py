"""Verb lemmas that spelling rules out are corrected: 'hopes to sign' keeps its
governor 'hope' (the small model says 'hop'), and real lemmas are left alone."""

from __future__ import annotations

import pytest
from spacy.language import Language

from accord.parse.spelling import corrected_lemma


@pytest.mark.parametrize(
    ("word", "lemma", "expected"),
    [
        ("hopes", "hop", "hope"),  # '-es' after a stem ending in 'p' is no spelling
        ("hoped", "hop", "hope"),  # 'hop' doubles: 'hopped'
        ("hoping", "hop", "hope"),
        ("staged", "stag", "stage"),
        ("fixes", "fix", None),  # '-es' after 'x' is the rule
        ("goes", "go", None),
        ("visited", "visit", None),  # two syllables: no doubling to rule it out
        ("eating", "eat", None),  # two vowels before the consonant: no doubling
        ("played", "play", None),
        ("hope", "hope", None),
    ],
)
def test_spelling_decides_a_verb_lemma(word: str, lemma: str, expected: str | None) -> None:
    assert corrected_lemma(word, lemma) == expected


def test_the_pipeline_lemmatizes_hope_as_hope(nlp: Language) -> None:
    doc = nlp("Indonesia hopes to sign the deal; it hoped so, hoping for more.")
    assert [t.lemma_ for t in doc if t.lower_.startswith("hop")] == ["hope", "hope", "hope"]
