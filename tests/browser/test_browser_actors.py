"""The actor pages in headless Chromium over the sample store: the network draws its graph and
lists its pairs, its filters change what it shows and its nodes and links open their pages; the
actors index lists people and narrows; an actor's page shows roles, counterparts and a timeline
whose links lead on; the dyad of two people draws and links them; crowded networks fit their
box with readable labels; both languages; no page logs an error.

Actors are never named here: each test reaches one by a link of the index, the events page or
the network, and checks what it finds against the JSON API."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from .charts import wait_drawn

pytestmark = pytest.mark.browser

EDGES = "table.edges tbody tr"
ACTORS = "table.actors tbody tr"
PERSON_LINK = "a[href^='/actors/person:']"

# where the network chart drew each node (page pixels: centre, radius, the box of its label,
# if shown) and which links it drew; a click on a node's label opens the node, like the node
LAYOUT = """() => {
    const el = document.getElementById('network');
    const chart = echarts.getInstanceByDom(el);
    const data = chart.getModel().getSeriesByIndex(0).getData();
    const box = el.getBoundingClientRect();
    const nodes = [];
    for (let i = 0; i < data.count(); i++) {
        const [x, y] = chart.convertToPixel({seriesIndex: 0}, data.getItemLayout(i));
        const size = data.getItemVisual(i, 'symbolSize');
        const symbol = data.getItemGraphicEl(i);  // a group: the label hangs on a child
        const parts = [symbol, ...(symbol.childCount ? symbol.children() : [])];
        const text = parts.map(e => e.getTextContent && e.getTextContent()).find(t => t);
        let label = null;
        if (text && !text.ignore && !text.invisible) {
            const rect = text.getBoundingRect().clone();
            rect.applyTransform(text.getComputedTransform());
            label = [box.left + rect.x, box.top + rect.y, rect.width, rect.height];
        }
        nodes.push({id: data.getId(i), x: box.left + x, y: box.top + y, label,
                    r: (Array.isArray(size) ? size[0] : size) / 2});
    }
    const links = chart.getOption().series[0].links.map(l => [l.source, l.target, l.value]);
    return {nodes, links};
}"""


def api(page, path: str) -> dict:
    response = page.request.get(path)
    assert response.ok, (path, response.status)
    return response.json()


def node_id(href: str) -> str:
    """The node a link of the edge table stands for: a country code or an actor id."""
    parts = urlsplit(href)
    if parts.path.startswith("/actors/"):
        return unquote(parts.path.removeprefix("/actors/"))
    return parse_qs(parts.query)["country"][0]


def edge_pairs(page) -> list[tuple[str, str]]:
    """The pairs the edge table lists, in order, as the ids its two name links point at."""
    hrefs = page.locator(EDGES).evaluate_all(
        "rows => rows.map(r => [1, 2].map(i => r.querySelector(`td:nth-child(${i}) a`)"
        ".getAttribute('href')))")
    return [(node_id(a), node_id(b)) for a, b in hrefs]


def api_pairs(page, query: str) -> list[tuple[str, str]]:
    return [(e["source"], e["target"]) for e in api(page, f"/api/network?{query}")["edges"]]


def submit(page, form: str = "form.filters") -> None:
    """Send the filter form and wait for the page it leads to (not for its charts)."""
    with page.expect_navigation():
        page.click(f"{form} button[type=submit]")


def test_network_draws_its_graph(page, problems):
    page.goto("/network")
    wait_drawn(page, "#network", width=600, height=400)
    assert page.locator("h1").inner_text() == "Network"
    assert page.locator("main p strong").first.inner_text() == "Countries"
    pairs = edge_pairs(page)
    assert pairs == api_pairs(page, "nodes=countries&limit=100")
    assert len(pairs) > 3
    # the sample store is mostly about Vietnam and Russia: their pair comes first
    assert pairs[0] == ("RUS", "VNM")
    first = page.locator(EDGES).first
    assert "俄罗斯" in first.inner_text() and "越南" in first.inner_text()
    counts = [int(c) for c in page.locator(f"{EDGES} td:nth-child(3)").all_inner_texts()]
    assert counts == sorted(counts, reverse=True) and counts[0] > counts[-1]
    assert first.locator("td:nth-child(5) a").get_attribute("href") == "/dyad/RUS/VNM"
    # the graph holds the table's nodes and links
    drawn = page.evaluate("""() => {
        const s = echarts.getInstanceByDom(document.getElementById('network'))
            .getOption().series[0];
        return {nodes: s.data.map(n => n.id), links: s.links.map(l => [l.source, l.target])};
    }""")
    assert sorted(drawn["nodes"]) == sorted({i for pair in pairs for i in pair})
    assert [tuple(link) for link in drawn["links"]] == pairs
    assert problems == []


def test_network_filters(page, problems):
    page.goto("/network")
    wait_drawn(page, "#network", width=600, height=400)
    everything = edge_pairs(page)
    page.fill("form.filters input[name=event]", "AGREE")
    submit(page)
    assert "event=AGREE" in page.url and "nodes=countries" in page.url
    assert page.locator("form.filters input[name=event]").input_value() == "AGREE"
    wait_drawn(page, "#network", width=600, height=400)
    agreed = edge_pairs(page)
    assert 0 < len(agreed) < len(everything)
    assert set(agreed) <= set(everything)
    assert agreed == api_pairs(page, "nodes=countries&event=AGREE")
    # people and organisations instead of countries, the event filter kept
    with page.expect_navigation():
        page.locator("main p a", has_text="People and organisations").click()
    assert "nodes=actors" in page.url and "event=AGREE" in page.url
    assert page.locator("main p strong").first.inner_text() == "People and organisations"
    wait_drawn(page, "#network", width=600, height=400)
    people = edge_pairs(page)
    assert people and people == api_pairs(page, "nodes=actors&event=AGREE")
    hrefs = page.locator(EDGES).locator("td:nth-child(-n+2) a").evaluate_all(
        "as => as.map(a => a.getAttribute('href'))")
    assert all(h.startswith("/actors/") for h in hrefs), hrefs
    # a date range nothing falls in: no graph, a sentence instead
    page.fill("form.filters input[name=date_from]", "1900")
    page.fill("form.filters input[name=date_to]", "1901")
    submit(page)
    assert page.locator(EDGES).count() == 0
    assert page.locator("#network").count() == 0
    assert "No interactions match." in page.locator("main").inner_text()
    assert problems == []


def _covered(x: float, y: float, nodes: list[dict], margin: float) -> bool:
    """Whether a node or a node's label lies within ``margin`` pixels of the point."""
    for n in nodes:
        if ((n["x"] - x) ** 2 + (n["y"] - y) ** 2) ** 0.5 < n["r"] + margin:
            return True
        if n["label"]:
            left, top, width, height = n["label"]
            if (left - margin < x < left + width + margin
                    and top - margin < y < top + height + margin):
                return True
    return False


