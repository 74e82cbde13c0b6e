# ruff: noqa: E501  (Chinese strings count double width)
"""page.py: anatomy of real seed pages and of composed pages from other outlets."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

import communique
from communique.model import Page, RawPage
from communique.page import split_page

SAMPLES = Path(communique.__file__).parent / "samples"


def seed(name: str) -> str:
    return (SAMPLES / f"{name}.txt").read_text(encoding="utf-8")


def title_of(page: Page) -> str | None:
    return page.text[slice(*page.title_span)] if page.title_span else None


def paras_of(page: Page) -> list[str]:
    return [page.text[s:e] for s, e in page.paragraphs]


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


SEEDS = {
    "000_9fddb8e8c64c1899": dict(
        title="越共中央总书记阮富仲同统俄党主席、俄罗斯联邦安全会议副主席梅德韦杰夫举行会谈",
        dateline="越通社河内 ——",
        month=None,
        day=None,
        lead="5月22日下午,在越共中央总部,越共中央总书记阮富仲同自2023年5月21日至23日",
        last="继续本着两党两国高级领导人签署的文件和协议的精神推进双边关系。",
        teasers=[
            "胡志明市积极推动与中国各地方的友好交流与合作",
            "加强青年一代对越老特殊关系的宣传教育",
            "进一步培育与发展越老特殊关系",
            "越南向各国驻越外交代表机构及国际组织通报越共十四大成果",
            "老挝媒体:通伦·西苏里访越之行有助于密切越老双边关系",
            "越南国会主席陈青敏春节前走访慰问党和国家原领导人",
            "从决议到实践:人民是越南各项决策的主体",
        ],
    ),
    "001_e08e30e6338d062c": dict(
        title="越共中央总书记阮富仲与古共中央第一书记、国家主席迪亚斯·卡内尔通电话",
        dateline="越通社河内7月28日——",
        month=7,
        day=28,
        lead="7月27日晚,越共中央总书记阮富仲已同古巴共产党中央委员会第一书记",
        last="同时提高古巴在亚洲和世界上的科技、医疗卫生和疫苗商业潜力。",
        teasers=[
            "胡志明市积极推动与中国各地方的友好交流与合作",
            "加强青年一代对越老特殊关系的宣传教育",
            "进一步培育与发展越老特殊关系",
            "越南向各国驻越外交代表机构及国际组织通报越共十四大成果",
            "老挝媒体:通伦·西苏里访越之行有助于密切越老双边关系",
            "越南国会主席陈青敏春节前走访慰问党和国家原领导人",
            "从决议到实践:人民是越南各项决策的主体",
        ],
    ),
    "002_6e976aa6c6f504c0": dict(
        title="越南与俄罗斯加强合作 为地区和平与稳定做出努力",
        dateline="越通社河内2月5日——",
        month=2,
        day=5,
        lead="2月5日,俄罗斯联邦国防部部长谢尔盖·绍伊古(Sergey Shoigu)大将已主持仪式",
        last="5日晚,吴春历已离开莫斯科前往圣彼得堡,继续进行俄罗斯之行。",
        teasers=[
            "越共十四大:在以色列越侨对国家发展道路充满信心",
            "越共十四大:美国参议员希望继续扩大同越南的合作",
            "越南对外工作革新四十年:在党的领导下走过辉煌历程",
            "越共十四大:确保圆满完成大会代表接送服务任务",
            "越南与新加坡加强合作共促国际金融中心发展",
            "范明政总理:有数据才有数字政府、数字经济和数字社会",
            "越共十四大:革新理论引领越南迈入新纪元",
        ],
    ),
    "003_41b14d6cd62a4744": dict(
        title="越南副外长黎怀忠与中国副外长罗照辉举行视频会议",
        dateline="越通社河内5月29日——",
        month=5,
        day=29,
        lead="双方一致认为,在两党两国最高领导人的坚强领导和亲自指挥下",
        last="按照国际法共同处理所存在的分歧。",
        teasers=[
            "国会主席陈青敏看望慰问党和国家历届原领导同志",
            "2026年U23亚洲杯:越南前锋阮廷北荣膺金靴",
            "为深化越老“战略对接”内涵作出贡献",
            "苏林总书记会见出席越共十四大的驻外大使和越南驻外机构负责人",
            "越南积极参与并为全球佛教论坛贡献力量",
            "老挝驻越大使:老挝始终将对越关系置于外交政策优先位置",
            "越共中央总书记苏林署名文章:奋勇前进!胜利必将属于我们!",
            "越共十四大:越南在40年革新后的“势”与“力”",
            "越共十四大:稳步迈入民族奋发图强的新纪元",
        ],
    ),
    "004_184a02c494a2d2c7": dict(
        title="有效促进越俄防务合作",
        dateline="越通社河内——",
        month=None,
        day=None,
        lead="越共中央委员、中央军委常委、国防部副部长阮志咏上将于7月3日下午",
        last="起草越俄防务合作关系70周年档案等2020年优先事项达成共识。",
        teasers=[
            "陈青敏要求全力确保国会和各级人民议会选举安全顺利举行",
            "国会与人民议会代表选举:切实巩固政治体系 为国家发展注入新动力",
            "推动越南—墨西哥议会合作",
            "古巴驻越大使:第十六届国会代表选举为越南稳步迈入民族奋发图强新纪元注入新活力",
            "越南政府总理要求加强保障成品油供应",
            "国会与各级人民议会选举:侨胞的责任与情怀共同心系国家盛事",
            "国会和人民议会选举:天主教同胞热切迎接国家盛会",
            "南南合作促进妇女和女童权利与公正",
            "越南就《不扩散核武器条约》第十一次审议大会进行磋商",
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_article(name):
    exp = SEEDS[name]
    pages = split_page(RawPage(doc_id=name, text=seed(name)))
    art = pages[0]
    assert art.doc_id == name and art.part == "article"
    assert title_of(art) == exp["title"]
    assert art.text.startswith(exp["title"] + "\n")
    assert len(art.text) == len(art.display_text)
    # no caption, no end mark, no related block in the article text
    for junk in ("ảnh", "图自越通社", "(完)"):
        assert junk not in art.text
    assert not any(line in ("越通社", "更多") for line in art.text.split("\n"))
    for headline in exp["teasers"]:
        if headline != exp["title"]:
            assert headline not in art.text
    assert "1月27日" not in art.text and "十四大" not in art.text  # teaser dates and topics
    # the lead appears once, in the body paragraph that carries the dateline
    assert squash(art.text).count(squash(exp["lead"])) == 1
    assert any(d.kind == "duplicate-lead" for d in art.dropped)
    # dateline
    dl = art.dateline
    assert dl is not None
    assert dl.text == exp["dateline"] and art.text[slice(*dl.span)] == exp["dateline"]
    assert (dl.agency, dl.place, dl.month, dl.day) == ("越通社", "河内", exp["month"], exp["day"])
    assert paras_of(art)[0].startswith(exp["dateline"])
    assert paras_of(art)[-1].endswith(exp["last"])
    # captions are kept as dropped, in order
    kinds = [d.kind for d in art.dropped]
    assert "caption" in kinds and "related" in kinds and "end-mark" in kinds
    assert all("ảnh" in d.text for d in art.dropped if d.kind == "caption")
    # paragraph spans cover the text exactly: title "\n" p1 "\n" p2 ...
    pieces = [art.text[slice(*art.title_span)], *paras_of(art)]
    assert "\n".join(pieces) == art.text


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_teasers(name):
    exp = SEEDS[name]
    pages = split_page(RawPage(doc_id=name, text=seed(name)))
    teasers = pages[1:]
    assert [title_of(t) for t in teasers] == exp["teasers"]
    for n, t in enumerate(teasers, start=1):
        assert t.doc_id == f"{name}#teaser-{n}" and t.part == "teaser"
        assert len(t.paragraphs) == 1  # each teaser: headline + one summary
        assert len(paras_of(t)[0]) > 40
        assert "图自越通社" not in t.text and "ảnh" not in t.text
        assert len(t.text) == len(t.display_text)
        # every teaser had a caption line before its headline: dropped, not in the text
        assert [d.kind for d in t.dropped] == ["caption"]
        assert t.dropped[0].text not in t.text.split("\n")[1:]
        assert t.published is None


def test_seed_caption_variants():
    # caption equal to the headline (002), caption without a photo credit (004)
    t = split_page(RawPage("002", text=seed("002_6e976aa6c6f504c0")))[3]
    assert t.dropped[0].text == title_of(t) == "越南对外工作革新四十年:在党的领导下走过辉煌历程"
    assert t.text.count("越南对外工作革新四十年") == 1
    t = split_page(RawPage("004", text=seed("004_184a02c494a2d2c7")))[4]
    assert t.dropped[0].text == "古巴驻越南特命全权大使罗赫利奥·波兰科·富恩特斯"
    assert paras_of(t)[0].startswith("古巴驻越南特命全权大使罗赫利奥·波兰科·富恩特斯(Rogelio")


def test_teaser_dateline():
    t = split_page(RawPage("000", text=seed("000_9fddb8e8c64c1899")))[5]
    assert t.dateline is not None and t.dateline.text == "越通社驻老挝记者报道"
    assert t.dateline.place == "老挝"


def test_second_vna_dateline_is_not_the_page_dateline():
    art = split_page(RawPage("002", text=seed("002_6e976aa6c6f504c0")))[0]
    assert art.dateline.text == "越通社河内2月5日——"
    assert "越通社驻莫斯科记者报道" in art.text


# --- other outlets ---------------------------------------------------------------------------


def test_an_editor_line_above_the_article_does_not_end_it():
    pages = split_page(RawPage("cri", text=(
        "中越海军完成第27次北部湾联合巡逻\n\n国际在线 > 新闻 > 军事\n2019-12-05 10:42:16　来源：国际在线\n"
        "编辑：王晶\n\n国际在线报道：12月3日至4日，中越两国海军举行第27次北部湾联合巡逻。\n\n"
        "责任编辑：王晶\n\n这一行在文章之后。\n")))
    assert "第27次北部湾联合巡逻。" in pages[0].text and "这一行" not in pages[0].text


def test_a_related_block_headed_related_content_is_other_stories():
    pages = split_page(RawPage("dw", text=(
        "朔尔茨访问越南\n\n德国总理朔尔茨周日(11月13日)抵达河内，对越南进行短暂访问。\n\n"
        "相關內容\n朔尔茨访华 德国企业界高度关注\n越南推出公正能源转型计划\n")))
    assert "访华" not in pages[0].text
    assert [p.part for p in pages[1:]] and all(p.part == "teaser" for p in pages[1:])

@pytest.mark.parametrize("heading", ["编辑推荐", "热门文章", "同类新闻", "其他新闻", "阅读更多:", "本版其他文章"])
def test_the_headings_outlets_give_other_stories_start_the_teasers(heading):
    pages = split_page(RawPage("p", text=(
        "洪森会见中国大使\n\n柬埔寨首相洪森18日在金边会见中国驻柬大使王文天。\n\n"
        f"{heading}\n中柬举行外交国防“2+2”战略对话\n洪森出席博鳌亚洲论坛年会\n")))
    assert "战略对话" not in pages[0].text
    assert [p.part for p in pages[1:]] and all(p.part == "teaser" for p in pages[1:])


def test_each_bulleted_line_of_other_stories_is_a_teaser_of_its_own():
    pages = split_page(RawPage("p", text=(
        "英国驱逐俄外交官\n\n英国首相特雷莎·梅14日宣布驱逐23名俄罗斯外交官。\n\n相关新闻\n"
        "· 俄罗斯以牙还牙 驱逐23名英国外交官 17.03.2018 俄罗斯外交部宣布驱逐23名英国外交官，并关闭英国文化协会"
        "在俄罗斯的办公室。\n"
        "· 美国驱逐35名俄外交官 30.12.2016 奥巴马29日宣布驱逐35名俄罗斯外交官，并关闭俄方在美国的两处房产。\n")))
    teasers = [p.text for p in pages[1:]]
    assert len(teasers) == 2 and "17.03.2018" in teasers[0] and "奥巴马" in teasers[1]


def test_the_sites_footer_ends_the_other_stories():
    pages = split_page(RawPage("p", text=(
        "习近平致电祝贺苏林\n\n中共中央总书记习近平23日致电苏林。\n\n相关新闻\n"
        "· 日本政府就朝鲜核试验提出抗议（1月6日 15时20分）\n"
        "Copyright NHK (Japan Broadcasting Corporation) All rights reserved.\n\n"
        "老挝驻越大使：老挝始终珍视老越特殊关系\n\n版权所有 © 万象时报中文版\n")))
    teasers = [p.text for p in pages[1:]]
    assert teasers == ["· 日本政府就朝鲜核试验提出抗议（1月6日 15时20分）"]
    assert ("navigation", "版权所有 © 万象时报中文版") in [(d.kind, d.text) for d in pages[0].dropped]
    # a footer under the article alone is furniture too
    (art,) = split_page(RawPage("p", text=(
        "日经报道\n\n日本首相10日会见越南总理。\n\n版权声明：日本经济新闻社版权所有，未经授权不得转载。\n")))
    assert "版权" not in art.text


XINHUA = """首页 > 新闻 > 国际
越南国家主席会见中国外交部长
2024-03-05 18:20:31　来源：新华网
新华社河内3月5日电（记者 张三 李四）越南国家主席武文赏5日在河内会见到访的中国外交部长王毅。
武文赏表示，越方愿同中方加强高层交往。王毅说，中方愿同越方一道落实两党两国领导人达成的重要共识。
3月5日，越南国家主席武文赏在河内会见中国外交部长王毅。新华社记者 王五 摄
双方还就共同关心的国际和地区问题交换了意见。
分享到：
【打印】【关闭窗口】
责任编辑：赵六
相关新闻
王毅同越南副总理兼外长会谈
中越举行外交国防安全“3+3”战略对话
"""


def test_xinhua_style_page():
    pages = split_page(RawPage("xh", text=XINHUA, published="2024-03-05", url="https://x/1"))
    art = pages[0]
    assert title_of(art) == "越南国家主席会见中国外交部长"
    assert art.published == "2024-03-05" and art.url == "https://x/1"
    dl = art.dateline
    assert dl.text == "新华社河内3月5日电（记者 张三 李四）"
    assert (dl.agency, dl.place, dl.month, dl.day) == ("新华社", "河内", 3, 5)
    assert paras_of(art) == [
        "新华社河内3月5日电（记者 张三 李四）越南国家主席武文赏5日在河内会见到访的中国外交部长王毅。",
        "武文赏表示，越方愿同中方加强高层交往。王毅说，中方愿同越方一道落实两党两国领导人达成的重要共识。",
        "双方还就共同关心的国际和地区问题交换了意见。",
    ]  # fmt: skip
    kinds = [(d.kind, d.text) for d in art.dropped]
    assert kinds == [
        ("navigation", "首页 > 新闻 > 国际"),
        ("source", "2024-03-05 18:20:31　来源：新华网"),
        ("caption", "3月5日，越南国家主席武文赏在河内会见中国外交部长王毅。新华社记者 王五 摄"),
        ("navigation", "分享到："),
        ("navigation", "【打印】【关闭窗口】"),
        ("editor", "责任编辑：赵六"),
        ("related", "相关新闻"),
    ]
    assert [title_of(t) for t in pages[1:]] == [
        "王毅同越南副总理兼外长会谈",
        "中越举行外交国防安全“3+3”战略对话",
    ]
    assert all(t.paragraphs == () for t in pages[1:])


CNS = """中越两国外长举行会谈
中新社北京2月4日电 (记者 张三)中国外交部长王毅4日在北京同越南外长裴青山举行会谈。
（记者 张三）
王毅表示，中方愿同越方共同努力，推动两国全面战略合作伙伴关系不断向前发展。
裴青山表示，越方高度重视对华关系。(完)
【编辑：李四】
"""


def test_cns_style_page():
    (art,) = split_page(RawPage("cns", text=CNS))
    assert title_of(art) == "中越两国外长举行会谈"
    dl = art.dateline
    assert dl.text == "中新社北京2月4日电 (记者 张三)"
    assert (dl.agency, dl.place, dl.month, dl.day, dl.year) == ("中新社", "北京", 2, 4, None)
    assert paras_of(art)[-1] == "裴青山表示，越方高度重视对华关系。"
    assert [d.kind for d in art.dropped] == ["byline", "end-mark", "editor"]


def test_other_dateline_forms():
    cases = {
        "越通社驻莫斯科记者报道，双方举行会谈。": ("越通社驻莫斯科记者报道", "越通社", "莫斯科"),
        "本报讯（记者 王五）越南驻华大使会见了中方代表。": ("本报讯（记者 王五）", "本报", None),
        "人民网北京2月4日电 越南国家主席致电祝贺。": ("人民网北京2月4日电", "人民网", "北京"),
        "（越通社）越南总理会见老挝总理。": ("（越通社）", "越通社", None),
        "据越通社报道，越南总理会见老挝总理。": ("据越通社报道", "越通社", None),
        "越通社河内2023年7月28日--越南总理会见老挝总理。": ("越通社河内2023年7月28日--", "越通社", "河内"),
        "越通社胡志明市7月28日—越南总理会见老挝总理。": ("越通社胡志明市7月28日—", "越通社", "胡志明市"),
        "越通社河内7月28日-越南总理会见老挝总理。": ("越通社河内7月28日-", "越通社", "河内"),
        "俄罗斯卫星通讯社河内7月6日电 拉夫罗夫与裴青山会谈。": ("俄罗斯卫星通讯社河内7月6日电", "俄罗斯卫星通讯社", "河内"),
        "路透社华盛顿7月6日电（记者 张三）美越会谈。": ("路透社华盛顿7月6日电（记者 张三）", "路透社", "华盛顿"),
        "广西新闻网南宁9月11日讯（记者 蒋林林）鹿心社会见王廷惠。": ("广西新闻网南宁9月11日讯（记者 蒋林林）", "广西新闻网", "南宁"),
    }  # fmt: skip
    for body, (text, agency, place) in cases.items():
        (art,) = split_page(RawPage("d", text="越南总理会见老挝总理\n" + body))
        dl = art.dateline
        assert dl is not None, body
        assert (dl.text, dl.agency, dl.place) == (text, agency, place), body
        assert art.text[slice(*dl.span)] == text
    (art,) = split_page(RawPage("d", text="标题\n越通社河内2023年7月28日--越南总理会见老挝总理。"))
    assert (art.dateline.year, art.dateline.month, art.dateline.day) == (2023, 7, 28)
    for body in ("越南国会主席王廷惠7月6日电贺新加坡。", "越南之声广播电台7月6日电话采访了大使。"):
        (art,) = split_page(RawPage("d", text="标题\n" + body))
        assert art.dateline is None, body


def test_a_line_of_date_and_time_is_the_pages_stamp():
    """Dropped from the article, and the page's publication date when none was given: day
    first where the outlet writes it with dots."""
    cases = {
        "17:46 06.07.2022": "2022-07-06",
        "2023/9/10 21:48（9/10 23:05 更新）": "2023-09-10",
        "2024年06月20日 08:49 星期四": "2024-06-20",
        "2024年1月31日 星期三　A1版": "2024-01-31",  # a paper's page number
        "2021年05月17日 第03版": "2021-05-17",
        "2016年2月10日 19时46分": "2016-02-10",  # the time in hours and minutes
        # the date and time, then the paper's credit
        "2022年7月6日 08:10\u3000\u3000世界日报\u3000本报讯": "2022-07-06",
        "2022/11/16 04:10\u3000\u3000中国时报\u3000记者 陈君硕／综合报导": "2022-11-16",
        "《人民日报海外版》（2015年11月07日\u3000第01版）\u3000星期六": "2015-11-07",  # the paper
    }
    for stamp, published in cases.items():
        page = f"拉夫罗夫与裴青山举行会谈\n{stamp}\n俄罗斯外长拉夫罗夫6日在河内与越南外长裴青山举行会谈。"
        (art,) = split_page(RawPage("s", text=page))
        assert [(d.kind, d.text) for d in art.dropped] == [("stamp", stamp)], stamp
        assert stamp not in art.text
        assert art.published == published, stamp
    (art,) = split_page(RawPage("s", text=page, published="2022-07-07"))
    assert art.published == "2022-07-07"  # what the user gave comes first
    (art,) = split_page(RawPage("s", text="标题\n07/09/2023 16:32 GMT+7\n发言人今天（7日）下午宣布。"))
    assert art.published == "2023-09-07"  # `今天（7日）` says which number is the day
    (art,) = split_page(RawPage("s", text="标题\n3.5\n双方签署2025年合作计划。"))
    assert art.dropped == () and art.published is None
    # a dated headline of another story is no credit
    (art,) = split_page(RawPage("s", text="标题\n2024-05-16 10:00 越南国家主席会见老挝总理\n正文。"))
    assert art.published is None


def test_a_stamp_without_a_year_still_gives_the_report_day():
    (art,) = split_page(RawPage("s", text="日越首脑会谈\n11月27日 21时05分\n日本首相27日在首相官邸与越南"
                                          "国家主席举行了会谈。"))
    assert art.published is None and "21时05分" not in art.text
    assert (art.dateline.month, art.dateline.day, art.dateline.span) == (11, 27, (0, 0))


def test_a_headline_that_opens_with_the_date_gives_the_report_date():
    page = "2023年8月24日外交部发言人汪文斌主持例行记者会\n问：今天下午，日本政府启动排海。\n答：中方坚决反对。"
    (art,) = split_page(RawPage("fm", text=page))
    dl = art.dateline
    assert (dl.text, dl.year, dl.month, dl.day) == ("2023年8月24日", 2023, 8, 24)
    assert art.text[slice(*dl.span)] == dl.text
    for title in ("2025年越南国际防务展开幕", "8月24日外交部例行记者会", "越南总理会见老挝总理"):
        (art,) = split_page(RawPage("fm", text=f"{title}\n双方举行会谈。"))
        assert art.dateline is None, title
    body = "越通社河内7月28日——越南总理会见老挝总理。"
    (art,) = split_page(RawPage("fm", text=f"2023年7月27日消息\n{body}"))
    assert art.dateline.text == "越通社河内7月28日——"  # the article's own dateline first


TRAD = """越南國家主席會見中國國務院總理
越通社河內3月5日——越南國家主席蘇林5日在河內會見中華人民共和國國務院總理李強。
雙方就兩國關係交換意見，並簽署多項合作文件。（完）
"""


def test_traditional_page_maps_back_to_original_characters():
    (art,) = split_page(RawPage("trad", text=TRAD))
    assert title_of(art) == "越南国家主席会见中国国务院总理"
    assert art.display_text[slice(*art.title_span)] == "越南國家主席會見中國國務院總理"
    assert len(art.text) == len(art.display_text)
    i = art.text.index("国务院总理李强")
    assert art.display_text[i : i + 7] == "國務院總理李強"
    dl = art.dateline
    assert dl.text == "越通社河内3月5日——" and dl.place == "河内"
    assert art.display_text[slice(*dl.span)] == "越通社河內3月5日——"
    for s, e in art.paragraphs:
        assert len(art.display_text[s:e]) == e - s
    assert art.display_text.split("\n")[-1] == "雙方就兩國關係交換意見，並簽署多項合作文件。"


def test_fullwidth_digits_normalised_with_same_offsets():
    (art,) = split_page(RawPage("fw", text="标题\n越通社河内７月２８日——越南总理会见老挝总理。"))
    assert (art.dateline.month, art.dateline.day) == (7, 28)
    assert "７月２８日" in art.display_text and "7月28日" in art.text


def test_page_cut_mid_sentence():
    text = "越南总理会见日本大使\n越通社河内6月1日——越南政府总理范明政1日在河内会见日本驻越大使，双方就加强两国"
    (art,) = split_page(RawPage("cut", text=text))
    assert title_of(art) == "越南总理会见日本大使"
    assert paras_of(art) == [text.split("\n")[1]]
    assert art.dropped == ()


HTML = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>越南国家主席会见中国外交部长_新华网</title>
<meta property="article:published_time" content="2024-03-05T18:20:31+08:00">
<script>var tracking = {a: 1}; function f() { return 1; }</script></head>
<body><div class="nav"><a href="/">首页</a> &gt; <a href="/world">国际</a></div>
<script>document.write('广告');</script>
<div class="article"><h1>越南国家主席会见中国外交部长</h1>
<p>新华社河内3月5日电（记者 张三）越南国家主席武文赏5日在河内会见到访的中国外交部长王毅。</p>
<p>武文赏表示，越方愿同中方加强高层交往，推动越中全面战略合作伙伴关系深入发展。</p>
<p>王毅表示，中方愿同越方一道落实两党两国领导人达成的重要共识，推进双边各领域合作。</p>
<p>责任编辑：赵六</p></div><div class="footer">版权所有 新华网</div></body></html>"""


