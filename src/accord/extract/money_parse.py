"""The money grammar: finds money figures in text and reads their value and unit.

Written as one character-level regular grammar built from the currency lexicon rather
than a spaCy token Matcher, because the tokenizer splits these forms inconsistently
("US$2bn" is two tokens, "N50bn" one, "Rs." sometimes a sentence end). Forms:
symbol first ("$8.1 million", "US$2bn", "KSh 2bn", "N50bn", "Rs 500 crore", "USD 5m")
and word last ("75 mln U.S. Dlrs", "2 billion shillings", "a quarter of a billion dollars").
Ranges ("$2-3 billion", "$2bn to $3bn") keep the lower bound and note the upper one;
"from $2bn to $3bn" is a change, and "between £5,000 and £10,000" a band with two ends
(eval/real/GUIDE.md), two figures each. Conversions in brackets ("£50m ($97m)",
"1.5bn euros ($2bn; £1.1bn)") are folded into the figure before them. A thousands group
with a dropped digit ("£135,00") takes its evident value (135,000).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from accord.vocab.currencies import CurrencyLexicon, currency_lexicon

SCALES: dict[str, float] = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "mln": 1e6,
    "mn": 1e6,
    "mil": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "bln": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tln": 1e12,
    "trn": 1e12,
    "tn": 1e12,
    "crore": 1e7,
    "crores": 1e7,
    "cr": 1e7,
    "lakh": 1e5,
    "lakhs": 1e5,
    "lac": 1e5,
    "lacs": 1e5,
}
_TIGHT_SCALES = {"k", "m", "b"}  # only directly after the number: "$5m", not "$5 m"

WORD_NUMBERS: dict[str, float] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "half a": 0.5,
    "half an": 0.5,
    "a half": 0.5,
    "a quarter of a": 0.25,
    "a hundred": 100,
    "one hundred": 100,
    "several hundred": 200,
}

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3},\d{2}(?![\d,])|\d+(?:\.\d+)?"

#: The largest figure read, in the currency's own units. Nothing real comes near it
#: (the world's yearly output is about 1e14 US dollars, and the weakest currencies trade
#: at about 1e5 to the dollar); above it a figure is a typo, a joke or hostile input
#: ('9' * 400 + ' dollars' read as inf), and it is dropped with a warning.
MAX_FIGURE = 1e18
#: The largest US-dollar equivalent kept (ten times the world's yearly output).
MAX_USD = 1e15


def plausible(value: float | None, ceiling: float = MAX_FIGURE) -> bool:
    """A finite, non-negative value no larger than ``ceiling`` (None passes)."""
    return value is None or (math.isfinite(value) and 0 <= value <= ceiling)


_DASH = r"(?:-|–|—|to)"


@dataclass(frozen=True, slots=True)
class MoneyMatch:
    """One money figure in the text.

    ``unit`` is an ISO 4217 code or '?key' for an ambiguous unit; ``qualifier`` the
    country code a qualifier gave ("Kenyan shillings" -> KEN); ``upper`` the top of a
    range; ``conversion`` a bracketed equivalent as (value, unit).
    """

    start: int
    end: int
    value: float
    unit: str
    qualifier: str | None = None
    upper: float | None = None
    conversion: tuple[float, str] | None = None


def _alt(items: list[str], flags: str = "") -> str:
    body = "|".join(re.escape(i) for i in sorted(items, key=len, reverse=True))
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


@lru_cache(maxsize=1)
def _grammar() -> re.Pattern[str]:
    lex = currency_lexicon()
    syms = _alt(list(lex.symbols))
    words = _alt(list(lex.words), "i")
    quals = _alt(list(lex.qualifiers), "i")
    wide = [s for s in SCALES if s not in _TIGHT_SCALES]
    tight = _alt(list(_TIGHT_SCALES), "i")
    scale = (
        rf"(?:(?:\s|-)?(?P<{{p}}scale>{_alt(wide, 'i')})|(?P<{{p}}tscale>{tight}))"
        r"(?![A-Za-z])"
    )
    wordnum = _alt(list(WORD_NUMBERS), "i")
    prefix = (
        rf"(?<![A-Za-z0-9$£€¥])(?P<p_sym>{syms})\s?(?P<p_n1>{_NUM})"
        rf"(?:\s?{_DASH}\s?(?:{syms})?\s?(?P<p_n2>{_NUM}))?"
        rf"(?:{scale.format(p='p_')})?(?![\d,.]\d)"
    )
    suffix = (
        rf"(?<![\w.,$£€¥])(?:(?P<s_n1>{_NUM})|(?P<s_w1>{wordnum}))"
        rf"(?:\s?{_DASH}\s?(?P<s_n2>{_NUM}))?"
        rf"(?:{scale.format(p='s_')})?"
        rf"\s+(?:of\s+)?(?:(?P<s_qual>{quals})\s+)?(?P<s_word>{words})(?![A-Za-z])"
    )
    return re.compile(f"{prefix}|{suffix}")


def _number(text: str) -> float:
    short = re.fullmatch(r"(\d{1,3}),(\d{2})", text)
    if short:  # "135,00": a thousands group that lost its last digit
        return float(short[1]) * 1000 + float(short[2]) * 10
    return float(text.replace(",", ""))


def _scale(m: re.Match[str], p: str) -> float | None:
    word = m.group(f"{p}scale") or m.group(f"{p}tscale")
    return SCALES[word.lower()] if word else None


def _read(m: re.Match[str], lex: CurrencyLexicon, text: str) -> MoneyMatch | None:
    if m.group("p_sym") is not None:
        sym = m.group("p_sym")
        mult = _scale(m, "p_")
        n1 = m.group("p_n1")
        if sym in lex.symbols_need_scale and mult is None and "," not in n1:
            return None
        value = _number(n1) * (mult or 1)
        upper = _number(m.group("p_n2")) * (mult or 1) if m.group("p_n2") else None
        return MoneyMatch(m.start(), m.end(), value, lex.symbols[sym], upper=upper)
    mult = _scale(m, "s_")
    word = m.group("s_word").lower()
    if m.group("s_w1") is not None:
        if mult is None:
            return None  # "a dollar", "two pounds" are not figures we keep
        base = WORD_NUMBERS[" ".join(m.group("s_w1").lower().split())]
    else:
        raw_n = m.group("s_n1")
        base = _number(raw_n)
        if mult is None and (word in lex.words_need_scale or _year_like(raw_n)):
            return None
    if word.startswith("pound") and re.match(r"\s+of\b", text[m.end() :]):
        return None  # "5 million pounds of beef" is a weight
    value = base * (mult or 1)
    upper = _number(m.group("s_n2")) * (mult or 1) if m.group("s_n2") else None
    qual = m.group("s_qual")
    unit = lex.words[word]
    country = lex.qualifiers[qual.lower()] if qual else None
    if country and unit.startswith("?"):
        amb = lex.ambiguous[unit[1:]]
        unit = amb.by_country.get(country, unit)
    return MoneyMatch(m.start(), m.end(), value, unit, qualifier=country, upper=upper)


def _year_like(raw: str) -> bool:
    return raw.isdigit() and len(raw) == 4 and 1800 <= int(raw) <= 2100


_BRACKET_OPEN = re.compile(
    r"^\s*[(\[]\s*(?:about|around|approximately|approx\.?|some|roughly|nearly|almost|"
    r"over|more than|or|c\.|ca\.|equivalent to|worth)?\s*$",
    re.I,
)
_BRACKET_CLOSE = re.compile(r"^\s*[)\]]")
_BRACKET_SEP = re.compile(r"^\s*(?:[;,/]|or)\s*$")
_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|and)\s*$", re.I)


# pence, the one subunit British copy writes on its own ("shares fell 5p to 300p", "36
# pence"): a sum in pounds (eval/real/GUIDE.md converts share prices so)
_PENCE = re.compile(r"(?<![\w.,£$€¥])(\d{1,5}(?:\.\d{1,2})?)(?:p|\s?pence)(?!\w|\.\w)")


def _is_pence(text: str, mm: MoneyMatch) -> bool:
    """Was the figure written in pence ("fell 5p to 300p" is a change and a price)?"""
    return mm.unit == "GBP" and _PENCE.fullmatch(text[mm.start : mm.end]) is not None


def find_money(text: str, warnings: list[str] | None = None) -> list[MoneyMatch]:
    """Every money figure in ``text``, in order, with ranges and conversions folded.

    A figure that is not finite or above ``MAX_FIGURE`` is left out, with a line in
    ``warnings`` when a list is given: a value is always a finite number."""
    lex = currency_lexicon()
    found: list[MoneyMatch] = []
    matches = [(m.start(), m, False) for m in _grammar().finditer(text)]
    matches += [(m.start(), m, True) for m in _PENCE.finditer(text)]
    for _, m, pence in sorted(matches, key=lambda x: x[0]):
        if pence:
            found.append(MoneyMatch(m.start(), m.end(), float(m[1]) / 100, "GBP"))
            continue
        mm = _read(m, lex, text)
        if mm is None:
            continue
        if not (plausible(mm.value) and plausible(mm.upper)):
            if warnings is not None:
                shown = _shorten(text[mm.start : mm.end])
                warnings.append(f"money {shown!r}: implausible value, skipped")
            continue
        found.append(mm)
    out: list[MoneyMatch] = []
    i = 0
    while i < len(found):
        cur = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        if nxt is not None:
            between = text[cur.end : nxt.start]
            if _BRACKET_OPEN.match(between):
                # "($2bn)", "($2bn; £1.1bn)": every figure up to the closing bracket
                k = i + 1
                while (
                    k + 1 < len(found)
                    and not _BRACKET_CLOSE.match(text[found[k].end :])
                    and _BRACKET_SEP.match(text[found[k].end : found[k + 1].start])
                ):
                    k += 1
                if _BRACKET_CLOSE.match(text[found[k].end :]):
                    out.append(replace(cur, conversion=(nxt.value, nxt.unit)))
                    i = k + 1
                    continue
            before = text[max(0, cur.start - 12) : cur.start].lower()
            joined = _RANGE_JOIN.match(between) and not _is_pence(text, cur)  # "5p to 300p"
            is_and = between.strip().lower() == "and"
            if (
                joined
                and nxt.unit == cur.unit
                and not re.search(r"\bfrom\s*$", before)
                and not is_and  # "between £5,000 and £10,000": a band's two ends
            ):
                out.append(replace(cur, end=nxt.end, upper=nxt.value))
                i += 2
                continue
        out.append(cur)
        i += 1
    return out


def _shorten(figure: str, limit: int = 60) -> str:
    return figure if len(figure) <= limit else f"{figure[: limit // 2]}...{figure[-limit // 2 :]}"
