"""indexes to read events of a type (and mode) in date order

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 16:40:00

"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_events_type_date", "events", ["event", "date", "seq"])
    op.create_index("ix_events_type_mode_date", "events", ["event", "mode", "date", "seq"])


def downgrade() -> None:
    op.drop_index("ix_events_type_mode_date", table_name="events")
    op.drop_index("ix_events_type_date", table_name="events")
