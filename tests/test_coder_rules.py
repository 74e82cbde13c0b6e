"""The coder's rules for the constructions of the genre, each on a sentence of its kind."""

from __future__ import annotations

import communique


def events(text: str, published: str | None = None) -> list[dict]:
    return communique.extract(text, published=published).records()


def sides(record: dict) -> tuple[set[str], set[str]]:
    return ({e["country"] for e in record["actor"]}, {e["country"] for e in record["recipient"]})


def test_messages_exchanged_are_one_each_way() -> None:
    recs = events("中哈元首互致贺电\n\n国家主席习近平4日同哈萨克斯坦总统托卡耶夫互致贺电，庆祝两国建交30周年。")
    support = [sides(r) for r in recs if r["event"] == "SUPPORT"]
    assert ({"CHN"}, {"KAZ"}) in support and ({"KAZ"}, {"CHN"}) in support


def test_condolences_sent_separately_are_one_per_recipient() -> None:
    recs = events("越南领导人致电慰问\n\n越通社河内2月7日——2月7日，越南代国家主席武氏映春分别向土耳其总统埃尔多安和叙利亚总统阿萨德致慰问电。")
    recipients = sorted(next(iter(sides(r)[1])) for r in recs if r["event"] == "SUPPORT")
    assert recipients == ["SYR", "TUR"]


def test_each_ambassador_presenting_credentials_is_a_visit() -> None:
    recs = events("国家主席接受国书\n\n11月26日，越南国家主席梁强在河内主席府分别接受日本、巴西和芬兰三国新任驻越南特命全权大使递交国书。")
    visits = sorted(next(iter(sides(r)[0])) for r in recs if r["mode"] == "visit")
    assert visits == ["BRA", "FIN", "JPN"]
    assert all(sides(r)[1] == {"VNM"} for r in recs if r["mode"] == "visit")


def test_a_wish_to_meet_someone_is_a_request_to_meet() -> None:
    recs = events("泽连斯基希望会面\n\n乌克兰总统泽连斯基24日表示，他希望与中国国家主席习近平会面。")
    request = [r for r in recs if r["event"] == "REQUEST"]
    assert request and request[0]["mode"] == "meet" and sides(request[0]) == ({"UKR"}, {"CHN"})
    assert not [r for r in recs if r["event"] == "CONSULT"]  # the meeting wished for did not happen


def test_an_appeal_to_all_parties_names_no_one() -> None:
    recs = events("外交部发言人答问\n\n中国外交部发言人毛宁24日表示，中方呼吁各方保持理性和克制，尽快恢复直接对话。")
    assert not [r for r in recs if r["event"] == "REQUEST"]


def test_a_spokesperson_reporting_a_violation_accuses_its_author() -> None:
    recs = events("越南外交部发言人表态\n\n越南外交部发言人范秋姮强调，中国船只的上述行为违反了1982年《联合国海洋法公约》。")
    accuse = [r for r in recs if r["event"] == "ACCUSE"]
    assert accuse and sides(accuse[0]) == ({"VNM"}, {"CHN"})


def test_a_year_printed_with_the_event_dates_it() -> None:
    recs = events("越中两国海军开展联合巡逻\n\n12月3日至4日，越南人民海军和中国人民解放军海军舰艇编队在北部湾开展2019年第二次联合巡逻。")
    patrol = [r for r in recs if r["event"] == "COOPERATE"]
    assert patrol and patrol[0]["date"] == "2019-12-03" and patrol[0]["date_source"] == "text"


def test_a_treaty_year_does_not_date_the_event() -> None:
    text = ("越中举行视频会议\n\n越通社河内5月29日——5月29日，黎怀忠同罗照辉举行视频会议。今年是越中建交70周年。"
            "黎怀忠表示，越南对近期东海形势表示担忧，同时阐述了根据1982年联合国海洋法公约越南享有的权利。")
    accuse = [r for r in events(text) if r["event"] == "ACCUSE"]
    assert accuse and accuse[0]["date"] == "2020-05-29"


def test_a_meeting_co_chaired_by_two_countries_is_the_organisation_s() -> None:
    recs = events("澜湄合作第七次外长会在缅甸举行\n\n7月3日，中国国务委员兼外长王毅同缅甸外长温纳貌伦共同主持会议。")
    consult = [r for r in recs if r["event"] == "CONSULT"]
    assert consult and consult[0]["mode"] == "multilateral"
    countries = set().union(*sides(consult[0]))
    assert {"CHN", "MMR", "IGO"} <= countries


def test_an_envoy_posted_to_china_is_of_the_sending_country() -> None:
    doc = communique.extract("孙卫东会见越南驻华大使\n\n1月18日，外交部副部长孙卫东在北京会见越南驻华大使范清平。")
    envoy = [e for e in doc.entities if e.name == "范清平"]
    assert envoy and envoy[0].country == "VNM"
    visit = [r for r in doc.records() if r["event"] == "CONSULT"]
    assert visit and visit[0]["mode"] == "visit" and sides(visit[0]) == ({"VNM"}, {"CHN"})


def test_a_provincial_party_secretary_is_of_the_province_s_country() -> None:
    doc = communique.extract("老挝国家副主席会见云南省委书记\n\n4月18日，老挝国家副主席巴妮·雅陶都在万象会见了中共云南省委书记王宁。")
    secretary = [e for e in doc.entities if e.name == "王宁"]
    assert secretary and secretary[0].country == "CHN"


def test_choosing_a_country_as_first_destination_is_a_visit_to_it() -> None:
    recs = events("为深化越老关系作出贡献\n\n通伦·西苏里同志在两党刚刚成功召开全国代表大会后，选择越南作为其首个正式出访国家。")
    visit = [r for r in recs if r["mode"] == "visit"]
    assert visit and sides(visit[0]) == ({"LAO"}, {"VNM"})


def test_receiving_a_guest_who_came_is_his_visit() -> None:
    recs = events("总参谋长接待印度客人\n\n越南人民军总参谋长阮新疆大将7日在河内接待了到访的印度陆军参谋长马诺杰·潘德。")
    visit = [r for r in recs if r["event"] == "CONSULT"]
    assert visit and visit[0]["mode"] == "visit" and sides(visit[0]) == ({"IND"}, {"VNM"})


def test_aid_announced_is_a_pledge_not_a_delivery() -> None:
    recs = events("日本援助越南\n\n日本政府宣布向越南提供200万美元紧急无偿援助。")
    assert [r["event"] for r in recs] == ["AGREE"]
    assert sides(recs[0]) == ({"JPN"}, {"VNM"})


def test_a_pair_written_short_before_both_sides_is_that_pair() -> None:
    recs = events("秦刚会见沙伊外长\n\n据新华社报道，4月6日，国务委员兼外长秦刚会见两国外长。秦刚表示，中方祝贺沙伊双方正式恢复外交关系，"
                  "这是根据两国上月在北京达成的协议迈出的重要一步。", published="2023-04-06")
    (cheer,) = [r for r in recs if r["event"] == "SUPPORT"]
    assert sides(cheer) == ({"CHN"}, {"SAU", "IRN"})
    assert cheer["date"] == "2023-04-06"  # 上月 is the day of the agreement it follows


