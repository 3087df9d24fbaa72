"""HTML pages -> RawDocument: main text and metadata through trafilatura."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import trafilatura

from accord.errors import ReadError
from accord.read.dates import normalise_date
from accord.read.decode import decode_bytes, repair_text
from accord.schema import RawDocument, Source


def _field(meta: Any, name: str) -> str | None:
    value = getattr(meta, name, None)
    return value.strip() or None if isinstance(value, str) else None


def read_html_text(
    html: str, source: Source, id: str | None = None, url: str | None = None
) -> RawDocument:
    """The article in one HTML page; the title heads the text as in scraped files."""
    extracted = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    body = _field(extracted, "text") if extracted is not None else None
    if not body:
        raise ReadError("no article text found in the HTML page")
    title = _field(extracted, "title")
    body = repair_text(body)
    text = body if not title or body.startswith(title) else f"{title}\n\n{body}"
    page_url = url or _field(extracted, "url")
    return RawDocument(
        text=text,
        source=Source(path=source.path, url=page_url, format="html"),
        id=id,
        title=title,
        published=normalise_date(_field(extracted, "date")),
        outlet=_field(extracted, "sitename"),
    )


def read_html_file(path: Path) -> RawDocument:
    """An HTML file; its stem is the document id."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"cannot read file ({exc.strerror or exc})") from exc
    decoded = decode_bytes(data)
    raw = read_html_text(decoded.text, Source(path=str(path), format="html"), id=path.stem)
    if decoded.warnings:
        return RawDocument(
            text=raw.text,
            source=raw.source,
            id=raw.id,
            title=raw.title,
            published=raw.published,
            outlet=raw.outlet,
            warnings=decoded.warnings,
        )
    return raw
