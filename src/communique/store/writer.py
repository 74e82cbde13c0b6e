"""Write one batch of extracted pages in one transaction: all of it is stored, or none.

A page is identified by the hash of its content: a page already stored (or already rejected)
is skipped, so a batch written twice, or a run started again after being killed, stores each
page once. Events are numbered (``seq``) in the order they are first reported, which keeps every
table that points at them growing at its end, however large the store.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import combinations, permutations
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Integer,
    MetaData,
    Table,
    and_,
    bindparam,
    case,
    delete,
    func,
    insert,
    select,
    text,
    tuple_,
    update,
)

from communique.model import RawPage, Rejected
from communique.store import schema as s
from communique.store.extracted import Extracted, entity_id
from communique.store.merge import (
    Cluster,
    Merger,
    Want,
    When,
    day_of_year,
    key_hash,
    merge_order,
)

CHUNK = 500
ADVISORY_LOCK = 0x636F6D6D
EV, EA, EP = s.Event.__table__, s.EventActor.__table__, s.EventPair.__table__
ER = s.EventRecord.__table__
NOT_EVENT_COLUMNS = ("prominence", "record")
WANT_DDL = (
    "CREATE TEMPORARY TABLE IF NOT EXISTS merge_want "
    "(kh BIGINT, d1 INTEGER, d2 INTEGER, lo INTEGER, hi INTEGER)"
)
WANT = Table("merge_want", MetaData(), Column("kh", BigInteger), Column("d1", Integer),
             Column("d2", Integer), Column("lo", Integer), Column("hi", Integer))


def _chunks(seq: Sequence[Any], n: int = CHUNK) -> Iterable[Sequence[Any]]:
    for i in range(0, len(seq), n):
        yield seq[i : i + n]


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _label(ent: Mapping[str, Any]) -> str:
    return ent.get("name") or ent.get("org") or ent.get("text") or ent.get("country") or ""


def _countries(ents: Iterable[Mapping[str, Any]]) -> list[str]:
    return sorted({e["country"] for e in ents if e.get("country")})


def _bulk(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """INSERT many rows straight through the driver (the rows' keys are the columns)."""
    if not rows:
        return
    quote = conn.dialect.identifier_preparer.quote
    cols = list(rows[0])
    mark = (lambda c: f":{c}") if conn.dialect.name == "sqlite" else (lambda c: f"%({c})s")
    sql = (f"INSERT INTO {quote(table.name)} ({', '.join(map(quote, cols))}) "
           f"VALUES ({', '.join(map(mark, cols))})")
    conn.exec_driver_sql(sql, rows)


def _numbered(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> list[int]:
    """Insert rows under the next free ids and return them: cheaper than RETURNING row by row,
    and safe because one writer holds the store at a time (SQLite's lock, the advisory lock)."""
    if not rows:
        return []
    first = (conn.scalar(select(func.max(table.c.id))) or 0) + 1
    ids = list(range(first, first + len(rows)))
    _bulk(conn, table, [{"id": i, **r} for i, r in zip(ids, rows, strict=True)])
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT setval(pg_get_serial_sequence(:t, 'id'), :v)"),
                     {"t": table.name, "v": ids[-1]})
    return ids


def _upsert(conn: Connection, table: Table, rows: list[dict[str, Any]], keys: Sequence[str],
            add: Sequence[str] = (), low: Sequence[str] = (), high: Sequence[str] = ()) -> None:
    """Insert rows, or on a key already there add to ``add`` columns and widen low/high ones."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    stmt = dialect_insert(table)
    new, old = stmt.excluded, table.c
    sets: dict[str, Any] = {c: old[c] + new[c] for c in add}
    sets |= {c: case((old[c].is_(None) | (new[c] < old[c]), new[c]), else_=old[c]) for c in low}
    sets |= {c: case((old[c].is_(None) | (new[c] > old[c]), new[c]), else_=old[c]) for c in high}
    conn.execute(stmt.on_conflict_do_update(index_elements=list(keys), set_=sets), rows)


@dataclass(slots=True)
class BatchCounts:
    stored: int = 0
    skipped: int = 0
    rejected: int = 0
    mentions: int = 0
    new_events: int = 0


def load_clusters(conn: Connection, wants: Sequence[Want]) -> list[Cluster]:
    """The stored events that the wanted (key, day, window) could join, oldest first."""
    w = WANT
    conn.execute(text(WANT_DDL))
    conn.execute(delete(w))
    _bulk(conn, w, [
        {"kh": key_hash(x.key), "d1": x.first_day, "d2": x.last_day, "lo": x.lo, "hi": x.hi}
        for x in wants
    ])
    cols = (EV.c.seq, EV.c.id, EV.c.merge_key, ER.c.record, EV.c.date, EV.c.date_source,
            EV.c.medium, EV.c.n_mentions, EV.c.n_documents, EV.c.main, EV.c.confidence,
            EV.c.mode, EV.c.text)
    on_day = and_(EV.c.merge_hash == w.c.kh, EV.c.doy.between(w.c.d1, w.c.d2))
    joins = (
        (and_(on_day, EV.c.date_ord.between(w.c.lo, w.c.hi)), w.c.lo.is_not(None)),
        (and_(on_day, EV.c.date_ord.is_(None)), w.c.lo.is_(None)),
    )
    rows = {}
    for on, which in joins:
        src = w.join(EV, on).join(ER, ER.c.seq == EV.c.seq)
        for r in conn.execute(select(*cols).select_from(src).where(which)):
            rows[r.seq] = r
    return [
        Cluster(
            id=r.id, key=r.merge_key, stored_record=r.record,
            when=When.parse(r.date, r.date_source), medium=r.medium, parts=set(),
            n_mentions=r.n_mentions, n_documents=r.n_documents, main=r.main,
            confidence=r.confidence or 0.0, stored=True, dirty=False, mode=r.mode,
            text=r.text, seq=r.seq, json=r.record,
        )
        for _, r in sorted(rows.items())
    ]


def _dates(c: Cluster) -> dict[str, Any]:
    rec, when = c.record, c.when
    return {
        "date": rec.get("date"),
        "date_precision": rec.get("date_precision") or when.precision,
        "date_source": rec.get("date_source"),
        "date_evidence": rec.get("date_evidence"),
        "date_ord": when.ordinal,
        "doy": day_of_year(when),
        "month": f"{when.year:04d}-{when.month:02d}" if when.year and when.month else None,
        "year": f"{when.year:04d}" if when.year else None,
    }


def _event_row(c: Cluster) -> dict[str, Any]:
    rec = c.record
    loc = rec.get("location") or {}
    actor, recipient = rec.get("actor") or [], rec.get("recipient") or []
    return {
        "seq": c.seq,
        "id": c.id,
        "merge_key": c.key,
        "merge_hash": key_hash(c.key),
        "event": rec["event"],
        "mode": rec.get("mode"),
        "medium": c.medium,
        "context": "," + ",".join(rec.get("context") or []) + ",",
        "cameo": rec.get("cameo"),
        "score": rec.get("score"),
        **_dates(c),
        "actor_names": "; ".join(_label(e) for e in actor),
        "actor_countries": ",".join(_countries(actor)),
        "recipient_names": "; ".join(_label(e) for e in recipient),
        "recipient_countries": ",".join(_countries(recipient)),
        "location_text": loc.get("text"),
        "location_place": loc.get("place"),
        "location_country": loc.get("country"),
        "text": rec.get("text") or "",
        "doc_id": rec.get("doc_id") or "",
        "main": c.main,
        "confidence": c.confidence,
        "n_mentions": c.n_mentions,
        "n_documents": c.n_documents,
        "record": c.json or _dumps(rec),
        "prominence": prominence(c.main, c.n_mentions, rec.get("score")),
    }


def prominence(main: bool, n_mentions: int, score: float | None) -> float:
    """Which event heads a period: the headline of its page first, then the most reported,
    then the most cooperative."""
    return int(main) * 1e7 + min(n_mentions, 99_999) * 10 + ((score or 0.0) + 10.0) / 2.0


def _participants(c: Cluster) -> dict[tuple[str, str], Mapping[str, Any]]:
    out: dict[tuple[str, str], Mapping[str, Any]] = {}
    for side in ("actor", "recipient"):
        for e in c.record.get(side) or []:
            out.setdefault((side, entity_id(e)), e)
    return out


class Writer:
    def __init__(self, outlet: str | None = None) -> None:
        self.outlet = outlet

    def known_hashes(self, conn: Connection, hashes: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(list(hashes)):
            for table in (s.Document.__table__, s.Reject.__table__):
                q = select(table.c.content_hash).where(table.c.content_hash.in_(chunk))
                found.update(conn.scalars(q))
        return found

    def write(
        self,
        conn: Connection,
        pages: Sequence[tuple[RawPage, Extracted]],
        rejected: Sequence[Rejected] = (),
    ) -> BatchCounts:
        """Store a batch; the caller owns the transaction (``with engine.begin() as conn``)."""
        counts = BatchCounts()
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": ADVISORY_LOCK})
        known = self.known_hashes(conn, [x.content_hash for _, x in pages])
        fresh: list[tuple[RawPage, Extracted]] = []
        reject_rows = [
            {"source": r.source[:500], "reason": r.reason[:500], "content_hash": None}
            for r in rejected
        ]
        for raw, x in pages:
            if x.content_hash in known:
                counts.skipped += 1
                continue
            known.add(x.content_hash)
            if x.error is not None:
                source = (raw.source or raw.doc_id)[:500]
                reject_rows.append(
                    {"source": source, "reason": x.error[:500], "content_hash": x.content_hash}
                )
                continue
            fresh.append((raw, x))
        counts.rejected = self._rejects(conn, reject_rows)
        if fresh:
            counts.stored = len(fresh)
            self._pages(conn, fresh, counts)
        return counts

    def _rejects(self, conn: Connection, rows: list[dict[str, Any]]) -> int:
        table = s.Reject.__table__
        unique: dict[tuple[str, str], dict[str, Any]] = {}
        for r in rows:
            unique.setdefault((r["source"], r["reason"]), r)
        for chunk in _chunks(list(unique)):
            q = select(table.c.source, table.c.reason).where(
                tuple_(table.c.source, table.c.reason).in_(chunk)
            )
            for pair in conn.execute(q):
                unique.pop(tuple(pair), None)
        if unique:
            now = _now()
            conn.execute(insert(table), [{**r, "created_at": now} for r in unique.values()])
        return len(rows)

    def _pages(self, conn: Connection, pages: list[tuple[RawPage, Extracted]], c: BatchCounts):
        now = _now()
        doc_t, part_t = s.Document.__table__, s.Part.__table__
        doc_rows = [
            {
                "content_hash": x.content_hash,
                "doc_id": raw.doc_id[:200],
                "url": raw.url,
                "outlet": (self.outlet or x.outlet or None),
                "published": raw.published,
                "title": raw.title,
                "source": raw.source,
                "encoding": raw.encoding,
                "kind": "text" if raw.text is not None else "html",
                "raw": raw.text if raw.text is not None else (raw.html or ""),
                "n_events": x.n_events,
                "ingested_at": now,
            }
            for raw, x in pages
        ]
        doc_ids = _numbered(conn, doc_t, doc_rows)
        part_rows, part_owner = [], []
        for did, (_, x) in zip(doc_ids, pages, strict=True):
            for p in x.parts:
                part_rows.append({
                    "document_id": did, "doc_id": p.doc_id[:220], "part": p.part, "seq": p.seq,
                    "title": p.title, "text": p.text, "published": p.published,
                    "report_date": p.report_date, "place": p.place,
                })
                part_owner.append((did, x, p))
        part_ids = _numbered(conn, part_t, part_rows)
        self._entities(conn, [p for _, _, p in part_owner])
        self._mentions(conn, list(zip(part_ids, part_owner, strict=True)), c)

    def _entities(self, conn: Connection, parts: list[Any]) -> None:
        table = s.Entity.__table__
        found: dict[str, dict[str, Any]] = {}
        for p in parts:
            for e in p.entities:
                found.setdefault(e["id"], e)
        for chunk in _chunks(list(found)):
            for eid in conn.scalars(select(table.c.id).where(table.c.id.in_(chunk))):
                found.pop(eid, None)
        _bulk(conn, table, list(found.values()))

    def _mentions(self, conn: Connection, parts: list[Any], c: BatchCounts) -> None:
        merger = Merger(lambda wants: load_clusters(conn, wants))
        merger.prefetch(r for _, (_, _, p) in parts for r in p.records)
        mentions: list[tuple[Cluster, dict[str, Any]]] = []
        ent_rows: list[dict[str, Any]] = []
        seen: dict[str, set[str]] = {}
        for part_id, (did, x, p) in parts:
            ent_rows += [{**r, "part_id": part_id} for r in p.entity_rows]
            as_json = dict(zip(map(id, p.records), p.record_json, strict=True))
            for r in merge_order(p.records):
                cluster, created = merger.add(
                    r, content_hash=x.content_hash, part=f"{x.content_hash}/{p.seq}",
                    seen_in_document=seen.setdefault(x.content_hash, set()),
                    record_json=as_json[id(r)],
                )
                c.new_events += int(created)
                span = r.get("span") or [0, 0]
                mentions.append((cluster, {
                    "record_id": str(r.get("id") or "")[:200],
                    "document_id": did, "part_id": part_id, "doc_id": p.doc_id[:220],
                    "part": p.part, "outlet": self.outlet or x.outlet, "mode": r.get("mode"),
                    "date": r.get("date"), "date_precision": r.get("date_precision"),
                    "date_source": r.get("date_source"), "span_start": span[0],
                    "span_end": span[1], "text": r.get("text") or "",
                    "main": bool(r.get("main")), "confidence": r.get("confidence"),
                }))
        self._clusters(conn, merger.dirty())
        if mentions:
            _bulk(conn, s.EventMention.__table__,
                  [{**row, "event_seq": cl.seq} for cl, row in mentions])
        if ent_rows:
            _bulk(conn, s.EntityMention.__table__, ent_rows)
            self._roles(conn, ent_rows)
        c.mentions += len(mentions)
        merger.settle()

    @staticmethod
    def _roles(conn: Connection, rows: Iterable[Mapping[str, Any]]) -> None:
        roles: dict[tuple[str, str], dict[str, Any]] = {}
        for r in rows:
            if not r["role"]:
                continue
            d = r["date"] if r["date"] and r["date"][0] != "-" else None
            got = roles.setdefault((r["entity_id"], r["role"]), {
                "entity_id": r["entity_id"], "role": r["role"], "first": d, "last": d, "n": 0,
            })
            got["n"] += 1
            if d:
                got["first"] = min(got["first"] or d, d)
                got["last"] = max(got["last"] or d, d)
        _upsert(conn, s.EntityRole.__table__, list(roles.values()), ("entity_id", "role"),
                add=("n",), low=("first",), high=("last",))

    def _clusters(self, conn: Connection, clusters: list[Cluster]) -> None:
        new = [c for c in clusters if not c.stored]
        old = [c for c in clusters if c.stored]
        if new:
            seq0 = conn.scalar(select(EV.c.seq).order_by(EV.c.seq.desc()).limit(1)) or 0
            for i, cl in enumerate(new, 1):
                cl.seq = seq0 + i
            rows = [_event_row(cl) for cl in new]
            _bulk(conn, EV, [{k: v for k, v in r.items() if k not in NOT_EVENT_COLUMNS}
                             for r in rows])
            _bulk(conn, ER, [{"seq": r["seq"], "record": r["record"]} for r in rows])
            actors, pairs, links, counts = [], [], Counter(), Counter()
            for cl, row in zip(new, rows, strict=True):
                people = _participants(cl)
                actors += [
                    {"event_seq": cl.seq, "side": side, "entity_id": eid,
                     "country": e.get("country"), "role": e.get("role"), "date": row["date"]}
                    for (side, eid), e in people.items()
                ]
                ids = sorted({eid for _, eid in people})
                counts.update(ids)
                links.update(permutations(ids, 2))
                pairs += [
                    {"event_seq": cl.seq, "a": a, "b": b, "date": row["date"],
                     "month": row["month"], "year": row["year"], "event": row["event"],
                     "score": row["score"], "main": row["main"],
                     "n_mentions": row["n_mentions"], "prominence": row["prominence"]}
                    for a, b in combinations(_countries(e for e in people.values()), 2)
                ]
            _bulk(conn, EA, actors)
            _bulk(conn, EP, pairs)
            ent = s.Entity.__table__
            conn.execute(
                update(ent).where(ent.c.id == bindparam("eid"))
                .values(n_events=ent.c.n_events + bindparam("k")),
                [{"eid": eid, "k": k} for eid, k in sorted(counts.items())],
            )
            _upsert(conn, s.EntityLink.__table__,
                    [{"entity_id": a, "other_id": b, "n": k} for (a, b), k in sorted(links.items())],
                    ("entity_id", "other_id"), add=("n",))
        if old:
            self._refresh(conn, old)

    @staticmethod
    def _refresh(conn: Connection, old: list[Cluster]) -> None:
        """Events that took new mentions: counters, and the date if a better one came."""
        rows = [_event_row(c) for c in old]
        counters = ("main", "confidence", "n_mentions", "n_documents", "medium")
        _set(conn, EV, EV.c.seq, counters, rows, counters)
        ranks = ("main", "n_mentions", "prominence")
        _set(conn, EP, EP.c.event_seq, ranks, rows, ranks)
        redated = [r for c, r in zip(old, rows, strict=True) if c.redated]
        if redated:
            dates = ("date", "date_precision", "date_source", "date_evidence", "date_ord",
                     "doy", "month", "year")
            _set(conn, EV, EV.c.seq, dates, redated, dates)
            _set(conn, ER, ER.c.seq, ("record",), redated, ("record",))
            _set(conn, EP, EP.c.event_seq, ("date", "month", "year"), redated,
                 ("date", "month", "year"))
            _set(conn, EA, EA.c.event_seq, ("date",), redated, ("date",))


def _set(conn: Connection, table: Table, key: Any, columns: Sequence[str],
         rows: list[dict[str, Any]], fields: Sequence[str]) -> None:
    """UPDATE table SET columns = row fields WHERE key = row seq, for every row at once."""
    stmt = update(table).where(key == bindparam("v_seq")).values(
        {c: bindparam(f"v_{f}") for c, f in zip(columns, fields, strict=True)}
    )
    conn.execute(stmt, [{"v_seq": r["seq"], **{f"v_{f}": r[f] for f in fields}} for r in rows])
