"""Where extraction runs: in this process (or a pool of local processes), or on Ray.

    with open_engine("ray", workers=2) as engine:
        for result in engine.extract(articles):   # Document or Exception, input order
            ...

An engine only extracts: storing and merging stay with the caller, one writer storing
in publication order, so every engine builds the same store from the same inputs.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Protocol

from kizuna.errors import KizunaError
from kizuna.model import Article, Document

ENGINES = ("local", "ray")


class Engine(Protocol):
    def extract(self, articles: Sequence[Article]) -> Iterator[Document | Exception]:
        """A Document, or the Exception that failed it, per article, in input order."""
        ...


class LocalEngine:
    """This machine: one process, or `workers` processes (see `pipeline.extract_many`)."""

    def __init__(self, workers: int = 1):
        self.workers = workers

    def extract(self, articles: Sequence[Article]) -> Iterator[Document | Exception]:
        from kizuna import pipeline

        return pipeline.extract_many(list(articles), workers=self.workers)


@contextmanager
def open_engine(name: str = "local", workers: int = 1,
                address: str | None = None) -> Iterator[Engine]:
    """The engine `name` with `workers` extractors, closed (Ray actors ended) on exit."""
    if name == "local":
        yield LocalEngine(workers)
        return
    if name == "ray":
        from kizuna.engines.ray_engine import RayEngine

        with RayEngine(workers, address) as engine:
            yield engine
        return
    raise KizunaError(f"unknown engine {name!r}; choose one of {', '.join(ENGINES)}")