def _steady(page) -> dict:
    """The network's layout once the force simulation has (nearly) stopped moving it."""
    layout = page.evaluate(LAYOUT)
    for _ in range(25):
        page.wait_for_timeout(100)
        then, layout = layout, page.evaluate(LAYOUT)
        moved = max(abs(n["x"] - m["x"]) + abs(n["y"] - m["y"])
                    for n, m in zip(layout["nodes"], then["nodes"], strict=True))
        if moved < 2:  # pixels in 100 ms: still, for a click
            break
    return layout


def _clear_node(layout: dict) -> dict:
    """The biggest node whose centre is clear of the other nodes and their labels."""
    nodes = layout["nodes"]
    clear = [n for n in nodes if not _covered(n["x"], n["y"], [m for m in nodes if m is not n], 8)]
    assert clear, layout
    return max(clear, key=lambda n: n["r"])


def _apart(px: float, py: float, ax: float, ay: float, bx: float, by: float) -> float:
    """How far the point is from the segment a–b."""
    dx, dy = bx - ax, by - ay
    f = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / ((dx * dx + dy * dy) or 1)))
    return ((px - ax - f * dx) ** 2 + (py - ay - f * dy) ** 2) ** 0.5


def _clear_link(layout: dict) -> tuple[str, str, float, float]:
    """The widest (most events), then longest link whose midpoint is clear of every node,
    label and other link: its ends and that midpoint."""
    at = {n["id"]: n for n in layout["nodes"]}
    best = None
    for a, b, count in layout["links"]:
        x, y = (at[a]["x"] + at[b]["x"]) / 2, (at[a]["y"] + at[b]["y"]) / 2
        length = ((at[a]["x"] - at[b]["x"]) ** 2 + (at[a]["y"] - at[b]["y"]) ** 2) ** 0.5
        clear = (not _covered(x, y, layout["nodes"], 8)
                 and all(_apart(x, y, at[c]["x"], at[c]["y"], at[d]["x"], at[d]["y"]) > 12
                         for c, d, _ in layout["links"] if (c, d) != (a, b)))
        if clear and (best is None or (count, length) > best[0]):
            best = ((count, length), a, b, x, y)
    assert best, layout
    return best[1:]


