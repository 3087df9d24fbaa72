"""Revision 0004 on a store written before it: figures are classified as flows or
levels by kind, and USD values that rested on the retired yearly table (no official
source) are removed with a note, while USD figures keep theirs at rate 1."""

from __future__ import annotations

from dataclasses import replace

from alembic import command
from sqlalchemy import inspect, select

from accord.schema import Record
from accord.store import Store
from accord.store.migrate import alembic_config, upgrade
from accord.store.models import AmountRow


def test_upgrade_classifies_and_clears_unsourced_usd(store: Store, record: Record) -> None:
    loan, other = record.amounts
    gbp = replace(other, currency="GBP", value=10e6, value_usd=12.5e6, kind="aid")
    store.ingest(replace(record, amounts=(loan, other, gbp)))
    config = alembic_config()
    with store.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0003")  # the rows as 0003 held them: no measure, no rate
    upgrade(store.engine)
    with store.session() as session:
        rows = session.scalars(select(AmountRow).order_by(AmountRow.position)).all()
    got = [(r.kind, r.measure, r.currency, r.value_usd, r.usd_rate) for r in rows]
    assert got == [
        ("loan", "flow", "USD", 120e6, 1.0),
        ("other", "level", None, None, None),
        ("aid", "flow", "GBP", None, None),
    ]
    assert rows[2].usd_note is not None and "re-extract" in rows[2].usd_note
    assert rows[0].usd_source is not None and "no conversion" in rows[0].usd_source


def test_downgrade_drops_the_columns_and_upgrade_restores_them(store: Store) -> None:
    config = alembic_config()
    with store.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0003")
    with store.engine.connect() as conn:
        columns = {c["name"] for c in inspect(conn).get_columns("amounts")}
    assert "measure" not in columns and "usd_rate" not in columns
    upgrade(store.engine)
    with store.engine.connect() as conn:
        columns = {c["name"] for c in inspect(conn).get_columns("amounts")}
    assert {
        "measure",
        "level_type",
        "usd_rate",
        "usd_rate_date",
        "usd_source",
        "usd_note",
    } <= columns
