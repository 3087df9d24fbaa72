"""Many documents: clean all, parse in nlp.pipe batches, extract, yield in order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from accord.clean.cleaner import clean
from accord.errors import AccordError
from accord.extract.run import extract_facts
from accord.parse import DEFAULT_MODEL, parse_many
from accord.record.assemble import build_record
from accord.schema import Document, DocumentError, RawDocument, Record


def _where(raw: RawDocument) -> str:
    return raw.source.path or raw.source.url or raw.id or "<input>"


MAX_CHARS = 1_000_000
"""Longest clean body parsed; spaCy refuses longer texts (nlp.max_length) for memory."""


def process_stream(
    items: Iterable[RawDocument | DocumentError],
    model: str = DEFAULT_MODEL,
    batch_size: int = 32,
    max_chars: int = MAX_CHARS,
) -> Iterator[Record | DocumentError]:
    """Records (or error entries) for a stream of raw documents, in input order.

    One bad document yields one DocumentError and the batch goes on: a text too long
    to parse is refused before the batch reaches spaCy, and an extractor failing on one
    document (a defect, reported as such) costs only that document.
    """
    it = iter(items)
    while chunk := list(islice(it, batch_size)):
        slots: list[Record | DocumentError | Document] = []
        for item in chunk:
            if isinstance(item, DocumentError):
                slots.append(item)
                continue
            try:
                document = clean(item)
            except AccordError as exc:
                slots.append(DocumentError(path=_where(item), reason=str(exc), stage="clean"))
                continue
            if len(document.body) > max_chars:
                reason = f"text too long to parse: {len(document.body):,} characters"
                reason += f" after cleaning (limit {max_chars:,})"
                slots.append(DocumentError(path=_where(item), reason=reason, stage="parse"))
                continue
            slots.append(document)
        docs = [s for s in slots if isinstance(s, Document)]
        parsed = iter(parse_many((d.body for d in docs), model, batch_size))
        for slot in slots:
            if not isinstance(slot, Document):
                yield slot
                continue
            spacy_doc = next(parsed)
            try:
                yield build_record(slot, extract_facts(slot, spacy_doc))
            except AccordError as exc:
                where = slot.source.path or slot.id
                yield DocumentError(path=where, reason=str(exc), stage="extract")
            except Exception as exc:  # a defect in an extractor must not stop the batch
                where = slot.source.path or slot.id
                reason = f"internal error while extracting: {type(exc).__name__}: {exc}"
                yield DocumentError(path=where, reason=reason, stage="extract")
