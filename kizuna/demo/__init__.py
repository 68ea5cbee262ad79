"""`kizuna demo`: store the bundled sample articles, then show the events found in them.

The samples in `articles/` are short news-style articles written for this demo (invented
reporting about real public figures and organisations); they are shipped as package data.
"""

from __future__ import annotations

import json
import shlex
from importlib import resources
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from kizuna.ingest import IngestReport, ingest
from kizuna.settings import DEFAULT_DB
from kizuna.store import Store, queries


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


def run_demo(db_url: str, console: Console) -> IngestReport:
    """Ingest the samples into `db_url` (a path or an SQLAlchemy URL), print their events.

    Raises `StoreError` when the database cannot be opened or written; a sample that
    fails is printed as an `error:` line and counted in the returned report.
    """
    from kizuna.cli import ID_WIDTH, _events_table  # the table `kizuna events` prints

    ids = demo_article_ids()
    with Store.open(db_url) as store:
        with console.status(f"Extracting {len(ids)} sample articles…"):
            report = store_demo_articles(store)
        rows = [row for row in queries.list_events(store) if row.article_id in ids]
    for failure in report.failures:
        console.print(f"error: {failure.label}: {failure.reason}", markup=False,
                      highlight=False, soft_wrap=True)
    console.print(_events_table(rows))
    console.print(f"[bold]Demo:[/bold] {escape(report.summary())} "
                  f"({len(ids)} sample articles, stored in {escape(db_url)})", highlight=False)
    db = "" if db_url == DEFAULT_DB else f" --db {shlex.quote(db_url)}"
    example = rows[0].id[:ID_WIDTH] if rows else "<id>"
    console.print("Next, try:", highlight=False)
    for command in (f'kizuna events{db} --actor "Shigeru Ishiba"',
                    f"kizuna show {example}{db}",
                    f"kizuna export{db} --format jsonl"):
        console.print(f"  {escape(command)}", highlight=False)
    return report
