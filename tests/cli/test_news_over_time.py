"""A summit announced, held, and talked about months later, ingested through the CLI in
every order: the announcement and the reports that it was held, in two languages, end as
one merged event whose status is `happened` with `planned` in its history; July's talk of
another meeting stays apart.
"""

from __future__ import annotations

import json
from itertools import permutations
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kizuna.cli import app
from tests.cli.conftest import write_article

runner = CliRunner()

ANNOUNCED = {
    "id": "summit-plan", "title": "Ishiba to meet Trump", "source": "Example Wire",
    "published": "2025-02-06", "language": "en", "url": "https://news.example/plan",
    "text": "Prime Minister Shigeru Ishiba will hold a summit meeting with U.S. President "
            "Donald Trump in Washington on Friday, government sources said on Thursday.",
}
HELD = {
    "id": "summit-held", "title": "Ishiba and Trump meet", "source": "Example Wire",
    "published": "2025-02-08", "language": "en", "url": "https://news.example/held",
    "text": "Prime Minister Shigeru Ishiba met U.S. President Donald Trump at the White House "
            "on Friday.",
}
HELD_JA = {
    "id": "summit-held-ja", "title": "日米首脳が会談", "source": "例示新聞",
    "published": "2025-02-08", "language": "ja", "url": "https://news.example/ja/held",
    "text": "石破茂首相は7日、ワシントンでトランプ米大統領と会談した。",
}
LATER = {
    "id": "july-remarks", "title": "Ishiba on tariffs", "source": "Example Wire",
    "published": "2025-07-24", "language": "en", "url": "https://news.example/july",
    "text": "Prime Minister Shigeru Ishiba said he might meet U.S. President Donald Trump "
            "if necessary.",
}
ARTICLES = {a["id"]: a for a in (ANNOUNCED, HELD, HELD_JA, LATER)}


def meetings(db: str) -> list[dict]:
    result = runner.invoke(app, ["export", "events", "--db", db, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return [e for e in events if e["type"] == "MEET"]


@pytest.mark.parametrize("order", list(permutations(ARTICLES))[::5])
def test_the_summit_ends_as_one_happened_event_whatever_the_order(
        tmp_path: Path, order: tuple[str, ...]) -> None:
    db = str(tmp_path / "kizuna.db")
    for article_id in order:  # one run per article, as a feed brings them
        path = write_article(tmp_path, article_id, ARTICLES[article_id])
        result = runner.invoke(app, ["ingest", str(path), "--db", db])
        assert result.exit_code == 0, result.output
    found = meetings(db)
    summit = next(e for e in found if any(c["doc_id"] == "summit-held" for c in e["citations"]))
    assert {c["doc_id"] for c in summit["citations"]} == {
        "summit-plan", "summit-held", "summit-held-ja"}
    assert summit["status"] == "happened"
    assert [h["status"] for h in summit["status_history"]] == ["planned", "happened"]
    assert summit["date"]["start"] == "2025-02-07"
    later = [e for e in found if any(c["doc_id"] == "july-remarks" for c in e["citations"])]
    assert [e["status"] for e in later] == ["considered"]  # found, and kept apart
