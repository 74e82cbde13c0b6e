"""Dates (SPEC section 4) on real seed pages and on sentences written as other outlets write."""

from __future__ import annotations

from pathlib import Path

import pytest

import communique
from communique.dates import (
    DateMention,
    cn_to_int,
    find_dates,
    resolve_event_date,
    year_clues,
)
from communique.model import Dateline

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "communique" / "samples"


def _article(name: str) -> str:
    """The article part of a seed page: before `更多`, caption lines (`ảnh N`) dropped."""
    text = (SAMPLES / f"{name}.txt").read_text("utf-8")
    text = text.split("\n更多\n", 1)[0]
    return "\n".join(line for line in text.split("\n") if "ảnh" not in line)


def _sentence(text: str, words: str) -> tuple[int, int]:
    i = text.index(words)
    start = max(text.rfind(c, 0, i) for c in "。！？\n") + 1
    ends = [e for e in (text.find(c, i) for c in "。！？\n") if e >= 0]
    return start, min(ends) if ends else len(text)


def _dateline(text: str, words: str, month: int | None, day: int | None) -> Dateline:
    i = text.index(words)
    return Dateline(words, (i, i + len(words)), month=month, day=day)


def _resolve(text, words, *, dateline=None, published=None, anchor_words=None):
    mentions = find_dates(text)
    clues = year_clues(text, mentions)
    anchor = None
    if anchor_words is not None:
        i = text.index(anchor_words)
        anchor = next(m for m in mentions if m.span[0] >= i)
    return resolve_event_date(
        _sentence(text, words), mentions, clues,
        text=text, dateline=dateline, published=published, anchor=anchor,
    )  # fmt: skip


# ---------------------------------------------------------------- find_dates


def test_range_with_year_and_part_of_day():
    text = (
        "5月22日下午,在越共中央总部,阮富仲同自2023年5月21日至23日对越南进行正式访问的"
        "梅德韦杰夫举行了会谈。"
    )
    ms = find_dates(text)
    assert [m.text for m in ms] == ["5月22日下午", "2023年5月21日至23日"]
    assert (ms[0].month, ms[0].day, ms[0].part_of_day, ms[0].year) == (5, 22, "下午", None)
    r = ms[1]
    assert (r.year, r.month, r.day) == (2023, 5, 21)
    assert (r.end_year, r.end_month, r.end_day) == (2023, 5, 23)
    assert text[r.span[0] : r.span[1]] == r.text


def test_cross_month_range_and_day_only():
    ms = find_dates("通伦·西苏里1月30日至2月1日对越南进行国事访问。5日晚,吴春历离开莫斯科。")
    assert (ms[0].month, ms[0].day, ms[0].end_month, ms[0].end_day) == (1, 30, 2, 1)
    assert (ms[1].text, ms[1].month, ms[1].day, ms[1].part_of_day) == ("5日晚", None, 5, "晚")


def test_a_range_of_weekdays_with_their_days_in_brackets():
    ms = find_dates("洪玛奈总理于周四（14日）至周日（17日）对中国进行正式访问。")
    assert [(m.day, m.end_day) for m in ms] == [(14, 17)]


def test_chinese_numerals_and_iso():
    (m,) = find_dates("二〇二三年五月二十二日上午,双方会谈。")
    assert (m.year, m.month, m.day, m.part_of_day) == (2023, 5, 22, "上午")
    (m,) = find_dates("报道日期 2024-05-22 发布")
    assert (m.year, m.month, m.day) == (2024, 5, 22)
    assert cn_to_int("十三") == 13 and cn_to_int("二十一") == 21 and cn_to_int("七十五") == 75
    assert cn_to_int("二〇二三") == 2023 and cn_to_int("１２") == 12 and cn_to_int("越") is None


