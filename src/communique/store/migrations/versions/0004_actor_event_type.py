"""each actor row carries its event's type: a country's events of one type off one index

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 21:20:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("event_actors", sa.Column("event", sa.String(20), nullable=True))
    # an event's type never changes once stored (the record that starts it sets it)
    op.execute("UPDATE event_actors SET event = "
               "(SELECT events.event FROM events WHERE events.seq = event_actors.event_seq)")
    op.create_index("ix_event_actors_country_event_date", "event_actors",
                    ["country", "event", "date", "event_seq"])


def downgrade() -> None:
    op.drop_index("ix_event_actors_country_event_date", table_name="event_actors")
    with op.batch_alter_table("event_actors") as batch:
        batch.drop_column("event")
