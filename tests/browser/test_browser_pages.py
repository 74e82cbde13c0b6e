"""The workbench in headless Chromium over the sample store: every page renders, a filter
narrows the events, an event's evidence opens its document, the dyad chart draws (every month
on its axis, the mean score a dark line), the language switch turns the interface Chinese and
back, numbers align right, short headers do not wrap, and no page logs an error."""

from __future__ import annotations

import re
import time

import pytest

from .charts import DRAWN

pytestmark = pytest.mark.browser

DOC = "000_9fddb8e8c64c1899"
ROWS = "table.events tbody tr"
SHOWN = re.compile(r"(\d+)–(\d+) (?:of|/|共) ?([\d,]+)")


def settle(page) -> None:
    page.wait_for_load_state("networkidle")


def total_shown(page) -> int:
    """The total in the events page's "1–50 of 123" line."""
    text = page.locator("main > p.muted").first.inner_text()
    m = SHOWN.search(text)
    assert m, f"no count in {text!r}"
    return int(m.group(3).replace(",", ""))


def countries(row, column: int) -> set[str]:
    """The country codes a side's cell ends with (its last muted span; names come before)."""
    muted = row.locator(f"td:nth-child({column}) > span.muted")
    if not muted.count():
        return set()
    codes = set(filter(None, muted.last.inner_text().split(",")))
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in codes), codes
    return codes


def row_ids(page) -> list[str]:
    """The event ids the rows' evidence links point at."""
    hrefs = page.locator(f"{ROWS} td.evidence a").evaluate_all("as => as.map(a => a.hash)")
    return [h.removeprefix("#ev-") for h in hrefs]


def api_ids(page, query: str) -> list[str]:
    """The ids the JSON API lists for the same filter, in the same order."""
    response = page.request.get(f"/api/events?{query}")
    assert response.ok, response.status
    return [item["id"] for item in response.json()["items"]]


def test_events_page_lists_rows(page, problems):
    page.goto("/")
    settle(page)
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Events"
    rows = page.locator(ROWS)
    assert rows.count() > 10
    assert total_shown(page) >= rows.count()
    headers = page.locator("table.events thead th").all_inner_texts()
    assert [h.split()[0] for h in headers] == ["Date", "Event", "Mode", "Actors", "Recipients",
                                               "Score", "Evidence"]
    first = rows.first
    assert re.fullmatch(r"-?\d{4}(-\d\d){0,2}|", first.locator("td").first.inner_text().strip())
    assert first.locator("td.evidence a").get_attribute("href").startswith("/documents/")
    assert page.locator("form.filters input[name=between]").is_visible()
    assert problems == []


def test_filter_by_dyad_narrows_rows(page, problems):
    page.goto("/")
    settle(page)
    everything = total_shown(page)
    page.fill("form.filters input[name=between]", "VNM,RUS")
    with page.expect_navigation():
        page.click("form.filters button[type=submit]")
    settle(page)
    assert "between=VNM%2CRUS" in page.url
    assert page.locator("form.filters input[name=between]").input_value() == "VNM,RUS"
    rows = page.locator(ROWS)
    n = rows.count()
    assert 0 < n < everything
    assert total_shown(page) == n
    for i in range(n):
        row = rows.nth(i)
        actor, recipient = countries(row, 4), countries(row, 5)
        assert {"VNM", "RUS"} <= actor | recipient, (i, row.inner_text())
    assert row_ids(page) == api_ids(page, "between=VNM,RUS&order=desc")
    # the filtered page offers the dyad's chart
    assert page.locator("main a[href='/dyad/VNM/RUS']").is_visible()
    assert problems == []


def test_filter_by_country_and_type(page, problems):
    page.goto("/")
    settle(page)
    everything = total_shown(page)
    page.fill("form.filters input[name=country]", "CUB")
    page.fill("form.filters input[name=event]", "CONSULT")
    page.press("form.filters input[name=event]", "Enter")
    page.wait_for_url(re.compile(r"country=CUB"))
    settle(page)
    rows = page.locator(ROWS)
    n = rows.count()
    assert 0 < n < everything
    for i in range(n):
        row = rows.nth(i)
        assert row.locator("td:nth-child(2) .tag").inner_text() == "CONSULT"
        assert "CUB" in countries(row, 4) | countries(row, 5), (i, row.inner_text())
    assert row_ids(page) == api_ids(page, "country=CUB&event=CONSULT&order=desc")
    assert problems == []


def test_bad_filter_shows_an_alert(page, problems):
    page.goto("/")
    page.fill("form.filters input[name=between]", "VNM")
    with page.expect_navigation():
        page.click("form.filters button[type=submit]")
    alert = page.locator("[role=alert]")
    assert alert.is_visible() and "VNM,RUS" in alert.inner_text()
    assert page.locator(ROWS).count() == 0
    # the 422 the page answers with is the expected one
    assert [p for p in problems if "422" not in p and "Unprocessable" not in p] == []


