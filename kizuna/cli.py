"""The command line: thin commands over the library, each with an example in its help."""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import Annotated

import typer

from kizuna import pipeline
from kizuna.contract import document_to_dict
from kizuna.errors import KizunaError
from kizuna.sources import ArticleDefaults, iter_articles

app = typer.Typer(
    help="kizuna: cited events from English and Japanese news, stored and queryable.",
    no_args_is_help=True, add_completion=False, rich_markup_mode="rich",
)


def _err(message: str) -> None:
    typer.echo(f"error: {message}", err=True)


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
        data = document_to_dict(result)
        indent = 2 if format == "json" else None
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=indent) + "\n")
    raise typer.Exit(1 if failed else 0)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
