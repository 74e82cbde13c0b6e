# ruff: noqa: E501  (Chinese strings count double width)
"""Event coding, frame by frame, on sentences typical of the genre from several outlets.

Each page is a headline, a blank line, then the dateline and the story, as the outlets print
them; assertions look at the events whose trigger lies in the sentence under test.
"""

from __future__ import annotations

import communique
from communique.entities.recognise import recognise
from communique.events.coder import code_events
from communique.model import Document, Event


def page(title: str, body: str) -> Document:
    doc = communique.extract(f"{title}\n\n{body}\n")
    assert doc.error is None, doc.error
    return doc


def in_sentence(doc: Document, sentence: str, kind: str | None = None) -> list[Event]:
    """Events whose trigger lies in ``sentence`` (which must occur once in the body)."""
    start = doc.text.index(sentence, len(doc.text.splitlines()[0]))
    end = start + len(sentence)
    return [e for e in doc.events
            if start <= e.trigger[0] < end and (kind is None or e.event == kind)]


def told(doc: Document, sentence: str, kind: str | None = None) -> list[Event]:
    """Events read from ``sentence``, else from the headline: a page keeps an event told twice
    once, with the headline's telling."""
    found = in_sentence(doc, sentence, kind)
    if found:
        return found
    title = doc.text.splitlines()[0]
    return [e for e in doc.events
            if e.trigger[1] <= len(title) and (kind is None or e.event == kind)]


def countries(entities) -> set[str]:
    return {e.country for e in entities}


def names(entities) -> set[str | None]:
    return {e.name for e in entities}


def one(events: list[Event]) -> Event:
    assert len(events) == 1, [(e.event, e.mode, [a.text for a in e.actor]) for e in events]
    return events[0]


def coded(title: str, lead: str, sentence: str) -> tuple[str, set[str], set[str]]:
    """The one event ``sentence`` codes, told after ``lead`` on a page: its type and the
    countries of its sides."""
    ev = one(in_sentence(page(title, f"{lead}{sentence}"), sentence))
    return ev.event, countries(ev.actor), countries(ev.recipient)


# --- meetings and visits ------------------------------------------------------------------------


def test_talks_during_a_state_visit_xinhua():
    s = "国家主席习近平19日在人民大会堂同来华进行国事访问的越共中央总书记苏林举行会谈。"
    doc = page("习近平同越共中央总书记苏林举行会谈", f"新华社北京8月19日电 {s}")
    ev = one(told(doc, s, "CONSULT"))
    assert ev.mode == "visit"
    assert names(ev.actor) == {"苏林"} and countries(ev.actor) == {"VNM"}
    assert names(ev.recipient) == {"习近平"} and countries(ev.recipient) == {"CHN"}


def test_phone_call_both_are_actors():
    s = "3月5日上午,越南政府总理范明政同老挝政府总理宋赛·西潘敦通电话。"
    doc = page("越南政府总理范明政同老挝政府总理宋赛·西潘敦通电话", f"越通社河内3月5日——{s}")
    ev = one(told(doc, s, "CONSULT"))
    assert (ev.mode, ev.medium) == ("phone", "phone")
    assert countries(ev.actor) == {"VNM", "LAO"}
    assert names(ev.actor) == {"范明政", "宋赛·西潘敦"}
    assert ev.recipient == ()


def test_video_talks_are_phone_mode_video_medium():
    s = "6月2日,越南外交部长裴青山同柬埔寨副首相兼外交大臣布拉索昆以视频方式举行会谈。"
    doc = page("越柬外长举行视频会谈", f"越通社河内6月2日——{s}")
    ev = one(told(doc, s, "CONSULT"))
    assert (ev.mode, ev.medium) == ("phone", "video")
    assert countries(ev.actor) == {"VNM", "KHM"}
    assert ev.recipient == ()


def test_host_receives_a_visiting_guest_in_hanoi():
    s = "4月10日下午,越南国家主席梁强在河内主席府会见了正在对越南进行正式访问的老挝国会主席赛宋蓬·丰威汉。"
    doc = page("越南国家主席梁强会见老挝国会主席", f"越通社河内4月10日——{s}")
    ev = one(told(doc, s, "CONSULT"))
    assert ev.mode == "visit"
    assert names(ev.actor) == {"赛宋蓬·丰威汉"} and countries(ev.actor) == {"LAO"}
    assert names(ev.recipient) == {"梁强"} and countries(ev.recipient) == {"VNM"}


def test_meeting_a_chinese_ambassador():
    s = "5月7日,越南外交部长裴青山在河内会见中国驻越南大使熊波。"
    doc = page("越南外交部长会见中国驻越大使", f"越通社河内5月7日——{s}")
    ev = one(told(doc, s, "CONSULT"))
    assert countries(ev.actor) | countries(ev.recipient) == {"VNM", "CHN"}


def test_calling_on_a_leader_the_caller_is_the_visitor():
    s = "4月11日下午,老挝国会主席赛宋蓬·丰威汉在河内拜会越共中央总书记苏林。"
    doc = page("老挝国会主席拜会越共中央总书记苏林", f"越通社河内4月11日——{s}")
    ev = one(told(doc, s, "CONSULT"))
    assert ev.mode == "visit"
    assert names(ev.actor) == {"赛宋蓬·丰威汉"}
    assert names(ev.recipient) == {"苏林"}


def test_calling_on_a_leader_visitor_described_before():
    s = "4月11日,正在对越南进行正式访问的老挝国会主席赛宋蓬·丰威汉拜会了越共中央总书记苏林。"
    doc = page("老挝国会主席拜会越共中央总书记苏林", f"越通社河内4月11日——{s}")
    ev = one(told(doc, s, "CONSULT"))
    assert (ev.mode, names(ev.actor), names(ev.recipient)) == ("visit", {"赛宋蓬·丰威汉"}, {"苏林"})


def test_state_visit_under_way_is_consult_visit():
    s = "应越共中央总书记、国家主席苏林的邀请,中共中央总书记、国家主席习近平于8月18日至19日对越南进行国事访问。"
    doc = page("习近平对越南进行国事访问", f"越通社河内8月18日——{s}")
    evs = told(doc, s)
    ev = one(evs)  # `应…邀请` is not an event of its own
    assert (ev.event, ev.mode) == ("CONSULT", "visit")
    assert names(ev.actor) == {"习近平"} and countries(ev.actor) == {"CHN"}
    assert countries(ev.recipient) == {"VNM"}


def test_announced_visit_is_agree():
    s = "越共中央总书记苏林将于12月15日至16日对老挝进行国事访问。"
    doc = page("越共中央总书记苏林将对老挝进行国事访问", f"越通社河内12月10日——越南外交部宣布,{s}")
    evs = told(doc, s)
    assert [e.event for e in evs] == ["AGREE"]
    assert names(evs[0].actor) == {"苏林"}
    assert countries(evs[0].actor) | countries(evs[0].recipient) == {"VNM", "LAO"}
    assert not any(e.event == "CONSULT" for e in in_sentence(doc, s))


def test_meeting_on_summit_sidelines_comma():
    s = "9月6日,在东盟峰会期间,越南政府总理范明政会见了日本首相岸田文雄。"
    doc = page("范明政会见日本首相", f"越通社雅加达9月6日——{s}")
    ev = one(told(doc, s, "CONSULT"))
    assert ev.mode == "third-party"


def test_meeting_during_a_summit_is_third_party():
    s = "9月6日,越南政府总理范明政在出席第43届东盟峰会期间会见了日本首相岸田文雄。"
    doc = page("范明政会见日本首相", f"越通社雅加达9月6日——{s}")
    meetings = [e for e in in_sentence(doc, s, "CONSULT") if "JPN" in countries(e.actor) | countries(e.recipient)]
    ev = one(meetings)
    assert ev.mode == "third-party"
    assert countries(ev.actor) == {"VNM", "JPN"} and ev.recipient == ()


def test_headline_of_a_sidelines_meeting_is_not_a_visit():
    s = "9月6日,越南政府总理范明政在出席第43届东盟峰会期间会见了日本首相岸田文雄。"
    doc = page("范明政会见日本首相", f"越通社雅加达9月6日——{s}")
    jpn = [e for e in doc.events if e.event == "CONSULT" and "JPN" in countries(e.actor) | countries(e.recipient)]
    assert jpn and all(e.mode == "third-party" for e in jpn)


def test_separately_meeting_three_counterparts_gives_three_events():
    s = "3月1日,越南国家主席梁强在河内分别会见了老挝大使坎葆·恩塔万、柬埔寨大使谢海、古巴大使奥兰多·埃尔南德斯。"
    doc = page("越南国家主席梁强会见各国大使", f"越通社河内3月1日——{s}")
    evs = in_sentence(doc, s, "CONSULT")
    assert len(evs) == 3
    assert [countries(e.actor) for e in evs] == [{"LAO"}, {"KHM"}, {"CUB"}]
    assert all(names(e.recipient) == {"梁强"} for e in evs)


def test_separately_meeting_unnamed_ambassadors():
    s = "3月1日,越南国家主席梁强在河内分别会见了老挝驻越南大使、柬埔寨驻越南大使和古巴驻越南大使。"
    doc = page("越南国家主席梁强会见各国大使", f"越通社河内3月1日——{s}")
    evs = in_sentence(doc, s, "CONSULT")
    assert sorted(c for e in evs for c in countries(e.actor)) == ["CUB", "KHM", "LAO"]


# --- statements ---------------------------------------------------------------------------------


def test_congratulatory_message_is_support_by_letter():
    s = "值此越南国庆79周年之际,老挝人民革命党中央委员会总书记、国家主席通伦·西苏里向越共中央总书记、国家主席苏林致贺电。"
    doc = page("老挝领导人致电祝贺越南国庆79周年", f"越通社河内9月2日——{s}")
    ev = one(told(doc, s, "SUPPORT"))
    assert ev.medium == "letter"
    assert names(ev.actor) == {"通伦·西苏里"} and countries(ev.actor) == {"LAO"}
    assert names(ev.recipient) == {"苏林"} and countries(ev.recipient) == {"VNM"}


def test_praise_of_the_other_side_is_support():
    s = "会见时,范明政高度评价日本在越南经济社会发展中给予的有效援助。"
    doc = page("越南政府总理范明政会见日本外相", f"越通社河内5月6日——5月6日,越南政府总理范明政在河内会见了正在对越南进行正式访问的日本外相上川阳子。{s}")
    ev = one(told(doc, s, "SUPPORT"))
    assert names(ev.actor) == {"范明政"}
    assert countries(ev.recipient) == {"JPN"}
    # the aid praised is not coded again
    assert not in_sentence(doc, s, "AID")


def test_thanks_for_a_donation_is_not_aid():
    s = "越南外交部副部长阮明武对中国政府向越南捐赠50万剂新冠疫苗表示感谢。"
    doc = page("越南感谢中国捐赠新冠疫苗", f"越通社河内5月7日——5月7日,{s}")
    assert not in_sentence(doc, s, "AID")


def test_thanks_for_a_donation_is_support_to_the_donor():
    s = "越南外交部副部长阮明武对中国政府向越南捐赠50万剂新冠疫苗表示感谢。"
    doc = page("越南感谢中国捐赠新冠疫苗", f"越通社河内5月7日——5月7日,{s}")
    # the sentence names the thanking official, so its event is not the headline's (越南 → 中国)
    ev = one(in_sentence(doc, s, "SUPPORT"))
    assert names(ev.actor) == {"阮明武"}
    assert countries(ev.actor) == {"VNM"} and countries(ev.recipient) == {"CHN"}


def test_donation_handed_over_is_aid():
    s = "7月1日,越南驻老挝大使馆向老挝外交部捐赠一批医疗物资。"
    doc = page("越南向老挝捐赠医疗物资", f"越通社万象7月1日——{s}")
    ev = one(told(doc, s, "AID"))
    assert countries(ev.actor) == {"VNM"}
    assert countries(ev.recipient) == {"LAO"}


def test_aid_named_with_its_recipient_before_de_goes_to_that_recipient():
    s = "中国政府援助柬埔寨的60万剂国药集团新冠疫苗7日下午运抵金边国际机场。"
    doc = page("中国援助疫苗运抵金边", f"（金边7日讯）{s}")
    ev = one(told(doc, s, "AID"))
    assert countries(ev.actor) == {"CHN"} and countries(ev.recipient) == {"KHM"}


def test_aid_received_is_aid_from_the_one_who_gave_it():
    s = "越南外交部副部长阮明姮在河内接收了澳大利亚政府通过澳大利亚驻越南大使馆提供的紧急救援物资。"
    doc = page("越南接收澳大利亚救援物资", f"越通社河内9月12日——9月12日,{s}越方接收了一批文件。")
    ev = one(told(doc, s, "AID"))
    assert countries(ev.actor) == {"AUS"} and names(ev.recipient) == {"阮明姮"}
    assert not in_sentence(doc, "越方接收了一批文件。")


def test_people_handed_over_is_cooperation_and_jiang_before_them_is_no_plan():
    s = "泰国警方20日在湄索机场将这批人员移交给中国公安部工作组。"
    doc = page("泰国向中方移交电诈人员", f"（曼谷20日讯）{s}越南向老挝移交一批医疗物资。")
    ev = one(told(doc, s))
    assert ev.event == "COOPERATE"
    assert countries(ev.actor) == {"THA"} and countries(ev.recipient) == {"CHN"}
    assert [e.event for e in in_sentence(doc, "越南向老挝移交一批医疗物资。")] == ["AID"]
    s = "这批人员此前由缅甸克伦邦边防部队从妙瓦底的电诈园区解救出来，经湄索—妙瓦底友谊桥移交泰方。"
    doc = page("泰国向中方移交电诈人员", f"（曼谷20日讯）{s}")
    assert [e.event for e in in_sentence(doc, s)] == ["COOPERATE"]


def test_talks_with_the_two_countries_just_visited_are_talks_with_each():
    """`先后前往A和B，同两国…会谈`: `两国` are the places the journey went to, one meeting in each;
    the subject is the traveller, not `两国` after `同`."""
    s = "中国公安部副部长刘忠义本月中旬率工作组先后前往缅甸内比都和泰国曼谷，同两国有关部门就打击电信诈骗和人员遣返进行会谈。"
    doc = page("中国包机接回电诈园区获救人员", f"（曼谷/北京综合讯）在中缅泰三方执法合作下，中国公安部星期四（2月20日）派出包机。\n\n{s}")
    talks = told(doc, s, "CONSULT")
    assert sorted(countries(e.actor) | countries(e.recipient) for e in talks) == [{"CHN", "MMR"}, {"CHN", "THA"}]
    assert {n for e in talks for n in names(e.actor)} == {"刘忠义"}
    # as many places as the count says, or the word keeps its usual reading
    s = "刘忠义前往缅甸内比都，同两国有关部门就打击电信诈骗进行会谈。"
    doc = page("刘忠义前往缅甸", f"（曼谷/北京综合讯）在中缅泰三方执法合作下，中国公安部派出包机。\n\n{s}")
    assert len(told(doc, s, "CONSULT")) == 1


def test_an_agreement_signed_by_two_ministers_has_both_as_actors():
    """`协定由A与B签署`: 由 names who signed; a minister of several portfolios
    (`投资、贸易及工业部长`) is of the country before them."""
    s = "柔新经济特区协定由新加坡副总理兼贸工部长颜金勇与马来西亚投资、贸易及工业部长东姑扎夫鲁签署。"
    doc = page("新马领导人年度会议", f"新加坡总理黄循财星期二（1月7日）在布城与马来西亚首相安华举行会谈。{s}")
    ev = one(in_sentence(doc, s))
    assert (names(ev.actor), countries(ev.actor), ev.recipient) == (
        {"颜金勇", "东姑扎夫鲁"}, {"SGP", "MYS"}, ())


