"""The HTML side: the template environment, a page drawn for a request, template filters.

Templates autoescape; nothing from an article is ever marked safe (see `kizuna.web.app`).
Every page links its `.json` twin, its Atom feed when it offers one, and itself in each
language the interface speaks.
"""

from __future__ import annotations

from pathlib import Path as FilePath
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader

from kizuna.render.formats import amount_text
from kizuna.web import i18n, views
from kizuna.web.urls import http_url

HERE = FilePath(__file__).parent


def html_response(env: Environment, request: Request, template: str, context: dict[str, Any],
                  status: int = 200, feed: bool = False) -> Response:
    """`template` drawn in the reader's language; `feed`: the page offers an Atom twin."""
    query = request.url.query
    json_url = request.url.path + ".json" + (f"?{query}" if query else "")
    atom_url = request.url.path + ".atom" + (f"?{query}" if query else "") if feed else None
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
    return environment().get_template(template).render(lang=lang, _=_, _n=_n, **context)


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(http_url=http_url, slug=views.slugify, segment=url_segment,
                       amount=amount_label, date_label=date_label)
    env.globals.update(segments=views.segments)
    return env


# --- small pure helpers (template filters) ------------------------------------------------

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
