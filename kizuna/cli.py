"""The command line: thin commands over the library, each with an example in its help."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from rich import box
from rich.console import Console, Group
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from kizuna import pipeline
from kizuna.contract import (
    MERGED_CSV_FIELDS,
    document_to_dict,
    merged_event_to_dict,
    merged_event_to_row,
)
from kizuna.engines import open_engine
from kizuna.errors import KizunaError, StoreError
from kizuna.ingest import Step
from kizuna.ingest import ingest as run_ingest
from kizuna.model import EVENT_TYPES, STATUSES, Citation, Entity, MergedEvent
from kizuna.resolve.merging import Judgement
from kizuna.settings import Settings, load_settings
from kizuna.sources import ArticleDefaults, iter_articles
from kizuna.store import MergeError, Store, maintenance, merged, merger, queries

app = typer.Typer(
    help="kizuna: cited events from English and Japanese news, stored and queryable.",
    no_args_is_help=True, add_completion=False, rich_markup_mode="rich",
)


@app.callback()
def _root() -> None:
    """kizuna: cited events from English and Japanese news, stored and queryable."""


def _err(message: str) -> None:
    """One line per error, even when a driver's message spans several."""
    typer.echo(f"error: {' '.join(message.split())}", err=True)


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a date like 2025-02-06") from exc


PublishedOpt = Annotated[str | None, typer.Option(
    "--published", help="Publication date (YYYY-MM-DD) for inputs that do not carry one.")]
LanguageOpt = Annotated[str | None, typer.Option(
    "--language", help="Language (en, ja) for inputs that do not say; detected otherwise.")]
TitleOpt = Annotated[str | None, typer.Option("--title", help="Title for plain-text inputs.")]
SourceOpt = Annotated[str | None, typer.Option(
    "--source", help="Source name (outlet) for inputs that do not carry one.")]


def _defaults(published, language, title, source) -> ArticleDefaults:
    return ArticleDefaults(published=_parse_date(published), language=language,
                           title=title, source=source)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, feeds or URLs.")],
    format: Annotated[str, typer.Option("--format", help="jsonl (one document a line) or json.")]
    = "jsonl",
    published: PublishedOpt = None, language: LanguageOpt = None,
    title: TitleOpt = None, source: SourceOpt = None,
) -> None:
    """Extract entities, events, amounts and quotes; print contract documents.

    Example: kizuna extract article.article.json --format jsonl > out.jsonl
    """
    failed = 0
    labels, articles = [], []
    for label, item in iter_articles(paths, _defaults(published, language, title, source)):
        if isinstance(item, KizunaError):
            _err(str(item))
            failed += 1
        else:
            labels.append(label)
            articles.append(item)
    for label, result in zip(labels, pipeline.extract_many(articles), strict=True):
        if isinstance(result, Exception):
            _err(f"{label}: {result}")
            failed += 1
            continue
        for warning in result.warnings:
            typer.echo(f"warning: {label}: {warning}", err=True)
        data = document_to_dict(result)
        indent = 2 if format == "json" else None
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=indent) + "\n")
    raise typer.Exit(1 if failed else 0)


# --- the store: ingest, then query -------------------------------------------------

DbOpt = Annotated[str | None, typer.Option(
    "--db", help="Database: an SQLAlchemy URL or a file path. Default kizuna.db, or $KIZUNA_DB.")]


ID_WIDTH = 10
MERGED_ID_WIDTH = 3 + ID_WIDTH  # "ev-" and as much of the hash as an article event shows


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


def _settings(db: str | None = None, workers: int | None = None) -> Settings:
    try:
        return load_settings(db=db, workers=workers)
    except KizunaError as exc:
        _err(str(exc))
        raise typer.Exit(2) from None


def _open_store(db: str | None) -> Store:
    """The store `--db` (or the settings) names; a clear one-line error and exit 2 if not."""
    try:
        return Store.open(_settings(db=db).db)
    except KizunaError as exc:
        _err(str(exc))
        raise typer.Exit(2) from None


WorkersOpt = Annotated[int | None, typer.Option(
    "--workers", help="Extraction processes (Ray actors with --engine ray). Default 1, "
    "or $KIZUNA_WORKERS.")]
EngineOpt = Annotated[str, typer.Option(
    "--engine", help="Where extraction runs: local (this machine) or ray (a Ray cluster; "
    "one starts locally without --ray-address).")]
RayAddressOpt = Annotated[str | None, typer.Option(
    "--ray-address", help="A Ray cluster to join (ray://host:10001, or auto); only with "
    "--engine ray.")]


