"""`kizuna bench-store`: the generated store is plausible, and the command reports its figures.

The benchmark measures speed but is never a timed pass/fail test: only the shape of the
report and the store it builds are checked here, on a few hundred articles.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from kizuna.bench import store as store_bench
from kizuna.cli import app
from kizuna.store import Store, invariants, merged, reads
from kizuna.store import schema as s
from kizuna.store.queries import get_event, search_articles, table_counts
from tests.store.factory import Told, report_doc

READS = {"actor_events", "dyad_series", "search", "merged_event_with_citations"}
FIGURES = {"median_ms", "p95_ms"}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Store:
    path = tmp_path_factory.mktemp("bench") / "bench.db"
    store = Store.open(str(path))
    store_bench.build(store, 300, seed=1)
    yield store
    store.close()


def test_the_command_prints_the_figures_as_json(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["bench-store", "--json", "--articles", "300",
                                      "--repeats", "3", "--db", str(tmp_path / "b.db")])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["articles"] == 300
    assert report["backend"] == "sqlite"
    assert set(report["reads"]) >= READS
    for name, figures in report["reads"].items():
        assert set(figures) >= FIGURES, name
        assert figures["median_ms"] >= 0
    assert report["events"] > 300 and 0 < report["merged_events"] < report["events"]


def test_without_a_database_it_builds_a_temporary_one_and_removes_it() -> None:
    result = CliRunner().invoke(app, ["bench-store", "--articles", "50", "--repeats", "2"])
    assert result.exit_code == 0, result.output
    assert "kizuna bench-store" in result.stdout and "actor_events" in result.stdout


def test_it_will_not_fill_a_database_holding_articles(built: Store, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["bench-store", "--articles", "5", "--repeats", "2",
                                      "--db", str(built.engine.url.database)])
    assert result.exit_code == 2
    assert "empty database" in result.stderr


def test_the_store_has_the_articles_and_about_two_events_each(built: Store) -> None:
    counts = table_counts(built)
    assert counts["articles"] == 300
    assert 1.7 <= counts["events"] / 300 <= 2.3
    assert counts["merged_members"] == counts["events"]
    assert 200 <= counts["entities"] <= 500
    with built.engine.connect() as conn:
        fts = conn.exec_driver_sql(f"SELECT count(*) FROM {s.FTS_TABLE}").scalar_one()
        sizes = Counter(conn.execute(select(func.count()).select_from(s.merged_members)
                                     .group_by(s.merged_members.c.merged_id)).scalars())
        languages = dict(conn.execute(select(s.articles.c.language, func.count())
                                      .group_by(s.articles.c.language)).all())
    assert fts == 300
    assert min(sizes) >= 1 and max(sizes) <= 10 and max(sizes) > 1
    assert set(languages) == {"en", "ja"}


def test_every_cited_span_is_in_its_article(built: Store) -> None:
    for event in merged.list_merged_events(built, limit=40):
        detail = merged.get_merged_event(built, event.id)
        for citation in event.citations:
            text = detail.texts[citation.doc_id]
            start, end = citation.evidence.start, citation.evidence.end
            assert text[start:end] == citation.evidence.text


def test_the_generated_store_answers_the_common_reads(built: Store) -> None:
    assert reads.actor_events(built, "Shigeru Ishiba", limit=5)
    assert reads.actor_events(built, "石破茂", limit=5) == reads.actor_events(
        built, "Ishiba", limit=5)
    assert reads.actor_profile(built, "Japan").country == "JPN"
    assert reads.dyad_series(built, "JPN", "USA").months
    assert search_articles(built, "semiconductors")
    event = merged.list_merged_events(built, limit=1)[0]
    assert get_event(built, event.citations[0].event_id) is not None


def test_the_generated_store_is_what_the_merger_would_have_stored(tmp_path: Path) -> None:
    """What the bench writes directly is what the writer and merger would have stored:
    every merged event's columns and participants as `refresh` computes them from its
    members, every event in one, and no two events of one article in the same one.
    (A thousand articles: enough for same-day reports of one happening to disagree.)"""
    store = Store.open(str(tmp_path / "sound.db"))
    store_bench.build(store, 1000, seed=1)
    with store.engine.connect() as conn:
        assert invariants.breaches(conn) == []
        shared = conn.execute(select(s.merged_members.c.merged_id, s.events.c.article_id)
                              .join(s.events, s.events.c.id == s.merged_members.c.event_id)
                              .group_by(s.merged_members.c.merged_id, s.events.c.article_id)
                              .having(func.count() > 1)).all()
    store.close()
    assert shared == []


def test_the_writer_extends_a_generated_store(tmp_path: Path) -> None:
    """Articles reporting generated happenings again, two in one article, are stored and
    merged into them, and the store stays sound."""
    store = Store.open(str(tmp_path / "extend.db"))
    the_plan = store_bench.build(store, 300, seed=2)
    names = {a.id: a.name for a in the_plan.actors}
    people = {a.id for a in the_plan.actors if a.type == "PERSON"}
    retold = [h for h in the_plan.happenings if h.type in {"MEET", "AGREE", "COOPERATE"}
              and set(h.parties) <= people and h.granularity == "day"][:6]
    assert len(retold) == 6
    told = [Told(type=h.type, names=tuple(names[p] for p in h.parties), when=h.start)
            for h in retold]
    for i in range(0, 6, 2):
        doc = report_doc(f"again-{i}", told[i].when, told[i], told[i + 1])
        assert store.save_document(doc) == "added"
    with store.engine.connect() as conn:
        assert invariants.breaches(conn) == []
        mm, ev = s.merged_members, s.events
        generated = select(mm.c.merged_id).join(ev, ev.c.id == mm.c.event_id).where(
            ev.c.article_id.like("bench-store-%"))
        joined = conn.execute(select(func.count()).select_from(mm)
                              .join(ev, ev.c.id == mm.c.event_id)
                              .where(ev.c.article_id.like("again-%"),
                                     mm.c.merged_id.in_(generated))).scalar_one()
    assert table_counts(store)["articles"] == 303
    assert joined == 6  # each report joined the generated happening it retells
    store.close()


def test_the_plan_is_the_same_for_the_same_seed() -> None:
    first, again = store_bench.plan(200, seed=3), store_bench.plan(200, seed=3)
    assert first.articles == again.articles
    assert [h.parties for h in first.happenings] == [h.parties for h in again.happenings]
    assert store_bench.plan(200, seed=4).articles != first.articles
