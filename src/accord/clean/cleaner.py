"""RawDocument -> Document: the article body, its provenance and an offset map."""

from __future__ import annotations

import hashlib
import unicodedata

from accord.schema import Document, OffsetMap, RawDocument


def content_hash(text: str) -> str:
    """Identity of a document: the hash of its normalised text."""
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    return "sha256:" + hashlib.sha256(norm.encode("utf-8")).hexdigest()


def clean(raw: RawDocument) -> Document:
    """Clean one raw document."""
    body = raw.text.strip()
    start = raw.text.find(body) if body else 0
    digest = content_hash(raw.text)
    return Document(
        id=raw.id or digest.split(":", 1)[1][:16],
        content_hash=digest,
        source=raw.source,
        raw=raw.text,
        body=body,
        offsets=OffsetMap(segments=((0, start, len(body)),)),
        title=raw.title,
        published=raw.published,
        outlet=raw.outlet,
        warnings=raw.warnings,
    )
