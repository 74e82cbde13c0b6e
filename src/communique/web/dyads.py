"""The dyad of two countries for the web, from SQL aggregates shaped in plain Python.

The same answer as ``communique.store.queries.dyad`` (the CLI's DataFrame: events by type,
mean score = score total over events, the headline event of each period), without pandas in
the request path: it reads ``event_pairs`` alone, along its index ``ix_event_pairs_dyad``,
in two aggregate queries (the counts by month, year and type with their top prominence; the
first event of each period's top prominence), then the headlines' events by key.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, or_, select

from communique.store import Store
from communique.store.queries import EP, EV
from communique.web.data import budget
from communique.web.graph import chart


def _round2(value: float) -> float:
    """To 2 places as pandas (numpy) rounds, ``rint(value * 100) / 100``, so the figures
    equal the CLI's: 2.575 gives 2.58 where ``round(2.575, 2)`` gives 2.57."""
    return round(value * 100) / 100


def _period(by: str, month: str | None, year: str | None) -> str:
    value = month if by == "month" else year
    return "unknown" if value is None else value


def _where(a: str, b: str, since: str | None, until: str | None) -> list[Any]:
    """The pair and its date range. The range is on ``date || ''``, which no index serves:
    given ``date`` itself, SQLite reads a range through ``ix_event_pairs_ab_date`` and looks
    up each row's month and prominence in the table (8 times slower than scanning the pair
    along ``ix_event_pairs_dyad``, which holds them all)."""
    date = EP.c.date.concat("")
    where = [EP.c.a == a, EP.c.b == b]
    if since:
        where.append(date >= since)
    if until:
        where.append(date <= until + "\uffff")
    return where


def _headlines(conn: Any, where: list[Any], best: dict[str, tuple[float, str | None]]
               ) -> dict[str, str]:
    """Each period's headline: of its events with the top prominence, in the month that has it
    (the first such month, for a year), the first stored."""
    wanted = {(month, top): period for period, (top, month) in best.items()}
    months = sorted({m for m, _ in wanted if m is not None})
    in_month = EP.c.month.in_(months)  # alone, SQLite seeks each month along the index
    if any(m is None for m, _ in wanted):
        in_month = or_(in_month, EP.c.month.is_(None)) if months else EP.c.month.is_(None)
    q = (
        select(EP.c.month, EP.c.prominence, func.min(EP.c.event_seq))
        .where(*where, in_month, EP.c.prominence.in_(sorted({t for _, t in wanted})))
        .group_by(EP.c.month, EP.c.prominence)
    )
    seqs: dict[str, int] = {}
    for month, top, seq in conn.execute(q):
        period = wanted.get((month, top))
        if period is not None and (period not in seqs or seq < seqs[period]):
            seqs[period] = seq
    if not seqs:
        return {}
    rows = conn.execute(
        select(EV.c.seq, EV.c.date, EV.c.event, EV.c.actor_names, EV.c.recipient_names,
               EV.c.n_mentions, EV.c.text).where(EV.c.seq.in_(sorted(set(seqs.values()))))
    )
    text = {
        r.seq: f"{r.date} {r.event} {r.actor_names} → {r.recipient_names or '—'} "
               f"({r.n_mentions}×): {r.text}"
        for r in rows
    }
    return {period: text.get(seq, "") for period, seq in seqs.items()}


def country_dyad(store: Store, a: str, b: str, *, by: str = "month", since: str | None = None,
                 until: str | None = None) -> dict[str, Any]:
    """Two countries period by period: events by type, their mean score (score total over
    events, rounded to 2 places) and the headline event of each period."""
    if by not in ("month", "year"):
        raise ValueError("by is 'month' or 'year'")
    a, b = sorted((a.upper(), b.upper()))
    where = _where(a, b, since, until)
    counts = (
        select(EP.c.month, EP.c.year, EP.c.event, func.count(), func.sum(EP.c.score),
               func.max(EP.c.prominence))
        .where(*where)
        .group_by(EP.c.month, EP.c.year, EP.c.event)
    )
    with budget(), store.engine.connect() as conn:
        cells = conn.execute(counts).all()
        best: dict[str, tuple[float, str | None]] = {}  # period: (top prominence, its month)
        for month, year, _event, _n, _total, top in cells:
            period = _period(by, month, year)
            if period not in best or top > best[period][0]:
                best[period] = (top, month)
        heads = _headlines(conn, where, best) if best else {}
    # every event counts in the mean (an unscored one as 0), as in ``queries.dyad``
    table = chart(by, ((_period(by, m, y), kind, n, total, n)
                       for m, y, kind, n, total, _top in cells), rounding=_round2)
    return {
        "a": a, "b": b, "kind": "countries", **table,
        "headlines": [{"period": p, "text": heads.get(p, "")} for p in table["periods"]],
    }
