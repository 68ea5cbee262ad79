"""Japanese clauses and topics: where a trigger's clause starts and ends (会談し、…),
which names a sentence marks as its topic or subject (石破首相は, 両国が), and which
names only qualify another or give the venue."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from kizuna.extract.ja.mentions import japanese_lexicon
from kizuna.extract.ja.triggers import JapaneseEventLexicon, Trigger
from kizuna.lang import load
from kizuna.model import DateRef, Money, Span
from kizuna.resolve.entities import ResolvedEntities

PREDICATE_POS = {"VERB", "AUX", "SCONJ", "ADJ"}


_ASIDE = re.compile(r"^[（(][^）)]{0,40}[）)]")


@dataclass(frozen=True)
class JapaneseContext:
    text: str
    parsed: Any
    entities: ResolvedEntities
    amounts: tuple[Money, ...]
    find_dates: Callable[[int, int, str], list[DateRef]]


def closes_on_verbal_noun(sent: Any, lex: JapaneseEventLexicon) -> bool:
    """18日、…を確認。: a sentence closing on a verbal noun leaves its verb (確認した) to be
    understood, told in the past, and the sentence after it goes on telling that day's
    news. A closing plan word (訪米予定。) is no such stop."""
    words = [t for t in sent if t.pos_ != "PUNCT" and not t.is_space]
    if not words or not sent.text.rstrip().endswith("。"):
        return False
    last = words[-1]
    return last.tag_.endswith("サ変可能") and \
        not any(cue.startswith(last.text) for cue in (*lex.planned, *lex.considered))


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def clause_around(boundaries: list[int], trigger: Trigger, start: int, end: int) -> tuple[int, int]:
    """The clause around a trigger: between the clause ends (a comma after a predicate,
    a full stop) on either side of it."""
    left = max((b for b in boundaries if b <= trigger.start), default=start)
    right = min((b for b in boundaries if b >= trigger.end), default=end)
    return left, right


def clause_boundaries(sent: Any) -> list[int]:
    """Character offsets just after each comma that closes a predicate (会談し、),
    not a comma inside a list of names (孫正義会長、アルトマンCEO) nor a stop inside
    a quotation."""
    out, depth = [], 0
    for token in sent[1:]:
        depth += token.text.count("「") - token.text.count("」")
        previous = token.doc[token.i - 1]
        if token.text in clause_ends() and previous.pos_ in PREDICATE_POS and depth <= 0:
            out.append(token.idx + len(token.text))
    return out


def sentence_topic(ctx: JapaneseContext, start: int, end: int, mentions,
                   lex: JapaneseEventLexicon) -> list[str]:
    """Entities marked as topic or subject (石破首相は, 両国が) in a sentence; 両首脳 and
    両国 stand for the two leaders or countries named before."""
    text, out = ctx.text, []
    inside = [m for m in mentions if start <= m[0] < end and not _in_aside(text, start, m[0])]
    chain: list[str] = []  # ソフトバンクGとオープンAIなどは: names listed before the particle
    for i, (_, m_end, entity_id) in enumerate(inside):
        following = inside[i + 1][0] if i + 1 < len(inside) else end
        if following == m_end and not _country_in_title(text, m_end):
            continue  # 米オープンAI: 米 qualifies the name after it
        follow = _after_listing(_after_title(text[m_end:m_end + 30]))
        if follow[:1] in lex.topic_particles:
            out += [e for e in [*chain, entity_id] if e not in out]
            chain = []
        elif _joins(text[m_end:following]):
            chain.append(entity_id)
        else:
            chain = []
    for word, kind in _group_words().items():
        for position in _find_all(text, word, start, end):
            if text[position + len(word):position + len(word) + 1] in lex.topic_particles:
                out += [e for e in _last_named(ctx, position, kind) if e not in out]
    return out


def _country_in_title(text: str, end: int) -> bool:
    """トランプ米大統領は: the country named in a title is the person's, and the person
    is still the one the particle marks."""
    follow = text[end:end + 30]
    return follow[:1] in japanese_lexicon().abbreviations and _after_title(follow) != follow[1:]


def _after_listing(follow: str) -> str:
    """The text after a name, past an aside in brackets and a 'and others' tail."""
    follow = _ASIDE.sub("", follow)
    for tail in _listing()["tails"]:
        if follow.startswith(tail):
            return follow[len(tail):]
    return follow


def _in_aside(text: str, start: int, offset: int) -> bool:
    """（以下「ソフトバンクグループ」）: a name inside brackets restates the one before."""
    before = text[start:offset]
    return before.count("（") + before.count("(") > before.count("）") + before.count(")")


def _joins(between: str) -> bool:
    """Whether the text between two names only lists them (「と」, 「、」, an aside)."""
    rest = _after_listing(_after_title(between))
    return rest in _listing()["joiners"]


@cache
def _group_words() -> dict[str, str]:
    refs = load("ja", "entities")["references"]
    return {**{w: "leaders" for w in refs["two_leaders"]},
            **{w: "countries" for w in refs["two_countries"]}}


def _find_all(text: str, word: str, start: int, end: int) -> list[int]:
    out, position = [], text.find(word, start, end)
    while position >= 0:
        out.append(position)
        position = text.find(word, position + 1, end)
    return out


def _last_named(ctx: JapaneseContext, offset: int, kind: str) -> list[str]:
    """The two leaders (people with a title) or two countries named last before `offset`."""
    last: dict[str, int] = {}
    for entity in ctx.entities.entities:
        wanted = (entity.type == "PERSON" and ctx.entities.titles.get(entity.id)) \
            if kind == "leaders" else ctx.entities.kinds.get(entity.id) == "countries"
        starts = [m.start for m in entity.mentions if m.start < offset]
        if wanted and starts:
            last[entity.id] = max(starts)
    return sorted(last, key=lambda entity_id: last[entity_id], reverse=True)[:2]


def sentence_tense(sentence: str) -> str:
    """Past when the sentence closes in た, だ or ている (発表した, 決めている)."""
    ending = sentence.rstrip("。」』 ")
    return "past" if ending.endswith(("た", "ている", "ていた", "だ")) else "future"


def _after_title(follow: str) -> str:
    lex = japanese_lexicon()
    if follow[:1] in lex.abbreviations:
        follow = follow[1:]
    for title in lex.titles:
        if follow.startswith(title):
            return follow[len(title):]
    return follow


def clause_evidence(text: str, clause: tuple[int, int]) -> Span:
    """The clause without the comma or full stop that closes it."""
    start, end = trimmed(text, *clause)
    while end > start + 1 and text[end - 1] in clause_ends():
        end -= 1
    return Span.of(text, start, end)


def qualifies_next(text: str, start: int, end: int, mentions) -> bool:
    """A name that only qualifies the next one is an affiliation, not a participant:
    米オープンAI, ソフトバンクグループ（ソフトバンクG）の孫正義会長."""
    rest = text[end:end + 24]
    if rest.startswith(("（", "(")):
        close = max(rest.find("）"), rest.find(")"))
        rest = rest[close + 1:] if close >= 0 else rest
    gap = len(text[end:end + 24]) - len(rest)
    if rest.startswith("の"):
        gap += 1
    elif end - start > 1:
        return False
    else:
        gap += _descriptor(rest)  # 米半導体大手エヌビディア
    following = end + gap
    return any(s == following and e - s > 1 for s, e, _ in mentions)


def _descriptor(rest: str) -> int:
    """The length of a company descriptor (半導体大手) opening `rest`, or 0."""
    match = _DESCRIPTOR_RUN.match(rest)
    if match is None:
        return 0
    run = match.group(0)
    ends = [run.rfind(e) + len(e) for e in _descriptor_endings() if e in run]
    return max(ends, default=0)


_DESCRIPTOR_RUN = re.compile(r"[一-龥ァ-ヶー・]{1,10}")


@cache
def _descriptor_endings() -> tuple[str, ...]:
    return tuple(load("ja", "entities")["descriptors"]["endings"])


def is_venue(ctx: JapaneseContext, end: int, entity_id: str, event_type: str) -> bool:
    """官邸で, ホワイトハウスで: the place an event happens in (a country remains a party
    to an investment, a trade or a visit)."""
    after = _after_title(ctx.text[end:end + 8])
    if not after.startswith(_location_particles()):
        return False
    country = ctx.entities.kinds.get(entity_id) == "countries"
    return not (country and event_type in {"INVEST", "TRADE", "VISIT", "RESTRICT"})


@cache
def _location_particles() -> tuple[str, ...]:
    return tuple(load("ja", "entities")["location"]["particles"])


@cache
def clause_ends() -> frozenset[str]:
    return frozenset(load("ja", "events")["clauses"]["ends"])


@cache
def _listing() -> dict[str, tuple[str, ...]]:
    data = load("ja", "entities")["listing"]
    return {key: tuple(data[key]) for key in ("joiners", "tails")}
