"""Build ``src/communique/kb/countries.tsv`` from CLDR (via Babel) plus a hand-kept overlay.

Run: ``.venv/bin/python tools/build_countries.py``. Build time only: pycountry gives the
alpha-2 -> alpha-3 join and is not a runtime dependency. The overlay below holds what CLDR has
not: official long forms, common aliases, one/two-character short forms used in compounds
(越中, 越方) and the Chinese name of each capital. Edit the overlay and re-run; commit the output.
"""

from __future__ import annotations

from pathlib import Path

import pycountry
from babel import Locale

OUT = Path(__file__).resolve().parent.parent / "src" / "communique" / "kb" / "countries.tsv"
VERSION = "1"

# Names that replace CLDR's display name (CLDR's name then becomes an alias).
NAME = {
    "HKG": "中国香港",
    "MAC": "中国澳门",
    "PSE": "巴勒斯坦",
    "COD": "刚果民主共和国",
    "COG": "刚果共和国",
}

# Extra aliases: official long forms and common variants. A bare ambiguous form (刚果, 中非,
# 几内亚 for the other Guineas) is left out on purpose.
ALIASES = {
    "VNM": "越南社会主义共和国",
    "CHN": "中华人民共和国",
    "RUS": "俄罗斯联邦|俄国",
    "LAO": "老挝人民民主共和国",
    "KHM": "柬埔寨王国",
    "CUB": "古巴共和国",
    "USA": "美利坚合众国",
    "PRK": "朝鲜民主主义人民共和国",
    "KOR": "大韩民国",
    "JPN": "日本国",
    "THA": "泰王国",
    "MMR": "缅甸联邦共和国|缅甸联邦",
    "IDN": "印尼|印度尼西亚共和国",
    "IND": "印度共和国",
    "SGP": "新加坡共和国",
    "PHL": "菲律宾共和国|菲国",
    "SLB": "索罗门群岛|索国|所方",
    "DOM": "多明尼加",  # Taiwan's name for it (多米尼克 is Dominica)
    "AUS": "澳洲|澳大利亚联邦",
    "GBR": "大不列颠及北爱尔兰联合王国|联合王国",
    "FRA": "法兰西共和国|法兰西",
    "DEU": "德意志联邦共和国",
    "ITA": "意大利共和国",
    "MNG": "蒙古国",
    "KAZ": "哈萨克斯坦共和国",
    "BLR": "白俄罗斯共和国|白俄",
    "BRN": "文莱达鲁萨兰国",
    "TLS": "东帝汶民主共和国",
    "IRN": "伊朗伊斯兰共和国",
    "SAU": "沙特|沙特阿拉伯王国",
    "ARE": "阿联酋",
    "HND": "宏国",
    "EGY": "阿拉伯埃及共和国",
    "PSE": "巴勒斯坦国|巴勒斯坦领土",
    "HKG": "香港|香港特别行政区|中国香港特别行政区",
    "MAC": "澳门|澳门特别行政区|中国澳门特别行政区",
    "TWN": "中国台湾|台湾地区|中华民国|台岛|台湾岛",
    "COD": "刚果（金）|刚果(金)|刚果金",
    "COG": "刚果（布）|刚果(布)|刚果布",
    "CZE": "捷克共和国",
    "SWZ": "埃斯瓦蒂尼|史瓦济兰",
    "BIH": "波黑",
    "ZAF": "南非共和国",
    "VEN": "委内瑞拉玻利瓦尔共和国",
    "BOL": "玻利维亚多民族国",
    "TUR": "土耳其共和国",
    "BGD": "孟加拉",
    "FSM": "密克罗尼西亚联邦",
    "LKA": "斯里兰卡民主社会主义共和国",
    "VAT": "教廷",
    "NLD": "荷兰王国",
    "ESP": "西班牙王国",
    "MEX": "墨西哥合众国",
    "BRA": "巴西联邦共和国",
    "ARG": "阿根廷共和国",
    "CHL": "智利共和国",
    "NIC": "尼加拉瓜共和国",
    "DZA": "阿尔及利亚民主人民共和国",
    "MOZ": "莫桑比克共和国",
    "AGO": "安哥拉共和国",
    "PAK": "巴基斯坦伊斯兰共和国",
    "NPL": "尼泊尔联邦民主共和国",
    "UZB": "乌兹别克斯坦共和国",
    "TKM": "土库曼斯坦",
    "KGZ": "吉尔吉斯共和国",
}

