"""Finds quotation spans in plain text: straight, curly and single marks, unbalanced ones.

Works on characters, not tokens, because the tokenizer does not say whether a straight
``"`` opens or closes; position against letters and spaces does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from accord.extract.context import paragraph_spans

_OPEN_CONTEXT = set(" \t\n([{—–-/:;,") | {""}
_SENTENCE_END = re.compile(r"[.!?][\"”’]?\s+(?=[\"“‘A-Z0-9])")


@dataclass(frozen=True, slots=True)
class Quotation:
    """The text between a pair of quotation marks; ``start``/``end`` exclude the marks."""

    start: int
    end: int
    single: bool = False  # inside ‘ ’ rather than double marks
    closed: bool = True  # a closing mark was found
    orphan: bool = False  # a closing mark without an opening one: start was inferred
    paragraphs: int = 1  # paragraphs the whole quotation runs over
    continued: bool = False  # goes on in the next paragraph, after a new opening mark


def _is_open_straight(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if prev in _OPEN_CONTEXT or prev in "“‘":
        return bool(nxt) and not nxt.isspace()
    return False


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _sentence_start(text: str, floor: int, pos: int) -> int:
    """Where the sentence holding ``pos`` starts, not before ``floor``."""
    start = floor
    for m in _SENTENCE_END.finditer(text, floor, pos):
        start = m.end()
    return start


def find_quotations(text: str) -> tuple[list[Quotation], list[str]]:
    """All quotations in ``text`` in order, with warnings for marks that did not pair."""
    quotes: list[Quotation] = []
    warnings: list[str] = []
    paras = paragraph_spans(text)
    carry: int | None = None  # an opening mark still open from the previous paragraph
    carry_paras = 1
    for pi, (ps, pe) in enumerate(paras):
        open_d: int | None = None
        open_s: int | None = None
        floor = ps  # an orphan closing mark's quotation starts no earlier than this
        i = ps
        if carry is not None:
            lead = text[ps:pe].lstrip()
            if lead[:1] == "“" or (lead[:1] == '"' and _is_open_straight(text, pe - len(lead))):
                # the quotation goes on in this paragraph: one quotation per opening mark
                # (GOLD_FORMAT), the first marked as continued so it shares the speaker
                a, b = _trim(text, carry, paras[pi - 1][1])
                quotes.append(Quotation(a, b, closed=False, continued=True))
                open_d = pe - len(lead) + 1
                carry_paras += 1
                i = open_d
            else:
                a, b = _trim(text, carry, paras[pi - 1][1])
                quotes.append(Quotation(a, b, closed=False, paragraphs=carry_paras))
                warnings.append(f"quotation at {carry} has no closing mark")
                carry_paras = 1
            carry = None
        while i < pe:
            ch = text[i]
            if ch in '"“”':
                opening = ch == "“" or (ch == '"' and _is_open_straight(text, i))
                if opening:
                    if open_d is not None:
                        a, b = _trim(text, open_d, i)
                        quotes.append(Quotation(a, b, closed=False))
                        warnings.append(f"quotation at {open_d} has no closing mark")
                    open_d = i + 1
                    open_s = None
                elif open_d is not None:
                    a, b = _trim(text, open_d, i)
                    quotes.append(Quotation(a, b, paragraphs=carry_paras))
                    carry_paras = 1
                    open_d = None
                    floor = i + 1
                else:
                    start = _sentence_start(text, floor, i)
                    a, b = _trim(text, start, i)
                    if b > a:
                        quotes.append(Quotation(a, b, orphan=True))
                        warnings.append(f"closing quotation mark at {i} has no opening mark")
                    floor = i + 1
            elif ch == "‘" and open_s is None:
                prev = text[i - 1] if i > ps else ""
                nxt = text[i + 1] if i + 1 < pe else ""
                if (prev in _OPEN_CONTEXT or prev in '“"') and nxt.isalnum():
                    open_s = i + 1
            elif ch == "’" and open_s is not None:
                nxt = text[i + 1] if i + 1 < pe else ""
                if not nxt.isalnum():
                    if open_d is None or open_d > open_s:
                        a, b = _trim(text, open_s, i)
                        quotes.append(Quotation(a, b, single=True))
                    open_s = None
            i += 1
        if open_d is not None:
            carry = open_d
    if carry is not None:
        a, b = _trim(text, carry, paras[-1][1])
        quotes.append(Quotation(a, b, closed=False, paragraphs=carry_paras))
        warnings.append(f"quotation at {carry} has no closing mark")
    quotes.sort(key=lambda q: q.start)
    return quotes, warnings
