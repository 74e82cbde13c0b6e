"""The server-rendered pages: events, document, dyad; escaping; the language switch."""

from __future__ import annotations

import html
import re
import warnings
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
with warnings.catch_warnings():  # starlette prefers httpx2 and says so on import
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from communique.store import open_store  # noqa: E402
from communique.store.ingest import ingest  # noqa: E402
from communique.web import create_app  # noqa: E402
from communique.web.render import highlight  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

SAMPLES = sorted(str(p) for p in (Path(__file__).parents[1] / "src/communique/samples").glob("*.txt"))
DOC = "000_9fddb8e8c64c1899"
TOKEN = "page-token"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    path = tmp_path_factory.mktemp("webpages") / "samples.db"
    with open_store(path) as store:
        ingest(store, SAMPLES)
    with TestClient(create_app(str(path), token=TOKEN)) as c:
        yield c


def test_events_page_lists_and_filters(client):
    r = client.get("/")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert "<table class=\"events\">" in r.text
    assert f"/documents/{DOC}" in r.text
    r = client.get("/", params={"between": "VNM,RUS", "limit": 5})
    assert r.text.count("<tr>") == 6  # header and five rows
    assert 'href="/dyad/VNM/RUS"' in r.text
    assert "offset=5" in r.text  # a next page
    r = client.get("/", params={"country": "nowhere"})
    assert r.status_code == 422 and "role=\"alert\"" in r.text


def test_events_page_in_chinese(client):
    r = client.get("/", params={"lang": "zh"})
    assert '<html lang="zh-Hans">' in r.text
    assert "行为方" in r.text and "筛选" in r.text
    assert 'name="lang" value="zh"' in r.text
    assert "English" in r.text  # the switch back


def test_document_page_highlights_spans(client):
    r = client.get(f"/documents/{DOC}")
    assert r.status_code == 200
    page = r.text
    assert 'class="ent' in page and "trg" in page
    assert 'data-entity="person:阮富仲"' in page
    assert "Nguyễn Phú Trọng" in page  # the Latin form from the knowledge base
    events = client.get(f"/api/documents/{DOC}").json()["events"]
    for ev in events:
        assert f'id="ev-{ev["id"]}"' in page
    # the text survives the markup: strip tags and find the article's first line again
    plain = html.unescape(re.sub(r"<[^>]+>", "", page))
    first_line = client.get(f"/api/documents/{DOC}").json()["text"].split("\n")[0]
    assert first_line in plain
    assert "Dropped from the article" in page and "caption" in page
    assert "Related-story teasers" in page
    assert client.get("/documents/nope").status_code == 404


def test_dyad_page_uses_vendored_echarts(client):
    r = client.get("/dyad/vnm/rus", params={"lang": "zh"})
    assert r.status_code == 200
    assert '<script src="/static/echarts.min.js"></script>' in r.text
    assert 'data-api="/api/dyad/VNM/RUS?by=month"' in r.text
    assert "http" not in "".join(re.findall(r"<script[^>]*>", r.text))  # no CDN
    assert "主要事件" in r.text and "2023-05" in r.text
    js = client.get("/static/echarts.min.js")
    assert js.status_code == 200 and len(js.content) > 500_000
    assert client.get("/static/dyad.js").status_code == 200
    assert client.get("/dyad/VNM/RUSSIA").status_code == 404


def test_highlight_escapes_every_piece():
    text = "A<b>阮富仲</b>&会见\"x'"
    ents = [{"span": [4, 7], "id": 'person:"><script>', "name": "<i>", "text": "阮富仲"}]
    events = [{"id": "e1", "span": [0, len(text)], "trigger": [12, 14]}]
    out = str(highlight(text, ents, events))
    assert "<b>" not in out and "<script>" not in out and "<i>" not in out
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == text
    assert out.count("<span") == out.count("</span>")


def test_posted_script_is_escaped_on_the_document_page(client):
    evil = ("越共中央总书记阮富仲<script>alert(1)</script>会见了俄罗斯联邦总统普京"
            "<img src=x onerror=alert(2)>。\n阮富仲高度评价俄罗斯<script>alert(3)</script>的成就。")
    r = client.post("/api/documents", json={"id": "xss-1", "text": evil},
                    headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code in (200, 201), r.text
    page = client.get("/documents/xss-1")
    assert page.status_code == 200
    body = page.text
    assert "<script>alert" not in body
    assert "<img src=x" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert 'data-entity="person:阮富仲"' in body  # the name is still highlighted
    assert 'class="event"' in body  # and its events listed beside it
    # the only scripts on the page are the server's own (none on this page)
    assert re.findall(r"<script[^>]*>", body) == []
    listing = client.get("/", params={"q": "alert"}).text
    assert "<script>alert" not in listing
