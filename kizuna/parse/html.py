"""Article text and metadata from HTML: the main text, title, date and site of one page.

trafilatura does the work behind `extract_html`; `html_to_text` is a plain tag strip for
fragments (feed item bodies) too short for main-text extraction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser

from kizuna.errors import InputError
from kizuna.parse.record import NO_DEFAULTS, ArticleDefaults, Parsed, build_article

# Only dates the page states in its markup or URL: searching the body text would take the
# first date the story mentions for its publication date.
_DATE_PARAMS = {"original_date": True, "extensive_search": False}
_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
    "pre", "section", "table", "td", "th", "tr", "ul",
})
_SPACES = re.compile(r"\s+")
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head"})


@dataclass(frozen=True)
class HtmlPage:
    """What one page says about itself; any field it does not state is None."""

    text: str
    title: str | None = None
    published: date | None = None
    source: str | None = None
    url: str | None = None


def parse_html(
    html: str, origin: str, defaults: ArticleDefaults = NO_DEFAULTS, url: str | None = None
) -> list[Parsed]:
    """The one article an HTML page holds; raises InputError when it has no main text."""
    page = extract_html(html, origin, url)
    article = build_article(page.text, origin, defaults, title=page.title, url=url or page.url,
                            source=page.source, published=page.published)
    return [(origin, article)]


def extract_html(html: str, origin: str, url: str | None = None) -> HtmlPage:
    """Main text, title, publication date and site name of a page, by trafilatura."""
    import trafilatura  # imported here: it is slow to load and only HTML needs it

    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True,
                                          date_extraction_params=_DATE_PARAMS)
    except Exception as exc:  # any parser failure means the HTML is unreadable
        raise InputError(f"{origin}: could not be read as HTML ({type(exc).__name__}: {exc}); "
                         "check that it is a complete web page") from exc
    if isinstance(doc, dict):  # older trafilatura answers a dict; ours a Document
        raise InputError(f"{origin}: trafilatura gave no document; upgrade it")
    if doc is None or not (doc.text or "").strip():
        raise InputError(f"no article text found in {origin}; the page has no main text "
                         "(an index, login or script-only page?)")
    return HtmlPage(text=doc.text or "", title=doc.title or None, published=iso_date(doc.date),
                    source=doc.sitename or None, url=doc.url or None)


def iso_date(value: str | None) -> date | None:
    """The date at the start of an ISO string, or None when there is none."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment: tags dropped, entities decoded, one block a line."""
    stripper = _TextCollector()
    stripper.feed(fragment)
    stripper.close()
    lines = (" ".join(line.split()) for line in "".join(stripper.parts).split("\n"))
    return "\n".join(line for line in lines if line)


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:  # line breaks in HTML source are spaces; blocks make lines
            self.parts.append(_SPACES.sub(" ", data))
