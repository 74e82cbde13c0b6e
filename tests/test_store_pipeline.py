"""End to end with the real readers and extractor: a WARC file in, events and exports out."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from sqlalchemy import text

from communique import export
from communique.store.ingest import ingest

SAMPLES = Path(__file__).parents[1] / "src" / "communique" / "samples"


@pytest.fixture
def extract_raw():
    try:
        from communique.pipeline import extract_raw
        from communique.sources import iter_pages  # noqa: F401
    except ImportError as err:
        pytest.skip(f"the extraction pipeline does not import yet: {err}")
    return extract_raw


def _html(path: Path) -> bytes:
    lines = path.read_text(encoding="utf-8").splitlines()
    body = "".join(f"<p>{line}</p>\n" for line in lines[1:] if line.strip())
    return (f"<html><head><meta charset='utf-8'><title>{lines[0]}</title></head>"
            f"<body><h1>{lines[0]}</h1>\n{body}</body></html>").encode()


def write_warc(path: Path) -> list[str]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    samples = sorted(SAMPLES.glob("*.txt"))[:2]
    urls = [f"https://zh.vietnamplus.vn/{p.stem}.vnp" for p in samples]
    bodies = [_html(p) for p in samples] + [_html(samples[0]), b""]
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i, body in enumerate(bodies):
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                    protocol="HTTP/1.1")
            rec = writer.create_warc_record(
                urls[i % 2], "response", payload=io.BytesIO(body), http_headers=http,
                warc_headers_dict={"WARC-Date": "2023-05-23T08:00:00Z"},
            )
            writer.write_record(rec)
    return urls


def test_warc_in_events_and_exports_out(store, tmp_path, extract_raw):
    warc = tmp_path / "crawl.warc.gz"
    urls = write_warc(warc)
    (tmp_path / "broken.warc").write_bytes(b"this is not a WARC file")
    paths = [str(warc), str(tmp_path / "broken.warc")]
    first = ingest(store, paths, extract=extract_raw, jobs=2, batch_size=2)
    assert first.stored == 2 and first.skipped == 1 and first.rejected >= 2
    with store.engine.connect() as conn:
        docs = conn.execute(text("SELECT url, outlet, published, doc_id FROM documents "
                                 "ORDER BY url")).all()
        sources = [r[0] for r in conn.execute(text("SELECT source FROM rejects"))]
        mentions = conn.execute(text(
            "SELECT m.doc_id, m.text, p.text, d.url FROM event_mentions m "
            "JOIN parts p ON p.id = m.part_id JOIN documents d ON d.id = m.document_id")).all()
    assert [d[0] for d in docs] == sorted(urls)
    assert {d[1] for d in docs} == {"zh.vietnamplus.vn"}
    assert any(s.endswith("broken.warc") for s in sources)
    assert mentions, "the sample pages report meetings"
    for doc_id, sentence, part_text, url in mentions:
        assert sentence in part_text
        assert doc_id.split("#")[0] in {d[3] for d in docs if d[0] == url}
    again = ingest(store, paths, extract=extract_raw)
    assert again.stored == 0 and again.new_events == 0
    out = tmp_path / "events.jsonl"
    n = export.write_plover(store, out)
    recs = [json.loads(line) for line in out.open(encoding="utf-8")]
    assert n == len(recs) == store.counts()["events"]
    assert sum(len(r["mentions"]) for r in recs) == len(mentions)
    assert export.write_icews(store, tmp_path / "events.csv") == n
