"""Every page of the site, declared once: its path, its view, the formats it offers.

Each view takes the store and the page's parameters (annotated as the OpenAPI description
tells them) and returns the page's data (`views`, `briefs`); `pages.register` makes the
routes, one per format. The HTML page draws the data with its template, `.json` answers
it as it is, `.atom` is the page's list of merged events as a feed, `.csv` a table.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from kizuna.contract import PLEDGE_CSV_FIELDS, pledge_dict_to_row
from kizuna.store.database import Store
from kizuna.web import briefs, views
from kizuna.web.chart import dyad_chart, timeline_chart
from kizuna.web.pages import Page, page
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
from kizuna.web.renderers import FEED_SIZE, Atom, Csv, Html, Json

View = dict[str, Any]
FILTERS = ("type", "status", "actor", "country", "since", "until", "q")  # a feed's title


# --- views: the store and the page's parameters in, the page's data out --------------------

def events(store: Store, page: PageQ = 1, per_page: int = views.PER_PAGE,
           type: TypeQ = None, status: StatusQ = None, actor: TextQ = None,
           country: TextQ = None, since: DateQ = None, until: DateQ = None,
           q: SearchQ = None, sort: SortQ = None) -> View:
    filters = views.EventFilters.parse(type=type, status=status, actor=actor, country=country,
                                       since=since, until=until, q=q, sort=sort)
    return views.events_view(store, filters, page, per_page)


def event(store: Store, event_id: TextP) -> View:
    return views.event_view(store, event_id)


def actor(store: Store, slug: TextP) -> View:
    return views.actor_view(store, slug)


def dyad(store: Store, pair: PairP) -> View:
    return views.dyad_view(store, pair)


def search(store: Store, q: SearchQ = None) -> View:
    return views.search_view(store, q)


def article(store: Store, article_id: TextP) -> View:
    return views.article_view(store, article_id)


def digest(store: Store, since: DateQ = None, until: DateQ = None, type: TypeQ = None,
           actor: TextQ = None, country: TextQ = None) -> View:
    return briefs.digest_page_view(store, views.EventFilters.parse(
        since=since, until=until, type=type, actor=actor, country=country))


def commitments(store: Store, actor: TextQ = None, country: TextQ = None,
                since: DateQ = None, until: DateQ = None) -> View:
    return briefs.commitments_view(store, views.EventFilters.parse(
        actor=actor, country=country, since=since, until=until))


def disagreements(store: Store) -> View:
    return briefs.disagreements_view(store)


# --- what the HTML pages draw beside the data ----------------------------------------------

def _events_links(view: View, args: dict[str, Any]) -> dict[str, Any]:
    kept = {k: v for k, v in view["filters"].items() if v and not (k == "sort" and v == "newest")}

    def page_url(number: int) -> str:
        return "/events?" + urlencode({**kept, "page": number})

    return {"page_url": page_url}


def _commitments_csv(view: View, args: dict[str, Any]) -> dict[str, Any]:
    given = {k: v for k, v in args.items() if v}
    return {"csv_url": "/commitments.csv" + (f"?{urlencode(given)}" if given else "")}


def _events_title(args: dict[str, Any]) -> str:
    named = ", ".join(f"{k} {args[k]}" for k in FILTERS if args.get(k))
    return "kizuna: events" + (f" ({named})" if named else "")


PAGES: tuple[Page, ...] = (
    page("/events", events, Html("events.html", extra=_events_links),
         Json("Merged events, filtered, one page"),
         Atom("Merged events, filtered, as Atom", title=_events_title,
              fixed={"page": 1, "per_page": FEED_SIZE, "sort": None}),
         errors=(400,)),
    page("/events/{event_id}", event, Html("event.html"), Json("One merged event in full"),
         errors=(400, 404)),
    page("/actors/{slug}", actor,
         Html("actor.html", extra=lambda view, args: {"timeline": timeline_chart(view["events"])}),
         Json("An actor: profile and events"),
         Atom("An actor's events, as Atom", title=lambda args: f"kizuna: {args['slug']}"),
         errors=(400, 404)),
    page("/dyads/{pair}", dyad,
         Html("dyad.html", extra=lambda view, args: {"chart": dyad_chart(view["months"]),
                                                     "timeline": timeline_chart(view["latest"])}),
         Json("Two countries (JPN-USA): monthly cooperation series, latest events"),
         Atom("Two countries' latest events, as Atom", entries="latest",
              title=lambda args: f"kizuna: {args['pair'].upper()}"),
         errors=(400,)),
    page("/search", search, Html("search.html"),
         Json("Full-text search, English and Japanese"),
         Atom("Events whose articles hold the words",
              title=lambda args: f"kizuna: search {args['q'] or ''}".strip()),
         errors=(400,)),
    page("/articles/{article_id:path}", article,
         Html("article.html", extra=lambda view, args: {
             "segments": views.segments(view["text"], views.article_spans(view))}),
         Json("An article: its text and everything extracted from it"),
         errors=(400, 404)),
    page("/digest", digest, Html("digest.html"),
         Json("The daily brief of a window of days"), errors=(400,)),
    page("/commitments", commitments, Html("commitments.html", extra=_commitments_csv),
         Json("Every pledge once, with totals by pledger, dyad and year"),
         Csv("The commitments ledger as CSV", fields=PLEDGE_CSV_FIELDS,
             rows=lambda view: [pledge_dict_to_row(p) for p in view["commitments"]],
             filename="commitments.csv"),
         errors=(400,)),
    page("/disagreements", disagreements, Html("disagreements.html"),
         Json("Merged events whose reports disagree (amount, date, status, roles)")),
)