def test_guests_of_two_countries_announced_together_make_a_plan_each():
    doc = page("外交部发言人宣布波兰总统杜达、越南总理范明政将访华", "新华社北京6月20日电 外交部发言人今天宣布了两项访问。")
    plans = told(doc, "外交部发言人今天宣布了两项访问。", "AGREE")
    assert sorted(sorted(countries(e.actor) | countries(e.recipient)) for e in plans) == [
        ["CHN", "POL"], ["CHN", "VNM"]]
    s = "应国家主席习近平邀请，老挝国家主席通伦和柬埔寨首相洪玛奈将于下周对中国进行国事访问。"
    doc = page("老柬领导人将访华", f"新华社北京6月20日电 {s}")
    assert sorted(sorted(countries(e.actor) | countries(e.recipient))
                  for e in in_sentence(doc, s, "AGREE")) == [["CHN", "KHM"], ["CHN", "LAO"]]
    s = "老挝国家主席通伦和柬埔寨首相洪玛奈21日抵达北京，对中国进行国事访问。"
    doc = page("老柬领导人访华", f"新华社北京6月21日电 {s}")
    assert sorted(sorted(countries(e.actor) | countries(e.recipient))
                  for e in in_sentence(doc, s, "CONSULT")) == [["CHN", "KHM"], ["CHN", "LAO"]]
    # two who will meet each other are one plan
    s = "越南总理范明政和波兰总统杜达将于明天举行会谈。"
    doc = page("范明政将会见杜达", f"越通社河内6月20日电 {s}")
    assert len(in_sentence(doc, s, "AGREE")) == 1


def test_signing_with_other_countries_names_no_party_and_is_no_event():
    s = "这是印度首次与其他国家签署此类重要协议。"
    doc = page("越印防长会谈", "越通社河内6月8日——6月8日,越南国防部长潘文江同印度国防部长拉杰纳特·辛格"
               f"举行会谈。会谈结束后,两位部长签署了关于相互后勤支援的谅解备忘录。{s}")
    assert not in_sentence(doc, s)
    assert [e.event for e in in_sentence(doc, "两位部长签署了")] == ["SUPPORT"]


def test_officials_listed_with_semicolons_act_with_the_last_one():
    s = ("越共中央政治局委员、外交部长黎怀忠;中央组织部副部长阮诚心;中央办公厅副主任武成兴共同主持了会议,"
         "向各国驻越外交代表机构及国际组织通报越共十四大的成果。")
    doc = page("越南向各国驻越外交代表机构通报越共十四大成果", f"越通社河内1月27日——1月27日,{s}")
    ev = one([e for e in doc.events if e.text.startswith("中央办公厅")])
    assert names(ev.actor) - {None} == {"黎怀忠", "阮诚心", "武成兴"}
    other = page("越老会谈", "越通社河内3月2日——越南外交部长裴青山会见了老挝外交部长沙伦赛;"
                 "中央组织部副部长阮诚心会见了老挝驻越大使。")
    assert all("裴青山" not in names(e.actor) for e in other.events if "阮诚心" in names(e.actor))


def test_condolences_to_his_family_go_to_the_one_named_last():
    s = "中方对日本前首相安倍晋三不幸遇袭身亡感到震惊，向其家属表示慰问。"
    doc = page("中方向安倍晋三家属表示慰问", f"中新网7月8日电 外交部发言人赵立坚8日表示，{s}")
    ev = one(in_sentence(doc, s, "SUPPORT"))
    assert countries(ev.recipient) == {"JPN"} and names(ev.recipient) == {"安倍晋三"}


def test_senders_listed_with_commas_send_one_message_together():
    s = ("同日,古巴共产党中央委员会第一书记、国家主席迪亚斯-卡内尔,朝鲜劳动党总书记、国务委员长金正恩,"
         "统一俄罗斯党主席德米特里·梅德韦杰夫也向苏林致电表示祝贺。")
    doc = page("多国领导人致电祝贺苏林", f"越通社河内8月4日——8月4日,老挝人民革命党中央总书记通伦致电苏林表示祝贺。{s}")
    ev = one(in_sentence(doc, s, "SUPPORT"))
    assert countries(ev.actor) == {"CUB", "PRK", "RUS"} and countries(ev.recipient) == {"VNM"}
    t = "对于美国国务卿布林肯,中国外交部发言人毛宁表示坚决反对。"
    other = page("中方回应", f"中新网8月4日电 {t}")
    assert all(countries(e.actor) == {"CHN"} for e in in_sentence(other, t))


def test_aid_named_as_a_thing_asked_for_is_no_aid():
    s = "吴钊燮指控，宏国政府向台湾喊价，要求高达25亿美元的经济援助。"
    doc = page("台宏断交", f"（中央社台北26日电）{s}日本政府向越南紧急援助了一批物资。")
    assert not in_sentence(doc, s, "AID")
    assert [e.event for e in in_sentence(doc, "日本政府向越南紧急援助了一批物资。")] == ["AID"]


def test_a_visit_called_by_a_pejorative_word_is_a_visit():
    s = "8月2日深夜，美国国会众议长佩洛西抵达台北，开始对台湾地区进行窜访。"
    doc = page("佩洛西窜访台湾", f"新华社北京8月3日电 {s}")
    ev = one(told(doc, s, "CONSULT"))
    assert ev.mode == "visit" and countries(ev.actor) == {"USA"} and countries(ev.recipient) == {"TWN"}


def test_invited_to_join_a_policy_is_a_request_invited_to_come_an_agreement():
    s = "尹锡悦邀请越南积极参与韩国政府提出的“印太战略”。"
    t = "阮春福邀请尹锡悦参加明年在河内举办的论坛。"
    doc = page("韩越首脑会谈", f"（首尔12月5日讯）12月5日，韩国总统尹锡悦同越南国家主席阮春福举行会谈。{s}{t}")
    ev = one(in_sentence(doc, s))
    assert (ev.event, ev.mode) == ("REQUEST", "assist") and countries(ev.recipient) == {"VNM"}
    assert [e.event for e in in_sentence(doc, t)] == ["AGREE"]


def test_talks_told_as_communication_are_a_meeting():
    s = "8月14日，外交部长王毅同越南外交部长裴青山进行了深入沟通。"
    doc = page("中越外长沟通", f"新华社北京8月14日电 {s}双方同意保持沟通。")
    ev = one(told(doc, s, "CONSULT"))
    assert countries(ev.actor) == {"CHN", "VNM"}
    assert [e.event for e in in_sentence(doc, "双方同意保持沟通。")] == ["AGREE"]


def test_deep_concern_about_two_sides_is_a_charge_against_both():
    s = "美国国务院发言人米勒13日表示，美国对俄朝可能达成武器交易深表担忧。"
    doc = page("美国对俄朝军事合作深表担忧", f"（华盛顿13日讯）{s}")
    ev = one(told(doc, s, "ACCUSE"))
    assert countries(ev.actor) == {"USA"} and countries(ev.recipient) == {"RUS", "PRK"}


def test_representations_already_made_again_and_again_are_a_protest_a_habit_of_visits_is_not():
    s = "越南主管机关已多次与中方有关部门交涉。"
    t = "他已多次访问中国。"
    doc = page("越南外交部发言人回应", f"越通社河内5月12日——越南外交部发言人范秋姮表示，{s}{t}")
    ev = one(in_sentence(doc, s, "ACCUSE"))
    assert countries(ev.actor) == {"VNM"} and countries(ev.recipient) == {"CHN"}
    assert not in_sentence(doc, t)


def test_signing_by_both_sides_has_no_recipient():
    s = "会谈结束后,越南国防部长潘文江与俄罗斯国防部长谢尔盖·绍伊古签署了两国国防部合作备忘录。"
    doc = page("越俄签署国防合作备忘录", f"越通社莫斯科11月1日——11月1日,越南国防部长潘文江同俄罗斯国防部长谢尔盖·绍伊古举行会谈。{s}")
    ev = one(told(doc, s, "SUPPORT"))
    assert countries(ev.actor) == {"VNM", "RUS"}
    assert {"潘文江", "谢尔盖·绍伊古"} <= names(ev.actor)
    assert ev.recipient == ()


def test_both_sides_agree():
    s = "双方一致同意加强防务合作,推动两国全面战略伙伴关系发展。"
    doc = page("越俄国防部长举行会谈", f"越通社莫斯科6月1日——6月1日,越南国防部长潘文江同俄罗斯国防部长谢尔盖·绍伊古举行会谈。{s}")
    ev = one(told(doc, s, "AGREE"))
    assert countries(ev.actor) == {"VNM", "RUS"}
    assert ev.recipient == ()


def test_both_sides_praising_their_relations_is_no_event():
    s = "双方高度评价两国关系取得的发展成果。"
    doc = page("越俄国防部长举行会谈", f"越通社莫斯科6月1日——6月1日,越南国防部长潘文江同俄罗斯国防部长谢尔盖·绍伊古举行会谈。{s}")
    assert in_sentence(doc, s) == []
    assert any(e.event == "CONSULT" for e in doc.events)  # the talks themselves are there


def test_greetings_passed_on_are_no_event():
    s = "沃洛金转达了普京总统对苏林总书记的亲切问候。"
    doc = page("越共中央总书记苏林会见俄罗斯国家杜马主席", f"越通社河内6月1日——6月1日,越共中央总书记苏林在河内会见正在越南进行正式访问的俄罗斯国家杜马主席沃洛金。{s}")
    assert in_sentence(doc, s) == []


def test_background_is_no_event():
    s = "越南始终珍视苏联人民在争取民族独立斗争中给予越南的宝贵支持。"
    doc = page("越俄传统友谊", f"越通社莫斯科6月1日——{s}")
    assert doc.events == ()


def test_suggestion_to_create_conditions_is_request_assist():
    s = "越南副外长黎怀忠建议中国继续为出口中国的越南货物顺利通关创造便利条件。"
    doc = page("越中举行视频会议", f"越通社河内5月29日——{s}")
    ev = one(told(doc, s, "REQUEST"))
    assert ev.mode == "assist"
    assert names(ev.actor) == {"黎怀忠"}
    assert countries(ev.recipient) == {"CHN"}


def test_concern_is_accuse_with_the_counterpart_as_recipient():
    s = "黎怀忠对近期东海形势表示担忧。"
    doc = page("越中副外长举行视频会议", f"越通社河内5月29日——5月29日,越南外交部副部长黎怀忠同中国外交部副部长罗照辉举行视频会议。{s}")
    ev = one(told(doc, s, "ACCUSE"))
    assert names(ev.actor) == {"黎怀忠"}
    assert countries(ev.recipient) == {"CHN"}


def test_spokesperson_condemns_xinhua():
    s = "外交部发言人毛宁5日对菲律宾船只侵闯黄岩岛海域表示强烈谴责。"
    doc = page("外交部发言人就菲律宾船只侵闯黄岩岛海域答记者问", f"新华社北京1月5日电 {s}")
    ev = one(told(doc, s, "ACCUSE"))
    assert names(ev.actor) == {"毛宁"} and countries(ev.actor) == {"CHN"}
    assert countries(ev.recipient) == {"PHL"}


def test_spokesperson_condemns_an_act_vna():
    s = "越南外交部发言人范秋姮对中国船只的行为表示强烈谴责。"
    doc = page("越南外交部发言人表态", f"越通社河内1月5日——{s}")
    ev = one(told(doc, s, "ACCUSE"))
    assert countries(ev.actor) == {"VNM"} and countries(ev.recipient) == {"CHN"}


def test_domestic_inspection_is_no_event():
    s = "3月1日,越南国会主席陈青敏视察了广宁省的生产情况。"
    doc = page("越南国会主席视察广宁省", f"越通社广宁3月1日——{s}")
    assert doc.events == ()


# --- the coder on its own -----------------------------------------------------------------------


def test_code_events_on_plain_text():
    """``code_events`` works on any text span with its recognition, no page needed."""
    text = "越南政府总理范明政同老挝政府总理宋赛·西潘敦通电话。"
    rec = recognise(text, home="VNM")
    found = code_events(text, rec, (0, len(text)))
    assert [(f.event, f.mode) for f in found] == [("CONSULT", "phone")]
    assert text[slice(*found[0].span)] == "通电话"
    assert {e.country for e in found[0].actor} == {"VNM", "LAO"}


def test_a_topic_opened_with_zai_fangmian_is_no_act():
    """`在援助方面,A向B提供…`: the aid is A's, not an act of the sentence before's speakers."""
    doc = page("多国向越南提供援助",
               "人民报网讯 9月10日,俄罗斯总统普京、日本首相岸田文雄等多国领导人致电越南领导人表示慰问。"
               "在援助方面,中国红十字会向越南红十字会提供20万美元紧急人道主义援助。")
    aid = one(in_sentence(doc, "在援助方面,中国红十字会向越南红十字会提供20万美元紧急人道主义援助", "AID"))
    assert {a.org for a in aid.actor} == {"中国红十字会"}


def test_the_body_tells_the_headlines_talks_and_the_headlines_mode_picks_the_statement():
    talks = page("拉夫罗夫在河内与越南外长裴青山举行会谈",
                 "俄罗斯卫星通讯社河内7月6日电 俄罗斯外长谢尔盖·拉夫罗夫6日在河内与越南外长裴青山举行会谈。"
                 "这是拉夫罗夫对越南进行的正式访问。")
    main = one([e for e in talks.events if e.main])
    assert (names(main.recipient), main.span[0] > talks.text.index("\n")) == ({"裴青山"}, True)
    protest = page("越南外交部发言人:越南坚决反对中国在长沙群岛设立所谓行政区",
                   "越通社河内4月19日——越南外交部发言人黎氏秋姮表示,中国的上述行为严重侵犯越南的主权。"
                   "越南坚决反对中方的上述行为。")
    main = one([e for e in protest.events if e.main])
    assert (main.event, main.mode) == ("ACCUSE", "disapprove")


def test_a_visit_and_the_talks_held_during_it_are_two_events():
    """SPEC: talks held during a visit are a CONSULT of their own; the visit, to the country and
    dated to its first day, is the other."""
    doc = page("韩国总统尹锡悦对越南进行国事访问",
               "2023-06-23 18:32\n韩联社河内6月23日电 韩国总统尹锡悦夫妇22日晚抵达河内,开始对越南进行为期三天的国事访问。"
               "23日上午,越南国家主席武文赏在河内同尹锡悦举行会谈。")
    visits = [e for e in doc.events if e.event == "CONSULT" and e.mode == "visit"]
    assert sorted((e.date.value, countries(e.recipient), names(e.recipient)) for e in visits) == [
        ("2023-06-22", {"VNM"}, {None}), ("2023-06-23", {"VNM"}, {"武文赏"})]
    assert one([e for e in doc.events if e.main]).date.value == "2023-06-22"
    talks = page("拉夫罗夫在河内与越南外长裴青山举行会谈",
                 "俄罗斯卫星通讯社河内7月6日电 俄罗斯外长谢尔盖·拉夫罗夫6日在河内与越南外长裴青山举行会谈。"
                 "这是拉夫罗夫对越南进行的正式访问。")
    assert sorted(str(names(e.recipient)) for e in talks.events) == ["{'裴青山'}", "{None}"]


def test_stopping_imports_from_a_country_is_a_sanction_on_it():
    doc = page("中国暂停进口日本水产品",
               "新华社北京8月24日电 同日,海关总署发布公告,决定自即日起全面暂停进口原产地为日本的水产品。")
    ban = one(in_sentence(doc, "全面暂停进口原产地为日本的水产品", "SANCTION"))
    assert ({a.org for a in ban.actor}, countries(ban.recipient)) == ({"中国海关总署"}, {"JPN"})


def test_coast_guard_measures_against_a_ship_are_coercion():
    doc = page("中国海警对菲律宾船只依法采取管控措施",
               "新华社北京6月17日电 6月17日,菲律宾1艘补给船闯入仁爱礁附近海域。中国海警依法对菲船采取管控措施,强制驱离。")
    acts = in_sentence(doc, "中国海警依法对菲船采取管控措施,强制驱离", "COERCE")
    assert acts and all(countries(e.recipient) == {"PHL"} for e in acts)


def test_force_told_in_the_passive_is_the_agents_act_on_the_other_side():
    s = ("4月2日凌晨,越南广义省QNg 90617 TS号渔船在越南黄沙群岛海域正常作业时,被中国海警4301号船只撞沉,"
         "船上8名渔民一度被中方扣押,随后被释放。")
    doc = page("越南外交部发言人就越南渔船在黄沙群岛海域被撞沉一事作出回应",
               "越通社河内4月4日——越南外交部发言人黎氏秋姮就中国海警船只在越南黄沙群岛海域撞沉越南广义省渔船一事"
               f"回答记者提问时表示,越南坚决抗议中方的上述行为。黎氏秋姮表示,{s}")
    acts = in_sentence(doc, s, "COERCE")
    assert acts and all((countries(e.actor), countries(e.recipient)) == ({"CHN"}, {"VNM"})
                        for e in acts)
    assert {e.date.value for e in acts} == {"--04-02"}
    # named as the matter of the answer, the sinking is not reported again
    assert not [e for e in doc.events if e.event == "COERCE" and e.date.value != "--04-02"]
    # suffered at the hands of no party: no event
    s = "习近平在慰问电中表示,惊悉越南北部遭受台风“摩羯”袭击,造成重大人员伤亡和财产损失。"
    doc = page("习近平就台风灾害向越南领导人致慰问电", f"新华社北京9月10日电 {s}")
    assert not in_sentence(doc, s, "ASSAULT")


