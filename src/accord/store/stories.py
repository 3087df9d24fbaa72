"""Stories: documents that are copies of one text, kept grouped as documents come and go.

Every document with words carries its MinHash sketch and 32 LSH band keys
(syndication.py). A document entering the store looks up, by SQL, the documents
sharing any band key, keeps those ``same_story`` confirms from the two sketches, and
joins the story of the earliest of them (first published, then first ingested); with
none it founds its own story, whose id is its pk. A document that is a copy in several
stories joins them into that one, so a story is a connected group of copies and does
not depend on the order documents arrive in.

A story's id is always the pk of one of its members, so ids never collide. When a
document leaves (deleted, or replaced by another text) the rest of its story is
re-placed one by one in order of publication: a story held together only by the
leaving document splits, and a story whose founder left takes a new id.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Table,
    and_,
    bindparam,
    delete,
    func,
    insert,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.orm import Session

from accord.store.base import Copy, Story
from accord.store.models import DocumentBandRow, DocumentRow
from accord.store.syndication import BANDS, Sketch, band_keys, same_story, similarity, sketch

_PG_LOCK_KEY = 0x73746F7279  # "story": one advisory lock id for placing documents


def first_order() -> tuple[ColumnElement[Any], ...]:
    """Publication order: dated before undated, then earliest ingested, then pk."""
    return (
        DocumentRow.published.asc().nulls_last(),
        DocumentRow.ingested_at.asc(),
        DocumentRow.pk.asc(),
    )


def _first_key(published: str | None, ingested_at: datetime, pk: int) -> tuple[Any, ...]:
    """The same order in Python, for candidates already fetched."""
    return (published is None, published or "", ingested_at, pk)


# -- keeping stories ---------------------------------------------------------------
# Core statements built once on the tables: ingest runs them for every document, and
# building a 32-band OR expression each time cost more than the rest of the ingest.

_DOCS: Table = DocumentRow.__table__  # type: ignore[assignment]
_BANDS: Table = DocumentBandRow.__table__  # type: ignore[assignment]
_FIRST = (_DOCS.c.published.asc().nulls_last(), _DOCS.c.ingested_at.asc(), _DOCS.c.pk.asc())

_SKETCH_OF = select(_DOCS.c.signature, _DOCS.c.story_id, _DOCS.c.body).where(
    _DOCS.c.pk == bindparam("doc")
)
_SET_SKETCH = (
    update(_DOCS)
    .where(_DOCS.c.pk == bindparam("doc"))
    .values(signature=bindparam("sig"), shingle_count=bindparam("size"))
)
_SET_STORY = update(_DOCS).where(_DOCS.c.pk == bindparam("doc")).values(story_id=bindparam("sid"))
_DROP_BANDS = delete(_BANDS).where(_BANDS.c.document_pk == bindparam("doc"))
_MEMBERS = (
    select(_DOCS.c.pk, _DOCS.c.signature, _DOCS.c.shingle_count)
    .where(_DOCS.c.story_id == bindparam("sid"))
    .order_by(*_FIRST)
)
_MERGE = (
    update(_DOCS)
    .where(_DOCS.c.story_id.in_(bindparam("others", expanding=True)))
    .values(story_id=bindparam("sid"))
)
_UNSET_STORY = update(_DOCS).where(_DOCS.c.story_id == bindparam("old")).values(story_id=None)
_CANDIDATES = select(
    _DOCS.c.pk,
    _DOCS.c.signature,
    _DOCS.c.shingle_count,
    _DOCS.c.story_id,
    _DOCS.c.published,
    _DOCS.c.ingested_at,
).where(
    _DOCS.c.pk.in_(
        select(_BANDS.c.document_pk)
        .where(
            or_(
                *(
                    and_(_BANDS.c.band == band, _BANDS.c.key == bindparam(f"k{band}"))
                    for band in range(BANDS)
                )
            ),
            _BANDS.c.document_pk != bindparam("doc"),
        )
        .distinct()
    ),
    _DOCS.c.story_id.is_not(None),
)


def place(session: Session, pk: int, body: str | None = None, *, fresh: bool = False) -> None:
    """Give document ``pk`` (flushed) its sketch, bands and story; ``body`` if at hand.

    Does nothing when the stored signature is this body's and the story is set.
    ``fresh``: the row was inserted in this transaction, after ``lock``, with ``body``,
    so it has no sketch, story or bands yet and there is nothing to look up.
    """
    session.flush()
    conn = session.connection()
    if fresh and body is not None:
        new = sketch(body)
    else:
        row = conn.execute(_SKETCH_OF, {"doc": pk}).one()
        new = sketch(row.body if body is None else body)
        if row.story_id is not None and row.signature == (new.signature if new else None):
            return
        if row.story_id is not None or row.signature is not None:
            leave(session, pk)  # a new document has neither, and nothing to leave
        else:
            _lock(conn)
    sig, size = (new.signature, new.size) if new else (None, None)
    conn.execute(_SET_SKETCH, {"doc": pk, "sig": sig, "size": size})
    if new is not None:
        conn.execute(
            insert(_BANDS),
            [
                {"document_pk": pk, "band": band, "key": key}
                for band, key in enumerate(band_keys(new.signature))
            ],
        )
    _assign(conn, pk, new)


def leave(session: Session, pk: int) -> None:
    """Take document ``pk`` out of its story and off the bands; re-place the rest."""
    session.flush()
    conn = session.connection()
    _lock(conn)
    story = conn.execute(_SKETCH_OF, {"doc": pk}).one().story_id
    conn.execute(_SET_STORY, {"doc": pk, "sid": None})
    conn.execute(_DROP_BANDS, {"doc": pk})
    if story is None:
        return
    rest = conn.execute(_MEMBERS, {"sid": story}).all()
    conn.execute(_UNSET_STORY, {"old": story})
    for member in rest:
        _assign(conn, member.pk, _stored(member.signature, member.shingle_count))


def rebuild(session: Session) -> int:
    """Recompute every signature, band and story, in order of publication; returns count.

    For a migration that adds or changes syndication: the result is what ingesting
    every document again, oldest first, would give.
    """
    conn = session.connection()
    conn.execute(delete(_BANDS))
    conn.execute(update(_DOCS).values(story_id=None, signature=None, shingle_count=None))
    pks = list(conn.scalars(select(_DOCS.c.pk).order_by(*_FIRST)))
    for pk in pks:
        place(session, pk)
    return len(pks)


def lock(session: Session) -> None:
    """PostgreSQL: one writer of stories at a time, until this transaction ends.

    Two copies arriving together must see each other to share a story, and a writer
    re-placing a story's members must not wait on a row another writer holds while that
    one waits on it: so the store takes this first, before writing any row.
    (SQLite writers are already one at a time: BEGIN IMMEDIATE.)
    """
    _lock(session.connection())


def _lock(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})


def _stored(signature: bytes | None, size: int | None) -> Sketch | None:
    return None if signature is None or size is None else Sketch(signature, size)


def _assign(conn: Connection, pk: int, mine: Sketch | None) -> None:
    """Join the story of the earliest confirmed copy among placed documents, or found one."""
    story = pk
    if mine is not None:
        params: dict[str, Any] = {
            f"k{band}": key for band, key in enumerate(band_keys(mine.signature))
        }
        params["doc"] = pk
        confirmed = []
        for r in conn.execute(_CANDIDATES, params):
            theirs = _stored(r.signature, r.shingle_count)
            if theirs is not None and same_story(mine, theirs):
                confirmed.append(r)
        if confirmed:
            earliest = min(confirmed, key=lambda r: _first_key(r.published, r.ingested_at, r.pk))
            story = earliest.story_id
            others = sorted({r.story_id for r in confirmed} - {story})
            if others:  # this document is a copy in several stories: they are one
                conn.execute(_MERGE, {"sid": story, "others": others})
    conn.execute(_SET_STORY, {"doc": pk, "sid": story})


# -- reading stories ---------------------------------------------------------------


def copies(session: Session, doc_id: str) -> list[Copy]:
    """The other documents of ``doc_id``'s story, in order of publication."""
    me = session.execute(
        select(DocumentRow.pk, DocumentRow.story_id, DocumentRow.signature).where(
            DocumentRow.doc_id == doc_id
        )
    ).one_or_none()
    if me is None or me.story_id is None:
        return []
    rows = session.execute(
        select(
            DocumentRow.pk,
            DocumentRow.doc_id,
            DocumentRow.title,
            DocumentRow.outlet,
            DocumentRow.published,
            DocumentRow.signature,
        )
        .where(DocumentRow.story_id == me.story_id)
        .order_by(*first_order())
    ).all()
    first_pk = rows[0].pk if rows else None
    return [
        Copy(
            doc_id=r.doc_id,
            title=r.title,
            outlet=r.outlet,
            published=r.published,
            similarity=(
                similarity(me.signature, r.signature)
                if me.signature is not None and r.signature is not None
                else 0.0
            ),
            first=r.pk == first_pk,
        )
        for r in rows
        if r.pk != me.pk
    ]


