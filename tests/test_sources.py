# ruff: noqa: E501  (Chinese strings count double width)
"""sources: decoding, files/folders/globs, JSONL, WARC, HTML extraction."""

from __future__ import annotations

import codecs
import io
import json
import time
from pathlib import Path

import pytest

from communique.model import InputError, RawPage, Rejected
from communique.sources import decode, html_to_text, iter_pages
from communique.sources.html import FAST_LIMIT, clean_title, iso_date

SIMP = (
    "越通社河内5月29日——越共中央委员、外交部副部长黎怀忠同中国外交部副部长罗照辉举行视频会议，"
    "就越中关系和两国抗击新冠肺炎疫情合作深入交换意见。双方同意加强合作。\n"
)
TRAD = (
    "越通社河內5月29日——越共中央委員、外交部副部長黎懷忠同中國外交部副部長羅照輝舉行視頻會議，"
    "就越中關係和兩國抗擊新冠肺炎疫情合作深入交換意見。雙方同意加強合作。\n"
)
SHORT = "越南国家主席会见中国外长王毅。"

ARTICLE_HTML = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>越南国家主席会见中国外交部长_新华网</title>
<meta property="article:published_time" content="2024-03-05T18:20:31+08:00">
<script>var tracking = {a: 1}; function f() { return "越南"; }</script>
<style>body { color: red }</style></head>
<body><div class="nav"><a href="/">首页</a> &gt; <a href="/world">国际</a></div>
<script>document.write('广告位招商');</script>
<div class="article"><h1>越南国家主席会见中国外交部长</h1>
<p>新华社河内3月5日电（记者 张三）越南国家主席武文赏5日在河内会见到访的中国外交部长王毅。</p>
<p>武文赏表示，越方愿同中方加强高层交往，推动越中全面战略合作伙伴关系深入发展。</p>
<p>王毅表示，中方愿同越方一道落实两党两国领导人达成的重要共识，推进双边各领域合作。</p>
</div><div class="footer">版权所有 新华网</div></body></html>"""

BARE_HTML = ARTICLE_HTML.replace(
    '<meta property="article:published_time" content="2024-03-05T18:20:31+08:00">', ""
)


# --- decode ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        (SIMP, "gb18030", "gb18030"),
        (SHORT, "gb18030", "gb18030"),
        (TRAD, "big5", "big5"),
        (SIMP, "utf-8", "utf-8"),
        (SIMP, "utf-16-le", "utf-16-le"),  # no BOM, pure CJK: no NUL bytes at all
        (SIMP, "utf-16-be", "utf-16-be"),
        ("Ha Noi " + SIMP, "utf-16-le", "utf-16-le"),  # no BOM, NUL pattern
        ("Ha Noi " + SIMP, "utf-16-be", "utf-16-be"),
    ],
)
def test_decode_detects_encoding(text, codec, expected):
    out, name = decode(text.encode(codec))
    assert out == text
    assert name == expected


@pytest.mark.parametrize(
    ("bom", "codec", "expected"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
    ],
)
def test_decode_bom(bom, codec, expected):
    out, name = decode(bom + TRAD.encode(codec))
    assert out == TRAD
    assert name == expected


def test_decode_files_written_to_disk(tmp_path):
    for codec in ("gb18030", "utf-16", "utf-8-sig"):
        p = tmp_path / f"page-{codec}.txt"
        p.write_text(SIMP, encoding=codec)
        assert decode(p.read_bytes())[0] == SIMP
    p = tmp_path / "big5.txt"
    p.write_text(TRAD, encoding="big5")
    assert decode(p.read_bytes()) == (TRAD, "big5")


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 50, "binary"),
        (bytes(range(1, 32)) * 40, "binary"),
    ],
)
def test_decode_rejects_empty_and_binary(data, words):
    with pytest.raises(InputError, match=words):
        decode(data)


def test_decode_big_gb18030_is_fast():
    data = (SIMP * 20000).encode("gb18030")  # ~5 MB
    t0 = time.perf_counter()
    text, name = decode(data)
    assert name == "gb18030" and len(text) == len(SIMP) * 20000
    assert time.perf_counter() - t0 < 10  # a guard against a blow-up, not a speed measurement


# --- iter_pages: files, folders, globs -------------------------------------------------------


def test_batch_good_binary_empty_good(tmp_path):
    good1 = tmp_path / "a.txt"
    good1.write_text(SIMP, encoding="gb18030")
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\x00\x01\x02\xff\xfe\x00binary\x00" * 100)
    empty = tmp_path / "c.txt"
    empty.write_bytes(b"")
    good2 = tmp_path / "d.txt"
    good2.write_text(TRAD, encoding="big5")
    items = list(iter_pages([good1, binary, empty, good2]))
    assert [type(i) for i in items] == [RawPage, Rejected, Rejected, RawPage]
    assert items[0].doc_id == "a" and items[0].text == SIMP and items[0].encoding == "gb18030"
    assert items[1].source == str(binary) and "binary" in items[1].reason
    assert items[2].source == str(empty) and "empty" in items[2].reason
    assert items[3].doc_id == "d" and items[3].text == TRAD and items[3].encoding == "big5"


def test_folder_recursive_sorted_glob_and_missing(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(SHORT, encoding="utf-8")
    (tmp_path / "a.txt").write_text(SHORT, encoding="utf-8")
    (tmp_path / "c.html").write_text(ARTICLE_HTML, encoding="utf-8")
    (tmp_path / ".hidden").write_text("x", encoding="utf-8")
    items = list(iter_pages(tmp_path))
    assert [i.doc_id for i in items] == ["a", "c", "b"]
    assert items[1].html is not None and items[1].text is None
    globbed = list(iter_pages(str(tmp_path / "**" / "*.txt")))
    assert sorted(i.doc_id for i in globbed) == ["a", "b"]
    missing = list(iter_pages([tmp_path / "nope.txt", str(tmp_path / "*.xyz")]))
    assert all(isinstance(m, Rejected) for m in missing) and len(missing) == 2
    assert "no such file" in missing[0].reason and "no file matches" in missing[1].reason


def test_markup_in_txt_is_html_and_limits(tmp_path):
    p = tmp_path / "page.txt"
    p.write_text("\n  " + ARTICLE_HTML, encoding="utf-8")
    (page,) = iter_pages(p, published="2024-03-06")
    # the page states its date in <meta>: the user's date does not override it
    assert page.html is not None and page.published == "2024-03-05"
    bare = tmp_path / "bare.html"
    bare.write_text("<html><body><p>" + SIMP + "</p></body></html>", encoding="utf-8")
    (page,) = iter_pages(bare, published="2024-03-06")
    assert page.published == "2024-03-06"
    big = tmp_path / "big.txt"
    big.write_text(SIMP * 100, encoding="utf-8")
    (rej,) = iter_pages(big, max_bytes=1000)
    assert isinstance(rej, Rejected) and "over the limit" in rej.reason
    ws = tmp_path / "ws.txt"
    ws.write_text(" \n\t\n", encoding="utf-8")
    (rej,) = iter_pages(ws)
    assert isinstance(rej, Rejected) and "whitespace" in rej.reason


# --- JSONL -----------------------------------------------------------------------------------


def test_jsonl_records_and_bad_lines(tmp_path):
    p = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "r1", "url": "https://x/1", "published": "2023-05-22", "title": "T1",
                    "text": SIMP}, ensure_ascii=False),
        "{not json",
        "",
        json.dumps({"id": "r3", "html": ARTICLE_HTML}, ensure_ascii=False),
        json.dumps(["a", "list"]),
        json.dumps({"id": "r5", "title": "no body"}),
        json.dumps({"text": SHORT, "published": "2023年7月28日"}, ensure_ascii=False),
        json.dumps({"id": "r8", "text": SHORT}, ensure_ascii=False),
    ]  # fmt: skip
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_pages(p, published="2020-01-01"))
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["RawPage", "Rejected", "RawPage", "Rejected", "Rejected", "RawPage", "RawPage"]
    r1, bad, r3, not_obj, no_body, r7, r8 = items
    assert (r1.doc_id, r1.url, r1.published, r1.title, r1.text) == (
        "r1",
        "https://x/1",
        "2023-05-22",
        "T1",
        SIMP,
    )
    assert r1.source == f"{p}:1"
    assert bad.source == f"{p}:2" and "bad JSON" in bad.reason
    assert r3.html == ARTICLE_HTML and r3.text is None
    assert r3.published == "2024-03-05"  # the date the HTML states in <meta>
    assert r8.published == "2020-01-01"  # the user's date fills a missing one
    assert not_obj.source == f"{p}:5" and "object" in not_obj.reason
    assert no_body.source == f"{p}:6" and '"text"' in no_body.reason
    assert r7.doc_id == "batch-7" and r7.published == "2023-07-28"  # the record's own date wins


def test_jsonl_takes_a_year_or_a_month_alone_as_published_and_dates_events_by_it(tmp_path):
    from communique.pipeline import extract_raw

    p = tmp_path / "partial.jsonl"
    body = "习近平会见梅德韦杰夫\n\n12月21日下午，国家主席习近平在北京会见统一俄罗斯党主席梅德韦杰夫。"
    lines = [json.dumps({"id": i, "published": d, "text": body}, ensure_ascii=False)
             for i, d in (("y", "2022"), ("m", "2022-12"), ("bad", "2022-13"), ("w", "22"))]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    y, m, bad, worse = iter_pages(p)
    assert (y.published, m.published) == ("2022", "2022-12")
    assert isinstance(bad, Rejected) and isinstance(worse, Rejected)
    meeting = extract_raw(y).records()[0]
    assert (meeting["date"], meeting["date_source"]) == ("2022-12-21", "published")


def test_jsonl_empty_file_is_rejected(tmp_path):
    p = tmp_path / "none.ndjson"
    p.write_text("\n\n", encoding="utf-8")
    (rej,) = iter_pages(p)
    assert isinstance(rej, Rejected) and "no records" in rej.reason


# --- WARC ------------------------------------------------------------------------------------


def _write_warc(path: Path, gz: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        req = writer.create_warc_record(
            "https://example.org/a", "request", payload=io.BytesIO(b"GET /a HTTP/1.1\r\n\r\n")
        )
        writer.write_record(req)
        for url, ctype, body in (
            ("https://example.org/a", "text/html; charset=utf-8", ARTICLE_HTML.encode("utf-8")),
            ("https://example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00"),
            ("https://example.org/b", "text/html", BARE_HTML.encode("gb18030")),
        ):
            http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                http_headers=http,
                warc_headers_dict={"WARC-Date": "2024-03-07T10:11:12Z"},
            )
            writer.write_record(rec)


@pytest.mark.parametrize("gz", [False, True])
def test_warc_html_responses(tmp_path, gz):
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    _write_warc(path, gz)
    items = list(iter_pages(path))
    assert len(items) == 2 and all(isinstance(i, RawPage) for i in items)
    a, b = items
    assert a.url == "https://example.org/a" and b.url == "https://example.org/b"
    assert a.published == "2024-03-05"  # the page's own <meta> date
    assert b.published == "2024-03-07"  # no <meta> date: the crawl date (WARC-Date)
    assert a.html == ARTICLE_HTML and b.html == BARE_HTML
    assert b.encoding == "gb18030"
    assert a.doc_id and a.doc_id != b.doc_id and "urn:" not in a.doc_id


def test_broken_warc_is_rejected(tmp_path):
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00garbage-not-gzip" * 10)
    items = list(iter_pages([path, tmp_path / "bad.warc.gz"]))
    assert items and all(isinstance(i, Rejected) for i in items)


# --- HTML ------------------------------------------------------------------------------------


def test_html_to_text_article_title_date():
    text, meta = html_to_text(ARTICLE_HTML)
    lines = text.split("\n")
    assert lines[0] == "越南国家主席会见中国外交部长"
    assert lines[1].startswith("新华社河内3月5日电")
    assert meta["date"] == "2024-03-05"
    assert meta["title"] == "越南国家主席会见中国外交部长"
    for junk in ("tracking", "广告位招商", "color", "首页"):
        assert junk not in text


def test_html_scripts_only_or_empty_gives_empty_text():
    assert html_to_text("<html><head><script>var a = 1;</script></head>"
                        "<body><script>b()</script></body></html>")[0] == ""  # fmt: skip
    assert html_to_text("")[0] == ""
    assert html_to_text("<html><body></body></html>")[0] == ""


def test_html_title_prepended_when_text_lacks_it():
    html = ("<html><head><title>越老两国总理举行会谈 - 越通社</title></head><body><article>"
            "<p>越通社万象3月5日——越南政府总理范明政5日在万象同老挝总理宋赛·西潘敦举行会谈。"
            "双方一致同意进一步加强两国特殊团结关系，推动经贸合作取得新进展。</p>"
            "<p>两国总理见证了多项合作文件的签署仪式。</p></article></body></html>")  # fmt: skip
    text, meta = html_to_text(html)
    assert text.split("\n")[0] == "越老两国总理举行会谈"
    assert "越通社万象3月5日" in text


def test_huge_html_takes_the_fast_path():
    para = "<p>" + SIMP.strip() + "</p>\n"
    html = ("<html><head><title>大页面</title><script>x()</script></head><body><nav>首页</nav>"
            "<h1>大页面标题</h1>" + para * (FAST_LIMIT // len(para) + 10) + "</body></html>")  # fmt: skip
    t0 = time.perf_counter()
    text, meta = html_to_text(html)
    assert time.perf_counter() - t0 < 10
    assert text.startswith("大页面标题\n") and "x()" not in text
    assert text.count("双方同意加强合作。") > 1000


def test_helpers():
    assert iso_date("2023-05-22T10:00:00Z") == "2023-05-22"
    assert iso_date("2023/5/2") == "2023-05-02"
    assert iso_date("2023年7月28日") == "2023-07-28"
    assert iso_date("yesterday") is None and iso_date(None) is None
    assert clean_title("越南国家主席会见中国外长 - 新华网") == "越南国家主席会见中国外长"
    assert clean_title("越南国家主席会见中国外长_新华网") == "越南国家主席会见中国外长"
    assert clean_title("有效促进越俄防务合作") == "有效促进越俄防务合作"
