"""PostgreSQL: the search index's texts are tagged with their events' countries and pairs

A free-text search within a dyad or a country asks the index for the tag too (see
``communique.store.search``). SQLite's index needs no tags. Tags are lexemes with no position:
appending them again leaves an entry as it was.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26 17:10:00

"""

from collections.abc import Sequence

from alembic import op

from communique.store import search

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    search.tag_countries(op.get_bind())


def downgrade() -> None:
    search.untag(op.get_bind())
