"""The analyst's pages: Atom feeds of every list, the daily brief, the commitments ledger.

Registered before the other pages, since `/actors/{slug}` would also match `x.atom`.
Each page draws the same view data its `.json` twin answers (`briefs`, `views`); a feed
is the list its page shows, as Atom (`atom`); the ledger also answers `.csv`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.responses import Response
from jinja2 import Environment

from kizuna.web import api, briefs, views
from kizuna.web.atom import MEDIA_TYPE, atom_feed
from kizuna.web.params import DateQ, PairP, SearchQ, StatusQ, TextP, TextQ, TypeQ

FEED_SIZE = 50


def _answers(media_type: str, *errors: int, json_errors: bool = False) -> dict[int | str, Any]:
    """The answers a route documents: 200 as `media_type`, and its errors."""
    said = {400: "A parameter cannot be read (the error says why)",
            404: "No such actor in the store"}
    error_content = ({"application/json": {"schema": api.ERROR_SCHEMA}} if json_errors
                     else {"text/plain": {"schema": {"type": "string"}}})
    answers: dict[int | str, Any] = {200: {"description": "OK", "content": {media_type: {}}}}
    answers.update({status: {"description": said[status], "content": error_content}
                    for status in errors})
    return answers


FEED = _answers("application/atom+xml", 400)
FEED_404 = _answers("application/atom+xml", 400, 404)

Html = Callable[..., Response]
Json = Callable[[Callable[[], dict[str, Any]]], Response]


def register(app: FastAPI, env: Environment, html: Html, json: Json) -> None:
    _feeds(app)
    _briefs(app, env, html, json)


def _feeds(app: FastAPI) -> None:
    store = app.state.store

    def feed(request: Request, title: str, page_path: str,
             build: Callable[[], list[dict[str, Any]]]) -> Response:
        try:
            events = build()
        except views.NotFound as exc:
            return _plain(str(exc), 404)
        except views.BadRequest as exc:
            return _plain(str(exc), 400)
        base = str(request.base_url).rstrip("/")
        query = request.url.query
        page = f"{base}{page_path}" + (f"?{query}" if query else "")
        body = atom_feed(title, str(request.url), page, base, events)
        return Response(body, media_type=MEDIA_TYPE)

    @app.get("/events.atom", tags=["feeds"], summary="Merged events, filtered, as Atom",
             response_class=Response, responses=FEED)
    def events_atom(request: Request, type: TypeQ = None, status: StatusQ = None,
                    actor: TextQ = None, country: TextQ = None, since: DateQ = None,
                    until: DateQ = None, q: SearchQ = None) -> Response:
        given = dict(type=type, status=status, actor=actor, country=country, since=since,
                     until=until, q=q)
        named = ", ".join(f"{k} {v}" for k, v in given.items() if v)
        return feed(request, "kizuna: events" + (f" ({named})" if named else ""), "/events",
                    lambda: views.events_view(store, views.EventFilters.parse(**given), 1,
                                              FEED_SIZE)["events"])

    @app.get("/actors/{slug}.atom", tags=["feeds"], summary="An actor's events, as Atom",
             response_class=Response, responses=FEED_404)
    def actor_atom(request: Request, slug: TextP) -> Response:
        return feed(request, f"kizuna: {slug}", f"/actors/{slug}",
                    lambda: views.actor_view(store, slug, limit=FEED_SIZE)["events"])

    @app.get("/dyads/{pair}.atom", tags=["feeds"],
             summary="Two countries' latest events, as Atom", response_class=Response,
             responses=FEED)
    def dyad_atom(request: Request, pair: PairP) -> Response:
        return feed(request, f"kizuna: {pair.upper()}", f"/dyads/{pair}",
                    lambda: views.dyad_view(store, pair)["latest"])

    @app.get("/search.atom", tags=["feeds"], summary="Events whose articles hold the words",
             response_class=Response, responses=FEED)
    def search_atom(request: Request, q: SearchQ = None) -> Response:
        return feed(request, f"kizuna: search {q or ''}".strip(), "/search",
                    lambda: views.search_view(store, q)["events"])


def _briefs(app: FastAPI, env: Environment, html: Html, json: Json) -> None:
    store = app.state.store

    def filters(**given: str | None) -> views.EventFilters:
        return views.EventFilters.parse(**given)

    @app.get("/digest.json", tags=["pages"], summary="The daily brief of a window of days",
             responses=_answers("application/json", 400, json_errors=True))
    def digest_json(since: DateQ = None, until: DateQ = None, type: TypeQ = None,
                    actor: TextQ = None, country: TextQ = None) -> Response:
        return json(lambda: briefs.digest_page_view(store, filters(
            since=since, until=until, type=type, actor=actor, country=country)))

    @app.get("/digest", include_in_schema=False)
    def digest_page(request: Request, since: str | None = None, until: str | None = None,
                    type: str | None = None, actor: str | None = None,
                    country: str | None = None) -> Response:
        return _page(env, html, request, "digest.html", lambda: briefs.digest_page_view(
            store, filters(since=since, until=until, type=type, actor=actor,
                           country=country)))

    @app.get("/commitments.json", tags=["pages"],
             summary="Every pledge once, with totals by pledger, dyad and year",
             responses=_answers("application/json", 400, json_errors=True))
    def commitments_json(actor: TextQ = None, country: TextQ = None, since: DateQ = None,
                         until: DateQ = None) -> Response:
        return json(lambda: briefs.commitments_view(store, filters(
            actor=actor, country=country, since=since, until=until)))

    @app.get("/commitments.csv", tags=["pages"], summary="The commitments ledger as CSV",
             response_class=Response, responses=_answers("text/csv", 400))
    def commitments_csv(actor: TextQ = None, country: TextQ = None, since: DateQ = None,
                        until: DateQ = None) -> Response:
        try:
            rows = briefs.pledge_rows(store, filters(actor=actor, country=country,
                                                     since=since, until=until))
        except views.BadRequest as exc:
            return _plain(str(exc), 400)
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=briefs.PLEDGE_CSV_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="commitments.csv"'})

    @app.get("/disagreements.json", tags=["pages"],
             summary="Merged events whose reports disagree (amount, date, status, roles)")
    def disagreements_json() -> Response:
        return json(lambda: briefs.disagreements_view(store))

    @app.get("/disagreements", include_in_schema=False)
    def disagreements_page(request: Request) -> Response:
        return _page(env, html, request, "disagreements.html",
                     lambda: briefs.disagreements_view(store))

    @app.get("/commitments", include_in_schema=False)
    def commitments_page(request: Request, actor: str | None = None,
                         country: str | None = None, since: str | None = None,
                         until: str | None = None) -> Response:
        given = {k: v for k, v in dict(actor=actor, country=country, since=since,
                                       until=until).items() if v}
        return _page(env, html, request, "commitments.html",
                     lambda: briefs.commitments_view(store, filters(**given)),
                     {"csv_url": "/commitments.csv" + (f"?{urlencode(given)}" if given else "")})


def _page(env: Environment, html: Html, request: Request, template: str,
          build: Callable[[], dict[str, Any]], extra: dict[str, Any] | None = None
          ) -> Response:
    try:
        view = build()
    except views.BadRequest as exc:
        return html(env, request, "error.html", {"message": str(exc)}, 400)
    return html(env, request, template, {"view": view, **(extra or {})})


def _plain(message: str, status: int) -> Response:
    return Response(message + "\n", status_code=status, media_type="text/plain; charset=utf-8")
