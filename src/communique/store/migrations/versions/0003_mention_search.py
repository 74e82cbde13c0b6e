"""a bigram index over the mentions' text, for free-text search (see communique.store.search)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 18:10:00

"""

from collections.abc import Sequence

from alembic import op

from communique.store import search

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    conn = op.get_bind()
    search.create(conn)
    search.backfill(conn)


def downgrade() -> None:
    search.drop(op.get_bind())
