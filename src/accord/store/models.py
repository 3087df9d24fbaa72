"""The store's tables as typed SQLAlchemy models: one schema for SQLite and PostgreSQL.

Every fact table carries ``document_pk`` (so a document's facts are replaced with one
DELETE per table) and ``position`` (so a stored Record comes back in its own order).
Every evidence span of every fact is also a row of ``mentions`` so the dashboard can
highlight a document's evidence from one table. Column names avoid SQL keywords
(``from``, ``to``, ``where``, ``when``, ``end``) so hand-written SQL needs no quoting.

Changing a table means a new Alembic revision under ``migrations/versions``.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    BigInteger,
    DateTime,
    Double,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_N_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
"""Named constraints: Alembic's batch mode needs names to alter SQLite tables later."""

CODE = 64  # actor codes: ISO alpha-3, REG:NAME, IGO:ACRONYM
SHORT = 64  # kinds, types, statuses, stages, currencies
DATE = 32  # ISO dates and months; room to spare so PostgreSQL never rejects a record


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _document_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("documents.pk", ondelete="CASCADE"), index=True)


class DocumentRow(Base):
    """One article: its text, provenance and when and by what it was processed."""

    __tablename__ = "documents"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_id: Mapped[str] = mapped_column(String(512), unique=True)
    content_hash: Mapped[str] = mapped_column(String(128), unique=True)
    source_path: Mapped[str | None] = mapped_column(Text)
    source_url: Mapped[str | None] = mapped_column(Text)
    source_format: Mapped[str] = mapped_column(String(SHORT), default="text")
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(DATE), index=True)  # YYYY-MM-DD
    language: Mapped[str] = mapped_column(String(16), default="en")
    outlet: Mapped[str | None] = mapped_column(String(256), index=True)
    body: Mapped[str] = mapped_column(Text)
    raw: Mapped[str | None] = mapped_column(Text)  # the reader's text, for provenance
    boilerplate: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of lines
    extractor_version: Mapped[str] = mapped_column(String(256), default="")
    record_hash: Mapped[str] = mapped_column(String(80), default="")
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # Syndication (stories.py): the story this text is a copy of, named by the pk of the
    # member that founded it, and the body's MinHash signature and shingle count
    # (None: no words).
    story_id: Mapped[int | None] = mapped_column(Integer, index=True)
    signature: Mapped[bytes | None] = mapped_column(LargeBinary)
    shingle_count: Mapped[int | None] = mapped_column(Integer)


class DocumentBandRow(Base):
    """One LSH band key of a document's signature: equal (band, key) makes a candidate copy."""

    __tablename__ = "document_bands"
    __table_args__ = (Index("ix_document_bands_band_key", "band", "key"),)

    document_pk: Mapped[int] = mapped_column(
        ForeignKey("documents.pk", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    band: Mapped[int] = mapped_column(SmallInteger, primary_key=True, autoincrement=False)
    key: Mapped[int] = mapped_column(BigInteger)


class AttributedSourceRow(Base):
    """A news agency or outlet the article credits ("RT reported", "- Reuters")."""

    __tablename__ = "attributed_sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_pk: Mapped[int] = _document_fk()
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(256), index=True)


class MentionRow(Base):
    """One evidence span ``[span_start, span_end)`` in a document body, for any fact.

    ``kind`` names the fact table (actor, person, organization, quote, amount, relation,
    event) and ``fact_id`` the row's ``id`` there.
    """

    __tablename__ = "mentions"
    __table_args__ = (Index("ix_mentions_kind_fact", "kind", "fact_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_pk: Mapped[int] = _document_fk()
    kind: Mapped[str] = mapped_column(String(SHORT))
    fact_id: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)


class ActorRow(Base):
    """A state, region or IGO the document talks about (``code`` as GOLD_FORMAT.md)."""

    __tablename__ = "actors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_pk: Mapped[int] = _document_fk()
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(CODE), index=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(SHORT))
    extractor: Mapped[str] = mapped_column(String(256), default="")


class PersonRow(Base):
    """A named person, the post the text gives and the actor served."""

    __tablename__ = "persons"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_pk: Mapped[int] = _document_fk()
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(512), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    actor: Mapped[str | None] = mapped_column(String(CODE), index=True)
    organization: Mapped[str | None] = mapped_column(Text)
    extractor: Mapped[str] = mapped_column(String(256), default="")


class OrganizationRow(Base):
    """A named organisation other than the page's own outlet."""

    __tablename__ = "organizations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_pk: Mapped[int] = _document_fk()
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(512), index=True)
    actor: Mapped[str | None] = mapped_column(String(CODE), index=True)
    kind: Mapped[str] = mapped_column(String(SHORT), default="organization")
    extractor: Mapped[str] = mapped_column(String(256), default="")


class QuoteRow(Base):
    """A direct quotation; the span covers the quoted text without its marks."""

    __tablename__ = "quotes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_pk: Mapped[int] = _document_fk()
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    speaker: Mapped[str | None] = mapped_column(String(512), index=True)
    cue: Mapped[str | None] = mapped_column(String(SHORT))
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    extractor: Mapped[str] = mapped_column(String(256), default="")


