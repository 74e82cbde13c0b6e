# ruff: noqa: E501  (Chinese strings count double width)
"""The command line, through Typer's test runner, on the seed pages."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

import communique
from communique import cli
from communique.cli import app

SAMPLES = Path(communique.__file__).parent / "samples"
SHARED = Path(__file__).resolve().parents[2] / "shared"
GOLD = SHARED / "eval" / "seeds.gold.jsonl"
SEED = SAMPLES / "003_41b14d6cd62a4744.txt"
ANSI = re.compile(r"\x1b\[[0-9;]*m")

# SPEC section 5: the keys of one record, and of one entity
RECORD_KEYS = {"id", "doc_id", "part", "event", "mode", "medium", "context", "cameo", "score",
               "actor", "recipient", "date", "date_precision", "date_source", "date_evidence",
               "location", "text", "span", "confidence"}
ENTITY_KEYS = {"text", "name", "role", "org", "country", "sector", "id"}


def run(*args: str):
    try:
        runner = CliRunner(mix_stderr=False)  # click < 8.2
    except TypeError:
        runner = CliRunner()  # click >= 8.2 keeps stderr apart
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_extract_jsonl_prints_spec_records():
    result = run("extract", "--format", "jsonl", str(SEED))
    assert result.exit_code == 0
    lines = [ln for ln in result.stdout.splitlines() if ln.strip()]
    assert lines
    records = [json.loads(ln) for ln in lines]
    for rec in records:
        assert RECORD_KEYS <= set(rec), RECORD_KEYS - set(rec)
        for ent in (*rec["actor"], *rec["recipient"]):
            assert ENTITY_KEYS <= set(ent)
        assert rec["doc_id"].startswith(SEED.stem)
    mains = [r for r in records if r["main"] and r["part"] == "article"]
    assert [(r["event"], r["mode"], r["medium"]) for r in mains] == [("CONSULT", "phone", "video")]
    # Chinese is printed as such, not as \\u escapes
    assert "黎怀忠" in result.stdout


def test_extract_published_option_dates_a_page(tmp_path):
    page = tmp_path / "talks.txt"
    page.write_text("越老外长举行会谈\n\n越通社河内3月2日——3月2日,越南外交部长裴青山同老挝外长通萨万·丰威汉在河内举行会谈。\n",
                    encoding="utf-8")
    result = run("extract", "--published", "2024-03-03", str(page))
    assert result.exit_code == 0
    main = next(json.loads(ln) for ln in result.stdout.splitlines() if json.loads(ln)["main"])
    assert (main["date"], main["date_source"]) == ("2024-03-02", "published")


def test_extract_table_prints_the_event_types():
    result = run("extract", "--format", "table", str(SEED))
    assert result.exit_code == 0
    records = communique.extract(SEED.read_text(encoding="utf-8"), doc_id=SEED.stem).records()
    assert records
    for kind in {r["event"] for r in records}:
        assert kind in result.stdout
    assert "★" in result.stdout  # the headline event is marked


def test_extract_rejects_an_unknown_format():
    result = CliRunner().invoke(app, ["extract", "--format", "xml", str(SEED)])
    assert result.exit_code != 0


def test_show_highlights_and_lists_dropped_captions(monkeypatch):
    # a terminal console, so the highlighting is in the output as ANSI styles
    monkeypatch.setattr(cli, "out", Console(force_terminal=True, color_system="standard",
                                            soft_wrap=True, width=200))
    result = run("show", str(SEED))
    assert result.exit_code == 0
    plain = ANSI.sub("", result.stdout)
    assert "越南副外长黎怀忠建议中国继续为出口中国的越南货物顺利通关创造便利条件" in plain
    assert re.search(r"\x1b\[[0-9;]*m黎怀忠", result.stdout), "a person is not highlighted"
    dropped = [ln for ln in plain.splitlines() if "dropped caption" in ln]
    assert dropped and any("ảnh" in ln for ln in dropped)
    assert "REQUEST" in plain and "ACCUSE" in plain


@pytest.mark.skipif(not GOLD.exists(), reason="shared/eval/seeds.gold.jsonl not found beside the repo")
def test_eval_prints_precision_and_recall():
    result = run("eval", "--gold", str(GOLD), str(SAMPLES))
    assert result.exit_code == 0
    m = re.search(r"precision ([01]\.\d+).*recall ([01]\.\d+)", result.stdout)
    assert m, result.stdout[-500:]
    assert float(m.group(1)) >= 0.90 and float(m.group(2)) >= 0.85


def test_bad_file_in_batch_is_skipped_with_exit_code_zero(tmp_path):
    binary = tmp_path / "broken.txt"
    binary.write_bytes(bytes(range(256)) * 16)
    result = run("extract", str(SEED), str(binary))
    assert result.exit_code == 0
    assert "skipped" in result.stderr and "broken.txt" in result.stderr
    assert "skipped" not in result.stdout
    assert [json.loads(ln)["doc_id"] for ln in result.stdout.splitlines()][0] == SEED.stem


def test_version_names_the_knowledge_base() -> None:
    from typer.testing import CliRunner

    from communique.cli import app

    result = CliRunner().invoke(app, ["version"])
    assert result.exit_code == 0 and "knowledge base 1" in result.output


@pytest.mark.parametrize("command", [["events"], ["actors"], ["dyad", "VNM", "RUS"],
                                     ["export", "icews", "-o", "out.csv"]])
def test_a_query_of_a_store_that_is_not_there_says_so_and_makes_none(tmp_path, command):
    db = tmp_path / "typo.db"
    result = run(*command, "--db", str(db))
    assert result.exit_code == 2
    assert f"no store at {db}" in result.stderr
    assert not db.exists()


def test_events_table_shows_a_first_page_and_machine_formats_everything(tmp_path):
    db = str(tmp_path / "s.db")
    assert run("ingest", str(SAMPLES), "--db", db, "--no-progress").exit_code == 0
    every = run("events", "--db", db, "--format", "jsonl").stdout.splitlines()
    assert len(every) > 20 and all(json.loads(line)["id"] for line in every)
    two = run("events", "--db", db, "--format", "jsonl", "--limit", "2").stdout.splitlines()
    assert two == every[:2]
    table = ANSI.sub("", run("events", "--db", db, "--limit", "3").stdout)
    assert "the first 3 events (--limit 0 for all)" in table
    whole = ANSI.sub("", run("events", "--db", db, "--limit", "0").stdout)
    assert f"{len(every)} events" in whole