def test_network_clicks_open_pages(page, problems):
    page.goto("/network")
    wait_drawn(page, "#network", width=600, height=400)
    layout = _steady(page)
    assert all(n["label"] for n in layout["nodes"]), layout  # few nodes: every one is named
    node = _clear_node(layout)
    with page.expect_navigation():
        page.mouse.click(node["x"], node["y"])
    assert page.url.endswith(f"/?country={node['id']}"), (page.url, node)
    assert page.locator("form.filters input[name=country]").input_value() == node["id"]
    page.go_back()
    wait_drawn(page, "#network", width=600, height=400)
    a, b, x, y = _clear_link(_steady(page))
    with page.expect_navigation():
        page.mouse.click(x, y)
    wait_drawn(page, "#chart")
    assert page.url.endswith(f"/dyad/{a}/{b}"), (page.url, a, b)
    assert page.locator("h1").inner_text() == f"Dyad {a}–{b}"
    assert problems == []


def _box(page) -> dict:
    return page.locator("#network").bounding_box()


def _inside(layout: dict, box: dict) -> list[str]:
    """The nodes, or the shown labels, that stick out of the chart's box."""
    out = []
    for n in layout["nodes"]:
        if not (box["x"] <= n["x"] - n["r"] and n["x"] + n["r"] <= box["x"] + box["width"]
                and box["y"] <= n["y"] - n["r"] and n["y"] + n["r"] <= box["y"] + box["height"]):
            out.append(n["id"])
        if n["label"]:
            left, top, width, height = n["label"]
            if not (box["x"] <= left and left + width <= box["x"] + box["width"] + 1
                    and box["y"] <= top and top + height <= box["y"] + box["height"]):
                out.append(f"label of {n['id']}")
    return out


def _overlapping(layout: dict) -> list[tuple[str, str]]:
    """Pairs of nodes whose shown labels overlap."""
    shown = [n for n in layout["nodes"] if n["label"]]
    pairs = []
    for i, a in enumerate(shown):
        for b in shown[i + 1:]:
            (ax, ay, aw, ah), (bx, by, bw, bh) = a["label"], b["label"]
            if ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah:
                pairs.append((a["id"], b["id"]))
    return pairs


def test_network_of_actors_fits_and_reads(page, problems):
    """Dozens of people and organisations: every node starts inside the box, the labels shown
    do not overlap and name the larger nodes, Latin forms stay out of them (the tooltip has
    them); the graph can be zoomed and panned."""
    got = api(page, "/api/network?nodes=actors&limit=100")
    assert len(got["nodes"]) > 30  # crowded enough to have spilled out before
    page.goto("/network?nodes=actors")
    wait_drawn(page, "#network", width=600, height=400)
    layout = _steady(page)
    box = _box(page)
    assert _inside(layout, box) == [], (box, layout)
    assert _overlapping(layout) == []
    # the graph spreads over the box rather than huddling in its middle
    xs, ys = [n["x"] for n in layout["nodes"]], [n["y"] for n in layout["nodes"]]
    assert max(xs) - min(xs) > 0.6 * box["width"] and max(ys) - min(ys) > 0.6 * box["height"]
    # labelled: most nodes, the largest first; named as written, the Latin form in the data
    weight = {n["id"]: n["weight"] for n in got["nodes"]}
    labelled = [n["id"] for n in layout["nodes"] if n["label"]]
    assert len(labelled) >= len(layout["nodes"]) / 2, labelled
    heaviest = max(weight.values())
    assert any(weight[i] == heaviest for i in labelled)
    option = page.evaluate("""() => echarts.getInstanceByDom(document.getElementById('network'))
        .getOption().series[0]""")
    assert option["roam"] is True
    names = {n["id"]: (n["name"], n.get("latin")) for n in option["data"]}
    for n in got["nodes"]:
        assert names[n["id"]] == (n["label"], n["latin"]), (n, names[n["id"]])
    # node sizes grow with the weight, up to a cap
    sizes = {n["id"]: n["r"] for n in layout["nodes"]}
    light = min(weight, key=weight.get)
    assert sizes[light] < max(sizes.values()) <= 20
    assert problems == []