def test_html_page():
    (art,) = split_page(RawPage("html", html=HTML))
    assert title_of(art) == "越南国家主席会见中国外交部长"
    assert art.published == "2024-03-05"
    assert art.dateline.text == "新华社河内3月5日电（记者 张三）"
    assert len(art.paragraphs) == 3
    for junk in ("tracking", "广告", "首页", "赵六", "版权所有"):
        assert junk not in art.text


def test_empty_and_script_only_pages_give_an_empty_article():
    for raw in (
        RawPage("e", text=""),
        RawPage("s", html="<html><head><script>var a=1;</script></head><body></body></html>"),
        RawPage("n"),
    ):
        (art,) = split_page(raw)
        assert art.text == "" and art.title_span is None and art.paragraphs == ()


def test_given_title_is_prepended_once():
    body = "越通社河内3月5日——越南国家主席苏林5日在河内会见老挝总理。"
    (art,) = split_page(RawPage("t", text=body, title="越南国家主席会见老挝总理"))
    assert title_of(art) == "越南国家主席会见老挝总理" and paras_of(art) == [body]
    (art,) = split_page(
        RawPage("t", text="越南国家主席会见老挝总理\n" + body, title="越南国家主席会见老挝总理")
    )
    assert art.text.count("越南国家主席会见老挝总理") == 1