@app.command("ingest")
def ingest_command(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, feeds or URLs.")],
    db: DbOpt = None,
    published: PublishedOpt = None, language: LanguageOpt = None,
    title: TitleOpt = None, source: SourceOpt = None,
    workers: WorkersOpt = None, engine: EngineOpt = "local", ray_address: RayAddressOpt = None,
) -> None:
    """Extract every article and store it; an article stored unchanged is not rewritten.

    Inputs stream through in windows (memory does not grow with their number); a JSON
    Lines file of any size is read record by record.

    Example: kizuna ingest news/ https://example.com/feed.xml --db kizuna.db
    """
    defaults = _defaults(published, language, title, source)
    settings = _settings(db=db, workers=workers)
    with _open_store(settings.db) as store, _IngestProgress() as progress:
        try:
            report = run_ingest(paths, store, defaults, settings.workers, progress.step,
                                engine=engine, ray_address=ray_address)
        except KizunaError as exc:
            progress.stop()
            _err(str(exc))
            raise typer.Exit(2) from None
    typer.echo(report.summary())
    raise typer.Exit(1 if report.failed else 0)


class _IngestProgress:
    """A progress bar on stderr, with one `error: <input>: <reason>` line per failure."""

    def __init__(self) -> None:
        self.bar = Progress(TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
                            TimeElapsedColumn(), console=Console(stderr=True), transient=True)
        self.task = self.bar.add_task("ingest", total=None)

    def step(self, step: Step) -> None:
        if step.reason:
            kind = "error" if step.outcome == "failed" else "warning"
            self.bar.console.print(f"{kind}: {step.label}: {step.reason}", markup=False,
                                   highlight=False, soft_wrap=True)
        self.bar.update(self.task, completed=step.done, total=step.total)

    def stop(self) -> None:
        self.bar.stop()

    def __enter__(self) -> _IngestProgress:
        self.bar.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.bar.stop()


@app.command("watch")
def watch_command(
    urls: Annotated[list[str] | None, typer.Argument(help="Feed or page URLs to poll.")] = None,
    db: DbOpt = None,
    sources: Annotated[Path | None, typer.Option(
        "--sources", help="A TOML file of sources: one table per source with url, and optional "
        "every, language, source (top-level every/language/source apply to all).")] = None,
    every: Annotated[str, typer.Option(
        "--every", help="How often each source is polled: 90s, 15m, 2h, 1d.")] = "15m",
    once: Annotated[bool, typer.Option(
        "--once", help="One round, then exit (for cron and tests).")] = False,
    delay: Annotated[float, typer.Option(
        "--delay", min=0.0, help="Seconds between two requests to one host.")] = 1.0,
    language: LanguageOpt = None, source: SourceOpt = None,
    workers: WorkersOpt = None, engine: EngineOpt = "local", ray_address: RayAddressOpt = None,
) -> None:
    """Keep the record current: poll feeds and pages, store each new item once.

    Each round asks every due source conditionally (ETag / Last-Modified: an unchanged feed
    costs one short answer), reads each new item once (by canonical URL and by its text,
    across sources), reads the linked page when a feed gives only a summary, obeys
    robots.txt, pauses between requests to one host and backs off from failing sources.
    State lives in the database, so a restart resumes. One log line per round on stderr;
    SIGTERM or Ctrl-C finishes the article in hand and exits 0.

    Example: kizuna watch https://example.com/feed.xml --db kizuna.db --every 30m
    """
    from kizuna.sources import web
    from kizuna.watch import config, loop, polite

    defaults = _defaults(None, language, None, source)
    try:
        interval = config.parse_interval(every)
        watched = config.sources_from_urls(list(urls or []), interval, defaults)
        if sources is not None:
            watched += config.load_sources(sources, interval, defaults)
    except KizunaError as exc:
        _err(str(exc))
        raise typer.Exit(2) from None
    if not watched:
        _err("nothing to watch: give feed or page URLs, or --sources FILE")
        raise typer.Exit(2)
    settings = _settings(db=db, workers=workers)
    with _open_store(settings.db) as store, web.make_client() as client, \
            loop.stop_on_signals() as stop:
        http = polite.PoliteClient(client, delay=delay)
        try:
            with open_engine(engine, settings.workers, ray_address) as extractor:
                loop.watch(store, watched, http, once=once, stop=stop, engine=extractor,
                           log=lambda line: typer.echo(line, err=True))
        except KizunaError as exc:
            _err(str(exc))
            raise typer.Exit(2) from None


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
    filters: dict[str, Any] = {"type": _choice(type, EVENT_TYPES, "--type"),
               "status": _choice(status, STATUSES, "--status"),
               "since": _parse_date(since), "until": _parse_date(until),
               "actor": actor, "country": country, "search": search, "limit": limit}
    with _open_store(db) as store:
        if articles:
            rows = queries.list_events(store, **filters)
        else:
            events = merged.list_merged_events(store, **filters)
    if articles:
        if format is EventFormat.table:
            Console().print(_events_table(rows))
        else:
            _write_rows(rows, format.value, sys.stdout)
    elif format is EventFormat.table:
        Console().print(_merged_table(events))
    else:
        _write_merged(events, format.value, sys.stdout)