def test_force_on_unnamed_crew_is_on_the_country_the_sentence_named_and_the_protest_is_no_assault():
    s = ("据越南广义省有关部门报告,9月29日,广义省理山县QNg 95739 TS号渔船及船上13名渔民在越南黄沙群岛海域"
         "作业时,中国执法力量登上该渔船,用铁棍殴打船员,并抢走渔获和渔具。")
    doc = page("越南外交部发言人:越南对中国执法力量殴打越南渔民表示强烈抗议",
               f"越通社河内10月2日——越南外交部发言人范秋姮10月2日表示,越南对此表示强烈抗议。{s}")
    hit = one(in_sentence(doc, s, "ASSAULT"))
    assert (countries(hit.actor), countries(hit.recipient), hit.date.value) == (
        {"CHN"}, {"VNM"}, "--09-29")
    title = doc.text.splitlines()[0]
    assert not [e for e in doc.events if e.trigger[1] <= len(title) and e.event == "ASSAULT"]
    assert [(countries(e.actor), countries(e.recipient)) for e in doc.events
            if e.event == "ACCUSE"] == [({"VNM"}, {"CHN"})]


def test_a_journalists_question_in_a_transcript_is_a_question():
    """`法新社记者：` opens a question as `问：` does: its plan (`将…加征关税`) is not the
    agency's act."""
    doc = page("2025年4月11日外交部发言人林剑主持例行记者会",
               "法新社记者：国务院关税税则委员会今天发布公告，自4月12日起将对原产于美国的进口商品加征关税。"
               "中方对此有何评论？\n\n林剑：有关问题请向主管部门询问。")
    assert [(e.event, countries(e.actor)) for e in doc.events if "FRA" in countries(e.actor)] == []


def test_hoping_for_the_others_own_good_is_a_wish_not_a_request():
    doc = page("2024年8月5日外交部发言人林剑主持例行记者会",
               "问：孟加拉国局势有何最新进展？\n\n答：孟加拉国是中国的友好邻邦，我们衷心希望孟加拉国社会早日恢复稳定。")
    assert not [e for e in doc.events if e.event == "REQUEST"]
    doc = page("习近平致电越南领导人", "新华社北京9月10日电 习近平表示，希望越南人民早日战胜疫情。")
    assert not [e for e in doc.events if e.event == "REQUEST"]
    # an ask of the other side, with what it wants for itself after a comma, stays a request
    s = "王毅希望美方停止干涉中国内政，维护地区和平稳定。"
    doc = page("王毅同布林肯通电话", f"新华社北京4月26日电 {s}")
    assert countries(one(in_sentence(doc, s, "REQUEST")).recipient) == {"USA"}


def test_ending_relations_or_cutting_supplies_is_a_sanction_on_the_party_named_after():
    s = "外交部长吴钊燮今天宣布，中华民国政府即刻终止与洪都拉斯的外交关系。"
    doc = page("外交部宣布与宏国断交", f"中央社台北26日电 {s}")
    cut = one(in_sentence(doc, s, "SANCTION"))
    assert (countries(cut.actor), countries(cut.recipient), cut.cameo) == ({"TWN"}, {"HND"}, "161")
    s = "泰国本月5日起切断了对缅甸妙瓦底等边境地区的电力、燃油和互联网供应，以打击当地的电诈活动。"
    doc = page("中国包机接回获救人员", f"新华社曼谷2月20日电 中国公安部20日派出包机。{s}")
    cut = one(in_sentence(doc, s, "SANCTION"))
    assert (countries(cut.actor), countries(cut.recipient), cut.cameo, cut.date.value) == (
        {"THA"}, {"MMR"}, "163", "--02-05")
    s = "越南决定终止与该公司的合作。"
    doc = page("越南终止合作", f"越通社河内2月20日电 {s}")
    assert not in_sentence(doc, s)


def test_listing_firms_is_a_sanction_on_the_firms_what_jiang_moves_not_a_plan():
    """`将X和Y列入不可靠实体清单`: 将 (as 把) marks what is listed; a country before a body
    only qualifies it, and the second firm's own `与` does not take over."""
    for mark in ("将", "把"):
        s = f"中国商务部16日宣布，{mark}美国洛克希德·马丁公司和雷神导弹与防务公司列入不可靠实体清单。"
        doc = page("商务部将两家美国军工企业列入不可靠实体清单", f"新华社北京2月16日电 {s}")
        ev = one(in_sentence(doc, s, "SANCTION"))
        assert countries(ev.actor) == {"CHN"}, mark
        assert {e.org for e in ev.recipient} == {"洛克希德·马丁公司", "雷神公司"}, mark
        assert not in_sentence(doc, s, "AGREE")


def test_an_earlier_visit_recalled_is_no_event():
    s = "普京上一次访问越南是在大约一年前。"
    doc = page("苏林会见普京", f"今日俄罗斯莫斯科5月10日电 苏林9日在莫斯科会见普京。{s}")
    assert not in_sentence(doc, s)


def test_aid_summed_up_over_time_and_a_visit_named_as_a_subject_are_no_events():
    s = "疫情发生后，中方已向越方提供了多批疫苗援助。"
    doc = page("王毅会见范平明", f"新华社河内9月10日电 王毅10日在河内会见范平明。{s}")
    assert not in_sentence(doc, s, "AID")
    doc = page("中国向越南援助疫苗", "越通社河内9月10日电 中国政府10日向越南援助200万剂新冠疫苗。")
    assert [e.event for e in doc.events] == ["AID"]
    s = "裴青山：习近平总书记、国家主席访越具有重要意义"
    doc = page(s, "越通社河内4月12日电 裴青山接受媒体采访，强调此访是越中关系中的一件大事。")
    assert not [e for e in doc.events if e.event == "CONSULT"]


def test_observers_at_talks_hold_none_and_a_statement_cited_as_a_source_is_not_made():
    obs = "美国驻马来西亚大使和中国驻马来西亚大使作为观察员出席了会谈。"
    cited = "根据联合声明，双方还同意于7月29日上午举行两国军队前线指挥官非正式会议。"
    doc = page("柬泰领导人会谈", "（早报讯）柬埔寨首相洪玛奈和泰国代总理普坦星期一（7月28日）在马来西亚"
               f"布城举行会谈。{obs}{cited}")
    assert not in_sentence(doc, obs)
    agreed = in_sentence(doc, cited)
    assert [e.event for e in agreed] == ["AGREE"]
    assert countries(agreed[0].actor) == {"KHM", "THA"}


def test_talks_joined_to_a_habit_told_just_before_are_no_event():
    s = "政府首席经济顾问敦达因过去数月多次前往北京，与中方进行谈判。"
    doc = page("马中东铁项目达成协议", f"（吉隆坡12日讯）首相敦马哈迪今日宣布东铁项目复工。{s}")
    assert not in_sentence(doc, s)
    s = "越南外长当天前往北京，与中方进行谈判。"
    doc = page("越中谈判", f"越通社河内4月12日电 {s}")
    assert [e.event for e in in_sentence(doc, s)] == ["CONSULT"]


def test_two_guests_of_a_host_meeting_there_is_a_third_party_meeting():
    s = "27日晚，特朗普与金正恩在索菲特传奇大都会酒店举行首次会面并共进晚宴。"
    doc = page("朝美首脑河内会晤", "韩联社首尔3月1日电 金正恩26日抵达河内。特朗普26日晚抵达河内。"
               f"27日上午，特朗普在河内主席府与阮富仲举行会谈。{s}")
    met = one(in_sentence(doc, s, "CONSULT"))
    assert (met.mode, countries(met.actor), met.recipient) == ("third-party", {"USA", "PRK"}, ())


def test_a_place_listed_with_matters_is_a_topic_not_who_asks():
    s = "习近平强调，台湾、涉藏问题关乎中国主权和领土完整，要求美方恪守一个中国政策。"
    doc = page("习近平会见奥巴马", f"新华社杭州9月3日电 国家主席习近平3日会见美国总统奥巴马。{s}")
    asked = one(in_sentence(doc, s, "REQUEST"))
    assert (names(asked.actor), countries(asked.recipient)) == ({"习近平"}, {"USA"})


def test_concern_over_a_ramming_is_an_accusation_and_the_ramming_its_matter():
    head = "菲外交部声援越南 关切越渔船遭中国海警船撞沉"
    s = "美国国务院发言人6日也表示，美方对中国海警船撞沉越南渔船严重关切。"
    s2 = "菲律宾外交部8日发表声明，对中国海警船在西沙群岛海域撞沉一艘越南渔船一事表示深切关注。"
    doc = page(head, f"（本报讯）{s}{s2}")
    assert not [e for e in doc.events if e.event == "COERCE"]
    for sentence, who in ((s, "USA"), (s2, "PHL")):
        charge = one(in_sentence(doc, sentence, "ACCUSE"))
        assert (countries(charge.actor), countries(charge.recipient)) == ({who}, {"CHN"})


def test_a_provincial_papers_officials_are_of_its_country():
    """广西日报 names its own officials without a country: they are Chinese."""
    s = "2月25日下午，自治区党委书记刘宁在南宁以视频方式，同越南广宁省委书记阮春记举行新春会晤。"
    doc = page("刘宁与越南广宁省委书记举行视频会晤", f"广西日报 > 要闻\n本报讯（记者 韦宁） {s}")
    met = one(told(doc, s, "CONSULT"))
    assert countries(met.actor) == {"CHN", "VNM"} and met.medium == "video"


def test_a_sanction_in_the_condition_of_a_warning_is_not_imposed():
    s = "王毅警告，如果美方出台包括加征关税在内的贸易制裁措施，双方此前达成的经贸成果都将不会生效。"
    doc = page("王毅会见蓬佩奥", f"新华社北京6月14日电 国务委员兼外长王毅14日会见美国国务卿蓬佩奥。{s}")
    assert not in_sentence(doc, s, "SANCTION")
    s = "美方宣布对中国商品加征关税。"
    doc = page("美方加征关税", f"新华社北京6月15日电 {s}")
    assert [e.event for e in in_sentence(doc, s)] == ["SANCTION"]


def test_refusing_a_commitment_is_a_rejection_of_the_other_side_and_no_promise():
    s = "库列巴会后对记者说，他在会谈中提议实现24小时停火，但拉夫罗夫拒绝就停火作出承诺。"
    doc = page("俄乌外长会谈", "参考消息网3月11日报道 俄罗斯外长拉夫罗夫和乌克兰外长库列巴10日在土耳其安塔利亚"
               f"举行会谈。{s}")
    refused = one(in_sentence(doc, s, "REJECT"))
    assert (countries(refused.actor), countries(refused.recipient)) == ({"RUS"}, {"UKR"})
    assert not in_sentence(doc, s, "AGREE")


def test_a_visit_of_the_past_does_not_say_who_visits_whom_on_the_page():
    s = "25日下午，赵乐际会见越南国家主席苏林。"
    doc = page("赵乐际赴越南吊唁阮富仲逝世", "新华社河内7月25日电 全国人大常委会委员长赵乐际于24日晚抵达河内。"
               f"{s}阮富仲于7月19日在河内病逝。他曾于2022年10月访华，是中共二十大后首位访华的外国领导人。")
    met = one(told(doc, s, "CONSULT"))
    assert (met.mode, countries(met.actor), countries(met.recipient)) == ("visit", {"CHN"}, {"VNM"})


def test_upgrading_relations_is_an_agreement_unless_it_is_what_a_statement_is_about():
    s = "双方宣布将越新关系提升为全面战略伙伴关系。"
    doc = page("苏林同黄循财举行会谈", f"越通社新加坡3月12日电 3月12日，苏林同新加坡总理黄循财举行会谈。{s}")
    up = one(in_sentence(doc, s, "AGREE"))
    assert countries(up.actor) == {"VNM", "SGP"} and up.recipient == ()
    s = "两国领导人发表了关于将越日关系提升为全面战略伙伴关系的联合声明。"
    doc = page("武文赏同岸田文雄举行会谈", f"越通社东京11月27日电 武文赏同日本首相岸田文雄举行会谈。{s}")
    assert [e.event for e in in_sentence(doc, s)] == ["SUPPORT"]


def test_a_summit_attended_is_the_organisation_the_sentence_named_and_bali_is_indonesian():
    s = "二十国集团（G20）峰会15日在印尼峇里岛开幕，大陆国家主席习近平出席峰会并发表讲话。"
    s2 = "习近平14日与美国总统拜登在峇里岛举行面对面会晤。"
    doc = page("习近平峇里岛密集会晤", f"（中央社记者台北16日电）{s}{s2}")
    went = one(in_sentence(doc, s, "CONSULT"))
    assert (went.mode, [e.country for e in went.recipient]) == ("multilateral", ["IGO"])
    met = one(in_sentence(doc, s2, "CONSULT"))
    assert met.mode == "third-party"


def test_the_results_of_talks_discussed_in_a_call_are_no_meeting():
    s = "韩国总统文在寅28日晚与特朗普通电话，讨论河内会谈结果。"
    doc = page("特朗普结束访越", "韩联社首尔3月1日电 27日上午，特朗普在河内主席府与阮富仲举行会谈。"
               f"28日，特朗普与金正恩举行会谈。{s}")
    assert [(e.event, e.mode) for e in in_sentence(doc, s)] == [("CONSULT", "phone")]


def test_a_title_without_a_date_takes_the_leads_event_day_not_what_came_before_it():
    doc = communique.extract(
        "宏都拉斯与中国建交 外交部宣布即刻终止与宏国外交关系\n\n"
        "（中央社记者黄雅诗台北26日电）宏都拉斯总统卡斯楚14日宣布将寻求与中国建交后，宏国政府今天正式宣布与"
        "中华民国断交。外交部长吴钊燮今天上午召开记者会宣布，中华民国政府即刻终止与宏都拉斯的外交关系。\n",
        published="2023-03-26")
    title = doc.text.splitlines()[0]
    dates = {e.date.value for e in doc.events if e.event == "SANCTION"}
    assert dates == {"2023-03-26"}, [(e.text[:20], e.date.value) for e in doc.events]
    assert any(e.trigger[1] <= len(title) or e.main for e in doc.events if e.event == "SANCTION")


def test_attending_one_meeting_then_planning_another_does_not_mix_them():
    s = "朔尔茨随后于当天晚间飞往新加坡，出席德国亚太经济会议，之后将前往印尼巴厘岛出席二十国集团(G20)峰会。"
    doc = page("朔尔茨访问越南", f"（德国之声中文网）德国总理朔尔茨13日在河内与越南总理范明政举行会谈。{s}")
    got = {(e.event, tuple(sorted(r.text for r in e.recipient))) for e in in_sentence(doc, s)}
    assert got == {("AGREE", ("二十国集团",))}, got


def test_what_happened_back_then_after_a_sentence_recalling_the_past_is_history():
    s = "当时德国指责越南情报人员参与绑架，并驱逐了一名越南外交官。"
    doc = page("朔尔茨访问越南", "（德国之声中文网）德国总理朔尔茨13日在河内与越南总理范明政举行会谈。"
               f"德越关系曾因2017年越南前国企高管在柏林被绑架一案陷入低谷。{s}")
    assert not in_sentence(doc, s)
    s = "当时双方同意加强两国在国防领域的合作。"
    doc = page("越老国防部长举行会谈", f"越通社河内5月22日——越南国防部长潘文江22日同老挝国防部长举行会谈。{s}")
    assert [e.event for e in in_sentence(doc, s)] == ["AGREE"]


