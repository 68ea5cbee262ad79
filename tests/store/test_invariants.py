"""The store's invariants (`kizuna.store.invariants`): found when broken, and holding after
every step of ingesting many generated articles in random orders and batch sizes, with
articles rewritten and a person's corrections between batches, on SQLite and PostgreSQL.

Articles come from `report_doc`: each reports one to three happenings drawn from a small
pool, naming all or some of their participants, with a status and a publication date of
its own, so events merge, fold together when a fuller report bridges them, and leave
their merged events when their article is rewritten.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from contextlib import suppress
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kizuna.model import Document
from kizuna.store import MergeError, Store
from kizuna.store.invariants import breaches
from tests.store.factory import Told, release_doc, report_doc, summit_doc

# `make fuzz` runs many more examples (KIZUNA_FUZZ_EXAMPLES); `make test` a few.
EXAMPLES = int(os.environ.get("KIZUNA_FUZZ_EXAMPLES", "0")) or 4
LEADERS = ("Leader Aoki", "Leader Baker", "Leader Chen", "Leader Dube", "Leader Eze",
           "Leader Fujita")
TYPES = ("MEET", "AGREE", "INVEST", "STATEMENT")
STATUSES = ("happened", "planned", "considered", "negated")


def happening(h: int) -> Told:
    """Happening number h of the pool: a type, two or three participants, a day."""
    names = tuple(LEADERS[(h + k) % len(LEADERS)] for k in range(2 + h % 2))
    return Told(type=TYPES[h % len(TYPES)], names=names,
                when=date(2025, 1 + h % 12, 1 + (3 * h) % 28))


report = st.tuples(st.integers(0, 11), st.sampled_from(STATUSES), st.booleans())
article = st.tuples(st.lists(report, min_size=1, max_size=3), st.integers(0, 60))


def make_doc(index: int, reports: list[tuple[int, str, bool]], days: int,
             version: int = 0) -> Document:
    told = []
    for h, status, partial in reports:
        full = happening(h)
        names = full.names[:1] + full.names[2:] if partial and len(full.names) > 2 else \
            full.names
        told.append(Told(type=full.type, names=names, status=status, when=full.when))
    doc = report_doc(f"gen-{index:04d}", date(2025, 1, 1) + timedelta(days=days), *told)
    return doc if not version else report_doc(  # a rewrite: the same article, changed
        doc.article.id, doc.article.published, *told[::-1])


def assert_sound(store: Store, step: str) -> None:
    with store.engine.connect() as conn:
        found = breaches(conn)
    assert not found, f"after {step}: " + "; ".join(map(str, found))


@settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 4,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(articles=st.lists(article, min_size=50, max_size=300),
       data=st.data())
def test_invariants_hold_after_every_step(new_database: Callable[..., str],
                                          articles: list, data: st.DataObject) -> None:
    docs = [make_doc(i, reports, days) for i, (reports, days) in enumerate(articles)]
    order = data.draw(st.permutations(range(len(docs))), "order")
    with Store.open(new_database(migrated=True)) as store:
        start = 0
        while start < len(order):
            size = data.draw(st.integers(1, 40), "batch size")
            batch = [docs[i] for i in order[start:start + size]]
            start += size
            # as `kizuna ingest` does: each batch stored oldest first
            for doc in sorted(batch, key=lambda d: (d.article.published, d.article.id)):
                store.save_document(doc)
            assert_sound(store, f"a batch of {len(batch)} ending at {start}")
            action = data.draw(st.sampled_from(("none", "rewrite", "unmerge", "merge")),
                               "between batches")
            _between_batches(store, docs, order[:start], action, data)
            assert_sound(store, f"{action} after {start} articles")


def _between_batches(store: Store, docs: list[Document], stored: list[int], action: str,
                     data: st.DataObject) -> None:
    """Rewrite a stored article, or make a person's correction of one of its events."""
    if action == "none":
        return
    i = data.draw(st.sampled_from(stored), "article")
    doc = docs[i]
    if action == "rewrite":
        reports = [(h, s, p) for h, s, p in _reports_of(doc)]
        store.save_document(make_doc(i, reports, (doc.article.published - date(2025, 1, 1)).days,
                                     version=1))
        return
    with store.engine.connect() as conn:
        events = conn.exec_driver_sql(
            "SELECT e.id, m.merged_id FROM events e JOIN merged_members m "
            "ON m.event_id = e.id ORDER BY e.id").all()
    if not events:
        return
    event_id, _ = data.draw(st.sampled_from(events), "event")
    if action == "unmerge":
        store.unmerge_event(event_id)
        return
    _, into = data.draw(st.sampled_from(events), "into")
    with suppress(MergeError):  # another type: refused, nothing written
        store.merge_event(event_id, into)


