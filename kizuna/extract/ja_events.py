"""Events in a parsed Japanese article: trigger words, clause participants, modality.

Japanese states several happenings in one sentence, each closing a clause
(…と会談し、…で一致し、…を発表した), and drops a subject the sentence before
already gave. So a trigger's participants are the names in its own clause plus the
sentence's topic (the name marked with は or が), or the previous sentence's topic
when the sentence has none. Modality follows the predicate: the status is read in the
text right after the trigger, up to the end of its clause.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from kizuna.extract.events import AMOUNT_TYPES, MIN_PARTICIPANTS
from kizuna.extract.ja_mentions import japanese_lexicon
from kizuna.lang import load
from kizuna.model import EVENT_TYPES, DateRef, Event, Money, Span
from kizuna.resolve.entities import ResolvedEntities

CLAUSE_ENDS = {"、", "。", "，"}
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
class JapaneseContext:
    text: str
    parsed: Any
    entities: ResolvedEntities
    amounts: tuple[Money, ...]
    find_dates: Callable[[int, int, str], list[DateRef]]


@dataclass(frozen=True)
class _Trigger:
    type: str
    start: int  # character offsets
    end: int


def find_events_ja(ctx: JapaneseContext) -> list[Event]:
    lex = japanese_event_lexicon()
    mentions = _mention_index(ctx.entities)
    events: list[Event] = []
    previous_topic: list[str] = []
    last_date: DateRef | None = None
    carried: DateRef | None = None  # the day a sentence closing on a verbal noun told
    for sent in ctx.parsed.sents:
        start, end = _trimmed(ctx.text, sent.start_char, sent.end_char)
        own_topic = _topic(ctx, start, end, mentions, lex)
        topic = own_topic or previous_topic
        boundaries = _clause_boundaries(sent)
        noun_stop = _noun_stop(sent, lex)
        tense = "past" if noun_stop else _sentence_tense(ctx.text[start:end])
        triggers = _triggers(ctx.text, sent, lex)
        announced = not triggers
        for trigger in triggers or _announcement(ctx.text, start, end, lex):
            if _in_name(trigger, mentions) or _mentioned_again(ctx.text, trigger, events):
                continue
            clause = _clause(boundaries, trigger, start, end)
            event = _event(ctx, trigger, (start, end), clause, topic, mentions, lex,
                           len(events) + 1, tense)
            if event is not None and announced:  # the announcer alone: places are no party
                event = replace(event, targets=())
            if event is not None and event.date is None and _same_day(ctx.text, start, trigger):
                event = replace(event, date=last_date)
            if event is not None and event.date is None and event.status == "happened":
                event = replace(event, date=carried)
            if event is not None and not _remark_told_before(ctx.text, trigger, event, events):
                events.append(event)
        previous_topic = own_topic or previous_topic
        own_date = _last_date(ctx, start, end, tense)
        last_date = own_date or last_date
        carried = own_date if noun_stop and own_date and own_date.granularity == "day" \
            else None
    return events


def _announcement(text: str, start: int, end: int,
                  lex: JapaneseEventLexicon) -> list[_Trigger]:
    """…が11日発表した決算: in a sentence telling no happening, a made-public thing named
    after the announcing verb is a STATEMENT by the topic. A clause announced
    (…すると発表した, …したと発表した) is left alone: what it tells is the news, or the
    announcement goes with a press conference told elsewhere."""
    for word in lex.announcing:
        position = text.find(word, start, end)
        while position >= 0:
            after = text[position + len(word):position + len(word) + 3]
            if after.startswith("した") and after[2:3] not in {"。", "、", "", "と", "が"}:
                return [_Trigger("STATEMENT", position, position + len(word))]
            position = text.find(word, position + 1, end)
    return []


def _noun_stop(sent: Any, lex: JapaneseEventLexicon) -> bool:
    """18日、…を確認。: a sentence closing on a verbal noun leaves its verb (確認した) to be
    understood, told in the past, and the sentence after it goes on telling that day's
    news. A closing plan word (訪米予定。) is no such stop."""
    words = [t for t in sent if t.pos_ != "PUNCT" and not t.is_space]
    if not words or not sent.text.rstrip().endswith("。"):
        return False
    last = words[-1]
    return last.tag_.endswith("サ変可能") and \
        not any(cue.startswith(last.text) for cue in (*lex.planned, *lex.considered))


def _remark_told_before(text: str, trigger: _Trigger, event: Event,
                        events: list[Event]) -> bool:
    """記者団に述べた is a STATEMENT once per speaker in an article: a later remark to the
    press goes on with the same remarks."""
    if event.type != "STATEMENT" or text[trigger.start:trigger.end] not in PRESS_WORDS:
        return False
    return any(e.type == "STATEMENT" and set(e.actors) & set(event.actors) for e in events)


PRESS_WORDS = ("記者団",)


def _mentioned_again(text: str, trigger: _Trigger, events: list[Event]) -> bool:
    """共同声明は…と明記した: a happening already told, now the topic of what is said
    about it, is not told again."""
    return text[trigger.end:trigger.end + 1] == "は" and \
        any(e.type == trigger.type for e in events)


def _in_name(trigger: _Trigger, mentions: list[tuple[int, int, str]]) -> bool:
    """アジア太平洋経済協力会議: a trigger word inside a longer name names no happening
    (訪米 is both: a visit, and the United States as its place)."""
    size = trigger.end - trigger.start
    return any(start <= trigger.start and trigger.end <= end and end - start > size
               for start, end, _ in mentions)


def _mention_index(entities: ResolvedEntities) -> list[tuple[int, int, str]]:
    return sorted((m.start, m.end, e.id) for e in entities.entities for m in e.mentions
                  if e.type in {"PERSON", "ORG", "GPE"})


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _triggers(text: str, sent: Any, lex: JapaneseEventLexicon) -> list[_Trigger]:
    tokens = list(sent)
    found, i = [], 0
    while i < len(tokens):
        hit = _longest_word(tokens, i, lex)
        if hit is None:
            i += 1
            continue
        size, event_type = hit
        start, end = tokens[i].idx, tokens[i + size - 1].idx + len(tokens[i + size - 1].text)
        word = text[start:end]
        if _signs_instrument(found, event_type, start) or _modifies(text, end, lex):
            i += size
            continue
        if word not in lex.weak or _issued(text, end, sent.end_char, lex):
            if event_type == "TRADE" and _buys_equity(text, start, lex):
                event_type = "INVEST"
            found.append(_Trigger(event_type, start, end))
        i += size
    return found


def _buys_equity(text: str, start: int, lex: JapaneseEventLexicon) -> bool:
    """株式を購入, 400億ドルを調達: a share in a company, or money, changes hands."""
    return lex.equity_object is not None and \
        lex.equity_object.search(text[max(0, start - 12):start]) is not None


def _signs_instrument(found: list[_Trigger], event_type: str, start: int) -> bool:
    """大統領令に署名した: signing an order is the order's POLICY event, not an AGREE."""
    return event_type == "AGREE" and any(
        t.type == "POLICY" and 0 <= start - t.end <= 3 for t in found)


