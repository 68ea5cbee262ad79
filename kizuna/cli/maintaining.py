"""Keeping a store safe: backup and check."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kizuna.cli.app import app
from kizuna.cli.options import DbOpt, say_error, settings_for
from kizuna.errors import KizunaError
from kizuna.store import Store, maintenance


@app.command("backup")
def backup_command(
    out: Annotated[Path, typer.Argument(help="The new file to write the copy to.")],
    db: DbOpt = None,
) -> None:
    """Copy the database while it may be in use (SQLite's online backup); for PostgreSQL,
    print the pg_dump command to run.

    Example: kizuna backup --db kizuna.db kizuna-2025-06-01.db
    """
    try:
        typer.echo(maintenance.backup(settings_for(db=db).db, out))
    except KizunaError as exc:
        say_error(str(exc))
        raise typer.Exit(2) from None


@app.command("check")
def check_command(db: DbOpt = None) -> None:
    """Check the database: integrity (SQLite), migrations applied, the store's invariants
    (every event in one merged event, no dangling citation, ...) and row counts. Exits 1
    if anything is wrong; writes nothing.

    Example: kizuna check --db kizuna.db
    """
    try:
        store = Store.open(settings_for(db=db).db, migrate=False)
    except KizunaError as exc:
        say_error(str(exc))
        raise typer.Exit(2) from None
    with store:
        report = maintenance.check(store)
    typer.echo("\n".join(report.lines()))
    raise typer.Exit(1 if report.problems else 0)
