"""Ingest: read pages, extract them in parallel, store them batch by batch.

The stream is cut into batches of ``batch_size`` pages. A batch is hashed and checked against
the store (pages already there are not extracted again), extracted by the workers (a process
pool of ``jobs``, a Dask cluster, or inline with ``jobs=0``) while earlier batches are written,
then written in one transaction. At most three batches are in flight, so memory does not grow
with the archive; a run killed at any point loses only uncommitted batches, which the next run
redoes.

On a Dask cluster (``dask=`` a scheduler address or a ``distributed.Client``) the workers
extract and this process writes: every worker needs the same version of communique installed,
since tasks name ``communique.pipeline.extract_raw``; pages travel from here to the workers and
their rows back, so put this process near the database.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing as mp
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from communique.model import Document, RawPage, Rejected
from communique.store import Store, writing
from communique.store.extracted import Extracted, content_hash, extract_page
from communique.store.writer import Writer

Reader = Callable[..., Iterable[RawPage | Rejected]]
Extractor = Callable[[RawPage], Document]


@dataclass(slots=True)
class IngestSummary:
    read: int = 0
    stored: int = 0
    skipped: int = 0
    rejected: int = 0
    mentions: int = 0
    new_events: int = 0
    seconds: float = 0.0
    reasons: dict[str, int] = field(default_factory=dict)

    @property
    def pages_per_second(self) -> float:
        return self.read / self.seconds if self.seconds else 0.0

    def lines(self) -> list[str]:
        out = [
            f"read {self.read:,} inputs in {self.seconds:.1f} s "
            f"({self.pages_per_second:,.1f} pages/s)",
            f"stored {self.stored:,} pages, skipped {self.skipped:,} already stored, "
            f"rejected {self.rejected:,}",
            f"{self.mentions:,} event mentions folded into {self.new_events:,} new events",
        ]
        for reason, n in sorted(self.reasons.items(), key=lambda kv: -kv[1])[:5]:
            out.append(f"  rejected {n:,}: {reason}")
        return out


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _work(item: tuple[RawPage, str], extract: Extractor, dialect: str) -> Extracted:
    return extract_page(item[0], extract, item[1], dialect)


class _Inline:
    def __init__(self, extract: Extractor, dialect: str) -> None:
        self.fn = partial(_work, extract=extract, dialect=dialect)

    def submit(self, items: list[tuple[RawPage, str]]) -> Callable[[], list[Extracted]]:
        return lambda: [self.fn(i) for i in items]

    def close(self) -> None:
        pass


class _Pool:
    """Forked after ``_still_knowledge`` has loaded and frozen the knowledge: the children share
    its pages, which the collector would otherwise touch, and so copy."""

    def __init__(self, extract: Extractor, dialect: str, jobs: int) -> None:
        self.fn = partial(_work, extract=extract, dialect=dialect)
        self.jobs = jobs
        self.pool = mp.get_context("fork").Pool(jobs)

    def submit(self, items: list[tuple[RawPage, str]]) -> Callable[[], list[Extracted]]:
        chunk = max(1, len(items) // (self.jobs * 4))
        result = self.pool.map_async(self.fn, items, chunksize=chunk)
        return lambda: result.get()

    def close(self) -> None:
        self.pool.terminate()
        self.pool.join()


class _Dask:
    def __init__(self, extract: Extractor, dialect: str, address: Any) -> None:
        from distributed import Client

        self.extract, self.dialect = extract, dialect
        self.client = address if isinstance(address, Client) else Client(address)
        self.own = not isinstance(address, Client)

    def submit(self, items: list[tuple[RawPage, str]]) -> Callable[[], list[Extracted]]:
        futures = self.client.map(_work, items, extract=self.extract, dialect=self.dialect,
                                  pure=False)
        return lambda: self.client.gather(futures)

    def close(self) -> None:
        if self.own:
            self.client.close()


def _default_reader() -> Reader:
    from communique.sources import iter_pages

    return iter_pages


def _default_extractor() -> Extractor:
    from communique.pipeline import extract_raw

    return extract_raw


def _runner(extract: Extractor, dialect: str, jobs: int, dask: Any) -> Any:
    if dask is not None:
        return _Dask(extract, dialect, dask)
    return _Pool(extract, dialect, jobs) if jobs > 0 else _Inline(extract, dialect)


@contextlib.contextmanager
def _still_knowledge(extract: Extractor | None) -> Iterator[None]:
    """Load the knowledge (one extraction), then keep it, and everything else alive now, out
    of the collector's reach for the run: the run allocates millions of short-lived rows, and
    every full collection would walk the knowledge's objects again."""
    if extract is not None:
        with contextlib.suppress(Exception):
            extract(RawPage("warm-up", text="越南"))
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _progress(enabled: bool):
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    return Progress(
        SpinnerColumn(),
        TextColumn("{task.completed:,} pages"),
        TextColumn("{task.fields[rate]:,.1f} pages/s"),
        TextColumn("{task.fields[events]:,} events"),
        TextColumn("{task.fields[rejected]:,} rejected"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        disable=not enabled,
    )


def ingest(
    store: Store,
    paths: Sequence[str],
    *,
    published: str | None = None,
    jobs: int = 0,
    dask: Any = None,
    batch_size: int = 200,
    outlet: str | None = None,
    progress: bool = False,
    read: Reader | None = None,
    extract: Extractor | None = None,
) -> IngestSummary:
    """Store every page under ``paths``; pages already stored are skipped, bad ones rejected.

    ``jobs``: extraction processes beside this one, which writes (0: extract here, between
    writes; one process already takes the extraction off the writer's core).
    """
    read = read or _default_reader()
    extract = extract or _default_extractor()
    writer = Writer(outlet=outlet)
    summary = IngestSummary()
    started = time.perf_counter()
    bar = _progress(progress)
    task = bar.add_task("ingest", total=None, rate=0.0, events=0, rejected=0)

    def prepare(batch: list[RawPage | Rejected]):
        rejected = [b for b in batch if isinstance(b, Rejected)]
        pages = [(b, content_hash(b)) for b in batch if isinstance(b, RawPage)]
        with store.engine.connect() as conn:
            known = writer.known_hashes(conn, [h for _, h in pages])
        todo, seen = [], set()
        for raw, digest in pages:
            if digest not in known and digest not in seen:
                seen.add(digest)
                todo.append((raw, digest))
        return len(batch), len(pages) - len(todo), rejected, todo, runner.submit(todo)

    def write(prepared) -> None:
        n, pre_skipped, rejected, todo, result = prepared
        extracted = result()
        with writing(store.engine) as conn:
            counts = writer.write(conn, [(r, x) for (r, _), x in zip(todo, extracted, strict=True)],
                                  rejected)
        summary.read += n
        summary.stored += counts.stored
        summary.skipped += counts.skipped + pre_skipped
        summary.rejected += counts.rejected
        summary.mentions += counts.mentions
        summary.new_events += counts.new_events
        for reason in [r.reason for r in rejected] + [x.error for x in extracted if x.error]:
            summary.reasons[reason] = summary.reasons.get(reason, 0) + 1
        elapsed = time.perf_counter() - started
        bar.update(task, advance=n, rate=summary.read / elapsed if elapsed else 0.0,
                   events=summary.new_events, rejected=summary.rejected)

    with _still_knowledge(None if dask is not None else extract):
        runner = _runner(extract, store.dialect, jobs, dask)
        ahead = 0 if isinstance(runner, _Inline) else 2
        try:
            with bar:
                pending: deque[Any] = deque()
                for batch in _batches(read(list(paths), published=published), batch_size):
                    pending.append(prepare(batch))
                    if len(pending) > ahead:
                        write(pending.popleft())
                while pending:
                    write(pending.popleft())
        finally:
            runner.close()
    summary.seconds = time.perf_counter() - started
    return summary
