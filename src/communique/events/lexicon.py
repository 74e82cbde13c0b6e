"""The event lexicon, read once from the knowledge base: triggers, actions, contexts, codes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import ahocorasick_rs

from communique.events import grammar
from communique.knowledge import read_table, split_list
from communique.text import outside

ABSTRACT_END = re.compile(r"[，,。；;、：:]")
# `达成…点…共识`: a trigger in parts, with a few words of one clause between them (not 的)
GAP = "…"
GAP_WORDS = r"[^，,。；;、：:！？!?\s“”\"的》]{0,20}?"
ACTOR_NOUN = frozenset("链商者方")  # `供应链`, `支持者`: the thing or the one, not the act


@dataclass(frozen=True, slots=True)
class Trigger:
    word: str
    event: str
    mode: str | None
    medium: str | None
    cameo: str
    frame: str


@dataclass(frozen=True, slots=True)
class TriggerHit:
    start: int
    end: int
    trigger: Trigger


class Lexicon:
    def __init__(self) -> None:
        self.triggers = [
            Trigger(r["trigger"], r["event"], r["mode"], r["medium"], r["cameo"], r["frame"])
            for r in read_table("triggers")
        ]
        plain = [t for t in self.triggers if GAP not in t.word]
        self._matcher = ahocorasick_rs.AhoCorasick(
            [t.word for t in plain], matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
        )
        self._plain = plain
        # triggers in parts, tried only where their first part stands
        self._gapped: dict[str, list[tuple[re.Pattern[str], Trigger]]] = {}
        for t in self.triggers:
            if GAP in t.word:
                parts = t.word.split(GAP)
                self._gapped.setdefault(parts[0], []).append(
                    (re.compile(GAP_WORDS.join(map(re.escape, parts))), t))
        self._heads = list(self._gapped)
        self._head_matcher = ahocorasick_rs.AhoCorasick(self._heads) if self._heads else None
        self.future_actions = {r["action"]: r["cameo"] for r in read_table("future_actions")}
        self._actions = ahocorasick_rs.AhoCorasick(list(self.future_actions))
        self._action_codes = list(self.future_actions.values())
        self._abstract = grammar.words("abstract_object")
        self.request_modes = [
            (r["mode"], r["cameo"], split_list(r["words"])) for r in read_table("request_modes")
        ]
        self.contexts = [(r["context"], split_list(r["words"])) for r in read_table("contexts")]
        self._context_matcher = ahocorasick_rs.AhoCorasick(
            [w for _, words in self.contexts for w in words]
        )
        self._context_of = {w: c for c, words in self.contexts for w in words}
        self.scores = {r["cameo"]: float(r["score"] or 0) for r in read_table("cameo")}
        self.agencies = {r["name"]: r["country"] for r in read_table("agencies")}

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[TriggerHit]:
        end = len(text) if end is None else end
        hits = [
            TriggerHit(start + s, start + e, self._plain[i])
            for i, s, e in self._matcher.find_matches_as_indexes(text[start:end])
        ]
        spans = self._gapped_hits(text, start, end)
        if not spans:
            return hits
        return sorted([*outside(hits, spans), *spans], key=lambda h: h.start)

    def _gapped_hits(self, text: str, start: int, end: int) -> list[TriggerHit]:
        if self._head_matcher is None:
            return []
        spans: list[TriggerHit] = []
        heads = self._head_matcher.find_matches_as_indexes(text[start:end], overlapping=True)
        for i, s, _ in sorted(heads, key=lambda h: h[1]):
            at = start + s
            if spans and at < spans[-1].end:
                continue
            for rx, t in self._gapped[self._heads[i]]:
                m = rx.match(text, at, end)
                if m:
                    spans.append(TriggerHit(at, m.end(), t))
                    break
        return spans

    def has_action(self, text: str) -> str | None:
        """The CAMEO code of the first concrete action in ``text``, if any: not one whose
        object is an aim (`提供法治保障`)."""
        for i, _, e in self._actions.find_matches_as_indexes(text):
            if text[e : e + 1] in ACTOR_NOUN:
                continue  # `供应链`, `支持者`: a thing named, not the act
            what = ABSTRACT_END.split(text[e : e + 12], 1)[0]
            if what and what.endswith(self._abstract):
                continue
            return self._action_codes[i]
        return None

    def request_mode(self, text: str) -> tuple[str, str]:
        for mode, cameo, words in self.request_modes:
            if any(w in text for w in words):
                return mode, cameo
        return "assist", "021"

    def contexts_of(self, text: str) -> list[str]:
        found: list[str] = []
        for _, s, e in self._context_matcher.find_matches_as_indexes(text):
            c = self._context_of[text[s:e]]
            if c not in found:
                found.append(c)
        return found


@cache
def lexicon() -> Lexicon:
    return Lexicon()
