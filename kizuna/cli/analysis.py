"""The analyst's commands: the daily brief and the commitments ledger."""

from __future__ import annotations

import csv
import json
import sys
from datetime import date
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console

from kizuna.cli.app import app
from kizuna.cli.options import (
    DbOpt,
    LangOpt,
    TableFormat,
    choice,
    open_store,
    parse_date,
    reader_language,
)
from kizuna.cli.render import ledger_table
from kizuna.model import EVENT_TYPES


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
    lang: LangOpt = None,
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

    start, end = parse_date(since) or date.min, parse_date(until)
    with open_store(db) as store:
        digest = build_digest(store, start, end, type=choice(type, EVENT_TYPES, "--type"),
                              actor=actor, country=country)
    if format is DigestFormat.md:
        sys.stdout.write(digest_markdown(digest, base_url, reader_language(lang)))
    elif format is DigestFormat.json:
        typer.echo(json.dumps(digest_view(digest), ensure_ascii=False, indent=1))
    else:
        from kizuna.web.html import render_page

        sys.stdout.write(render_page("digest_standalone.html", lang=reader_language(lang),
                                     digest=digest_view(digest),
                                     base_url=base_url.rstrip("/")))



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
    format: Annotated[TableFormat, typer.Option("--format", help="table, json or csv.")]
    = TableFormat.table,
) -> None:
    """The commitments ledger: every pledge of money once, however many outlets told it and
    however they typed it (agreement, investment, trade, tariff deal), with totals per
    pledger, per pair of countries and per year, by currency (negated pledges left out).

    Example: kizuna commitments --country JPN --since 2025-01-01 --format csv
    """
    from kizuna.contract import PLEDGE_CSV_FIELDS, pledge_to_dict, pledge_to_row
    from kizuna.store.commitments import list_commitments, totals

    with open_store(db) as store:
        pledges = list_commitments(store, actor=actor, country=country,
                                   since=parse_date(since), until=parse_date(until))
    if format is TableFormat.json:
        data = {"commitments": [pledge_to_dict(p) for p in pledges], "totals": totals(pledges)}
        typer.echo(json.dumps(data, ensure_ascii=False, indent=1))
    elif format is TableFormat.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=PLEDGE_CSV_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(pledge_to_row(p) for p in pledges)
    else:
        Console().print(ledger_table(pledges, totals(pledges)))