def _modifies(text: str, end: int, lex: JapaneseEventLexicon) -> bool:
    """投資をめぐって, 輸出先: the word says what something is about, or is part of a
    longer noun, and names no happening."""
    after = text[end:end + 12]
    following = next((w for w in lex.words if after.startswith(w)), None)
    if following:  # 関税措置を巡る: the words after a compound of triggers
        after = after[len(following):]
    return after.startswith(lex.topic_markers) or after.startswith(lex.noun_suffixes)


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


def _clause(boundaries: list[int], trigger: _Trigger, start: int, end: int) -> tuple[int, int]:
    """The clause around a trigger: between the clause ends (a comma after a predicate,
    a full stop) on either side of it."""
    left = max((b for b in boundaries if b <= trigger.start), default=start)
    right = min((b for b in boundaries if b >= trigger.end), default=end)
    return left, right


def _clause_boundaries(sent: Any) -> list[int]:
    """Character offsets just after each comma that closes a predicate (会談し、),
    not a comma inside a list of names (孫正義会長、アルトマンCEO) nor a stop inside
    a quotation."""
    out, depth = [], 0
    for token in sent[1:]:
        depth += token.text.count("「") - token.text.count("」")
        previous = token.doc[token.i - 1]
        if token.text in CLAUSE_ENDS and previous.pos_ in PREDICATE_POS and depth <= 0:
            out.append(token.idx + len(token.text))
    return out


PREDICATE_POS = {"VERB", "AUX", "SCONJ", "ADJ"}


def _topic(ctx: JapaneseContext, start: int, end: int, mentions,
           lex: JapaneseEventLexicon) -> list[str]:
    """Entities marked as topic or subject (石破首相は, 両国が) in a sentence; 両首脳 and
    両国 stand for the two leaders or countries named before."""
    text, out = ctx.text, []
    inside = [m for m in mentions if start <= m[0] < end and not _in_aside(text, start, m[0])]
    chain: list[str] = []  # ソフトバンクGとオープンAIなどは: names listed before the particle
    for i, (_, m_end, entity_id) in enumerate(inside):
        following = inside[i + 1][0] if i + 1 < len(inside) else end
        if following == m_end:
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