def test_relative_words():
    ms = find_dates("当天下午,吴春历探访了大使馆。次日上午,他会见侨胞。今年是建交年,去年12月,近日")
    got = [(m.text, m.relative, m.part_of_day, m.month) for m in ms]
    assert got == [
        ("当天下午", "same_day", "下午", None),
        ("次日上午", "next_day", "上午", None),
        ("今年", "this_year", None, None),
        ("去年12月", "last_year", None, 12),
        ("近日", "vague", None, None),
    ]


def test_this_last_and_next_month_are_the_reports_month_shifted():
    text = "刘忠义本月中旬前往曼谷。泰国本月5日起切断供应。上个月，两国签署协议。双方商定下月初举行会谈。"
    ms = find_dates(text)
    assert [(m.text, m.relative, m.day, m.part_of_day) for m in ms] == [
        ("本月中旬", "month+0", None, "中旬"), ("本月5日", "month+0", 5, None),
        ("上个月", "month-1", None, None), ("下月初", "month+1", None, "初")]
    got = [resolve_event_date(_sentence(text, words), ms, [], text=text, dateline=None,
                              published="2025-01-20").value
           for words in ("刘忠义", "泰国", "两国签署")]
    assert got == ["2025-01", "2025-01-05", "2024-12"]
    assert ms[3].future  # `商定下月初`: what is planned


def test_the_day_of_a_report_gives_way_to_the_day_it_tells():
    text = "据老挝通讯社（KPL）2月8日报道，中国政府援助老挝的首批新冠疫苗于2021年2月7日晚运抵万象。据越通社3月2日报道，两国签署协议。"
    ms = find_dates(text)
    got = [resolve_event_date(_sentence(text, words), ms, [], text=text, dateline=None,
                              published="2021-03-05").value for words in ("首批新冠疫苗", "两国签署")]
    assert got == ["2021-02-07", "2021-03-02"]  # a report's day alone still dates what it tells


def test_not_dates():
    text = (
        "为筹办东盟与中日韩(10 3)领导人特别会议,捐赠1.2万吨大米,下发第22/CD-TTg号通知,"
        "庆祝越中建交76周年(1950-2026)纪念活动,签署了2020-2025年阶段共同愿景声明,30日内完成,日本代表团"
    )
    assert find_dates(text) == []


def test_dateline_report_date_and_body_date_are_two_mentions():
    ms = find_dates("越通社河内7月28日——7月27日晚,阮富仲已同迪亚斯·卡内尔通电话。")
    assert [(m.month, m.day) for m in ms] == [(7, 28), (7, 27)]


def test_future_date_and_military_rank():
    (m,) = find_dates("在越共十四大即将于2026年1月19日至25日召开之际")
    assert m.future and m.year == 2026
    (m,) = find_dates("阮志咏上将于7月3日下午与福明通过视频举行会谈")
    assert not m.future
    (m,) = find_dates("演习将持续至28日")  # a day an exercise under way lasts until
    assert m.future
    text = "中国军网波德申10月20日电 演习将持续至28日，中马双方将在闭幕式上签署纪要。"
    dateline = _dateline(text, "中国军网波德申10月20日电", 10, 20)
    assert _resolve(text, "28日", dateline=dateline, published="2018-10-20").value == "2018-10-20"


def test_restricted_range():
    text = "标题\n2月5日,会谈。3月1日,访问。"
    ms = find_dates(text, 0, text.index("。") + 1)
    assert [m.text for m in ms] == ["2月5日"]


# ---------------------------------------------------------------- year_clues


