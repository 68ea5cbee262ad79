"""Events in a parsed English article: trigger, participants, status, date, amount, evidence.

For each trigger, participants are the entities in the trigger's own phrase and in
the subject, objects and prepositional phrases of the verb that governs it; clauses
of their own (other events) are left out. A place after "in"/"at" is the location.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from kizuna.event_types import event_types, role_free_types
from kizuna.extract.evidence import date_scopes, english_clause, sentence_span
from kizuna.extract.status import event_status
from kizuna.extract.triggers import Trigger, find_triggers
from kizuna.lang import load
from kizuna.model import DateRef, Event, Money, Span
from kizuna.resolve.entities import ResolvedEntities
from kizuna.resolve.gazetteer import default_gazetteer

SUBJECT_CLIMB = {"xcomp", "conj", "ccomp", "advcl", "pcomp", "acl"}
SUBJECTS = {"nsubj", "nsubjpass", "csubj", "agent", "expl"}
# Dependents whose words are another clause's: no participant of this event is named in
# them. Unlike the evidence's `CLAUSES_OUTSIDE_EVIDENCE`, a framed verb (xcomp: "plans to
# invest") counts here, as its object is the framed happening's, not the framing one's.
CLAUSES_WITHOUT_PARTIES = {"ccomp", "xcomp", "advcl", "conj", "relcl", "acl", "parataxis", "csubj"}
LOCATION_PREPS = {"in", "at", "during"}
PLACE_KINDS = {"places", ""}
PLACE_TARGET_TYPES = {"VISIT"}
COUNTRY_TARGET_TYPES = frozenset(t.name for t in event_types().values() if t.country_target)
ROLE_FREE = role_free_types()
MIN_PARTICIPANTS = {"MEET": 2}
AMOUNT_TYPES = {"INVEST", "TRADE", "AGREE", "COOPERATE", "RESTRICT", "POLICY"}


@dataclass(frozen=True)
class ArticleContext:
    """What every event in one article is read against."""

    text: str
    parsed: Any
    entities: ResolvedEntities
    token_entity: dict[int, str]
    amounts: tuple[Money, ...]
    find_dates: Callable[[int, int, str], list[DateRef]]  # sentence start, end, tense
    leaders: frozenset[str] = frozenset()  # entity ids of heads of state or government
    subject_mentions: frozenset[int] = frozenset()  # start offsets of mentions that are subjects


def token_entities(parsed: Any, entities: ResolvedEntities) -> dict[int, str]:
    """Token index -> entity id, for every token inside an entity mention."""
    out: dict[int, str] = {}
    for entity in entities.entities:
        for mention in entity.mentions:
            span = parsed.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                out.update({t.i: entity.id for t in span})
    return out


def subject_mentions(parsed: Any, entities: ResolvedEntities) -> frozenset[int]:
    """Start offsets of the entity mentions that head or sit in a clause's subject."""
    starts = set()
    for entity in entities.entities:
        for mention in entity.mentions:
            span = parsed.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and span.root.dep_ in SUBJECTS:
                starts.add(mention.start)
    return frozenset(starts)


def find_events(ctx: ArticleContext) -> list[Event]:
    events: list[Event] = []
    for sent in ctx.parsed.sents:
        for trigger in find_triggers(sent):
            if _mentioned_again(ctx.parsed[trigger.head], trigger, events) \
                    or _in_name(ctx, trigger):
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


QUOTATION_MARKS = ("\"", "”", "“")


def _event(ctx: ArticleContext, sent: Any, trigger: Trigger, number: int) -> Event | None:
    doc = ctx.parsed
    head = doc[trigger.head]
    if trigger.kind == "noun" and _refers_back(head):
        return None
    if _inside_quotation(ctx.text, doc[trigger.start].idx):
        return None
    actors, targets, location = _participants(ctx, sent, trigger)
    if len(actors) + len(targets) < MIN_PARTICIPANTS.get(trigger.type, 1):
        return None
    status = event_status(doc[trigger.start], head, trigger.type)
    clause = english_clause(ctx.text, sent, head, _after_dateline(sent))
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
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children) \
        and head.dep_ in {"nsubj", "nsubjpass"}


DEFINITE = {"the", "this", "that", "these", "those"}


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
    if prep.head.dep_ == "prep" or prep.head.lower_ in {"ahead", "prior"}:
        words = f"{prep.head.lower_} {words}"
    return words.split()[0] in REFERENCE_PREPOSITIONS


