"""`kizuna bench`: kizuna's extraction throughput against bare parsing, same corpus.

For each language, both sides run in this one process on the corpus `kizuna.benchcorpus`
generates: (a) the bare parser, `backend.load(language).pipe(texts, batch_size=8)` with
every doc consumed (spaCy for English, GiNZA for Japanese); (b) kizuna,
`list(pipeline.extract_many(articles, workers=N))`. With N > 1 workers the baseline
parses with `n_process=N`, as kizuna parses in N processes. Both are warmed up first
(model loaded, a few articles run), then timed `repeats` times in alternating order; the
best time of each counts, so a stray slow run on a busy machine does not decide the ratio.
English runs first, so its figures do not depend on the Japanese model being loaded.

`ratio` is kizuna's articles per second over the baseline's: the share of parsing speed
kizuna keeps once every extractor and the resolver have run. It is a measurement, not a
test.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from time import perf_counter
from typing import Any

from kizuna import pipeline
from kizuna.bench import corpus as benchcorpus
from kizuna.model import Article, Document
from kizuna.nlp import backend

# The bare parser each language is timed against, and how its corpus is measured.
BASELINES = {"en": "spacy", "ja": "ginza"}
LANGUAGES = tuple(BASELINES)
SIZE_UNITS = {"en": "words", "ja": "characters"}
WARMUP_ARTICLES = 4


def _time_baseline(language: str, texts: list[str], workers: int) -> float:
    nlp = backend.load(language)
    start = perf_counter()
    for _ in nlp.pipe(texts, batch_size=backend.BATCH_SIZE, n_process=workers):
        pass
    return perf_counter() - start


def _time_kizuna(articles: list[Article], workers: int) -> tuple[float, list[Any]]:
    start = perf_counter()
    results = list(pipeline.extract_many(articles, workers=workers))
    return perf_counter() - start, results


def _warm_up(language: str, articles: list[Article]) -> None:
    sample = articles[:WARMUP_ARTICLES]
    for _ in backend.load(language).pipe([a.text for a in sample],
                                         batch_size=backend.BATCH_SIZE):
        pass
    list(pipeline.extract_many(sample, workers=1))


def run(articles: int = 200, workers: int = 1, seed: int = 0, repeats: int = 2,
        progress: Callable[[str], None] | None = None,
        languages: Sequence[str] = LANGUAGES, ja_articles: int = 100,
        ) -> dict[str, dict[str, Any]]:
    """Generate each language's corpus, time both sides, and return the figures by
    language: `articles` English articles, `ja_articles` Japanese ones."""
    unknown = [language for language in languages if language not in LANGUAGES]
    if unknown:
        raise ValueError(f"bench: no corpus for {', '.join(unknown)} "
                         f"(languages: {', '.join(LANGUAGES)})")
    counts = {"en": articles, "ja": ja_articles}
    ordered = [language for language in LANGUAGES if language in languages]
    return {language: run_language(language, counts[language], workers, seed, repeats,
                                   progress)
            for language in ordered}


def run_language(language: str, articles: int, workers: int = 1, seed: int = 0,
                 repeats: int = 2, progress: Callable[[str], None] | None = None,
                 ) -> dict[str, Any]:
    """The figures for one language: its corpus, its bare parser against kizuna."""
    say = progress or (lambda message: None)
    baseline, unit = BASELINES[language], SIZE_UNITS[language]
    say(f"{language}: generating {articles} articles (seed {seed})")
    corpus = benchcorpus.generate(articles, seed, language)
    texts = [a.text for a in corpus]
    say(f"{language}: loading the model and warming up")
    _warm_up(language, corpus)
    baseline_times: list[float] = []
    kizuna_times: list[float] = []
    results: list[Any] = []
    for round_ in range(repeats):
        order = (baseline, "kizuna") if round_ % 2 == 0 else ("kizuna", baseline)
        for side in order:
            say(f"{language}: run {round_ + 1}/{repeats}: {side}")
            if side == baseline:
                baseline_times.append(_time_baseline(language, texts, workers))
            else:
                elapsed, results = _time_kizuna(corpus, workers)
                kizuna_times.append(elapsed)
    kizuna_s, baseline_s = min(kizuna_times), min(baseline_times)
    documents = [r for r in results if isinstance(r, Document)]
    kizuna_rate, baseline_rate = len(corpus) / kizuna_s, len(corpus) / baseline_s
    return {
        "articles": len(corpus),
        unit: benchcorpus.describe(corpus)[unit],
        "kizuna_articles_per_s": round(kizuna_rate, 2),
        f"{baseline}_articles_per_s": round(baseline_rate, 2),
        "ratio": round(kizuna_rate / baseline_rate, 3),
        "workers": workers,
        "events_found": sum(len(d.events) for d in documents),
        "failed": len(results) - len(documents),
        "kizuna_seconds": round(kizuna_s, 3),
        f"{baseline}_seconds": round(baseline_s, 3),
        "repeats": repeats,
        "seed": seed,
    }


_ROWS = (
    ("articles", "articles"), ("words", "words"), ("characters", "characters"),
    ("workers", "workers"), ("kizuna articles/s", "kizuna_articles_per_s"),
    ("spaCy articles/s", "spacy_articles_per_s"), ("GiNZA articles/s", "ginza_articles_per_s"),
    ("ratio (kizuna / parser)", "ratio"), ("events found", "events_found"),
    ("failed articles", "failed"), ("kizuna seconds (best)", "kizuna_seconds"),
    ("spaCy seconds (best)", "spacy_seconds"), ("GiNZA seconds (best)", "ginza_seconds"),
    ("timed runs each", "repeats"), ("seed", "seed"),
)


def table(result: dict[str, dict[str, Any]]):
    """The figures as a rich table, one column per language; a row only one language
    has (spaCy or GiNZA, words or characters) shows a dash for the other."""
    from rich import box
    from rich.table import Table

    out = Table(box=box.SIMPLE_HEAD, title="kizuna bench")
    out.add_column("")
    for language in result:
        out.add_column(language, justify="right")
    for label, key in _ROWS:
        if any(key in figures for figures in result.values()):
            out.add_row(label, *(_cell(figures.get(key)) for figures in result.values()))
    return out


def _cell(value: Any) -> str:
    if value is None:
        return "—"
    return f"{value:,}" if isinstance(value, int) else str(value)
