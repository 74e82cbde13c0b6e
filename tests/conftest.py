"""Shared fixtures. The store's tests build their pages by hand (``fake_page``) and extract them
with ``fake_extract``, which reads the SPEC section 5 records back from the page, so they do not
depend on the extractor's quality."""

from __future__ import annotations

import json
import os
import sqlite3
import warnings
from pathlib import Path
from typing import Any

import pytest

from communique.model import (
    DateValue,
    Document,
    Entity,
    Event,
    Location,
    Page,
    RawPage,
)

MARK = "\n<!--records "

VNM_LEADER = {"text": "越共中央总书记阮富仲", "name": "阮富仲", "role": "总书记",
              "org": "越南共产党中央委员会", "country": "VNM", "sector": "PTY",
              "id": "person:阮富仲"}
RUS_GUEST = {"text": "统俄党主席德米特里·梅德韦杰夫", "name": "德米特里·梅德韦杰夫", "role": "主席",
             "org": "统一俄罗斯党", "country": "RUS", "sector": "PTY",
             "id": "person:德米特里·梅德韦杰夫"}
VNM = {"text": "越南", "name": None, "role": None, "org": None, "country": "VNM", "sector": "GOV",
       "id": "country:VNM"}
RUS = {**VNM, "text": "俄罗斯", "country": "RUS", "id": "country:RUS"}
CUB = {**VNM, "text": "古巴", "country": "CUB", "id": "country:CUB"}


def record(
    event: str = "CONSULT",
    actor: tuple[dict, ...] = (RUS_GUEST,),
    recipient: tuple[dict, ...] = (VNM_LEADER,),
    date: str | None = "2023-05-22",
    **kw: Any,
) -> dict[str, Any]:
    """A SPEC section 5 record; keyword arguments override fields."""
    rec = {
        "id": kw.pop("id", "e1"), "doc_id": "doc", "part": "article", "event": event,
        "mode": "visit" if event == "CONSULT" else None, "medium": "in_person",
        "context": ["diplomatic"], "cameo": "042" if event == "CONSULT" else "051",
        "score": 4.0 if event == "CONSULT" else 3.5,
        "actor": [{**a, "span": [0, len(a["text"])]} for a in actor],
        "recipient": [{**r, "span": [0, len(r["text"])]} for r in recipient],
        "date": date, "date_precision": "day" if date and len(date) == 10 and date[0] != "-"
        else ("month-day" if date else None),
        "date_source": "text" if date else None, "date_evidence": date,
        "location": {"text": "越共中央总部", "place": "河内", "country": "VNM"},
        "text": "阮富仲同德米特里·梅德韦杰夫举行了会谈。", "span": [0, 20], "trigger": [14, 16],
        "main": False, "confidence": 0.9,
    }
    rec.update(kw)
    return rec


def fake_page(
    doc_id: str, records: list[dict], teasers: list[list[dict]] | None = None,
    body: str = "正文。", **raw: Any,
) -> RawPage:
    """A page whose text carries the records ``fake_extract`` will give back."""
    payload = {"records": records, "teasers": teasers or []}
    text = f"{doc_id} 标题\n{body}{MARK}{json.dumps(payload, ensure_ascii=False)}-->"
    return RawPage(doc_id=doc_id, text=text, source=f"/archive/{doc_id}.txt", **raw)


def _entity(d: dict) -> Entity:
    kind = "person" if d.get("name") else ("igo" if d.get("country") == "IGO" else "country")
    return Entity(text=d["text"], span=tuple(d.get("span") or (0, 1)), kind=kind, id=d["id"],
                  name=d.get("name"), role=d.get("role"), org=d.get("org"),
                  country=d.get("country"), sector=d.get("sector"))


def _event(r: dict, doc_id: str, part: str) -> Event:
    loc = r.get("location")
    return Event(
        id=r["id"], doc_id=doc_id, part=part, event=r["event"], mode=r.get("mode"),
        medium=r.get("medium"), context=tuple(r.get("context") or ()), cameo=r["cameo"],
        score=r["score"], actor=tuple(_entity(a) for a in r["actor"]),
        recipient=tuple(_entity(a) for a in r["recipient"]),
        date=DateValue(r["date"], r["date_precision"], r["date_source"], r.get("date_evidence")),
        location=Location(**loc) if loc else None, text=r["text"], span=tuple(r["span"]),
        trigger=tuple(r.get("trigger") or r["span"]), confidence=r["confidence"],
        main=r.get("main", False),
    )


