"""Questions asked of a store, answered as pandas DataFrames (the CLI prints the same frames).

>>> from communique.store import open_store
>>> from communique.store import queries
>>> with open_store("communique.db") as store:
...     queries.events(store, between=("VNM", "RUS"), since="2023-01-01")
...     queries.dyad(store, "VNM", "RUS", by="year")
...     queries.actors(store, country="VNM")
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

import pandas as pd
from sqlalchemy import Integer, Select, and_, any_, cast, func, literal, or_, select
from sqlalchemy.dialects.postgresql import ARRAY

from communique.knowledge import country_names
from communique.store import Store, search
from communique.store import schema as s

EV = s.Event.__table__
EA = s.EventActor.__table__
EP = s.EventPair.__table__
EM = s.EventMention.__table__
EN = s.Entity.__table__
ER = s.EntityRole.__table__
EL = s.EntityLink.__table__

EVENT_COLUMNS = (
    "id", "date", "event", "mode", "medium", "cameo", "score", "context", "actor_names",
    "actor_countries", "recipient_names", "recipient_countries", "location_place",
    "location_country", "n_mentions", "n_documents", "main", "confidence", "text", "doc_id",
)
FEW = 2000  # the most events a text may be in for a query to read those first (``resolved``)
MANY = 30_000  # the most for the walk along the dates to check each event against their list
SAMPLE, DENSE = 500, 8  # a text in 1 of 8 of a dyad's first 500 events: the walk probes each


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What ``communique events`` filters on; every field is optional and they all must hold."""

    actor: str | None = None
    country: str | None = None
    between: tuple[str, str] | None = None
    event: str | None = None
    mode: str | None = None
    context: str | None = None
    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    text: str | None = None
    # the entity ids ``actor`` names, when the caller has looked them up (``resolved``)
    actor_ids: tuple[str, ...] | None = None
    # the caller found the text in many events: read events in date order, looking each up in
    # the set the index gives, rather than sorting all of that set's events by date
    frequent_text: bool = False
    # the events the index found the text in, when the caller has asked it and they are not
    # too many (``_found_with_text``)
    text_seqs: tuple[int, ...] | None = None

    def resolved(self, conn: Any, limit: int | None = None) -> EventFilter:
        """This filter with the entities its actor names looked up, and, on PostgreSQL, with
        the events a text within a dyad or country is in (``_found_with_text``) when that
        list is the quicker way to the first ``limit`` events (None: all of them)."""
        flt = self
        if self.actor and self.actor_ids is None:
            flt = replace(flt, actor_ids=tuple(conn.scalars(self._who())))
        if flt.text_seqs is None and conn.dialect.name == "postgresql":
            flt = replace(flt, text_seqs=flt._found_with_text(conn, limit))
        return flt

    def _found_with_text(self, conn: Any, limit: int | None) -> tuple[int, ...] | None:
        # A word a big dyad seldom holds: the dyad's own date-ordered walk probed each of its
        # events (280 ms for 69,483 at 100,000 pages); the index, asked for the dyad's tag
        # too, lists the few at once (2 ms), and the query then reads only those (``FEW``).
        # A word in some of a country's events: the walk read 35,000 of them, probing each, to
        # find a page of 1,000 (105 ms); listed first (20,001 events, 12 ms), the walk checks
        # each against the list, hashed (20 ms). A word in most of them: the walk that probes
        # stops early (listing them cost 50 ms more), and so does one too common to list.
        tags = self._tags()
        if not (self.text and tags and search.usable(self.text)):
            return None
        found = self._listed(conn, tags, FEW + 1)
        if len(found) > FEW:
            if limit and self._common_early(conn, tags):
                return None
            found = self._listed(conn, tags, MANY + 1)
        return tuple(sorted(set(found))) if len(found) <= MANY else None

    def _listed(self, conn: Any, tags: list[str], most: int) -> list[int]:
        # one array: 12 ms for 20,001 events, against 20 ms for as many rows
        found = search.events(self.text, "postgresql", tags).limit(most).subquery()  # type: ignore[arg-type]
        return conn.scalar(select(func.array_agg(found.c.event_seq))) or []

    def _common_early(self, conn: Any, tags: list[str]) -> bool:
        """Whether the text is in at least one in ``DENSE`` of the first ``SAMPLE`` events
        the walk reads: a page of them is then found after a few probes each."""
        walked = self.order("postgresql")[1]
        first = replace(self, text=None).apply(select(walked.label("seq")), "postgresql")
        first = first.order_by(*self.order("postgresql")).limit(SAMPLE).subquery()
        hits = select(func.count()).select_from(first).where(
            first.c.seq.in_(search.events(self.text, "postgresql", tags)))  # type: ignore[arg-type]
        return conn.scalar(hits) * DENSE >= SAMPLE

    def _by_actor(self, dialect: str) -> bool:
        # Reads an actor's events off its (entity, date) index. On PostgreSQL its own plan, a
        # date-order scan of all events checking each, took 0.5-0.9 s for a busy person at
        # 100,000 pages. SQLite walks that index in order only for one entity named by
        # equality (0.1 ms for a page of the busiest person); for an IN list it sorts, and its
        # plan for the list (built once, probed along the date index: 25 ms) is faster.
        return bool(self.actor) and not self.between and (
            dialect == "postgresql" or (self.actor_ids is not None and len(self.actor_ids) == 1))

    def _by_country(self) -> bool:
        # Reads a country's events (of a type) off its (country, [event,] date) index and stops
        # at the limit. PostgreSQL's own plan for the IN list took 110-460 ms for a page of a
        # big country at 100,000 pages (27-41 ms this way), 160 ms for a type it never had.
        return bool(self.country) and not self.between and not self.actor

    def order(self, dialect: str = "") -> tuple[Any, Any]:
        """What date order follows the index the filters use."""
        if self.between:
            return EP.c.date, EP.c.event_seq
        if self._by_actor(dialect) or self._by_country():
            # grouped by these, an event is listed once however many of its actors match
            return EA.c.date, EA.c.event_seq
        return EV.c.date, EV.c.seq

    def _who(self) -> Any:
        """The entities the actor filter names: an id, a name or an organisation."""
        if self.actor_ids is not None:
            return list(self.actor_ids)
        return select(EN.c.id).where(
            or_(EN.c.id == self.actor, EN.c.name == self.actor, EN.c.org == self.actor)
        )

    def apply(self, q: Select, dialect: str = "") -> Select:
        date_col = EV.c.date
        if self.between:
            a, b = sorted(c.upper() for c in self.between)
            q = q.join_from(EV, EP, and_(EP.c.event_seq == EV.c.seq, EP.c.a == a, EP.c.b == b))
            date_col = EP.c.date
        elif self._by_actor(dialect) or self._by_country():
            if self.actor_ids is not None and len(self.actor_ids) == 1:
                which = EA.c.entity_id == self.actor_ids[0]
            elif self.actor:
                which = EA.c.entity_id.in_(self._who())
            else:
                which = EA.c.country == self.country.upper()  # type: ignore[union-attr]
                if self.event:
                    which = and_(which, EA.c.event == self.event.upper())
            q = q.join_from(EV, EA, and_(EA.c.event_seq == EV.c.seq, which))
            # PostgreSQL selects the event's own columns only with its key grouped too; the
            # cursor's (date, seq) then still ranges over the index
            q = q.group_by(*self.order(dialect), *([EV.c.seq] if dialect == "postgresql" else []))
            date_col = EA.c.date
        if self.actor and not self._by_actor(dialect):
            mine = select(EA.c.event_seq).where(EA.c.entity_id.in_(self._who()))
            q = q.where(EV.c.seq.in_(mine))
        if self.country and not self._by_country() and dialect == "sqlite":
            # probe each event's actors by its key; ``|| ''`` keeps SQLite off the (country,
            # date) index, which it would otherwise scan for every event
            q = q.where(select(EA.c.event_seq).where(
                EA.c.event_seq == EV.c.seq, EA.c.country.concat("") == self.country.upper()
            ).exists())
        elif self.country and not self._by_country():
            q = q.where(EV.c.seq.in_(
                select(EA.c.event_seq).where(EA.c.country == self.country.upper())
            ))
        if self.event:
            q = q.where(EV.c.event == self.event.upper())
        if self.mode:
            q = q.where(EV.c.mode == self.mode)
        if self.context:
            q = q.where(EV.c.context.contains(f",{self.context},"))
        if self.since:
            q = q.where(date_col >= self.since)
        if self.until:
            q = q.where(date_col <= self.until + "\uffff")
        if self.outlet:
            q = q.where(EV.c.seq.in_(select(EM.c.event_seq).where(EM.c.outlet == self.outlet)))
        if self.text:
            q = q.where(self._text(dialect))
        return q

    def _tags(self) -> list[str]:
        """The search index's tags that every event this filter keeps has."""
        tags = [search.tag(*(c.upper() for c in self.between)) if self.between else None,
                search.tag(self.country.upper()) if self.country else None]
        return [t for t in tags if t]

    def _text(self, dialect: str) -> Any:
        words = and_(*(EM.c.text.contains(w, autoescape=True) for w in search.words(self.text)))
        found: Any = (list(self.text_seqs) if self.text_seqs is not None
                      else search.events(self.text, dialect, self._tags()))  # type: ignore[arg-type]
        if self.text_seqs is not None and len(self.text_seqs) > FEW:
            # one array, checked against each row of the index the walk follows, before the
            # event is looked up: PostgreSQL hashes a constant array of this size
            walked = self.order(dialect)[1]
            found = walked == any_(cast(literal(list(self.text_seqs)), ARRAY(Integer)))
            return found if search.exact(self.text) else and_(found, self._mentioned(words))
        if search.exact(self.text):
            # ``+ 0``: not a key SQLite would look rows up by, so it keeps to the date index
            seq = EV.c.seq + 0 if self.frequent_text and dialect == "sqlite" else EV.c.seq
            return seq.in_(found)
        mentioned = self._mentioned(words)
        if search.usable(self.text):  # the index narrows, LIKE keeps it exact
            return and_(EV.c.seq.in_(found), mentioned)
        if self.between or self._by_actor(dialect) or self._by_country():
            return mentioned  # the other filter drives: look at its events' mentions only
        return EV.c.seq.in_(select(EM.c.event_seq).where(words))  # one pass over the mentions

    @staticmethod
    def _mentioned(words: Any) -> Any:
        return select(EM.c.id).where(EM.c.event_seq == EV.c.seq, words).exists()