def test_crlf_and_odd_breaks_keep_offsets():
    text = seed("001_e08e30e6338d062c").replace("\n", "\r\n")
    pages = split_page(RawPage("crlf", text=text))
    assert title_of(pages[0]).startswith("越共中央总书记阮富仲与古共中央第一书记")
    assert len(pages) == 8 and "\r" not in pages[0].text


# --- speed -----------------------------------------------------------------------------------


def test_split_page_is_linear_on_big_pages():
    seeds = [seed(n) for n in sorted(SEEDS)]
    t0 = time.perf_counter()
    for _ in range(40):
        for s in seeds:
            split_page(RawPage("x", text=s))
    per_char = (time.perf_counter() - t0) / (40 * sum(map(len, seeds)))
    body = "\n\n".join(p for p in seed("000_9fddb8e8c64c1899").split("更多")[0].split("\n")[2:26])
    big = "大页面标题\n" + "\n".join([body.replace("(完)", "")] * 600)  # ~4 M chars
    t0 = time.perf_counter()
    (art, *_) = split_page(RawPage("big", text=big))
    took = time.perf_counter() - t0
    assert len(art.paragraphs) > 5000
    assert took < 10 and took / len(big) < 20 * per_char + 1e-6
    flat = big.replace("\n", "")  # one 4 M char line
    t0 = time.perf_counter()
    split_page(RawPage("flat", text=flat))
    assert time.perf_counter() - t0 < 10