def test_a_mission_ordered_closed_is_a_sanction_of_the_one_ordered() -> None:
    recs = events("中方宣布关闭美国驻成都总领事馆\n\n7月24日，中方通知美方撤销美国驻成都总领事馆的设立和运行许可。"
                  "外交部当天发布的声明说，7月21日，美方单方面挑起事端，突然要求中方关闭驻休斯敦总领事馆，"
                  "严重违反国际法。", published="2020-07-24")
    (closed,) = [r for r in recs if r["event"] == "SANCTION"]
    assert sides(closed) == ({"USA"}, {"CHN"}) and closed["cameo"] == "161"
    assert closed["date"] == "2020-07-21"  # the day it tells, not the statement's
    assert not [r for r in recs if r["event"] == "REQUEST"]
    recs = events("美方要求中方停止\n\n7月21日，美方要求中方停止在南海的岛礁建设。", published="2020-07-24")
    assert [r["event"] for r in recs] == ["REQUEST"]  # an ask of anything else stays one


def test_talks_in_a_venue_or_a_country_named_before_the_verb_are_a_visit_to_it() -> None:
    recs = events("栗战书同阮氏金银会谈\n\n全国人大常委会委员长栗战书11日在人民大会堂同越南国会主席阮氏金银举行会谈。",
                  published="2019-07-12")
    (talks,) = [r for r in recs if r["event"] == "CONSULT"]
    assert talks["mode"] == "visit" and sides(talks) == ({"VNM"}, {"CHN"})
    recs = events("苏林与黄循财会谈\n\n越共中央总书记苏林与新加坡总理黄循财在新加坡举行会谈。", published="2025-03-12")
    (talks,) = [r for r in recs if r["event"] == "CONSULT"]
    assert talks["mode"] == "visit" and sides(talks) == ({"VNM"}, {"SGP"})


def test_the_host_of_a_conference_met_on_its_sidelines_is_visited_and_those_along_attend_nothing() -> None:
    recs = events("董军出席香格里拉对话会\n\n5月31日，国防部长董军在新加坡出席第21届香格里拉对话会期间，同美国国防部长奥斯汀举行会谈。"
                  "对话会期间，董军还先后会见了新加坡国防部长黄永宏、新西兰国防部长柯林斯。", published="2024-06-01")
    modes = {frozenset(sides(r)[0] | sides(r)[1]): (r["mode"], sides(r)) for r in recs
             if r["event"] == "CONSULT"}
    assert modes[frozenset({"CHN", "SGP"})] == ("visit", ({"CHN"}, {"SGP"}))  # the host met
    assert modes[frozenset({"CHN", "USA"})][0] == "third-party"
    assert modes[frozenset({"CHN", "NZL"})][0] == "third-party"
    recs = events("习近平出席金砖国家领导人会晤\n\n习近平在喀山出席金砖国家领导人第十六次会晤。蔡奇、王毅等陪同人员参加上述活动。",
                  published="2024-10-24")
    assert not [r for r in recs if "蔡奇" in r["text"]]


def test_what_a_request_asks_gives_its_mode() -> None:
    def mode(sentence: str) -> str:
        (ask,) = [r for r in events(sentence, published="2024-11-16") if r["event"] == "REQUEST"]
        return ask["mode"]

    assert mode("岸田要求中方尽早释放被拘押的日本公民，并撤销对日本水产品的进口禁令。") == "yield"
    assert mode("洪玛奈要求泰国立即无条件停火。") == "yield"
    assert mode("阮富仲建议美方早日承认越南的市场经济地位。") == "change"
    assert mode("习近平要求美方审慎处理台湾问题。") == "change"
    assert mode("范明政希望中方为越南农产品进入中国市场创造便利条件。") == "assist"


def test_an_envoy_who_came_to_take_leave_or_to_present_credentials_is_met() -> None:
    recs = events("阮春福会见泰国大使\n\n越南政府总理阮春福在河内政府总部会见前来辞行的泰国驻越南大使。", published="2018-03-12")
    assert [(r["mode"], sides(r)) for r in recs if r["event"] == "CONSULT"] == [
        ("visit", ({"THA"}, {"VNM"}))]
    recs = events("陈大光接受国书\n\n越南国家主席陈大光在河内主席府分别接受了以色列、巴西和埃及新任驻越南大使递交的国书。",
                  published="2017-01-10")
    assert sorted(next(iter(sides(r)[0])) for r in recs if r["mode"] == "visit") == ["BRA", "EGY", "ISR"]


def test_an_envoy_called_in_to_hear_a_position_is_protested_to() -> None:
    recs = events("戴秉国约见日本大使\n\n国务委员戴秉国12日凌晨约见日本驻华大使丹羽宇一郎，就日方非法抓扣中国渔民和渔船表明中国政府的严正立场。",
                  published="2010-09-12")
    (protest,) = [r for r in recs if r["event"] == "ACCUSE"]
    assert sides(protest) == ({"CHN"}, {"JPN"})


def test_aid_to_each_of_several_countries_is_one_act_each() -> None:
    recs = events("越南援助邻国\n\n越南政府还决定分别向老挝和柬埔寨提供价值50万美元的医疗物资援助。", published="2020-04-09")
    assert sorted(tuple(sides(r)[1]) for r in recs if r["event"] == "AGREE") == [("KHM",), ("LAO",)]


def test_leaders_attending_a_signing_ceremony_sign_together() -> None:
    recs = events("胡锦涛同阮明哲会谈\n\n国家主席胡锦涛30日在人民大会堂同越南国家主席阮明哲举行会谈。"
                  "会谈后，两国领导人共同出席了两国有关部门合作文件的签字仪式。", published="2008-05-30")
    signed = [r for r in recs if "签字仪式" in r["text"]]
    assert [(r["event"], sides(r)) for r in signed] == [("SUPPORT", ({"CHN", "VNM"}, set()))]


def test_both_sides_after_the_main_talks_are_spoken_of_again_are_their_parties() -> None:
    recs = events("联合早报 | 即时 | 新加坡 | 中国 | 东南亚\n首页 > 新闻 > 新加坡\n\n习近平同李显龙会谈\n\n（新加坡讯）中国国家主席习近平昨天（7日）在总统府同李显龙总理举行会谈。\n\n"
                  "会谈前，陈庆炎总统昨天上午在总统府为习近平举行欢迎仪式，并同习近平会谈。\n\n"
                  "李显龙在会谈中感谢中方支持新加坡担任东盟—中国对话关系协调国。\n\n"
                  "双方同意启动中新自由贸易协定升级谈判。", published="2015-11-08")
    (agreed,) = [r for r in recs if r["event"] == "AGREE"]
    assert {e["name"] for e in agreed["actor"]} == {"习近平", "李显龙"}


def test_those_who_attend_together_with_the_subject_attend_too() -> None:
    recs = events("第二次中日韩领导人会议在北京举行\n\n10月10日，国务院总理温家宝在人民大会堂同日本首相鸠山由纪夫、韩国总统李明博"
                  "共同出席第二次中日韩领导人会议。")
    (summit,) = [r for r in recs if r["event"] == "CONSULT"]
    assert {e["name"] for e in summit["actor"]} == {"温家宝", "鸠山由纪夫", "李明博"}
    assert summit["date"] == "2009-10-10"  # the second trilateral summit's year


