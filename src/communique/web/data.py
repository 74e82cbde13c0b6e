"""What the web pages and the JSON API read from the store, as plain dicts.

The store's public query functions (``communique.store.queries``) answer most questions; this
module adds what the web needs and the store does not offer yet: paginated event lists (offset,
a whitelisted sort column, a capped total, the entities of each side), one event by id, a whole
document with its spans, and a time budget on every query (``graph`` holds the network and
actor queries). Every query is built with SQLAlchemy (bound parameters only).

A document's cleaned text, its parts and its event mentions come from the store. What the store
does not keep (the dropped captions and teasers, every entity mention's span, the trigger
words) is recomputed from the stored raw page by the extractor (about 10 ms a page); when that
no longer gives the stored text (a newer extractor), the stored spans are used alone.
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import replace
from typing import Any

from sqlalchemy import Engine, event, func, select
from sqlalchemy.exc import OperationalError

from communique.store import Store
from communique.store import schema as s
from communique.store.queries import EA, EM, EN, EV, EVENT_COLUMNS, EventFilter
from communique.web import paging
from communique.web.cache import ShortCache
from communique.web.names import is_country, label, latin

ER = s.EventRecord.__table__  # not queries.ER, which is the entity roles
ENM = s.EntityMention.__table__
DOC = s.Document.__table__
PART = s.Part.__table__

MAX_LIMIT = 500
MAX_OFFSET = 10_000  # sorted by another column than the date (at most COUNT_CAP events)
DATE_OFFSET = 1_000  # in date order: deeper pages follow a cursor (``paging``)
COUNT_CAP = 10_000
COUNT_FIRST = 1_000  # the first step of a count (``_count``)
COUNT_SECONDS = 0.05  # CPU: a count of events past this (SQLite) says "at least" (``_count``)
QUERY_SECONDS = 5.0
PROGRESS_STEPS = 20_000  # SQLite instructions between two looks at the clock

DETAIL_COLUMNS = (*EVENT_COLUMNS, "date_precision", "date_source", "date_evidence")


class TooCostly(Exception):
    """A query ran over its time budget."""


class CostLimit(Exception):
    """A request that would cost more than the server allows, saying how to narrow it."""


# --- the time budget --------------------------------------------------------------------------

_local = threading.local()


def _sqlite_progress(dbapi_conn: Any, _record: Any) -> None:
    def check() -> int:
        deadline = getattr(_local, "deadline", None)
        if deadline is not None and time.monotonic() > deadline:
            return 1
        cpu = getattr(_local, "cpu_deadline", None)
        return 1 if cpu is not None and time.thread_time() > cpu else 0

    dbapi_conn.set_progress_handler(check, PROGRESS_STEPS)


def _pg_timeout(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute(f"SET statement_timeout = {int(QUERY_SECONDS * 1000)}")
    cur.close()
    dbapi_conn.commit()


def install_budget(engine: Engine) -> None:
    """Abort reads that run longer than ``QUERY_SECONDS``: SQLite through a progress handler
    armed by ``budget()``, PostgreSQL through ``statement_timeout``."""
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_progress)
    elif engine.dialect.name == "postgresql":
        event.listen(engine, "connect", _pg_timeout)
    engine.dispose()  # connections pooled before (the migration's) lack the handler


@contextmanager
def budget(seconds: float | None = None) -> Iterator[None]:
    """Within this block, reads on this thread stop after ``seconds`` (``TooCostly``), or at
    the deadline of the block it is in, if sooner."""
    outer = getattr(_local, "deadline", None)
    deadline = time.monotonic() + (QUERY_SECONDS if seconds is None else seconds)
    _local.deadline = deadline if outer is None else min(deadline, outer)
    try:
        yield
    except OperationalError as err:
        text = str(err.orig or err).lower()
        if "interrupted" in text or "statement timeout" in text or "canceling" in text:
            raise TooCostly(str(err.orig or err)) from err
        raise
    finally:
        _local.deadline = outer


@contextmanager
def cpu_budget(seconds: float) -> Iterator[None]:
    """Within this block, SQLite reads on this thread stop (``TooCostly``) once the thread
    has used ``seconds`` of CPU: what a query costs, not how long it waited for the others
    (the GIL, the cores) as a server under load does."""
    outer = getattr(_local, "cpu_deadline", None)
    _local.cpu_deadline = time.thread_time() + seconds
    try:
        with budget():  # the wall-clock deadline stays; it turns interrupts into TooCostly
            yield
    finally:
        _local.cpu_deadline = outer


# --- small helpers ----------------------------------------------------------------------------


def _clean(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return _clean(value.item())
    return value


def event_dict(row: Any, columns: tuple[str, ...]) -> dict[str, Any]:
    d = {c: _clean(v) for c, v in zip(columns, row, strict=True)}
    if "context" in d:
        d["context"] = [c for c in (d["context"] or "").split(",") if c]
    if "main" in d:
        d["main"] = bool(d["main"])
    for key in ("actor_countries", "recipient_countries"):
        if key in d:
            d[key] = [c for c in (d[key] or "").split(",") if c]
    for key in ("actor_names", "recipient_names"):
        if key in d:
            d[key] = [c.strip() for c in (d[key] or "").split(";") if c.strip()]
    return d


def frame_records(df: Any) -> list[dict[str, Any]]:
    """A DataFrame's rows as JSON-ready dicts (NaN and numpy types made plain)."""
    return [{str(k): _clean(v) for k, v in row.items()} for row in df.to_dict("records")]


