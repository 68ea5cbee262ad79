"""The words that state a happening in a Japanese sentence (会談, 投資, 発表した), longest
first, from `kizuna/lang/ja/events.toml`; the status cues are read with them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from kizuna.lang import load
from kizuna.model import EVENT_TYPES

MAX_TRIGGER_TOKENS = 4


@dataclass(frozen=True)
class JapaneseEventLexicon:
    words: dict[str, str]
    weak: frozenset[str]
    issuing: tuple[str, ...]
    negated: tuple[str, ...]
    considered: tuple[str, ...]
    planned: tuple[str, ...]
    planned_before: tuple[str, ...]
    topic_particles: frozenset[str]
    topic_markers: tuple[str, ...]
    noun_suffixes: tuple[str, ...]
    announced: re.Pattern[str]  # 計画を打ち出した: a plan made public
    announced_types: frozenset[str]
    equity_object: re.Pattern[str] | None = None  # 株式を / 50億ドルを before a TRADE word
    announcing: tuple[str, ...] = ()  # 発表した: a statement when nothing else is told


@cache
def japanese_event_lexicon() -> JapaneseEventLexicon:
    events, status = load("ja", "events"), load("ja", "status")
    words = {w: t for t in EVENT_TYPES for w in events[t]["words"]}
    return JapaneseEventLexicon(
        words=words, weak=frozenset(events["weak"]["words"]),
        issuing=tuple(events["weak"]["issuing"]),
        negated=tuple(status["negated"]["cues"]),
        considered=tuple(status["considered"]["cues"]),
        planned=tuple(status["planned"]["cues"]),
        planned_before=tuple(status["planned"]["before"]),
        topic_particles=frozenset(load("ja", "entities")["topic"]["particles"]),
        topic_markers=tuple(events["modifiers"]["topic_markers"]),
        noun_suffixes=tuple(events["modifiers"]["noun_suffixes"]),
        announced=_announced_pattern(status["announced"]),
        announced_types=frozenset(status["announced"]["types"]),
        equity_object=_equity_pattern(events["TRADE"].get("equity_objects", [])),
        announcing=tuple(events["STATEMENT"].get("announcing", [])),
    )


def _equity_pattern(words: list[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    return re.compile("(?:" + "|".join(map(re.escape, words)) + r")[)）]?を$")


def _announced_pattern(section: dict) -> re.Pattern[str]:
    verbs = "|".join(map(re.escape, section["verbs"]))
    past = "|".join(map(re.escape, sorted(section["past"], key=len, reverse=True)))
    return re.compile(rf"を(?:{verbs})(?:し)?(?:{past})")


@dataclass(frozen=True)
class Trigger:
    type: str
    start: int  # character offsets
    end: int


def announcement_trigger(text: str, start: int, end: int,
                         lex: JapaneseEventLexicon) -> list[Trigger]:
    """…が11日発表した決算: in a sentence telling no happening, a made-public thing named
    after the announcing verb is a STATEMENT by the topic. A clause announced
    (…すると発表した, …したと発表した) is left alone: what it tells is the news, or the
    announcement goes with a press conference told elsewhere."""
    for word in lex.announcing:
        position = text.find(word, start, end)
        while position >= 0:
            after = text[position + len(word):position + len(word) + 3]
            if after.startswith("した") and after[2:3] not in _announced_after():
                return [Trigger("STATEMENT", position, position + len(word))]
            position = text.find(word, position + 1, end)
    return []


def find_triggers(text: str, sent: Any, lex: JapaneseEventLexicon) -> list[Trigger]:
    tokens = list(sent)
    found: list[Trigger] = []
    i = 0
    while i < len(tokens):
        hit = _longest_word(tokens, i, lex)
        if hit is None:
            i += 1
            continue
        size, event_type = hit
        start, end = tokens[i].idx, tokens[i + size - 1].idx + len(tokens[i + size - 1].text)
        word = text[start:end]
        if _signs_instrument(found, event_type, start) or _modifies(text, end, lex) \
                or _qualifies_trigger(text, end, event_type, lex) or _basis(text, start, end):
            i += size
            continue
        if event_type == "TRADE" and _names_goods(text, end, lex):
            i += size
            continue
        if word not in lex.weak or _issued(text, end, sent.end_char, lex):
            if event_type == "TRADE" and _buys_equity(text, start, lex):
                event_type = "INVEST"
            found.append(Trigger(event_type, start, end))
        i += size
    return found


def _names_goods(text: str, end: int, lex: JapaneseEventLexicon) -> bool:
    """輸入する自動車: the trade verb qualifies the noun after it (goods, a quota)."""
    after = text[end:end + 16]
    verb = next((v for v in sorted(_goods_relative(), key=len, reverse=True)
                 if after.startswith(v)), None)
    if verb is None:
        return False
    noun = after[len(verb):]
    return _NOUN_START.match(noun) is not None and \
        not noun.startswith((*lex.planned, *lex.considered, *lex.negated))


_NOUN_START = re.compile(r"[一-龥ァ-ヶー]")


@cache
def _goods_relative() -> tuple[str, ...]:
    return tuple(load("ja", "events")["TRADE"].get("goods_relative", []))


def _buys_equity(text: str, start: int, lex: JapaneseEventLexicon) -> bool:
    """株式を購入, 400億ドルを調達: a share in a company, or money, changes hands."""
    return lex.equity_object is not None and \
        lex.equity_object.search(text[max(0, start - 12):start]) is not None


def _signs_instrument(found: list[Trigger], event_type: str, start: int) -> bool:
    """大統領令に署名した: signing an order is the order's POLICY event, not an AGREE."""
    return event_type == "AGREE" and any(
        t.type == "POLICY" and 0 <= start - t.end <= 3 for t in found)


