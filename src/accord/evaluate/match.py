"""When a predicted item counts as the gold item: normalisers and one-to-one matching.

Every rule here is an evaluation convention, written down once so that every metric and
every report uses the same one (see the module docstring of ``scores`` for the list).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import TypeVar

G = TypeVar("G")
P = TypeVar("P")

_PUNCT = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"\s+")
_LEGAL_SUFFIXES = frozenset({"ltd", "limited", "inc", "co", "corp", "plc"})


def collapse(text: str) -> str:
    """Whitespace runs to one space, ends stripped."""
    return _SPACE.sub(" ", text).strip()


def fold(text: str) -> str:
    """Case-folded, accents stripped, apostrophes dropped, other punctuation to spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = re.sub(r"['’‘`]", "", bare.casefold())
    return collapse(_PUNCT.sub(" ", bare).replace("_", " "))


def name_tokens(name: str) -> list[str]:
    """The words of a normalised name."""
    return fold(name).split()


def same_person(gold: str, pred: str) -> bool:
    """Full-name equality after normalisation, tolerating a middle initial difference.

    "George W. Bush" = "George Bush" = "George H. Bush", but "Bush" != "George Bush":
    a surname alone is not the full name the gold asks for. A courtesy title or a
    knighthood is an honorific, not a name ("Sir John Bond" = "John Bond", "Mr Smith" =
    "Smith" where the text gives no more); a peer's style is the name ("Lord Falconer").
    """
    a, b = _unknighted(name_tokens(gold)), _unknighted(name_tokens(pred))
    if not a or not b:
        return False
    if a == b:
        return True
    if len(a) < 2 or len(b) < 2 or a[0] != b[0] or a[-1] != b[-1]:
        return False
    return [t for t in a[1:-1] if len(t) > 1] == [t for t in b[1:-1] if len(t) > 1]


_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame"})


def _unknighted(words: list[str]) -> list[str]:
    """The name without a leading courtesy title or knighthood ("Mr", "Dr", "Sir")."""
    return words[1:] if len(words) > 1 and words[0] in _HONORIFICS else words


def org_key(name: str) -> str:
    """An organisation's name without a leading "the" or trailing legal-form words."""
    words = name_tokens(name)
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in _LEGAL_SUFFIXES:
        words = words[:-1]
    return " ".join(words)


def same_organization(gold: str, pred: str) -> bool:
    """Normalised equality, ignoring a leading "the" and a trailing Ltd/Inc/Co."""
    key = org_key(gold)
    return bool(key) and key == org_key(pred)


def quote_matches(gold_starts: str, pred_text: str) -> bool:
    """The predicted quotation begins with the gold's first words.

    Both sides are whitespace-collapsed; the gold words may start up to five characters
    in, so a predicted quote that kept an opening mark or an ellipsis still matches.
    """
    starts, text = collapse(gold_starts), collapse(pred_text)
    if not starts:
        return False
    at = text.find(starts)
    return 0 <= at <= 5


def same_amount(
    gold_value: float, gold_currency: str | None, value: float, currency: str | None
) -> bool:
    """Value within 1 % of the gold value and the same currency."""
    if (gold_currency or "").upper() != (currency or "").upper():
        return False
    return abs(value - gold_value) <= 0.01 * abs(gold_value)


def normal_title(title: str | None) -> str | None:
    """A person's title for comparison: case-folded, without "the", spaces collapsed."""
    if title is None:
        return None
    words = [w for w in collapse(title).casefold().split() if w != "the"]
    return " ".join(words).strip(" .,;:") or None


def normal_outlet(name: str | None) -> str | None:
    """An outlet or credited source name for comparison."""
    if name is None:
        return None
    return fold(name) or None


def greedy_pairs(
    gold: Sequence[G],
    pred: Sequence[P],
    matches: Callable[[G, P], bool],
    preference: Callable[[G, P], float] = lambda g, p: 0.0,
) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs.

    Every matching pair is ranked by ``preference`` (higher first, then input order),
    and taken when neither side is taken yet. So among several candidates the one that
    also agrees on secondary fields wins, and results do not depend on list order alone.
    """
    candidates = [
        (-preference(g, p), gi, pi)
        for gi, g in enumerate(gold)
        for pi, p in enumerate(pred)
        if matches(g, p)
    ]
    candidates.sort()
    taken_g: set[int] = set()
    taken_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in candidates:
        if gi in taken_g or pi in taken_p:
            continue
        taken_g.add(gi)
        taken_p.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)
