"""The service: every page in HTML and its other formats, built from one view each.

    app = create_app("kizuna.db")                 # then: uvicorn, or `kizuna serve`

Pages (`/events`, `/events/{id}`, `/actors/{slug}`, `/dyads/{A}-{B}`, `/search`,
`/articles/{id}`, `/digest`, `/commitments`, `/disagreements`) answer HTML; the same path
plus `.json` answers the view data the page was drawn from, `.atom` and `.csv` where the
page offers them (`kizuna.web.site` declares each page once, `kizuna.web.pages` makes
its routes, `kizuna.web.renderers` draws each format). `/openapi.json` describes the
JSON routes; `/docs` is a local page that links it (no Swagger UI from a CDN: the tool
runs on air-gapped networks).

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

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from kizuna import __version__
from kizuna.store.database import Store
from kizuna.web import api, guards, health, pages, site
from kizuna.web.html import HERE, environment, html_response
from kizuna.web.urls import http_url as http_url  # re-exported: the security tests use it
from kizuna.web.urls import is_loopback
from kizuna.web.writing import Writer

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
    app.state.templates = environment()
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
    pages.register(app, site.PAGES)
    _other_pages(app)
    api.register(app)
    return app


def _other_pages(app: FastAPI) -> None:
    """The two HTML-only pages that draw no data: the home redirect and the API's docs."""

    @app.get("/", include_in_schema=False)
    def home() -> Response:
        return RedirectResponse("/events", status_code=302)

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request) -> Response:
        return html_response(app.state.templates, request, "docs.html", {})


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


