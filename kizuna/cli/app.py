"""The Typer application every command registers on."""

from __future__ import annotations

import typer

app = typer.Typer(
    help="kizuna: cited events from English and Japanese news, stored and queryable.",
    no_args_is_help=True, add_completion=False, rich_markup_mode="rich",
)


@app.callback()
def _root() -> None:
    """kizuna: cited events from English and Japanese news, stored and queryable."""


token_app = typer.Typer(help="API tokens for writing over the web service.",
                        no_args_is_help=True)