def test_parties_attending_together_hold_the_meeting_not_the_pages_venue() -> None:
    recs = events("李强同范明政会谈\n\n新华社河内10月13日电 当地时间10月13日上午，国务院总理李强在河内同越南总理范明政会谈。"
                  "此前，他在老挝万象出席了第27次中国—东盟领导人会议等东亚合作领导人系列会议。\n\n"
                  "当天，李强还将分别会见越共中央总书记、国家主席苏林和越南国会主席陈青敏，并同范明政一道出席中越企业家座谈会。",
                  published="2024-10-13")
    assert not [r for r in recs if "座谈会" in r["text"] and "LAO" in sides(r)[1]]


def test_a_welcome_to_come_is_the_visit_a_destroyer_expels_no_one_and_anyone_is_no_one() -> None:
    recs = events("习近平同莫迪会晤\n\n国家主席习近平27日在武汉同印度总理莫迪举行非正式会晤。"
                  "习近平欢迎莫迪来华举行非正式会晤。", published="2018-04-27")
    assert not [r for r in recs if r["event"] == "SUPPORT"]
    recs = events("美舰擅闯南海\n\n5月6日，美国海军两艘导弹驱逐舰擅自进入中国南沙群岛有关岛礁邻近海域。", published="2019-05-06")
    assert not [r for r in recs if r["event"] == "SANCTION"]
    recs = events("中俄元首会谈\n\n习近平强调，中方坚定支持俄方维护国家安全和发展利益，反对外部势力干涉俄罗斯内政。",
                  published="2021-06-28")
    assert "SUPPORT" in {r["event"] for r in recs} and not [r for r in recs if r["event"] == "ACCUSE"]


def test_suspending_ties_or_trade_with_a_party_is_a_sanction_of_it() -> None:
    for text, target in (("中方决定暂停中日双边省部级以上交往。", "JPN"),
                         ("德国外交部9月22日宣布暂停与越南的战略伙伴关系。", "VNM"),
                         ("中国商务部宣布即日起暂停天然砂对台湾地区出口。", "TWN")):
        recs = events("标题\n\n" + text, published="2022-09-22")
        assert [sides(r)[1] for r in recs if r["event"] == "SANCTION"] == [{target}], text
    recs = events("标题\n\n越南决定暂停部分国际航班。", published="2022-09-22")
    assert not recs  # a suspension of no party's


def test_talks_put_off_are_refused_to_the_other_side() -> None:
    recs = events("中方推迟谈判\n\n外交部发言人11日宣布，中方决定推迟原定于9月中旬举行的中日东海问题原则共识第二次政府间谈判。",
                  published="2010-09-11")
    assert [(r["mode"], sides(r)) for r in recs if r["event"] == "REJECT"] == [("meet", ({"CHN"}, {"JPN"}))]


def test_the_journey_after_a_visit_ends_is_a_plan_to_each_leg() -> None:
    """`将…结束访问，前往A进行国事访问，随后赴B出席C`: a plan to visit A and one to attend C; a leg
    told with its own meeting (`随后前往美国同拜登会晤，并将出席…峰会`) is that meeting's plan,
    and a plan to meet someone is no stop of an itinerary of places."""
    recs = events("习近平结束访问\n\n新华社金边10月14日电 据悉，习近平将于今天（14日）结束访问，前往孟加拉国进行国事访问，"
                  "随后赴印度果阿出席金砖国家领导人第八次会晤。", published="2016-10-14")
    plans = sorted(sorted(e["country"] for e in r["recipient"]) for r in recs if r["event"] == "AGREE")
    assert plans == [["BGD"], ["IGO"]]
    recs = events("普拉博沃访华\n\n新华社北京11月10日电 普拉博沃将于10日结束访华行程，随后前往美国同拜登总统会晤，"
                  "并将出席在秘鲁举行的亚太经合组织领导人非正式会议。", published="2024-11-10")
    plans = sorted(sorted(e["country"] for e in r["recipient"]) for r in recs if r["event"] == "AGREE")
    assert plans == [["IGO"], ["USA"]]


def test_the_two_countries_of_a_page_about_a_summit_are_the_pair_that_met() -> None:
    """On a page whose main event is a summit attended, `两国总理` after a bilateral meeting is
    that meeting's pair, not the guest and the summit."""
    recs = events("温家宝出席亚欧首脑会议并访问老挝\n\n（万象讯）中国国务院总理温家宝4日抵达万象，对老挝进行正式访问，"
                  "并出席在万象举行的第九届亚欧首脑会议。\n\n4日下午，老挝总理通邢同温家宝举行会谈。通邢感谢中方提供的帮助。"
                  "会谈后，两国总理共同见证了多项合作文件的签署。", published="2012-11-06")
    attended = [r for r in recs if r["event"] == "CONSULT" and sides(r)[1] == {"IGO"}]
    assert attended and attended[0]["date"] == "2012-11-04"  # the year from the summit's number
    (witnessed,) = [r for r in recs if "见证" in r["text"]]
    assert sides(witnessed)[0] == {"CHN", "LAO"}


def test_a_remark_counting_an_act_is_that_act_and_the_one_asking_is_not_the_actor() -> None:
    """`应马克龙总统要求，法国…召回驻美国和澳大利亚大使`: France's minister recalls the envoys to
    both; `这是法国历史上首次召回驻美国大使` counts the recall told, it is no second one."""
    recs = events("法国召回驻美澳大使\n\n法新社巴黎9月17日电 法国外交部长勒德里昂17日晚发表声明，宣布应马克龙总统要求，"
                  "法国立即召回驻美国和澳大利亚大使。这是法国历史上首次召回驻美国大使。", published="2021-09-18")
    recalls = [r for r in recs if r["event"] == "SANCTION" and r["part"] == "article"]
    assert [sides(r) for r in recalls] == [({"FRA"}, {"USA", "AUS"})]
    assert [e["name"] for e in recalls[0]["actor"]] == ["勒德里昂"]


def test_a_planned_journey_is_a_plan_to_each_place_but_a_summit_is_its_own() -> None:
    recs = events("特首出访\n\n（本报专讯）按行程，李家超明日将前往胡志明市，并于30日转往柬埔寨金边访问。",
                  published="2024-07-27")
    assert sorted(next(iter(sides(r)[1])) for r in recs if r["event"] == "AGREE") == ["KHM", "VNM"]
    recs = events("习近平结束访问\n\n新华社金边10月14日电 习近平将于今天结束访问，前往孟加拉国进行国事访问，"
                  "随后赴印度果阿出席金砖国家领导人第八次会晤。", published="2016-10-14")
    assert "IND" not in {c for r in recs if r["event"] == "AGREE" for c in sides(r)[1]}


def test_both_sides_are_the_pair_named_when_more_countries_took_part() -> None:
    """`安理会呼吁柬泰双方…`: with a third country's minister at the meeting, `双方` is the pair."""
    recs = events("安理会呼吁柬泰双方实现永久停火\n\n联合国新闻2月14日 柬埔寨外交大臣贺南洪、泰国外交部长卡西特以及东盟轮值主席国"
                  "印度尼西亚外交部长纳塔莱加瓦出席会议并发言。安理会呼吁双方保持最大限度的克制。", published="2011-02-15")
    asks = [r for r in recs if r["event"] == "REQUEST" and "克制" in r["text"]]
    assert [sides(r)[1] for r in asks] == [{"KHM", "THA"}]


