"""The gazetteer on real sentences from the seed pages: what it finds, and where."""

from __future__ import annotations

import pytest

from communique.entities.gazetteer import Hit, gazetteer
from communique.entities.names import canonical_person, normalise_name


def found(text: str) -> list[tuple[str, str, str]]:
    """(matched text, kind, key) of every hit, checking the spans index ``text``."""
    out = []
    for h in gazetteer().find(text):
        assert 0 <= h.start < h.end <= len(text)
        out.append((text[h.start : h.end], h.kind, h.key))
    return out


def test_party_leader_chain() -> None:
    text = "越共中央总书记阮富仲同统俄党主席、俄罗斯联邦安全会议副主席梅德韦杰夫举行会谈"
    hits = gazetteer().find(text)
    assert [(h.start, h.end, h.kind, h.key) for h in hits] == [
        (0, 4, "org", "org:越南共产党中央委员会"),
        (4, 7, "role", "role:总书记"),
        (7, 10, "person", "person:阮富仲"),
        (11, 14, "org", "org:统一俄罗斯党"),
        (14, 16, "role", "role:主席"),
        (17, 26, "org", "org:俄罗斯联邦安全会议"),
        (26, 29, "role", "role:副主席"),
        (29, 34, "person", "person:德米特里·梅德韦杰夫"),
    ]
    person = hits[2]
    assert (person.name, person.country, person.sector, person.role) == (
        "阮富仲", "VNM", "PTY", "总书记")
    medvedev = hits[-1]
    assert medvedev.name == "德米特里·梅德韦杰夫" and medvedev.country == "RUS"
    assert medvedev.latin == "Dmitry Medvedev"


def test_minister_with_rank() -> None:
    text = "2月5日,俄罗斯联邦国防部部长谢尔盖·绍伊古(Sergey Shoigu)大将已主持仪式"
    assert found(text) == [
        ("俄罗斯联邦国防部", "org", "org:俄罗斯联邦国防部"),
        ("部长", "role", "role:部长"),
        ("谢尔盖·绍伊古", "person", "person:谢尔盖·绍伊古"),
        ("大将", "rank", "rank:大将"),
    ]
    org = gazetteer().find(text)[0]
    assert (org.country, org.sector, org.start) == ("RUS", "MIL", 5)


def test_vice_ministers_pair_and_side() -> None:
    text = ("越共中央委员、外交部副部长、越中双方合作指导委员会越方秘书长黎怀忠同中国外交部副部长、"
            "中越双边合作指导委员会中方秘书长罗照辉举行视频会议")
    got = found(text)
    assert ("外交部副部长", "role", "role:外交部副部长") in got
    assert ("越中", "pair", "pair:VNM-CHN") in got
    assert ("越方", "side", "side:VNM") in got
    assert ("黎怀忠", "person", "person:黎怀忠") in got
    assert ("中国外交部", "org", "org:中国外交部") in got
    assert ("中越", "pair", "pair:CHN-VNM") in got
    assert ("中方", "side", "side:CHN") in got
    assert got[-1] == ("罗照辉", "person", "person:罗照辉")
    pair = next(h for h in gazetteer().find(text) if h.kind == "pair")
    assert pair.countries == ("VNM", "CHN") and pair.country is None


def test_lao_leader() -> None:
    text = ("裴氏明怀拜会了正在对越南进行国事访问的"
            "老挝人民革命党中央委员会总书记、国家主席通伦·西苏里。")
    got = found(text)
    assert got == [
        ("裴氏明怀", "person", "person:裴氏明怀"),
        ("越南", "country", "country:VNM"),
        ("老挝人民革命党中央委员会", "org", "org:老挝人民革命党中央委员会"),
        ("总书记", "role", "role:总书记"),
        ("国家主席", "role", "role:国家主席"),
        ("通伦·西苏里", "person", "person:通伦·西苏里"),
    ]


def test_pairs_in_seed_sentences() -> None:
    assert ("越老", "pair", "pair:VNM-LAO") in found("加强青年一代对越老特殊关系的宣传教育")
    assert ("越俄", "pair", "pair:VNM-RUS") in found("有效促进越俄防务合作")
    assert ("老越", "pair", "pair:LAO-VNM") in found("将进一步巩固和发展老越两党、两国")
    assert ("古越", "pair", "pair:CUB-VNM") in found("继续深化古越两党、两国和两国人民")
    assert ("越新", "pair", "pair:VNM-SGP") in found("越新两国")
    text = "阮志咏高度评价越俄热带中心和俄方捐赠院内的移动诊所"
    assert ("俄方", "side", "side:RUS") in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "关注中老年人的健康",
        "27日中午双方举行会谈",
        "越来越美好的生活",
        "越来越多的企业",
        "推动两国关系迈向新方向",
        "在执法方面加强合作",
        "在会谈中加强沟通",
        "他对此表示满意",
        "双边和多边合作",
        "在这里加强合作",
        "美元汇率",
        "会安排会谈",
        "内容包罗万象",
        "形成都市圈",
        "出访中美洲友邦",
    ],
)
def test_ordinary_words_are_not_pairs_or_sides(text: str) -> None:
    kinds = {k for _, k, _ in found(text)}
    assert not kinds & {"pair", "side", "place", "person", "country"}, found(text)


def test_rejected_pair_is_scanned_again() -> None:
    # 中美 is not a pair in 其中美国, 中越 not in 会谈中越方: the rest is still found
    assert found("其中美国代表团") == [("美国", "country", "country:USA"),
                                    ("代表团", "institution", "institution:代表团")]
    assert found("会谈中越方表示") == [("越方", "side", "side:VNM")]
    assert found("27日中越双方") == [("中越", "pair", "pair:CHN-VNM")]
    assert found("越老挝") == [("老挝", "country", "country:LAO")]
    assert found("日本") == [("日本", "country", "country:JPN")]
    assert found("东盟与中日韩领导人") == [("东盟", "igo", "igo:东盟"),
                                      ("中日韩", "pair", "pair:CHN-JPN-KOR")]