class AmountRow(Base):
    """A money figure and the flow it describes (``from``/``to`` are actor codes)."""

    __tablename__ = "amounts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_pk: Mapped[int] = _document_fk()
    position: Mapped[int] = mapped_column(Integer)
    value: Mapped[float] = mapped_column(Double)
    currency: Mapped[str | None] = mapped_column(String(16))
    value_usd: Mapped[float | None] = mapped_column(Double)
    kind: Mapped[str] = mapped_column(String(SHORT), index=True)
    from_actor: Mapped[str | None] = mapped_column(String(CODE), index=True)
    to_actor: Mapped[str | None] = mapped_column(String(CODE), index=True)
    what: Mapped[str | None] = mapped_column(Text)
    period_start: Mapped[str | None] = mapped_column(String(DATE))  # YYYY-MM
    period_end: Mapped[str | None] = mapped_column(String(DATE))
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    extractor: Mapped[str] = mapped_column(String(256), default="")
    # flow | level (revision 0004 classified older rows by kind: see its docstring)
    measure: Mapped[str | None] = mapped_column(String(SHORT), index=True)
    level_type: Mapped[str | None] = mapped_column(String(SHORT))
    usd_rate: Mapped[float | None] = mapped_column(Double)  # USD per unit of currency
    usd_rate_date: Mapped[str | None] = mapped_column(String(DATE))
    usd_source: Mapped[str | None] = mapped_column(Text)
    usd_note: Mapped[str | None] = mapped_column(Text)


class RelationRow(Base):
    """A pair of actors (``actor_a`` < ``actor_b``) presented as related; sectors aside."""

    __tablename__ = "relations"
    __table_args__ = (Index("ix_relations_pair", "actor_a", "actor_b"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_pk: Mapped[int] = _document_fk()
    position: Mapped[int] = mapped_column(Integer)
    actor_a: Mapped[str] = mapped_column(String(CODE))
    actor_b: Mapped[str] = mapped_column(String(CODE), index=True)
    extractor: Mapped[str] = mapped_column(String(256), default="")


class RelationSectorRow(Base):
    """One sector of a relation, in the relation's order."""

    __tablename__ = "relation_sectors"
    __table_args__ = (Index("ix_relation_sectors_relation_sector", "relation_id", "sector"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_pk: Mapped[int] = _document_fk()
    relation_id: Mapped[int] = mapped_column(ForeignKey("relations.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    sector: Mapped[str] = mapped_column(String(SHORT), index=True)


class EventRow(Base):
    """A PLOVER-typed event with CAMEO code, status, place and date (as the text gives)."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_pk: Mapped[int] = _document_fk()
    position: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(SHORT), index=True)
    cameo: Mapped[str | None] = mapped_column(String(16))
    source_actor: Mapped[str | None] = mapped_column(String(CODE), index=True)
    target_actor: Mapped[str | None] = mapped_column(String(CODE), index=True)
    what: Mapped[str | None] = mapped_column(Text)
    place: Mapped[str | None] = mapped_column(Text)  # Event.where
    event_date: Mapped[str | None] = mapped_column(String(DATE), index=True)  # Event.when
    status: Mapped[str] = mapped_column(String(SHORT), index=True)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    extractor: Mapped[str] = mapped_column(String(256), default="")


class EventActorRow(Base):
    """One actor of an event (Event.actors, sorted), so events filter by actor code."""

    __tablename__ = "event_actors"
    # Both orders, each covering: events -> their actors (the network's self-join on
    # event_id) and actor -> its events (actor pages, pair filters). Migration 0003.
    __table_args__ = (
        Index("ix_event_actors_event_code", "event_id", "code"),
        Index("ix_event_actors_code_event", "code", "event_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_pk: Mapped[int] = _document_fk()
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(CODE))


class EventSectorRow(Base):
    """One sector of an event, in the event's order."""

    __tablename__ = "event_sectors"
    __table_args__ = (Index("ix_event_sectors_event_sector", "event_id", "sector"),)  # 0003

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_pk: Mapped[int] = _document_fk()
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    sector: Mapped[str] = mapped_column(String(SHORT), index=True)


class WarningRow(Base):
    """A doubt or skip the pipeline recorded for the document, in words."""

    __tablename__ = "warnings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_pk: Mapped[int] = _document_fk()
    position: Mapped[int] = mapped_column(Integer)
    message: Mapped[str] = mapped_column(Text)


class ErrorRow(Base):
    """A document that could not be processed: one row per (path, stage), latest reason.

    A later successful ingest of the same path removes its rows, so the table lists
    what is failing now.
    """

    __tablename__ = "errors"
    __table_args__ = (UniqueConstraint("path", "stage"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    path: Mapped[str] = mapped_column(String(1024))
    reason: Mapped[str] = mapped_column(Text)
    stage: Mapped[str] = mapped_column(String(SHORT))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


FACT_TABLES: tuple[type[Base], ...] = (
    MentionRow,
    AttributedSourceRow,
    RelationSectorRow,
    EventActorRow,
    EventSectorRow,
    ActorRow,
    PersonRow,
    OrganizationRow,
    QuoteRow,
    AmountRow,
    RelationRow,
    EventRow,
    WarningRow,
)
"""Tables holding one document's facts, children before parents (the delete order)."""