def _doc(doc_id: str, part: str, text: str, records: list[dict], published: str | None) -> Document:
    page = Page(doc_id=doc_id, part=part, text=text, display_text=text,
                title_span=(0, text.find("\n")), paragraphs=(), published=published)
    events = tuple(_event(r, doc_id, part) for r in records)
    ents = {e.id: e for ev in events for e in (*ev.actor, *ev.recipient)}
    return Document(page=page, entities=tuple(ents.values()), events=events)


def fake_extract(raw: RawPage) -> Document:
    """Give back the records a ``fake_page`` carries; ``BOOM`` in a page raises."""
    text = raw.text or ""
    if "BOOM" in text:
        raise RuntimeError("the extractor choked")
    if MARK not in text:
        page = Page(raw.doc_id, "article", "", "", None, ())
        return Document(page=page, error="no article text")
    clean, payload = text.split(MARK, 1)
    data = json.loads(payload.removesuffix("-->"))
    teasers = tuple(
        _doc(f"{raw.doc_id}#teaser-{i + 1}", "teaser", f"相关{i + 1}\n", recs, raw.published)
        for i, recs in enumerate(data["teasers"])
    )
    doc = _doc(raw.doc_id, "article", clean, data["records"], raw.published)
    return Document(page=doc.page, entities=doc.entities, events=doc.events, teasers=teasers)


def downgrade(store, url: str, revision: str) -> None:
    """Take a store back to an older schema revision, as an older release left it, and close
    it: the next ``open_store(url)`` migrates it forward again."""
    from alembic import command

    from communique.store import alembic_config, writing

    cfg = alembic_config(url)
    with writing(store.engine) as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
    store.close()


def list_reader(items: list) -> Any:
    """A reader over a list, in the shape of ``communique.sources.iter_pages``."""
    return lambda paths, published=None: iter(items)


@pytest.fixture(params=["sqlite", "postgresql"])
def new_db(request, tmp_path):
    """A factory of fresh empty databases on one backend; PostgreSQL needs COMMUNIQUE_TEST_PG."""
    made: list[str] = []
    count = iter(range(1000))
    base = os.environ.get("COMMUNIQUE_TEST_PG")
    if request.param == "postgresql" and not base:
        pytest.skip("PostgreSQL tests need COMMUNIQUE_TEST_PG=postgresql+psycopg://… (see .ci)")

    def make() -> str:
        n = next(count)
        if request.param == "sqlite":
            return f"sqlite:///{tmp_path / f'test{n}.db'}"
        from sqlalchemy import create_engine, text

        name = f"t_{os.getpid()}_{n}_{abs(hash(request.node.nodeid)) % 10**8}"
        admin = create_engine(base, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        made.append(name)
        return admin.url.set(database=name).render_as_string(hide_password=False)

    yield make
    if made:
        from sqlalchemy import create_engine, text

        admin = create_engine(base, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            for name in made:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def store_url(new_db) -> str:
    return new_db()


@pytest.fixture
def store(store_url):
    from communique.store import open_store

    s = open_store(store_url)
    yield s
    s.close()


# --- the web workbench: one store of the bundled sample pages, a server over a copy of it ------

SAMPLE_DIR = Path(__file__).parents[1] / "src/communique/samples"
WEB_TOKEN = "web-test-token"


@pytest.fixture(scope="session")
def sample_pages() -> list[str]:
    """The bundled sample pages (paths), in name order."""
    return sorted(str(p) for p in SAMPLE_DIR.glob("*.txt"))


@pytest.fixture(scope="session")
def sample_store(sample_pages, tmp_path_factory) -> Path:
    """A SQLite store of the sample pages, ingested once a session: copy it before writing."""
    from communique.store import open_store
    from communique.store.ingest import ingest

    path = tmp_path_factory.mktemp("samples") / "samples.db"
    with open_store(path) as store:
        summary = ingest(store, sample_pages)
    assert summary.stored == len(sample_pages)
    return path


@pytest.fixture(scope="module")
def sample_db(sample_store, tmp_path_factory) -> str:
    """This test module's own copy of the sample store (a path)."""
    path = tmp_path_factory.mktemp("web") / "samples.db"
    src, dst = sqlite3.connect(sample_store), sqlite3.connect(path)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return str(path)


@pytest.fixture(scope="session")
def web_token() -> str:
    return WEB_TOKEN


def _web_client(db: str, token: str | None):
    with warnings.catch_warnings():  # starlette prefers httpx2 and says so on import
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from communique.web import create_app

    return TestClient(create_app(db, token=token))


@pytest.fixture(scope="module")
def web_client(sample_db):
    """A read-only server (TestClient) over this module's sample store."""
    with _web_client(sample_db, None) as client:
        yield client


@pytest.fixture(scope="module")
def web_writer(sample_db, web_token):
    """A server over this module's sample store that takes POSTs with ``web_token``."""
    with _web_client(sample_db, web_token) as client:
        yield client
