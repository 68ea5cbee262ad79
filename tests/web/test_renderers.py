"""Each page is declared once and answers exactly the formats it declares: its own path
in HTML, `.json`, `.atom`, `.csv` where offered, 404 for any other extension."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from kizuna.web import site
from kizuna.web.pages import page
from kizuna.web.renderers import RENDERERS, Atom, Html, Json

MEDIA = {"html": "text/html", "json": "application/json", "atom": "application/atom+xml",
         "csv": "text/csv"}


def examples(client: TestClient) -> dict[str, str]:
    """A path of each page that exists in the test store, by page name."""
    event_id = client.get("/events.json").json()["events"][0]["id"]
    return {"events": "/events", "event": f"/events/{event_id}",
            "actor": "/actors/shigeru-ishiba", "dyad": "/dyads/JPN-USA", "search": "/search",
            "article": "/articles/restrict-1", "digest": "/digest",
            "commitments": "/commitments", "disagreements": "/disagreements"}


def test_every_page_answers_exactly_its_declared_formats(client: TestClient) -> None:
    paths = examples(client)
    assert {p.name for p in site.PAGES} == set(paths)  # a new page adds its example here
    for declared in site.PAGES:
        assert "html" in declared.formats and "json" in declared.formats, declared.name
        for format, renderer in RENDERERS.items():
            response = client.get(paths[declared.name] + renderer.extension)
            if format in declared.formats:
                assert response.status_code == 200, (declared.name, format)
                assert response.headers["content-type"].startswith(MEDIA[format])
            else:
                assert response.status_code == 404, (declared.name, format)


def test_the_routes_are_the_declared_ones_and_only_html_stays_out_of_the_schema(
        client: TestClient) -> None:
    routes = {getattr(r, "path", "") for r in client.app.routes}  # type: ignore[attr-defined]
    schema = client.get("/openapi.json").json()["paths"]
    documented = {path.replace("{article_id}", "{article_id:path}") for path in schema}
    for declared in site.PAGES:
        for format, renderer in RENDERERS.items():
            path = declared.path + renderer.extension
            assert (path in routes) == (format in declared.formats), path
            assert (path in documented) == (format in declared.formats and format != "html")


@pytest.mark.parametrize("path", [
    "/events.xml", "/digest.rss", "/commitments.atom", "/disagreements.csv", "/search.html",
    "/actors/shigeru-ishiba.xml", "/articles/restrict-1.txt", "/dyads/JPN-USA.csv"])
def test_an_unknown_extension_answers_404(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 404


def test_an_extension_the_page_lacks_says_so_in_html(client: TestClient) -> None:
    response = client.get("/dyads/JPN-USA.csv")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "has no .csv format" in response.text


def test_the_json_route_documents_the_views_typed_parameters(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()["paths"]
    listed = {p["name"]: p for p in schema["/events.json"]["get"]["parameters"]}
    assert list(listed) == ["page", "per_page", "type", "status", "actor", "country",
                            "since", "until", "q", "sort"]
    assert listed["page"]["schema"]["maximum"] == 100_000
    assert "MEET" in listed["type"]["schema"]["enum"]
    # the feed is always the first page of the list: it takes no paging or sort
    feed = [p["name"] for p in schema["/events.atom"]["get"]["parameters"]]
    assert feed == ["type", "status", "actor", "country", "since", "until", "q"]
    assert "/events" not in schema and "/digest" not in schema


def test_each_format_answers_an_error_in_its_own_shape(client: TestClient) -> None:
    shapes = {"/events?type=NOPE": "text/html", "/events.json?type=NOPE": "application/json",
              "/events.atom?type=NOPE": "text/plain", "/commitments.csv?since=x": "text/plain"}
    for path, media in shapes.items():
        response = client.get(path)
        assert response.status_code == 400, path
        assert response.headers["content-type"].startswith(media), path
    assert client.get("/events.json?type=NOPE").json()["error"]


def test_a_declaration_refuses_unknown_formats_and_misnamed_fixed_parameters() -> None:
    with pytest.raises(ValueError, match="formats"):
        page("/x", site.search, Html("search.html"), Json("x"), Json("again"))
    with pytest.raises(ValueError, match="fixes"):
        page("/x", site.search, Atom("x", title=str, fixed={"page": 1}))
