"""`kizuna bench`: kizuna's extraction throughput against bare spaCy parsing, same corpus.

Both sides run in this one process on the corpus `kizuna.benchcorpus` generates: (a) bare
spaCy, `backend.load("en").pipe(texts, batch_size=8)` with every doc consumed; (b) kizuna,
`list(pipeline.extract_many(articles, workers=N))`. With N > 1 workers the spaCy baseline
parses with `n_process=N`, as kizuna parses in N processes. Both are warmed up first
(model loaded, a few articles run), then timed `repeats` times in alternating order; the
best time of each counts, so a stray slow run on a busy machine does not decide the ratio.

`ratio` is kizuna's articles per second over spaCy's: the share of parsing speed kizuna
keeps once every extractor and the resolver have run. It is a measurement, not a test.
"""

from __future__ import annotations

from collections.abc import Callable
from time import perf_counter
from typing import Any

from kizuna import benchcorpus, pipeline
from kizuna.model import Article, Document
from kizuna.nlp import backend

LANGUAGE = "en"
WARMUP_ARTICLES = 4


def _time_spacy(texts: list[str], workers: int) -> float:
    nlp = backend.load(LANGUAGE)
    start = perf_counter()
    for _ in nlp.pipe(texts, batch_size=backend.BATCH_SIZE, n_process=workers):
        pass
    return perf_counter() - start


def _time_kizuna(articles: list[Article], workers: int) -> tuple[float, list[Any]]:
    start = perf_counter()
    results = list(pipeline.extract_many(articles, workers=workers))
    return perf_counter() - start, results


def _warm_up(articles: list[Article]) -> None:
    sample = articles[:WARMUP_ARTICLES]
    for _ in backend.load(LANGUAGE).pipe([a.text for a in sample], batch_size=backend.BATCH_SIZE):
        pass
    list(pipeline.extract_many(sample, workers=1))


def run(articles: int = 200, workers: int = 1, seed: int = 0, repeats: int = 2,
        progress: Callable[[str], None] | None = None) -> dict[str, dict[str, Any]]:
    """Generate the corpus, time both sides, and return the figures by language."""
    say = progress or (lambda message: None)
    say(f"generating {articles} articles (seed {seed})")
    corpus = benchcorpus.generate(articles, seed)
    texts = [a.text for a in corpus]
    say("loading the model and warming up")
    _warm_up(corpus)
    spacy_times: list[float] = []
    kizuna_times: list[float] = []
    results: list[Any] = []
    for round_ in range(repeats):
        order = ("spacy", "kizuna") if round_ % 2 == 0 else ("kizuna", "spacy")
        for side in order:
            say(f"run {round_ + 1}/{repeats}: {side}")
            if side == "spacy":
                spacy_times.append(_time_spacy(texts, workers))
            else:
                elapsed, results = _time_kizuna(corpus, workers)
                kizuna_times.append(elapsed)
    kizuna_s, spacy_s = min(kizuna_times), min(spacy_times)
    documents = [r for r in results if isinstance(r, Document)]
    kizuna_rate, spacy_rate = len(corpus) / kizuna_s, len(corpus) / spacy_s
    return {LANGUAGE: {
        "articles": len(corpus),
        "words": benchcorpus.describe(corpus)["words"],
        "kizuna_articles_per_s": round(kizuna_rate, 2),
        "spacy_articles_per_s": round(spacy_rate, 2),
        "ratio": round(kizuna_rate / spacy_rate, 3),
        "workers": workers,
        "events_found": sum(len(d.events) for d in documents),
        "failed": len(results) - len(documents),
        "kizuna_seconds": round(kizuna_s, 3),
        "spacy_seconds": round(spacy_s, 3),
        "repeats": repeats,
        "seed": seed,
    }}


def table(result: dict[str, dict[str, Any]]):
    """The figures as a rich table, one column per language."""
    from rich import box
    from rich.table import Table

    rows = [
        ("articles", "articles"), ("words", "words"), ("workers", "workers"),
        ("kizuna articles/s", "kizuna_articles_per_s"),
        ("spaCy articles/s", "spacy_articles_per_s"),
        ("ratio (kizuna / spaCy)", "ratio"), ("events found", "events_found"),
        ("failed articles", "failed"), ("kizuna seconds (best)", "kizuna_seconds"),
        ("spaCy seconds (best)", "spacy_seconds"), ("timed runs each", "repeats"),
        ("seed", "seed"),
    ]
    out = Table(box=box.SIMPLE_HEAD, title="kizuna bench")
    out.add_column("")
    for language in result:
        out.add_column(language, justify="right")
    for label, key in rows:
        out.add_row(label, *(_cell(figures[key]) for figures in result.values()))
    return out


def _cell(value: Any) -> str:
    return f"{value:,}" if isinstance(value, int) else str(value)
