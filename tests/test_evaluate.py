"""The scorer of SPEC section 6, on the seed gold and on small hand-made cases."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from communique.evaluate import (
    date_correct,
    format_report,
    load_jsonl,
    names_match,
    normalise_name,
    pool_of,
    score,
    year_correct,
)

GOLD_PATH = Path("/work/shared/eval/seeds.gold.jsonl")

needs_gold = pytest.mark.skipif(not GOLD_PATH.exists(), reason="seed gold file not available")


def as_predicted(line: dict) -> dict:
    """A gold line in the shape of a SPEC section 5 record."""

    def entity(e: dict) -> dict:
        return {
            "text": e.get("org") or e.get("name") or e.get("country"),
            "name": e.get("name"),
            "org": e.get("org"),
            "country": e.get("country"),
        }

    return {
        "doc_id": line["doc"],
        "part": line["part"],
        "event": line["event"],
        "mode": line["mode"],
        "date": line["date"],
        "actor": [entity(e) for e in line["actor"]],
        "recipient": [entity(e) for e in line["recipient"]],
        "text": line.get("evidence"),
        "main": line.get("main", False),
    }


def gold_line(doc, event, actor, recipient=(), date="2020-05-29", mode=None, main=False):
    """A gold line; ``actor``/``recipient`` are (name, country) pairs."""
    return {
        "doc": doc,
        "part": "teaser" if "#" in doc else "article",
        "event": event,
        "mode": mode,
        "date": date,
        "actor": [{"name": n, "org": None, "country": c} for n, c in actor],
        "recipient": [{"name": n, "org": None, "country": c} for n, c in recipient],
        "main": main,
        "evidence": f"{event} evidence",
    }


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    if not GOLD_PATH.exists():
        pytest.skip("seed gold file not available")
    return load_jsonl(GOLD_PATH)


@pytest.fixture(scope="module")
def predicted(gold) -> list[dict]:
    return [as_predicted(g) for g in gold]


# --- the seed gold against itself ------------------------------------------------------------


@needs_gold
def test_gold_against_itself_is_perfect(gold, predicted):
    s = score(gold, predicted)
    assert s.gold_lines == len(gold) == 62
    assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)
    assert s.n_gold == s.n_pred == s.tp
    assert s.mode_accuracy == s.date_accuracy == s.year_accuracy == s.name_accuracy == 1.0
    assert s.names_total > 0 and s.year_total > 0
    assert s.main_total == s.main_found == s.main_mode == s.main_date == s.main_complete
    assert not s.missed and not s.false_positives
    assert all(d.fp == d.fn == 0 for d in s.docs)


@needs_gold
def test_distinct_gold_tuples_per_document(gold, predicted):
    s = score(gold, predicted)
    per_doc = {d.pool: d.gold for d in s.docs}
    assert per_doc == {
        "000_9fddb8e8c64c1899": 5,
        "000_9fddb8e8c64c1899#teasers": 5,
        "001_e08e30e6338d062c": 4,  # five SUPPORT VNM→CUB and two AGREE lines collapse
        "001_e08e30e6338d062c#teasers": 5,
        "002_6e976aa6c6f504c0": 5,  # the visit is told twice
        "002_6e976aa6c6f504c0#teasers": 4,
        "003_41b14d6cd62a4744": 5,
        "003_41b14d6cd62a4744#teasers": 3,
        "004_184a02c494a2d2c7": 5,
        "004_184a02c494a2d2c7#teasers": 9,
    }
    assert s.n_gold == 50
    assert s.main_total == 23


@needs_gold
def test_one_event_removed_costs_exactly_one_tuple_of_recall(gold, predicted):
    # the ACCUSE line of page 003 is a tuple of its own
    idx = next(i for i, g in enumerate(gold) if g["event"] == "ACCUSE")
    s_full = score(gold, predicted)
    s = score(gold, predicted[:idx] + predicted[idx + 1 :])
    assert s.precision == 1.0
    assert s.recall == pytest.approx(1.0 - 1.0 / s_full.n_gold)
    assert [t.event for t in s.missed] == ["ACCUSE"]
    # one of the five SUPPORT VNM→CUB lines of page 001: the tuple is still told, nothing lost
    dup = [
        i
        for i, g in enumerate(gold)
        if g["doc"] == "001_e08e30e6338d062c"
        and g["event"] == "SUPPORT"
        and g["actor"][0]["country"] == "VNM"
    ]
    assert len(dup) == 5
    s = score(gold, [p for i, p in enumerate(predicted) if i != dup[0]])
    assert (s.precision, s.recall) == (1.0, 1.0)


@needs_gold
def test_extra_prediction_with_wrong_countries_lowers_precision(gold, predicted):
    extra = copy.deepcopy(predicted[0])  # the headline visit RUS→VNM of page 000
    extra["actor"][0]["country"] = "CHN"
    s = score(gold, [*predicted, extra])
    assert s.recall == 1.0
    assert s.n_pred == s.n_gold + 1
    assert s.precision == pytest.approx(s.n_gold / (s.n_gold + 1))
    assert len(s.false_positives) == 1 and s.false_positives[0].sides == (
        frozenset({"CHN", "VNM"}),
    )


@needs_gold
def test_duplicate_predictions_count_once(gold, predicted):
    s = score(gold, predicted + copy.deepcopy(predicted))
    assert s.pred_records == 2 * len(gold)
    assert s.n_pred == s.n_gold
    assert (s.precision, s.recall) == (1.0, 1.0)


@needs_gold
def test_docs_restrict_the_scope(gold, predicted):
    page = "003_41b14d6cd62a4744"
    only = [p for p in predicted if p["doc_id"].startswith(page)]
    s = score(gold, only, docs={page})
    assert s.pages == [page]
    assert {d.pool for d in s.docs} == {page, f"{page}#teasers"}
    assert s.n_gold == 8 and (s.precision, s.recall) == (1.0, 1.0)
    # without docs the whole gold is the scope: the other pages are missed
    s = score(gold, only)
    assert s.recall == pytest.approx(8 / 50)
    # predictions on a page outside the scope are set aside, not false positives
    s = score(gold, only, docs={"000_9fddb8e8c64c1899"})
    assert s.pred_outside == len(only) and s.n_pred == 0 and s.recall == 0.0


@needs_gold
def test_entity_without_country_is_ignored(gold, predicted):
    # teaser-4 of page 000 has 各国驻越外交代表机构 with country null among its actors
    idx = next(
        i
        for i, g in enumerate(gold)
        if g["doc"] == "000_9fddb8e8c64c1899#teaser-4"
        and any(e["country"] is None for e in g["actor"])
    )
    preds = copy.deepcopy(predicted)
    preds[idx]["actor"] = [e for e in preds[idx]["actor"] if e["country"] is not None]
    assert (score(gold, preds).precision, score(gold, preds).recall) == (1.0, 1.0)


@needs_gold
def test_report_ends_with_the_figures(gold, predicted):
    extra = copy.deepcopy(predicted[1])
    extra["event"] = "ACCUSE"
    s = score(gold, [*predicted[2:], extra])
    text = format_report(s)
    tail = "\n".join(text.splitlines()[-14:])
    assert "precision" in tail and "recall" in tail and "F1" in tail
    assert "main:" in tail and "names:" in tail and "year" in tail
    assert "MISS 000_9fddb8e8c64c1899 CONSULT" in text
    assert "FP 000_9fddb8e8c64c1899 ACCUSE" in text
    assert text.index("MISS") < text.index("events:  precision")


# --- agreement rules on small cases -----------------------------------------------------------

DOC = "003_41b14d6cd62a4744"


def test_gold_without_recipient_accepts_any_recipient():
    g = [gold_line(DOC, "SUPPORT", [("黎怀忠", "VNM"), ("罗照辉", "CHN")])]
    p = [
        as_predicted(
            gold_line(DOC, "SUPPORT", [("黎怀忠", "VNM"), ("罗照辉", "CHN")], [(None, "RUS")])
        )
    ]
    assert score(g, p).tp == 1
    # but a gold recipient is not satisfied by an empty or different one
    g = [gold_line(DOC, "SUPPORT", [("黎怀忠", "VNM")], [(None, "CHN")])]
    for recipient in ([], [(None, "RUS")]):
        p = [as_predicted(gold_line(DOC, "SUPPORT", [("黎怀忠", "VNM")], recipient))]
        assert score(g, p).tp == 0
    # and the actor must still agree
    g = [gold_line(DOC, "SUPPORT", [("黎怀忠", "VNM")])]
    p = [as_predicted(gold_line(DOC, "SUPPORT", [("罗照辉", "CHN")], [(None, "VNM")]))]
    assert score(g, p).tp == 0


def test_consult_and_agree_are_symmetric_support_is_not():
    for event in ("CONSULT", "AGREE"):
        g = [gold_line(DOC, event, [("黎怀忠", "VNM")], [("罗照辉", "CHN")])]
        swapped = [as_predicted(gold_line(DOC, event, [("罗照辉", "CHN")], [("黎怀忠", "VNM")]))]
        both_actors = [as_predicted(gold_line(DOC, event, [("罗照辉", "CHN"), ("黎怀忠", "VNM")]))]
        assert score(g, swapped).tp == 1
        assert score(g, both_actors).tp == 1
        s = score(g, swapped)
        assert s.name_accuracy == 1.0  # CONSULT/AGREE names are looked up on either side
    g = [gold_line(DOC, "SUPPORT", [("黎怀忠", "VNM")], [("罗照辉", "CHN")])]
    swapped = [as_predicted(gold_line(DOC, "SUPPORT", [("罗照辉", "CHN")], [("黎怀忠", "VNM")]))]
    s = score(g, swapped)
    assert s.tp == 0 and len(s.missed) == 1 and len(s.false_positives) == 1
    # a CONSULT with a third country on one side does not agree
    g = [gold_line(DOC, "CONSULT", [("黎怀忠", "VNM")], [("罗照辉", "CHN")])]
    p = [
        as_predicted(
            gold_line(DOC, "CONSULT", [("黎怀忠", "VNM")], [("罗照辉", "CHN"), (None, "LAO")])
        )
    ]
    assert score(g, p).tp == 0


def test_event_type_must_be_equal():
    g = [gold_line(DOC, "REQUEST", [("黎怀忠", "VNM")], [(None, "CHN")], mode="assist")]
    p = [as_predicted(gold_line(DOC, "SUPPORT", [("黎怀忠", "VNM")], [(None, "CHN")]))]
    assert score(g, p).tp == 0


def test_teasers_of_one_page_are_one_pool_but_pages_are_not():
    page, other = "000_9fddb8e8c64c1899", "001_e08e30e6338d062c"
    assert pool_of(f"{page}#teaser-5") == pool_of(f"{page}#teaser-2") == f"{page}#teasers"
    assert pool_of(page) == page
    g = [
        gold_line(
            f"{page}#teaser-5",
            "CONSULT",
            [("通伦·西苏里", "LAO")],
            [(None, "VNM")],
            date="--01-26",
            mode="visit",
            main=True,
        )
    ]
    p = as_predicted(g[0])
    p["doc_id"] = f"{page}#teaser-2"
    s = score(g, [p])
    assert s.tp == 1 and s.main_found == 1
    p["doc_id"] = f"{other}#teaser-5"
    s = score(g, [p], docs={page, other})
    assert s.tp == 0 and len(s.false_positives) == 1
    # nor does a teaser event match the article of its own page
    p["doc_id"] = page
    assert score(g, [p]).tp == 0


def test_main_event_accounting_and_main_first():
    # two gold visits RUS→VNM: a delegation meeting dated by month, then the headline talks
    g = [
        gold_line(DOC, "CONSULT", [(None, "RUS")], [(None, "VNM")], date="2023-05", mode="visit"),
        gold_line(
            DOC,
            "CONSULT",
            [("德米特里·梅德韦杰夫", "RUS")],
            [("阮富仲", "VNM")],
            date="2023-05-22",
            mode="visit",
            main=True,
        ),
    ]
    # one prediction, closest to the first line: the headline still takes it
    p = [
        as_predicted(
            gold_line(
                DOC,
                "CONSULT",
                [("梅德韦杰夫", "RUS")],
                [("阮富仲", "VNM")],
                date="2023-05",
                mode="visit",
            )
        )
    ]
    s = score(g, p)
    assert s.tp == 1 and s.pairs[0].gold.main
    assert (s.main_total, s.main_found, s.main_mode, s.main_date, s.main_complete) == (
        1,
        1,
        1,
        0,
        0,
    )
    assert s.missed[0].day == "2023-05"
    # with both predicted, each takes the one of its own day, whatever the order
    p2 = as_predicted(g[1])
    p2["mode"] = None
    s = score(g, [p[0], p2])
    assert s.tp == 2 and s.date_accuracy == 1.0
    assert (s.main_found, s.main_mode, s.main_date, s.main_complete) == (1, 0, 1, 0)
    assert s.mode_correct == 1
    # nothing predicted: the main event is not found
    s = score(g, [])
    assert (s.main_total, s.main_found) == (1, 0)


def test_closest_prediction_prefers_day_then_mode_then_names():
    g = [gold_line(DOC, "REQUEST", [("黎怀忠", "VNM")], [(None, "CHN")], mode="meet")]

    def pred(name, mode, date):
        return as_predicted(
            gold_line(DOC, "REQUEST", [(name, "VNM")], [(None, "CHN")], mode=mode, date=date)
        )

    # same day beats same mode and names
    s = score(g, [pred("黎怀忠", "meet", "2020-05-28"), pred("某某", "assist", "2020-05-29")])
    assert s.pairs[0].pred.day == "2020-05-29"
    # both days wrong: same mode beats shared names
    s = score(g, [pred("黎怀忠", "assist", "2020-05-28"), pred("某某", "meet", "2020-05-27")])
    assert s.pairs[0].pred.mode == "meet"
    # days wrong, modes equal: shared names decide
    s = score(g, [pred("某某", "meet", "2020-05-28"), pred("黎怀忠", "meet", "2020-05-27")])
    assert s.pairs[0].pred.day == "2020-05-27"
    assert s.tp == 1 and s.precision == 0.5


# --- names and dates -------------------------------------------------------------------------


def test_name_normalisation():
    assert normalise_name("亚历山大•福明") == "亚历山大·福明"
    assert normalise_name("亚历山大・福明") == normalise_name("亚历山大.福明") == "亚历山大·福明"
    assert normalise_name("迪亚斯-卡内尔") == normalise_name("迪亚斯·卡内尔")
    assert normalise_name(" ") is None and normalise_name(None) is None
    assert normalise_name("麥卡錫") == normalise_name("麦卡锡")  # gold of a traditional page
    assert names_match("梅德韦杰夫", "德米特里·梅德韦杰夫")
    assert names_match("德米特里·梅德韦杰夫", "梅德韦杰夫")
    assert not names_match("阮富仲", "阮志咏")
    assert not names_match("阮", "阮富仲")  # one character is not a name


def test_name_accuracy_on_matched_pairs():
    g = [gold_line(DOC, "CONSULT", [("阮志咏", "VNM"), ("亚历山大·福明", "RUS")], mode="phone")]
    p = [
        as_predicted(
            gold_line(DOC, "CONSULT", [("阮志咏", "VNM"), ("亚历山大•福明", "RUS")], mode="phone")
        )
    ]
    assert score(g, p).name_accuracy == 1.0
    p = [
        as_predicted(gold_line(DOC, "CONSULT", [("阮志咏", "VNM"), ("福明", "RUS")], mode="phone"))
    ]
    assert score(g, p).name_accuracy == 1.0
    p = [as_predicted(gold_line(DOC, "CONSULT", [("阮志咏", "VNM"), (None, "RUS")], mode="phone"))]
    s = score(g, p)
    assert (s.names_found, s.names_total) == (1, 2)
    assert s.pairs[0].missing_names == ["亚历山大·福明"]
    # SUPPORT: a name is looked for on its own side only
    g = [gold_line(DOC, "SUPPORT", [("阮志咏", "VNM")], [("亚历山大·福明", "RUS")])]
    p = [
        as_predicted(
            gold_line(
                DOC, "SUPPORT", [("阮志咏", "VNM"), ("亚历山大·福明", "VNM")], [(None, "RUS")]
            )
        )
    ]
    p[0]["actor"][1]["country"] = None  # a stray name on the wrong side, ignored for countries
    s = score(g, p)
    assert s.tp == 1 and (s.names_found, s.names_total) == (1, 2)


def test_collapsed_gold_merges_names():
    g = [
        gold_line(DOC, "SUPPORT", [("阮富仲", "VNM")], [(None, "CUB")]),
        gold_line(DOC, "SUPPORT", [("阮富仲", "VNM")], [("迪亚斯-卡内尔", "CUB")]),
    ]
    p = [as_predicted(gold_line(DOC, "SUPPORT", [("阮富仲", "VNM")], [(None, "CUB")]))]
    s = score(g, p)
    assert s.n_gold == 1 and s.recall == 1.0
    assert (s.names_found, s.names_total) == (1, 2)


def test_date_rules():
    assert date_correct("--01-27", "2026-01-27")
    assert date_correct("--01-27", "--01-27")
    assert not date_correct("--01-27", "--01-26")
    assert date_correct("2023-05-22", "2023-05-22")
    assert not date_correct("2023-05-22", "--05-22")  # the gold has a year: it is wanted
    assert not date_correct("2023-05-22", "2022-05-22")
    assert not date_correct("2023-05", "2023-05-22")  # more precise than the gold knows
    assert date_correct("2023-05", "2023-05")
    assert date_correct(None, None)
    assert not date_correct(None, "2026-01-27")
    assert not date_correct("2026-01-27", None)
    assert year_correct("2023-05-22", "2023-01-01") is True
    assert year_correct("2023-05-22", "--05-22") is False
    assert year_correct("--05-22", "2023-05-22") is None
    assert year_correct(None, None) is None


def test_year_accuracy_counts_only_gold_with_a_year():
    g = [
        gold_line(DOC, "SUPPORT", [("黎怀忠", "VNM")], [(None, "CHN")], date="2020-05-29"),
        gold_line(
            DOC, "REQUEST", [("黎怀忠", "VNM")], [(None, "CHN")], date="--05-29", mode="assist"
        ),
    ]
    p = [as_predicted(x) for x in g]
    p[0]["date"] = "2021-05-29"
    p[1]["date"] = "2021-05-29"
    s = score(g, p)
    assert (s.year_correct, s.year_total) == (0, 1)
    assert (s.date_correct, s.tp) == (1, 2)


def test_load_jsonl(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text('{"a": 1}\n\n{"a": 2}\n', encoding="utf-8")
    assert load_jsonl(path) == [{"a": 1}, {"a": 2}]
    path.write_text('{"a": 1}\n{"a": \n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"x\.jsonl:2"):
        load_jsonl(path)
    path.write_text(json.dumps([1, 2]) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="JSON object"):
        load_jsonl(path)


def test_collapsed_tuple_is_main_if_any_of_its_lines_is():
    first = gold_line(DOC, "CONSULT", [("黎怀忠", "VNM")], [("罗照辉", "CHN")], mode="phone")
    headline = dict(first, main=True, evidence="the headline")
    s = score([first, headline], [])
    assert s.n_gold == 1 and s.main_total == 1
    assert s.missed[0].record["evidence"] == "the headline"
