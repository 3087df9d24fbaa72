"""Record <-> table rows, generated from the record's fields (``schema/codec.py``).

The SQL store (``write.py``, ``read.py``) and the Parquet dataset (``dataset.py``) lay
a record out in the same tables; this module is the one place that says how:

- every ``tuple[Fact, ...]`` field of Record is a table named like the field, one row
  per fact with its ``position``; ``kind`` (the class name, lower case) names the fact
  in ``mentions``;
- a scalar field is a column; a pair (Span, Period) is ``<name>_start``/``<name>_end``;
- a fact's evidence (its ``tuple[Span, ...]`` field, else its ``span``) is also rows
  of ``mentions``, so the dashboard highlights any fact from one table;
- a ``tuple[str, ...]`` field is a child table ``<kind>_<field>`` with one value column;
- the document row holds Record's scalars, ``source_*`` for the nested Source, and
  ``boilerplate`` as one JSON text (shown, never queried).

The names the SQL tables need differently (keywords, and a few older names) are in the
tables below; ``models.py`` declares the same columns for SQLAlchemy and Alembic, and a
test holds the two to each other.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from accord.schema import Record, Span
from accord.schema.codec import FieldShape, Shape, shapes

RENAMED = {
    "from_": "from_actor",
    "to": "to_actor",
    "source": "source_actor",
    "target": "target_actor",
    "where": "place",
    "when": "event_date",
}
"""Fact fields whose column avoids an SQL keyword (or a name the document row uses)."""

PAIR_COLUMNS = {"actors": ("actor_a", "actor_b")}
"""Pairs whose two columns are not ``<name>_start``/``<name>_end``."""

CHILD_VALUE = {
    "sectors": "sector",
    "actors": "code",
    "attributed_sources": "name",
    "warnings": "message",
}
"""A child table's value column, named for one item of the field."""

DOCUMENT_RENAMED = {"id": "doc_id"}
JSON_COLUMNS = frozenset({"boilerplate"})

STORED_NULL = {("amounts", "measure"): "level"}
"""What a NULL column means for rows written before the column was filled (revision
0004 classified older amounts; a figure of unknown measure is not a flow)."""


@dataclass(frozen=True, slots=True)
class Child:
    """A ``tuple[str, ...]`` field stored as rows of its own table."""

    field: str  # the attribute on the fact (or the record)
    table: str  # relation_sectors, event_actors, ... ; attributed_sources, warnings
    column: str  # the value column


@dataclass(frozen=True, slots=True)
class Column:
    """A scalar field as one column, or a pair as two."""

    field: str
    names: tuple[str, ...]
    type: type  # str, int or float
    optional: bool
    null: Any = None  # what a stored NULL reads as (None: itself)


@dataclass(frozen=True, slots=True)
class FactTable:
    """How one kind of fact is laid out: its table, columns, children and evidence."""

    field: str  # the Record field and the table: "events"
    kind: str  # "event": mentions.kind, and the prefix of the children's parent key
    cls: type
    layout: tuple[Column, ...]  # in field order
    children: tuple[Child, ...]
    evidence: str  # the field whose spans are also mention rows
    evidence_is_pairs: bool  # tuple[Span, ...] (kept only as mentions), else one Span

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(name for c in self.layout for name in c.names)

    @property
    def types(self) -> tuple[type, ...]:
        return tuple(c.type for c in self.layout for _ in c.names)

    @property
    def parent_key(self) -> str:
        """What a child row calls its parent in SQL (``event_id``); datasets use
        ``<kind>_position`` instead, since ids need a database."""
        return f"{self.kind}_id"

    def row(self, fact: Any) -> dict[str, Any]:
        """The fact's column values."""
        out: dict[str, Any] = {}
        for c in self.layout:
            value = getattr(fact, c.field)
            if len(c.names) == 1:
                out[c.names[0]] = value
            else:
                a, b = c.names
                out[a], out[b] = (None, None) if value is None else value
        return out

    def spans(self, fact: Any) -> tuple[Span, ...]:
        """The fact's evidence spans, as its mention rows hold them."""
        if self.evidence_is_pairs:
            spans: tuple[Span, ...] = getattr(fact, self.evidence)
            return spans
        return (getattr(fact, self.evidence),)

    def build(
        self,
        row: Mapping[Any, Any],  # a dict, or SQLAlchemy's RowMapping
        spans: tuple[Span, ...],
        children: Mapping[str, tuple[str, ...]],
    ) -> Any:
        """The fact a row describes, with its mention spans and child values."""
        kw: dict[str, Any] = {}
        for c in self.layout:
            if len(c.names) == 1:
                value = row[c.names[0]]
                kw[c.field] = c.null if value is None and c.null is not None else value
            else:
                a, b = row[c.names[0]], row[c.names[1]]
                kw[c.field] = None if c.optional and (a is None or b is None) else (a, b)
        for child in self.children:
            kw[child.field] = children.get(child.field, ())
        if self.evidence_is_pairs:
            kw[self.evidence] = spans
        return self.cls(**kw)