def test_datelines_of_other_agencies_in_brackets() -> None:
    from communique.model import RawPage
    from communique.page import split_page

    cna = split_page(RawPage("cna", text="標題\n\n（中央社東京27日綜合外電報導）越南總理范明政今天在東京與岸田文雄舉行會談。"))[0]
    assert cna.dateline is not None and (cna.dateline.agency, cna.dateline.place) == ("中央社", "东京")
    yna = split_page(RawPage("yna", text="标题\n\n（韩联社首尔7月14日电）韩国外长朴振会见中国外长王毅。"))[0]
    assert yna.dateline is not None
    assert (yna.dateline.agency, yna.dateline.place, yna.dateline.month, yna.dateline.day) == (
        "韩联社", "首尔", 7, 14)


def test_a_reporters_byline_with_the_city_is_a_dateline_and_no_party() -> None:
    from communique.model import RawPage
    from communique.page import split_page

    (art,) = split_page(RawPage("ltn", text="諾魯斷交\n\n〔記者 陳政宇／台北報導〕諾魯政府十五日宣布與我國斷絕外交關係。"))
    assert art.dateline is not None and art.dateline.place == "台北"
    assert art.text[art.dateline.span[1]:].startswith("诺鲁政府")
    (rec,) = [r for r in communique.extract("自由時報\n\n諾魯斷交\n\n〔記者 陳政宇／台北報導〕"
                                             "諾魯政府十五日宣布與我國斷絕外交關係。").records()
              if r["part"] == "article" and r["event"] == "SANCTION"]
    assert [e["country"] for e in rec["actor"]] == ["NRU"]


