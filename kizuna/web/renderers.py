"""Renderers: a page's view data turned into a response, by the format the path asks for.

The way datasette does it (`register_output_renderer`): a page's view function computes
its data once; the extension of the path (none, `.json`, `.atom`, `.csv`) picks the
renderer that draws it. `RENDERERS` maps each format to its renderer; a page says which
formats it offers, and what each needs beyond the data, with one `Offer` per format:

    Html("actor.html", extra=...)   the template, and context drawn from the data
    Json("An actor: profile ...")   the data as it is (the OpenAPI summary)
    Atom("...", title=..., entries="events")   the page's list of merged events as a feed
    Csv("...", rows=..., fields=..., filename=...)   a table of the data

A view that cannot answer raises `views.NotFound` (404) or `views.BadRequest` (400); the
renderer answers the error in its own format: the error page, `{"error": …}`, plain text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from fastapi import Request
from fastapi.responses import JSONResponse, Response

from kizuna.web import api
from kizuna.web.atom import MEDIA_TYPE, atom_feed
from kizuna.web.html import html_response

FEED_SIZE = 50  # entries in a feed: the first of the page's list
View = dict[str, Any]
Args = dict[str, Any]


@dataclass(frozen=True)
class Offer:
    """One format a page answers in. `fixed`: parameters this format does not take, with
    the values its view is computed with (a feed is always the first page)."""

    format: ClassVar[str]
    fixed: Mapping[str, Any] = field(default_factory=dict, kw_only=True)


@dataclass(frozen=True)
class Html(Offer):
    format: ClassVar[str] = "html"
    template: str
    extra: Callable[[View, Args], dict[str, Any]] | None = field(default=None, kw_only=True)


@dataclass(frozen=True)
class Documented(Offer):
    """A format the OpenAPI description lists, under `summary`."""

    summary: str


@dataclass(frozen=True)
class Json(Documented):
    format: ClassVar[str] = "json"


@dataclass(frozen=True)
class Atom(Documented):
    format: ClassVar[str] = "atom"
    title: Callable[[Args], str] = field(kw_only=True)
    entries: str = field(default="events", kw_only=True)  # the view's list of merged events


@dataclass(frozen=True)
class Csv(Documented):
    format: ClassVar[str] = "csv"
    rows: Callable[[View], list[dict[str, Any]]] = field(kw_only=True)
    fields: tuple[str, ...] = field(kw_only=True)
    filename: str = field(kw_only=True)


@dataclass(frozen=True)
class Answer:
    """What a renderer is handed: the request, the view data (empty for an error), the
    arguments it was computed from, the path of the page's HTML, what the page offers."""

    request: Request
    offer: Offer
    args: Args
    page_path: str
    formats: tuple[str, ...]
    view: View = field(default_factory=dict)


@dataclass(frozen=True)
class Renderer:
    """How one format answers: `render` the data, or an `error` (message, status).
    `media_type` and `error_content` are what OpenAPI documents (None: not in it)."""

    extension: str  # "" for the page's own path
    render: Callable[[Answer], Response]
    error: Callable[[Answer, str, int], Response]
    media_type: str | None
    tag: str = "pages"
    error_content: Mapping[str, Any] = field(default_factory=dict)


# --- html ---------------------------------------------------------------------------------

def _html(answer: Answer) -> Response:
    offer = answer.offer
    assert isinstance(offer, Html)
    extra = offer.extra(answer.view, answer.args) if offer.extra else {}
    return html_response(answer.request.app.state.templates, answer.request, offer.template,
                         {"view": answer.view, **extra}, feed="atom" in answer.formats)


def _html_error(answer: Answer, message: str, status: int) -> Response:
    return html_response(answer.request.app.state.templates, answer.request, "error.html",
                         {"message": message}, status, feed="atom" in answer.formats)


# --- json ---------------------------------------------------------------------------------

def _json(answer: Answer) -> Response:
    return JSONResponse(answer.view)


def _json_error(answer: Answer, message: str, status: int) -> Response:
    return JSONResponse({"error": message}, status_code=status)


# --- atom and csv -------------------------------------------------------------------------

def _atom(answer: Answer) -> Response:
    offer, request = answer.offer, answer.request
    assert isinstance(offer, Atom)
    base = str(request.base_url).rstrip("/")
    query = request.url.query
    page = f"{base}{answer.page_path}" + (f"?{query}" if query else "")
    events = answer.view[offer.entries][:FEED_SIZE]
    body = atom_feed(offer.title(answer.args), str(request.url), page, base, events)
    return Response(body, media_type=MEDIA_TYPE)


def _csv(answer: Answer) -> Response:
    offer = answer.offer
    assert isinstance(offer, Csv)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=offer.fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(offer.rows(answer.view))
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{offer.filename}"'})


def _plain_error(answer: Answer, message: str, status: int) -> Response:
    return Response(message + "\n", status_code=status, media_type="text/plain; charset=utf-8")


PLAIN_ERROR = {"text/plain": {"schema": {"type": "string"}}}
RENDERERS: dict[str, Renderer] = {
    "html": Renderer("", _html, _html_error, None),
    "json": Renderer(".json", _json, _json_error, "application/json",
                     error_content={"application/json": {"schema": api.ERROR_SCHEMA}}),
    "atom": Renderer(".atom", _atom, _plain_error, "application/atom+xml", tag="feeds",
                     error_content=PLAIN_ERROR),
    "csv": Renderer(".csv", _csv, _plain_error, "text/csv", error_content=PLAIN_ERROR),
}

ERROR_ANSWERS = {400: "A parameter cannot be read (the error says why)",
                 404: "No such thing in the store"}


def documented(renderer: Renderer, errors: tuple[int, ...]) -> dict[int | str, Any]:
    """The answers OpenAPI documents for a route: its errors, and for a format other
    than JSON (FastAPI's default) what a 200 is."""
    answers: dict[int | str, Any] = {}
    if renderer.media_type and renderer.media_type != "application/json":
        answers[200] = {"description": "OK", "content": {renderer.media_type: {}}}
    answers.update({status: {"description": ERROR_ANSWERS[status],
                             "content": dict(renderer.error_content)} for status in errors})
    return answers