def test_three_short_forms_make_a_trilateral_compound() -> None:
    assert found("韩美日外长") == [("韩美日", "pair", "pair:KOR-USA-JPN"),
                                ("外长", "role", "role:外交部长")]
    assert [h.countries for h in gazetteer().find("越老柬三国")] == [("VNM", "LAO", "KHM")]
    assert found("中老年人") == []


def test_longest_wins() -> None:
    # a full organisation name beats country + institution; a country beats a pair
    assert found("俄罗斯国防部副部长亚历山大·福明") == [
        ("俄罗斯国防部", "org", "org:俄罗斯联邦国防部"),
        ("副部长", "role", "role:副部长"),
        ("亚历山大·福明", "person", "person:亚历山大·福明"),
    ]
    assert found("越南与墨西哥议会合作") == [
        ("越南", "country", "country:VNM"),
        ("墨西哥", "country", "country:MEX"),
        ("议会", "institution", "institution:议会"),
    ]
    assert found("胡志明市人民委员会常务副主席阮禄河")[0] == (
        "胡志明市人民委员会", "org", "org:胡志明市人民委员会")
    assert found("中国驻胡志明市总领事唐立") == [
        ("中国", "country", "country:CHN"),
        ("胡志明市", "place", "place:胡志明市"),
        ("总领事", "role", "role:总领事"),
        ("唐立", "person", "person:唐立"),
    ]


def test_igos() -> None:
    got = found("联合国促进性别平等和增强妇女权能署驻越南办事处与南非驻越南大使馆")
    assert got[0] == ("联合国促进性别平等和增强妇女权能署", "igo", "igo:联合国妇女署")
    hit = gazetteer().find("东盟")[0]
    assert (hit.country, hit.sector, hit.org) == ("IGO", "IGO", "东盟")
    assert found("国际佛教联合会(International Buddhist Confederation,IBC)")[-1] == (
        "IBC", "igo", "igo:国际佛教联合会")
    # a Latin acronym inside a longer Latin word is not a match
    assert found("UNESCOX IBCD") == []


def test_name_spellings_and_aliases_in_text() -> None:
    assert found("亚历山大•福明上将") == [("亚历山大•福明", "person", "person:亚历山大·福明"),
                                      ("上将", "rank", "rank:上将")]
    assert found("安全局局长亚历山大.博尔特尼科夫")[-1] == (
        "亚历山大.博尔特尼科夫", "person", "person:亚历山大·博尔特尼科夫")
    assert found("阮富中高度评价")[0] == ("阮富中", "person", "person:阮富仲")
    cuba = found("国家主席米格尔·迪亚斯·卡内尔·贝穆德斯(Miguel Díaz-Canel Bermudez)通电话")
    assert cuba[1] == ("米格尔·迪亚斯·卡内尔·贝穆德斯", "person", "person:迪亚斯-卡内尔")
    # a short form inside an unknown longer name is not that person
    assert all(k != "person" for _, k, _ in found("卡尔福明斯"))


def test_offsets_are_code_points() -> None:
    text = "😀𠀀越南外交部"  # astral characters before the match
    hit = gazetteer().find(text)[0]
    assert text[hit.start : hit.end] == "越南外交部" and (hit.start, hit.end) == (2, 7)


def test_entry_and_lookups() -> None:
    gaz = gazetteer()
    hit = gaz.entry("person:阮富仲")
    assert isinstance(hit, Hit) and (hit.start, hit.end) == (0, 0)
    assert gaz.entry("country:VNM").name == "越南"
    assert gaz.entry("side:VNM").country == "VNM"
    assert gaz.entry("pair:VNM-RUS").countries == ("VNM", "RUS")
    assert gaz.entry("side:EU").country == "IGO"
    assert gaz.entry("nope:x") is None
    assert gaz.institution_kind("大使馆") == "embassy"


@pytest.mark.parametrize(
    ("raw", "norm"),
    [
        ("亚历山大•福明", "亚历山大·福明"),
        ("亚历山大.博尔特尼科夫", "亚历山大·博尔特尼科夫"),
        ("梅尔巴· 赫尔南德斯", "梅尔巴·赫尔南德斯"),
        ("谢尔盖・绍伊古", "谢尔盖·绍伊古"),
        ("坎葆 恩塔万", "坎葆·恩塔万"),
        ("迪亚斯-卡内尔", "迪亚斯-卡内尔"),
        (" 阮富仲 ", "阮富仲"),
    ],
)
def test_normalise_name(raw: str, norm: str) -> None:
    assert normalise_name(raw) == norm


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [
        ("阮富中", "阮富仲"),
        ("梅德韦杰夫", "德米特里·梅德韦杰夫"),
        ("德米特里·梅德韦杰夫", "德米特里·梅德韦杰夫"),
        ("迪亚斯·卡内尔", "迪亚斯-卡内尔"),
        ("米格尔·迪亚斯-卡内尔·贝穆德斯", "迪亚斯-卡内尔"),
        ("亚历山大•福明", "亚历山大·福明"),
        ("绍伊古", "谢尔盖·绍伊古"),
        ("通伦", "通伦·西苏里"),
    ],
)
def test_canonical_person(alias: str, canonical: str) -> None:
    hit = canonical_person(alias)
    assert hit is not None and hit.name == canonical and hit.key == f"person:{canonical}"


def test_unknown_person_is_none() -> None:
    assert canonical_person("马塞洛·罗德里格斯·X") is None
    assert canonical_person("罗德里格斯") is None  # an ambiguous bare surname
