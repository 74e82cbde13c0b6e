"""Storage and ingest on both backends (PostgreSQL when COMMUNIQUE_TEST_PG is set)."""

from __future__ import annotations

import json
import time

import pytest
from conftest import CUB, VNM, downgrade, fake_extract, fake_page, list_reader, record
from sqlalchemy import select, text

from communique.model import RawPage, Rejected
from communique.store import open_store, writing
from communique.store import schema as s
from communique.store.ingest import ingest
from communique.store.writer import Writer


def corpus() -> list:
    """Three pages on one meeting (two outlets and a teaser on a third page), junk, rejects."""
    return [
        fake_page("vna-1", [record(id="t", date=None, main=True), record(id="b")],
                  url="https://zh.vietnamplus.vn/a.html", published="2023-05-22"),
        fake_page("tass-1", [record(id="x", date="2023-05-23", mode=None, cameo="040")],
                  url="https://tass.ru/x"),
        fake_page("vna-2", [record(event="SUPPORT", actor=(VNM,), recipient=(CUB,),
                                   date="2023-06-01", id="s")],
                  teasers=[[record(id="z", date="2023-05-22")]],
                  url="https://zh.vietnamplus.vn/b.html"),
        fake_page("empty", []),
        RawPage("boom", text="BOOM", source="/archive/boom.txt"),
        RawPage("blank", text="", source="/archive/blank.txt"),
        Rejected("/archive/broken.warc", "not a WARC file: bad header"),
    ]


def run(store, items, **kw):
    return ingest(store, ["archive"], read=list_reader(items), extract=fake_extract, **kw)


def dump(store) -> dict:
    """Everything a user can see, without surrogate keys."""
    q = {
        "documents": "SELECT content_hash, doc_id, url, outlet, published, raw, n_events "
                     "FROM documents ORDER BY content_hash",
        "parts": "SELECT d.content_hash, p.doc_id, p.part, p.seq, p.text FROM parts p "
                 "JOIN documents d ON d.id = p.document_id ORDER BY 1, 4",
        "events": "SELECT id, e.seq, merge_key, event, date, n_mentions, n_documents, main, "
                  "record FROM events e JOIN event_records r ON r.seq = e.seq ORDER BY e.seq",
        "mentions": "SELECT e.id, record_id, m.doc_id, part, outlet, span_start, m.text "
                    "FROM event_mentions m JOIN events e ON e.seq = m.event_seq "
                    "ORDER BY m.doc_id, record_id",
        "actors": "SELECT event_seq, side, entity_id, date FROM event_actors ORDER BY 1, 2, 3",
        "pairs": "SELECT event_seq, a, b, date, month, n_mentions, main FROM event_pairs "
                 "ORDER BY 1, 2, 3",
        "entities": "SELECT id, kind, name, country, n_events FROM entities ORDER BY id",
        "roles": "SELECT entity_id, role, first, last, n FROM entity_roles ORDER BY 1, 2",
        "links": "SELECT entity_id, other_id, n FROM entity_links ORDER BY 1, 2",
        "rejects": "SELECT source, reason, content_hash FROM rejects ORDER BY source, reason",
    }
    with store.engine.connect() as conn:
        return {k: [tuple(r) for r in conn.execute(text(v))] for k, v in q.items()}


def test_ingest_stores_documents_parts_events_mentions_and_rejects(store):
    summary = run(store, corpus())
    assert (summary.read, summary.stored, summary.rejected) == (7, 4, 3)
    counts = store.counts()
    assert counts == {"documents": 4, "parts": 5, "entities": 4, "events": 2, "mentions": 5,
                      "rejects": 3}
    d = dump(store)
    meeting = [e for e in d["events"] if e[3] == "CONSULT"]
    assert len(meeting) == 1 and meeting[0][5:8] == (4, 3, True)
    assert {m[4] for m in d["mentions"]} == {"zh.vietnamplus.vn", "tass.ru"}
    reasons = {r[0]: r[1] for r in d["rejects"]}
    assert reasons["/archive/broken.warc"] == "not a WARC file: bad header"
    assert reasons["/archive/boom.txt"].startswith("extraction failed: RuntimeError")
    assert reasons["/archive/blank.txt"] == "no article text"
    assert {(p[1], p[2]) for p in d["pairs"]} == {("RUS", "VNM"), ("CUB", "VNM")}
    with store.engine.connect() as conn:
        raw = conn.scalar(select(s.Document.raw).where(s.Document.doc_id == "vna-1"))
    assert raw.startswith("vna-1 标题")


