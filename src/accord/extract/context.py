"""Shared look-ups for extractors: which actor a character range names, which sentence
and paragraph a span sits in, and whether it lies inside a quotation."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from accord.extract.memo import doc_text, sentence_starts
from accord.schema import Actor
from accord.vocab.organizations import known_organizations
from accord.vocab.titles import titles

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

    def __init__(self, actors: tuple[Actor, ...], body: str | None = None) -> None:
        ms = [ActorMention(s, e, a.code, a.kind, a.name) for a in actors for s, e in a.mentions]
        if body is not None:
            # an institution standing for its state ("the Pentagon") is an organisation here
            known = known_organizations()
            ms = [m for m in ms if body[m.start : m.end].lower() not in known]
        self.mentions = sorted(ms, key=lambda m: (m.start, -m.end))
        self._starts = [m.start for m in self.mentions]
        self._reach: list[int] = []  # the furthest end among mentions[: n + 1]
        for m in self.mentions:
            self._reach.append(max(m.end, self._reach[-1]) if self._reach else m.end)

    def at(self, start: int, end: int) -> ActorMention | None:
        """The first mention (in order) that covers ``[start, end)``, if any; found by
        bisection, as a document can name thousands of actors."""
        before = bisect_right(self._starts, start)  # mentions starting at or before start
        first = bisect_left(self._reach, end)  # the first mention reaching as far as end
        return self.mentions[first] if first < before else None

    def within(self, start: int, end: int) -> list[ActorMention]:
        """Mentions lying inside ``[start, end)``, in order."""
        lo, hi = bisect_left(self._starts, start), bisect_left(self._starts, end)
        return [m for m in self.mentions[lo:hi] if m.end <= end]

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


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs as (start, end) offsets, empty ones left out.

    One line is one paragraph, except in hard-wrapped wire copy, where a paragraph
    starts with an indented line and its other lines run on.
    """
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    filled = [(a, b) for a, b in lines if text[a:b].strip()]
    indented = sum(1 for a, b in filled if text[a:b].startswith(("  ", "\t")))
    wrapped = len(filled) >= 4 and indented >= 0.2 * len(filled)
    out: list[tuple[int, int]] = []
    prev_blank = True
    for a, b in lines:
        line = text[a:b]
        if not line.strip():
            prev_blank = True
            continue
        if wrapped and out and not prev_blank and not line.startswith(("  ", "\t")):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
        prev_blank = False
    return out


def paragraph_bounds(text: str, pos: int) -> tuple[int, int]:
    """The paragraph around ``pos`` (its line when ``pos`` falls between paragraphs)."""
    spans = _paragraphs_of(text)
    n = bisect_right(spans, (pos, len(text) + 1)) - 1  # the last paragraph starting <= pos
    for a, b in spans[max(0, n - 1) : n + 1]:
        if a <= pos <= b:
            return a, b
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, (len(text) if end < 0 else end)


_LAST_PARAGRAPHS: dict[int, tuple[str, list[tuple[int, int]]]] = {}


def _paragraphs_of(text: str) -> list[tuple[int, int]]:
    """``paragraph_spans`` of the last text asked about (extractors ask once per span)."""
    kept = _LAST_PARAGRAPHS.get(0)
    if kept is None or kept[0] is not text:
        kept = _LAST_PARAGRAPHS[0] = (text, paragraph_spans(text))
    return kept[1]


def _breaks(doc: Doc) -> set[int]:
    """Token indices that start a paragraph (cached on the Doc)."""
    cached = doc.user_data.get("accord_paragraph_starts")
    if isinstance(cached, set):
        return cached
    out: set[int] = set()
    for a, _ in paragraph_spans(doc_text(doc)):
        span = doc.char_span(a, a + 1, alignment_mode="expand")
        if span is not None and len(span):
            out.add(span[0].i)
    doc.user_data["accord_paragraph_starts"] = out
    return out


def _sorted_breaks(doc: Doc) -> list[int]:
    cached = doc.user_data.get("accord_paragraph_starts_sorted")
    if not isinstance(cached, list):
        cached = doc.user_data["accord_paragraph_starts_sorted"] = sorted(_breaks(doc))
    return cached


def sentence_tokens(doc: Doc, i: int) -> tuple[int, int]:
    """Token range of the sentence holding token ``i``, clipped at paragraph breaks.

    The small model's sentences run over paragraph breaks; news paragraphs never do.
    """
    starts = sentence_starts(doc)  # Token.sent scans the sentence on every call
    n = bisect_right(starts, i) - 1
    start, end = starts[n], (starts[n + 1] if n + 1 < len(starts) else len(doc))
    breaks = _sorted_breaks(doc)
    n = bisect_right(breaks, i) - 1  # the last break at or before i
    if n >= 0 and start < breaks[n]:
        start = breaks[n]
    n += 1  # the first break after i
    if n < len(breaks) and breaks[n] < end:
        end = breaks[n]
        while end > start and doc[end - 1].is_space:
            end -= 1
    return start, end


def party_counts(body: str) -> dict[str, int]:
    """Mentions of national parties by their state: a story about a country's parties
    ("the Tories", "Labour's election supremo") is about that country's politics."""
    counts: dict[str, int] = {}
    # longest names first, each mention counted once: "Liberal Democrats" is no
    # "Democrats"; the plural names the party too ("the Conservatives")
    for name, code in sorted(titles().party_states.items(), key=lambda kv: -len(kv[0])):
        body, n = re.subn(rf"(?<![\w-]){re.escape(name)}s?(?![\w-])", "\0", body)
        if n:
            counts[code] = counts.get(code, 0) + n
    return counts


def story_state(
    idx: ActorIndex, place: str | None, body: str = "", exclude: frozenset[str] = frozenset()
) -> str | None:
    """The state a story is about, when one state has most of the state mentions (at
    least twice the next one's): an official named with no state of their own in reach
    acts for it ("the shadow chancellor" in a story about one country's politics)."""
    counts = party_counts(body) if body else {}
    for m in idx.mentions:
        if m.kind == "state" and m.code != place:
            counts[m.code] = counts.get(m.code, 0) + 1
    ranked = sorted(((c, n) for c, n in counts.items() if c not in exclude), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]
