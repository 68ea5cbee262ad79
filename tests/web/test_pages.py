"""Every page and its .json twin, through the ASGI client, over a small store."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

CONTRACT_KEYS = {"id", "type", "plover", "cameo", "status", "actors", "targets", "date",
                 "location", "object",
                 "amount", "status_history", "citations", "headline"}
CITATION_KEYS = {"doc_id", "url", "source", "published", "language", "status", "evidence"}


def events(client: TestClient, **params: str) -> dict:
    response = client.get("/events.json", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_the_root_redirects_to_the_events(client: TestClient) -> None:
    response = client.get("/", follow_redirects=False)
    assert response.status_code in (302, 307)
    assert response.headers["location"] == "/events"


def test_events_json_is_merged_events_in_the_contracts_shape(client: TestClient) -> None:
    data = events(client)
    assert {"events", "page", "total"} <= set(data)
    # 8 reports; the English COOPERATE and the Japanese AGREE of the AI pledge are one
    assert data["page"] == 1 and data["total"] == len(data["events"]) == 7
    for event in data["events"]:
        assert set(event) == CONTRACT_KEYS
        assert all(set(c) == CITATION_KEYS for c in event["citations"])
        assert all(set(p) == {"name", "type", "country"} for p in event["actors"])
    meet = next(e for e in data["events"] if e["type"] == "MEET")
    assert {c["doc_id"] for c in meet["citations"]} == {"summit-en", "summit-ja"}


@pytest.mark.parametrize(("params", "expected"), [
    ({"type": "release"}, {"RELEASE"}),
    ({"status": "negated"}, {"STATEMENT"}),
    ({"actor": "Ishiba", "type": "AGREE"}, {"AGREE"}),
    ({"actor": "石破茂", "type": "AGREE"}, {"AGREE"}),
    ({"country": "usa", "type": "RESTRICT"}, {"RESTRICT"}),
    ({"since": "2025-04-01"}, {"RESTRICT"}),
    ({"until": "2024-12-31"}, {"RELEASE", "STATEMENT"}),
    ({"q": "Cristal"}, {"RELEASE", "STATEMENT"}),
    ({"q": "会談"}, {"MEET", "AGREE"}),
])
def test_events_filters(client: TestClient, params: dict, expected: set) -> None:
    data = events(client, **params)
    assert {e["type"] for e in data["events"]} == expected
    assert data["total"] == len(data["events"])
    assert data["filters"][next(iter(params))] is not None


def test_events_pages_and_sorting(client: TestClient) -> None:
    everything = [e["id"] for e in events(client, per_page="100")["events"]]
    first, second = events(client, per_page="3"), events(client, per_page="3", page="3")
    assert first["total"] == 7 and first["pages"] == 3
    assert [e["id"] for e in first["events"]] == everything[:3]
    assert [e["id"] for e in second["events"]] == everything[6:]
    listed = events(client, sort="oldest", per_page="100")["events"]
    assert {e["id"] for e in listed} == set(everything)

    def when(e: dict) -> str:
        return (e["date"] or {}).get("start") or max(
            (c["published"] for c in e["citations"] if c["published"]), default="")

    assert [when(e) for e in listed] == sorted(when(e) for e in listed)


@pytest.mark.parametrize("params", [{"type": "PARTY"}, {"since": "yesterday"},
                                    {"sort": "random"}, {"status": "rumoured"}])
def test_a_bad_filter_is_400(client: TestClient, params: dict) -> None:
    assert client.get("/events.json", params=params).status_code == 400
    assert client.get("/events", params=params).status_code == 400


def test_the_events_page_lists_names_and_keeps_its_filters(client: TestClient) -> None:
    page = client.get("/events", params={"type": "MEET", "actor": "Trump", "per_page": "1"})
    assert page.status_code == 200
    assert "Shigeru Ishiba" in page.text and "Donald Trump" in page.text
    assert '<option value="MEET" selected>' in page.text
    assert 'name="actor" value="Trump"' in page.text
    assert 'href="/events.json?' in page.text


def test_an_event_page_shows_every_citation_with_its_sentence(client: TestClient) -> None:
    meet = events(client, type="MEET")["events"][0]
    data = client.get(f"/events/{meet['id']}.json").json()
    assert data["event"] == meet
    assert data["sources"] == 2
    ja = next(c for c in data["citations"] if c["language"] == "ja")
    assert ja["context"]["evidence"] == "石破茂首相は7日、ワシントンでトランプ大統領と会談した。"
    page = client.get(f"/events/{meet['id']}")
    assert page.status_code == 200
    assert '<mark class="evidence">Prime Minister Shigeru Ishiba met' in page.text
    assert '<mark class="evidence">石破茂首相は7日' in page.text
    assert 'href="https://news.example/summit-en"' in page.text
    assert "The Example Times" in page.text and "NHK" in page.text
    assert 'href="/actors/shigeru-ishiba"' in page.text


def test_an_event_by_id_prefix(client: TestClient) -> None:
    meet = events(client, type="MEET")["events"][0]
    assert client.get(f"/events/{meet['id'][:8]}.json").json()["event"]["id"] == meet["id"]


@pytest.mark.parametrize("path", ["/events/ev-nothere", "/actors/nobody-at-all",
                                  "/articles/missing", "/events/ev-nothere.json",
                                  "/actors/nobody-at-all.json", "/articles/missing.json"])
def test_unknown_subjects_are_404(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    if path.endswith(".json"):
        assert "error" in response.json()


def test_an_actor_page(client: TestClient) -> None:
    data = client.get("/actors/shigeru-ishiba.json").json()
    actor = data["actor"]
    assert actor["name"] == "Shigeru Ishiba" and actor["country"] == "JPN"
    assert "石破茂" in actor["aliases"]
    assert actor["partners"][0]["name"] == "Donald Trump"
    assert {e["type"] for e in data["events"]} >= {"MEET", "AGREE"}
    assert all(set(e) == CONTRACT_KEYS for e in data["events"])
    page = client.get("/actors/shigeru-ishiba")
    assert page.status_code == 200
    assert "<h1>Shigeru Ishiba</h1>" in page.text and 'href="/actors/donald-trump"' in page.text


def test_an_actor_by_alias_in_either_language(client: TestClient) -> None:
    assert client.get("/actors/石破茂.json").json()["actor"]["name"] == "Shigeru Ishiba"
    assert client.get("/actors/Ishiba.json").json()["actor"]["name"] == "Shigeru Ishiba"


def test_a_dyad_page_charts_the_monthly_series(client: TestClient) -> None:
    data = client.get("/dyads/JPN-USA.json").json()
    assert data["countries"] == ["JPN", "USA"]
    assert data["restrictive"] == 1 and data["cooperative"] >= 2
    months = [m["month"] for m in data["months"]]
    assert months[0] == "2025-02" and months[-1] == "2025-04" and "2025-03" in months
    assert all(set(e) == CONTRACT_KEYS for e in data["latest"])
    page = client.get("/dyads/usa-jpn")
    assert page.status_code == 200
    assert "<svg" in page.text and 'class="bar cooperative"' in page.text
    assert 'class="bar restrictive"' in page.text and "<script" not in page.text


@pytest.mark.parametrize("pair", ["JPN", "JPN-JPN", "JAPAN-USA"])
def test_a_bad_dyad_is_400(client: TestClient, pair: str) -> None:
    assert client.get(f"/dyads/{pair}.json").status_code == 400
    assert client.get(f"/dyads/{pair}").status_code == 400


@pytest.mark.parametrize(("q", "article"), [("石破", "summit-ja"), ("Trump", "summit-en"),
                                            ("Cristal", "release"), ("首脳", "summit-ja")])
def test_search_in_both_languages(client: TestClient, q: str, article: str) -> None:
    data = client.get("/search.json", params={"q": q}).json()
    assert data["q"] == q
    assert article in {a["id"] for a in data["articles"]}
    assert any(article in {c["doc_id"] for c in e["citations"]} for e in data["events"])
    page = client.get("/search", params={"q": q})
    assert page.status_code == 200 and f'value="{q}"' in page.text
    assert f'href="/articles/{article}"' in page.text


def test_an_empty_search(client: TestClient) -> None:
    assert client.get("/search.json").json() == {"q": "", "events": [], "articles": []}
    assert client.get("/search").status_code == 200


def test_an_article_page_highlights_what_was_extracted(client: TestClient) -> None:
    data = client.get("/articles/summit-en.json").json()
    assert data["doc"]["id"] == "summit-en" and data["text"].startswith("Prime Minister")
    assert {e["type"] for e in data["events"]} == {"MEET", "INVEST", "COOPERATE"}
    assert all(e["merged_id"].startswith("ev-") for e in data["events"])
    page = client.get("/articles/summit-en")
    assert page.status_code == 200
    assert '<mark class="amount event">$1 trillion</mark>' in page.text
    assert '<mark class="entity event">Washington</mark>' in page.text
    ja = client.get("/articles/summit-ja")
    assert '<html lang="ja">' in ja.text and "石破茂" in ja.text


def test_openapi_lists_the_json_routes_and_docs_are_local(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/events.json", "/events/{event_id}.json", "/actors/{slug}.json",
            "/dyads/{pair}.json", "/search.json", "/api/ingest"} <= set(spec["paths"])
    docs = client.get("/docs")
    assert docs.status_code == 200 and 'href="/openapi.json"' in docs.text
    assert "<script" not in docs.text and "cdn" not in docs.text.lower()
    assert client.get("/redoc").status_code == 404


def test_static_files_are_served(client: TestClient) -> None:
    css = client.get("/static/kizuna.css")
    assert css.status_code == 200 and "text/css" in css.headers["content-type"]


@pytest.mark.parametrize("path", ["/events", "/search?q=x", "/actors/shigeru-ishiba",
                                  "/dyads/JPN-USA", "/articles/summit-en", "/docs"])
def test_every_page_loads_nothing_from_elsewhere(client: TestClient, path: str) -> None:
    page = client.get(path).text
    assert "<script" not in page
    for ref in re.findall(r'(?:src|href)="([^"]+)"', page):
        assert ref.startswith("/") or ref.startswith("https://news.example/"), ref


def test_an_event_page_says_why_each_citation_joined(client: TestClient) -> None:
    meet = events(client, type="MEET")["events"][0]
    data = client.get(f"/events/{meet['id']}.json").json()
    joined = sorted((c["joined"]["reasons"][0], c["joined"]["decided_by"])
                    for c in data["citations"])
    assert joined == [("new happening", "auto"), ("same type MEET", "auto")]
    assert isinstance(data["near"], list)
    page = client.get(f"/events/{meet['id']}").text
    assert "joined by auto" in page and "same type MEET; shared participants:" in page