def test_a_page_whose_rows_cannot_be_built_is_rejected_and_the_run_goes_on(store):
    """Extraction succeeded but a value does not fit the stored JSON (an integer past 64 bits):
    the page is a reject with its reason, in a pool of workers too, and the others are stored."""
    for jobs in (0, 1):
        bad = fake_page(f"huge-{jobs}", [record(id="h", trigger=[0, 2**70])])
        summary = run(store, [bad, fake_page(f"fine-{jobs}", [record(id="f")])], jobs=jobs)
        assert (summary.stored, summary.rejected) == (1, 1)
    reasons = {r[0]: r[1] for r in dump(store)["rejects"]}
    for jobs in (0, 1):
        assert reasons[f"/archive/huge-{jobs}.txt"].startswith("building its rows failed: ")
    assert store.counts()["documents"] == 2


def pages_in_order() -> list:
    """The corpus, then pages of one event each, every other one slow to extract: a worker that
    wrote as soon as it had extracted would store them out of order."""
    return corpus() + [
        fake_page(f"p{i}{'-slow' * (i % 2 == 0)}", [record(id=f"r{i}", date=f"2022-{i + 1:02d}-15")])
        for i in range(8)
    ]


def slow_extract(raw: RawPage):
    if raw.doc_id.endswith("-slow"):
        time.sleep(0.05)
    return fake_extract(raw)


@pytest.mark.parametrize("workers_write", [False, True])
def test_a_pool_stores_what_an_inline_run_stores(new_db, workers_write):
    """Batches of one page, written by this process or by the workers in turn, give the store an
    inline run gives: the same events, numbered alike, merged alike."""
    inline, pooled = open_store(new_db()), open_store(new_db())
    read = list_reader(pages_in_order())
    ingest(inline, ["archive"], read=read, extract=slow_extract, jobs=0, batch_size=1)
    summary = ingest(pooled, ["archive"], read=read, extract=slow_extract, jobs=2,
                     workers_write=workers_write, batch_size=1)
    assert (summary.stored, summary.rejected, summary.new_events) == (12, 3, 10)
    assert dump(pooled) == dump(inline)


@pytest.mark.parametrize(("cores", "jobs", "kind"), [(2, 1, "ExtractingPool"),
                                                    (2, 2, "WritingPool"), (4, 2, "ExtractingPool")])
def test_workers_write_when_the_jobs_take_every_core(store, monkeypatch, cores, jobs, kind):
    from communique.store import ingest as ingest_module
    from communique.store import workers

    monkeypatch.setattr(workers, "cores", lambda: cores)
    runner = ingest_module._runner(store, Writer(), fake_extract, jobs, None, None)
    try:
        assert type(runner).__name__ == kind
    finally:
        runner.close()


def test_writing_workers_stop_at_a_batch_that_cannot_be_written(new_db, monkeypatch):
    """The batches before it are stored, none after it; the next run stores the rest."""
    url, whole = new_db(), open_store(new_db())
    read = list_reader(pages_in_order())
    write = Writer.write

    def failing(self, conn, pages, rejected=()):
        if any(raw.doc_id == "p3" for raw, _ in pages):
            raise RuntimeError("disk full")
        return write(self, conn, pages, rejected)

    monkeypatch.setattr(Writer, "write", failing)
    with open_store(url) as st, pytest.raises(RuntimeError, match="disk full"):
        ingest(st, ["archive"], read=read, extract=slow_extract, jobs=2, workers_write=True,
               batch_size=1)
    with open_store(url) as st:
        stored = {d[1] for d in dump(st)["documents"]}
    assert stored == {"vna-1", "tass-1", "vna-2", "empty", "p0-slow", "p1", "p2-slow"}
    monkeypatch.undo()
    with open_store(url) as st:
        again = ingest(st, ["archive"], read=read, extract=slow_extract, jobs=2,
                       workers_write=True, batch_size=1)
        assert (again.stored, again.skipped) == (5, 9)  # the rejected pages too
        ingest(whole, ["archive"], read=read, extract=fake_extract, batch_size=1)
        assert dump(st) == dump(whole)


