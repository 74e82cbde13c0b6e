"""Rows into a table in one go: ``COPY`` on PostgreSQL, which costs the server a fraction of
row-by-row inserts, one ``executemany`` on SQLite."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Table


def insert_rows(conn: Connection, table: Table | str, columns: Sequence[str],
                rows: Sequence[Sequence[Any]]) -> None:
    """INSERT ``rows`` (tuples in ``columns`` order) into ``table`` (a table or its name)."""
    if not rows:
        return
    quote = conn.dialect.identifier_preparer.quote
    name = table if isinstance(table, str) else table.name
    into = f"{quote(name)} ({', '.join(map(quote, columns))})"
    if conn.dialect.name == "postgresql":
        with conn.connection.cursor() as cur, cur.copy(f"COPY {into} FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    else:
        conn.exec_driver_sql(f"INSERT INTO {into} VALUES ({', '.join('?' * len(columns))})",
                             list(rows))
