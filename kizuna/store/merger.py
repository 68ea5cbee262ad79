"""The old home of merging on write, kept for the modules still importing it (the web's
event page, the CLI, the store bench): everything now lives in `kizuna.store.merging`
(placing, combining, folding, corrections, nearby) and `kizuna.store.ids`.
"""

from __future__ import annotations

from sqlalchemy import Connection

from kizuna.resolve.gazetteer import country_names
from kizuna.resolve.merging import NEAR_SCORE
from kizuna.store.ids import merged_id_for, resolve_event_id, resolve_merged_id
from kizuna.store.merging import nearby
from kizuna.store.merging.corrections import MergeError
from kizuna.store.merging.nearby import NEAR_LIMIT, NearMatch, Placement, placements

__all__ = ["MergeError", "NearMatch", "Placement", "merged_id_for", "near_matches",
           "placements", "resolve_event_id", "resolve_merged_id"]


def near_matches(conn: Connection, merged_id: str, limit: int = NEAR_LIMIT,
                 floor: float = NEAR_SCORE) -> list[NearMatch]:
    """`nearby.near_matches` with the resolver's country names (what a `Store` opened
    without its own uses): callers that hold a `Store` pass `store.countries` instead."""
    return nearby.near_matches(conn, merged_id, country_names(), limit, floor)
