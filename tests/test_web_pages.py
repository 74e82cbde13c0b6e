"""The server-rendered pages: events, document, dyad, network, actors; escaping; the language
switch."""

from __future__ import annotations

import html
import re
import sqlite3

import pytest

pytest.importorskip("fastapi")

from communique.web.names import actor_url, dyad_url  # noqa: E402
from communique.web.render import LABELS, highlight  # noqa: E402

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

DOC = "000_9fddb8e8c64c1899"


@pytest.fixture(scope="module")
def client(web_writer):
    return web_writer


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
    assert "Previous" not in r.text
    r = client.get("/", params={"country": "nowhere"})
    assert r.status_code == 422 and "role=\"alert\"" in r.text


def _pager(page: str) -> dict[str, str]:
    return {m.group(2): html.unescape(m.group(1)) for m in re.finditer(
        r'<a href="([^"]+)">(?:← )?(Previous|Next)(?: →)?</a>', page)}


def _dates(page: str) -> list[str]:
    return re.findall(r'<td class="nowrap">([^<]*)</td>', page)


def test_events_page_pages_by_cursor(client):
    """In date order Next and Previous follow the cursors of the API, and join up with one long
    page; sorted by another column, they keep the offset."""
    whole = _dates(client.get("/", params={"between": "VNM,RUS", "limit": 12}).text)
    assert len(whole) == 12
    first = client.get("/", params={"between": "VNM,RUS", "limit": 4}).text
    nxt = _pager(first)["Next"]
    assert "after=" in nxt and "offset" not in nxt
    second = client.get(nxt)
    assert second.status_code == 200
    third = client.get(_pager(second.text)["Next"]).text
    assert _dates(first) + _dates(second.text) + _dates(third) == whole
    back = _pager(third)["Previous"]
    assert "before=" in back
    assert _dates(client.get(back).text) == _dates(second.text)
    assert "4 of" in second.text  # a cursor's page counts its events, not their rank
    by_score = client.get("/", params={"between": "VNM,RUS", "limit": 4, "sort": "score"}).text
    assert "offset=4" in _pager(by_score)["Next"]


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
    zh = client.get(f"/documents/{DOC}", params={"lang": "zh"}).text
    entities = re.search(r'<ul class="entities">.*?</ul>', zh, re.S).group(0)
    assert "Nguyễn Phú Trọng" not in entities  # shown on English pages only
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


def test_posted_script_is_escaped_on_the_document_page(client, web_token):
    evil = ("越共中央总书记阮富仲<script>alert(1)</script>会见了俄罗斯联邦总统普京"
            "<img src=x onerror=alert(2)>。\n阮富仲高度评价俄罗斯<script>alert(3)</script>的成就。")
    r = client.post("/api/documents", json={"id": "xss-1", "text": evil},
                    headers={"Authorization": f"Bearer {web_token}"})
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


# --- sorting, the network, the actors ---------------------------------------------------------

NGUYEN = "person:阮富仲"
MEDVEDEV = "person:德米特里·梅德韦杰夫"


def _scores(page: str) -> list[float]:
    return [float(x) for x in re.findall(r'<td class="num">(-?[\d.]+)</td>', page)]


def test_events_table_sorts_by_its_headers(client):
    r = client.get("/", params={"sort": "score", "order": "desc", "limit": 500})
    assert r.status_code == 200
    scores = _scores(r.text)
    assert len(scores) > 20 and scores == sorted(scores, reverse=True)
    head = re.search(r'<th class="num" aria-sort="descending"><a href="([^"]+)">', r.text)
    assert head is not None  # the sorted column says so, and its header reverses it
    again = client.get(html.unescape(head.group(1)))
    assert _scores(again.text) == sorted(scores)
    assert 'aria-sort="ascending"' in again.text
    assert 'href="/?limit=500&amp;order=asc&amp;sort=event"' in r.text  # others start ascending
    by_type = client.get("/", params={"sort": "event", "limit": 500}).text
    types = re.findall(r'<td><span class="tag tag-\w+">(\w+)</span></td>', by_type)
    assert len(types) > 20 and types == sorted(types)
    page = client.get("/", params={"sort": "recipient", "order": "desc", "limit": 5}).text
    assert "sort=recipient" in re.search(r'<p class="pager">.*?</p>', page, re.S).group(0)
    assert 'name="sort" value="recipient"' in page  # the filter form keeps the order
    odd = client.get("/", params={"sort": "'; DROP TABLE events; --"})
    assert odd.status_code == 200
    assert re.search(r'<th aria-sort="descending"><a href="[^"]*">Date', odd.text)
    dates = re.findall(r"<td class=\"nowrap\">([-\d]*)</td>", odd.text)
    full = [d for d in dates if d[:1].isdigit()]
    assert len(full) > 10 and full == sorted(full, reverse=True)  # by default, newest first
    assert dates[: len(full)] == full  # and dates without a year after them


