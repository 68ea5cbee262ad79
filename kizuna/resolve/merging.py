"""Across articles: does an article's event report a happening already known?

`decide` compares one article-level event with the merged events of the same type and
returns a `Judgement`: the merged event it joins (or None for a new happening) and the
reasons, so a person can see, and undo, why. Pure: the store feeds it candidates and
records what it says.
"""

from __future__ import annotations

import math
import tomllib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources

from kizuna.resolve.happenings import COUNTABLE

# A happening is one event when these agree: participants (canonical names), dates and
# amounts. Names shared by many events (a country, a president) count for less.
MIN_SCORE = 0.45
NEAR_SCORE = 0.2  # below MIN_SCORE but worth a person's look (the event page lists it)
BRIDGE_SCORE = MIN_SCORE  # folding takes what joining takes: any order, one result
DATE_SLACK_DAYS = 1  # "7 Feb local time" is "8 Feb Japan time"
AMOUNT_TOLERANCE = 0.02
UNDATED_WINDOW_DAYS = 45  # an undated report matches reports published this close
# A date the event's own clause does not state (taken from the article's lead event, or
# from a neighbouring phrase) is evidence, not proof: it may disagree this much.
UNSURE_DATE_DAYS = 14  # the most any type allows (date_tolerance.toml): candidates' window
RELATED_TYPE_COST = 0.1  # one happening typed two related ways (related_types.toml)


@dataclass(frozen=True)
class EventFacts:
    """What merging looks at in an event, article-level or merged."""

    id: str
    type: str
    participants: frozenset[str]
    start: date | None = None
    end: date | None = None
    granularity: str | None = None
    amount: tuple[float, str] | None = None
    published: date | None = None
    actors: frozenset[str] = frozenset()  # who does it, for types with a direction
    status: str = "happened"
    date_sure: bool = True  # the event's own clause states its date
    member: str | None = None  # when `id` names a merged event: the member's event id
    # the countries its participants belong to or act for (a participant of none counts
    # as a side of its own)
    sides: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Judgement:
    event_id: str
    merged_id: str | None  # None: a new happening
    score: float
    reasons: tuple[str, ...] = field(default=())


def with_countries(participants: Iterable[tuple[str, str, str | None]],
                   country_names: Mapping[str, str]) -> frozenset[str]:
    """Canonical names of (name, type, country) participants, with the country a place
    lies in: a visit to Washington is a visit to the United States."""
    names = set()
    for name, entity_type, country in participants:
        names.add(name)
        if entity_type in EXPANDED_TYPES and country is not None and country in country_names:
            names.add(country_names[country])
    return frozenset(names)


def sides_of(participants: Iterable[tuple[str, str, str | None]]) -> frozenset[str]:
    """The sides (name, type, country) participants are on: each one's country, or its
    own name when it has none."""
    return frozenset(country or name for name, _, country in participants)


# A place lies in its country; a person (a leader, a minister) acts for one: "Trump"
# in one report is "the United States" in another. Companies are not their country.
EXPANDED_TYPES = frozenset({"GPE", "PERSON"})


@cache
def related_types() -> dict[str, frozenset[str]]:
    """type -> the types one happening of it is also given (related_types.toml)."""
    text = resources.files(__package__).joinpath("related_types.toml").read_text("utf-8")
    found: dict[str, set[str]] = defaultdict(set)
    for pair in tomllib.loads(text)["related"]:
        first, second = pair["types"]
        found[first].add(second)
        found[second].add(first)
    return {type: frozenset(others) for type, others in found.items()}


@cache
def _date_rules() -> dict:
    text = resources.files(__package__).joinpath("date_tolerance.toml").read_text("utf-8")
    return tomllib.loads(text)


def unsure_date_days(*types: str) -> int:
    """Days an inferred date may be off for happenings of these types (the least any
    allows, date_tolerance.toml): a phone call a week before a meeting is another
    happening; an agreement reported a week later is the same one."""
    rules = _date_rules()
    by_type, default = rules.get("types", {}), int(rules["default"])
    return min(min(int(by_type.get(t, default)) for t in types), UNSURE_DATE_DAYS)


def compatible(type: str) -> frozenset[str]:
    """The types an event of `type` may be merged with: its own and the related ones."""
    return frozenset({type}) | related_types().get(type, frozenset())


def decide(event: EventFacts, merged: list[EventFacts],
           weights: dict[str, float] | None = None) -> Judgement:
    """The merged event `event` reports, if any, with the reasons for the choice."""
    return assign([event], {event.id: merged}, weights)[0]


