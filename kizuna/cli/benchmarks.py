"""Measurements: extraction throughput, store reads, load and capacity."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from kizuna.cli.app import app
from kizuna.cli.options import say_error
from kizuna.errors import KizunaError


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
    from kizuna.bench import extraction as bench

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
    event with its citations) on a generated store: no NLP, each article written by the
    store's writer.

    Example: kizuna bench-store --json --articles 100000
    """
    from kizuna.bench import store as store_bench

    try:
        result = store_bench.run(articles=articles, db=db, seed=seed, repeats=repeats,
                                 progress=lambda m: typer.echo(f"bench-store: {m}", err=True))
    except KizunaError as exc:
        say_error(str(exc))
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
    from kizuna.bench import load as load_bench

    results = []
    for count in workers or [1]:
        typer.echo(f"bench-load: {count} worker(s), {clients} clients, {seconds:g} s", err=True)
        try:
            results.append(load_bench.run(db, count, clients, seconds, max_requests))
        except KizunaError as exc:
            say_error(str(exc))
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
    from kizuna.bench import capacity as capacity_bench

    result = capacity_bench.run(db or "", english, japanese,
                                say=lambda m: typer.echo(f"bench-capacity: {m}", err=True))
    typer.echo(json.dumps(result) if json_output else capacity_bench.table(result))