def test_events_and_documents_link_actor_pages(client):
    r = client.get("/", params={"between": "VNM,RUS"})
    assert f'href="{actor_url(MEDVEDEV)}">德米特里·梅德韦杰夫</a>' in r.text
    zh = client.get("/", params={"between": "VNM,RUS", "lang": "zh"})
    assert f'href="{actor_url(MEDVEDEV, "zh")}"' in zh.text
    doc = client.get(f"/documents/{DOC}")
    assert f'href="{actor_url(NGUYEN)}">阮富仲</a>' in doc.text


def test_nav_links_the_new_pages_in_both_languages(client):
    for path in ("/", "/network", "/actors", actor_url(NGUYEN), "/dyad/VNM/RUS"):
        en = client.get(path).text
        assert 'href="/network">Network</a>' in en and 'href="/actors">Actors</a>' in en, path
        zh = client.get(path, params={"lang": "zh"}).text
        assert 'href="/network?lang=zh">关系网络</a>' in zh, path
        assert 'href="/actors?lang=zh">行为者</a>' in zh, path


def test_labels_exist_in_both_languages():
    assert set(LABELS["en"]) == set(LABELS["zh"])
    for key, text in LABELS["en"].items():
        assert sorted(re.findall(r"{\w+}", text)) == sorted(
            re.findall(r"{\w+}", LABELS["zh"][key])), key


def test_network_page(client):
    r = client.get("/network")
    assert r.status_code == 200
    assert 'data-api="/api/network?nodes=countries&amp;limit=100"' in r.text
    assert '<script src="/static/network.js"></script>' in r.text
    assert "http" not in "".join(re.findall(r"<script[^>]*>", r.text))  # no CDN
    assert 'href="/dyad/RUS/VNM"' in r.text and '<a href="/?country=RUS">俄罗斯</a>' in r.text
    js = client.get("/static/network.js")
    assert js.status_code == 200 and 'type: "graph"' in js.text and "innerHTML" not in js.text
    zh = client.get("/network", params={"nodes": "actors", "lang": "zh", "event": "consult"})
    assert '<html lang="zh-Hans">' in zh.text and "<h1>关系网络</h1>" in zh.text
    assert "<strong>人物与机构</strong>" in zh.text
    assert f'href="{actor_url(NGUYEN, "zh")}">阮富仲</a>' in zh.text
    assert "nodes=countries" in re.search(r'<p>节点.*?</p>', zh.text, re.S).group(0)
    assert 'hreflang="en"' in zh.text
    bad = client.get("/network", params={"event": "<b>x</b>"})
    assert bad.status_code == 422 and 'role="alert"' in bad.text
    assert "<b>x</b>" not in bad.text and 'value="&lt;b&gt;x&lt;/b&gt;"' in bad.text


def test_actors_index_page(client):
    r = client.get("/actors")
    assert r.status_code == 200
    assert f'href="{actor_url(NGUYEN)}">阮富仲</a>' in r.text and "Nguyễn Phú Trọng" in r.text
    vnm = client.get("/actors", params={"country": "VNM", "lang": "zh"})
    assert "<h1>行为者</h1>" in vnm.text
    assert actor_url(NGUYEN, "zh") in vnm.text and actor_url(MEDVEDEV, "zh") not in vnm.text
    assert client.get("/actors", params={"country": "Vietnam"}).status_code == 422


