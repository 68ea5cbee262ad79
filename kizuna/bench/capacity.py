"""End-to-end capacity: articles per second through extraction, merging and storing, into
a store that already holds many articles, per engine and per core.

    kizuna bench-capacity --db big.db --en 40 --ja 16

Each run copies the store `--db` names (fill one with `kizuna bench-store --db FILE
--articles 100000`), opens the engine and warms it (models loaded, a few articles
extracted), then times `kizuna.ingest.ingest` of the generated articles
(`kizuna.benchcorpus`, as `kizuna bench` uses) into the copy. Runs: the local engine with
one process, then Ray with one and with two workers. From the one-process rates it
works out how many cores a day's news needs for an English/Japanese mix.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from pathlib import Path
from time import perf_counter
from typing import Any

from kizuna.bench import corpus as benchcorpus
from kizuna.engines import open_engine
from kizuna.ingest import ingest
from kizuna.model import Article
from kizuna.store import Store

RUNS = (("local", 1), ("ray", 1), ("ray", 2))
WARMUP = 4
DAILY_VOLUMES = (150_000, 1_000_000)  # GDELT's daily volume, and a larger desk
MIXES = (0.8, 0.5)  # English share of the articles


def run(db: str, english: int = 40, japanese: int = 16,
        runs: tuple[tuple[str, int], ...] = RUNS, seed: int = 11,
        say: Any = lambda message: None) -> dict[str, Any]:
    """Time every run in `runs` for both languages; the figures and the cores table."""
    corpora = {"en": benchcorpus.generate(english + WARMUP, seed, "en"),
               "ja": benchcorpus.generate(japanese + WARMUP, seed, "ja")}
    results = []
    with tempfile.TemporaryDirectory(prefix="kizuna-capacity-") as folder:
        for engine, workers in runs:
            for language, articles in corpora.items():
                if len(articles) <= WARMUP:
                    continue
                say(f"{engine} x{workers}, {language}: {len(articles) - WARMUP} articles")
                results.append(_timed(db, Path(folder), engine, workers, language, articles))
    rates = {r["language"]: r["articles_per_second"] for r in results
             if (r["engine"], r["workers"]) == ("local", 1)}
    return {"runs": results, "cores": cores_needed(rates), "store": db}


def cores_needed(rates: dict[str, float]) -> list[dict[str, Any]]:
    """Cores for each daily volume and mix, from one-process articles/s per language."""
    if not {"en", "ja"} <= rates.keys() or not all(rates.values()):
        return []
    rows = []
    for volume in DAILY_VOLUMES:
        for share in MIXES:
            seconds = volume * (share / rates["en"] + (1 - share) / rates["ja"])
            rows.append({"articles_per_day": volume, "english_share": share,
                         "cores": round(seconds / 86_400, 1)})
    return rows


def _timed(db: str, folder: Path, engine: str, workers: int, language: str,
           articles: list[Article]) -> dict[str, Any]:
    copy = folder / f"{engine}-{workers}-{language}.db"
    _copy_store(db, copy)
    warm, timed = articles[:WARMUP], articles[WARMUP:]
    path = folder / f"{engine}-{workers}-{language}.jsonl"
    path.write_text("".join(json.dumps(_record(a), ensure_ascii=False) + "\n" for a in timed),
                    encoding="utf-8")
    with open_engine(engine, workers) as extractor, Store.open(str(copy)) as store:
        list(extractor.extract(warm))
        start = perf_counter()
        report = ingest([str(path)], store, extractor=extractor)
        seconds = perf_counter() - start
    copy.unlink()
    return {"engine": engine, "workers": workers, "language": language,
            "articles": len(timed), "stored": report.added, "failed": report.failed,
            "seconds": round(seconds, 2),
            "articles_per_second": round(len(timed) / seconds, 2),
            "per_worker": round(len(timed) / seconds / workers, 2)}


def _copy_store(db: str, to: Path) -> None:
    """A consistent copy of an SQLite store (its WAL folded in), or an empty store."""
    if not db:
        Store.open(str(to)).close()
        return
    source = sqlite3.connect(db)
    target = sqlite3.connect(to)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()


def _record(article: Article) -> dict[str, Any]:
    return {"id": f"capacity-{article.id}", "text": article.text, "language": article.language,
            "title": article.title, "source": article.source,
            "published": article.published.isoformat() if article.published else None}


def table(result: dict[str, Any]) -> str:
    lines = ["engine  workers  language  articles  seconds  articles/s  per worker"]
    for r in result["runs"]:
        lines.append(f"{r['engine']:<7} {r['workers']:>7}  {r['language']:<8} "
                     f"{r['articles']:>8}  {r['seconds']:>7}  {r['articles_per_second']:>10}  "
                     f"{r['per_worker']:>10}")
    if result["cores"]:
        lines += ["", "articles/day  English share  cores"]
        lines += [f"{c['articles_per_day']:>12,}  {c['english_share']:>13.0%}  {c['cores']:>5}"
                  for c in result["cores"]]
    return "\n".join(lines)

