"""`/health` for load balancers and `/metrics` for Prometheus (text format 0.0.4).

/metrics tells what the store holds (articles, events, merged events), what the watcher
last did for each source (it writes its state to the same database), how many requests
this server answered by route and status, and how long this process spent extracting.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from datetime import datetime

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response

from kizuna.metrics import EXTRACTION, Tally
from kizuna.store import Store, watching
from kizuna.store.database import DatabaseError
from kizuna.store.queries import table_counts

PROMETHEUS_TYPE = "text/plain; version=0.0.4; charset=utf-8"
STORE_GAUGES = {"articles": "Articles stored.", "events": "Events extracted from articles.",
                "merged_events": "Merged events: one per happening."}


class RequestTally:
    """Requests answered, by route template (not raw path: ids would explode it) and status."""

    def __init__(self) -> None:
        self.counts: Counter[tuple[str, str, int]] = Counter()
        self._lock = threading.Lock()

    def add(self, method: str, route: str, status: int) -> None:
        with self._lock:
            self.counts[(method, route, status)] += 1

    def snapshot(self) -> list[tuple[tuple[str, str, int], int]]:
        with self._lock:
            return sorted(self.counts.items())


def register(app: FastAPI, store: Store) -> None:
    """Add /health, /metrics and the request tally they read."""
    tally = RequestTally()

    @app.middleware("http")
    async def count_requests(request: Request, call_next: Callable) -> Response:
        response = await call_next(request)
        route = request.scope.get("route")
        tally.add(request.method, getattr(route, "path", "unmatched"), response.status_code)
        return response

    @app.get("/health", tags=["service"], summary="Whether the service and its database answer")
    def health() -> Response:
        try:
            counts = table_counts(store, ("articles",))
        except DatabaseError as exc:
            return JSONResponse({"status": "unavailable", "database": str(exc).splitlines()[0]},
                                status_code=503)
        return JSONResponse({"status": "ok", "articles": counts["articles"]})

    @app.get("/metrics", tags=["service"], summary="Prometheus metrics (text format)",
             response_class=PlainTextResponse)
    def metrics() -> Response:
        return PlainTextResponse(prometheus_text(store, tally, EXTRACTION),
                                 media_type=PROMETHEUS_TYPE)


def prometheus_text(store: Store, requests: RequestTally, extraction: Tally) -> str:
    """Every metric in Prometheus' text exposition format."""
    lines: list[str] = []
    counts = table_counts(store, tuple(STORE_GAUGES))
    for name, help_text in STORE_GAUGES.items():
        _metric(lines, f"kizuna_{name}", "gauge", help_text, [("", counts[name])])
    sources = watching.all_source_states(store)
    _metric(lines, "kizuna_watch_articles_total", "counter",
            "Articles the watcher stored from each source.",
            [(_labels(source=s.url), s.articles) for s in sources])
    _metric(lines, "kizuna_watch_last_success_timestamp_seconds", "gauge",
            "When each source was last polled successfully (Unix time).",
            [(_labels(source=s.url), _unix(s.last_ok)) for s in sources if s.last_ok])
    _metric(lines, "kizuna_watch_consecutive_failures", "gauge",
            "Failed polls of each source since its last success.",
            [(_labels(source=s.url), s.failures) for s in sources])
    _metric(lines, "kizuna_http_requests_total", "counter",
            "Requests this server answered, by method, route and status.",
            [(_labels(method=m, route=r, status=str(c)), n)
             for (m, r, c), n in requests.snapshot()])
    _metric(lines, "kizuna_extracted_articles_total", "counter",
            "Articles this process extracted.", [("", extraction.count)])
    _metric(lines, "kizuna_extraction_seconds_total", "counter",
            "Seconds this process spent extracting articles.", [("", extraction.seconds)])
    return "\n".join(lines) + "\n"


def _metric(lines: list[str], name: str, kind: str, help_text: str,
            samples: list[tuple[str, float]]) -> None:
    lines += [f"# HELP {name} {help_text}", f"# TYPE {name} {kind}"]
    lines += [f"{name}{labels} {_number(value)}" for labels, value in samples]


def _labels(**pairs: str) -> str:
    inner = ",".join(f'{k}="{_escape(v)}"' for k, v in pairs.items())
    return "{" + inner + "}"


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _number(value: float) -> str:
    return repr(float(value)) if isinstance(value, float) else str(value)


def _unix(when: datetime) -> float:
    return when.timestamp()