# --- events -----------------------------------------------------------------------------------


SORTS = {  # what the events table sorts by: the API's ``sort`` values and their columns
    "date": EV.c.date,
    "event": EV.c.event,
    "mode": EV.c.mode,
    "actor": EV.c.actor_names,
    "recipient": EV.c.recipient_names,
    "score": EV.c.score,
}


def _order(flt: EventFilter, sort: str, descending: bool, dialect: str) -> list[Any]:
    """ORDER BY for a whitelisted ``sort``: that column (blanks last), then date order."""
    if sort not in SORTS:
        raise ValueError(f"sort is one of {', '.join(SORTS)}")
    order = list(flt.order(dialect))
    if descending:
        order = [c.desc() for c in order]
    if sort != "date":
        col = SORTS[sort]
        order.insert(0, (col.desc() if descending else col.asc()).nulls_last())
    return order


def list_events(
    store: Store, flt: EventFilter, *, limit: int = 50, offset: int = 0,
    descending: bool = False, sort: str = "date", counts: ShortCache | None = None,
    after: str | None = None, before: str | None = None,
) -> dict[str, Any]:
    """One page of events sorted by ``sort`` (a key of ``SORTS``; date order breaks ties), and
    how many match (counted up to ``COUNT_CAP``; kept a while in ``counts``, if given, by filter
    and dialect). Each event names its sides' entities.

    In date order a page gives cursors, ``next`` and ``prev``: ``after=next`` (``before=prev``)
    reads the following (preceding) page off the index, however deep (``paging``); ``offset``
    goes no further than ``DATE_OFFSET`` there. Another sort reads and sorts every matching
    event, so it needs filters that match at most ``COUNT_CAP`` (``CostLimit`` otherwise)."""
    limit = max(1, min(int(limit), MAX_LIMIT))
    offset = max(0, min(int(offset), MAX_OFFSET))
    if sort not in SORTS:
        raise ValueError(f"sort is one of {', '.join(SORTS)}")
    if sort != "date" and (after or before):
        raise ValueError("after and before page in date order (sort=date); another sort pages "
                         "with offset")
    at = paging.parse(offset, after, before)
    if sort == "date":
        check_offset(offset)
    dialect = store.engine.dialect.name
    key = (flt, dialect)
    total = counts.get(key) if counts is not None else None
    generation = counts.generation if counts is not None else 0
    with budget(), store.engine.connect() as conn:
        flt = flt.resolved(conn, offset + limit)  # a page: a text most events hold is walked
        if total is None or (sort != "date" and total[1] and total[0] <= COUNT_CAP):
            # another sort needs the count to COUNT_CAP: a bound the first step set is not enough
            total = _count(conn, flt, dialect, whole=sort != "date")
            if counts is not None:
                counts.put(key, total, generation)
        counted, at_least = total
        if flt.text and not (flt.between or flt.actor or flt.country) and (
                at_least or counted > COUNT_FIRST):
            flt = replace(flt, frequent_text=True)  # 56 -> 16 ms for a page of 俄罗斯
        if sort != "date" and (counted > COUNT_CAP or at_least):
            raise CostLimit(f"sorting by {sort} reads and sorts every matching event, at most "
                            f"{COUNT_CAP:,}, and these filters match more (or cost too much to "
                            "count): narrow them (a date range, a dyad, an event type) or sort "
                            "by date")
        date_col, seq_col = flt.order(dialect)
        q = flt.apply(select(EV.c.seq, date_col.label("k_date"), seq_col.label("k_seq"),
                             *(EV.c[c] for c in EVENT_COLUMNS)), dialect)
        rows, cursors = paging.read_page(
            conn, q, order_by=_order(flt, sort, descending, dialect), keys=(date_col, seq_col),
            at=at, back=before is not None, descending=descending, offset=offset, limit=limit,
            dialect=dialect)
        sides = event_sides(conn, [r.seq for r in rows])
    items = []
    for r in rows:
        item = event_dict(tuple(r)[3:], EVENT_COLUMNS)
        item.update(side_lists(sides.get(r.seq, []), item))
        items.append(item)
    more = cursors["next"] is not None and before is None
    return {
        # a count cut short gives what it had counted, at least the events up to this page
        "total": min(max(counted, offset + len(rows) + more) if at_least else counted,
                     COUNT_CAP),
        "total_capped": counted > COUNT_CAP or at_least,
        "limit": limit,
        "offset": offset,
        "sort": sort,
        **(cursors if sort == "date" else {"next": None, "prev": None}),
        "items": items,
    }


