"""The cached attribute table gives every token exactly what spaCy's attribute_ruler
gives it (POS, morphology, lemma, label), on real articles and on the word forms its
rules single out (contractions, 'gonna', 'nothin'', spaces)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from swapped import compared_texts, plain_and_swapped

from accord.parse.attributes import use_table_attributes

INVENTED = (
    "We ain't gonna sign it, and they're gotta wait, the minister said.\n\n"
    "Nothin' was agreed.  Ghana's exports of cocoa to China rose 12% in 2023; "
    "it's the biggest buyer, isn't it? 'Cause prices were high, y'all."
)


def _annotations(nlp: Language, text: str) -> list[tuple[str, ...]]:
    return [
        (t.text, t.pos_, str(t.morph), t.lemma_, t.dep_, t.tag_, str(t.head.i)) for t in nlp(text)
    ]


@pytest.fixture(scope="module")
def pair() -> tuple[Language, Language]:
    return plain_and_swapped(use_table_attributes, "attribute_ruler", "accord_attributes")


def test_the_table_annotates_as_the_ruler_does(
    pair: tuple[Language, Language], shared: Path
) -> None:
    plain, table = pair
    for text in compared_texts(INVENTED, shared):
        assert _annotations(table, text) == _annotations(plain, text)


def test_a_two_token_rule_still_applies(pair: tuple[Language, Language]) -> None:
    _, table = pair
    lemmas = {t.text: t.lemma_ for t in table("They are gonna go.")}
    assert (lemmas["gon"], lemmas["na"]) == ("go", "to")
