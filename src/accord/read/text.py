"""Plain-text article files -> RawDocument."""

from __future__ import annotations

from pathlib import Path

from accord.errors import ReadError
from accord.read.decode import decode_bytes
from accord.schema import RawDocument, Source


def read_text_bytes(data: bytes, source: Source, id: str | None = None) -> RawDocument:
    """Decode one plain-text article; raise ReadError when it is not usable text."""
    decoded = decode_bytes(data)
    return RawDocument(text=decoded.text, source=source, id=id, warnings=decoded.warnings)


def read_text_file(path: Path) -> RawDocument:
    """A plain-text article file; its stem is the document id."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"cannot read file ({exc.strerror or exc})") from exc
    return read_text_bytes(data, Source(path=str(path), format="text"), id=path.stem)
