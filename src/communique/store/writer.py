"""Write one batch of extracted pages in one transaction: all of it is stored, or none.

A page is identified by the hash of its content: a page already stored (or already rejected)
is skipped, so a batch written twice, or a run started again after being killed, stores each
page once. Events are numbered (``seq``) in the order they are first reported, which keeps every
table that points at them growing at its end, however large the store.

The workers have built every row already (``extracted.py``); this process only folds the
mentions into events, which needs the events stored, and inserts: with ``COPY`` on PostgreSQL,
``executemany`` on SQLite.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from itertools import permutations
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
    or_,
    select,
    text,
    tuple_,
    update,
)

from communique.model import RawPage, Rejected
from communique.store import schema as s
from communique.store import search
from communique.store.bulk import insert_rows, update_rows
from communique.store.extracted import (
    DATE_COLUMNS,
    ENTITY_COLUMNS,
    ENTITY_MENTION_COLUMNS,
    EVENT_COLUMNS,
    MENTION_COLUMNS,
    Extracted,
    ExtractedPart,
    Mention,
    dumps,
)
from communique.store.merge import Cluster, Merger, Want, When, key_hash, lookup_hash

CHUNK = 500
ADVISORY_LOCK = 0x636F6D6D
EV, EA, EP = s.Event.__table__, s.EventActor.__table__, s.EventPair.__table__
ER, EM = s.EventRecord.__table__, s.EventMention.__table__
WANT_DDL = (
    "CREATE TEMPORARY TABLE IF NOT EXISTS merge_wants "
    "(kh BIGINT, d1 INTEGER, d2 INTEGER, lo INTEGER, hi INTEGER, inferred INTEGER)"
)
WANT = Table("merge_wants", MetaData(), Column("kh", BigInteger), Column("d1", Integer),
             Column("d2", Integer), Column("lo", Integer), Column("hi", Integer),
             Column("inferred", Integer))
DOCUMENT_COLUMNS = ("content_hash", "doc_id", "url", "outlet", "published", "title", "source",
                    "encoding", "kind", "raw", "n_events", "ingested_at")
PART_COLUMNS = ("document_id", "doc_id", "part", "seq", "title", "text", "published",
                "report_date", "place")
EVENT_INSERT = ("seq", "id", *EVENT_COLUMNS, "medium", *DATE_COLUMNS, "main", "confidence",
                "n_mentions", "n_documents")
MENTION_INSERT = ("event_seq", "document_id", "part_id", "outlet", *MENTION_COLUMNS)
ACTOR_INSERT = ("event_seq", "side", "entity_id", "country", "role", "date", "event")
PAIR_INSERT = ("event_seq", "a", "b", "date", "month", "year", "event", "score", "main",
               "n_mentions", "prominence")
SCORE, EVENT = EVENT_COLUMNS.index("score"), EVENT_COLUMNS.index("event")
HASH = EVENT_COLUMNS.index("merge_hash")
DATE, MONTH, YEAR = (DATE_COLUMNS.index(c) for c in ("date", "month", "year"))
TEXT = MENTION_COLUMNS.index("text")
ACTOR_COUNTRIES, RECIPIENT_COUNTRIES = (EVENT_COLUMNS.index(c)
                                        for c in ("actor_countries", "recipient_countries"))


def _chunks(seq: Sequence[Any], n: int = CHUNK) -> Iterable[Sequence[Any]]:
    for i in range(0, len(seq), n):
        yield seq[i : i + n]


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _numbered(conn: Connection, table: Table, columns: Sequence[str],
              rows: Sequence[Sequence[Any]]) -> list[int]:
    """Insert rows under the next free ids and return them: cheaper than RETURNING row by row,
    and safe because one writer holds the store at a time (SQLite's lock, the advisory lock)."""
    if not rows:
        return []
    first = (conn.scalar(select(func.max(table.c.id))) or 0) + 1
    ids = list(range(first, first + len(rows)))
    insert_rows(conn, table, ("id", *columns), [(i, *r) for i, r in zip(ids, rows, strict=True)])
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
    cols = (EV.c.seq, EV.c.id, EV.c.merge_key, EV.c.date, EV.c.date_source,
            EV.c.medium, EV.c.n_mentions, EV.c.n_documents, EV.c.main, EV.c.confidence,
            EV.c.mode, EV.c.text, EV.c.score, EV.c.actor_countries, EV.c.recipient_countries)
    rows = {}
    dated = [x for x in wants if x.text is None]
    if dated:
        if conn.dialect.name == "postgresql":
            # emptied by truncation at each commit: with `DELETE` alone, the rows of every
            # batch before stayed in the file, which the planner (no statistics on a temporary
            # table) sizes it by, and the lookups took 105 ms a batch at 100,000 pages
            # against 17 at 30,000 (13 with the table truncated)
            conn.execute(text(WANT_DDL + " ON COMMIT DELETE ROWS"))
        else:
            conn.execute(text(WANT_DDL))
        conn.execute(delete(w))  # SQLite's last batch's wants
        insert_rows(conn, w, ("kh", "d1", "d2", "lo", "hi", "inferred"),
                    [(key_hash(x.key), x.first_day, x.last_day, x.lo, x.hi, int(x.inferred))
                     for x in dated])
        on_day = and_(EV.c.merge_hash == w.c.kh, EV.c.doy.between(w.c.d1, w.c.d2))
        dated_as_wanted = and_(EV.c.date_ord.between(w.c.lo, w.c.hi),
                               or_(w.c.inferred == 0, EV.c.date_source == "inferred"))
        joins = (
            (and_(on_day, dated_as_wanted), w.c.lo.is_not(None)),
            (and_(on_day, EV.c.date_ord.is_(None)), w.c.lo.is_(None)),
        )
        pg = conn.dialect.name == "postgresql"
        if pg:
            # Without statistics on the wants, and with the events' own stale while a store
            # fills, the planner sorts both sides and merges on the key alone: every stored
            # event of a frequent pair met every want of it (370,000 rows for 350 found, 50
            # to 110 ms a batch at 3,000 pages). Looked up by the index on (key, day) instead.
            conn.exec_driver_sql("SET LOCAL enable_mergejoin = off")
            conn.exec_driver_sql("SET LOCAL enable_hashjoin = off")
        for on, which in joins:
            src = w.join(EV, on)
            for r in conn.execute(select(*cols).select_from(src).where(which)):
                rows[r.seq] = r
        if pg:
            conn.exec_driver_sql("RESET enable_mergejoin")
            conn.exec_driver_sql("RESET enable_hashjoin")
    twins = {(x.key, x.text) for x in wants if x.text is not None}
    for chunk in _chunks(sorted(twins)):
        q = select(*cols).where(
            EV.c.merge_hash.in_(sorted({lookup_hash(k, When(), t) for k, t in chunk})),
            EV.c.doy.is_(None), EV.c.date_ord.is_(None), EV.c.date.is_(None))
        rows.update((r.seq, r) for r in conn.execute(q) if (r.merge_key, r.text) in twins)
    return [
        Cluster(
            id=r.id, key=r.merge_key, stored_record=None,
            load_record=partial(_record_of, conn, r.seq),
            when=When.parse(r.date, r.date_source), medium=r.medium, parts=set(),
            n_mentions=r.n_mentions, n_documents=r.n_documents, main=r.main,
            confidence=r.confidence or 0.0, stored=True, dirty=False, mode=r.mode,
            text=r.text, seq=r.seq, score=r.score,
            countries=search.sides(r.actor_countries, r.recipient_countries),
        )
        for _, r in sorted(rows.items())
    ]


def _record_of(conn: Connection, seq: int) -> str:
    return conn.scalar(select(ER.c.record).where(ER.c.seq == seq))


def _countries(c: Cluster) -> Sequence[str]:
    """The countries of an event's sides: as stored, or as the row it is about to be stored as."""
    return c.countries if c.stored else search.sides(c.first.event[ACTOR_COUNTRIES],
                                                      c.first.event[RECIPIENT_COUNTRIES])


def prominence(main: bool, n_mentions: int, score: float | None) -> float:
    """Which event heads a period: the headline of its page first, then the most reported,
    then the most cooperative."""
    return int(main) * 1e7 + min(n_mentions, 99_999) * 10 + ((score or 0.0) + 10.0) / 2.0


def _dates(c: Cluster) -> tuple[Any, ...]:
    """DATE_COLUMNS of an event: those of the mention that dated it last in this batch."""
    return c.dated_by.dates if c.redated else c.first.dates


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
            # A client killed mid-batch loses the open transaction either way; only a server
            # crash could lose the last commits, which the next run then redoes.
            conn.exec_driver_sql("SET LOCAL synchronous_commit = off")
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
        doc_rows = [
            (x.content_hash, raw.doc_id[:200], raw.url, self.outlet or x.outlet or None,
             raw.published, raw.title, raw.source, raw.encoding,
             "text" if raw.text is not None else "html",
             raw.text if raw.text is not None else (raw.html or ""), x.n_events, now)
            for raw, x in pages
        ]
        doc_ids = _numbered(conn, s.Document.__table__, DOCUMENT_COLUMNS, doc_rows)
        part_rows, owners = [], []
        for did, (_, x) in zip(doc_ids, pages, strict=True):
            for p in x.parts:
                part_rows.append((did, p.doc_id[:220], p.part, p.seq, p.title, p.text,
                                  p.published, p.report_date, p.place))
                owners.append((did, x, p))
        part_ids = _numbered(conn, s.Part.__table__, PART_COLUMNS, part_rows)
        self._entities(conn, [p for _, _, p in owners])
        self._mentions(conn, [(pid, *o) for pid, o in zip(part_ids, owners, strict=True)], c)

    def _entities(self, conn: Connection, parts: list[ExtractedPart]) -> None:
        table = s.Entity.__table__
        found: dict[str, tuple[Any, ...]] = {}
        for p in parts:
            for e in p.entities:
                found.setdefault(e[0], e)
        for chunk in _chunks(list(found)):
            for eid in conn.scalars(select(table.c.id).where(table.c.id.in_(chunk))):
                found.pop(eid, None)
        insert_rows(conn, table, ENTITY_COLUMNS, list(found.values()))

    def _mentions(self, conn: Connection,
                  parts: list[tuple[int, int, Extracted, ExtractedPart]], c: BatchCounts) -> None:
        merger = Merger(lambda wants: load_clusters(conn, wants))
        every = [m for *_, p in parts for m in p.mentions]
        merger.prefetch([m.facts for m in every], [m.key for m in every])
        mentions: list[tuple[Cluster, tuple[Any, ...], Mention]] = []
        ent_rows: list[tuple[Any, ...]] = []
        seen: dict[str, set[str]] = {}
        for part_id, did, x, p in parts:
            ent_rows += [(*r, part_id) for r in p.entity_rows]
            where, head = f"{x.content_hash}/{p.seq}", (did, part_id, self.outlet or x.outlet)
            in_document = seen.setdefault(x.content_hash, set())
            for m in p.mentions:
                cluster, created = merger.add(
                    m.facts, content_hash=x.content_hash, part=where,
                    seen_in_document=in_document, record_json=m.json, key=m.key, payload=m,
                )
                c.new_events += int(created)
                mentions.append((cluster, head, m))
        touched = merger.dirty()  # every event a mention of the batch joined or began
        self._clusters(conn, touched)
        if mentions:
            insert_rows(conn, EM, MENTION_INSERT, [(cl.seq, *head, *m.row) for cl, head, m in mentions])
            tagged = conn.dialect.name == "postgresql"  # the tags of its index (search.py)
            search.index(conn, [(cl.seq, m.row[TEXT]) for cl, _, m in mentions],
                         {cl.seq: _countries(cl) for cl in touched} if tagged else None)
        if ent_rows:
            insert_rows(conn, s.EntityMention.__table__, (*ENTITY_MENTION_COLUMNS, "part_id"),
                        ent_rows)
            self._roles(conn, ent_rows)
        c.mentions += len(mentions)
        merger.settle()

    @staticmethod
    def _roles(conn: Connection, rows: Iterable[Sequence[Any]]) -> None:
        roles: dict[tuple[str, str], dict[str, Any]] = {}
        eid_at, role_at, date_at = (ENTITY_MENTION_COLUMNS.index(k)
                                    for k in ("entity_id", "role", "date"))
        for r in rows:
            eid, role, date = r[eid_at], r[role_at], r[date_at]
            if not role:
                continue
            d = date if date and date[0] != "-" else None
            got = roles.setdefault((eid, role), {
                "entity_id": eid, "role": role, "first": d, "last": d, "n": 0,
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
            self._new_events(conn, new)
        if old:
            self._refresh(conn, old)

    @staticmethod
    def _new_events(conn: Connection, new: list[Cluster]) -> None:
        events, records, actors, pairs = [], [], [], []
        links: Counter[tuple[str, str]] = Counter()
        counts: Counter[str] = Counter()
        for cl in new:
            m: Mention = cl.first
            dates = _dates(cl)
            event = m.event
            if cl.redated:  # dated in this batch by a later mention: found by its key now
                event = (*event[:HASH], lookup_hash(cl.key, cl.when, cl.text), *event[HASH + 1:])
            events.append((cl.seq, cl.id, *event, cl.medium, *dates, cl.main, cl.confidence,
                           cl.n_mentions, cl.n_documents))
            records.append((cl.seq, cl.json or dumps(cl.record)))
            actors += [(cl.seq, *who, dates[DATE], m.event[EVENT]) for who in m.people]
            rank = prominence(cl.main, cl.n_mentions, m.event[SCORE])
            pairs += [(cl.seq, a, b, dates[DATE], dates[MONTH], dates[YEAR], m.event[EVENT],
                       m.event[SCORE], cl.main, cl.n_mentions, rank) for a, b in m.pairs]
            counts.update(m.linked)
            links.update(permutations(m.linked, 2))
        insert_rows(conn, EV, EVENT_INSERT, events)
        insert_rows(conn, ER, ("seq", "record"), records)
        insert_rows(conn, EA, ACTOR_INSERT, actors)
        insert_rows(conn, EP, PAIR_INSERT, pairs)
        ent = s.Entity.__table__
        conn.execute(
            update(ent).where(ent.c.id == bindparam("eid"))
            .values(n_events=ent.c.n_events + bindparam("k")),
            [{"eid": eid, "k": k} for eid, k in sorted(counts.items())],
        )
        _upsert(conn, s.EntityLink.__table__,
                [{"entity_id": a, "other_id": b, "n": k} for (a, b), k in sorted(links.items())],
                ("entity_id", "other_id"), add=("n",))

    @staticmethod
    def _refresh(conn: Connection, old: list[Cluster]) -> None:
        """Events that took new mentions: counters, and the date if a better one came."""
        update_rows(conn, EV, "seq",
                    ("main", "confidence", "n_mentions", "n_documents", "medium"),
                    [(c.seq, c.main, c.confidence, c.n_mentions, c.n_documents, c.medium)
                     for c in old])
        update_rows(conn, EP, "event_seq", ("main", "n_mentions", "prominence"),
                    [(c.seq, c.main, c.n_mentions, prominence(c.main, c.n_mentions, c.score))
                     for c in old])
        moved = [c for c in old if c.redated]
        redated = [(c.seq, *_dates(c)) for c in moved]
        if redated:
            update_rows(conn, EV, "seq", (*DATE_COLUMNS, "merge_hash"),
                        [(*r, lookup_hash(c.key, c.when, c.text))
                         for r, c in zip(redated, moved, strict=True)])
            update_rows(conn, ER, "seq", ("record",),
                        [(c.seq, c.json or dumps(c.record)) for c in moved])
            update_rows(conn, EP, "event_seq", ("date", "month", "year"),
                        [(r[0], r[1 + DATE], r[1 + MONTH], r[1 + YEAR]) for r in redated])
            update_rows(conn, EA, "event_seq", ("date",), [(r[0], r[1 + DATE]) for r in redated])
