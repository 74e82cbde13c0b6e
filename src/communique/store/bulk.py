"""Rows into a table in one go: ``COPY`` on PostgreSQL, which costs the server a fraction of
row-by-row inserts, one ``executemany`` on SQLite. Updates of many rows likewise: one
``UPDATE … FROM unnest(arrays)`` on PostgreSQL, where a statement per row costs the server a
plan and the client a round trip each.

``COPY`` of a schema table is binary: the server takes each value as it is stored rather than
parsing it from text, and the client sends it without formatting it as text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import BigInteger, Boolean, Connection, DateTime, Float, Integer, String, Table

# The binary form of each column type (VARCHAR's is TEXT's); a column of any other type is
# sent as text.
BINARY = ((BigInteger, "int8"), (Integer, "int4"), (Float, "float8"), (Boolean, "bool"),
          (DateTime, "timestamp"), (String, "text"))


def _binary_types(table: Table, columns: Sequence[str]) -> list[str] | None:
    types = []
    for name in columns:
        kind = table.c[name].type
        found = next((pg for sa, pg in BINARY if isinstance(kind, sa)), None)
        if found is None:
            return None
        types.append(found)
    return types


def _pg_types(table: Table, columns: Sequence[str]) -> list[str]:
    types = _binary_types(table, columns)
    if types is None:
        raise TypeError(f"no array type for the columns {columns} of {table.name}")
    return types


def insert_rows(conn: Connection, table: Table | str, columns: Sequence[str],
                rows: Sequence[Sequence[Any]]) -> None:
    """INSERT ``rows`` (tuples in ``columns`` order) into ``table`` (a table or its name)."""
    if not rows:
        return
    quote = conn.dialect.identifier_preparer.quote
    name = table if isinstance(table, str) else table.name
    into = f"{quote(name)} ({', '.join(map(quote, columns))})"
    if conn.dialect.name == "postgresql":
        types = None if isinstance(table, str) else _binary_types(table, columns)
        how = " (FORMAT BINARY)" if types else ""
        with conn.connection.cursor() as cur, cur.copy(f"COPY {into} FROM STDIN{how}") as copy:
            if types:
                copy.set_types(types)
            for row in rows:
                copy.write_row(row)
    else:
        conn.exec_driver_sql(f"INSERT INTO {into} VALUES ({', '.join('?' * len(columns))})",
                             list(rows))


def update_rows(conn: Connection, table: Table, key: str, columns: Sequence[str],
                rows: Sequence[Sequence[Any]]) -> None:
    """UPDATE table SET columns = row[1:] WHERE key = row[0], for every row at once."""
    if not rows:
        return
    quote = conn.dialect.identifier_preparer.quote
    if conn.dialect.name == "postgresql":
        names = [quote(c) for c in (key, *columns)]
        arrays = ", ".join(f"%s::{t}[]" for t in _pg_types(table, (key, *columns)))
        sets = ", ".join(f"{n} = v.{n}" for n in names[1:])
        # Each row is found by its key. Where the key is not unique (event_pairs), the planner
        # would hash the whole table instead: 30 ms at 100,000 pages, against 10 this way.
        conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
        conn.exec_driver_sql(
            f"UPDATE {quote(table.name)} AS t SET {sets} FROM unnest({arrays}) "
            f"AS v({', '.join(names)}) WHERE t.{names[0]} = v.{names[0]}",
            tuple(list(col) for col in zip(*rows, strict=True)),
        )
        conn.exec_driver_sql("RESET enable_seqscan")
        return
    sets = ", ".join(f"{quote(c)} = ?" for c in columns)
    conn.exec_driver_sql(f"UPDATE {quote(table.name)} SET {sets} WHERE {quote(key)} = ?",
                         [(*r[1:], r[0]) for r in rows])
