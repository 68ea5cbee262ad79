"""Timing the common reads on a generated store, and the `kizuna bench-store` run."""

from __future__ import annotations

import math
import random
import shutil
import statistics
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from time import perf_counter
from typing import Any

from rich import box
from rich.table import Table

from kizuna.bench.store.generate import JAPANESE_SHARE, Actor, Plan, merged_id
from kizuna.bench.store.load import build
from kizuna.bench.store.vocabulary import COUNTRIES, TOPICS
from kizuna.store import Store, merged, queries, reads

REPEATS = 30
PAGE = 20
SEARCH_PAGE = 20
READS = ("actor_events", "actor_profile", "dyad_series", "search", "merged_search",
         "merged_event_with_citations")


def time_reads(store: Store, the_plan: Plan, repeats: int = REPEATS,
               seed: int = 0) -> dict[str, dict[str, float]]:
    """Each read `repeats` times, a different argument each time: median and p95 in ms."""
    rng = random.Random(f"kizuna-bench-store-reads:{seed}")
    actors = the_plan.actors
    weights = [a.weight for a in actors]
    people = [rng.choices(actors, weights)[0] for _ in range(repeats + 1)]
    names = [_some_name(rng, a) for a in people]
    codes = [c[1] for c in COUNTRIES]
    country_weights = [c[3] for c in COUNTRIES]
    pairs: list[tuple[str, str]] = []
    while len(pairs) < repeats + 1:
        a, b = rng.choices(codes, country_weights, k=2)
        if a != b:
            pairs.append((a, b))
    terms = [_search_term(rng) for _ in range(repeats + 1)]
    cited = [h for h in the_plan.happenings if len(h.members) > 1] or the_plan.happenings
    ids = [merged_id(rng.choice(cited), the_plan) for _ in range(repeats + 1)]
    cases: dict[str, list[Callable[[], Any]]] = {
        "actor_events": [partial(reads.actor_events, store, n, limit=PAGE) for n in names],
        "actor_profile": [partial(reads.actor_profile, store, n) for n in names],
        "dyad_series": [partial(reads.dyad_series, store, *p) for p in pairs],
        "search": [partial(queries.search_articles, store, t, limit=SEARCH_PAGE)
                   for t in terms],
        "merged_search": [partial(merged.list_merged_events, store, search=t,
                                  limit=SEARCH_PAGE) for t in terms],
        "merged_event_with_citations": [partial(merged.get_merged_event, store, i)
                                        for i in ids],
    }
    figures: dict[str, dict[str, float]] = {}
    for name in READS:
        calls = cases[name]
        calls[0]()  # warm-up: caches and prepared statements, not timed
        times = []
        for call in calls[1:]:
            start = perf_counter()
            call()
            times.append((perf_counter() - start) * 1000)
        figures[name] = {"median_ms": round(statistics.median(times), 2),
                         "p95_ms": round(_percentile(times, 0.95), 2),
                         "max_ms": round(max(times), 2)}
    return figures


def _some_name(rng: random.Random, actor: Actor) -> str:
    forms = [actor.name, actor.name.lower()] + [f for f in (actor.short, actor.ja) if f]
    return rng.choice(forms)


def _search_term(rng: random.Random) -> str:
    english, japanese = rng.choice(TOPICS)
    return japanese if rng.random() < JAPANESE_SHARE else english.split()[-1]


def _percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


# --- the command -----------------------------------------------------------------------

@contextmanager
def _target(db: str | None) -> Iterator[tuple[Store, bool]]:
    """The store to fill: `db`, or a new SQLite file in a temporary folder, removed after."""
    if db is not None:
        with Store.open(db) as store:
            yield store, False
        return
    folder = Path(tempfile.mkdtemp(prefix="kizuna-bench-store-"))
    try:
        with Store.open(str(folder / "bench.db")) as store:
            yield store, True
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run(articles: int = 100_000, db: str | None = None, seed: int = 0,
        repeats: int = REPEATS, progress: Callable[[str], None] | None = None,
        ) -> dict[str, Any]:
    """Build a store of `articles` generated articles, time the reads; the figures."""
    say = progress or (lambda message: None)
    with _target(db) as (store, temporary):
        start = perf_counter()
        the_plan = build(store, articles, seed, say)
        built = perf_counter() - start
        say(f"built in {built:.1f} s; timing each read {repeats} times")
        figures = time_reads(store, the_plan, repeats, seed)
        counts = queries.table_counts(store)
        backend = store.engine.dialect.name
    return {
        "articles": articles, "backend": backend, "reads": figures,
        "events": counts["events"], "merged_events": counts["merged_events"],
        "entities": counts["entities"], "build_seconds": round(built, 1),
        "repeats": repeats, "seed": seed, "kept": not temporary,
    }


def table(result: dict[str, Any]) -> Table:
    """The figures as a rich table: one row per read."""
    out = Table(box=box.SIMPLE_HEAD, title=(
        f"kizuna bench-store: {result['articles']:,} articles, {result['events']:,} events, "
        f"{result['merged_events']:,} merged events ({result['backend']}, built in "
        f"{result['build_seconds']} s)"))
    out.add_column("read")
    for column in ("median ms", "p95 ms", "max ms"):
        out.add_column(column, justify="right")
    for name, figures in result["reads"].items():
        out.add_row(name, *(f"{figures[k]:.2f}" for k in ("median_ms", "p95_ms", "max_ms")))
    return out
