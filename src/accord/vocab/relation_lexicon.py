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
