"""an event with no date at all is found by its key and sentence (``merge.lookup_hash``)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26 01:30:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from communique.store.merge import When, key_hash, lookup_hash

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

EVENTS = sa.table("events", sa.column("seq"), sa.column("merge_key"), sa.column("merge_hash"),
                  sa.column("date"), sa.column("text"))
CHUNK = 5_000


def _rehash(new: bool) -> None:
    conn = op.get_bind()
    last = 0
    while True:
        rows = conn.execute(
            sa.select(EVENTS.c.seq, EVENTS.c.merge_key, EVENTS.c.text)
            .where(EVENTS.c.seq > last, EVENTS.c.date.is_(None))
            .order_by(EVENTS.c.seq).limit(CHUNK)
        ).all()
        if not rows:
            return
        conn.execute(
            sa.update(EVENTS).where(EVENTS.c.seq == sa.bindparam("s"))
            .values(merge_hash=sa.bindparam("h")),
            [{"s": seq, "h": lookup_hash(key, When(), text) if new else key_hash(key)}
             for seq, key, text in rows],
        )
        last = rows[-1][0]


def upgrade() -> None:
    _rehash(new=True)


def downgrade() -> None:
    _rehash(new=False)
