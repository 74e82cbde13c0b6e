"""The JSON API of ``communique serve`` over a store filled from the bundled sample pages."""

from __future__ import annotations

import itertools
import json
import warnings
from pathlib import Path

import pytest
from sqlalchemy import event, select, text

pytest.importorskip("fastapi")
with warnings.catch_warnings():  # starlette prefers httpx2 and says so on import
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from communique.store import open_store  # noqa: E402
from communique.web import create_app, data, graph  # noqa: E402
from communique.web.cache import ShortCache  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

DOC = "000_9fddb8e8c64c1899"
PAGE = (Path(__file__).parents[1] / "src/communique/samples" / f"{DOC}.txt").read_text("utf-8")
TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def client(web_client):
    return web_client


@pytest.fixture
def writer(tmp_path):
    """A read-write server over an empty store, with a small body limit."""
    with TestClient(create_app(str(tmp_path / "w.db"), token=TOKEN, max_body=50_000)) as c:
        yield c


AUTH = {"Authorization": f"Bearer {TOKEN}"}


# --- reading ----------------------------------------------------------------------------------


def test_events_list_is_paginated_and_sorted(client):
    body = client.get("/api/events", params={"limit": 500}).json()
    assert body["total"] == len(body["items"]) > 20
    assert not body["total_capped"]
    dated = [e["date"] for e in body["items"] if e["date"]]
    assert dated == sorted(dated)
    first = client.get("/api/events", params={"limit": 5}).json()["items"]
    second = client.get("/api/events", params={"limit": 5, "offset": 5}).json()["items"]
    assert [e["id"] for e in first + second] == [e["id"] for e in body["items"][:10]]
    desc = client.get("/api/events", params={"limit": 3, "order": "desc"}).json()["items"]
    assert desc[0]["date"] == max(dated)


def test_events_filters(client):
    vr = client.get("/api/events", params={"between": "VNM,RUS"}).json()
    assert vr["total"] > 0
    for e in vr["items"]:
        sides = set(e["actor_countries"]) | set(e["recipient_countries"])
        assert {"VNM", "RUS"} <= sides
    assert client.get("/api/events", params={"between": "rus,vnm"}).json()["total"] == vr["total"]
    phone = client.get("/api/events", params={"mode": "phone"}).json()["items"]
    assert phone and {e["mode"] for e in phone} == {"phone"}
    consult = client.get("/api/events", params={"event": "consult", "country": "CHN"}).json()
    assert consult["items"] and {e["event"] for e in consult["items"]} == {"CONSULT"}
    who = client.get("/api/events", params={"actor": "阮富仲"}).json()["items"]
    assert who and all("阮富仲" in e["actor_names"] + e["recipient_names"] for e in who)
    dated = client.get("/api/events", params={"date_from": "2023-05", "date_to": "2023-05"})
    assert {e["date"][:7] for e in dated.json()["items"]} == {"2023-05"}
    said = client.get("/api/events", params={"q": "梅德韦杰夫"}).json()["items"]
    assert said


def test_filters_reach_sql_as_parameters(client, sample_db):
    for evil in ("' OR 1=1 --", "阮富仲'; DROP TABLE events; --", "%", "_"):
        r = client.get("/api/events", params={"actor": evil, "q": evil})
        assert r.status_code == 200
        assert r.json()["items"] == []
    with open_store(sample_db) as store:
        assert store.counts()["events"] > 0


def test_event_detail(client):
    item = client.get("/api/events", params={"between": "VNM,RUS", "limit": 1}).json()["items"][0]
    got = client.get(f"/api/events/{item['id']}").json()
    assert got["id"] == item["id"]
    assert got["record"]["event"] == item["event"]
    assert got["mentions"] and all(len(m["span"]) == 2 for m in got["mentions"])
    assert client.get("/api/events/ev_nope").status_code == 404


def test_event_detail_shows_the_first_reports_and_how_many_there_are(client):
    items = client.get("/api/events", params={"limit": 200}).json()["items"]
    busy = max(items, key=lambda e: e["n_mentions"])
    assert busy["n_mentions"] >= 2
    whole = client.get(f"/api/events/{busy['id']}").json()
    assert len(whole["mentions"]) == whole["n_mentions"] == busy["n_mentions"]
    first = client.get(f"/api/events/{busy['id']}", params={"mentions": 1}).json()
    assert first["mentions"] == whole["mentions"][:1] and first["n_mentions"] == busy["n_mentions"]
    assert client.get(f"/api/events/{busy['id']}", params={"mentions": 10**6}).status_code == 422


