"""The body string and its exact map back to the raw text.

Every kept piece is copied from the raw text; only the joins are new: a space where a
hard-wrapped line break was, a blank line between paragraphs. Joins belong to no
segment, so ``raw[to_raw(i)] == body[i]`` for every copied offset.
"""

from __future__ import annotations

from collections.abc import Sequence

from accord.schema import OffsetMap

PARAGRAPH = "\n\n"
LINE_JOIN = " "


def build_body(raw: str, paragraphs: Sequence[Sequence[tuple[int, int]]]) -> tuple[str, OffsetMap]:
    """Join raw pieces: pieces of one paragraph with a space, paragraphs with a blank line."""
    parts: list[str] = []
    segments: list[tuple[int, int, int]] = []
    pos = 0
    for spans in paragraphs:
        if not spans:
            continue
        if parts:
            parts.append(PARAGRAPH)
            pos += len(PARAGRAPH)
        for k, (start, end) in enumerate(spans):
            if k:
                parts.append(LINE_JOIN)
                pos += len(LINE_JOIN)
            piece = raw[start:end]
            segments.append((pos, start, len(piece)))
            parts.append(piece)
            pos += len(piece)
    return "".join(parts), OffsetMap(segments=tuple(segments))


def body_to_raw_span(offsets: OffsetMap, start: int, end: int) -> tuple[int, int] | None:
    """A body span [start, end) as a raw span, or None when it starts in inserted text."""
    raw_start = offsets.to_raw(start)
    raw_end = offsets.to_raw(end) if end > start else raw_start
    if raw_start is None or raw_end is None:
        return None
    return raw_start, raw_end
