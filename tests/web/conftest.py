"""Fixtures: the web app over a small store the tests fill, through the ASGI client; a
headless Chromium for the browser tests."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from kizuna.ingest import Failure, IngestReport
from kizuna.model import Article, DateRef, Document, Event
from kizuna.sources import iter_articles
from kizuna.store import Store
from kizuna.web import chromium, create_app
from kizuna.web.writing import Writer
from tests.store.factory import (
    Told,
    entity,
    japanese_doc,
    release_doc,
    report_doc,
    sentence,
    summit_doc,
)

# The Host a test client sends: a name the app answers for by default (TestClient's own
# "testserver" is refused, as any name the server was not started for).
BASE_URL = "http://127.0.0.1"
HOSTILE = '<script>alert(1)</script> and <img src=x onerror=alert(1)>'


def hostile_doc() -> Document:
    """An article whose every field tries to run script, with one extracted event."""
    text = f"Shigeru Ishiba met Donald Trump in Tokyo. {HOSTILE} was in the article."
    article = Article("hostile", text, "en", f"Title {HOSTILE}", "javascript:alert(1)",
                      f"Source {HOSTILE}", date(2025, 3, 1))
    ishiba = entity(text, "e1", "Shigeru Ishiba", "PERSON", "JPN", "Shigeru Ishiba")
    trump = entity(text, "e2", "Donald Trump", "PERSON", "USA", "Donald Trump")
    event = Event("v1", "STATEMENT", "happened", sentence(text, f"{HOSTILE}", "article."),
                  ("e1",), ("e2",), object=f"statement {HOSTILE}")
    return Document(article, (ishiba, trump), (event,))


def restrict_doc() -> Document:
    """The United States imposes tariffs on Japan: the dyad's one restrictive event."""
    text = "The United States imposed tariffs on Japanese cars on April 1."
    article = Article("restrict-1", text, "en", "Tariffs", "https://news.example/tariffs",
                      "The Example Times", date(2025, 4, 2))
    usa = entity(text, "e1", "United States", "GPE", "USA", "United States")
    japan = entity(text, "e2", "Japan", "GPE", "JPN", "Japanese")
    april = DateRef("on April 1", date(2025, 4, 1), date(2025, 4, 1), "day")
    event = Event("v1", "RESTRICT", "happened", sentence(text, "The United States"),
                  ("e1",), ("e2",), date=april, object="tariffs on cars")
    return Document(article, (usa, japan), (event,))


def near_match_docs() -> tuple[Document, ...]:
    """Two reports of one meeting ("a", "a2"); an undated report naming its two leaders
    among four more ("crowd"): nearly the same happening, below the merging bar; and an
    unrelated meeting ("far")."""
    feb8 = date(2025, 2, 8)
    meeting = Told(names=("Leader Aoki", "Leader Baker"))
    crowded = Told(names=("Leader Aoki", "Leader Baker", "Leader Chen", "Leader Dube",
                          "Leader Eze", "Leader Fujita"), when=None)
    elsewhere = Told(names=("Leader Gomez", "Leader Hale"))
    return (report_doc("a", feb8, meeting), report_doc("a2", feb8, meeting),
            report_doc("crowd", feb8, crowded), report_doc("far", feb8, elsewhere))


def fake_extract(article: Article) -> Document:
    """Extraction without language models: one MEET told by the posted article."""
    told = report_doc(article.id, article.published, Told("MEET"))
    return Document(article=Article(article.id, told.article.text, "en", article.title,
                                    article.url, article.source, article.published),
                    entities=told.entities, events=told.events)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(str(tmp_path / "web.db")) as opened:
        for doc in (summit_doc(), japanese_doc(), release_doc(), hostile_doc(),
                    restrict_doc()):
            opened.save_document(doc)
        yield opened


def make_client(store: Store, host: str = "127.0.0.1", tokens: tuple[str, ...] = ()
                ) -> TestClient:
    app = create_app("", store=store, host=host, tokens=tokens,
                     writer=Writer(store, extract=fake_extract))
    return TestClient(app, base_url=BASE_URL)


@pytest.fixture
def client(store: Store) -> TestClient:
    return make_client(store)


SKIP_BROWSER = "KIZUNA_SKIP_BROWSER"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """A headless Chromium (Debian's package, driven by Playwright), one per test module.

    Without one the tests that ask fail, saying what to install: CI must run them.
    KIZUNA_SKIP_BROWSER=1 skips them instead.
    """
    if os.environ.get(SKIP_BROWSER) == "1":
        pytest.skip(f"{SKIP_BROWSER}=1: no browser tests")
    reason = chromium.unavailable()
    if reason:
        pytest.fail(f"cannot run the browser tests: {reason} ({SKIP_BROWSER}=1 skips them)",
                    pytrace=False)
    with chromium.launched() as launched:
        yield launched


def read_without_extracting(inputs: list[str], store: Store,
                            client: httpx.Client) -> IngestReport:
    """Fetch and read the inputs as ingest does, store nothing: no language models."""
    report = IngestReport()
    for label, item in iter_articles(inputs, client=client):
        if isinstance(item, Exception):
            report.failures.append(Failure(label, str(item)))
        else:
            report.added += 1
    return report
