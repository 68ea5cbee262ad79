"""JSON article records: one object, a list, JSON Lines; ids, defaults and bad records."""

from __future__ import annotations

import json
from datetime import date

import pytest

from kizuna.errors import InputError
from kizuna.model import Article
from kizuna.parse.article_json import parse_article_json
from kizuna.parse.record import ArticleDefaults

TALKS = ("Japan and Canada held talks on energy trade in Ottawa on Monday, "
         "the foreign ministry said.")
PORT = "The port authority said on Friday that it would open a new container terminal."


def record(**fields: object) -> dict[str, object]:
    return {"text": TALKS, **fields}


def test_single_record_keeps_every_field() -> None:
    data = record(id="harbor-1", url="https://harbor.example/1", title="Talks in Ottawa",
                  source="Harbor Times", language="en", published="2025-03-03")
    [(label, article)] = parse_article_json(json.dumps(data), "harbor-1.article.json")
    assert label == "harbor-1.article.json"
    assert article == Article(id="harbor-1", text=TALKS, language="en", title="Talks in Ottawa",
                              url="https://harbor.example/1", source="Harbor Times",
                              published=date(2025, 3, 3))


def test_list_gives_one_article_per_record_and_a_bad_record_does_not_stop_the_rest() -> None:
    data = [record(id="one"), {"id": "two"}, record(id="three", text=PORT)]
    results = parse_article_json(json.dumps(data), "batch.json")
    assert [label for label, _ in results] == ["batch.json[0]", "batch.json[1]", "batch.json[2]"]
    assert [r.id for _, r in results if isinstance(r, Article)] == ["one", "three"]
    error = results[1][1]
    assert isinstance(error, InputError)
    assert "batch.json[1]" in str(error) and "no text" in str(error)


def test_json_lines() -> None:
    text = json.dumps(record(id="one")) + "\n\n" + json.dumps(record(id="two", text=PORT)) + "\n"
    results = parse_article_json(text, "day.jsonl")
    assert [(label, a.id) for label, a in results] == [
        ("day.jsonl:1", "one"), ("day.jsonl:3", "two")]


def test_record_without_id_gets_a_stable_content_id() -> None:
    text = json.dumps(record(url="https://harbor.example/1"))
    [(_, first)] = parse_article_json(text, "a.json")
    [(_, again)] = parse_article_json(text, "copy-elsewhere.json")
    [(_, other)] = parse_article_json(json.dumps(record(text=PORT)), "b.json")
    assert first.id == again.id
    assert first.id.startswith("a-") and len(first.id) == 18
    assert other.id != first.id


def test_defaults_fill_gaps_but_never_override() -> None:
    defaults = ArticleDefaults(published=date(2025, 2, 6), language="en", source="Wire",
                               title="Ignored for records")
    [(_, filled)] = parse_article_json(json.dumps(record(id="x")), "x.json", defaults)
    assert (filled.published, filled.language, filled.source, filled.title) == (
        date(2025, 2, 6), "en", "Wire", None)
    own = record(id="y", published="2024-12-31", language="EN-gb", source="Own")
    [(_, kept)] = parse_article_json(json.dumps(own), "y.json", defaults)
    assert (kept.published, kept.language, kept.source) == (date(2024, 12, 31), "en", "Own")


def test_missing_date_stays_none_and_language_is_detected() -> None:
    [(_, article)] = parse_article_json(json.dumps(record(id="x")), "x.json")
    assert article.published is None
    assert article.language == "en"


def test_text_is_kept_exactly() -> None:
    text = "Line one.\r\nLine two,\tindented.  \n"
    [(_, article)] = parse_article_json(json.dumps(record(id="x", text=text)), "x.json")
    assert article.text == text


@pytest.mark.parametrize(("text", "message"), [
    ('{"id": "x", "text": "unterminated', "is not valid JSON"),
    ("[]", "holds no article records"),
    ('{"id": "x"}\n{oops}', "line 2 is not valid JSON"),
])
def test_unreadable_json_raises(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        parse_article_json(text, "bad.json")
    assert str(caught.value).startswith("bad.json: ")


@pytest.mark.parametrize(("data", "message"), [
    ("just a string", "must be a JSON object"),
    ({"id": "x", "text": "   "}, "has no text"),
    ({"id": "x", "text": TALKS, "published": "last Monday"}, "not an ISO date"),
])
def test_bad_records_become_errors(data: object, message: str) -> None:
    [(label, error)] = parse_article_json(json.dumps(data), "bad.json")
    assert isinstance(error, InputError)
    assert message in str(error) and "bad.json" in str(error)