@pytest.mark.parametrize(
    ("words", "year", "kind"),
    [
        ("今年是越中建交70周年", 2020, "inferred"),
        ("中越建交75周年", 2025, "inferred"),
        ("越南与老挝建交60周年", 2022, "inferred"),
        ("古巴起义日68周年", 2021, "inferred"),
        ("俄罗斯卫国战争胜利75周年阅兵活动", 2020, "inferred"),
        ("越南人民军建军80周年", 2024, "inferred"),
        ("越南共产党成立95周年", 2025, "inferred"),
        ("八月革命和9·2国庆80周年", 2025, "inferred"),
        ("中华人民共和国成立七十五周年", 2024, "inferred"),
        ("去年是越中建交70周年", 2021, "inferred"),
        ("庆祝越中建交76周年(1950-2026)纪念活动", 2026, "text"),
        ("越共十三大", 2021, "inferred"),
        ("越南共产党第十四次全国代表大会", 2026, "inferred"),
        ("古共八大", 2021, "inferred"),
        ("中共二十大", 2022, "inferred"),
        ("在中共十九届一中全会上再次当选", 2017, "inferred"),  # held right after the congress
        ("老挝人民革命党十一大", 2021, "inferred"),
        ("第44届东盟峰会", 2024, "inferred"),
        ("东盟第56届外长会议", 2023, "inferred"),
        ("金砖国家领导人第十次会晤", 2018, "inferred"),
        ("二十国集团领导人第十一次峰会", 2016, "inferred"),
        ("第五届东亚峰会", 2010, "inferred"),
        ("第二届中国—中亚峰会", 2025, "inferred"),
        ("出席在万象举行的第九届亚欧首脑会议", 2012, "inferred"),
        ("出席祖国解放战争胜利70周年纪念活动", 2023, "inferred"),
        ("纪念中国人民志愿军抗美援朝出国作战70周年", 2020, "inferred"),
        ("大湄公河次区域经济合作第五次领导人会议", 2014, "inferred"),
        # a long name before its number
        ("出席上海合作组织成员国政府首脑（总理）理事会第十三次会议", 2014, "inferred"),
        ("作为2020年东盟轮值主席国", 2020, "inferred"),
    ],
)
def test_year_clue(words, year, kind):
    clues = [c for c in year_clues(words) if c.basis != "year"]
    assert clues, words
    assert (clues[0].year, clues[0].kind) == (year, kind)
    assert clues[0].evidence in words


def test_clue_strengths_and_relations():
    (c,) = year_clues("这是越中建交70周年")
    (t,) = year_clues("今年是越中建交70周年")
    assert t.weight > c.weight and t.evidence == "今年是越中建交70周年"
    (since,) = year_clues("越共十三大以来")
    assert (since.year, since.relation, since.weight) == (2021, "since", 0)
    (period,) = year_clues("两位部长签署了2020-2025年阶段越南与俄罗斯联邦防务合作关系的共同愿景")
    assert (period.year, period.basis, period.relation) == (2020, "period", "start")
    assert [c.basis for c in year_clues("迈向建党100周年(2030年)")] == ["year"]  # a target
    (term,) = year_clues("第十五届国会")
    assert (term.year, term.basis) == (2021, "term")


# ---------------------------------------------------------------- resolve: the seeds


def test_seed_000_year_from_printed_range():
    text = _article("000_9fddb8e8c64c1899")
    v = _resolve(text, "5月22日下午,在越共中央总部")
    assert (v.value, v.precision, v.source, v.evidence) == (
        "2023-05-22", "day", "text", "自2023年5月21日至23日",
    )  # fmt: skip


def test_seed_001_report_date_is_not_event_date():
    text = _article("001_e08e30e6338d062c")
    dl = _dateline(text, "越通社河内7月28日——", 7, 28)
    v = _resolve(text, "——7月27日晚", dateline=dl)
    assert (v.value, v.source, v.evidence) == ("2021-07-27", "inferred", "古巴起义日68周年")
    # the title has no date: the anchor (the lead's date) gives the day
    v = _resolve(text, "越共中央总书记阮富仲与古共", dateline=dl, anchor_words="7月27日晚")
    assert v.value == "2021-07-27"


