"""Composite indexes for the dashboard's joins of events, actors and sectors.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 10:00:00.000000

Each replaces a single-column index it starts with (so writes keep the same number of
indexes) and covers its join: ``event_actors(event_id, code)`` the network's self-join,
``event_actors(code, event_id)`` an actor's events, ``event_sectors(event_id, sector)``
and ``relation_sectors(relation_id, sector)`` the sectors of each. Measured on 10,000
documents (scripts/bench_serve.py): see the serve README.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table, new composite index, its columns, the single-column index it replaces, column)
INDEXES = (
    ("event_actors", "ix_event_actors_event_code", ["event_id", "code"], "event_id"),
    ("event_actors", "ix_event_actors_code_event", ["code", "event_id"], "code"),
    ("event_sectors", "ix_event_sectors_event_sector", ["event_id", "sector"], "event_id"),
    (
        "relation_sectors",
        "ix_relation_sectors_relation_sector",
        ["relation_id", "sector"],
        "relation_id",
    ),
)


def upgrade() -> None:
    for table, name, columns, single in INDEXES:
        op.create_index(name, table, columns, unique=False)
        op.drop_index(op.f(f"ix_{table}_{single}"), table_name=table)


def downgrade() -> None:
    for table, name, _columns, single in reversed(INDEXES):
        op.create_index(op.f(f"ix_{table}_{single}"), table, [single], unique=False)
        op.drop_index(name, table_name=table)
