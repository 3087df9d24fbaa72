"""Media outlets and the spellings texts use for them (data/media_outlets.json)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Outlet:
    """One outlet: its normalised name, kind and every spelling that names it."""

    name: str
    kind: str
    spellings: tuple[str, ...]


@cache
def outlets() -> tuple[Outlet, ...]:
    """All outlets in the lexicon, in file order."""
    path = resources.files("accord.vocab").joinpath("data/media_outlets.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    found: list[Outlet] = []
    for row in data["outlets"]:
        spellings: list[str] = []
        for s in [row["name"], *row.get("aliases", [])]:
            for variant in (s, s.upper()):
                if variant not in spellings:
                    spellings.append(variant)
        found.append(Outlet(name=row["name"], kind=row.get("kind", ""), spellings=tuple(spellings)))
    return tuple(found)


@cache
def spelling_index() -> dict[str, str]:
    """Every spelling (as written) -> normalised outlet name."""
    index: dict[str, str] = {}
    for outlet in outlets():
        for s in outlet.spellings:
            index.setdefault(s, outlet.name)
    return index


@cache
def outlet_pattern() -> str:
    """A regex alternation of every spelling, longest first, with word-like boundaries.

    Case-sensitive on purpose: outlet names are proper nouns, and "AP" or "RT" in
    lower case are ordinary words.
    """
    spellings = sorted(spelling_index(), key=len, reverse=True)
    alternation = "|".join(re.escape(s) for s in spellings)
    return rf"(?<![\w&-])(?:{alternation})(?![\w&]|-\w)"


def normalise_outlet(name: str) -> str | None:
    """The lexicon's name for a spelling, or None when the lexicon does not know it."""
    index = spelling_index()
    if name in index:
        return index[name]
    stripped = re.sub(r"^(?:the|The|THE)\s+", "", name.strip())
    return index.get(stripped) or index.get("The " + stripped)


@cache
def _lower_index() -> dict[str, str]:
    return {s.lower(): name for s, name in spelling_index().items()}


def lookup_outlet_any_case(name: str) -> str | None:
    """The lexicon's name for a spelling in any letter case ('reuter' -> 'Reuters')."""
    return _lower_index().get(name.strip().lower())
