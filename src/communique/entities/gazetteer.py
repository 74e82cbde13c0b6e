"""The dictionary matcher: every name the knowledge base knows, found in one automaton pass.

All tables of ``communique/kb`` (countries, IGOs, organisations, institutions, titles, people,
places) become the patterns of one Aho-Corasick automaton, matched leftmost-longest over
characters, so `俄罗斯联邦国防部` is one organisation and not `俄罗斯联邦` + `国防部`. Short-form
compounds are generated from the countries' short forms: *pairs* (`越中`, `越老`, `中俄`) and
*sides* (`越方`, `中方`). Short patterns that are also parts of ordinary words (`中老年`,
`27日中午`, `其中美国`, `新方向`) are checked against their neighbours; a rejected match is
scanned again from its next character, so `会谈中越方` still yields `越方`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from itertools import permutations
from types import MappingProxyType

import ahocorasick_rs

from communique.knowledge import country_names, read_table, split_list

SEPARATORS = "·•・‧.．･"


@dataclass(frozen=True, slots=True)
class Hit:
    """One dictionary match: span, what it is, and what the knowledge base says about it."""

    start: int
    end: int
    kind: str  # country|igo|org|institution|role|rank|honorific|person|place|pair|side
    key: str  # stable id: country:VNM, igo:东盟, org:越南外交部, role:总书记, person:阮富仲 ...
    name: str  # canonical form
    country: str | None  # ISO3 or IGO; None for pair/role/rank/institution
    countries: tuple[str, ...]  # pair: both countries in order; else (country,) or ()
    sector: str | None
    org: str | None = None  # person: usual organisation; igo: its name; role: an envoy's mission
    role: str | None = None  # person: usual role; institution: its kind; place: city, capital...
    latin: str | None = None
    known: bool = True  # from the knowledge base (False: read by pattern or tagger elsewhere)


# --- short-form compounds --------------------------------------------------------------------

# Short forms that make pairs with every other listed short form (越中, 中俄 ...).
PAIR_CORE = ("越", "中")
# Other short forms that pair with the core ones, and a few pairs among themselves.
PAIR_SHORTS = (
    "俄 老 柬 古 美 日 韩 朝 泰 缅 印 印尼 英 法 德 澳 新 马 菲 蒙 乌 白 哈 意 欧".split()
)
PAIR_EXTRA = (
    "俄老 老俄 俄柬 柬俄 俄古 古俄 俄美 美俄 俄日 日俄 俄韩 韩俄 俄朝 朝俄 俄印 印俄 俄乌 乌俄 "
    "俄哈 哈俄 俄蒙 蒙俄 俄泰 泰俄 俄缅 缅俄 美日 日美 美韩 韩美 日韩 韩日 美朝 朝美 朝韩 韩朝 "
    "美印 印美 美澳 澳美 美菲 菲美 日印 印日 日澳 澳日 柬泰 泰柬 老柬 柬老 老泰 泰老 "
    "老缅 缅老 古美 美古 沙伊 伊沙"
).split()
# Short forms that make trilateral compounds among themselves (韩美日, 中日韩, 越老柬).
TRIPLE_SHORTS = "中 日 韩 美 越 老 柬 俄 朝 印 澳 菲 泰 缅 蒙 马".split()
QUAD_SHORTS = "美 日 印 澳".split()  # the Quad, in any order (`日美澳印四国外长`)
# Pairs that are ordinary words or ambiguous: never generated.
PAIR_NEVER = set(
    "中加 加中 越加 加越 中意 意中 中欧 欧中 欧越 老中 老美 老日 古老 老古 白俄 中新 新中".split()
)
# Short forms that make a side with 方 (越方, 中方, 欧方).
SIDE_SHORTS = (
    "越 中 俄 老 柬 古 美 日 韩 朝 泰 缅 印 印尼 英 法 德 澳 新 马 菲 蒙 乌 白 哈 意 加 欧 "
    "荷 葡 墨 匈 捷"
).split()
# A side's forces and vessels (美军, 菲船, 越舰): suffix → the short forms that take it, its
# sector, and the characters after it that make another word (美军事, 对美军售).
FORCE_SIDES = {
    "军": ("越 俄 美 日 韩 朝 泰 缅 印 英 法 德 澳 菲 乌".split(), "MIL", set("事工费售控备区")),
    "舰": ("越 中 俄 美 日 韩 朝 英 法 德 澳 菲 印 加".split(), "MIL", set("队艇载")),
    "船": ("越 美 日 菲".split(), None, set("只队员舶厂")),
}
# The EU has a short form (欧) but is not a country.
EU_SHORT = "欧"
EU = ("EU", "IGO", "欧盟")

DIGITS = set("0123456789０１２３４５６７８９〇零一二三四五六七八九十百两几")
# Characters that, before a short form, make an ordinary word with it (今日, 其中, 创新, 立法).
BAD_PREV = {
    "日": DIGITS | set("今昨明节每假生次当前终近同平往白抗翌周落旧本末上下逐连数多某隔"),
    "中": set("其集空心途手眼暗居正命高初之家"),
    "新": set("创更革刷重最崭清全维一"),
    "法": set("立执司违合守依宪办想做用看说语写算手兵方"),
    "加": set("增参追添施附更外"),
    "意": set("同注满愿故有无创生民"),
    "德": set("道品美"),
    "美": set("完优精甜健赞审"),
    "老": set("古养"),
    "古": set("复考怀"),
    "马": set("人兵车骑铁"),
    "白": set("明空黑苍坦表洁场告独"),
    "英": set("精群"),
    "朝": set("王清明元唐宋汉前今"),
    "蒙": set("启"),
    "印": set("打复影刊"),
    "越": set("超跨卓穿飞翻攀"),
}
# Characters that, after a side (X方), make 方面, 方向, 方法 ... of it.
SIDE_BAD_NEXT = set("面向法式案针位便略阵言圆才程形块剂舟寸兴正格志丈")
# Characters that, after a pair, make its second short form part of an ordinary word.
PAIR_BAD_NEXT = {
    "老": set("年人师板百家化大"),
    "中": set("午心央间期国等部"),
    "美": set("丽好满化元金术食德誉洲"),  # 中美洲: Central America
    "日": set("益常报本子午期前后趋内"),  # 中美日内瓦: Geneva
    "越": set("来过发狱野级位界"),
    "古": set("代老典城迹"),
    "英": set("文语雄才"),
    "法": set("律规治院国"),
    "德": set("国才"),
    "白": set("色天宫皮"),
    "印": set("发象刷"),
    "意": set("见义识味志愿外"),
    "马": set("上车路"),
    "乌": set("云克"),
    "韩": set("语"),
    "朝": set("向着气野"),
}
# Two-character words that a two-character person name may be the start or end of (韩正式).
NAME_BAD_BIGRAMS = set(
    "正式 强调 强化 强大 强国 强烈 军事 军队 军人 军方 立即 立法 立场 希望 波动 宁静 "
    "洋溢 洋大 鹤立 仁爱 班子 涛声 奇迹 奇怪".split()
)
# Places and countries whose name is also the end of an ordinary word (包罗万象, 形成都市,
# 南海地区): the characters that make that word when they stand before the name.
PLACE_BAD_PREV = {
    "万象": set("罗更气"),
    "成都": set("形完建构达造变组促"),
    "海地": set("南东西北黄台沿近公领内外渤里黑红中比上青深航大环出入"),  # 南海地区, 上海地区
}
# Characters that may stand before a name's short form without being part of that name.
NAME_GLUE = set("向席同和与对由将及称在于为时但等华会见贺谢请迎晤访唁问")

# Priority when one string is in two tables: the first kind wins.
KIND_ORDER = (
    "org", "igo", "person", "country", "place", "role", "rank", "honorific", "institution",
    "pair", "side",
)

# Check codes
_NONE, _ASCII, _ALIAS, _NAME2, _PAIR, _SIDE, _PLACE = range(7)


@dataclass(frozen=True, slots=True)
class _Entry:
    hit: tuple  # the Hit fields after (start, end)
    check: int
    first: str = ""  # pair/side: first short form
    second: str = ""  # pair: second short form


def _is_ascii_word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _kb_lines(name: str) -> list[str]:
    text = resources.files("communique.kb").joinpath(name).read_text("utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


# Title and function characters that a few foreign names also use (达席尔瓦) but that would let
# an unknown name run into the words around it.
NOT_TRANSLIT = frozenset("的在和与同是部长会国书记总理主席委员外交防将军大")


class Gazetteer:
    """All known names of the knowledge base, matched in one pass."""

    def __init__(self) -> None:
        self._patterns: dict[str, tuple[int, _Entry]] = {}
        self._by_key: dict[str, Hit] = {}
        self._person_alias: dict[str, Hit] = {}
        self._institutions: dict[str, tuple[str, str | None]] = {}  # name -> (kind, sector)
        self.variants: set[str] = set()  # other transliterations, kept as written (川普)
        self._country_prefixes: set[str] = set()
        self.title_country: dict[str, str] = {}  # a title only one state has: its holder's
        self.conflicts: list[tuple[str, str, str]] = []  # (pattern, kept key, dropped key)
        self.surnames: frozenset[str] = frozenset(_kb_lines("surnames.txt"))
        self.japanese_surnames: frozenset[str] = frozenset(_kb_lines("surnames_ja.txt"))
        self.translit_chars: frozenset[str] = frozenset(_kb_lines("translit_chars.txt"))
        self._name_edge = (self.surnames | self.translit_chars) - NAME_GLUE
        self._shorts: dict[str, str] = {}
        self._city_shorts: dict[str, str | None] = {}
        self._load()
        # Characters of the foreign names the knowledge base holds also write unknown ones.
        self.translit_chars |= {c for n in self._person_alias if "·" in n or "-" in n
                                for c in n if "\u4e00" <= c <= "\u9fff"} - NOT_TRANSLIT
        patterns = list(self._patterns)
        self._entries = [self._patterns[p][1] for p in patterns]
        self._ac = ahocorasick_rs.AhoCorasick(
            patterns, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
        )

    # --- building ----------------------------------------------------------------------------

    def _add(self, pattern: str, hit: Hit, check: int = _NONE, first: str = "",
             second: str = "") -> None:
        if not pattern:
            return
        if check == _NONE and any(_is_ascii_word(c) for c in pattern[:1] + pattern[-1:]):
            check = _ASCII
        rank = KIND_ORDER.index(hit.kind)
        entry = _Entry(
            (hit.kind, hit.key, hit.name, hit.country, hit.countries, hit.sector, hit.org,
             hit.role, hit.latin), check, first, second)
        old = self._patterns.get(pattern)
        if old is not None:
            old_key = old[1].hit[1]
            if old_key == hit.key:
                # the canonical spelling is checked less than an alias of the same entry
                if check < old[1].check:
                    self._patterns[pattern] = (rank, entry)
                return
            if rank >= old[0]:
                self.conflicts.append((pattern, old_key, hit.key))
                return
            self.conflicts.append((pattern, hit.key, old_key))
        self._patterns[pattern] = (rank, entry)
        self._by_key.setdefault(hit.key, hit)

    def _load(self) -> None:
        for row in read_table("countries"):
            code, name = row["code"], row["name"]
            assert code and name
            hit = Hit(0, 0, "country", f"country:{code}", name, code, (code,), None)
            names = [name, *split_list(row["aliases"])]
            for n in names:
                self._add(n, hit, _PLACE if n in PLACE_BAD_PREV else _NONE)
                self._country_prefixes.update(n[:k] for k in range(2, len(n) + 1))
            for s in split_list(row["short"]):
                self._shorts[s] = code
            cap = row["capital"]
            if cap:
                self._add(cap, Hit(0, 0, "place", f"place:{cap}", cap, code, (code,), None,
                                   role="capital"), _PLACE if cap in PLACE_BAD_PREV else _NONE)
        for row in read_table("igos"):
            name = row["name"]
            assert name and row["id"]
            hit = Hit(0, 0, "igo", row["id"], name, "IGO", ("IGO",), row["sector"] or "IGO",
                      org=name)
            for n in [name, *split_list(row["aliases"])]:
                self._add(n, hit)
        for row in read_table("orgs"):
            name, c = row["name"], row["country"]
            assert name and row["id"]
            hit = Hit(0, 0, "org", row["id"], name, c, (c,) if c else (), row["sector"],
                      org=name)
            for n in [name, *split_list(row["aliases"])]:
                self._add(n, hit)
        for row in read_table("institutions"):
            name = row["name"]
            assert name
            self._institutions[name] = (row["kind"] or "", row["sector"])
            self._add(name, Hit(0, 0, "institution", f"institution:{name}", name, None, (),
                                row["sector"], role=row["kind"]))
        for row in read_table("roles"):
            role, kind = row["role"], row["kind"] or "title"
            assert role
            hkind = "role" if kind == "title" else kind
            hit = Hit(0, 0, hkind, f"{hkind}:{role}", role, None, (), row["sector"],
                      org=row["mission"])
            for n in [role, *split_list(row["aliases"])]:
                self._add(n, hit)
            if row["country"]:
                self.title_country[role] = row["country"]
        for row in read_table("people"):
            self._add_person(row)
        for row in read_table("places"):
            name, c = row["name"], row["country"]
            assert name
            if row["kind"] == "short":
                self._city_shorts[name] = c
                continue
            self._add(name, Hit(0, 0, "place", f"place:{name}", name, c, (c,) if c else (),
                                None, role=row["kind"]),
                      _PLACE if name in PLACE_BAD_PREV else _NONE)
        self._add_compounds()

    def _add_person(self, row: dict[str, str | None]) -> None:
        name, c = row["name"], row["country"]
        assert name and row["id"]
        hit = Hit(0, 0, "person", row["id"], name, c, (c,) if c else (), row["sector"],
                  org=row["org"], role=row["role"], latin=row["latin"])
        foreign = "·" in name or "-" in name
        variants = split_list(row["variants"])
        self.variants.update(variants)
        for n in [name, *split_list(row["aliases"]), *variants]:
            self._person_alias[n] = hit
            if n == name:
                check = _NAME2 if len(n) == 2 else _NONE
            elif "·" not in n and "-" not in n and foreign:
                check = _ALIAS  # a short form of a foreign name: 普京, 福明
            else:
                check = _NAME2 if len(n) == 2 else _NONE
            for v in _spellings(n):
                self._add(v, hit, check)

    def _add_compounds(self) -> None:
        codes = dict(self._shorts)
        codes[EU_SHORT] = EU[0]

        def country_of(short: str) -> tuple[str, str | None]:
            code = codes[short]
            return (EU[1], EU[2]) if code == EU[0] else (code, None)

        pairs: list[tuple[str, str]] = []
        for a in PAIR_CORE:
            for b in (*PAIR_CORE, *PAIR_SHORTS):
                if a != b:
                    pairs += [(a, b), (b, a)]
        for p in PAIR_EXTRA:
            for k in range(1, len(p)):
                if p[:k] in codes and p[k:] in codes:
                    pairs.append((p[:k], p[k:]))
                    break
        seen: set[str] = set()
        for a, b in pairs:
            word = a + b
            if word in PAIR_NEVER or word in seen or a not in codes or b not in codes:
                continue
            seen.add(word)
            ca, _ = country_of(a)
            cb, _ = country_of(b)
            ka, kb = codes[a], codes[b]
            self._add(word, Hit(0, 0, "pair", f"pair:{ka}-{kb}", word, None, (ca, cb), None),
                      _PAIR, a, b)
        for a, b, c in permutations(TRIPLE_SHORTS, 3):
            word = a + b + c
            if a + b in PAIR_NEVER or b + c in PAIR_NEVER or not {a, b, c} <= codes.keys():
                continue
            isos = tuple(country_of(x)[0] for x in (a, b, c))
            self._add(word, Hit(0, 0, "pair", "pair:" + "-".join(codes[x] for x in (a, b, c)),
                                word, None, isos, None), _PAIR, a, c)
        for quad in permutations(QUAD_SHORTS, 4):
            word = "".join(quad)
            isos = tuple(country_of(x)[0] for x in quad)
            self._add(word, Hit(0, 0, "pair", "pair:" + "-".join(codes[x] for x in quad),
                                word, None, isos, None), _PAIR, quad[0], quad[-1])
        for s in SIDE_SHORTS:
            if s not in codes:
                continue
            c, org = country_of(s)
            sector = "IGO" if org else None
            self._add(s + "方", Hit(0, 0, "side", f"side:{codes[s]}", s + "方", c, (c,), sector,
                                   org=org), _SIDE, s)
        for suffix, (shorts, sector, _) in FORCE_SIDES.items():
            for s in shorts:
                if s in codes:
                    c, _org = country_of(s)
                    self._add(s + suffix, Hit(0, 0, "side", f"side:{codes[s]}", s + suffix, c,
                                              (c,), sector), _SIDE, s)
        # a country's ministry under its short form (`菲外交部`, `美国防部`): that ministry
        names = country_names()
        for s in SIDE_SHORTS:
            c, org = country_of(s) if s in codes else (None, None)
            if c is None or org or c not in names:
                continue
            for inst, (kind, sector) in self._institutions.items():
                if kind == "ministry" and len(inst) >= 3 and s + inst not in self._patterns:
                    body = names[c] + inst
                    self._add(s + inst, Hit(0, 0, "org", f"org:{body}", body, c, (c,), sector,
                                            org=body), _SIDE, s)

    # --- matching ----------------------------------------------------------------------------

    def find(self, text: str) -> list[Hit]:
        """Non-overlapping, leftmost-longest hits, sorted by start."""
        return self._scan(text, 0, len(text))

    def leading(self, text: str, kind: str) -> Hit | None:
        """The hit of ``kind`` that ``text`` opens with (`印尼大使…` after `驻`), if any."""
        return next((h for h in self.find(text) if h.start == 0 and h.kind == kind), None)

    def _scan(self, text: str, a: int, b: int) -> list[Hit]:
        sub = text if (a == 0 and b == len(text)) else text[a:b]
        raw = self._ac.find_matches_as_indexes(sub, overlapping=False)
        out: list[Hit] = []
        entries = self._entries
        n = len(raw)
        for i in range(n):
            pid, s, e = raw[i]
            s += a
            e += a
            entry = entries[pid]
            # a hit that ends where this one starts is a word boundary (`拿督斯里` + `安华`)
            if entry.check == _NONE or self._ok(entry, text, s, e, bool(out) and out[-1].end == s):
                out.append(Hit(s, e, *entry.hit))
            elif s + 1 < b:
                limit = raw[i + 1][1] + a if i + 1 < n else b
                if s + 1 < limit:
                    out.extend(self._scan(text, s + 1, limit))
        return out

    def _ok(self, entry: _Entry, text: str, s: int, e: int, bound: bool = False) -> bool:
        check = entry.check
        prev = text[s - 1] if s > 0 and not bound else ""
        nxt = text[e] if e < len(text) else ""
        if check == _ASCII:
            return not (_is_ascii_word(prev) or _is_ascii_word(nxt))
        if check == _ALIAS:
            return prev not in self._name_edge and text[e - 1 : e + 1] not in NAME_BAD_BIGRAMS
        if check == _PLACE:
            return prev not in PLACE_BAD_PREV.get(text[s:e], ())
        if check == _NAME2:
            if text[e - 1 : e + 1] in NAME_BAD_BIGRAMS:
                return False
            return s == 0 or text[s - 1 : s + 1] not in NAME_BAD_BIGRAMS
        first = entry.first
        if prev and prev in BAD_PREV.get(first, ()):
            return False
        if check == _SIDE:
            suffix = text[e - 1]
            if suffix in FORCE_SIDES:  # `刘德军`: a name, not the German army
                return nxt not in FORCE_SIDES[suffix][2] and prev not in self.surnames
            return nxt not in SIDE_BAD_NEXT
        # pair
        second = entry.second
        if nxt in ("方", "来"):
            return False  # 会谈中越方: 中 + 越方; 越来越
        if nxt and (second + nxt) in self._country_prefixes:
            return False  # 其中美国, 越老挝, 中俄罗斯
        if nxt and nxt in PAIR_BAD_NEXT.get(second[-1], ()):
            return False
        return True

    # --- look-ups ----------------------------------------------------------------------------

    def entry(self, key: str) -> Hit | None:
        """The knowledge-base entry of a key (span 0, 0)."""
        return self._by_key.get(key)

    def person(self, name: str) -> Hit | None:
        """A person by canonical name or alias, exactly as written (see names.canonical_person)."""
        return self._person_alias.get(name)

    def places(self) -> list[Hit]:
        """Every known place (cities, provinces, capitals) with its country."""
        return [h for h in self._by_key.values() if h.kind == "place"]

    def short_forms(self) -> Mapping[str, str]:
        """Short forms used in compounds -> ISO3 (越 -> VNM, 华 -> CHN)."""
        return MappingProxyType(self._shorts)

    def city_shorts(self) -> Mapping[str, str | None]:
        """A city's one-character name -> its country (沪 -> CHN), as in `抵沪`, `来邕`."""
        return MappingProxyType(self._city_shorts)

    def institution_kind(self, name: str) -> str | None:
        found = self._institutions.get(name)
        return found[0] if found else None

    def is_surname(self, s: str) -> bool:
        return s in self.surnames

    def keys(self, kind: str | None = None) -> Iterable[str]:
        return [k for k, h in self._by_key.items() if kind is None or h.kind == kind]


def _spellings(name: str) -> list[str]:
    """A name and its spellings with the other separators transliterated names are written with."""
    out = [name]
    if "·" in name:
        out += [name.replace("·", sep) for sep in SEPARATORS[1:]]
        if len(name) >= 5:  # `佐科维多多`: papers that write the name run together
            out.append(name.replace("·", ""))
    if "-" in name:
        out += [name.replace("-", "－"), name.replace("-", "—")]
    return out


@functools.cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built once from the kb tables."""
    return Gazetteer()