def _inside_quotation(text: str, offset: int) -> bool:
    """Words in direct speech are the speaker's, not the reporter's account of events."""
    paragraph = text[text.rfind("\n", 0, offset) + 1:offset]
    curly = paragraph.count("“") > paragraph.count("”")
    return curly or paragraph.count('"') % 2 == 1


REFERENCE_PREPOSITIONS = {
    "after", "before", "following", "since", "until", "ahead", "prior", "amid",
}


def _end_char(token: Any) -> int:
    return token.idx + len(token.text)


def _predicate(head: Any) -> Any:
    node = head
    while node.pos_ not in {"VERB", "AUX"} and node.head.i != node.i:
        node = node.head
    return node


def _participant_tokens(head: Any) -> Iterator[Any]:
    """Tokens that may name a participant, each with the dependency path kind."""
    yield from head.subtree
    predicate = _predicate(head)
    if predicate.i != head.i:
        yield from _clause_tokens(predicate, exclude=head)
    yield from _subject_tokens(predicate)


def _clause_tokens(predicate: Any, exclude: Any) -> Iterator[Any]:
    for child in predicate.children:
        if child.i == exclude.i or child.dep_ in CLAUSES_WITHOUT_PARTIES:
            continue
        yield from child.subtree


def _subject_tokens(predicate: Any) -> Iterator[Any]:
    """The subject of the predicate, or of the verb it hangs from ("aim to deepen")."""
    node = predicate
    for _ in range(5):
        subjects = [c for c in node.children if c.dep_ in SUBJECTS]
        if subjects:
            for subject in subjects:
                if subject.tag_ in RELATIVE_TAGS and node.dep_ == "relcl":
                    yield from _noun_phrase(node.head)
                else:
                    yield from subject.subtree
            return
        if node.head.i == node.i or not (node.dep_ in SUBJECT_CLIMB or _preposition(node)
                                         or _planned_object(node, predicate)):
            return
        controller = _object_controller(node)
        if controller is not None:
            yield from controller.subtree
            return
        node = node.head


def _planned_object(node: Any, predicate: Any) -> bool:
    """"Toyota announced plans to build a plant": the plan's infinitive takes the subject
    of the verb the plan is the object of."""
    return node.dep_ == "dobj" and node.lemma_.lower() in _planning_nouns() and \
        predicate.dep_ == "acl" and predicate.head.i == node.i and predicate.tag_ == "VB"


@cache
def _planning_nouns() -> frozenset[str]:
    return frozenset(load("en", "events")["planning"]["nouns"])


OCCASION_PREPS = {"during", "in", "at", "over"}


def _outer_subject(predicate: Any) -> Iterator[Any]:
    """The nearest subject up the chain of clauses, past the one asked to act."""
    node = predicate
    for _ in range(6):
        subjects = [c for c in node.children if c.dep_ in SUBJECTS]
        if subjects:
            for subject in subjects:
                yield from subject.subtree
            return
        if node.head.i == node.i:
            return
        node = node.head


def _object_controller(node: Any) -> Any:
    """"Ishiba urged Trump to drop the tariff": the one who is to drop it is the object
    of the verb of asking, not its subject (object control)."""
    if node.dep_ != "xcomp" or node.head.lemma_.lower() not in _asking_verbs():
        return None
    return next((c for c in node.head.children if c.dep_ == "dobj"), None)


@cache
def _asking_verbs() -> frozenset[str]:
    return frozenset(load("en", "events")["asking"]["verbs"])


def _preposition(node: Any) -> bool:
    """"Committed to spending": the verb under a preposition takes the subject above."""
    return node.dep_ == "prep" and node.pos_ == "ADP"


RELATIVE_TAGS = {"WP", "WDT"}


def _noun_phrase(noun: Any) -> Iterator[Any]:
    """A noun with its modifiers but without the clauses hanging from it."""
    yield noun
    for child in noun.children:
        if child.dep_ not in CLAUSES_WITHOUT_PARTIES:
            yield from child.subtree