LIST_JOINERS = ("と", "、")
_ASIDE = re.compile(r"^[（(][^）)]{0,40}[）)]")
_LISTING_TAILS = ("など", "ら", "の両社", "両社")


def _after_listing(follow: str) -> str:
    """The text after a name, past an aside in brackets and a 'and others' tail."""
    follow = _ASIDE.sub("", follow)
    for tail in _LISTING_TAILS:
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
    return rest in LIST_JOINERS


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
    return sorted(last, key=last.get, reverse=True)[:2]


def _sentence_tense(sentence: str) -> str:
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


def _event(ctx: JapaneseContext, trigger: _Trigger, sentence: tuple[int, int],
           clause: tuple[int, int], topic: list[str], mentions, lex: JapaneseEventLexicon,
           number: int, tense: str) -> Event | None:
    start, end = sentence
    c_start, c_end = clause
    evidence = _clause_evidence(ctx.text, clause)
    if _OCCASION.match(ctx.text[trigger.end:]):
        c_end = trigger.end  # "…会見で、…": what follows is told at the occasion, not of it
    in_clause = [e for s, m_end, e in mentions if c_start <= s < c_end
                 and not _modifier(ctx.text, s, m_end, mentions)
                 and not _venue(ctx, m_end, e, trigger.type)]
    participants = list(dict.fromkeys([*topic, *in_clause]))
    if len(participants) < MIN_PARTICIPANTS.get(trigger.type, 1):
        return None
    status = _event_status(ctx, trigger, (c_start, c_end), tense, lex)
    if status == "happened" and _plan_closes_chain(ctx.text, c_end, end, lex):
        status = "planned"
    if _PAST_MODIFIER.search(ctx.text[max(c_start, trigger.start - 4):trigger.start]):
        status = "happened"  # 成立したAI法: a past relative clause tells what has happened
    actors = [p for p in participants if p in topic] or participants[:1]
    if trigger.type == "MEET" and _delegated_talks(ctx.text, start, trigger):
        # 担当閣僚を指名して協議を続けていく: talks to come between the envoys' countries
        status, countries = "planned", _countries_of(ctx, participants)
        actors = countries if len(countries) >= 2 else actors
        participants = actors if len(countries) >= 2 else participants
    targets = [p for p in participants if p not in actors]
    return Event(
        id=f"v{number}", type=trigger.type, status=status,
        evidence=evidence, sentence=Span.of(ctx.text, start, end),
        actors=tuple(actors), targets=tuple(targets),
        date=_date(ctx, trigger, start, end, status, tense),
        object=ctx.text[c_start:trigger.end].strip("、。 ")[-80:] or None,
        amount=_amount(ctx, trigger, c_start, c_end),
        trigger=Span.of(ctx.text, trigger.start, trigger.end),
    )


@cache
def _delegation() -> dict[str, tuple[str, ...]]:
    data = load("ja", "events")["MEET"]["delegated"]
    return {key: tuple(data[key]) for key in ("envoys", "continuing", "done")}


def _delegated_talks(text: str, sentence_start: int, trigger: _Trigger) -> bool:
    """協議を続けていく / 協議を進めるよう after envoys named earlier in the sentence
    (担当閣僚, 閣僚): talks the envoys are to carry on, not ones already held."""
    words = _delegation()
    after = text[trigger.end:trigger.end + 12]
    verb = next((v for v in words["continuing"] if after.startswith(v)), None)
    if verb is None or after[len(verb):].startswith(words["done"]):
        return False
    return any(envoy in text[sentence_start:trigger.start] for envoy in words["envoys"])


def _countries_of(ctx: JapaneseContext, people: list[str]) -> list[str]:
    """The article's entities for the countries of these people, in their order."""
    out: list[str] = []
    for person in people:
        entity = ctx.entities.by_id[person]
        if entity.type == "GPE" and ctx.entities.kinds.get(person) == "countries":
            country = person
        else:
            country = next((e.id for e in ctx.entities.entities if entity.country
                            and e.country == entity.country
                            and ctx.entities.kinds.get(e.id) == "countries"), None)
        if country and country not in out:
            out.append(country)
    return out


def _clause_evidence(text: str, clause: tuple[int, int]) -> Span:
    """The clause without the comma or full stop that closes it."""
    start, end = _trimmed(text, *clause)
    while end > start + 1 and text[end - 1] in CLAUSE_ENDS:
        end -= 1
    return Span.of(text, start, end)