def _fact_table(field: FieldShape) -> FactTable:
    cls = field.item
    assert cls is not None
    kind = cls.__name__.lower()
    fields = shapes(cls)
    pairs = [f.name for f in fields if f.shape is Shape.PAIRS]
    spans = [f.name for f in fields if f.shape is Shape.PAIR and f.item is int]
    if len(pairs) > 1 or not (pairs or spans):
        raise TypeError(f"{cls.__name__}: a fact needs one evidence field")
    layout: list[Column] = []
    children: list[Child] = []
    for f in fields:
        item = f.item or str
        if f.shape is Shape.SCALAR:
            column = RENAMED.get(f.name, f.name)
            null = STORED_NULL.get((field.name, column))
            layout.append(Column(f.name, (column,), item, f.optional, null))
        elif f.shape is Shape.PAIR:
            a, b = PAIR_COLUMNS.get(f.name, (f"{f.name}_start", f"{f.name}_end"))
            layout.append(Column(f.name, (a, b), item, f.optional))
        elif f.shape is Shape.STRINGS:
            children.append(Child(f.name, f"{kind}_{f.name}", CHILD_VALUE[f.name]))
        elif f.shape is not Shape.PAIRS:
            raise TypeError(f"{cls.__name__}.{f.name}: no column layout for {f.shape}")
    evidence = pairs[0] if pairs else spans[0]
    return FactTable(field.name, kind, cls, tuple(layout), tuple(children), evidence, bool(pairs))


_RECORD_FIELDS = shapes(Record)


def _nested(field: FieldShape) -> tuple[str, ...]:
    """The fields of a nested object (Record.source), each a ``<field>_<name>`` column."""
    assert field.item is not None
    nested = shapes(field.item)
    if any(g.shape is not Shape.SCALAR for g in nested):
        raise TypeError(f"{field.name}: a nested object must hold scalars only")
    return tuple(g.name for g in nested)


def _record_layout() -> tuple[tuple[FactTable, ...], tuple[Child, ...], tuple[str, ...]]:
    facts: list[FactTable] = []
    children: list[Child] = []
    columns: list[str] = []
    for f in _RECORD_FIELDS:
        if f.shape is Shape.OBJECTS:
            facts.append(_fact_table(f))
        elif f.shape is Shape.STRINGS and f.name not in JSON_COLUMNS:
            children.append(Child(f.name, f.name, CHILD_VALUE[f.name]))
        elif f.shape is Shape.OBJECT:
            assert f.item is not None
            columns += [f"{f.name}_{g}" for g in _nested(f)]
        else:
            columns.append(DOCUMENT_RENAMED.get(f.name, f.name))
    return tuple(facts), tuple(children), tuple(columns)


FACTS, DOCUMENT_CHILDREN, DOCUMENT_COLUMNS = _record_layout()
"""The fact tables in Record order; the record's own child tables (attributed_sources,
warnings); the document row's columns that come from the record."""

FACT_BY_KIND = {t.kind: t for t in FACTS}


def child_tables() -> Iterator[tuple[FactTable, Child]]:
    """Every fact's child table, with the fact table it belongs to."""
    for table in FACTS:
        for child in table.children:
            yield table, child


def document_values(record: Record) -> dict[str, Any]:
    """The document row's columns that come from the record."""
    out: dict[str, Any] = {}
    for f in _RECORD_FIELDS:
        value = getattr(record, f.name)
        if f.shape is Shape.SCALAR:
            out[DOCUMENT_RENAMED.get(f.name, f.name)] = value
        elif f.shape is Shape.OBJECT:
            out.update({f"{f.name}_{g}": getattr(value, g) for g in _nested(f)})
        elif f.name in JSON_COLUMNS:
            out[f.name] = json.dumps(list(value), ensure_ascii=False)
    return out


def record_from(
    doc: Mapping[str, Any],
    facts: Mapping[str, tuple[Any, ...]],
    children: Mapping[str, tuple[str, ...]],
) -> Record:
    """A Record from its document row, its facts (by Record field) and its own child
    values (attributed_sources, warnings): the inverse of ``document_values`` and the
    fact tables' ``row``."""
    kw: dict[str, Any] = {}
    for f in _RECORD_FIELDS:
        if f.shape is Shape.SCALAR:
            kw[f.name] = doc[DOCUMENT_RENAMED.get(f.name, f.name)]
        elif f.shape is Shape.OBJECT:
            assert f.item is not None
            kw[f.name] = f.item(**{g: doc[f"{f.name}_{g}"] for g in _nested(f)})
        elif f.name in JSON_COLUMNS:
            kw[f.name] = tuple(json.loads(doc[f.name] or "[]"))
        elif f.shape is Shape.OBJECTS:
            kw[f.name] = facts.get(f.name, ())
        else:
            kw[f.name] = children.get(f.name, ())
    return Record(**kw)
