"""Frozen document types: what a reader yields and what the cleaner hands on."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Source:
    """Where a document came from."""

    path: str | None = None
    url: str | None = None
    format: str = "text"  # text | html | jsonl | warc | feed | stdin


@dataclass(frozen=True, slots=True)
class RawDocument:
    """Decoded text of one article plus the metadata its container gave.

    For HTML the reader has already taken the main text (trafilatura), so ``text`` is
    always plain text; offsets in later stages refer to it.
    """

    text: str
    source: Source
    id: str | None = None
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    outlet: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps ``Document.body`` offsets back to ``RawDocument.text`` offsets.

    ``segments`` holds ``(body_start, raw_start, length)`` runs of copied text, sorted
    by ``body_start``; text the cleaner inserted (joins) belongs to no segment.
    """

    segments: tuple[tuple[int, int, int], ...] = ()

    def to_raw(self, offset: int) -> int | None:
        """The raw offset for a body offset, or None if it falls in inserted text."""
        lo, hi = 0, len(self.segments) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            b, r, n = self.segments[mid]
            if offset < b:
                hi = mid - 1
            elif offset > b + n:
                lo = mid + 1
            else:
                return r + (offset - b)
        return None


@dataclass(frozen=True, slots=True)
class Document:
    """A cleaned article: the body every fact's span points into, and its provenance."""

    id: str
    content_hash: str
    source: Source
    raw: str
    body: str
    offsets: OffsetMap = field(default_factory=OffsetMap)
    title: str | None = None
    published: str | None = None
    language: str = "en"
    outlet: str | None = None
    attributed_sources: tuple[str, ...] = ()
    boilerplate: tuple[str, ...] = ()  # raw lines the cleaner dropped, in order
    warnings: tuple[str, ...] = ()
