"""Currency lexicon (data/currencies.json): symbols, words, qualifiers and ambiguous units.

Kept as data so a new currency or a newsroom abbreviation ('dlrs', 'stg') is a data edit.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Ambiguous:
    """A unit shared by several currencies ('shilling'), resolved by a country."""

    default: str | None
    by_country: dict[str, str]
    by_qualifier_only: bool = False


@dataclass(frozen=True, slots=True)
class CurrencyLexicon:
    """Lookups for the money grammar; units starting with '?' name an Ambiguous entry."""

    names: dict[str, str]
    symbols: dict[str, str]
    symbols_need_scale: frozenset[str]
    words: dict[str, str]  # lower case, plurals included
    words_need_scale: frozenset[str]
    qualifiers: dict[str, str]  # lower case -> country code
    ambiguous: dict[str, Ambiguous]

    def resolve(self, unit: str, countries: tuple[str, ...] = ()) -> str | None:
        """The ISO code of a unit, using the first of ``countries`` that decides it."""
        if not unit.startswith("?"):
            return unit
        amb = self.ambiguous[unit[1:]]
        for country in countries:
            if country in amb.by_country:
                return amb.by_country[country]
        return amb.default


def _plural(word: str) -> list[str]:
    if word.endswith(("s", "y")) or (" " in word and word.split()[-1].endswith("s")):
        return [word]
    return [word, word + "s"]


@lru_cache(maxsize=1)
def currency_lexicon() -> CurrencyLexicon:
    """Load data/currencies.json once."""
    raw = json.loads(
        resources.files("accord.vocab").joinpath("data/currencies.json").read_text("utf-8")
    )
    words: dict[str, str] = {}
    for word, unit in raw["words"].items():
        for form in _plural(word.lower()):
            words.setdefault(form, unit)
    ambiguous = {
        key: Ambiguous(
            default=val.get("default"),
            by_country=dict(val.get("by_country", {})),
            by_qualifier_only=bool(val.get("by_qualifier_only", False)),
        )
        for key, val in raw["ambiguous"].items()
    }
    need_words = {w for base in raw.get("words_need_scale", []) for w in _plural(base)}
    return CurrencyLexicon(
        names=dict(raw["currencies"]),
        symbols=dict(raw["symbols"]),
        symbols_need_scale=frozenset(raw.get("symbols_need_scale", [])),
        words=words,
        words_need_scale=frozenset(need_words),
        qualifiers={k.lower(): v for k, v in raw["qualifiers"].items()},
        ambiguous=ambiguous,
    )
