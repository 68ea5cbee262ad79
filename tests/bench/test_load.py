"""The load benchmark against a real `kizuna serve` on loopback, kept small: the figures
are counted right and a sound server answers every request."""

from __future__ import annotations

import os
from pathlib import Path

from kizuna.bench import load as load_bench
from kizuna.store import Store
from tests.store.factory import japanese_doc, release_doc, summit_doc


def test_a_short_load_counts_requests_and_finds_no_errors(tmp_path: Path) -> None:
    db = str(tmp_path / "load.db")
    with Store.open(db) as store:
        for doc in (summit_doc(), japanese_doc(), release_doc()):
            store.save_document(doc)
    result = load_bench.run(db, workers=1, clients=4, seconds=2, max_requests=60)
    assert result["requests"] == 60 and result["errors"] == 0
    assert set(result["routes"]) == {"/events.json", "/search.json", "/events/{id}.json"}
    assert sum(r["requests"] for r in result["routes"].values()) == 60
    assert 0 < result["p50_ms"] <= result["p95_ms"]
    assert result["server_peak_rss_mb"] > 10


def test_tree_rss_counts_this_process():
    assert load_bench.tree_rss(os.getpid()) > 10 * 2**20
