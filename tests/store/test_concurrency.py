"""Two processes ingesting into one PostgreSQL database at once lose nothing, duplicate
nothing, and merge as one process would (see `kizuna.store.locks`).

Both processes start on a new, empty database, so they also race to migrate it.
"""

from __future__ import annotations

import json
import multiprocessing
import subprocess
import sys
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from kizuna.ingest import ingest
from kizuna.model import Document
from kizuna.store import Store
from kizuna.store import schema as s
from kizuna.store.queries import table_counts
from tests.postgres import PostgresServer
from tests.store.factory import Told, report_doc
from tests.store.test_merging import grouping

HAPPENINGS = 5
ARTICLES = 30
FIRST = range(0, 20)  # what each process stores: articles 10-19 by both
SECOND = range(ARTICLES - 1, 9, -1)  # the other way round, to meet in the middle


def article(i: int) -> Document:
    """The i-th report of happening i % 5, a meeting of two leaders shared with the
    happenings next to it, and a statement by a spokesman of its own (a new entity)."""
    h = i % HAPPENINGS
    meeting = Told(names=(f"Leader {h}", f"Leader {h + 1}"), when=date(2025, 1 + 2 * h, 10))
    statement = Told(type="STATEMENT", names=(f"Spokesman {i}",), when=None)
    return report_doc(f"art-{i:02d}", meeting.when + timedelta(days=1 + i // HAPPENINGS),
                      meeting, statement)


def _store_articles(url: str, indexes: list[int], start: Any, results: Any) -> None:
    """One process: open the database and store `indexes` as soon as both may begin."""
    start.wait(timeout=60)
    try:
        with Store.open(url) as store:
            results.put([(article(i).article.id, store.save_document(article(i)))
                         for i in indexes])
    except BaseException as exc:
        results.put(exc)
        raise


@pytest.fixture
def database(postgres_server: PostgresServer) -> Any:
    """A new, empty PostgreSQL database: its URL."""
    name = postgres_server.create_database()
    yield postgres_server.url(name)
    postgres_server.drop_database(name)


def test_two_processes_storing_overlapping_articles_at_once(database: str) -> None:
    spawn = multiprocessing.get_context("spawn")
    start, results = spawn.Barrier(2), spawn.Queue()
    workers = [spawn.Process(target=_store_articles, args=(database, list(part), start, results))
               for part in (FIRST, SECOND)]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    assert [w.exitcode for w in workers] == [0, 0], outcomes
    said = Counter(outcome for done in outcomes for outcome in done)
    both = {f"art-{i:02d}" for i in set(FIRST) & set(SECOND)}
    # Each article was added once; the process that came second found it unchanged.
    assert said == Counter({(f"art-{i:02d}", "added"): 1 for i in range(ARTICLES)}
                           | {(a, "unchanged"): 1 for a in both})

    with Store.open(database) as store:
        counts = table_counts(store)
        assert counts["articles"] == ARTICLES
        assert counts["events"] == counts["merged_members"] == 2 * ARTICLES
        # every event judged; an article stored before older ones that it bears on is
        # placed again after them, and that is judged too
        assert counts["judgements"] >= counts["events"]
        with store.engine.connect() as conn:
            names = conn.execute(select(s.entities.c.name)).scalars().all()
            empty = conn.execute(select(func.count()).select_from(s.merged_events).where(
                s.merged_events.c.id.not_in(select(s.merged_members.c.merged_id)))).scalar()
        assert sorted(names) == sorted({e.name for i in range(ARTICLES)
                                        for e in article(i).entities})  # each once
        assert empty == 0
        # One merged event per meeting, however the two processes interleaved.
        assert grouping(store) == (
            {frozenset(f"art-{i:02d}:v1" for i in range(h, ARTICLES, HAPPENINGS))
             for h in range(HAPPENINGS)}
            | {frozenset({f"art-{i:02d}:v2"}) for i in range(ARTICLES)})


# --- through the command line ---------------------------------------------------------

REPORTS = [  # (id, published, text): three happenings, two or three reports of each
    ("meet-1", "2025-02-08", "Prime Minister Shigeru Ishiba met U.S. President Donald Trump "
     "at the White House on Friday."),
    ("meet-2", "2025-02-08", "Japanese Prime Minister Shigeru Ishiba and President Donald "
     "Trump met in Washington on Friday."),
    ("meet-3", "2025-02-09", "Shigeru Ishiba met Donald Trump in Washington on Friday, "
     "officials said."),
    ("invest-1", "2025-01-22", "SoftBank Group and OpenAI announced on Tuesday that they will "
     "invest $500 billion in AI infrastructure in the United States."),
    ("invest-2", "2025-01-23", "SoftBank Group and OpenAI said on Tuesday they would invest "
     "$500 billion in AI infrastructure in the United States."),
    ("visit-1", "2025-03-04", "Chinese Foreign Minister Wang Yi visited Tokyo on Monday."),
]


def _write_reports(folder: Path) -> list[Path]:
    folder.mkdir()
    paths = []
    for article_id, published, text in REPORTS:
        path = folder / f"{article_id}.article.json"
        path.write_text(json.dumps({"id": article_id, "title": article_id, "language": "en",
                                    "source": f"Outlet {article_id}", "published": published,
                                    "text": text}), encoding="utf-8")
        paths.append(path)
    return paths


def _kizuna(*args: str) -> list[str]:
    return [sys.executable, "-c", "from kizuna.cli import main; main()", *args]


def test_two_kizuna_ingests_into_one_database_at_once(
        postgres_server: PostgresServer, database: str, tmp_path: Path) -> None:
    paths = [str(p) for p in _write_reports(tmp_path / "news")]
    first, second = paths[:4], paths[2:][::-1]  # two articles by both
    runs = [subprocess.Popen(_kizuna("ingest", *part, "--db", database), cwd=tmp_path,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            for part in (first, second)]
    said = [run.communicate(timeout=300)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], said
    assert not any("failed" in output for output in said), said

    # The same articles stored by one process, this one, for comparison.
    alone_name = postgres_server.create_database()
    try:
        with Store.open(database) as together, \
                Store.open(postgres_server.url(alone_name)) as one:
            assert ingest(paths, one).failed == 0
            counts, expected = table_counts(together), table_counts(one)
            assert counts["articles"] == len(REPORTS)
            assert counts["events"] == counts["merged_members"] <= counts["judgements"]
            # the same rows, but judgements: two runs interleaving out of publication
            # order place some reports again, and that is judged too
            assert ({k: n for k, n in counts.items() if k != "judgements"}
                    == {k: n for k, n in expected.items() if k != "judgements"})
            with together.engine.connect() as conn:
                names = conn.execute(select(s.entities.c.name, s.entities.c.type)).all()
            assert len(names) == len(set(names))
            assert grouping(together) == grouping(one)
            assert any(len(group) == 3 for group in grouping(together))  # the meeting
    finally:
        postgres_server.drop_database(alone_name)
