"""Format detection by extension, content type and content."""

from __future__ import annotations

import pytest

from kizuna.parse.detect import detect_format, format_from_name, sniff_format

RSS = '<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>'
ATOM = '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
RDF = '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'


@pytest.mark.parametrize(("name", "expected"), [
    ("a/story.article.json", "json"), ("records.JSON", "json"), ("lines.jsonl", "json"),
    ("story.txt", "text"), ("story.text", "text"), ("notes.md", "text"),
    ("page.html", "html"), ("page.HTM", "html"),
    ("feed.xml", "feed"), ("feed.rss", "feed"), ("feed.atom", "feed"),
    ("https://news.example/world/feed.xml?page=2", "feed"),
    ("https://news.example/story", None), ("README", None), ("photo.jpg", None),
])
def test_format_from_name(name: str, expected: str | None) -> None:
    assert format_from_name(name) == expected


@pytest.mark.parametrize(("text", "expected"), [
    (RSS, "feed"), (ATOM, "feed"), (RDF, "feed"), ("<rss version='2.0'>", "feed"),
    ("<!DOCTYPE html>\n<html>", "html"), ("\n  <html lang='en'><head>", "html"),
    ("<!-- generated -->\n<HTML>", "html"),
    ('<?xml version="1.0"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml">', "html"),
    ('{"id": "x", "text": "y"}', "json"), ('\n[{"text": "y"}]', "json"), ("[]", "json"),
    ("[Update] Ministers met in Tokyo on Monday.", None),
    ("Ministers met in Tokyo on Monday.", None),
])
def test_sniff_format(text: str, expected: str | None) -> None:
    assert sniff_format(text) == expected


@pytest.mark.parametrize(("name", "text", "content_type", "prefer_content", "expected"), [
    ("story.txt", "<html><body>x</body></html>", None, False, "text"),
    ("story", "<html><body>x</body></html>", None, False, "html"),
    ("story", "Ministers met.", None, False, "text"),
    ("page.xml", '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">', None, False,
     "html"),
    ("feed.xml", RSS, None, False, "feed"),
    ("https://news.example/rss", RSS, "text/html; charset=utf-8", True, "feed"),
    ("https://news.example/a.php", "Ministers met.", "text/plain", True, "text"),
    ("https://news.example/a", "Ministers met.", "text/html", True, "html"),
    ("https://news.example/a", "Ministers met.", "application/octet-stream", True, "text"),
])
def test_detect_format(name: str, text: str, content_type: str | None, prefer_content: bool,
                       expected: str) -> None:
    assert detect_format(name, text, content_type, prefer_content=prefer_content) == expected