def test_a_headline_quoting_a_ministry_on_a_persons_plan_is_the_persons_plan():
    doc = page("外交部：秦刚将访问埃塞俄比亚、加蓬等国", "新华社北京1月6日电 外交部发言人今天答记者问。")
    plan = one([e for e in doc.events if e.event == "AGREE"])
    assert (names(plan.actor), countries(plan.recipient)) == ({"秦刚"}, {"ETH", "GAB"})
    # the spokesperson heading the quote keeps it when the quote's subject is a country
    doc = page("越南外交部发言人：越南对中国执法力量殴打越南渔民表示强烈抗议", "越通社河内10月2日——正文。")
    assert [(countries(e.actor), countries(e.recipient)) for e in doc.events
            if e.event == "ACCUSE"] == [({"VNM"}, {"CHN"})]


def test_asking_the_other_side_to_refrain_or_to_respect_is_request_change():
    doc = page("越南外交部发言人答记者问",
               "越通社河内5月2日——越南外交部发言人范秋姮表示,越南要求中国尊重越南对黄沙群岛的主权,"
               "不采取使东海局势复杂化的行为。")
    assert one(in_sentence(doc, "越南要求中国尊重越南对黄沙群岛的主权", "REQUEST")).mode == "change"
    doc = page("王毅同布林肯会谈", "新华社北京4月26日电 王毅要求美方不要干涉中国内政,不要打压中国发展。")
    assert one(in_sentence(doc, "王毅要求美方不要干涉中国内政", "REQUEST")).mode == "change"


def test_on_a_conferences_sidelines_the_host_receives_a_guest_and_two_guests_meet_abroad():
    doc = page("王廷惠出席东盟议会联盟大会",
               "人民报网讯 8月7日,第44届东盟议会联盟大会在印度尼西亚首都雅加达开幕。越南国会主席王廷惠率团出席。"
               "大会期间,王廷惠会见了印度尼西亚国会议长布安·马哈拉尼。当天,王廷惠还会见了老挝国会主席赛宋蓬·丰威汉。")
    host = one(in_sentence(doc, "大会期间,王廷惠会见了印度尼西亚国会议长布安·马哈拉尼", "CONSULT"))
    assert (host.mode, names(host.actor), names(host.recipient)) == ("visit", {"王廷惠"}, {"布安·马哈拉尼"})
    guests = one(in_sentence(doc, "当天,王廷惠还会见了老挝国会主席赛宋蓬·丰威汉", "CONSULT"))
    assert (guests.mode, countries(guests.actor), guests.recipient) == ("third-party", {"VNM", "LAO"}, ())


def test_summoning_an_ambassador_regret_a_reply_letter_and_a_joint_military_exercise():
    summon = page("日本外务省召见中国驻日大使",
                  "共同社东京8月25日电 日本外务省25日召见中国驻日本大使吴江浩,提出抗议。")
    ev = one(in_sentence(summon, "日本外务省25日召见中国驻日本大使吴江浩", "ACCUSE"))
    assert (ev.mode, countries(ev.actor), countries(ev.recipient)) == ("disapprove", {"JPN"}, {"CHN"})
    regret = page("越南对菲律宾表示遗憾",
                  "越通社河内3月5日——越南外交部发言人范秋姮3月5日对菲律宾的上述行为表示遗憾。")
    assert countries(one(in_sentence(regret, "对菲律宾的上述行为表示遗憾", "ACCUSE")).recipient) == {"PHL"}
    letter = page("习近平复信美国友人", "新华社北京3月5日电 国家主席习近平近日复信美国艾奥瓦州友人。")
    assert one(in_sentence(letter, "国家主席习近平近日复信美国艾奥瓦州友人", "SUPPORT")).medium == "letter"
    drill = page("中俄举行联合军事演习",
                 "新华社北京7月14日电 中国人民解放军海军与俄罗斯海军7月14日在湛江举行联合军事演习。")
    ev = one(in_sentence(drill, "在湛江举行联合军事演习", "COOPERATE"))
    assert (countries(ev.actor), ev.recipient) == ({"CHN", "RUS"}, ())


def test_a_charge_whose_target_opens_the_next_clause():
    doc = page("外交部宣布与宏都拉斯断交",
               "（中央社记者黄雅诗台北26日电）外交部长吴钊燮今天召开记者会。吴钊燮批评，中国长期以各种手段打压台湾的国际空间。")
    ev = one(in_sentence(doc, "吴钊燮批评，中国长期以各种手段打压台湾的国际空间", "ACCUSE"))
    assert (names(ev.actor), countries(ev.recipient)) == ({"吴钊燮"}, {"CHN"})


def test_breaking_relations_is_a_sanction_and_a_time_since_it_is_not():
    doc = page("宏都拉斯與中華民國斷交",
               "（中央社記者黃雅詩台北26日電）宏國政府今天正式宣布與中華民國斷交。這是台美斷交以來最高層級的會面。")
    ev = one(in_sentence(doc, "宏国政府今天正式宣布与中华民国断交", "SANCTION"))
    assert (countries(ev.actor), countries(ev.recipient)) == ({"HND"}, {"TWN"})
    assert not in_sentence(doc, "这是台美断交以来最高层级的会面")


def test_a_ministers_meeting_attended_and_a_meeting_named_by_its_members_are_multilateral():
    s = "外交部长王毅25日在老挝首都万象出席中国—东盟（10+1）外长会。"
    doc = page("王毅出席中国—东盟外长会", f"中新网万象7月26日电 {s}")
    ev = one(told(doc, s, "CONSULT"))
    assert (ev.mode, countries(ev.recipient)) == ("multilateral", {"IGO"})
    s = "国务院总理李强27日在韩国首尔出席第九次中日韩领导人会议。"
    s2 = "会议期间，三国领导人发表联合宣言，同意继续推进三国自贸协定谈判。"
    doc = page("李强出席第九次中日韩领导人会议", f"新华社首尔5月27日电 {s}{s2}")
    ev = one(told(doc, s, "CONSULT"))
    assert (ev.mode, countries(ev.recipient)) == ("multilateral", {"IGO"})
    assert [e.org for e in ev.recipient] == ["中日韩领导人会议"]
    agreed = one(in_sentence(doc, s2, "AGREE"))  # the three, not the meeting
    assert countries(agreed.actor + agreed.recipient) == {"CHN", "JPN", "KOR"}
    s = "中国国务院总理李强、韩国总统尹锡悦和日本首相岸田文雄27日在首尔出席第九次中日韩领导人会议。"
    s2 = "三国领导人在会上同意推动三国合作全面重启。"
    doc = page("第九次中日韩领导人会议在首尔举行", f"（香港01）{s}{s2}")
    agreed = one(in_sentence(doc, s2, "AGREE"))  # its leaders named: they, not the meeting too
    assert countries(agreed.actor + agreed.recipient) == {"CHN", "JPN", "KOR"}
    s = "王毅在金边出席东亚合作外长系列会议。"
    ev = one(told(page("王毅出席东亚合作外长系列会议", f"新华社金边8月4日电 {s}"), s, "CONSULT"))
    assert (ev.mode, countries(ev.recipient)) == ("multilateral", {"IGO"})


def test_attending_a_meeting_and_chairing_it_with_another_minister_is_one_event():
    s = "外交部长王毅同泰国外长玛里斯共同主持会议，柬埔寨、老挝、缅甸、越南外长出席。"
    doc = page("王毅出席澜湄合作第九次外长会议",
               f"新华社清迈8月16日电 澜湄合作第九次外长会16日在泰国清迈举行。{s}")
    meetings = [e for e in doc.events if e.event == "CONSULT"]
    ev = one(meetings)
    assert (ev.mode, ev.main) == ("multilateral", True)
    assert countries(ev.actor) == {"CHN", "THA"} and countries(ev.recipient) == {"IGO"}


def test_arriving_in_a_city_to_begin_a_visit_and_visiting_in_a_country():
    s = "新加坡总理黄循财6日晚抵达吉隆坡，展开为期两天的访问。"
    ev = one(in_sentence(page("黄循财：两国关系密切", f"（吉隆坡7日讯）{s}"), s, "CONSULT"))
    assert (ev.mode, countries(ev.actor), countries(ev.recipient)) == ("visit", {"SGP"}, {"MYS"})
    s = "外交部长王毅于1月26日至29日在泰国访问。"
    ev = one(in_sentence(page("王毅：中泰一家亲", f"（曼谷30日讯）{s}"), s, "CONSULT"))
    assert (ev.mode, countries(ev.actor), countries(ev.recipient)) == ("visit", {"CHN"}, {"THA"})
    s = "美国总统特朗普当天上午抵达吉隆坡，展开对马来西亚的访问。"  # the visit as a noun
    ev = one(in_sentence(page("东盟峰会开幕", f"（吉隆坡27日讯）{s}"), s, "CONSULT"))
    assert (ev.mode, countries(ev.actor), countries(ev.recipient)) == ("visit", {"USA"}, {"MYS"})
    s = "小马科斯总统前天（29日）晚间抵达河内，展开对越南为期两天的国事访问。"
    assert coded("菲越签署备忘录", "（本报讯）", s) == ("CONSULT", {"PHL"}, {"VNM"})


def test_a_statement_with_each_of_several_and_a_second_partner_in_a_joined_clause():
    s = "美国还分别与泰国和越南发表关于对等贸易协定框架的联合声明。"
    doc = page("东盟峰会", f"（吉隆坡27日讯）美国总统特朗普26日抵达吉隆坡。{s}")
    assert sorted(sorted(countries(ev.actor)) for ev in in_sentence(doc, s, "SUPPORT")) == [
        ["THA", "USA"], ["USA", "VNM"]]
    s = "美国总统特朗普26日与马来西亚总理安华签署美马贸易协定，并与柬埔寨首相洪玛奈签署美柬贸易协定。"
    doc = page("东盟峰会", f"（吉隆坡27日讯）{s}")
    assert sorted(sorted(countries(ev.actor)) for ev in in_sentence(doc, s, "SUPPORT")) == [
        ["KHM", "USA"], ["MYS", "USA"]]


def test_rescuers_sent_to_a_disaster_abroad_are_aid_and_going_to_send_them_a_pledge():
    s = "由82名队员组成的中国救援队从北京首都国际机场乘包机出发，前往土耳其灾区开展国际救援。"
    ev = one(in_sentence(page("中国救援队出发", f"新华社北京2月7日电 {s}"), s, "AID"))
    assert (countries(ev.actor), countries(ev.recipient)) == ({"CHN"}, {"TUR"})
    s = "越南公安部救援队准备前往缅甸参加搜救工作。"
    assert coded("越南救援队", "越通社河内3月29日电 ", s) == ("AGREE", {"VNM"}, {"MMR"})


def test_a_headline_dated_by_the_lead_is_the_body_event_a_day_later():
    """The title's message takes the lead's date (the earthquake's); the body tells it a day
    later: one event, the body's."""
    doc = page("习近平就土耳其发生强烈地震向土耳其总统埃尔多安致慰问电",
               "新华社北京2月7日电 2月6日，土耳其南部发生强烈地震。国家主席习近平7日向土耳其总统埃尔多安致慰问电。")
    ev = one([e for e in doc.events if e.event == "SUPPORT"])
    assert (ev.date.value[-5:], ev.main) == ("02-07", True)


def test_a_request_joined_to_a_protest_by_bing_is_its_own_act():
    s = "越南坚决反对并要求台湾方面停止上述违法行为。"
    doc = page("越南外交部发言人就台湾演习答记者问", f"越通社河内4月27日电 {s}")
    got = {(e.event, frozenset(countries(e.actor)), frozenset(countries(e.recipient)))
           for e in in_sentence(doc, s)}
    assert got == {("ACCUSE", frozenset({"VNM"}), frozenset({"TWN"})),
                   ("REQUEST", frozenset({"VNM"}), frozenset({"TWN"}))}


def test_summoning_two_envoys_each_with_fenbie_is_two_acts():
    s = "外交部副部长邓励已分别召见欧盟驻华使团团长和日本驻华大使，提出严正交涉。"
    doc = page("外交部召见欧盟和日本使节", f"新华社北京8月4日电 {s}")
    summoned = [e for e in in_sentence(doc, s, "ACCUSE") if e.mode == "disapprove" and e.recipient]
    assert sorted(next(iter(countries(e.recipient))) for e in summoned) == ["IGO", "JPN"]


def test_a_sanction_named_among_topics_or_to_be_lifted_is_no_sanction():
    doc = page("习近平同拜登举行中美元首会晤", "新华社旧金山11月15日电 "
               "习近平指出，美方在出口管制、投资审查、单边制裁等方面不断出台针对中国的举措。"
               "美方应该认真对待中方关切，取消单边制裁，为中国企业提供公平的环境。")
    assert [e for e in doc.events if e.event == "SANCTION"] == []
    s = "欧盟22日宣布对4名中国官员实施制裁。"  # the act itself still is one
    assert coded("欧盟制裁中国官员", "新华社布鲁塞尔3月22日电 ", s) == ("SANCTION", {"IGO"}, {"CHN"})
    # an outlet's credit before it (`（德国之声中文网）`) is not its subject
    assert coded("欧盟制裁中国官员", "（德国之声中文网）", s) == ("SANCTION", {"IGO"}, {"CHN"})


def test_representations_made_after_a_summons_are_made_to_the_one_summoned():
    s = "8月2日深夜，外交部副部长谢锋奉命紧急召见美国驻华大使伯恩斯，就佩洛西窜台提出严正交涉和强烈抗议。"
    doc = page("外交部召见美国驻华大使", f"（澎湃新闻）佩洛西于8月2日晚抵达台北，开始对中国台湾地区的窜访。{s}")
    accused = in_sentence(doc, s, "ACCUSE")
    assert [(countries(e.actor), countries(e.recipient)) for e in accused] == [({"CHN"}, {"USA"})]


def test_a_ministrys_transcript_is_of_its_spokespersons_country():
    """No agency, no dateline: the spokesperson's country is the page's, so an official the
    knowledge base does not know (`外交部副部长邓励`) is of it."""
    s = "8月4日晚，外交部副部长邓励已召见日本驻华大使，提出严正交涉。"
    doc = page("2022年8月5日外交部发言人华春莹主持例行记者会", f"问：日方对此有何回应？\n答：{s}")
    ev = one([e for e in in_sentence(doc, s, "ACCUSE") if e.recipient])
    assert (countries(ev.actor), countries(ev.recipient)) == ({"CHN"}, {"JPN"})


def test_calling_off_a_planned_meeting_is_reject_meet():
    s = "中方4日已决定取消原定在金边举行的中日外长会见。"
    ev = one(in_sentence(page("中方取消中日外长会见", f"新华社北京8月5日电 {s}"), s))
    assert (ev.event, ev.mode, countries(ev.actor), countries(ev.recipient)) == (
        "REJECT", "meet", {"CHN"}, {"JPN"})


def test_water_cannon_on_a_ship_is_coercion_and_a_tariff_on_a_countrys_goods_a_sanction():
    s = "中國海警船在仁愛暗沙附近對執行補給任務的菲國船隻發射水砲。"
    doc = page("中國海警船再度攔阻補給", f"（中央社馬尼拉10日綜合外電報導）{s}")
    ev = one([e for e in doc.events if e.event == "COERCE"])  # the text is simplified: no index
    assert (countries(ev.actor), countries(ev.recipient)) == ({"CHN"}, {"PHL"})
    s = "国务院关税税则委员会发布公告，对原产于美国的进口商品加征关税。"
    assert coded("国务院关税税则委员会发布公告", "新华社北京4月11日电 ", s) == ("SANCTION", {"CHN"}, {"USA"})
    s = "中国外交部7日宣布，对美国里根总统图书馆和哈德逊研究所等机构采取反制措施。"
    assert coded("中方宣布反制", "（中央社台北8日电）", s) == ("SANCTION", {"CHN"}, {"USA"})


def test_both_sides_are_those_of_the_talks_just_told_in_the_same_sentence():
    s = "他当天与尹锡悦举行会谈，双方同意启动中韩外交安全对话机制。"
    doc = page("中日韩领导人会议在首尔举行",
               "（香港01）中国总理李强、韩国总统尹锡悦和日本首相岸田文雄27日出席中日韩领导人会议。"
               f"李强26日抵达首尔。{s}")
    agreed = one(in_sentence(doc, s, "AGREE"))
    assert names(agreed.actor + agreed.recipient) == {"李强", "尹锡悦"}


