"""Ingest benchmark: pages/s into SQLite and PostgreSQL with 1 and 2 jobs, against bare extraction;
peak memory; database size per 1,000 pages; time of the ``dyad``, ``events --between`` and
free-text queries.

    python bench/ingest.py [--pages 100000] [--sample 4000] [--repeat 3] [--pg postgresql://…]
        [--json out]
    python bench/ingest.py --queries-only STORE...   # the queries alone, on filled stores

The archive is synthetic but made of real text: every page takes the title, lead, caption and
dateline paragraph of one of the bundled pages (``communique/samples/*.txt``), a random draw of
3 to 8 body paragraphs from all of them, and the page's own end mark and related-story teasers,
with every ``M月D日`` (and ``YYYY年``) moved by a per-page number of days so that pages report
different meetings; about a third reuse the shift of a recent page, so that the same
meeting is reported by several pages and outlets, as in a real archive. Pages are written once
to a JSONL file (cached in ``--workdir``).

Throughput is measured on the first ``--sample`` pages (bare extraction: ``iter_pages`` and
``extract_raw`` in one process, or a pool of 2; ingest: ``communique ingest`` in a subprocess,
the peak of its memory with its workers', PSS summed, so pages the forked workers share are
counted once, sampled once a second (the sampler runs on the cores the ingest is measured on;
its own CPU is reported); and the CPU time of the whole process tree per page, which other
load on the machine disturbs less than the wall clock). Bare extraction loads the
knowledge before its clock starts; the ingest's rate is likewise the one it reports after its
start-up (loading the knowledge, starting the workers: a fixed cost, 1.5 s of 15 s on the
sample, a hundredth of that on the archive), and the ratio with the start-up counted is given
beside it, as is the CPU of a 1-page ingest, taken out of the CPU ratio. Each of these runs ``--repeat`` times, bare extraction
and the ingests one after the other, and the medians are reported (the machine's speed drifts by
10% and more from one minute to the next). Then the whole archive is ingested into
SQLite (and PostgreSQL with ``--pg``) with 2 jobs, and the queries are timed there (median of 7).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing as mp
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

DATE = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日")
OUTLETS = ("zh.vietnamplus.vn", "cn.qdnd.vn", "sputniknews.cn")
SAMPLE_EVERY = 1.0  # seconds between two samples of the ingest's memory


def _samples() -> list[tuple[list[str], list[str], list[str]]]:
    """Each bundled page cut into its head (title, lead, caption, dateline paragraph), body
    paragraphs, and its tail (end mark, ``更多`` and the related-story blocks)."""
    out = []
    for f in sorted(resources.files("communique.samples").iterdir(), key=lambda p: p.name):
        if not f.name.endswith(".txt"):
            continue
        lines = [x.strip() for x in f.read_text("utf-8").splitlines() if x.strip()]
        more = lines.index("更多") if "更多" in lines else len(lines)
        end = more
        while end > 0 and lines[end - 1] in ("越通社", "(完)", "（完）"):
            end -= 1
        out.append((lines[:4], lines[4:end], lines[end:]))
    return out


def _shift(text: str, days: int, base_year: int) -> str:
    def move(m: re.Match[str]) -> str:
        year = int(m.group(1)) if m.group(1) else base_year
        try:
            d = dt.date(year, int(m.group(2)), int(m.group(3))) + dt.timedelta(days=days)
        except ValueError:
            return m.group(0)
        head = f"{d.year}年" if m.group(1) else ""
        return f"{head}{d.month}月{d.day}日"

    return DATE.sub(move, text)


def make_archive(path: Path, pages: int, seed: int = 7) -> None:
    samples = _samples()
    pool = [p for _, body, _ in samples for p in body
            if "ảnh" not in p and "图自越通社" not in p]
    rng = random.Random(seed)
    recent: list[int] = []
    with path.open("w", encoding="utf-8") as fh:
        for i in range(pages):
            head, _, tail = samples[i % len(samples)]
            if recent and rng.random() < 0.33:
                days = rng.choice(recent)
            else:
                days = rng.randint(-3650, 0)
                recent = (recent + [days])[-20:]
            body = rng.sample(pool, k=rng.randint(3, 8))
            text = _shift("\n\n".join([*head, *body, *tail]), days, 2023)
            published = (dt.date(2023, 6, 1) + dt.timedelta(days=days)).isoformat()
            outlet = OUTLETS[rng.randrange(len(OUTLETS))]
            rec = {"id": f"p{i:06d}", "url": f"https://{outlet}/{i}.html",
                   "published": published, "text": text}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def head_file(src: Path, dst: Path, n: int) -> None:
    with src.open(encoding="utf-8") as fi, dst.open("w", encoding="utf-8") as fo:
        for i, line in enumerate(fi):
            if i >= n:
                break
            fo.write(line)


def _extract_all(path: str) -> int:
    from communique.model import RawPage
    from communique.pipeline import extract_raw
    from communique.sources import iter_pages

    return sum(len(extract_raw(p).records()) for p in iter_pages([path])
               if isinstance(p, RawPage))


def _extract_one(raw) -> int:  # noqa: ANN001
    from communique.pipeline import extract_raw

    return len(extract_raw(raw).records())


def cpu_seconds() -> float:
    """CPU time of this process and of every child it has waited for (and theirs)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def bare(path: Path, jobs: int, n: int) -> tuple[float, float]:
    """Pages/s of extraction alone, and its CPU milliseconds per page (workers included)."""
    from communique.pipeline import extract_raw
    from communique.sources import iter_pages

    extract_raw(next(p for p in iter_pages([str(path)]) if not hasattr(p, "reason")))
    t, c = time.perf_counter(), cpu_seconds()
    if jobs == 1:
        _extract_all(str(path))
    else:
        pool = mp.get_context("fork").Pool(jobs)
        pages = (p for p in iter_pages([str(path)]) if not hasattr(p, "reason"))
        sum(pool.imap(_extract_one, pages, chunksize=16))
        pool.close()
        pool.join()
    return n / (time.perf_counter() - t), (cpu_seconds() - c) / n * 1000


