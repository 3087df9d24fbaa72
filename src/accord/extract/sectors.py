"""Sector labels per sentence, from the sector lexicon (vocab/data/sectors.json).

Three spaCy PhraseMatchers share one label set: LEMMA (so 'investments' and
'invested' find 'investment'/'invest'), LOWER (surface forms, which also catches
title-case words the tagger took for proper nouns) and ORTH for acronyms, where case
matters ('IT' the sector, not 'it' the pronoun).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from accord.schema import Span
from accord.vocab.sector_lexicon import sector_terms


@dataclass(frozen=True, slots=True)
class SectorHit:
    """One sector word or phrase found in the text."""

    label: str
    span: Span  # character offsets into the doc text
    text: str


@dataclass(frozen=True, slots=True)
class _Matchers:
    vocab: Vocab
    lemma: PhraseMatcher
    lower: PhraseMatcher
    orth: PhraseMatcher


_CACHE: dict[int, _Matchers] = {}


def _matchers(vocab: Vocab) -> _Matchers:
    """Matchers are tied to a vocab; build them once per vocab in use."""
    cached = _CACHE.get(id(vocab))
    if cached is not None and cached.vocab is vocab:
        return cached
    tokenizer = spacy.blank("en", vocab=vocab).tokenizer
    lemma = PhraseMatcher(vocab, attr="LEMMA")
    lower = PhraseMatcher(vocab, attr="LOWER")
    orth = PhraseMatcher(vocab, attr="ORTH")
    for label, terms in sector_terms().items():
        lemma_docs = []
        for term in terms.lemmas:
            pattern = tokenizer(term)
            for tok in pattern:
                tok.lemma_ = tok.lower_
            lemma_docs.append(pattern)
        if lemma_docs:
            lemma.add(label, lemma_docs)
        lower_docs = [tokenizer(t) for t in (*terms.lemmas, *terms.phrases)]
        if lower_docs:
            lower.add(label, lower_docs)
        if terms.acronyms:
            orth.add(label, [tokenizer(t) for t in terms.acronyms])
    built = _Matchers(vocab, lemma, lower, orth)
    _CACHE[id(vocab)] = built
    return built


def sector_hits(doc: Doc) -> list[SectorHit]:
    """Every sector word or phrase in the doc, in text order, one per (label, span)."""
    m = _matchers(doc.vocab)
    seen: set[tuple[str, int, int]] = set()
    hits: list[SectorHit] = []
    for matcher in (m.lemma, m.lower, m.orth):
        for match_id, start, end in matcher(doc):
            label = doc.vocab.strings[match_id]
            span = doc[start:end]
            key = (label, span.start_char, span.end_char)
            if key not in seen:
                seen.add(key)
                hits.append(SectorHit(label, (span.start_char, span.end_char), span.text))
    hits.sort(key=lambda h: (h.span, h.label))
    return hits


def sectors_between(hits: list[SectorHit], start: int, end: int) -> tuple[str, ...]:
    """The sorted sector labels of the hits inside ``[start, end)`` (``hits`` sorted by
    span, as ``sector_hits`` gives them: bisected, as it is asked once per fact)."""
    lo = bisect_left(hits, start, key=_start)
    hi = bisect_left(hits, end, lo=lo, key=_start)
    return tuple(sorted({h.label for h in hits[lo:hi] if h.span[1] <= end}))


def _start(hit: SectorHit) -> int:
    return hit.span[0]


def sentence_sectors(doc: Doc) -> list[tuple[Span, tuple[str, ...]]]:
    """Each sentence's character span with the sector labels found in it."""
    hits = sector_hits(doc)
    return [
        ((s.start_char, s.end_char), sectors_between(hits, s.start_char, s.end_char))
        for s in doc.sents
    ]
