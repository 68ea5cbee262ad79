"""`kizuna.ingest.ingest`: sources -> extraction -> store, with failures collected."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from kizuna import ingest as flow
from kizuna import pipeline
from kizuna.errors import StoreError, UnsupportedLanguage
from kizuna.model import Article, Document, Event, Span
from kizuna.store import Store
from kizuna.store.queries import table_counts
from tests.cli.conftest import write_article
from tests.store.factory import RELEASE_TEXT, SUMMIT_TEXT, release_doc, summit_doc

RECORDS = {
    "summit": {"id": "summit", "text": SUMMIT_TEXT, "published": "2025-02-08",
               "language": "en"},
    "release": {"id": "release", "text": RELEASE_TEXT, "published": "2024-12-01",
                "language": "en"},
    "german": {"id": "german", "text": "Der Gipfel fand am Freitag statt.", "language": "de"},
}


def fake_extract_many(articles: Iterable[Article], workers: int = 1
                      ) -> Iterator[Document | Exception]:
    """Hand-built documents for known ids (the real pipeline, failures included, is
    tested in test_every_input_stands_alone)."""
    for article in articles:
        if article.language == "de":
            yield UnsupportedLanguage(f"{article.id}: language 'de' is not supported")
        else:
            doc = summit_doc(article.id) if article.text == SUMMIT_TEXT else release_doc()
            yield replace(doc, article=article)


@pytest.fixture(autouse=True)
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "extract_many", fake_extract_many)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(str(tmp_path / "flow.db")) as opened:
        yield opened


def files(tmp_path: Path, *names: str) -> list[str]:
    return [str(write_article(tmp_path, name, RECORDS[name])) for name in names]


def test_good_inputs_are_added_and_events_counted(tmp_path: Path, store: Store) -> None:
    report = flow.ingest(files(tmp_path, "summit", "release"), store)
    assert (report.added, report.unchanged, report.updated, report.failed) == (2, 0, 0, 0)
    assert report.events == 5
    assert report.summary() == "2 added; 5 events"
    assert table_counts(store)["articles"] == 2


def test_a_second_run_is_unchanged_and_writes_nothing(tmp_path: Path, store: Store) -> None:
    inputs = files(tmp_path, "summit", "release")
    flow.ingest(inputs, store)
    before = table_counts(store)
    report = flow.ingest(inputs, store)
    assert (report.added, report.unchanged) == (0, 2)
    assert table_counts(store) == before


def test_a_changed_article_is_updated(tmp_path: Path, store: Store) -> None:
    (path,) = files(tmp_path, "release")
    flow.ingest([path], store)
    write_article(tmp_path, "release", {**RECORDS["release"], "title": "Retitled"})
    assert flow.ingest([path], store).updated == 1


def test_a_document_the_store_rejects_fails_alone(tmp_path: Path, store: Store,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    def twin_events(articles: Iterable[Article], workers: int = 1) -> Iterator[Document]:
        for doc in fake_extract_many(articles):
            if doc.article.id == "release":
                twin = Event("v1", "MEET", "happened", Span.of(doc.article.text, 0, 8))
                doc = replace(doc, events=(*doc.events, twin))
            yield doc

    monkeypatch.setattr(pipeline, "extract_many", twin_events)
    report = flow.ingest(files(tmp_path, "release", "summit"), store)
    assert report.added == 1
    assert [f.label.endswith("release.article.json") for f in report.failures] == [True]


def test_a_failing_database_stops_the_ingest(tmp_path: Path, store: Store,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(doc: Document) -> str:
        raise StoreError("database is locked")

    monkeypatch.setattr(store, "save_document", broken)
    with pytest.raises(StoreError):
        flow.ingest(files(tmp_path, "summit"), store)


def test_progress_hears_of_every_input_unreadable_first_then_oldest_first(
        tmp_path: Path, store: Store) -> None:
    steps: list[flow.Step] = []
    inputs = [str(tmp_path / "missing.txt"), *files(tmp_path, "summit", "german")]
    flow.ingest(inputs, store, progress=steps.append)
    assert [(s.outcome, s.done, s.total) for s in steps] == [
        ("failed", 1, None), ("failed", 2, 3), ("added", 3, 3)]  # german has no date
    assert steps[0].reason


def test_articles_are_stored_oldest_first_whatever_the_input_order(
        tmp_path: Path, store: Store) -> None:
    steps: list[flow.Step] = []
    flow.ingest(files(tmp_path, "summit", "release"), store, progress=steps.append)
    assert [Path(s.label).stem for s in steps] == ["release.article", "summit.article"]


def test_inputs_stream_through_in_windows(tmp_path: Path, store: Store,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def counting(articles: Iterable[Article], workers: int = 1) -> Iterator[Document]:
        articles = list(articles)
        calls.append(len(articles))
        yield from fake_extract_many(articles)

    monkeypatch.setattr(pipeline, "extract_many", counting)
    inputs = files(tmp_path, "summit", "release")
    steps: list[flow.Step] = []
    report = flow.ingest(inputs, store, window=1, progress=steps.append)
    assert calls == [1, 1] and report.added == 2
    # The total is known once every input is read: after the last window is read.
    assert [(s.done, s.total) for s in steps] == [(1, None), (2, 2)]
    calls.clear()
    flow.ingest(inputs, store)  # one window: extracted together
    assert calls == [2]


def test_a_jsonl_file_streams_record_by_record_and_a_bad_line_fails_alone(
        tmp_path: Path, store: Store) -> None:
    import json

    path = tmp_path / "many.jsonl"
    lines = [json.dumps(RECORDS["summit"]), "{not json", "", json.dumps(RECORDS["release"])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = flow.ingest([str(path)], store, window=1)
    assert (report.added, report.failed) == (2, 1)
    assert report.failures[0].label == f"{path}:2"


def test_a_record_over_the_cap_fails_alone(tmp_path: Path, store: Store,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from kizuna.sources import files as source_files

    path = tmp_path / "big.jsonl"
    big = {**RECORDS["release"], "id": "big", "text": RELEASE_TEXT + " More." * 400}
    path.write_text("\n".join(json.dumps(r) for r in (big, RECORDS["summit"])) + "\n",
                    encoding="utf-8")
    monkeypatch.setattr(source_files, "MAX_RECORD_BYTES", 1000)
    monkeypatch.setattr(source_files.iter_lines, "__defaults__", (1000,))
    report = flow.ingest([str(path)], store)
    assert (report.added, report.failed) == (1, 1)
    assert "larger than 1,000 bytes" in report.failures[0].reason


def test_summary_wording() -> None:
    report = flow.IngestReport(added=3, unchanged=1, events=12,
                               failures=[flow.Failure("x", "bad")])
    assert report.summary() == "3 added, 1 unchanged, 1 failed; 12 events"
    assert flow.IngestReport(events=1).summary() == "no articles; 1 event"
