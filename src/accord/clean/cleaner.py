"""RawDocument -> Document: the article body, its provenance and an offset map."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import replace

from accord.clean.boilerplate import classify
from accord.clean.credits import credited_names, find_credits
from accord.clean.dates import published_from_text
from accord.clean.language import detect_language, language_warning
from accord.clean.lines import split_units
from accord.clean.offsets import build_body
from accord.clean.outlet import detect_outlet
from accord.errors import CleanError
from accord.schema import Document, RawDocument

_TITLE_MAX = 300


def content_hash(text: str) -> str:
    """Identity of a document: the hash of its normalised text."""
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    return "sha256:" + hashlib.sha256(norm.encode("utf-8")).hexdigest()


def clean(raw: RawDocument) -> Document:
    """Clean one raw document; CleanError when no article text is left."""
    if not raw.text.strip():
        raise CleanError("empty text")
    if "\x00" in raw.text:
        # NUL is never article text, and PostgreSQL cannot store it; one character for
        # one keeps every offset into the raw text valid
        raw = replace(
            raw,
            text=raw.text.replace("\x00", "\ufffd"),
            warnings=(
                *raw.warnings,
                f"replaced {raw.text.count(chr(0))} NUL character(s) with U+FFFD",
            ),
        )
    units, wrapped = split_units(raw.text)
    verdicts = classify(units, wrapped)
    kept = [v for v in verdicts if v.keep]
    body, offsets = build_body(raw.text, [v.spans for v in kept])
    if not body.strip():
        raise CleanError("no article text left after removing page furniture")
    credits = find_credits(verdicts)
    outlet = raw.outlet or detect_outlet(verdicts, credits)
    title = raw.title
    if title is None and kept and kept[0].why == "title" and len(kept[0].unit.text) <= _TITLE_MAX:
        title = kept[0].unit.text
    digest = content_hash(raw.text)
    warnings = list(raw.warnings)
    if wrapped:
        warnings.append("joined hard-wrapped lines into paragraphs")
    language, confidence = detect_language(body)
    if note := language_warning(language, confidence):
        warnings.append(note)
    return Document(
        id=raw.id or digest.split(":", 1)[1][:16],
        content_hash=digest,
        source=raw.source,
        raw=raw.text,
        body=body,
        offsets=offsets,
        title=title,
        published=raw.published or published_from_text(verdicts),
        language=language,
        outlet=outlet,
        attributed_sources=credited_names(credits, outlet),
        boilerplate=tuple(line.text for v in verdicts if not v.keep for line in v.unit.lines),
        warnings=tuple(warnings),
    )