def test_dyad_vnm_rus(client):
    d = client.get("/api/dyad/VNM/RUS").json()
    assert (d["a"], d["b"], d["by"]) == ("RUS", "VNM", "month")
    assert d["periods"] and sum(d["events"]) > 0
    for t in d["types"]:
        assert len(d["counts"][t]) == len(d["periods"])
    assert [sum(c[i] for c in d["counts"].values()) for i in range(len(d["periods"]))] == d[
        "events"]
    assert all(h["text"] for h in d["headlines"])
    years = client.get("/api/dyad/rus/vnm", params={"by": "year"}).json()
    assert sum(years["events"]) == sum(d["events"])
    assert all(len(p) == 4 for p in years["periods"])


def test_country_dyad_equals_the_stores_frame(client):
    """The web's dyad, SQL aggregates shaped in plain Python, is ``queries.dyad``'s DataFrame
    (what the CLI prints) period by period: counts by type, events, mean score, headline."""
    from communique.store import queries

    store = client.app.state.store
    with store.engine.connect() as conn:
        pairs = conn.execute(select(queries.EP.c.a, queries.EP.c.b).distinct()).all()
    assert len(pairs) > 3
    fixed = {"period", "events", "mean_score", "headline"}
    for (a, b), by, since in itertools.product(pairs, ("month", "year"), (None, "2021-07")):
        params = {"by": by, "date_from": since} if since else {"by": by}
        web = client.get(f"/api/dyad/{b}/{a.lower()}", params=params).json()
        df = queries.dyad(store, a, b, by=by, since=since)
        rows = data.frame_records(df)
        assert (web["a"], web["b"], web["kind"], web["by"]) == (a, b, "countries", by)
        assert web["periods"] == [r["period"] for r in rows]
        assert web["types"] == sorted(c for c in df.columns if c not in fixed)
        for i, r in enumerate(rows):
            assert web["events"][i] == r["events"]
            assert {t: web["counts"][t][i] for t in web["types"]} == {
                t: r[t] for t in web["types"]}
            assert web["mean_score"][i] == r["mean_score"]
            head = web["headlines"][i]
            assert head["period"] == r["period"]
            assert head["text"] and head["text"] == r["headline"], (a, b, by, r["period"])
    assert client.get("/api/dyad/VNM/RUS", params={"date_from": "2031"}).json()["periods"] == []


def test_events_count_is_cached_until_a_post(writer):
    """Two pages of one filter count the matches once; a stored POST makes the next fresh."""
    counted: list[str] = []

    def listen(_conn, _cursor, statement, *_args) -> None:  # noqa: ANN001
        if statement.lstrip().lower().startswith("select count(*)"):
            counted.append(statement)

    engine = writer.app.state.store.engine
    event.listen(engine, "before_cursor_execute", listen)
    try:
        vr = {"between": "VNM,RUS"}
        assert writer.get("/api/events", params=vr).json()["total"] == 0
        assert writer.get("/api/events", params={**vr, "limit": 5, "offset": 5,
                                                 "sort": "score"}).json()["total"] == 0
        assert writer.get("/", params=vr).status_code == 200  # the page shares the cache
        assert len(counted) == 1
        assert writer.get("/api/events", params={"country": "VNM"}).json()["total"] == 0
        assert len(counted) == 2  # another filter, another count
        r = writer.post("/api/documents", json={"id": "mine", "text": PAGE}, headers=AUTH)
        assert r.status_code == 201 and r.json()["stored"] == 1
        counted.clear()
        fresh = writer.get("/api/events", params=vr).json()
        assert fresh["total"] == len(fresh["items"]) > 0 and len(counted) == 1
        assert writer.get("/api/events", params=vr).json()["total"] == fresh["total"]
        assert len(counted) == 1
    finally:
        event.remove(engine, "before_cursor_execute", listen)


