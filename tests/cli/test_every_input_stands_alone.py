"""Every input stands alone, through the real pipeline (real models, real store): a text
too long to read, an unsupported language, an article whose text the parser cannot read; the
rest of the batch is stored, and the user sees one line per failed input, no traceback.

Long texts are written here from the project's own bench corpus generator.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from kizuna import ingest as flow
from kizuna import pipeline
from kizuna.bench import corpus as benchcorpus
from kizuna.cli import app as cli
from kizuna.model import Article
from kizuna.nlp import backend
from kizuna.store import Store
from kizuna.store.documents import load_document
from kizuna.store.queries import table_counts
from kizuna.store.tokens import create_token
from kizuna.web import create_app
from tests.cli.conftest import GOOD_ARTICLES, write_article

runner = CliRunner()


def long_text(characters: int, language: str = "en") -> str:
    """Generated news paragraphs, cut at `characters` (at a paragraph end when it can)."""
    paragraphs: list[str] = []
    size, index = 0, 0
    while size < characters:
        text = benchcorpus.make_article(7, index, language).text
        paragraphs.append(text)
        size += len(text) + 2
        index += 1
    return "\n\n".join(paragraphs)[:characters]


def transcript(characters: int) -> str:
    """A Japanese press-conference transcript: questions and long answers, line by line."""
    lines, index = [], 0
    while sum(len(line) + 1 for line in lines) < characters:
        answer = benchcorpus.make_article(11, index, "ja").text.replace("\n", "")
        lines += [f"記者：{index + 1}点目の質問です。今回の件についてどうお考えですか。",
                  f"長官：{answer}"]
        index += 1
    return "\n".join(lines)[:characters]


@pytest.fixture
def good(tmp_path: Path) -> list[str]:
    return [str(write_article(tmp_path, name, record)) for name, record in GOOD_ARTICLES.items()]


def test_a_text_over_the_cap_is_refused_by_name_and_the_rest_is_stored(
        tmp_path: Path, good: list[str]) -> None:
    long = tmp_path / "long.txt"
    long.write_text(long_text(2_700_000), encoding="utf-8")
    db = str(tmp_path / "k.db")
    result = subprocess.run(
        [sys.executable, "-m", "kizuna.cli", "ingest", good[0], str(long), good[1], "--db", db],
        capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "E088" not in result.stderr
    (error,) = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert str(long) in error and "1,000,000" in error
    assert "2 added, 1 failed" in result.stdout
    with Store.open(db) as store:
        assert table_counts(store)["articles"] == 2


@pytest.mark.parametrize("workers", [1, 2])
def test_failures_are_collected_by_input_and_the_rest_goes_on(
        tmp_path: Path, good: list[str], workers: int) -> None:
    missing = str(tmp_path / "missing.article.json")
    too_long = write_article(tmp_path, "too-long", {
        "id": "too-long", "language": "en", "text": "Talks went on. " * 70_000})
    german = write_article(tmp_path, "german", {
        "id": "german", "language": "de", "text": "Der Gipfel fand am Freitag statt."})
    with Store.open(str(tmp_path / "w.db")) as store:
        report = flow.ingest([good[0], missing, str(too_long), str(german), good[1]], store,
                             workers=workers)
        assert (report.added, report.failed, report.unsupported) == (3, 2, 1)
        reasons = {f.label: f.reason for f in report.failures}
        assert set(reasons) == {missing, str(too_long)}
        assert "1,000,000" in reasons[str(too_long)]
        assert report.events > 0
        assert table_counts(store)["articles"] == 3


def test_an_article_the_extractor_cannot_read_fails_alone_and_the_rest_is_stored(
        tmp_path: Path, good: list[str]) -> None:
    # Valid JSON whose text holds a lone surrogate (the escape \\ud800): the record reads,
    # but it is not Unicode text, and the real parser fails on it.
    broken = tmp_path / "broken.article.json"
    broken.write_text('{"id": "broken", "language": "en", "published": "2025-02-07", '
                      '"text": "Ishiba met Trump \\ud800 at the White House on Friday."}',
                      encoding="utf-8")
    inputs = [good[0], str(broken), good[1]]
    with Store.open(str(tmp_path / "x.db")) as store:
        report = flow.ingest(inputs, store)
        assert (report.added, report.failed) == (2, 1)
        assert table_counts(store)["articles"] == 2
        with store.engine.connect() as conn:
            assert load_document(conn, "broken") is None
            stored = [load_document(conn, r["id"]) for r in GOOD_ARTICLES.values()]
    assert all(doc is not None and doc.events for doc in stored)
    (failure,) = report.failures
    assert failure.label == str(broken)
    # the message names the article, the step that failed and why, in one line
    assert failure.reason.startswith("broken: extraction failed (UnicodeEncodeError"), \
        failure.reason
    assert "surrogates not allowed" in failure.reason and "\n" not in failure.reason


def test_the_api_refuses_a_long_text_with_400_and_stores_the_next(tmp_path: Path) -> None:
    with Store.open(str(tmp_path / "api.db")) as store:
        token = create_token(store)
        client = TestClient(create_app("", store=store),  # the real extraction
                            base_url="http://127.0.0.1")
        headers = {"Authorization": f"Bearer {token}"}
        too_long = {"id": "api-long", "language": "en", "text": "Talks went on. " * 70_000}
        response = client.post("/api/ingest", json=too_long, headers=headers)
        assert response.status_code == 400
        assert "api-long" in response.json()["error"]
        response = client.post("/api/ingest", json=GOOD_ARTICLES["summit"], headers=headers)
        assert response.status_code == 201 and response.json()["events"] >= 1


def test_pieces_join_to_the_text_and_stay_under_their_limit() -> None:
    text = long_text(30_000) + "x" * 9_000 + "。終わり。"
    for limit in (500, 4_000, 9_000):
        pieces = backend.split_text(text, limit)
        assert "".join(pieces) == text
        assert all(0 < len(p) <= limit for p in pieces)
    pieces = backend.split_text(long_text(20_000), 4_000)
    assert all(p.endswith(("\n", ".", ". ", "\n\n")) or p.endswith(" ") for p in pieces[:-1])


def test_english_in_pieces_keeps_every_offset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(backend.PIECE_CHARS, "en", 3_000)
    text = long_text(20_000)
    (doc,) = pipeline.extract_many([Article(id="en-pieces", text=text, language="en")])
    assert not isinstance(doc, Exception), doc
    assert len(doc.events) >= 10
    assert max(e.evidence.start for e in doc.events) > 15_000  # the last pieces were read
    for event in doc.events:
        assert text[event.evidence.start:event.evidence.end] == event.evidence.text
    for entity in doc.entities:
        for mention in entity.mentions:
            assert text[mention.start:mention.end] == mention.text


def test_a_60000_character_japanese_transcript_is_read_whole(tmp_path: Path) -> None:
    text = transcript(60_000)
    assert len(text.encode("utf-8")) > 3 * backend.SUDACHI_MAX_BYTES
    path = tmp_path / "transcript.article.json"
    path.write_text(json.dumps({"id": "ja-transcript", "language": "ja", "text": text},
                               ensure_ascii=False), encoding="utf-8")
    db = str(tmp_path / "ja.db")
    result = runner.invoke(cli, ["ingest", str(path), "--db", db])
    assert result.exit_code == 0, result.output
    with Store.open(db) as store, store.engine.connect() as conn:
        doc = load_document(conn, "ja-transcript")
    assert doc is not None and len(doc.events) >= 50
    assert max(e.evidence.start for e in doc.events) > 50_000
    for event in doc.events:
        assert text[event.evidence.start:event.evidence.end] == event.evidence.text
