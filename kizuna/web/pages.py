"""Pages, each declared once: its path, the view computing its data, the formats it offers.

    page("/actors/{slug}", actor, Html("actor.html"), Json("An actor ..."),
         Atom("An actor's events, as Atom", title=lambda args: ...), errors=(400, 404))

`register` adds one GET route per format: the page's own path answers HTML, the same
path plus `.json`, `.atom`, `.csv` the other formats it offers (`kizuna.web.renderers`).
The view is `view(store, **params)`; its parameters, annotated as FastAPI reads them
(`kizuna.web.params`), become each route's parameters, so the OpenAPI description of a
`.json` route documents them with their types and limits. The HTML route takes the same
parameters as plain types and leaves the checking to the view, so that a bad value
answers the error page rather than FastAPI's JSON; it stays out of the schema.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Annotated, Any, get_args, get_origin, get_type_hints

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response

from kizuna.store.database import Store
from kizuna.web import views
from kizuna.web.renderers import (
    ERROR_ANSWERS,
    RENDERERS,
    Answer,
    Documented,
    Offer,
    documented,
)

PATH_PARAMETER = re.compile(r"\{(\w+)(?::\w+)?\}")


@dataclass(frozen=True)
class Page:
    """One page: `name` names its routes in OpenAPI (`actor_json`, `actor_atom`)."""

    name: str
    path: str
    view: Callable[..., dict[str, Any]]
    offers: tuple[Offer, ...]
    errors: tuple[int, ...] = ()

    @property
    def formats(self) -> tuple[str, ...]:
        return tuple(offer.format for offer in self.offers)

    def url_path(self, format: str) -> str:
        """The route's path template for one of the formats the page offers."""
        return self.path + RENDERERS[format].extension

    def page_path(self, args: dict[str, Any]) -> str:
        """The HTML page's path for these arguments (a feed's link back to its page)."""
        return PATH_PARAMETER.sub(lambda m: str(args[m.group(1)]), self.path)

    def unoffered_extension(self, args: dict[str, Any]) -> str | None:
        """The extension of a format this page does not offer that ends the path (the HTML
        route would otherwise read `/dyads/JPN-USA.csv` as the pair `JPN-USA.csv`)."""
        last = PATH_PARAMETER.findall(self.path)[-1:]
        value = str(args[last[0]]) if last else ""
        return next((r.extension for f, r in RENDERERS.items()
                     if r.extension and f not in self.formats and value.endswith(r.extension)),
                    None)


def page(path: str, view: Callable[..., dict[str, Any]], *offers: Offer,
         errors: tuple[int, ...] = (), name: str | None = None) -> Page:
    """A page at `path` drawn by `view` in the formats of `offers`; `errors` are the
    statuses the view can answer beside 200 (documented in OpenAPI)."""
    formats = [offer.format for offer in offers]
    unknown = [f for f in formats if f not in RENDERERS]
    if unknown or len(set(formats)) != len(formats):
        raise ValueError(f"{path}: formats {formats} (known: {sorted(RENDERERS)})")
    if not set(errors) <= set(ERROR_ANSWERS):
        raise ValueError(f"{path}: errors {errors} (documented: {sorted(ERROR_ANSWERS)})")
    taken = set(inspect.signature(view).parameters)
    for offer in offers:
        if not set(offer.fixed) <= taken:  # a typo would fail at the first request
            raise ValueError(f"{path}: {offer.format} fixes {sorted(offer.fixed)}, "
                             f"not all parameters of {view.__name__}")
    return Page(name or view.__name__, path, view, offers, errors)


def register(app: FastAPI, pages: Iterable[Page]) -> None:
    """Add every page's routes to `app`, whose `state.store` the views read."""
    store: Store = app.state.store
    pages = list(pages)
    # Twins first: `/events/{event_id}` would also match `/events/x.json`.
    for each in pages:
        for offer in each.offers:
            if offer.format != "html":
                _add(app, store, each, offer)
    for each in pages:
        for offer in each.offers:
            if offer.format == "html":
                _add(app, store, each, offer)


def _add(app: FastAPI, store: Store, page: Page, offer: Offer) -> None:
    renderer = RENDERERS[offer.format]
    endpoint = _endpoint(store, page, offer)
    name = f"{page.name}_{offer.format}"
    if not isinstance(offer, Documented):
        app.add_api_route(page.url_path(offer.format), endpoint, methods=["GET"], name=name,
                          include_in_schema=False)
        return
    app.add_api_route(page.url_path(offer.format), endpoint, methods=["GET"], name=name,
                      tags=[renderer.tag], summary=offer.summary,
                      responses=documented(renderer, page.errors),
                      response_class=JSONResponse if offer.format == "json" else Response)


def _endpoint(store: Store, page: Page, offer: Offer) -> Callable[..., Response]:
    """The route function: the view computed with the request's parameters (and the
    format's fixed ones), drawn by the format's renderer."""
    renderer = RENDERERS[offer.format]

    def endpoint(request: Request, **params: Any) -> Response:
        args = {**params, **offer.fixed}
        answer = Answer(request, offer, args, page.page_path(args), page.formats)
        if offer.format == "html" and (missing := page.unoffered_extension(args)):
            return renderer.error(answer, f"this page has no {missing} format "
                                          f"(it has: {', '.join(page.formats)})", 404)
        try:
            view = page.view(store, **args)
        except views.NotFound as exc:
            return renderer.error(answer, str(exc), 404)
        except views.BadRequest as exc:
            return renderer.error(answer, str(exc), 400)
        return renderer.render(replace(answer, view=view))

    endpoint.__signature__ = _signature(page.view, offer)  # type: ignore[attr-defined]
    return endpoint


def _signature(view: Callable[..., Any], offer: Offer) -> inspect.Signature:
    """The route's signature: the request, then the view's parameters but its first (the
    store) and those the format fixes; plain types for HTML."""
    hints = get_type_hints(view, include_extras=True)
    taken = list(inspect.signature(view).parameters.values())[1:]
    params = [inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD,
                                annotation=Request)]
    for param in taken:
        if param.name in offer.fixed:
            continue
        annotation = hints[param.name]
        if offer.format == "html" and get_origin(annotation) is Annotated:
            annotation = get_args(annotation)[0]
        params.append(param.replace(kind=inspect.Parameter.KEYWORD_ONLY, annotation=annotation))
    return inspect.Signature(params, return_annotation=Response)
