"""Reading the record: events, show, export, actor, dyad."""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.text import Text

from kizuna.cli.app import app
from kizuna.cli.options import (
    DbOpt,
    LangOpt,
    SinceOpt,
    TableFormat,
    UntilOpt,
    choice,
    open_store,
    output_file,
    parse_date,
    reader_language,
    say_error,
)
from kizuna.cli.render import (
    actor_view,
    dyad_table,
    event_view,
    events_table,
    merged_table,
    merged_view,
    write_merged,
    write_rows,
)
from kizuna.contract import (
    document_to_dict,
    merged_event_to_dict,
)
from kizuna.model import EVENT_TYPES, STATUSES
from kizuna.store import merged, merger, queries


class EventFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"


class ExportWhat(StrEnum):
    documents = "documents"
    events = "events"


@app.command("events")
def events_command(
    db: DbOpt = None,
    type: Annotated[str | None, typer.Option(
        "--type", help=f"Event type: {', '.join(EVENT_TYPES)}.")] = None,
    actor: Annotated[str | None, typer.Option(
        "--actor", help="A participant (any role), by canonical name or alias, any case.")]
    = None,
    country: Annotated[str | None, typer.Option(
        "--country", help="ISO 3166 alpha-3 code of any participant (JPN, USA).")] = None,
    status: Annotated[str | None, typer.Option(
        "--status", help=f"Status: {', '.join(STATUSES)}.")] = None,
    since: Annotated[str | None, typer.Option(
        "--since", help="Events starting on or after this date (publication date if undated).")]
    = None,
    until: Annotated[str | None, typer.Option(
        "--until", help="Events starting on or before this date.")] = None,
    search: Annotated[str | None, typer.Option(
        "--search", help="Words in the event's article (its sentence included).")] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="At most this many.")]
    = None,
    lang: LangOpt = None,
    format: Annotated[EventFormat, typer.Option("--format", help="table, jsonl or csv.")]
    = EventFormat.table,
    articles: Annotated[bool, typer.Option(
        "--articles", help="One row per article's event instead of one per merged event.")]
    = False,
) -> None:
    """List merged events (one per happening, with its number of sources), newest first.

    With --articles, list each article's own events instead. Filters apply to either.

    Example: kizuna events --actor Ishiba --type MEET --since 2025-01-01 --format jsonl
    """
    filters: dict[str, Any] = {"type": choice(type, EVENT_TYPES, "--type"),
               "status": choice(status, STATUSES, "--status"),
               "since": parse_date(since), "until": parse_date(until),
               "actor": actor, "country": country, "search": search, "limit": limit}
    with open_store(db) as store:
        if articles:
            rows = queries.list_events(store, **filters)
        else:
            events = merged.list_merged_events(store, **filters)
    if articles:
        if format is EventFormat.table:
            Console().print(events_table(rows))
        else:
            write_rows(rows, format.value, sys.stdout)
    elif format is EventFormat.table:
        Console().print(merged_table(events, reader_language(lang)))
    else:
        write_merged(events, format.value, sys.stdout)


@app.command("show")
def show_command(
    event_id: Annotated[str, typer.Argument(
        help="A merged event id (ev-…) or an article's event id; a unique prefix will do.")],
    db: DbOpt = None,
) -> None:
    """Show one event: participants, date, amount, and the sentence of every source.

    A merged event (ev-…) shows its status history and every citation; an article's
    event shows its own sentence and the merged event it belongs to.

    Example: kizuna show ev-3f2a9c1e   (or: kizuna show 3f2a9c1e0b7d4e65)
    """
    with open_store(db) as store:
        detail = None if event_id.startswith("ev-") else queries.get_event(store, event_id)
        whole = merged.get_merged_event(store, event_id) if detail is None else None
        placed = {}
        if whole is not None:
            with store.engine.connect() as conn:
                placed = merger.placements(conn, whole.event.id)
    if whole is not None:
        Console().print(merged_view(whole, placed), soft_wrap=False)
    elif detail is not None:
        Console().print(event_view(detail), soft_wrap=False)
    else:
        say_error(f"no event with id {event_id!r} (see `kizuna events`)")
        raise typer.Exit(1)


