"""Bytes -> text: BOMs, UTF-16 without BOM, UTF-8, then GB18030 vs Big5 by a character score."""

from __future__ import annotations

import codecs
from functools import lru_cache

from communique.model import InputError

_SAMPLE = 1 << 16  # bytes looked at when choosing between candidate encodings
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1b")


@lru_cache(maxsize=1)
def _common_chars() -> frozenset[str]:
    """The most common Chinese characters: GB2312 level 1 and Big5 level 1."""
    chars: set[str] = set()
    for hi in range(0xB0, 0xD8):  # GB2312 level 1 (3755 characters)
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    for hi in range(0xA4, 0xC7):  # Big5 level 1 (5401 characters)
        for lo in list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)):
            try:
                chars.add(bytes((hi, lo)).decode("big5"))
            except UnicodeDecodeError:
                pass
    chars.update("，。、；：？！“”‘’（）《》【】—…·　")
    return frozenset(chars)


def _score(text: str) -> float:
    """Share of characters that look like ordinary Chinese or ASCII text."""
    if not text:
        return 0.0
    common = _common_chars()
    good = 0
    bad = 0
    for ch in text:
        o = ord(ch)
        if ch in common or (32 <= o < 127) or ch in "\n\r\t":
            good += 1
        elif ch == "\ufffd" or (o < 32) or 0xE000 <= o <= 0xF8FF or 0xD800 <= o <= 0xDFFF:
            bad += 3
    return (good - bad) / len(text)


def _controls(text: str) -> int:
    return sum(1 for ch in text if ord(ch) < 32 and ch not in _TEXT_CONTROLS)


def _check_text(text: str, encoding: str) -> tuple[str, str]:
    sample = text[:_SAMPLE]
    if sample and _controls(sample) > max(2, len(sample) // 100):
        raise InputError("this looks like a binary file (many control characters), not text")
    return text, encoding


def decode(data: bytes) -> tuple[str, str]:
    """Decode page bytes; return ``(text, encoding name)`` or raise ``InputError``."""
    if not data:
        raise InputError("the file is empty")
    if data.startswith(codecs.BOM_UTF8):
        try:
            return _check_text(data[3:].decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError:
            return _check_text(data[3:].decode("utf-8", errors="replace"), "utf-8-sig")
    for bom, name in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            body = data[len(bom) :]
            if name.startswith("utf-16") and len(body) % 2:
                body = body[:-1]
            try:
                return _check_text(body.decode(name), name)
            except UnicodeDecodeError:
                if name.startswith("utf-32"):
                    continue  # FF FE 00 00 may be UTF-16 LE starting with U+0000
                return _check_text(body.decode(name, errors="replace"), name)

    head = data[:_SAMPLE]
    nuls = head.count(0)
    if nuls:
        # UTF-16 if one decoding reads as ordinary text (ASCII gives NULs on one side; CJK
        # characters like U+6000 give a few on the other)
        even_head = head[: len(head) // 2 * 2]
        best, name = max(
            (_score(even_head.decode(n, errors="replace")), n) for n in ("utf-16-le", "utf-16-be")
        )
        if best < 0.5:
            raise InputError("this looks like a binary file (it contains NUL bytes), not text")
        body = data if len(data) % 2 == 0 else data[:-1]
        return _check_text(body.decode(name, errors="replace"), name)

    try:
        return _check_text(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as err:
        # a file cut inside its last character is still UTF-8
        if err.start >= len(data) - 3 and err.reason == "unexpected end of data":
            return _check_text(data[: err.start].decode("utf-8"), "utf-8")

    # Legacy Chinese encodings (and UTF-16 of pure CJK text, which has no NUL bytes).
    candidates = ["gb18030", "big5"]
    if len(data) % 2 == 0:
        candidates += ["utf-16-le", "utf-16-be"]
    scored = []
    for name in candidates:
        sample = head.decode(name, errors="replace")
        if len(head) < len(data):
            sample = sample.rstrip("\ufffd")  # the sample may cut a character
        scored.append((_score(sample), name))
    scored.sort(reverse=True)
    for score, name in scored:
        if score < 0.3:
            break
        try:
            return _check_text(data.decode(name), name)
        except UnicodeDecodeError:
            continue
    best_score, best = scored[0]
    if best_score >= 0.6:
        return _check_text(data.decode(best, errors="replace"), best)
    raise InputError(
        "cannot read this file as text: it is not UTF-8, UTF-16, GB18030 or Big5 "
        "(a binary file, or text in another encoding)"
    )
