"""Every line break starts a sentence, and a paragraph's first word stays in the
sentence it opens: the small parser, given a preset start, often cuts that word off."""

from __future__ import annotations

import pytest
from spacy.language import Language

PARAGRAPHS = [
    "Pact signed\n\nCanada and the United States signed a free trade pact on Saturday.",
    "Blair in talks\n\nTony Blair has had the chance to meet the Jordanian king.",
    "Trade figures\n\nUK manufacturing grew at its slowest pace in a year.",
    "Soybean imports\n\nJAKARTA, March 2 - Soybean imports rose to 300,000 tonnes.",
]


@pytest.mark.parametrize("text", PARAGRAPHS)
def test_each_paragraph_is_one_sentence_with_its_first_word(nlp: Language, text: str) -> None:
    headline, body = text.split("\n\n")
    sentences = [s.text.strip() for s in nlp(text).sents]
    assert sentences == [headline, body]


def test_the_lead_sentence_keeps_its_subject(nlp: Language) -> None:
    doc = nlp(PARAGRAPHS[0])
    canada = next(t for t in doc if t.text == "Canada")
    assert canada.head.text == "signed" and canada.head.i > canada.i