def test_a_plan_to_go_abroad_is_a_plan_to_visit_but_not_to_another_city_of_the_host() -> None:
    recs = events("越日领导人会谈\n\n越通社河内1月16日——1月16日下午，越南政府总理阮晋勇同对越南进行正式访问的日本首相安倍晋三举行会谈。"
                  "按计划，1月17日上午，安倍晋三将前往泰国，继续其东南亚之行。", published="2013-01-16")
    assert ({"JPN"}, {"THA"}) in [sides(r) for r in recs if r["event"] == "AGREE"]
    recs = events("马克龙访华\n\n新华社北京4月6日电 法国总统马克龙5日抵达北京，对中国进行国事访问。"
                  "根据行程，马克龙周五将前往广州。", published="2023-04-06")
    assert not [r for r in recs if r["event"] == "AGREE"]


def test_a_delegation_arriving_visits_and_the_headline_is_its_arrival_days_later() -> None:
    """`美国代表团赶赴所罗门群岛` heads a page whose lead is a briefing of the 19th: the headline is
    the delegation's arrival of the 22nd told in the body, not a visit of its own; a minister's
    special trip (`专程前往霍尼亚拉`) is a visit, and `所方` is the Solomon Islands."""
    recs = events("美国代表团赶赴所罗门群岛\n\n外交部发言人汪文斌4月19日在例行记者会上宣布，中所两国外长日前签署了安全合作框架协议。"
                  "\n\n4月13日，澳大利亚国际发展与太平洋事务部长塞塞利亚专程前往霍尼亚拉，要求所方不要签署该协议。"
                  "\n\n当地时间22日，由美国国家安全委员会印太事务协调员坎贝尔率领的美国代表团抵达霍尼亚拉。",
                  published="2022-04-23")
    visits = sorted((r["date"], *sorted(sides(r)[0])) for r in recs if r["mode"] == "visit")
    assert visits == [("2022-04-13", "AUS"), ("2022-04-22", "USA")]
    assert [sides(r) for r in recs if r["event"] == "REQUEST"] == [({"AUS"}, {"SLB"})]


def test_a_farewell_call_received_is_the_envoys_call_and_leaving_office_no_plan() -> None:
    recs = events("洪森会见熊波\n\n（金边讯）洪森首相昨天（3日）在和平大厦接受即将离任的中国驻柬埔寨大使熊波辞行拜会。",
                  published="2018-09-04")
    body = [r for r in recs if r["text"].startswith("洪森首相")]
    assert [(r["event"], sides(r)) for r in body] == [("CONSULT", ({"CHN"}, {"KHM"}))]


def test_a_joint_press_release_is_a_joint_statement() -> None:
    recs = events("中印外长会晤\n\n新华社莫斯科9月10日电 国务委员兼外长王毅10日在莫斯科同印度外长苏杰生举行会晤。"
                  "会晤后，双方发表了联合新闻稿。", published="2020-09-11")
    joint = [r for r in recs if r["event"] == "SUPPORT" and "新闻稿" in r["text"]]
    assert [sides(r) for r in joint] == [({"CHN", "IND"}, set())]


def test_the_nobel_committee_accused_and_a_prize_given_to_no_party() -> None:
    """The spokesperson's charge against the Nobel committee is against Norway's body; the prize
    it gave `to such a man` is no award to a party."""
    recs = events("外交部发言人答记者问\n\n2010年10月12日，外交部发言人马朝旭主持例行记者会。\n问：对诺贝尔和平奖有何评论？\n答：诺贝尔委员会把和平奖授予这样一个人，"
                  "完全违背和平奖的宗旨，是对和平奖的亵渎。", published="2010-10-12")
    assert [(r["event"], sides(r)[1]) for r in recs] == [("ACCUSE", {"NOR"})]


def test_a_visit_under_way_told_of_the_guest_is_no_event_of_its_own() -> None:
    recs = events("岸田与越南总理会谈\n\n正在访问越南的日本首相岸田文雄5月1日上午在河内与越南总理范明政举行了会谈。",
                  published="2022-05-01")
    body = [r for r in recs if r["text"].startswith("正在")]
    assert [(sides(r), [e["name"] for e in r["recipient"]]) for r in body] == [
        (({"JPN"}, {"VNM"}), ["范明政"])]


def test_a_plan_to_go_and_meet_someone_there_is_a_plan_to_meet_him() -> None:
    recs = events("岸田访越\n\n日经中文网 按照日程，岸田1日下午将前往泰国，与泰国总理巴育举行会谈。", published="2022-05-01")
    plans = [[e["name"] for e in r["recipient"]] for r in recs if r["event"] == "AGREE"]
    assert plans == [["巴育·占奥差"]]


def test_talks_before_the_signing_ceremony_are_on_its_day() -> None:
    recs = events("中越签署陆地边界文件\n\n新华社北京11月18日电 中国外交部长杨洁篪和越南副总理兼外长范家谦18日在北京签署了"
                  "《中越陆地边界勘界议定书》。应杨洁篪邀请，范家谦于17日至19日访华。签字仪式前，杨洁篪与范家谦举行了会谈。",
                  published="2009-11-19")
    (talks,) = [r for r in recs if r["text"].startswith("签字仪式前")]
    assert talks["date"] == "2009-11-18"


def test_a_condemnation_naming_no_one_is_of_the_party_the_speaker_said_acted() -> None:
    recs = events("诺鲁断交\n\n（中央社台北16日电）田中光指出，中国在大选结果出炉后随即以金钱外交利诱诺鲁，"
                  "意图打压台湾民主、挑战国际秩序，政府表达强烈谴责。", published="2024-01-16")
    assert [sides(r) for r in recs if r["event"] == "ACCUSE"] == [({"TWN"}, {"CHN"})]


def test_a_planned_visit_and_a_planned_attendance_are_two_plans() -> None:
    recs = events("洪玛奈将访华\n\n据柬埔寨外交部消息，洪玛奈首相将于9月14日至17日访华，并出席在南宁举行的第20届中国—东盟博览会。",
                  published="2023-09-10")
    plans = sorted(sorted(sides(r)[1]) for r in recs if r["event"] == "AGREE")
    assert plans == [["CHN"], ["IGO"]]


def test_a_working_lunch_with_the_host_on_a_day_of_its_own_clause() -> None:
    """On a page of a summit in Singapore, Trump's working lunch with Lee Hsien Loong is a visit
    to his host, on the day its clause names (not the arrival's day before it)."""
    recs = events("特金会在新加坡举行\n\n（本报讯）朝鲜最高领导人金正恩6月10日下午抵达新加坡。特朗普于10日晚抵达，"
                  "11日中午在总统府与李显龙举行工作午餐。", published="2018-06-13")
    (lunch,) = [r for r in recs if any(e["name"] == "李显龙" for e in r["recipient"])]
    assert (lunch["mode"], lunch["date"], sides(lunch)) == ("visit", "2018-06-11", ({"USA"}, {"SGP"}))


