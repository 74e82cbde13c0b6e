"""The grammar the coder reads around a trigger: marker words from ``kb/markers.tsv`` (read
once, at import) and the regular expressions that are real grammar, not word lists."""

from __future__ import annotations

import re
from functools import cache

from communique.knowledge import read_table

# The kinds of marker the coder reads; tests check that kb/markers.tsv gives each of them.
MARKER_KINDS = ("negation", "history", "nominal_before", "nominal_after", "support_noun_before",
                "clause_opener", "general_addressee", "province_ending", "meeting", "multilateral",
                "call", "anaphora", "future_time", "aid_goods", "warm_greeting", "welcomed_purpose",
                "travel", "called_off", "handed_people", "abstract_object", "journey",
                "wished_state", "remote_act", "idiom", "commentary", "negated_intent",
                "demanded_sanction", "general_target")


@cache
def markers() -> dict[str, tuple[str, ...]]:
    """The words of each marker kind, in the order of the table."""
    kinds: dict[str, list[str]] = {}
    for row in read_table("markers"):
        if row["kind"] and row["word"]:
            kinds.setdefault(row["kind"], []).append(row["word"])
    return {kind: tuple(words) for kind, words in kinds.items()}


def words(kind: str) -> tuple[str, ...]:
    found = markers().get(kind)
    if not found:
        raise KeyError(f"kb/markers.tsv has no words of kind {kind!r}")
    return found


def any_of(kind: str) -> re.Pattern[str]:
    """A pattern matching any word of ``kind``."""
    return re.compile("|".join(re.escape(w) for w in words(kind)))


# --- marker words -----------------------------------------------------------------------------

NEGATION = words("negation")
HABITUAL = any_of("history")  # `多次参加`: a habit or the past, not an event of this report
NOMINAL_BEFORE = words("nominal_before")
NOMINAL_AFTER = words("nominal_after")
SUPPORT_NOUN_BEFORE = words("support_noun_before")
CLAUSE_OPENERS = words("clause_opener")
GENERAL_ADDRESSEE = words("general_addressee")
# `与其他国家签署`: a partner no one can name
GENERAL_PARTNER = re.compile(f"[同与和跟](?:{any_of('general_addressee').pattern})")
PROVINCE_ENDINGS = words("province_ending")
MEETING_WORDS = words("meeting")
MULTILATERAL_WORDS = words("multilateral")
CALL_WORDS = any_of("call")
ANAPHORA = any_of("anaphora")
REMOTE_ACTS = words("remote_act")  # `以视频方式观看…`: done from afar, not a call
# `欢迎…明年访华`; not the 将 of a rank (`欢迎魏凤和上将访问越南`)
FUTURE_WELCOME = re.compile("|".join(r"(?<![大上中少])将" if w == "将" else re.escape(w)
                                     for w in words("future_time")))
AID_GOODS = any_of("aid_goods")
HANDED_PEOPLE = any_of("handed_people")
ARRIVAL = "抵达|到达|飞抵"  # `金正恩10日下午抵达新加坡`
GOING = "前往|转往|转赴|赴"  # going somewhere, before where
GONE_TO = re.compile(rf"{GOING}|{ARRIVAL}|运抵|运往|送往")  # `出发,前往土耳其灾区`: where they went
# `这是李在明…首次…`, `此访是…`: a remark on the event just told, not an event or a day of its own
REMARK_OPENERS = ("这是", "这也是", "此次是", "此访是", "此行是", "此次访问是")
ATTENDS = re.compile(r"出席|参加|与会")  # a meeting attended
SAID = re.compile(r"(?:表示|说|指出|称|强调)[，,：:]")  # `范秋姮表示，…`: what follows is said
# `这是…首次与习近平举行会谈`, `这是法国历史上首次召回驻美国大使`: the act just told, counted
RECAP = re.compile(rf"\s*(?:{'|'.join(REMARK_OPENERS)})[^。；;]*?(?:首次|第[一二三四五六七八九十\d]+次|再次|以来)")
GIVEN = re.compile(r"(?:提供|捐赠|捐助|援助|赠送)的")  # `…B 提供的物资`: what B gave
WARM_GREETING = words("warm_greeting")
WELCOMED_PURPOSE = words("welcomed_purpose")
TRAVEL = any_of("travel")
JOURNEY = any_of("journey")
WISHED_STATE = any_of("wished_state")
# `渔船被中国海警船只撞沉`, `遭到中方扣押`: who did it stands after 被/遭, right before the act
PASSIVE_AGENT = re.compile(r"(?:被|遭到|遭)([^，,。；;被遭]{1,24}?)(?:一度|多次|强行|非法)?$")
# `同两国有关部门`: the partners are the places just named, as many as the count says
COUNTED_PARTNERS = re.compile(r"[同与跟和]([两三四五六七八九])国")
CALLED_OFF = any_of("called_off")
COMMENTARY = any_of("commentary")  # `分析人士指出，…`: what commentators read in the story
IDIOMS = any_of("idiom")  # `越来越`, `驱逐舰`: hold a trigger's letters (`来越`), are none
NEGATED_INTENT = any_of("negated_intent")  # `不寻求…`: an act disowned in its clause
DEMANDED_SANCTION = any_of("demanded_sanction")  # `要求中方关闭驻休斯敦总领事馆`
GENERAL_TARGETS = words("general_target")  # `反对外部势力干涉…`: whoever it may be

