"""Helpers for the Spark tests: the test session's Spark settings, and a dump of a
store's rows that names rows by document and position, not by id."""

from __future__ import annotations

from sqlalchemy import create_engine, select

from accord.store.dataset import MENTION_TABLES

SPARK_TEST_CONF = {
    "spark.driver.memory": "1g",
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.shuffle.partitions": "2",
    "spark.driver.host": "127.0.0.1",
    "spark.driver.bindAddress": "127.0.0.1",
    # The JVM's start-up is most of a test's cost: the quick JIT tier and a serial GC
    # take about 40% less CPU to get there.
    "spark.driver.extraJavaOptions": "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC",
}


def store_rows(url: str) -> dict[str, list[tuple[tuple[str, str], ...]]]:
    """Every row of every store table, with ids and times dropped and each reference
    (document, event, relation, fact) named by doc_id and position, sorted: two stores
    holding the same records compare equal whatever order they were written in."""
    from accord.store.models import Base, DocumentRow

    engine = create_engine(url)
    out: dict[str, list[tuple[tuple[str, str], ...]]] = {}
    try:
        with engine.connect() as conn:
            docs = dict(conn.execute(select(DocumentRow.pk, DocumentRow.doc_id)).all())
            tables = {t.name: t for t in Base.metadata.sorted_tables}
            facts = {
                name: {
                    r.id: (docs[r.document_pk], r.position)
                    for r in conn.execute(select(tables[name])).all()
                }
                for name in MENTION_TABLES.values()
            }
            for name, table in tables.items():
                rows = []
                for row in conn.execute(select(table)).mappings():
                    d = dict(row)
                    for key in ("pk", "id", "ingested_at", "updated_at", "at"):
                        d.pop(key, None)
                    if "document_pk" in d:
                        d["document_pk"] = docs[d["document_pk"]]
                    if d.get("story_id") is not None:
                        d["story_id"] = docs[d["story_id"]]
                    if "event_id" in d:
                        d["event_id"] = facts["events"][d["event_id"]]
                    if "relation_id" in d:
                        d["relation_id"] = facts["relations"][d["relation_id"]]
                    if name == "mentions":
                        d["fact_id"] = facts[MENTION_TABLES[d["kind"]]][d["fact_id"]]
                    rows.append(tuple(sorted((k, repr(v)) for k, v in d.items())))
                out[name] = sorted(rows)
    finally:
        engine.dispose()
    return out
