"""Actors and their interactions: the network, one actor, the dyad of two actors.

Built with SQLAlchemy Core on the store's tables (bound parameters only) and run under
``data.budget()`` like the rest of ``data``:

- ``network``: who dealt with whom, the most frequent pairs first: countries from
  ``event_pairs``, or people and organisations taking part in one event (``event_actors``);
- ``actor``: one entity, its roles as the sources state them (its mentions, dated by the event
  or the page), its most frequent counterparts (``entity_links``) and its events;
- ``pair_dyad``: what ``data.dyad`` gives for two countries, for two actors or an actor and a
  country (any of its entities): events that both took part in, on either side.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import and_, func, select

from communique.store import Store
from communique.store import schema as s
from communique.store.queries import EA, EL, EN, EP, EV, EVENT_COLUMNS
from communique.web import paging
from communique.web.data import (
    COUNT_CAP,
    MAX_LIMIT,
    MAX_OFFSET,
    budget,
    check_offset,
    event_dict,
    event_sides,
    side_lists,
)
from communique.web.names import country_name, entity_view, is_country

ENM = s.EntityMention.__table__
PART = s.Part.__table__
DOC = s.Document.__table__

NODES = ("countries", "actors")
ACTOR_KINDS = ("person", "org", "igo")
MAX_EDGES = 500
DEFAULT_EDGES = 100
MAX_COUNTERPARTS = 100
ROLE_ROWS = 5000  # mentions read to list an actor's roles
PAIR_ROWS = 20_000  # events read for the dyad of two actors
PAIR_ITEMS = 200  # of which listed
PAIR_COLUMNS = ("id", "date", "month", "year", "event", "mode", "score", "main", "n_mentions",
                "actor_names", "recipient_names", "text", "doc_id")


def _round(value: Any) -> float | None:
    return None if value is None else round(float(value), 2)


def _dated(date: str | None) -> bool:
    return bool(date) and date[0].isdigit()


def _range(date: Any, since: str | None, until: str | None) -> list[Any]:
    out = []
    if since:
        out.append(date >= since)
    if until:
        out.append(date <= until + "\uffff")
    return out


def _entities(conn: Any, ids: list[str]) -> dict[str, dict[str, Any]]:
    if not ids:
        return {}
    q = select(EN.c.id, EN.c.kind, EN.c.name, EN.c.org, EN.c.country, EN.c.sector,
               EN.c.n_events).where(EN.c.id.in_(ids))
    return {r.id: entity_view(r) for r in conn.execute(q)}


def _country(code: str) -> dict[str, Any]:
    code = code.upper()
    return {"id": code, "kind": "country", "country": code, "latin": None,
            "label": country_name(code) or code}


def chart(by: str, cells: Iterable[tuple[Any, str, int, float | None, int]],
          rounding: Callable[[Any], float | None] = _round) -> dict[str, Any]:
    """The dyad chart's shape from (period, event type, events, score total, scored events);
    ``rounding`` makes each period's mean score (total over scored events) a figure."""
    table: dict[str, dict[str, list[float]]] = {}
    for period, kind, n, total, scored in cells:
        cell = table.setdefault(period or "unknown", {}).setdefault(kind, [0, 0.0, 0])
        cell[0] += int(n)
        cell[1] += float(total or 0.0)
        cell[2] += int(scored or 0)
    periods = sorted(table)
    types = sorted({t for row in table.values() for t in row})
    means = []
    for p in periods:
        scored = sum(c[2] for c in table[p].values())
        total = math.fsum(c[1] for c in table[p].values())
        means.append(rounding(total / scored) if scored else None)
    return {
        "by": by,
        "periods": periods,
        "types": types,
        "counts": {t: [int(table[p].get(t, [0])[0]) for p in periods] for t in types},
        "events": [int(sum(c[0] for c in table[p].values())) for p in periods],
        "mean_score": means,
    }


# --- the network ------------------------------------------------------------------------------


def _country_edges(since: str | None, until: str | None, event: str | None) -> Any:
    n = func.count().label("n")
    where = _range(EP.c.date, since, until)
    if event:
        where.append(EP.c.event == event.upper())
    return (select(EP.c.a, EP.c.b, n, func.avg(EP.c.score).label("mean"))
            .where(*where).group_by(EP.c.a, EP.c.b).order_by(n.desc(), EP.c.a, EP.c.b))


def _actor_edges(since: str | None, until: str | None, event: str | None) -> Any:
    x, y = EA.alias("x"), EA.alias("y")
    ex, ey = EN.alias("ex"), EN.alias("ey")
    pairs = (
        select(x.c.event_seq, x.c.entity_id.label("a"), y.c.entity_id.label("b"))
        .join(y, and_(y.c.event_seq == x.c.event_seq, y.c.entity_id > x.c.entity_id))
        .join(ex, ex.c.id == x.c.entity_id)
        .join(ey, ey.c.id == y.c.entity_id)
        .where(ex.c.kind.in_(ACTOR_KINDS), ey.c.kind.in_(ACTOR_KINDS))
        .distinct()
        .subquery()
    )
    n = func.count().label("n")
    where = _range(EV.c.date, since, until)
    if event:
        where.append(EV.c.event == event.upper())
    return (select(pairs.c.a, pairs.c.b, n, func.avg(EV.c.score).label("mean"))
            .join(EV, EV.c.seq == pairs.c.event_seq)
            .where(*where).group_by(pairs.c.a, pairs.c.b)
            .order_by(n.desc(), pairs.c.a, pairs.c.b))