def test_the_country_of_a_visit_word_is_not_who_acts_next():
    """`开始为期三天的访华行程，…；在上海会见了…`: the one who visits meets, not 华."""
    s = "週一（4月15日）在上海會見了上海市委書記陳吉寧。"
    doc = page("蕭爾茨訪華", f"（德國之聲中文網）德國總理蕭爾茨週日（4月14日）抵達重慶，開始為期三天的訪華行程，"
               f"參觀了博世的工廠；{s}")
    ev = one([e for e in doc.events if e.event == "CONSULT" and e.date.value.endswith("04-15")])
    assert (names(ev.actor), names(ev.recipient)) == ({"萧尔茨"}, {"陈吉宁"})


def test_the_end_of_a_visit_is_no_plan_and_where_the_guest_goes_next_is():
    s = "习近平周四（17日）将结束对马来西亚的访问，前往柬埔寨进行国事访问。"
    assert coded("习近平结束访马", "（吉隆坡16日讯）", s) == ("AGREE", {"CHN"}, {"KHM"})
    s = "普拉博沃将于10日结束访华行程，随后前往美国同拜登总统会晤。"
    assert coded("普拉博沃结束访华", "新华社雅加达11月9日电 ", s) == ("AGREE", {"IDN"}, {"USA"})


def test_calling_on_someone_tomorrow_is_a_plan():
    s = "据悉，王毅25日将拜会首相菅义伟。"
    assert coded("王毅抵达东京", "共同社11月24日电 中国外交部长王毅24日抵达东京。", s) == ("AGREE", {"CHN"}, {"JPN"})


def test_attending_in_a_clause_after_a_plan_to_travel_is_planned():
    s = "普京还将于17日前往哈尔滨，出席第八届中俄博览会开幕式。"
    assert coded("普京抵达北京", "新华社北京5月16日电 ", s) == ("AGREE", {"RUS"}, {"CHN"})


def test_a_promise_to_ship_goods_is_to_where_the_sentence_says_they_arrive():
    s = "曹小林表示，中国海军舰艇还将运送第二批救灾物资，包括活动板房、发电机等，预计近期运抵汤加。"
    assert coded("中国援助汤加首批救灾物资运抵", "中新网1月28日电 ", s) == ("AGREE", {"CHN"}, {"TON"})


def test_drills_around_another_party_show_it_force_and_drills_with_a_partner_are_cooperation():
    around = page("东部战区在台岛周边开展演训",
                  "新华社南京8月4日电 中国人民解放军东部战区8月4日至7日在台岛周边海空域组织实战化联合演训。")
    drill = one([e for e in around.events if e.event == "MOBILIZE"])
    assert (countries(drill.actor), countries(drill.recipient)) == ({"CHN"}, {"TWN"})
    traditional = page("中共宣布在台灣周邊軍演",
                       "（中央社記者台北8日電）中共東部戰區今天宣布，4月8日至10日在台灣海峽、台島北部、"
                       "南部及台島以東海空域組織「聯合利劍」演習。")
    assert [(e.event, countries(e.recipient)) for e in traditional.events] == [
        ("MOBILIZE", {"TWN"})]
    joint = page("中柬举行联合演习",
                 "新华社金边5月16日电 中国军队与柬埔寨皇家军队16日在柬埔寨磅士卑省举行“金龙”联合演习。"
                 "越南海军15日在本国海域举行实弹演习。本次演习为期半个月。")
    assert [(e.event, countries(e.actor), countries(e.recipient)) for e in joint.events] == [
        ("COOPERATE", {"CHN", "KHM"}, set())]


def test_a_price_to_be_paid_is_a_threat_to_the_one_who_will_pay_it():
    doc = page("中方召见美国驻华大使",
               "新华社北京8月3日电 8月2日深夜，外交部副部长谢锋奉命紧急召见美国驻华大使伯恩斯，就佩洛西窜台"
               "提出严正交涉和强烈抗议。谢锋表示，美方必将为自己的错误付出代价。"
               "他说，日本为侵略战争付出了沉重代价。")
    threat = one([e for e in doc.events if e.event == "THREATEN"])
    assert (names(threat.actor), countries(threat.recipient), threat.date.value) == (
        {"谢锋"}, {"USA"}, "--08-02")


def test_joint_declarations_and_communiques_are_their_parties_statements():
    summit = page("中日韩领导人会议在首尔举行",
                  "韩联社首尔5月27日电 中国国务院总理李强27日在首尔同韩国总统尹锡悦、日本首相岸田文雄共同出席"
                  "第九次中日韩领导人会议。会议结束后，三国发表联合宣言。")
    declared = one(in_sentence(summit, "会议结束后，三国发表联合宣言", "SUPPORT"))
    assert (countries(declared.actor), declared.recipient) == ({"CHN", "JPN", "KOR"}, ())
    talks = page("美越领导人会谈",
                 "新华社河内9月11日电 美国总统拜登10日在河内同越共中央总书记阮富仲举行会谈。"
                 "根据两国当天发表的联合领导人声明，两国将加强合作。")
    stated = one([e for e in talks.events if e.event == "SUPPORT"])
    assert (names(stated.actor), stated.date.value) == ({"约瑟夫·拜登", "阮富仲"}, "--09-10")
    meeting = page("澜湄合作外长会在清迈举行",
                   "新华社清迈8月15日电 澜湄合作外长会15日在清迈举行，泰国外长玛里斯和中国外长王毅共同主持会议。"
                   "会议同意落实五年行动计划，并发表联合新闻公报。")
    communique_ = one(in_sentence(meeting, "并发表联合新闻公报", "SUPPORT"))
    assert (names(communique_.actor), communique_.recipient) == ({"玛里斯", "王毅"}, ())


def test_a_sanction_on_an_envoy_named_by_office():
    doc = page("國台辦宣布制裁蕭美琴",
               "（中央社記者台北8日電）總統蔡英文5日在加州與美國眾議院議長麥卡錫會面。"
               "中國國台辦同日宣布，對駐美代表蕭美琴實施制裁，禁止其本人及家屬進入中國大陸和港澳地區。")
    ban = one([e for e in doc.events if e.event == "SANCTION"])
    assert ({a.org for a in ban.actor}, names(ban.recipient)) == ({"国务院台湾事务办公室"}, {"萧美琴"})


def test_a_joint_patrol_planned_is_an_agreement_and_one_held_is_cooperation():
    doc = page("中俄海上联合演习结束",
               "新华社湛江7月14日电 “海上联合-2024”演习14日在湛江结束，中国海军与俄罗斯海军参加。"
               "双方参演兵力还将在西太平洋、北太平洋有关海域开展第四次海上联合巡航。")
    plan = one(in_sentence(doc, "双方参演兵力还将在西太平洋、北太平洋有关海域开展第四次海上联合巡航"))
    assert (plan.event, countries(plan.actor), plan.recipient) == ("AGREE", {"CHN", "RUS"}, ())
    held = page("越中海军开展联合巡逻",
                "越通社河内12月3日——越南海军和中国海军舰艇12月2日在北部湾开展联合巡逻。"
                "联合巡逻过程中,双方舰艇按照计划保持编队航行,开展了通信联络和联合搜救演练。")
    assert {e.event for e in held.events} == {"COOPERATE"}


def test_a_protest_after_a_summons_goes_to_the_envoy_not_to_the_victims_of_the_matter():
    doc = page("菲律賓召見中國大使",
               "（中央社馬尼拉11日綜合外電報導）菲律賓外交部今天召見中國駐菲律賓大使黃溪連，就中國海警船週末"
               "在黃岩島附近對菲律賓船隻發射水砲一事提出抗議。")
    protests = [e for e in doc.events if e.event == "ACCUSE"]
    assert {(frozenset(countries(e.actor)), frozenset(names(e.recipient))) for e in protests} == {
        (frozenset({"PHL"}), frozenset({"黄溪连"}))}


def test_trespass_charged_in_an_answer_is_the_spokespersons_accusation():
    doc = page("2023年10月24日外交部发言人毛宁主持例行记者会",
               "问：菲律宾外交部昨天召见中国驻菲律宾大使黄溪连。中方有何回应？\n"
               "答：菲方船只擅闯中国南沙群岛仁爱礁邻近海域，责任完全在菲方。")
    charge = one(in_sentence(doc, "菲方船只擅闯中国南沙群岛仁爱礁邻近海域", "ACCUSE"))
    assert (names(charge.actor), countries(charge.recipient)) == ({"毛宁"}, {"PHL"})


def test_a_clause_joined_to_a_plan_or_to_the_past_is_not_a_meeting_held():
    plan = page("外交部发言人宣布王毅将访问美国",
                "新华社北京10月24日电 外交部发言人宣布，应美国国务卿布林肯邀请，外交部长王毅将于10月26日至28日"
                "访问美国。访美期间，王毅外长将同布林肯国务卿举行会谈，并会见美方其他官员。")
    assert {e.event for e in plan.events} == {"AGREE"}
    past = page("习近平同印尼总统普拉博沃会谈",
                "新华社北京11月9日电 国家主席习近平9日在人民大会堂同印尼总统普拉博沃举行会谈。"
                "今年4月，普拉博沃曾以当选总统身份访华，并同习近平会晤。")
    assert [e.date.value for e in past.events] == ["--11-09"]


def test_an_ask_to_honour_a_commitment_is_an_ask_for_change():
    doc = page("习近平会见石破茂",
               "新华社利马11月15日电 国家主席习近平15日在利马会见日本首相石破茂。"
               "习近平希望日方在历史、台湾等重大原则问题上恪守政治承诺。")
    ask = one([e for e in doc.events if e.event == "REQUEST"])
    assert (ask.mode, countries(ask.recipient)) == ("change", {"JPN"})


def test_a_breach_of_sovereignty_is_disapproval_and_a_deliberate_ramming_an_allegation():
    doc = page("越南外交部发言人回答记者提问",
               "越通社河内4月2日——越南外交部发言人黎氏秋姮强调,中国海警船只的上述行为侵犯了越南对黄沙群岛的主权。\n"
               "菲律宾海警发言人说，中国海警船蓄意冲撞菲方补给船。")
    modes = {(next(iter(countries(e.actor))), e.mode) for e in doc.events if e.event == "ACCUSE"}
    assert modes == {("VNM", "disapprove"), ("PHL", "allege")}


def test_guests_meeting_during_a_summit_abroad_meet_in_a_third_country():
    doc = page("习近平出席金砖国家领导人第十六次会晤",
               "新华社喀山10月23日电 22日下午，习近平乘专机抵达喀山。当天，习近平在喀山会见俄罗斯总统普京。\n"
               "23日，习近平在会晤期间分别会见印度总理莫迪和伊朗总统佩泽希齐扬。")
    modes = {next(iter(countries(e.actor + e.recipient) - {"CHN"})): e.mode
             for e in doc.events if e.event == "CONSULT"}
    assert modes == {"RUS": "visit", "IND": "third-party", "IRN": "third-party",
                     "IGO": "multilateral"}  # the summit the title says he attended


def test_two_guests_of_a_summit_meet_in_a_third_country_after_one_met_the_host():
    doc = page("李强出席第九次中日韩领导人会议",
               "首尔5月27日电 中国国务院总理李强、韩国总统尹锡悦和日本首相岸田文雄今日（27日）在首尔出席"
               "第九次中日韩领导人会议。\n李强26日抵达首尔，出席会议并对韩国进行正式访问。他当天与尹锡悦举行"
               "会谈。\n李强26日还与岸田文雄举行会谈。")
    modes = {frozenset(countries(e.actor + e.recipient)): e.mode
             for e in doc.events if e.event == "CONSULT" and e.mode != "multilateral"}
    assert modes == {frozenset({"CHN", "KOR"}): "visit", frozenset({"CHN", "JPN"}): "third-party"}


def test_a_visit_told_by_its_short_word_and_one_called_off():
    doc = page("德国总理朔尔茨访华",
               "德国之声4月16日 德国总理萧尔茨4月14日抵达重庆，开始为期三天的访华行程。"
               "此次访华期间，他参观了博世的工厂。"
               "日中两国原定今年春天实现中国国家主席习近平以国宾身份访日，但因疫情推迟。")
    visits = [(countries(e.actor), countries(e.recipient)) for e in doc.events]
    assert visits == [({"DEU"}, {"CHN"})]


def test_envoys_presenting_credentials_each_to_the_president_and_what_each_was_told():
    doc = page("越南国家主席梁强接受多国新任驻越大使递交国书",
               "越南之声广播电台报道：3月5日下午，越南国家主席梁强在河内主席府举行仪式，分别接受新任日本驻越南"
               "大使伊藤直树、新任阿根廷驻越南大使马塞洛·戈雅和新任老挝驻越南大使坎葆·本帕坎递交国书。\n"
               "伊藤直树表示，日方将积极推动两国高层互访，并邀请梁强主席在方便的时候访问日本。\n"
               "在同阿根廷大使马塞洛·戈雅交谈时，梁强建议阿方推动早日承认越南市场经济地位。")
    visits = [e for e in doc.events if e.event == "CONSULT"]
    assert sorted(next(iter(countries(e.actor))) for e in visits) == ["ARG", "JPN", "LAO"]
    assert {frozenset(names(e.recipient)) for e in visits} == {frozenset({"梁强"})}
    invite = one([e for e in doc.events if e.event == "AGREE"])
    assert countries(invite.recipient) == {"VNM"}
    ask = one([e for e in doc.events if e.event == "REQUEST"])
    assert countries(ask.recipient) == {"ARG"}


def test_ties_cut_with_our_country_on_a_taiwanese_page_and_regret_at_the_decision():
    doc = page("索羅門群島與我斷交",
               "中時新聞網 > 政治 > 外交\n2019/09/16 18:22\n"
               "索羅門群島內閣今（16）日表決通過與我國斷交、改與中華人民共和國建交。外交部長吳釗燮今日宣布，"
               "即刻終止與索羅門群島的外交關係。\n"
               "吳釗燮在記者會上強烈譴責中國以金錢外交及虛假援助承諾利誘索國政客。\n"
               "美國國務院官員今日則表示，對索國的決定感到失望。")
    got = {(e.event, frozenset(countries(e.actor)), frozenset(countries(e.recipient)))
           for e in doc.events}
    assert got == {("SANCTION", frozenset({"SLB"}), frozenset({"TWN"})),
                   ("SANCTION", frozenset({"TWN"}), frozenset({"SLB"})),
                   ("ACCUSE", frozenset({"TWN"}), frozenset({"CHN"})),
                   ("ACCUSE", frozenset({"USA"}), frozenset({"SLB"}))}


def test_a_rescue_team_named_by_its_province_aids_the_country_it_reached():
    doc = page("中国救援队抵达缅甸",
               "新华社仰光3月29日电 云南救援队一行37人于29日凌晨抵达仰光，随后赶赴受灾严重的曼德勒开展搜救工作。")
    aid = one([e for e in doc.events if e.event == "AID"])
    assert (countries(aid.actor), countries(aid.recipient)) == ({"CHN"}, {"MMR"})


def test_opposition_to_this_after_a_charge_is_aimed_at_the_one_charged():
    doc = page("立陶宛允许台湾设立代表处 中方坚决反对",
               "法广7月20日 中国外交部在声明中说，立陶宛政府不顾中方多次申明利害，宣布允许台湾当局以「台湾」"
               "名义设立「代表处」，公然违背中立两国建交公报精神。中方对此表示坚决反对。")
    charged = {frozenset(countries(e.recipient)) for e in doc.events if e.event == "ACCUSE"}
    assert charged == {frozenset({"LTU"})}


def test_leaders_of_several_countries_to_attend_one_event_are_one_plan():
    doc = page("2025年8月28日外交部发言人郭嘉昆主持例行记者会",
               "郭嘉昆：应国家主席习近平邀请，越南国家主席梁强、老挝人民革命党中央总书记、国家主席"
               "通伦·西苏里、柬埔寨首相洪玛奈等26位外国领导人将出席9月3日在北京举行的纪念中国人民抗日战争"
               "暨世界反法西斯战争胜利80周年大会。")
    plan = one([e for e in doc.events if e.event == "AGREE"])
    assert countries(plan.actor) == {"VNM", "LAO", "KHM"}


def test_strong_opposition_to_a_partys_attempt_and_praise_of_the_chair_country():
    doc = page("日越防长会谈",
               "日经中文网9月11日 日本防卫大臣岸信夫10日与越南国防部长潘文江举行会谈。"
               "岸信夫对中国在东海和南海单方面改变现状的尝试表示强烈反对。\n"
               "中方赞赏东盟轮值主席国马来西亚为此所作的斡旋努力。")
    opposed = one([e for e in doc.events if e.event == "ACCUSE"])
    assert (names(opposed.actor), countries(opposed.recipient)) == ({"岸信夫"}, {"CHN"})
    praised = one([e for e in doc.events if e.event == "SUPPORT"])
    assert countries(praised.recipient) == {"MYS"}


