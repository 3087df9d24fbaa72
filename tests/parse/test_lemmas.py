"""The cached lemma table gives every token exactly the lemma spaCy's lemmatizer gives
it, on real articles and on forms whose lemma comes from the attribute rules or the
model's exception lists."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from swapped import compared_texts, plain_and_swapped

from accord.parse.lemmas import use_table_lemmas

INVENTED = (
    "The ministers were meeting; they've met twice and went home. Geese flew over "
    "the mice, which ran.\n\nShe's better, isn't she? The data were worse: prices rose, "
    "exports fell and the best-laid plans went awry. We're gonna see, y'all."
)


def _lemmas(nlp: Language, text: str) -> list[tuple[str, str, str, str]]:
    return [(t.text, t.pos_, str(t.morph), t.lemma_) for t in nlp(text)]


@pytest.fixture(scope="module")
def pair() -> tuple[Language, Language]:
    return plain_and_swapped(use_table_lemmas, "lemmatizer", "accord_lemmas")


def test_the_table_lemmatizes_as_the_model_does(
    pair: tuple[Language, Language], shared: Path
) -> None:
    plain, table = pair
    for text in compared_texts(INVENTED, shared):
        assert _lemmas(table, text) == _lemmas(plain, text)
    # the second pass answers from the cache, and still agrees
    assert _lemmas(table, INVENTED) == _lemmas(plain, INVENTED)


def test_irregular_forms_and_rule_set_lemmas(pair: tuple[Language, Language]) -> None:
    _, table = pair
    lemmas = {
        t.text: t.lemma_ for t in table("They've met and the geese went, but we're gonna stay.")
    }
    assert (lemmas["met"], lemmas["went"]) == ("meet", "go")  # the exception lists
    assert (lemmas["'ve"], lemmas["'re"], lemmas["gon"]) == ("have", "be", "go")  # the rules


def test_an_empty_text_passes(pair: tuple[Language, Language]) -> None:
    _, table = pair
    assert len(table("")) == 0