def test_seed_002_weakest_clue_and_month_precision():
    text = _article("002_6e976aa6c6f504c0")
    dl = _dateline(text, "越通社河内2月5日——", 2, 5)
    v = _resolve(text, "2月5日,俄罗斯联邦国防部部长", dateline=dl)
    assert (v.value, v.source) == ("2020-02-05", "inferred")
    assert v.evidence.startswith("2020-2025年阶段")
    v = _resolve(text, "访问俄罗斯期间", dateline=dl, anchor_words="2月5日,")
    assert (v.value, v.precision) == ("2020-02", "month")
    v = _resolve(text, "当天下午,吴春历", dateline=dl)
    assert v.value == "2020-02-05"


def test_seed_003_this_year_anniversary():
    text = _article("003_41b14d6cd62a4744")
    dl = _dateline(text, "越通社河内5月29日——", 5, 29)
    v = _resolve(text, "越南副外长黎怀忠建议中国", dateline=dl, anchor_words="5月29日在外交部")
    assert (v.value, v.source, v.evidence) == ("2020-05-29", "inferred", "今年是越中建交70周年")


def test_seed_004_office_term():
    text = _article("004_184a02c494a2d2c7")
    v = _resolve(text, "阮志咏上将于7月3日下午")
    assert (v.value, v.source) == ("2020-07-03", "inferred")
    assert "2020年东盟轮值主席国期间" in v.evidence


def test_teaser_without_clue_keeps_month_day():
    text = "加强青年一代对越老特殊关系的宣传教育\n1月27日下午,裴氏明怀拜会了通伦·西苏里。"
    v = _resolve(text, "1月27日下午")
    assert (v.value, v.precision, v.source) == ("--01-27", "month-day", None)


def test_future_date_gives_only_its_year():
    text = "在越共十四大即将于2026年1月19日至25日召开之际,美国参议员向苏林致贺信。"
    v = _resolve(text, "致贺信")
    assert (v.value, v.precision, v.source) == ("2026", "year", "text")


# ---------------------------------------------------------------- resolve: other outlets


def test_xinhua_day_only_takes_dateline_month():
    text = "新华社北京3月5日电 国家主席习近平5日在人民大会堂会见美国客人。"
    dl = _dateline(text, "新华社北京3月5日电", 3, 5)
    v = _resolve(text, "国家主席习近平", dateline=dl)
    assert (v.value, v.precision) == ("--03-05", "month-day")
    v = _resolve(text, "国家主席习近平", dateline=dl, published="2024-03-05")
    assert (v.value, v.source) == ("2024-03-05", "published")


def test_day_after_report_day_is_last_month():
    text = "越通社河内3月3日——越南国会主席26日会见老挝客人。"
    dl = _dateline(text, "越通社河内3月3日——", 3, 3)
    v = _resolve(text, "越南国会主席", dateline=dl, published="2024-03-03")
    assert v.value == "2024-02-26"


def test_a_sentence_that_says_no_date_takes_the_report_date():
    """With no dateline, the page's publication date: reported as `published`, as the year is."""
    text = "阮富仲在会谈后与拜登共同会见记者。"
    v = _resolve(text, "阮富仲", published="2023-09-10")
    assert (v.value, v.source, v.evidence) == ("2023-09-10", "published", "published 2023-09-10")
    assert _resolve(text, "阮富仲").value is None


def test_a_dateline_with_a_day_alone_takes_month_and_year_from_publication():
    text = "（中央社河内10日综合外电报导）拜登抵达河内。双方举行会谈。"
    dl = _dateline(text, "（中央社河内10日综合外电报导）", None, 10)
    for published, day in (("2023-09-10", "2023-09-10"), ("2023-09-11", "2023-09-10"),
                           ("2023-10-01", "2023-09-10")):
        v = _resolve(text, "双方", dateline=dl, published=published)
        assert (v.value, v.source) == (day, "published"), published


