"""A short-lived cache of what is costly to recompute and asked again and again, one per app
(``app.state.cache``): the events list's capped counts and the dyad summaries.

Counting the matching events (up to ``data.COUNT_CAP``) costs as much as reading the page of
them, or more, and paging through a list asks the same count again and again; a frequent dyad
aggregates tens of thousands of index rows, and an analyst's dashboard asks it over and over.
The cache keeps each value for ``seconds`` (60 by default), at most ``size`` of them (the least
recently used go first), and is safe to share between the server's threads. ``clear()`` forgets
them all: the app calls it when ``POST /api/documents`` stored a page. Pages written by another
process (a concurrent ``communique ingest``) show after ``seconds`` at most.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

SECONDS = 60.0
SIZE = 512


class ShortCache:
    def __init__(self, seconds: float = SECONDS, size: int = SIZE,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self.size = size
        self._clock = clock
        self._items: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self._generation = 0

    @property
    def generation(self) -> int:
        """Changes at each ``clear()``: a value computed from before one is not kept (``put``)."""
        with self._lock:
            return self._generation

    def get(self, key: Hashable) -> Any:
        """The value kept for ``key``, if it is younger than ``seconds``."""
        with self._lock:
            got = self._items.get(key)
            if got is None:
                return None
            if self._clock() - got[0] > self.seconds:
                del self._items[key]
                return None
            self._items.move_to_end(key)
            return got[1]

    def put(self, key: Hashable, value: Any, generation: int) -> None:
        """Keep ``value``, unless the cache was cleared since ``generation`` was read."""
        with self._lock:
            if generation != self._generation:
                return
            self._items[key] = (self._clock(), value)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def remember(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The value kept for ``key``, else ``compute()``, kept."""
        got = self.get(key)
        if got is None:
            generation = self.generation
            got = compute()
            self.put(key, got, generation)
        return got

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._generation += 1

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)
