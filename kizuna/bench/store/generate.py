"""The plan of a generated store: who does what when, and which article tells which
happening, drawn from one seeded `random.Random`; no text yet (see `articles`)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from kizuna.bench.store.vocabulary import (
    CITATION_WEIGHTS,
    COUNTRIES,
    EVENT_WEIGHTS,
    GIVEN,
    JA_GIVEN,
    JA_SURNAMES,
    KNOWN,
    ORG_SUFFIXES,
    SURNAMES,
    TOPICS,
)
from kizuna.store.merger import merged_id_for
from kizuna.store.writer import event_id

FIRST_DAY = date(2023, 1, 1)
DAYS = (date(2025, 12, 31) - FIRST_DAY).days + 1
JAPANESE_SHARE = 0.25


@dataclass(frozen=True)
class Actor:
    id: int
    name: str
    type: str
    country: str | None
    ja: str | None
    short: str | None
    weight: float


@dataclass
class Happening:
    """One generated merged event, before its citations are dealt out to articles."""

    index: int
    type: str
    parties: tuple[int, ...]  # actor ids; the first acts
    start: date
    end: date
    granularity: str
    topic: int
    amount: int
    citations: int
    members: list[tuple[int, int, str, bool]] = field(default_factory=list)
    # (article index, position in the article, status, dated)


@dataclass
class Plan:
    """Everything generated, as compact records; rows are made from it chunk by chunk."""

    seed: int
    actors: list[Actor]
    happenings: list[Happening]
    articles: list[tuple[date, str, list[int]]]  # (published, language, happening indexes)


# --- generating ------------------------------------------------------------------------

def make_actors(rng: random.Random) -> list[Actor]:
    """Countries, known people and companies, and synthetic officials and firms."""
    out: list[Actor] = []

    def add(name: str, type: str, country: str | None, ja: str | None, short: str | None,
            weight: float) -> None:
        out.append(Actor(len(out) + 1, name, type, country, ja, short, weight))

    for country, iso3, in_japanese, weight in COUNTRIES:
        add(country, "GPE", iso3, in_japanese, "U.S." if iso3 == "USA" else None, weight)
    for known in KNOWN:  # (name, type, ISO3, Japanese form, short form, weight)
        add(*known)
    codes = [c[1] for c in COUNTRIES]
    country_weights = [c[3] for c in COUNTRIES]
    names: set[str] = {a.name for a in out}
    rank = 0
    ja: str | None
    short: str | None
    while len(out) < 380:
        iso3 = rng.choices(codes, country_weights)[0]
        rank += 1
        weight = 3.0 / (1 + rank) ** 0.6
        if rng.random() < 0.2:
            surname, ja_surname = rng.choice(JA_SURNAMES)
            suffix, ja_suffix = rng.choice(ORG_SUFFIXES)
            if iso3 == "JPN":
                name, ja = f"{surname} {suffix}", f"{ja_surname}{ja_suffix}"
            else:
                name, ja = f"{rng.choice(SURNAMES)} {suffix}", None
            type, short = "ORG", None
        elif iso3 == "JPN":
            (surname, ja_surname), (given, ja_given) = (rng.choice(JA_SURNAMES),
                                                        rng.choice(JA_GIVEN))
            name, ja, short, type = (f"{given} {surname}", f"{ja_surname}{ja_given}", surname,
                                     "PERSON")
        else:
            surname = rng.choice(SURNAMES)
            name, ja, short, type = f"{rng.choice(GIVEN)} {surname}", None, surname, "PERSON"
        if name not in names:
            names.add(name)
            add(name, type, iso3, ja, short, weight)
    return out


def plan(articles: int, seed: int = 0) -> Plan:
    """Who does what when, and which article tells which happening; no text yet."""
    rng = random.Random(f"kizuna-bench-store:{seed}")
    actors = make_actors(rng)
    weights = [a.weight for a in actors]
    sizes = rng.choices((1, 2, 3), (1, 2, 1), k=articles)
    needed = sum(sizes)
    happenings: list[Happening] = []
    total = 0
    types, type_weights = zip(*EVENT_WEIGHTS.items(), strict=True)
    while total < needed:
        count = min(rng.choices(range(1, 11), CITATION_WEIGHTS)[0], needed - total)
        type = rng.choices(types, type_weights)[0]
        happenings.append(Happening(len(happenings), type, _parties(rng, actors, weights, type),
                                    *_when(rng), topic=rng.randrange(len(TOPICS)),
                                    amount=rng.randint(1, 500), citations=count))
        total += count
    # Each report comes out a little before (planned) or after (happened) the happening;
    # articles take reports in publication order, so an article tells news of its days.
    reports = sorted((min(max(h.start.toordinal() + rng.randint(-12, 6),
                              FIRST_DAY.toordinal()), FIRST_DAY.toordinal() + DAYS - 1),
                      rng.random(), h.index)
                     for h in happenings for _ in range(h.citations))
    planned: list[tuple[date, str, list[int]]] = []
    at = 0
    for size in sizes:
        told = reports[at:at + size]
        at += size
        published = date.fromordinal(max(day for day, _, _ in told))
        language = "ja" if rng.random() < JAPANESE_SHARE else "en"
        indexes = list(dict.fromkeys(h for _, _, h in told))  # one event per happening
        for position, h in enumerate(indexes):
            happening = happenings[h]
            happening.members.append((len(planned), position,
                                      _status(rng, published, happening.start),
                                      rng.random() < 0.85))
        planned.append((published, language, indexes))
    return Plan(seed, actors, happenings, planned)


def _parties(rng: random.Random, actors: list[Actor], weights: list[float],
             type: str) -> tuple[int, ...]:
    first = rng.choices(actors, weights)[0]
    if type == "RELEASE":
        return (first.id,)
    chosen = [first]
    wanted = 3 if rng.random() < 0.2 else 2
    for _ in range(20):
        if len(chosen) == wanted:
            break
        other = rng.choices(actors, weights)[0]
        foreign = other.country not in {c.country for c in chosen} or rng.random() < 0.15
        if other not in chosen and foreign:
            chosen.append(other)
    return tuple(a.id for a in chosen)


def _when(rng: random.Random) -> tuple[date, date, str]:
    start = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    roll = rng.random()
    if roll < 0.88:
        return start, start, "day"
    if roll < 0.97:
        first = start.replace(day=1)
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return first, following - timedelta(days=1), "month"
    return date(start.year, 1, 1), date(start.year, 12, 31), "year"


def _status(rng: random.Random, published: date, start: date) -> str:
    if published < start:
        return "considered" if rng.random() < 0.15 else "planned"
    return "negated" if rng.random() < 0.03 else "happened"


# --- names ------------------------------------------------------------------------------

def merged_id(h: Happening, the_plan: Plan) -> str:
    """Named after its first report, as the merger names a merged event."""
    article, position, _, _ = min(h.members, key=lambda m: (the_plan.articles[m[0]][0], m[0]))
    return merged_id_for(event_id(article_id(article), f"v{position + 1}"))


def article_id(index: int) -> str:
    return f"bench-store-{index:06d}"


def topic(h: Happening, language: str) -> str:
    return TOPICS[h.topic][1 if language == "ja" else 0]