def _ranked() -> Any:
    """Every placed document with its rank in its story and the story's size."""
    return (
        select(
            DocumentRow.story_id,
            DocumentRow.doc_id,
            DocumentRow.title,
            DocumentRow.outlet,
            DocumentRow.published,
            func.row_number()
            .over(partition_by=DocumentRow.story_id, order_by=first_order())
            .label("rank"),
            func.count().over(partition_by=DocumentRow.story_id).label("n"),
        )
        .where(DocumentRow.story_id.is_not(None))
        .subquery()
    )


def stories(session: Session, limit: int, offset: int, min_count: int) -> list[Story]:
    """Stories with at least ``min_count`` documents: largest first, then latest first."""
    if limit <= 0:
        return []
    ranked = _ranked()
    heads = session.execute(
        select(ranked)
        .where(ranked.c.rank == 1, ranked.c.n >= min_count)
        .order_by(
            ranked.c.n.desc(),
            ranked.c.published.desc().nulls_last(),
            ranked.c.story_id.desc(),
        )
        .limit(limit)
        .offset(max(offset, 0))
    ).all()
    outlets = _outlets(session, [h.story_id for h in heads])
    return [
        Story(
            story_id=h.story_id,
            first_doc_id=h.doc_id,
            first_title=h.title,
            first_outlet=h.outlet,
            first_published=h.published,
            count=h.n,
            outlets=outlets.get(h.story_id, ()),
        )
        for h in heads
    ]