def test_reingest_is_idempotent(store):
    run(store, corpus())
    before = dump(store)
    again = run(store, corpus() + corpus())
    assert again.stored == 0 and again.new_events == 0
    assert again.skipped == 12
    assert dump(store) == before


def test_same_page_twice_in_one_run_is_stored_once(store):
    page = fake_page("a", [record()])
    copy = RawPage(doc_id="a-copy", text=page.text, source="/elsewhere/a.txt")
    summary = run(store, [page, copy], batch_size=1)
    assert (summary.stored, summary.skipped) == (1, 1)
    assert store.counts()["documents"] == 1


def test_batches_and_jobs_do_not_change_the_result(new_db):
    results = []
    for kw in ({"batch_size": 100}, {"batch_size": 1}, {"batch_size": 2, "jobs": 2},
               {"batch_size": 3, "jobs": 1}):
        with open_store(new_db()) as st:
            run(st, corpus(), **kw)
            results.append(dump(st))
    assert results[0] == results[1] == results[2] == results[3]


def test_events_merge_with_events_stored_by_an_earlier_run(store):
    run(store, corpus()[:1])
    run(store, corpus()[1:3])
    d = dump(store)
    assert [e[5:7] for e in d["events"] if e[3] == "CONSULT"] == [(4, 3)]


def test_open_store_migrates_once(store_url):
    with open_store(store_url) as st:
        with st.engine.connect() as conn:
            head = conn.scalar(text("SELECT version_num FROM alembic_version"))
    with open_store(store_url) as st:
        assert st.counts()["documents"] == 0
    from alembic.script import ScriptDirectory

    from communique.store import alembic_config

    assert head == ScriptDirectory.from_config(alembic_config(store_url)).get_current_head()


def test_readers_query_while_ingest_writes(store):
    """Each batch commits on its own: readers see the store grow, never a half-written batch."""
    import threading
    import time
    from datetime import date, timedelta

    from communique.store import queries as q

    days = [date(2023, 1, 1) + timedelta(days=3 * i) for i in range(40)]
    pages = [fake_page(f"p{i}", [record(id="m", date=d.isoformat())]) for i, d in enumerate(days)]

    def slow(raw):
        time.sleep(0.005)
        return fake_extract(raw)

    writer = threading.Thread(target=run_slow, args=(store, pages, slow))
    writer.start()
    seen = []
    with open_store(store.engine.url.render_as_string(hide_password=False)) as reader:
        while writer.is_alive():
            seen.append(len(q.events(reader, between=("VNM", "RUS"))))
            time.sleep(0.01)
    writer.join()
    assert seen == sorted(seen) and seen[0] < 40
    assert len(q.events(store, between=("VNM", "RUS"))) == 40


def run_slow(store, pages, extract):
    ingest(store, ["x"], read=list_reader(pages), extract=extract, batch_size=2)


def test_processes_opening_a_new_store_at_once_all_get_it(store_url):
    from concurrent.futures import ThreadPoolExecutor

    def opened(_):
        with open_store(store_url) as st:
            return st.counts()["documents"]

    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(opened, range(4))) == [0, 0, 0, 0]


def test_stored_events_are_found_by_day_window_year_window_and_copied_teaser(store):
    teaser = record(id="z", date="--01-27", text="1月27日,裴氏明怀会见了通伦·西苏里。")
    first = [fake_page("a", [record(date="2020-12-31")], teasers=[[teaser]])]
    run(store, first)
    later = [
        fake_page("b", [record(date="2021-01-01")]),
        fake_page("c", [record(date="2021-12-31", date_source="inferred")]),
        fake_page("d", [record(date="2020-12-29")], teasers=[[dict(teaser)]]),
    ]
    run(store, later, batch_size=1)
    events = {e[4]: e[5] for e in dump(store)["events"]}
    assert events == {"2020-12-31": 3, "--01-27": 2, "2020-12-29": 1}