def test_a_date_of_history_in_the_same_month_does_not_give_its_year():
    """On a page published in 2022, 1973年8月1日 (when relations began) is history: 8月8日 is
    2022's, as the publication says."""
    text = "同日,越南国会主席王廷惠向新加坡国会议长陈川仁致贺电。越南与新加坡于1973年8月1日正式建立外交关系。"
    dl = _dateline("越通社河内8月8日——" + text, "越通社河内8月8日——", 8, 8)
    v = _resolve("越通社河内8月8日——" + text, "越南国会主席", dateline=dl, published="2022-08-08")
    assert (v.value, v.source) == ("2022-08-08", "published")


def test_a_date_that_starts_a_state_is_marked():
    marked = {m.text: m.since for m in find_dates("自2023年5月7日起,船只在此活动;从6月1日以来未离开;7月2日起航。")}
    assert marked == {"2023年5月7日": True, "6月1日": True, "7月2日": False}


def test_december_event_reported_in_january():
    text = "中新社河内1月3日电 越南国会主席12月30日会见老挝客人。"
    dl = _dateline(text, "中新社河内1月3日电", 1, 3)
    v = _resolve(text, "越南国会主席", dateline=dl, published="2024-01-03")
    assert (v.value, v.source) == ("2023-12-30", "published")


def test_future_event_may_follow_publication():
    text = "3月10日,两国领导人即将举行会谈。"
    v = _resolve(text, "两国领导人", published="2024-01-05")
    assert v.value == "2024-03-10"
    # an agreement about a future meeting is not dated by that meeting, but by the report
    text = "双方同意将于3月10日举行会谈。"
    v = _resolve(text, "双方同意", published="2024-01-05")
    assert (v.value, v.source) == ("2024-01-05", "published")
    text = "双方于3月10日举行会谈。"
    assert _resolve(text, "双方", published="2024-01-05").value == "2023-03-10"


def test_published_beats_inferred_and_text_beats_published():
    text = "今年是中越建交75周年。4月14日,习近平同苏林会谈。"
    assert _resolve(text, "习近平", published="2025-04-15").source == "published"
    assert _resolve(text, "习近平").value == "2025-04-14"
    text = "2019年4月10日至15日,越南领导人访问中国。4月14日,双方会谈。"
    v = _resolve(text, "双方会谈", published="2025-04-15")
    assert (v.value, v.source) == ("2019-04-14", "text")


def test_history_date_is_not_this_events_year():
    text = "越南国庆80周年(1945年9月2日)。9月2日,各国领导人致电祝贺。"
    v = _resolve(text, "各国领导人")
    assert v.value == "2025-09-02"


def test_relative_days():
    text = "中新社莫斯科5月8日电 普京7日会见越南客人。次日,双方签署协议。"
    dl = _dateline(text, "中新社莫斯科5月8日电", 5, 8)
    assert _resolve(text, "次日", dateline=dl, published="2025-05-08").value == "2025-05-08"
    text = "中新社莫斯科5月8日电 普京昨天会见越南客人。"
    dl = _dateline(text, "中新社莫斯科5月8日电", 5, 8)
    assert _resolve(text, "普京", dateline=dl, published="2025-05-08").value == "2025-05-07"


def test_since_congress_gives_no_year():
    text = "越共十三大以来,两国关系取得长足发展。6月3日,双方举行会谈。"
    v = _resolve(text, "双方举行会谈")
    assert (v.value, v.source) == ("--06-03", None)


def test_summit_number():
    text = "5月10日,越南总理出席第42届东盟峰会。"
    v = _resolve(text, "越南总理")
    assert (v.value, v.source, v.evidence) == ("2023-05-10", "inferred", "第42届东盟峰会")


def test_no_date_at_all():
    text = "双方承诺继续培育越老关系。"
    v = _resolve(text, "双方承诺")
    assert v.value is None and v.precision is None


def test_anchor_is_a_mention():
    text = "2月5日,绍伊古主持仪式。会谈上,两位部长签署协议。"
    ms = find_dates(text)
    assert isinstance(ms[0], DateMention)
    v = resolve_event_date(
        _sentence(text, "两位部长"), ms, year_clues(text, ms),
        text=text, dateline=None, published="2020-02-06", anchor=ms[0],
    )  # fmt: skip
    assert (v.value, v.source) == ("2020-02-05", "published")


