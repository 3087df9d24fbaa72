"""A plain model and a copy with one of its pipes swapped for accord's cached table,
and the texts the two are compared on: the tests of every such swap share these."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import spacy
from spacy.language import Language

from accord.settings import DEFAULT_MODEL


def plain_and_swapped(
    swap: Callable[[Language], None], gone: str, added: str
) -> tuple[Language, Language]:
    """The model as shipped, and a copy in which ``swap`` replaced pipe ``gone`` by ``added``."""
    plain = spacy.load(DEFAULT_MODEL)
    table = spacy.load(DEFAULT_MODEL)
    swap(table)
    assert gone not in table.pipe_names
    assert added in table.pipe_names
    return plain, table


def compared_texts(invented: str, shared: Path) -> list[str]:
    """The invented text and twelve real articles of the shared corpus."""
    articles = sorted((shared / "corpus").glob("*/*.txt"))[:12]
    return [invented, *(p.read_text(encoding="utf-8") for p in articles)]