def assign(events: list[EventFacts], candidates: dict[str, list[EventFacts]],
           weights: dict[str, float] | None = None) -> list[Judgement]:
    """Judgements for the events of one article, in the order given.

    An article tells each happening once, so each merged event takes at most one of its
    events: the best-scoring pairs are joined first, and an event whose best candidate
    went to a better-matching event of the same article tries its next one.
    """
    pairs = []
    best: dict[str, tuple[float, tuple[str, ...]]] = {}
    for order, event in enumerate(events):
        for candidate in candidates.get(event.id, []):
            scored = score(event, candidate, weights or {})
            if scored is None:
                continue
            value, reasons = scored
            if event.id not in best or value > best[event.id][0]:
                best[event.id] = (value, reasons)
            if value >= MIN_SCORE:
                pairs.append((-value, order, candidate.id, event.id, reasons))
    chosen: dict[str, Judgement] = {}
    taken: set[str] = set()
    for negative, _, merged_id, event_id, reasons in sorted(pairs):
        if event_id not in chosen and merged_id not in taken:
            chosen[event_id] = Judgement(event_id, merged_id, -negative, reasons)
            taken.add(merged_id)
    return [chosen.get(e.id) or _new_happening(e.id, best.get(e.id)) for e in events]


def bridged(event: EventFacts, candidates: list[EventFacts], joined: str,
            weights: dict[str, float] | None = None) -> list[str]:
    """The other merged event `event` reports best besides the one it `joined` (a list
    of one, or empty): the event shows they are one happening (reports that each told
    too little to be matched with the other). The test is the one joining takes
    (`MIN_SCORE`): were the bar higher, which reports end together would depend on the
    order they came in (A-B and B-C match, A-C do not: A, B, C gives one merged event,
    so A, C, B must too)."""
    weights = weights or {}
    best: dict[str, float] = {}
    for candidate in candidates:
        if candidate.id == joined:
            continue
        found = score(event, candidate, weights)
        if found is not None and found[0] >= BRIDGE_SCORE:
            best[candidate.id] = max(best.get(candidate.id, 0.0), found[0])
    # one at most, the best: folding every match lets one loose report chain many
    # happenings of a large store together (a report naming only the United States and
    # Japan matches dozens); the chain A-B-C needs B to bridge one only
    return sorted(best, key=lambda merged_id: (-best[merged_id], merged_id))[:1]


def one_reading(a: EventFacts, b: EventFacts) -> tuple[str, ...] | None:
    """Why two events of one article are readings of one happening the extractor split
    (four MEETs for one meeting, each naming some of those present), or None: the same
    type (not one of the kinds made several at once, `COUNTABLE`) and status, one's
    participants (with the countries leaders act for) all among the other's, amounts
    that agree, and dates that both name the same day (give or take the day time zones
    make). Undated ones are not: without a date nothing says it is the same happening;
    two happenings told on different days, or with different people, stay two."""
    if a.type != b.type or a.type in COUNTABLE or a.status != b.status:
        return None  # tariffs, pledges, orders: one actor makes several in a day
    if not (a.start and b.start):
        return None
    if a.granularity != "day" or b.granularity != "day" or not _dates_agree(a, b):
        return None  # a day's slack: the same article may tell local and Japan time
    shared = a.participants & b.participants
    nested = a.participants <= b.participants or b.participants <= a.participants
    if not (shared and nested) or not _amounts_agree(a, b) or _opposite(a, b):
        return None  # Akazawa meeting Trump and Akazawa meeting Lutnick that day: two
    return (f"same type {a.type}, status {a.status} and day {a.start.isoformat()}",
            f"one names all the other does: {', '.join(sorted(shared))}")


def _new_happening(event_id: str, best: tuple[float, tuple[str, ...]] | None) -> Judgement:
    if best is None:
        reasons: tuple[str, ...] = ("no merged event of the same type shares a participant",)
        return Judgement(event_id, None, 0.0, ("new happening", *reasons))
    return Judgement(event_id, None, best[0], ("new happening", *best[1]))


def score(a: EventFacts, b: EventFacts,
          weights: dict[str, float]) -> tuple[float, tuple[str, ...]] | None:
    """How likely `a` and `b` are one happening (0..1), or None when they cannot be."""
    if b.type not in compatible(a.type):
        return None
    shared = a.participants & b.participants
    if not shared:
        return None
    if not _amounts_agree(a, b):
        return None
    if _opposite(a, b) or _plan_for_the_past(a, b) or _plan_for_the_past(b, a):
        return None
    when = _date_evidence(a, b)
    if when is None:
        return None
    if len(a.sides | b.sides) == 1 and when[0] <= 0 and not _same_news(a, b):
        return None  # one side acting alone, no date to tie them, told days apart: two acts
    overlap = _weighted_overlap(a.participants, b.participants, weights)
    if a.type == b.type:
        reasons = [f"same type {a.type}"]
        value = overlap
    else:
        reasons = [f"related types {' and '.join(sorted((a.type, b.type)))}"]
        value = overlap - RELATED_TYPE_COST
    reasons.append(f"shared participants: {', '.join(sorted(shared))}")
    value += when[0]
    reasons += when[1]
    if a.amount and b.amount:
        value += 0.2
        reasons.append("amounts agree")
    return max(min(value, 1.0), 0.0), tuple(reasons)