def test_a_day_inside_what_is_spoken_about_is_a_topic():
    def topics(text: str) -> list[tuple[str, bool]]:
        return [(m.text, m.topic) for m in find_dates(text)]

    assert topics("在回答记者关于4月18日中国宣布设立所谓西沙区一事的提问时,发言人表示") == [("4月18日", True)]
    assert topics("三国外长强烈谴责朝鲜12日发射洲际弹道导弹") == [("12日", True)]
    # a line break ends what a line says: the next line's day is its own
    assert topics("越南领导人就土耳其地震致慰问电\n2月7日,武氏映春致慰问电。") == [("2月7日", False)]
    assert topics("4月18日,双方就两国关系举行会谈。就此,发言人19日表示") == [
        ("4月18日", False), ("19日", False)]


def test_anniversaries_of_chinas_relations_and_of_partnerships_give_the_year():
    def years(text: str) -> list[int]:
        return [c.year for c in year_clues(text)]

    assert years("今年是中立两国建交30周年") == [2021]
    assert years("今年是中国和洪都拉斯建交一周年") == [2024]
    assert years("今年是越中全面战略合作伙伴关系建立15周年") == [2023]


def test_the_anniversary_of_a_treaty_gives_the_year():
    def years(text: str) -> list[int]:
        return [c.year for c in year_clues(text)]

    assert years("今年恰逢俄越友好关系基本原则条约签署30周年") == [2024]
    assert years("今年是《中朝友好合作互助条约》签订60周年") == [2021]


def test_the_day_of_what_a_measure_answers_is_a_topic():
    ms = find_dates("日本政府10日正式决定针对朝鲜上月进行核试验以及本月7日发射远程弹道导弹，实施制裁。")
    assert [(m.text, m.topic) for m in ms] == [("10日", False), ("上月", True), ("本月7日", True)]


def test_a_month_of_another_year_said_elsewhere_does_not_date_the_event():
    """`印度2019年11月宣布暂不签署协定` on a page of 2020 is the month of something else."""
    text = "11月15日上午，李克强出席领导人会议。印度2019年11月宣布暂不签署协定。"
    ms = find_dates(text)
    v = resolve_event_date(_sentence(text, "李克强出席"), ms, year_clues(text, ms), text=text,
                           dateline=None, published="2020-11-15")
    assert (v.value, v.source) == ("2020-11-15", "published")


def test_a_date_written_day_first_with_dots_and_a_stamp_in_brackets():
    """`14.03.2018` as European outlets print it; `（2月7日 23时10分）` after a headline is the
    story's stamp, not the day of what it condemns."""
    assert [(m.year, m.month, m.day) for m in find_dates("驱逐23名俄罗斯外交官。 14.03.2018")] == [
        (2018, 3, 14)]
    assert find_dates("增长3.5.他说") == []
    ms = find_dates("· 联合国安理会召开紧急会议 强烈谴责朝鲜发射（2月7日 23时10分）")
    assert [(m.month, m.day, m.topic) for m in ms] == [(2, 7, False)]


def test_another_months_day_from_an_earlier_paragraph_does_not_pass_its_month_on():
    """`…于5月26日再次会面。\\n金正恩10日下午抵达新加坡` in a report of 13 June: the 10th of June."""
    text = "金正恩与文在寅则于4月27日在板门店会晤，其后又于5月26日再次会面。\n金正恩10日下午抵达新加坡。"
    ms = find_dates(text)
    v = resolve_event_date(_sentence(text, "金正恩10日"), ms, year_clues(text, ms), text=text,
                           dateline=None, published="2018-06-13", anchor=ms[0])
    assert v.value == "2018-06-10"


