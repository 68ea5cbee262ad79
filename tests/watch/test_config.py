from datetime import timedelta
from pathlib import Path

import pytest

from kizuna.parse.record import ArticleDefaults
from kizuna.watch.config import SourcesError, load_sources, parse_interval, sources_from_urls


@pytest.mark.parametrize(("text", "seconds"), [
    ("90s", 90), ("15m", 900), ("2h", 7200), ("1d", 86400), ("45", 45), ("1.5h", 5400),
    (" 10 M ", 600),
])
def test_intervals(text, seconds):
    assert parse_interval(text) == timedelta(seconds=seconds)


@pytest.mark.parametrize("text", ["", "soon", "0m", "-5m", "15 minutes", "m"])
def test_bad_intervals_say_how_to_write_one(text):
    with pytest.raises(SourcesError, match="interval"):
        parse_interval(text)


def test_a_sources_file_sets_defaults_that_each_source_may_override(tmp_path: Path):
    path = tmp_path / "sources.toml"
    path.write_text('every = "1h"\nlanguage = "en"\n\n'
                    '[[sources]]\nurl = "https://news.example/feed.xml"\n\n'
                    '[[sources]]\nurl = "https://nikkei.example/rss"\nevery = "20m"\n'
                    'language = "ja"\nsource = "Example Shimbun"\n', encoding="utf-8")
    first, second = load_sources(path, timedelta(minutes=15), ArticleDefaults(source="Wire"))
    assert (first.every, first.defaults.language, first.defaults.source) == (
        timedelta(hours=1), "en", "Wire")
    assert (second.every, second.defaults.language, second.defaults.source) == (
        timedelta(minutes=20), "ja", "Example Shimbun")


@pytest.mark.parametrize(("content", "says"), [
    ("[[sources]]\nurl = 'https://a.example/'\n[[sources]]\nevery = '1h'\n",
     "source 2: has no url"),
    ("[[sources]]\nurl = 'https://a.example/'\ninterval = '1h'\n", "unknown keys interval"),
    ("[[sources]]\nurl = 'news/today.html'\n", r"not an http\(s\) URL"),
    ("every = '5m'\n", "lists no sources"),
    ("[[source]\nurl=", "not valid TOML"),
])
def test_a_bad_sources_file_names_the_problem(tmp_path: Path, content, says):
    path = tmp_path / "sources.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SourcesError, match=says):
        load_sources(path, timedelta(minutes=15))


def test_a_missing_sources_file(tmp_path: Path):
    with pytest.raises(SourcesError, match="cannot be read"):
        load_sources(tmp_path / "nope.toml", timedelta(minutes=15))


def test_command_line_sources_must_be_urls():
    with pytest.raises(SourcesError, match="kizuna ingest for files"):
        sources_from_urls(["feeds/wire.xml"], timedelta(minutes=5))
