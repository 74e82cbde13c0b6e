"""The query API (DataFrames) and the commands that print it."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from conftest import CUB, RUS, RUS_GUEST, VNM, VNM_LEADER, fake_extract, fake_page, list_reader
from conftest import record as rec
from typer.testing import CliRunner

from communique.cli import app
from communique.store import open_store
from communique.store import queries as q
from communique.store.ingest import ingest

PM = {**VNM_LEADER, "text": "政府总理范明政", "name": "范明政", "role": "总理", "org": "越南政府",
      "sector": "GOV", "id": "person:范明政"}
CUB_LEADER = {"text": "古巴国家主席迪亚斯-卡内尔", "name": "迪亚斯-卡内尔", "role": "国家主席",
              "org": None, "country": "CUB", "sector": "GOV", "id": "person:迪亚斯-卡内尔"}


def pages() -> list:
    return [
        fake_page("a", [rec(id="1", main=True),
                        rec(id="2", event="SUPPORT", actor=(VNM_LEADER,), recipient=(RUS,),
                            context=["diplomatic", "economic"], text="阮富仲高度评价俄罗斯。")],
                  url="https://zh.vietnamplus.vn/a"),
        fake_page("b", [rec(id="1", date="2023-05-23")], url="https://tass.ru/b"),
        fake_page("c", [rec(id="1", actor=(PM,), recipient=(RUS_GUEST,), date="2024-03-02",
                            mode="phone", medium="phone", cameo="041", score=4.0)],
                  url="https://zh.vietnamplus.vn/c"),
        fake_page("d", [rec(id="1", event="SUPPORT", actor=(VNM_LEADER,), recipient=(CUB_LEADER,),
                            date="2023-07-26", text="阮富仲致电祝贺古巴起义日。")],
                  url="https://zh.vietnamplus.vn/d"),
        fake_page("e", [rec(id="1", event="AID", actor=(VNM,), recipient=(CUB,), cameo="071",
                            date="2023-07-30", score=7.0)], url="https://zh.vietnamplus.vn/e"),
    ]


@pytest.fixture
def filled(store):
    ingest(store, ["x"], read=list_reader(pages()), extract=fake_extract)
    return store


def test_events_filters(filled):
    assert len(q.events(filled)) == 5
    between = q.events(filled, between=("VNM", "RUS"))
    assert list(between["date"]) == ["2023-05-22", "2023-05-22", "2024-03-02"]
    assert q.events(filled, between=("RUS", "VNM"), since="2024").shape[0] == 1
    assert q.events(filled, between=("VNM", "RUS"), until="2023-05").shape[0] == 2
    assert set(q.events(filled, actor="阮富仲")["event"]) == {"CONSULT", "SUPPORT"}
    assert len(q.events(filled, actor="person:范明政")) == 1
    assert len(q.events(filled, country="CUB")) == 2
    assert list(q.events(filled, event="aid")["cameo"]) == ["071"]
    assert list(q.events(filled, mode="phone")["medium"]) == ["phone"]
    assert list(q.events(filled, context="economic")["context"]) == ["diplomatic,economic"]
    assert len(q.events(filled, outlet="tass.ru")) == 1
    assert list(q.events(filled, text="起义日")["recipient_names"]) == ["迪亚斯-卡内尔"]
    assert q.events(filled, text="100%").empty
    meeting = q.events(filled, event="CONSULT", mode="visit").iloc[0]
    assert (meeting.n_mentions, meeting.n_documents) == (2, 2)
    assert len(q.mentions(filled, meeting.id)) == 2



def test_a_country_lists_each_of_its_events_once_in_date_order(store):
    both = fake_page("f", [rec(id="1", event="CONSULT", actor=(VNM_LEADER, PM),
                               recipient=(CUB_LEADER,), date="2023-06-01")])
    ingest(store, ["x"], read=list_reader([*pages(), both]), extract=fake_extract)
    vnm = q.events(store, country="vnm")
    assert vnm["id"].is_unique and len(vnm) == 6  # the two-leader meeting once
    dates = [d for d in vnm["date"] if d]
    assert dates == sorted(dates)
    assert list(q.events(store, country="VNM", event="AID")["cameo"]) == ["071"]
    assert len(q.events(store, country="VNM", limit=2)) == 2
    cub = q.events(store, country="CUB", since="2023-06-01", until="2023-07-26")
    assert list(cub["date"]) == ["2023-06-01", "2023-07-26"]


def test_an_organisation_lists_each_of_its_peoples_events_once_in_date_order(store):
    both = fake_page("f", [rec(id="1", event="CONSULT", actor=(PM, {**PM, "text": "范明政",
                                                                    "id": "person:范明政2"}),
                               recipient=(CUB_LEADER,), date="2023-06-01",
                               text="范明政会见古巴国家主席。")])
    ingest(store, ["x"], read=list_reader([*pages(), both]), extract=fake_extract)
    gov = q.events(store, actor="越南政府")  # the organisation of both people
    assert list(gov["date"]) == ["2023-06-01", "2024-03-02"]
    assert list(q.events(store, actor="越南政府", since="2024")["date"]) == ["2024-03-02"]
    assert list(q.events(store, actor="越南政府", country="CUB")["date"]) == ["2023-06-01"]
    assert list(q.events(store, actor="越南政府", text="会见古巴")["date"]) == ["2023-06-01"]
    assert list(q.events(store, actor="person:范明政2", text="会谈")["date"]) == []


def test_dyad_by_month_and_year(filled):
    by_month = q.dyad(filled, "VNM", "RUS")
    assert list(by_month["period"]) == ["2023-05", "2024-03"]
    assert list(by_month["events"]) == [2, 1]
    assert by_month.loc[0, "CONSULT"] == 1 and by_month.loc[0, "SUPPORT"] == 1
    assert "梅德韦杰夫" in by_month.loc[0, "headline"]
    by_year = q.dyad(filled, "rus", "vnm", by="year")
    assert list(by_year["period"]) == ["2023", "2024"]
    assert q.dyad(filled, "VNM", "USA").empty


def test_actors_roles_and_counterparts(filled):
    df = q.actors(filled)
    top = df.iloc[0]
    assert top["name"] == "阮富仲"
    assert top["events"] == 3
    assert "总书记" in top["roles"]
    assert set(top["counterparts"].split("; ")) == {"德米特里·梅德韦杰夫 (1)", "俄罗斯 (1)",
                                                    "迪亚斯-卡内尔 (1)"}
    assert list(q.actors(filled, "范明")["name"]) == ["范明政"]
    assert set(q.actors(filled, country="CUB")["name"]) == {"迪亚斯-卡内尔"}


def test_commands_print_tables_jsonl_csv_and_parquet(filled, tmp_path):
    runner = CliRunner()
    db = ["--db", filled.engine.url.render_as_string(hide_password=False)]
    res = runner.invoke(app, ["events", *db, "--between", "VNM", "RUS", "-f", "jsonl"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.output.splitlines()]
    assert len(rows) == 3 and rows[0]["event"] == "CONSULT"
    res = runner.invoke(app, ["events", *db, "--country", "CUB", "-f", "csv"])
    assert res.output.splitlines()[0].startswith("id,date,event")
    res = runner.invoke(app, ["events", *db, "-f", "parquet", "-o", str(tmp_path / "e.parquet")])
    assert res.exit_code == 0 and len(pd.read_parquet(tmp_path / "e.parquet")) == 5
    res = runner.invoke(app, ["dyad", "VNM", "RUS", *db, "--by", "year"])
    assert res.exit_code == 0 and "2024" in res.output
    res = runner.invoke(app, ["actors", *db])
    assert res.exit_code == 0 and "阮富仲" in res.output


def test_ingest_command_summary(tmp_path, monkeypatch):
    import communique.store.ingest as mod

    monkeypatch.setattr(mod, "_default_reader", lambda: list_reader(pages()))
    monkeypatch.setattr(mod, "_default_extractor", lambda: fake_extract)
    db = str(tmp_path / "cli.db")
    res = CliRunner().invoke(app, ["ingest", "archive", "--db", db])
    assert res.exit_code == 0, res.output
    assert "stored 5 pages, skipped 0 already stored, rejected 0" in res.output
    assert "6 event mentions folded into 5 new events" in res.output
    res = CliRunner().invoke(app, ["ingest", "archive", "--db", db])
    assert "stored 0 pages, skipped 5 already stored" in res.output
    with open_store(db) as st:
        assert st.counts()["events"] == 5



def test_the_ingest_command_leaves_postgresql_with_fresh_statistics(store_url, monkeypatch):
    """And with no entries pending in the search index, which every search would scan."""
    from sqlalchemy import text

    import communique.store.ingest as mod

    if not store_url.startswith("postgresql"):
        pytest.skip("SQLite plans without statistics")
    monkeypatch.setattr(mod, "_default_reader", lambda: list_reader(pages()))
    monkeypatch.setattr(mod, "_default_extractor", lambda: fake_extract)
    res = CliRunner().invoke(app, ["ingest", "archive", "--db", store_url])
    assert res.exit_code == 0, res.output
    with open_store(store_url) as st, st.engine.connect() as conn:
        analysed = conn.scalar(text("SELECT count(*) FROM pg_stat_user_tables WHERE relname IN "
                                    "('events', 'event_pairs') AND last_analyze IS NOT NULL"))
        pending = conn.scalar(text("SELECT gin_clean_pending_list('ix_mention_terms_terms')"))
    assert analysed == 2
    assert pending == 0


@pytest.mark.parametrize(("cores", "args", "jobs"),
                         [(2, [], 2), (4, [], 4), (1, [], 0), (1, ["-j", "2"], 2)])
def test_ingest_runs_a_job_per_core_unless_on_one_core(tmp_path, monkeypatch, cores, args,
                                                       jobs):
    import communique.store.ingest as ingest_module
    from communique.store.ingest import IngestSummary

    seen = []

    def record(store, paths, **kw):
        seen.append(kw["jobs"])
        return IngestSummary()

    monkeypatch.setattr(ingest_module, "ingest", record)
    monkeypatch.setattr("communique.store.workers.cores", lambda: cores)
    result = CliRunner().invoke(app, ["ingest", "x.txt", "--db", str(tmp_path / "s.db"), *args])
    assert result.exit_code == 0, result.output
    assert seen == [jobs]
