"""The event store: documents, parts, entities, events and their mentions, rejects.

``open_store()`` opens (and migrates) an SQLite file, ``communique.db`` by default, or a
PostgreSQL database given as ``postgresql://user:pass@host/db``.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, func, select, text
from sqlalchemy.engine import make_url

from communique.store import schema

DEFAULT_DB = "communique.db"
MIGRATIONS = Path(__file__).parent / "migrations"
MIGRATION_LOCK = 0x636F6D6E


def normalise_url(url: str | os.PathLike[str] | None = None) -> str:
    """A SQLAlchemy URL from what a user typed: a path, ``sqlite:///…`` or ``postgresql://…``."""
    text = str(url or os.environ.get("COMMUNIQUE_DB") or DEFAULT_DB)
    if "://" not in text:
        return f"sqlite:///{text}"
    for prefix in ("postgresql://", "postgres://"):
        if text.startswith(prefix):
            return "postgresql+psycopg://" + text[len(prefix) :]
    return text


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout=30000")  # first: switching to WAL may wait for a lock
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA cache_size=-32768")  # 32 MB: ingest stays well under 500 MB in all
    cur.close()


def _sqlite_connect(dbapi_conn, record) -> None:
    dbapi_conn.isolation_level = None  # the driver's own BEGIN skips DDL: we BEGIN ourselves
    _sqlite_pragmas(dbapi_conn, record)


def _sqlite_begin(conn) -> None:
    options = conn.get_execution_options()
    # The writer's batches skip the per-row reference checks, as on PostgreSQL (migration
    # 0006): it is the one path that writes those rows, and it numbers them in one transaction.
    checked = "OFF" if options.get("sqlite_unchecked") else "ON"
    conn.exec_driver_sql(f"PRAGMA foreign_keys={checked}")
    conn.exec_driver_sql("BEGIN IMMEDIATE" if options.get("sqlite_immediate") else "BEGIN")


def make_engine(url: str) -> Engine:
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


@contextmanager
def writing(engine: Engine, *, checked: bool = True) -> Iterator[Connection]:
    """A write transaction: on SQLite it takes the write lock at once (BEGIN IMMEDIATE), so two
    writers queue rather than fail, and DDL is part of it. ``checked=False``: SQLite does not
    check foreign keys row by row (the writer's batches)."""
    with engine.connect() as conn:
        conn.execution_options(sqlite_immediate=True, sqlite_unchecked=not checked)
        with conn.begin():
            yield conn


def alembic_config(engine_url: str):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", engine_url.replace("%", "%%"))
    return cfg


def migrate(engine: Engine) -> None:
    """Bring the database to the newest schema (no-op when it is there already).

    One transaction, and safe when several processes open a new store at once: PostgreSQL
    serialises them with an advisory lock, SQLite with its write lock."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    head = ScriptDirectory.from_config(cfg).get_current_head()
    with writing(engine) as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK})
        if MigrationContext.configure(conn).get_current_revision() == head:
            return
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


class Store:
    """A handle on one database; cheap to pass around, safe to use from one process."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def counts(self) -> dict[str, int]:
        tables = {
            "documents": schema.Document,
            "parts": schema.Part,
            "entities": schema.Entity,
            "events": schema.Event,
            "mentions": schema.EventMention,
            "rejects": schema.Reject,
        }
        with self.engine.connect() as conn:
            return {
                name: conn.scalar(select(func.count()).select_from(t)) or 0
                for name, t in tables.items()
            }

    def analyse(self) -> None:
        """After a large ingest, before autovacuum would, on PostgreSQL: merge the entries the
        search index keeps pending (every search scans them: `美国` in a big dyad took 46 ms
        with 131 pages of them, 5 ms without), and refresh the planner's statistics. SQLite
        plans without statistics, and its queries are written for that."""
        if self.dialect == "postgresql":
            with self.engine.connect() as conn:
                conn = conn.execution_options(isolation_level="AUTOCOMMIT")
                conn.exec_driver_sql(
                    "SELECT gin_clean_pending_list(c.oid) FROM pg_class c JOIN pg_am a "
                    "ON a.oid = c.relam WHERE a.amname = 'gin' AND c.relkind = 'i' "
                    "AND c.relnamespace = to_regnamespace(current_schema())")
                conn.exec_driver_sql("ANALYZE")

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(url: str | os.PathLike[str] | None = None, *, migrate_schema: bool = True) -> Store:
    engine = make_engine(normalise_url(url))
    if migrate_schema:
        _migrate_when_free(engine)
    return Store(engine)


def _migrate_when_free(engine: Engine, tries: int = 8) -> None:
    """SQLite answers `database is locked` at once, not after its busy timeout, while another
    process turns a new file to WAL mode; such a first open waits a little and tries again."""
    from sqlalchemy.exc import OperationalError

    for attempt in range(tries):
        try:
            migrate(engine)
            return
        except OperationalError as err:
            if "locked" not in str(err) or attempt == tries - 1:
                raise
            engine.dispose()
            time.sleep(0.05 * 2**attempt)


__all__ = ["DEFAULT_DB", "Store", "normalise_url", "open_store", "writing"]
