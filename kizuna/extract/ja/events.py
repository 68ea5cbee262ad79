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
from dataclasses import replace
from functools import cache

from kizuna.extract.dates import words_of
from kizuna.extract.events import AMOUNT_TYPES, MIN_PARTICIPANTS, EventInputs
from kizuna.extract.ja.clauses import (
    JapaneseContext,
    clause_around,
    clause_boundaries,
    clause_evidence,
    closes_on_verbal_noun,
    is_venue,
    qualifies_next,
    sentence_tense,
    sentence_topic,
    trimmed,
)
from kizuna.extract.ja.status import (
    chain_end,
    chained_clause,
    closes_in_nonpast,
    event_status,
    negated_verb,
    occasion,
    past_modifier,
    plan_closes_chain,
)
from kizuna.extract.ja.triggers import (
    JapaneseEventLexicon,
    Trigger,
    announcement_trigger,
    find_triggers,
    japanese_event_lexicon,
)
from kizuna.lang import load
from kizuna.model import DateRef, Event, Money, Span
from kizuna.resolve.entities import ResolvedEntities

# A date word's own predicate in the past: 1月に公表した, 3日、発表された (not 〜したい, 〜したら).
_PAST_VERB_AFTER = re.compile(r"[に、]?[一-龥]{1,4}(?:し|され)た(?![いら])")


def find_events_ja(ctx: JapaneseContext) -> list[Event]:
    lex = japanese_event_lexicon()
    mentions = _mention_index(ctx.entities)
    events: list[Event] = []
    previous_topic: list[str] = []
    last_date: DateRef | None = None
    carried: DateRef | None = None  # the day a sentence closing on a verbal noun told
    for sent in ctx.parsed.sents:
        start, end = trimmed(ctx.text, sent.start_char, sent.end_char)
        own_topic = sentence_topic(ctx, start, end, mentions, lex)
        topic = own_topic or previous_topic
        boundaries = clause_boundaries(sent)
        noun_stop = closes_on_verbal_noun(sent, lex)
        tense = "past" if noun_stop else sentence_tense(ctx.text[start:end])
        triggers = find_triggers(ctx.text, sent, lex)
        announced = not triggers
        for trigger in triggers or announcement_trigger(ctx.text, start, end, lex):
            if _in_name(trigger, mentions) or _mentioned_again(ctx.text, trigger, events):
                continue
            clause = clause_around(boundaries, trigger, start, end)
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


def _remark_told_before(text: str, trigger: Trigger, event: Event,
                        events: list[Event]) -> bool:
    """記者団に述べた is a STATEMENT once per speaker in an article: a later remark to the
    press goes on with the same remarks."""
    if event.type != "STATEMENT" or text[trigger.start:trigger.end] not in _press_words():
        return False
    return any(e.type == "STATEMENT" and set(e.actors) & set(event.actors) for e in events)


def _mentioned_again(text: str, trigger: Trigger, events: list[Event]) -> bool:
    """共同声明は…と明記した: a happening already told, now the topic of what is said
    about it, is not told again."""
    return text[trigger.end:trigger.end + 1] == "は" and \
        any(e.type == trigger.type for e in events)


def _in_name(trigger: Trigger, mentions: list[tuple[int, int, str]]) -> bool:
    """アジア太平洋経済協力会議: a trigger word inside a longer name names no happening
    (訪米 is both: a visit, and the United States as its place)."""
    size = trigger.end - trigger.start
    return any(start <= trigger.start and trigger.end <= end and end - start > size
               for start, end, _ in mentions)


def _mention_index(entities: ResolvedEntities) -> list[tuple[int, int, str]]:
    return sorted((m.start, m.end, e.id) for e in entities.entities for m in e.mentions
                  if e.type in {"PERSON", "ORG", "GPE"})


