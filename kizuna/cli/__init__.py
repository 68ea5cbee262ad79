"""The command line: thin commands over the library, each with an example in its help.

One module per family of commands, each registering on the one `app` (`kizuna.cli.app`);
importing them in this order is the order `kizuna --help` lists them in.
"""

from __future__ import annotations

from importlib import import_module

from kizuna.cli.app import app, one_line_summaries, token_app

FAMILIES = ("ingesting", "reading", "analysis", "correcting", "serving", "maintaining",
            "benchmarks")
for _family in FAMILIES:
    import_module(f"kizuna.cli.{_family}")
one_line_summaries(app)
one_line_summaries(token_app)

__all__ = ["app", "main"]


def main() -> None:
    app()
