"""Extraction on Ray: a pool of actors that each load the language models once.

Without an address a local Ray instance starts for the run (and stops after it); with
one (`ray://host:10001` or `auto`) the actors run on that cluster, whose nodes need
kizuna and its models installed, as they come from the package registry.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from typing import Any

from kizuna.errors import KizunaError
from kizuna.model import Article, Document

# Articles sent to an actor at a time: large enough to batch spaCy's pipe, small enough
# that both actors stay busy on a short input.
CHUNK = 8


class ExtractionActor:
    """One Ray worker process: models loaded at first use, then kept."""

    def extract(self, articles: list[Article]) -> list[Document | Exception]:
        from kizuna import pipeline

        return list(pipeline.extract_many(articles))


class RayEngine:
    """`workers` extraction actors; results come back in input order."""

    def __init__(self, workers: int = 1, address: str | None = None):
        self.workers, self.address = workers, address
        self._actors: list[Any] = []
        self._started_here = False

    def __enter__(self) -> RayEngine:
        ray = _ray()
        if not ray.is_initialized():
            os.environ.setdefault("RAY_AUTH_MODE", "disabled")  # a local cluster of one user
            try:
                ray.init(address=self.address, include_dashboard=False, log_to_driver=False,
                         configure_logging=False,
                         **({} if self.address else {"num_cpus": self.workers}))
            except (ConnectionError, RuntimeError, ValueError) as exc:
                raise KizunaError(f"cannot start or join Ray ({self.address or 'local'}): "
                                  f"{exc}") from exc
            self._started_here = True
        actor = ray.remote(num_cpus=1)(ExtractionActor)
        self._actors = [actor.remote() for _ in range(self.workers)]
        return self

    def extract(self, articles: Sequence[Article]) -> Iterator[Document | Exception]:
        from ray.util import ActorPool

        chunks = [list(articles[i:i + CHUNK]) for i in range(0, len(articles), CHUNK)]
        pool = ActorPool(self._actors)
        for chunk, results in zip(chunks, pool.map(_submit, chunks), strict=True):
            if len(results) != len(chunk):  # never expected: say so rather than misalign
                raise KizunaError("a Ray worker returned the wrong number of documents")
            yield from results

    def __exit__(self, *exc_info: object) -> None:
        ray = _ray()
        for actor in self._actors:
            ray.kill(actor)
        self._actors = []
        if self._started_here:
            ray.shutdown()


def _submit(actor: Any, chunk: list[Article]) -> Any:
    return actor.extract.remote(chunk)


def _ray() -> Any:
    try:
        import ray
    except ImportError as exc:  # pinned in the lock; only a broken install lacks it
        raise KizunaError("the Ray engine needs the ray package (pip install ray)") from exc
    return ray
