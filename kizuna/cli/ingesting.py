"""Reading news in: extract (print only), ingest (store), watch (keep current)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from kizuna import pipeline
from kizuna.cli.app import app
from kizuna.cli.options import (
    DbOpt,
    EngineOpt,
    LanguageOpt,
    PublishedOpt,
    RayAddressOpt,
    SourceOpt,
    TitleOpt,
    WorkersOpt,
    article_defaults,
    open_store,
    say_error,
    settings_for,
)
from kizuna.contract import (
    document_to_dict,
)
from kizuna.engines import open_engine
from kizuna.errors import KizunaError
from kizuna.ingest import Step
from kizuna.ingest import ingest as run_ingest
from kizuna.sources import iter_articles


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
    for label, item in iter_articles(paths, article_defaults(published, language, title, source)):
        if isinstance(item, KizunaError):
            say_error(str(item))
            failed += 1
        else:
            labels.append(label)
            articles.append(item)
    for label, result in zip(labels, pipeline.extract_many(articles), strict=True):
        if isinstance(result, Exception):
            say_error(f"{label}: {result}")
            failed += 1
            continue
        for warning in result.warnings:
            typer.echo(f"warning: {label}: {warning}", err=True)
        data = document_to_dict(result)
        indent = 2 if format == "json" else None
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=indent) + "\n")
    raise typer.Exit(1 if failed else 0)


# --- the store: ingest, then query -------------------------------------------------


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
    defaults = article_defaults(published, language, title, source)
    settings = settings_for(db=db, workers=workers)
    with open_store(settings.db) as store, IngestProgress() as progress:
        try:
            report = run_ingest(paths, store, defaults, settings.workers, progress.step,
                                engine=engine, ray_address=ray_address)
        except KizunaError as exc:
            progress.stop()
            say_error(str(exc))
            raise typer.Exit(2) from None
    typer.echo(report.summary())
    raise typer.Exit(1 if report.failed else 0)


class IngestProgress:
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

    def __enter__(self) -> IngestProgress:
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

    defaults = article_defaults(None, language, None, source)
    try:
        interval = config.parse_interval(every)
        watched = config.sources_from_urls(list(urls or []), interval, defaults)
        if sources is not None:
            watched += config.load_sources(sources, interval, defaults)
    except KizunaError as exc:
        say_error(str(exc))
        raise typer.Exit(2) from None
    if not watched:
        say_error("nothing to watch: give feed or page URLs, or --sources FILE")
        raise typer.Exit(2)
    settings = settings_for(db=db, workers=workers)
    with open_store(settings.db) as store, web.make_client() as client, \
            loop.stop_on_signals() as stop:
        http = polite.PoliteClient(client, delay=delay)
        try:
            with open_engine(engine, settings.workers, ray_address) as extractor:
                loop.watch(store, watched, http, once=once, stop=stop, engine=extractor,
                           log=lambda line: typer.echo(line, err=True))
        except KizunaError as exc:
            say_error(str(exc))
            raise typer.Exit(2) from None
