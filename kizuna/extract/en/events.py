"""Events in a parsed English article: trigger, participants, status, date, amount, evidence.

For each trigger, participants are the entities in the trigger's own phrase and in
the subject, objects and prepositional phrases of the verb that governs it; clauses
of their own (other events) are left out. A place after "in"/"at" is the location.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import Any

from kizuna.extract.dates import words_of
from kizuna.extract.doc_index import char_tokens, sentences, token_table
from kizuna.extract.en.clauses import (
    after_dateline,
    date_scopes,
    english_clause,
    prepositions,
    sentence_span,
)
from kizuna.extract.en.participants import event_parties, predicate_of
from kizuna.extract.en.referents import SUBJECTS, ArticleContext, subject_mentions
from kizuna.extract.en.status import event_status
from kizuna.extract.en.triggers import Trigger, find_triggers
from kizuna.extract.en.triggers import english_triggers as _english_lexicon
from kizuna.extract.events import AMOUNT_TYPES, MIN_PARTICIPANTS, EventInputs, token_entities
from kizuna.lang import load
from kizuna.model import DateRef, Event, Money, Span
from kizuna.resolve.entities import ResolvedEntities

QUOTATION_MARKS = ("\"", "”", "“")


def find_events(ctx: ArticleContext) -> list[Event]:
    events: list[Event] = []
    for sent in sentences(ctx.parsed):
        for trigger in find_triggers(sent):
            if _mentioned_again(ctx.parsed[trigger.head], trigger, events) \
                    or _in_name(ctx, trigger):
                continue
            joined = _joined_earlier(ctx, sent, trigger, events)
            if joined is not None:
                events[joined[0]] = joined[1]
                continue
            event = _event(ctx, sent, trigger, len(events) + 1)
            if event is not None and not _remark_told_before(ctx, sent, trigger, event, events):
                events.append(event)
    return events


def _remark_told_before(ctx: ArticleContext, sent: Any, trigger: Trigger, event: Event,
                        events: list[Event]) -> bool:
    """"Ishiba told reporters" is a STATEMENT once per speaker: a later remark to the press
    goes on with the same remarks, and '"…," he told reporters' after a quotation only
    says whose the words are."""
    if event.type != "STATEMENT" or trigger.end - trigger.start < 2:
        return False
    before = ctx.text[sent.start_char:ctx.parsed[trigger.start].idx]
    if any(mark in before for mark in QUOTATION_MARKS):
        return True
    return any(e.type == "STATEMENT" and set(e.actors) & set(event.actors) for e in events)


def _event(ctx: ArticleContext, sent: Any, trigger: Trigger, number: int) -> Event | None:
    doc = ctx.parsed
    head = doc[trigger.head]
    if trigger.kind == "noun" and (_refers_back(head) or _in_background(head)):
        return None
    if trigger.kind == "verb" and _habitual(head):
        return None
    if _inside_quotation(ctx.text, doc[trigger.start].idx):
        return None
    actors, targets, location = event_parties(ctx, sent, trigger)
    if len(actors) + len(targets) < MIN_PARTICIPANTS.get(trigger.type, 1):
        return None
    status = event_status(doc[trigger.start], head, trigger.type)
    clause = english_clause(ctx.text, sent, head, after_dateline(sent))
    return Event(
        id=f"v{number}", type=trigger.type, status=status, evidence=clause,
        sentence=sentence_span(ctx.text, sent),
        actors=tuple(actors), targets=tuple(targets), location=location,
        date=_date(ctx, sent, head, status), object=_object(trigger, head),
        amount=_amount(ctx, trigger, head, clause),
        trigger=Span.of(ctx.text, doc[trigger.start].idx, _end_char(doc[trigger.end - 1])),
        stated=not _in_passing(head, trigger),
    )


def _in_name(ctx: ArticleContext, trigger: Trigger) -> bool:
    """"Asia-Pacific Economic Cooperation", "Public Investment Fund": part of a name."""
    return any(i in ctx.token_entity for i in range(trigger.start, trigger.end))


def _mentioned_again(head: Any, trigger: Trigger, events: list[Event]) -> bool:
    """"The agreement gives Ishiba a lift": a definite noun names a happening already told."""
    if trigger.kind != "noun" or not any(e.type == trigger.type for e in events):
        return False
    return any(c.dep_ == "det" and c.lower_ in _definite() for c in head.children) \
        and head.dep_ in {"nsubj", "nsubjpass"}


def _joined_earlier(ctx: ArticleContext, sent: Any, trigger: Trigger,
                    events: list[Event]) -> tuple[int, Event] | None:
    """"The president attended the meeting alongside Bessent and Lutnick": those who
    attend or join a happening already told (a definite noun) take part in it, so they
    join the latest event of its type instead of making a new one. They join as actors:
    whoever attends, and whoever attends alongside them, is among those holding the
    happening, not someone it was held with ("Iwaya joined the talks" does not make
    Ishiba and Trump meet Iwaya)."""
    head = ctx.parsed[trigger.head]
    if trigger.kind != "noun" or head.dep_ != "dobj" or \
            head.head.lemma_.lower() not in _joining_verbs():
        return None
    if not any(c.dep_ == "det" and c.lower_ in _definite() for c in head.children):
        return None
    earlier = [n for n, e in enumerate(events) if e.type == trigger.type]
    if not earlier:
        return None
    actors, targets, _ = event_parties(ctx, sent, trigger)
    event = events[earlier[-1]]
    known = {*event.actors, *event.targets}
    new = [p for p in dict.fromkeys([*actors, *targets]) if p not in known]
    return earlier[-1], replace(event, actors=(*event.actors, *new))


@cache
def _joining_verbs() -> frozenset[str]:
    return frozenset(load("en", "events")["definite"].get("joining_verbs", ()))


def _in_passing(head: Any, trigger: Trigger) -> bool:
    """"A summary of Friday's talks", "details of the deal": the happening is mentioned
    as what another thing is about, not told."""
    if trigger.kind != "noun" or head.dep_ != "pobj" or head.head.lower_ != "of":
        return False
    return head.head.head.pos_ == "NOUN"


def _refers_back(noun: Any) -> bool:
    """"After the talks", "ahead of the summit": a happening told elsewhere, used as a time."""
    prep = noun.head if noun.dep_ == "pobj" else None
    if prep is None:
        return False
    words = prep.lower_
    if prep.head.dep_ == "prep" or prep.head.lower_ in prepositions("reference_heads"):
        words = f"{prep.head.lower_} {words}"
    return words.split()[0] in prepositions("reference")


def _habitual(verb: Any) -> bool:
    """"SoftBank, a group that invests in technology businesses": a plain present in a
    clause describing what its subject does (that, which, who) is a habit, not a
    happening ("Wednesday, when he flies to Seoul" is one, scheduled)."""
    return verb.dep_ == "relcl" and verb.tag_ in {"VBZ", "VBP"} and \
        not any(c.dep_ in {"aux", "auxpass"} for c in verb.children) and \
        any(c.dep_ in SUBJECTS and c.tag_ in {"WDT", "WP"} for c in verb.children)


def _in_background(noun: Any) -> bool:
    """"Met on Monday, amid growing concerns over tariffs": a happening somewhere in a
    phrase opened by "amid" is the backdrop the reporter sets, not one told."""
    node = noun
    while node.dep_ in {"pobj", "prep", "compound", "amod", "conj", "appos", "nmod"} \
            and node.head.i != node.i:
        node = node.head
        if node.dep_ == "prep" and node.lower_ in prepositions("background"):
            return True
    return False


def _inside_quotation(text: str, offset: int) -> bool:
    """Words in direct speech are the speaker's, not the reporter's account of events."""
    paragraph = text[text.rfind("\n", 0, offset) + 1:offset]
    curly = paragraph.count("“") > paragraph.count("”")
    return curly or paragraph.count('"') % 2 == 1


def _end_char(token: Any) -> int:
    return token.idx + len(token.text)


OBJECT_DEPS = frozenset({"dobj", "attr", "oprd"})


def _object(trigger: Trigger, head: Any) -> str | None:
    if trigger.type == "STATEMENT":
        return _remarks_topic(trigger, head)
    if trigger.kind == "noun":
        return _words(head)
    objects = [c for c in head.children if c.dep_ in OBJECT_DEPS]
    return _words(objects[0]) if objects else None


def _remarks_topic(trigger: Trigger, head: Any) -> str | None:
    """What remarks are about: a topic phrase ("briefed reporters on the trip", "a speech
    on AI policy"), else the object of a verb that does not address someone ("declared
    an emergency"). Who hears them ("told reporters") and where they are made ("at a
    press conference") are not what they are about."""
    if trigger.kind == "verb":
        objects = [c for c in head.children if c.dep_ in OBJECT_DEPS]
        # "spoke to the press about tariffs": the topic may hang on the audience
        holders = [head, *objects, *head.doc[trigger.start:trigger.end]]
    else:  # "gave a speech on AI policy": the topic may hang on the noun or its verb
        objects = []
        holders = [head, head.head] if head.dep_ in OBJECT_DEPS else [head]
    topics = _english_lexicon().topic_prepositions
    for node in holders:
        for prep in node.children:
            about = [c for c in prep.children if c.dep_ == "pobj"
                     and c.ent_type_ not in {"DATE", "TIME"}]  # "on Monday" is when
            if prep.dep_ == "prep" and prep.lower_ in topics and about:
                return _words(about[0])
    if objects and head.lemma_.lower() not in _addressing_verbs():
        return _words(objects[0])
    return None


def _words(node: Any) -> str | None:
    """The words of `node`'s phrase, on one line, at most 160 characters."""
    table = token_table(node.doc)
    words = table.subtree(node.i)
    text = " ".join(table.span_text(min(words), max(words) + 1).split())
    return text[:160] or None


@cache
def _addressing_verbs() -> frozenset[str]:
    return frozenset(load("en", "events")["STATEMENT"].get("addressing_verbs", ()))


def _amount(ctx: ArticleContext, trigger: Trigger, head: Any, clause: Span) -> Money | None:
    """A sum hanging from the trigger ("partnerships worth $110 million"), or from its
    verb inside the event's own clause."""
    if trigger.type not in AMOUNT_TYPES:
        return None
    predicate = predicate_of(head)
    scope = [head]
    if predicate.i != head.i:
        scope += [c for c in predicate.children if c.dep_ not in SUBJECTS and c.i != head.i]
    for node in scope:
        tokens = list(node.subtree)
        start, end = tokens[0].idx, _end_char(tokens[-1])
        if node.i != head.i:
            start, end = max(start, clause.start), min(end, clause.end)
        for money in ctx.amounts:
            if start <= money.span.start and money.span.end <= end:
                return money
    return None


def _date(ctx: ArticleContext, sent: Any, head: Any, status: str) -> DateRef | None:
    """The date nearest the trigger, looked for in `date_scopes` order."""
    tense = "future" if status in {"planned", "considered"} else "past"
    first = after_dateline(sent)
    floor = ctx.parsed[first].idx if first < sent.end else sent.start_char
    candidates = [d for d in ctx.find_dates(sent.start_char, sent.end_char, tense)
                  if d.span and d.span.start >= floor and _may_date(ctx, d, status)]
    if not candidates:
        return _same_day(ctx, sent)
    pool: list[DateRef] = []
    for scope in date_scopes(sent, head, first):
        pool = [d for d in candidates if _first_token(ctx.parsed, words_of(d)) in scope]
        if pool:
            break
    if not pool:
        return _same_day(ctx, sent) if not candidates else None
    plain = [d for d in pool if not _in_parentheses(ctx.text, words_of(d).start, sent.start_char)]
    chosen = min(plain or pool, key=lambda d: abs(words_of(d).start - head.idx))
    if tense == "future" and _told_in_past(ctx.parsed, chosen):
        return _in_past(ctx, sent, chosen)
    return chosen


def _may_date(ctx: ArticleContext, ref: DateRef, status: str) -> bool:
    """Whether `ref` can say when an event of `status` took place. A happening that is
    over took place by publication, so a later date ("signed deals, with deliveries
    expected to start around 2030") is when something it sets in train is due; and a
    deadline ("agreed to cut tariffs by 2030") bounds what was agreed, never says when the
    agreeing was. A planned event keeps its deadline: it is due then, the best the text
    says of when."""
    if status != "happened":
        return True
    if ctx.published is not None and ref.start > ctx.published:
        return False
    words = ref.text.lower()
    return not any(words.startswith(f"{cue} ") for cue in _deadline_cues())


@cache
def _deadline_cues() -> tuple[str, ...]:
    return tuple(load("en", "dates")["deadline"]["cues"])


def _told_in_past(parsed: Any, ref: DateRef) -> bool:
    """"On Tuesday announced plans to build": the date hangs on a verb in the past
    tense, so it dates the telling, which is over, not the happening planned."""
    first = _first_token(parsed, ref.span) if ref.span else -1
    if first < 0:
        return False
    node = parsed[first]
    while node.head.i != node.i and node.pos_ not in {"VERB", "AUX"}:
        node = node.head
    return node.tag_ == "VBD"


def _in_past(ctx: ArticleContext, sent: Any, ref: DateRef) -> DateRef:
    same = [d for d in ctx.find_dates(sent.start_char, sent.end_char, "past")
            if d.span and ref.span and d.span.start == ref.span.start]
    return same[0] if same else ref


def _same_day(ctx: ArticleContext, sent: Any) -> DateRef | None:
    """"Addressed the shock the same evening": the day told last before the sentence."""
    lowered = sent.text.lower()
    found = [(lowered.find(p), p) for p in _same_day_phrases() if p in lowered]
    if not found:
        return None
    earlier = [d for d in ctx.find_dates(0, sent.start_char, "past")
               if d.granularity == "day" and d.span]
    if not earlier:
        return None
    last = max(earlier, key=lambda d: d.span.start if d.span else 0)
    at, phrase = min(found)
    words = Span.of(ctx.text, sent.start_char + at, sent.start_char + at + len(phrase))
    return DateRef(words.text, last.start, last.end, last.granularity, words)


@cache
def _same_day_phrases() -> tuple[str, ...]:
    return tuple(load("en", "dates")["same_day"]["phrases"])


def _first_token(parsed: Any, span: Span) -> int:
    words = char_tokens(parsed, span.start, span.end)
    return words[0] if words is not None else -1


def _in_parentheses(text: str, offset: int, floor: int) -> bool:
    before = text[floor:offset]
    return before.count("(") > before.count(")")


def read_events(inputs: EventInputs) -> list[Event]:
    """The events of one English article, read against its parse and entities."""
    parsed, resolved = inputs.parsed, inputs.entities
    return find_events(ArticleContext(
        text=inputs.text, parsed=parsed, entities=resolved,
        token_entity=token_entities(parsed, resolved), amounts=inputs.amounts,
        find_dates=inputs.find_dates, leaders=_leaders(resolved),
        subject_mentions=subject_mentions(parsed, resolved), published=inputs.published,
    ))


def _leaders(resolved: ResolvedEntities) -> frozenset[str]:
    leader_titles = set(load("en", "entities")["references"]["leader_titles"])
    return frozenset(
        entity_id for entity_id, titles in resolved.titles.items()
        if any(_is_leader_title(t, lt) for t in titles for lt in leader_titles))


def _is_leader_title(title: str, leader_title: str) -> bool:
    """"U.S. President" is a leader's title; "Vice President" is not."""
    if title == leader_title:
        return True
    return title.endswith(" " + leader_title) and not title.startswith("vice")


@cache
def _definite() -> frozenset[str]:
    return frozenset(load("en", "events")["definite"]["determiners"])
