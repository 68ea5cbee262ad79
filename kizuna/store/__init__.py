"""The store: one interface over a database the URL picks (SQLite now, PostgreSQL later).

    store = Store.open("kizuna.db")          # or "sqlite:///…", "postgresql://…"
    store.save_document(doc)                 # "added" | "unchanged" | "updated"
    queries.list_events(store, actor="Ishiba", since=date(2025, 1, 1))

`schema` holds the tables, `migrations` creates and upgrades them, `writer` is the
write side, `queries` the read side and `documents` rebuilds `Document` records.
"""

from kizuna.store.database import Store, database_url
from kizuna.store.writer import RejectedDocument, content_hash, event_id

__all__ = ["RejectedDocument", "Store", "content_hash", "database_url", "event_id"]
