"""Event dates: a date expression resolved against the publication date.

Interim: a small resolver used until extract/dates.py (resolve_when) lands on this
branch; then this module only forwards to it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
    )
}
_MONTHS.update({k[:3]: v for k, v in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def _published(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def resolve_event_date(text: str, published: str | None, future: bool = False) -> str | None:
    """'July 2023' -> '2023-07', 'last year' -> YYYY from published, else None."""
    low = text.lower()
    pub = _published(published)
    year_m = re.search(r"\b(1[89]\d\d|20\d\d)\b", low)
    month = next(
        (n for w, n in _MONTHS.items() if re.search(rf"\b{w}\b\.?", low) and w != "may"), None
    )
    if month is None and re.search(r"\bmay\b", low) and (year_m or re.search(r"\d", low)):
        month = 5
    day_m = re.search(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b", re.sub(r"\b(1[89]|20)\d\d\b", "", low))
    if year_m:
        year = int(year_m.group(1))
        if month and day_m and 1 <= int(day_m.group(1)) <= 31:
            return f"{year:04d}-{month:02d}-{int(day_m.group(1)):02d}"
        if month:
            return f"{year:04d}-{month:02d}"
        return f"{year:04d}"
    if pub is None:
        return None
    if month:
        year = pub.year
        if future and month < pub.month:
            year += 1
        if not future and month > pub.month:
            year -= 1
        return f"{year:04d}-{month:02d}"
    rel = {
        "last year": f"{pub.year - 1:04d}",
        "this year": f"{pub.year:04d}",
        "next year": f"{pub.year + 1:04d}",
        "last month": _shift_month(pub, -1),
        "this month": _shift_month(pub, 0),
        "next month": _shift_month(pub, 1),
        "this week": _shift_month(pub, 0),
        "last week": (pub - timedelta(days=7)).strftime("%Y-%m"),
        "next week": (pub + timedelta(days=7)).strftime("%Y-%m"),
        "today": pub.isoformat(),
        "yesterday": (pub - timedelta(days=1)).isoformat(),
        "tomorrow": (pub + timedelta(days=1)).isoformat(),
    }
    for phrase, value in rel.items():
        if phrase in low:
            return value
    for i, name in enumerate(_WEEKDAYS):
        if re.search(rf"\b{name}\b", low):
            delta = (pub.weekday() - i) % 7
            if future:
                return (pub + timedelta(days=(i - pub.weekday()) % 7)).isoformat()
            return (pub - timedelta(days=delta)).isoformat()
    return None


def _shift_month(pub: date, months: int) -> str:
    total = pub.year * 12 + pub.month - 1 + months
    return f"{total // 12:04d}-{total % 12 + 1:02d}"
