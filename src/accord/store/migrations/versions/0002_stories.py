"""Stories: MinHash sketch and story id on documents, LSH band keys, and a backfill.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 10:00:00.000000

Columns are added with plain ALTER TABLE (no batch copy): on SQLite a copied
``documents`` table would lose the full-text triggers of 0001.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

from accord.store.stories import rebuild

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("documents", sa.Column("story_id", sa.Integer(), nullable=True))
    op.add_column("documents", sa.Column("signature", sa.LargeBinary(), nullable=True))
    op.add_column("documents", sa.Column("shingle_count", sa.Integer(), nullable=True))
    op.create_index(op.f("ix_documents_story_id"), "documents", ["story_id"], unique=False)
    op.create_table(
        "document_bands",
        sa.Column("document_pk", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("band", sa.SmallInteger(), autoincrement=False, nullable=False),
        sa.Column("key", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_pk"],
            ["documents.pk"],
            name=op.f("fk_document_bands_document_pk_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_pk", "band", name=op.f("pk_document_bands")),
    )
    op.create_index("ix_document_bands_band_key", "document_bands", ["band", "key"], unique=False)
    # Documents stored before this revision get their signatures and stories now.
    with Session(bind=op.get_bind()) as session:
        rebuild(session)
        session.flush()


def downgrade() -> None:
    op.drop_index("ix_document_bands_band_key", table_name="document_bands")
    op.drop_table("document_bands")
    op.drop_index(op.f("ix_documents_story_id"), table_name="documents")
    op.drop_column("documents", "shingle_count")
    op.drop_column("documents", "signature")
    op.drop_column("documents", "story_id")
