"""Turns paths given by a user into RawDocuments, one error entry per bad file."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from accord.errors import ReadError
from accord.schema import DocumentError, RawDocument, Source


def read_text_file(path: Path) -> RawDocument:
    """A plain-text article file."""
    data = path.read_bytes()
    if not data.strip():
        raise ReadError("empty file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReadError(f"not valid UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    return RawDocument(text=text, source=Source(path=str(path), format="text"), id=path.stem)


def iter_raw(paths: Iterable[str | Path]) -> Iterator[RawDocument | DocumentError]:
    """Every document under the given paths, in a stable order."""
    for given in paths:
        path = Path(given)
        files = sorted(p for p in path.rglob("*.txt")) if path.is_dir() else [path]
        for file in files:
            try:
                yield read_text_file(file)
            except (ReadError, OSError) as exc:
                yield DocumentError(path=str(file), reason=str(exc), stage="read")