# Short forms used in compounds (越中, 中方, 越老); ambiguous ones (巴, 西, 土, 比, 瑞, 伊, 阿,
# 尼, 以, 奥, 斯) are left out on purpose.
SHORT = {
    "VNM": "越",
    "CHN": "中|华",
    "RUS": "俄",
    "LAO": "老|寮",
    "KHM": "柬",
    "CUB": "古",
    "USA": "美",
    "JPN": "日",
    "KOR": "韩",
    "PRK": "朝",
    "THA": "泰",
    "MMR": "缅",
    "IDN": "印尼",
    "IND": "印",
    "SGP": "新",
    "MYS": "马",
    "PHL": "菲",
    "AUS": "澳",
    "GBR": "英",
    "FRA": "法",
    "DEU": "德",
    "ITA": "意",
    "CAN": "加",
    "MNG": "蒙",
    "KAZ": "哈",
    "BLR": "白",
    "UKR": "乌",
    "PRT": "葡",
    "NLD": "荷",
    "HUN": "匈",
    "CZE": "捷",
    "MEX": "墨",
    "BGD": "孟",
    "NOR": "挪",
    "DNK": "丹",
    "FIN": "芬",
    "SAU": "沙",
    "IRN": "伊",  # 沙伊 (Saudi Arabia and Iran); 伊 alone is never read as Iran
}

# Capitals as usually written in Chinese news; left empty where the capital has the same name
# as the country (新加坡, 卢森堡), the Chinese name is shared by two capitals (金斯敦), or the
# name is also a common personal name or part of ordinary words (维多利亚, 圣约翰, 圣乔治, 罗索,
# 亚伦; 利马 in 胜利马上, 里加 in 这里加强).
CAPITAL = {
    "AFG": "喀布尔", "ALB": "地拉那", "DZA": "阿尔及尔", "AND": "安道尔城", "AGO": "罗安达",
    "ARG": "布宜诺斯艾利斯", "ARM": "埃里温", "AUS": "堪培拉",
    "AUT": "维也纳", "AZE": "巴库", "BHS": "拿骚", "BHR": "麦纳麦", "BGD": "达卡",
    "BRB": "布里奇顿", "BLR": "明斯克", "BEL": "布鲁塞尔", "BLZ": "贝尔莫潘",
    "BEN": "波多诺伏", "BTN": "廷布", "BOL": "苏克雷", "BIH": "萨拉热窝", "BWA": "哈博罗内",
    "BRA": "巴西利亚", "BRN": "斯里巴加湾市", "BGR": "索非亚", "BFA": "瓦加杜古",
    "BDI": "基特加", "CPV": "普拉亚", "KHM": "金边", "CMR": "雅温得", "CAN": "渥太华",
    "CAF": "班吉", "TCD": "恩贾梅纳", "CHL": "圣地亚哥", "CHN": "北京", "COL": "波哥大",
    "COM": "莫罗尼", "COG": "布拉柴维尔", "COD": "金沙萨", "CRI": "圣何塞",
    "CIV": "亚穆苏克罗", "HRV": "萨格勒布", "CUB": "哈瓦那", "CYP": "尼科西亚",
    "CZE": "布拉格", "DNK": "哥本哈根", "DOM": "圣多明各", "ECU": "基多",
    "EGY": "开罗", "SLV": "圣萨尔瓦多", "GNQ": "马拉博", "ERI": "阿斯马拉", "EST": "塔林",
    "SWZ": "姆巴巴内", "ETH": "亚的斯亚贝巴", "FJI": "苏瓦", "FIN": "赫尔辛基",
    "FRA": "巴黎", "GAB": "利伯维尔", "GMB": "班珠尔", "GEO": "第比利斯", "DEU": "柏林",
    "GHA": "阿克拉", "GRC": "雅典", "GTM": "危地马拉城", "GIN": "科纳克里",
    "GNB": "比绍", "GUY": "乔治敦", "HTI": "太子港", "HND": "特古西加尔巴",
    "HUN": "布达佩斯", "ISL": "雷克雅未克", "IND": "新德里", "IDN": "雅加达",
    "IRN": "德黑兰", "IRQ": "巴格达", "IRL": "都柏林", "ITA": "罗马", "JPN": "东京",
    "JOR": "安曼", "KAZ": "阿斯塔纳", "KEN": "内罗毕", "KIR": "塔拉瓦", "PRK": "平壤",
    "KOR": "首尔", "KWT": "科威特城", "KGZ": "比什凯克", "LAO": "万象",
    "LBN": "贝鲁特", "LSO": "马塞卢", "LBR": "蒙罗维亚", "LBY": "的黎波里",
    "LIE": "瓦杜兹", "LTU": "维尔纽斯", "MDG": "塔那那利佛", "MWI": "利隆圭",
    "MYS": "吉隆坡", "MDV": "马累", "MLI": "巴马科", "MLT": "瓦莱塔", "MHL": "马朱罗",
    "MRT": "努瓦克肖特", "MUS": "路易港", "MEX": "墨西哥城", "FSM": "帕利基尔",
    "MDA": "基希讷乌", "MNG": "乌兰巴托", "MNE": "波德戈里察", "MAR": "拉巴特",
    "MOZ": "马普托", "MMR": "内比都", "NAM": "温得和克", "NPL": "加德满都",
    "NLD": "阿姆斯特丹", "NZL": "惠灵顿", "NIC": "马那瓜", "NER": "尼亚美",
    "NGA": "阿布贾", "MKD": "斯科普里", "NOR": "奥斯陆", "OMN": "马斯喀特",
    "PAK": "伊斯兰堡", "PAN": "巴拿马城", "PNG": "莫尔兹比港", "PRY": "亚松森",
    "PHL": "马尼拉", "POL": "华沙", "PRT": "里斯本", "QAT": "多哈",
    "ROU": "布加勒斯特", "RUS": "莫斯科", "RWA": "基加利", "KNA": "巴斯特尔",
    "LCA": "卡斯特里", "WSM": "阿皮亚", "STP": "圣多美", "SAU": "利雅得", "SEN": "达喀尔",
    "SRB": "贝尔格莱德", "SLE": "弗里敦", "SVK": "布拉迪斯拉发",
    "SVN": "卢布尔雅那", "SLB": "霍尼亚拉", "SOM": "摩加迪沙", "ZAF": "比勒陀利亚",
    "SSD": "朱巴", "ESP": "马德里", "LKA": "科伦坡", "SDN": "喀土穆", "SUR": "帕拉马里博",
    "SWE": "斯德哥尔摩", "CHE": "伯尔尼", "SYR": "大马士革", "TJK": "杜尚别",
    "TZA": "多多马", "THA": "曼谷", "TLS": "帝力", "TGO": "洛美", "TON": "努库阿洛法",
    "TTO": "西班牙港", "TUR": "安卡拉", "TKM": "阿什哈巴德", "TUV": "富纳富提",
    "UGA": "坎帕拉", "UKR": "基辅", "ARE": "阿布扎比", "GBR": "伦敦", "USA": "华盛顿",
    "URY": "蒙得维的亚", "UZB": "塔什干", "VUT": "维拉港", "VEN": "加拉加斯",
    "VNM": "河内", "YEM": "萨那", "ZMB": "卢萨卡", "ZWE": "哈拉雷", "TWN": "台北",
    "VAT": "梵蒂冈城", "PLW": "恩吉鲁穆德", "XKX": "普里什蒂纳",
}