def test_a_day_written_in_brackets_after_today_or_yesterday():
    """`昨（20）日`, `今（21）日`, as Taiwanese and Philippine Chinese papers write the day."""
    found = [(m.text, m.day) for m in find_dates("习近平昨（20）日上午抵达马尼拉。今（21）日，习近平将会见索托。")]
    assert found == [("昨（20）日上午", 20), ("今（21）日", 21)]


def test_a_sentence_about_talks_told_before_takes_their_day_not_the_last_day_named():
    """`普京在会谈中感谢…` after a paragraph of the guest's arrival (8th) and parade (9th): the
    talks' day (10th); `会谈中，洪玛奈感谢…` after the king's talks of the day before: the day of
    the talks 洪玛奈 held."""
    import communique

    doc = communique.extract(
        "普京与苏林举行会谈\n\n今日俄罗斯莫斯科5月10日电 俄罗斯总统普京10日在克里姆林宫与越共中央总书记"
        "苏林举行会谈。\n\n苏林8日抵达莫斯科，开始对俄罗斯进行正式访问，并于9日在红场出席阅兵式。\n\n"
        "普京在会谈中感谢苏林专程前来出席胜利日庆典。\n", published="2025-05-10")
    thanks = [e for e in doc.events if e.text.startswith("普京在会谈中")]
    assert [e.date.value for e in thanks] == ["2025-05-10"]
    doc = communique.extract(
        "习近平与洪玛奈举行会谈\n\n（金边讯）中国国家主席习近平昨天（18日）上午同柬埔寨王国首相洪玛奈举行"
        "会谈。\n\n习近平前天（17日）下午抵达金边。西哈莫尼国王当天在王宫同习近平举行会谈。\n\n"
        "会谈中，洪玛奈感谢中方长期以来为柬埔寨经济社会发展提供的宝贵支持。\n",
        published="2025-04-19")
    thanks = [e for e in doc.events if e.text.startswith("会谈中，洪玛奈")]
    assert [e.date.value for e in thanks] == ["2025-04-18"]


def test_yesterday_with_its_day_written_out_dates_a_report_of_no_known_day():
    text = "6月3日，两国外长通电话。印度总理莫迪和澳洲总理莫里森昨天（4日）以视频方式举行峰会。"
    v = _resolve(text, "印度总理莫迪")
    assert (v.value, v.precision) == ("--06-04", "month-day")


def test_the_second_days_talks_are_not_the_next_day():
    assert [m.relative for m in find_dates("日俄首脑在东京举行第二天会谈，第二天的议程是经济合作。")] == []
    assert [m.relative for m in find_dates("两人第二天在东京再次会面。")] == ["next_day"]


def test_a_day_of_this_week_is_the_one_nearest_the_report():
    got = [_resolve(text, text[:4], published=published).value for text, published in (
        ("首批疫苗将从本周三（10日）起优先接种。", "2021-02-08"),
        ("金正恩本周二（26日）乘专列抵达同登站。", "2019-03-02"),
        ("金正恩26日乘专列抵达同登站。", "2019-03-02"))]
    assert got == ["2021-02-10", "2019-02-26", "2019-02-26"]


def test_the_day_before_the_one_told_is_that_day_less_one():
    text = "当地时间10月7日上午,苏林同马克龙在爱丽舍宫举行会谈。此前一天,苏林在巴黎会见了法国共产党全国书记。"
    assert _resolve(text, "此前一天", published="2024-10-08",
                    anchor_words="10月7日上午").value == "2024-10-06"


def test_a_numbered_francophonie_summit_gives_its_year():
    clues = year_clues("此前,10月4日至5日,苏林出席了在法国维莱科特雷和巴黎举行的第十九届法语国家峰会。")
    assert [c.year for c in clues] == [2024]


def test_the_first_of_a_series_and_a_number_written_before_its_series_give_their_year():
    assert [c.year for c in year_clues("巴特尔会见了前来出席首届中国—蒙古国博览会的呼日勒苏赫。")] == [2015]
    assert [c.year for c in year_clues("十三届全国人大一次会议在北京开幕。")] == [2018]
    assert {c.year for c in year_clues("首届中国—朝鲜经贸文化旅游博览会在丹东开幕。")} == {2012}