@app.command("export")
def export_command(
    what: Annotated[ExportWhat, typer.Argument(
        help="documents: one per article; events: one merged event per happening.")]
    = ExportWhat.documents,
    db: DbOpt = None,
    format: Annotated[ExportFormat, typer.Option(
        "--format", help="jsonl: the contract's shape; csv: one flat row per event.")]
    = ExportFormat.jsonl,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write here instead of standard output.")] = None,
) -> None:
    """Export documents (the default) or merged events, in the contract's shape or as CSV.

    documents --format jsonl: one contract document per article; --format csv: one row
    per article's event. events --format jsonl: one merged event a line, with its status
    history and citations; --format csv: one row per merged event.

    Example: kizuna export events --format jsonl --output events.jsonl
    """
    with open_store(db) as store, output_file(output) as out:
        if what is ExportWhat.events:
            write_merged(merged.iter_merged_events(store), format.value, out)
        elif format is ExportFormat.jsonl:
            for doc in queries.iter_documents(store):
                out.write(json.dumps(document_to_dict(doc), ensure_ascii=False) + "\n")
        else:
            write_rows(queries.list_events(store), "csv", out)


class ReadFormat(StrEnum):
    table = "table"
    json = "json"



@app.command("actor")
def actor_command(
    name: Annotated[str, typer.Argument(
        help="A canonical name or any alias, any case, English or Japanese.")],
    db: DbOpt = None, since: SinceOpt = None, until: UntilOpt = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Latest events to list.")] = 20,
    lang: LangOpt = None,
    format: Annotated[ReadFormat, typer.Option("--format", help="table or json.")]
    = ReadFormat.table,
) -> None:
    """Show one actor: who they are, their events by type, who they appear with most, and
    their latest merged events (--since/--until narrow the list, not the counts).

    Example: kizuna actor 石破茂 --limit 10   (or: kizuna actor "Shigeru Ishiba" --format json)
    """
    from kizuna.store import reads

    start, end = parse_date(since), parse_date(until)
    with open_store(db) as store:
        profile = reads.actor_profile(store, name)
        events = reads.actor_events(store, name, start, end, limit) if profile else []
    if profile is None:
        say_error(f"no actor named {name!r} (names and aliases: see `kizuna events`)")
        raise typer.Exit(1)
    if format is ReadFormat.json:
        data = {"actor": profile.to_dict(), "events": [merged_event_to_dict(e) for e in events]}
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    console = Console()
    console.print(actor_view(profile))
    console.print(merged_table(events, reader_language(lang)))


@app.command("dyad")
def dyad_command(
    country_a: Annotated[str, typer.Argument(help="A country, ISO 3166 alpha-3 (JPN).")],
    country_b: Annotated[str, typer.Argument(help="The other country (USA).")],
    db: DbOpt = None, since: SinceOpt = None, until: UntilOpt = None,
    latest: Annotated[int, typer.Option(
        "--latest", min=0, help="Latest events of the pair to list (table and json).")] = 10,
    format: Annotated[TableFormat, typer.Option(
        "--format", help="table, json, or csv (one row a month).")] = TableFormat.table,
    lang: LangOpt = None,
) -> None:
    """Two countries month by month: cooperative events (MEET, VISIT, AGREE, COOPERATE,
    INVEST, TRADE) and restrictive ones (RESTRICT) with a participant acting for each, and
    the cooperation index (coop − restrict) / (coop + restrict), from −1 to 1 (0: none).
    Negated events count for neither side.

    Example: kizuna dyad JPN USA --since 2025-01-01 --format csv > jpn-usa.csv
    """
    from kizuna.store import reads

    start, end = parse_date(since), parse_date(until)
    with open_store(db) as store:
        try:
            series = reads.dyad_series(store, country_a, country_b, start, end,
                                       latest=0 if format is TableFormat.csv else latest)
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from None
    if format is TableFormat.json:
        typer.echo(json.dumps(series.to_dict(), ensure_ascii=False, indent=2))
    elif format is TableFormat.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["month", "cooperative", "restrictive", "index"])
        for month in series.months:
            writer.writerow([month.month, month.cooperative, month.restrictive,
                             f"{month.index:.4f}"])
    else:
        console = Console()
        console.print(dyad_table(series))
        if series.latest:
            console.print(Text.from_markup("[bold]Latest events[/bold]"))
            console.print(merged_table(list(series.latest), reader_language(lang)))
