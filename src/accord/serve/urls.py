"""Links to one document, actor or pair, for every page, chart and API answer.

A document id is whatever its source gave (``bbc/business/001``, a WARC record id, a
URL, unicode, hundreds of characters), so every link puts it in the path as one
percent-encoded segment (``/`` as ``%2F``, ``?`` as ``%3F``): the browser never splits
or normalises it, and the routes take the decoded rest of the path (``{doc_id:path}``),
so a hand-typed ``/documents/bbc/business/001`` opens the same page.
"""

from __future__ import annotations

from urllib.parse import quote


def segment(value: str) -> str:
    """``value`` as one path segment: every reserved character percent-encoded."""
    return quote(value, safe="")


def document_url(doc_id: str) -> str:
    return f"/documents/{segment(doc_id)}"


def actor_url(code: str) -> str:
    return f"/actors/{segment(code)}"


def pair_url(a: str, b: str) -> str:
    return f"/pairs/{segment(a)}/{segment(b)}"