def test_a_dyad_is_read_once_until_a_post(writer):
    """The page and the API share one dyad read; a stored POST makes the next one fresh."""
    reads: list[str] = []

    def listen(_conn, _cursor, statement, *_args) -> None:  # noqa: ANN001
        if "event_pairs" in statement:
            reads.append(statement)

    engine = writer.app.state.store.engine
    event.listen(engine, "before_cursor_execute", listen)
    try:
        empty = writer.get("/api/dyad/VNM/RUS").json()
        assert empty["periods"] == [] and reads
        n = len(reads)
        assert writer.get("/api/dyad/VNM/RUS").json() == empty
        assert writer.get("/dyad/VNM/RUS").status_code == 200
        assert len(reads) == n
        r = writer.post("/api/documents", json={"id": "mine", "text": PAGE}, headers=AUTH)
        assert r.status_code == 201 and r.json()["stored"] == 1
        fresh = writer.get("/api/dyad/VNM/RUS").json()
        assert len(reads) > n and sum(fresh["events"]) > 0
    finally:
        event.remove(engine, "before_cursor_execute", listen)


def test_count_cache_expires_and_stays_bounded():
    now = [0.0]
    cache = ShortCache(seconds=60, size=2, clock=lambda: now[0])
    gen = cache.generation
    cache.put("a", 1, gen)
    cache.put("b", 2, gen)
    assert cache.get("a") == 1  # "b" is now the least recently used
    cache.put("c", 3, gen)
    assert (cache.get("b"), cache.get("a"), cache.get("c"), len(cache)) == (None, 1, 3, 2)
    now[0] = 61.0
    assert cache.get("a") is None
    cache.clear()
    cache.put("d", 4, gen)  # counted before the clear: not kept
    assert cache.get("d") is None
    cache.put("d", 4, cache.generation)
    assert cache.get("d") == 4


def test_actors(client):
    items = client.get("/api/actors", params={"limit": 10}).json()["items"]
    assert items and items[0]["events"] >= items[-1]["events"]
    top = {a["id"]: a for a in items}
    assert top["person:阮富仲"]["latin"] == "Nguyễn Phú Trọng"
    vnm = client.get("/api/actors", params={"country": "VNM"}).json()["items"]
    assert vnm and {a["country"] for a in vnm} == {"VNM"}


def test_events_sort_by_each_column(client):
    everything = client.get("/api/events", params={"limit": 500}).json()["items"]
    scores = [e["score"] for e in client.get(
        "/api/events", params={"sort": "score", "order": "desc", "limit": 500}).json()["items"]]
    known = [x for x in scores if x is not None]
    assert known == sorted(known, reverse=True) and known[0] > known[-1]
    assert scores[:len(known)] == known  # blanks last
    up = client.get("/api/events", params={"sort": "score", "limit": 500}).json()["items"]
    assert [e["score"] for e in up if e["score"] is not None] == sorted(known)
    for col, key in (("event", "event"), ("actor", "actor_names"),
                     ("recipient", "recipient_names")):
        got = client.get("/api/events", params={"sort": col, "limit": 500}).json()
        assert got["sort"] == col and len(got["items"]) == len(everything)
        values = ["; ".join(v) if isinstance(v, list) else v for v in
                  (e[key] for e in got["items"])]
        assert values == sorted(values)
        back = client.get("/api/events", params={"sort": col, "order": "desc",
                                                 "limit": 500}).json()["items"]
        assert [e["id"] for e in back] != [e["id"] for e in got["items"]]
    # pages of a sorted list join up, and a filter still holds
    first = client.get("/api/events", params={"sort": "score", "limit": 4}).json()["items"]
    second = client.get("/api/events", params={"sort": "score", "limit": 4,
                                               "offset": 4}).json()["items"]
    assert [e["id"] for e in first + second] == [e["id"] for e in up[:8]]
    vr = client.get("/api/events", params={"between": "VNM,RUS", "sort": "event"}).json()
    assert vr["items"] and all({"VNM", "RUS"} <= set(e["actor_countries"])
                               | set(e["recipient_countries"]) for e in vr["items"])


@pytest.mark.parametrize("sort", ["text", "date;drop table events", "score desc", "seq", ""])
def test_sort_is_whitelisted(client, sort):
    assert client.get("/api/events", params={"sort": sort}).status_code == 422


def test_events_name_their_entities(client):
    items = client.get("/api/events", params={"actor": "阮富仲", "limit": 500}).json()["items"]
    assert items
    for e in items:
        ids = [x["id"] for x in e["actor_entities"] + e["recipient_entities"]]
        assert "person:阮富仲" in ids
        assert [x["label"] for x in e["actor_entities"]] == [
            n for n in e["actor_names"] if n in {x["label"] for x in e["actor_entities"]}]
    nguyen = next(x for e in items for x in e["actor_entities"] + e["recipient_entities"]
                  if x["id"] == "person:阮富仲")
    assert nguyen["latin"] == "Nguyễn Phú Trọng" and nguyen["country"] == "VNM"


