# ruff: noqa: E501  (Chinese strings count double width)
"""The pipeline end to end: the seed pages, their gold events, bad input, scripts and encodings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import communique
from communique.evaluate import load_jsonl, score
from communique.model import Document, Rejected
from communique.pipeline import extract_paths, extract_text

SAMPLES = Path(communique.__file__).parent / "samples"
SHARED = Path(__file__).resolve().parents[2] / "shared"
GOLD = SHARED / "eval" / "seeds.gold.jsonl"
SEED_IDS = sorted(p.stem for p in SAMPLES.glob("*.txt"))

needs_gold = pytest.mark.skipif(not GOLD.exists(), reason="shared/eval/seeds.gold.jsonl not found beside the repo")


def seed_text(doc_id: str) -> str:
    return (SAMPLES / f"{doc_id}.txt").read_text(encoding="utf-8")


def body_paragraphs(doc_id: str) -> list[str]:
    """The seed's article paragraphs as printed: after the title, up to the end mark, no captions."""
    text = seed_text(doc_id).split("(完)")[0]
    lines = [ln.strip() for ln in text.splitlines()[1:]]
    return [ln for ln in lines if ln and "ảnh" not in ln and not ln.endswith("图自越通社")]


def signature(doc: Document) -> list[tuple]:
    """What a reader compares between two versions of a page: types, modes, sides' countries."""
    return [(e.event, e.mode, tuple(sorted(a.country or "" for a in e.actor)),
             tuple(sorted(r.country or "" for r in e.recipient))) for e in doc.events]


@pytest.fixture(scope="module")
def seeds() -> dict[str, Document]:
    out = {}
    for item in extract_paths(sorted(SAMPLES.glob("*.txt"))):
        assert isinstance(item, Document), item
        out[item.doc_id] = item
    assert sorted(out) == SEED_IDS and len(SEED_IDS) == 5
    return out


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    if not GOLD.exists():
        pytest.skip("shared/eval/seeds.gold.jsonl not found beside the repo")
    return load_jsonl(GOLD)


# --- the seeds ----------------------------------------------------------------------------------


@needs_gold
@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_one_main_event_as_the_gold_says(seeds, gold, doc_id):
    doc = seeds[doc_id]
    mains = [e for e in doc.events if e.main]
    assert len(mains) == 1, [(e.event, e.text[:30]) for e in mains]
    want = [g for g in gold if g["doc"] == doc_id and g["part"] == "article" and g["main"]]
    assert len(want) == 1
    got, exp = mains[0], want[0]
    assert (got.event, got.mode, got.date.value) == (exp["event"], exp["mode"], exp["date"])
    assert {a.country for a in (*got.actor, *got.recipient)} == {
        e["country"] for e in (*exp["actor"], *exp["recipient"])}


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_every_span_points_at_its_words(seeds, doc_id):
    doc = seeds[doc_id]
    assert doc.records()
    for sub in doc.all_documents():
        text = sub.page.text
        for rec in (ev.to_record() for ev in sub.events):
            assert text[slice(*rec["span"])] == rec["text"]
            s, e = rec["trigger"]
            assert rec["span"][0] <= s < e <= rec["span"][1]
            for ent in (*rec["actor"], *rec["recipient"]):
                assert text[slice(*ent["span"])] == ent["text"]
        for ent in sub.entities:
            assert text[slice(*ent.span)] == ent.text, ent


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_teasers_are_numbered_documents_of_their_page(seeds, doc_id):
    doc = seeds[doc_id]
    assert doc.teasers, "every seed page has a `更多` block of related stories"
    assert [t.doc_id for t in doc.teasers] == [f"{doc_id}#teaser-{n}" for n in range(1, len(doc.teasers) + 1)]
    assert all(t.page.part == "teaser" for t in doc.teasers)
    assert all(r["doc_id"].startswith(doc_id) for r in doc.records())


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_no_caption_leaks_into_events(seeds, doc_id):
    doc = seeds[doc_id]
    for sub in doc.all_documents():
        for ev in sub.events:
            assert "ảnh" not in ev.text and "图自越通社" not in ev.text, ev.text
    # the article's text itself holds no caption line
    assert "ảnh" not in doc.page.text
    assert any(d.kind == "caption" for d in doc.page.dropped)


@needs_gold
def test_seed_scores_meet_the_bar(seeds, gold):
    predicted = [r for doc in seeds.values() for r in doc.records()]
    docs = {d.doc_id for doc in seeds.values() for d in doc.all_documents()}
    s = score(gold, predicted, docs=docs)
    assert s.precision >= 0.90, s.precision
    assert s.recall >= 0.85, s.recall


# --- bad input ----------------------------------------------------------------------------------


