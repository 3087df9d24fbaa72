"""The store keeps what it is given: round trips, idempotent re-ingest, atomic replace."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from concurrent_ingest import ingest_concurrently
from sqlalchemy import text

from accord.errors import StoreError
from accord.schema import DocumentError, Record, Source, from_dict, to_dict
from accord.store import Store, open_store
from accord.store import write as store_write


def test_a_stored_record_comes_back_equal(store: Store, record: Record) -> None:
    assert store.ingest(record, raw="raw text of the page") == "added"
    got = store.get(record.id)
    assert got == record
    assert to_dict(got) == to_dict(record)
    assert from_dict(to_dict(got)) == record
    assert store.get_raw(record.id) == "raw text of the page"


def test_an_empty_record_comes_back_equal(store: Store) -> None:
    bare = Record(
        id="bare",
        content_hash="sha256:00",
        source=Source(),
        title=None,
        published=None,
        language="en",
        outlet=None,
        attributed_sources=(),
        body="",
    )
    store.ingest(bare)
    assert store.get("bare") == bare


def test_a_record_with_tens_of_thousands_of_rows_comes_back_equal(
    store: Store, record: Record
) -> None:
    """PostgreSQL takes a document's rows as one array per column: no limit on how
    many rows, and None, floats and quotes in values arrive as they were."""
    actor = dataclasses.replace(
        record.actors[0], mentions=tuple((i, i + 1) for i in range(0, 60_000, 2))
    )
    odd = dataclasses.replace(
        record.amounts[0], what='it\'s "50%" off; DROP TABLE amounts; --', usd_rate=None
    )
    big = dataclasses.replace(
        record, actors=(actor, *record.actors[1:]), amounts=(odd, *record.amounts[1:])
    )
    assert store.ingest(big) == "added"
    assert store.get(record.id) == big
    assert store.count_rows()["mentions"] >= 30_000


def test_a_page_with_nul_bytes_is_stored_on_every_backend(store: Store) -> None:
    """PostgreSQL text cannot hold NUL: the cleaner puts U+FFFD in its place (one for
    one, so offsets hold) and says so, and the store keeps the raw text the same way."""
    import accord

    page = "Kenya and Uganda\x00 signed a trade deal on Monday.\x00"
    record = accord.process(page, id="nul-page")
    assert "\x00" not in record.body and any("NUL" in w for w in record.warnings)
    assert store.ingest(record, raw=page) == "added"
    assert store.get("nul-page") == record
    assert store.get_raw("nul-page") == page.replace("\x00", "\ufffd")


def test_unknown_id_is_none(store: Store) -> None:
    assert store.get("no-such-document") is None


def test_every_evidence_span_is_a_mention_row(store: Store, record: Record) -> None:
    store.ingest(record)
    expected = (
        sum(len(a.mentions) for a in record.actors)
        + sum(len(p.mentions) for p in record.persons)
        + sum(len(o.mentions) for o in record.organizations)
        + len(record.quotes)
        + len(record.amounts)
        + sum(len(r.evidence) for r in record.relations)
        + len(record.events)
    )
    assert store.count_rows()["mentions"] == expected


def test_same_content_twice_changes_nothing(store: Store, record: Record) -> None:
    store.ingest(record)
    before = store.count_rows()
    assert store.ingest(record) == "unchanged"
    assert store.count_rows() == before


def test_same_text_under_another_name_is_unchanged(store: Store, record: Record) -> None:
    store.ingest(record)
    copy = dataclasses.replace(record, id="syndicated-copy", source=Source(path="b.txt"))
    assert store.ingest(copy) == "unchanged"
    assert store.get("syndicated-copy") is None
    assert store.count_rows()["documents"] == 1


def test_new_extractor_version_replaces_facts(store: Store, record: Record) -> None:
    store.ingest(record, extractor_version="accord 0.1")
    before = store.count_rows()
    assert store.ingest(record, extractor_version="accord 0.2") == "replaced"
    assert store.count_rows() == before
    assert store.get(record.id) == record


def test_changed_facts_replace_the_old_ones(store: Store, record: Record) -> None:
    store.ingest(record)
    fewer = dataclasses.replace(record, events=record.events[:1], quotes=())
    assert store.ingest(fewer) == "replaced"
    assert store.get(record.id) == fewer
    rows = store.count_rows()
    assert rows["events"] == 1
    assert rows["quotes"] == 0
    assert rows["event_actors"] == len(record.events[0].actors)


def test_same_id_with_new_text_replaces_the_document(store: Store, record: Record) -> None:
    store.ingest(record, raw="old raw")
    body = "Ghana and Germany opened a solar park near Tamale."
    newer = dataclasses.replace(
        record,
        content_hash="sha256:" + "cd" * 32,
        body=body,
        title="Solar park opens",
        actors=(),
        persons=(),
        organizations=(),
        quotes=(),
        amounts=(),
        relations=(),
        events=(),
    )
    assert store.ingest(newer) == "replaced"
    assert store.get(record.id) == newer
    assert store.get_raw(record.id) is None  # the old raw text was of the old content
    assert store.count_rows()["documents"] == 1
    assert [h.doc_id for h in store.search("Tamale")] == [record.id]
    assert store.search("Nakhumicha") == []


def test_failed_replace_keeps_the_old_facts(
    store: Store, record: Record, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.ingest(record, extractor_version="v1")
    before = store.count_rows()

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    # The rows that point at facts (mentions, sectors, event actors) are written after
    # the facts themselves: a failure here is midway through the new facts, after the
    # old ones were deleted.
    assert record.events, "the sample needs facts for the failure to come midway"
    monkeypatch.setattr(store_write, "_insert_rows", broken)
    changed = dataclasses.replace(record, title="Changed title", warnings=())
    with pytest.raises(RuntimeError, match="disk on fire"):
        store.ingest(changed, extractor_version="v2")
    assert store.get(record.id) == record
    assert store.count_rows() == before
    monkeypatch.undo()
    assert store.ingest(changed, extractor_version="v2") == "replaced"
    assert store.get(record.id) == changed


def test_errors_are_kept_once_per_path_and_cleared_by_success(store: Store, record: Record) -> None:
    path = record.source.path
    assert path
    store.add_error(DocumentError(path=path, reason="empty file", stage="read"))
    store.add_error(DocumentError(path=path, reason="still empty", stage="read"))
    store.add_error(DocumentError(path="other.txt", reason="not valid UTF-8", stage="read"))
    assert store.count_rows()["errors"] == 2
    assert DocumentError(path=path, reason="still empty", stage="read") in store.errors()
    store.ingest(record)
    assert [e.path for e in store.errors()] == ["other.txt"]


def test_stats_counts_actors_by_documents(store: Store, record: Record) -> None:
    store.ingest(record)
    other = dataclasses.replace(
        record,
        id="second",
        content_hash="sha256:" + "ef" * 32,
        actors=record.actors[:1],
        relations=(),
    )
    store.ingest(other)
    stats = store.stats()
    assert stats["rows"]["documents"] == 2
    assert stats["top_actors"][0] == {"code": "KEN", "name": "Kenya", "documents": 2}
    assert stats["top_pairs"] == [{"a": "IND", "b": "KEN", "documents": 1}]
    assert {"type": "AGREE", "events": 2} in stats["event_types"]


def test_iter_records_yields_each_document_once(store: Store, record: Record) -> None:
    other = dataclasses.replace(record, id="second", content_hash="sha256:" + "ef" * 32)
    store.ingest(record)
    store.ingest(other)
    assert list(store.iter_records()) == [record, other]


def test_delete_removes_the_document_and_its_facts(store: Store, record: Record) -> None:
    store.ingest(record)
    assert store.delete(record.id)
    assert not store.delete(record.id)
    assert all(n == 0 for n in store.count_rows().values())
    assert store.search("vaccine") == []


def test_search_finds_words_of_the_body_and_title(store: Store, record: Record) -> None:
    store.ingest(record)
    hits = store.search("vaccine Nairobi")
    assert [h.doc_id for h in hits] == [record.id]
    assert hits[0].title == record.title
    assert "«" in hits[0].snippet
    assert [h.doc_id for h in store.search("plant")] == [record.id]  # title and body
    assert store.search("vaccine Tamale") == []  # every word must occur


@pytest.mark.parametrize(
    "query",
    [
        "'",
        '"',
        "'; DROP TABLE documents; --",
        '" OR 1=1 --',
        "NEAR(vaccine plant)",
        "body:vaccine*",
        "vaccine AND NOT",
        "\\",
        "%_",
        "",
        "   ",
    ],
)
def test_search_takes_any_text_safely(store: Store, record: Record, query: str) -> None:
    store.ingest(record)
    hits = store.search(query)
    assert all(h.doc_id == record.id for h in hits)
    assert store.count_rows()["documents"] == 1
    assert store.get(record.id) == record


def test_search_with_quotes_around_a_word_still_finds_it(store: Store, record: Record) -> None:
    store.ingest(record)
    assert [h.doc_id for h in store.search('"Nairobi"')] == [record.id]
    assert [h.doc_id for h in store.search("plants vaccines")] == [record.id]  # stemmed
    assert [h.doc_id for h in store.search("Nakhumicha, vaccine!")] == [record.id]


def test_article_text_with_sql_is_stored_as_text(store: Store, record: Record) -> None:
    body = "Officials wrote '); DROP TABLE documents; -- in the memo about Kenya."
    odd = dataclasses.replace(record, body=body, title="O'Brien's \"memo\"")
    store.ingest(odd)
    assert store.get(record.id) == odd
    assert [h.doc_id for h in store.search("memo")] == [record.id]


def test_opening_twice_migrates_once(store_url: str, record: Record) -> None:
    with open_store(store_url) as first:
        first.ingest(record)
    with open_store(store_url) as second:
        assert second.get(record.id) == record


def test_store_that_cannot_be_created_is_a_store_error(tmp_path: object) -> None:
    with pytest.raises(StoreError):
        open_store(f"sqlite:///{tmp_path}/no/such/folder/accord.db")
    with pytest.raises(StoreError, match="no store"):
        open_store(f"sqlite:///{tmp_path}/missing.db", create=False)


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: object) -> None:
    with open_store(f"sqlite:///{tmp_path}/a.db") as store, store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert int(conn.execute(text("PRAGMA busy_timeout")).scalar() or 0) >= 1000


def test_two_writers_on_one_sqlite_file_both_succeed(tmp_path: object, record: Record) -> None:
    url = f"sqlite:///{tmp_path}/a.db"
    open_store(url).close()
    records = [
        dataclasses.replace(record, id=f"doc-{i}", content_hash=f"sha256:{i:064x}")
        for i in range(20)
    ]
    assert ingest_concurrently(url, records) == []
    with open_store(url) as store:
        assert store.count_rows()["documents"] == 20


def test_a_bare_path_opens_a_sqlite_store(tmp_path: Path) -> None:
    path = tmp_path / "plain.db"
    with open_store(str(path)) as store:
        assert store.dialect == "sqlite"
    assert path.is_file()
    with open_store(str(path), create=False) as store:
        assert store.count_rows()["documents"] == 0
