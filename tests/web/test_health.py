"""/health and /metrics over a real store: counts from the database, the watcher's state,
requests by route, extraction time."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from fastapi.testclient import TestClient

from kizuna.metrics import Tally
from kizuna.store import Store, watching
from kizuna.web.app import create_app
from kizuna.web.health import RequestTally, prometheus_text
from tests.store.factory import summit_doc


def sample(text: str, name: str, labels: str = "") -> float:
    match = re.search(rf"^{re.escape(name + labels)} (\S+)$", text, re.M)
    assert match, f"{name}{labels} not in the metrics"
    return float(match.group(1))


def test_health_answers_with_the_article_count(tmp_path: Path):
    with Store.open(str(tmp_path / "h.db")) as store:
        store.save_document(summit_doc())
        client = TestClient(create_app("", store=store), base_url="http://127.0.0.1")
        answer = client.get("/health")
    assert answer.status_code == 200
    assert answer.json() == {"status": "ok", "articles": 1}


def test_metrics_tell_store_watcher_and_requests(tmp_path: Path):
    with Store.open(str(tmp_path / "m.db")) as store:
        store.save_document(summit_doc())
        polled = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
        watching.save_source_state(store.engine, watching.SourceState(
            url='https://wire.example/feed?a="b"', last_ok=polled, failures=2, articles=7))
        client = TestClient(create_app("", store=store), base_url="http://127.0.0.1")
        client.get("/events.json")
        client.get("/events/ev-unknown.json")
        answer = client.get("/metrics")
    text = answer.text
    assert answer.headers["content-type"].startswith("text/plain; version=0.0.4")
    assert sample(text, "kizuna_articles") == 1
    assert sample(text, "kizuna_events") == len(summit_doc().events)
    source = '{source="https://wire.example/feed?a=\\"b\\""}'
    assert sample(text, "kizuna_watch_articles_total", source) == 7
    assert sample(text, "kizuna_watch_consecutive_failures", source) == 2
    assert sample(text, "kizuna_watch_last_success_timestamp_seconds", source) == \
        polled.timestamp()
    assert sample(text, "kizuna_http_requests_total",
                  '{method="GET",route="/events.json",status="200"}') == 1
    assert sample(text, "kizuna_http_requests_total",
                  '{method="GET",route="/events/{event_id}.json",status="404"}') == 1


def test_every_sample_is_declared_before_it_appears(tmp_path: Path):
    tally = Tally()
    tally.add(3, 1.25)
    with Store.open(str(tmp_path / "p.db")) as store:
        text = prometheus_text(store, RequestTally(), tally)
    declared = set()
    for line in text.splitlines():
        if line.startswith("# TYPE "):
            declared.add(line.split()[2])
        elif line and not line.startswith("#"):
            assert line.split("{")[0].split()[0] in declared
    assert sample(text, "kizuna_extracted_articles_total") == 3
    assert sample(text, "kizuna_extraction_seconds_total") == 1.25
