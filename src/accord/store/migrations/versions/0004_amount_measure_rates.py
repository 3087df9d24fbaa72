"""Amounts: flow or level, and the rate behind value_usd (rate, its date, its source).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06 21:00:00.000000

Columns are added with plain ALTER TABLE (no batch copy), as in 0002. Rows stored
before this revision are classified from what the store holds, without their text:
the seven flow kinds (export, import, trade_total, investment, loan, aid, deal) are
flows; ``other`` figures (balances, budgets, prices and unclassified figures alike) are
levels with no level type, so they never enter a flow total. Their ``value_usd`` was
computed from a yearly table with no official source: USD figures keep theirs (rate 1),
every other currency's is set to null with a note saying so; re-extracting the
document gives it a dated ECB rate. Downgrade drops the columns; the nulled USD values
are not restored.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FLOW_KINDS = ("export", "import", "trade_total", "investment", "loan", "aid", "deal")
OLD_NOTE = (
    "stored before revision 0004, converted by a yearly table with no official source; "
    "value_usd removed: re-extract the document for a dated ECB rate"
)


def upgrade() -> None:
    op.add_column("amounts", sa.Column("measure", sa.String(length=64), nullable=True))
    op.add_column("amounts", sa.Column("level_type", sa.String(length=64), nullable=True))
    op.add_column("amounts", sa.Column("usd_rate", sa.Double(), nullable=True))
    op.add_column("amounts", sa.Column("usd_rate_date", sa.String(length=32), nullable=True))
    op.add_column("amounts", sa.Column("usd_source", sa.Text(), nullable=True))
    op.add_column("amounts", sa.Column("usd_note", sa.Text(), nullable=True))
    op.create_index(op.f("ix_amounts_measure"), "amounts", ["measure"], unique=False)
    amounts = sa.table(
        "amounts",
        sa.column("kind", sa.String()),
        sa.column("currency", sa.String()),
        sa.column("value_usd", sa.Double()),
        sa.column("measure", sa.String()),
        sa.column("usd_rate", sa.Double()),
        sa.column("usd_source", sa.String()),
        sa.column("usd_note", sa.String()),
    )
    flow = amounts.c.kind.in_(FLOW_KINDS)
    op.execute(amounts.update().where(flow).values(measure="flow"))
    op.execute(amounts.update().where(~flow).values(measure="level"))
    op.execute(
        amounts.update()
        .where(amounts.c.currency == "USD")
        .values(usd_rate=1.0, usd_source="USD figure: no conversion (rate 1)")
    )
    op.execute(
        amounts.update()
        .where(amounts.c.currency != "USD", amounts.c.value_usd.is_not(None))
        .values(value_usd=None, usd_note=OLD_NOTE)
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_amounts_measure"), table_name="amounts")
    for column in ("usd_note", "usd_source", "usd_rate_date", "usd_rate", "level_type", "measure"):
        op.drop_column("amounts", column)
