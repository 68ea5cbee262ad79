"""The interface in both languages: choosing the language, and every word translated."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kizuna.store import Store
from kizuna.web import i18n
from kizuna.web.app import create_app
from tests.store.factory import japanese_doc, summit_doc

TEMPLATES = Path(i18n.__file__).parent / "templates"
STATUS_WORDS = ("happened", "planned", "considered", "negated", "newest", "oldest", "type",
                "actor", "target", "participant", "New", "New sources", "Status",
                "By pledger", "By pair of countries", "By year")


def template_messages() -> set[str]:
    found: set[str] = set()
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        found |= set(re.findall(r'_\("([^"]+)"', text))
        for singular, plural in re.findall(r'_n\("([^"]+)", "([^"]+)"', text):
            found |= {singular, plural}
    return found


def test_every_word_of_the_interface_has_its_japanese():
    catalog = i18n.catalog("ja")
    fields = {f"The sources disagree on the {f}" for f in
              ("amount", "date", "status", "participants")}
    wanted = (template_messages() - {"The sources disagree on the "}) | fields | set(STATUS_WORDS)
    missing = sorted(m for m in wanted if m not in catalog)
    assert missing == []


@pytest.mark.parametrize(("query", "cookie", "accept", "chosen"), [
    ({"lang": "ja"}, {}, "en", "ja"),
    ({}, {"kizuna_lang": "ja"}, "en-US", "ja"),
    ({"lang": "en"}, {"kizuna_lang": "ja"}, "ja", "en"),
    ({}, {}, "ja-JP,ja;q=0.9,en;q=0.8", "ja"),
    ({}, {}, "fr-FR, en;q=0.5, ja;q=0.4", "en"),
    ({}, {}, "fr, de", "en"),
    ({}, {}, "ja;q=0, en;q=0.1", "en"),
    ({"lang": "xx"}, {"kizuna_lang": "zz"}, None, "en"),
])
def test_the_language_a_request_reads(query, cookie, accept, chosen):
    assert i18n.choose(query, cookie, accept) == chosen


def test_translations_fill_their_values():
    _, _n = i18n.gettext("ja")
    assert _("page {page} of {pages}", page=2, pages=5) == "5ページ中2ページ目"
    assert _n("{n} source", "{n} sources", 3) == "3件の報道"
    en, en_n = i18n.gettext("en")
    assert en_n("{n} source", "{n} sources", 1) == "1 source"
    assert en("No such words here") == "No such words here"


@pytest.fixture
def client(tmp_path: Path):
    with Store.open(str(tmp_path / "i18n.db")) as store:
        store.save_document(summit_doc())
        store.save_document(japanese_doc())
        yield TestClient(create_app("", store=store), base_url="http://127.0.0.1")


def test_a_page_in_japanese_is_remembered_and_switchable(client):
    page = client.get("/events", params={"lang": "ja", "type": "MEET"})
    assert '<html lang="ja">' in page.text and "件のイベント" in page.text
    assert "石破首相とトランプ大統領が" in page.text  # the headline in the reader's language
    assert page.cookies.get("kizuna_lang") == "ja"
    assert 'href="/events?type=MEET&amp;lang=en"' in page.text  # the switch keeps filters
    again = client.get("/events")  # the cookie now speaks for the reader
    assert '<html lang="ja">' in again.text
    english = client.get("/events", params={"lang": "en"})
    assert '<html lang="en">' in english.text and "Ishiba and Trump met" in english.text


def test_accept_language_decides_for_a_new_reader(client):
    client.cookies.clear()
    page = client.get("/commitments", headers={"Accept-Language": "ja,en;q=0.5"})
    assert "<h1>コミットメント</h1>" in page.text
