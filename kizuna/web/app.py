"""The service: every HTML page and its .json twin, built from one view function each.

    app = create_app("kizuna.db")                 # then: uvicorn, or `kizuna serve`

Pages (`/events`, `/events/{id}`, `/actors/{slug}`, `/dyads/{A}-{B}`, `/search`,
`/articles/{id}`) answer HTML; the same path plus `.json` answers the view data the page
was drawn from. `/openapi.json` describes the JSON routes; `/docs` is a local page that
links it (no Swagger UI from a CDN: the tool runs on air-gapped networks).

Security, in one place:
- Templates autoescape; nothing from an article is ever marked safe. Highlights are
  built as lists of plain pieces the template escapes one by one; only http(s) URLs
  become links.
- Every response carries a Content-Security-Policy of `default-src 'self'` (no inline
  script or style), `nosniff`, `frame-ancestors 'none'` and no referrer.
- Writing (`POST /api/ingest`, `/api/merge`, `/api/unmerge`; `kizuna.web.api`) needs
  `Authorization: Bearer TOKEN` (a token from `kizuna token create`, or one given to
  `create_app`): 401 without a valid one. The API takes no cookies and sends no CORS
  headers, so a page on another site can neither send the token nor read an answer.
  On top of that, any request but GET/HEAD/OPTIONS that a browser marks as sent from
  another origin (`Sec-Fetch-Site`, `Origin`) answers 403 before anything else: a
  cross-site form can change nothing. The UI's own forms are GET forms (filters,
  search) that change nothing; the event page's corrections (static/corrections.js)
  send the bearer token a person entered, kept in the tab's sessionStorage only.
- Served on an address other than loopback with no token configured, the service is
  read-only: every write answers 403.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path as FilePath
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader

from kizuna import __version__
from kizuna.render.formats import amount_text
from kizuna.store.database import Store
from kizuna.web import analyst_pages, api, guards, health, i18n, views
from kizuna.web.chart import dyad_chart, timeline_chart
from kizuna.web.params import (
    DateQ,
    PageQ,
    PairP,
    SearchQ,
    SortQ,
    StatusQ,
    TextP,
    TextQ,
    TypeQ,
)
from kizuna.web.urls import http_url, is_loopback
from kizuna.web.writing import Writer

HERE = FilePath(__file__).parent
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


def create_app(db_url: str, tokens: Iterable[str] = (), host: str = "127.0.0.1",
               writer: Writer | None = None, store: Store | None = None,
               allowed_hosts: Iterable[str] = (), allow_private_urls: bool = False
               ) -> FastAPI:
    """The app over the store `db_url` names (or `store`, already open).

    `tokens` are accepted for writing beside those `kizuna token create` stored; `host`
    is the address served on (not loopback and no token at all: read-only).
    `allowed_hosts` are Host names answered beside loopback names, addresses and `host`
    (see `kizuna.web.guards`); `allow_private_urls` lets `POST /api/ingest {"url"}` fetch
    loopback and intranet addresses.
    """
    store = store or Store.open(db_url)
    app = FastAPI(title="kizuna", version=__version__, docs_url=None, redoc_url=None,
                  description="Cited events from English and Japanese news, merged "
                              "across articles. Every page has a .json twin.")
    app.state.store = store
    app.state.writer = writer or Writer(store, allow_private=allow_private_urls)
    app.state.tokens = tuple(t for t in tokens if t)
    app.state.loopback = is_loopback(host)
    app.state.token_failures = guards.FailureLimiter()
    app.state.url_pool = api.UrlPool()
    env = _environment()
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    api.guard_cross_site_writes(app)  # added first: the headers below wrap its 403 too
    guards.install(app, guards.allowed_hosts(host, allowed_hosts), SECURITY_HEADERS)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    health.register(app, store)
    analyst_pages.register(app, env, _html, _json)
    _json_routes(app)
    _html_routes(app, env)
    api.register(app)
    return app


# Environment variables `kizuna serve --workers N` passes its settings through: each
# worker process builds its app with `app_from_environment`.
ENV_DB, ENV_HOST, ENV_ALLOW_HOSTS, ENV_PRIVATE = (
    "KIZUNA_DB", "KIZUNA_SERVE_HOST", "KIZUNA_ALLOW_HOSTS", "KIZUNA_ALLOW_PRIVATE_URLS")


def app_from_environment() -> FastAPI:
    """The app `create_app` makes, its settings read from the environment (for uvicorn's
    worker processes: `uvicorn --factory kizuna.web.app:app_from_environment`)."""
    hosts = [h for h in os.environ.get(ENV_ALLOW_HOSTS, "").split(",") if h.strip()]
    return create_app(os.environ.get(ENV_DB, "kizuna.db"),
                      host=os.environ.get(ENV_HOST, "127.0.0.1"), allowed_hosts=hosts,
                      allow_private_urls=os.environ.get(ENV_PRIVATE) == "1")


def environment_for(db: str, host: str, allowed_hosts: Iterable[str],
                    allow_private_urls: bool) -> dict[str, str]:
    """The variables `app_from_environment` reads, for these settings."""
    return {ENV_DB: db, ENV_HOST: host, ENV_ALLOW_HOSTS: ",".join(allowed_hosts),
            ENV_PRIVATE: "1" if allow_private_urls else "0"}


# --- JSON twins (registered first: `/events/{id}` would also match `x.json`) ------------

def _json_routes(app: FastAPI) -> None:
    store = app.state.store

    @app.get("/events.json", tags=["pages"], summary="Merged events, filtered, one page",
             responses=_errors(400))
    def events_json(request: Request, page: PageQ = 1, per_page: int = views.PER_PAGE,
                    type: TypeQ = None, status: StatusQ = None,
                    actor: TextQ = None, country: TextQ = None,
                    since: DateQ = None, until: DateQ = None,
                    q: SearchQ = None, sort: SortQ = None) -> Response:
        return _json(lambda: views.events_view(
            store, views.EventFilters.parse(type=type, status=status, actor=actor,
                                            country=country, since=since, until=until,
                                            q=q, sort=sort), page, per_page))

    @app.get("/events/{event_id}.json", tags=["pages"], summary="One merged event in full",
             responses=_errors(400, 404))
    def event_json(event_id: TextP) -> Response:
        return _json(lambda: views.event_view(store, event_id))

    @app.get("/actors/{slug}.json", tags=["pages"], summary="An actor: profile and events",
             responses=_errors(400, 404))
    def actor_json(slug: TextP) -> Response:
        return _json(lambda: views.actor_view(store, slug))

    @app.get("/dyads/{pair}.json", tags=["pages"],
             summary="Two countries (JPN-USA): monthly cooperation series, latest events",
             responses=_errors(400))
    def dyad_json(pair: PairP) -> Response:
        return _json(lambda: views.dyad_view(store, pair))

    @app.get("/search.json", tags=["pages"], summary="Full-text search, English and Japanese",
             responses=_errors(400))
    def search_json(q: SearchQ = None) -> Response:
        return _json(lambda: views.search_view(store, q))

    @app.get("/articles/{article_id:path}.json", tags=["pages"],
             summary="An article: its text and everything extracted from it",
             responses=_errors(400, 404))
    def article_json(article_id: TextP) -> Response:
        return _json(lambda: views.article_view(store, article_id))


ERROR_ANSWERS = {400: "A parameter cannot be read (the error says why)",
                 404: "No such thing in the store"}


def _errors(*statuses: int) -> dict[int | str, Any]:
    return {status: {"description": ERROR_ANSWERS[status],
                     "content": {"application/json": {"schema": api.ERROR_SCHEMA}}}
            for status in statuses}


def _json(build: Callable[[], dict[str, Any]]) -> Response:
    try:
        return JSONResponse(build())
    except views.NotFound as exc:
        return JSONResponse({"error": str(exc)}, status_code=404)
    except views.BadRequest as exc:
        return JSONResponse({"error": str(exc)}, status_code=400)


# --- HTML pages -------------------------------------------------------------------------

def _html_routes(app: FastAPI, env: Environment) -> None:
    store = app.state.store

    def page(request: Request, template: str, build: Callable[[], dict[str, Any]],
             extra: Callable[[dict[str, Any]], dict[str, Any]] | None = None) -> Response:
        try:
            view = build()
        except views.NotFound as exc:
            return _html(env, request, "error.html", {"message": str(exc)}, 404)
        except views.BadRequest as exc:
            return _html(env, request, "error.html", {"message": str(exc)}, 400)
        return _html(env, request, template, {"view": view, **(extra(view) if extra else {})})

    @app.get("/", include_in_schema=False)
    def home() -> Response:
        return RedirectResponse("/events", status_code=302)

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request) -> Response:
        return _html(env, request, "docs.html", {})

    @app.get("/events", include_in_schema=False)
    def events_page(request: Request, page: int = 1, per_page: int = views.PER_PAGE,
                    type: str | None = None, status: str | None = None,
                    actor: str | None = None, country: str | None = None,
                    since: str | None = None, until: str | None = None,
                    q: str | None = None, sort: str | None = None) -> Response:
        return _page_events(request, env, store, page, per_page, dict(
            type=type, status=status, actor=actor, country=country, since=since,
            until=until, q=q, sort=sort))

    @app.get("/events/{event_id}", include_in_schema=False)
    def event_page(request: Request, event_id: str) -> Response:
        return page(request, "event.html", lambda: views.event_view(store, event_id))

    @app.get("/actors/{slug}", include_in_schema=False)
    def actor_page(request: Request, slug: str) -> Response:
        return page(request, "actor.html", lambda: views.actor_view(store, slug),
                    lambda view: {"timeline": timeline_chart(view["events"])})

    @app.get("/dyads/{pair}", include_in_schema=False)
    def dyad_page(request: Request, pair: str) -> Response:
        return page(request, "dyad.html", lambda: views.dyad_view(store, pair),
                    lambda view: {"chart": dyad_chart(view["months"]),
                                 "timeline": timeline_chart(view["latest"])})

    @app.get("/search", include_in_schema=False)
    def search_page(request: Request, q: str | None = None) -> Response:
        return page(request, "search.html", lambda: views.search_view(store, q))

    @app.get("/articles/{article_id:path}", include_in_schema=False)
    def article_page(request: Request, article_id: str) -> Response:
        return page(request, "article.html", lambda: views.article_view(store, article_id),
                    lambda view: {"segments": views.segments(view["text"],
                                                             views.article_spans(view))})


def _page_events(request: Request, env: Environment, store: Store, page: int,
                 per_page: int, given: dict[str, str | None]) -> Response:
    try:
        view = views.events_view(store, views.EventFilters.parse(**given), page, per_page)
    except views.BadRequest as exc:
        return _html(env, request, "error.html", {"message": str(exc)}, 400)
    kept = {k: v for k, v in view["filters"].items() if v and not (k == "sort" and v == "newest")}

    def page_url(number: int) -> str:
        return "/events?" + urlencode({**kept, "page": number})

    return _html(env, request, "events.html", {"view": view, "page_url": page_url})


FEEDS = ("/events", "/search")


def _html(env: Environment, request: Request, template: str, context: dict[str, Any],
          status: int = 200) -> Response:
    query = request.url.query
    json_url = request.url.path + ".json" + (f"?{query}" if query else "")
    atom_url = None  # the lists a feed reader can follow
    if request.url.path in FEEDS or request.url.path.startswith(("/actors/", "/dyads/")):
        atom_url = request.url.path + ".atom" + (f"?{query}" if query else "")
    lang = i18n.choose(request.query_params, request.cookies,
                       request.headers.get("accept-language"))
    _, _n = i18n.gettext(lang)
    body = env.get_template(template).render(
        request_path=request.url.path, json_url=json_url, atom_url=atom_url, lang=lang,
        _=_, _n=_n, language_links=_language_links(request), **context)
    response = HTMLResponse(body, status_code=status)
    if request.query_params.get("lang") in i18n.LANGUAGES:  # the reader chose: remember it
        response.set_cookie(i18n.COOKIE, lang, max_age=365 * 86400, samesite="lax",
                            httponly=True)
    return response


def _language_links(request: Request) -> list[tuple[str, str, str]]:
    """(code, name, this page in that language) for the switch on every page."""
    kept = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]
    return [(code, i18n.NAMES[code], request.url.path + "?" + urlencode([*kept, ("lang", code)]))
            for code in i18n.LANGUAGES]


def render_page(template: str, lang: str = "en", **context: Any) -> str:
    """A template drawn outside a request (`kizuna digest --format html`)."""
    _, _n = i18n.gettext(lang)
    return _environment().get_template(template).render(lang=lang, _=_, _n=_n, **context)


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(http_url=http_url, slug=views.slugify, segment=url_segment,
                       amount=amount_label, date_label=date_label)
    env.globals.update(segments=views.segments)
    return env


# --- small pure helpers (also template filters) -------------------------------------------

def url_segment(value: Any) -> str:
    """One path segment, percent-encoded (an id or a slug inside a link)."""
    return quote(str(value), safe="")


def amount_label(amount: dict[str, Any] | None) -> str:
    """"$550 billion", "¥80 trillion": an amount as people write it."""
    if not amount:
        return ""
    return amount_text(float(amount["value"]), amount.get("currency") or "", "en")


def date_label(when: dict[str, Any] | None) -> str:
    if not when or not when.get("start"):
        return ""
    start, end, grain = when["start"], when.get("end"), when.get("granularity")
    if grain == "year":
        return start[:4]
    if grain == "month" and (not end or end[:7] == start[:7]):
        return start[:7]
    return start if not end or end == start else f"{start} – {end}"
