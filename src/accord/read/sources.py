"""Paths given by a user -> RawDocuments, one error entry per bad file; the batch goes on."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from accord.errors import ReadError
from accord.read.feed import iter_feed
from accord.read.folder import iter_folder
from accord.read.html import read_html_file
from accord.read.jsonl import iter_jsonl
from accord.read.stdin import looks_like_html, read_stdin
from accord.read.text import read_text_file
from accord.read.warc import is_warc_name, iter_warc
from accord.schema import DocumentError, RawDocument

_HTML = {".html", ".htm", ".xhtml"}
_JSONL = {".jsonl", ".ndjson"}
_FEEDS = {".rss", ".atom", ".xml"}


def read_file(path: Path) -> Iterator[RawDocument | DocumentError]:
    """The documents in one file, chosen by its suffix (a .txt holding a page is HTML)."""
    suffix = path.suffix.lower()
    if suffix in _JSONL:
        yield from iter_jsonl(path)
        return
    if is_warc_name(path):
        yield from iter_warc(path)
        return
    if suffix in _FEEDS:
        yield from iter_feed(path)
        return
    try:
        if suffix in _HTML:
            yield read_html_file(path)
            return
        raw = read_text_file(path)
        yield read_html_file(path) if looks_like_html(raw.text) else raw
    except ReadError as exc:
        yield DocumentError(path=str(path), reason=str(exc), stage="read")


def iter_raw(
    paths: Iterable[str | Path], include: Sequence[str] | None = None
) -> Iterator[RawDocument | DocumentError]:
    """Every document under the given paths, in a stable order.

    A folder is read recursively (``include`` globs, default in ``read.folder``: text,
    HTML, JSON Lines, WARC and feeds; an .xml file only when it is an RSS or Atom feed);
    a file named on its own is read whatever its suffix; ``-`` is standard input.
    """
    for given in paths:
        if str(given) == "-":
            try:
                yield read_stdin()
            except ReadError as exc:
                yield DocumentError(path="<stdin>", reason=str(exc), stage="read")
            continue
        path = Path(given)
        if path.is_dir():
            for file in iter_folder(path, include):
                yield from read_file(file)
        elif path.is_file():
            yield from read_file(path)
        else:
            yield DocumentError(path=str(path), reason="no such file or folder", stage="read")