def test_attending_a_celebration_held_where_the_page_said_it_was():
    doc = page("老挝隆重庆祝建国50周年",
               "巴特寮通讯社万象12月2日电 12月2日上午，庆祝老挝人民民主共和国成立50周年大会在万象国家会议中心"
               "隆重举行。越南国家主席梁强率越南党政高级代表团出席庆祝大会。")
    went = one([e for e in doc.events if e.event == "CONSULT"])
    assert (names(went.actor), countries(went.recipient)) == ({"梁强"}, {"LAO"})


def test_a_headline_asking_a_question_tells_no_event():
    doc = page("李强将于明年访问澳大利亚？", "新华社北京12月1日电 外交部发言人说，我们会适时发布消息。")
    assert doc.events == ()


def test_a_generals_rank_is_no_plan_in_a_welcome():
    doc = page("越中两国防长举行会谈",
               "人民军队报10月17日 越南国防部长吴春历大将同中国国防部长魏凤和上将举行会谈。"
               "会谈中，吴春历大将欢迎魏凤和上将访问越南，高度评价中国国防部近年来为推动两军关系发展所作出的积极贡献。")
    assert "AGREE" not in {e.event for e in doc.events}
    praise = one([e for e in doc.events if e.event == "SUPPORT"])
    assert (names(praise.actor), countries(praise.recipient)) == ({"吴春历"}, {"CHN"})


def test_an_ask_put_with_qing_to_the_party_named_right_after_it():
    doc = page("韩中元首通电话",
               "韩联社首尔6月10日电 李在明10日与习近平通电话。李在明请中方为实现朝鲜半岛无核化与和平稳定发挥"
               "建设性作用。习近平请李在明转达对韩国人民的良好祝愿。越南申请加入该组织。")
    ask = one([e for e in doc.events if e.event == "REQUEST"])
    assert (names(ask.actor), countries(ask.recipient)) == ({"李在明"}, {"CHN"})


def test_a_month_named_for_something_else_does_not_date_the_next_day():
    """`这是…10月就任首相后首次出访。2日，…`: the month is of the taking office; the 2nd is the
    report's month."""
    doc = page("日本首相访问泰国", "新华社曼谷11月3日电 日本首相岸田文雄1日抵达曼谷，开始对泰国进行正式"
               "访问。这是岸田文雄10月就任首相后首次出访。2日，岸田文雄在曼谷与泰国总理巴育举行会谈。")
    talks = one(in_sentence(doc, "2日，岸田文雄在曼谷与泰国总理巴育举行会谈", "CONSULT"))
    assert talks.date.value == "--11-02"


def test_a_remark_on_the_event_does_not_move_the_day_of_what_follows():
    """`这是马克龙15日连任后…首次通话`: the 15th is the re-election's; the thanks after it are
    the call's."""
    doc = communique.extract(
        "中法元首通电话\n\n新华社北京4月20日电 国家主席习近平20日同法国总统马克龙通电话。"
        "这是马克龙15日连任后两国元首首次通话。马克龙感谢中方为法国抗击疫情提供的帮助。\n",
        published="2022-04-20")
    thanks = one(in_sentence(doc, "马克龙感谢中方", "SUPPORT"))
    assert thanks.date.value == "2022-04-20"


def test_an_act_counted_as_an_anniversary_or_remarked_on_is_not_reported_again():
    """`条约签署30周年` is a time counted from; `这是普京第五次访问越南` remarks on the visit
    the page told."""
    s = "今年恰逢俄越友好关系基本原则条约签署30周年，这是普京第五次访问越南。"
    doc = page("普京访问越南", f"塔斯社河内6月20日电 俄罗斯总统普京20日抵达河内，开始对越南进行国事访问。{s}")
    assert not in_sentence(doc, s)


def test_a_warning_of_further_measures_is_a_threat_at_the_party_warned():
    s = "菅义伟表示，如果朝鲜不采取具体行动，日本将考虑采取进一步的措施。"
    doc = page("日本对朝鲜实施制裁", f"共同社东京2月10日电 日本政府10日决定对朝鲜实施独自制裁。{s}")
    threat = one(in_sentence(doc, s, "THREATEN"))
    assert (countries(threat.actor), countries(threat.recipient)) == ({"JPN"}, {"PRK"})
    s = "国防部发言人表示，这次演习是对民进党当局的严重警告。"
    doc = page("东部战区演习", f"新华社北京5月23日电 {s}")
    assert countries(one(in_sentence(doc, s, "THREATEN")).actor) == {"CHN"}



def test_a_local_outlets_bare_ministry_is_its_countrys():
    """`外交部` in 菲律宾商报 is the Philippines' (kb/agencies.tsv)."""
    s = "外交部14日召见中国驻菲律宾大使黄溪连，就中国海警船只在仁爱礁附近的行动提出抗议。"
    doc = page("菲外交部召见中国大使", f"菲律宾商报讯 {s}")
    protest = one(in_sentence(doc, s, "ACCUSE"))
    assert (countries(protest.actor), countries(protest.recipient)) == ({"PHL"}, {"CHN"})


def test_what_is_done_by_video_is_not_a_call_but_attending_by_video_is_by_video():
    s = "16日，习近平与佐科举行会谈，两国元首共同以视频方式观看雅万高铁试验运行。"
    doc = page("习近平同佐科会谈", f"新华社巴厘岛11月16日电 {s}")
    assert [(e.event, e.medium) for e in in_sentence(doc, s)] == [("CONSULT", "in_person")]
    s = "国务院总理李强在人民大会堂以视频方式出席第23次中国—东盟领导人会议。"
    doc = page("李强出席领导人会议", f"新华社北京11月15日电 {s}")
    attended = one(in_sentence(doc, s, "CONSULT"))
    assert (attended.mode, attended.medium) == ("multilateral", "video")


def test_a_meeting_told_half_a_year_before_the_report_is_background():
    s = "2017年11月，他在河内与来访的中国国家主席习近平举行会谈。"
    doc = page("越南国家主席陈大光逝世", "越通社河内2018年9月21日电 越南国家主席陈大光21日在河内逝世。"
               f"陈大光2016年当选国家主席。{s}")
    assert not in_sentence(doc, s)
    s = "2018年7月，他在河内与来访的中国国家主席习近平举行会谈。"  # two months before: reported
    doc = page("越南国家主席", f"越通社河内2018年9月21日电 越南国家主席陈大光21日出席会议。{s}")
    assert in_sentence(doc, s, "CONSULT")


def test_who_arrived_in_a_country_is_the_visitor_of_the_leader_he_meets_there():
    s = "金正恩10日下午抵达新加坡，当晚在总统府会见新加坡总理李显龙。"
    doc = page("朝美领导人会晤", f"新华社新加坡6月12日电 {s}")
    met = [e for e in in_sentence(doc, s, "CONSULT") if names(e.recipient) == {"李显龙"}]
    assert (names(one(met).actor), one(met).mode) == ({"金正恩"}, "visit")


def test_a_day_told_as_the_past_does_not_date_the_answer_after_it():
    s = "在回答记者提问时，范秋姮要求中方尊重越南对黄沙群岛的主权。"
    doc = communique.extract(
        "越南外交部例行记者会\n\n越通社河内9月7日电 越南外交部发言人范秋姮7日主持例行记者会。"
        f"今年3月29日，阮富仲总书记曾同拜登总统通电话。\n{s}\n", published="2023-09-07")
    assert one(in_sentence(doc, s, "REQUEST")).date.value == "2023-09-07"


def test_the_two_heads_are_those_of_the_meeting_just_named():
    """`两国元首` is the page's main meeting's pair, unless a meeting was just named."""
    s = "16日，习近平与佐科举行会谈，两国元首共同见证签署多项合作文件。"
    doc = page("习近平出席二十国集团峰会", "新华社巴厘岛11月16日电 14日，习近平与美国总统拜登举行会晤。"
               f"15日，习近平出席峰会。{s}")
    signed = one(in_sentence(doc, s, "SUPPORT"))
    assert countries(signed.actor) == {"CHN", "IDN"}


def test_the_spokesperson_named_before_the_first_question_answers():
    doc = communique.extract(
        "商务部新闻发布会\n\n中华人民共和国商务部 > 新闻发布\n\n2月16日，商务部发布公告。"
        "商务部新闻发言人束珏婷当天在例行新闻发布会上回答了记者提问。\n"
        "问：美国商务部将6家中国实体列入实体清单，商务部对此有何评论？\n"
        "答：美方滥用出口管制措施，中方对此坚决反对。我们敦促美方立即纠正错误做法。\n",
        published="2023-02-16")
    asks = [e for e in doc.events if e.event == "REQUEST"]
    assert [(names(e.actor), countries(e.recipient)) for e in asks] == [({"束珏婷"}, {"USA"})]


def test_meetings_told_without_a_place_on_a_page_of_a_summit_abroad_are_third_party():
    s = "15日，习近平分别会见了澳大利亚总理阿尔巴尼斯和韩国总统尹锡悦。"
    doc = page("二十国集团峰会闭幕", "（本报讯）二十国集团领导人第十七次峰会16日在巴厘岛闭幕。"
               "14日，习近平与拜登举行会晤，双方同意美国国务卿布林肯适时访华。" + s)
    met = in_sentence(doc, s, "CONSULT")
    assert [(e.mode, countries(e.actor)) for e in met] == [
        ("third-party", {"CHN", "AUS"}), ("third-party", {"CHN", "KOR"})]


def test_a_message_naming_no_addressee_goes_where_the_messages_before_went():
    s = "柬埔寨国王诺罗敦·西哈莫尼和首相洪森22日分别致唁电。"
    doc = page("多国领导人致唁电", "越通社河内9月22日电 老挝国家主席本扬·沃拉吉21日致电越共中央总书记阮富仲，"
               f"对陈大光主席逝世表示沉痛哀悼。{s}")
    sent = in_sentence(doc, s, "SUPPORT")
    assert sent and all(countries(e.recipient) == {"VNM"} for e in sent)


def test_a_groupings_joint_statement_is_not_the_pages_main_pair():
    s = "七国集团（G7）外长3日发表联合声明，对中国的实弹军演表示关切。"
    doc = page("裴洛西访台", "（中央社记者台北3日电）美国联邦众议院议长裴洛西今天上午在总统府与总统蔡英文"
               f"会面。\n\n{s}")
    assert not [e for e in in_sentence(doc, s, "SUPPORT")
                if countries(e.actor) & {"USA", "TWN"}]


def test_who_arrived_in_a_capital_is_the_visitor_there():
    s = "当天下午，黄循财会见了马来西亚总理安瓦尔。"
    doc = page("黄循财会见安瓦尔", f"（新加坡讯）新加坡总理黄循财7日抵达吉隆坡。{s}")
    met = one(in_sentence(doc, s, "CONSULT"))
    assert (countries(met.actor), countries(met.recipient), met.mode) == ({"SGP"}, {"MYS"}, "visit")


def test_relief_goods_delivered_are_aid_but_delivered_warplanes_are_not():
    s = "印度海军护卫舰14日抵达仰光港，向缅方交付一批救援物资。"
    doc = page("印度向缅甸交付救援物资", f"新华社仰光9月14日电 {s}")
    given = one(in_sentence(doc, s, "AID"))
    assert (countries(given.actor), countries(given.recipient)) == ({"IND"}, {"MMR"})
    s = "美国向台湾交付首批F-16V战机。"
    assert not in_sentence(page("美国交付战机", f"中央社台北3月20日电 {s}"), s, "AID")


def test_two_people_witnessing_a_signing_together_are_both_its_actors():
    s = "会谈后，两人共同见证签署多项合作文件。"
    doc = page("习近平同沙特王储会谈", "新华社利雅得12月8日电 国家主席习近平8日在利雅得同沙特王储兼首相穆罕默德"
               f"举行会谈。穆罕默德表示，沙方坚定奉行一个中国政策。{s}")
    signed = one(in_sentence(doc, s, "SUPPORT"))
    assert (countries(signed.actor), signed.recipient) == ({"CHN", "SAU"}, ())


def test_both_sides_charging_a_party_of_neither_is_an_accusation_their_own_relations_are_not():
    lead = "日本外相上川阳子在马尼拉同菲律宾外长马纳罗举行会谈。"
    event, actor, recipient = coded("日菲外长会谈", lead, "双方批评中国海警近期采取的危险行为。")
    assert (event, actor, recipient) == ("ACCUSE", {"JPN", "PHL"}, {"CHN"})
    doc = page("日菲外长会谈", f"{lead}双方批评对方近期采取的做法。")
    assert in_sentence(doc, "双方批评对方近期采取的做法。") == []


def test_concern_at_a_press_conference_is_at_who_acted_in_the_question_not_at_the_reporter():
    doc = page("2024年1月12日外交部发言人毛宁主持例行记者会",
               "毛宁：王毅将于1月13日至18日访问埃及。\n\n"
               "法新社记者：美国和英国当地时间12日凌晨对也门胡塞武装目标发动空袭。中方对此有何评论？\n\n"
               "毛宁：中方对红海局势升级表示关切，呼吁有关各方保持冷静克制。")
    ev = one(in_sentence(doc, "中方对红海局势升级表示关切", "ACCUSE"))
    assert countries(ev.recipient) == {"USA", "GBR"}


def test_both_sides_are_a_pair_named_before_not_one_named_in_a_later_sentence():
    body = ("峰会在比利时首都布鲁塞尔举行。双方在会后发表了联合声明。\n\n"
            "不过，联合声明在俄乌冲突问题上措辞模糊。")
    doc = page("峰会在布鲁塞尔举行", body)
    assert [countries(e.actor) for e in in_sentence(doc, "双方在会后发表了联合声明")] == []
    doc = page("中越经贸合作", "中越经贸合作持续深化。双方在会后发表了联合声明。")
    assert [countries(e.actor) for e in in_sentence(doc, "双方在会后发表了联合声明")] == [
        {"CHN", "VNM"}]


def test_who_came_to_sign_in_the_other_partys_capital_is_the_guest_of_its_later_talks():
    s = "签字仪式前，高虎城与罗布举行了会谈。"
    doc = page("中澳双方正式签署自由贸易协定",
               "新华社堪培拉6月17日电 商务部部长高虎城与澳大利亚贸易与投资部长安德鲁·罗布17日在堪培拉分别代表两国政府"
               f"正式签署《中澳自由贸易协定》。{s}")
    ev = one(in_sentence(doc, s, "CONSULT"))
    assert ev.mode == "visit" and countries(ev.actor) == {"CHN"} and countries(ev.recipient) == {"AUS"}


def test_stopping_exports_to_a_party_is_a_sanction_on_it():
    event, actor, recipient = coded("中国宣布反制措施", "", "中国商务部今天宣布，暂停对台湾出口天然砂。")
    assert (event, actor, recipient) == ("SANCTION", {"CHN"}, {"TWN"})
    event, actor, recipient = coded("中方决定撤销许可", "",
                                    "中国外交部宣布，中方决定撤销对美国驻成都总领事馆设立和运行的许可。")
    assert (event, actor, recipient) == ("SANCTION", {"CHN"}, {"USA"})


def test_a_plan_to_go_on_to_a_summit_is_made_to_the_summits_organisation_not_its_host():
    s = "习近平将于明日离开吉隆坡，前往印尼峇厘岛出席亚太经合组织领导人非正式会议。"
    doc = page("习近平结束对马来西亚国事访问", f"中国国家主席习近平4日在吉隆坡同马来西亚总理纳吉布举行会谈。{s}")
    ev = one(in_sentence(doc, s, "AGREE"))
    assert [(e.kind, e.country) for e in ev.recipient] == [("igo", "IGO")]


def test_a_leader_arriving_in_another_country_begins_a_visit_to_it():
    s = "安倍15日晚结束对印尼的访问后抵达河内。"
    event, actor, recipient = coded("安倍访问东南亚", "日本首相安倍晋三14日在雅加达与印尼总统佐科举行会谈。", s)
    assert (event, actor, recipient) == ("CONSULT", {"JPN"}, {"VNM"})
    doc = page("中国救援队抵达缅甸", "中国救援队26日抵达仰光。习近平将于下周抵达河内。")
    assert [e for e in doc.events if e.event == "CONSULT"] == []  # a team; a plan


