"""Helpers for the persons, organisations and quotes tests: a Document and hand-built
actors for sentences we wrote, so these tests do not depend on the actors stage."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from accord.schema import Actor, Document, Source

# spellings our test sentences use, with the codes the actors stage gives them
ACTORS: dict[str, tuple[str, str]] = {
    "Russia": ("RUS", "state"),
    "Russian": ("RUS", "state"),
    "Moscow": ("RUS", "state"),
    "Kenya": ("KEN", "state"),
    "Kenyan": ("KEN", "state"),
    "Nairobi": ("KEN", "state"),
    "NAIROBI": ("KEN", "state"),
    "Ghana": ("GHA", "state"),
    "Ghanaian": ("GHA", "state"),
    "Accra": ("GHA", "state"),
    "Brazil": ("BRA", "state"),
    "Brazilian": ("BRA", "state"),
    "China": ("CHN", "state"),
    "Chinese": ("CHN", "state"),
    "Beijing": ("CHN", "state"),
    "France": ("FRA", "state"),
    "French": ("FRA", "state"),
    "U.S.": ("USA", "state"),
    "US": ("USA", "state"),
    "Peru": ("PER", "state"),
    "Peruvian": ("PER", "state"),
    "Lima": ("PER", "state"),
    "Washington": ("USA", "state"),
    "Uganda": ("UGA", "state"),
    "Britain": ("GBR", "state"),
    "British": ("GBR", "state"),
    "Italian": ("ITA", "state"),
    "Rome": ("ITA", "state"),
    "Paris": ("FRA", "state"),
    "Uruguay": ("URY", "state"),
    "Japan": ("JPN", "state"),
    "Japanese": ("JPN", "state"),
    "Economic and Social Commission for Asia and the Pacific": ("IGO:ESCAP", "igo"),
    "EU": ("IGO:EU", "igo"),
    "European Union": ("IGO:EU", "igo"),
    "African Union": ("IGO:AU", "igo"),
    "Africa": ("REG:AFRICA", "region"),
}


def make_actors(text: str) -> tuple[Actor, ...]:
    """Actors for every spelling of ACTORS found in ``text`` (longest spelling first)."""
    spans: dict[tuple[str, str], list[tuple[int, int]]] = {}
    taken: list[tuple[int, int]] = []
    for spelling in sorted(ACTORS, key=len, reverse=True):
        code, kind = ACTORS[spelling]
        for m in re.finditer(rf"(?<![\w.]){re.escape(spelling)}(?!\w)", text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            spans.setdefault((code, kind), []).append((s, e))
    return tuple(
        Actor(code=c, name=c, kind=k, mentions=tuple(sorted(v))) for (c, k), v in spans.items()
    )


def make_document(text: str, outlet: str | None = None) -> Document:
    return Document(
        id="t", content_hash="sha256:t", source=Source(), raw=text, body=text, outlet=outlet
    )


def parsed(
    nlp: Language, text: str, outlet: str | None = None
) -> tuple[Document, Doc, tuple[Actor, ...]]:
    """The document, its parse and its hand-built actors."""
    return make_document(text, outlet), nlp(text), make_actors(text)