def _date_evidence(a: EventFacts, b: EventFacts) -> tuple[float, list[str]] | None:
    """What the dates (and, without two to compare, the publication days) add to the
    score, with the reasons; None when they show two happenings. Dates both clauses
    state must agree; a date only inferred (from the article's lead event, or a phrase
    outside the clause) may disagree a little, and then counts as one date unknown."""
    if a.start and b.start:
        if _dates_agree(a, b):
            return 0.3, ["dates agree"]
        tolerance = unsure_date_days(a.type, b.type)
        if a.date_sure and b.date_sure or _days_apart(a, b) > tolerance:
            return None
        if not _reported_together(a, b):
            return None
        return 0.0, [f"dates differ, one not stated in its clause (at most {tolerance} days "
                     f"for {'/'.join(sorted({a.type, b.type}))})"]
    if not _reported_together(a, b):
        return None
    if _plan_and_happening(a, b):
        return None
    if a.start or b.start:
        return 0.0, ["one date unknown"]
    return -0.1, ["no dates"]


def _same_news(a: EventFacts, b: EventFacts) -> bool:
    """Reports published within a day of each other (the same news, told by two
    outlets), or one of unknown day."""
    return _published_within(a, b, DATE_SLACK_DAYS)


def _plan_and_happening(a: EventFacts, b: EventFacts) -> bool:
    """"Agreed to have ministers continue talks" (to come, no date) is not the talks
    held on a given day: for meetings and visits (`plans_need_a_date`) a plan names its
    happening by its date, and without one nothing ties an intention to what took place
    (both plans, or both over, may still be matched undated)."""
    if not {a.type, b.type} & set(_date_rules().get("plans_need_a_date", ())):
        return False
    return (a.status in FUTURE) != (b.status in FUTURE)


def _days_apart(a: EventFacts, b: EventFacts) -> int:
    """Days between two dated periods (0 when they overlap)."""
    a_start, b_start = a.start or date.min, b.start or date.min
    return max((a_start - (b.end or b_start)).days, (b_start - (a.end or a_start)).days, 0)


def _reported_together(a: EventFacts, b: EventFacts) -> bool:
    """Without two dates to compare, only reports published near each other can be
    matched: "Japan and the United States agreed to cooperate" in May is not March's
    agreement of the same two, nor every other one in the store."""
    return _published_within(a, b, UNDATED_WINDOW_DAYS)


def _published_within(a: EventFacts, b: EventFacts, days: int) -> bool:
    """Whether two reports came out at most `days` apart (yes, when a day is unknown)."""
    if a.published is None or b.published is None:
        return True
    return abs((a.published - b.published).days) <= days


def _plan_for_the_past(plan: EventFacts, other: EventFacts) -> bool:
    """A meeting planned or considered in July's news is not February's summit: what is
    still to come when an article appears cannot be a happening dated before it."""
    if plan.status not in FUTURE or plan.published is None or other.start is None:
        return False
    if other.status in FUTURE and other.published and other.published >= plan.published:
        # a report no older also tells it as to come: its past date is a misreading
        # ("plans to release ... April 2025" in July), not a happening already over
        return False
    return (plan.published - (other.end or other.start)).days > DATE_SLACK_DAYS


FUTURE = frozenset({"planned", "considered"})


def _opposite(a: EventFacts, b: EventFacts) -> bool:
    """China restricting the United States is not the United States restricting China:
    for types with a direction, actors on one side only of each are two happenings."""
    if a.type not in DIRECTED or not (a.actors and b.actors) or a.actors & b.actors:
        return False
    return bool(a.actors & (b.participants - b.actors)) and \
        bool(b.actors & (a.participants - a.actors))


DIRECTED = frozenset({"VISIT", "INVEST", "POLICY", "RESTRICT", "TRADE", "RELEASE", "STATEMENT"})


def _weighted_overlap(a: frozenset[str], b: frozenset[str], weights: dict[str, float]) -> float:
    """Jaccard overlap where a name's weight is how telling it is (1 = rare)."""
    def weight(name: str) -> float:
        return weights.get(name, 1.0)
    # fsum: the exact sum, whatever order a set yields the names in (plain float sums
    # differ in the last bit between processes, and a score at the bar would flip)
    union = math.fsum(weight(n) for n in a | b)
    return math.fsum(weight(n) for n in a & b) / union if union else 0.0


def _dates_agree(a: EventFacts, b: EventFacts) -> bool:
    if not (a.start and b.start):
        return True
    slack = DATE_SLACK_DAYS if "day" in {a.granularity, b.granularity} else 0
    a_end, b_end = a.end or a.start, b.end or b.start
    return (a.start - b_end).days <= slack and (b.start - a_end).days <= slack


def _amounts_agree(a: EventFacts, b: EventFacts) -> bool:
    if not (a.amount and b.amount) or a.amount[1] != b.amount[1]:
        return True  # different currencies: the same sum told in yen and in dollars
    larger = max(abs(a.amount[0]), abs(b.amount[0]))
    return abs(a.amount[0] - b.amount[0]) <= AMOUNT_TOLERANCE * larger