def test_sqlite_checks_references_in_every_transaction_but_the_writers(tmp_path):
    store = open_store(tmp_path / "refs.db")
    with writing(store.engine, checked=False) as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 0
    with writing(store.engine) as conn:  # the same pooled connection, checking again
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    store.close()


def test_a_firm_date_finds_the_stored_event_whose_year_was_inferred_not_last_years(store):
    """A firm date looks up firm events a day around it and, a year around it, only those
    whose year was inferred."""
    run(store, [fake_page("a", [record(date="2021-05-22", date_source="inferred")]),
                fake_page("a2", [record(date="2019-05-22")])])
    run(store, [fake_page("b", [record(date="2020-05-22")])])
    events = {e[4]: e[5] for e in dump(store)["events"]}
    assert events == {"2020-05-22": 2, "2019-05-22": 1}


def test_a_stored_event_takes_the_better_date_a_later_batch_brings(store):
    """An event stored with a year the system inferred, then reported with the year printed:
    the event, its pairs, actors and record take the printed date, and a third report of it
    finds it under that date."""
    run(store, [fake_page("a", [record(date="2021-05-22", date_source="inferred")])])
    run(store, [fake_page("b", [record(date="2021-05-22", date_source="text", main=True)])])
    run(store, [fake_page("c", [record(date="2021-05-23", date_source="text")])])
    with store.engine.connect() as conn:
        events = conn.execute(text(
            "SELECT e.date, e.date_source, e.n_mentions, e.n_documents, e.main, r.record "
            "FROM events e JOIN event_records r ON r.seq = e.seq")).all()
        pairs = conn.execute(text("SELECT date, year, main, n_mentions FROM event_pairs")).all()
        actors = conn.execute(text("SELECT DISTINCT date FROM event_actors")).all()
    assert [e[:5] for e in events] == [("2021-05-22", "text", 3, 3, True)]
    assert json.loads(events[0][5])["date_source"] == "text"
    assert set(pairs) == {("2021-05-22", "2021", True, 3)}
    assert actors == [("2021-05-22",)]


def test_an_undated_teaser_copied_under_later_pages_joins_its_stored_event(store):
    """Teasers of the same story under several pages, with no date at all: the very same
    sentence and sides are one event, whether the copies come in one batch or in later ones;
    another sentence of the same sides, undated too, stays apart."""
    teaser = record(id="z", date=None, event="AGREE", actor=(VNM, CUB), recipient=(),
                    cameo="030", text="双方承诺继续培育越古关系,推动各领域合作迈向新台阶。")
    other = dict(teaser, text="双方同意加强两国在国防领域的合作。")
    run(store, [fake_page("a", [record()], teasers=[[teaser]])])
    run(store, [fake_page("b", [record(date="2023-06-01")], teasers=[[dict(teaser)]]),
                fake_page("c", [record(date="2023-07-01")], teasers=[[dict(teaser)], [other]])],
        batch_size=1)
    undated = sorted(e[5] for e in dump(store)["events"] if e[4] is None)
    assert undated == [1, 3]
    with store.engine.connect() as conn:
        docs = conn.execute(text("SELECT n_documents FROM events WHERE n_mentions = 3")).scalar()
    assert docs == 3


def test_states_acting_as_a_whole_are_named_by_their_names_and_undated_headlines_say_so(store):
    from communique.store import queries as q

    both = record(event="AGREE", actor=(dict(VNM, text="越古"), dict(CUB, text="越古")),
                  recipient=(), cameo="030")
    run(store, [fake_page("a", [both]), fake_page("b", [dict(both, date=None, text="双方同意。")])])
    assert q.events(store)["actor_names"].tolist() == ["越南; 古巴"] * 2
    headlines = q.dyad(store, "VNM", "CUB")["headline"].tolist()
    assert sorted(h.split(" ")[0] for h in headlines) == ["2023-05-22", "undated"]


