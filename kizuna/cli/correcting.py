"""People's corrections to merging: merge and unmerge."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import typer

from kizuna.cli.app import app
from kizuna.cli.options import DbOpt, open_store, say_error
from kizuna.errors import StoreError
from kizuna.resolve.merging import Judgement
from kizuna.store import MergeError


@app.command("merge")
def merge_command(
    event_id: Annotated[str, typer.Argument(
        help="An article's event id (see `kizuna show ev-…` or `kizuna events --articles`).")],
    merged_id: Annotated[str, typer.Argument(help="The merged event (ev-…) it belongs in.")],
    db: DbOpt = None,
) -> None:
    """Correct a merge: put one article's event into a merged event of the same type.

    The correction is recorded as a person's judgement and survives re-ingesting the
    article, even after its text or extraction changed.

    Example: kizuna merge 3f2a9c1e0b7d4e65 ev-91c0ab2d77e4f013
    """
    with open_store(db) as store:
        judgement = corrected(lambda: store.merge_event(event_id, merged_id))
    typer.echo(f"{judgement.event_id} is now in {judgement.merged_id}")


@app.command("unmerge")
def unmerge_command(
    event_id: Annotated[str, typer.Argument(
        help="An article's event id (see `kizuna show ev-…` or `kizuna events --articles`).")],
    db: DbOpt = None,
) -> None:
    """Correct a merge: take one article's event out into a merged event of its own.

    The correction is recorded as a person's judgement and survives re-ingesting the
    article; `kizuna merge` puts the event back.

    Example: kizuna unmerge 3f2a9c1e0b7d4e65
    """
    with open_store(db) as store:
        judgement = corrected(lambda: store.unmerge_event(event_id))
    typer.echo(f"{judgement.event_id} is now on its own in {judgement.merged_id}")


def corrected(action: Callable[[], Judgement]) -> Judgement:
    try:
        return action()
    except MergeError as exc:
        say_error(str(exc))
        raise typer.Exit(1) from None
    except StoreError as exc:
        say_error(str(exc))
        raise typer.Exit(2) from None
