"""Loads the relation cue words (vocab/data/relation_cues.json)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def relation_cues() -> frozenset[str]:
    """Lemmas that mark a sentence as presenting its actors as cooperating or in
    conflict (vocab/data/relation_cues.json)."""
    path = resources.files("accord.vocab").joinpath("data", "relation_cues.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    return frozenset(w.lower() for w in (*data["cooperation"], *data["conflict"]))


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    path = resources.files("accord.vocab").joinpath("data", "relation_cues.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    keys = ("place_modifiers", "place_nouns", "parallel_words", "host_words")
    return {k: frozenset(w.lower() for w in data.get(k, ())) for k in keys}


def place_modifiers() -> frozenset[str]:
    """'based', 'headquartered': 'a Hong Kong-based outlet' only locates the outlet."""
    return _lists()["place_modifiers"]


def place_nouns() -> frozenset[str]:
    """'coast', 'capital', 'border': 'the Somali coast' names a place, not a party."""
    return _lists()["place_nouns"]


def parallel_words() -> frozenset[str]:
    """'both', 'each': 'X and Y have both promoted ...' are side by side, not partners."""
    return _lists()["parallel_words"]


def host_words() -> frozenset[str]:
    """'troops', 'invest', 'foothold': their 'in X' hosts a presence, X is a party."""
    return _lists()["host_words"]
