"""The read side: event filters, full-text search in both languages, one event in full."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from kizuna.contract import document_to_dict
from kizuna.store import Store, event_id
from kizuna.store import schema as s
from kizuna.store.migrations import TRIGRAM_INDEXES
from kizuna.store.queries import (
    _article_matches,
    get_event,
    iter_documents,
    list_events,
    search_articles,
    sentence_context,
)
from tests.store.factory import japanese_doc, release_doc, summit_doc


def keys(rows: list) -> list[tuple[str, str]]:
    """(article id, event type) of each row, in the order returned."""
    return [(r.article_id, r.type) for r in rows]


def test_all_events_come_newest_first_undated_ones_by_publication(filled: Store) -> None:
    rows = list_events(filled)
    assert len(rows) == 7
    whens = [r.date_start or r.published for r in rows]
    assert [w for w in whens if w] == sorted([w for w in whens if w], reverse=True)
    assert rows[-1].date_start is None and rows[-1].published is None  # INVEST/AGREE


def test_a_row_carries_names_and_its_article(filled: Store) -> None:
    (meet,) = [r for r in list_events(filled, type="meet") if r.article_id == "summit-en"]
    assert meet.id == event_id("summit-en", "v1")
    assert (meet.actors, meet.targets) == (("Shigeru Ishiba",), ("Donald Trump",))
    assert meet.location == "Washington"
    assert meet.title == "Ishiba and Trump meet [live]"
    assert meet.source == "The Example Times"
    assert meet.url == "https://news.example/summit-en"
    assert meet.to_dict()["date_start"] == "2025-02-07"


@pytest.mark.parametrize(("filters", "expected"), [
    ({"type": "MEET"}, {("summit-en", "MEET"), ("summit-ja", "MEET")}),
    ({"status": "negated"}, {("release", "STATEMENT")}),
    ({"actor": "shigeru ishiba", "type": "meet"}, {("summit-en", "MEET"), ("summit-ja", "MEET")}),
    ({"actor": "トランプ"}, {("summit-en", "MEET"), ("summit-en", "COOPERATE"),
                           ("summit-ja", "MEET"), ("summit-ja", "AGREE")}),
    ({"actor": "TRUMP", "type": "AGREE"}, {("summit-ja", "AGREE")}),
    ({"actor": "Nobody"}, set()),
    ({"country": "usa", "type": "INVEST"}, {("summit-en", "INVEST")}),
    ({"country": "JPN", "status": "happened", "since": date(2025, 1, 1)},
     {("summit-en", "MEET"), ("summit-ja", "MEET")}),
    ({"until": date(2024, 12, 31)}, {("release", "RELEASE"), ("release", "STATEMENT")}),
    ({"since": date(2024, 12, 1), "until": date(2024, 12, 1)},
     {("release", "RELEASE"), ("release", "STATEMENT")}),
    ({"since": date(2025, 2, 8)}, {("summit-en", "INVEST"), ("summit-en", "COOPERATE")}),
])
def test_filters(filled: Store, filters: dict, expected: set) -> None:
    assert set(keys(list_events(filled, **filters))) == expected


def test_an_event_with_no_date_and_no_publication_passes_no_date_filter(filled: Store) -> None:
    assert ("summit-ja", "AGREE") not in keys(list_events(filled, since=date(2000, 1, 1)))


def test_limit(filled: Store) -> None:
    assert keys(list_events(filled, limit=2)) == keys(list_events(filled))[:2]


@pytest.mark.parametrize(("query", "articles"), [
    ("golden age", {"summit-en"}),            # two English words, both required
    ("GOLDEN", {"summit-en"}),                # any case
    ("人工知能", {"summit-ja"}),               # Japanese, through the trigram index
    ("会談", {"summit-ja"}),                   # two characters: the LIKE fallback
    ("協", {"summit-ja"}),                     # one character
    ("AI", {"summit-en", "release"}),          # two Latin characters, also LIKE
    ("ワシントン 協力", {"summit-ja"}),
    ("golden 人工知能", set()),
    ('"quoted" OR NEAR(x*', set()),            # FTS syntax is searched as text
    ("[AI]", {"summit-en"}),
    ("100%", set()),                           # LIKE wildcards are literal
])
def test_search_articles(filled: Store, query: str, articles: set) -> None:
    assert {r.id for r in search_articles(filled, query)} == articles


@pytest.mark.parametrize("backend", ["postgresql"])
def test_postgresql_searches_through_trigram_indexes(filled: Store) -> None:
    stmt = select(s.articles.c.id).where(_article_matches(filled, "人工知能"))
    sql = stmt.compile(filled.engine, compile_kwargs={"literal_binds": True})
    with filled.engine.connect() as conn:
        conn.exec_driver_sql("SET enable_seqscan = off")  # a tiny table: scanning is cheaper
        plan = "\n".join(conn.exec_driver_sql(f"EXPLAIN {sql}").scalars())
    assert all(name in plan for name in TRIGRAM_INDEXES), plan


def test_event_search_finds_every_event_of_an_article_whose_text_matches(
        filled: Store) -> None:
    # An event's evidence and object are cut from its article's text, so the article's
    # text is all the search reads.
    assert set(keys(list_events(filled, search="golden age"))) == {
        ("summit-en", "MEET"), ("summit-en", "INVEST"), ("summit-en", "COOPERATE")}
    assert keys(list_events(filled, search="golden age nowhere")) == []
    assert set(keys(list_events(filled, search="合意", type="AGREE"))) == {("summit-ja", "AGREE")}


def test_get_event_gives_participants_source_and_sentence(filled: Store) -> None:
    detail = get_event(filled, event_id("summit-en", "v2"))
    assert detail is not None
    assert detail.event.amount_value == 1e12
    assert detail.event.amount_currency == "USD"
    assert [(p.name, p.country, p.role) for p in detail.participants] == [
        ("Japan", "JPN", "actor"), ("United States", "USA", "target")]
    before, evidence, after = detail.context()
    assert evidence == "Ishiba said Japan would raise its investment in the United States " \
                       "to $1 trillion."
    assert (before, after) == ("", "")


def test_get_event_by_a_unique_prefix(filled: Store) -> None:
    full = event_id("release", "v1")
    assert get_event(filled, full[:8]).event.id == full


def test_get_event_unknown_or_empty(filled: Store) -> None:
    assert get_event(filled, "0" * 16) is None
    assert get_event(filled, "") is None


def test_iter_documents_gives_every_document_in_contract_shape(filled: Store) -> None:
    docs = list(iter_documents(filled))
    assert [d.article.id for d in docs] == ["summit-ja", "release", "summit-en"]
    by_id = {d.article.id: document_to_dict(d) for d in docs}
    for original in (summit_doc(), japanese_doc(), release_doc()):
        assert by_id[original.article.id] == document_to_dict(original)


@pytest.mark.parametrize(("text", "part", "expected"), [
    ("One. Ishiba met Trump today. Three.", "met Trump", ("Ishiba ", "met Trump", " today.")),
    ("Mr. Son met U.S. President Trump. Next.", "President", ("Mr. Son met U.S. ", "President",
                                                              " Trump.")),
    ("前文。石破首相は会談した。次。", "会談", ("石破首相は", "会談", "した。")),
    ("Whole sentence.", "Whole sentence.", ("", "Whole sentence.", "")),
])
def test_sentence_context(text: str, part: str, expected: tuple) -> None:
    start = text.index(part)
    assert sentence_context(text, start, start + len(part)) == expected
