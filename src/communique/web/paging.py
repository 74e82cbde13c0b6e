"""Keyset (cursor) paging of event lists in date order.

A page ends with a cursor, ``{seq}.{date}`` of its last event (``{seq}`` alone for an undated
one); the next page is what follows that event in the list's order, read off the (date, seq)
index from there, so a page deep in a list costs what the first one does, where ``OFFSET``
reads and drops every event before it. ``before`` pages back the same way, in reverse.

Undated events (a NULL date) sort first in ascending order on SQLite and last on PostgreSQL
(and the other way round descending). A range on (date, seq) never holds for a NULL date, so
the rows after a cursor are read as up to two segments: the rest of the cursor's own (dated or
undated), then the other if it comes later in this order.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, literal, tuple_

CURSOR = r"^\d{1,18}(\.[0-9-]{1,10})?$"


@dataclass(frozen=True, slots=True)
class Cursor:
    seq: int
    date: str | None

    @classmethod
    def parse(cls, text: str) -> Cursor:
        if not re.match(CURSOR, text):
            raise ValueError("a cursor is the next or prev value of a page: 123.2023-05-22")
        seq, _, date = text.partition(".")
        return cls(int(seq), date or None)

    @classmethod
    def of(cls, seq: int, date: str | None) -> Cursor:
        return cls(int(seq), date or None)

    def __str__(self) -> str:
        return f"{self.seq}.{self.date}" if self.date else str(self.seq)


def nulls_first(dialect: str, descending: bool) -> bool:
    """Whether undated events come first in this order (the database's default placement)."""
    return (dialect == "sqlite") != descending


def _after(date_col: Any, seq_col: Any, at: Cursor, descending: bool,
           dialect: str) -> list[Any]:
    """The conditions of the segments that follow ``at``, in order."""
    def past(a: Any, b: Any) -> Any:
        return a < b if descending else a > b

    first = nulls_first(dialect, descending)
    if at.date is None:
        segments = [and_(date_col.is_(None), past(seq_col, at.seq))]
        if first:
            segments.append(date_col.is_not(None))
    else:
        # a row value: SQLite and PostgreSQL seek it in the (date, seq) index
        segments = [past(tuple_(date_col, seq_col), tuple_(literal(at.date), literal(at.seq)))]
        if not first:
            segments.append(date_col.is_(None))
    return segments


def read_after(conn: Any, q: Select, order: tuple[Any, Any], at: Cursor, *, descending: bool,
               dialect: str, limit: int) -> list[Any]:
    """Up to ``limit`` rows of ``q`` (filtered, not ordered) that follow ``at`` in date order
    (``order``: the date and seq columns the filter's index sorts by)."""
    date_col, seq_col = order
    by = [date_col.desc(), seq_col.desc()] if descending else [date_col, seq_col]
    rows: list[Any] = []
    for cond in _after(date_col, seq_col, at, descending, dialect):
        rows += conn.execute(q.where(cond).order_by(*by).limit(limit - len(rows))).all()
        if len(rows) >= limit:
            break
    return rows


def read_page(conn: Any, q: Select, *, order_by: list[Any], keys: tuple[Any, Any],
              at: Cursor | None, back: bool, descending: bool, offset: int, limit: int,
              dialect: str) -> tuple[list[Any], dict[str, str | None]]:
    """A page of ``q`` (filtered, not ordered) and its cursors: from ``offset`` in
    ``order_by`` without a cursor, else after ``at`` (before it if ``back``) in date order
    (``keys``: the date and seq columns, selected as ``k_date`` and ``k_seq``)."""
    if at is None:
        rows = conn.execute(q.order_by(*order_by).limit(limit + 1).offset(offset)).all()
    else:  # back: read on from the cursor in the reverse order
        rows = read_after(conn, q, keys, at, limit=limit + 1, descending=descending != back,
                          dialect=dialect)
    more = len(rows) > limit
    rows = rows[:limit]
    if back:
        rows.reverse()
    first, last = ((str(Cursor.of(r.k_seq, r.k_date)) for r in (rows[0], rows[-1])) if rows
                   else (None, None))
    return rows, {"next": last if more or back else None,
                  "prev": first if (more if back else bool(at or offset)) else None}


def query_cursor(params: Mapping[str, str]) -> dict[str, str]:
    """The cursor a page's link carries, ``{"after": …}`` or ``{"before": …}``, if any is valid
    (a page of the site reads its query string leniently: a bad cursor is no cursor)."""
    for k in ("after", "before"):
        if re.match(CURSOR, params.get(k) or ""):
            return {k: params[k]}
    return {}


def parse(offset: int, after: str | None, before: str | None) -> Cursor | None:
    """The cursor of a request, if it gives one; ``ValueError`` if it gives two, or one and an
    offset."""
    if after is None and before is None:
        return None
    if after is not None and before is not None:
        raise ValueError("give after or before, not both")
    if offset:
        raise ValueError("give offset or a cursor (after, before), not both")
    return Cursor.parse(after or before or "")
