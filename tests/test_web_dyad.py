"""The dyad of two actors lists its events with every entity linked to its page, third parties
too (anyone besides the pair), by the ids the API gives; names from the news stay escaped."""

from __future__ import annotations

import warnings

import pytest
from conftest import RUS_GUEST, VNM_LEADER, fake_extract, fake_page, list_reader
from conftest import record as rec

from communique.store.ingest import ingest
from communique.web.names import actor_url

pytest.importorskip("fastapi")
with warnings.catch_warnings():  # starlette prefers httpx2 and says so on import
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from communique.web import create_app  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

# a third party whose name and id carry markup
THIRD = {"text": "总理范明政", "name": "范明政<img src=x onerror=alert(1)>", "role": "总理",
         "org": None, "country": "VNM", "sector": "GOV", "id": "person:范明政<b>"}
PAIR = f"{VNM_LEADER['id']}/{RUS_GUEST['id']}"


@pytest.fixture
def client(store, store_url):
    pages = [fake_page("a", [rec(id="1", actor=(VNM_LEADER, THIRD), recipient=(RUS_GUEST,))]),
             fake_page("b", [rec(id="1", actor=(RUS_GUEST,), recipient=(VNM_LEADER,),
                                 date="2024-01-02", event="AGREE")])]
    ingest(store, ["x"], read=list_reader(pages), extract=fake_extract)
    with TestClient(create_app(store_url)) as c:
        yield c


def test_dyad_events_name_every_entity_with_its_id(client):
    got = client.get(f"/api/dyad/{PAIR}").json()
    assert got["total"] == 2
    first = next(e for e in got["items"] if e["date"] == "2023-05-22")
    assert [(e["id"], e["label"]) for e in first["actor_entities"]] == [
        (VNM_LEADER["id"], "阮富仲"), (THIRD["id"], THIRD["name"])]
    assert [e["id"] for e in first["recipient_entities"]] == [RUS_GUEST["id"]]


def test_dyad_page_links_third_parties_escaped(client):
    page = client.get(f"/dyad/{PAIR}").text
    table = page[page.index("<tbody>", page.index("</tbody>")):]  # the pair's events
    assert f'href="{actor_url(THIRD["id"])}"' in table
    assert actor_url(THIRD["id"]).endswith("%3Cb%3E")
    assert "范明政&lt;img src=x onerror=alert(1)&gt;" in table
    assert "<img" not in page and "<b>" not in page
    for who in (VNM_LEADER, RUS_GUEST):
        assert f'href="{actor_url(who["id"])}"' in table


def test_pages_embed_their_chart_data(client):
    """The dyad and actor pages carry their chart's data (the chart does not ask the API for
    what the server has just computed), the same as the API's, escaped for a script block."""
    import json
    import re

    for page, api, key in ((f"/dyad/{PAIR}", f"/api/dyad/{PAIR}", None),
                           (actor_url(THIRD["id"]), f"/api{actor_url(THIRD['id'])}",
                            "timeline")):
        html = client.get(page).text
        block = re.search(r'<script type="application/json" id="chart-data">(.*?)</script>',
                          html, re.S).group(1)
        assert "<" not in block
        got = client.get(api).json()
        want = got[key] if key else got
        embedded = json.loads(block)
        assert embedded["periods"] and embedded == {
            k: want[k] for k in ("by", "periods", "types", "counts", "events", "mean_score")}