# Territories CLDR names that ISO 3166 lacks: code, CLDR code, name.
EXTRA = [("XKX", "XK", "科索沃")]

# ISO entries that are not places a news actor comes from.
SKIP = {"ATA", "BVT", "HMD", "UMI", "SGS", "IOT", "ATF"}


# Taiwan and Hong Kong names (CLDR zh_Hant_TW, zh_Hant_HK, in simplified characters, as the
# pipeline reads every page) that are also a person's name or part of another place's name.
NOT_VARIANTS = {"马利", "查德", "东加", "迦纳"}


def variants(iso2: str) -> list[str]:
    """Taiwan's and Hong Kong's names of a territory (`宏都拉斯`, `寮国`, `纽西兰`)."""
    import opencc  # a runtime dependency already; only the build reads it here

    t2s = opencc.OpenCC("t2s")
    names = []
    for locale in ("zh_Hant_TW", "zh_Hant_HK"):
        name = Locale.parse(locale).territories.get(iso2)
        if name:
            simple = t2s.convert(name)
            if simple not in names and simple not in NOT_VARIANTS:
                names.append(simple)
    return names


def build() -> list[tuple[str, str, str, str, str, str]]:
    zh = Locale("zh").territories
    rows = []
    entries = [(c.alpha_3, c.alpha_2, zh[c.alpha_2]) for c in pycountry.countries]
    entries += EXTRA
    for code, iso2, cldr in sorted(entries):
        if code in SKIP:
            continue
        name = NAME.get(code, cldr)
        aliases = [a for a in ALIASES.get(code, "").split("|") if a]
        if cldr != name and cldr not in aliases:
            aliases.insert(0, cldr)
        aliases += [v for v in variants(iso2) if v != name and v not in aliases]
        capital = CAPITAL.get(code, "")
        if capital in (name, *aliases):
            capital = ""
        rows.append((code, iso2, name, "|".join(aliases), SHORT.get(code, ""), capital))
    return rows


def main() -> None:
    rows = build()
    lines = [
        f"# version {VERSION}",
        "# Countries and territories: ISO 3166-1 alpha-3 code, CLDR alpha-2 code, Chinese name",
        "# (CLDR via Babel), aliases (official long forms, variants), short forms used in",
        "# compounds such as 越中/越方, and the Chinese name of the capital.",
        "# Generated by tools/build_countries.py: edit the overlay there and re-run.",
        "code\tiso2\tname\taliases\tshort\tcapital",
    ]
    lines += ["\t".join(r) for r in rows]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(rows)} rows")


if __name__ == "__main__":
    main()