def test_an_anniversary_after_a_range_of_days_is_no_target():
    text = "此前,范明政一行于3月4日至6日出席了在墨尔本举行的东盟—澳大利亚建立对话关系50周年纪念峰会。"
    assert [c.year for c in year_clues(text)] == [2024]
    assert not year_clues("两国将携手迈向建交100周年。")


def test_a_ceremony_before_the_talks_is_on_the_talks_day_a_delegations_other_calls_are_not():
    text = ("越南之声\n\n当地时间11月22日上午，苏林同马来西亚总理安瓦尔举行会谈。\n"
            "苏林一行于11月21日下午抵达吉隆坡。会谈前，两国领导人共同见证了多项合作文件的签署。"
            "在会谈前，越方代表团向英雄纪念碑敬献花圈，并会见了马越友好协会。")
    doc = communique.extract(text, published="2024-11-22")
    seen = next(e for e in doc.events if e.text.startswith("会谈前"))
    assert seen.date.value == "2024-11-22"
    called = next(e for e in doc.events if e.text.startswith("在会谈前"))
    assert called.date.value == "2024-11"


def test_a_meeting_before_the_opening_ceremony_is_on_the_ceremonys_day():
    text = ("新浪军事\n\n中俄“海上联合-2012”军事演习22日上午在青岛开幕。\n"
            "参加演习的俄罗斯海军舰艇21日抵达青岛。开幕式前，中国人民解放军海军司令员吴胜利上将会见了俄方总导演苏哈诺夫一行。")
    doc = communique.extract(text, published="2012-04-22")
    met = next(e for e in doc.events if e.text.startswith("开幕式前"))
    assert met.date.value == "2012-04-22"


def test_a_meeting_attended_is_dated_by_its_own_days():
    text = "国防部网\n\n国防部网讯 魏凤和于5月30日抵达新加坡，出席5月31日至6月2日举行的第18届香格里拉对话会。"
    doc = communique.extract(text, published="2019-05-31")
    went = next(e for e in doc.events if e.mode == "multilateral")
    assert went.date.value == "2019-05-31"


def test_the_same_day_is_the_day_told_last_though_told_as_yesterday():
    """`同日` after a paragraph opened with `昨天下午` is that day, not the report's; a `昨天` said
    in a speech (`…指出，…。昨天，我同…`) is no day of the report's story."""
    text = ("柬华日报金边讯 习近平于昨天中午抵达金边。\n昨天下午，西哈莫尼国王同习近平举行会谈。\n"
            "同日，洪森首相同习近平举行会谈。")
    v = _resolve(text, "同日，洪森", published="2016-10-14")
    assert v.value == "2016-10-13"
    said = ("柬华日报金边讯 12日，王毅在曼谷出席会议。\n王毅表示，两国友好。昨天，我访问内比都。\n"
            "同日，王毅同泰国外长举行会谈。")
    v = _resolve(said, "同日，王毅", published="2024-08-14")
    assert v.value == "2024-08-12"


def test_a_day_in_words_as_hong_kong_and_taiwan_papers_write_it():
    found = {m.text: (m.day, m.relative) for m in find_dates(
        "諾魯政府十五日宣布斷交。李克強昨日（十一日）上午出席開幕式，前日（十日）抵達。三十日下午會見")}
    assert found == {"十五日": (15, None), "昨日": (None, "yesterday"), "十一日": (11, None),
                     "前日": (None, "day_before_yesterday"), "十日": (10, None), "三十日下午": (30, None)}
    assert find_dates("此前日本首相表示，二十日内完成，第二十日") == []
    v = _resolve("諾魯政府十五日宣布與我國斷絕外交關係。", "諾魯政府", published="2024-01-16")
    assert v.value == "2024-01-15"
