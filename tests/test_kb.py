"""The knowledge-base tables: complete where they must be, consistent, and free of conflicts."""

from __future__ import annotations

import re

import pytest

from communique.entities.gazetteer import gazetteer
from communique.knowledge import read_table, split_list

# The 193 UN member states (ISO 3166-1 alpha-3).
UN_MEMBERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA
BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE PRK DNK
DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB
GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO
LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM
NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR ROU RUS RWA
KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB
ZWE
""".split()

TABLES = ("countries", "igos", "orgs", "institutions", "roles", "people", "places")
SECTORS = {"GOV", "PTY", "LEG", "MIL", "DIP", "JUD", "BUS", "MED", "CVL", "IGO"}


def test_un_member_list_is_complete() -> None:
    assert len(set(UN_MEMBERS)) == 193


@pytest.mark.parametrize("code", UN_MEMBERS)
def test_every_un_member_has_a_chinese_name(code: str) -> None:
    hit = gazetteer().entry(f"country:{code}")
    assert hit is not None, code
    assert re.fullmatch(r"[\u4e00-\u9fff（）()·]+", hit.name), hit.name
    # the name finds the country back in text
    found = gazetteer().find(f"我们同{hit.name}的关系")
    assert [(h.kind, h.country) for h in found] == [("country", code)], (hit.name, found)


def test_territories_and_key_countries() -> None:
    gaz = gazetteer()
    for code, name in [("HKG", "香港"), ("MAC", "澳门"), ("TWN", "台湾"), ("PSE", "巴勒斯坦"),
                       ("VNM", "越南社会主义共和国"), ("RUS", "俄罗斯联邦"),
                       ("LAO", "老挝人民民主共和国"), ("PRK", "朝鲜民主主义人民共和国"),
                       ("KOR", "大韩民国"), ("USA", "美利坚合众国"), ("CUB", "古巴共和国"),
                       ("CHN", "中华人民共和国")]:
        hits = gaz.find(name)
        assert [(h.kind, h.country, h.start, h.end) for h in hits] == [
            ("country", code, 0, len(name))], name


def test_short_forms_resolve() -> None:
    short = gazetteer().short_forms()
    expected = {"越": "VNM", "中": "CHN", "华": "CHN", "俄": "RUS", "老": "LAO", "柬": "KHM",
                "古": "CUB", "美": "USA", "日": "JPN", "韩": "KOR", "朝": "PRK", "泰": "THA",
                "缅": "MMR", "印尼": "IDN", "印": "IND", "新": "SGP", "英": "GBR", "法": "FRA"}
    for s, code in expected.items():
        assert short.get(s) == code, s
    assert "巴" not in short and "欧" not in short


def test_capitals_are_places() -> None:
    gaz = gazetteer()
    for name, code in [("河内", "VNM"), ("万象", "LAO"), ("金边", "KHM"), ("哈瓦那", "CUB"),
                       ("莫斯科", "RUS"), ("北京", "CHN"), ("华盛顿", "USA")]:
        hit = gaz.entry(f"place:{name}")
        assert hit is not None and hit.country == code, name


@pytest.mark.parametrize("table", TABLES)
def test_tables_have_version_and_valid_sectors(table: str) -> None:
    from importlib import resources

    text = resources.files("communique.kb").joinpath(f"{table}.tsv").read_text("utf-8")
    assert re.search(r"^# version \d+", text, re.M), table
    rows = read_table(table)
    assert rows, table
    for row in rows:
        sector = row.get("sector")
        assert sector is None or sector in SECTORS, (table, row)


def test_org_and_person_references_resolve() -> None:
    countries = {r["code"] for r in read_table("countries")} | {"IGO"}
    orgs = {r["name"] for r in read_table("orgs")} | {r["name"] for r in read_table("igos")}
    for row in read_table("orgs"):
        assert row["id"] == f"org:{row['name']}"
        assert row["country"] is None or row["country"] in countries, row
    for row in read_table("igos"):
        assert row["id"] == f"igo:{row['name']}", row
    for row in read_table("people"):
        assert row["id"] == f"person:{row['name']}"
        assert row["country"] in countries, row
        assert row["org"] is None or row["org"] in orgs, row
        assert row["latin"], row
    roles = {r["role"] for r in read_table("roles")}
    for row in read_table("people"):
        assert row["role"] in roles, row
    for row in read_table("places"):
        assert row["country"] in countries, row


def test_no_alias_points_at_two_entries_of_different_countries() -> None:
    """Every string the tables give is one entry, or (when two tables give it) the conflict is
    between entries of one country, resolved by kind order."""
    gaz = gazetteer()
    bad = []
    for pattern, kept, dropped in gaz.conflicts:
        a, b = gaz.entry(kept), gaz.entry(dropped)
        assert a is not None and b is not None
        if a.country and b.country and a.country != b.country:
            bad.append((pattern, kept, dropped))
    print("conflicts:", gaz.conflicts)
    assert bad == []
    # and, within the people table, no alias is given to two people
    seen: dict[str, str] = {}
    for row in read_table("people"):
        for n in [row["name"], *split_list(row["aliases"])]:
            assert n not in seen, (n, seen.get(n), row["name"])
            seen[n] = row["name"]


def test_surnames_and_translit_chars() -> None:
    gaz = gazetteer()
    for s in "阮 黎 陈 范 黄 潘 武 吴 杜 裴 邓 王 李 张 欧阳 司马 诸葛 上官".split():
        assert gaz.is_surname(s), s
    assert len(gaz.surnames) >= 200
    assert 450 <= len(gaz.translit_chars) <= 750
    for c in ("阿巴贝博布达德迪蒂尔菲福戈格哈赫基吉卡凯科克库拉莱兰里利罗洛"
              "马梅米莫姆纳尼诺帕普奇萨塞斯索塔特图瓦维沃乌西谢亚伊扎兹绍"):
        assert c in gaz.translit_chars, c
    for c in "的在和与同是部长会国书记总理主席委员外交防将军大":
        assert c not in gaz.translit_chars, c


def test_grammar_markers_load_with_every_kind_the_coder_reads() -> None:
    from importlib import resources

    from communique.events.grammar import MARKER_KINDS, markers

    text = resources.files("communique.kb").joinpath("markers.tsv").read_text("utf-8")
    assert re.search(r"^# version:? \d+", text, re.M)
    rows = read_table("markers")
    assert rows and all(row["kind"] and row["word"] for row in rows)
    kinds = markers()
    for kind in MARKER_KINDS:
        assert kinds.get(kind), kind
    assert set(kinds) == set(MARKER_KINDS)  # no kind the coder does not read
    for kind, words in kinds.items():
        assert len(words) == len(set(words)), kind  # no word twice within a kind
        assert all(re.fullmatch(r"[\u4e00-\u9fff]+", w) for w in words), kind


def test_taiwan_and_hong_kong_names_of_countries_are_aliases() -> None:
    gaz = gazetteer()
    for name, iso in {"宏都拉斯": "HND", "寮国": "LAO", "纽西兰": "NZL", "北韩": "PRK",
                      "瓜地马拉": "GTM", "沙乌地阿拉伯": "SAU"}.items():
        assert [h.country for h in gaz.find(f"{name}政府")][:1] == [iso], name


def test_no_trigger_word_is_listed_twice() -> None:
    """A second line for a word would be dead (or, worse, decide the word by file order)."""
    words = [row["trigger"] for row in read_table("triggers")]
    assert sorted(w for w in set(words) if words.count(w) > 1) == []
