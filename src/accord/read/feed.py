"""RSS 2.0 and Atom feed files -> RawDocuments, one per entry; never fetches the links.

feedparser reads both formats (and ill-formed feeds, leniently); it is given the bytes
in a BytesIO because a str argument may make it fetch a URL or open a file. Its strict
parser refuses external entities and pyexpat (2.4.1+) caps entity expansion, so a
hostile feed cannot read local files or blow up memory.

An entry's text is its full content when the feed carries it, else its summary; HTML
goes through the HTML reader (trafilatura), so feed text looks like page text.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import feedparser
import lxml.html

from accord.errors import ReadError
from accord.read.dates import normalise_date
from accord.read.decode import repair_text
from accord.read.html import read_html_text
from accord.schema import DocumentError, RawDocument, Source

FEED_ROOTS = frozenset({"rss", "feed"})
_HTML_TYPES = {"text/html", "application/xhtml+xml", "html", "xhtml"}
# Markup before the root element: XML declaration, processing instructions, comments,
# the doctype (with an internal subset), and whitespace.
_PROLOG = re.compile(r"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)", re.S | re.I)
_TAG = re.compile(r"\s*<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")
_HEAD_BYTES = 8192
_BLANK_LINE = re.compile(r"\n\s*\n")


def feed_root(head: bytes) -> str | None:
    """The local name of the root element in the first bytes of an XML file.

    A regex over the head names the root without parsing the file, so deciding whether
    an .xml file is a feed costs one small read and expands no entities.
    """
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head.decode("utf-16", errors="ignore")
    else:
        text = head.removeprefix(b"\xef\xbb\xbf").decode("latin-1")
    pos = 0
    while m := _PROLOG.match(text, pos):
        pos = m.end()
    tag = _TAG.match(text, pos)
    return tag[2].lower() if tag else None


def is_feed_file(path: Path) -> bool:
    """Whether an XML file's root element is <rss> or <feed> (Atom)."""
    try:
        with path.open("rb") as fh:
            return feed_root(fh.read(_HEAD_BYTES)) in FEED_ROOTS
    except OSError:
        return False


def _plain(value: str, kind: str) -> str:
    """A title or plain-text field as text (feed titles may carry inline HTML)."""
    if kind in _HTML_TYPES and "<" in value:
        value = str(lxml.html.fragment_fromstring(value, create_parent="div").text_content())
    return " ".join(repair_text(value).split())


def _entry_date(entry: Any) -> str | None:
    """The entry's own date as the feed wrote it (local, not shifted to UTC)."""
    for name in ("published", "updated", "created"):
        found = normalise_date(entry.get(name))
        if found:
            return found
        parsed = entry.get(f"{name}_parsed")
        if parsed:
            return date(parsed[0], parsed[1], parsed[2]).isoformat()
    return None


def _entry_body(entry: Any, where: str) -> str:
    """Plain text of the entry's content, else its summary; ReadError when it has none."""
    parts = [*entry.get("content", []), entry.get("summary_detail")]
    for part in parts:
        if not part or not str(part.get("value", "")).strip():
            continue
        value, kind = str(part["value"]), str(part.get("type", "text/plain")).lower()
        if kind in _HTML_TYPES:
            page = f"<html><body>{value}</body></html>"
            return read_html_text(page, Source(path=where, format="feed")).text
        paragraphs = _BLANK_LINE.split(repair_text(value))
        return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())
    raise ReadError("feed entry has no content or summary text")


def _is_web(link: object) -> bool:
    # feedparser falls back to the entry id for the link, and Atom ids are often tag: URIs.
    return isinstance(link, str) and link.startswith(("http://", "https://"))


def _entry(entry: Any, path: Path, number: int, warnings: tuple[str, ...]) -> RawDocument:
    where = f"{path}#{number}"
    body = _entry_body(entry, where)
    detail = entry.get("title_detail") or {}
    title = _plain(str(entry.get("title", "")), str(detail.get("type", ""))) or None
    text = body if not title or body.startswith(title) else f"{title}\n\n{body}"
    link = entry.get("link")
    entry_id = entry.get("id")
    return RawDocument(
        text=text,
        source=Source(path=where, url=link if _is_web(link) else None, format="feed"),
        id=str(entry_id) if entry_id else f"{path.stem}-{number}",
        title=title,
        published=_entry_date(entry),
        warnings=warnings,
    )


def iter_feed(path: Path) -> Iterator[RawDocument | DocumentError]:
    """Every entry of an RSS or Atom file; a bad entry is one error naming file#entry."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield DocumentError(path=str(path), reason=f"cannot read file ({exc.strerror or exc})")
        return
    root = feed_root(data[:_HEAD_BYTES])
    if root not in FEED_ROOTS:
        found = f"root element <{root}>" if root else "no XML root element"
        yield DocumentError(path=str(path), reason=f"not an RSS or Atom feed ({found})")
        return
    parsed = feedparser.parse(io.BytesIO(data))
    warnings: tuple[str, ...] = ()
    if parsed.get("bozo"):
        problem = parsed.get("bozo_exception")
        if not parsed.entries:
            yield DocumentError(path=str(path), reason=f"not a readable feed ({problem})")
            return
        warnings = (f"feed is not well-formed XML ({problem}); read leniently",)
    if not parsed.entries:
        yield DocumentError(path=str(path), reason="feed has no entries")
        return
    for number, entry in enumerate(parsed.entries, start=1):
        try:
            yield _entry(entry, path, number, warnings)
        except ReadError as exc:
            yield DocumentError(path=f"{path}#{number}", reason=str(exc), stage="read")