def test_a_store_made_before_undated_events_had_their_own_lookup_gets_it(store, store_url):
    """Migration 0005 finds the undated events already stored by key and sentence, so a copy
    of their teaser that comes later still joins them."""
    teaser = record(id="z", date=None, text="双方承诺继续培育越古关系,推动各领域合作迈向新台阶。")
    run(store, [fake_page("a", [record()], teasers=[[teaser]])])
    downgrade(store, store_url, "0004")
    with open_store(store_url) as again:
        run(again, [fake_page("b", [record(date="2023-06-01")], teasers=[[dict(teaser)]])])
        assert [e[5] for e in dump(again)["events"] if e[4] is None] == [2]


def test_a_failed_write_stops_the_run_with_its_error_and_keeps_earlier_batches(store, monkeypatch):
    """On PostgreSQL with one job a thread writes while the next batch is extracted: the
    error still reaches the caller, and the batches before it stay committed."""
    from communique.store.writer import Writer

    real, calls = Writer.write, []

    def failing(self, conn, pages, rejected=()):
        calls.append(len(pages))
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real(self, conn, pages, rejected)

    monkeypatch.setattr(Writer, "write", failing)
    with pytest.raises(RuntimeError, match="disk full"):
        run(store, corpus()[:4], batch_size=1)
    assert store.counts()["documents"] == 1


def test_the_warm_up_loads_every_part_of_the_knowledge_before_workers_are_forked():
    """A toy warm-up page left the name tagger to be loaded by each worker after the fork:
    once per worker, unshared, and outside the start-up the summary reports."""
    from communique.entities import recognise
    from communique.pipeline import extract_raw
    from communique.store.ingest import _still_knowledge

    recognise._lac.cache_clear()
    recognise._lac_tags.cache_clear()  # windows tagged by earlier tests need no tagger
    with _still_knowledge(extract_raw):
        assert recognise._lac.cache_info().currsize == 1


def test_the_summary_gives_the_start_up_apart_from_the_rate_once_started(store):
    summary = run(store, corpus())
    assert 0 < summary.startup < summary.seconds
    assert summary.steady_pages_per_second > summary.pages_per_second
    assert f"after {summary.startup:.1f} s of start-up" in summary.lines()[0]


def test_writing_workers_leave_the_log_to_the_run_which_checkpoints_it_every_few_batches(
        new_db, monkeypatch):
    """On SQLite the workers commit without copying the log into the database (the copy and
    its disk syncs would stall them); the run does it between batches."""
    from communique.store import workers

    url = new_db()
    if not url.startswith("sqlite"):
        pytest.skip("SQLite's write-ahead log")
    done = []
    real = workers.checkpoint
    monkeypatch.setattr(workers, "checkpoint", lambda engine: done.append(real(engine)))
    store = open_store(url)
    summary = ingest(store, ["archive"], read=list_reader(pages_in_order()), extract=fake_extract,
                     jobs=2, workers_write=True, batch_size=4)
    assert summary.stored == 12 and len(done) == 4 // workers.CHECKPOINT_EVERY == 1  # 4 batches


def orphans(store) -> dict[str, int]:
    """Rows whose reference (every foreign key the schema declares, and the search terms' event)
    points at no row: PostgreSQL does not check the bulk tables' references (migration 0006)."""
    refs = [(fk.parent.table.name, fk.parent.name, fk.column.table.name, fk.column.name)
            for table in s.Base.metadata.sorted_tables for fk in table.foreign_keys]
    if store.dialect == "postgresql":
        refs.append(("mention_terms", "event_seq", "events", "seq"))
    out = {}
    with store.engine.connect() as conn:
        for child, col, parent, key in refs:
            out[f"{child}.{col}"] = conn.scalar(text(
                f"SELECT count(*) FROM {child} c WHERE NOT EXISTS "
                f"(SELECT 1 FROM {parent} p WHERE p.{key} = c.{col})"))
    return out