# --- grammar ----------------------------------------------------------------------------------

# `访华`, `来越`, `赴俄`: one character for the visit, one for the host country's short form.
VISIT_WORD = re.compile(
    r"(?<![一-龥]的)(?:访|来|赴|抵)([一-龥])(?=进行|期间|之际|访问|出席|参加|工作|行程|的|，|,|。|并|后|前|$)")
# `问：`, and a transcript's `法新社记者：` at the start of a line
QUESTION = re.compile(r"\s*(?:问|记者问|提问)[:：]|(?m:^)[^\S\n]*[\u4e00-\u9fff]{0,10}?记者[:：]")
# Verbs after which a party is whom the act lets or asks, not who acts (`宣布允许台湾当局…`)
GOVERNING = re.compile(r"允许|宣布|决定|批准|同意|邀请|要求|支持|协助")
SAYING = re.compile(r"[^，,。]{0,6}?(?:表示|强调|指出|说|称|认为|重申|回应|答问|宣布|[:：])")
# Right after a body's name: the body speaking (`外交部发言人…`, `外交部表示`). Unlike SAYING,
# nothing may stand between, so `立陶宛政府不顾中方多次说明` is not its speech.
SPEAKS = re.compile(r"发言人|新闻处|表示|说|指出|强调|(?:郑重|严正)?声明|发表")
TITLE_GAP = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])")
GUEST_RE = re.compile(r"(?:来访|到访|访华|访越)的")
PAST_YEAR = re.compile(r"去年|前年|上个月|上月|此前[^，,。]{0,6}曾")
# `曾同拜登通电话`, `曾于2022年10月访华`: told as done before (not the surname 曾: `曾庆红`)
# after a day: `帕姆兰15日已在日内瓦会见了拜登`, something done before the story's day
ALREADY = re.compile(r"(?:上午|下午|晚上|晚间|晚|早些时候)?已(?!经?是|有|达|超)")
ALREADY_DONE = re.compile(rf"(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})日{ALREADY.pattern}")
ONCE_DONE = re.compile(r"曾(?:经|多次|两次|先后|于|同|与|和|在|对|向|访|出席|会见|会晤|表示|致|通|率|赴|来|到)")
VISIT_OF_RE = re.compile(r"(?:对|在)([^，,。]{1,30}?)进行.{0,6}?访问")
# who arrived where (the clause after the word names the place)
ARRIVED_RE = re.compile(rf"(?:{ARRIVAL})([^，,。；;]{{1,16}})")
DURING_RE = re.compile(r"在([^,，。；\d年]{1,8}?)(?:访问|出访|工作访问|国事访问|正式访问)?期间")
HOSTED_RE = re.compile(r"由([^。；]{1,60}?)(?:共同|联合)?(?:主办|举办|主持|承办)")
SIDELINES = re.compile(r"(峰会|会议|论坛|大会|会晤|会)的?(期间|间隙|框架内|场边)")
# `将这批人员移交给…`: 将 before what it moves marks the object (as 把 does), not a plan
# `即将离任的中国驻柬埔寨大使熊波`: who he is, no plan
LEAVING_POST = re.compile(r"离任|卸任|到任|届满")
# a condition (`如果美方…，`): what follows it is warned of, not done
IF_WORDS = "如果|如若|倘若|假如|若是|一旦"
CONDITION = re.compile(rf"\s*(?:{IF_WORDS}|若)")
IF_CLAUSE = re.compile(rf"(?:{IF_WORDS}|如(?=[\u4e00-\u9fff]{{1,6}}方))")  # `如日方一意孤行`
SETTING_OFF = ("启程", "动身", "出发")
FUTURE_RE = re.compile(
    rf"即将(?!{LEAVING_POST.pattern})|(?<![大上中少即])将(?!这|该|此|其|上述)"
    r"(?:于|在|会|要|继续|赴|前往|出席|访问|同|与|对|向)?|拟|计划|准备|打算|有望|预定|预计|定于"
    rf"|(?:{'|'.join(SETTING_OFF)})(?=前往|赴)")  # `今日启程前往纽约，出席…`: what he goes to do is to come

# Frames whose trigger takes what follows as its content: triggers inside it are not events.
CONTENT_FRAMES = {"request", "future", "invite", "promise"}
STATEMENT_FRAMES = {"object", "to"}


def is_future(before: str) -> bool:
    """A plan: `将于…`, `即将`, `拟` in what precedes the verb, not undone by a past `已`
    (after it, or before a setting off: `已于28日…启程前往古巴`)."""
    found = list(FUTURE_RE.finditer(before))
    if not found:
        return False
    last = found[-1]
    if last.group().startswith(SETTING_OFF) and "已" in before[: last.start()]:
        return False
    return "已" not in before[last.end() :] and "了" not in before[last.end() :]
