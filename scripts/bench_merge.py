#!/usr/bin/env python3
"""Does merging cost grow with the store? (issue 11, item 3)

Extracts a corpus folder once, then stores its articles (publication order, as
`kizuna ingest` does) into an empty SQLite store and into a copy of a store filled by
`kizuna bench-store`'s generator (articles written as the merger would), `--repeats`
times each, on a fresh copy every time. Reported: the median seconds of storing
(writing and merging) into each, their ratio, and the same for a whole ingest (the
extraction time, measured once, added to both). Every run ends with the store's
invariants checked. The bar of issue 11: ratio <= 1.25 with 20,000 articles.

    PYTHONPATH=. python scripts/bench_merge.py ../shared/eval/dev --articles 20000

The filled store is built once into --filled and reused while it exists.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
from datetime import date
from pathlib import Path
from time import perf_counter

from kizuna.bench.store import build
from kizuna.model import Document
from kizuna.pipeline import extract_document
from kizuna.sources import ArticleDefaults, iter_articles
from kizuna.store import Store
from kizuna.store.invariants import breaches


def extract(folder: Path) -> tuple[list[Document], float]:
    """The folder's articles extracted, oldest first; the seconds it took."""
    files = sorted(str(p) for p in folder.glob("*.article.json"))
    start = perf_counter()
    docs = [extract_document(article) for _, article in iter_articles(files, ArticleDefaults())
            if not isinstance(article, Exception)]
    took = perf_counter() - start
    docs.sort(key=lambda d: (d.article.published or date.min, d.article.id))
    return docs, took


def store_all(db: Path, docs: list[Document]) -> float:
    """Seconds to store every document into the SQLite file `db`, then check it."""
    with Store.open(str(db)) as store:
        start = perf_counter()
        for doc in docs:
            store.save_document(doc)
        took = perf_counter() - start
        with store.engine.connect() as conn:
            found = breaches(conn)
    if found:
        raise SystemExit(f"error: the store breaks its invariants: {found[0]}")
    return took


def filled_store(path: Path, articles: int, seed: int) -> Path:
    if not path.exists():
        print(f"bench-merge: generating {articles:,} articles into {path}", file=sys.stderr)
        with Store.open(str(path)) as store:
            build(store, articles, seed)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--filled", type=Path, default=None,
                        help="Where the generated store is kept (default: a temporary file).")
    args = parser.parse_args()
    docs, extraction = extract(args.folder)
    if not docs:
        print(f"error: no articles in {args.folder}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        filled = filled_store(args.filled or Path(tmp) / "filled.db", args.articles, args.seed)
        empty_times, filled_times = [], []
        for n in range(args.repeats):
            empty_times.append(store_all(Path(tmp) / f"empty-{n}.db", docs))
            copy = Path(tmp) / f"copy-{n}.db"
            shutil.copyfile(filled, copy)
            filled_times.append(store_all(copy, docs))
            copy.unlink()
    empty, full = statistics.median(empty_times), statistics.median(filled_times)
    print(json.dumps({
        "articles_ingested": len(docs), "store_articles": args.articles,
        "extraction_seconds": round(extraction, 2),
        "store_seconds_empty": round(empty, 2), "store_seconds_filled": round(full, 2),
        "store_ratio": round(full / empty, 2),
        "ingest_ratio": round((extraction + full) / (extraction + empty), 2),
        "repeats": args.repeats,
    }))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