def _modifies(text: str, end: int, lex: JapaneseEventLexicon) -> bool:
    """投資をめぐって, 輸出先: the word says what something is about, or is part of a
    longer noun, and names no happening."""
    after = text[end:end + 12].lstrip("」』）)")  # 「相互関税」に関して: a quoted term, the same
    following = next((w for w in lex.words if after.startswith(w)), None)
    if following:  # 関税措置を巡る: the words after a compound of triggers
        after = after[len(following):]
    return after.startswith(lex.topic_markers) or after.startswith(lex.noun_suffixes)


def _basis(text: str, start: int, end: int) -> bool:
    """外為法に基づく: the law something rests on, not told as issued (成立したAI法 is)."""
    markers, endings = _basis_words()
    if not text[end:end + 12].lstrip("」』）)").startswith(markers):
        return False
    return not text[max(0, start - 4):start].endswith(endings)


@cache
def _basis_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    return (tuple(load("ja", "events")["modifiers"]["basis_markers"]),
            tuple(load("ja", "status")["past_modifier"]["endings"]))


def _qualifies_trigger(text: str, end: int, event_type: str, lex: JapaneseEventLexicon) -> bool:
    """協力覚書, 輸出の制限: a trigger word right before another type's (joined or with の)
    says what that one is about; the second names the happening."""
    after = text[end:end + 12]
    after = after[1:] if after.startswith("の") else after
    following = next((w for w in lex.words if after.startswith(w)), None)
    return following is not None and lex.words[following] != event_type


def _longest_word(tokens: list[Any], i: int, lex: JapaneseEventLexicon):
    for size in range(min(MAX_TRIGGER_TOKENS, len(tokens) - i), 0, -1):
        window = tokens[i:i + size]
        for form in ("".join(t.text for t in window), "".join(t.lemma_ for t in window)):
            if form in lex.words:
                return size, lex.words[form]
    return None


def _issued(text: str, end: int, sentence_end: int, lex: JapaneseEventLexicon) -> bool:
    after = text[end:min(sentence_end, end + 12)]
    return any(word in after for word in lex.issuing)


@cache
def _announced_after() -> frozenset[str]:
    return frozenset(load("ja", "events")["clauses"]["announced_after"])
