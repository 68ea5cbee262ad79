"""The web service and what it needs: demo, serve, API tokens."""

from __future__ import annotations

import shlex
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from kizuna.cli.app import app, token_app
from kizuna.cli.options import (
    ID_WIDTH,
    DbOpt,
    HostOpt,
    PortOpt,
    open_store,
    say_error,
    settings_for,
)
from kizuna.cli.render import events_table
from kizuna.demo import demo_article_ids, store_demo_articles
from kizuna.errors import KizunaError
from kizuna.ingest import IngestReport
from kizuna.settings import DEFAULT_DB
from kizuna.store import Store, queries


@app.command("demo")
def demo_command(
    db: DbOpt = None,
    serve: Annotated[bool, typer.Option(
        "--serve", help="Then serve the demo database, as `kizuna serve`, until Ctrl-C "
                        "(what `make demo` does).")] = False,
    host: HostOpt = "127.0.0.1",
    port: PortOpt = 8000,
) -> None:
    """Store the bundled sample articles and show the events kizuna finds in them.

    Example: kizuna demo --db demo.db --serve   (then open http://127.0.0.1:8000/)
    """
    settings = settings_for(db=db)
    try:
        report = show_demo(settings.db, Console())
    except KizunaError as exc:
        say_error(str(exc))
        raise typer.Exit(2) from None
    if report.failed:
        raise typer.Exit(1)
    if serve:
        serve_database(settings.db, host, port)


# --- the service ----------------------------------------------------------------------


@app.command("serve")
def serve_command(
    db: DbOpt = None, host: HostOpt = "127.0.0.1", port: PortOpt = 8000,
    workers: Annotated[int, typer.Option(
        "--workers", min=1, help="Server processes (uvicorn workers); each opens the "
                                 "store itself.")] = 1,
    allow_host: Annotated[list[str] | None, typer.Option(
        "--allow-host", help="A name the server answers for beside 127.0.0.1, localhost "
                             "and --host (its Host header is checked: DNS rebinding). "
                             "Repeat for more.")] = None,
    allow_private_urls: Annotated[bool, typer.Option(
        "--allow-private-urls", help="Let POST /api/ingest {\"url\"} fetch loopback, "
                                     "private and link-local addresses (an intranet).")
    ] = False,
) -> None:
    """Serve the web UI and the JSON API (every page plus .json; OpenAPI at /openapi.json).

    Writing (POST /api/ingest, /api/merge, /api/unmerge) needs a token from
    `kizuna token create`. URLs given to /api/ingest are fetched from public addresses
    only, unless --allow-private-urls.

    Example: kizuna serve --db kizuna.db --port 8000   (then open http://127.0.0.1:8000/)
    """
    serve_database(settings_for(db=db).db, host, port, workers=workers,
                   allowed_hosts=allow_host or [],
                   allow_private_urls=allow_private_urls)


def serve_database(db: str, host: str, port: int, workers: int = 1,
           allowed_hosts: list[str] | None = None, allow_private_urls: bool = False) -> None:
    """Serve `db` until Ctrl-C, after printing the address to open.

    With several workers, uvicorn starts each process from an import string: the
    settings reach them through the environment (`kizuna.web.app.app_from_environment`).
    """
    import os

    import uvicorn

    from kizuna.store.tokens import active_tokens
    from kizuna.web.app import app_from_environment, environment_for
    from kizuna.web.urls import is_loopback

    with open_store(db) as store:  # migrated once here, before any worker opens it
        tokens = active_tokens(store)
    if not is_loopback(host) and not tokens:
        typer.echo("warning: no API token configured: serving read-only", err=True)
    os.environ.update(environment_for(db, host, allowed_hosts or [], allow_private_urls))
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"kizuna: serving {db} at http://{shown}:{port}/ "
               f"({workers} worker{'s' if workers > 1 else ''}; Ctrl-C stops)", err=True)
    if workers == 1:
        uvicorn.run(app_from_environment(), host=host, port=port, log_level="warning")
    else:
        uvicorn.run("kizuna.web.app:app_from_environment", factory=True, workers=workers,
                    host=host, port=port, log_level="warning")


app.add_typer(token_app, name="token")


@token_app.command("create")
def token_create_command(db: DbOpt = None) -> None:
    """Print a new API token; only its SHA-256 hash is stored, so keep it now.

    Example: TOKEN=$(kizuna token create --db kizuna.db)
    """
    from kizuna.store.tokens import create_token

    with open_store(db) as store:
        typer.echo(create_token(store))


@token_app.command("revoke")
def token_revoke_command(
    token: Annotated[str, typer.Argument(
        help="The token, or its first 12 characters (kz_…) if that names one.")],
    db: DbOpt = None,
) -> None:
    """End an API token: requests carrying it get 401 from then on.

    Example: kizuna token revoke kz_3fA9c1e0b
    """
    from kizuna.store.tokens import TokenError, revoke_token

    with open_store(db) as store:
        try:
            revoke_token(store, token)
        except TokenError as exc:
            say_error(str(exc))
            raise typer.Exit(1) from None
    typer.echo("revoked")


# --- actors and dyads -----------------------------------------------------------------


def show_demo(db_url: str, console: Console) -> IngestReport:
    """Ingest the samples into `db_url` (a path or an SQLAlchemy URL), print their events.

    Raises `StoreError` when the database cannot be opened or written; a sample that
    fails is printed as an `error:` line and counted in the returned report.
    """
    ids = demo_article_ids()
    with Store.open(db_url) as store:
        with console.status(f"Extracting {len(ids)} sample articles…"):
            report = store_demo_articles(store)
        rows = [row for row in queries.list_events(store) if row.article_id in ids]
    for failure in report.failures:
        console.print(f"error: {failure.label}: {failure.reason}", markup=False,
                      highlight=False, soft_wrap=True)
    console.print(events_table(rows))
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