def test_empty_file_is_rejected_with_a_reason(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    [item] = list(extract_paths([p]))
    assert isinstance(item, Rejected)
    assert "empty" in item.reason


def test_binary_file_is_rejected_with_a_reason(tmp_path):
    p = tmp_path / "image.txt"
    p.write_bytes(bytes(range(256)) * 64)
    [item] = list(extract_paths([p]))
    assert isinstance(item, Rejected)
    assert "binary" in item.reason


def test_empty_and_blank_strings_give_an_error_not_an_exception():
    for text in ("", "   \n\n  "):
        doc = extract_text(text)
        assert doc.events == () and doc.error


def test_html_with_scripts_only():
    html = ("<html><head><script>var a = '越南国家主席会见老挝客人';</script></head>"
            "<body><script>track('越共中央总书记苏林同老挝领导人举行会谈')</script></body></html>")
    doc = extract_text(html)
    assert doc.events == ()
    assert doc.error  # nothing of the page is article text, and it says so


def test_page_without_an_event():
    doc = extract_text("河内迎来入冬第一场冷空气\n\n越通社河内12月1日——今天河内气温明显下降,市民在还剑湖畔散步。\n")
    assert doc.error is None
    assert doc.events == ()


def test_truncated_page_still_gives_its_main_event():
    doc_id = "004_184a02c494a2d2c7"
    text = seed_text(doc_id)
    cut = text.index("邀请俄罗斯国防部长在疫情过后")  # in the middle of a body paragraph
    doc = extract_text(text[:cut], doc_id=doc_id)
    mains = [e for e in doc.events if e.main]
    assert len(mains) == 1
    assert (mains[0].event, mains[0].mode, mains[0].medium) == ("CONSULT", "phone", "video")
    assert {a.country for a in mains[0].actor} == {"VNM", "RUS"}


def test_huge_page_completes_with_events(tmp_path):
    doc_id = "004_184a02c494a2d2c7"
    title = seed_text(doc_id).splitlines()[0]
    paras = body_paragraphs(doc_id)
    lines, size = [title], 0
    while size < 20 * 2**20:
        for p in paras:
            lines.append(p)
            size += len(p.encode("utf-8")) + 1
    path = tmp_path / "huge.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert path.stat().st_size >= 20 * 2**20
    [doc] = list(extract_paths([path]))
    assert isinstance(doc, Document), doc
    assert any(e.main and e.event == "CONSULT" for e in doc.events)


def test_batch_goes_on_past_bad_files_in_order(tmp_path):
    good1, good2 = SAMPLES / f"{SEED_IDS[0]}.txt", SAMPLES / f"{SEED_IDS[1]}.txt"
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\x00\x01\x02\x03\xff\xfe" * 1000)
    empty = tmp_path / "e.txt"
    empty.write_bytes(b"")
    items = list(extract_paths([good1, binary, empty, good2]))
    assert [type(i).__name__ for i in items] == ["Document", "Rejected", "Rejected", "Document"]
    assert [items[0].doc_id, items[3].doc_id] == SEED_IDS[:2]
    assert items[1].source == str(binary) and items[2].source == str(empty)
    assert all(i.reason for i in items[1:3])


# --- scripts, encodings, formats ----------------------------------------------------------------


def test_traditional_chinese_gives_the_same_events():
    opencc = pytest.importorskip("opencc")
    doc_id = "003_41b14d6cd62a4744"
    simp = extract_text(seed_text(doc_id), doc_id=doc_id)
    trad_text = opencc.OpenCC("s2t").convert(seed_text(doc_id))
    assert trad_text != seed_text(doc_id)
    trad = extract_text(trad_text, doc_id=doc_id)
    assert simp.events and signature(trad) == signature(simp)
    to_trad = opencc.OpenCC("s2t")
    for ev in trad.events:
        # the page shows each event's sentence as the source wrote it, at the same offsets
        assert trad.page.display_text[slice(*ev.span)] == to_trad.convert(ev.text)
    main = next(e for e in trad.events if e.main)
    shown = trad.page.display_text[slice(*main.span)]
    assert "黎懷忠" in shown and "黎怀忠" in main.text  # shown as written, coded as simplified


def test_gb18030_file_gives_the_same_events(tmp_path):
    doc_id = "002_6e976aa6c6f504c0"
    text = seed_text(doc_id)
    path = tmp_path / f"{doc_id}.txt"
    path.write_bytes(text.encode("gb18030"))
    [doc] = list(extract_paths([path]))
    assert isinstance(doc, Document), doc
    utf8 = extract_text(text, doc_id=doc_id)
    assert doc.events and signature(doc) == signature(utf8)


def test_html_page_uses_its_published_date(tmp_path):
    doc_id = "004_184a02c494a2d2c7"
    title = seed_text(doc_id).splitlines()[0]
    paras = "".join(f"<p>{p}</p>" for p in body_paragraphs(doc_id))
    html = (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} | 越通社</title>'
            '<meta property="article:published_time" content="2020-07-04"></head>'
            f"<body><article><h1>{title}</h1>{paras}</article></body></html>")
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    [doc] = list(extract_paths([path]))
    assert isinstance(doc, Document), doc
    assert doc.page.published == "2020-07-04"
    main = next(e for e in doc.events if e.main)
    # `7月3日下午` prints no year: the page's date gives it
    assert main.date.value == "2020-07-03"
    assert main.date.source == "published"