class DigestFormat(StrEnum):
    md = "md"
    html = "html"
    json = "json"


@app.command("digest")
def digest_command(
    since: Annotated[str, typer.Option("--since", help="First publication date of the window.")],
    until: Annotated[str | None, typer.Option(
        "--until", help="Last publication date of the window (default: no end).")] = None,
    db: DbOpt = None,
    type: Annotated[str | None, typer.Option(
        "--type", help=f"Event type: {', '.join(EVENT_TYPES)}.")] = None,
    actor: Annotated[str | None, typer.Option(
        "--actor", help="A participant, by canonical name or alias, any case.")] = None,
    country: Annotated[str | None, typer.Option(
        "--country", help="ISO 3166 alpha-3 code of any participant (JPN, USA).")] = None,
    format: Annotated[DigestFormat, typer.Option("--format", help="md, html or json.")]
    = DigestFormat.md,
    base_url: Annotated[str, typer.Option(
        "--base-url", help="Where `kizuna serve` answers: each line links to its event there.")]
    = "http://127.0.0.1:8000",
) -> None:
    """The daily brief: happenings first reported in the window, status changes (with the
    article that changed it) and new sources on known events, by pair of countries and type.

    Example: kizuna digest --since 2025-02-07 --until 2025-02-08 --country JPN > brief.md
    """
    from kizuna.render.digest import digest_markdown, digest_view
    from kizuna.store.digest import build_digest

    start, end = _parse_date(since) or date.min, _parse_date(until)
    with _open_store(db) as store:
        digest = build_digest(store, start, end, type=_choice(type, EVENT_TYPES, "--type"),
                              actor=actor, country=country)
    if format is DigestFormat.md:
        sys.stdout.write(digest_markdown(digest, base_url))
    elif format is DigestFormat.json:
        typer.echo(json.dumps(digest_view(digest), ensure_ascii=False, indent=1))
    else:
        from kizuna.web.app import render_page

        sys.stdout.write(render_page("digest_standalone.html", digest=digest_view(digest),
                                     base_url=base_url.rstrip("/")))


class LedgerFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


