"""The Typer application every command registers on."""

from __future__ import annotations

import inspect

import typer

app = typer.Typer(
    help="kizuna: cited events from English and Japanese news, stored and queryable.",
    no_args_is_help=True, add_completion=False, rich_markup_mode="rich",
)


@app.callback()
def _root() -> None:
    """kizuna: cited events from English and Japanese news, stored and queryable."""


def one_line_summaries(typer_app: typer.Typer) -> None:
    """Give each command whose docstring opens with a wrapped paragraph that paragraph on
    one line as its summary: `kizuna --help` would otherwise break the list's lines where
    the source does."""
    for command in typer_app.registered_commands:
        if command.short_help or command.callback is None or not command.callback.__doc__:
            continue
        first = inspect.cleandoc(command.callback.__doc__).split("\n\n")[0]
        command.short_help = " ".join(first.split())


token_app = typer.Typer(help="API tokens for writing over the web service.",
                        no_args_is_help=True)
