"""kill -9 in the middle of `kizuna ingest`: the store is never corrupted or duplicated,
and running the same ingest again completes it.

A real `kizuna ingest` process stores generated articles (the bench corpus) into an SQLite
file and is killed with SIGKILL once the store holds a few, more, and most of them; after
each kill `kizuna.store.maintenance.check` must find the file sound. Bounded: each wait
gives up after `WAIT_S`.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from kizuna.bench import corpus as benchcorpus
from kizuna.contract import article_to_dict
from kizuna.store import Store
from kizuna.store.maintenance import check

ARTICLES = 24
KILL_AT = (2, 9, 17)  # articles stored when the process is killed
WAIT_S = 120


def stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:  # not created or migrated yet
        return 0


def ingest(inputs: Path, db: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "kizuna.cli", "ingest", str(inputs),
                             "--db", str(db)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def assert_sound(db: Path) -> None:
    with Store.open(str(db), migrate=False) as store:
        report = check(store)
    assert not report.problems, report.lines()


def test_kill_9_mid_ingest_leaves_a_sound_store_and_a_rerun_completes(tmp_path: Path) -> None:
    inputs = tmp_path / "corpus.jsonl"
    articles = benchcorpus.generate(ARTICLES, seed=5)
    inputs.write_text("\n".join(json.dumps({**article_to_dict(a), "text": a.text})
                                for a in articles) + "\n", encoding="utf-8")
    db = tmp_path / "killed.db"
    for point in KILL_AT:
        run = ingest(inputs, db)
        deadline = time.monotonic() + WAIT_S
        while stored(db) < point and run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert run.poll() is None, f"finished before the kill at {point}: {run.stderr}"
        os.kill(run.pid, signal.SIGKILL)
        run.communicate(timeout=30)
        assert run.returncode == -signal.SIGKILL
        assert point <= stored(db) < ARTICLES
        assert_sound(db)
    run = ingest(inputs, db)
    out, err = run.communicate(timeout=WAIT_S)
    assert run.returncode == 0, err
    assert "unchanged" in out  # what the killed runs stored is not written again
    assert stored(db) == ARTICLES
    assert_sound(db)
