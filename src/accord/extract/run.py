"""Runs the extractors over one parsed document, in dependency order.

Later extractors see earlier results (persons need actors, quotes need persons,
relations need events and amounts); each returns frozen facts with spans into
``document.body``.
"""

from __future__ import annotations

from spacy.tokens import Doc

from accord.extract.actors import extract_actors
from accord.extract.amounts import extract_amounts
from accord.schema import Document, Facts


def extract_facts(document: Document, doc: Doc) -> Facts:
    """All facts of one document. ``doc`` is the spaCy parse of ``document.body``."""
    actors = extract_actors(document, doc)
    amounts, amount_warnings = extract_amounts(document, doc, actors)
    return Facts(actors=actors, amounts=amounts, warnings=amount_warnings)
