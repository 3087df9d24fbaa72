"""Runs the extractors over one parsed document, in dependency order.

Later extractors see earlier results (persons need actors, quotes need persons,
relations need events and amounts); each returns frozen facts with spans into
``document.body``.
"""

from __future__ import annotations

from spacy.tokens import Doc

from accord.extract.actors import extract_actors
from accord.extract.events import extract_events
from accord.extract.relations import extract_relations
from accord.schema import Amount, Document, Facts


def extract_facts(document: Document, doc: Doc) -> Facts:
    """All facts of one document. ``doc`` is the spaCy parse of ``document.body``."""
    actors = extract_actors(document, doc)
    amounts: tuple[Amount, ...] = ()  # the money extractor's flows, once wired here
    events = extract_events(document, doc, actors)
    relations = extract_relations(document, doc, actors, events, amounts)
    return Facts(actors=actors, amounts=amounts, events=events, relations=relations)
