"""ICEWS CSV, PLOVER JSONL and Parquet exports of a store."""

from __future__ import annotations

import csv
import io
import json

import pandas as pd
import pytest
from conftest import RUS_GUEST, VNM, VNM_LEADER, fake_extract, fake_page, list_reader, record

from communique import export
from communique.store.ingest import ingest


@pytest.fixture
def filled(store):
    body = "越共中央总书记阮富仲同梅德韦杰夫举行会谈。阮富仲高度评价俄罗斯。梅德韦杰夫表示感谢。"
    pages = [
        fake_page("a", [record(id="1", main=True, span=[13, 40])], body=body,
                  url="https://zh.vietnamplus.vn/a"),
        fake_page("b", [record(id="1", date="2023-05-23")], url="https://tass.ru/b"),
        fake_page("c", [record(id="1", event="CONSULT", mode="phone", medium="phone",
                               cameo="041", actor=(VNM_LEADER, RUS_GUEST), recipient=(),
                               date="2023-08-01")], url="https://zh.vietnamplus.vn/c"),
        fake_page("d", [record(id="1", event="SUPPORT", actor=(VNM,), recipient=(),
                               cameo="057", date="2023-09-01", location=None)]),
    ]
    ingest(store, ["x"], read=list_reader(pages), extract=fake_extract)
    return store


def test_icews_has_its_20_columns_in_order(filled, tmp_path):
    out = tmp_path / "events.csv"
    assert export.write_icews(filled, out) == 3
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert rows[0] == [
        "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
        "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
        "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude",
        "Longitude",
    ]
    visit = dict(zip(rows[0], rows[1], strict=True))
    assert visit["Event Date"] == "2023-05-22"
    assert visit["Source Name"] == "德米特里·梅德韦杰夫"
    assert visit["Source Country"] == "Russian Federation"
    assert visit["Target Country"] == "Vietnam" and visit["Target Sectors"] == "Parties"
    assert (visit["CAMEO Code"], visit["Event Text"]) == ("042", "Make a visit")
    assert visit["Story ID"] == "a" and visit["Publisher"] == "zh.vietnamplus.vn"
    assert visit["Sentence Number"] == "2" and visit["City"] == "河内"
    call = dict(zip(rows[0], rows[2], strict=True))
    assert (call["Source Name"], call["Target Name"]) == ("阮富仲", "德米特里·梅德韦杰夫")
    assert call["Event Text"] == "Discuss by telephone"
    tab = io.StringIO()
    export.write_icews(filled, tab, sep="\t", event="SUPPORT")
    support = tab.getvalue().splitlines()[1].split("\t")
    assert support[6] == "057"
    assert support[2] == "Vietnam"  # a state acting as a whole, by its name
    assert support[14] == support[17] == ""  # no place: empty, not "nan"
    assert not any(cell == "nan" for row in csv.reader(out.open(encoding="utf-8")) for cell in row)
    df = pd.read_csv(out, dtype=str)
    assert len(df.columns) == 20 and len(df) == 3


def test_plover_jsonl_keeps_every_mention(filled, tmp_path):
    out = tmp_path / "events.jsonl"
    assert export.write_plover(filled, out, between=("VNM", "RUS")) == 2
    recs = [json.loads(line) for line in out.open(encoding="utf-8")]
    first = recs[0]
    for field in ("id", "date", "event", "mode", "context", "actor", "recipient", "location",
                  "text", "cameo", "score"):
        assert field in first
    assert first["event"] == "CONSULT" and first["mode"] == "visit"
    assert first["actor"][0]["country"] == "RUS"
    assert [m["outlet"] for m in first["mentions"]] == ["zh.vietnamplus.vn", "tass.ru"]
    assert first["mentions"][0]["span"] == [13, 40]


def test_parquet_roundtrip(filled, tmp_path):
    out = tmp_path / "events.parquet"
    assert export.write_parquet(filled, out) == 3
    df = pd.read_parquet(out)
    assert list(df["event"]) == ["CONSULT", "CONSULT", "SUPPORT"]
    assert df["n_mentions"].sum() == 4
    empty = tmp_path / "none.parquet"
    assert export.write_parquet(filled, empty, country="USA") == 0
    assert pd.read_parquet(empty).empty


def test_export_command(filled, tmp_path):
    from typer.testing import CliRunner

    from communique.cli import app

    db = filled.engine.url.render_as_string(hide_password=False)
    for fmt, name in (("icews", "e.tab"), ("plover", "e.jsonl"), ("parquet", "e.parquet")):
        args = ["export", fmt, "-o", str(tmp_path / name), "--db", db, "--between", "VNM", "RUS"]
        res = CliRunner().invoke(app, args + (["--tab"] if fmt == "icews" else []))
        assert res.exit_code == 0, res.output
        assert "wrote 2 events" in res.output
    header = (tmp_path / "e.tab").read_text(encoding="utf-8").splitlines()[0]
    assert header.split("\t")[:3] == ["Event ID", "Event Date", "Source Name"]
