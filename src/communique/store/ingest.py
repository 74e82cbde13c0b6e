"""Ingest: read pages, extract them in parallel, store them batch by batch.

The stream is cut into batches of ``batch_size`` pages. A batch is hashed and checked against
the store (pages already there are not extracted again), extracted by the workers (a process
pool of ``jobs``, a Dask cluster, or inline with ``jobs=0``) while earlier batches are written,
then written in one transaction, in the order read (``workers`` says who writes). At most three
batches are in flight, so memory does not grow with the archive; a run killed at any point loses
only uncommitted batches, which the next run redoes.

On a Dask cluster (``dask=`` a scheduler address or a ``distributed.Client``) the workers
extract and this process writes: every worker needs the same version of communique installed,
since tasks name ``communique.pipeline.extract_raw``; pages travel from here to the workers and
their rows back, so put this process near the database.
"""

from __future__ import annotations

import contextlib
import gc
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from communique.model import RawPage, Rejected
from communique.store import Store, workers
from communique.store.extracted import content_hash
from communique.store.workers import Extractor
from communique.store.writer import Writer

Reader = Callable[..., Iterable[RawPage | Rejected]]


@dataclass(slots=True)
class IngestSummary:
    read: int = 0
    stored: int = 0
    skipped: int = 0
    rejected: int = 0
    mentions: int = 0
    new_events: int = 0
    seconds: float = 0.0
    startup: float = 0.0  # of ``seconds``: loading the knowledge, starting the workers
    reasons: dict[str, int] = field(default_factory=dict)

    @property
    def pages_per_second(self) -> float:
        return self.read / self.seconds if self.seconds else 0.0

    @property
    def steady_pages_per_second(self) -> float:
        """The rate once started: what an archive of any size is read at."""
        running = self.seconds - self.startup
        return self.read / running if running > 0 else 0.0

    def lines(self) -> list[str]:
        out = [
            f"read {self.read:,} inputs in {self.seconds:.1f} s "
            f"({self.pages_per_second:,.1f} pages/s; {self.steady_pages_per_second:,.1f} "
            f"after {self.startup:.1f} s of start-up)",
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


def _default_reader() -> Reader:
    from communique.sources import iter_pages

    return iter_pages


def _default_extractor() -> Extractor:
    from communique.pipeline import extract_raw

    return extract_raw


def _runner(store: Store, writer: Writer, extract: Extractor, jobs: int, dask: Any,
            workers_write: bool | None) -> Any:
    engine = store.engine
    if dask is not None:
        return workers.DaskCluster(engine, writer, extract, dask)
    if jobs <= 0:
        return workers.Inline(engine, writer, extract)
    if workers_write is None:  # a writer of its own only where it has a core of its own
        workers_write = jobs >= workers.cores()
    if workers_write:
        return workers.WritingPool(engine, writer, extract, store.dialect, jobs)
    return workers.ExtractingPool(engine, writer, extract, jobs)


def _warm_up_text() -> str:
    from importlib import resources

    pages = sorted(resources.files("communique.samples").iterdir(), key=lambda f: f.name)
    return next(f for f in pages if f.name.endswith(".txt")).read_text("utf-8")


@contextlib.contextmanager
def _still_knowledge(extract: Extractor | None) -> Iterator[None]:
    """Load the knowledge (one extraction of a bundled page, which reaches every part of it,
    the name tagger included), then keep it, and everything else alive now, out of the
    collector's reach for the run: the run allocates millions of short-lived rows, and every
    full collection would walk the knowledge's objects again. Loaded here, before the workers
    are forked, it is loaded once and its pages are shared."""
    if extract is not None:
        with contextlib.suppress(Exception):
            extract(RawPage("warm-up", text=_warm_up_text()))
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
    workers_write: bool | None = None,
) -> IngestSummary:
    """Store every page under ``paths``; pages already stored are skipped, bad ones rejected.

    ``jobs``: extraction processes (0: extract here, between writes; one process already takes
    the extraction off the writer's core). ``workers_write``: whether those processes write
    their batches themselves (see ``workers``); by default they do when ``jobs`` takes every
    core, so that this process, which would write, does not compete with them.
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
        return len(batch), len(pages) - len(todo), rejected, runner.batch(todo, rejected)

    def account(prepared) -> None:
        n, pre_skipped, rejected, stored = prepared
        counts, errors = stored()
        summary.read += n
        summary.stored += counts.stored
        summary.skipped += counts.skipped + pre_skipped
        summary.rejected += counts.rejected
        summary.mentions += counts.mentions
        summary.new_events += counts.new_events
        for reason in [r.reason for r in rejected] + errors:
            summary.reasons[reason] = summary.reasons.get(reason, 0) + 1
        elapsed = time.perf_counter() - started
        bar.update(task, advance=n, rate=summary.read / elapsed if elapsed else 0.0,
                   events=summary.new_events, rejected=summary.rejected)

    with _still_knowledge(None if dask is not None else extract):
        runner = _runner(store, writer, extract, jobs, dask, workers_write)
        summary.startup = time.perf_counter() - started
        ahead = 0 if isinstance(runner, workers.Inline) else 2
        try:
            with bar:
                pending: deque[Any] = deque()
                for batch in _batches(read(list(paths), published=published), batch_size):
                    pending.append(prepare(batch))
                    if len(pending) > ahead:
                        account(pending.popleft())
                while pending:
                    account(pending.popleft())
        finally:
            runner.close()
    summary.seconds = time.perf_counter() - started
    return summary
