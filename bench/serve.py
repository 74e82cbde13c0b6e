"""Serving benchmark: requests/s and p50/p90/p99 latency of the JSON API's events and dyad
endpoints (and event detail) on a store of 100,000 pages, first alone, then while a concurrent
``communique ingest`` writes more pages into the same store. Target: p99 under 200 ms.

    python bench/serve.py [--pages 100000] [--seconds 30] [--concurrency 8] [--json out]
    python bench/serve.py --db postgresql+psycopg://user:pass@host:port/db   # PostgreSQL
    python bench/serve.py --store my.db            # an existing store instead of a built one

The store is built once from a synthetic archive of real paragraphs (``make_archive`` of
``bench/ingest.py``: ``--pages`` pages, seed 7) by ``communique ingest --jobs 2`` and cached in
``--workdir`` (``store-N.db`` and its marker ``store-N.json``; on PostgreSQL the database
``communique_serve_N`` of the ``--db`` server, with the marker ``pg-communique_serve_N.json``);
reruns reuse it (21 minutes for 100,000 pages on this 2-core machine; ``--build-only``
builds it and stops). Delete the marker to rebuild it, e.g. after the extractor or the schema
changed (a store without its marker is an interrupted build, which the next run resumes). Each run
serves a working copy (``work-store-N.db``, or the database ``communique_serve_work`` made with
``CREATE DATABASE … TEMPLATE``), so the cached store stays at ``--pages`` pages;
``--in-place`` serves the store itself.

The requests are drawn from values found in the store: country pairs (the 5 most frequent,
some of middling frequency, some of the least frequent third), countries, event types and
modes, people, years, words of the reports, event ids. The mix (weights in ``MIX``): events
pages filtered by a frequent or a rare dyad, a dyad and a date range, a country, a country and
an event type, an event type (and mode), an actor, a date range alone, words (``q``) alone or
with a dyad, no filter, a dyad narrowed to at most 10,000 events (the server's limit for that)
sorted by another column than the date, and deep pages in date order read by a cursor
(``after=``, what a user paging on from the page before sends); pages of 20 to 100 events, some
at an offset (up to 1,000, the deepest the server takes in date order), some in descending
order; one event
by id; the dyad series by month and by year, for frequent and rare pairs, with and without a
date range. Client threads (httpx, keep-alive) send them to ``communique serve`` (a subprocess
on a free port) back to back, a closed loop: each client sends its next request when its last
is answered. After ``--warmup`` seconds not counted, three phases:

1. ``1 client`` (``--solo-seconds``, default 10): one client, so each latency is the request's
   own cost, without queueing.
2. ``alone``: ``--concurrency`` clients (default 8) for ``--seconds`` (default 30).
3. ``with ingest``: the same load (same seeds) while ``communique ingest --jobs 0
   --batch-size 50`` (one process that extracts and writes; the batch is ``--ingest-batch``)
   stores ``--extra`` new pages (another seed of
   ``make_archive``, ids ``x…``) into the served store. The load starts once the ingest has
   committed its first batch; the ingest is stopped when the phase ends (what it committed
   stays). ``--no-ingest-phase`` skips it.

Reported per phase: the load average at its start and end, the server's CPU use (in cores), and
for all requests, each endpoint (``events``, ``event`` = one event by id, ``dyad``) and each kind
of request: count, requests/s, p50, p90, p99 and max latency in ms, errors (any non-2xx answer
or failed request, by status); in phase 3 also the pages/s the ingest stored during the load.
Then the slowest distinct URLs of each phase (``--slowest``) and the slowest URL of each kind,
each timed again alone afterwards (one client, median of 3: the query's own cost, against the
time it spent queueing behind others), and PASS or MISS per phase against the target, p99 <
``--target-ms`` (200). ``--skip TEXT`` leaves out the kinds whose name contains TEXT (say
``--skip 'events: q'``), to see what the others do without them. The exit code is 0 either
way. Clients and server share the machine (2 cores here), so the client threads take some of
the CPU the server would have; with a closed loop, the mean latency is about the number of
clients over the throughput.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest import make_archive  # noqa: E402

EXE = Path(sys.executable).with_name("communique")
WORK_DB = "communique_serve_work"

# request kind -> weight (relative); the endpoint is the part before the colon
MIX = {
    "events: between frequent": 10,
    "events: between rare": 6,
    "events: between + dates": 6,
    "events: country": 5,
    "events: country + event": 4,
    "events: event (+ mode)": 4,
    "events: dates": 4,
    "events: q": 3,
    "events: q + between": 3,
    "events: actor": 3,
    "events: sorted by a column": 3,
    "events: no filter": 2,
    "events: deep page (after)": 4,
    "event: by id": 19,
    "dyad: month frequent": 8,
    "dyad: month rare": 6,
    "dyad: year": 8,
    "dyad: with dates": 4,
}


# --- the store --------------------------------------------------------------------------------


def _log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def _ingest_cmd(path: Path, url: str, jobs: int, batch: int = 200) -> list[str]:
    return [str(EXE), "ingest", str(path), "--db", url, "--jobs", str(jobs), "--no-progress",
            "--batch-size", str(batch)]


def _rate(out: str) -> float | None:
    m = re.search(r"\(([\d,.]+) pages/s\)", out)
    return float(m.group(1).replace(",", "")) if m else None


def _pg_admin(url: str):  # noqa: ANN202
    from sqlalchemy import create_engine

    from communique.store import normalise_url

    return create_engine(normalise_url(url), isolation_level="AUTOCOMMIT")


def _pg_url(server: str, name: str) -> str:
    from sqlalchemy.engine import make_url

    from communique.store import normalise_url

    return make_url(normalise_url(server)).set(database=name).render_as_string(
        hide_password=False)


def _pg_db(url: str) -> str | None:
    from sqlalchemy.engine import make_url

    from communique.store import normalise_url

    return make_url(normalise_url(url)).database


def _pg_exists(server: str, name: str) -> bool:
    from sqlalchemy import text

    eng = _pg_admin(server)
    try:
        with eng.connect() as conn:
            return bool(conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"),
                                    {"n": name}))
    finally:
        eng.dispose()


def _pg_create(server: str, name: str, template: str | None = None) -> None:
    from sqlalchemy import text

    if template and template == _pg_db(server):  # not connected to the template itself
        server = _pg_url(server, "postgres")
    eng = _pg_admin(server)
    try:
        with eng.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            extra = f' TEMPLATE "{template}"' if template else ""
            conn.execute(text(f'CREATE DATABASE "{name}"{extra}'))
    finally:
        eng.dispose()


def build_store(args: argparse.Namespace) -> tuple[str, dict]:
    """The cached store of ``--pages`` pages (built if missing): its URL and build record."""
    archive = args.workdir / f"archive-{args.pages}.jsonl"
    if args.db:
        name = f"communique_serve_{args.pages}"
        marker = args.workdir / f"pg-{name}.json"
        url = _pg_url(args.db, name)
        exists = _pg_exists(args.db, name)
        if marker.exists() and exists:
            return url, json.loads(marker.read_text("utf-8"))
        if not exists:
            _pg_create(args.db, name)
    else:
        url = str(args.workdir / f"store-{args.pages}.db")
        marker = args.workdir / f"store-{args.pages}.json"
        if marker.exists() and Path(url).exists():
            return url, json.loads(marker.read_text("utf-8"))
        # a store without its marker is an interrupted build: ingest resumes it
    if not archive.exists():
        _log(f"writing the archive {archive} ({args.pages:,} pages)")
        tmp = archive.with_suffix(".tmp")
        make_archive(tmp, args.pages)
        tmp.rename(archive)
    _log(f"building the store {url if args.db is None else name} from {archive} "
         f"(communique ingest --jobs 2; ~{args.pages / 110 / 60:.0f} min on 2 cores)")
    t = time.perf_counter()
    proc = subprocess.run(_ingest_cmd(archive, url, 2), capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(f"ingest failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    rec = {"pages": args.pages, "url": url if not args.db else f"postgresql …/{name}",
           "built": dt.datetime.now().isoformat(timespec="seconds"),
           "seconds": round(time.perf_counter() - t, 1), "pages_per_s": _rate(proc.stdout),
           "summary": proc.stdout.strip().splitlines()}
    marker.write_text(json.dumps(rec, ensure_ascii=False, indent=1), encoding="utf-8")
    _log(f"built in {rec['seconds']:,.0f} s: {' / '.join(rec['summary'][:2])}")
    return url, rec


def working_copy(args: argparse.Namespace, url: str) -> str:
    """A copy of the store to serve and write into (unless ``--in-place``)."""
    if args.in_place:
        return url
    if "://" in url and not url.startswith("sqlite"):
        server = args.db or url
        template = _pg_db(url)
        _log(f"copying database {template} to {WORK_DB}")
        _pg_create(server, WORK_DB, template=template)
        return _pg_url(server, WORK_DB)
    src = Path(url.removeprefix("sqlite:///"))
    dst = args.workdir / f"work-{src.stem}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{dst}{suffix}").unlink(missing_ok=True)
    _log(f"copying {src} ({src.stat().st_size / 1e9:.2f} GB) to {dst}")
    if Path(f"{src}-wal").exists() and Path(f"{src}-wal").stat().st_size:
        import sqlite3  # a live WAL: copy through SQLite so the copy is whole

        with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
            a.backup(b)
    else:
        shutil.copyfile(src, dst)
    return str(dst)


def extra_archive(args: argparse.Namespace) -> Path:
    """``--extra`` new pages for the concurrent ingest: another seed, ids and URLs of their own."""
    path = args.workdir / f"extra-{args.extra}.jsonl"
    if path.exists():
        return path
    raw = args.workdir / f"extra-{args.extra}.raw.jsonl"
    make_archive(raw, args.extra, seed=1234)
    with raw.open(encoding="utf-8") as fi, path.open("w", encoding="utf-8") as fo:
        for line in fi:
            rec = json.loads(line)
            rec["id"] = "x" + rec["id"][1:]
            rec["url"] = re.sub(r"/(\d+)\.html$", r"/x\1.html", rec["url"])
            fo.write(json.dumps(rec, ensure_ascii=False) + "\n")
    raw.unlink()
    return path


# --- what to ask ------------------------------------------------------------------------------


@dataclass
class Values:
    pairs: list[tuple[str, str, int]]  # most frequent first
    countries: list[tuple[str, int]]
    events: list[tuple[str, int]]
    modes: dict[str, list[str]]  # event type -> modes seen with it
    years: list[str]
    words: list[str]
    event_ids: list[str]
    actors: list[tuple[str, int]]  # most active first
    cursors: dict[str, list[str]]  # "all", "A,B" (a pair), "C" (a country) -> cursors in it
    sortable: list[tuple[str, str, str | None, int]]  # (a, b, year or None, events <= 10,000)
    total_events: int
    counts: dict[str, int]


def probe(url: str, rng: random.Random) -> Values:
    """Values really present in the store, to build requests from."""
    from sqlalchemy import text

    from communique.store import open_store

    with open_store(url) as st, st.engine.connect() as conn:
        counts = st.counts()
        pairs = [(a, b, n) for a, b, n in conn.execute(text(
            "SELECT a, b, count(*) AS n FROM event_pairs GROUP BY a, b ORDER BY n DESC, a, b"))]
        countries = [(c, n) for c, n in conn.execute(text(
            "SELECT country, count(DISTINCT event_seq) AS n FROM event_actors "
            "WHERE country IS NOT NULL AND country <> '' GROUP BY country ORDER BY n DESC"))]
        events = [(e, n) for e, n in conn.execute(text(
            "SELECT event, count(*) AS n FROM events GROUP BY event ORDER BY n DESC"))]
        modes: dict[str, list[str]] = defaultdict(list)
        for e, m, n in conn.execute(text(
                "SELECT event, mode, count(*) FROM events WHERE mode IS NOT NULL "
                "GROUP BY event, mode ORDER BY 3 DESC")):
            if n >= 5:
                modes[e].append(m)
        years = [y for (y,) in conn.execute(text(
            "SELECT DISTINCT year FROM events WHERE year IS NOT NULL ORDER BY year"))]
        n_mentions = counts["mentions"]
        picks = sorted(rng.sample(range(1, max(2, n_mentions)), k=min(60, n_mentions - 1)))
        texts = [conn.scalar(text("SELECT text FROM event_mentions WHERE id = :i"), {"i": i})
                 for i in picks]
        ids = [i for (i,) in conn.execute(text(
            "SELECT id FROM events ORDER BY random() LIMIT 500"))]
        actors = [(i, n) for i, n in conn.execute(text(
            "SELECT id, n_events FROM entities WHERE n_events > 0 AND kind = 'person' "
            "ORDER BY n_events DESC, id"))]
        # cursors (``{seq}.{date}``) of events anywhere in a list, for its deep pages
        cursors = {"all": _cursors(conn, "SELECT seq, date FROM events")}
        for a, b, _ in pairs[:5]:
            cursors[f"{a},{b}"] = _cursors(conn, "SELECT event_seq, date FROM event_pairs "
                                           f"WHERE a = '{a}' AND b = '{b}'")
        for c, _ in countries[:6]:
            cursors[c] = _cursors(conn, "SELECT event_seq, date FROM event_actors "
                                  f"WHERE country = '{c}'")
        # lists narrow enough to sort by another column: a pair, or a pair in one year
        sortable = [(a, b, None, n) for a, b, n in pairs if 20 <= n <= 10_000]
        sortable += [(a, b, y, n) for a, b, y, n in conn.execute(text(
            "SELECT a, b, year, count(*) FROM event_pairs WHERE year IS NOT NULL "
            "GROUP BY a, b, year")) if 20 <= n <= 10_000]
    words = []
    for t in texts:
        t = re.sub(r"[^\u4e00-\u9fff]", " ", t or "")
        runs = [r for r in t.split() if len(r) >= 2]
        if runs:
            r = rng.choice(runs)
            k = rng.choice((2, 2, 3, 4))
            i = rng.randrange(max(1, len(r) - k + 1))
            words.append(r[i:i + k])
    # a few rare strings too: a word and a number that is unlikely to follow it
    words += [f"{w}{rng.randint(10, 99)}" for w in words[:5]]
    return Values(pairs=pairs, countries=countries, events=events, modes=dict(modes),
                  years=years, words=words or ["会见"], event_ids=ids,
                  actors=actors[:8] + actors[8::max(1, (len(actors) - 8) // 8)][:8],
                  cursors=cursors, sortable=sortable, total_events=counts["events"],
                  counts=counts)


def _cursors(conn, sql: str, k: int = 30) -> list[str]:  # noqa: ANN001
    from sqlalchemy import text

    rows = conn.execute(text(f"{sql} ORDER BY random() LIMIT {k}")).all()
    return [f"{seq}.{date}" if date else str(seq) for seq, date in rows]


class Requests:
    """Draws (kind, path) pairs from ``MIX`` with values from the store."""

    def __init__(self, v: Values, skip: list[str] | None = None) -> None:
        self.v = v
        # the 5 most frequent pairs; the rare: the last third (at most 10, spread out); the
        # middling: up to 10 spread over the rest
        n = len(v.pairs)
        self.frequent = v.pairs[:5]
        tail = v.pairs[max(5, n - n // 3):]
        self.rare = tail[:: max(1, len(tail) // 10)][:10] or v.pairs[-1:]
        mid = v.pairs[5:max(5, n - n // 3)]
        self.middling = mid[:: max(1, len(mid) // 10)][:10] or v.pairs[-1:]
        self.top_countries = v.countries[:6]
        tail_c = v.countries[max(6, len(v.countries) - len(v.countries) // 3):]
        self.rare_countries = tail_c[:: max(1, len(tail_c) // 6)][:6] or v.countries[-1:]
        self.kinds = [k for k in MIX if not any(x in k for x in skip or [])]
        if not self.kinds:
            raise SystemExit("--skip left no kind of request")
        self.weights = [MIX[k] for k in self.kinds]

    def _dates(self, rng: random.Random) -> dict[str, str]:
        ys = self.v.years or ["2020"]
        y = int(rng.choice(ys))
        kind = rng.random()
        if kind < 0.4:  # a year or a few
            return {"date_from": str(y), "date_to": str(y + rng.choice((0, 0, 1, 2)))}
        if kind < 0.7:  # a few months
            m = rng.randint(1, 12)
            e = min(12, m + rng.randint(0, 3))
            return {"date_from": f"{y}-{m:02d}", "date_to": f"{y}-{e:02d}"}
        if kind < 0.85:
            return {"date_from": str(y)}
        m, d = rng.randint(1, 12), rng.randint(1, 28)
        return {"date_from": f"{y}-{m:02d}-{d:02d}", "date_to": f"{y}-{m:02d}-{d:02d}"}

    def _page(self, rng: random.Random, total: int) -> dict[str, str]:
        p: dict[str, str] = {}
        limit = rng.choice((20, 50, 50, 50, 100))
        if rng.random() < 0.3 and total > limit:  # a later page, up to 1,000 events in
            p["offset"] = str(min(1000, rng.randrange(0, total)) // limit * limit)
        p["limit"] = str(limit)
        if rng.random() < 0.3:
            p["order"] = "desc"
        return p

    def _pair(self, rng: random.Random, pool: list[tuple[str, str, int]]) -> tuple[str, str, int]:
        a, b, n = rng.choice(pool)
        return (b, a, n) if rng.random() < 0.5 else (a, b, n)

    @staticmethod
    def _events(params: dict[str, str]) -> str:
        return "/api/events?" + urlencode(params)

    def draw(self, rng: random.Random) -> tuple[str, str]:
        kind = rng.choices(self.kinds, self.weights)[0]
        v = self.v
        if kind == "events: between frequent":
            a, b, n = self._pair(rng, self.frequent)
            path = self._events({"between": f"{a},{b}", **self._page(rng, n)})
        elif kind == "events: between rare":
            a, b, n = self._pair(rng, self.rare + self.middling)
            path = self._events({"between": f"{a},{b}", **self._page(rng, n)})
        elif kind == "events: between + dates":
            a, b, n = self._pair(rng, self.frequent + self.middling)
            path = self._events({"between": f"{a},{b}", **self._dates(rng), "limit": "50"})
        elif kind == "events: country":
            c, n = rng.choice(self.top_countries + self.rare_countries)
            path = self._events({"country": c, **self._page(rng, n)})
        elif kind == "events: country + event":
            c, n = rng.choice(self.top_countries)
            e, _ = rng.choice(v.events[:8])
            path = self._events({"country": c, "event": e, **self._page(rng, n // 5)})
        elif kind == "events: event (+ mode)":
            e, n = rng.choice(v.events)
            p = {"event": e}
            if v.modes.get(e) and rng.random() < 0.5:
                p["mode"] = rng.choice(v.modes[e])
            path = self._events({**p, **self._page(rng, n)})
        elif kind == "events: dates":
            path = self._events({**self._dates(rng), "limit": "50"})
        elif kind == "events: q":
            path = self._events({"q": rng.choice(v.words), "limit": "50"})
        elif kind == "events: q + between":
            a, b, _ = self._pair(rng, self.frequent + self.middling)
            path = self._events({"between": f"{a},{b}", "q": rng.choice(v.words),
                                 "limit": "50"})
        elif kind == "events: no filter":
            path = self._events({"limit": "50", **({"order": "desc"} if rng.random() < .5 else {})})
        elif kind == "events: deep page (after)":
            which = rng.random()
            if which < 0.4:
                a, b, _ = self._pair(rng, self.frequent)
                p, key = {"between": f"{a},{b}"}, ",".join(sorted((a, b)))
            elif which < 0.7:
                c, _ = rng.choice(self.top_countries)
                p, key = {"country": c}, c
            else:
                p, key = {}, "all"
            p["after"] = rng.choice(v.cursors.get(key) or v.cursors["all"])
            p["limit"] = "50"
            if rng.random() < 0.3:
                p["order"] = "desc"
            path = self._events(p)
        elif kind == "events: actor":
            who, n = rng.choice(v.actors or [("nobody", 0)])
            path = self._events({"actor": who, **self._page(rng, n)})
        elif kind == "events: sorted by a column":
            a, b, year, n = rng.choice(v.sortable or [(*v.pairs[-1][:2], None, 0)])
            if rng.random() < 0.5:
                a, b = b, a
            p = {"between": f"{a},{b}", **({"date_from": year, "date_to": year} if year else {})}
            sort = rng.choice(("event", "mode", "actor", "recipient", "score"))
            page = self._page(rng, n)
            page.pop("offset", None)
            if rng.random() < 0.3 and n > 50:  # sorted lists page by offset, through them all
                page["offset"] = str(rng.randrange(0, n) // 50 * 50)
            path = self._events({**p, "sort": sort, **page})
        elif kind == "event: by id":
            path = "/api/events/" + quote(rng.choice(v.event_ids), safe="")
        else:
            if kind == "dyad: month frequent":
                a, b, _ = self._pair(rng, self.frequent)
                p = {"by": "month"}
            elif kind == "dyad: month rare":
                a, b, _ = self._pair(rng, self.rare + self.middling)
                p = {"by": "month"}
            elif kind == "dyad: year":
                a, b, _ = self._pair(rng, self.frequent + self.middling + self.rare)
                p = {"by": "year"}
            else:
                a, b, _ = self._pair(rng, self.frequent + self.middling)
                d = self._dates(rng)
                p = {"by": rng.choice(("month", "year")), **d}
            path = f"/api/dyad/{a}/{b}?" + urlencode(p)
        return kind, path


# --- the server and the load ------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(url: str, port: int, log: Path, workers: int = 1) -> subprocess.Popen:
    import httpx

    fh = log.open("w", encoding="utf-8")
    proc = subprocess.Popen([str(EXE), "serve", "--db", url, "--host", "127.0.0.1",
                             "--port", str(port), "--workers", str(workers)],
                            stdout=fh, stderr=subprocess.STDOUT,
                            env={k: v for k, v in os.environ.items() if k != "COMMUNIQUE_TOKEN"})
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"communique serve exited ({proc.returncode}); see {log}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/actors?limit=1", timeout=5).status_code:
                return proc
        except httpx.HTTPError:
            time.sleep(0.25)
    proc.terminate()
    raise SystemExit(f"communique serve did not answer in 180 s; see {log}")


def stop(proc: subprocess.Popen, sig: int = signal.SIGINT) -> None:
    if proc.poll() is None:
        proc.send_signal(sig)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@dataclass(slots=True)
class Hit:
    kind: str
    path: str
    status: str
    ms: float
    start: float


def load(base: str, reqs: Requests, seconds: float, concurrency: int, seed: int) -> list[Hit]:
    """``concurrency`` clients, each sending its next request once the last is answered."""
    import httpx

    hits: list[Hit] = []
    lock = threading.Lock()
    t0 = time.perf_counter()
    deadline = t0 + seconds

    def client(i: int) -> None:
        rng = random.Random(seed * 1000 + i)
        mine = []
        with httpx.Client(base_url=base, timeout=60) as http:
            while (now := time.perf_counter()) < deadline:
                kind, path = reqs.draw(rng)
                try:
                    r = http.get(path)
                    r.read()
                    status = str(r.status_code)
                except httpx.HTTPError as err:
                    status = type(err).__name__
                mine.append(Hit(kind, path, status, (time.perf_counter() - now) * 1000, now - t0))
        with lock:
            hits.extend(mine)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return hits


def pct(sorted_ms: list[float], p: float) -> float:
    if not sorted_ms:
        return float("nan")
    return sorted_ms[max(0, math.ceil(p / 100 * len(sorted_ms)) - 1)]


def summarise(hits: list[Hit], seconds: float) -> dict:
    groups: dict[str, list[Hit]] = defaultdict(list)
    for h in hits:
        groups["all"].append(h)
        groups[h.kind.split(":")[0]].append(h)
        groups[h.kind].append(h)
    out = {}
    for name, hs in groups.items():
        ms = sorted(h.ms for h in hs)
        errors = Counter(h.status for h in hs if not h.status.startswith("2"))
        out[name] = {"requests": len(hs), "rps": round(len(hs) / seconds, 1),
                     "p50": round(pct(ms, 50), 1), "p90": round(pct(ms, 90), 1),
                     "p99": round(pct(ms, 99), 1), "max": round(ms[-1], 1),
                     "errors": sum(errors.values()), "error_codes": dict(errors)}
    order = ["all", "events", "event", "dyad", *sorted(k for k in out if ":" in k)]
    return {k: out[k] for k in order if k in out}


def _cpu(proc: subprocess.Popen) -> float:
    import psutil

    try:
        p = psutil.Process(proc.pid)
        return sum(x.cpu_times().user + x.cpu_times().system
                   for x in [p, *p.children(recursive=True)])
    except psutil.Error:
        return 0.0


def _documents(url: str) -> int:
    from sqlalchemy import text

    from communique.store import make_engine, normalise_url

    eng = make_engine(normalise_url(url))
    try:
        with eng.connect() as conn:
            return int(conn.scalar(text("SELECT count(*) FROM documents")) or 0)
    finally:
        eng.dispose()


def phase(name: str, args: argparse.Namespace, base: str, server: subprocess.Popen,
          reqs: Requests, url: str, clients: int, seconds: float) -> tuple[dict, list[Hit]]:
    info: dict = {"phase": name, "clients": clients}
    ingest = None
    if name == "with ingest":
        extra = extra_archive(args)
        before = _documents(url)
        log = (args.workdir / "ingest-concurrent.log").open("w", encoding="utf-8")
        ingest = subprocess.Popen(_ingest_cmd(extra, url, 0, args.ingest_batch), stdout=log,
                                  stderr=subprocess.STDOUT, text=True)
        t = time.monotonic()
        while _documents(url) == before and ingest.poll() is None:  # first batch committed
            if time.monotonic() - t > 300:
                break
            time.sleep(0.5)
        info["ingest_warmup_s"] = round(time.monotonic() - t, 1)
        info["documents_before"] = before
    info["loadavg_at_start"] = [round(x, 2) for x in os.getloadavg()]
    docs0 = _documents(url) if ingest else 0
    cpu0, t0 = _cpu(server), time.perf_counter()
    hits = load(base, reqs, seconds, clients, args.seed)
    wall = time.perf_counter() - t0
    info["seconds"] = round(wall, 1)
    info["server_cpu_cores"] = round((_cpu(server) - cpu0) / wall, 2)
    if ingest:
        stored = _documents(url) - docs0
        info["ingest_pages_stored"] = stored
        info["ingest_pages_per_s"] = round(stored / wall, 1)
        info["ingest_still_running"] = ingest.poll() is None
        stop(ingest)
        info["documents_after"] = _documents(url)
    info["loadavg_at_end"] = [round(x, 2) for x in os.getloadavg()]
    info["figures"] = summarise(hits, wall)
    return info, hits


def solo(base: str, paths: list[str]) -> dict[str, float]:
    """Each path timed alone (median of 3, after one untimed call)."""
    import httpx

    out = {}
    with httpx.Client(base_url=base, timeout=60) as http:
        for p in paths:
            http.get(p)
            times = []
            for _ in range(3):
                t = time.perf_counter()
                http.get(p).read()
                times.append((time.perf_counter() - t) * 1000)
            out[p] = round(statistics.median(times), 1)
    return out


# --- the report -------------------------------------------------------------------------------


def table(info: dict, target: float) -> str:
    lines = [f"== {info['phase']} ({info['clients']} clients): {info['seconds']} s, "
             f"load average at start "
             f"{' '.join(map(str, info['loadavg_at_start']))}, server CPU "
             f"{info['server_cpu_cores']} cores"]
    if "ingest_pages_per_s" in info:
        lines[0] += (f", ingest {info['ingest_pages_per_s']} pages/s "
                     f"({info['ingest_pages_stored']:,} pages stored during the load)")
    head = f"{'requests':<28}{'n':>7}{'req/s':>8}{'p50':>8}{'p90':>8}{'p99':>8}{'max':>8}  errors"
    lines += [head, "-" * len(head)]
    for name, f in info["figures"].items():
        errs = (f"{f['errors']} " + " ".join(f"{k}×{v}" for k, v in f["error_codes"].items())
                if f["errors"] else "0")
        mark = " *" if f["p99"] >= target else ""
        indent = "  " if ":" in name else ""
        lines.append(f"{indent + name:<28}{f['requests']:>7}{f['rps']:>8.1f}{f['p50']:>8.1f}"
                     f"{f['p90']:>8.1f}{f['p99']:>8.1f}{f['max']:>8.1f}  {errs}{mark}")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=" ".join(__doc__.split("\n\n")[0].split()))
    ap.add_argument("--pages", type=int, default=100_000, help="pages in the built store")
    ap.add_argument("--extra", type=int, default=5000, help="pages the concurrent ingest offers")
    ap.add_argument("--ingest-batch", type=int, default=50,
                    help="the concurrent ingest's --batch-size (pages per transaction)")
    ap.add_argument("--seconds", type=float, default=30, help="load per phase")
    ap.add_argument("--warmup", type=float, default=5, help="load first, not counted")
    ap.add_argument("--concurrency", type=int, default=8, help="client threads")
    ap.add_argument("--server-workers", type=int, default=1,
                    help="processes of `communique serve --workers`")
    ap.add_argument("--solo-seconds", type=float, default=10,
                    help="a first phase with one client: the requests' own cost (0: skip)")
    ap.add_argument("--workdir", type=Path, default=Path("bench-ingest/serve"),
                    help="cached archives and stores, logs")
    ap.add_argument("--db", help="PostgreSQL server URL to build the store on "
                                 "(default: SQLite in --workdir)")
    ap.add_argument("--store", help="serve this existing store (path or URL) instead")
    ap.add_argument("--in-place", action="store_true",
                    help="serve (and ingest into) the store itself, not a copy")
    ap.add_argument("--no-ingest-phase", action="store_true",
                    help="skip the phase with a concurrent ingest")
    ap.add_argument("--build-only", action="store_true", help="build the cached store, stop")
    ap.add_argument("--target-ms", type=float, default=200.0, help="the p99 target")
    ap.add_argument("--slowest", type=int, default=10,
                    help="slowest distinct URLs to list per phase")
    ap.add_argument("--skip", action="append", default=[], metavar="TEXT",
                    help="leave out the kinds of request whose name contains TEXT (e.g. "
                         "'events: q'); repeatable")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)

    if args.store:
        url, built = args.store, {"store": args.store}
    else:
        url, built = build_store(args)
    if args.build_only:
        print(json.dumps(built, ensure_ascii=False, indent=1))
        return
    served = working_copy(args, url)
    values = probe(served, random.Random(args.seed))
    reqs = Requests(values, args.skip)
    report: dict = {
        "date": dt.datetime.now().isoformat(timespec="seconds"), "cores": os.cpu_count(),
        "command": " ".join([Path(sys.argv[0]).as_posix(), *sys.argv[1:]]),
        "store": built, "counts": values.counts, "concurrency": args.concurrency,
        "target_p99_ms": args.target_ms, "kinds": {k: MIX[k] for k in reqs.kinds},
        "pairs": {"frequent": reqs.frequent, "middling": reqs.middling, "rare": reqs.rare},
        "countries": {"top": reqs.top_countries, "rare": reqs.rare_countries},
        "phases": [],
    }
    c = values.counts
    print(f"store: {c['documents']:,} pages, {c['events']:,} events, {c['mentions']:,} "
          f"mentions, {len(values.pairs):,} country pairs ({served})", flush=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(served, port, args.workdir / "serve.log", args.server_workers)
    every: list[tuple[str, Hit]] = []
    try:
        if args.warmup:
            _log(f"warm-up {args.warmup:g} s")
            load(base, reqs, args.warmup, args.concurrency, args.seed + 99)
        plan = [("1 client", 1, args.solo_seconds), ("alone", args.concurrency, args.seconds),
                ("with ingest", args.concurrency, args.seconds)]
        if args.no_ingest_phase:
            plan.pop()
        for name, clients, seconds in plan:
            if not seconds:
                continue
            _log(f"phase '{name}': {seconds:g} s, {clients} client(s)")
            info, hits = phase(name, args, base, server, reqs, served, clients, seconds)
            report["phases"].append(info)
            every += [(name, h) for h in hits]
            print(table(info, args.target_ms), flush=True)
            print(flush=True)
        slow: list[tuple[str, Hit]] = []
        ranked = sorted(every, key=lambda x: -x[1].ms)
        for name in dict.fromkeys(n for n, _ in every):
            seen: set[str] = set()
            for n, h in ranked:
                if n == name and h.path not in seen and len(seen) < args.slowest:
                    seen.add(h.path)
                    slow.append((n, h))
        worst: dict[str, tuple[str, Hit]] = {}
        for n, h in ranked:
            worst.setdefault(h.kind, (n, h))
        paths = list(dict.fromkeys([h.path for _, h in slow] +
                                   [h.path for _, h in worst.values()]))
        _log(f"timing the {len(paths)} slowest URLs again, alone")
        again = solo(base, paths)
    finally:
        stop(server)

    def row(n: str, h: Hit) -> dict:
        return {"phase": n, "kind": h.kind, "ms": round(h.ms, 1), "status": h.status,
                "at_s": round(h.start, 1), "alone_ms": again.get(h.path), "path": h.path}

    def show(r: dict) -> None:
        print(f"  {r['ms']:>8.1f} {r['alone_ms'] or 0:>8.1f}  {r['status']}  {r['phase']:<11} "
              f"{r['kind']:<26} {r['path']}")

    report["slowest"] = [row(n, h) for n, h in slow]
    report["slowest_of_each_kind"] = [row(n, h) for n, h in sorted(
        worst.values(), key=lambda x: -x[1].ms)]
    print("slowest distinct URLs of each phase (ms in the phase; ms alone afterwards, "
          "median of 3):")
    for r in report["slowest"]:
        show(r)
    print("\nslowest URL of each kind of request:")
    for r in report["slowest_of_each_kind"]:
        show(r)
    print()
    for info in report["phases"]:
        figs = info["figures"]
        verdicts = []
        for k in ("all", "events", "event", "dyad"):
            if k in figs:
                ok = figs[k]["p99"] < args.target_ms
                verdicts.append(f"{k} p99 {figs[k]['p99']:.0f} ms {'PASS' if ok else 'MISS'}")
        info["pass"] = figs["all"]["p99"] < args.target_ms
        print(f"{info['phase']:<12} {'PASS' if info['pass'] else 'MISS'} (p99 < "
              f"{args.target_ms:g} ms): " + "; ".join(verdicts))
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
