"""Personal names: one spelling for the separators of transliterated names, and known people.

`亚历山大•福明`, `亚历山大.博尔特尼科夫` and `梅尔巴· 赫尔南德斯` are written with many
separators; ``normalise_name`` makes them all `·`. ``canonical_person`` maps a known alias,
short form or misspelling to the person's knowledge-base entry (`阮富中` -> `阮富仲`).
"""

from __future__ import annotations

import re

from communique.entities.gazetteer import SEPARATORS, Hit, gazetteer

_SEP_RE = re.compile(f"\\s*[{re.escape(SEPARATORS)}]\\s*")
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_SPACE_RE = re.compile(f"(?<=[{_CJK}])\\s+(?=[{_CJK}])")
_HYPHEN_RE = re.compile("\\s*[-－—–‐]\\s*")


def normalise_name(s: str) -> str:
    """Unify the separators of a transliterated name to `·` and drop spaces; keep `-`."""
    s = s.strip()
    s = _SEP_RE.sub("·", s)
    s = _CJK_SPACE_RE.sub("·", s)
    s = _HYPHEN_RE.sub("-", s)
    if any("\u3400" <= c <= "\u9fff" for c in s):
        s = re.sub(r"\s+", "", s)
    return s.strip("·")


def canonical_person(name: str) -> Hit | None:
    """The known person a name, alias or misspelling stands for, or None (span 0, 0)."""
    gaz = gazetteer()
    norm = normalise_name(name)
    hit = gaz.person(name) or gaz.person(norm)
    if hit is None and "-" in norm:
        hit = gaz.person(norm.replace("-", "·"))
    if hit is None and "·" in norm:
        hit = gaz.person(norm.replace("·", "-"))
    return hit