def _reports_of(doc: Document) -> list[tuple[int, str, bool]]:
    """The (happening, status, partial) a generated document was made from, near enough
    to write it again: its events' statuses, happenings found by type and first name."""
    found = []
    for event in doc.events:
        names = {e.id: e.name for e in doc.entities}
        first = names[event.actors[0]] if event.actors else LEADERS[0]
        h = next((h for h in range(12) if happening(h).type == event.type
                  and happening(h).names[0] == first), 0)
        found.append((h, event.status, False))
    return found


def test_a_sound_store_has_no_breaches(filled: Store) -> None:
    assert_sound(filled, "three documents")


def test_each_kind_of_breach_is_found(tmp_path: Path) -> None:
    path = tmp_path / "broken.db"
    with Store.open(str(path)) as store:
        for doc in (summit_doc(), release_doc()):
            store.save_document(doc)
    raw = sqlite3.connect(path, isolation_level=None)  # foreign keys not enforced here
    (merged_id,) = raw.execute("SELECT merged_id FROM merged_members LIMIT 1").fetchone()
    raw.execute("DELETE FROM merged_events WHERE id = ?", (merged_id,))
    raw.execute("UPDATE events SET evidence_text = 'not in the text' WHERE rowid = "
                "(SELECT max(rowid) FROM events)")
    raw.execute("UPDATE merged_events SET status = 'negated'")
    raw.execute("DELETE FROM judgements")
    raw.execute("UPDATE merged_events SET object = 'tampered' WHERE type = 'RELEASE'")
    raw.execute("INSERT INTO merged_events (id, type, status, updated_at) "
                "VALUES ('ev-empty', 'MEET', 'happened', '2025-01-01')")
    (stale,) = raw.execute("SELECT id FROM merged_events WHERE type = 'RELEASE'").fetchone()
    raw.execute("UPDATE merged_participants SET last_published = '1999-01-01' "
                "WHERE merged_id = ?", (stale,))
    raw.close()
    with Store.open(str(path)) as store, store.engine.connect() as conn:
        found = {b.rule: b for b in breaches(conn)}
    assert found["merged_members.merged_id naming no merged_events row"].examples == (merged_id,)
    assert "events whose evidence is not the article text at its offsets" in found
    assert "merged events whose status is not their members' latest" in found
    assert "events placed without a judgement" in found
    assert "merged events whose columns are not what the writer computes from their " \
        "members" in found
    assert found["merged events without members"].examples == ("ev-empty",)
    assert found["merged events whose participants carry another last publication "
                 "date"].examples == (stale,)
    assert all(str(b).startswith(b.rule + ": ") for b in found.values())


TYPE_RULE = "events in a merged event of another type"


def test_an_event_may_sit_in_a_merged_event_of_a_related_type_only(tmp_path: Path) -> None:
    """Related types (related_types.toml) may share a merged event; others may not."""
    path = tmp_path / "related.db"
    with Store.open(str(path)) as store:
        store.save_document(report_doc("told-agree", date(2025, 3, 4), Told(
            type="AGREE", names=("Leader Aoki", "Leader Baker"), when=date(2025, 3, 3))))
        store.save_document(report_doc("told-coop", date(2025, 3, 5), Told(
            type="COOPERATE", names=("Leader Aoki", "Leader Baker"), when=date(2025, 3, 3))))
        with store.engine.connect() as conn:
            assert not breaches(conn)
            (merged,) = conn.exec_driver_sql("SELECT DISTINCT merged_id FROM merged_members"
                                             ).scalars().all()
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("UPDATE merged_events SET type = 'MEET' WHERE id = ?", (merged,))
    raw.close()
    with Store.open(str(path)) as store, store.engine.connect() as conn:
        found = {b.rule: b for b in breaches(conn)}
    assert found[TYPE_RULE].count == 2


def test_one_clause_read_as_two_unrelated_types_may_share_a_merged_event(
        tmp_path: Path) -> None:
    """The merger puts the readings of one clause in one merged event whatever their
    types; the type rule accepts that, and only that, besides related types."""
    from dataclasses import replace

    path = tmp_path / "clause.db"
    doc = report_doc("told-twice", date(2025, 3, 4), Told(type="MEET"))
    (meet,) = doc.events
    with Store.open(str(path)) as store:
        store.save_document(replace(doc, events=(meet, replace(meet, id="v2", type="RESTRICT"))))
        with store.engine.connect() as conn:
            assert not breaches(conn)
    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("UPDATE events SET evidence_start = evidence_start + 1 WHERE type = 'RESTRICT'")
    raw.close()
    with Store.open(str(path)) as store, store.engine.connect() as conn:
        found = {b.rule: b for b in breaches(conn)}
    assert found[TYPE_RULE].count == 1  # the RESTRICT reading, no longer of the clause