def test_a_plan_to_go_somewhere_to_attend_a_meeting_is_a_plan_to_attend_it() -> None:
    recs = events("克林顿访问老挝\n\n（本报讯）美国国务卿希拉里·克林顿周三（11日）抵达老挝首都万象。克林顿将于周四（12日）前往柬埔寨金边，"
                  "出席东盟地区论坛及相关外长会议。", published="2012-07-12")
    plans = [r for r in recs if r["event"] == "AGREE"]
    assert [(sides(r), [e["name"] for e in r["actor"]]) for r in plans] == [
        (({"USA"}, {"IGO"}), ["希拉里·克林顿"])]


def test_a_thing_handed_over_with_jiang_as_ba_is_handed_over_not_planned() -> None:
    recs = events("中国援柬体育场移交\n\n8月18日，中国驻柬埔寨大使王文天代表中国政府将体育场“金钥匙”移交柬方。",
                  published="2021-08-19")
    assert [(r["event"], sides(r)) for r in recs if "移交" in r["text"]] == [("AID", ({"CHN"}, {"KHM"}))]


def test_the_capital_that_protests_to_a_party_is_its_government() -> None:
    recs = events("川普與蔡英文通話 北京向美方提出嚴正交涉\n\n（本報訊）川普與蔡英文2日通電話。", published="2016-12-03")
    assert ({"CHN"}, {"USA"}) in [sides(r) for r in recs if r["event"] == "ACCUSE"]


def test_congratulations_in_other_words_are_congratulations() -> None:
    recs = events("川普與蔡英文通話\n\n（中央社台北3日電）蔡英文在通話中恭喜川普當選美國總統。川普也恭喜蔡英文今年當選總統。",
                  published="2016-12-03")
    assert sorted(tuple(map(sorted, sides(r))) for r in recs if r["event"] == "SUPPORT") == [
        (["TWN"], ["USA"]), (["USA"], ["TWN"])]


def test_a_ministrys_statement_accuses_on_its_day_and_an_assistant_minister_is_named() -> None:
    """On the ministry's own site, its statement (`外交部郑重声明`) speaks the charge that follows,
    dated by the statement, not by the deed of years before told as its ground; `外交部部长助理`
    is a title before a name."""
    recs = events("中华人民共和国外交部\n\n中华人民共和国外交部关于南海仲裁案裁决的声明\n\n2016/07/12\n\n"
                  "关于南海仲裁案仲裁庭于2016年7月12日作出的裁决，中华人民共和国外交部郑重声明，该裁决是无效的。\n\n"
                  "一、2013年1月22日，时任菲律宾共和国政府单方面提起仲裁。菲律宾阿基诺三世政府单方面提起仲裁，违背国际法。\n\n"
                  "相关新闻\n\n外交部部长助理孔铉佑约见菲律宾驻华大使\n7月12日晚，外交部部长助理孔铉佑约见菲律宾驻华大使。")
    (charge,) = [r for r in recs if r["part"] == "article" and r["event"] == "ACCUSE"]
    assert (sides(charge), charge["date"]) == (({"CHN"}, {"PHL"}), "2016-07-12")
    assert any(e["name"] == "孔铉佑" for r in recs if r["part"] == "teaser" for e in r["actor"])


def test_a_threat_to_strike_back_head_on() -> None:
    recs = events("中方回应高市早苗涉台言论\n\n（东网13日讯）中国外交部发言人林剑13日表示，日方如果胆敢武力介入台海局势，"
                  "中方必将迎头痛击。", published="2025-11-13")
    assert [sides(r) for r in recs if r["event"] == "THREATEN"] == [({"CHN"}, {"JPN"})]


def test_a_state_and_its_own_territory_are_no_foreign_relation() -> None:
    recs = events("李克強抵澳\n\n【本報消息】國務院總理李克強於前日（十日）抵達澳門，展開考察行程。", published="2016-10-12")
    assert not [r for r in recs if r["event"] == "CONSULT"]
    recs = events("李家超訪越\n\n（本報專訊）行政長官李家超昨日（28日）抵達河內，開始訪問越南。", published="2024-07-29")
    assert [sides(r) for r in recs if r["event"] == "CONSULT"] == [({"HKG"}, {"VNM"})]


def test_a_remark_counting_an_act_gives_it_the_parties_it_names() -> None:
    recs = events("中马泰联合演习开幕\n\n中国军网马来西亚波德申10月20日电 当地时间10月20日上午，“和平友谊-2018”中马泰联合演习"
                  "在马来西亚森美兰州波德申开幕。这是中国、马来西亚、泰国三国军队首次举行联合演习。", published="2018-10-20")
    drills = [r for r in recs if r["event"] == "COOPERATE" and "当地时间" in r["text"]]
    assert [sides(r)[0] for r in drills] == [{"CHN", "MYS", "THA"}]
    assert not [r for r in recs if "这是" in r["text"]]


def test_our_country_on_a_taiwanese_broadcasters_page() -> None:
    recs = events("公視新聞網\n\n吉里巴斯宣布與中國建交\n\n外交部長吳釗燮今天（20日）上午召開記者會表示，吉里巴斯政府已決定與我國斷交。",
                  published="2019-09-20")
    assert ({"KIR"}, {"TWN"}) in [sides(r) for r in recs if r["event"] == "SANCTION"]


def test_a_thing_handed_over_with_jiang_moving_it_is_handed_over() -> None:
    site = "中华人民共和国驻老挝人民民主共和国大使馆\n\n"
    recs = events(site + "姜再冬大使出席疫苗交接仪式\n\n2021年2月7日，驻老挝大使姜再冬代表中国政府将疫苗移交老方。",
                  published="2021-02-08")
    assert [(r["event"], sides(r)) for r in recs if "移交" in r["text"]] == [("AID", ({"CHN"}, {"LAO"}))]
    recs = events(site + "中方将移交疫苗\n\n2021年2月7日，驻老挝大使姜再冬表示，中方将于下周向老方移交疫苗。",
                  published="2021-02-08")
    assert [r["event"] for r in recs if "移交" in r["text"]] == ["AGREE"]


def test_a_forum_named_by_its_kind_is_the_one_named_before_and_a_press_communique_joint() -> None:
    recs = events("纳吉出席一带一路高峰论坛\n\n（北京讯）马来西亚首相纳吉于12日抵达北京，出席“一带一路”国际合作高峰论坛。"
                  "按照日程，纳吉明天（14日）将出席高峰论坛开幕式。", published="2017-05-13")
    assert [sides(r) for r in recs if r["event"] == "AGREE"] == [({"MYS"}, {"IGO"})]
    recs = events("中法发表新闻公报\n\n（欧洲时报讯）4月1日，中法双方同时发表了新闻公报。", published="2009-04-02")
    assert [sides(r) for r in recs if r["event"] == "SUPPORT" and "公报" in r["text"]][-1:] == [
        ({"CHN", "FRA"}, set())]