def _participants(ctx: ArticleContext, sent: Any, trigger: Trigger):
    head = ctx.parsed[trigger.head]
    actors: list[str] = []
    targets: list[str] = []
    location = None
    subject_ids = _ids(ctx, _subject_tokens(_predicate(head)))
    seen: set[str] = set()
    first = _after_dateline(sent)
    for token in _participant_tokens(head):
        if token.i < first:
            continue
        entity_id = ctx.token_entity.get(token.i) or _referent(ctx, token)
        if not entity_id or entity_id in seen:
            continue
        seen.add(entity_id)
        role = _role(ctx, token, entity_id, trigger.type)
        if role == "location":
            location = location or entity_id
        elif role == "participant":
            (actors if entity_id in subject_ids else targets).append(entity_id)
    for entity_id in _group_referents(ctx, sent, head):
        if entity_id not in seen:
            seen.add(entity_id)
            actors.append(entity_id)
    delegated = _delegated_parties(ctx, sent, head) if trigger.type == "MEET" else []
    if delegated:
        return delegated, [], location
    if trigger.type in MIN_PARTICIPANTS and len(actors) + len(targets) == 1 and \
            _governing_preposition(head) in OCCASION_PREPS:
        # "urged him to reconsider during a phone conversation": the one who urged
        # talked with him too
        for entity_id in _ids(ctx, _outer_subject(_predicate(head))):
            if entity_id not in seen:
                seen.add(entity_id)
                actors.insert(0, entity_id)
    if trigger.type in GOODS_TYPES and (actors or targets):
        # only with a party named outright: a demonym alone is too weak to make an event
        targets += [e for e in _goods_countries(ctx, head) if e not in seen]
    if not actors and targets and trigger.type in ROLE_FREE:
        actors, targets = targets, []
    return actors, targets, location


GOODS_TYPES = {"RESTRICT", "TRADE"}
GOODS_PREPOSITIONS = {"on", "against", "from", "of"}


def _goods_countries(ctx: ArticleContext, head: Any) -> list[str]:
    """"A tariff on Japanese cars", "imports of American rice": the country whose goods
    are taxed or traded is a party, though only its demonym is written."""
    nodes = [head, _predicate(head)]
    found: list[str] = []
    for node in nodes:
        for prep in node.children:
            if prep.dep_ != "prep" or prep.lower_ not in GOODS_PREPOSITIONS:
                continue
            for token in prep.subtree:
                if _names_a_body(token):
                    continue
                name = _demonym_countries().get(token.text)
                entity_id = _entity_named(ctx, name) if name else None
                if entity_id and entity_id not in found:
                    found.append(entity_id)
    return found


def _names_a_body(demonym: Any) -> bool:
    """"Restrictions on the Chinese start-up": the demonym describes a company, whose
    country is no party to the measure."""
    phrase = demonym.doc[demonym.i:demonym.head.i + 1].text.lower() \
        if demonym.head.i > demonym.i else ""
    return any(_word_in(w, phrase) for w in _reference_words()["organisation_nouns"])


def _word_in(word: str, phrase: str) -> bool:
    at = phrase.find(word)
    return at > 0 and not phrase[at + len(word):at + len(word) + 1].isalpha()


@cache
def _demonym_countries() -> dict[str, str]:
    """Demonym ("Japanese") -> canonical country name, from the gazetteer."""
    return {d: actor.name for actor in default_gazetteer().actors
            for d in actor.demonyms if actor.type == "GPE"}


def _delegated_parties(ctx: ArticleContext, sent: Any, head: Any) -> list[str]:
    """"The two leaders agreed to have their ministers continue talks": the talkers are
    unnamed envoys, so the parties are the countries of those who sent them (two or
    more, each with a country named in the article)."""
    verb = _predicate(head)
    if verb.dep_ != "xcomp" or verb.head.i == verb.i:
        return []
    sender = verb.head
    if not any(c.dep_ == "dobj" and c.lemma_.lower() in _delegate_nouns()
               for c in sender.children):
        return []
    people = [i for i in _ids(ctx, _outer_subject(sender))
              if ctx.entities.by_id[i].type == "PERSON"]
    if len(people) < 2:
        named = _entity_ids_before(ctx, sent.start_char, "PERSON")
        leaders = [p for p in named if p in ctx.leaders]
        people = (leaders if len(leaders) >= 2 else named)[:2]
    countries: list[str] = []
    for person in people:
        code = ctx.entities.by_id[person].country
        country = next((e.id for e in ctx.entities.entities if code and e.country == code
                        and ctx.entities.kinds.get(e.id) == "countries"), None)
        if country and country not in countries:
            countries.append(country)
    return countries if len(countries) >= 2 else []


@cache
def _delegate_nouns() -> frozenset[str]:
    return frozenset(load("en", "events")["delegates"]["nouns"])


def _entity_named(ctx: ArticleContext, name: str) -> str | None:
    return next((e.id for e in ctx.entities.entities if e.name == name), None)



