"""WARC files (.warc, .warc.gz; Common Crawl News style) -> RawDocuments, one per HTML page.

Every ``response`` record holding an HTTP 200 ``text/html`` page becomes a document
through the HTML reader (trafilatura main text, title, date, site name); other records
are skipped. The publication date comes from the page only: WARC-Date is when the page
was crawled, not when it was published, so it is never used as a fallback.

fastwarc parses the records. Two things it does not do for us, and why we do them here:
- a truncated record reads as a short one without an error, so each block's length is
  checked against its Content-Length;
- a truncated gzip stream ends the iteration silently with its native reader, so .gz
  files go through Python's gzip module, whose end-of-stream check we turn into a flag.
"""

from __future__ import annotations

import codecs
import gzip
import zlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import IO

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from accord.errors import ReadError
from accord.read.decode import decode_bytes
from accord.read.html import read_html_text
from accord.schema import DocumentError, RawDocument, Source

_GZIP_MAGIC = b"\x1f\x8b"
_HTML_TYPES = {"text/html", "application/xhtml+xml"}


def is_warc_name(path: Path) -> bool:
    """Whether a file name says WARC (.warc or .warc.gz)."""
    name = path.name.lower()
    return name.endswith((".warc", ".warc.gz"))


class _Guarded:
    """A byte stream that ends quietly where gzip data ends early, and remembers it.

    ``read1`` keeps the bytes decompressed before the break (``read`` would drop them
    with the EOFError), so every complete record before it is still read.
    """

    def __init__(self, stream: IO[bytes], gzipped: bool) -> None:
        self._raw: IO[bytes] | gzip.GzipFile = gzip.GzipFile(fileobj=stream) if gzipped else stream
        self.broken: str | None = None

    def read(self, size: int = -1) -> bytes:
        if self.broken is not None:
            return b""
        try:
            if isinstance(self._raw, gzip.GzipFile):
                return self._raw.read1(size)
            return self._raw.read(size)
        except EOFError:
            self.broken = "the gzip stream ends early (the file is truncated)"
        except (gzip.BadGzipFile, zlib.error) as exc:
            self.broken = f"corrupt gzip data ({exc})"
        return b""

    def tell(self) -> int:
        return self._raw.tell()

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._raw.seek(offset, whence)

    def close(self) -> None:
        self._raw.close()


def _record_name(record: WarcRecord) -> str | None:
    """``urn:uuid:...`` for a well-formed WARC-Record-ID, None for a cut or missing one."""
    rid = (record.record_id or "").strip()
    if not (rid.startswith("<") and rid.endswith(">") and len(rid) > 2):
        return None
    return rid[1:-1]


def _short_id(name: str) -> str:
    return name.removeprefix("urn:uuid:")


def _decode(payload: bytes, charset: str | None) -> str:
    """The page's text: the HTTP charset when it names a real codec, else detection."""
    if charset:
        try:
            codecs.lookup(charset)
            return payload.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(payload).text


def _page(record: WarcRecord, block: bytes, where: str, name: str) -> RawDocument | None:
    """The document in one complete response record; None when it is not an HTML page."""
    record.set_bytes_content(block)
    try:
        record.parse_http(auto_decode="all")
    except (OSError, ValueError) as exc:
        raise ReadError(f"broken HTTP response in record ({exc})") from exc
    status = record.http_headers.status_code if record.is_http else None
    if status is None:
        raise ReadError("broken record: no HTTP status line in the response")
    content_type = (record.http_content_type or "").split(";")[0].strip().lower()
    if status != 200 or content_type not in _HTML_TYPES:
        return None
    try:
        payload = record.reader.read()
    except OSError as exc:
        raise ReadError(f"cannot decode the HTTP payload ({exc})") from exc
    url = record.headers.get("WARC-Target-URI")
    raw = read_html_text(
        _decode(payload, record.http_charset), Source(), id=_short_id(name), url=url
    )
    return replace(raw, source=Source(path=where, url=url or raw.source.url, format="warc"))


def iter_warc(path: Path) -> Iterator[RawDocument | DocumentError]:
    """Every HTML page in a WARC file; a broken record is one error naming file#record."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield DocumentError(path=str(path), reason=f"cannot read file ({exc.strerror or exc})")
        return
    with handle:
        stream = _Guarded(handle, gzipped=handle.read(2) == _GZIP_MAGIC)
        handle.seek(0)
        records = ArchiveIterator(stream, parse_http=False, stream_detect=False)
        last = "the start of the file"
        cut = False
        seen = 0
        try:
            for record in records:
                seen += 1
                name = _record_name(record)
                declared = record.headers.get("Content-Length")
                if name is None or declared is None:
                    where = f"{path}#{name}" if name else f"{path} (after {last})"
                    yield DocumentError(
                        path=where, reason="broken WARC record header (the file may be truncated)"
                    )
                    cut = True
                    break
                where = f"{path}#{name}"
                last = name
                if record.record_type != WarcRecordType.response:
                    got = record.reader.consume()
                    block = None
                else:
                    block = record.reader.read()
                    got = len(block)
                if got < record.content_length:
                    yield DocumentError(
                        path=where,
                        reason=f"record cut short ({got} of {record.content_length} bytes): "
                        "the file is truncated; the records before it were read",
                    )
                    cut = True
                    break
                if block is None:
                    continue
                try:
                    page = _page(record, block, where, name)
                except ReadError as exc:
                    yield DocumentError(path=where, reason=str(exc), stage="read")
                    continue
                if page is not None:
                    yield page
        except OSError as exc:
            yield DocumentError(
                path=f"{path} (after {last})",
                reason=f"unreadable WARC data ({exc}): the file is truncated or corrupt; "
                "the rest of it was skipped",
            )
            return
        if stream.broken and not cut:
            where = f"{path} (after {last})" if seen else str(path)
            yield DocumentError(
                path=where, reason=f"{stream.broken}; the records before it were read"
            )
        elif not seen:
            yield DocumentError(path=str(path), reason="no WARC records in the file")