@app.command("commitments")
def commitments_command(
    db: DbOpt = None,
    actor: Annotated[str | None, typer.Option(
        "--actor", help="A party to the pledge, by canonical name or alias, any case.")] = None,
    country: Annotated[str | None, typer.Option(
        "--country", help="ISO 3166 alpha-3 code of any party (JPN, USA).")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Pledges dated on or after.")]
    = None,
    until: Annotated[str | None, typer.Option("--until", help="Pledges dated on or before.")]
    = None,
    format: Annotated[LedgerFormat, typer.Option("--format", help="table, json or csv.")]
    = LedgerFormat.table,
) -> None:
    """The commitments ledger: every pledge of money once, however many outlets told it and
    however they typed it (agreement, investment, trade, tariff deal), with totals per
    pledger, per pair of countries and per year, by currency (negated pledges left out).

    Example: kizuna commitments --country JPN --since 2025-01-01 --format csv
    """
    from kizuna.contract import PLEDGE_CSV_FIELDS, pledge_to_dict, pledge_to_row
    from kizuna.store.commitments import list_commitments, totals

    with _open_store(db) as store:
        pledges = list_commitments(store, actor=actor, country=country,
                                   since=_parse_date(since), until=_parse_date(until))
    if format is LedgerFormat.json:
        data = {"commitments": [pledge_to_dict(p) for p in pledges], "totals": totals(pledges)}
        typer.echo(json.dumps(data, ensure_ascii=False, indent=1))
    elif format is LedgerFormat.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=PLEDGE_CSV_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(pledge_to_row(p) for p in pledges)
    else:
        Console().print(_ledger_table(pledges, totals(pledges)))


def _ledger_table(pledges: list, summed: dict) -> Group:
    table = Table(box=box.SIMPLE_HEAD, caption=f"{len(pledges)} pledges")
    for name in ("date", "pledger", "recipient", "amount", "status", "told as", "sources"):
        table.add_column(name, overflow="fold")
    for pledge in pledges:
        value, currency = pledge.amount
        also = "".join(f" (≈ {_number(v)} {c})" for v, c in pledge.also_reported_as[:1])
        table.add_row(_iso(pledge.when) or "", "; ".join(e.id for e in pledge.pledgers),
                      "; ".join(e.id for e in pledge.recipients),
                      f"{_number(value)} {currency}{also}", pledge.status,
                      ", ".join(pledge.types), str(pledge.sources))
    lines = [Text(f"{kind.removeprefix('by_')}: " + "; ".join(
        f"{key} " + " + ".join(f"{_number(v)} {c}" for c, v in sums.items())
        for key, sums in groups.items())) for kind, groups in summed.items() if groups]
    return Group(table, *lines)


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
    with _open_store(db) as store:
        detail = None if event_id.startswith("ev-") else queries.get_event(store, event_id)
        whole = merged.get_merged_event(store, event_id) if detail is None else None
        placed = {}
        if whole is not None:
            with store.engine.connect() as conn:
                placed = merger.placements(conn, whole.event.id)
    if whole is not None:
        Console().print(_merged_view(whole, placed), soft_wrap=False)
    elif detail is not None:
        Console().print(_event_view(detail), soft_wrap=False)
    else:
        _err(f"no event with id {event_id!r} (see `kizuna events`)")
        raise typer.Exit(1)


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
    with _open_store(db) as store:
        judgement = _corrected(lambda: store.merge_event(event_id, merged_id))
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
    with _open_store(db) as store:
        judgement = _corrected(lambda: store.unmerge_event(event_id))
    typer.echo(f"{judgement.event_id} is now on its own in {judgement.merged_id}")


def _corrected(action: Callable[[], Judgement]) -> Judgement:
    try:
        return action()
    except MergeError as exc:
        _err(str(exc))
        raise typer.Exit(1) from None
    except StoreError as exc:
        _err(str(exc))
        raise typer.Exit(2) from None


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
        typer.echo(maintenance.backup(_settings(db=db).db, out))
    except KizunaError as exc:
        _err(str(exc))
        raise typer.Exit(2) from None


@app.command("check")
def check_command(db: DbOpt = None) -> None:
    """Check the database: integrity (SQLite), migrations applied, the store's invariants
    (every event in one merged event, no dangling citation, ...) and row counts. Exits 1
    if anything is wrong; writes nothing.

    Example: kizuna check --db kizuna.db
    """
    try:
        store = Store.open(_settings(db=db).db, migrate=False)
    except KizunaError as exc:
        _err(str(exc))
        raise typer.Exit(2) from None
    with store:
        report = maintenance.check(store)
    typer.echo("\n".join(report.lines()))
    raise typer.Exit(1 if report.problems else 0)


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
    with _open_store(db) as store, _output(output) as out:
        if what is ExportWhat.events:
            _write_merged(merged.iter_merged_events(store), format.value, out)
        elif format is ExportFormat.jsonl:
            for doc in queries.iter_documents(store):
                out.write(json.dumps(document_to_dict(doc), ensure_ascii=False) + "\n")
        else:
            _write_rows(queries.list_events(store), "csv", out)


@contextmanager
def _output(path: Path | None) -> Iterator[TextIO]:
    if path is None:
        yield sys.stdout
        return
    try:
        handle = path.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        _err(f"cannot write {str(path)!r}: {exc.strerror or exc}")
        raise typer.Exit(2) from None
    with handle:
        yield handle


def _choice(value: str | None, allowed: tuple[str, ...], option: str) -> str | None:
    if value is None:
        return None
    match = next((a for a in allowed if a.lower() == value.strip().lower()), None)
    if match is None:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(allowed)}",
                                 param_hint=option)
    return match