def _after_dateline(sent: Any) -> int:
    """Index of the first token after a dateline ("BUSAN, South Korea, Oct. 30 (Wire) –",
    "Osaka, May 2 (Example Wire) —"): the place and the wire are not parties."""
    if not (sent.text[:3].isupper() or _DATELINE.match(sent.text)):
        return sent.start
    for token in sent[:20]:
        if token.text in {"–", "—", "--"} or (token.text == "-" and token.whitespace_):
            return token.i + 1
    return sent.start


# "City[, Region], Month Day[, Year] (Agency) —" opening a sentence.
_DATELINE = re.compile(
    r"[A-Z][\w.' -]{1,30}(?:, [A-Z][\w.' -]{1,30})?, (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|"
    r"Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})? \([^)\n]{2,40}\) ?[–—-]")


def _ids(ctx: ArticleContext, tokens: Iterator[Any]) -> set[str]:
    out = set()
    for token in tokens:
        entity_id = ctx.token_entity.get(token.i) or _referent(ctx, token)
        if entity_id:
            out.add(entity_id)
    return out


def _role(ctx: ArticleContext, token: Any, entity_id: str, event_type: str) -> str:
    entity = ctx.entities.by_id[entity_id]
    if entity.type == "PRODUCT":
        return "object"
    prep = _governing_preposition(token)
    if entity.type == "ORG" and prep == "at" and event_type not in PLACE_TARGET_TYPES:
        return "location"  # "at the White House": the venue, not a party
    if entity.type != "GPE":
        return "participant"
    if prep not in LOCATION_PREPS:
        return "participant"
    kind = ctx.entities.kinds.get(entity_id, "")
    if kind in PLACE_KINDS:
        return "participant" if event_type in PLACE_TARGET_TYPES else "location"
    return "participant" if event_type in COUNTRY_TARGET_TYPES else "location"


def _governing_preposition(token: Any) -> str | None:
    node = token
    while node.dep_ in {"compound", "amod", "det", "poss", "appos", "conj", "cc"}:
        node = node.head
    if node.dep_ == "pobj" and node.head.dep_ == "prep":
        return node.head.lower_
    return None


@cache
def _reference_words() -> dict[str, Any]:
    return load("en", "entities")["references"]


@cache
def _referring_words() -> frozenset[str]:
    words = _reference_words()
    return frozenset([*words["person_pronouns"], *words["thing_pronouns"],
                      *words.get("object_pronouns", ()), *words["organisation_nouns"],
                      *words["country_nouns"]])


@cache
def _group_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = _reference_words()

    def alternation(phrases: list[str]) -> re.Pattern[str]:
        return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b")
    return alternation(words["two_people"]), alternation(words["two_countries"])


def _referent(ctx: ArticleContext, token: Any) -> str | None:
    """The actor a pronoun or a definite description stands for: "he" is the person last
    named as a subject, "the company" the organisation last named, "the country" the
    country last named."""
    words = _reference_words()
    if token.lower_ not in _referring_words():
        return None
    if token.lower_ in words["person_pronouns"] and token.dep_ in SUBJECTS:
        same_sentence = _entity_ids_before(ctx, token.idx, "PERSON", since=token.sent.start_char)
        people = same_sentence or _entity_ids_before(ctx, token.idx, "PERSON",
                                                     subjects_first=True)
        return people[0] if people else None
    if token.lower_ in words.get("object_pronouns", ()) and \
            token.dep_ in {"dobj", "pobj", "dative"}:
        return _object_referent(ctx, token)
    if token.lower_ in words["thing_pronouns"] and token.dep_ in {"nsubj", "nsubjpass"}:
        bodies = _entity_ids_before(ctx, token.idx, "ORG", subjects_first=True)
        bodies += _entity_ids_before(ctx, token.idx, "GPE", countries=True, subjects_first=True)
        return _latest_subject(ctx, bodies, token.idx)
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return None
    if token.lower_ in words["organisation_nouns"]:
        found = _entity_ids_before(ctx, token.idx, "ORG")
    elif token.lower_ in words["country_nouns"]:
        found = _entity_ids_before(ctx, token.idx, "GPE", countries=True)
    else:
        return None
    return found[0] if found else None


