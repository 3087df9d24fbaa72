"""Cues for page furniture in scraped news text (data/boilerplate_cues.json)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class BoilerplateCues:
    """The cue lexicon, compiled once."""

    nav_lines: frozenset[str]
    zone_starts: frozenset[str]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]  # (why, compiled) in file order
    image_hosts: tuple[str, ...]
    media_nouns: tuple[str, ...]
    credit_verbs: tuple[str, ...]
    interview_cues: tuple[str, ...]
    caption_classes: tuple[str, ...]
    pullquote_classes: tuple[str, ...]


@cache
def boilerplate_cues() -> BoilerplateCues:
    """Load and compile the lexicon."""
    path = resources.files("accord.vocab").joinpath("data/boilerplate_cues.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    patterns = tuple(
        (why, re.compile(rx, re.IGNORECASE))
        for why, group in data["patterns"].items()
        for rx in group
    )
    return BoilerplateCues(
        nav_lines=frozenset(s.lower() for s in data["nav_lines"]),
        zone_starts=frozenset(s.lower() for s in data["zone_starts"]),
        patterns=patterns,
        image_hosts=tuple(data["image_hosts"]),
        media_nouns=tuple(data["media_nouns"]),
        credit_verbs=tuple(data["credit_verbs"]),
        interview_cues=tuple(data["interview_cues"]),
        caption_classes=tuple(data["markup"]["caption_classes"]),
        pullquote_classes=tuple(data["markup"]["pullquote_classes"]),
    )