def _event_status(ctx: JapaneseContext, trigger: _Trigger, clause: tuple[int, int],
                  tense: str, lex: JapaneseEventLexicon) -> str:
    text = ctx.text
    if _OCCASION.match(text[trigger.end:]):
        return "happened" if tense == "past" else "planned"  # 記者会見で、…: the setting
    if any(word in text[clause[0]:trigger.start] for word in lex.planned_before):
        return "planned"
    status = _status(text[trigger.end:clause[1]], lex)
    if status == "planned" and trigger.type in lex.announced_types \
            and lex.announced.search(text[trigger.end:clause[1]]):
        return "happened"  # 投じる計画を打ち出している: the commitment is made public
    return status


def _plan_closes_chain(text: str, clause_end: int, sentence_end: int,
                       lex: JapaneseEventLexicon) -> bool:
    """先行公開し、環境を整える計画だ: a clause in the continuative form (…し、…て、) takes
    the plan that closes the sentence."""
    if not text[:clause_end].rstrip().endswith(CONTINUATIVE):
        return False
    closing = text[clause_end:sentence_end].rstrip("。 \n")[-8:]
    return any(cue in closing for cue in _plan_endings())


CONTINUATIVE = ("し、", "て、")


@cache
def _plan_endings() -> tuple[str, ...]:
    return tuple(load("ja", "status")["planned"]["chain_endings"])


# "…会見で、" names the occasion of what the sentence tells; its tense is the sentence's.
_OCCASION = re.compile(r"(?:で|では|の場で)、")


def _modifier(text: str, start: int, end: int, mentions) -> bool:
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
    following = end + gap
    return any(s == following and e - s > 1 for s, e, _ in mentions)


def _venue(ctx: JapaneseContext, end: int, entity_id: str, event_type: str) -> bool:
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


def _status(after: str, lex: JapaneseEventLexicon) -> str:
    window = after[:40]
    for status, cues in (("negated", lex.negated), ("considered", lex.considered),
                         ("planned", lex.planned)):
        if any(cue in window for cue in cues):
            return status
    return "happened"


_PAST_MODIFIER = re.compile(r"(?:した|された|った|れた)$")



def _date(ctx: JapaneseContext, trigger: _Trigger, start: int, end: int,
          status: str, tense: str) -> DateRef | None:
    if status in {"planned", "considered"}:
        tense = "future"
    candidates = [d for d in ctx.find_dates(start, end, tense)
                  if d.span and not _in_brackets(ctx.text, start, d.span.start)]
    before = [d for d in candidates if d.span.start < trigger.start]
    pool = before or candidates
    if not pool:
        return None
    chosen = min(pool, key=lambda d: abs(trigger.start - d.span.start))
    if tense != "past" and _PAST_VERB_AFTER.match(ctx.text, chosen.span.end):
        # １月に公表した計画: the date belongs to a verb told in the past, whatever the
        # status of the happening the sentence goes on to tell.
        return next((d for d in ctx.find_dates(start, end, "past")
                     if d.span and d.span.start == chosen.span.start), chosen)
    return chosen


# A date word's own predicate in the past: 1月に公表した, 3日、発表された (not 〜したい, 〜したら).
_PAST_VERB_AFTER = re.compile(r"[に、]?[一-龥]{1,4}(?:し|され)た(?![いら])")


def _same_day(text: str, start: int, trigger: _Trigger) -> bool:
    """同日 ("the same day") before the trigger dates it by the date told just before."""
    return any(word in text[start:trigger.start] for word in SAME_DAY)


SAME_DAY = ("同日", "この日", "同じ日")


def _last_date(ctx: JapaneseContext, start: int, end: int, tense: str) -> DateRef | None:
    dates = [d for d in ctx.find_dates(start, end, tense)
             if d.span and not _in_brackets(ctx.text, start, d.span.start)]
    return max(dates, key=lambda d: d.span.start) if dates else None


def _in_brackets(text: str, start: int, offset: int) -> bool:
    """（日本時間8日未明）: a date in brackets restates another one."""
    before = text[start:offset]
    return before.count("（") + before.count("(") > before.count("）") + before.count(")")


def _amount(ctx: JapaneseContext, trigger: _Trigger, c_start: int, c_end: int) -> Money | None:
    if trigger.type not in AMOUNT_TYPES:
        return None
    return next((m for m in ctx.amounts if c_start <= m.span.start and m.span.end <= c_end),
                None)