def test_network_of_countries(client):
    net = client.get("/api/network").json()
    edges = {(e["source"], e["target"]): e for e in net["edges"]}
    vr = edges[("RUS", "VNM")]
    dyad = client.get("/api/dyad/VNM/RUS").json()
    assert vr["count"] == sum(dyad["events"]) >= 1
    scores = [e["score"] for e in client.get(
        "/api/events", params={"between": "VNM,RUS", "limit": 500}).json()["items"]]
    assert vr["mean_score"] == round(sum(scores) / len(scores), 2)
    counts = [e["count"] for e in net["edges"]]
    assert counts == sorted(counts, reverse=True)
    nodes = {n["id"]: n for n in net["nodes"]}
    assert nodes["VNM"]["label"] == "越南" and nodes["RUS"]["label"] == "俄罗斯"
    assert {end for e in net["edges"] for end in (e["source"], e["target"])} == set(nodes)
    assert nodes["RUS"]["weight"] == sum(e["count"] for e in net["edges"]
                                         if "RUS" in (e["source"], e["target"]))
    assert not net["truncated"]


def test_network_filters_and_limit(client):
    consult = client.get("/api/network", params={"event": "consult"}).json()
    vr = next(e for e in consult["edges"] if (e["source"], e["target"]) == ("RUS", "VNM"))
    assert vr["count"] == client.get("/api/events", params={
        "between": "VNM,RUS", "event": "CONSULT"}).json()["total"]
    may = client.get("/api/network", params={"date_from": "2023-05", "date_to": "2023-05"}).json()
    assert may["edges"] and all(e["source"] in ("RUS", "VNM") for e in may["edges"])
    assert sum(e["count"] for e in may["edges"]) == client.get("/api/events", params={
        "between": "VNM,RUS", "date_from": "2023-05", "date_to": "2023-05"}).json()["total"]
    assert client.get("/api/network", params={"date_from": "2030"}).json()["edges"] == []
    one = client.get("/api/network", params={"limit": 1}).json()
    assert len(one["edges"]) == 1 and len(one["nodes"]) == 2 and one["truncated"]
    assert (one["edges"][0]["source"], one["edges"][0]["target"]) == ("RUS", "VNM")


def test_network_of_actors(client):
    net = client.get("/api/network", params={"nodes": "actors", "limit": 500}).json()
    assert net["nodes_by"] == "actors"
    nodes = {n["id"]: n for n in net["nodes"]}
    assert {n["kind"] for n in net["nodes"]} <= {"person", "org", "igo"}
    assert nodes["person:阮富仲"]["latin"] == "Nguyễn Phú Trọng"
    pair = next(e for e in net["edges"] if {e["source"], e["target"]}
                == {"person:阮富仲", "person:德米特里·梅德韦杰夫"})
    dyad = client.get("/api/dyad/person:阮富仲/person:德米特里·梅德韦杰夫").json()
    assert pair["count"] == sum(dyad["events"]) == 3
    assert all(e["source"] < e["target"] for e in net["edges"])


@pytest.mark.parametrize("params", [
    {"limit": 0}, {"limit": graph.MAX_EDGES + 1}, {"nodes": "people"}, {"event": "CON SULT"},
    {"date_from": "May"}, {"date_to": "2023-5"},
])
def test_bad_network_queries_are_422(client, params):
    assert client.get("/api/network", params=params).status_code == 422


def test_actor_roles_counterparts_events(client):
    got = client.get("/api/actors/person:德米特里·梅德韦杰夫").json()
    assert (got["label"], got["latin"], got["country"]) == (
        "德米特里·梅德韦杰夫", "Dmitry Medvedev", "RUS")
    roles = {(r["role"], r["org"]): r for r in got["roles"]}
    assert roles[("副主席", "俄罗斯联邦安全会议")]["first"] == "2023-05-22"
    assert roles[("主席", "统一俄罗斯党")]["doc_id"] == DOC
    assert "梅德韦杰夫" in roles[("副主席", "俄罗斯联邦安全会议")]["as_written"]
    peers = {c["id"]: c for c in got["counterparts"]}
    assert peers["person:阮富仲"]["n"] == 3 and peers["person:阮富仲"]["latin"]
    events = got["events"]
    assert events["total"] == len(events["items"]) == got["n_events"] == 3
    for e in events["items"]:
        assert e["as"] and e["as"][0]["side"] in ("actor", "recipient")
        assert "person:德米特里·梅德韦杰夫" in [x["id"] for x in e["actor_entities"]
                                               + e["recipient_entities"]]
    assert sum(got["timeline"]["events"]) == events["total"]
    assert got["timeline"]["periods"] == ["2023-05"]


