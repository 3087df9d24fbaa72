"""A store written by the previous release upgrades to the head migration, losing no row."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from alembic.script import ScriptDirectory

from accord.store import open_store
from accord.store.migrate import alembic_config, current_revision

FIXTURE = Path(__file__).parent / "fixtures" / "store-0003.db"


def _counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        names = [
            name
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if name != "alembic_version"
        ]
        return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def test_the_released_store_upgrades_to_head_with_every_row(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    shutil.copyfile(FIXTURE, db)
    before = _counts(db)
    assert before["documents"] == 7 and before["errors"] == 1 and before["mentions"] > 100

    with open_store(f"sqlite:///{db}") as store:  # opening upgrades to head
        head = ScriptDirectory.from_config(alembic_config()).get_current_head()
        assert current_revision(store.engine) == head
        records = list(store.iter_records())
        hits = store.search("solar")
    after = _counts(db)

    lost = {t: (n, after.get(t)) for t, n in before.items() if after.get(t) != n}
    assert lost == {}, f"tables whose row count changed (before, after): {lost}"
    assert len(records) == 7 and all(r.body and r.actors for r in records)
    assert [h.doc_id for h in hits]  # the search index survived too


def test_the_fixture_is_at_the_previous_revision() -> None:
    """The fixture stays what the old code wrote (a newer one would test nothing)."""
    with sqlite3.connect(FIXTURE) as conn:
        (revision,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    assert revision == "0003"