def test_a_leader_arriving_with_no_place_named_arrives_where_the_pages_visits_are_made():
    s = "特朗普于10日晚抵达，11日中午在总统府与李显龙举行工作午餐。"
    doc = page("特金会在新加坡举行", f"金正恩10日下午抵达新加坡，当晚在总统府会见新加坡总理李显龙。{s}")
    ev = one([e for e in in_sentence(doc, s, "CONSULT") if e.trigger[1] - e.trigger[0] == 2
              and doc.text[e.trigger[0] : e.trigger[1]] == "抵达"])
    assert countries(ev.actor) == {"USA"} and countries(ev.recipient) == {"SGP"}


def test_we_in_an_answer_urging_the_countries_concerned_urges_those_the_question_named():
    s = "答：我们再次敦促有关国家立即纠正错误，否则中方将作出坚决回应。"
    doc = page("2021年3月23日外交部发言人华春莹主持例行记者会",
               "问：美国、英国、加拿大也于22日宣布对中方有关人员实施制裁，中方是否会作出回应？\n\n" + s)
    asked = one(in_sentence(doc, s, "REQUEST"))
    assert names(asked.actor) == {"华春莹"}
    assert countries(asked.recipient) == {"USA", "GBR", "CAN"}
    warned = one(in_sentence(doc, s, "THREATEN"))  # `否则…`: an act of its own, not the request's
    assert countries(warned.recipient) == {"USA", "GBR", "CAN"}


def test_a_meeting_attended_is_the_object_of_its_verb_not_who_visits_next():
    doc = page("习近平抵达阿姆斯特丹 出席第三届核安全峰会并访问荷兰",
               "3月22日，国家主席习近平乘专机抵达阿姆斯特丹，开始对荷兰进行国事访问。")
    visits = [e for e in doc.events if e.event == "CONSULT" and e.mode == "visit"]
    assert visits and all(countries(e.actor) == {"CHN"} for e in visits)
    assert {c for e in visits for c in countries(e.recipient)} == {"NLD"}


def test_a_meeting_in_a_country_named_as_its_place_is_a_visit_there():
    s = "美国联邦众议院议长裴洛西8月1日在新加坡与总理李显龙会面。"
    ev = one(in_sentence(page("裴洛西访问亚洲", s), s, "CONSULT"))
    assert ev.mode == "visit" and countries(ev.actor) == {"USA"} and countries(ev.recipient) == {"SGP"}
    s = "国防部长董军5月31日在新加坡与美国国防部长奥斯汀举行会谈。"
    ev = one(in_sentence(page("董军出席香格里拉对话会", s), s, "CONSULT"))
    assert ev.mode == "third-party"


def test_holding_to_the_one_china_policy_is_support_for_china():
    event, actor, recipient = coded("习近平同安华会谈", "", "安华表示，马方坚定奉行一个中国政策。")
    assert (event, actor, recipient) == ("SUPPORT", {"MYS"}, {"CHN"})
    doc = page("越南政府工作会议", "越方坚持一个原则，就是发展经济。")
    assert doc.events == ()


def test_condolences_on_a_death_go_to_the_country_of_the_one_who_died():
    event, actor, recipient = coded("普京致唁电", "", "俄罗斯总统普京20日就越共中央总书记阮富仲逝世致唁电。")
    assert (event, actor, recipient) == ("SUPPORT", {"RUS"}, {"VNM"})
    event, actor, recipient = coded("习近平致唁电", "", "习近平就美国前总统卡特逝世向美国总统拜登致唁电。")
    assert (event, actor, recipient) == ("SUPPORT", {"CHN"}, {"USA"})


def test_a_province_of_another_country_thanked_stands_for_its_government():
    s = "越南四省书记感谢广西在抗击新冠肺炎疫情中给予的宝贵帮助。"
    ev = one(in_sentence(page("越南四省与广西举行新春会晤", s), s, "SUPPORT"))
    assert countries(ev.actor) == {"VNM"}
    assert [(e.kind, e.org, e.country) for e in ev.recipient] == [("org", "广西", "CHN")]


def test_a_speech_to_another_states_parliament_or_at_an_organisations_seat_is_a_visit():
    speeches = ("8日上午，特朗普在韩国国会发表演讲。", "他在演讲中猛烈抨击朝鲜政权。",
                "当天，习近平还在联合国教科文组织总部发表演讲。",
                "文在寅9日在韩国国会发表施政演讲。", "王毅在博鳌亚洲论坛发表主旨演讲。")
    doc = page("特朗普在韩国国会发表演讲", "新华社首尔11月8日电 美国总统特朗普7日抵达首尔，"
               "开始对韩国进行国事访问。" + "".join(speeches))
    assert [(names(e.actor), e.mode, [r.org for r in e.recipient])
            for e in in_sentence(doc, speeches[0], "CONSULT")] == [
        ({"唐纳德·特朗普"}, "visit", ["韩国国会"])]
    unesco = one(in_sentence(doc, speeches[2], "CONSULT"))
    assert (names(unesco.actor), [r.org for r in unesco.recipient]) == ({"习近平"}, ["联合国教科文组织"])
    for s in speeches[1], speeches[3], speeches[4]:  # a speech told; at home; at a forum
        assert in_sentence(doc, s, "CONSULT") == []


def test_an_appeal_made_to_a_party_named_before_the_verb_is_a_request_to_it():
    asks = ("28日，阿博特和外长毕晓普向印尼总统佐科发出最后呼吁，要求暂缓对两人行刑。",
            "菲律宾总统阿基诺28日向佐科求情，要求赦免菲律宾女佣维罗索。")
    doc = page("澳大利亚召回驻印尼大使", "2015年4月29日 澳大利亚总理阿博特29日宣布召回驻印尼大使。" + "".join(asks))
    for s, who in zip(asks, ({"阿博特", "毕晓普"}, {"贝尼尼奥·阿基诺三世"}), strict=True):
        asked = one(in_sentence(doc, s, "REQUEST"))
        assert (names(asked.actor), names(asked.recipient)) == (who, {"佐科·维多多"})


def test_both_sides_of_a_pair_just_named_asked_by_a_third_is_a_request_to_that_pair():
    s = "埃尔多安表示，土耳其会继续担任俄乌之间的调停人，并希望双方尽快恢复和谈。"
    doc = page("埃尔多安与泽连斯基会谈", "土耳其总统埃尔多安18日到访乌克兰利沃夫，与乌克兰总统泽连斯基举行会谈。" + s)
    asked = one(in_sentence(doc, s, "REQUEST"))
    assert (names(asked.actor), countries(asked.recipient), asked.mode) == (
        {"雷杰普·塔伊普·埃尔多安"}, {"RUS", "UKR"}, "meet")
    # the talks' own sides wished well by one of them: no request
    s2 = "泽连斯基希望双方关系不断发展。"
    assert in_sentence(page("埃尔多安与泽连斯基会谈", "土耳其总统埃尔多安18日与乌克兰总统泽连斯基举行会谈。" + s2),
                       s2, "REQUEST") == []


def test_a_meeting_called_off_is_refused_to_the_one_to_be_met_and_an_insult_is_an_accusation():
    off = "奥巴马原定6日与菲律宾总统杜特尔特举行会晤，但白宫5日晚宣布取消会晤。"
    insult = "杜特尔特5日在启程前往老挝前对记者发表讲话时，出言辱骂奥巴马。"
    doc = page("奥巴马访问老挝", "美国总统奥巴马5日晚抵达万象，开始对老挝进行访问。" + off + insult)
    refused = one(in_sentence(doc, off, "REJECT"))
    assert (refused.mode, [a.org for a in refused.actor], names(refused.recipient)) == (
        "meet", ["白宫"], {"罗德里戈·杜特尔特"})
    accused = one(in_sentence(doc, insult, "ACCUSE"))
    assert (names(accused.actor), names(accused.recipient)) == ({"罗德里戈·杜特尔特"}, {"巴拉克·奥巴马"})


def test_a_promise_to_supply_or_to_mediate_is_an_agreement_a_supply_chain_is_not():
    supply = "普京表示，俄方愿继续向越南稳定供应石油、液化天然气等能源。"
    mediate = "川普表示，如果越南需要，他愿意在南海争端中担任调解人。"
    chain = "双方表示，将加强核心矿产供应链合作。"
    doc = page("普京访问越南", "越南国家主席苏林20日在河内同普京举行会谈。" + supply + mediate + chain)
    assert countries(one(in_sentence(doc, supply, "AGREE")).recipient) == {"VNM"}
    assert len(in_sentence(doc, mediate, "AGREE")) == 1
    assert in_sentence(doc, chain, "AGREE") == []


def test_reserving_the_right_to_further_measures_threatens_the_party_the_story_is_about():
    s = "德方保留采取进一步政治、经济和发展合作方面措施的权利。"
    doc = page("德国驱逐越南情报官员", "德国外交部2日发表声明，指控越南情报部门参与绑架。"
               "德国外交部国务秘书当天召见越南驻德国大使。发言人舍费尔当天在记者会上表示，" + s)
    threat = one(in_sentence(doc, s, "THREATEN"))
    assert (countries(threat.actor), countries(threat.recipient)) == ({"DEU"}, {"VNM"})


def test_sitting_in_on_a_summit_named_before_is_attending_it():
    s = "美国国务卿希拉里30日出席东亚峰会，俄罗斯外长拉夫罗夫亦列席。"
    doc = page("第五届东亚峰会在河内举行", "第五届东亚峰会30日在河内举行。" + s)
    attended = {(next(iter(names(e.actor))), e.recipient[0].org) for e in in_sentence(doc, s, "CONSULT")}
    assert attended == {("希拉里", "东亚峰会"), ("谢尔盖·拉夫罗夫", "东亚峰会")}, attended


def test_an_envoy_attending_an_event_where_he_is_posted_makes_no_visit():
    s = "驻越南大使何炜在河内出席中国政府援越救灾物资交接仪式。"
    doc = page("何炜出席救灾物资交接仪式", "2024年9月13日，" + s + "越南外交部副部长杜雄越出席。")
    assert in_sentence(doc, s, "CONSULT") == []
    s2 = "中国外交部副部长孙卫东在河内出席中国政府援越救灾物资交接仪式。"
    assert countries(one(in_sentence(page("孙卫东出席交接仪式", "9月13日，" + s2), s2,
                                      "CONSULT")).recipient) == {"VNM"}


def test_more_and_more_holds_no_visit_to_vietnam():
    s = "从沙伊复交到叙利亚重返阿盟进程加速，中东地区国家正越来越多地寻求战略自主。"
    assert in_sentence(page("中东国家寻求战略自主", s), s) == []


def test_a_plan_to_attend_the_china_central_asia_summit_is_made_to_the_summit_not_its_guest():
    plan = "明天（17日），习近平将出席在阿斯塔纳举行的第二届中国—中亚峰会。"
    guest = "5月18日上午，国家主席习近平在西安同来华出席中国—中亚峰会并进行国事访问的吉尔吉斯斯坦总统扎帕罗夫举行会谈。"
    doc = page("托卡耶夫与习近平举行会谈", "哈萨克斯坦总统托卡耶夫16日在阿斯塔纳同习近平举行会谈。" + plan)
    assert [r.org for r in one(in_sentence(doc, plan, "AGREE")).recipient] == ["中国—中亚峰会"]
    met = in_sentence(page("习近平同扎帕罗夫会谈", guest), guest, "CONSULT")
    assert [countries(e.recipient) | countries(e.actor) for e in met] == [{"CHN", "KGZ"}]


def test_commentary_on_the_story_reports_no_act():
    s = "分析指出，中日关系自9月撞船事件后持续紧张，河内的“走廊会谈”显示双方均有意避免关系进一步恶化。"
    s2 = "分析人士认为，两国复交有助于缓和也门等地区热点问题。"
    doc = page("温家宝菅直人河内走廊会谈", "温家宝30日在河内与日本首相菅直人进行了交谈。" + s + s2)
    assert in_sentence(doc, s) == [] and in_sentence(doc, s2) == []


def test_a_joint_statement_planned_is_an_agreement_one_issued_with_a_decision_is_support():
    plan = "双方将于明日（17日）发表联合声明。"
    done = "两位总理宣布将两国关系提升为全面战略伙伴关系，并发表关于建立全面战略伙伴关系的联合声明。"
    doc = page("习近平同安华会谈", "习近平16日在布城同安华举行会谈。" + plan + done)
    assert [e.event for e in in_sentence(doc, plan)] == ["AGREE"]
    assert "SUPPORT" in [e.event for e in in_sentence(doc, done)]


def test_flags_at_half_mast_for_another_countrys_leader_are_condolences_to_it():
    s = "古巴国务委员会9月22日宣布，为悼念越南国家主席陈大光，古巴全国降半旗志哀。"
    own = "越南全国降半旗两天，悼念国家主席陈大光。"
    doc = page("古巴降半旗悼念陈大光", s + own)
    mourned = one(in_sentence(doc, s, "SUPPORT"))
    assert (countries(mourned.actor), countries(mourned.recipient)) == ({"CUB"}, {"VNM"})
    assert in_sentence(doc, own) == []


def test_opposing_a_party_is_an_accusation_a_disowned_or_listed_opposition_is_none():
    s = "习近平强调，中方反对美韩在韩国部署“萨德”反导系统。"
    disowned = "拜登表示，美方不寻求通过强化同盟关系反对中国。"
    listed = "日本政府无视国际社会的强烈质疑和反对，单方面启动排海。"
    doc = page("习近平会见朴槿惠", "习近平5日在杭州会见韩国总统朴槿惠。" + s + disowned + listed)
    opposed = one(in_sentence(doc, s, "ACCUSE"))
    assert countries(opposed.recipient) == {"USA", "KOR"}
    assert in_sentence(doc, disowned, "ACCUSE") == [] and in_sentence(doc, listed, "ACCUSE") == []


def test_lashing_out_at_a_regime_is_an_accusation():
    s = "他在演讲中猛烈抨击朝鲜政权，称朝鲜是“一座地狱”。"
    doc = page("特朗普在韩国国会发表演讲", "8日上午，特朗普在韩国国会发表演讲。" + s)
    accused = one(in_sentence(doc, s, "ACCUSE"))
    assert (names(accused.actor), countries(accused.recipient)) == ({"唐纳德·特朗普"}, {"PRK"})


def test_mocking_or_rebuking_a_leader_is_an_accusation():
    for s, target in (("川普12日在推特上嘲讽朝鲜领导人金正恩。", "PRK"),
                      ("中国外交部发言人12日斥责美国政府。", "USA")):
        accused = one(in_sentence(page("外交动态", s), s, "ACCUSE"))
        assert countries(accused.recipient) == {target}, s


def test_what_an_agreement_provides_is_no_act():
    by = "根据协定，两国军队可前往对方国家开展联合训练。"
    says = "6月19日，普京与金正恩在平壤签署条约，条约规定一方遭受武装入侵时，另一方应立即提供军事援助。"
    doc = page("日菲签署互惠准入协定", "日本和菲律宾8日在马尼拉签署《互惠准入协定》。" + by + says)
    assert in_sentence(doc, by) == []
    assert [e.event for e in in_sentence(doc, says)] == ["SUPPORT"]  # the signing alone


def test_the_two_are_the_two_people_just_named_not_the_pages_hosts():
    s = "两人昨日（7日）在东亚峰会开始前的休息室内有过短暂交谈。"
    doc = page("奥巴马访问老挝", "美国总统奥巴马6日在万象与老挝国家主席本扬举行会谈。"
               "菲律宾总统杜特尔特5日在启程前往老挝前出言辱骂奥巴马。" + s)
    talked = one(in_sentence(doc, s, "CONSULT"))
    assert countries(talked.actor) | countries(talked.recipient) == {"USA", "PHL"}


def test_a_summit_named_again_by_its_kind_acts_as_its_organisation():
    s = "峰会正式决定邀请美国和俄罗斯从明年起成为东亚峰会成员。"
    doc = page("第五届东亚峰会在河内举行", "第五届东亚峰会30日在河内举行。俄罗斯外长拉夫罗夫列席。" + s)
    invited = one(in_sentence(doc, s, "AGREE"))
    assert ([a.org for a in invited.actor], countries(invited.recipient)) == (
        ["东亚峰会"], {"USA", "RUS"})


