"""SQLite writers wait their turn: WAL, BEGIN IMMEDIATE, a busy timeout and a bounded
retry. Two `kizuna ingest` processes into one file both finish; a writer that cannot get
the lock in time raises `StoreBusy`, which the API answers with 503 and Retry-After."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kizuna.bench import corpus as benchcorpus
from kizuna.contract import article_to_dict
from kizuna.store import Store, locks
from kizuna.store.queries import table_counts
from kizuna.store.tokens import create_token
from kizuna.web import create_app
from kizuna.web.writing import Writer
from tests.store.factory import release_doc, summit_doc


def write_corpus(folder: Path, name: str, indexes: range) -> Path:
    """Generated articles (the bench corpus), one JSON Lines file."""
    path = folder / f"{name}.jsonl"
    articles = [benchcorpus.make_article(3, i) for i in indexes]
    lines = [json.dumps({**article_to_dict(a), "text": a.text}, ensure_ascii=False)
             for a in articles]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_two_cli_ingests_into_one_file_both_finish(tmp_path: Path) -> None:
    db = str(tmp_path / "shared.db")
    inputs = [write_corpus(tmp_path, "one", range(0, 6)), write_corpus(tmp_path, "two",
                                                                         range(4, 10))]
    runs = [subprocess.Popen([sys.executable, "-m", "kizuna.cli", "ingest", str(path),
                              "--db", db], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, env=os.environ.copy()) for path in inputs]
    outputs = [run.communicate(timeout=300) for run in runs]
    for run, (out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err
        assert "added" in out
        assert "locked" not in err
    with Store.open(db) as store:
        assert table_counts(store)["articles"] == 10  # 4-5 by both, stored once
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


@pytest.fixture
def quick_busy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Give up on a held lock in a fraction of a second, not half a minute."""
    monkeypatch.setattr(locks, "WRITE_WAIT_S", 0.6)
    monkeypatch.setattr("kizuna.store.database.BUSY_TIMEOUT_S", 0.2)


@pytest.fixture
def held(tmp_path: Path, quick_busy: None) -> Iterator[Store]:
    """A store whose file another connection holds the write lock of."""
    path = tmp_path / "held.db"
    with Store.open(str(path)) as store:
        store.save_document(release_doc())
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            yield store
        finally:
            other.execute("ROLLBACK")
            other.close()


def test_a_writer_that_cannot_get_the_lock_raises_store_busy(held: Store) -> None:
    started = time.monotonic()
    with pytest.raises(locks.StoreBusy, match="busy"):
        held.save_document(summit_doc())
    assert time.monotonic() - started < 5
    with pytest.raises(locks.StoreBusy):
        held.unmerge_event("0" * 16)
    with held.engine.connect() as conn:  # readers are not blocked (WAL)
        assert conn.exec_driver_sql("SELECT count(*) FROM articles").scalar() == 1


def test_the_api_answers_503_with_retry_after_when_the_database_is_busy(
        tmp_path: Path, quick_busy: None) -> None:
    path = tmp_path / "api.db"
    with Store.open(str(path)) as store:
        token = create_token(store)
        app = create_app("", store=store,
                         writer=Writer(store, extract=lambda article: summit_doc(article.id)))
        client = TestClient(app, base_url="http://127.0.0.1")
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        record = {"id": "busy-1", "language": "en", "text": "Talks went on."}
        headers = {"Authorization": f"Bearer {token}"}
        response = client.post("/api/ingest", json=record, headers=headers)
        assert response.status_code == 503, response.text
        assert int(response.headers["retry-after"]) > 0
        other.execute("ROLLBACK")
        other.close()
        assert client.post("/api/ingest", json=record, headers=headers).status_code == 201


def test_a_writer_waits_for_a_short_hold_and_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "short.db"
    with Store.open(str(path)) as store:
        other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        other.execute("BEGIN IMMEDIATE")

        threading.Timer(0.5, lambda: (other.execute("COMMIT"), other.close())).start()
        assert store.save_document(summit_doc()) == "added"
