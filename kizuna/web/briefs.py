"""View data of the analyst's pages: the daily brief and the commitments ledger."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from kizuna.contract import pledge_to_dict
from kizuna.render.digest import digest_view
from kizuna.store import merged, queries
from kizuna.store.commitments import dyad_of, list_commitments, totals
from kizuna.store.database import Store
from kizuna.store.digest import build_digest
from kizuna.store.disagreements import disagreeing_events
from kizuna.web.views import EventFilters, disagreement_dicts, event_dict


def digest_page_view(store: Store, filters: EventFilters) -> dict[str, Any]:
    """/digest: the brief of the window `since`..`until`; without `since`, the day of the
    newest article stored and the day before it (the morning's news)."""
    since, until = filters.since, filters.until
    if since is None:
        newest = queries.latest_publication(store)
        since = newest - timedelta(days=1) if newest else None
    if since is None:
        return {"since": None, "until": None, "window": "nothing stored yet",
                "summary": "Nothing is stored yet.", "counts": {}, "groups": [],
                "filters": filters.to_dict()}
    digest = build_digest(store, since, until, type=filters.type, actor=filters.actor,
                          country=filters.country)
    return {**digest_view(digest), "filters": filters.to_dict()}


def commitments_view(store: Store, filters: EventFilters) -> dict[str, Any]:
    """/commitments: each pledge once, and totals by pledger, dyad and year."""
    pledges = list_commitments(store, actor=filters.actor, country=filters.country,
                               since=filters.since, until=filters.until)
    return {"commitments": [{**pledge_to_dict(p), "dyad": dyad_of(p)} for p in pledges],
            "totals": totals(pledges), "filters": filters.to_dict()}


def disagreements_view(store: Store, limit: int = 50) -> dict[str, Any]:
    """/disagreements: merged events whose reports disagree, most recently reported first."""
    found = disagreeing_events(store, limit=limit)
    events = {e.id: e for e in merged.merged_events_by_id(store, [mid for mid, _ in found])}
    return {"events": [{"event": event_dict(events[mid]),
                        "disagreements": disagreement_dicts(conflicts)}
                       for mid, conflicts in found if mid in events]}
