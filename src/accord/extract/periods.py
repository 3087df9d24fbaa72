"""Periods a money figure covers: first and last month, ``("YYYY-MM", "YYYY-MM")``.

Written by hand because dateparser reads single dates, not ranges ("January-September
2022", "the first half of 2023", "over the next five years"). Rules:

- month ranges "January-September 2022", "from April to July 2004", "between March and
  May" -> those months; a range or month without a year takes ``year`` (the caller's
  context), else published's year (moved back a year when the range ends after the
  published month: a figure is reported after its period);
- "in 1986", "1986", "calendar 2003" -> the whole year; "1985-1990", "between 2018 and
  2020" -> first to last year; "since 2015" -> 2015 to published;
- "the first half (of 2023)", "H2 2022", "the first quarter", "Q3" -> those months;
  without a year the latest such half or quarter ending on or before published;
- "last year", "this year", "last month", "this month" -> relative to published;
- "over the next five years", "in the coming three years" -> from published's month;
- "the first nine months of 2019" -> January-September; "the 12 months to June 2023" ->
  the twelve months ending then; "the fiscal year ending March 2020" -> April 2019 to
  March 2020;
- "a year", "annually", "each year", "per year", "fiscal year" -> no period (a rate, or a
  fiscal year whose months differ by country); "that period", "the same period" are
  references the caller resolves (``is_reference``); "a year earlier", "the previous
  year" are shifts of a compared figure's period (``shift_months``).
"""

from __future__ import annotations

import re

from accord.extract.dates import MONTHS, add_months, parse_published, without_times
from accord.schema import Period

