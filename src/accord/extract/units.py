"""The text units facts are read from: sentences, cut again where the parser ran two
claims together."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from accord.extract.memo import doc_text

_KEY = "accord_text_units"  # (start, end) token pairs: user_data stays serialisable


def text_units(doc: Doc) -> list[SpacySpan]:
    """Sentences, cut again at blank lines and after an all-capitals headline line:
    the parser runs a headline into the first sentence, and a headline is its own claim."""
    bounds = doc.user_data.get(_KEY)
    if not isinstance(bounds, list):
        bounds = doc.user_data[_KEY] = [(u.start, u.end) for u in _units(doc)]
    return [doc[start:end] for start, end in bounds]


def _units(doc: Doc) -> list[SpacySpan]:
    units: list[SpacySpan] = []
    text = doc_text(doc)
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            if not (tok.is_space and "\n" in tok.text):
                continue
            line = text[text.rfind("\n", 0, tok.idx) + 1 : tok.idx]
            letters = [ch for ch in line if ch.isalpha()]
            headline = len(letters) >= 3 and not any(ch.islower() for ch in letters)
            if tok.text.count("\n") >= 2 or headline:
                if tok.i > start:
                    units.append(doc[start : tok.i])
                start = tok.i + 1
        if sent.end > start:
            units.append(doc[start : sent.end])
    return [u for u in units if not all(t.is_space or t.is_punct for t in u)]