def _count(conn: Any, flt: EventFilter, dialect: str, whole: bool = False) -> tuple[int, bool]:
    """How many events match, up to ``COUNT_CAP`` + 1, and whether that is a lower bound.

    Counting costs like reading every match: for the most frequent word, 10,000 of them took
    0.1-0.2 s. The count goes in steps (``COUNT_FIRST``, then ``COUNT_CAP``); when the first
    step's cost scaled to the next is past ``COUNT_SECONDS`` (unless ``whole``), what it counted
    is a lower bound ("1,000+"). On SQLite the cost is this thread's CPU, and the steps stop
    when they have used ``COUNT_SECONDS`` of it; PostgreSQL's work is the server's, so there it
    is the wall clock, and the query's own timeout holds."""
    def upto(n: int) -> int:
        capped = flt.apply(select(EV.c.seq), dialect).limit(n + 1).subquery()
        return conn.scalar(select(func.count()).select_from(capped)) or 0

    sqlite = dialect == "sqlite"
    clock = time.thread_time if sqlite else time.perf_counter
    found, done = 0, 0
    started = clock()
    try:
        with cpu_budget(COUNT_SECONDS) if sqlite else nullcontext():
            for step in sorted({min(COUNT_FIRST, COUNT_CAP), COUNT_CAP}):
                spent = clock() - started
                if done and not whole and spent * step / done > COUNT_SECONDS:
                    return done, True  # counting on costs about in proportion: it would not fit
                found = upto(step)
                if found <= step:
                    return found, False
                done = step
    except TooCostly:
        return done, True
    return found, False  # past COUNT_CAP


def check_offset(offset: int) -> None:
    """``CostLimit`` past ``DATE_OFFSET``: an offset in date order reads every event before
    the page; a cursor does not."""
    if offset > DATE_OFFSET:
        raise CostLimit(f"offset is at most {DATE_OFFSET:,} in date order: page on with "
                        "after=NEXT, the next cursor of the page before")


def event_sides(conn: Any, seqs: list[int]) -> dict[int, list[dict[str, Any]]]:
    """The entities on each side of the given events, with their labels and roles then."""
    if not seqs:
        return {}
    q = (
        select(EA.c.event_seq, EA.c.side, EA.c.entity_id, EA.c.country, EA.c.role,
               EN.c.kind, EN.c.name, EN.c.org)
        .join(EN, EN.c.id == EA.c.entity_id)
        .where(EA.c.event_seq.in_(seqs))
        .order_by(EA.c.event_seq, EA.c.side, EA.c.entity_id)
    )
    out: dict[int, list[dict[str, Any]]] = {}
    for r in conn.execute(q):
        out.setdefault(r.event_seq, []).append({
            "side": r.side, "id": r.entity_id, "kind": r.kind, "country": r.country,
            "role": r.role, "label": label(r.entity_id, r.name, r.org, r.country),
            "latin": latin(r.entity_id),
        })
    return out


def side_lists(entities: list[dict[str, Any]], item: dict[str, Any]) -> dict[str, Any]:
    """``actor_entities`` and ``recipient_entities``, in the order the event names them."""
    out = {}
    for side, names in (("actor", item.get("actor_names") or []),
                        ("recipient", item.get("recipient_names") or [])):
        text = "; ".join(names)
        here = [e for e in entities if e["side"] == side]
        here.sort(key=lambda e: (text.find(e["label"]) % (len(text) + 1), e["id"]))
        out[f"{side}_entities"] = [
            {k: e[k] for k in ("id", "label", "latin", "kind", "country", "role")} for e in here
        ]
    return out


MENTIONS_SHOWN = 200