def _event(ctx: JapaneseContext, trigger: Trigger, sentence: tuple[int, int],
           clause: tuple[int, int], topic: list[str], mentions, lex: JapaneseEventLexicon,
           number: int, tense: str) -> Event | None:
    start, end = sentence
    c_start, c_end = clause
    evidence = clause_evidence(ctx.text, clause)
    if occasion().match(ctx.text[trigger.end:]):
        c_end = trigger.end  # "…会見で、…": what follows is told at the occasion, not of it
    if trigger.type != "VISIT":  # 訪問中の石破首相は…会談した: the visit's places stay its own
        c_start = max(c_start, _visitor_start(ctx, c_start, trigger.start, mentions))
    in_clause = [e for s, m_end, e in mentions if c_start <= s < c_end
                 and not qualifies_next(ctx.text, s, m_end, mentions)
                 and not is_venue(ctx, m_end, e, trigger.type)
                 and not ctx.text.startswith(_clock_words(), m_end)  # 日本時間17日
                 and not (trigger.type == "STATEMENT" and _talked_about(ctx, c_start, s, m_end,
                                                                        lex))]
    participants = list(dict.fromkeys([*topic, *in_clause]))
    if trigger.type in _partnered_types() and len(participants) < 2 \
            and chained_clause(ctx.text, c_start):  # オープンAIに出資し、提携した
        participants = list(dict.fromkeys([*participants, *(
            e for s, m_end, e in mentions if start <= s < c_start
            and not qualifies_next(ctx.text, s, m_end, mentions)
            and not is_venue(ctx, m_end, e, trigger.type))]))
    if len(participants) < MIN_PARTICIPANTS.get(trigger.type, 1):
        return None
    status = event_status(ctx, trigger, (c_start, c_end), tense, lex)
    if status == "happened" and negated_verb(ctx, trigger, c_end):
        status = "negated"
    if status == "happened" and (
            plan_closes_chain(ctx.text, c_end, end, lex)
            or closes_in_nonpast(ctx, trigger, chain_end(ctx.text, c_end, end))):
        status = "planned"
    if past_modifier().search(ctx.text[max(c_start, trigger.start - 4):trigger.start]):
        status = "happened"  # 成立したAI法: a past relative clause tells what has happened
    actors = [p for p in participants if p in topic] or participants[:1]
    visitor = _visitor_named_after(ctx, trigger, mentions) if trigger.type == "VISIT" \
        else None
    if visitor is not None:  # 来日したマクロン大統領: his visit, whatever the sentence's topic
        places = [e for s, _, e in mentions if c_start <= s < trigger.end and e in in_clause
                  and e not in topic and e != visitor]
        actors, participants = [visitor], list(dict.fromkeys([visitor, *places]))
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


def _talked_about(ctx: JapaneseContext, c_start: int, start: int, end: int,
                  lex: JapaneseEventLexicon) -> bool:
    """日米関税交渉について, 「米側に…」: a name in the noun before について or をめぐり,
    or inside the words quoted, is what a statement is about, not its speaker or
    audience."""
    before = ctx.text[c_start:start]
    if before.count("「") > before.count("」"):
        return True
    rest = _NOUN_RUN.sub("", ctx.text[end:end + 24], count=1)
    return rest.startswith(lex.topic_markers)


_NOUN_RUN = re.compile(r"^[一-龥ァ-ヶーA-Za-z0-9の]*")


@cache
def _clock_words() -> tuple[str, ...]:
    return tuple(load("ja", "entities")["location"]["clock"])


def _visitor_start(ctx: JapaneseContext, start: int, end: int, mentions) -> int:
    """Where the name of a visitor described by a visit clause (カナダを訪問中の) starts,
    between `start` and `end`; `start` when there is none."""
    for word in _visit_words():
        position = ctx.text.find(word, start, end)
        if position >= 0:
            visit = Trigger("VISIT", position, position + len(word))
            visitor = _visitor_named_after(ctx, visit, mentions)
            if visitor is not None:
                return next(s for s, _, e in mentions if s >= visit.end and e == visitor)
    return start