def network(store: Store, *, nodes: str = "countries", since: str | None = None,
            until: str | None = None, event: str | None = None,
            limit: int = DEFAULT_EDGES) -> dict[str, Any]:
    """The ``limit`` most frequent pairs (edges: events, mean score) and the nodes they join,
    ``nodes`` being countries or actors (people, organisations, international bodies)."""
    if nodes not in NODES:
        raise ValueError(f"nodes is one of {', '.join(NODES)}")
    limit = max(1, min(int(limit), MAX_EDGES))
    event = event.upper() if event else None
    edges_q = (_country_edges if nodes == "countries" else _actor_edges)(since, until, event)
    with budget(), store.engine.connect() as conn:
        rows = conn.execute(edges_q.limit(limit + 1)).all()
        kept = rows[:limit]
        info = (_entities(conn, sorted({i for r in kept for i in (r.a, r.b)}))
                if nodes == "actors" else {})
    edges = [{"source": r.a, "target": r.b, "count": int(r.n), "mean_score": _round(r.mean)}
             for r in kept]
    weight: dict[str, int] = {}
    for e in edges:
        for end in (e["source"], e["target"]):
            weight[end] = weight.get(end, 0) + e["count"]
    out_nodes = []
    for node in sorted(weight, key=lambda i: (-weight[i], i)):
        view = _country(node) if nodes == "countries" else info.get(node) or {"id": node,
                                                                               "label": node}
        out_nodes.append({**view, "weight": weight[node]})
    return {"nodes_by": nodes, "limit": limit, "truncated": len(rows) > limit,
            "filters": {"date_from": since, "date_to": until, "event": event},
            "nodes": out_nodes, "edges": edges}


# --- one actor --------------------------------------------------------------------------------


def _roles(conn: Any, actor_id: str) -> list[dict[str, Any]]:
    """Each title and organisation the sources give the actor: first and last dated mention,
    how many mentions, the words as written and the document of the first."""
    date = func.coalesce(ENM.c.date, PART.c.report_date, PART.c.published, DOC.c.published)
    q = (
        select(ENM.c.role, ENM.c.org, ENM.c.text, date.label("date"), PART.c.doc_id)
        .join(PART, PART.c.id == ENM.c.part_id)
        .join(DOC, DOC.c.id == PART.c.document_id)
        .where(ENM.c.entity_id == actor_id, ENM.c.role.is_not(None), ENM.c.role != "")
        .order_by(date, ENM.c.id)
        .limit(ROLE_ROWS)
    )
    held: dict[tuple[str, str], dict[str, Any]] = {}
    for r in conn.execute(q):
        h = held.setdefault((r.role, r.org or ""), {
            "role": r.role, "org": r.org, "first": None, "last": None, "n": 0,
            "as_written": r.text, "doc_id": r.doc_id,
        })
        h["n"] += 1
        if _dated(r.date):
            if h["first"] is None:
                h.update(first=r.date, as_written=r.text, doc_id=r.doc_id)
            h["last"] = r.date
    return sorted(held.values(), key=lambda h: (h["first"] is None, h["first"] or "", h["role"]))


def _counterparts(conn: Any, actor_id: str, top: int) -> list[dict[str, Any]]:
    q = (
        select(EL.c.other_id.label("id"), EL.c.n, EN.c.kind, EN.c.name, EN.c.org, EN.c.country)
        .join(EN, EN.c.id == EL.c.other_id)
        .where(EL.c.entity_id == actor_id, EL.c.n > 0)
        .order_by(EL.c.n.desc(), EL.c.other_id)
        .limit(top)
    )
    return [entity_view(r) for r in conn.execute(q)]


