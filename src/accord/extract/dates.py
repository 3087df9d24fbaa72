"""When something happened: date expressions resolved against the publication date.

``resolve_when`` gives ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, as precise as the text:

- explicit dates ("19 March 2023", "2023-03-19", "March 2023", "in 2023") need no anchor;
  dateparser reads the single-date forms and tells their precision;
- everything relative needs ``published`` (YYYY-MM-DD) and is None without it:
  "today"/"yesterday"/"tomorrow" -> that day; "on Thursday" -> the most recent Thursday on
  or before ``published`` (news reports past days; with ``future=True`` the first one on
  or after it); "this week"/"last week"/"next week" -> the month holding that week's day
  (a week is finer than a month but coarser than a day, so the month is what we can say);
  "this/last/next month" -> YYYY-MM; "this/last/next year" -> YYYY; seasons ("this
  summer", "last autumn", northern-hemisphere) -> the year; "in July" or "March 19"
  (no year) -> the July of published's year, or for ``future=True`` the next July on or
  after published, or for a past verb a month after published's month is last year's;
  "N days/weeks/months/years ago" and "earlier this month" likewise.
  "in March next year" -> that month of next year; "last Tuesday"/"next Tuesday" ->
  strictly before/after published. With ``past=True`` (the caller's verb reports
  something done) a month or day without a year that falls after published's is last
  year's ("signed in November", published in March).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

from spacy.tokens import Doc, Span

from accord.extract.memo import doc_text as _doc_text

MONTHS: dict[str, int] = {}
for _i in range(1, 13):
    MONTHS[calendar.month_name[_i].lower()] = _i
    MONTHS[calendar.month_abbr[_i].lower()] = _i
MONTHS["sept"] = 9

WEEKDAYS = {calendar.day_name[i].lower(): i for i in range(7)}
SEASONS = {"spring", "summer", "autumn", "fall", "winter"}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_ORD = r"(?:st|nd|rd|th)?"
TIME_OF_DAY = re.compile(
    r"\b(?:[01]\d|2[0-3])[0-5]\d\s*(?:hrs?\b|hours?\b|h\b|GMT\b|UTC\b|Z\b|"
    r"(?:[A-Z]{1,2}[SD]?T)\b|local(?:\s+time)?\b|[ap]\.?m\.?(?!\w))",
)
"""A four-digit time of day ('1800 GMT', '0930 local time', '2100 hrs', '1430 EST'):
never a year."""


def without_times(text: str, after: str = "") -> str:
    """``text`` with times of day blanked out (same length, so offsets still hold).

    ``after`` is the text that follows (a DATE entity '1800' whose 'GMT' the parser left
    outside it): a time that starts inside ``text`` and runs into ``after`` counts too.
    """
    whole = text + after[:25]
    out = list(text)
    for m in TIME_OF_DAY.finditer(whole):
        for i in range(m.start(), min(m.end(), len(text))):
            out[i] = " "
    return "".join(out)


def parse_published(published: str | None) -> dt.date | None:
    """The publication date as a date, or None when absent or malformed."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        m = re.match(r"^(\d{4})(?:-(\d{2}))?", published)
        if not m:
            return None
        return dt.date(int(m.group(1)), int(m.group(2) or 1), 1)


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) shifted by ``delta`` months."""
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1


def month_year(month: int, anchor: dt.date, future: bool, past: bool = False) -> int:
    """The year of a month named without one: the anchor's year; for ``future`` the
    first such month on or after the anchor; for ``past`` the last one on or before it
    ("signed in November", published in March -> last November)."""
    if future:
        return anchor.year if month >= anchor.month else anchor.year + 1
    if past:
        return anchor.year if month <= anchor.month else anchor.year - 1
    return anchor.year


def _fmt(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


_REL_UNIT = re.compile(r"\b(this|last|next|past|coming|previous)\s+(week|month|year)\b")
_AGO = re.compile(r"\b(\d+|a|an|one|two|three|four|five|six)\s+(day|week|month|year)s?\s+ago\b")
_SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_MONTH_DAY = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}}){_ORD}\b(?!\s*,?\s*\d{{4}})")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}}){_ORD}\s+(?:of\s+)?({_MONTH_RE})\b(?!\.?\s*,?\s*\d{{4}})")
_AMBIGUOUS_MONTHS = {"may", "mar", "jan", "jun", "aug", "sep", "oct", "nov", "dec"}
_MONTH_ONLY = re.compile(rf"\b({_MONTH_RE})\b(?!\.?\s*,?\s*\d)")


_MONTH_REL_YEAR = re.compile(
    rf"\b({_MONTH_RE})\.?(?:\s+(?:of\s+)?|\s*,\s*)(this|last|next|the\s+coming|the\s+previous)\s+year\b"
    rf"|\b(?:early|late|mid|earlier|later)[\s-]+(this|last|next)\s+year\b"
)
_WEEKDAY_WORD = re.compile(r"\b(last|next|this|coming|past)\s+(" + "|".join(WEEKDAYS) + r")\b")


def _relative(low: str, anchor: dt.date, future: bool, past: bool = False) -> str | None:
    m = _MONTH_REL_YEAR.search(low)
    if m and m.group(1):
        # "in March next year" -> that March, not just the year
        which = m.group(2).split()[-1]
        step = {"this": 0, "last": -1, "previous": -1, "next": 1, "coming": 1}[which]
        return _fmt(anchor.year + step, MONTHS[m.group(1)])
    if re.search(r"\btoday\b|\btonight\b", low):
        return anchor.isoformat()
    if re.search(r"\byesterday\b", low):
        return (anchor - dt.timedelta(days=1)).isoformat()
    if re.search(r"\btomorrow\b", low):
        return (anchor + dt.timedelta(days=1)).isoformat()
    m = _AGO.search(low)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else _SMALL[m.group(1)]
        unit = m.group(2)
        if unit == "day":
            return (anchor - dt.timedelta(days=n)).isoformat()
        if unit == "week":
            d = anchor - dt.timedelta(weeks=n)
            return _fmt(d.year, d.month)
        if unit == "month":
            return _fmt(*add_months(anchor.year, anchor.month, -n))
        return _fmt(anchor.year - n)
    m = _REL_UNIT.search(low)
    if m:
        which, unit = m.groups()
        step = {"this": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}[which]
        if unit == "week":
            d = anchor + dt.timedelta(weeks=step)
            return _fmt(d.year, d.month)
        if unit == "month":
            return _fmt(*add_months(anchor.year, anchor.month, step))
        return _fmt(anchor.year + step)
    if re.search(r"\b(?:earlier|later) this month\b", low):
        return _fmt(anchor.year, anchor.month)
    for season in SEASONS:
        m = re.search(rf"\b(this|last|next|coming|past)?\s*{season}\b", low)
        if m:
            which = m.group(1) or ("next" if future else "this")
            step = {"this": 0, "last": -1, "past": -1, "next": 0, "coming": 0}[which]
            if which in ("next", "coming") and _season_passed(season, anchor):
                step = 1
            return _fmt(anchor.year + step)
    m = _WEEKDAY_WORD.search(low)
    if m:
        # "last Tuesday" is strictly before the anchor, "next Tuesday" strictly after
        wd = WEEKDAYS[m.group(2)]
        if m.group(1) in ("next", "coming"):
            return (anchor + dt.timedelta(days=(wd - anchor.weekday() - 1) % 7 + 1)).isoformat()
        if m.group(1) in ("last", "past"):
            return (anchor - dt.timedelta(days=(anchor.weekday() - wd - 1) % 7 + 1)).isoformat()
    for name, wd in WEEKDAYS.items():
        if re.search(rf"\b{name}\b", low):
            if future:
                return (anchor + dt.timedelta(days=(wd - anchor.weekday()) % 7)).isoformat()
            return (anchor - dt.timedelta(days=(anchor.weekday() - wd) % 7)).isoformat()
    m = _MONTH_DAY.search(low) or _DAY_MONTH.search(low)
    if m:
        a, b = m.groups()
        month, day = (MONTHS[a], int(b)) if a in MONTHS else (MONTHS[b], int(a))
        year = month_year(month, anchor, future, past)
        if future and month == anchor.month and day < anchor.day:
            year += 1
        if past and month == anchor.month and day > anchor.day:
            year -= 1
        if 1 <= day <= calendar.monthrange(year, month)[1]:
            return _fmt(year, month, day)
        return None
    m = _MONTH_ONLY.search(low)
    if m and (
        m.group(1) not in _AMBIGUOUS_MONTHS
        or re.search(rf"\b(?:in|since|by|until|from|early|late|mid|of)\s*-?\s*{m.group(1)}\b", low)
    ):
        month = MONTHS[m.group(1)]
        return _fmt(month_year(month, anchor, future, past), month)
    return None


def _season_passed(season: str, anchor: dt.date) -> bool:
    start = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}[season]
    return anchor.month > start + 2


@lru_cache(maxsize=1)
def _date_parser() -> object:
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": False}
    )


def _explicit(text: str) -> str | None:
    """A date that carries its own year, read by dateparser with its precision."""
    text = without_times(text)
    years = _YEAR.findall(text)
    if not years:
        return None
    m = re.search(
        rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}}){_ORD},?\s+(\d{{4}})\b", text, re.I
    ) or re.search(rf"\b(\d{{1,2}}){_ORD}\s+({_MONTH_RE})\.?,?\s+(\d{{4}})\b", text, re.I)
    iso = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", text)
    found = m or iso
    if found is not None:
        data = _date_parser().get_date_data(found.group(0))  # type: ignore[attr-defined]
        if data.date_obj is not None:
            d: dt.datetime = data.date_obj
            return _fmt(d.year, d.month, d.day)
    m = re.search(rf"\b({_MONTH_RE})\.?,?\s+(?:of\s+)?(\d{{4}})\b", text, re.I)
    if m and m.group(1).lower() in MONTHS:
        return _fmt(int(m.group(2)), MONTHS[m.group(1).lower()])
    if len(set(years)) == 1:
        return str(years[0])
    return None


def resolve_when(
    text: str | Span, published: str | None = None, *, future: bool = False, past: bool = False
) -> str | None:
    """The date a short expression names, as precise as the text allows (see module doc).

    Pass the tense of the verb the date hangs on, as the caller knows it:
    ``future=True`` for a verb that looks ahead ("will meet in July"): a month, day or
    weekday without a year resolves forward from ``published``; ``past=True`` for a
    verb that reports ("signed in November", status occurred): a month or day after
    ``published``'s resolves to the previous year. Neither (tense unknown): a month
    without a year keeps ``published``'s year, a bare weekday looks back.
    """
    if isinstance(text, Span):
        whole = _doc_text(text.doc)  # joined once per document, not per date
        raw = without_times(text.text, whole[text.end_char : text.end_char + 25])
    else:
        raw = text
    explicit = _explicit(raw)
    if explicit:
        return explicit
    anchor = parse_published(published)
    if anchor is None:
        return None
    return _relative(raw.lower(), anchor, future and not past, past and not future)


def find_dates(doc: Doc, published: str | None = None) -> list[tuple[Span, str | None]]:
    """Every spaCy DATE entity of ``doc`` with its resolved date (None where unknown)."""
    out: list[tuple[Span, str | None]] = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        future = _future(ent)
        out.append((ent, resolve_when(ent, published, future=future, past=_past(ent))))
    return out


def _past(ent: Span) -> bool:
    """Whether the verb the date hangs on is in the past tense ('signed', 'has signed')."""
    verb = next((t for t in [ent.root, *ent.root.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    return verb.tag_ == "VBD" or (
        verb.tag_ == "VBN" and any(c.lemma_ == "have" for c in verb.children if c.dep_ == "aux")
    )


def _future(ent: Span) -> bool:
    """Whether the verb the date hangs on looks ahead: 'will/shall meet', 'is to meet',
    'is going to', 'plans/expects to'."""
    verb = next((t for t in [ent.root, *ent.root.ancestors] if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    for child in verb.children:
        if child.dep_ == "aux" and child.lower_ in ("will", "shall", "'ll"):
            return True
    if verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        head = verb.head
        return head.lemma_ in ("be", "plan", "expect", "go", "intend", "aim", "hope", "schedule")
    return False