def test_network_of_countries_is_labelled_like_its_table(page, problems):
    page.goto("/network")
    wait_drawn(page, "#network", width=600, height=400)
    layout = _steady(page)
    box = _box(page)
    assert _inside(layout, box) == [] and _overlapping(layout) == []
    xs = [n["x"] for n in layout["nodes"]]
    assert max(xs) - min(xs) > 0.6 * box["width"], (xs, box)  # the whole width
    names = page.evaluate("""() => echarts.getInstanceByDom(document.getElementById('network'))
        .getOption().series[0].data.map(n => n.name)""")
    cells = page.locator(EDGES).locator("td:nth-child(-n+2)").all_inner_texts()
    assert set(cells) <= set(names), (cells, names)
    assert "俄罗斯 RUS" in names and "越南 VNM" in names
    assert problems == []


def test_actors_index_lists_and_narrows(page, problems):
    page.goto("/actors")
    assert page.locator("h1").inner_text() == "Actors"
    rows = page.locator(ACTORS)
    everything = rows.count()
    listed = api(page, "/api/actors")["items"]
    assert everything == len(listed) > 10
    kinds = page.locator(f"{ACTORS} td:nth-child(2)").all_inner_texts()
    assert kinds.count("person") >= 5, kinds
    links = rows.locator("td:first-child > a").evaluate_all(
        "as => as.map(a => decodeURIComponent(a.pathname))")
    assert links == [f"/actors/{item['id']}" for item in listed]
    counts = [int(c) for c in page.locator(f"{ACTORS} td:nth-child(5)").all_inner_texts()]
    assert counts == sorted(counts, reverse=True)  # most active first
    # by country: the code of the most active person's country
    person = rows.filter(has=page.locator(f"td:first-child > {PERSON_LINK}")).first
    country = person.locator("td:nth-child(3)").inner_text().strip()
    assert re.fullmatch(r"[A-Z]{3}", country)
    page.fill("form.filters input[name=country]", country)
    submit(page)
    assert f"country={country}" in page.url
    n = rows.count()
    assert 0 < n < everything
    assert set(page.locator(f"{ACTORS} td:nth-child(3)").all_inner_texts()) == {country}
    assert n == len(api(page, f"/api/actors?country={country}")["items"])
    # by name: that person alone (or with namesakes)
    name = person.locator("td:first-child > a").inner_text()
    page.fill("form.filters input[name=country]", "")
    page.fill("form.filters input[name=q]", name)
    submit(page)
    names = page.locator(f"{ACTORS} td:first-child > a").all_inner_texts()
    assert name in names and len(names) < everything
    # the reset link lists everyone again
    with page.expect_navigation():
        page.locator("form.filters a", has_text="Reset").click()
    assert rows.count() == everything
    assert problems == []


def test_actor_page(page, problems):
    page.goto("/actors")
    link = page.locator(f"{ACTORS} td:first-child > {PERSON_LINK}").first
    name, href = link.inner_text(), link.get_attribute("href")
    actor_id = unquote(href.removeprefix("/actors/"))
    with page.expect_navigation():
        link.click()
    wait_drawn(page, "#chart")
    got = api(page, f"/api/actors/{actor_id}")
    assert page.locator("h1").inner_text().startswith(name)
    assert actor_id in page.locator("main > p.muted").first.inner_text()
    # the Latin form, where there is one, as a muted subtitle (English pages only)
    latin = page.locator("h1 .latin")
    assert latin.count() == (1 if got["latin"] else 0)
    if got["latin"]:
        assert latin.inner_text() == got["latin"]
    assert page.locator("main h2").all_inner_texts()[:2] == ["Roles over time",
                                                            "Most frequent counterparts"]
    # roles over time, as the sources write them
    roles = page.locator("table.roles tbody tr")
    assert roles.count() == len(got["roles"]) > 0
    assert roles.first.locator("td").first.inner_text() == got["roles"][0]["role"]
    assert roles.first.locator("td:last-child a").get_attribute("href").startswith("/documents/")
    # counterparts, each linked to its page and to the pair's dyad
    counterparts = page.locator("table.counterparts tbody tr")
    assert counterparts.count() == len(got["counterparts"]) > 0
    for i in range(counterparts.count()):
        row, c = counterparts.nth(i), got["counterparts"][i]
        assert unquote(row.locator("td:first-child a").get_attribute("href")) == f"/actors/{c['id']}"
        assert unquote(row.locator("td:last-child a").get_attribute("href")) == (
            f"/dyad/{actor_id}/{c['id']}")
    # the timeline lists the events, oldest first, each linked to its document
    events = page.locator("table.timeline tbody tr")
    total = got["events"]["total"]
    assert events.count() == min(total, 100) > 0
    assert f"{total} events" in page.locator("main h2").nth(2).inner_text()
    dates = [d for d in page.locator("table.timeline td:first-child").all_inner_texts() if d]
    assert dates == sorted(dates)
    sides = page.locator("table.timeline td:nth-child(3)").all_inner_texts()
    assert all(s.split(" · ")[0] in ("actor", "recipient") for s in sides), sides
    # a counterpart who is a person: their page, which names this actor among theirs
    peer = page.locator(f"table.counterparts td:first-child > {PERSON_LINK}").first
    peer_name, peer_href = peer.inner_text(), peer.get_attribute("href")
    with page.expect_navigation():
        peer.click()
    wait_drawn(page, "#chart")
    assert page.url.endswith(peer_href)
    assert page.locator("h1").inner_text().startswith(peer_name)
    assert page.locator(f"table.counterparts a[href='{href}']").inner_text() == name
    # back, and an event's evidence opens its document at the event
    page.go_back()
    wait_drawn(page, "#chart")
    evidence = page.locator("table.timeline td.evidence a").first
    doc_id, event_id = re.fullmatch(r"/documents/([^?#]+)#(ev-.+)",
                                    evidence.get_attribute("href")).groups()
    with page.expect_navigation():
        evidence.click()
    assert page.url.split("#")[0].endswith(f"/documents/{doc_id}")
    assert page.locator(f"li.event#{event_id}").is_visible()
    assert page.locator(f"main [data-entity='{actor_id}']").count() > 0
    assert problems == []