def test_a_papers_own_dateline_of_several_places_compiled_from_wires() -> None:
    from communique.model import RawPage
    from communique.page import split_page

    (art,) = split_page(RawPage("z", text="印澳峰会\n\n（新德里/堪培拉综合电）印度总理莫迪和澳洲总理莫里森昨天举行峰会。"))
    assert art.dateline is not None and art.dateline.place == "新德里"
    assert art.text[art.dateline.span[1]:].startswith("印度总理莫迪")
    (art,) = split_page(RawPage("z", text="习近平致电\n\n（习近平致电）越南国家主席梁强。"))
    assert art.dateline is None  # a word ending in 电 is no wire


def test_a_stamp_written_with_slashes_is_read_the_way_the_article_names_its_day():
    def published(stamp: str, body: str) -> str | None:
        (art,) = split_page(RawPage("s", text=f"马克龙与习近平会谈\n{stamp}\n{body}"))
        assert stamp not in art.text
        return art.published

    assert published("发表时间: 06/04/2023 - 16:05", "马克龙周四（4月6日）在北京与习近平举行会谈。") == "2023-04-06"
    assert published("发表时间: 04/06/2023 - 16:05", "马克龙周四（4月6日）在北京与习近平举行会谈。") == "2023-04-06"
    assert published("发表时间: 25/04/2023 - 16:05", "马克龙在北京与习近平举行会谈。") == "2023-04-25"
    assert published("发表时间: 06/04/2023 - 16:05", "马克龙在北京与习近平举行会谈。") is None


