"""Shared look-ups for extractors: which actor a character range names, which sentence
and paragraph a span sits in, and whether it lies inside a quotation."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from accord.schema import Actor

STATE_KINDS = frozenset({"state", "former_state"})


@dataclass(frozen=True, slots=True)
class ActorMention:
    start: int
    end: int
    code: str
    kind: str
    name: str


class ActorIndex:
    """Actor mentions by character offset."""

    def __init__(self, actors: tuple[Actor, ...]) -> None:
        ms = [
            ActorMention(s, e, a.code, a.kind, a.name) for a in actors for s, e in a.mentions
        ]
        self.mentions = sorted(ms, key=lambda m: (m.start, -m.end))

    def at(self, start: int, end: int) -> ActorMention | None:
        """The mention that covers ``[start, end)``, if any."""
        for m in self.mentions:
            if m.start <= start and end <= m.end:
                return m
            if m.start > start:
                break
        return None

    def within(self, start: int, end: int) -> list[ActorMention]:
        """Mentions lying inside ``[start, end)``, in order."""
        return [m for m in self.mentions if start <= m.start and m.end <= end]

    def token(self, tok: Token) -> ActorMention | None:
        """The mention covering a token, if any."""
        return self.at(tok.idx, tok.idx + len(tok.text))

    def states_within(self, start: int, end: int, *, igo: bool = True) -> list[str]:
        """Distinct state (and IGO) codes mentioned inside ``[start, end)``, first first."""
        kinds = STATE_KINDS | ({"igo"} if igo else set())
        out: list[str] = []
        for m in self.within(start, end):
            if m.kind in kinds and m.code not in out:
                out.append(m.code)
        return out


def sentence_of(doc: Doc, start: int, end: int | None = None) -> Span:
    """The sentence holding character ``start`` (or the first one overlapping the range)."""
    span = doc.char_span(start, end if end is not None else start + 1, alignment_mode="expand")
    if span is not None and len(span):
        return span[0].sent
    for sent in doc.sents:
        if sent.end_char > start:
            return sent
    return doc[-1:].sent if len(doc) else doc[0:0]


class Regions:
    """Sorted, non-overlapping character ranges (quotations, bylines) for fast membership."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def contains(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and self.spans[i][0] <= pos < self.spans[i][1]


def paragraph_bounds(text: str, pos: int) -> tuple[int, int]:
    """The line (one paragraph in news text) around ``pos``."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, (len(text) if end < 0 else end)


def sentence_tokens(doc: Doc, i: int) -> tuple[int, int]:
    """Token range of the sentence holding token ``i``, clipped at line breaks.

    The small model's sentences run over paragraph breaks; news paragraphs never do.
    """
    sent = doc[i].sent
    start, end = sent.start, sent.end
    for k in range(i, start - 1, -1):
        if doc[k].is_space and "\n" in doc[k].text:
            start = k + 1
            break
    for k in range(i, end):
        if doc[k].is_space and "\n" in doc[k].text:
            end = k
            break
    return start, end