def _visitor_named_after(ctx: JapaneseContext, trigger: Trigger, mentions) -> str | None:
    """The person whose name follows a visit word closing a relative clause (訪問中の石破首相)."""
    after = ctx.text[trigger.end:trigger.end + 6]
    link = next((w for w in _visit_links() if after.startswith(w)), None)
    if link is None:
        return None
    start = trigger.end + len(link)
    for s, m_end, entity_id in mentions:  # in order; トヨタ自動車の豊田会長: past the company
        if s == start and ctx.entities.by_id[entity_id].type == "PERSON":
            return entity_id
        if s == start and qualifies_next(ctx.text, s, m_end, mentions):
            start = next(n for n, _, _ in mentions if n > s)
    return None


@cache
def _visit_words() -> tuple[str, ...]:
    """The VISIT trigger words (looked for before every event of an article)."""
    return tuple(w for w, t in japanese_event_lexicon().words.items() if t == "VISIT")


@cache
def _partnered_types() -> frozenset[str]:
    return frozenset(load("ja", "events")["chained"]["partnered"])


@cache
def _visit_links() -> tuple[str, ...]:
    return tuple(load("ja", "events")["VISIT"]["relative"])


@cache
def _delegation() -> dict[str, tuple[str, ...]]:
    data = load("ja", "events")["MEET"]["delegated"]
    return {key: tuple(data[key]) for key in ("envoys", "continuing", "done")}


def _delegated_talks(text: str, sentence_start: int, trigger: Trigger) -> bool:
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
            country: str | None = person
        else:
            country = next((e.id for e in ctx.entities.entities if entity.country
                            and e.country == entity.country
                            and ctx.entities.kinds.get(e.id) == "countries"), None)
        if country and country not in out:
            out.append(country)
    return out


def _date(ctx: JapaneseContext, trigger: Trigger, start: int, end: int,
          status: str, tense: str) -> DateRef | None:
    if status in {"planned", "considered"}:
        tense = "future"
    candidates = [d for d in ctx.find_dates(start, end, tense)
                  if d.span and not _in_brackets(ctx.text, start, d.span.start)]
    before = [d for d in candidates if words_of(d).start < trigger.start]
    pool = before or candidates
    if not pool:
        return None
    chosen = min(pool, key=lambda d: abs(trigger.start - words_of(d).start))
    if tense != "past" and _PAST_VERB_AFTER.match(ctx.text, words_of(chosen).end):
        # １月に公表した計画: the date belongs to a verb told in the past, whatever the
        # status of the happening the sentence goes on to tell.
        return next((d for d in ctx.find_dates(start, end, "past")
                     if d.span and d.span.start == words_of(chosen).start), chosen)
    return chosen


def _same_day(text: str, start: int, trigger: Trigger) -> bool:
    """同日 ("the same day") before the trigger dates it by the date told just before."""
    return any(word in text[start:trigger.start] for word in _same_day_words())


def _last_date(ctx: JapaneseContext, start: int, end: int, tense: str) -> DateRef | None:
    dates = [d for d in ctx.find_dates(start, end, tense)
             if d.span and not _in_brackets(ctx.text, start, d.span.start)]
    return max(dates, key=lambda d: words_of(d).start) if dates else None


def _in_brackets(text: str, start: int, offset: int) -> bool:
    """（日本時間8日未明）: a date in brackets restates another one."""
    before = text[start:offset]
    return before.count("（") + before.count("(") > before.count("）") + before.count(")")


def _amount(ctx: JapaneseContext, trigger: Trigger, c_start: int, c_end: int) -> Money | None:
    if trigger.type not in AMOUNT_TYPES:
        return None
    return next((m for m in ctx.amounts if c_start <= m.span.start and m.span.end <= c_end),
                None)


def read_events(inputs: EventInputs) -> list[Event]:
    """The events of one Japanese article, read against its parse and entities."""
    return find_events_ja(JapaneseContext(
        text=inputs.text, parsed=inputs.parsed, entities=inputs.entities,
        amounts=inputs.amounts, find_dates=inputs.find_dates))


@cache
def _press_words() -> tuple[str, ...]:
    return tuple(load("ja", "events")["STATEMENT"]["press"])


@cache
def _same_day_words() -> tuple[str, ...]:
    return tuple(load("ja", "events")["same_day"]["words"])