def _write_rows(rows: list[queries.EventRow], format: str, out: TextIO) -> None:
    if format == "jsonl":
        for row in rows:
            out.write(json.dumps(row.to_dict(), ensure_ascii=False) + "\n")
        return
    writer = csv.DictWriter(out, fieldnames=queries.EVENT_FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        data = row.to_dict()
        data["actors"], data["targets"] = "; ".join(row.actors), "; ".join(row.targets)
        writer.writerow(data)


def _write_merged(events: Iterable[MergedEvent], format: str, out: TextIO) -> None:
    if format == "jsonl":
        for event in events:
            out.write(json.dumps(merged_event_to_dict(event), ensure_ascii=False) + "\n")
        return
    writer = csv.DictWriter(out, fieldnames=MERGED_CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for event in events:
        writer.writerow(merged_event_to_row(event))


def _merged_table(events: list[MergedEvent]) -> Table:
    """Like `_events_table`, one row per happening, with how many articles report it."""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False,
                  caption=f"{len(events)} event{'s' * (len(events) != 1)}")
    table.add_column("id", no_wrap=True, style="cyan")
    table.add_column("date", no_wrap=True)
    table.add_column("event", no_wrap=True)
    table.add_column("participants", ratio=2)
    table.add_column("what", ratio=3)
    table.add_column("sources", justify="right", no_wrap=True)
    for event in events:
        what = event.object or (event.citations[0].evidence.text if event.citations else "")
        table.add_row(event.id[:MERGED_ID_WIDTH], _merged_date_label(event) or "–",
                      f"{event.type}\n[dim]{event.status}[/dim]",
                      escape("; ".join(p.name for p in event.actors + event.targets)),
                      escape(_short(what)), str(merged.sources(event)))
    return table


def _merged_view(detail: merged.MergedDetail,
                 placed: dict[str, merger.Placement] | None = None) -> Group:
    """The merged event as labelled lines, its status history, then every citation with
    why it joined (the judgement's reasons)."""
    event = detail.event
    count = merged.sources(event)
    amount = f"{_number(event.amount[0])} {event.amount[1]}".strip() if event.amount else None
    fields = [
        ("Actors", ", ".join(_entity_label(e) for e in event.actors)),
        ("Targets", ", ".join(_entity_label(e) for e in event.targets)),
        ("Date", _merged_date_label(event).replace("\n", "") or "not stated"),
        ("Location", event.location), ("Object", event.object), ("Amount", amount),
        ("Status history", "; ".join(
            f"{c.status} ({_iso(c.as_of) or 'undated'}, {c.doc_id})"
            for c in event.status_history)),
    ]
    return Group(
        Text.from_markup(f"[bold]{event.type}[/bold] ({event.status})  [cyan]{event.id}[/cyan]"
                         f"  {count} source{'s' * (count != 1)}"),
        *(Text.from_markup(f"[bold]{label}:[/bold] {escape(value)}")
          for label, value in fields if value),
        *(line for citation in event.citations
          for line in _citation_lines(detail, citation, (placed or {}).get(citation.event_id))),
    )


def _citation_lines(detail: merged.MergedDetail, citation: Citation,
                    why: merger.Placement | None = None) -> list[Text]:
    """A citation: its article, status and event id, its URL, its sentence highlighted,
    and why it joined."""
    before, evidence, after = detail.context(citation)
    where = ", ".join(filter(None, [citation.source, _iso(citation.published),
                                    citation.language]))
    heading = " — ".join(filter(None, [citation.title or citation.doc_id, where]))
    return [
        Text(""),
        Text.from_markup(f"[bold]{escape(heading)}[/bold] ({citation.status})  "
                         f"[cyan]{citation.event_id}[/cyan]"),
        *([Text(citation.url)] if citation.url else []),
        Text.from_markup(f"{escape(before)}[reverse]{escape(evidence)}[/reverse]"
                         f"{escape(after)}"),
        *([Text(_joined_label(why), style="dim")] if why else []),
    ]


def _joined_label(why: merger.Placement) -> str:
    """"Joined (auto, 0.84): same type MEET; shared participants: …"."""
    score = "" if why.score is None else f", {why.score:.2f}"
    return f"Joined ({why.decided_by}{score}): {'; '.join(why.reasons)}"


def _entity_label(entity: Entity) -> str:
    return f"{entity.name} ({', '.join(filter(None, [entity.type, entity.country]))})"


def _merged_date_label(event: MergedEvent) -> str:
    if event.date is None:
        return ""
    return _span_label(event.date.start, event.date.end, event.date.granularity)


def _events_table(rows: list[queries.EventRow]) -> Table:
    """Ids cut to 10 characters (enough to be unique; `show` takes a prefix) to leave
    the width of an 80-column terminal to participants and evidence."""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False,
                  caption=f"{len(rows)} event{'s' * (len(rows) != 1)}")
    table.add_column("id", no_wrap=True, style="cyan")
    table.add_column("date", no_wrap=True)
    table.add_column("event", no_wrap=True)
    table.add_column("participants", ratio=2)
    table.add_column("what", ratio=3)
    table.add_column("source", ratio=1)
    for row in rows:
        table.add_row(row.id[:ID_WIDTH], _date_label(row) or "–",
                      f"{row.type}\n[dim]{row.status}[/dim]",
                      escape("; ".join(row.participants)),
                      escape(_short(row.object or row.evidence_text)), escape(row.source or ""))
    return table


def _event_view(detail: queries.EventDetail) -> Group:
    """The event as labelled lines, then its sentence with the evidence highlighted.

    Every value from the article or the database is escaped: an article's "[b]" must
    print as text, not restyle the terminal.
    """
    event = detail.event
    fields = [
        ("Actors", ", ".join(_participant_label(p) for p in detail.participants
                             if p.role == "actor")),
        ("Targets", ", ".join(_participant_label(p) for p in detail.participants
                              if p.role == "target")),
        ("Date", " ".join(filter(None, [_date_label(event) or "not stated",
                                        event.date_text and f"({event.date_text})"]))),
        ("Location", event.location), ("Object", event.object),
        ("Amount", _amount_label(event)),
        ("Source", " — ".join(filter(None, [event.title or event.article_id, ", ".join(
            filter(None, [event.source, _iso(event.published)]))]))),
        ("URL", event.url),
        ("Merged event", detail.merged_id),
    ]
    before, evidence, after = detail.context()
    return Group(
        Text.from_markup(f"[bold]{event.type}[/bold] ({event.status})  [cyan]{event.id}[/cyan]"),
        *(Text.from_markup(f"[bold]{label}:[/bold] {escape(value)}")
          for label, value in fields if value),
        Text(""),
        Text.from_markup(f"{escape(before)}[reverse]{escape(evidence)}[/reverse]"
                         f"{escape(after)}"),
    )


