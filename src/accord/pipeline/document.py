"""The per-document path through the stages: clean -> parse -> extract -> record."""

from __future__ import annotations

from accord.clean.cleaner import clean
from accord.errors import AccordError, ReadError
from accord.extract.run import extract_facts
from accord.parse import DEFAULT_MODEL, parse
from accord.record.assemble import build_record
from accord.schema import DocumentError, RawDocument, Record, Source
from accord.settings import load_settings


def process_raw(
    raw: RawDocument, model: str = DEFAULT_MODEL, max_chars: int | None = None
) -> Record:
    """One raw document to its record. Raises AccordError subclasses on bad input.

    A text longer than ``max_chars`` (default: the settings' max_chars) is refused before
    cleaning, as ``process_chunk`` refuses it. No time limit here: see ``Processor``.
    """
    limit = max_chars if max_chars is not None else load_settings().max_chars
    if len(raw.text) > limit:
        raise ReadError(f"text too long: {len(raw.text):,} characters (limit {limit:,})")
    document = clean(raw)
    doc = parse(document.body, model)
    return build_record(document, extract_facts(document, doc))


def process_text(
    text: str,
    *,
    published: str | None = None,
    id: str | None = None,
    title: str | None = None,
    model: str = DEFAULT_MODEL,
) -> Record:
    """The public one-call API: a text (and its publication date) to a Record."""
    raw = RawDocument(
        text=text, source=Source(format="text"), id=id, title=title, published=published
    )
    return process_raw(raw, model)


def safe_process(raw: RawDocument, model: str = DEFAULT_MODEL) -> Record | DocumentError:
    """Like process_raw, but a document that fails becomes an error entry."""
    where = raw.source.path or raw.source.url or raw.id or "<input>"
    try:
        return process_raw(raw, model)
    except AccordError as exc:
        return DocumentError(path=where, reason=str(exc), stage="process")
    except (ValueError, UnicodeError) as exc:
        return DocumentError(path=where, reason=f"{type(exc).__name__}: {exc}", stage="process")