def children_cpu_seconds() -> float:
    """CPU time of the children this process has waited for (and theirs), not its own."""
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return kids.ru_utime + kids.ru_stime


def run_ingest(path: Path, db: str, jobs: int) -> dict:
    import psutil

    exe = Path(sys.executable).with_name("communique")
    cmd = [str(exe), "ingest", str(path), "--db", db, "--jobs", str(jobs), "--no-progress",
           "--batch-size", "200"]
    # The ingest's process tree only. The kernel walks a process's page tables to give its PSS
    # (a few ms each time), on the cores the ingest is measured on: once a second, it costs
    # the ingest's wall clock little, and the sampler's own CPU is reported (``sampler_cpu_s``).
    t, c = time.perf_counter(), children_cpu_seconds()
    mine = time.process_time()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    me, peak = psutil.Process(proc.pid), 0
    while proc.poll() is None:
        try:
            pss = sum(p.memory_full_info().pss for p in [me, *me.children(recursive=True)])
            peak = max(peak, pss)
        except psutil.Error:
            pass
        time.sleep(SAMPLE_EVERY)
    sampler = time.process_time() - mine
    out = proc.stdout.read() if proc.stdout else ""
    if proc.returncode:
        raise SystemExit(f"ingest failed ({proc.returncode}):\n{out}")
    m = re.search(r"\(([\d,.]+) pages/s; ([\d,.]+) after ([\d.]+) s of start-up\)", out)
    total, steady, startup = (float(g.replace(",", "")) for g in m.groups())
    return {"pages_per_s": steady, "pages_per_s_with_startup": total, "startup_s": startup,
            "seconds": time.perf_counter() - t, "peak_mb": peak / 2**20,
            "cpu_s": children_cpu_seconds() - c, "sampler_cpu_s": round(sampler, 3),
            "summary": out.strip().splitlines()}


def _medians(runs: list[dict]) -> dict:
    """Median of each numeric figure over the runs (the peak memory: its maximum)."""
    out = {}
    for k, v in runs[0].items():
        if isinstance(v, (int, float)):
            vals = [r[k] for r in runs]
            out[k] = round(max(vals) if k == "peak_mb" else statistics.median(vals), 2)
    return out