def test_an_html_pages_related_list_gives_one_teaser_a_story():
    html = ("<html><head><title>习近平向缅甸领导人致慰问电 - 新华网</title></head><body>"
            "<h1>习近平向缅甸领导人致慰问电</h1><article><p>新华社北京3月29日电 3月28日，国家主席习近平"
            "就缅甸发生强烈地震向缅甸领导人敏昂莱致慰问电。</p></article>"
            "<aside><h3>相關新聞</h3><ul><li>李强在昆明会见缅甸领导人敏昂莱（2024年11月6日）</li>"
            "<li>中美日内瓦经贸会谈达成协议（2025年5月12日）</li></ul></aside></body></html>")
    doc = communique.extract(html)
    assert "敏昂莱（2024年" not in doc.page.text
    teasers = [(t.page.part, [(e.event, sorted(c for e2 in (*e.actor, *e.recipient)
                                                for c in [e2.country])) for e in t.events])
               for t in doc.teasers]
    assert teasers == [("teaser", [("CONSULT", ["CHN", "MMR"])]), ("teaser", [])]


def test_an_html_list_under_any_heading_of_the_data_file_gives_teasers():
    """`熱門文章` (kb/related_headings.tsv, here in traditional characters): each item a teaser."""
    html = ("<html><head><title>德國驅逐俄外交官</title></head><body><h1>德國驅逐俄外交官</h1>"
            "<article><p>德國外長馬斯週一（3月26日）在柏林宣布，德國將驅逐四名俄羅斯外交官。</p></article>"
            "<aside><h2>熱門文章</h2><ul><li>英國驅逐23名俄羅斯外交官 14.03.2018</li>"
            "<li>俄羅斯驅逐23名英國外交官 17.03.2018</li></ul></aside></body></html>")
    doc = communique.extract(html)
    assert [t.page.text.lstrip("· ")[:6] for t in doc.teasers] == ["英国驱逐23", "俄罗斯驱逐2"]


