"""A run killed with SIGKILL and started again loses nothing and duplicates nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from test_store import dump

from communique.store import open_store

SCRIPT = """
import sys, time
sys.path.insert(0, {tests!r})
from conftest import CUB, RUS, VNM, RawPage, fake_extract, fake_page, list_reader, record
from communique.store import open_store
from communique.store.ingest import ingest

def slow(raw):
    time.sleep({delay})
    return fake_extract(raw)

def pages():
    for i in range(120):
        day = 1 + (i % 9)
        other = (RUS, CUB)[i % 2]
        recs = [record(id="m", event="SUPPORT", actor=(VNM,), recipient=(other,),
                       date=f"2023-05-{{day:02d}}"),
                record(id="t", date=f"2023-05-{{day + i % 2:02d}}", main=True)]
        if i % 17 == 0:
            yield RawPage(f"bad-{{i}}", text="BOOM", source=f"/a/bad-{{i}}")
        yield fake_page(f"p{{i}}", recs, teasers=[[record(id="z", date="2023-05-03")]])

with open_store(sys.argv[1]) as store:
    ingest(store, ["a"], read=lambda paths, published=None: pages(), extract=slow,
           batch_size=7, jobs=int(sys.argv[2]))
"""


def _run(url: str, jobs: int, delay: float, kill_after_docs: int | None = None) -> None:
    script = SCRIPT.format(tests=str(Path(__file__).parent), delay=delay)
    proc = subprocess.Popen([sys.executable, "-c", script, url, str(jobs)],
                            start_new_session=True)
    if kill_after_docs is None:
        assert proc.wait(timeout=120) == 0
        return
    deadline = time.monotonic() + 60
    with open_store(url) as st:
        while st.counts()["documents"] < kill_after_docs:
            assert proc.poll() is None, "the run ended before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


def test_sigkill_mid_run_then_resume_equals_an_uninterrupted_run(new_db):
    whole, killed = new_db(), new_db()
    _run(whole, jobs=1, delay=0.0)
    _run(killed, jobs=2, delay=0.03, kill_after_docs=30)
    with open_store(killed) as st:
        partial = st.counts()["documents"]
    assert 30 <= partial < 120
    _run(killed, jobs=2, delay=0.0)
    with open_store(whole) as a, open_store(killed) as b:
        assert a.counts() == b.counts()
        assert a.counts()["documents"] == 120
        assert dump(a) == dump(b)


def test_sigkill_of_an_inline_run_then_resume(new_db):
    """Inline: the writing process extracts too (``--jobs 0``)."""
    whole, killed = new_db(), new_db()
    _run(whole, jobs=2, delay=0.0)
    _run(killed, jobs=0, delay=0.01, kill_after_docs=30)
    with open_store(killed) as st:
        assert 30 <= st.counts()["documents"] < 120
    _run(killed, jobs=0, delay=0.0)
    with open_store(whole) as a, open_store(killed) as b:
        assert a.counts()["documents"] == 120
        assert dump(a) == dump(b)
