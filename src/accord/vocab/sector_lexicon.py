"""Loads the sector lexicon (GOLD_FORMAT.md's sector labels with their signal words)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class SectorTerms:
    """The words of one sector, by how they are matched."""

    lemmas: tuple[str, ...]  # token lemmas, lower case
    phrases: tuple[str, ...]  # lower-cased text
    acronyms: tuple[str, ...]  # exact case


@lru_cache(maxsize=1)
def sector_terms() -> dict[str, SectorTerms]:
    """Sector label -> its terms, in the file's order."""
    path = resources.files("accord.vocab").joinpath("data", "sectors.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    return {
        label: SectorTerms(
            lemmas=tuple(t.lower() for t in terms.get("lemmas", [])),
            phrases=tuple(t.lower() for t in terms.get("phrases", [])),
            acronyms=tuple(terms.get("acronyms", [])),
        )
        for label, terms in data["sectors"].items()
    }
