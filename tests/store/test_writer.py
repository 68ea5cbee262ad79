"""The writer: added / unchanged / updated, one transaction per article, shared entities."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import event, select

from kizuna.contract import document_to_dict
from kizuna.model import Event, Span
from kizuna.store import RejectedDocument, Store, event_id, schema, writer
from kizuna.store.documents import load_document
from kizuna.store.queries import search_articles, table_counts
from tests.store.factory import japanese_doc, release_doc, summit_doc


def stored(store: Store, article_id: str) -> Any:
    with store.engine.connect() as conn:
        return load_document(conn, article_id)


def writes_during(store: Store, action: Any) -> list[str]:
    """The INSERT/UPDATE/DELETE statements `action` sends to the database."""
    seen: list[str] = []

    def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.lstrip().split()[0].upper() in {"INSERT", "UPDATE", "DELETE"}:
            seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        action()
    finally:
        event.remove(store.engine, "before_cursor_execute", record)
    return seen


def test_a_new_article_is_added(store: Store) -> None:
    assert store.save_document(summit_doc()) == "added"
    counts = table_counts(store)
    assert counts["articles"] == 1
    assert counts["events"] == 3
    assert counts["amounts"] == 1
    assert counts["quotes"] == 1
    assert counts["event_participants"] == 6


def test_the_same_document_again_is_unchanged_and_writes_nothing(store: Store) -> None:
    assert writes_during(store, lambda: store.save_document(summit_doc()))  # the spy works
    before = table_counts(store)
    outcome: list[str] = []
    assert writes_during(store, lambda: outcome.append(store.save_document(summit_doc()))) == []
    assert outcome == ["unchanged"]
    assert table_counts(store) == before


def test_a_changed_document_is_updated_and_its_old_rows_are_gone(store: Store) -> None:
    store.save_document(summit_doc())
    doc = summit_doc()
    changed = replace(doc, events=doc.events[:1], amounts=(), quotes=(),
                      article=replace(doc.article, title="Summit, revised"))
    assert store.save_document(changed) == "updated"
    counts = table_counts(store)
    assert (counts["articles"], counts["events"], counts["amounts"], counts["quotes"]) == \
        (1, 1, 0, 0)
    assert counts["event_participants"] == 2
    assert document_to_dict(stored(store, doc.article.id)) == document_to_dict(changed)


def test_an_updated_text_replaces_the_search_index(store: Store) -> None:
    store.save_document(release_doc())
    doc = release_doc()
    new_text = doc.article.text.replace("Cristal", "Sapphire")
    store.save_document(replace(doc, article=replace(doc.article, text=new_text), events=()))
    assert search_articles(store, "Cristal") == []
    assert [r.id for r in search_articles(store, "Sapphire")] == ["release"]


def test_a_stored_document_reads_back_as_it_was_written(store: Store) -> None:
    for doc in (summit_doc(), japanese_doc(), release_doc()):
        store.save_document(doc)
        assert document_to_dict(stored(store, doc.article.id)) == document_to_dict(doc)


def test_every_span_read_back_slices_its_article(filled: Store) -> None:
    doc = stored(filled, "summit-en")
    spans = [m for e in doc.entities for m in e.mentions]
    spans += [e.evidence for e in doc.events] + [m.span for m in doc.amounts]
    spans += [q.span for q in doc.quotes]
    assert all(doc.article.text[s.start:s.end] == s.text for s in spans)


def test_entities_are_shared_across_articles_by_name_and_type(filled: Store) -> None:
    with filled.engine.connect() as conn:
        names = list(conn.execute(select(schema.entities.c.name)).scalars())
    assert names.count("Shigeru Ishiba") == 1
    assert names.count("Donald Trump") == 1


def test_a_later_article_fills_a_missing_country(store: Store) -> None:
    doc = release_doc()
    stateless = replace(doc.entities[0], country=None)
    store.save_document(replace(doc, entities=(stateless, *doc.entities[1:])))
    store.save_document(release_doc("release-2"))
    with store.engine.connect() as conn:
        country = conn.execute(select(schema.entities.c.country)
                               .where(schema.entities.c.name == "SoftBank Group")).scalar()
    assert country == "JPN"


def test_two_local_entities_with_one_name_become_one(store: Store) -> None:
    doc = summit_doc()
    again = replace(doc.entities[0], id="e9", aliases=("石破",), mentions=())
    store.save_document(replace(doc, entities=(*doc.entities, again)))
    (ishiba,) = [e for e in stored(store, doc.article.id).entities
                 if e.name == "Shigeru Ishiba"]
    assert ishiba.id == "e1"
    assert ishiba.aliases == ("Shigeru Ishiba", "Ishiba", "石破")


def test_event_ids_are_stable_and_differ_by_article() -> None:
    assert event_id("a", "v1") == event_id("a", "v1")
    assert event_id("a", "v1") != event_id("b", "v1")
    assert len(event_id("a", "v1")) == 16


def test_an_interrupted_write_leaves_nothing_of_that_article(
        filled: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    before = table_counts(filled)

    def fail(*args: Any) -> None:
        raise RuntimeError("disk pulled out")

    # Quotes go in after the article, its entities, amounts and events.
    monkeypatch.setattr(writer, "_insert_quotes", fail)
    with pytest.raises(RuntimeError):
        filled.save_document(summit_doc("interrupted"))
    assert table_counts(filled) == before
    assert stored(filled, "interrupted") is None
    assert search_articles(filled, "golden age") != []  # only the earlier article
    assert all(r.id != "interrupted" for r in search_articles(filled, "golden age"))
    assert document_to_dict(stored(filled, "summit-en")) == document_to_dict(summit_doc())


def test_an_interrupted_update_keeps_the_previous_version(
        filled: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = summit_doc()
    monkeypatch.setattr(writer, "_index_text", lambda *a: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        filled.save_document(replace(doc, events=()))
    assert document_to_dict(stored(filled, doc.article.id)) == document_to_dict(doc)


def test_a_document_breaking_a_constraint_is_rejected_alone(store: Store) -> None:
    doc = release_doc()
    twin = Event("v1", "MEET", "happened", Span.of(doc.article.text, 0, 8))
    with pytest.raises(RejectedDocument, match="release"):
        store.save_document(replace(doc, events=(*doc.events, twin)))
    assert store.save_document(summit_doc()) == "added"
    assert table_counts(store)["articles"] == 1


def test_references_to_unknown_entities_are_dropped(store: Store) -> None:
    doc = release_doc()
    stray = replace(doc.events[0], actors=("e1", "e404"), location="e405")
    store.save_document(replace(doc, events=(stray,)))
    (event_read,) = stored(store, doc.article.id).events
    assert event_read.actors == ("e1",)
    assert event_read.location is None