def test_a_day_and_the_outlet_alone_is_the_pages_stamp_and_a_bracketed_wire_its_dateline():
    from communique.model import RawPage
    from communique.page import classify, split_page

    assert classify("主体108年6月21日　朝中社") == "stamp"
    assert classify("2015年4月23日 星期四　　千岛日报") == "stamp"
    assert classify("2023年5月1日 越南通讯社报道称两国同意") is None  # a sentence, no clock
    # an outlet whose name starts with a letter of a date (`日本…`)
    assert classify("2022/05/01 16:30\u3000\u3000日本经济新闻（中文版：日经中文网）") == "stamp"
    (art,) = split_page(RawPage("k", text="金正恩同志同习近平同志举行会谈\n主体108年6月21日　朝中社\n"
                                          "（朝中社平壤6月21日电）习近平同志6月20日抵达平壤。"))
    assert "主体108年" not in art.text
    assert art.dateline is not None and (art.dateline.agency, art.dateline.place, art.dateline.day) == (
        "朝中社", "平壤", 21)


def test_the_sites_name_above_its_breadcrumbs_is_no_title_and_its_stamp_is_read():
    def head(text: str) -> tuple[str | None, str | None, str]:
        (art,) = split_page(RawPage("s", text=text))
        return art.text[slice(*art.title_span)] if art.title_span else None, art.published, art.text

    body = "新京报讯 当地时间6月20日，越南国家主席苏林在河内同普京举行会谈。"
    title, published, text = head(f"新京报\n首页 > 国际\n普京访问越南：俄越发表联合声明\n"
                                  f"新京报　2024-06-20 22:16　　记者 许子豪\n{body}")
    assert (title, published) == ("普京访问越南：俄越发表联合声明", "2024-06-20")
    assert "新京报\n" not in text and "记者 许子豪" not in text
    title, published, _ = head("香港电台网站 RTHK\n新闻 > 国际\n埃尔多安与泽连斯基会谈\n"
                               "2022-08-18 HKT 23:41\n埃尔多安今日（18日）到访利沃夫。")
    assert (title, published) == ("埃尔多安与泽连斯基会谈", "2022-08-18")
    # breadcrumbs under the title, a stamp under them: the title stays
    title, published, _ = head("金正恩结束访问启程回国\n韩联社 > 朝鲜半岛\n2019-03-02 16:30\n"
                               "韩联社首尔3月2日电 金正恩2日上午启程回国。")
    assert (title, published) == ("金正恩结束访问启程回国", "2019-03-02")


