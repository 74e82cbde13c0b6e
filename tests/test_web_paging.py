"""Cursor paging of the events list (``web.paging``) on SQLite and PostgreSQL: pages read by
``after`` and ``before`` join up into the list read at once, whatever the filter's index, the
order and the undated events (NULL dates sort first on one database and last on the other)."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest
from conftest import CUB, RUS, RUS_GUEST, VNM, VNM_LEADER, fake_extract, fake_page, list_reader
from conftest import record as rec

from communique.store import queries
from communique.store.ingest import ingest
from communique.store.queries import EventFilter
from communique.web import data
from communique.web.paging import Cursor

pytest.importorskip("fastapi")

SIDES = [((RUS_GUEST,), (VNM_LEADER,)), ((VNM,), (CUB,)), ((VNM_LEADER,), (RUS,)),
         ((CUB,), (RUS,))]
EVENTS = ["CONSULT", "SUPPORT", "AGREE"]
DATES = ["2023-05-22", "2023-05-22", None, "2021-01-03", None, "2024", "2023-05", None]


@pytest.fixture
def filled(store):
    """Pages of events on several pairs, some on the same date, some undated."""
    combos = itertools.product(SIDES, EVENTS, DATES)
    pages = []
    for n, ((actor, recipient), event, date) in enumerate(combos):
        pages.append(fake_page(f"p{n:03d}", [rec(id="1", event=event, actor=actor,
                                                 recipient=recipient, date=date,
                                                 text=f"第{n}次。")]))
    ingest(store, ["x"], read=list_reader(pages), extract=fake_extract)
    return store


def _ids(page: dict) -> list[str]:
    return [e["id"] for e in page["items"]]


FILTERS = [EventFilter(), EventFilter(between=("VNM", "RUS")), EventFilter(country="VNM"),
           EventFilter(country="RUS", event="CONSULT"), EventFilter(event="SUPPORT")]


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("flt", FILTERS, ids=str)
def test_pages_by_cursor_join_up(filled, flt, descending):
    whole = data.list_events(filled, flt, limit=500, descending=descending)
    assert whole["next"] is None and whole["prev"] is None
    assert len(whole["items"]) >= 8
    assert any(e["date"] is None for e in whole["items"])
    assert any(e["date"] is not None for e in whole["items"])
    pages = [data.list_events(filled, flt, limit=3, descending=descending)]
    while pages[-1]["next"]:
        pages.append(data.list_events(filled, flt, limit=3, descending=descending,
                                      after=pages[-1]["next"]))
        assert pages[-1]["prev"]
    assert [i for p in pages for i in _ids(p)] == _ids(whole)
    assert pages[0]["prev"] is None
    # and back, page by page, from the last one
    back = [pages[-1]]
    while back[-1]["prev"]:
        back.append(data.list_events(filled, flt, limit=3, descending=descending,
                                     before=back[-1]["prev"]))
        assert back[-1]["next"]
    assert [_ids(p) for p in back] == [_ids(p) for p in reversed(pages)]


def test_an_offset_page_gives_cursors_too(filled):
    second = data.list_events(filled, EventFilter(), limit=4, offset=4)
    assert second["prev"] and second["next"]
    before = data.list_events(filled, EventFilter(), limit=4, before=second["prev"])
    assert _ids(before) == _ids(data.list_events(filled, EventFilter(), limit=4))
    after = data.list_events(filled, EventFilter(), limit=4, after=second["next"])
    assert _ids(after) == _ids(data.list_events(filled, EventFilter(), limit=4, offset=8))


def test_cursor_text_round_trips():
    for text in ("12", "12.2023-05-22", "7.--05-01", "3.2024"):
        assert str(Cursor.parse(text)) == text
    for bad in ("", "x", "12.", "12.2023/05", "-1", "1.2.3"):
        with pytest.raises(ValueError):
            Cursor.parse(bad)


@pytest.mark.parametrize("flt", [EventFilter(country="VNM", event="CONSULT"),
                                 EventFilter(country="CUB", event="AGREE", since="2023"),
                                 EventFilter(country="RUS", event="SUPPORT")], ids=str)
def test_a_countrys_events_of_a_type_are_its_events_with_that_type(filled, flt):
    """Read off the (country, type, date) index on SQLite, and by the IN list on PostgreSQL,
    a country and a type give the country's events of that type, once each, in date order;
    paged by cursor they come out the same."""
    both = queries.events(filled, flt)
    country = queries.events(filled, replace(flt, event=None))
    assert len(both) > 0
    assert both["id"].tolist() == country[country["event"] == flt.event]["id"].tolist()
    pages, after = [], None
    while True:
        page = data.list_events(filled, flt, limit=2, after=after)
        pages += [e["id"] for e in page["items"]]
        if not (after := page["next"]):
            break
    assert pages == both["id"].tolist()


class _Clock:
    """Every reading of the clock 4 ms after the last; the wall clock's deadlines stay real."""

    def __init__(self) -> None:
        self.now = 0.0

    def tick(self) -> float:
        self.now += 0.004
        return self.now

    thread_time = perf_counter = tick

    @staticmethod
    def monotonic() -> float:
        import time

        return time.monotonic()


def test_a_count_stops_where_counting_on_would_cost_too_much(filled, monkeypatch):
    """On both backends (CPU on SQLite, the wall clock on PostgreSQL): a first step that cost
    more than COUNT_SECONDS scaled down leaves the count at "COUNT_FIRST+"."""
    monkeypatch.setattr(data, "time", _Clock())
    monkeypatch.setattr(data, "COUNT_FIRST", 3)
    monkeypatch.setattr(data, "COUNT_CAP", 1000)
    page = data.list_events(filled, EventFilter(), limit=2)
    assert (page["total"], page["total_capped"]) == (3, True)
    monkeypatch.setattr(data, "COUNT_SECONDS", 60.0)
    page = data.list_events(filled, EventFilter(), limit=2)
    assert (page["total"], page["total_capped"]) == (len(queries.events(filled)), False)