def test_a_year_aimed_at_does_not_date_the_act_and_a_business_paper_is_chinese() -> None:
    recs = events("第一财经\n\n中国东盟签署自贸区升级议定书\n\n第一财经记者 刘春林\n\n当地时间11月22日，在马来西亚吉隆坡，商务部部长高虎城"
                  "与东盟十国部长正式签署议定书。中国与东盟22日发表联合声明，一致同意力争在2016年结束谈判。",
                  published="2015-11-22")
    signed = [r for r in recs if "高虎城" in r["text"] and r["event"] == "SUPPORT"]
    assert signed and {e["country"] for e in signed[0]["actor"]} == {"CHN", "IGO"}
    assert {r["date"] for r in recs if "力争" in r["text"]} == {"2015-11-22"}


def test_a_bare_delegation_is_the_one_named_before_and_a_discussion_a_meeting() -> None:
    recs = events("陆昊会见越南青年代表团\n\n中国青年网北京6月12日电 6月12日上午，共青团中央第一书记陆昊在北京会见了越南青年代表团。"
                  "\n\n代表团应共青团中央邀请，于6月10日至16日访华。此前，11日下午，代表团与全国青联举行了座谈。",
                  published="2012-06-12")
    visits = [r for r in recs if r["event"] == "CONSULT" and r["text"].startswith(("代表团", "此前"))]
    assert [(r["date"], sides(r)) for r in visits] == [
        ("2012-06-10", ({"VNM"}, {"CHN"})), ("2012-06-11", ({"VNM"}, {"CHN"}))]


def test_a_compound_closed_by_a_count() -> None:
    recs = events("中国军网\n\n“和平友谊-2018”中马泰联合演习开幕\n\n中国军网马来西亚波德申10月20日电 10月20日上午，"
                  "“和平友谊-2018”中马泰联合演习在波德申开幕。\n\n中老缅泰四国有关部门正在筹备第一次湄公河联合巡逻执法。",
                  published="2018-10-20")
    assert ({"CHN", "MYS", "THA"}, set()) in [sides(r) for r in recs if "中马泰" in r["text"]]
    assert [sides(r) for r in recs if "四国" in r["text"]] == [({"CHN", "LAO", "MMR", "THA"}, set())]


def test_a_welcome_to_come_is_support_not_a_visit() -> None:
    recs = events("马方欢迎中国军队\n\n新华社吉隆坡10月20日电 马方表示，欢迎中国军队来马参加联合演习。"
                  "\n\n阮春福说，越方欢迎更多中国企业来越投资。", published="2018-10-20")
    assert sorted((r["event"], *sides(r)[0]) for r in recs if "欢迎" in r["text"]) == [
        ("SUPPORT", "MYS"), ("SUPPORT", "VNM")]


def test_a_title_with_no_name_that_meets_is_its_countrys_office() -> None:
    recs = events("团中央会见老挝青年\n\n中国青年网北京6月5日电 团中央书记处书记在北京会见了老挝人民革命青年团中央代表团。",
                  published="2019-06-05")
    assert [(r["mode"], *sides(r)) for r in recs if r["event"] == "CONSULT"][-1:] == [
        ("visit", {"LAO"}, {"CHN"})]
    recs = events("新华社北京6月5日电 外交部副部长在北京会见了老挝外交部代表团。", published="2019-06-05")
    assert [sides(r) for r in recs if r["event"] == "CONSULT"] == [({"LAO"}, {"CHN"})]
    recs = events("新华社北京6月5日电 外交部副部长表示，老挝外交部代表团在北京会见了泰国代表团。",
                  published="2019-06-05")
    assert all("CHN" not in sides(r)[1] for r in recs)


def test_arriving_in_a_city_named_by_one_character_or_visiting_a_city_is_a_visit() -> None:
    recs = events("阮明哲抵沪\n\n解放日报4月30日讯 越南国家主席阮明哲一行于4月29日抵沪。", published="2010-04-30")
    assert [(r["mode"], r["date"], *sides(r)) for r in recs if r["event"] == "CONSULT"] == [
        ("visit", "2010-04-29", {"VNM"}, {"CHN"})]
    recs = events("李显龙访问广西\n\n新华社南宁4月30日电 新加坡总理李显龙29日对广西进行访问。", published="2010-04-30")
    assert [sides(r) for r in recs if r["event"] == "CONSULT"] == [({"SGP"}, {"CHN"})]
    recs = events("沪深股市上涨\n\n新华社上海4月30日电 沪深股市29日上涨，越南国家主席阮明哲表示满意。", published="2010-04-30")
    assert not [r for r in recs if r["event"] == "CONSULT"]


def test_a_consensus_of_so_many_points_reached_and_a_national_agencys_head() -> None:
    recs = events("中日达成四点原则共识\n\n新华社北京11月7日电 国务委员杨洁篪7日在北京同日本国家安全保障局长谷内正太郎举行会谈，"
                  "双方就处理和改善中日关系达成四点原则共识。双方同意落实两国领导人达成的重要共识。", published="2014-11-07")
    body = [r for r in recs if r["event"] == "AGREE" and "四点" in r["text"] and "杨洁篪" in r["text"]]
    assert [sides(r)[0] for r in body] == [{"CHN", "JPN"}]
    assert {e["name"]: e["country"] for e in body[0]["actor"]} == {"杨洁篪": "CHN", "谷内正太郎": "JPN"}
    from communique.events.lexicon import lexicon

    found = [h.trigger.word for h in lexicon().find("双方达成五点共识。落实达成的五点共识")]
    assert found.count("达成…点…共识") == 1


def test_what_an_agreement_provides_is_no_new_plan_and_a_visa_waiver_is_one() -> None:
    recs = events("中泰签署互免签证协定\n\n（曼谷讯）王毅周日（28日）在曼谷与泰国副总理兼外长班比举行会谈。会谈后，双方签署互免签证协定。"
                  "根据协定，中泰两国将于今年3月1日起正式互免签证。", published="2024-01-29")
    assert not [r for r in recs if r["event"] == "AGREE" and "根据协定" in r["text"]]
    recs = events("李强会见新西兰总理\n\n新华社惠灵顿6月13日电 李强表示，中方将把新西兰纳入单方面免签国家范围。", published="2024-06-13")
    assert [sides(r) for r in recs if r["event"] == "AGREE"] == [({"CHN"}, {"NZL"})]


def test_a_provincial_papers_governor_meets_a_foreign_regions_governor() -> None:
    recs = events("黑龙江日报\n\n陆昊会见俄罗斯阿穆尔州州长\n\n本报讯（记者）7月1日，省长陆昊在哈尔滨会见了俄罗斯阿穆尔州州长"
                  "奥列格·科热米亚科一行。\n\n双方一致同意，加快推进公路大桥项目的各项前期工作。", published="2014-07-02")
    agreed = [r for r in recs if r["event"] == "AGREE"]
    assert [sides(r)[0] for r in agreed] == [{"CHN", "RUS"}]
    assert {e["name"] for e in agreed[0]["actor"]} == {"陆昊", "奥列格·科热米亚科"}


def test_recalling_an_envoy_named_with_his_sender_or_posted_by_short_form() -> None:
    recs = events("朝日新闻中文网\n\n日本召回驻韩大使\n\n2012年08月11日 11:20\n\n日本政府当天决定召回日本驻韩国大使武藤正敏。"
                  "外务大臣玄叶光一郎10日晚召见韩国驻日本大使申珏秀，提出强烈抗议。", published="2012-08-11")
    recalled = [sides(r) for r in recs if r["event"] == "SANCTION"]
    assert recalled and all(s == ({"JPN"}, {"KOR"}) for s in recalled) and len(recalled) == 2
    summoned = [r for r in recs if r["event"] == "ACCUSE" and "召见" in r["text"]]
    assert [e["country"] for e in summoned[0]["actor"]] == ["JPN"]


