"""Plain-text articles: titles, defaults, and text kept as written."""

from __future__ import annotations

from datetime import date

import pytest

from kizuna.errors import InputError
from kizuna.parse.record import ArticleDefaults
from kizuna.parse.text import first_line_title, parse_text

STORY = ("Port of Kobe to open new terminal\n\n"
         "The port authority said on Friday that it would open a new container terminal "
         "next spring, doubling its capacity for ships from Southeast Asia.\n")


@pytest.mark.parametrize(("text", "expected"), [
    (STORY, "Port of Kobe to open new terminal"),
    ("\n\n  # Markdown headline  \n\nBody text follows here.", "Markdown headline"),
    ("Ishiba flies to the U.S.\nThe prime minister left on Thursday.", "Ishiba flies to the U.S."),
    ("The minister spoke on Monday.\nShe said the talks went well.", None),
    ("Only one line of text, with no headline above it", None),
    ("x" * 200 + "\nBody.", None),
])
def test_first_line_title(text: str, expected: str | None) -> None:
    assert first_line_title(text) == expected


def test_text_with_defaults() -> None:
    defaults = ArticleDefaults(published=date(2025, 2, 6), language="en",
                               title="Given title", source="Kobe Daily")
    [(label, article)] = parse_text(STORY, "kobe.txt", defaults)
    assert label == "kobe.txt"
    assert article.title == "Given title"
    assert (article.published, article.language, article.source) == (
        date(2025, 2, 6), "en", "Kobe Daily")
    assert article.text == STORY


def test_text_without_defaults_has_no_date_and_a_detected_language() -> None:
    [(_, article)] = parse_text(STORY, "kobe.txt")
    assert article.published is None
    assert article.language == "en"
    assert article.title == "Port of Kobe to open new terminal"
    assert article.url is None and article.source is None


def test_same_text_same_id() -> None:
    [(_, first)] = parse_text(STORY, "a.txt")
    [(_, again)] = parse_text(STORY, "b.txt", ArticleDefaults(title="Other"))
    [(_, other)] = parse_text(STORY + "More.\n", "a.txt")
    assert first.id == again.id != other.id


def test_whitespace_only_text_raises() -> None:
    with pytest.raises(InputError, match="no article text found in blank.txt"):
        parse_text(" \n \n", "blank.txt")