def actor(store: Store, actor_id: str, *, limit: int = 100, offset: int = 0,
          counterparts: int = 20, after: str | None = None,
          before: str | None = None) -> dict[str, Any] | None:
    """An entity with its roles over time, counterparts, a page of its events in date order
    (from ``offset``, at most ``DATE_OFFSET``, or after or before a cursor, as ``list_events``)
    and their count by month and type; None when the store does not know it."""
    limit = max(1, min(int(limit), MAX_LIMIT))
    offset = max(0, min(int(offset), MAX_OFFSET))
    at = paging.parse(offset, after, before)
    check_offset(offset)
    top = max(1, min(int(counterparts), MAX_COUNTERPARTS))
    mine = EV.c.seq.in_(select(EA.c.event_seq).where(EA.c.entity_id == actor_id))
    with budget(), store.engine.connect() as conn:
        row = conn.execute(
            select(EN.c.id, EN.c.kind, EN.c.name, EN.c.org, EN.c.country, EN.c.sector,
                   EN.c.n_events).where(EN.c.id == actor_id)
        ).first()
        if row is None:
            return None
        roles = _roles(conn, actor_id)
        peers = _counterparts(conn, actor_id, top)
        keys = (EV.c.date, EV.c.seq)
        rows, cursors = paging.read_page(
            conn, select(EV.c.seq, EV.c.date.label("k_date"), EV.c.seq.label("k_seq"),
                         *(EV.c[c] for c in EVENT_COLUMNS)).where(mine),
            order_by=list(keys), keys=keys, at=at, back=before is not None, descending=False,
            offset=offset, limit=limit, dialect=store.engine.dialect.name)
        capped = select(EV.c.seq).where(mine).limit(COUNT_CAP + 1).subquery()
        total = conn.scalar(select(func.count()).select_from(capped)) or 0
        sides = event_sides(conn, [r.seq for r in rows])
        cells = conn.execute(
            select(EV.c.month, EV.c.event, func.count(), func.sum(EV.c.score),
                   func.count(EV.c.score)).where(mine).group_by(EV.c.month, EV.c.event)
        ).all()
    items = []
    for r in rows:
        item = event_dict(tuple(r)[3:], EVENT_COLUMNS)
        here = sides.get(r.seq, [])
        item.update(side_lists(here, item))
        item["as"] = [{"side": e["side"], "role": e["role"]} for e in here
                      if e["id"] == actor_id]
        items.append(item)
    return {
        **entity_view(row),
        "roles": roles,
        "counterparts": peers,
        "events": {"total": min(total, COUNT_CAP), "total_capped": total > COUNT_CAP,
                   "limit": limit, "offset": offset, **cursors, "items": items},
        "timeline": chart("month", cells),
    }


# --- the dyad of two actors -------------------------------------------------------------------


def _side(alias: Any, who: str) -> Any:
    return alias.c.country == who.upper() if is_country(who) else alias.c.entity_id == who


def pair_dyad(store: Store, a: str, b: str, *, by: str = "month", since: str | None = None,
              until: str | None = None) -> dict[str, Any]:
    """Two actors (ids), or an actor and a country, period by period: the events both took
    part in, by type, their mean score and the headline event; and the events themselves."""
    if by not in ("month", "year"):
        raise ValueError("by is 'month' or 'year'")
    x, y = EA.alias("x"), EA.alias("y")
    both = (select(x.c.event_seq)
            .join(y, and_(y.c.event_seq == x.c.event_seq, y.c.entity_id != x.c.entity_id))
            .where(_side(x, a), _side(y, b)))
    q = (select(EV.c.seq, *(EV.c[c] for c in PAIR_COLUMNS))
         .where(EV.c.seq.in_(both), *_range(EV.c.date, since, until))
         .order_by(EV.c.date, EV.c.seq).limit(PAIR_ROWS + 1))
    ids = [w for w in (a, b) if not is_country(w)]
    with budget(), store.engine.connect() as conn:
        rows = conn.execute(q).all()
        known = _entities(conn, ids)
        # every entity of the listed events, third parties too, with its id (for its link)
        listed = event_sides(conn, [r.seq for r in rows[:PAIR_ITEMS]])
    truncated = len(rows) > PAIR_ROWS
    rows = rows[:PAIR_ROWS]
    heads: dict[str, Any] = {}
    for r in rows:
        period = r.month if by == "month" else r.year
        best = heads.get(period or "unknown")
        if best is None or (bool(r.main), r.n_mentions) > (bool(best.main), best.n_mentions):
            heads[period or "unknown"] = r
    table = chart(by, ((r.month if by == "month" else r.year, r.event, 1, r.score,
                        r.score is not None) for r in rows))
    sides = [_country(w) if is_country(w) else known.get(w) or {"id": w, "label": w}
             for w in (a, b)]
    return {
        "a": sides[0]["id"], "b": sides[1]["id"], "kind": "actors", "sides": sides, **table,
        "headlines": [_headline(p, heads[p]) for p in table["periods"]],
        "total": len(rows), "truncated": truncated,
        "items": [_pair_item(r, listed.get(r.seq, [])) for r in rows[:PAIR_ITEMS]],
    }


def _pair_item(r: Any, entities: list[dict[str, Any]]) -> dict[str, Any]:
    item = event_dict(tuple(r)[1:], PAIR_COLUMNS)
    item.update(side_lists(entities, item))
    return item


def _headline(period: str, r: Any) -> dict[str, Any]:
    text = (f"{r.date} {r.event} {r.actor_names} → {r.recipient_names or '—'} "
            f"({r.n_mentions}×): {r.text}")
    return {"period": period, "text": text, "id": r.id, "doc_id": r.doc_id}
