"""What an English article's events are read against, and what its pronouns and
definite descriptions ("he", "the company", "the two leaders") stand for."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from kizuna.lang import load
from kizuna.model import DateRef, Money
from kizuna.resolve.entities import ResolvedEntities

SUBJECTS = {"nsubj", "nsubjpass", "csubj", "agent", "expl"}


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
    published: date | None = None  # the publication day: nothing happened after it


def subject_mentions(parsed: Any, entities: ResolvedEntities) -> frozenset[int]:
    """Start offsets of the entity mentions that head or sit in a clause's subject."""
    starts = set()
    for entity in entities.entities:
        for mention in entity.mentions:
            span = parsed.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and span.root.dep_ in SUBJECTS:
                starts.add(mention.start)
    return frozenset(starts)


@cache
def reference_words() -> dict[str, Any]:
    return load("en", "entities")["references"]


@cache
def _referring_words() -> frozenset[str]:
    words = reference_words()
    return frozenset([*words["person_pronouns"], *words["thing_pronouns"],
                      *words.get("object_pronouns", ()), *words["organisation_nouns"],
                      *words["country_nouns"]])


@cache
def group_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = reference_words()

    def alternation(phrases: list[str]) -> re.Pattern[str]:
        return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b")
    return alternation(words["two_people"]), alternation(words["two_countries"])


def may_refer(lower: str) -> bool:
    """Whether a word (lower-cased) is one `referent` may find an actor for; any other
    word stands for none."""
    return lower in _referring_words()


def referent(ctx: ArticleContext, token: Any) -> str | None:
    """The actor a pronoun or a definite description stands for: "he" is the person last
    named as a subject, "the company" the organisation last named, "the country" the
    country last named."""
    words = reference_words()
    if token.lower_ not in _referring_words():
        return None
    if token.lower_ in words["person_pronouns"] and token.dep_ in SUBJECTS:
        same_sentence = entity_ids_before(ctx, token.idx, "PERSON", since=token.sent.start_char)
        people = same_sentence or entity_ids_before(ctx, token.idx, "PERSON",
                                                     subjects_first=True)
        return people[0] if people else None
    if token.lower_ in words.get("object_pronouns", ()) and \
            token.dep_ in {"dobj", "pobj", "dative"}:
        return _object_referent(ctx, token)
    if token.lower_ in words["thing_pronouns"] and token.dep_ in {"nsubj", "nsubjpass"}:
        bodies = entity_ids_before(ctx, token.idx, "ORG", subjects_first=True)
        bodies += entity_ids_before(ctx, token.idx, "GPE", countries=True, subjects_first=True)
        return _latest_subject(ctx, bodies, token.idx)
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return None
    if token.lower_ in words["organisation_nouns"]:
        found = entity_ids_before(ctx, token.idx, "ORG")
    elif token.lower_ in words["country_nouns"]:
        found = entity_ids_before(ctx, token.idx, "GPE", countries=True)
    else:
        return None
    return found[0] if found else None


def _object_referent(ctx: ArticleContext, token: Any) -> str | None:
    """"Ishiba conveyed his concern to Trump and urged him to reconsider": "him" is not the
    clause's own subject (that would be "himself"), so it is the person last named
    before it who was not a subject, in the sentence if one is."""
    for in_sentence, since in ((True, token.sent.start_char), (False, 0)):
        people = entity_ids_before(ctx, token.idx, "PERSON", since=since)
        for person in people:
            entity = next(e for e in ctx.entities.entities if e.id == person)
            last = max(m.start for m in entity.mentions if since <= m.start < token.idx)
            if last not in ctx.subject_mentions:
                return person
        own = _own_subject_offsets(token)
        others = [p for p in people if in_sentence and not any(
            m.start in own for m in ctx.entities.by_id[p].mentions)]
        if others:
            # "If Trump visits, Ishiba will hold talks with him": the subject of another
            # clause of the sentence, when no one else was named there
            return others[0]
    return None


def _own_subject_offsets(token: Any) -> set[int]:
    """Start offsets of the words in the subject of the clause the pronoun sits in."""
    node = token
    while node.pos_ not in {"VERB", "AUX"} and node.head.i != node.i:
        node = node.head
    return {t.idx for c in node.children if c.dep_ in SUBJECTS for t in c.subtree}


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


def entity_ids_before(
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