def test_no_row_points_at_nothing_after_runs_that_merge_skip_and_reject(store):
    run(store, corpus())
    run(store, corpus()[1:] + [fake_page("vna-3", [record(id="t", date="2023-05-22")])])
    found = orphans(store)
    assert len(found) >= 13 and set(found.values()) == {0}
    with store.engine.connect() as conn:  # the check sees an orphan when there is one
        if store.dialect == "postgresql":
            conn.execute(text("INSERT INTO event_records (seq, record) VALUES (999999, '{}')"))
            assert orphans(store)["event_records.seq"] == 0  # not committed: not seen
            conn.commit()
            assert orphans(store)["event_records.seq"] == 1


def test_postgresql_keeps_no_per_row_reference_triggers_on_the_bulk_tables(store, store_url):
    from sqlalchemy import inspect

    checked = {"event_mentions": 3, "entity_mentions": 2, "event_actors": 2, "parts": 1,
               "entity_links": 2}
    found = {t: len(inspect(store.engine).get_foreign_keys(t)) for t in checked}
    if store.dialect == "postgresql":
        assert found == {**dict.fromkeys(checked, 0), "entity_links": 2}
        downgrade(store, store_url, "0005")
        from sqlalchemy import create_engine

        older = create_engine(store_url)
        assert len(inspect(older).get_foreign_keys("event_mentions")) == 3
        older.dispose()
        again = open_store(store_url)
        assert len(inspect(again.engine).get_foreign_keys("event_mentions")) == 0
        again.close()
    else:
        assert found == checked


def test_postgresql_compresses_the_raw_pages_with_lz4(store, store_url):
    if store.dialect != "postgresql":
        pytest.skip("PostgreSQL's compression")
    run(store, [fake_page("a", [record()], body="越南与俄罗斯举行会谈。" * 400)])
    kind = ("SELECT pg_column_compression(raw) FROM documents", "SELECT attcompression FROM "
            "pg_attribute WHERE attrelid = 'documents'::regclass AND attname = 'raw'")
    with store.engine.connect() as conn:
        assert [conn.scalar(text(q)) for q in kind] == ["lz4", "l"]
    downgrade(store, store_url, "0006")
    from sqlalchemy import create_engine

    older = create_engine(store_url)
    with older.connect() as conn:
        assert conn.scalar(text(kind[1])) == ""
    older.dispose()


def test_copy_is_binary_for_the_schema_tables_and_text_for_a_column_it_cannot_type():
    from sqlalchemy import Column, Integer, LargeBinary, MetaData, Table

    from communique.store.bulk import _binary_types

    assert _binary_types(s.Event.__table__, ("seq", "merge_hash", "score", "main", "text")) == [
        "int4", "int8", "float8", "bool", "text"]
    odd = Table("odd", MetaData(), Column("blob", LargeBinary), Column("n", Integer))
    assert _binary_types(odd, ("n",)) == ["int4"]
    assert _binary_types(odd, ("n", "blob")) is None


def test_many_row_updates_find_their_rows_by_key_and_leave_the_rest(store):
    """``update_rows`` on the pairs of a few events among many: the rows it names change, no
    other does, and on PostgreSQL the table is not read whole (its key is not unique, and the
    planner hashed the whole table for it: 30 ms a batch at 100,000 pages)."""
    from communique.store.bulk import update_rows

    run(store, [fake_page("vna-1", [record()])])
    ev, ep = s.Event.__table__, s.EventPair.__table__
    n = 20_000
    with store.engine.begin() as conn:
        event = conn.execute(select(ev)).mappings().one()
        conn.execute(ev.insert(), [{**event, "seq": i, "id": f"e{i}"} for i in range(2, n + 1)])
        conn.execute(ep.insert(), [
            {"event_seq": i, "a": a, "b": "VNM", "event": "CONSULT", "n_mentions": 1}
            for i in range(2, n + 1) for a in ("LAO", "RUS")])
        if store.dialect == "postgresql":
            conn.execute(text("ANALYZE event_pairs"))
    picked = list(range(7, n, 17))
    # PostgreSQL 15 keeps a backend's counts pending until it flushes them, at most once a
    # second, so the "transaction's" count may hold scans of the statements before: the
    # update's own are the difference, read within its transaction (nothing flushes there)
    scans = text("SELECT seq_scan FROM pg_stat_xact_user_tables WHERE relname = 'event_pairs'")
    with store.engine.begin() as conn:
        before = conn.scalar(scans) if store.dialect == "postgresql" else None
        update_rows(conn, ep, "event_seq", ("n_mentions", "main"), [(i, 5, True) for i in picked])
        if store.dialect == "postgresql":
            assert conn.scalar(scans) == before
            assert conn.scalar(text("SHOW enable_seqscan")) == "on"  # as it was, for the rest
    with store.engine.connect() as conn:
        rows = conn.execute(select(ep.c.event_seq, ep.c.n_mentions, ep.c.main)).all()
    assert len(rows) == 2 * n - 1  # the stored event has one pair
    changed = sorted({seq for seq, k, main in rows if (k, main) == (5, True)})
    assert changed == picked
    assert all((k, main) == (1, False) for seq, k, main in rows if seq not in set(picked))


