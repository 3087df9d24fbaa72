"""Frozen record types that every stage speaks; imports nothing else from accord."""

from accord.schema.document import Document, OffsetMap, RawDocument, Source
from accord.schema.errors import DocumentError
from accord.schema.facts import (
    Actor,
    Amount,
    Event,
    Facts,
    Organization,
    Period,
    Person,
    Quote,
    Relation,
    Span,
)
from accord.schema.record import Record, from_dict, to_dict

__all__ = [
    "Actor",
    "Amount",
    "Document",
    "DocumentError",
    "Event",
    "Facts",
    "OffsetMap",
    "Organization",
    "Period",
    "Person",
    "Quote",
    "RawDocument",
    "Record",
    "Relation",
    "Source",
    "Span",
    "from_dict",
    "to_dict",
]