def test_evidence_opens_the_document(page, problems):
    page.goto("/?between=VNM,RUS")
    settle(page)
    link = page.locator(f"{ROWS} td.evidence a").first
    href = link.get_attribute("href")
    evidence = link.inner_text().rstrip("…")
    doc_id, event_id = re.fullmatch(r"/documents/([^?#]+)(?:\?[^#]*)?#(ev-.+)", href).groups()
    with page.expect_navigation():
        link.click()
    settle(page)
    assert page.url.split("#")[0].endswith(f"/documents/{doc_id}")
    assert page.locator("h1").inner_text().strip()
    article = page.locator("section.article")
    ents = article.locator("td.text .ent")
    trgs = article.locator("td.text .trg")
    assert ents.count() > 0 and trgs.count() > 0
    assert ents.first.is_visible() and trgs.first.is_visible()
    # highlighted: the marks have a background the plain text does not
    plain = page.evaluate("getComputedStyle(document.querySelector('td.text')).backgroundColor")
    for mark in (ents.first, trgs.first):
        colour = mark.evaluate("e => getComputedStyle(e).backgroundColor")
        assert colour not in ("rgba(0, 0, 0, 0)", "transparent", plain), colour
    # the event the row stood for is listed beside its sentence, which holds the evidence
    card = page.locator(f"li.event#{event_id}")
    assert card.is_visible()
    sentence = card.locator("xpath=ancestor::tr[1]/td[contains(@class, 'text')]").inner_text()
    assert evidence[:20] in sentence.replace("\n", "")
    assert problems == []


def test_document_page_parts(page, problems):
    page.goto(f"/documents/{DOC}")
    settle(page)
    assert page.locator("[data-entity='person:阮富仲']").first.is_visible()
    assert page.locator(".legend .ent").is_visible() and page.locator(".legend .trg").is_visible()
    dropped = page.locator("section.dropped")
    assert dropped.is_visible() and "Dropped from the article" in dropped.inner_text()
    assert page.locator("section.article").bounding_box()["y"] < dropped.bounding_box()["y"]
    assert problems == []


def test_dyad_chart_draws(page, problems):
    page.goto("/dyad/VNM/RUS")
    canvas = page.locator("#chart canvas").first
    canvas.wait_for(state="visible")
    settle(page)
    box = page.locator("#chart").bounding_box()
    assert box["width"] > 300 and box["height"] > 200
    cbox = canvas.bounding_box()
    assert cbox["width"] > 300 and cbox["height"] > 200
    # something was drawn: the canvas holds opaque pixels in more than one colour
    page.wait_for_function(DRAWN, arg="#chart")
    assert page.locator("h1").inner_text() == "Dyad VNM–RUS"
    assert page.locator("table.events tbody tr").count() > 0
    assert problems == []


def test_language_switch(page, problems):
    page.goto("/")
    settle(page)
    html = page.locator("html")
    assert html.get_attribute("lang") == "en"
    switch = page.locator("header a.lang")
    assert switch.inner_text() == "中文"
    with page.expect_navigation():
        switch.click()
    settle(page)
    assert html.get_attribute("lang") == "zh-Hans"
    assert page.locator("h1").inner_text() == "事件"
    assert "行为方" in page.locator("table.events thead").inner_text()
    assert page.locator("form.filters button[type=submit]").inner_text() == "筛选"
    # a filter keeps the language
    page.fill("form.filters input[name=country]", "VNM")
    with page.expect_navigation():
        page.click("form.filters button[type=submit]")
    settle(page)
    assert html.get_attribute("lang") == "zh-Hans" and "country=VNM" in page.url
    # so does following an event to its document
    with page.expect_navigation():
        page.locator(f"{ROWS} td.evidence a").first.click()
    settle(page)
    assert html.get_attribute("lang") == "zh-Hans" and "/documents/" in page.url
    # and back to English from there
    assert switch.inner_text() == "English"
    with page.expect_navigation():
        switch.click()
    settle(page)
    assert html.get_attribute("lang") == "en"
    assert switch.inner_text() == "中文"
    assert "/documents/" in page.url
    assert problems == []


def test_dyad_chart_in_chinese(page, problems):
    page.goto("/dyad/VNM/RUS?lang=zh")
    page.locator("#chart canvas").first.wait_for(state="visible")
    settle(page)
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    assert "主要事件" in page.locator("main").inner_text()
    assert problems == []


def test_the_icon_is_the_svg(page, problems, server_log):
    """Chromium fetches the icon the page names, and never asks for /favicon.ico (the page
    fixture fails any test during which it does)."""
    before = server_log.stat().st_size
    page.goto("/")
    icon = page.locator("head link[rel=icon]")
    assert icon.get_attribute("href") == "/static/favicon.svg"
    assert icon.get_attribute("type") == "image/svg+xml"

    def logged() -> str:
        return server_log.read_bytes()[before:].decode(errors="replace")

    # the browser's own fetch (out of Playwright's sight) shows in the server's access log
    deadline = time.monotonic() + 5
    while '"GET /static/favicon.svg HTTP/1.1" 200' not in logged():
        assert time.monotonic() < deadline, "Chromium never fetched /static/favicon.svg"
        time.sleep(0.05)
    assert "/favicon.ico" not in logged()
    assert problems == []


