"""What many commands share: options, the store they open, date and choice parsing."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer

from kizuna.errors import KizunaError
from kizuna.render.languages import READER_LANGUAGES
from kizuna.settings import Settings, load_settings
from kizuna.sources import ArticleDefaults
from kizuna.store import Store


def say_error(message: str) -> None:
    """One line per error, even when a driver's message spans several."""
    typer.echo(f"error: {' '.join(message.split())}", err=True)


def parse_date(value: str | None) -> date | None:
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


def article_defaults(published, language, title, source) -> ArticleDefaults:
    return ArticleDefaults(published=parse_date(published), language=language,
                           title=title, source=source)


DbOpt = Annotated[str | None, typer.Option(
    "--db", help="Database: an SQLAlchemy URL or a file path. Default kizuna.db, or $KIZUNA_DB.")]


ID_WIDTH = 10


MERGED_ID_WIDTH = 3 + ID_WIDTH  # "ev-" and as much of the hash as an article event shows


def settings_for(db: str | None = None, workers: int | None = None) -> Settings:
    try:
        return load_settings(db=db, workers=workers)
    except KizunaError as exc:
        say_error(str(exc))
        raise typer.Exit(2) from None


def open_store(db: str | None) -> Store:
    """The store `--db` (or the settings) names; a clear one-line error and exit 2 if not."""
    try:
        return Store.open(settings_for(db=db).db)
    except KizunaError as exc:
        say_error(str(exc))
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


@contextmanager
def output_file(path: Path | None) -> Iterator[TextIO]:
    if path is None:
        yield sys.stdout
        return
    try:
        handle = path.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        say_error(f"cannot write {str(path)!r}: {exc.strerror or exc}")
        raise typer.Exit(2) from None
    with handle:
        yield handle


LangOpt = Annotated[str | None, typer.Option(
    "--lang", help="Language of headlines: en or ja. Default: your locale ($LANG), else en.")]


def reader_language(given: str | None) -> str:
    """--lang, else the locale's language when kizuna speaks it, else English."""
    import os

    if given:
        chosen = given.strip().lower()[:2]
        if chosen not in READER_LANGUAGES:
            raise typer.BadParameter(f"{given!r} is not one of {', '.join(READER_LANGUAGES)}",
                                     param_hint="--lang")
        return chosen
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "en"


def choice(value: str | None, allowed: tuple[str, ...], option: str) -> str | None:
    if value is None:
        return None
    match = next((a for a in allowed if a.lower() == value.strip().lower()), None)
    if match is None:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(allowed)}",
                                 param_hint=option)
    return match


HostOpt = Annotated[str, typer.Option(
    "--host", help="Address to listen on. Beyond loopback with no API token: read-only.")]


PortOpt = Annotated[int, typer.Option("--port", min=1, max=65535, help="Port.")]


SinceOpt = Annotated[str | None, typer.Option(
    "--since", help="Events dated on or after this day (YYYY-MM-DD; undated: by publication).")]


UntilOpt = Annotated[str | None, typer.Option(
    "--until", help="Events dated on or before this day (YYYY-MM-DD).")]


class TableFormat(StrEnum):
    """What a reading command prints: a table, or JSON or CSV for other programs."""

    table = "table"
    json = "json"
    csv = "csv"
