"""POST /api/documents: turn a request body into a RawDocument for the pipeline."""

from __future__ import annotations

import hashlib

import trafilatura

from accord.errors import ReadError
from accord.schema import RawDocument, Source
from accord.serve.models import IngestRequest


def _given_id(req: IngestRequest, text: str) -> str:
    """The caller's id, else a short hash of the text (a POST has no file name)."""
    return req.id or "post-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def raw_document(req: IngestRequest) -> RawDocument:
    """The RawDocument for a request; ReadError when it holds no article text.

    HTML goes through trafilatura for the main text and metadata, as the HTML reader
    does for files (the caller's fields win over the page's).
    """
    if req.html is not None and req.text is not None:
        raise ReadError("send either text or html, not both")
    if req.html is not None:
        extracted = trafilatura.bare_extraction(req.html, url=req.url, with_metadata=True)
        body = getattr(extracted, "text", None) if extracted is not None else None
        if not body or not body.strip():
            raise ReadError("no article text found in the HTML page")
        page_title = getattr(extracted, "title", None) or None
        text = body if not page_title or body.startswith(page_title) else f"{page_title}\n\n{body}"
        return RawDocument(
            text=text,
            source=Source(url=req.url, format="html"),
            id=_given_id(req, text),
            title=req.title or page_title,
            published=req.published or (getattr(extracted, "date", None) or None),
            outlet=req.outlet or (getattr(extracted, "sitename", None) or None),
        )
    if req.text is None or not req.text.strip():
        raise ReadError("the request holds no article text (give text or html)")
    return RawDocument(
        text=req.text,
        source=Source(url=req.url, format="text"),
        id=_given_id(req, req.text),
        title=req.title,
        published=req.published,
        outlet=req.outlet,
    )
