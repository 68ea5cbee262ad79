"""The store: one interface over a database the URL picks (SQLite now, PostgreSQL later).

    store = Store.open("kizuna.db")          # or "sqlite:///…", "postgresql://…"
    store.save_document(doc)                 # "added" | "unchanged" | "updated"
    queries.list_events(store, actor="Ishiba", since=date(2025, 1, 1))
    merged.list_merged_events(store, actor="Ishiba")   # one per happening, all citations
    store.merge_event(event_id, "ev-…"); store.unmerge_event(event_id)   # corrections

`schema` holds the tables, `migrations` creates and upgrades them, `writer` is the
write side, `queries` the read side and `documents` rebuilds `Document` records.
Across articles, `merging` places each event in a merged event as it is written
(see its docstring for merge / combine / fold), `members` folds members into a
`MergedEvent`, and `merged` reads them back.
"""

from kizuna.store.database import Store, database_url
from kizuna.store.merging.corrections import MergeError
from kizuna.store.writer import RejectedDocument, content_hash, event_id

__all__ = ["MergeError", "RejectedDocument", "Store", "content_hash", "database_url",
           "event_id"]
