"""Who extracts a batch and who writes it: the runners behind ``ingest``.

* inline (``jobs=0``): this process extracts, then writes;
* extracting workers (``jobs=N`` with a core to spare for this process): a process pool
  extracts, and this process writes the rows the workers hand back;
* writing workers (``jobs=N`` with no core to spare): each worker extracts a batch and writes
  it itself. The batches are written one at a time and in the order they were read (a turn
  passed from worker to worker), so the store is the same as an inline run's; no rows cross
  between processes, and no third process competes with the workers for the cores;
* a Dask cluster: its workers extract, this process writes.

Every runner's ``batch(todo, rejected)`` returns a callable that waits for the batch to be
stored and gives its ``Outcome``.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing as mp
import os
import signal
import sys
from collections.abc import Callable
from functools import partial
from typing import Any

from sqlalchemy import Engine, event

from communique.model import Document, RawPage, Rejected
from communique.store import writing
from communique.store.extracted import Extracted, extract_page
from communique.store.writer import BatchCounts, Writer

Extractor = Callable[[RawPage], Document]
Todo = list[tuple[RawPage, str]]  # pages to store, with their content hash
Outcome = tuple[BatchCounts, list[str]]  # what was stored; why pages failed to extract
FAILED = -1  # the turn after a batch that could not be written: the others stop
# Batches after one another rewrite the same pages (the ends of the tables, the inner pages of
# the indexes): a checkpoint every few batches copies each of them into the database once.
CHECKPOINT_EVERY = 4


def cores() -> int:
    """The cores this process may run on."""
    with contextlib.suppress(AttributeError):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def write_batch(engine: Engine, writer: Writer, todo: Todo, extracted: list[Extracted],
                rejected: list[Rejected]) -> Outcome:
    with writing(engine, checked=False) as conn:
        counts = writer.write(conn, [(r, x) for (r, _), x in zip(todo, extracted, strict=True)],
                              rejected)
    return counts, [x.error for x in extracted if x.error]


def _extract(item: tuple[RawPage, str], extract: Extractor) -> Extracted:
    return extract_page(item[0], extract, item[1])


class _Extracting:
    """Runners whose workers only extract: this process writes."""

    def __init__(self, engine: Engine, writer: Writer) -> None:
        self.engine, self.writer = engine, writer

    def extracted(self, todo: Todo) -> Callable[[], list[Extracted]]:
        raise NotImplementedError

    def batch(self, todo: Todo, rejected: list[Rejected]) -> Callable[[], Outcome]:
        got = self.extracted(todo)
        return lambda: write_batch(self.engine, self.writer, todo, got(), rejected)

    def close(self) -> None:
        pass


class Inline(_Extracting):
    def __init__(self, engine: Engine, writer: Writer, extract: Extractor) -> None:
        super().__init__(engine, writer)
        self.fn = partial(_extract, extract=extract)

    def extracted(self, todo: Todo) -> Callable[[], list[Extracted]]:
        return lambda: [self.fn(i) for i in todo]


class ExtractingPool(_Extracting):
    """Forked after ``ingest`` has loaded and frozen the knowledge: the children share its
    pages, which the collector would otherwise touch, and so copy."""

    def __init__(self, engine: Engine, writer: Writer, extract: Extractor, jobs: int) -> None:
        super().__init__(engine, writer)
        self.fn = partial(_extract, extract=extract)
        self.jobs = jobs
        self.pool = mp.get_context("fork").Pool(jobs)

    def extracted(self, todo: Todo) -> Callable[[], list[Extracted]]:
        chunk = max(1, len(todo) // (self.jobs * 4))
        result = self.pool.map_async(self.fn, todo, chunksize=chunk)
        return lambda: result.get()

    def close(self) -> None:
        self.pool.terminate()
        self.pool.join()


class DaskCluster(_Extracting):
    def __init__(self, engine: Engine, writer: Writer, extract: Extractor, address: Any) -> None:
        from distributed import Client

        super().__init__(engine, writer)
        self.extract = extract
        self.client = address if isinstance(address, Client) else Client(address)
        self.own = not isinstance(address, Client)

    def extracted(self, todo: Todo) -> Callable[[], list[Extracted]]:
        futures = self.client.map(_extract, todo, extract=self.extract, pure=False)
        return lambda: self.client.gather(futures)

    def close(self) -> None:
        if self.own:
            self.client.close()


_WORKER: dict[str, Any] = {}  # a writing worker's own engine, writer and turn


def _die_with_parent() -> None:
    """On Linux a worker dies with the run that started it (a run killed with SIGKILL takes
    its workers along), so no batch is written after the run is gone."""
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _start_writing_worker(parent: int, engine: Engine, writer: Writer, extract: Extractor,
                          dialect: str, turn: Any, cond: Any) -> None:
    _die_with_parent()
    if os.getppid() != parent:  # the run died before the line above took effect
        os._exit(1)
    engine.dispose(close=False)  # the parent's connections stay the parent's
    if dialect == "sqlite":  # the run checkpoints the log between batches (``checkpoint``)
        event.listen(engine, "connect", _no_autocheckpoint)
    _WORKER.update(engine=engine, writer=writer, extract=extract, turn=turn, cond=cond)
    # Extraction makes a few hundred reference cycles per batch and millions of objects that
    # die young: one collection between batches (``_extract_and_write``) replaces the thousand
    # the allocations would set off, each walking the batch's rows again.
    gc.disable()


def _no_autocheckpoint(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.execute("PRAGMA wal_autocheckpoint=0")


def checkpoint(engine: Engine) -> None:
    """Copy what the writing workers committed from SQLite's log into the database, without
    waiting for anyone: done here, every few batches, while the workers extract, rather than by
    a worker in its commit, where the copy and its disk syncs would stall its core."""
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")


def _extract_and_write(k: int, todo: Todo, rejected: list[Rejected]) -> Outcome:
    w = _WORKER
    gc.collect()  # the last batch's cycles, while little else is alive
    extracted = [extract_page(raw, w["extract"], digest) for raw, digest in todo]
    turn, cond = w["turn"], w["cond"]
    with cond:
        cond.wait_for(lambda: turn.value in (k, FAILED))
        if turn.value == FAILED:
            raise RuntimeError("not written: an earlier batch failed")
    written = False
    try:
        out = write_batch(w["engine"], w["writer"], todo, extracted, rejected)
        written = True
        return out
    finally:
        with cond:
            turn.value = k + 1 if written else FAILED
            cond.notify_all()


class WritingPool:
    def __init__(self, engine: Engine, writer: Writer, extract: Extractor, dialect: str,
                 jobs: int) -> None:
        ctx = mp.get_context("fork")
        self.engine, self.dialect = engine, dialect
        self.turn, self.cond, self.next = ctx.RawValue("q", 0), ctx.Condition(), 0
        self.written = 0
        engine.dispose()  # no open connection is forked
        self.pool = ctx.Pool(jobs, _start_writing_worker,
                             (os.getpid(), engine, writer, extract, dialect, self.turn, self.cond))

    def batch(self, todo: Todo, rejected: list[Rejected]) -> Callable[[], Outcome]:
        result = self.pool.apply_async(_extract_and_write, (self.next, todo, rejected))
        self.next += 1
        return lambda: self._written(result.get())

    def _written(self, outcome: Outcome) -> Outcome:
        self.written += 1
        if self.dialect == "sqlite" and self.written % CHECKPOINT_EVERY == 0:
            checkpoint(self.engine)
        return outcome

    def close(self) -> None:
        self.pool.terminate()
        self.pool.join()
