"""Publication dates given as metadata -> YYYY-MM-DD."""

from __future__ import annotations

import re
from datetime import date

import dateparser

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def normalise_date(value: object) -> str | None:
    """YYYY-MM-DD for a date string in any common form; None when it has none.

    ISO dates (the common case, with or without a time) are read directly; the rest
    goes to dateparser, which is slow but knows every format feeds and archives use.
    """
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if m := _ISO.match(text):
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    if not re.search(r"\d{4}", text):
        return None  # no year: a date we would have to guess
    parsed = dateparser.parse(text, settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date().isoformat() if parsed else None
