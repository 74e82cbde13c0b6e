"""The dyad of two countries for the web, from SQL aggregates shaped in plain Python.

The same answer as ``communique.store.queries.dyad`` (the CLI's DataFrame: events by type,
mean score = score total over events, the headline event of each period), without pandas in
the request path: the store's ``dyad_cells`` shaped by ``graph.chart``.
"""

from __future__ import annotations

from typing import Any

from communique.store import Store
from communique.store.queries import dyad_cells
from communique.web.data import budget
from communique.web.graph import chart


def _round2(value: float) -> float:
    """To 2 places as pandas (numpy) rounds, ``rint(value * 100) / 100``, so the figures
    equal the CLI's: 2.575 gives 2.58 where ``round(2.575, 2)`` gives 2.57."""
    return round(value * 100) / 100


def country_dyad(store: Store, a: str, b: str, *, by: str = "month", since: str | None = None,
                 until: str | None = None) -> dict[str, Any]:
    """Two countries period by period: events by type, their mean score (score total over
    events, rounded to 2 places) and the headline event of each period."""
    with budget(), store.engine.connect() as conn:
        cells, heads = dyad_cells(conn, a, b, by=by, since=since, until=until)
    # every event counts in the mean (an unscored one as 0), as in ``queries.dyad``
    table = chart(by, ((period, kind, n, total, n) for period, kind, n, total in cells),
                  rounding=_round2)
    return {
        "a": min(a.upper(), b.upper()), "b": max(a.upper(), b.upper()), "kind": "countries",
        **table,
        "headlines": [{"period": p, "text": heads.get(p, "")} for p in table["periods"]],
    }