def test_actor_roles_over_time_and_paging(client):
    got = client.get("/api/actors/person:阮富仲", params={"limit": 3}).json()
    role = next(r for r in got["roles"] if r["role"] == "总书记")
    assert (role["first"], role["last"]) == ("2021-07-27", "2023-05-22")
    items = got["events"]["items"]
    assert len(items) == 3 and got["events"]["total"] == 8
    more = client.get("/api/actors/person:阮富仲", params={"limit": 3, "offset": 3}).json()
    dates = [e["date"] for e in items + more["events"]["items"]]
    assert dates == sorted(dates)
    assert not {e["id"] for e in items} & {e["id"] for e in more["events"]["items"]}
    # the cursors lead through the same events, and back
    whole = [e["id"] for e in client.get("/api/actors/person:阮富仲").json()["events"]["items"]]
    pages = [got["events"]]
    while pages[-1]["next"]:
        pages.append(client.get("/api/actors/person:阮富仲", params={
            "limit": 3, "after": pages[-1]["next"]}).json()["events"])
    assert [e["id"] for p in pages for e in p["items"]] == whole and len(pages) == 3
    back = client.get("/api/actors/person:阮富仲",
                      params={"limit": 3, "before": pages[2]["prev"]}).json()["events"]
    assert back["items"] == pages[1]["items"]
    deep = client.get("/api/actors/person:阮富仲", params={"offset": data.DATE_OFFSET + 1})
    assert deep.status_code == 400 and "after=" in deep.json()["detail"]
    assert client.get("/api/actors/person:阮富仲", params={
        "after": pages[0]["next"], "offset": 3}).status_code == 422
    one = client.get("/api/actors/person:阮富仲", params={"counterparts": 1}).json()
    assert len(one["counterparts"]) == 1
    assert one["counterparts"][0]["n"] == max(c["n"] for c in got["counterparts"])


def test_actor_unknown_or_malformed(client):
    assert client.get("/api/actors/person:无名氏").status_code == 404
    assert client.get("/api/actors/person:' OR '1'='1").status_code == 404
    for bad in ("/api/actors/nocolon", "/api/actors/person:阮富仲?limit=0",
                "/api/actors/person:阮富仲?limit=501", "/api/actors/person:阮富仲?offset=-1",
                "/api/actors/person:阮富仲?counterparts=101", "/api/actors/x:" + "y" * 200):
        assert client.get(bad).status_code == 422, bad


def test_dyad_of_two_actors(client):
    a, b = "person:阮富仲", "person:德米特里·梅德韦杰夫"
    d = client.get(f"/api/dyad/{a}/{b}").json()
    assert d["kind"] == "actors" and [s["id"] for s in d["sides"]] == [a, b]
    assert sum(d["events"]) == d["total"] == len(d["items"]) == 3
    assert [sum(c[i] for c in d["counts"].values()) for i in range(len(d["periods"]))] == d[
        "events"]
    for e in d["items"]:
        assert {"阮富仲", "德米特里·梅德韦杰夫"} <= set(e["actor_names"] + e["recipient_names"])
    assert d["headlines"][0]["doc_id"] == DOC
    back = client.get(f"/api/dyad/{b}/{a}", params={"by": "year"}).json()
    assert back["periods"] == ["2023"] and sum(back["events"]) == 3
    with_russia = client.get(f"/api/dyad/{a}/rus").json()
    assert with_russia["sides"][1]["label"] == "俄罗斯"
    assert sum(with_russia["events"]) > sum(d["events"])
    assert client.get(f"/api/dyad/{a}/RUSSIA").status_code == 422
    assert client.get("/api/dyad/person:无名氏/RUS").json()["periods"] == []