def _filter(flt: EventFilter | None, kw: dict[str, Any]) -> EventFilter:
    if flt is not None and kw:
        raise TypeError("give an EventFilter or keyword filters, not both")
    if kw.get("between") is not None:
        kw["between"] = tuple(kw["between"])
    return flt or EventFilter(**kw)


def _frame(rows: Any, columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame([tuple(r) for r in rows], columns=columns)


def iter_events(
    store: Store,
    flt: EventFilter | None = None,
    *,
    columns: tuple[str, ...] = EVENT_COLUMNS,
    chunk: int = 5000,
    limit: int | None = None,
    **kw: Any,
) -> Iterator[pd.DataFrame]:
    """The matching events in date order, as DataFrames of at most ``chunk`` rows.

    Rows come straight from the driver's cursor (no ORM rows), since a dyad can hold tens of
    thousands of events."""
    flt = _filter(flt, kw)
    dialect = store.engine.dialect.name
    with store.engine.connect() as conn:
        flt = flt.resolved(conn, limit)
        q = flt.apply(select(*(EV.c[c] for c in columns)), dialect).order_by(*flt.order(dialect))
        if limit:
            q = q.limit(limit)
        compiled = q.compile(dialect=conn.dialect)
        state = compiled.construct_expanded_state()  # IN lists of values made into parameters
        args: Any = state.positional_parameters if compiled.positional else state.parameters
        cursor = conn.connection.cursor()
        try:
            cursor.execute(state.statement, args)
            while part := cursor.fetchmany(chunk):
                df = pd.DataFrame(part, columns=list(columns))
                if "context" in df:
                    df["context"] = df["context"].str.strip(",")
                if "main" in df:
                    df["main"] = df["main"].astype(bool)
                yield df
        finally:
            cursor.close()


def events(
    store: Store, flt: EventFilter | None = None, *, limit: int | None = None, **kw: Any
) -> pd.DataFrame:
    """Events matching the filters (see ``EventFilter``), one row per event, in date order."""
    frames = list(iter_events(store, flt, limit=limit, **kw))
    if not frames:
        return pd.DataFrame(columns=list(EVENT_COLUMNS))
    return pd.concat(frames, ignore_index=True)


def mentions(store: Store, event_id: str) -> pd.DataFrame:
    """Every report of one event: which document, part and span said it."""
    cols = ["doc_id", "part", "outlet", "date", "mode", "span_start", "span_end", "text", "main"]
    q = (
        select(*(EM.c[c] for c in cols))
        .join(EV, EV.c.seq == EM.c.event_seq)
        .where(EV.c.id == event_id)
        .order_by(EM.c.id)
    )
    with store.engine.connect() as conn:
        return _frame(conn.execute(q), cols)


def actors(
    store: Store,
    query: str | None = None,
    *,
    country: str | None = None,
    kinds: tuple[str, ...] = ("person", "org", "igo"),
    limit: int = 50,
    counterparts: int = 3,
) -> pd.DataFrame:
    """People and organisations, most active first: their roles over time and who they met."""
    q = (
        select(EN.c.id, EN.c.kind, EN.c.name, EN.c.org, EN.c.country, EN.c.sector,
               EN.c.n_events)
        .where(EN.c.kind.in_(kinds), EN.c.n_events > 0)
        .order_by(EN.c.n_events.desc(), EN.c.id)
        .limit(limit)
    )
    if country:
        q = q.where(EN.c.country == country.upper())
    if query:
        like = f"%{query}%"
        q = q.where(or_(EN.c.id.like(like), EN.c.name.like(like), EN.c.org.like(like)))
    cols = ["id", "kind", "name", "org", "country", "sector", "events"]
    with store.engine.connect() as conn:
        df = _frame(conn.execute(q), cols)
        ids = df["id"].tolist()
        roles = _roles(conn, ids)
        peers = _counterparts(conn, ids, counterparts)
    blank = ("", "", "")
    df["first"] = [roles.get(i, blank)[0] for i in ids]
    df["last"] = [roles.get(i, blank)[1] for i in ids]
    df["roles"] = [roles.get(i, blank)[2] for i in ids]
    df["counterparts"] = [peers.get(i, "") for i in ids]
    return df


def _roles(conn: Any, ids: list[str]) -> dict[str, tuple[str, str, str]]:
    if not ids:
        return {}
    q = (
        select(ER.c.entity_id, ER.c.role, ER.c.first, ER.c.last)
        .where(ER.c.entity_id.in_(ids))
        .order_by(ER.c.entity_id, ER.c.first, ER.c.role)
    )
    spans: dict[str, list[tuple[str, str | None, str | None]]] = {}
    for eid, role, first, last in conn.execute(q):
        spans.setdefault(eid, []).append((role, first, last))
    out = {}
    for eid, rows in spans.items():
        text = "; ".join(
            f"{r} {a}…{b}" if a and b and a != b else f"{r} {a or ''}".strip()
            for r, a, b in rows
        )
        firsts = [a for _, a, _ in rows if a]
        lasts = [b for _, _, b in rows if b]
        out[eid] = (min(firsts, default=""), max(lasts, default=""), text)
    return out


def _counterparts(conn: Any, ids: list[str], top: int) -> dict[str, str]:
    if not ids or top <= 0:
        return {}
    q = (
        select(EL.c.entity_id, EL.c.n, EN.c.name, EN.c.org, EN.c.country)
        .join(EN, EN.c.id == EL.c.other_id)
        .where(EL.c.entity_id.in_(ids))
        .order_by(EL.c.entity_id, EL.c.n.desc(), EL.c.other_id)
    )
    out: dict[str, list[str]] = {}
    for eid, count, name, org, cc in conn.execute(q):
        got = out.setdefault(eid, [])
        if len(got) < top:
            got.append(f"{name or org or country_names().get(cc or '', cc)} ({count})")
    return {k: "; ".join(v) for k, v in out.items()}


def _dyad_where(a: str, b: str, since: str | None, until: str | None) -> list[Any]:
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


def dyad_cells(
    conn: Any, a: str, b: str, *, by: str = "month", since: str | None = None,
    until: str | None = None,
) -> tuple[list[tuple[str, str, int, float | None]], dict[str, str]]:
    """A pair's (period, event type, events, score total) cells and each period's headline,
    read from ``event_pairs`` alone along its index: what ``dyad`` and the web shape."""
    if by not in ("month", "year"):
        raise ValueError("by is 'month' or 'year'")
    a, b = sorted((a.upper(), b.upper()))
    where = _dyad_where(a, b, since, until)
    counts = (
        select(EP.c.month, EP.c.year, EP.c.event, func.count(), func.sum(EP.c.score),
               func.max(EP.c.prominence))
        .where(*where)
        .group_by(EP.c.month, EP.c.year, EP.c.event)
    )
    cells, best = [], {}  # best: period -> (top prominence, its month)
    for month, year, event, n, total, top in conn.execute(counts):
        period = (month if by == "month" else year) or "unknown"
        cells.append((period, event, n, total))
        if period not in best or top > best[period][0]:
            best[period] = (top, month)
    return cells, (_headlines(conn, where, best) if best else {})


def dyad(
    store: Store,
    a: str,
    b: str,
    *,
    by: str = "month",
    since: str | None = None,
    until: str | None = None,
) -> pd.DataFrame:
    """A relationship period by period: events by type, mean score, the headline event
    (the most prominent of its period: a page's headline, most reported)."""
    with store.engine.connect() as conn:
        cells, heads = dyad_cells(conn, a, b, by=by, since=since, until=until)
    if not cells:
        return pd.DataFrame(columns=["period", "events", "mean_score", "headline"])
    c = pd.DataFrame(cells, columns=["period", "event", "n", "total"])
    c["total"] = c["total"].fillna(0.0)
    wide = c.pivot_table(index="period", columns="event", values="n", aggfunc="sum", fill_value=0)
    totals = c.groupby("period")[["n", "total"]].sum()
    out = pd.DataFrame({"events": totals["n"],
                        "mean_score": (totals["total"] / totals["n"]).round(2)})
    out = out.join(wide).reset_index()
    out["headline"] = out["period"].map(heads)
    out.columns.name = None
    return out.sort_values("period", ignore_index=True)


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
        r.seq: f"{r.date or 'undated'} {r.event} {r.actor_names} → {r.recipient_names or '—'} "
               f"({r.n_mentions}×): {r.text}"
        for r in rows
    }
    return {period: text.get(seq, "") for period, seq in seqs.items()}


def rejects(store: Store, limit: int = 100) -> pd.DataFrame:
    r = s.Reject.__table__
    q = select(r.c.source, r.c.reason, r.c.created_at).order_by(r.c.id).limit(limit)
    with store.engine.connect() as conn:
        return _frame(conn.execute(q), ["source", "reason", "created_at"])
