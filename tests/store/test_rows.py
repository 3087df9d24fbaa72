"""The row layout generated from the record's fields matches the tables the SQL models
(and so the Alembic migrations) declare and the Parquet dataset writes."""

from __future__ import annotations

from sqlalchemy import Table

from accord.schema import Record
from accord.schema.codec import Shape, shapes
from accord.store.dataset import TABLES
from accord.store.models import Base
from accord.store.rows import DOCUMENT_CHILDREN, DOCUMENT_COLUMNS, FACTS, child_tables

_SQL_KEYS = {"id", "document_pk", "position"}


def _sql(name: str) -> Table:
    return Base.metadata.tables[name]


def test_every_fact_field_of_record_has_a_table() -> None:
    kinds = [f.name for f in shapes(Record) if f.shape is Shape.OBJECTS]
    assert [t.field for t in FACTS] == kinds


def test_fact_columns_are_the_sql_models_columns_with_matching_types() -> None:
    for table in FACTS:
        sql = _sql(table.field)
        assert set(sql.c.keys()) == _SQL_KEYS | set(table.columns), table.field
        for name, kind in zip(table.columns, table.types, strict=True):
            assert sql.c[name].type.python_type is kind, (table.field, name)


def test_child_tables_name_their_parent_and_one_value() -> None:
    for table, child in child_tables():
        sql = _sql(child.table)
        assert set(sql.c.keys()) == _SQL_KEYS | {table.parent_key, child.column}
        (fk,) = sql.c[table.parent_key].foreign_keys
        assert fk.column.table.name == table.field
    for child in DOCUMENT_CHILDREN:
        assert set(_sql(child.table).c.keys()) == _SQL_KEYS | {child.column}


def test_document_columns_exist_in_the_documents_table() -> None:
    assert set(DOCUMENT_COLUMNS) <= set(_sql("documents").c.keys())


def test_dataset_tables_are_the_sql_tables_keyed_without_a_database() -> None:
    parents = {child.table: table for table, child in child_tables()}
    for name, schema in TABLES.items():
        sql = set(_sql(name).c.keys()) - {"id", "document_pk"}
        if name == "documents":
            made_by_the_store = {"pk", "ingested_at", "updated_at", "story_id", "signature"}
            sql -= made_by_the_store | {"shingle_count"}
        elif name in parents:
            sql = sql - {parents[name].parent_key} | {f"{parents[name].kind}_position"}
        elif name == "mentions":
            sql = sql - {"fact_id"} | {"fact_position"}
        assert set(schema.names) - {"doc_id", "doc_key"} == sql - {"doc_id"}, name
