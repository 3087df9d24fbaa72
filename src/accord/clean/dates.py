"""The publication date a text shows: a "Published ..." line or a dateline with a year.

Only dates with a year are taken: "LUSAKA, June 3 -" without one would be a guess.
"""

from __future__ import annotations

import re

import dateparser

from accord.clean.boilerplate import Verdict

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DATE = re.compile(
    rf"\b(?:{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\.?,?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}})\b"
)
# A dateline opens the first paragraph: "NAIROBI, Jan. 9, 2020 -", "March 3, 2021 (AFP) -".
_DATELINE = re.compile(
    rf"^(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}},\s+)?(?P<date>{_DATE.pattern})"
    rf"\s*(?:[-–—:(/]|$)"
)


def _parse(text: str) -> str | None:
    parsed = dateparser.parse(
        text, languages=["en"], settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["year"]}
    )
    if parsed is None or not 1900 <= parsed.year <= 2100:
        return None
    return str(parsed.date().isoformat())


def published_from_text(verdicts: list[Verdict]) -> str | None:
    """YYYY-MM-DD from a "Published/Updated" line or the dateline, else None."""
    for v in verdicts:
        m = _DATE.search(v.unit.text) if v.why == "dateline" else None
        if m and (found := _parse(m[0])):
            return found
    articles = [v for v in verdicts if v.keep and v.why == "article"][:2]
    for v in articles:
        m = _DATELINE.match(v.unit.text)
        if m and (found := _parse(m["date"])):
            return found
    return None