def get_event(store: Store, event_id: str,
              mentions: int = MENTIONS_SHOWN) -> dict[str, Any] | None:
    """One event with its SPEC record and its first ``mentions`` reports (``n_mentions`` says
    how many there are: a teaser copied under every page of a week has thousands)."""
    q = (
        select(*(EV.c[c] for c in DETAIL_COLUMNS), ER.c.record)
        .outerjoin(ER, ER.c.seq == EV.c.seq)
        .where(EV.c.id == event_id)
    )
    cols = ("doc_id", "part", "outlet", "date", "mode", "span_start", "span_end", "text", "main")
    with budget(), store.engine.connect() as conn:
        row = conn.execute(q).first()
        if row is None:
            return None
        mq = (
            select(*(EM.c[c] for c in cols), EM.c.record_id)
            .join(EV, EV.c.seq == EM.c.event_seq)
            .where(EV.c.id == event_id)
            .order_by(EM.c.id)
            .limit(mentions)
        )
        reports = [
            {**{c: _clean(v) for c, v in zip((*cols, "record_id"), m, strict=True)},
             "span": [m.span_start, m.span_end]}
            for m in conn.execute(mq)
        ]
    out = event_dict(tuple(row)[:-1], DETAIL_COLUMNS)
    try:
        out["record"] = json.loads(row.record) if row.record else None
    except ValueError:
        out["record"] = None
    for m in reports:
        m["main"] = bool(m["main"])
        del m["span_start"], m["span_end"]
    out["mentions"] = reports
    return out


# --- documents --------------------------------------------------------------------------------

_DOC_CACHE: OrderedDict[str, Any] = OrderedDict()
_DOC_CACHE_SIZE = 64
_cache_lock = threading.Lock()


def _reextract(content_hash: str, raw: Any) -> Any:
    with _cache_lock:
        if content_hash in _DOC_CACHE:
            _DOC_CACHE.move_to_end(content_hash)
            return _DOC_CACHE[content_hash]
    try:
        from communique.pipeline import extract_raw

        doc = extract_raw(raw)
    except Exception:  # noqa: BLE001 - the stored spans are still there
        doc = None
    with _cache_lock:
        _DOC_CACHE[content_hash] = doc
        while len(_DOC_CACHE) > _DOC_CACHE_SIZE:
            _DOC_CACHE.popitem(last=False)
    return doc


def _entity_json(e: Any) -> dict[str, Any]:
    d = e.to_json()
    d["kind"] = e.kind
    d["latin"] = latin(e.id)
    return d