def test_document_spans_index_the_text(client):
    d = client.get(f"/api/documents/{DOC}").json()
    assert d["doc_id"] == DOC
    assert "阮富仲" in d["text"]
    assert d["recomputed"]
    assert d["events"]
    for ev in d["events"]:
        a, b = ev["span"]
        assert d["text"][a:b] == ev["text"]
        if ev["trigger"]:
            assert a <= ev["trigger"][0] < ev["trigger"][1] <= b
    for e in d["entities"]:
        assert d["text"][e["span"][0]:e["span"][1]] == e["text"]
    assert {x["kind"] for x in d["dropped"]} >= {"caption"}
    assert d["teasers"] and all(t["doc_id"].startswith(DOC + "#") for t in d["teasers"])
    for t in d["teasers"]:
        for ev in t["events"]:
            assert t["text"][ev["span"][0]:ev["span"][1]] == ev["text"]
    assert client.get("/api/documents/nope").status_code == 404


def test_openapi_schema(client):
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for p in ("/api/events", "/api/events/{event_id}", "/api/dyad/{a}/{b}", "/api/actors",
              "/api/documents/{doc_id}", "/api/documents", "/api/network",
              "/api/actors/{actor_id}"):
        assert p in paths
    assert "post" in paths["/api/documents"]
    assert "/" not in paths  # pages are not API


@pytest.mark.parametrize("params", [
    {"limit": 501}, {"limit": 0}, {"offset": -1}, {"offset": data.MAX_OFFSET + 1},
    {"between": "VNM"}, {"between": "VNM,RUSSIA"}, {"country": "VN"}, {"date_from": "May"},
    {"order": "sideways"}, {"q": "x" * 101},
])
def test_bad_queries_are_422(client, params):
    assert client.get("/api/events", params=params).status_code == 422


@pytest.mark.parametrize("params", [
    {"after": "x"}, {"after": "12.2023/05"}, {"before": "-3"},
    {"after": "5", "before": "9"},  # one way at a time
    {"after": "5", "offset": 10},  # a cursor or an offset
    {"after": "5", "sort": "score"},  # cursors follow date order
])
def test_bad_cursors_are_422(client, params):
    r = client.get("/api/events", params=params)
    assert r.status_code == 422, r.text


def test_events_pages_by_cursor(client):
    """``next`` and ``prev`` lead to the pages after and before, in either order; the last
    page has no ``next``, the first no ``prev``."""
    for order in ("asc", "desc"):
        whole = client.get("/api/events", params={"order": order, "limit": 500}).json()
        assert whole["next"] is None and whole["prev"] is None
        ids = [e["id"] for e in whole["items"]]
        assert len(ids) > 10
        pages, params = [], {"order": order, "limit": 4}
        while True:
            page = client.get("/api/events", params=params).json()
            pages.append(page)
            if not page["next"]:
                break
            params = {"order": order, "limit": 4, "after": page["next"]}
        assert [e["id"] for p in pages for e in p["items"]] == ids
        back = client.get("/api/events", params={"order": order, "limit": 4,
                                                  "before": pages[2]["prev"]}).json()
        assert back["items"] == pages[1]["items"] and back["next"] == pages[1]["next"]


def test_deep_offsets_in_date_order_are_400(client):
    ok = client.get("/api/events", params={"offset": data.DATE_OFFSET})
    assert ok.status_code == 200
    r = client.get("/api/events", params={"offset": data.DATE_OFFSET + 1})
    assert r.status_code == 400
    assert "after=" in r.json()["detail"]
    # sorted by another column, offsets go as deep as the list (at most COUNT_CAP events)
    assert client.get("/api/events", params={"offset": data.DATE_OFFSET + 1,
                                             "sort": "score"}).status_code == 200


def test_sorting_too_many_events_is_400(monkeypatch, tmp_path, sample_store):
    """Another sort than the date reads and sorts every match: at most COUNT_CAP of them; the
    message says how to narrow. Date order (read off an index) has no such limit."""
    narrow = {"between": "VNM,RUS", "event": "CONSULT"}
    with TestClient(create_app(str(sample_store))) as c:
        few = c.get("/api/events", params=narrow).json()["total"]
        assert 0 < few < c.get("/api/events").json()["total"]
    monkeypatch.setattr(data, "COUNT_CAP", few)
    with TestClient(create_app(str(sample_store))) as c:
        r = c.get("/api/events", params={"sort": "score"})
        assert r.status_code == 400
        assert "narrow" in r.json()["detail"] and "date range" in r.json()["detail"]
        assert c.get("/api/events").json()["total_capped"] is True
        assert c.get("/api/events", params=narrow).json()["total_capped"] is False
        assert c.get("/api/events", params={**narrow, "sort": "score"}).status_code == 200