def test_the_merge_lookups_table_is_empty_and_small_after_each_batch(store):
    """The wanted keys of one batch are gone once it commits, and on PostgreSQL so is their
    space: deleted rows left in the file made the planner, which has no statistics on the
    table, take it for ever more wants and hash the whole events table for each batch."""
    from communique.store.merge import Want
    from communique.store.writer import load_clusters

    run(store, [fake_page("vna-1", [record()])])
    wants = [Want(f"CONSULT|k{i}", 100, 101, 737_000 + i, 737_002 + i) for i in range(3000)]
    with store.engine.connect() as conn:
        for _ in range(3):
            with conn.begin():
                assert load_clusters(conn, wants) == []
                assert conn.exec_driver_sql("SELECT count(*) FROM merge_wants").scalar() == 3000
        if store.dialect == "postgresql":
            assert conn.exec_driver_sql("SELECT count(*) FROM merge_wants").scalar() == 0
            assert conn.exec_driver_sql("SELECT pg_relation_size('merge_wants')").scalar() == 0


def test_the_merge_lookup_finds_a_frequent_pairs_events_by_their_index_not_by_reading_all(store):
    """Wants of one pair of sides, against many stored events of that pair on other days: the
    lookup gives the events of the wanted days, and on PostgreSQL reads no table whole. With no
    statistics on the wants, the planner sorted both sides and merged on the key alone, which
    met every stored event of the pair with every want of it (50–110 ms a batch at 3,000
    pages)."""
    from communique.store.merge import Want, When, day_of_year
    from communique.store.writer import load_clusters

    run(store, [fake_page("vna-1", [record(date="2023-05-22")])])
    ev = s.Event.__table__
    n = 20_000
    with store.engine.begin() as conn:
        event = conn.execute(select(ev)).mappings().one()
        days = [(event["date_ord"] - 10_000 + i, i) for i in range(n)]
        conn.execute(ev.insert(), [
            {**event, "seq": i + 2, "id": f"e{i + 2}", "date_ord": o,
             "doy": (event["doy"] + i) % 366 + 1} for o, i in days])
    stored = When.parse("2023-05-22", "text")
    doy = day_of_year(stored)
    wants = [Want(event["merge_key"], doy, doy, stored.ordinal, stored.ordinal)]
    wants += [Want(event["merge_key"], d, d, 800_000 + d, 800_000 + d) for d in range(1, 300)]
    scans = text("SELECT seq_scan FROM pg_stat_xact_user_tables WHERE relname = 'events'")
    with store.engine.begin() as conn:
        before = conn.scalar(scans) if store.dialect == "postgresql" else None
        found = load_clusters(conn, wants)
        if store.dialect == "postgresql":
            assert conn.scalar(scans) == before
            assert conn.scalar(text("SHOW enable_mergejoin")) == "on"  # as it was, for the rest
            assert conn.scalar(text("SHOW enable_hashjoin")) == "on"
    assert [c.seq for c in found] == [event["seq"]]