_M = "|".join(sorted(MONTHS, key=len, reverse=True))
_Y = r"(1[89]\d\d|20\d\d)"
_SEP = r"\s*(?:-|–|—|to|through|until|and)\s*"
_MONTH_RANGE = re.compile(rf"\b({_M})\.?(?:\s+{_Y})?{_SEP}({_M})\.?(?:,?\s+(?:of\s+)?{_Y})?", re.I)
_MONTH_YEAR = re.compile(rf"\b({_M})\.?,?\s+(?:of\s+)?{_Y}\b", re.I)
_MONTH_ALONE = re.compile(rf"\b(?:in|during|for|of)\s+({_M})\b(?!\s+\d)", re.I)
_YEAR_RANGE = re.compile(rf"\b{_Y}\s*(?:-|–|—|to|and)\s*{_Y}\b")
_SINCE = re.compile(rf"\bsince\s+{_Y}\b", re.I)
_HALF = re.compile(
    rf"\b(?:(first|second|1st|2nd)\s+half|h([12]))(?:\s+(?:of\s+)?(?:the\s+year\s+)?{_Y})?", re.I
)
_QUARTER = re.compile(
    rf"\b(?:(first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+quarter|q([1-4]))"
    rf"(?:\s+(?:of\s+)?{_Y})?",
    re.I,
)
_NEXT_N = re.compile(
    r"\b(?:(?:over|in|during|within|for)\s+)?the\s+(?:next|coming)\s+(\w+)\s+(year|month)s?\b",
    re.I,
)
_RATE = re.compile(
    r"\b(?:a|per|each|every)\s+(?:year|annum|month)\b(?!\s+(?:earlier|before|ago|previously))"
    r"|\bannual(?:ly)?\b|\bfiscal\b"
    r"|\bfinancial year\b|\byearly\b|\bmonthly\b",
    re.I,
)
_FISCAL_ENDING = re.compile(
    rf"\b(?:fiscal|financial|budget)\s+year\s+(?:ending|ended|to|through|that\s+ends)\s+"
    rf"(?:(?:on\s+)?\d{{1,2}}\s+)?({_M})\.?(?:\s+\d{{1,2}}\b(?!\d))?,?(?:\s+{_Y})?",
    re.I,
)
_FIRST_N_MONTHS = re.compile(
    rf"\b(?:first|opening)\s+(\w+)\s+months\s+(?:of\s+)?(?:(?:the\s+)?year\s+)?(?:{_Y})?", re.I
)
_N_MONTHS_TO = re.compile(
    rf"\b(\w+)\s+months\s+(?:to|ending|ended|through)\s+(?:the\s+end\s+of\s+)?({_M})\.?"
    rf"(?:\s+{_Y})?",
    re.I,
)
_SHIFT = re.compile(
    r"\b(a|one|two|three|\d+)\s+(year|month)s?\s+(?:earlier|before|previously|ago)\b"
    r"|\b(?:the\s+)?(previous|prior|preceding)\s+(year|month)\b|\bthe\s+(year|month)\s+before\b",
    re.I,
)
_REFERENCE = re.compile(r"\b(?:that|this|the same|the)\s+(?:period|time|span)\b", re.I)
_SAME_PERIOD_YEAR = re.compile(rf"\bsame\s+(?:period|months?|quarter|time)\b.*?{_Y}", re.I)
_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}
_ORDINAL |= {"fourth": 4, "4th": 4, "final": 4, "last": 4}
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_NUMBER_WORDS |= {"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15}
_NUMBER_WORDS |= {"twenty": 20, "eighteen": 18, "a": 1, "one": 1, "six": 6}


def _p(y0: int, m0: int, y1: int, m1: int) -> Period:
    return (f"{y0:04d}-{m0:02d}", f"{y1:04d}-{m1:02d}")


def is_rate(text: str) -> bool:
    """'a year', 'annually', 'fiscal year': the figure has no calendar period (a fiscal
    year is one only where the text says when it ends)."""
    return bool(_RATE.search(text)) and not _FISCAL_ENDING.search(text)


def shift_months(text: str) -> int | None:
    """'a year earlier', 'the previous year', 'two years before': how many months back
    from the period of the figure it is compared with (negative), else None."""
    m = _SHIFT.search(text)
    if m is None:
        return None
    if m.group(1):
        n = int(m.group(1)) if m.group(1).isdigit() else _NUMBER_WORDS.get(m.group(1).lower(), 1)
        unit = m.group(2)
    else:
        n, unit = 1, m.group(4) or m.group(5)
    return -n * (12 if unit.lower() == "year" else 1)


def shift_period(period: Period, months: int) -> Period:
    """``period`` moved by ``months`` (both ends)."""
    (y0, m0), (y1, m1) = (tuple(int(x) for x in p.split("-")) for p in period)
    return _p(*add_months(y0, m0, months), *add_months(y1, m1, months))


def is_reference(text: str) -> bool:
    """'during that period', 'the same period': the period of an earlier figure."""
    return bool(_REFERENCE.search(text)) and not _YEAR_RANGE.search(text)


def same_period_year(text: str) -> int | None:
    """The year in 'the same period in 2003' / 'of last year' style comparisons."""
    m = _SAME_PERIOD_YEAR.search(text)
    return int(m.group(1)) if m else None


def _default_year(end_month: int, year: int | None, published: str | None) -> int | None:
    if year is not None:
        return year
    anchor = parse_published(published)
    if anchor is None:
        return None
    return anchor.year if end_month <= anchor.month else anchor.year - 1


def resolve_period(
    text: str, published: str | None = None, *, year: int | None = None
) -> Period | None:
    """The months a period expression covers (see module doc), or None.

    ``year`` supplies the year for expressions that name none ("April-July") when the
    caller knows it from context; otherwise published decides.
    """
    text = without_times(text)
    if is_rate(text):
        return None
    m = _FISCAL_ENDING.search(text)
    if m:
        mo = MONTHS[m.group(1).lower()]
        y = int(m.group(2)) if m.group(2) else _default_year(mo, year, published)
        return None if y is None else _p(*add_months(y, mo, -11), y, mo)
    m = _FIRST_N_MONTHS.search(text)
    if m and (n := _count(m.group(1))) and 1 <= n <= 12:
        y = int(m.group(2)) if m.group(2) else _default_year(n, year, published)
        return None if y is None else _p(y, 1, y, n)
    m = _N_MONTHS_TO.search(text)
    if m and (n := _count(m.group(1))) and 1 <= n <= 24:
        mo = MONTHS[m.group(2).lower()]
        y = int(m.group(3)) if m.group(3) else _default_year(mo, year, published)
        return None if y is None else _p(*add_months(y, mo, 1 - n), y, mo)
    m = _MONTH_RANGE.search(text)
    if m:
        m0, y0, m1, y1 = (
            MONTHS[m.group(1).lower()],
            m.group(2),
            MONTHS[m.group(3).lower()],
            m.group(4),
        )
        end_year = int(y1) if y1 else (int(y0) if y0 else _default_year(m1, year, published))
        if end_year is None:
            return None
        start_year = int(y0) if y0 else (end_year if m0 <= m1 else end_year - 1)
        return _p(start_year, m0, end_year, m1)
    m = _YEAR_RANGE.search(text)
    if m:
        return _p(int(m.group(1)), 1, int(m.group(2)), 12)
    m = _HALF.search(text)
    if m:
        half = 1 if (m.group(1) or m.group(2) or "").lower() in ("first", "1st", "1") else 2
        y = int(m.group(3)) if m.group(3) else _default_year(half * 6, year, published)
        return None if y is None else _p(y, half * 6 - 5, y, half * 6)
    m = _QUARTER.search(text)
    if m:
        q = _ORDINAL[m.group(1).lower()] if m.group(1) else int(m.group(2))
        y = int(m.group(3)) if m.group(3) else _default_year(q * 3, year, published)
        return None if y is None else _p(y, q * 3 - 2, y, q * 3)
    m = _MONTH_YEAR.search(text)
    if m:
        mo, y = MONTHS[m.group(1).lower()], int(m.group(2))
        return _p(y, mo, y, mo)
    m = _SINCE.search(text)
    if m:
        anchor = parse_published(published)
        if anchor is None:
            return None
        return _p(int(m.group(1)), 1, anchor.year, anchor.month)
    years = re.findall(_Y, text)
    if len(set(years)) == 1:
        y = int(years[0])
        return _p(y, 1, y, 12)
    return _relative(text, published, year)


def _count(word: str) -> int | None:
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word.lower())


def _relative(text: str, published: str | None, year: int | None) -> Period | None:
    low = text.lower()
    m = _MONTH_ALONE.search(text)
    if m:
        mo = MONTHS[m.group(1).lower()]
        y = _default_year(mo, year, published)
        return None if y is None else _p(y, mo, y, mo)
    anchor = parse_published(published)
    if anchor is None:
        return None
    m = _NEXT_N.search(text)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else _NUMBER_WORDS.get(m.group(1).lower())
        if n is None:
            return None
        months = n * 12 if m.group(2).lower() == "year" else n
        return _p(anchor.year, anchor.month, *add_months(anchor.year, anchor.month, months - 1))
    rel = re.search(r"\b(this|last|past|previous|next|current)\s+(year|month)\b", low)
    if rel:
        step = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "next": 1}
        delta = step[rel.group(1)]
        if rel.group(2) == "year":
            y = anchor.year + delta
            return _p(y, 1, y, 12)
        y, mo = add_months(anchor.year, anchor.month, delta)
        return _p(y, mo, y, mo)
    return None