def test_concern_expressed_as_ones_sides() -> None:
    recs = events("澳外长访华\n\n（SBS中文）12月21日，王毅在北京同澳大利亚外长黄英贤举行会谈。"
                  "黄英贤还就新疆、西藏和香港的人权问题表达了澳方的关切。", published="2022-12-21")
    assert [sides(r) for r in recs if r["event"] == "ACCUSE"] == [({"AUS"}, {"CHN"})]


def test_a_dialogue_named_x_and_y_is_held_and_a_latin_outlets_credit_is_no_party() -> None:
    recs = events("会谈\n\n（SBS中文）黄英贤周三（12月21日）在北京与王毅举行第六轮中澳外交与战略对话。", published="2022-12-21")
    assert [(r["date"], *sides(r)) for r in recs if r["event"] == "CONSULT"] == [
        ("2022-12-21", {"AUS"}, {"CHN"})]
    recs = events("声明\n\n新华社北京3月5日电 中方无视国际社会的强烈质疑和反对，继续推进该项目。", published="2022-03-05")
    assert not [r for r in recs if r["event"] == "REJECT"]


def test_signing_on_an_agreement_and_the_two_premiers_before_any_meeting_was_told() -> None:
    recs = events("新中自由贸易协定签署\n\n【中文先驱讯】新西兰总理海伦·克拉克与中国国务院总理温家宝昨天（4月7日）在北京共同出席了"
                  "自由贸易协定签字仪式。新西兰贸易部长菲尔·戈夫与中国商务部部长陈德铭分别代表两国政府在协定上签字。"
                  "\n\n签字仪式前，两国总理在人民大会堂举行了会谈。", published="2008-04-08")
    signed = [r for r in recs if r["event"] == "SUPPORT" and "签字" in r["text"] and "戈夫" in r["text"]]
    assert [{e["name"] for e in r["actor"]} for r in signed] == [{"菲尔·戈夫", "陈德铭"}]
    talks = [r for r in recs if r["event"] == "CONSULT" and "两国总理" in r["text"]]
    assert [{e["name"] for e in (*r["actor"], *r["recipient"])} for r in talks] == [{"海伦·克拉克", "温家宝"}]


def test_a_joint_statement_issued_under_its_title() -> None:
    recs = events("越美会谈\n\n越通社华盛顿7月7日——阮富仲同奥巴马举行会谈。会谈结束后,双方发表了《越美关系共同愿景声明》。",
                  published="2015-07-08")
    assert [sides(r) for r in recs if r["event"] == "SUPPORT" and "愿景" in r["text"]] == [({"VNM", "USA"}, set())]


def test_two_ministers_of_a_title_and_new_zealands_side_written_short() -> None:
    recs = events("中国申请加入CPTPP\n\n中国商务新闻网讯 2021年9月16日，商务部部长王文涛向新西兰贸易与出口增长部部长奥康纳提交了"
                  "中国正式申请加入CPTPP的书面信函。\n\n提交申请后，两国贸易部长还举行了电话会议。\n\n"
                  "据悉，奥康纳在通话中表示，新方将尽快向其他成员方通报中方的申请。", published="2021-09-17")
    calls = [r for r in recs if r["event"] == "CONSULT" and "两国贸易部长" in r["text"]]
    assert [({e["name"] for e in r["actor"]}, r["mode"]) for r in calls] == [({"王文涛", "奥康纳"}, "phone")]
    from communique.entities.recognise import recognise

    found = recognise("奥康纳表示，新西兰欢迎中方申请，新方将尽快通报。").entities
    assert [e.country for e in found if e.text == "新方"] == ["NZL"]
    found = recognise("新加坡欢迎中方申请，新方将尽快通报。").entities
    assert [e.country for e in found if e.text == "新方"] == ["SGP"]


def test_strong_countermeasures_threatened_if_the_other_side_persists() -> None:
    recs = events("中方回应\n\n新华社北京9月19日电 外交部发言人马朝旭19日表示，如日方一意孤行，错上加错，"
                  "中方将采取强烈反制措施，由此产生的一切后果由日方承担。", published="2010-09-19")
    assert [sides(r) for r in recs if r["event"] == "THREATEN"] == [({"CHN"}, {"JPN"})]


def test_setting_off_to_attend_is_a_plan_and_a_numbered_general_assembly_its_year() -> None:
    recs = events("温家宝启程赴纽约\n\n中新社北京9月20日电 国务院总理温家宝今日启程前往纽约，出席联合国千年发展目标高级别会议和"
                  "第65届联合国大会一般性辩论。")
    assert [(r["event"], r["date"]) for r in recs if "启程" in r["text"]] == [("AGREE", "2010-09-20")]


def test_the_party_listed_after_people_named_by_what_they_are_is_the_one_met() -> None:
    recs = events("中国医疗专家组抵马\n\n4月19日，马来西亚卫生部长阿汉峇峇在布城会见了专家组全体成员和中国驻马来西亚大使白天。",
                  published="2020-04-20")
    assert [sides(r) for r in recs if r["event"] == "CONSULT"] == [({"CHN"}, {"MYS"})]


def test_talks_before_a_luncheon_are_on_its_day() -> None:
    recs = events("阮富仲访美\n\n越通社华盛顿7月7日——当地时间7月7日上午,阮富仲在白宫同奥巴马举行会谈。\n\n"
                  "同日中午,美国副总统拜登为阮富仲一行举行午宴。午宴前,拜登同阮富仲进行了会谈。", published="2015-07-08")
    assert {r["date"] for r in recs if r["text"].startswith("午宴前")} == {"2015-07-07"}


def test_a_leg_of_the_visit_told_as_during_it_is_no_plan_of_its_own() -> None:
    recs = events("昂山素季访华\n\n新华社北京8月18日电 国务院总理李克强18日在人民大会堂同正在中国进行正式访问的缅甸国务资政"
                  "昂山素季举行会谈。据悉，访问期间，昂山素季还将前往云南省参观访问。", published="2016-08-18")
    assert not [r for r in recs if "云南" in r["text"]]
    recs = events("习近平出席峰会\n\n新华社阿斯塔纳7月4日电 会议结束后，习近平将前往杜尚别，对塔吉克斯坦进行国事访问。",
                  published="2024-07-04")
    assert [sides(r) for r in recs if r["event"] == "AGREE"] == [({"CHN"}, {"TJK"})]


def test_a_joint_exercise_described_is_no_act_of_its_own() -> None:
    recs = events("中泰海军联合训练开幕\n\n中国军网泰国梭桃邑5月6日电 5月6日上午，中泰“蓝色突击-2019”海军联合训练开幕式在"
                  "泰国梭桃邑海军基地举行。\n\n参训舰艇编队于5月4日抵达梭桃邑港。\n\n开幕式后，中方导演部总导演拜会了泰国皇家"
                  "海军舰队司令。泰方高度评价中国海军官兵的专业素养和良好作风，表示联合训练有助于增进两国海军的互信与友谊。",
                  published="2019-05-06")
    assert [r["event"] for r in recs if "有助于" in r["text"]] == ["SUPPORT"]


