"""Many documents: clean all, parse in nlp.pipe batches, extract, yield in order.

``process_chunk(chunk, settings)`` is the per-chunk function: the in-process path, what
each pool worker runs, and what a Spark executor should call on each partition's chunk
(after ``load_nlp(settings.model)`` once per executor). Every document is bounded:
longer than ``settings.max_chars`` before cleaning is refused unread, and cleaning,
parsing and extracting it share ``settings.time_limit`` seconds (``limits.py``).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from functools import lru_cache

from accord.clean.cleaner import clean
from accord.clean.language import detect_language
from accord.errors import AccordError
from accord.extract.run import extract_facts
from accord.parse import load_nlp, parse_many
from accord.pipeline.limits import TimeLimitExceeded, time_limit
from accord.pipeline.processed import Item, Processed, Result, where
from accord.record.assemble import build_record
from accord.schema import Document, DocumentError, RawDocument, Record, Source
from accord.settings import DEFAULT_MODEL, Settings, load_settings

MAX_CHARS = Settings().max_chars
"""Longest text accepted (before cleaning); spaCy refuses longer texts (nlp.max_length)."""

_STAGE_WORDS = {"clean": "cleaning", "parse": "parsing", "extract": "extracting"}


def too_long(raw: RawDocument, max_chars: int) -> DocumentError | None:
    """The error entry for a text over the limit, checked before any work is spent on it."""
    if len(raw.text) <= max_chars:
        return None
    reason = f"text too long: {len(raw.text):,} characters (limit {max_chars:,}, "
    reason += "ACCORD_MAX_CHARS or --max-chars)"
    return DocumentError(path=where(raw), reason=reason, stage="read")


def late(path: str, limit: float, stage: str) -> DocumentError:
    """The error entry for a document that ran past the time limit."""
    reason = f"took longer than the time limit of {limit:g} s while {_STAGE_WORDS[stage]} "
    reason += "(ACCORD_TIME_LIMIT or --time-limit)"
    return DocumentError(path=path, reason=reason, stage=stage)


def _defect(path: str, stage: str, exc: Exception) -> DocumentError:
    if isinstance(exc, AccordError):
        return DocumentError(path=path, reason=str(exc), stage=stage)
    reason = f"internal error while {_STAGE_WORDS[stage]}: {type(exc).__name__}: {exc}"
    return DocumentError(path=path, reason=reason, stage=stage)


class _Doc:
    """One cleaned document on its way through a chunk, with the time it has used."""

    __slots__ = ("document", "spacy_doc", "spent")

    def __init__(self, document: Document, spent: float) -> None:
        self.document, self.spent = document, spent
        self.spacy_doc: object | None = None


def _clean(raw: RawDocument, settings: Settings) -> _Doc | DocumentError:
    if (error := too_long(raw, settings.max_chars)) is not None:
        return error
    start = time.monotonic()
    try:
        with time_limit(settings.time_limit):
            document = clean(raw)
    except TimeLimitExceeded:
        return late(where(raw), settings.time_limit, "clean")
    except Exception as exc:  # bad input or a cleaner defect: this document alone
        return _defect(where(raw), "clean", exc)
    if len(document.body) > settings.max_chars:  # the cleaner inserted more than it dropped
        return too_long(replace(raw, text=document.body), settings.max_chars) or DocumentError(
            path=where(raw), reason="text too long after cleaning", stage="clean"
        )
    return _Doc(document, time.monotonic() - start)


def _left(doc: _Doc, limit: float) -> float:
    """Seconds left of the document's limit (0 stays 'no limit')."""
    return 0.0 if limit <= 0 else limit - doc.spent


def _parse(docs: list[_Doc], settings: Settings) -> dict[int, DocumentError]:
    """Parse the chunk's documents in one nlp.pipe batch; when the batch runs past the
    sum of their time left or fails, parse them one at a time, each within its own."""
    limit = settings.time_limit
    failed: dict[int, DocumentError] = {}
    if not docs:
        return failed
    start = time.monotonic()
    try:
        budget = sum(max(_left(d, limit), 0.0) for d in docs) if limit > 0 else 0.0
        if limit > 0 and budget <= 0:
            raise TimeLimitExceeded("no time left")
        with time_limit(budget):
            parsed = list(parse_many((d.document.body for d in docs), settings.model))
    except Exception:
        parsed = []
    if len(parsed) == len(docs):
        elapsed, total = time.monotonic() - start, sum(len(d.document.body) for d in docs) or 1
        for d, spacy_doc in zip(docs, parsed, strict=True):
            d.spacy_doc = spacy_doc
            d.spent += elapsed * len(d.document.body) / total
        return failed
    for i, d in enumerate(docs):
        left = _left(d, limit)
        if limit > 0 and left <= 0:
            failed[i] = late(where(d.document), limit, "parse")
            continue
        one = time.monotonic()
        try:
            with time_limit(left):
                (d.spacy_doc,) = parse_many([d.document.body], settings.model)
        except TimeLimitExceeded:
            failed[i] = late(where(d.document), limit, "parse")
        except Exception as exc:  # a text spaCy cannot take: this document alone
            failed[i] = _defect(where(d.document), "parse", exc)
        d.spent += time.monotonic() - one
    return failed