def _object_referent(ctx: ArticleContext, token: Any) -> str | None:
    """"Ishiba conveyed his concern to Trump and urged him to reconsider": "him" is not the
    clause's own subject (that would be "himself"), so it is the person last named
    before it who was not a subject, in the sentence if one is."""
    for since in (token.sent.start_char, 0):
        people = _entity_ids_before(ctx, token.idx, "PERSON", since=since)
        for person in people:
            entity = next(e for e in ctx.entities.entities if e.id == person)
            last = max(m.start for m in entity.mentions if since <= m.start < token.idx)
            if last not in ctx.subject_mentions:
                return person
    return None


def _latest_subject(ctx: ArticleContext, entity_ids: list[str], offset: int) -> str | None:
    """Of these entities, the one whose last mention before `offset` was a subject, latest."""
    best, best_start = None, -1
    for entity in ctx.entities.entities:
        if entity.id not in entity_ids:
            continue
        starts = [m.start for m in entity.mentions
                  if m.start < offset and m.start in ctx.subject_mentions]
        if starts and max(starts) > best_start:
            best, best_start = entity.id, max(starts)
    return best


def _entity_ids_before(
    ctx: ArticleContext, offset: int, kind: str, countries: bool = False,
    subjects_first: bool = False, since: int = 0,
) -> list[str]:
    """Distinct entity ids of `kind` mentioned before `offset`, nearest first; with
    `subjects_first`, those last mentioned as the subject of a clause come first."""
    found: list[tuple[bool, int, str]] = []
    for entity in ctx.entities.entities:
        if entity.type != kind:
            continue
        if countries and ctx.entities.kinds.get(entity.id) != "countries":
            continue
        starts = [m.start for m in entity.mentions if since <= m.start < offset]
        if starts:
            last = max(starts)
            subject = subjects_first and last in ctx.subject_mentions
            found.append((subject, last, entity.id))
    return [entity_id for _, _, entity_id in sorted(found, reverse=True)]


def _group_referents(ctx: ArticleContext, sent: Any, head: Any) -> list[str]:
    """'The two leaders' / 'the two countries' in the clause: the last two named."""
    predicate = _predicate(head)
    clause = " ".join(t.lower_ for t in _subject_tokens(predicate))
    clause = f"{clause} {' '.join(t.lower_ for t in head.subtree)}"
    two_people, two_countries = _group_patterns()
    if two_people.search(clause):
        people = _entity_ids_before(ctx, sent.start_char, "PERSON")
        leaders = [p for p in people if p in ctx.leaders]
        return (leaders if len(leaders) >= 2 else people)[:2]
    if two_countries.search(clause):
        return _entity_ids_before(ctx, sent.start_char, "GPE", countries=True)[:2]
    return []


def _object(trigger: Trigger, head: Any) -> str | None:
    if trigger.kind == "noun":
        phrase = head.doc[min(t.i for t in head.subtree):max(t.i for t in head.subtree) + 1]
    else:
        objects = [c for c in head.children if c.dep_ in {"dobj", "attr", "oprd"}]
        if not objects:
            return None
        o = objects[0]
        phrase = head.doc[min(t.i for t in o.subtree):max(t.i for t in o.subtree) + 1]
    text = " ".join(phrase.text.split())
    return text[:160] or None


def _amount(ctx: ArticleContext, trigger: Trigger, head: Any, clause: Span) -> Money | None:
    """A sum hanging from the trigger ("partnerships worth $110 million"), or from its
    verb inside the event's own clause."""
    if trigger.type not in AMOUNT_TYPES:
        return None
    predicate = _predicate(head)
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
    first = _after_dateline(sent)
    floor = ctx.parsed[first].idx if first < sent.end else sent.start_char
    candidates = [d for d in ctx.find_dates(sent.start_char, sent.end_char, tense)
                  if d.span and d.span.start >= floor]
    if not candidates:
        return _same_day(ctx, sent)
    pool: list[DateRef] = []
    for scope in date_scopes(sent, head, first):
        pool = [d for d in candidates if _first_token(ctx.parsed, d.span) in scope]
        if pool:
            break
    if not pool:
        return _same_day(ctx, sent) if not candidates else None
    plain = [d for d in pool if not _in_parentheses(ctx.text, d.span.start, sent.start_char)]
    chosen = min(plain or pool, key=lambda d: abs(d.span.start - head.idx))
    if tense == "future" and _told_in_past(ctx.parsed, chosen):
        return _in_past(ctx, sent, chosen)
    return chosen


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
    words = parsed.char_span(span.start, span.end, alignment_mode="expand")
    return words.start if words is not None else -1


def _in_parentheses(text: str, offset: int, floor: int) -> bool:
    before = text[floor:offset]
    return before.count("(") > before.count(")")