def test_actor_page(client):
    url = actor_url(MEDVEDEV)
    r = client.get(url)
    assert r.status_code == 200
    page = r.text
    assert '<h1>德米特里·梅德韦杰夫 <span class="latin">Dmitry Medvedev</span></h1>' in page
    roles = re.search(r'<table class="events roles">.*?</table>', page, re.S).group(0)
    assert "<td>副主席</td><td>俄罗斯联邦安全会议</td>" in roles
    assert "<td>主席</td><td>统一俄罗斯党</td>" in roles and "2023-05-22" in roles
    peers = re.search(r'<table class="events counterparts">.*?</table>', page, re.S).group(0)
    assert f'href="{actor_url(NGUYEN)}">阮富仲</a>' in peers
    assert f'href="{dyad_url(MEDVEDEV, NGUYEN)}"' in peers
    assert f'href="/documents/{DOC}#ev-' in page  # the events open their evidence
    api = re.search(r'data-api="([^"]+)" data-key="timeline"', page).group(1)
    assert client.get(html.unescape(api)).json()["timeline"]["periods"] == ["2023-05"]
    assert f'<a class="lang" href="{actor_url(MEDVEDEV, "zh")}"' in page  # the language switch
    zh = client.get(url, params={"lang": "zh"}).text
    assert "<h2>历任职务</h2>" in zh and "主要交往对象" in zh
    # Latin forms are shown on English pages only, in the heading as everywhere else
    assert "<h1>德米特里·梅德韦杰夫</h1>" in zh and "Dmitry Medvedev" not in zh
    assert '<td class="as">' in zh  # the role column that must not wrap
    assert f'href="{actor_url(NGUYEN, "zh")}"' in zh
    assert client.get("/actors/person:无名氏").status_code == 404
    assert client.get("/actors/nocolon").status_code == 404


def test_dyad_page_of_two_actors(client):
    url = dyad_url(NGUYEN, MEDVEDEV)
    r = client.get(url)
    assert r.status_code == 200
    assert f'href="{actor_url(NGUYEN)}">阮富仲</a>' in r.text
    assert f'href="{actor_url(MEDVEDEV)}">德米特里·梅德韦杰夫</a>' in r.text
    assert f'data-api="/api{url}?by=month"' in r.text
    assert f'href="/documents/{DOC}#ev-' in r.text and "between=" not in r.text
    # the pair's events name the two sides with links to their pages
    pair = re.split(r"<h2>Events of the pair", r.text)[1]
    assert f'href="{actor_url(NGUYEN)}">阮富仲</a>' in pair
    assert f'href="{actor_url(MEDVEDEV)}">德米特里·梅德韦杰夫</a>' in pair
    zh = client.get(url, params={"lang": "zh"}).text
    pair = re.split(r"<h2>双方事件", zh)[1]
    assert f'href="{actor_url(MEDVEDEV, "zh")}">德米特里·梅德韦杰夫</a> →' in pair
    mixed = client.get("/dyad/person:阮富仲/rus", params={"lang": "zh"})
    assert mixed.status_code == 200 and "俄罗斯" in mixed.text and "双方事件" in mixed.text
    assert client.get("/dyad/person:阮富仲/RUSSIA").status_code == 404


def test_names_from_the_news_are_escaped_on_the_new_pages(client, sample_db):
    """Names, titles and wordings come from the news: every page escapes them."""
    name = '<script>alert("name")</script>阮禄河'
    role = "<img src=x onerror=alert(2)>常务副主席"
    conn = sqlite3.connect(sample_db)
    try:
        with conn:
            conn.execute("UPDATE entities SET name = ? WHERE id = ?", (name, "person:阮禄河"))
            conn.execute("UPDATE entity_mentions SET role = ?, text = ? WHERE entity_id = ?",
                         (role, role, "person:阮禄河"))
    finally:
        conn.close()
    for path in (actor_url("person:阮禄河"), "/actors", "/network?nodes=actors&limit=500",
                 "/?actor=person:阮禄河", "/dyad/person:阮禄河/CHN"):
        body = client.get(path).text
        assert "<script>alert" not in body and "<img src=x" not in body, path
        assert "&lt;script&gt;alert(&#34;name&#34;)&lt;/script&gt;阮禄河" in body, path
    actor = client.get(actor_url("person:阮禄河")).text
    assert "&lt;img src=x onerror=alert(2)&gt;常务副主席" in actor
