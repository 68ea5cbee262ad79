"""`kizuna demo`: store the bundled sample articles, then show the events found in them.

The samples in `articles/` are short news-style articles written for this demo (invented
reporting about real public figures and organisations); they are shipped as package data.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from kizuna.ingest import IngestReport, ingest
from kizuna.store import Store


def demo_articles_dir() -> Path:
    """The folder of sample `*.article.json` records installed with the package."""
    return Path(str(resources.files(__name__).joinpath("articles")))


def demo_article_ids() -> set[str]:
    """The ids of the sample articles, as their records give them."""
    return {json.loads(path.read_text(encoding="utf-8"))["id"]
            for path in sorted(demo_articles_dir().glob("*.article.json"))}


def store_demo_articles(store: Store) -> IngestReport:
    """Ingest the sample articles into `store`."""
    return ingest([str(demo_articles_dir())], store)
