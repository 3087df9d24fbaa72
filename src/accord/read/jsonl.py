"""JSON Lines files -> RawDocuments: one article per line, one error per bad line.

Fields: ``text`` (required), ``id``, ``title``, ``published``, ``url``, ``outlet``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from accord.errors import ReadError
from accord.read.dates import normalise_date
from accord.read.decode import repair_text
from accord.schema import DocumentError, RawDocument, Source

_OPTIONAL_STR = ("id", "title", "published", "url", "outlet")


def parse_jsonl_line(line: str, where: str, default_id: str) -> RawDocument:
    """One JSON Lines record; ReadError says what is wrong with it."""
    try:
        row: Any = json.loads(line)
    except json.JSONDecodeError as exc:
        # some of json's messages end in "at" ("Invalid control character at")
        msg = exc.msg.removesuffix(" at")
        raise ReadError(f"not valid JSON ({msg} at column {exc.pos + 1})") from exc
    if not isinstance(row, dict):
        raise ReadError(f"a line must hold a JSON object, not {type(row).__name__}")
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ReadError("missing or empty 'text' field")
    for name in _OPTIONAL_STR:
        value = row.get(name)
        if value is not None and not isinstance(value, str | int):
            raise ReadError(f"field {name!r} must be a string, not {type(value).__name__}")
    warnings: list[str] = []
    published = normalise_date(row.get("published"))
    if row.get("published") and published is None:
        warnings.append(f"ignored unreadable published date {row['published']!r}")
    url = row.get("url")
    return RawDocument(
        text=repair_text(text, warnings),
        source=Source(path=where, url=url if isinstance(url, str) else None, format="jsonl"),
        id=str(row["id"]) if row.get("id") is not None else default_id,
        title=row.get("title") if isinstance(row.get("title"), str) else None,
        published=published,
        outlet=row.get("outlet") if isinstance(row.get("outlet"), str) else None,
        warnings=tuple(warnings),
    )


def iter_jsonl(path: Path) -> Iterator[RawDocument | DocumentError]:
    """Every article in a JSON Lines file; a bad line is an error entry naming file:line."""
    try:
        handle = path.open("r", encoding="utf-8", errors="strict", newline=None)
    except OSError as exc:
        yield DocumentError(path=str(path), reason=f"cannot read file ({exc.strerror or exc})")
        return
    with handle:
        lineno = 0
        while True:
            lineno += 1
            where = f"{path}:{lineno}"
            try:
                line = handle.readline()
            except UnicodeDecodeError:
                yield DocumentError(path=where, reason="not valid UTF-8; the rest was skipped")
                return
            if not line:
                return
            if not line.strip():
                continue
            try:
                yield parse_jsonl_line(line, where, default_id=f"{path.stem}-{lineno}")
            except ReadError as exc:
                yield DocumentError(path=where, reason=str(exc), stage="read")
