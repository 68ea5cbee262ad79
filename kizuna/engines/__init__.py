"""Where extraction runs: in this process (or a pool of local processes), or on Ray.

    with open_engine("ray", workers=2) as engine:
        for result in engine.extract(articles):   # Document or Exception, input order
            ...

An engine only extracts: storing and merging stay with the caller, one writer storing
in publication order, so every engine builds the same store from the same inputs.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Protocol

from kizuna.errors import KizunaError
from kizuna.model import Article, Document

ENGINES = ("local", "ray")
# Articles extracted per call in one process, so progress moves as it goes.
BATCH = 16


class Engine(Protocol):
    def extract(self, articles: Sequence[Article]) -> Iterator[Document | Exception]:
        """A Document, or the Exception that failed it, per article, in input order."""
        ...


class LocalEngine:
    """This machine: one process, or a pool of `workers` processes kept for the engine's
    life, so a stream of batches loads the models once per process."""

    def __init__(self, workers: int = 1):
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None

    def extract(self, articles: Sequence[Article]) -> Iterator[Document | Exception]:
        from kizuna import pipeline

        articles = [pipeline.with_language(a) for a in articles]
        if self.workers <= 1 or len(articles) <= 1:
            for i in range(0, len(articles), BATCH):  # progress moves batch by batch
                yield from pipeline.extract_many(articles[i:i + BATCH])
            return
        if self._pool is None or getattr(self._pool, "_broken", False):
            self.close()  # a pool whose worker died takes no more work: start a new one
            self._pool = ProcessPoolExecutor(max_workers=self.workers)
        yield from pipeline.extract_in_pool(self._pool, articles, self.workers)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


@contextmanager
def open_engine(name: str = "local", workers: int = 1,
                address: str | None = None) -> Iterator[Engine]:
    """The engine `name` with `workers` extractors, closed (Ray actors ended) on exit."""
    if name == "local":
        engine = LocalEngine(workers)
        try:
            yield engine
        finally:
            engine.close()
        return
    if name == "ray":
        from kizuna.engines.ray_engine import RayEngine

        with RayEngine(workers, address) as ray_engine:
            yield ray_engine
        return
    raise KizunaError(f"unknown engine {name!r}; choose one of {', '.join(ENGINES)}")