@pytest.mark.parametrize(("stamp", "day"), [
    ("更新时间：2018年10月16日 20:15　　【字号：大 中 小】", "2018-10-16"),
    ("2024/09/14　　【大 中 小】【打印】【关闭】", "2024-09-14"),
    ("14.11.2013, 21:10　　打印版　　发送给朋友", "2013-11-14"),
    ("2015年2月12日　星期四　第6期", "2015-02-12"),
    ("2020年4月9日 星期四　　世界日报记者 陈 明", "2020-04-09"),
    ("06月16日 19:40　　作者：阿依古丽·努尔兰", None),
    ("發佈時間：03/08/2017 - 15:40　最後更新：03/08/2017 - 18:02", "2017-08-03"),
])
def test_a_stamp_with_the_pages_buttons_or_a_credit_after_it_is_the_pages_stamp(stamp, day):
    (art,) = split_page(RawPage("s", text=f"两国领导人举行会谈\n{stamp}\n"
                                          "德国外交部周三（8月2日）发表声明，召见越南大使。"))
    assert art.published == day
    assert art.text.startswith("两国领导人举行会谈\n德国外交部")


def test_an_outlets_news_line_is_its_dateline_and_no_party() -> None:
    cases = {
        "央视网消息（新闻联播）：国务院总理温家宝5日在平壤会见金正日。": ("央视网消息（新闻联播）：", "央视网", None),
        "中新网北京3月5日消息 王毅会见越南外长。": ("中新网北京3月5日消息", "中新网", "北京"),
    }  # fmt: skip
    for body, (text, agency, place) in cases.items():
        (art,) = split_page(RawPage("d", text="温家宝会见金正日\n" + body))
        dl = art.dateline
        assert dl is not None and (dl.text.strip(), dl.agency, dl.place) == (text, agency, place), body
    (art,) = split_page(RawPage("d", text="标题\n据新华社消息，李强出席会议。"))
    assert art.dateline is None  # a source quoted, not the page's own line


def test_a_related_storys_headline_and_summary_stay_apart():
    from communique.sources.html import related_items
    html = ("<html><body><h1>胡锦涛同阮富仲会谈</h1><aside><h3>相关新闻</h3><ul>"
            "<li><a href='/a'>戴秉国会见越南领导人特使胡春山</a><p>国务委员戴秉国6月25日在北京会见越南领导人特使、"
            "越南外交部副部长胡春山。</p></li><li><a href='/b'>王毅</a><!-- 广告 -->会见<a href='/c'>范平明</a></li>"
            "</ul></aside></body></html>")
    first, second = related_items(html)
    assert first.startswith("戴秉国会见越南领导人特使胡春山 国务委员戴秉国")
    assert second == "王毅会见范平明"  # links inside one line run on
    doc = communique.extract(html.replace("</h1>", "</h1><article><p>新华社北京10月11日电 中共中央总书记"
                                          "胡锦涛11日在人民大会堂同越共中央总书记阮富仲举行会谈。</p></article>"))
    names = [e.name for t in doc.teasers for e in t.entities if e.kind == "person"]
    assert "胡春山" in names and "戴秉国" in names, names


def test_a_sites_name_in_latin_letters_under_its_chinese_name_is_furniture():
    (art,) = split_page(RawPage("p", text=(
        "中华人民共和国驻缅甸联邦共和国大使馆\nEmbassy of the People's Republic of China in the Republic of the "
        "Union of Myanmar\n首页 > 使馆动态\n\n马佳大使向缅方移交援助物资\n\n2025/03/30\n\n"
        "2025年3月30日，驻缅甸大使马佳在内比都向缅方移交中国政府援助物资。")))
    assert art.text[slice(*art.title_span)] == "马佳大使向缅方移交援助物资"
    assert art.text[slice(*art.paragraphs[0])].startswith("2025年3月30日")