def get_document(store: Store, doc_id: str) -> dict[str, Any] | None:
    """A stored page: the article's cleaned text, the dropped pieces, entities and events with
    their spans, and the teasers as parts of their own. ``doc_id`` may name a part
    (``…#teaser-3``): the whole page is returned."""
    from communique.model import RawPage

    base = doc_id.split("#", 1)[0]
    with budget(), store.engine.connect() as conn:
        doc = conn.execute(
            select(DOC.c.id, DOC.c.content_hash, DOC.c.doc_id, DOC.c.url, DOC.c.outlet,
                   DOC.c.published, DOC.c.title, DOC.c.kind, DOC.c.raw, DOC.c.ingested_at)
            .where(DOC.c.doc_id == base)
            .order_by(DOC.c.id.desc())
            .limit(1)
        ).first()
        if doc is None:
            return None
        parts = conn.execute(
            select(PART.c.id, PART.c.doc_id, PART.c.part, PART.c.seq, PART.c.title,
                   PART.c.text, PART.c.published, PART.c.report_date, PART.c.place)
            .where(PART.c.document_id == doc.id)
            .order_by(PART.c.seq)
        ).all()
        mentions = conn.execute(
            select(EM.c.part_id, EM.c.record_id, EM.c.span_start, EM.c.span_end, EM.c.text,
                   EM.c.mode.label("m_mode"), EM.c.date.label("m_date"), EM.c.main,
                   EV.c.id, EV.c.event, EV.c.cameo, EV.c.score, EV.c.actor_names,
                   EV.c.recipient_names, EV.c.actor_countries, EV.c.recipient_countries,
                   EV.c.date, EV.c.n_mentions, EV.c.n_documents)
            .join(EV, EV.c.seq == EM.c.event_seq)
            .where(EM.c.document_id == doc.id)
            .order_by(EM.c.part_id, EM.c.span_start, EM.c.id)
        ).all()
        ents = conn.execute(
            select(ENM.c.part_id, ENM.c.entity_id, ENM.c.text, ENM.c.role, ENM.c.org,
                   ENM.c.span_start, ENM.c.span_end, EN.c.kind, EN.c.name, EN.c.country,
                   EN.c.sector)
            .join(EN, EN.c.id == ENM.c.entity_id)
            .join(PART, PART.c.id == ENM.c.part_id)
            .where(PART.c.document_id == doc.id)
        ).all()
    raw = RawPage(
        doc.doc_id,
        text=doc.raw if doc.kind == "text" else None,
        html=doc.raw if doc.kind != "text" else None,
        url=doc.url,
        published=doc.published,
        title=doc.title,
    )
    extracted = _reextract(doc.content_hash, raw)
    fresh = extracted.all_documents() if extracted is not None else []
    out_parts = []
    for i, p in enumerate(parts):
        again = fresh[i] if i < len(fresh) and fresh[i].page.text == p.text else None
        p_mentions = [m for m in mentions if m.part_id == p.id]
        events = []
        triggers = {}
        if again is not None:
            triggers = {ev.id: list(ev.trigger) for ev in again.events}
        for m in p_mentions:
            events.append({
                "id": m.id, "record_id": m.record_id, "event": m.event,
                "mode": m.m_mode, "cameo": m.cameo, "score": _clean(m.score),
                "date": m.m_date, "event_date": m.date, "main": bool(m.main),
                "actor": [n.strip() for n in (m.actor_names or "").split(";") if n.strip()],
                "recipient": [n.strip() for n in (m.recipient_names or "").split(";")
                              if n.strip()],
                "actor_countries": [c for c in (m.actor_countries or "").split(",") if c],
                "recipient_countries": [c for c in (m.recipient_countries or "").split(",")
                                        if c],
                "n_mentions": m.n_mentions, "n_documents": m.n_documents,
                "text": m.text, "span": [m.span_start, m.span_end],
                "trigger": triggers.get(m.record_id),
            })
        if again is not None:
            entities = [_entity_json(e) for e in again.entities]
        else:
            entities = [
                {"text": e.text, "name": e.name, "role": e.role, "org": e.org,
                 "country": e.country, "sector": e.sector, "id": e.entity_id, "kind": e.kind,
                 "latin": latin(e.entity_id), "span": [e.span_start, e.span_end]}
                for e in ents
                if e.part_id == p.id and e.span_start is not None and e.span_end is not None
            ]
        dropped = [{"kind": d.kind, "text": d.text} for d in again.page.dropped] if again else []
        out_parts.append({
            "doc_id": p.doc_id, "part": p.part, "seq": p.seq, "title": p.title,
            "text": p.text, "published": p.published, "report_date": p.report_date,
            "place": p.place, "dropped": dropped, "entities": entities, "events": events,
            "recomputed": again is not None,
        })
    article = out_parts[0] if out_parts else {
        "text": "", "dropped": [], "entities": [], "events": [], "title": None,
    }
    return {
        "doc_id": doc.doc_id,
        "url": doc.url,
        "outlet": doc.outlet,
        "published": doc.published,
        "title": article.get("title") or doc.title,
        "ingested_at": doc.ingested_at.isoformat() if doc.ingested_at else None,
        "text": article["text"],
        "dropped": article["dropped"],
        "entities": article["entities"],
        "events": article["events"],
        "recomputed": bool(article.get("recomputed")),
        "teasers": out_parts[1:],
    }


# --- dyads and actors -------------------------------------------------------------------------


def dyad(store: Store, a: str, b: str, *, by: str = "month", since: str | None = None,
         until: str | None = None, cache: ShortCache | None = None) -> dict[str, Any]:
    """The dyad reshaped for a chart: periods, counts by type, mean score, headlines (kept a
    while in ``cache``, if given)."""
    def compute() -> dict[str, Any]:
        return _dyad(store, a, b, by=by, since=since, until=until)

    return compute() if cache is None else cache.remember(("dyad", a, b, by, since, until), compute)


def _dyad(store: Store, a: str, b: str, *, by: str, since: str | None,
          until: str | None) -> dict[str, Any]:
    """Two country codes read the store's country pairs (``dyads.country_dyad``); an actor id
    on either side reads ``graph.pair_dyad``."""
    if not (is_country(a) and is_country(b)):
        from communique.web.graph import pair_dyad

        return pair_dyad(store, a, b, by=by, since=since, until=until)
    from communique.web.dyads import country_dyad

    return country_dyad(store, a, b, by=by, since=since, until=until)


def actors(store: Store, query: str | None = None, *, country: str | None = None,
           limit: int = 50) -> list[dict[str, Any]]:
    from communique.store import queries

    with budget():
        df = queries.actors(store, query, country=country, limit=limit)
    out = frame_records(df)
    for row in out:
        row["latin"] = latin(row.get("id"))
        row["label"] = label(row["id"], row.get("name"), row.get("org"), row.get("country"))
    return out