def _participant_label(p: queries.Participant) -> str:
    return f"{p.name} ({', '.join(filter(None, [p.type, p.country]))})"


def _date_label(row: queries.EventRow) -> str:
    if row.date_start is None:
        return ""
    return _span_label(row.date_start, row.date_end, row.date_granularity)


def _span_label(start: date, end: date | None, granularity: str | None) -> str:
    if granularity == "year":
        return str(start.year)
    if granularity == "month" and (end is None or end.month == start.month):
        return start.strftime("%Y-%m")
    # a range on two lines keeps the column narrow enough for an 80-column terminal
    return start.isoformat() + (f"\n..{end.isoformat()}" if end and end != start else "")


def _amount_label(row: queries.EventRow) -> str | None:
    value = row.amount_value
    if value is None:
        return None
    return f"{_number(value)} {row.amount_currency or ''}".strip()


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def _short(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


@app.command("bench")
def bench_command(
    json_output: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")]
    = False,
    articles: Annotated[int, typer.Option(
        "--articles", min=1, help="English articles to generate, about 700 words each.")]
    = 200,
    ja_articles: Annotated[int, typer.Option(
        "--ja-articles", min=1,
        help="Japanese articles to generate, about 1,500 characters each.")] = 100,
    languages: Annotated[str, typer.Option(
        "--languages", help="Languages to time, comma-separated: en, ja.")] = "en,ja",
    workers: Annotated[int, typer.Option(
        "--workers", min=1, help="Processes, for kizuna and for the parser baseline alike.")]
    = 1,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the generated corpora.")] = 0,
    repeats: Annotated[int, typer.Option(
        "--repeats", min=1, help="Timed runs of each side; the best one counts.")] = 2,
) -> None:
    """Time extraction against bare parsing (spaCy for English, GiNZA for Japanese) on
    generated news corpora.

    Example: kizuna bench --json --workers 2 --languages en
    """
    from kizuna import bench

    chosen = [part.strip() for part in languages.split(",") if part.strip()]
    unknown = [language for language in chosen if language not in bench.LANGUAGES]
    if not chosen or unknown:
        raise typer.BadParameter(
            f"{languages!r}: name languages from {', '.join(bench.LANGUAGES)}",
            param_hint="--languages")
    result = bench.run(articles=articles, workers=workers, seed=seed, repeats=repeats,
                       progress=lambda message: typer.echo(f"bench: {message}", err=True),
                       languages=chosen, ja_articles=ja_articles)
    if json_output:
        typer.echo(json.dumps(result))
    else:
        Console().print(bench.table(result))


HostOpt = Annotated[str, typer.Option(
    "--host", help="Address to listen on. Beyond loopback with no API token: read-only.")]
PortOpt = Annotated[int, typer.Option("--port", min=1, max=65535, help="Port.")]


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
    from kizuna.demo import run_demo

    settings = _settings(db=db)
    try:
        report = run_demo(settings.db, Console())
    except KizunaError as exc:
        _err(str(exc))
        raise typer.Exit(2) from None
    if report.failed:
        raise typer.Exit(1)
    if serve:
        _serve(settings.db, host, port)


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
    _serve(_settings(db=db).db, host, port, workers=workers, allowed_hosts=allow_host or [],
           allow_private_urls=allow_private_urls)


def _serve(db: str, host: str, port: int, workers: int = 1,
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

    with _open_store(db) as store:  # migrated once here, before any worker opens it
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


token_app = typer.Typer(help="API tokens for writing over the web service.",
                        no_args_is_help=True)
app.add_typer(token_app, name="token")


@token_app.command("create")
def token_create_command(db: DbOpt = None) -> None:
    """Print a new API token; only its SHA-256 hash is stored, so keep it now.

    Example: TOKEN=$(kizuna token create --db kizuna.db)
    """
    from kizuna.store.tokens import create_token

    with _open_store(db) as store:
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

    with _open_store(db) as store:
        try:
            revoke_token(store, token)
        except TokenError as exc:
            _err(str(exc))
            raise typer.Exit(1) from None
    typer.echo("revoked")


# --- actors and dyads -----------------------------------------------------------------

class ReadFormat(StrEnum):
    table = "table"
    json = "json"


class DyadFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


SinceOpt = Annotated[str | None, typer.Option(
    "--since", help="Events dated on or after this day (YYYY-MM-DD; undated: by publication).")]
UntilOpt = Annotated[str | None, typer.Option(
    "--until", help="Events dated on or before this day (YYYY-MM-DD).")]


@app.command("actor")
def actor_command(
    name: Annotated[str, typer.Argument(
        help="A canonical name or any alias, any case, English or Japanese.")],
    db: DbOpt = None, since: SinceOpt = None, until: UntilOpt = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Latest events to list.")] = 20,
    format: Annotated[ReadFormat, typer.Option("--format", help="table or json.")]
    = ReadFormat.table,
) -> None:
    """Show one actor: who they are, their events by type, who they appear with most, and
    their latest merged events (--since/--until narrow the list, not the counts).

    Example: kizuna actor 石破茂 --limit 10   (or: kizuna actor "Shigeru Ishiba" --format json)
    """
    from kizuna.store import reads

    start, end = _parse_date(since), _parse_date(until)
    with _open_store(db) as store:
        profile = reads.actor_profile(store, name)
        events = reads.actor_events(store, name, start, end, limit) if profile else []
    if profile is None:
        _err(f"no actor named {name!r} (names and aliases: see `kizuna events`)")
        raise typer.Exit(1)
    if format is ReadFormat.json:
        data = {"actor": profile.to_dict(), "events": [merged_event_to_dict(e) for e in events]}
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    console = Console()
    console.print(_actor_view(profile))
    console.print(_merged_table(events))


def _actor_view(profile) -> Group:
    """Who the actor is, in labelled lines, then who they appear with most as a table."""
    span = " – ".join(filter(None, [_iso(profile.first), _iso(profile.last)]))
    lines = [
        ("Also called", ", ".join(a for a in profile.aliases if a != profile.name)),
        ("Events", f"{profile.events:,}" + (f" ({span})" if span else "")),
        ("By type", ", ".join(f"{t} {n:,}" for t, n in profile.by_type.items())),
        ("Also matches", ", ".join(profile.others)),
    ]
    partners = Table(box=box.SIMPLE_HEAD, pad_edge=False, title="Appears most with",
                     title_justify="left")
    partners.add_column("name")
    partners.add_column("type", no_wrap=True)
    partners.add_column("country", no_wrap=True)
    partners.add_column("events", justify="right", no_wrap=True)
    for p in profile.partners:
        partners.add_row(escape(p.name), p.type, p.country or "–", f"{p.events:,}")
    label = ", ".join(filter(None, [profile.type, profile.country]))
    return Group(
        Text.from_markup(f"[bold]{escape(profile.name)}[/bold] ({escape(label)})"),
        *(Text.from_markup(f"[bold]{k}:[/bold] {escape(v)}") for k, v in lines if v),
        *([partners] if profile.partners else []),
    )


@app.command("dyad")
def dyad_command(
    country_a: Annotated[str, typer.Argument(help="A country, ISO 3166 alpha-3 (JPN).")],
    country_b: Annotated[str, typer.Argument(help="The other country (USA).")],
    db: DbOpt = None, since: SinceOpt = None, until: UntilOpt = None,
    latest: Annotated[int, typer.Option(
        "--latest", min=0, help="Latest events of the pair to list (table and json).")] = 10,
    format: Annotated[DyadFormat, typer.Option(
        "--format", help="table, json, or csv (one row a month).")] = DyadFormat.table,
) -> None:
    """Two countries month by month: cooperative events (MEET, VISIT, AGREE, COOPERATE,
    INVEST, TRADE) and restrictive ones (RESTRICT) with a participant acting for each, and
    the cooperation index (coop − restrict) / (coop + restrict), from −1 to 1 (0: none).
    Negated events count for neither side.

    Example: kizuna dyad JPN USA --since 2025-01-01 --format csv > jpn-usa.csv
    """
    from kizuna.store import reads

    start, end = _parse_date(since), _parse_date(until)
    with _open_store(db) as store:
        try:
            series = reads.dyad_series(store, country_a, country_b, start, end,
                                       latest=0 if format is DyadFormat.csv else latest)
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from None
    if format is DyadFormat.json:
        typer.echo(json.dumps(series.to_dict(), ensure_ascii=False, indent=2))
    elif format is DyadFormat.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["month", "cooperative", "restrictive", "index"])
        for month in series.months:
            writer.writerow([month.month, month.cooperative, month.restrictive,
                             f"{month.index:.4f}"])
    else:
        console = Console()
        console.print(_dyad_table(series))
        if series.latest:
            console.print(Text.from_markup("[bold]Latest events[/bold]"))
            console.print(_merged_table(list(series.latest)))


def _dyad_table(series) -> Group:
    """A month a row: the counts, the index, and the index as a bar (green up, red down);
    then the totals."""
    a, b = series.countries
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, title=f"{a}–{b}")
    table.add_column("month", no_wrap=True)
    table.add_column("coop", justify="right", no_wrap=True)
    table.add_column("restrict", justify="right", no_wrap=True)
    table.add_column("index", justify="right", no_wrap=True)
    table.add_column("", no_wrap=True, min_width=10)
    for month in series.months:
        bar = "█" * round(abs(month.index) * 10)
        colour = "green" if month.index > 0 else "red"
        table.add_row(month.month, str(month.cooperative), str(month.restrictive),
                      f"{month.index:+.2f}" if month.cooperative + month.restrictive else "–",
                      f"[{colour}]{bar}[/{colour}]" if bar else "")
    undated = f"; {series.undated:,} undated" if series.undated else ""
    return Group(table, Text(f"{series.cooperative:,} cooperative, {series.restrictive:,} "
                             f"restrictive; index {series.index:+.2f}{undated}"))