def test_dyad_of_two_people(page, problems):
    page.goto("/actors")
    with page.expect_navigation():
        page.locator(f"{ACTORS} td:first-child > {PERSON_LINK}").first.click()
    wait_drawn(page, "#chart")
    row = page.locator("table.counterparts tbody tr").filter(
        has=page.locator(f"td:first-child > {PERSON_LINK}")).first
    dyad = row.locator("td:last-child a")
    a, b = unquote(dyad.get_attribute("href")).removeprefix("/dyad/").split("/")
    assert a.startswith("person:") and b.startswith("person:")
    together = int(row.locator("td.num").inner_text())
    with page.expect_navigation():
        dyad.click()
    wait_drawn(page, "#chart")
    heading = page.locator("h1")
    assert [unquote(h) for h in heading.locator("a").evaluate_all(
        "as => as.map(a => a.getAttribute('href'))")] == [f"/actors/{a}", f"/actors/{b}"]
    got = api(page, f"/api/dyad/{a}/{b}")
    assert got["total"] == together > 0
    assert f"{together} events" in page.locator("main").inner_text()
    assert page.locator("table.events").last.locator("tbody tr").count() == together
    # the pair's events link both sides' names to their pages, as the events page does
    names = page.locator("table.events").last.locator("tbody td:nth-child(3) a").evaluate_all(
        "as => as.map(a => decodeURIComponent(a.pathname))")
    assert {f"/actors/{a}", f"/actors/{b}"} <= set(names), names
    assert problems == []


def test_dyad_links_third_parties(page, problems):
    """In a dyad of two people, the others named in an event (third parties) are links to
    their pages too, like the pair; one of them opens its page."""
    page.goto("/actors")
    people = page.locator(f"{ACTORS} td:first-child > {PERSON_LINK}").evaluate_all(
        "as => as.map(a => a.getAttribute('href'))")
    found = None
    for href in people:  # the first person with a counterpart whose dyad names a third
        person = unquote(href).removeprefix("/actors/")
        for peer in api(page, f"/api/actors/{person}")["counterparts"]:
            if peer["kind"] != "person":
                continue
            for ev in api(page, f"/api/dyad/{person}/{peer['id']}")["items"]:
                third = [e for e in ev["actor_entities"] + ev["recipient_entities"]
                         if e["id"] not in (person, peer["id"])]
                if third:
                    found = (href, peer["id"], ev, third[0])
                    break
            if found:
                break
        if found:
            break
    assert found, "the samples have a dyad of two people with a third party"
    href, peer, ev, third = found
    page.goto(href)
    links = page.locator("table.counterparts tbody tr td:last-child a").evaluate_all(
        "as => as.map(a => a.getAttribute('href'))")
    dyad = next(h for h in links if unquote(h).endswith("/" + peer))
    with page.expect_navigation():
        page.locator(f"table.counterparts a[href='{dyad}']").click()
    wait_drawn(page, "#chart")
    row = page.locator("table.events").last.locator("tbody tr").filter(
        has=page.locator(f"a[href$='#ev-{ev['id']}']"))
    names = row.locator("td:nth-child(3) a").evaluate_all(
        "as => as.map(a => [decodeURIComponent(a.pathname), a.textContent])")
    assert [f"/actors/{third['id']}", third["label"]] in names, names
    with page.expect_navigation():
        row.locator("td:nth-child(3) a").nth(
            [n[0] for n in names].index(f"/actors/{third['id']}")).click()
    assert unquote(urlsplit(page.url).path) == f"/actors/{third['id']}"
    assert third["label"] in page.locator("h1").inner_text()
    assert problems == []


