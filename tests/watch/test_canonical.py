import pytest

from kizuna.watch.canonical import canonical_url, text_key


@pytest.mark.parametrize(("url", "canonical"), [
    ("HTTPS://News.Example.com:443/a/b?id=7#top", "https://news.example.com/a/b?id=7"),
    ("https://news.example.com/a?utm_source=rss&id=7&utm_medium=feed",
     "https://news.example.com/a?id=7"),
    ("https://news.example.com/a?fbclid=x", "https://news.example.com/a"),
    ("http://news.example.com:8080", "http://news.example.com:8080/"),
    ("https://news.example.com/a?b=2&a=1", "https://news.example.com/a?b=2&a=1"),
])
def test_one_spelling_per_page(url, canonical):
    assert canonical_url(url) == canonical


def test_text_keys_ignore_spacing_case_and_width():
    spaced = text_key("Ishiba met Trump.\n\nThey  agreed.")
    assert spaced == text_key("ishiba met trump. they agreed.")
    assert text_key("ＡＩ協力") == text_key("AI協力")
    assert text_key("Ishiba met Trump.") != text_key("Ishiba met Biden.")
