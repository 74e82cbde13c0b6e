"""What the web pages and the JSON API read from the store, as plain dicts.

The store's public query functions (``communique.store.queries``) answer most questions; this
module adds what the web needs and the store does not offer yet: paginated event lists (offset
and a capped total), one event by id, a whole document with its spans, and a time budget on
every query. Every query is built with SQLAlchemy (bound parameters only).

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
from contextlib import contextmanager
from functools import cache
from typing import Any

from sqlalchemy import Engine, event, func, select
from sqlalchemy.exc import OperationalError

from communique.store import Store
from communique.store import schema as s
from communique.store.queries import EM, EN, EV, EVENT_COLUMNS, EventFilter

ER = s.EventRecord.__table__  # not queries.ER, which is the entity roles
ENM = s.EntityMention.__table__
DOC = s.Document.__table__
PART = s.Part.__table__

MAX_LIMIT = 500
MAX_OFFSET = 10_000
COUNT_CAP = 10_000
QUERY_SECONDS = 5.0

DETAIL_COLUMNS = (*EVENT_COLUMNS, "date_precision", "date_source", "date_evidence")


class TooCostly(Exception):
    """A query ran over its time budget."""


# --- the time budget --------------------------------------------------------------------------

_local = threading.local()


def _sqlite_progress(dbapi_conn: Any, _record: Any) -> None:
    def check() -> int:
        deadline = getattr(_local, "deadline", None)
        return 1 if deadline is not None and time.monotonic() > deadline else 0

    dbapi_conn.set_progress_handler(check, 20_000)


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
    """Within this block, reads on this thread stop after ``seconds`` (``TooCostly``)."""
    _local.deadline = time.monotonic() + (QUERY_SECONDS if seconds is None else seconds)
    try:
        yield
    except OperationalError as err:
        text = str(err.orig or err).lower()
        if "interrupted" in text or "statement timeout" in text or "canceling" in text:
            raise TooCostly(str(err.orig or err)) from err
        raise
    finally:
        _local.deadline = None


# --- small helpers ----------------------------------------------------------------------------


def _clean(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return _clean(value.item())
    return value


def _event_dict(row: Any, columns: tuple[str, ...]) -> dict[str, Any]:
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


@cache
def _latin_names() -> dict[str, str]:
    from communique.knowledge import read_table

    out = {}
    for row in read_table("people"):
        if row.get("id") and row.get("latin"):
            out[row["id"]] = row["latin"]
    return out


def latin(entity_id: str | None) -> str | None:
    """The Latin form of a person's name where the knowledge base has one."""
    try:
        return _latin_names().get(entity_id or "")
    except Exception:  # noqa: BLE001 - a missing table must not break a page
        return None


# --- events -----------------------------------------------------------------------------------


def list_events(
    store: Store, flt: EventFilter, *, limit: int = 50, offset: int = 0, descending: bool = False
) -> dict[str, Any]:
    """One page of events in date order, and how many match (counted up to ``COUNT_CAP``)."""
    limit = max(1, min(int(limit), MAX_LIMIT))
    offset = max(0, min(int(offset), MAX_OFFSET))
    order = flt.order()
    if descending:
        order = tuple(c.desc() for c in order)
    q = (
        flt.apply(select(*(EV.c[c] for c in EVENT_COLUMNS)))
        .order_by(*order)
        .limit(limit)
        .offset(offset)
    )
    capped = flt.apply(select(EV.c.seq)).limit(COUNT_CAP + 1).subquery()
    with budget(), store.engine.connect() as conn:
        rows = conn.execute(q).all()
        total = conn.scalar(select(func.count()).select_from(capped)) or 0
    return {
        "total": min(total, COUNT_CAP),
        "total_capped": total > COUNT_CAP,
        "limit": limit,
        "offset": offset,
        "items": [_event_dict(r, EVENT_COLUMNS) for r in rows],
    }


def get_event(store: Store, event_id: str) -> dict[str, Any] | None:
    """One event with its SPEC record and every report of it."""
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
        )
        mentions = [
            {**{c: _clean(v) for c, v in zip((*cols, "record_id"), m, strict=True)},
             "span": [m.span_start, m.span_end]}
            for m in conn.execute(mq)
        ]
    out = _event_dict(tuple(row)[:-1], DETAIL_COLUMNS)
    try:
        out["record"] = json.loads(row.record) if row.record else None
    except ValueError:
        out["record"] = None
    for m in mentions:
        m["main"] = bool(m["main"])
        del m["span_start"], m["span_end"]
    out["mentions"] = mentions
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
         until: str | None = None) -> dict[str, Any]:
    """The store's dyad table reshaped for a chart: periods, counts by type, mean score."""
    from communique.store import queries

    with budget():
        df = queries.dyad(store, a, b, by=by, since=since, until=until)
    fixed = {"period", "events", "mean_score", "headline"}
    types = sorted(c for c in df.columns if c not in fixed)
    rows = frame_records(df)
    return {
        "a": min(a.upper(), b.upper()),
        "b": max(a.upper(), b.upper()),
        "by": by,
        "periods": [r["period"] for r in rows],
        "types": types,
        "counts": {t: [int(r.get(t) or 0) for r in rows] for t in types},
        "events": [int(r["events"] or 0) for r in rows],
        "mean_score": [r["mean_score"] for r in rows],
        "headlines": [{"period": r["period"], "text": r.get("headline") or ""} for r in rows],
    }


def actors(store: Store, query: str | None = None, *, country: str | None = None,
           limit: int = 50) -> list[dict[str, Any]]:
    from communique.store import queries

    with budget():
        df = queries.actors(store, query, country=country, limit=limit)
    out = frame_records(df)
    for row in out:
        row["latin"] = latin(row.get("id"))
    return out