def test_a_joint_exercise_welcomed_is_no_act_of_its_own() -> None:
    recs = events("中马泰联合演习开幕\n\n中国军网马来西亚波德申10月20日电 当地时间10月20日上午，“和平友谊-2018”中马泰联合演习在"
                  "马来西亚森美兰州波德申开幕。\n\n中方参演的海军井冈山舰于19日抵达马来西亚巴生港。\n\n"
                  "马方表示，欢迎中国军队来马参加联合演习。", published="2018-10-20")
    assert [r["event"] for r in recs if "欢迎" in r["text"]] == ["SUPPORT"]


def test_a_dash_stamp_with_credits_a_day_naming_a_past_election_and_an_army_asked_to_act() -> None:
    recs = events("拜登宣布制裁缅甸军方领导人\n\n2021-02-11　　记者：……　　责编：……\n\n"
                  "美国总统拜登周三（2月10日）在白宫宣布制裁缅甸军方领导人。\n\n"
                  "拜登说：「缅甸军方必须尊重缅甸人民在11月8日选举中表达的意愿。」他要求缅甸军方立即释放昂山素姬。\n\n"
                  "拜登同时表示，美国将继续向缅甸人民提供医疗援助。")
    asked = [r for r in recs if r["event"] == "REQUEST" and "他要求" in r["text"]]
    assert [(r["date"], sides(r)) for r in asked] == [("2021-02-10", ({"USA"}, {"MMR"}))]
    assert {r["date"] for r in recs if "医疗援助" in r["text"]} == {"2021-02-10"}


def test_a_day_told_back_after_the_lead_is_not_the_next_paragraphs() -> None:
    recs = events("英国暂停与香港引渡条约\n\n英国外交大臣蓝韬文周一（7月20日）在下议院宣布，英国将暂停与香港的引渡条约。\n\n"
                  "蓝韬文周日（19日）在接受BBC访问时已指责中国在新疆存在严重的人权侵犯。\n\n"
                  "中国驻英国大使馆发言人随即发表谈话，敦促英方立即停止干涉香港事务。", published="2020-07-20")
    assert {r["date"] for r in recs if r["event"] == "REQUEST"} == {"2020-07-20"}
    assert {r["date"] for r in recs if "已指责" in r["text"]} == {"2020-07-19"}


def test_having_set_off_for_a_country_is_a_visit_setting_off_to_attend_a_plan() -> None:
    recs = events("陈大光赴古巴\n\n越通社河内11月29日——此前，国家主席陈大光已于28日率越南高级代表团启程前往古巴，"
                  "将于当地时间29日出席悼念大会。", published="2016-11-29")
    assert ("CONSULT", "2016-11-28", ({"VNM"}, {"CUB"})) in [(r["event"], r["date"], sides(r)) for r in recs]
    recs = events("温家宝启程赴纽约\n\n中新社北京9月20日电 国务院总理温家宝今日启程前往纽约，出席第65届联合国大会一般性辩论。")
    assert [r["event"] for r in recs if "启程" in r["text"]] == ["AGREE"]


def test_a_planned_visit_to_several_countries_and_a_summit_are_plans_to_each() -> None:
    recs = events("胡锦涛将访问法国葡萄牙\n\n新华社北京10月29日电 国家主席胡锦涛将对法国、葡萄牙进行国事访问并出席二十国集团首尔峰会。",
                  published="2010-10-29")
    assert sorted(next(iter(sides(r)[1])) for r in recs if r["event"] == "AGREE" and "进行国事访问" in r["text"]) == [
        "FRA", "IGO", "PRT"]


def test_a_meeting_planned_during_the_visit_stays_a_plan_beside_a_leg_of_it() -> None:
    recs = events("俞正声会见阮善仁\n\n新华社北京6月26日电 全国政协主席俞正声26日会见越南祖国阵线中央委员会主席阮善仁。\n\n"
                  "访华期间，阮善仁还将会见中央统战部部长孙春兰，并前往广西参观访问。", published="2015-06-26")
    assert [{e["name"] for e in r["recipient"]} for r in recs if r["event"] == "AGREE"] == [{"孙春兰"}]


def test_a_threat_is_to_the_party_its_condition_names() -> None:
    recs = events("中方回应\n\n（BBC中文）中国驻英国大使刘晓明19日表示，如果英方对中国官员实施制裁，中方将作出坚决回应。",
                  published="2020-07-20")
    assert [sides(r) for r in recs if r["event"] == "THREATEN"] == [({"CHN"}, {"GBR"})]


def test_a_wish_is_the_speakers_not_the_pair_he_talks_of() -> None:
    recs = events("戴秉国会见胡春山\n\n新华社北京6月25日电 国务委员戴秉国25日在北京会见越南外交部副部长胡春山。\n\n"
                  "戴秉国在会见时表示，中越两国是社会主义友好邻邦，希望越方与中方相向而行，不做使局势复杂化的事。",
                  published="2011-06-25")
    asked = [r for r in recs if r["event"] == "REQUEST"]
    assert [({e.get("name") for e in r["actor"]}, sides(r)[1]) for r in asked] == [({"戴秉国"}, {"VNM"})]


def test_a_protest_after_the_charge_is_the_protesters() -> None:
    recs = events("越南抗议\n\n越通社河内6月9日——越南外交部发言人阮芳娥9日发表声明，指中国渔政船只阻挠越南油气勘探船作业"
                  "并剪断其电缆，对此表示强烈抗议。", published="2011-06-09")
    body = [r for r in recs if r["event"] == "ACCUSE" and "阮芳娥" in r["text"]]
    assert [sides(r) for r in body] == [({"VNM"}, {"CHN"})]


def test_the_speaker_who_takes_a_pairs_place_joins_the_partners_of_a_joint_act() -> None:
    recs = events("胡锦涛同奥巴马会谈\n\n中新网1月20日电 国家主席胡锦涛19日在白宫同美国总统奥巴马举行会谈。\n\n"
                  "奥巴马表示，美方欢迎一个强大的中国，美方重申奉行一个中国政策，遵守中美三个联合公报。",
                  published="2011-01-20")
    assert [r["event"] for r in recs if "举行会谈" in r["text"]] == ["CONSULT"]


def test_a_wish_in_an_answer_is_the_spokespersons_and_a_bare_reporters_mark_a_question() -> None:
    recs = events("中华人民共和国国防部\n首页 > 新闻发布\n\n国防部例行记者会\n\n国防部新闻发言人吴谦大校12月26日下午主持例行记者会。\n\n"
                  "记者：有报道称，日本防卫省近期将向中东派遣自卫队舰艇。中方对此有何评论？\n\n"
                  "吴谦：我们注意到有关报道。由于历史原因，日本在军事安全领域的动向一直受到高度关注。希望日方谨言慎行。",
                  published="2019-12-26")
    asked = [r for r in recs if r["event"] == "REQUEST"]
    assert [({e.get("name") for e in r["actor"]}, sides(r)[1]) for r in asked] == [({"吴谦"}, {"JPN"})]
