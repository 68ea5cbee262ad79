"""`iter_articles` end to end: files, folders and URLs in, one result per article out."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import httpx
import pytest

from kizuna.errors import InputError
from kizuna.model import Article
from kizuna.sources import ArticleDefaults, iter_articles, web

TALKS = ("Canada and Japan agree to expand LNG trade\n\n"
         "Canada and Japan agreed on Monday to expand trade in liquefied natural gas, "
         "the two trade ministers said after talks in Ottawa.\n")
PORT = ("The port authority said on Friday that it would open a new container terminal "
        "next spring, doubling its capacity.")
PAGE = (
    "<!DOCTYPE html><html><head><title>Kobe terminal | Harbor Times</title>"
    "<meta property='og:site_name' content='Harbor Times'>"
    "<meta property='article:published_time' content='2025-02-07T08:30:00+09:00'>"
    "</head><body><article><h1>Port of Kobe to open new terminal</h1>"
    f"<p>{PORT}</p><p>Shipping lines from Southeast Asia welcomed the plan, "
    "a spokesperson for the authority said.</p></article></body></html>"
)
RSS = (
    "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Harbor Times</title>"
    "<item><title>Kobe terminal</title><link>https://harbor.example/kobe</link>"
    f"<pubDate>Fri, 07 Feb 2025 08:30:00 +0900</pubDate><description>{PORT}</description></item>"
    "<item><title>LNG trade</title><link>https://harbor.example/lng</link>"
    "<description>Canada and Japan agreed to expand LNG trade.</description></item>"
    "</channel></rss>"
)


NO_DEFAULTS = ArticleDefaults()


def run(inputs: list[str], defaults: ArticleDefaults = NO_DEFAULTS,
        client: httpx.Client | None = None) -> list[tuple[str, Article | InputError]]:
    return list(iter_articles(inputs, defaults, client))


def write(root: Path, name: str, content: str | bytes) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def test_every_kind_of_file_in_a_folder(tmp_path: Path) -> None:
    write(tmp_path, "a/one.article.json", json.dumps({"id": "one", "text": TALKS}))
    write(tmp_path, "a/one.gold.json", json.dumps({"id": "one", "events": []}))
    write(tmp_path, "b/list.json", json.dumps([{"id": "l1", "text": PORT},
                                               {"id": "l2", "text": TALKS}]))
    write(tmp_path, "c/story.txt", TALKS)
    write(tmp_path, "d/page.html", PAGE)
    write(tmp_path, "e/feed.rss", RSS)
    write(tmp_path, "e/photo.jpg", b"\xff\xd8\xff\xe0")
    results = run([str(tmp_path)])
    labels = [Path(label).relative_to(tmp_path).as_posix() for label, _ in results]
    assert labels == ["a/one.article.json", "b/list.json[0]", "b/list.json[1]", "c/story.txt",
                      "d/page.html", "e/feed.rss[0]", "e/feed.rss[1]"]
    assert all(isinstance(item, Article) for _, item in results)
    ids = [item.id for _, item in results]
    assert ids[:3] == ["one", "l1", "l2"]
    assert len(set(ids)) == len(ids)
    story, page = results[3][1], results[4][1]
    assert story.title == "Canada and Japan agree to expand LNG trade"
    assert (page.title, page.source, page.published) == (
        "Port of Kobe to open new terminal", "Harbor Times", date(2025, 2, 7))


def test_defaults_reach_plain_text(tmp_path: Path) -> None:
    path = write(tmp_path, "story.txt", TALKS)
    defaults = ArticleDefaults(published=date(2025, 3, 3), language="en", title="LNG deal",
                               source="Trade Desk")
    [(label, article)] = run([str(path)], defaults)
    assert label == str(path)
    assert (article.published, article.language, article.title, article.source) == (
        date(2025, 3, 3), "en", "LNG deal", "Trade Desk")


def test_missing_date_stays_none(tmp_path: Path) -> None:
    [(_, article)] = run([str(write(tmp_path, "story.txt", TALKS))])
    assert article.published is None


def test_ids_are_stable_across_runs(tmp_path: Path) -> None:
    write(tmp_path, "story.txt", TALKS)
    write(tmp_path, "page.html", PAGE)
    write(tmp_path, "feed.xml", RSS)
    first = [a.id for _, a in run([str(tmp_path)])]
    second = [a.id for _, a in run([str(tmp_path)])]
    assert first == second
    assert all(i.startswith("a-") for i in first)


@pytest.mark.parametrize(("name", "content", "message"), [
    ("empty.txt", b"", "is empty"),
    ("image.txt", bytes(range(256)) * 4, "looks like binary data"),
    ("broken.json", b'{"id": "x", "text": ', "is not valid JSON"),
    ("broken.rss", b"<rss><channel><title>Harbor", "is not a readable RSS or Atom feed"),
    ("broken.html", b"<html><body><div", "no article text found in"),
    ("odd.txt", b"Tokyo \x81 talks \x81 ended", "text encoding not recognised"),
], ids=["empty", "binary", "json", "feed", "html", "encoding"])
def test_bad_file_yields_one_error_and_the_batch_goes_on(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    bad = write(tmp_path, name, content)
    good = write(tmp_path, "good.txt", TALKS)
    results = run([str(bad), str(good)])
    assert [label for label, _ in results] == [str(bad), str(good)]
    error = results[0][1]
    assert isinstance(error, InputError)
    assert message in str(error) and str(bad) in str(error)
    assert "\n" not in str(error)
    assert isinstance(results[1][1], Article)


@pytest.mark.parametrize("content", [
    "Tokyo: the caf\u00e9\u2019s owner said \u201cprices rise\u201d on Monday.".encode("cp1252"),
    "石破首相は7日、ワシントンでトランプ大統領と会談した。".encode("shift_jis"),
], ids=["cp1252", "shift_jis"])
def test_legacy_encodings_are_read(tmp_path: Path, content: bytes) -> None:
    [(_, article)] = run([str(write(tmp_path, "legacy.txt", content))])
    assert isinstance(article, Article)
    assert article.text.encode("cp1252" if b"caf" in content else "shift_jis") == content


def test_missing_path_and_empty_folder(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    results = run([str(tmp_path / "nowhere.txt"), str(empty)])
    assert [type(item) for _, item in results] == [InputError, InputError]
    assert "no such file or folder" in str(results[0][1])
    assert "holds no article files" in str(results[1][1])


def test_unexpected_failure_becomes_an_input_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object, **kwargs: object) -> list:
        raise RuntimeError("parser bug")

    monkeypatch.setattr("kizuna.sources.parse_bytes", explode)
    [(label, error)] = run([str(write(tmp_path, "story.txt", TALKS))])
    assert isinstance(error, InputError)
    assert "RuntimeError: parser bug" in str(error) and label in str(error)


def serve(request: httpx.Request) -> httpx.Response:
    routes = {
        "/feed": (RSS, "text/xml"),  # feeds are often served with a generic type
        "/story": (PAGE, "text/html; charset=utf-8"),
        "/plain": (TALKS, "text/plain"),
    }
    if request.url.path in routes:
        body, content_type = routes[request.url.path]
        return httpx.Response(200, text=body, headers={"content-type": content_type})
    if request.url.path == "/slow":
        raise httpx.ConnectTimeout("timed out", request=request)
    return httpx.Response(404)


def test_urls_feed_page_and_text(mock_client) -> None:
    client = mock_client(serve)
    results = run(["https://harbor.example/feed", "https://harbor.example/story",
                   "https://harbor.example/plain"], client=client)
    labels = [label for label, _ in results]
    assert labels == ["https://harbor.example/feed[0]", "https://harbor.example/feed[1]",
                      "https://harbor.example/story", "https://harbor.example/plain"]
    kobe, lng, page, plain = (item for _, item in results)
    assert (kobe.url, kobe.source, kobe.published) == (
        "https://harbor.example/kobe", "Harbor Times", date(2025, 2, 7))
    assert lng.published is None
    assert page.url == "https://harbor.example/story" and page.source == "Harbor Times"
    assert plain.url == "https://harbor.example/plain" and plain.text == TALKS


def test_failed_urls_yield_errors_and_the_batch_goes_on(mock_client, tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", TALKS)
    results = run(["https://harbor.example/gone", "https://harbor.example/slow", str(good)],
                  client=mock_client(serve))
    gone, slow, ok = (item for _, item in results)
    assert isinstance(gone, InputError) and "HTTP 404" in str(gone)
    assert str(gone).startswith("https://harbor.example/gone: ")
    assert isinstance(slow, InputError) and "timed out" in str(slow)
    assert isinstance(ok, Article)


def test_without_a_client_one_is_made_for_urls_and_closed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    made: list[httpx.Client] = []

    def make_client() -> httpx.Client:
        made.append(httpx.Client(transport=httpx.MockTransport(serve)))
        return made[-1]

    monkeypatch.setattr(web, "make_client", make_client)
    assert not made and run([str(write(tmp_path, "a.txt", TALKS))]) and not made
    results = run(["https://harbor.example/plain", "https://harbor.example/story"])
    assert all(isinstance(item, Article) for _, item in results)
    assert len(made) == 1 and made[0].is_closed
