"""POST /api/documents: a request body to a RawDocument, then processed and stored.

Processing goes through the ``process`` hook the server was started with: ``accord
serve`` gives it a ``pipeline.Processor``, which runs each document in a worker process
within the time limit (a handler thread cannot be interrupted; serve must not import
the pipeline, which loads spaCy). The extractor version stored is the settings' one,
as ``accord ingest`` stores, so a text ingested by both is 'unchanged'.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from accord.errors import ReadError
from accord.read import read_html_text
from accord.schema import RawDocument, Record, Source
from accord.serve.models import IngestRequest
from accord.settings import Settings, extractor_version
from accord.store import Store


def _given_id(req: IngestRequest, text: str) -> str:
    """The caller's id, else a short hash of the text (a POST has no file name)."""
    return req.id or "post-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def raw_document(req: IngestRequest) -> RawDocument:
    """The RawDocument for a request; ReadError when it holds no article text.

    HTML goes through the read package's page reader, as HTML files do (the caller's
    fields win over the page's metadata).
    """
    if req.html is not None and req.text is not None:
        raise ReadError("send either text or html, not both")
    if req.html is not None:
        page = read_html_text(req.html, Source(url=req.url, format="html"), url=req.url)
        return RawDocument(
            text=page.text,
            source=page.source,
            id=_given_id(req, page.text),
            title=req.title or page.title,
            published=req.published or page.published,
            outlet=req.outlet or page.outlet,
            warnings=page.warnings,
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


def process_and_store(
    raw: RawDocument,
    store: Store,
    process: Callable[[RawDocument], Record],
    settings: Settings,
) -> tuple[Record, str]:
    """The record and its outcome ('added', 'unchanged', 'replaced'); AccordError when
    the document fails, StoreError when the store does. The raw text and extractor
    version stored are what ``accord ingest`` stores for the same text."""
    record = process(raw)
    outcome = store.ingest(record, raw=raw.text, extractor_version=extractor_version(settings))
    return record, outcome