def fresh_db(kind: str, workdir: Path, name: str, pg: str | None) -> str:
    if kind == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(f"{workdir / name}.db{suffix}").unlink(missing_ok=True)
        return str(workdir / f"{name}.db")
    from sqlalchemy import create_engine, text

    from communique.store import normalise_url

    admin = create_engine(normalise_url(pg), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = admin.url.set(database=name).render_as_string(hide_password=False)
    admin.dispose()
    return url


def db_size(url: str) -> int:
    if "://" not in url:
        return sum(Path(url + s).stat().st_size for s in ("", "-wal") if Path(url + s).exists())
    from sqlalchemy import text

    from communique.store import open_store

    with open_store(url) as st, st.engine.connect() as conn:
        return int(conn.scalar(text("SELECT pg_database_size(current_database())")))


def time_queries(url: str) -> dict:
    from communique.store import open_store
    from communique.store import queries as q
    from communique.store.commands import TABLE_ROWS

    out = {}
    with open_store(url) as st:
        top = q.actors(st, limit=1)["id"].iloc[0]
        first = TABLE_ROWS  # what `communique events` shows in a table unless told otherwise
        checks = {
            "dyad VNM RUS by month": lambda: q.dyad(st, "VNM", "RUS"),
            "dyad VNM RUS by year": lambda: q.dyad(st, "VNM", "RUS", by="year"),
            "events --between VNM RUS": lambda: q.events(
                st, between=("VNM", "RUS"), limit=first),
            "events --between VNM RUS --since 2020": lambda: q.events(
                st, between=("VNM", "RUS"), since="2020", limit=first),
            "events --actor (the most active)": lambda: q.events(st, actor=top, limit=first),
            "events --country VNM --event CONSULT": lambda: q.events(
                st, country="VNM", event="CONSULT", limit=first),
            "events --between VNM RUS --limit 0 (every row)": lambda: q.events(
                st, between=("VNM", "RUS")),
            "events --text 越南 (the commonest word)": lambda: q.events(
                st, text="越南", limit=first),
            "events --text 美国 --between VNM RUS (held elsewhere only)": lambda: q.events(
                st, text="美国", between=("VNM", "RUS"), limit=first),
            "events --text 越南 --between VNM RUS (in most of them)": lambda: q.events(
                st, text="越南", between=("VNM", "RUS"), limit=first),
            "events --text 美国 --country VNM": lambda: q.events(
                st, text="美国", country="VNM", limit=first),
            "events --text '越南 合作' (two words)": lambda: q.events(
                st, text="越南 合作", limit=first),
            "events --text '\"越南 合作\"' (a quoted phrase)": lambda: q.events(
                st, text='"越南 合作"', limit=first),
        }
        for name, fn in checks.items():
            rows = len(fn())
            times = []
            for _ in range(7):
                t = time.perf_counter()
                fn()
                times.append(time.perf_counter() - t)
            out[name] = {"ms": round(statistics.median(times) * 1000, 1), "rows": rows}
        out["counts"] = st.counts()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=100_000)
    ap.add_argument("--sample", type=int, default=4000)
    ap.add_argument("--pg", default=os.environ.get("COMMUNIQUE_TEST_PG"))
    ap.add_argument("--workdir", type=Path, default=Path("bench-ingest"))
    ap.add_argument("--repeat", type=int, default=3,
                    help="sample runs of each kind, interleaved; medians are reported")
    ap.add_argument("--skip-full", action="store_true", help="only the sample measurements")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--queries-only", nargs="+", metavar="STORE",
                    help="only time the queries on these stores, already filled")
    args = ap.parse_args()
    if args.queries_only:
        for url in args.queries_only:
            print(json.dumps({url: time_queries(url)}, ensure_ascii=False, indent=1), flush=True)
        return
    args.workdir.mkdir(exist_ok=True)
    archive = args.workdir / f"archive-{args.pages}.jsonl"
    if not archive.exists():
        make_archive(archive, args.pages)
    sample = args.workdir / f"sample-{args.sample}.jsonl"
    head_file(archive, sample, args.sample)
    report: dict = {"pages": args.pages, "sample": args.sample, "cores": os.cpu_count(),
                    "archive_mb": round(archive.stat().st_size / 1e6, 1)}
    kinds = ["sqlite"] + (["postgresql"] if args.pg else [])
    one = args.workdir / "sample-1.jsonl"
    head_file(archive, one, 1)
    startup = {}
    for kind in kinds:  # the fixed cost in the figures below: imports, migration, knowledge
        r = run_ingest(one, fresh_db(kind, args.workdir, f"bench_{kind}_startup", args.pg), 1)
        startup[kind] = r["cpu_s"]
        report[f"startup {kind}"] = {"seconds": round(r["seconds"], 2),
                                     "cpu_s": round(r["cpu_s"], 2)}
        print(f"startup {kind} (a 1-page ingest): {r['seconds']:.2f} s, "
              f"{r['cpu_s']:.2f} CPU s", flush=True)
    for jobs in (1, 2):
        runs: dict[str, list[dict]] = {"bare": [], **{k: [] for k in kinds}}
        for _ in range(args.repeat):  # interleaved, so that a slow spell of the machine hits all
            base, base_cpu = bare(sample, jobs, args.sample)
            runs["bare"].append({"pages_per_s": base, "cpu_ms_per_page": base_cpu})
            for kind in kinds:
                url = fresh_db(kind, args.workdir, f"bench_{kind}_{jobs}", args.pg)
                r = run_ingest(sample, url, jobs)
                cpu = r.pop("cpu_s")
                r["cpu_ms_per_page"] = cpu / args.sample * 1000
                r["sampler_cpu_ms_per_page"] = r.pop("sampler_cpu_s") / args.sample * 1000
                r["vs_bare"] = base / r["pages_per_s"]
                r["vs_bare_with_startup"] = base / r["pages_per_s_with_startup"]
                r["cpu_vs_bare"] = r["cpu_ms_per_page"] / base_cpu
                r["cpu_vs_bare_after_startup"] = (
                    (cpu - startup[kind]) / args.sample * 1000 / base_cpu)
                r["db_mb_per_1000_pages"] = db_size(url) / 1e6 / args.sample * 1000
                runs[kind].append(r)
        b = _medians(runs["bare"])
        report[f"bare extraction, {jobs} job(s)"] = b
        print(f"bare extraction, jobs={jobs}: {b['pages_per_s']:,.1f} pages/s, "
              f"{b['cpu_ms_per_page']:.2f} CPU ms/page", flush=True)
        for kind in kinds:
            r = _medians(runs[kind])
            r["vs_bare_each_run"] = [round(x["vs_bare"], 2) for x in runs[kind]]
            report[f"ingest {kind}, {jobs} job(s)"] = r
            print(f"ingest {kind} jobs={jobs}: {r['pages_per_s']:,.1f} pages/s "
                  f"(bare/ingest time {r['vs_bare']}, runs {r['vs_bare_each_run']}; "
                  f"{r['vs_bare_with_startup']} with its {r['startup_s']} s of start-up; "
                  f"{r['cpu_ms_per_page']} CPU ms/page, "
                  f"{r['cpu_vs_bare']}x bare's, {r['cpu_vs_bare_after_startup']}x without "
                  f"the startup), peak {r['peak_mb']:,.0f} MB (sampled at "
                  f"{r['sampler_cpu_ms_per_page']} CPU ms/page), "
                  f"{r['db_mb_per_1000_pages']} MB per 1,000 pages", flush=True)
    if not args.skip_full:
        for kind in kinds:
            url = fresh_db(kind, args.workdir, f"bench_{kind}_full", args.pg)
            r = run_ingest(archive, url, 2)
            r["db_mb_per_1000_pages"] = round(db_size(url) / 1e6 / args.pages * 1000, 2)
            r["queries"] = time_queries(url)
            report[f"full {kind}, 2 jobs"] = r
            print(json.dumps({kind: r}, ensure_ascii=False, indent=1), flush=True)
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
