"""What the pipeline hands on for one document: the cleaned document with its record."""

from __future__ import annotations

from dataclasses import dataclass

from accord.schema import Document, DocumentError, RawDocument, Record

Item = RawDocument | DocumentError
"""What a reader yields: a document to process, or the error entry of one that failed."""


@dataclass(frozen=True, slots=True)
class Processed:
    """A document and the record made from it, travelling together to the store.

    The store keeps the reader's text (``document.raw``) beside the record for
    provenance; carrying it here means no caller has to line results up with inputs.
    """

    document: Document
    record: Record


Result = Processed | DocumentError
"""What the pipeline yields for one item, in input order."""


def where(item: RawDocument | Document) -> str:
    """The name an error entry gives a document: its path, URL or id."""
    return item.source.path or item.source.url or item.id or "<input>"