def test_a_count_past_its_time_is_a_lower_bound(monkeypatch, sample_store):
    """On SQLite a count that runs out of ``COUNT_SECONDS`` says what it has: at least the
    events up to this page (``total_capped``), and a sort by another column is refused."""
    monkeypatch.setattr(data, "COUNT_SECONDS", 0.0)
    monkeypatch.setattr(data, "PROGRESS_STEPS", 1)  # the sample store counts in a moment
    with TestClient(create_app(str(sample_store))) as c:
        page = c.get("/api/events", params={"limit": 3, "offset": 3}).json()
        assert page["total_capped"] is True and page["total"] == 7  # 3 + 3, and more
        assert len(page["items"]) == 3
        assert c.get("/api/events", params={"sort": "mode"}).status_code == 400


def test_openapi_documents_paging_and_limits(client):
    op = client.get("/openapi.json").json()["paths"]["/api/events"]["get"]
    names = {p["name"] for p in op["parameters"]}
    assert {"after", "before", "offset", "limit", "sort"} <= names
    assert {"400", "503"} <= set(op["responses"])
    assert "narrow" in op["responses"]["400"]["description"]
    assert "after=" in op["description"]


def test_bad_dyad_is_422(client):
    assert client.get("/api/dyad/VNM/RUSSIA").status_code == 422
    assert client.get("/api/dyad/VNM/RUS", params={"by": "week"}).status_code == 422


def test_query_budget_stops_long_reads(client):
    store = client.app.state.store
    slow = text("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
                "WHERE x < 50000000) SELECT count(*) FROM c")
    with pytest.raises(data.TooCostly), data.budget(0.05), store.engine.connect() as conn:
        conn.execute(slow).scalar()
    with store.engine.connect() as conn:  # outside a budget, nothing is armed
        assert conn.execute(text("SELECT 1")).scalar() == 1


# --- writing ----------------------------------------------------------------------------------

def test_post_is_forbidden_on_a_read_only_server(client):
    r = client.post("/api/documents", json={"id": "x", "text": PAGE}, headers=AUTH)
    assert r.status_code == 403
    assert "read-only" in r.json()["detail"]