def test_chairing_a_summit_named_in_the_sentence_before_is_attending_it():
    s = "国家主席习近平4日至5日主持峰会，并在峰会前后同来华与会的多国领导人举行双边会见。"
    doc = page("习近平在杭州峰会期间会见多国领导人",
               "新华社杭州9月5日电 二十国集团领导人杭州峰会5日下午在杭州国际博览中心闭幕。" + s)
    chaired = one(in_sentence(doc, s[:20], "CONSULT"))
    assert (chaired.mode, [e.org for e in chaired.recipient]) == ("multilateral", ["二十国集团"])


def test_chairing_a_meeting_of_ones_own_abroad_is_no_visit():
    s = "王毅12日在河内主持召开中国驻东南亚国家使节会议。"
    assert in_sentence(page("王毅主持召开使节会议", s), s) == []


def test_a_summits_chair_and_its_guests_named_after_are_one_meeting():
    s = "峰会15日开幕，佐科主持会议，中国国家主席习近平、美国总统拜登等出席。"
    doc = page("二十国集团领导人第十七次峰会在巴厘岛开幕", s)
    met = in_sentence(doc, s, "CONSULT")
    assert len(met) == 1
    assert countries(met[0].actor) == {"IDN", "CHN", "USA"} and countries(met[0].recipient) == {"IGO"}


def test_a_declaration_an_organisation_of_states_signs_is_its_act():
    s = "东盟领导人22日签署《吉隆坡宣言》，宣布年底正式成立东盟共同体。"
    signed = one(in_sentence(page("东盟共同体宣告成立", s), s, "SUPPORT"))
    assert [e.org for e in signed.actor] == ["东盟"] and signed.recipient == ()


def test_one_organisation_of_states_backing_another_is_international():
    s = "欧洲理事会主席米歇尔表示，欧盟支持东盟在地区架构中的中心地位。"
    backed = one(in_sentence(page("欧盟-东盟纪念峰会举行", s), s, "SUPPORT"))
    assert ([e.org for e in backed.actor], [e.org for e in backed.recipient]) == (["欧盟"], ["东盟"])


def test_an_organisations_member_count_does_not_end_the_list_of_signatories():
    s = "东盟十国以及中国、日本、韩国、澳大利亚、新西兰的贸易部长签署了《区域全面经济伙伴关系协定》。"
    signed = one(in_sentence(page("RCEP正式签署", s), s, "SUPPORT"))
    assert countries(signed.actor) == {"IGO", "CHN", "JPN", "KOR", "AUS", "NZL"}


def test_taiwans_leaders_are_known_parties():
    s = "习近平将于7日在新加坡同马英九会面，就推进两岸关系和平发展交换意见。"
    planned = one(in_sentence(page("两岸领导人将在新加坡会面", s), s, "AGREE"))
    assert countries(planned.actor) | countries(planned.recipient) == {"CHN", "TWN"}


def test_an_embassys_own_site_is_its_states_outlet():
    s = "3月28日，姜再冬大使还应约同老挝外交部长沙伦赛·贡玛西通电话。"
    doc = communique.extract("中华人民共和国驻老挝人民民主共和国大使馆\n首页 > 使馆新闻\n\n"
                             "中国政府抗疫医疗专家组抵达老挝\n\n老挝副总理宋赛·西潘敦、驻老挝大使姜再冬等到机场迎接。" + s)
    call = one(in_sentence(doc, s, "CONSULT"))
    assert (call.mode, countries(call.actor)) == ("phone", {"CHN", "LAO"})


def test_recalling_an_envoy_is_against_the_state_he_was_posted_to():
    s = "澳大利亚总理阿博特29日宣布召回驻印尼大使格里格森，抗议印尼处决两名澳大利亚公民。"
    recalled = one(in_sentence(page("澳大利亚召回驻印尼大使", s), s, "SANCTION"))
    assert (countries(recalled.actor), countries(recalled.recipient)) == ({"AUS"}, {"IDN"})


def test_an_envoy_whose_posting_is_not_told_attending_a_ceremony_makes_no_visit():
    s = "新华社万象3月24日电 姜再冬大使在万象向老挝卫生部移交了中国政府援助老挝的首批抗疫物资。"
    doc = page("姜再冬大使出席中国援老挝抗疫物资交接仪式", s)
    assert [e.event for e in doc.events] == ["AID"]


def test_a_journey_planned_to_a_list_of_countries_goes_to_each():
    s = "随后，王毅将前往马来西亚、老挝、泰国、新加坡访问。"
    doc = page("王毅访问东南亚", "新华社北京10月12日电 王毅12日在北京会见柬埔寨副首相。" + s)
    planned = one(in_sentence(doc, s, "AGREE"))
    assert countries(planned.recipient) == {"MYS", "LAO", "THA", "SGP"}


def test_signing_by_video_is_no_call():
    s = "2020年10月12日，中柬两国以视频方式签署《中华人民共和国政府和柬埔寨王国政府自由贸易协定》。"
    assert [e.event for e in in_sentence(page("中柬签署自贸协定", s), s)] == ["SUPPORT"]


def test_leaders_named_with_one_attending_a_summit_attend_it_with_him():
    s = "30日，习近平同巴西总统特梅尔、俄罗斯总统普京、印度总理莫迪和南非总统拉马福萨出席金砖国家领导人非正式会晤。"
    went = [e for e in in_sentence(page("金砖国家领导人会晤", s), s, "CONSULT") if e.recipient]
    assert len(went) == 1 and countries(went[0].actor) == {"CHN", "BRA", "RUS", "IND", "ZAF"}
    assert countries(went[0].recipient) == {"IGO"}


def test_a_summit_attended_only_as_the_setting_of_a_meeting_is_not_coded_apart():
    s = "5月31日，国防部长董军在新加坡出席第21届香格里拉对话会期间，同美国国防部长奥斯汀举行会谈。"
    met = in_sentence(page("董军会见奥斯汀", s), s, "CONSULT")
    assert len(met) == 1 and countries(met[0].actor) | countries(met[0].recipient) == {"CHN", "USA"}


def test_a_welcome_ceremony_before_the_talks_is_the_visit_on_the_talks_day():
    s = "会谈前，安瓦尔总理在首相府主持隆重仪式，欢迎苏林总书记。"
    doc = page("苏林与安瓦尔举行会谈", "当地时间11月22日上午，在马来西亚布城首相府，越共中央总书记苏林同马来西亚总理"
               "安瓦尔·易卜拉欣举行会谈。\n苏林总书记一行于11月21日下午抵达吉隆坡，开始对马来西亚进行正式访问。" + s)
    assert not [e for e in doc.events if e.event == "SUPPORT"]  # no welcome apart from the visit
    assert sorted(e.date.value[-5:] for e in doc.events) == ["11-21", "11-22"]  # arrival, talks


def test_a_navys_ships_arriving_at_a_foreign_port_visit_its_country():
    s = "参加中俄“海上联合-2012”军事演习的俄罗斯海军太平洋舰队舰艇编队21日上午抵达青岛某军港。"
    called = one(in_sentence(page("俄舰艇编队抵达青岛", s), s, "CONSULT"))
    assert (called.mode, countries(called.actor), countries(called.recipient)) == (
        "visit", {"RUS"}, {"CHN"})
    s = "印度海军“萨特普拉”号护卫舰9月14日抵达仰光港，向缅方交付一批救援物资，包括干粮、衣物和药品。"
    assert in_sentence(page("印度援缅物资运抵", s), s, "CONSULT") == []


def test_threats_in_other_words_and_at_the_separatists():
    s = "如果美方一意孤行，中方必将作出坚决反制。"
    warned = one(in_sentence(page("外交部回应", "中国外交部发言人赵立坚6日表示，" + s), s, "THREATEN"))
    assert countries(warned.recipient) == {"USA"}
    s = "如果“台独”分裂势力挑衅逼迫，甚至突破红线，我们将不得不采取断然措施。"
    warned = one(in_sentence(page("中美元首视频会晤", "习近平指出，" + s), s, "THREATEN"))
    assert [e.org for e in warned.recipient] == ["“台独”分裂势力"]


def test_hosts_each_to_receive_one_guest_are_his_plans_to_call_on_each():
    s = "据悉，访华期间，国家主席习近平、全国人大常委会委员长张德江将分别会见阮春福。"
    doc = communique.extract("李克强同阮春福举行会谈\n\n中新网北京9月12日电 国务院总理李克强12日同越南政府"
                             "总理阮春福举行会谈。\n\n" + s, published="2016-09-12")
    plans = in_sentence(doc, s, "AGREE")
    assert sorted((countries(e.actor).pop(), e.recipient[0].name) for e in plans) == [
        ("VNM", "习近平"), ("VNM", "张德江")]
    assert {e.date.value for e in plans} == {"2016-09"}  # some day of the visit
    s = "据越南媒体报道，访俄期间，张晋创还将前往莫斯科会见俄罗斯总理梅德韦杰夫。"
    doc = communique.extract("张晋创访问乌克兰\n\n新华社基辅7月27日电 越南国家主席张晋创27日在基辅同乌克兰总统亚努科维奇"
                             "举行会谈。\n\n" + s, published="2012-07-28")
    assert {e.date.value for e in in_sentence(doc, s, "AGREE")} == {"2012-07"}  # a source's lead too


def test_a_guest_meeting_another_guest_on_his_hosts_soil_meets_in_a_third_country():
    s = "1日，习近平还分别会见了法国总统马克龙和土耳其总统埃尔多安。"
    doc = page("习特会达成共识", "国家主席习近平当地时间1日晚在布宜诺斯艾利斯同美国总统特朗普举行工作晚宴会晤。\n" + s
               + "\n按照日程，习近平2日起将对阿根廷进行国事访问，并同阿根廷总统马克里举行会谈。")
    assert {e.mode for e in in_sentence(doc, s, "CONSULT")} == {"third-party"}


def test_a_meeting_named_as_what_is_attended_is_no_meeting_of_its_own():
    s = "金正恩26日乘专列抵达同登站，随后换乘汽车前往河内，出席第二次朝美首脑会谈。"
    doc = page("金正恩抵达越南", s)  # the title's visit, and no talks held with America
    assert [countries(e.recipient) for e in doc.events if e.event == "CONSULT"] == [{"VNM"}]


def test_a_statement_the_two_sides_issued_is_theirs_not_its_publishers():
    s = "白宫稍后公布双方发表的联合声明。"
    doc = page("奥巴马会见张晋创", "美国总统奥巴马25日在白宫会见越南国家主席张晋创。" + s)
    stated = one(in_sentence(doc, s, "SUPPORT"))
    assert (countries(stated.actor), stated.recipient) == ({"USA", "VNM"}, ())
    assert all(e.kind == "person" for e in stated.actor)


def test_a_meeting_or_visit_named_as_a_matter_or_a_time_is_no_event():
    s = "特朗普在返国专机上分别与文在寅及日本首相安倍晋三通电话，通报会晤情况。"
    calls = in_sentence(page("特朗普结束新加坡之行", s), s, "CONSULT")
    assert sorted(len(e.actor) for e in calls) == [2, 2] and {e.mode for e in calls} == {"phone"}
    s = "访问越南前，李克强在泰国进行了正式访问。"
    went = in_sentence(page("李克强结束东南亚之行", s), s, "CONSULT")
    assert [countries(e.recipient) for e in went] == [{"THA"}]


def test_going_on_to_visit_a_list_of_countries_is_a_plan_to_visit_each():
    s = "据悉，马克龙27日将在河内同越南青年学生交流，随后前往印度尼西亚和新加坡访问。"
    doc = page("马克龙结束访越", "法国总统马克龙26日在河内同越南国家主席梁强举行会谈。" + s)
    planned = [e for e in in_sentence(doc, s, "AGREE") if countries(e.recipient) - {"VNM"}]
    assert [countries(e.recipient) for e in planned] == [{"IDN", "SGP"}]


def test_a_visit_welcomed_in_words_is_support_not_the_visit():
    s = "范秋姮表示，越方欢迎拜登总统访越，相信此访将为越美关系在新时期的发展注入新动力。"
    doc = page("越南外交部例行记者会", "越南外交部发言人范秋姮7日在例行记者会上回答记者提问。" + s)
    assert [(e.event, countries(e.recipient)) for e in in_sentence(doc, s)] == [("SUPPORT", {"USA"})]


def test_a_letter_is_support_only_when_it_greets_thanks_or_mourns():
    s = "6月9日，中国常驻联合国副代表王民致函联合国秘书长潘基文，阐明中方立场。"
    assert in_sentence(page("中方致函联合国秘书长", s), s, "SUPPORT") == []
    s = "新加坡总理李显龙致函祝贺洪玛奈就任柬埔寨首相。"
    assert len(in_sentence(page("李显龙致函洪玛奈", s), s, "SUPPORT")) == 1


def test_the_chair_named_after_a_meeting_attended_attends_it_too():
    s = "11月12日晚，国务院总理李克强在人民大会堂以视频方式出席第23次中国—东盟领导人会议，会议由越南总理阮春福主持。"
    went = one(in_sentence(page("李克强出席中国—东盟领导人会议", s), s, "CONSULT"))
    assert (countries(went.actor), countries(went.recipient), went.medium) == (
        {"CHN", "VNM"}, {"IGO"}, "video")


def test_a_countrys_young_people_or_families_are_no_party():
    s = "据悉，马克龙27日将在河内同越南青年学生交流，随后前往印度尼西亚访问。"
    doc = page("马克龙结束访越", "法国总统马克龙26日在河内同越南国家主席梁强举行会谈。" + s)
    assert [countries(e.recipient) for e in in_sentence(doc, s, "AGREE")] == [{"IDN"}]


def test_a_plan_to_meet_two_leaders_not_each_apart_is_one_plan():
    s = "莫迪5日将出席全会，并在论坛期间会见日本首相安倍晋三和马来西亚总理马哈蒂尔。"
    doc = page("莫迪抵达符拉迪沃斯托克", "印度总理莫迪4日同俄罗斯总统普京举行会谈。" + s)
    planned = [e for e in in_sentence(doc, s, "AGREE") if countries(e.recipient) & {"JPN", "MYS"}]
    assert [countries(e.recipient) for e in planned] == [{"JPN", "MYS"}]


def test_agreements_signed_pair_by_pair_are_one_signing_a_pair():
    s = ("当地时间9月15日，以色列总理内塔尼亚胡、阿联酋外长阿卜杜拉和巴林外交大臣扎耶尼在美国白宫南草坪，"
         "分别签署了以色列与阿联酋、以色列与巴林关系正常化协议。")
    signed = in_sentence(page("以色列与阿联酋、巴林签署关系正常化协议", s), s, "SUPPORT")
    assert sorted(sorted(countries(e.actor)) for e in signed) == [["ARE", "ISR"], ["BHR", "ISR"]]


def test_a_boycott_or_ban_names_its_target_by_where_it_is_or_comes_from():
    s = "白宫新闻秘书普萨基6日宣布，美国政府将不派官方代表出席北京冬奥会。"
    boycott = one(in_sentence(page("美国宣布外交抵制", s), s, "SANCTION"))
    assert (countries(boycott.actor), countries(boycott.recipient)) == ({"USA"}, {"CHN"})


def test_a_countrys_side_speaks_for_it():
    s = "巴勒斯坦方面对此强烈反对。"
    doc = page("以色列与阿联酋签署协议", "以色列总理内塔尼亚胡和阿联酋外长阿卜杜拉15日在白宫签署关系正常化协议。" + s)
    assert countries(one(in_sentence(doc, s, "ACCUSE")).actor) == {"PSE"}


def test_an_act_told_of_two_together_and_of_each_apart_is_the_acts_apart():
    s = "巴西和荷兰召回驻印尼大使 1月18日，巴西和荷兰分别宣布召回驻印尼大使，抗议印尼处决两国公民。"
    recalled = in_sentence(page("印尼处决毒贩引发外交风波", s), s, "SANCTION")
    assert sorted(sorted(countries(e.actor)) for e in recalled) == [["BRA"], ["NLD"]]
    assert sum(e.main for e in page("印尼处决毒贩引发外交风波", s).events) <= 1


def test_a_refusal_naming_no_one_refuses_the_party_that_asked():
    s = "特朗普在记者会上说，朝方要求全面解除制裁，美方无法接受。"
    refused = one(in_sentence(page("河内峰会无果而终", s), s, "REJECT"))
    assert (countries(refused.actor), countries(refused.recipient)) == ({"USA"}, {"PRK"})