@app.command("bench-store")
def bench_store_command(
    json_output: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")]
    = False,
    articles: Annotated[int, typer.Option(
        "--articles", min=1, help="Articles to generate (about 2 events each).")] = 100_000,
    db: Annotated[str | None, typer.Option(
        "--db", help="Database to fill, holding no articles yet: a path or a postgresql:// "
                     "URL. Default: a temporary SQLite file, deleted afterwards.")] = None,
    repeats: Annotated[int, typer.Option(
        "--repeats", min=2, help="Timed calls of each read, each with other arguments.")] = 30,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the generated store.")] = 0,
) -> None:
    """Time the common reads (an actor's events, a dyad series, a full-text search, an
    event with its citations) on a generated store: no NLP, rows written in bulk.

    Example: kizuna bench-store --json --articles 100000
    """
    from kizuna import store_bench

    try:
        result = store_bench.run(articles=articles, db=db, seed=seed, repeats=repeats,
                                 progress=lambda m: typer.echo(f"bench-store: {m}", err=True))
    except KizunaError as exc:
        _err(str(exc))
        raise typer.Exit(2) from None
    if json_output:
        typer.echo(json.dumps(result))
    else:
        Console().print(store_bench.table(result))


@app.command("bench-load")
def bench_load_command(
    db: Annotated[str, typer.Option("--db", help="The database to serve (fill a large one "
                                                  "with kizuna bench-store --db FILE).")],
    workers: Annotated[list[int] | None, typer.Option(
        "--workers", min=1, help="Server processes; repeat to compare (--workers 1 "
                                 "--workers 2).")] = None,
    clients: Annotated[int, typer.Option("--clients", min=1, max=500,
                                         help="Concurrent clients.")] = 50,
    seconds: Annotated[float, typer.Option("--seconds", min=1, max=600,
                                           help="How long each load lasts.")] = 20.0,
    max_requests: Annotated[int, typer.Option(
        "--max-requests", min=1, max=1_000_000, help="At most this many requests a run.")]
    = 20_000,
    json_output: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")]
    = False,
) -> None:
    """Load `kizuna serve` on loopback: concurrent clients on /events.json, /search.json and
    /events/{id}.json; requests/s, p50/p95, errors and the server's peak memory.

    Example: kizuna bench-load --db big.db --workers 1 --workers 2 --clients 50
    """
    from kizuna import load_bench

    results = []
    for count in workers or [1]:
        typer.echo(f"bench-load: {count} worker(s), {clients} clients, {seconds:g} s", err=True)
        try:
            results.append(load_bench.run(db, count, clients, seconds, max_requests))
        except KizunaError as exc:
            _err(str(exc))
            raise typer.Exit(2) from None
    if json_output:
        typer.echo(json.dumps(results))
        return
    table = Table(box=box.SIMPLE_HEAD)
    for name in ("workers", "requests", "req/s", "p50 ms", "p95 ms", "errors", "server MB"):
        table.add_column(name, justify="right")
    for r in results:
        table.add_row(str(r["workers"]), str(r["requests"]), str(r["requests_per_second"]),
                      str(r["p50_ms"]), str(r["p95_ms"]), str(r["errors"]),
                      str(r["server_peak_rss_mb"]))
    Console().print(table)


@app.command("bench-capacity")
def bench_capacity_command(
    db: Annotated[str | None, typer.Option(
        "--db", help="An SQLite store to copy for each run (fill one with kizuna bench-store "
                     "--db FILE --articles 100000). Default: an empty store.")] = None,
    english: Annotated[int, typer.Option("--en", min=0, help="English articles a run.")] = 40,
    japanese: Annotated[int, typer.Option("--ja", min=0, help="Japanese articles a run.")]
    = 16,
    json_output: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")]
    = False,
) -> None:
    """End-to-end articles/s (extract, merge, store) into a large store: the local engine,
    then Ray with 1 and 2 workers; and the cores a day's news needs.

    Example: kizuna bench-capacity --db big.db --en 40 --ja 16
    """
    from kizuna import capacity_bench

    result = capacity_bench.run(db or "", english, japanese,
                                say=lambda m: typer.echo(f"bench-capacity: {m}", err=True))
    typer.echo(json.dumps(result) if json_output else capacity_bench.table(result))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