def _extract(d: _Doc, settings: Settings) -> Result:
    limit = settings.time_limit
    left = _left(d, limit)
    if limit > 0 and left <= 0:
        return late(where(d.document), limit, "parse")
    try:
        with time_limit(left):
            facts = extract_facts(d.document, d.spacy_doc)  # type: ignore[arg-type]
            return Processed(d.document, build_record(d.document, facts))
    except TimeLimitExceeded:
        return late(where(d.document), limit, "extract")
    except Exception as exc:  # a defect in an extractor must not stop the batch
        return _defect(where(d.document), "extract", exc)


_WARM_FOREIGN = "Der Vertrag wurde am Dienstag in Nairobi von beiden Regierungen unterzeichnet."
_WARM_TEXT = (
    "Kenya and India signed a $120 million loan agreement in Nairobi on Tuesday, the "
    'finance ministry said. "This is a partnership," said Minister Jane Doe.\n'
)


@lru_cache(maxsize=4)
def warm_up(model: str) -> None:
    """Load the model and run every stage once on a short text, with no time limit.

    The stages import libraries and load lexicons on first use; a time limit that
    interrupted the first document half way through an import would leave a broken
    module behind for every later document of the process.
    """
    load_nlp(model)
    detect_language(_WARM_FOREIGN)  # the language model loads only for text not plainly English
    # dated, so the first amount also loads the ECB rate table
    raw = RawDocument(text=_WARM_TEXT, source=Source(format="text"), published="2024-03-12")
    document = clean(raw)
    (spacy_doc,) = parse_many([document.body], model)
    build_record(document, extract_facts(document, spacy_doc))


def process_chunk(chunk: Sequence[Item], settings: Settings) -> list[Result]:
    """Results for one chunk of documents, in order: a Processed or an error entry each.

    One bad document costs one DocumentError and the chunk goes on; only a missing
    model (ModelNotFoundError) stops it, as it would stop every document.
    """
    warm_up(settings.model)
    slots: list[Result | _Doc] = [
        item if isinstance(item, DocumentError) else _clean(item, settings) for item in chunk
    ]
    docs = [s for s in slots if isinstance(s, _Doc)]
    failed = _parse(docs, settings)
    out: list[Result] = []
    n = 0
    for slot in slots:
        if not isinstance(slot, _Doc):
            out.append(slot)
            continue
        out.append(failed[n] if n in failed else _extract(slot, settings))
        n += 1
    return out


def _words(item: Item) -> int:
    return 0 if isinstance(item, DocumentError) else len(item.text.split())


def chunks(items: Iterable[Item], settings: Settings) -> Iterator[list[Item]]:
    """The stream in chunks of at most ``batch_size`` documents and ``batch_words``
    words, in order; a document longer than ``batch_words`` is a chunk of its own.

    A parsed batch holds every document's arrays until the batch is extracted, so its
    memory follows its words: capping documents alone lets one batch of long texts set
    a worker's peak (measured on the bulk corpus: 19,000 words in one 32-document
    batch against 8,500 for the median)."""
    chunk: list[Item] = []
    words = 0
    for item in items:
        n = _words(item)
        if chunk and (len(chunk) >= settings.batch_size or words + n > settings.batch_words):
            yield chunk
            chunk, words = [], 0
        chunk.append(item)
        words += n
    if chunk:
        yield chunk


def iter_processed_here(items: Iterable[Item], settings: Settings) -> Iterator[Result]:
    """Results for a stream of documents, in this process, a chunk at a time."""
    for chunk in chunks(items, settings):
        yield from process_chunk(chunk, settings)


def records(results: Iterable[Result]) -> Iterator[Record | DocumentError]:
    """The records of results (what the record-only entry points yield)."""
    for result in results:
        yield result.record if isinstance(result, Processed) else result


def process_stream(
    items: Iterable[RawDocument | DocumentError],
    model: str = DEFAULT_MODEL,
    batch_size: int = 32,
    max_chars: int | None = None,
    *,
    settings: Settings | None = None,
) -> Iterator[Record | DocumentError]:
    """Records (or error entries) for a stream of raw documents, in input order, here.

    Kept for callers that want records only; ``settings`` (default: load_settings with
    the arguments given) carries the limits. ``iter_processed_here`` gives documents too.
    """
    if settings is None:
        settings = load_settings(model=model, batch_size=batch_size, max_chars=max_chars)
    yield from records(iter_processed_here(items, settings))