def story_of(session: Session, doc_id: str) -> Story | None:
    """The story ``doc_id`` belongs to (a story of one when it has no copies)."""
    story = session.scalar(select(DocumentRow.story_id).where(DocumentRow.doc_id == doc_id))
    if story is None:
        return None
    ranked = _ranked()
    head = session.execute(
        select(ranked).where(ranked.c.story_id == story, ranked.c.rank == 1)
    ).one()
    return Story(
        story_id=head.story_id,
        first_doc_id=head.doc_id,
        first_title=head.title,
        first_outlet=head.outlet,
        first_published=head.published,
        count=head.n,
        outlets=_outlets(session, [story]).get(story, ()),
    )


def count_stories(session: Session, min_count: int) -> int:
    """How many stories have at least ``min_count`` documents (for paging)."""
    sizes = (
        select(DocumentRow.story_id)
        .where(DocumentRow.story_id.is_not(None))
        .group_by(DocumentRow.story_id)
        .having(func.count() >= min_count)
        .subquery()
    )
    return int(session.scalar(select(func.count()).select_from(sizes)) or 0)


def _outlets(session: Session, story_ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
    """Each story's distinct outlets in order of publication."""
    if not story_ids:
        return {}
    rows = session.execute(
        select(DocumentRow.story_id, DocumentRow.outlet)
        .where(DocumentRow.story_id.in_(story_ids), DocumentRow.outlet.is_not(None))
        .order_by(DocumentRow.story_id, *first_order())
    ).all()
    found: dict[int, list[str]] = {}
    for story, outlet in rows:
        if story is None or outlet is None:
            continue  # the query excludes both; this tells the type checker
        names = found.setdefault(story, [])
        if outlet not in names:
            names.append(outlet)
    return {story: tuple(names) for story, names in found.items()}