# the chart's option as the page set it: its x-axis, its series, its y-axes
CHART = """() => {
    const o = echarts.getInstanceByDom(document.getElementById('chart')).getOption();
    return {periods: o.xAxis[0].data, yAxis: o.yAxis,
            series: o.series.map(s => ({name: s.name, type: s.type, data: s.data,
                                        lineStyle: s.lineStyle, itemStyle: s.itemStyle,
                                        symbol: s.symbol, symbolSize: s.symbolSize}))};
}"""


def chart_option(page) -> dict:
    page.locator("#chart canvas").first.wait_for(state="visible")
    settle(page)
    return page.evaluate(CHART)


def next_month(period: str) -> str:
    year, month = map(int, period.split("-"))
    return f"{year + month // 12}-{month % 12 + 1:02d}"


def test_dyad_chart_spaces_time_evenly(page, problems):
    """The chart has a bar slot for every month (year) from the first to the last, empty ones
    included, where the API lists only the periods with events."""
    got = page.request.get("/api/dyad/VNM/RUS").json()
    assert len(got["periods"]) >= 2
    page.goto("/dyad/VNM/RUS")
    chart = chart_option(page)
    periods = chart["periods"]
    assert periods[0] == got["periods"][0] and periods[-1] == got["periods"][-1]
    assert all(next_month(a) == b for a, b in zip(periods, periods[1:], strict=False)), periods
    assert set(got["periods"]) <= set(periods) and len(periods) > len(got["periods"])
    # a month between two months with events: on the axis, with no events and no score
    first, second = got["periods"][:2]
    assert next_month(first) != second, "the samples' first two months are adjacent"
    empty = periods.index(next_month(first))
    bars = [s for s in chart["series"] if s["type"] == "bar"]
    assert {s["name"] for s in bars} == set(got["types"])
    assert all(s["data"][empty] == 0 for s in bars)
    line = next(s for s in chart["series"] if s["type"] == "line")
    assert line["data"][empty] is None
    # the months with events keep their counts and scores
    for i, p in enumerate(got["periods"]):
        j = periods.index(p)
        assert sum(s["data"][j] for s in bars) == got["events"][i]
        assert line["data"][j] == got["mean_score"][i]
    # by year: every year in between
    years = page.request.get("/api/dyad/VNM/RUS?by=year").json()["periods"]
    page.goto("/dyad/VNM/RUS?by=year")
    shown = chart_option(page)["periods"]
    assert shown == [str(y) for y in range(int(years[0]), int(years[-1]) + 1)], (shown, years)
    assert problems == []


def test_score_line_is_dark_on_its_own_axis(page, problems):
    """The mean score: one dark line with solid points on every chart, on a fixed -10..10 axis
    that draws no gridlines of its own."""
    for url in ("/dyad/VNM/RUS", "/actors/person:阮富仲"):
        page.goto(url)
        chart = chart_option(page)
        line = [s for s in chart["series"] if s["type"] == "line"]
        assert len(line) == 1, url
        line = line[0]
        assert line["lineStyle"]["color"] == line["itemStyle"]["color"] == "#222", url
        assert line["symbol"] == "circle" and line["symbolSize"] >= 6
        count_axis, score_axis = chart["yAxis"]
        assert (score_axis["min"], score_axis["max"]) == (-10, 10)
        assert score_axis["splitLine"]["show"] is False
        assert count_axis.get("splitLine", {}).get("show", True) is not False
    assert problems == []


ALIGN = "els => els.map(e => getComputedStyle(e).textAlign)"
# how many lines an element's text takes
LINES = """e => { const r = document.createRange(); r.selectNodeContents(e);
    return new Set([...r.getClientRects()].filter(x => x.width > 0)
                   .map(x => Math.round(x.top))).size; }"""


def test_numbers_align_right(page, problems):
    for url in ("/", "/dyad/VNM/RUS", "/network", "/actors"):
        page.goto(url)
        settle(page)
        nums = page.locator("table.events td.num, table.events th.num")
        assert nums.count() > 1, url
        assert set(nums.evaluate_all(ALIGN)) == {"right"}, url
        text = page.locator("table.events td:not(.num)")
        assert set(text.evaluate_all(ALIGN)) == {"left"}, url
    assert problems == []


def test_short_headers_and_roles_do_not_wrap(page, problems):
    page.goto("/dyad/VNM/RUS")
    settle(page)
    head = page.locator("table.events th", has_text="Mean score").first
    assert head.evaluate("e => getComputedStyle(e).whiteSpace") == "nowrap"
    assert head.evaluate(LINES) == 1
    page.goto("/?lang=zh")
    settle(page)
    head = page.locator("table.events th.num").first
    assert head.inner_text().startswith("分值") and head.evaluate(LINES) == 1
    # the role column of an actor's timeline: one line per side ("actor · 总书记")
    page.goto("/actors/person:阮富仲")
    settle(page)
    cells = page.locator("table.timeline td.as")
    assert cells.count() > 0
    for i in range(cells.count()):
        cell = cells.nth(i)
        assert cell.evaluate(LINES) == cell.locator("br").count() + 1, cell.inner_text()
    assert problems == []
