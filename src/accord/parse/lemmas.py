"""The model's lemmatizer, applied from a cache keyed on what it reads.

spaCy's rule lemmatizer makes a Token object for every token of every document and
asks a cache keyed on (form, POS, morphology) — about 8% of en_core_web_sm's time goes
to that loop, not to lemmatizing. The lemma is a function of those three values (spaCy's
own cache says so), so here they are read for the whole Doc as one array, each new
combination is lemmatized once by the model's own lemmatizer, and the lemmas go back as
one array. Tokens that already carry a lemma (set by the attribute rules) keep it unless
the lemmatizer overwrites, as in ``Lemmatizer.__call__``. Other modes keep spaCy's pipe.
"""

from __future__ import annotations

from typing import Any, cast

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

_READ = [ORTH, POS, MORPH, LEMMA]
_MODES = {"rule": (0, 1, 2), "lookup": (0,)}  # the key columns of what each mode reads


class TableLemmatizer:
    """A rule or lookup lemmatizer's output, cached per combination of its inputs."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.overwrite = bool(lemmatizer.overwrite)
        self.columns = _MODES[lemmatizer.mode]
        self._cache: dict[tuple[int, ...], int] = {}

    @staticmethod
    def supported(lemmatizer: Any) -> bool:
        return isinstance(lemmatizer, Lemmatizer) and lemmatizer.mode in _MODES

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array(_READ)
        lemmas = rows[:, 3].copy()
        cache, columns, strings = self._cache, self.columns, doc.vocab.strings
        for i, row in enumerate(rows.tolist()):
            if row[3] and not self.overwrite:
                continue
            key = tuple(row[c] for c in columns)
            lemma = cache.get(key)
            if lemma is None:
                lemma = cache[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = lemma
        doc.from_array([LEMMA], cast(Any, numpy.ascontiguousarray(lemmas.reshape(-1, 1))))
        return doc


@Language.factory("accord_lemmas")
def make_table_lemmatizer(nlp: Language, name: str) -> TableLemmatizer:
    """Built from the pipeline's ``lemmatizer``, which it then replaces."""
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, Lemmatizer)
    return TableLemmatizer(lemmatizer)


def use_table_lemmas(nlp: Language) -> None:
    """Swap the model's lemmatizer for the cached table where its mode allows."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    if not TableLemmatizer.supported(nlp.get_pipe("lemmatizer")):
        return
    nlp.add_pipe("accord_lemmas", after="lemmatizer")
    nlp.remove_pipe("lemmatizer")
