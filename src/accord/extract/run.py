"""Runs the extractors over one parsed document, in dependency order.

Later extractors see earlier results (persons need actors, quotes need persons,
relations need events and amounts); each returns frozen facts with spans into
``document.body``.
"""

from __future__ import annotations

from spacy.tokens import Doc

from accord.extract.actors import extract_actors
from accord.extract.amounts import extract_amounts
from accord.extract.events import extract_events
from accord.extract.organizations import extract_organizations
from accord.extract.persons import extract_persons
from accord.extract.quotes import extract_quotes
from accord.extract.relations import extract_relations
from accord.schema import Document, Facts


def extract_facts(document: Document, doc: Doc) -> Facts:
    """All facts of one document. ``doc`` is the spaCy parse of ``document.body``.

    No facts for a document the cleaner found not to be English (its record says so in a
    warning): the model and the lexicons read English only.
    """
    if document.language != "en":
        return Facts()
    actors = extract_actors(document, doc)
    persons = extract_persons(document, doc, actors)
    organizations = extract_organizations(document, doc, actors, persons)
    quotes, quote_warnings = extract_quotes(document, doc, persons, organizations, actors)
    amounts, amount_warnings = extract_amounts(document, doc, actors, organizations)
    events = extract_events(document, doc, actors, persons, organizations)
    relations = extract_relations(document, doc, actors, events, amounts, persons, organizations)
    return Facts(
        actors=actors,
        persons=persons,
        organizations=organizations,
        quotes=quotes,
        amounts=amounts,
        events=events,
        relations=relations,
        warnings=(*quote_warnings, *amount_warnings),
    )
