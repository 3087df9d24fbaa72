"""HTML pages -> RawDocument: main text and metadata through trafilatura."""

from __future__ import annotations

import re
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


_MAX_DEPTH = 200  # below libxml2's limit of 255 nested elements
_BLOCKS = "div|section|article|aside|main|header|footer|nav|center|blockquote|table|tbody|thead|tr|td|th|ul|ol|li|dl|dt|dd|form|fieldset|figure|figcaption"  # noqa: E501
_BLOCK_TAG = re.compile(rf"</?(?:{_BLOCKS})\b[^>]*>", re.I)
_INLINE_TAG = re.compile(
    r"</?(?:span|font|b|i|u|em|strong|small|big|sub|sup|a|abbr|cite|q|s|mark|x-[\w-]+)\b[^>]*>",
    re.I,
)
_OPEN_TAG = re.compile(r"<[a-zA-Z][^>]*>")


def _extract(html: str, url: str | None) -> Any:
    return trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )


def _deep(html: str) -> bool:
    """Could the markup nest deeper than libxml2 reads? A cheap test (many opening
    tags), as the flattened reading is only tried where the first one found no text."""
    return len(_OPEN_TAG.findall(html)) > _MAX_DEPTH


def _flatten(html: str) -> str:
    """The page without container and inline-style tags: block ones become line breaks,
    inline ones nothing; paragraphs, headings and the head stay."""
    return _INLINE_TAG.sub("", _BLOCK_TAG.sub("\n", html))


def read_html_text(
    html: str, source: Source, id: str | None = None, url: str | None = None
) -> RawDocument:
    """The article in one HTML page; the title heads the text as in scraped files."""
    extracted = _extract(html, url)
    body = _field(extracted, "text") if extracted is not None else None
    if not body and _deep(html):
        # libxml2 stops reading markup nested deeper than 255 elements, and the text in
        # it is lost: read it again with the container tags taken out
        extracted = _extract(_flatten(html), url)
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