def test_post_needs_the_right_token(writer):
    body = {"id": "x", "text": PAGE}
    r = writer.post("/api/documents", json=body)
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == "Bearer"
    r = writer.post("/api/documents", json=body, headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 401
    r = writer.post("/api/documents", json=body, headers={"Authorization": TOKEN})
    assert r.status_code == 401


def test_post_body_limits_and_types(writer):
    big = {"id": "big", "text": "越南" * 30_000}
    assert writer.post("/api/documents", json=big, headers=AUTH).status_code == 413

    def chunks():  # no Content-Length: the limit holds while reading
        for _ in range(100):
            yield b"x" * 1000

    r = writer.post("/api/documents", content=chunks(),
                    headers={**AUTH, "Content-Type": "application/json"})
    assert r.status_code == 413
    r = writer.post("/api/documents", content=PAGE.encode(),
                    headers={**AUTH, "Content-Type": "text/plain"})
    assert r.status_code == 415
    r = writer.post("/api/documents", data={"id": "x", "text": PAGE}, headers=AUTH)
    assert r.status_code == 415
    r = writer.post("/api/documents", content=b'{"id": "x", "text": ',
                    headers={**AUTH, "Content-Type": "application/json"})
    assert r.status_code == 422
    assert "malformed JSON" in r.json()["detail"]
    for bad in ([1, 2], {"id": "x"}, {"id": "x", "text": "a", "html": "<p>a</p>"},
                {"id": "a/b", "text": PAGE}, {"id": "x", "text": PAGE, "url": "javascript:1"},
                {"id": "x", "text": PAGE, "published": "yesterday"}):
        r = writer.post("/api/documents", content=json.dumps(bad).encode(),
                        headers={**AUTH, "Content-Type": "application/json"})
        assert r.status_code == 422, bad


def test_post_extracts_and_stores(writer):
    r = writer.post("/api/documents", json={"id": "mine", "text": PAGE,
                                            "url": "https://example.org/a",
                                            "published": "2023-05-23"}, headers=AUTH)
    assert r.status_code == 201, r.text
    got = r.json()
    assert got["stored"] == 1 and got["new_events"] > 0
    assert got["document"] == "/api/documents/mine"
    d = writer.get("/api/documents/mine").json()
    assert "阮富仲" in d["text"] and d["events"]
    assert d["url"] == "https://example.org/a"
    assert writer.get("/api/events", params={"between": "VNM,RUS"}).json()["total"] > 0
    again = writer.post("/api/documents", json={"id": "mine", "text": PAGE}, headers=AUTH)
    assert again.status_code == 200 and again.json()["skipped"] == 1


def test_post_of_a_page_without_text_is_422(writer):
    r = writer.post("/api/documents", json={"id": "empty", "html": "<html><body></body></html>"},
                    headers=AUTH)
    assert r.status_code == 422


def test_serve_command_registers():
    import typer
    from typer.testing import CliRunner

    from communique.web.commands import register

    app = typer.Typer()

    @app.callback()
    def main() -> None:
        pass

    register(app)
    r = CliRunner().invoke(app, ["serve", "--help"])
    assert r.exit_code == 0
    for option in ("--db", "--host", "--port", "--token", "--workers"):
        assert option in r.output
    assert "127.0.0.1" in r.output


def test_serve_with_two_workers(sample_db, tmp_path):
    """``communique serve --workers 2``: two worker processes, each with its own app built from
    the environment, answer like the app in this process."""
    import os
    import re
    import signal
    import socket
    import subprocess
    import sys
    import time

    import httpx
    import psutil

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = tmp_path / "serve.log"
    env = {k: v for k, v in os.environ.items() if k not in ("COMMUNIQUE_DB", "COMMUNIQUE_TOKEN")}
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-c", "from communique.cli import app; app()", "serve",
             "--db", sample_db, "--port", str(port), "--workers", "2"],
            stdout=out, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}/api/events"
    vr, chn = {"between": "VNM,RUS", "limit": 7}, {"country": "CHN", "offset": 2}
    try:
        deadline = time.monotonic() + 30
        while log.read_text().count("Application startup complete") < 2:
            assert proc.poll() is None, log.read_text()
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.1)
        pids = {int(p) for p in re.findall(r"Started server process \[(\d+)\]",
                                            log.read_text())}
        assert len(pids) == 2
        assert pids <= {c.pid for c in psutil.Process(proc.pid).children(recursive=True)}
        with TestClient(create_app(sample_db)) as local:
            want = [local.get("/api/events", params=p).json() for p in (vr, chn)]
        # a new connection each time, so that either worker may take it
        got = [httpx.get(url, params=p, timeout=10).json() for p in (vr, chn, vr, chn)]
        assert got == want * 2 and want[0]["total"] > 0 and want[1]["total"] > 0
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            for child in psutil.Process(proc.pid).children(recursive=True):
                child.kill()
            proc.kill()
            proc.wait()
    assert not any(psutil.pid_exists(p) and psutil.Process(p).status() != "zombie"
                   for p in pids)


def test_a_count_whose_first_step_was_dear_stops_there(monkeypatch, sample_store):
    """The count's second step would cost about COUNT_CAP / COUNT_FIRST times the first: when
    that is past COUNT_SECONDS it is not run, and the first step's count is a lower bound."""
    clock = iter(range(10**6))
    monkeypatch.setattr(data.time, "thread_time", lambda: next(clock) * 0.004)
    monkeypatch.setattr(data, "COUNT_FIRST", 2)
    monkeypatch.setattr(data, "COUNT_CAP", 100)
    with TestClient(create_app(str(sample_store))) as c:
        page = c.get("/api/events", params={"limit": 1}).json()
        assert page["total_capped"] is True and page["total"] == 2
        # another sort needs the whole count: it counts on, and the count it keeps is exact
        assert c.get("/api/events", params={"limit": 1, "sort": "mode"}).status_code == 200
        assert c.get("/api/events", params={"limit": 1}).json()["total_capped"] is False
    monkeypatch.setattr(data, "COUNT_SECONDS", 10.0)  # now the second step fits: exact
    with TestClient(create_app(str(sample_store))) as c:
        page = c.get("/api/events", params={"limit": 1}).json()
        assert page["total_capped"] is False and page["total"] > 2
