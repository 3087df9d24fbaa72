"""Standard input -> RawDocument (plain text, or HTML when it looks like a page)."""

from __future__ import annotations

import sys
from typing import BinaryIO

from accord.read.decode import decode_bytes
from accord.read.html import read_html_text
from accord.schema import RawDocument, Source


def looks_like_html(text: str) -> bool:
    """A page, not an article that happens to mention a tag."""
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head


def read_stdin(stream: BinaryIO | None = None, id: str | None = None) -> RawDocument:
    """The whole of standard input as one document; ReadError when it is not text."""
    data = (stream or sys.stdin.buffer).read()
    decoded = decode_bytes(data)
    if looks_like_html(decoded.text):
        return read_html_text(decoded.text, Source(path="<stdin>", format="html"), id=id)
    return RawDocument(
        text=decoded.text,
        source=Source(path="<stdin>", format="stdin"),
        id=id,
        warnings=decoded.warnings,
    )
