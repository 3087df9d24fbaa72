"""The Record: what accord emits for one document (../shared/docs/RECORD.md).

``to_dict`` and ``from_dict`` are the JSON shape the CLI, the store, the API and the
evaluation share; both are generated from the fields below (``codec.py``), so a field
added here is written and read everywhere without another edit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from accord.schema.codec import decoder, encoder
from accord.schema.document import Source
from accord.schema.facts import (
    Actor,
    Amount,
    Event,
    Organization,
    Person,
    Quote,
    Relation,
)


@dataclass(frozen=True, slots=True)
class Record:
    """One document's facts, each pointing at its evidence in ``body``."""

    id: str
    content_hash: str
    source: Source
    title: str | None
    published: str | None
    language: str
    outlet: str | None
    attributed_sources: tuple[str, ...]
    body: str
    actors: tuple[Actor, ...] = ()
    persons: tuple[Person, ...] = ()
    organizations: tuple[Organization, ...] = ()
    quotes: tuple[Quote, ...] = ()
    amounts: tuple[Amount, ...] = ()
    relations: tuple[Relation, ...] = ()
    events: tuple[Event, ...] = ()
    warnings: tuple[str, ...] = ()
    boilerplate: tuple[str, ...] = ()


def to_dict(record: Record) -> dict[str, Any]:
    """The record as the JSON object RECORD.md describes."""
    return _encode(record)


def from_dict(data: dict[str, Any]) -> Record:
    """Rebuild a Record from its JSON object (the inverse of ``to_dict``).

    Lenient where RECORD.md gives a meaning to an absent key (``codec.shapes`` says
    which); a ``KeyError`` names the first required key that is missing.
    """
    record: Record = _decode(data)
    return record


_encode = encoder(Record)
_decode = decoder(Record)