def test_jsonl_record_with_published(tmp_path):
    text = ("越老外长举行会谈\n\n越通社河内3月2日——3月2日,越南外交部长裴青山同老挝外长通萨万·丰威汉在河内举行会谈。\n")
    path = tmp_path / "pages.jsonl"
    rows = [{"id": "a1", "published": "2024-03-03", "text": text},
            {"id": "a2", "text": text}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    dated, undated = list(extract_paths([path]))
    assert (dated.doc_id, undated.doc_id) == ("a1", "a2")
    main = next(e for e in dated.events if e.main)
    assert main.event == "CONSULT"
    assert (main.date.value, main.date.source) == ("2024-03-02", "published")
    # without a publication date the year is nowhere: month and day only
    other = next(e for e in undated.events if e.main)
    assert other.date.value == "--03-02"


def test_a_press_conference_is_dated_by_its_headline_and_a_stamped_page_by_its_stamp():
    """Sentences that say no date are dated by the report: the date the headline opens with
    (`text`), or the page's date and time line (`published`)."""
    fmprc = ("2023年8月24日外交部发言人汪文斌主持例行记者会\n"
             "答：日本政府单方面强行启动福岛核事故污染水排海。中国政府对此坚决反对和强烈谴责，"
             "已向日方提出严正交涉，要求日方停止排海行为。")
    records = extract_text(fmprc, doc_id="fm").records()
    assert records
    assert {(r["date"], r["date_source"]) for r in records} == {("2023-08-24", "text")}
    sputnik = ("拉夫罗夫在河内与越南外长裴青山举行会谈\n17:46 06.07.2022\n"
               "俄罗斯外长谢尔盖·拉夫罗夫6日在河内与越南外长裴青山举行会谈。"
               "拉夫罗夫批评美国对俄罗斯实施的单边制裁违反国际法。")
    records = extract_text(sputnik, doc_id="sp").records()
    assert {r["event"] for r in records} >= {"CONSULT", "ACCUSE"}
    assert {(r["date"], r["date_source"]) for r in records} == {("2022-07-06", "published")}


def told(page: str, words: str, published: str | None = None) -> list[dict]:
    """The records of ``page`` whose sentence holds ``words``: there must be some."""
    found = [r for r in extract_text(page, published=published).records() if words in r["text"]]
    assert found, words
    return found


def test_a_sentence_dated_by_the_leads_day_takes_the_leads_printed_year():
    """Not the year an anniversary in its own words points to (建军76周年 → 2025)."""
    page = ("越南与老挝国防部长举行会谈\n"
            "越通社河内12月18日——12月18日下午，越南国防部部长潘文江大将在河内同来越出席2024年越南国际"
            "防务展的老挝国防部部长占沙蒙·占雅拉大将举行会谈。\n"
            "潘文江大将热烈欢迎占沙蒙·占雅拉大将率团访问越南，并提前祝贺老挝人民军建军76周年。")
    assert {(r["date"], r["date_source"], r["date_evidence"]) for r in told(page, "热烈欢迎")} == {
        ("2024-12-18", "text", "2024年")}


def test_a_year_printed_in_the_sentence_completes_a_day_without_one():
    page = ("多国领导人向越南领导人致慰问电\n"
            "人民报网讯 9月10日,中共中央总书记、国家主席习近平就越南遭受2024年第3号台风灾害向越共中央"
            "总书记、国家主席苏林致慰问电。")
    condolence = told(page, "习近平")[0]
    assert (condolence["date"], condolence["date_precision"], condolence["date_source"]) == (
        "2024-09-10", "day", "text")


def test_a_day_named_without_its_month_dates_the_sentences_after_it():
    """`23日上午` holds the focus as `4月23日上午` would: not the first day of the range before."""
    page = ("中越举行边境国防友好交流活动\n"
            "4月22日至23日,中越边境国防友好交流活动在云南省河口县和越南老街省举行。\n"
            "23日上午,董军与潘文江在越南老街省举行会谈。\n"
            "潘文江表示,越南国防部高度重视发展同中国国防部的友好合作关系。他赞赏中方为本次交流活动所做的精心准备。")
    assert {r["date"] for r in told(page, "赞赏", published="2024-04-23")} == {"2024-04-23"}


def test_the_day_a_state_began_and_a_day_told_in_a_step_back_do_not_date_what_follows():
    since = ("越南要求中国调查船撤出越南专属经济区\n"
             "越通社河内5月25日——越南外交部发言人范秋姮25日表示,自2023年5月7日起,中国海洋地质10号船"
             "在越南专属经济区活动。\n"
             "范秋姮强调,中国船只的上述行为违反了《联合国海洋法公约》,严重侵犯越南的主权权利。")
    assert {r["date"] for r in told(since, "违反")} == {"2023-05-25"}
    step_back = ("洪玛奈首相会见中国新任驻柬埔寨大使汪文斌\n"
                 "2024年2月27日,柬埔寨首相洪玛奈在金边会见中国新任驻柬埔寨大使汪文斌。\n"
                 "此前一天,即2月26日,汪文斌向柬埔寨国王诺罗敦·西哈莫尼递交了国书。\n"
                 "洪玛奈对汪文斌出任中国驻柬大使表示祝贺。")
    assert {r["date"] for r in told(step_back, "表示祝贺")} == {"2024-02-27"}
    assert "2024-02-26" in {r["date"] for r in told(step_back, "国书")}


def test_the_day_a_question_was_about_does_not_date_the_answer():
    """`在回答记者关于2024年3月2日…一事的提问时`: that day is the topic's; the answer is of the
    report's day, and so is what the spokesperson says next."""
    page = ("越南外交部发言人:越南反对菲律宾在长沙群岛举行军事演习\n"
            "越通社河内3月5日——在回答记者关于2024年3月2日菲律宾宣布在长沙群岛海域举行实弹演习"
            "一事的提问时,越南外交部发言人范氏秋姮表示,越南对长沙群岛拥有主权。\n"
            "范氏秋姮强调,越南坚决反对菲方的上述行为。")
    assert {r["date"] for r in told(page, "坚决反对")} == {"2024-03-05"}


def test_an_arrival_dates_its_paragraph_and_the_story_goes_on_at_the_leads_day():
    """`李强于10月12日抵达河内` between the talks of the 13th and what was said in them."""
    page = ("李强同越南总理范明政会谈\n"
            "新华社河内10月13日电 当地时间10月13日上午,国务院总理李强在河内同越南总理范明政会谈。\n"
            "李强于10月12日抵达河内,开始对越南进行正式访问。\n"
            "李强赞赏越方在推进工业化现代化方面取得的积极进展。\n"
            "当天,李强还将分别会见越共中央总书记苏林和越南国会主席陈青敏。")
    records = extract_text(page, published="2024-10-13").records()
    assert {r["date"] for r in told(page, "赞赏", "2024-10-13")} == {"2024-10-13"}
    plans = told(page, "分别会见", "2024-10-13")
    assert {(r["event"], r["date"], r["recipient"][0]["name"]) for r in plans} == {
        ("AGREE", "2024-10-13", "苏林"), ("AGREE", "2024-10-13", "陈青敏")}
    # the visit, from its first day, and the talks held during it (SPEC: a CONSULT of their own)
    assert sorted((r["date"], r["recipient"][0].get("name")) for r in records
                  if r["event"] == "CONSULT") == [("2024-10-12", None), ("2024-10-13", "范明政")]


def test_a_trilateral_meeting_abroad_its_three_ministers_and_a_meeting_told_twice():
    page = ("三国外长举行会谈 林芳正与王毅会面\n"
            "共同社曼谷8月3日电 日本外务大臣林芳正、韩国外交部长官朴振和美国国务卿布林肯3日在泰国曼谷"
            "举行外长会谈,强烈谴责朝鲜1日发射弹道导弹。\n"
            "三国外长同意加强三国间实时共享导弹预警信息的合作。\n"
            "林芳正当天在曼谷与中共中央外事工作委员会办公室主任王毅举行会谈。这是林芳正与王毅时隔半年再次会面。")
    records = extract_text(page, published="2024-08-03").records()
    agreed = told(page, "三国外长同意", "2024-08-03")
    assert {a["name"] for r in agreed for a in r["actor"]} == {"林芳正", "朴振", "安东尼·布林肯"}
    meetings = [(r["mode"], r["date"], sorted(a["name"] for a in r["actor"]))
                for r in records if r["event"] == "CONSULT"]
    assert meetings == [("third-party", "2024-08-03", ["安东尼·布林肯", "朴振", "林芳正"]),
                        ("third-party", "2024-08-03", ["林芳正", "王毅"])]


def test_the_storys_day_holds_across_paragraphs_but_a_visits_period_does_not():
    talks = ("中越两国防长举行会谈\n"
             "4月22日至23日,中越边境国防友好交流活动在云南省河口县和越南老街省举行。\n"
             "23日上午,董军与潘文江在越南老街省举行会谈。\n"
             "潘文江表示,越南国防部高度重视发展同中国国防部的友好合作关系。\n"
             "双方一致同意进一步加强边境管控合作。")
    assert {r["date"] for r in told(talks, "一致同意", "2024-04-23")} == {"2024-04-23"}
    visit = ("王廷惠同赵乐际举行会谈\n"
             "越通社河内4月8日——4月8日上午,越南国会主席王廷惠在河内同中国全国人大常委会委员长赵乐际举行会谈。\n"
             "赵乐际此访是应王廷惠的邀请,于2024年4月7日至9日进行的。\n"
             "王廷惠高度评价中国取得的重要成就。\n"
             "会谈结束后,两位领导人见证了越南国会与中国全国人大合作协议的签署。")
    assert {r["date"] for r in told(visit, "见证了")} == {"2024-04-08"}


def test_what_follows_a_period_without_a_day_of_its_own_has_its_month():
    page = ("王廷惠出席东盟议会联盟大会\n"
            "人民报网讯 2023年8月7日,第44届东盟议会联盟大会在印度尼西亚首都雅加达开幕。王廷惠率团出席。\n"
            "大会期间,王廷惠会见了印度尼西亚国会议长布安·马哈拉尼。王廷惠高度评价印尼为大会所做的精心准备。\n"
            "当天,王廷惠还会见了老挝国会主席赛宋蓬·丰威汉。\n"
            "8月9日,王廷惠会见了柬埔寨国会主席韩桑林。韩桑林感谢越南国会的支持。")
    assert {r["date"] for r in told(page, "高度评价")} == {"2023-08"}
    assert {r["date"] for r in told(page, "赛宋蓬")} == {"2023-08"}
    assert {r["date"] for r in told(page, "感谢")} == {"2023-08-09"}


def test_an_exercise_named_with_its_year_gives_the_year():
    page = ("柬中举行联合军演\n"
            "金边(柬新社)——柬埔寨王家军队与中国人民解放军5月16日在磅士卑省举行代号为“金龙-2024”的联合军事演习。")
    assert {(r["date"], r["date_evidence"]) for r in told(page, "联合军事演习")} == {("2024-05-16", "金龙-2024")}


def test_a_malaysian_papers_dateline_its_country_honorifics_and_an_exchange_of_documents():
    page = ("习近平与安华会谈\n"
            "（布城16日讯）正在我国进行国事访问的中国国家主席习近平，今日在首相署与首相拿督斯里安华举行会谈，"
            "两国领导人随后见证交换31项合作文件。")
    records = extract_text(page, published="2025-04-16").records()
    talks = [r for r in records if r["event"] == "CONSULT"]
    # `安华` is how Malaysian papers write Anwar: the name as written, the knowledge's id
    assert [(r["mode"], r["actor"][0]["name"], r["recipient"][0]["name"],
             r["recipient"][0]["id"], r["date"]) for r in talks] == [
        ("visit", "习近平", "安华", "person:安瓦尔·易卜拉欣", "2025-04-16")]
    signed = [r for r in records if r["event"] == "SUPPORT"]
    assert [sorted(a["name"] for a in r["actor"]) for r in signed] == [["习近平", "安华"]]


def test_a_cna_report_a_surname_with_a_title_and_a_statement_the_next_day():
    page = ("蔡總統會晤麥卡錫\n"
            "2023/4/6 08:15\n"
            "（中央社記者石秀娟洛杉磯5日專電）總統蔡英文今天在加州與美國聯邦眾議院議長麥卡錫及兩黨跨黨派眾議員會面。\n"
            "會面結束後，蔡總統感謝美國國會長期以來對台灣的堅定支持。\n"
            "中國外交部6日發表聲明，對蔡英文與麥卡錫會面表示堅決反對。")
    records = extract_text(page).records()
    assert [(r["event"], r["date"], r["main"], sorted(a["country"] for a in r["actor"] + r["recipient"]))
            for r in records] == [
        ("CONSULT", "2023-04-05", True, ["TWN", "USA"]),
        ("SUPPORT", "2023-04-05", False, ["TWN", "USA"]),
        ("ACCUSE", "2023-04-06", False, ["CHN", "TWN", "USA"]),
    ]
    assert records[1]["actor"][0]["name"] == "蔡英文"


def test_a_ministrys_statement_recalling_an_ambassador_and_we_as_the_ministry():
    page = ("中方决定召回驻立陶宛大使\n"
            "新华社北京8月10日电 外交部发言人10日就立陶宛政府允许台湾当局设立“代表处”发表声明。"
            "今年是中立两国建交30周年，中方对立方此举表示强烈不满。\n"
            "声明说，中国政府决定召回驻立陶宛大使，并要求立陶宛政府召回驻华大使。\n"
            "声明说，我们同时正告台湾当局，“台独”是死路一条。")
    records = extract_text(page).records()
    recall = [r for r in records if r["event"] == "SANCTION"]
    assert [(r["actor"][0]["org"], r["recipient"][0]["country"], r["date"]) for r in recall] == [
        ("中国政府", "LTU", "2021-08-10")]
    asked = [r for r in records if r["event"] == "REQUEST" and "召回驻华大使" in r["text"]]
    assert [r["mode"] for r in asked] == ["change"]
    warned = [r for r in records if "正告" in r["text"]]
    assert warned and {r["actor"][0]["country"] for r in warned} == {"CHN"}


def test_a_press_conference_its_spokesperson_speaks_on_its_day():
    page = ("2023年10月23日外交部发言人毛宁主持例行记者会\n"
            "毛宁：应国务院总理李强邀请，澳大利亚总理阿尔巴尼斯将于11月4日至7日对中国进行正式访问。\n"
            "问：据报道，10月22日，中国海警船在仁爱礁附近海域与菲律宾补给船发生碰撞。中方对此有何回应？\n"
            "答：10月22日，菲方2艘运输补给船擅闯仁爱礁邻近海域。中国海警依法对菲船进行了拦截。\n"
            "中方敦促菲方停止在海上挑衅滋事。\n"
            "问：中方特使出席了开罗和平峰会。你能否介绍有关情况？\n"
            "答：10月21日，中国政府中东问题特使翟隽出席由埃及总统塞西主持召开的开罗和平峰会并发言。")
    got = [(r["event"], r["date"], r["actor"][0].get("name") or r["actor"][0].get("org"))
           for r in extract_text(page).records()]
    assert got == [
        ("AGREE", "2023-11-04", "安东尼·阿尔巴尼斯"),  # a plan: the day it names for itself
        ("ACCUSE", "2023-10-23", "毛宁"),  # the trespass charged is of the 22nd, the charge not
        ("COERCE", "2023-10-22", "中国海警局"),
        ("REQUEST", "2023-10-23", "毛宁"),
        ("CONSULT", "2023-10-21", "翟隽"),
    ]


def test_a_charge_a_question_reports_is_coded_and_nothing_else_the_question_asks_about():
    page = ("2024年8月5日外交部发言人林剑主持例行记者会\n"
            "问：据报道，日本外务大臣上川阳子近日表示，日方对中方在东海的活动表示严重关切。"
            "另外，日本首相将同美国总统举行会谈。中方有何回应？\n"
            "答：我们已就此向日方提出严正交涉。")
    got = [(r["event"], r["actor"][0].get("name") or r["actor"][0]["country"],
            r["recipient"][0]["country"]) for r in extract_text(page).records()]
    assert got == [("ACCUSE", "上川阳子", "CHN"), ("ACCUSE", "林剑", "JPN")]


def test_a_charge_in_an_answer_without_a_speaker_is_the_spokespersons():
    page = ("2024年8月5日外交部发言人林剑主持例行记者会\n"
            "问：菲律宾称中国海警船采取危险行动。中方对此有何回应？\n"
            "答：菲方的说法罔顾事实。")
    got = [(r["event"], r["actor"][0]["name"], r["recipient"][0]["country"])
           for r in extract_text(page).records() if "罔顾" in r["text"]]
    assert got == [("ACCUSE", "林剑", "PHL")]


def test_the_headline_takes_the_leads_today_not_a_later_paragraphs_day():
    page = ("菲越海警首度联合演练\n\n"
            "（中央社马尼拉9日综合外电报导）菲律宾海巡署与越南海警今天在马尼拉湾附近海域举行首次联合演练。\n\n"
            "越南海警8002号船于5日抵达马尼拉港，展开为期4天的友好访问。\n\n"
            "发言人表示，双方还交流了经验。")
    records = extract_text(page, published="2024-08-09").records()
    drills = [r for r in records if r["event"] == "COOPERATE"]
    assert [(r["date"], r["main"]) for r in drills] == [("2024-08-09", True)]


def test_before_a_ceremony_is_its_day_before_talks_is_some_day_of_the_month():
    page = ("秦刚出席竣工仪式\n\n"
            "当地时间1月11日，秦刚在亚的斯亚贝巴出席竣工仪式。\n\n"
            "竣工仪式前，秦刚同非盟委员会主席法基举行会谈。\n\n"
            "在会谈前，秦刚会见了埃塞俄比亚外长德梅克。")
    dates = {r["text"][:4]: r["date"] for r in extract_text(page, published="2023-01-11").records()}
    assert dates["竣工仪式"] == "2023-01-11" and dates["在会谈前"] == "2023-01"


def test_opposed_to_this_is_against_who_did_it_not_the_last_party_named():
    page = ("2023年10月23日外交部发言人毛宁主持例行记者会\n"
            "问：美国国务院发表声明。中方有何回应？\n"
            "答：美方拿美菲双边条约为菲方侵权行为撑腰，我们对此坚决反对。")
    got = [(r["event"], r["recipient"][0]["country"]) for r in extract_text(page).records()]
    assert got == [("ACCUSE", "USA")]


def test_a_year_in_what_is_asked_for_is_not_the_year_of_the_request():
    page = ("洪玛奈访问越南\n\n"
            "越通社河内12月11日电——12月11日，柬埔寨首相洪玛奈同越南政府总理范明政举行会谈。"
            "洪玛奈希望越方支持柬埔寨在2024年举办的重大国际活动。")
    asked = [r for r in extract_text(page, published="2023-12-11").records()
             if r["event"] == "REQUEST"]
    assert [r["date"] for r in asked] == ["2023-12-11"]


def test_a_protest_on_this_after_a_summons_goes_to_the_side_summoned():
    page = ("欧盟制裁中国官员 北京随即宣布反制\n\n2021年3月23日\n\n"
            "欧盟成员国外长3月22日正式批准对4名中国官员实施制裁。同一天，英国、加拿大和美国也宣布对中国官员"
            "实施制裁。\n\n数小时后，中国外交部宣布对欧方10名人员实施制裁。中方敦促欧方反省纠错。\n\n"
            "中国外交部副部长秦刚当晚召见欧盟驻华使团团长郁白，就此提出严正交涉和强烈抗议。")
    got = [r["recipient"][0]["country"] for r in extract_text(page).records()
           if "就此" in r["text"] and r["event"] == "ACCUSE"]
    assert got == ["IGO"]  # the EU's, not the countries of an earlier sentence


def test_a_meeting_told_again_as_a_subject_or_counted_is_one_meeting_on_the_sidelines():
    page = ("石破茂与习近平首次会谈\n"
            "日本首相石破茂11月15日在秘鲁首都利马与中国国家主席习近平举行了会谈。"
            "这是石破2024年10月就任首相以来首次与习近平举行会谈。\n"
            "会谈在亚太经合组织领导人非正式会议的间隙举行，持续约30分钟。\n"
            "石破在会谈中就中国在东海的活动表达了严重关切。石破还要求中方尽早释放被拘押的日本公民。")
    records = extract_text(page, published="2024-11-16").records()
    assert [(r["event"], r["mode"], r["date"]) for r in records] == [
        ("CONSULT", "third-party", "2024-11-15"),
        ("ACCUSE", "disapprove", "2024-11-15"),
        ("REQUEST", "yield", "2024-11-15"),
    ]
    assert {r["actor"][0]["name"] for r in records[1:]} == {"石破茂"}


def test_a_ship_arriving_for_a_visit():
    page = ("美国航母列根号抵达岘港\n"
            "美国航空母舰列根号星期日（6月25日）抵达越南中部城市岘港，展开为期五天的访问。")
    assert [(r["event"], r["mode"], r["recipient"][0]["country"])
            for r in extract_text(page, published="2023-06-25").records()] == [
        ("CONSULT", "visit", "VNM")]


def test_guests_come_for_a_summit_and_meet_their_host_one_by_one():
    page = ("尹锡悦分别与李强和岸田文雄举行会谈\n"
            "韩联社首尔5月26日电 韩国总统尹锡悦26日下午在龙山总统府分别与来韩出席第九届韩中日领导人会议的"
            "中国国务院总理李强和日本首相岸田文雄举行会谈。\n"
            "岸田还表示，日本总务省的行政指导并非要求韩国企业出售股份。")
    records = extract_text(page).records()
    assert [(r["event"], r["mode"], r["actor"][0]["name"], r["recipient"][0]["name"]) for r in records] == [
        ("CONSULT", "visit", "李强", "尹锡悦"), ("CONSULT", "visit", "岸田文雄", "尹锡悦")]


def test_a_state_visit_its_plans_a_second_meeting_and_the_heads_of_state_signing():
    page = ("马克龙与习近平北京会谈 希望中国让俄罗斯恢复理智\n"
            "发表时间: 06/04/2023 - 16:05\n"
            "正在中国进行国事访问的法国总统马克龙周四（4月6日）在北京人民大会堂与中国国家主席习近平举行会谈。\n"
            "习近平在会谈中表示，愿意在条件和时机合适时与乌克兰总统泽连斯基通话。\n"
            "随后，习近平会见了欧盟委员会主席冯德莱恩。\n"
            "会谈后，两国元首共同见证签署了十多项合作协议。\n"
            "马克龙周五将前往广州，习近平将在当地与马克龙再次会面。")
    got = [(r["event"], sorted(a["country"] for a in r["actor"]),
            sorted(a["country"] for a in r["recipient"])) for r in extract_text(page).records()]
    assert got == [
        ("REQUEST", ["FRA"], ["CHN"]),
        ("CONSULT", ["FRA"], ["CHN"]),
        ("AGREE", ["CHN"], ["UKR"]),
        ("CONSULT", ["IGO"], ["CHN"]),
        ("SUPPORT", ["CHN", "FRA"], []),
        ("AGREE", ["CHN"], ["FRA"]),
    ]


def test_a_coast_guard_spokesperson_charges_a_numbered_ship_and_warns():
    page = ("中国海警：菲船蓄意冲撞中方船只\n"
            "据中国海警局微信公众号消息，中国海警局新闻发言人刘德军8月19日表示，中国海警依法对菲船采取管控措施。\n"
            "刘德军表示，菲4410船无视中方多次严正警告，以危险的方式蓄意冲撞正常执法的中国海警5205船。\n"
            "刘德军说：“我们严正警告菲方立即停止侵权挑衅行为。”\n"
            "对此，菲律宾国家海事委员会发言人洛佩斯19日则声称，中国海警船“故意撞击”菲方船只。")
    got = [(r["event"], r["actor"][0].get("name") or r["actor"][0].get("org"), r["actor"][0]["country"],
            r["recipient"][0]["country"]) for r in extract_text(page, published="2024-08-20").records()]
    assert got == [
        ("COERCE", "中国海警局", "CHN", "PHL"),
        ("ACCUSE", "刘德军", "CHN", "PHL"),
        ("REQUEST", "刘德军", "CHN", "PHL"),
        ("ACCUSE", "洛佩斯", "PHL", "CHN"),
    ]


def test_countermeasures_called_off_and_a_charge_against_the_clauses_subject():
    page = ("外交部宣布对佩洛西采取制裁措施\n"
            "2022-08-05 16:32 来源：澎湃新闻\n"
            "8月5日，外交部发言人宣布：美国国会众议长佩洛西执意窜访中国台湾地区，严重干涉中国内政。"
            "中方决定对佩洛西及其直系亲属采取制裁措施。\n"
            "一、取消中美两军战区领导通话。\n"
            "二、暂停中美气候变化商谈。")
    got = [(r["event"], r["actor"][0].get("org"), r["recipient"][0].get("name"))
           for r in extract_text(page, published="2022-08-05").records()]
    assert got == [("ACCUSE", "外交部", "南希·佩洛西"), ("SANCTION", None, "南希·佩洛西")]


def test_a_cambodian_general_named_before_his_rank_thanks_and_an_exercises_end_is_not_its_day():
    page = ("柬中联合军事演习开幕\n"
            "金边，5月16日（AKP）——柬埔寨王家军队与中国人民解放军联合军事演习今天上午开幕。\n"
            "柬埔寨王家军队副总司令茂索潘上将出席开幕式。本次演习为期半个月，至5月30日结束。\n"
            "茂索潘上将在致辞中表示，演习已成为两军务实合作的重要平台。他感谢中国军队长期以来提供的宝贵支持。")
    thanks = [r for r in extract_text(page, published="2024-05-16").records() if r["event"] == "SUPPORT"]
    assert [(r["actor"][0]["name"], r["actor"][0]["country"], r["date"]) for r in thanks] == [
        ("茂索潘", "KHM", "2024-05-16")]


def test_an_invitation_is_dated_when_made_not_by_the_day_of_the_meeting_it_invites_to():
    page = ("习近平与安华会谈\n"
            "（布城16日讯）安华透露，他已邀请中国国务院总理李强出席5月下旬在吉隆坡举行的东盟—海湾合作委员会—中国峰会。")
    invited = told(page, "邀请", "2025-04-16")
    assert {(r["event"], r["date"]) for r in invited} == {("AGREE", "2025-04-16")}


def test_a_kpl_dateline_in_brackets_a_recent_day_and_the_year_of_a_numbered_typhoon():
    page = ("中国向老挝移交洪灾救援物资\n"
            "【老挝通讯社万象9月20日讯】中国驻老挝大使姜再冬日前在万象向老挝劳动和社会福利部移交中国政府援助老挝的紧急救灾物资。\n"
            "受2024年第11号台风“摩羯”影响,老挝北部各省9月上旬遭遇严重洪涝灾害。")
    doc = extract_text(page)
    assert (doc.page.dateline.agency, doc.page.dateline.day) == ("老挝通讯社", 20)
    assert [(r["event"], r["date"], r["date_source"]) for r in doc.records()] == [
        ("AID", "2024-09", "text")]


def test_what_came_before_gives_way_to_today_which_then_holds():
    page = ("宏都拉斯與中國建交\n"
            "（中央社記者黃雅詩台北26日電）宏都拉斯總統卡斯楚14日宣布將尋求與中國建交後，宏國政府今天正式宣布與中華民國斷交。"
            "吳釗燮批評，中國長期以各種手段打壓台灣的國際空間。")
    assert {r["date"] for r in told(page, "打压台湾", "2023-03-26")} == {"2023-03-26"}


def test_one_announced_journey_told_in_two_clauses_is_one_plan_to_every_place():
    doc = extract_text("王毅将访问东南亚三国\n\n新华社北京3月2日电 外交部发言人宣布，外交部长王毅将于3月5日"
                       "至10日访问老挝、柬埔寨，并访问东盟秘书处。\n\n外交部长王毅会见了老挝外长，"
                       "并会见了柬埔寨外长。\n", published="2024-03-02")
    plans = [e for e in doc.events if e.event == "AGREE"]
    assert [sorted(r.country for r in e.recipient) for e in plans] == [["IGO", "KHM", "LAO"]]
    met = [e for e in doc.events if e.event == "CONSULT"]
    assert len(met) == 2  # two meetings stay two events


def test_a_threat_that_names_no_one_is_aimed_at_whom_its_sentence_spoke_against():
    doc = extract_text("商务部回应\n\n新华社北京5月6日电 美方宣布对中国输美商品加征关税。商务部新闻发言人表示，"
                       "如果美方执意加征关税，中方将采取反制措施，坚决维护自身合法权益。外交部发言人"
                       "表示，中方对美国与菲律宾在南海举行联合军演表示严重关切，并称将采取坚决有力措施"
                       "维护国家主权。越方将采取坚决措施打击电信诈骗，保障中国公民安全。\n",
                       published="2023-05-06")
    told = [(e.event, sorted(r.country for r in e.recipient)) for e in doc.events
            if e.event in ("THREATEN", "ACCUSE")]
    assert told == [("THREATEN", ["USA"]), ("ACCUSE", ["PHL", "USA"]),
                    ("THREATEN", ["PHL", "USA"])]


def test_a_plan_to_provide_an_aim_is_no_agreement_a_plan_to_provide_aid_is():
    doc = extract_text("赵乐际会见越南国会主席\n\n新华社北京4月8日电 赵乐际表示，中国全国人大愿同越南国会"
                       "一道，加强立法、监督等方面经验交流，为两国务实合作提供法治保障。中方将向越方提供"
                       "1000万元人民币紧急援助。\n", published="2024-04-08")
    plans = [e.text for e in doc.events if e.event == "AGREE"]
    assert plans == ["中方将向越方提供1000万元人民币紧急援助。"]


def test_a_plan_to_visit_a_country_written_with_its_short_form():
    doc = extract_text("外交部发言人宣布越南总理将访华\n\n新华社北京6月20日电 越南政府总理范明政将于"
                       "6月24日至27日访华。\n", published="2024-06-20")
    assert {(e.event, tuple(r.country for r in e.recipient)) for e in doc.events} == {
        ("AGREE", ("CHN",))}


def test_after_a_visits_range_of_weekdays_the_story_goes_on_at_the_talks_day():
    page = ("洪玛奈总理与李强总理举行会谈\n"
            "柬华日报　2023年09月16日\n"
            "（金边讯）洪玛奈总理周五（15日）在北京人民大会堂与中国国务院总理李强举行会谈。\n"
            "应李强总理邀请，洪玛奈总理于周四（14日）至周日（17日）对中国进行正式访问。\n"
            "李强表示，中方将继续扩大进口柬埔寨优质农产品。\n"
            "当天，洪玛奈还分别会见了中国国家主席习近平和全国人大常委会委员长赵乐际。")
    assert {r["date"] for r in told(page, "扩大进口")} == {"2023-09-15"}
    assert {r["date"] for r in told(page, "分别会见")} == {"2023-09-15"}


def test_history_a_report_tells_in_passing_is_no_event_of_it():
    page = ("中越海军完成第27次北部湾联合巡逻\n2019-12-05 10:42:16　来源：国际在线\n"
            "国际在线报道：12月3日至4日，中国人民解放军海军与越南人民海军举行第27次北部湾联合巡逻。\n"
            "据悉，中越两国国防部2005年签署北部湾联合巡逻协议。")
    assert [(r["event"], r["date"]) for r in extract_text(page).records()] == [
        ("COOPERATE", "2019-12-03")]


def test_each_answer_of_a_briefing_has_its_own_days_and_a_day_done_is_not_in_a_coming_month():
    page = ("2025年8月28日外交部发言人郭嘉昆主持例行记者会\n"
            "郭嘉昆：越南国家主席梁强等26位外国领导人将出席9月3日在北京举行的纪念大会。\n"
            "问：日本政府近日要求有关国家不要派领导人出席中方纪念活动。中方是否向日方提出交涉？\n"
            "答：中方已于26日向日方提出严正交涉，中方对此强烈不满。\n"
            "问：柬埔寨和泰国近日同意巩固停火。中方对此有何评论？\n"
            "答：中方赞赏东盟轮值主席国马来西亚为此所作的斡旋努力。")
    assert {r["date"] for r in told(page, "严正交涉")} == {"2025-08-26"}
    assert {r["date"] for r in told(page, "斡旋")} == {"2025-08-28"}


def test_a_teasers_headline_dates_its_summary_and_talks_told_before_a_statement():
    page = ("越南国家主席梁强接受新任大使递交国书\n"
            "越南之声3月5日 越南国家主席梁强5日在河内接受新任日本驻越南大使伊藤直树递交国书。\n"
            "相关新闻\n"
            "越南与新西兰发表联合声明（2024年3月11日）\n"
            "越南政府总理范明政与新西兰总理克里斯托弗·拉克松在惠灵顿举行会谈后发表联合声明。\n")
    teased = [r for r in extract_text(page, published="2025-03-05").records() if "#teaser" in r["doc_id"]]
    assert sorted((r["event"], r["date"]) for r in teased) == [
        ("CONSULT", "2024-03-11"), ("SUPPORT", "2024-03-11")]


def test_a_teasers_day_written_alone_takes_the_month_of_its_page_not_its_year():
    page = ("越南国家主席梁强接受新任大使递交国书\n"
            "越南之声3月5日 越南国家主席梁强5日在河内接受新任日本驻越南大使伊藤直树递交国书。\n"
            "相关新闻\n"
            "安倍晋三访问菲律宾\n"
            "日本首相安倍晋三2日在马尼拉与菲律宾总统杜特尔特举行会谈。\n"
            "习近平会见普京\n"
            "国家主席习近平28日在北京会见俄罗斯总统普京。\n"
            "习近平会见莫迪\n"
            "国家主席习近平7日在约翰内斯堡会见印度总理莫迪。\n"
            "中老关系\n"
            "中国国家主席习近平会见老挝国家主席通伦。\n")
    teased = {r["doc_id"][-1]: r["date"] for r in
              extract_text(page, published="2025-03-05").records() if "#teaser" in r["doc_id"]}
    # the 2nd on a page of 5 March is in March, the 28th in February, the 7th a story of two days
    # later (the links are kept up to date); a teaser with no day has none
    assert teased == {"1": "--03-02", "2": "--02-28", "3": "--03-07", "4": None}


def test_a_journeys_day_in_an_earlier_paragraph_still_gives_a_later_day_its_month():
    page = ("习近平同奥朗德会谈\n\n"
            "中国国家主席习近平当地时间3月25日抵达法国南部城市尼斯，开始对法国进行国事访问。\n\n"
            "26日下午，法国总统奥朗德为习近平举行欢迎仪式。随后，两国元首在爱丽舍宫举行会谈。\n")
    talks = [r for r in extract_text(page).records() if "会谈" in r["text"] and r["part"] == "article"
             and r["recipient"] and r["recipient"][0]["name"] == "奥朗德"]
    assert [r["date"] for r in talks] == ["--03-26"]


def test_a_meeting_done_before_the_storys_day_is_neither_its_day_nor_the_meeting_both_sides_mean():
    page = ("普京与拜登日内瓦会晤\n\n"
            "俄罗斯卫星通讯社日内瓦6月16日电 俄罗斯总统普京与美国总统拜登16日在日内瓦举行会晤。\n\n"
            "瑞士联邦主席帕姆兰在会晤前分别迎接了两国元首。帕姆兰15日已在日内瓦会见了拜登。\n\n"
            "两国元首在会后发表了关于战略稳定的联合声明。\n")
    stated = [r for r in extract_text(page, published="2021-06-17").records()
              if r["event"] == "SUPPORT" and "联合声明" in r["text"]]
    assert [(r["date"], sorted(e["country"] for e in r["actor"])) for r in stated] == [
        ("2021-06-16", ["RUS", "USA"])]
    # the story may go on at such a day: `当天` then means it
    page = ("日本对朝鲜实施独自制裁\n\n"
            "日本政府10日决定对朝鲜实施独自制裁。导弹发射后，日本政府7日已通过北京的大使馆渠道向朝方提出严重抗议。"
            "安倍首相当天与韩国总统朴槿惠通电话。在与朴槿惠的通话中，两国首脑同意推动安理会通过新决议。\n")
    agreed = [r["date"] for r in extract_text(page, published="2016-02-10").records()
              if r["event"] == "AGREE"]
    assert agreed == ["2016-02-07"]


def test_a_teasers_day_takes_the_month_of_a_stamp_kept_in_the_article_and_dates_its_headline():
    page = ("习近平在雅加达会见安倍晋三\n2015年4月23日 星期四　　千岛日报\n"
            "（本报雅加达讯）中国国家主席习近平周三（22日）下午在雅加达会见日本首相安倍晋三。\n"
            "相关新闻\n"
            "习近平抵达雅加达\n"
            "国家主席习近平21日抵达雅加达，开始对印度尼西亚进行国事访问。\n")
    teased = {r["date"] for r in extract_text(page).records() if "#teaser" in r["doc_id"]}
    assert teased == {"--04-21"}


def test_a_plan_is_dated_to_the_day_it_names_for_itself_an_invitation_when_made():
    page = ("外交部发言人宣布波兰总统杜达将访华\n"
            "外交部发言人宣布：应国家主席习近平邀请，波兰总统杜达将于6月22日至26日对中国进行国事访问。\n"
            "越南总理阮春福当天邀请美国总统特朗普出席11月在岘港举行的亚太经合组织领导人会议。\n")
    got = sorted((r["event"], r["date"], r["recipient"][0].get("name") or r["recipient"][0]["country"])
                 for r in extract_text(page, published="2017-06-20").records())
    assert got == [("AGREE", "2017-06-20", "唐纳德·特朗普"), ("AGREE", "2017-06-22", "CHN")]


def test_a_plans_day_written_alone_is_the_first_such_day_from_when_it_is_told():
    page = ("越南国家主席武文赏抵达东京\n"
            "越通社东京11月28日电 越南国家主席武文赏27日抵达东京，开始对日本进行正式访问。"
            "28日，武文赏同日本首相岸田文雄举行会谈。武文赏还计划29日在日本国会发表演讲。"
            "双方将于3日在河内举行副外长级磋商。\n")
    plans = sorted((r["date"], r["text"]) for r in extract_text(
        page, published="2023-11-28").records() if r["event"] == "AGREE")
    assert plans == [("2023-11-29", "武文赏还计划29日在日本国会发表演讲。"),
                     ("2023-12-03", "双方将于3日在河内举行副外长级磋商。")]


def test_a_past_visit_recalled_opens_no_period_for_what_follows():
    page = ("栗战书同阮氏金银举行会谈\n"
            "新华社北京7月11日电 全国人大常委会委员长栗战书11日在人民大会堂同越南国会主席阮氏金银举行会谈。\n"
            "栗战书说，中越是社会主义友好邻邦。2017年习近平总书记访越期间，两党最高领导人达成重要共识。\n"
            "栗战书赞赏越南国会在推动两国务实合作中发挥的积极作用。\n")
    praised = [r for r in extract_text(page, published="2019-07-12").records()
               if r["event"] == "SUPPORT" and "赞赏" in r["text"]]
    assert [r["date"] for r in praised] == ["2019-07-11"]


def test_a_day_before_the_leads_told_in_the_body_dates_its_paragraph_not_the_next_ones():
    page = ("何炜大使出席救灾物资交接仪式\n"
            "2024年9月13日，驻越南大使何炜在河内出席中国政府援越救灾物资交接仪式。\n"
            "何炜说，中越是友好邻邦。9月9日，习近平就越南遭受台风灾害向苏林致慰问电。"
            "同日，国务院总理李强向越南政府总理范明政致慰问电。\n"
            "杜雄越代表越南党、国家和人民感谢中国政府给予的及时支持。\n")
    got = {(r["event"], r["date"]) for r in extract_text(page).records() if r["event"] == "SUPPORT"}
    assert got == {("SUPPORT", "2024-09-09"), ("SUPPORT", "2024-09-13")}


def test_an_earlier_days_event_told_after_ci_qian_dates_the_rest_of_its_paragraph():
    page = ("阮富仲致电祝贺中国共产党成立100周年\n"
            "越通社河内7月1日——7月1日,越共中央总书记阮富仲向中共中央总书记习近平致贺电。\n"
            "此前,6月30日下午,越共中央书记处常务书记武文赏在河内会见了中国驻越南大使熊波。"
            "武文赏代表越南党、国家领导人,向中国共产党成立100周年致以热烈祝贺。\n"
            "阮富仲在贺电中强调,越南始终珍惜同中国的传统友谊。\n")
    got = {(r["text"][:3], r["date"]) for r in extract_text(page).records()}
    assert ("武文赏", "2021-06-30") in got, got