def test_network_in_chinese(page, problems):
    page.goto("/network")
    wait_drawn(page, "#network", width=600, height=400)
    html, switch = page.locator("html"), page.locator("header a.lang")
    with page.expect_navigation():
        switch.click()
    wait_drawn(page, "#network", width=600, height=400)
    assert html.get_attribute("lang") == "zh-Hans"
    assert page.locator("h1").inner_text() == "关系网络"
    assert page.locator("form.filters button[type=submit]").inner_text() == "筛选"
    assert "事件数" in page.locator("table.edges thead").inner_text()
    assert switch.inner_text() == "English"
    with page.expect_navigation():
        page.locator("main p a", has_text="人物与机构").click()
    wait_drawn(page, "#network", width=600, height=400)
    assert html.get_attribute("lang") == "zh-Hans" and "nodes=actors" in page.url
    hrefs = page.locator(EDGES).locator("td:nth-child(-n+2) a").evaluate_all(
        "as => as.map(a => a.getAttribute('href'))")
    assert hrefs and all(h.endswith("?lang=zh") for h in hrefs), hrefs
    # the names in the chart are the Chinese ones, without the Latin forms English adds
    names = page.evaluate("""() => echarts.getInstanceByDom(document.getElementById('network'))
        .getOption().series[0].data.map(n => n.name)""")
    labels = page.locator(EDGES).locator("td:nth-child(-n+2) a").all_inner_texts()
    assert set(labels) <= set(names), (labels, names)
    # a filter keeps the language
    page.fill("form.filters input[name=event]", "CONSULT")
    submit(page)
    wait_drawn(page, "#network", width=600, height=400)
    assert html.get_attribute("lang") == "zh-Hans" and "lang=zh" in page.url
    assert problems == []


def test_actor_pages_in_chinese(page, problems):
    page.goto("/?lang=zh")
    html = page.locator("html")
    # from an event's actors to a person's page, in Chinese
    link = page.locator(f"table.events td:nth-child(4) {PERSON_LINK}").first
    name = link.inner_text()
    assert link.get_attribute("href").endswith("?lang=zh")
    with page.expect_navigation():
        link.click()
    wait_drawn(page, "#chart")
    assert html.get_attribute("lang") == "zh-Hans"
    assert page.locator("h1").inner_text().startswith(name)
    assert page.locator("h1 .latin").count() == 0  # no Latin forms on Chinese pages
    h2 = page.locator("main h2").all_inner_texts()
    assert h2[:2] == ["历任职务", "主要交往对象"] and h2[2].startswith("事件时间线"), h2
    assert "人物" in page.locator("main > p.muted").first.inner_text()
    sides = page.locator("table.timeline td:nth-child(3)").all_inner_texts()
    assert all(s.split(" · ")[0] in ("行为方", "对象方") for s in sides), sides
    # the chart's legend and axis speak Chinese too
    axis = page.evaluate("""() => echarts.getInstanceByDom(document.getElementById('chart'))
        .getOption().yAxis.map(a => a.name)""")
    assert axis == ["事件数", page.locator("#chart").get_attribute("data-score")]
    # the index, through the header
    with page.expect_navigation():
        page.locator("header nav a", has_text="行为者").click()
    assert html.get_attribute("lang") == "zh-Hans" and page.url.endswith("/actors?lang=zh")
    assert page.locator("h1").inner_text() == "行为者"
    assert "人物" in page.locator(f"{ACTORS} td:nth-child(2)").all_inner_texts()
    # and back to English
    with page.expect_navigation():
        page.locator("header a.lang").click()
    assert html.get_attribute("lang") == "en" and page.locator("h1").inner_text() == "Actors"
    assert problems == []
