"""The event page's corrections without a browser: the view data the buttons are drawn
from (each near match with the article events it holds), the page's markup (buttons
hidden and disabled until the script finds a token; a token field that no form can send)
and the script served from this origin under the page's Content-Security-Policy."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kizuna.store import Store, event_id
from kizuna.web import views
from tests.web.conftest import make_client, near_match_docs


@pytest.fixture
def near_store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(str(tmp_path / "near.db")) as store:
        for doc in near_match_docs():
            store.save_document(doc)
        yield store


def merged_id_of(store: Store, article_id: str) -> str:
    found = views.article_view(store, article_id)["events"][0]["merged_id"]
    assert found
    return found


def test_each_near_match_names_the_article_events_it_holds(near_store: Store) -> None:
    meeting, crowd = merged_id_of(near_store, "a"), merged_id_of(near_store, "crowd")
    view = views.event_view(near_store, meeting)
    assert [n["id"] for n in view["near"]] == [crowd]
    assert view["near"][0]["members"] == [event_id("crowd", "v1")]
    assert sorted(c["event_id"] for c in view["citations"]) == sorted(
        [event_id("a", "v1"), event_id("a2", "v1")])
    # seen from the other side, both reports of the meeting would move
    (back,) = views.event_view(near_store, crowd)["near"]
    assert back["id"] == meeting
    assert sorted(back["members"]) == sorted([event_id("a", "v1"), event_id("a2", "v1")])


def buttons(page: str, kind: str) -> list[str]:
    return re.findall(rf'<button type="button" class="correction {kind}"[^>]*>', page)


def test_the_buttons_are_drawn_hidden_and_disabled(near_store: Store) -> None:
    client = make_client(near_store)
    meeting, crowd = merged_id_of(near_store, "a"), merged_id_of(near_store, "crowd")
    page = client.get(f"/events/{meeting}").text
    take_out, merge_in = buttons(page, "take-out"), buttons(page, "merge-in")
    assert len(take_out) == 2 and len(merge_in) == 1
    assert all(" hidden disabled" in b for b in take_out + merge_in)
    assert {re.search(r'data-event="(\w+)"', b).group(1) for b in take_out} == {
        event_id("a", "v1"), event_id("a2", "v1")}
    assert f'data-members="{event_id("crowd", "v1")}"' in merge_in[0]
    assert f'data-into="{meeting}"' in merge_in[0]
    assert '<section class="corrections" hidden' in page
    token_input = re.search(r'<input type="password" class="token"[^>]*>', page).group(0)
    assert "name=" not in token_input  # a form submitted by accident carries no token
    scripts = re.findall(r"<script[^>]*>", page)
    assert scripts == ['<script src="/static/corrections.js" defer>']
    # an event reported once has nothing to take out; nothing near, nothing to merge in
    lone = client.get(f"/events/{crowd}").text
    assert buttons(lone, "take-out") == [] and len(buttons(lone, "merge-in")) == 1
    far = client.get(f"/events/{merged_id_of(near_store, 'far')}").text
    assert buttons(far, "take-out") == buttons(far, "merge-in") == []


def test_the_page_speaks_japanese_to_its_correctors(near_store: Store) -> None:
    page = make_client(near_store).get(f"/events/{merged_id_of(near_store, 'a')}",
                                       params={"lang": "ja"}).text
    assert "このイベントから外す" in page and "このイベントに統合する" in page
    assert 'data-unauthorised="トークンが受け付けられませんでした（401）："' in page
    assert 'data-failed="修正に失敗しました（{status}）："' in page


def test_the_script_is_served_from_this_origin_under_the_policy(client: TestClient) -> None:
    script = client.get("/static/corrections.js")
    assert script.status_code == 200
    assert "javascript" in script.headers["content-type"]
    policy = script.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    body = script.text
    assert "sessionStorage" in body and "document.cookie" not in body
    assert "innerHTML" not in body  # texts from the API are set as text only
    assert '"/api/merge"' in body and '"/api/unmerge"' in body
